"""WCAG 2.1 AA in Debian's Chromium, on every public page type in both languages.

axe-core (shipped inside axe-playwright-python and injected from disk, never fetched) at desktop and
mobile width with the mobile menu open; keyboard use with a visible focus; reflow at 320 CSS px (the
same as 400 % zoom of a 1280 px window), text-spacing overrides, reduced motion and the print style.
Screenshots of the 320 px, 200 % text and print views land in test-artifacts/screenshots/.
"""

import re

import pytest

from tests.e2e.conftest import ARTIFACTS, screenshot
from tests.e2e.site_pages import PAGE_TYPES, page_cases

pytestmark = pytest.mark.browser

WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
STORY = PAGE_TYPES["story-with-video"]

# The CSS of the WCAG 1.4.12 text-spacing bookmarklet (Steve Faulkner's), as a user style sheet would apply it.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }
"""

# Elements whose own box cuts off their content (overflow hidden/clip, scrolled text) or that stick out of
# the viewport; visually hidden text (1 px boxes) and decorative layers are skipped.
CLIPPED_JS = """
() => {
  const problems = [];
  const width = document.documentElement.clientWidth;
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".visually-hidden, .skip-link, [aria-hidden='true'], svg, .video__frame")) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === "hidden") continue;
    if (rect.right > width + 1 || rect.left < -1) {
      const span = `${Math.round(rect.left)}..${Math.round(rect.right)}`;
      problems.push(`${el.tagName.toLowerCase()}.${el.className} sticks out: ${span}`);
      continue;
    }
    const clips = /(hidden|clip)/.test(style.overflowX + style.overflowY);
    const hasText = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent.trim());
    if ((clips || hasText) && !(el instanceof HTMLImageElement)) {
      if (el.scrollWidth > el.clientWidth + 1 && clips) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts text horizontally`);
      }
      if (el.scrollHeight > el.clientHeight + 1 && clips && el.clientHeight > 0) {
        problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts text vertically`);
      }
    }
  }
  return problems.slice(0, 10);
}
"""

FOCUS_JS = """
() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  const shadow = style.boxShadow !== "none";
  return {
    visible: el.matches(":focus-visible") && (outline || shadow),
    tag: el.tagName.toLowerCase(),
    text: (el.textContent || el.value || "").trim().replace(/\\s+/g, " ").slice(0, 60),
  };
}
"""


def open_menu_if_collapsed(page):
    toggle = page.locator(".main-nav__toggle")
    if toggle.is_visible():
        toggle.click()
        assert toggle.get_attribute("aria-expanded") == "true"
        assert page.locator("#main-nav-list").is_visible()


def axe_violations(page):
    from axe_playwright_python.sync_playwright import Axe

    # Axe() reads axe.min.js from the package on disk and page.evaluate()s it: nothing is downloaded.
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA_TAGS}})
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


def goto(page, url, status):
    response = page.goto(url)
    assert response.status == status, f"{url} answered {response.status}"
    return response


def tab_to(page, selector, limit=120):
    """Press Tab until the focused element matches `selector`; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return presses
    raise AssertionError(f"{selector} was not reached with {limit} presses of Tab")


def assert_focus_visible(page):
    focus = page.evaluate(FOCUS_JS)
    assert focus["visible"], f"no visible focus indicator on <{focus['tag']}> {focus['text']!r}"


# --- axe-core ------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize(("name", "language", "path", "status"), page_cases())
def test_axe_finds_no_wcag_a_or_aa_violations(e2e_server_paged, new_page, name, language, path, status, width):
    page = new_page(width=width)
    goto(page, e2e_server_paged["url"] + path, status)
    assert page.locator("html").get_attribute("lang") == language
    if width < 768:
        open_menu_if_collapsed(page)
    assert axe_violations(page) == []


def test_axe_really_reports_violations(e2e_server_paged, new_page):
    """The check above would be worthless if axe ran but saw nothing: break a page and see it complain."""
    page = new_page()
    goto(page, e2e_server_paged["url"] + "/en/", 200)
    page.evaluate("document.querySelector('.brand img').removeAttribute('alt')")
    page.evaluate(
        """() => { const p = document.createElement("p"); p.textContent = "Pale text on white";
                   p.style.color = "#d0d0d0"; document.getElementById("main-content").prepend(p); }"""
    )
    found = " ".join(axe_violations(page))
    assert "image-alt" in found
    assert "color-contrast" in found


# --- Reflow, zoom, text spacing ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "language", "path", "status"), page_cases())
def test_no_horizontal_scrolling_or_cut_off_text_at_320_px(e2e_server_paged, new_page, name, language, path, status):
    page = new_page(width=320, height=640)
    goto(page, e2e_server_paged["url"] + path, status)
    open_menu_if_collapsed(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 320
    assert page.evaluate(CLIPPED_JS) == []
    if language == "en" and name in {"home", "story-with-video", "initiatives-map", "stories-filtered"}:
        screenshot(page, f"reflow-320-{name}-{language}")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize(
    "name", ["home", "stories-filtered", "story-with-video", "initiatives-map", "resource", "search"]
)
def test_text_spacing_overrides_break_nothing(e2e_server_paged, new_page, name, width):
    page = new_page(width=width, bypass_csp=True)
    goto(page, e2e_server_paged["url"] + PAGE_TYPES[name][1], 200)
    page.add_style_tag(content=TEXT_SPACING_CSS)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= width
    assert page.evaluate(CLIPPED_JS) == []


@pytest.mark.parametrize("name", ["home", "story-with-video", "stories"])
def test_text_at_200_percent_reflows_without_horizontal_scrolling(e2e_server_paged, new_page, name):
    """Text-only zoom (browsers' "zoom text only", or a 32 px minimum font size) at a 640 px window."""
    page = new_page(width=640)
    goto(page, e2e_server_paged["url"] + PAGE_TYPES[name][1], 200)
    # CSSOM, not a style attribute or <style>: it stays allowed under a strict Content-Security-Policy.
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    base_size = page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    assert base_size >= 32
    open_menu_if_collapsed(page)
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 640
    assert page.evaluate(CLIPPED_JS) == []
    screenshot(page, f"text-200-percent-{name}-en")


def test_reduced_motion_is_honoured(e2e_server_paged, new_page):
    page = new_page()
    goto(page, e2e_server_paged["url"] + PAGE_TYPES["initiatives-map"][1], 200)
    shape = ".initiatives-map__shape"
    duration = "(s) => getComputedStyle(document.querySelector(s)).transitionDuration"
    assert page.evaluate(duration, shape) != "0s"
    page.emulate_media(reduced_motion="reduce")
    assert page.evaluate(duration, shape) == "0s"


def test_print_style_of_a_story(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + STORY[1], 200)
    page.emulate_media(media="print")
    for hidden in (".main-nav", ".site-search", ".language-switch", ".skip-link", ".breadcrumbs", ".video__poster"):
        assert not page.locator(hidden).first.is_visible(), f"{hidden} is printed"
    assert page.locator("h1").is_visible()
    assert page.locator(".story__body").is_visible()
    # A film cannot play on paper: its link is printed instead.
    assert page.locator(".video__play").is_visible()
    # Links in the text are followed by their address, so the paper copy keeps them.
    after = page.evaluate(
        """() => Array.from(document.querySelectorAll("main a[href^='http']"))
            .filter((a) => a.offsetParent !== null)
            .map((a) => [a.href, getComputedStyle(a, "::after").content])"""
    )
    assert after, "the story has no external link to print"
    for href, content in after:
        assert href.rstrip("/") in content, f"{href} is printed without its address ({content})"
    # Text is black on white and the layout is one column.
    assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
    screenshot(page, "print-story-en")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(ARTIFACTS / "print-story-en.pdf"), format="A4", print_background=False)


# --- Keyboard ------------------------------------------------------------------------------------


def test_keyboard_skip_link_comes_first_and_moves_focus_to_main(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + "/en/", 200)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert_focus_visible(page)
    box = page.locator(".skip-link").bounding_box()
    assert box["y"] >= 0, "the focused skip link stays off screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-content').contains(document.activeElement)")


def test_keyboard_order_is_header_then_main_then_footer(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + "/en/", 200)
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        region = page.evaluate(
            """() => { const el = document.activeElement;
                 if (el === document.body) return "end";
                 for (const part of ["footer", "main", "header"]) { if (el.closest(part)) return part; }
                 return "other"; }"""
        )
        if region == "end" or (seen and region == "header" and seen[-1] == "footer"):
            break
        assert_focus_visible(page)
        if not seen or seen[-1] != region:
            seen.append(region)
    assert seen[:3] == ["other", "header", "main"] or seen[:2] == ["header", "main"], seen
    assert seen[-1] == "footer"
    assert seen.count("main") == 1 and seen.count("header") == 1


def test_keyboard_mobile_menu_opens_closes_and_leads_on(e2e_server_paged, new_page):
    page = new_page(width=360)
    goto(page, e2e_server_paged["url"] + "/en/", 200)
    tab_to(page, ".main-nav__toggle")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.locator(".main-nav__toggle").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('main-nav-list').contains(document.activeElement)")
    assert_focus_visible(page)
    page.keyboard.press("Escape")
    assert page.locator(".main-nav__toggle").get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('main-nav__toggle')")
    assert not page.locator("#main-nav-list").is_visible()
    page.keyboard.press("Space")
    tab_to(page, "#main-nav-list a[href$='/en/toolbox/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/toolbox/")


def test_keyboard_language_switch(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + PAGE_TYPES["stories-filtered"][0], 200)
    tab_to(page, ".language-switch a")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/success-stories/**")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "area=innovation" in page.url and "region=dalarna" in page.url


def test_keyboard_filters_and_pagination(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + "/en/success-stories/", 200)
    tab_to(page, ".pagination a[rel='next']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*page=2$"))
    assert page.locator(".pagination [aria-current='page']").inner_text() == "2"
    tab_to(page, ".filters a[href*='region=varmland']")
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*region=varmland.*"))
    assert "page=" not in page.url, "a new filter starts again on page 1"
    assert page.locator(".filters a[aria-current='true']", has_text="Värmland").count() == 1


def test_keyboard_plays_the_video(e2e_server_paged, new_page):
    page = new_page(width=1280)
    page.route(
        re.compile(r"https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/.*"), lambda r: r.fulfill(status=204)
    )
    goto(page, e2e_server_paged["url"] + STORY[1], 200)
    tab_to(page, ".video__play")
    assert_focus_visible(page)
    assert page.locator(".video iframe").count() == 0
    page.keyboard.press("Enter")
    page.locator(".video iframe").wait_for()
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"


def test_keyboard_uses_the_map(e2e_server_paged, new_page):
    page = new_page(width=1280)
    goto(page, e2e_server_paged["url"] + PAGE_TYPES["initiatives-map"][1], 200)
    tab_to(page, ".initiatives-map__region")
    # The map shows focus by recolouring and outlining the region's shape in the focus colour.
    stroke = page.evaluate(
        """() => { const shape = document.activeElement.querySelector('.initiatives-map__shape');
                   const s = getComputedStyle(shape); return [s.stroke, parseFloat(s.strokeWidth)]; }"""
    )
    assert stroke[0] == "rgb(255, 191, 71)" and stroke[1] >= 5, stroke
    href = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    assert page.locator("h1").is_visible()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize(("language", "path", "heading"), [("sv", "/_util/login/?next=/", "Logga in"),
                                                          ("en", "/en/_util/login/?next=/en/", "Log in")])  # fmt: skip
def test_visitors_login_in_the_site_look_with_an_error_and_no_third_party(
    e2e_server_paged, new_page, language, path, heading, width
):
    """The login for restricted content: the site's header and footer, one h1, labelled fields, an error
    the screen reader hears, no horizontal scrolling, nothing requested from another host."""
    from urllib.parse import urlparse

    page = new_page(width=width)
    hosts = []
    page.on("request", lambda request: hosts.append(urlparse(request.url).netloc))
    goto(page, e2e_server_paged["url"] + path, 200)
    expect_heading = page.get_by_role("heading", level=1)
    assert expect_heading.count() == 1 and expect_heading.inner_text() == heading
    assert page.locator("header.site-header").is_visible() and page.locator("footer").first.is_visible()
    page.get_by_label("Användarnamn" if language == "sv" else "Username").fill("ingen")
    page.get_by_label("Lösenord" if language == "sv" else "Password", exact=True).fill("fel-losenord")
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[role=alert]").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    if width < 768:
        open_menu_if_collapsed(page)
    assert axe_violations(page) == []
    assert set(hosts) == {urlparse(e2e_server_paged["url"]).netloc}
    screenshot(page, f"visitor-login-{language}-{width}")
