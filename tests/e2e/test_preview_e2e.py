"""The editor's preview panel in Debian's Chromium: it shows the unsaved draft, in Swedish and in
English, inside the admin's own frame (no blank panel, no browser error page)."""

import pytest

from tests.e2e.conftest import admin_log_in, screenshot
from tests.e2e.test_editors_e2e import promoters_parent_id

pytestmark = pytest.mark.browser

TITLE_SV = "Förhandsvisad vätgasverkstad"
TITLE_EN = "Previewed hydrogen workshop"


def test_the_preview_panel_shows_the_draft_in_both_languages(e2e_server, new_page):
    base = e2e_server["url"]
    page = new_page(width=1400)
    admin_log_in(page, e2e_server, "promoter")
    page.wait_for_url(base + "/admin/")
    page.goto(f"{base}/admin/pages/add/focus_industry/standardpage/{promoters_parent_id(e2e_server)}/")
    page.fill("#id_title_sv", TITLE_SV)
    page.fill("#id_title_en", TITLE_EN)
    page.fill("#id_intro_sv", "En ingress.")
    page.fill("#id_intro_en", "An introduction.")

    page.locator("[data-side-panel-toggle='preview']").click()
    frame = page.frame_locator("#w-preview-iframe")
    expect_heading(frame, TITLE_SV)
    screenshot(page, "editors-preview-sv")

    page.locator("#id_preview_mode").select_option("en")
    expect_heading(frame, TITLE_EN)
    screenshot(page, "editors-preview-en")


def expect_heading(frame, text):
    from playwright.sync_api import expect

    expect(frame.locator("h1")).to_have_text(text, timeout=15000)
