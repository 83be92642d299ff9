"""The toolbox in Debian's Chromium: listing and a resource page in both languages, desktop and mobile;
filters by clicking; internal files refused to visitors and served to staff after logging in."""

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.browser

LISTING = {"sv": "/verktygslada/", "en": "/en/toolbox/"}
RESOURCE = {
    "sv": "/verktygslada/dalarna/kom-igang-med-tjanstedesign/",
    "en": "/en/toolbox/dalarna/getting-started-with-service-design/",
}


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_toolbox_listing_and_resource_page_look_finished(e2e_server, new_page, language, width):
    page = new_page(width=width)
    base = e2e_server["url"]
    page.goto(base + LISTING[language])
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator("h1").inner_text() == ("Verktygslåda" if language == "sv" else "Toolbox")
    assert page.locator(".toolbox-card").count() == 10
    assert no_horizontal_scroll(page)
    screenshot(page, f"toolbox-{language}-{width}")

    page.goto(base + RESOURCE[language])
    download = page.locator(".toolbox-download__link")
    assert download.is_visible()
    assert "PDF" in download.inner_text()
    assert no_horizontal_scroll(page)
    screenshot(page, f"toolbox-resource-{language}-{width}")


def test_clicking_filters_narrows_and_clearing_restores(e2e_server, new_page):
    page = new_page(width=1280)
    page.goto(e2e_server["url"] + "/en/toolbox/")
    page.locator('.listing-facet a[href="?kind=funding"]').click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/toolbox/?kind=funding")
    assert page.locator(".toolbox-card").count() == 2
    assert page.locator('.listing-facet a[aria-current="true"]').count() == 1
    page.locator(".listing-facet a", has_text="Increase investment in research").click()
    page.wait_for_load_state()
    assert "area=research" in page.url and "kind=funding" in page.url
    assert page.locator(".toolbox-card").count() == 1
    screenshot(page, "toolbox-filtered-en-1280")
    page.locator("a", has_text="Clear all filters").click()
    page.wait_for_load_state()
    assert page.locator(".toolbox-card").count() == 10


def test_mobile_filters_start_folded_and_open_on_request(e2e_server, new_page):
    page = new_page(width=375)
    page.goto(e2e_server["url"] + "/en/toolbox/")
    filters = page.locator("[data-listing-filters]")
    assert filters.get_attribute("open") is None
    page.locator(".listing-filters__summary").click()
    assert filters.get_attribute("open") is not None
    assert page.locator('.listing-facet a[href="?kind=guide"]').is_visible()
    screenshot(page, "toolbox-filters-open-en-375")


def test_internal_file_needs_a_staff_login(e2e_server, new_page):
    page = new_page(width=1280)
    base = e2e_server["url"]
    page.goto(base + "/verktygslada/dalarna/intern-arbetsplan-regionala-samordnare/")
    assert "login" in page.url  # visitors are asked to log in
    page.fill("#id_username", "staff-varmland")
    page.fill("#id_password", e2e_server["accounts"]["staff-varmland"])
    page.locator("form:has(#id_username) button[type=submit]").click()
    page.wait_for_url("**/verktygslada/dalarna/intern-arbetsplan-regionala-samordnare/")
    link = page.locator(".toolbox-download__link")
    href = link.get_attribute("href")
    response = page.request.get(base + href)
    assert response.status == 200
    assert response.headers["content-disposition"] == 'attachment; filename="exempel-intern-arbetsplan-samordnare.pdf"'
    screenshot(page, "toolbox-internal-sv-1280")
    anonymous = new_page(width=1280)
    refused = anonymous.request.get(base + href, max_redirects=0)
    assert refused.status == 302 and "login" in refused.headers["location"]
