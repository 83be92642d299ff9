"""The approval workflow in Debian's Chromium: a business promoter writes a page in Swedish and English
and submits it; a coordinator (another browser context) approves it from the dashboard; the page is
then public in both languages. Screenshots of the admin edit screen and the translation-status report."""

import subprocess
import sys

import pytest

from tests.e2e.conftest import ROOT, admin_log_in, screenshot, server_shell

pytestmark = pytest.mark.browser

TITLE_SV = "Vätgas i verkstaden"
TITLE_EN = "Hydrogen in the workshop"


def page_id(e2e_server, query):
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "shell",
            "-c",
            f"from focus_industry.core.models import HomePage, StandardPage; print({query}.pk)",
        ],
        env=e2e_server["env"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def home_page_id(e2e_server):
    return page_id(e2e_server, "HomePage.objects.get()")


PROMOTERS_PARENT = "StandardPage.objects.live().order_by('path').first()"


def promoters_parent_id(e2e_server):
    """A standard page: business promoters write below those (new pages under home are the coordinators')."""
    return page_id(e2e_server, PROMOTERS_PARENT)


def promoters_parent_paths(e2e_server):
    """The Swedish and English address of that page, e.g. ('/om-focus-industry/', '/en/about-focus-industry/')."""
    code = (
        "from django.utils import translation; from focus_industry.core.models import StandardPage; "
        f"p = {PROMOTERS_PARENT}; a = p.get_url(); translation.activate('en'); print(a, p.get_url())"
    )
    sv, en = server_shell(e2e_server, code).split()
    return sv, en


def log_in(page, e2e_server, username):
    """Password, then (for the coordinator) the code from the demo account's authenticator key."""
    admin_log_in(page, e2e_server, username)
    page.wait_for_url(e2e_server["url"] + "/admin/")


def test_promoter_writes_coordinator_approves_page_goes_live(e2e_server, new_page):
    base = e2e_server["url"]
    parent_id = promoters_parent_id(e2e_server)
    parent_sv, parent_en = promoters_parent_paths(e2e_server)

    # The business promoter writes the page in both languages.
    promoter = new_page(width=1280)
    log_in(promoter, e2e_server, "promoter")
    promoter.goto(f"{base}/admin/pages/add/focus_industry/standardpage/{parent_id}/")
    promoter.fill("#id_title_sv", TITLE_SV)
    promoter.fill("#id_title_en", TITLE_EN)
    promoter.fill("#id_intro_sv", "Tre verkstäder i Dalarna provar vätgas för att värma ugnar.")
    promoter.fill("#id_intro_en", "Three workshops in Dalarna try hydrogen to heat their furnaces.")
    # Both languages are shown side by side (the locale picker's default): Swedish first.
    assert promoter.locator("#id_title_sv").is_visible() and promoter.locator("#id_title_en").is_visible()
    screenshot(promoter, "editors-admin-edit-1280")

    # The tabs' ids follow the admin language ("Promote" / "Marknadsför"): the second tab is Promote.
    tabs = promoter.locator("[role=tab]")
    tabs.nth(1).click()
    promoter.fill("#id_slug_sv", "vatgas-i-verkstaden")
    promoter.fill("#id_slug_en", "hydrogen-in-the-workshop")
    tabs.nth(0).click()

    # A promoter has no "Publish": the action menu offers to submit it to the approval workflow.
    assert promoter.locator('button[name="action-publish"]').count() == 0
    promoter.locator("footer .w-dropdown__toggle, .footer .w-dropdown__toggle").last.click()
    promoter.locator('button[name="action-submit"]').click()
    promoter.wait_for_load_state("networkidle")
    assert promoter.locator(".messages").count() >= 1
    screenshot(promoter, "editors-admin-after-submit-1280")

    # Not public yet.
    anonymous = new_page(width=1280)
    assert anonymous.goto(base + parent_sv + "vatgas-i-verkstaden/").status == 404

    # The coordinator approves from the dashboard (a new browser context: no shared cookies).
    coordinator = new_page(width=1280)
    log_in(coordinator, e2e_server, "coordinator")
    row = coordinator.locator("tr", has_text=TITLE_SV)
    if row.count() == 0:
        row = coordinator.locator("tr", has_text=TITLE_EN)
    approve = row.locator('button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])').first
    screenshot(coordinator, "editors-admin-dashboard-1280")
    row.locator(".w-dropdown__toggle").first.click()  # the row's "…" menu
    approve.click()
    coordinator.wait_for_load_state("networkidle")

    # Public in both languages.
    response = anonymous.goto(base + parent_sv + "vatgas-i-verkstaden/")
    assert response.status == 200
    assert anonymous.locator("h1").inner_text().strip() == TITLE_SV
    response = anonymous.goto(base + parent_en + "hydrogen-in-the-workshop/")
    assert response.status == 200
    assert anonymous.locator("h1").inner_text().strip() == TITLE_EN

    # The admin is neither indexed nor cached.
    response = coordinator.goto(base + "/admin/")
    assert response.headers["x-robots-tag"] == "noindex, nofollow"
    assert "no-store" in response.headers["cache-control"]

    # The translation-status report.
    coordinator.goto(base + "/admin/reports/translation-status/")
    screenshot(coordinator, "editors-admin-translation-status-1280")
    assert (
        coordinator.locator("h1", has_text="Översättningsstatus")
        .or_(coordinator.locator("h1", has_text="Translation status"))
        .first.is_visible()
    )
    # The demo content is fully translated: the report says there is nothing to do.
    assert coordinator.locator("#listing-results").is_visible()
    assert coordinator.locator("#listing-results table.listing tbody tr").count() == 0


def test_preview_modes_swedish_and_english(e2e_server, new_page):
    base = e2e_server["url"]
    page = new_page(width=1280)
    log_in(page, e2e_server, "coordinator")
    home_id = home_page_id(e2e_server)
    page.goto(f"{base}/admin/pages/{home_id}/edit/")
    # The preview panel offers one mode per language, whatever the admin language is.
    values = page.locator("#id_preview_mode option").evaluate_all("options => options.map(o => o.value)")
    assert values == ["sv", "en"]
