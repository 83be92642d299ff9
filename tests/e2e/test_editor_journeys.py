"""Each editor role's whole journey through the Swedish admin, in Debian's Chromium.

- The business promoter switches the admin language in the account settings, writes a story in Swedish
  and English with an image uploaded through the chooser, previews both languages, lets autosave run and
  races it with "Lämna in till …", and submits the story for approval.
- The coordinator signs in with the second factor, approves that story (with a confirmation) and so
  publishes it in both languages.
- Regional staff (Dalarna) publish an initiative and a toolbox resource with a file in their region, have
  an .exe and an oversized file refused with a Swedish message, and are refused another region's pages.

Every journey fails when any response was a 5xx, and when any admin page it visited shows one of the
English strings in ENGLISH_IN_SWEDISH_ADMIN. The pictures of docs/editors-guide.md are taken on the way
(docs/images/editors/, 1280 px wide), so a rerun refreshes them. On PostgreSQL (DATABASE_URL set to a
postgres:// address) the journeys' server runs on a database of its own next to that one.
"""

import datetime
import json
import os
import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from tests.e2e.conftest import ROOT, _serve, admin_log_in, server_shell

pytestmark = pytest.mark.browser

IMAGES = ROOT / "docs" / "images" / "editors"

# English an editor must never meet in the Swedish admin: a plain string is found anywhere in the visible
# text, a pattern by regular expression.
ENGLISH_IN_SWEDISH_ADMIN = [
    "View / edit fields for",
    "Maximum filesize",
    "Autosave is paused",
    "There are validation errors",
    "have been deleted",
    "Coordinator approval",
    "Internal",
    re.compile(r"\b\d+\s*[-–]\s*\d+ of \d+\b"),  # pagination: "1-7 of 7"
    re.compile(r"\bCache\b"),
    "Exploring:",
    "Submit to",
    "Save draft",
    "Sorry, you do not have permission",
    re.compile(r"\bSaved\b"),  # the autosave indicator
]

STORY = {
    "title_sv": "Vätgas värmer ugnarna i Borlänge",
    "title_en": "Hydrogen heats the furnaces in Borlänge",
    "slug_sv": "vatgas-varmer-ugnarna",
    "slug_en": "hydrogen-heats-the-furnaces",
    "lead_sv": "Tre verkstäder i Dalarna har bytt gasol mot vätgas i härdugnarna.",
    "lead_en": "Three workshops in Dalarna have replaced LPG with hydrogen in their hardening furnaces.",
    "body_sv": "Omställningen tog ett år och sänkte utsläppen med nittio procent.",
    "body_en": "The change took a year and cut emissions by ninety per cent.",
}
LEAD_SV_AUTOSAVED = STORY["lead_sv"] + " Utsläppen har minskat kraftigt."
LEAD_EN_RACED = STORY["lead_en"] + " Emissions have fallen sharply."

INITIATIVE = {
    "title_sv": "Vätgasnätverk för verkstäder i Dalarna",
    "title_en": "Hydrogen network for workshops in Dalarna",
    "summary_sv": "Ett nätverk där verkstäder delar erfarenheter av vätgas i produktionen.",
    "summary_en": "A network where workshops share their experience of hydrogen in production.",
    "slug_sv": "vatgasnatverk-for-verkstader",
    "slug_en": "hydrogen-network-for-workshops",
}
RESOURCE = {
    "title_sv": "Checklista för vätgas i verkstaden",
    "title_en": "Checklist for hydrogen in the workshop",
    "description_sv": "Det här behöver en verkstad ha på plats innan den provar vätgas.",
    "description_en": "What a workshop needs in place before it tries hydrogen.",
    "slug_sv": "checklista-vatgas",
    "slug_en": "checklist-hydrogen",
}
PERMISSION_DENIED_SV = "du saknar rättigheter"


# --- The server ------------------------------------------------------------------------------------


def _postgres_url():
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@pytest.fixture(scope="module")
def journey_server(tmp_path_factory, _demo_sqlite):
    """The demo site with its demo logins: on SQLite, or on PostgreSQL when the suite runs on it (a
    database of its own, named after the suite's with "_e2e", made anew and dropped afterwards)."""
    url = _postgres_url()
    if url is None:
        yield from _serve(tmp_path_factory, demo=_demo_sqlite)
        return
    import psycopg

    base, name = url.split("?")[0].rsplit("/", 1)
    name = f"{name}_e2e"
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    yield from _serve(tmp_path_factory, database_url=f"{base}/{name}")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


SITE_MAP = """
import json
from django.utils import translation
from stories.models import StoryIndexPage
from initiatives.models import RegionPage
from toolbox.models import ToolboxRegionPage, ResourcePage
index = StoryIndexPage.objects.get()
urls = {}
for language in ("sv", "en"):
    with translation.override(language):
        urls[language] = index.get_url()
regions = {page.region.slug: page.pk for page in RegionPage.objects.all()}
toolbox = {page.region.slug: page.pk for page in ToolboxRegionPage.objects.all()}
foreign = ResourcePage.objects.descendant_of(ToolboxRegionPage.objects.get(region__slug="gavleborg")).first()
print(json.dumps({"stories": index.pk, "story_urls": urls, "regions": regions, "toolbox": toolbox,
                  "foreign_resource": foreign.pk if foreign else None}))
"""


@pytest.fixture(scope="module")
def site(journey_server):
    """Ids and addresses of the demo pages the journeys start from."""
    return json.loads(server_shell(journey_server, SITE_MAP))


# --- What every journey checks ---------------------------------------------------------------------


class Journey:
    """One editor's browser: records 5xx responses, the English it meets in the admin, and what went
    wrong on the way (checked at the end, so one failure does not hide the next)."""

    def __init__(self, browser, server, username):
        self.base = server["url"]
        self.context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="sv-SE")
        self.server_errors = []
        self.refused_posts = []
        self.english = []
        self.problems = []
        self.visited = []
        self.context.on("response", self._response)
        self.page = self.context.new_page()
        self.page.on("framenavigated", lambda frame: frame.parent_frame or self.visited.append(frame.url))
        admin_log_in(self.page, server, username)
        self.page.wait_for_url(self.base + "/admin/")
        self.look()

    def _response(self, response):
        if response.status >= 500:
            self.server_errors.append(f"{response.status} {response.request.method} {response.url}")
        elif response.status >= 400 and response.request.method == "POST":
            # Shown with a failure, not one by itself: an autosave that loses its race with "Lämna in"
            # is refused (400) by Wagtail, and the page has moved on; what was written is checked below.
            self.refused_posts.append(f"{response.status} POST {response.url.replace(self.base, '')}")

    def goto(self, path):
        response = self.page.goto(self.base + path)
        self.look()
        return response

    def look(self):
        """Note every checked English string in the visible text of the admin page now shown."""
        if "/admin/" not in self.page.url:
            return
        text = self.page.locator("body").inner_text()
        for item in ENGLISH_IN_SWEDISH_ADMIN:
            found = item.search(text) if isinstance(item, re.Pattern) else item in text
            if found:
                shown = found.group(0) if isinstance(item, re.Pattern) else item
                entry = f"{shown!r} on {self.page.url.replace(self.base, '')}"
                if entry not in self.english:
                    self.english.append(entry)

    def expect(self, description, check):
        """A step whose failure is recorded, not raised, so the journey goes on to its end."""
        try:
            check()
        except AssertionError as error:
            self.problems.append(f"{description}: {str(error).splitlines()[0]}")

    def shot(self, name, locator=None):
        """A picture for the guide: the viewport (1280 px wide), or one part of the page."""
        IMAGES.mkdir(parents=True, exist_ok=True)
        path = str(IMAGES / f"{name}.png")
        if locator is None:
            self.page.screenshot(path=path, animations="disabled", caret="hide")
        else:
            locator.screenshot(path=path, animations="disabled", caret="hide")

    def shot_around(self, name, *locators, margin=16):
        """A picture of the area that holds all `locators` (e.g. an open menu and its button)."""
        boxes = [locator.bounding_box() for locator in locators]
        left = max(0, min(box["x"] for box in boxes) - margin)
        top = max(0, min(box["y"] for box in boxes) - margin)
        right = max(box["x"] + box["width"] for box in boxes) + margin
        bottom = max(box["y"] + box["height"] for box in boxes) + margin
        clip = {"x": left, "y": top, "width": right - left, "height": bottom - top}
        self.page.screenshot(path=str(IMAGES / f"{name}.png"), clip=clip, animations="disabled", caret="hide")

    def open_actions_menu(self):
        self.page.get_by_role("button", name="Fler åtgärder").click()

    def success_message(self):
        return self.page.locator(".messages .success")

    def finish(self):
        self.look()
        self.context.close()
        report = []
        if self.server_errors:
            report.append("5xx responses: " + "; ".join(self.server_errors))
        if self.english:
            report.append("English in the Swedish admin: " + "; ".join(self.english))
        report.extend(self.problems)
        if report and self.refused_posts:
            report.append("(refused posts on the way: " + "; ".join(self.refused_posts) + ")")
        assert not report, "\n".join(report)


def test_the_english_list_finds_what_it_lists():
    """The checks above can fail: each entry matches the English it stands for, and none matches the
    Swedish that replaces it."""
    english = "View / edit fields for · Maximum filesize: 20,0 MB. · Autosave is paused · 1-7 of 7 · Cache"
    swedish = "Visa / redigera fält för · Största filstorlek: 20,0 MB. · 1–7 av 7 · Cacheminne · Intern"
    for item in ENGLISH_IN_SWEDISH_ADMIN[:3] + ENGLISH_IN_SWEDISH_ADMIN[7:9]:
        assert item.search(english) if isinstance(item, re.Pattern) else item in english, item
    for item in ENGLISH_IN_SWEDISH_ADMIN:
        assert not (item.search(swedish) if isinstance(item, re.Pattern) else item in swedish), item


def add_text_block(page, field, text):
    """Adds a Text block to the StreamField `field` (e.g. body_sv) and types `text` into it."""
    page.locator(f"#{field}-root button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    editor = page.locator(f"#{field}-root [contenteditable=true]").last
    editor.click()
    page.keyboard.type(text)


def upload_in_chooser(page, field, path, title):
    """Opens the chooser of `field` (e.g. hero_image, document), and uploads `path` on its upload tab."""
    page.locator(f"#id_{field}-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-content")
    modal.locator("#tab-label-upload").click()
    form = modal.locator("form:visible").last
    form.locator("input[type=file]").set_input_files(str(path))
    form.locator("input[name$='-upload-title']").fill(title)
    with page.expect_response(lambda r: r.request.method == "POST" and "/chooser/" in r.url):
        form.locator("button[type=submit]").click()
    return modal


def close_chooser(page):
    page.locator(".modal-content button.close, .modal-content [data-dismiss=modal]").first.click()
    expect(page.locator(".modal-content")).to_be_hidden()


def fill_slugs(journey, values):
    page = journey.page
    page.locator("[role=tab]").nth(1).click()  # Marknadsför
    page.fill("#id_slug_sv", values["slug_sv"])
    page.fill("#id_slug_en", values["slug_en"])
    page.locator("[role=tab]").nth(0).click()  # Innehåll


# --- The business promoter -------------------------------------------------------------------------


def switch_admin_language(journey, language, heading, picture=None):
    """Account → Plats → Föredraget språk, saved; the admin then speaks that language."""
    page = journey.page
    journey.goto("/admin/account/")
    page.select_option("#id_locale-preferred_language", language)
    if picture:
        journey.shot(picture, page.locator("section", has=page.locator("#id_locale-preferred_language")).last)
    page.locator("main form button[type=submit]", has_text=re.compile("Spara|Save")).click()
    page.wait_for_load_state()
    journey.expect(
        f"the account settings save the admin language {language!r}",
        lambda: expect(journey.success_message()).to_be_visible(),
    )
    journey.expect(
        f"the admin speaks {language!r} after the switch",
        lambda: expect(page.locator("h1").first).to_have_text(heading),
    )


@pytest.fixture(scope="module")
def promoter_journey(browser, journey_server, site, tmp_path_factory):
    """The business promoter's journey (the coordinator's starts from the story it submits)."""
    journey = Journey(browser, journey_server, "promoter")
    page = journey.page
    files = tmp_path_factory.mktemp("promoter-files")

    # The language switch: English, then Swedish again.
    switch_admin_language(journey, "en", "Account")
    switch_admin_language(journey, "sv", "Konto", picture="promoter-1-sprakinstallning")

    # A bilingual story with an image uploaded through the chooser.
    journey.goto(f"/admin/pages/add/stories/storypage/{site['stories']}/")
    for field in ("title_sv", "title_en", "lead_sv", "lead_en"):
        page.fill(f"#id_{field}", STORY[field])
    page.locator("#id_title_sv").scroll_into_view_if_needed()
    journey.shot("promoter-2-nytt-exempel")
    add_text_block(page, "body_sv", STORY["body_sv"])
    add_text_block(page, "body_en", STORY["body_en"])
    from PIL import Image

    image_path = files / "vatgasugn.png"
    Image.new("RGB", (960, 540), (28, 96, 140)).save(image_path)
    upload_in_chooser(page, "hero_image", image_path, "Vätgasugn i Borlänge")
    expect(page.locator("#id_hero_image-chooser .chooser__title")).to_have_text("Vätgasugn i Borlänge")
    page.fill("#id_hero_alt_sv", "En härdugn med blå låga.")
    page.fill("#id_hero_alt_en", "A hardening furnace with a blue flame.")
    journey.look()
    fill_slugs(journey, STORY)
    page.get_by_role("button", name="Spara utkast").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    story_id = int(page.url.rstrip("/").split("/")[-2])
    expect(journey.success_message()).to_be_visible()
    journey.look()

    # The preview panel shows the draft in Swedish, then in English.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    journey.expect(
        "the preview panel shows the Swedish draft",
        lambda: expect(preview.locator("h1")).to_have_text(STORY["title_sv"], timeout=15_000),
    )
    journey.shot("promoter-3-forhandsgranska-sv")
    page.select_option("#id_preview_mode", "en")
    journey.expect(
        "the preview panel shows the English draft",
        lambda: expect(preview.locator("h1")).to_have_text(STORY["title_en"], timeout=15_000),
    )
    journey.shot("promoter-4-forhandsgranska-en")
    page.select_option("#id_preview_mode", "sv")
    page.locator("[data-side-panel-toggle=preview]").click()

    # Autosave: a change is saved without a click, and the indicator says so.
    edit_url = f"{journey.base}/admin/pages/{story_id}/edit/"
    with page.expect_response(lambda r: r.request.method == "POST" and r.url == edit_url) as saved:
        page.fill("#id_lead_sv", LEAD_SV_AUTOSAVED)
    journey.expect("autosave answers 200", lambda: assert_status(saved.value, 200))
    journey.expect(
        "the autosave indicator shows the saved state",
        lambda: expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved"),
    )
    journey.look()
    journey.shot("promoter-5-autosparat", page.locator("header").first)

    # "Lämna in till …" is in the menu next to "Spara utkast".
    journey.open_actions_menu()
    submit = page.locator("button[name=action-submit]")
    expect(submit).to_contain_text("Lämna in till")
    journey.look()
    journey.shot_around("promoter-6-lamna-in", submit, page.get_by_role("button", name="Spara utkast"))

    # The race: a change, and while its autosave request is on its way, "Lämna in till …".
    try:
        with page.expect_request(lambda r: r.method == "POST" and r.url == edit_url, timeout=10_000):
            page.fill("#id_lead_en", LEAD_EN_RACED)
    except PlaywrightTimeoutError:
        journey.problems.append("autosave sent nothing within 10 s of a change (before Lämna in till …)")
    if not submit.is_visible():  # the menu closes when the field takes the focus
        journey.open_actions_menu()
    submit.click()
    page.wait_for_url(f"{journey.base}/admin/pages/{site['stories']}/")
    journey.expect("submitting says so", lambda: expect(journey.success_message()).to_be_visible())
    journey.look()

    # Nothing written was lost: the submitted revision has both late changes.
    journey.goto(f"/admin/pages/{story_id}/edit/")
    journey.expect(
        "the autosaved Swedish lead is kept",
        lambda: expect(page.locator("#id_lead_sv")).to_have_value(LEAD_SV_AUTOSAVED),
    )
    journey.expect(
        "the raced English lead is kept", lambda: expect(page.locator("#id_lead_en")).to_have_value(LEAD_EN_RACED)
    )
    journey.shot("promoter-7-inlamnad")

    # The menu's list of success stories shows the story's date as a date, not as "… sedan".
    page.locator("#wagtail-sidebar").get_by_text("Framgångsexempel", exact=True).click()
    row = page.locator("table.listing tbody tr", has_text=STORY["title_sv"])
    expect(row).to_be_visible()
    journey.look()
    headers = page.locator("table.listing thead th").all_inner_texts()
    column = next(i for i, text in enumerate(headers) if text.strip().startswith("Publicerad"))
    date_cell = row.locator("td").nth(column)
    journey.expect(
        "the stories list shows the publication date as a date",
        lambda: expect(date_cell).to_contain_text(str(datetime.date.today().year)),
    )
    return {"journey": journey, "story_id": story_id}


def assert_status(response, status):
    assert response.status == status, f"{response.status} {response.url}"


def test_business_promoter_writes_previews_and_submits_a_bilingual_story(promoter_journey, journey_server):
    journey = promoter_journey["journey"]
    # Not public before approval.
    anonymous = journey.context.browser.new_context()
    try:
        response = anonymous.new_page().goto(journey.base + "/" + STORY["slug_sv"] + "/")
        assert response.status == 404
    finally:
        anonymous.close()
    journey.finish()


# --- The coordinator -------------------------------------------------------------------------------


def test_coordinator_signs_in_with_a_code_and_approves_the_story(browser, journey_server, site, promoter_journey):
    journey = Journey(browser, journey_server, "coordinator")
    page = journey.page
    assert any("/admin/2fa/verify/" in url for url in journey.visited), "no second step at sign-in"

    # The dashboard lists the story under "Inväntar din granskning".
    row = page.locator("tr", has_text=STORY["title_sv"])
    expect(row).to_be_visible()
    journey.shot("coordinator-1-startpanel")
    row.locator(".w-dropdown__toggle").first.click()
    approve = row.locator('button[data-workflow-action-url*="/approve/"]:not([data-launch-modal])').first
    approve.click()
    page.wait_for_load_state("networkidle")
    journey.expect(
        "approving shows a confirmation",
        lambda: expect(journey.success_message()).to_contain_text(STORY["title_sv"]),
    )
    journey.look()
    journey.shot("coordinator-2-godkand")

    # Go-live and expiry: the status side panel's "Sätt schema" (no tab for it in Wagtail 7.4).
    journey.goto(f"/admin/pages/{promoter_journey['story_id']}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    page.get_by_role("button", name="Sätt schema").click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.locator("[name=go_live_at]")).to_be_visible()
    journey.look()
    journey.shot("coordinator-3-schema", dialog.locator(".w-dialog__box"))
    page.keyboard.press("Escape")
    expect(dialog.locator("[name=go_live_at]")).to_be_hidden()

    # Approval published the story in both languages.
    anonymous = browser.new_context()
    try:
        visitor = anonymous.new_page()
        for language in ("sv", "en"):
            url = journey.base + site["story_urls"][language] + STORY[f"slug_{language}"] + "/"
            response = visitor.goto(url)
            assert response.status == 200, url
            assert visitor.locator("h1").inner_text().strip() == STORY[f"title_{language}"]
            assert STORY[f"body_{language}"] in visitor.locator("main").inner_text()
    finally:
        anonymous.close()
    journey.finish()


# --- Regional staff --------------------------------------------------------------------------------


def publish(journey):
    journey.open_actions_menu()
    journey.page.locator("button[name=action-publish]").click()
    journey.page.wait_for_load_state()


def test_regional_staff_publish_in_their_region_and_are_refused_elsewhere(
    browser, journey_server, site, tmp_path_factory
):
    journey = Journey(browser, journey_server, "staff-dalarna")
    page = journey.page
    files = tmp_path_factory.mktemp("staff-files")
    journey.expect(
        "regional staff see no stories menu they cannot use",
        lambda: expect(page.locator("#wagtail-sidebar").get_by_text("Framgångsexempel", exact=True)).to_have_count(0),
    )
    anonymous = browser.new_context()
    visitor = anonymous.new_page()

    # An initiative in Dalarna, published at once.
    journey.goto(f"/admin/pages/add/initiatives/initiativepage/{site['regions']['dalarna']}/")
    for field in ("title_sv", "title_en", "summary_sv", "summary_en"):
        page.fill(f"#id_{field}", INITIATIVE[field])
    journey.look()
    journey.shot("staff-1-nytt-initiativ")
    fill_slugs(journey, INITIATIVE)
    publish(journey)
    expect(journey.success_message()).to_contain_text(INITIATIVE["title_sv"])
    journey.look()
    live = journey.success_message().locator("a", has_text="Visa publicerad").first.get_attribute("href")
    assert visitor.goto(journey.base + live).status == 200
    assert visitor.locator("h1").inner_text().strip() == INITIATIVE["title_sv"]

    # A toolbox resource with a file: an .exe and an oversized file are refused, a PDF is taken.
    journey.goto(f"/admin/pages/add/toolbox/resourcepage/{site['toolbox']['dalarna']}/")
    for field in ("title_sv", "title_en", "description_sv", "description_en"):
        page.fill(f"#id_{field}", RESOURCE[field])
    program = files / "verktyg.exe"
    program.write_bytes(b"MZ" + bytes(200))
    modal = upload_in_chooser(page, "document", program, "Verktyg")
    expect(modal).to_contain_text("Filer av typen ”exe” kan inte laddas upp")
    journey.look()
    journey.shot("staff-2-fel-filtyp", modal)

    limit_mb = int(os.environ.get("TOOLBOX_MAX_UPLOAD_MB", "20"))
    oversized = files / "stor-rapport.pdf"
    with oversized.open("wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate((limit_mb + 1) * 1024 * 1024)  # sparse: nothing written but the header
    form = modal.locator("form:visible").last
    form.locator("input[type=file]").set_input_files(str(oversized))
    form.locator("input[name$='-upload-title']").fill("Stor rapport")
    with page.expect_response(lambda r: r.request.method == "POST" and "/chooser/" in r.url) as refused:
        form.locator("button[type=submit]").click()
    assert refused.value.status < 500
    expect(modal).to_contain_text("Filen är för stor")
    journey.look()
    journey.shot("staff-3-for-stor-fil", modal)

    checklist = files / "checklista.pdf"
    checklist.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    form = modal.locator("form:visible").last
    form.locator("input[type=file]").set_input_files(str(checklist))
    form.locator("input[name$='-upload-title']").fill("Checklista vätgas")
    with page.expect_response(lambda r: r.request.method == "POST" and "/chooser/" in r.url):
        form.locator("button[type=submit]").click()
    expect(page.locator("#id_document-chooser .chooser__title")).to_have_text("Checklista vätgas")
    fill_slugs(journey, RESOURCE)
    publish(journey)
    expect(journey.success_message()).to_contain_text(RESOURCE["title_sv"])
    journey.look()
    journey.shot("staff-4-resurs-publicerad")
    live = journey.success_message().locator("a", has_text="Visa publicerad").first.get_attribute("href")
    assert visitor.goto(journey.base + live).status == 200
    download = visitor.locator("a[href*='/documents/']").first
    assert visitor.request.get(journey.base + download.get_attribute("href")).status == 200

    # Another region's pages: no adding, no editing, with a Swedish message.
    refused_paths = [f"/admin/pages/add/initiatives/initiativepage/{site['regions']['gavleborg']}/",
                     f"/admin/pages/{site['regions']['gavleborg']}/edit/"]  # fmt: skip
    if site["foreign_resource"]:
        refused_paths.append(f"/admin/pages/{site['foreign_resource']}/edit/")
    for path in refused_paths:
        journey.goto(path)
        assert "/edit/" not in page.url and "/add/" not in page.url, path
        expect(page.locator(".messages")).to_contain_text(PERMISSION_DENIED_SV)
    journey.shot("staff-5-annan-region-nekas")
    anonymous.close()
    journey.finish()
