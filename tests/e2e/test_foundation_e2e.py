"""Home in both languages, on desktop and mobile, in Debian's Chromium: menu, language switch, looks."""

import pytest

from tests.e2e.conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_home_renders_and_language_switch_leads_to_the_twin(e2e_server, new_page, language, width):
    page = new_page(width=width)
    base = e2e_server["url"]
    page.goto(f"{base}/" if language == "sv" else f"{base}/en/")
    assert page.locator("html").get_attribute("lang") == language
    heading = page.locator("h1").inner_text()
    assert "Focus Industry" in heading
    # No horizontal scrolling, at either width.
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    screenshot(page, f"home-{language}-{width}")
    other = "en" if language == "sv" else "sv"
    page.locator(f'.language-switch a[hreflang="{other}"]').click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == other
    assert page.url.rstrip("/").endswith("/en") if other == "en" else page.url == f"{base}/"


def test_mobile_menu_opens_and_leads_to_a_page(e2e_server, new_page):
    page = new_page(width=375)
    page.goto(f"{e2e_server['url']}/en/")
    toggle = page.locator(".main-nav__toggle")
    assert toggle.is_visible()
    about = page.locator("#main-nav-list a", has_text="About Focus Industry")
    assert not about.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert about.is_visible()
    screenshot(page, "menu-open-en-375")
    about.click()
    page.wait_for_load_state()
    assert page.url.endswith("/en/about-focus-industry/")
    assert page.locator("h1").inner_text() == "About Focus Industry"


LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { total += entry.value; } }
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 200);
})"""


@pytest.mark.parametrize("path", ["/en/", "/framgangsexempel/"])
def test_nothing_shifts_while_a_page_loads_on_a_small_screen(e2e_server, new_page, path):
    """The collapsed menu and a listing's folded filters are in place from the first paint, so nothing
    moves when the deferred site.js runs (Lighthouse's cumulative layout shift). The script is held back
    until the page has painted, as on a slow network, so the order is certain rather than a race."""
    page = new_page(width=375)
    held = []
    page.route("**/js/site.js", lambda route: held.append(route))
    page.goto(e2e_server["url"] + path, wait_until="commit")
    page.wait_for_function("() => performance.getEntriesByType('paint').some(e => e.name === 'first-contentful-paint')")
    page.wait_for_function("() => document.readyState === 'interactive'")  # parsed and painted, site.js not run
    assert held, "site.js is asked for while the page is parsed"
    held[0].continue_()
    page.wait_for_load_state("load")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.evaluate(LAYOUT_SHIFT) < 0.1


def test_desktop_menu_is_always_visible_and_keyboard_reachable(e2e_server, new_page):
    page = new_page(width=1280)
    page.goto(f"{e2e_server['url']}/")
    assert not page.locator(".main-nav__toggle").is_visible()
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("class") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_action_area_page_in_both_languages(e2e_server, new_page):
    page = new_page(width=1280)
    page.goto(f"{e2e_server['url']}/insatsomraden/")
    page.locator(".area-card a").first.click()
    page.wait_for_load_state()
    assert page.locator(".steps li").count() >= 3
    screenshot(page, "action-area-sv-1280")
    page.locator('.language-switch a[hreflang="en"]').click()
    page.wait_for_load_state()
    assert "/en/action-areas/" in page.url
    assert page.locator("h2#steps-heading").inner_text() == "Steps to move us forward"
