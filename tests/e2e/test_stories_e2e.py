"""Success stories in Debian's Chromium: the listing and a story in both languages on desktop and
mobile, filters by clicking, and the video that requests nothing from another host before play."""

from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.browser

LISTING = {"sv": "/framgangsexempel/", "en": "/en/success-stories/"}
STORY = {
    "sv": "/framgangsexempel/tjanstebaserad-affarsutveckling/",
    "en": "/en/success-stories/service-driven-business-development/",
}
STORY_TITLE = {
    "sv": "Utbildning i tjänstedriven affärsutveckling",
    "en": "Training in service-driven business development",
}


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def images_loaded(page):
    """Bring each image into view (they are lazy), wait until it has arrived or failed, and check that
    every image has arrived."""
    for image in page.locator("img").element_handles():
        image.evaluate("img => img.scrollIntoView({block: 'center'})")
        page.wait_for_function("img => img.complete", arg=image)
    page.evaluate("window.scrollTo(0, 0)")
    return page.evaluate("Array.from(document.images).every(img => img.complete && img.naturalWidth > 0)")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_listing_and_story_look_finished(e2e_server, new_page, language, width):
    page = new_page(width=width)
    base = e2e_server["url"]
    page.goto(base + LISTING[language])
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == ("Framgångsexempel" if language == "sv" else "Success stories")
    assert page.locator(".story-card").count() == 6
    assert page.locator(".story-card").first.locator(".card__title").inner_text() == STORY_TITLE[language]
    assert images_loaded(page)
    assert no_horizontal_scroll(page)
    screenshot(page, f"stories-{language}-{width}")

    page.goto(base + STORY[language])
    assert page.locator("h1").inner_text() == STORY_TITLE[language]
    assert page.locator(".story-facts").is_visible()
    owner = {
        "sv": "Företagsfrämjare i Värmland, Dalarna och Gävleborg",
        "en": "Business promoters in Värmland, Dalarna and Gävleborg",
    }
    assert owner[language] in page.locator(".story-facts").inner_text()
    assert page.locator(".quote", has_text="Lina Bylund").is_visible()
    assert page.locator(".story-related .story-card").count() == 3
    assert images_loaded(page)
    assert no_horizontal_scroll(page)
    screenshot(page, f"story-{language}-{width}")


def test_clicking_filters_narrows_combines_and_clears(e2e_server, new_page):
    page = new_page(width=1280)
    page.goto(e2e_server["url"] + "/en/success-stories/")
    page.locator(".listing-facet a", has_text="Increase innovation capacity").click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/success-stories/?area=innovation")
    assert page.locator(".story-card").count() == 2
    page.locator(".listing-facet a", has_text="Värmland").click()
    page.wait_for_load_state()
    assert "region=varmland" in page.url and "area=innovation" in page.url
    assert page.locator(".story-card").count() == 2
    assert page.locator('.listing-facet a[aria-current="true"]').count() == 2
    feeds = page.locator('link[rel="alternate"][type="application/rss+xml"]')
    assert "region=varmland" in feeds.get_attribute("href")
    screenshot(page, "stories-filtered-en-1280")
    page.locator("a", has_text="Clear all filters").click()
    page.wait_for_load_state()
    assert page.locator(".story-card").count() == 6


def test_video_requests_nothing_from_other_hosts_until_play(e2e_server, new_page):
    page = new_page(width=1280)
    server_host = urlparse(e2e_server["url"]).netloc
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    # The player itself cannot load offline; answer it locally so the test stays quiet.
    page.route("**/*youtube-nocookie.com/**", lambda route: route.fulfill(status=204, body=""))
    page.goto(e2e_server["url"] + STORY["en"])
    page.locator(".video").scroll_into_view_if_needed()
    page.wait_for_load_state("networkidle")
    assert requested, "the page made no requests at all"
    foreign = [url for url in requested if urlparse(url).netloc != server_host]
    assert foreign == []
    assert page.locator(".video iframe").count() == 0

    page.locator(".video__play").click()
    iframe = page.locator(".video iframe")
    iframe.wait_for()
    assert "youtube-nocookie.com/embed/" in iframe.get_attribute("src")
    screenshot(page, "story-video-playing-en-1280")


@pytest.mark.parametrize("path", ["/en/success-stories/?area=innovation", "/initiativ/", "/en/toolbox/"])
def test_every_listing_folds_its_filters_on_a_phone_and_opens_them_by_keyboard(e2e_server, new_page, path):
    """One filter pattern (focus_industry/core/listing.py): on a phone the count and the first results come
    before the filters, which open with the keyboard; the active filters stay in view while folded."""
    page = new_page(width=375, height=740)
    page.goto(e2e_server["url"] + path)
    filters = page.locator("[data-listing-filters]")
    assert filters.get_attribute("open") is None
    # Right below the folded panel (the initiatives' map of the regions comes before the listing):
    # the count, then the first card within one screen.
    panel = filters.bounding_box()
    count = page.locator(".listing-result-count")
    assert count.is_visible() and count.bounding_box()["y"] - (panel["y"] + panel["height"]) < 150
    assert page.locator(".listing-grid .card").first.bounding_box()["y"] - panel["y"] < 740
    if "area=" in path:
        assert page.locator(".listing-active__tag").is_visible()
    page.locator(".listing-filters__summary").focus()
    page.keyboard.press("Enter")
    assert filters.get_attribute("open") is not None
    assert page.locator(".listing-facet a").first.is_visible()
