"""Initiatives in Debian's Chromium: regional staff publish in their own region and are refused another's;
the overview with its map and a region page in both languages, desktop and mobile.

Every step waits on what a user would see (Playwright's `expect` retries until it holds), never on time."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import ARTIFACTS, screenshot, server_shell

pytestmark = pytest.mark.browser

OVERVIEW = {"sv": "/initiativ/", "en": "/en/initiatives/"}
REGION = {"sv": "/initiativ/dalarna/", "en": "/en/initiatives/dalarna/"}


def no_horizontal_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.fixture(scope="module")
def page_ids(e2e_server):
    """Ids of the Dalarna region page and of a Värmland initiative in the e2e server's database."""
    code = (
        "from initiatives.models import InitiativePage, RegionPage;"
        "print(RegionPage.objects.get(region__slug='dalarna').pk,"
        " InitiativePage.objects.get(slug_sv='vuxenutbildning-sagverksoperatorer').pk)"
    )
    dalarna, varmland_initiative = server_shell(e2e_server, code).split()
    return {"dalarna": int(dalarna), "varmland_initiative": int(varmland_initiative)}


def log_in(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/admin/login/"))


def test_regional_staff_publish_in_their_region_and_are_refused_another(e2e_server, new_page, page_ids):
    base = e2e_server["url"]
    page = new_page(width=1280)
    log_in(page, base, "staff-dalarna", e2e_server["accounts"]["staff-dalarna"])

    page.goto(f"{base}/admin/pages/add/initiatives/initiativepage/{page_ids['dalarna']}/")
    expect(page.locator("#id_title_sv")).to_be_visible()
    assert page.locator("#id_region").count() == 0  # the region follows the parent page
    page.fill("#id_title_sv", "Smart underhåll i Dalarna")
    page.fill("#id_title_en", "Smart maintenance in Dalarna")
    page.fill("#id_summary_sv", "Små verkstäder testar sensorer för förebyggande underhåll.")
    page.fill("#id_summary_en", "Small workshops try sensors for predictive maintenance.")
    page.fill("#id_start_date", "2026-01-01")
    page.fill("#id_end_date", "2026-12-31")
    promote_tab = page.evaluate("document.querySelector('#id_slug_sv').closest('[role=tabpanel]').id")
    page.locator(f'a[href="#{promote_tab}"]').click()
    page.fill("#id_slug_sv", "smart-underhall")
    page.fill("#id_slug_en", "smart-maintenance")
    screenshot(page, "initiatives-admin-add-1280")
    # The publish button sits in the closed actions menu: clicked through the DOM. The add form's address
    # already matches /admin/pages/, so the wait is for the parent's explorer and its success message, which
    # Wagtail shows only once the page is published (a visitor before that would find nothing).
    page.evaluate("document.querySelector('button[name=\"action-publish\"]').click()")
    page.wait_for_url(f"**/admin/pages/{page_ids['dalarna']}/")
    expect(page.locator(".messages .success")).to_be_visible()

    visitor = new_page(width=1280)
    visitor.goto(base + "/initiativ/dalarna/smart-underhall/")
    expect(visitor.locator("h1")).to_have_text("Smart underhåll i Dalarna")
    visitor.goto(base + "/en/initiatives/dalarna/smart-maintenance/")
    expect(visitor.locator("h1")).to_have_text("Smart maintenance in Dalarna")
    visitor.goto(base + "/en/initiatives/?region=dalarna")
    expect(visitor.locator(".initiative-card", has_text="Smart maintenance in Dalarna")).to_have_count(1)

    # Another region's initiative: Wagtail's permission-denied (back to the dashboard), no edit form.
    page.goto(f"{base}/admin/pages/{page_ids['varmland_initiative']}/edit/")
    expect(page).to_have_url(re.compile(r"/admin/?$"))
    expect(page.locator(".messages .error, .messages [class*=error]").first).to_be_visible()
    expect(page.locator("#id_title_sv")).to_have_count(0)
    screenshot(page, "initiatives-admin-refused-1280")


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("language", ["sv", "en"])
def test_overview_with_the_map_and_a_region_page_look_finished(e2e_server, new_page, language, width):
    page = new_page(width=width)
    base = e2e_server["url"]
    page.goto(base + OVERVIEW[language])
    assert page.locator("html").get_attribute("lang") == language
    regions = page.locator(".initiatives-map__region")
    assert regions.count() == 3
    assert page.locator(".initiatives-map svg").is_visible()
    assert page.locator(".initiative-card").count() >= 12
    assert no_horizontal_scroll(page)
    screenshot(page, f"initiatives-overview-{language}-{width}")

    page.goto(base + REGION[language])
    assert page.locator("h1").inner_text() == "Dalarna"
    assert page.locator(".initiative-card").count() >= 4
    assert no_horizontal_scroll(page)
    screenshot(page, f"initiatives-region-{language}-{width}")


def test_map_regions_are_links_reachable_by_keyboard(e2e_server, new_page):
    page = new_page(width=1280)
    page.goto(e2e_server["url"] + "/en/initiatives/")
    first = page.locator(".initiatives-map__region").first
    first.focus()
    assert page.evaluate("document.activeElement.classList.contains('initiatives-map__region')")
    label = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert label.startswith("Dalarna:")
    stroke = page.evaluate(
        "getComputedStyle(document.activeElement.querySelector('.initiatives-map__shape')).strokeWidth"
    )
    assert stroke == "7px"  # the visible focus ring
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.locator(".initiatives-map").screenshot(path=str(ARTIFACTS / "initiatives-map-focus.png"))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')").startswith("Gävleborg:")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/initiatives/gavleborg/")
    assert page.locator("h1").inner_text() == "Gävleborg"
