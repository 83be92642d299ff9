"""The editors' workplace in real use: the preview panel, the admin language preference, autosave
next to publishing on SQLite, Swedish throughout the Swedish admin, and the smaller rough edges."""

import re

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import streamfield

from focus_industry.core.models import StandardPage
from tests.factories import about_form

PROMOTERS = "Business promoters"


pytestmark = pytest.mark.usefixtures("wagtail_hooks_loaded")


# --- The preview panel ----------------------------------------------------------------------


@pytest.mark.parametrize(("mode", "title"), [("sv", "Om oss UTKAST"), ("en", "About us DRAFT")])
def test_the_admin_may_frame_the_preview_of_a_draft(client, make_user, about, mode, title):
    client.force_login(make_user(PROMOTERS))
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[about.pk])
    state = client.post(url, about_form(title_sv="Om oss UTKAST", title_en="About us DRAFT"))
    assert state.json() == {"is_valid": True, "is_available": True}

    response = client.get(url, {"mode": mode})

    assert response.status_code == 200
    assert f"<title>{title} | Focus Industry</title>" in response.content.decode()
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    # Directives in whatever order the policy lists them.
    policy = dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())
    assert policy["frame-ancestors"] == "'self'"
    # Otherwise the public page's policy: only the site's own scripts.
    assert policy["script-src"] == "'self'"


def test_public_pages_still_refuse_every_frame(client, make_user, about):
    for user in (None, make_user(PROMOTERS)):
        if user:
            client.force_login(user)
        for address in ("/om-focus-industry/", "/en/about-focus-industry/"):
            response = client.get(address)
            assert response.status_code == 200
            assert response["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_a_visitor_cannot_ask_for_the_preview_policy(client, about):
    # Wagtail marks its own preview requests; nothing in a public request can.
    response = client.get("/om-focus-industry/", {"is_preview": "1", "mode": "sv"}, HTTP_X_IS_PREVIEW="1")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


# --- The admin language (Konto → Profil → Plats → Föredraget språk) -------------------------


def _account_form(client):
    """What the account settings page posts when the editor changes nothing: every panel's values."""
    from django import forms

    response = client.get(reverse("wagtailadmin_account"))
    assert response.status_code == 200
    data = {}
    for panels in response.context["panels_by_tab"].values():
        for panel in panels:
            form = panel.get_form()
            for name, field in form.fields.items():
                value = form[name].value()
                if value is None or isinstance(field, forms.FileField) or value is False:
                    continue
                data[form.add_prefix(name)] = "on" if value is True else value
    return data


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("en", "sv", "Your account settings have been changed successfully!"),
        ("sv", "en", "Dina kontoinställningar har uppdaterats med bra resultat!"),
    ],
)
def test_an_editor_without_a_last_name_changes_the_admin_language(client, make_user, before, after, message):
    from wagtail.users.models import UserProfile

    editor = make_user(PROMOTERS)
    assert (editor.first_name, editor.last_name) == ("", "")
    editor.email = "editor@example.org"
    editor.save()
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = before
    profile.save()
    client.force_login(editor)

    data = _account_form(client)
    data["locale-preferred_language"] = after
    response = client.post(reverse("wagtailadmin_account"), data, follow=True)

    profile.refresh_from_db()
    assert profile.preferred_language == after
    # Wagtail words its confirmation in the language the editor had when pressing Save.
    assert [str(shown).strip() for shown in response.context["messages"]] == [message]
    assert f'<html lang="{after}"' in response.content.decode()


def test_the_email_address_is_still_asked_for(client, make_user):
    from wagtail.users.models import UserProfile

    editor = make_user(PROMOTERS)
    client.force_login(editor)
    data = _account_form(client)
    data["name_email-email"] = ""
    data["locale-preferred_language"] = "en"
    response = client.post(reverse("wagtailadmin_account"), data)
    assert response.status_code == 200
    assert "Det här fältet är obligatoriskt" in response.content.decode()
    assert UserProfile.get_for_user(editor).preferred_language != "en"


def test_a_coordinator_saves_a_user_without_a_last_name(client, make_user):
    editor = make_user(PROMOTERS)
    client.force_login(make_user(superuser=True))
    url = reverse("wagtailusers_users:edit", args=[editor.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, False)}
    data.update(
        {
            "first_name": "",
            "last_name": "",
            "email": "ada@example.org",
            "groups": [g.pk for g in editor.groups.all()],
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    editor.refresh_from_db()
    assert (editor.first_name, editor.last_name) == ("", "")


def test_the_demo_accounts_have_a_whole_name(db, settings):
    from django.contrib.auth import get_user_model

    from focus_industry.demo.loader import create_demo_accounts

    created = create_demo_accounts(log=lambda message: None)
    assert created
    for user in get_user_model().objects.filter(username__in=[name for name, _password in created]):
        assert user.first_name and user.last_name


# --- SQLite with several writers (autosave next to Publish) ---------------------------------

WRITER = """
import sys, time
from pathlib import Path
import django
django.setup()
from django.db import connection, transaction

name, rounds, ready = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
(ready / name).touch()
deadline = time.monotonic() + 60
while len(list(ready.iterdir())) < 2 and time.monotonic() < deadline:
    pass  # both writers start together
for number in range(rounds):
    # What saving a revision does: read, then write, in one transaction.
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        value = cursor.fetchone()[0]
        cursor.execute("INSERT INTO revision (writer, number) VALUES (%s, %s)", [name, number])
        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
"""


def test_two_writers_on_one_sqlite_file_never_meet_a_locked_database(tmp_path):
    import os
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    database = tmp_path / "shared.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER NOT NULL)")
        setup.execute("INSERT INTO counter VALUES (1, 0)")
        setup.execute("CREATE TABLE revision (writer TEXT, number INTEGER)")
    ready = tmp_path / "ready"
    ready.mkdir()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "focus_industry.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "FOCUS_VAR_DIR": str(tmp_path),
    }
    rounds = 300
    root = Path(__file__).resolve().parents[1]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, name, str(rounds), str(ready)],
            env=env,
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("autosave", "publish")
    ]
    results = [(writer.wait(timeout=120), writer.communicate()[1]) for writer in writers]

    for code, errors in results:
        assert "locked" not in errors
        assert code == 0, errors
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT value FROM counter").fetchone()[0] == 2 * rounds  # no update lost
        assert check.execute("SELECT count(*) FROM revision").fetchone()[0] == 2 * rounds
        assert check.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# --- Swedish throughout the Swedish admin ---------------------------------------------------


def _admin_in(client, user, language):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [
        ("sv", ["Visa / redigera fälten för", "Automatisk sparning är pausad"], ["View / edit fields for"]),
        ("en", ["View / edit fields for", "Autosave is paused"], ["Visa / redigera"]),
    ],
)
def test_the_edit_form_speaks_the_admin_language(client, make_user, about, language, shown, not_shown):
    _admin_in(client, make_user(superuser=True), language)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).content.decode()
    for text in shown:
        assert text in html
    for text in not_shown:
        assert text not in html


@pytest.mark.parametrize(
    ("language", "autosaved", "server_error"),
    [
        ("sv", "Ändringarna har sparats automatiskt.", "Ett fel inträffade på servern."),
        ("en", "Changes have been autosaved.", "A server error occurred."),
    ],
)
def test_the_autosave_messages_of_the_admin_scripts_are_translated(
    client, make_user, language, autosaved, server_error
):
    _admin_in(client, make_user(PROMOTERS), language)
    import json

    catalogue = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    if language == "sv":
        assert json.dumps(autosaved) in catalogue and json.dumps(server_error) in catalogue
    else:  # English needs no catalogue entry: the scripts show their own text
        assert json.dumps("Ändringarna har sparats automatiskt.") not in catalogue


def test_bulk_and_listing_messages_in_swedish():
    from django.utils import translation
    from django.utils.translation import gettext, ngettext

    with translation.override("sv"):
        assert (
            ngettext(
                "%(num_parent_objects)d page has been deleted", "%(num_parent_objects)d pages have been deleted", 0
            )
            % {"num_parent_objects": 0}
            == "0 sidor har raderats"
        )
        assert (
            gettext("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s")
            % {
                "start_index": 1,
                "end_index": 7,
                "items_count": 7,
                "model_name": "sidor",
            }
            == "1–7 av 7 sidor"
        )
        assert gettext("Cache") == "Sidcache"
    with translation.override("en"):
        assert gettext("Cache") == "Cache"


@pytest.mark.parametrize(
    ("language", "help_text", "too_big"),
    [
        ("sv", "Största fil: 20,0\xa0MB. Tillåtna filtyper: pdf, doc", "Filen är för stor (20,02\xa0MB)"),
        ("en", "Largest file: 20.0\xa0MB. Allowed file types: pdf, doc", "This file is too big (20.02\xa0MB)"),
    ],
)
def test_the_upload_form_names_size_and_types_and_tells_the_sizes_apart(
    client, make_user, settings, language, help_text, too_big
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
    _admin_in(client, make_user(superuser=True), language)
    form = client.get(reverse("wagtaildocs:add")).content.decode()
    assert help_text in form

    big = SimpleUploadedFile("report.pdf", b"%PDF-1.7\n" + b"0" * (21_000_000 - 9), content_type="application/pdf")
    response = client.post(reverse("wagtaildocs:add"), {"title": "Report", "file": big})
    assert response.status_code == 200
    html = response.content.decode()
    assert too_big in html
    assert "20,0\xa0MB)" not in html and "20.0\xa0MB)" not in html  # not the limit's own figure as the file's


# --- First start: a quiet demo load ---------------------------------------------------------


def test_the_demo_loader_is_quiet_and_purges_once(db, caplog):
    import io
    import logging

    from django.core.management import call_command

    from focus_industry.web.page_cache import page_cache_purged

    purges = []

    def count(**kwargs):
        purges.append(kwargs["reason"])

    page_cache_purged.connect(count)
    out = io.StringIO()
    try:
        with caplog.at_level(logging.INFO):
            call_command("load_demo_content", scale=3, stdout=out)
    finally:
        page_cache_purged.disconnect(count)

    assert "3 generated stories added" in out.getvalue()
    assert [record.getMessage() for record in caplog.records if record.name.startswith("wagtail")] == []
    assert purges == ["demo content loaded"]


def test_a_publication_outside_the_loader_still_purges(about, django_capture_on_commit_callbacks):
    from focus_industry.web.page_cache import page_cache_purged

    purges = []

    def count(**kwargs):
        purges.append(kwargs["reason"])

    page_cache_purged.connect(count)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            about.save_revision().publish()
    finally:
        page_cache_purged.disconnect(count)
    assert len(purges) == 1


# --- Translation status with autosave -------------------------------------------------------


def _story_page(home, editor, **fields):
    """A page an editor starts: its first revision is what autosave stored of the first language."""
    values = {"title": "Vätgas", "title_sv": "Vätgas", "slug_sv": "vatgas-status", "intro_sv": "Svensk ingress."}
    values.update(fields)
    page = StandardPage(**values)
    home.add_child(instance=page)
    page.save_revision(user=editor)
    return page


def _revise(page, editor, minutes_later, **fields):
    from datetime import timedelta

    from django.utils import timezone

    page = StandardPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    for name, value in fields.items():
        setattr(page, name, value)
    revision = page.save_revision(user=editor)
    revision.created_at = timezone.now() + timedelta(minutes=minutes_later)
    revision.save(update_fields=["created_at"])
    return page


def _status_of(page):
    from wagtail.models import Page

    from focus_industry.editors.translation_status import analyse

    return analyse([Page.objects.select_related("content_type").get(pk=page.pk)])[0]


def test_writing_english_after_swedish_is_translating_not_outdating(home, make_user):
    editor = make_user(PROMOTERS)
    page = _story_page(home, editor)
    _revise(page, editor, 90, title_en="Hydrogen", slug_en="hydrogen-status", intro_en="English intro.")
    assert not _status_of(page).has_problems


def test_autosaves_of_one_sitting_count_as_one_step(home, make_user):
    editor = make_user(PROMOTERS)
    page = _story_page(home, editor, title_en="Hydrogen", slug_en="hydrogen-status", intro_en="English in")
    _revise(page, editor, 1, intro_en="English intro, finished.")  # autosave while English is typed
    assert not _status_of(page).has_problems


def test_a_later_one_sided_change_is_still_outdated_and_named_as_editors_know_it(client, make_user, home):
    editor = make_user(PROMOTERS)
    page = _story_page(home, editor, title_en="Hydrogen", slug_en="hydrogen-status", intro_en="English intro.")
    _revise(page, editor, 120, intro_en="A new English introduction.")
    status = _status_of(page)
    assert status.outdated == {"sv": ["intro"]}
    assert status.outdated_labels == {"sv": ["Ingress"]}
    assert status.problems_text == "Svenska inaktuell (Ingress)"

    client.force_login(make_user(superuser=True))
    html = client.get(reverse("focus_translation_status")).content.decode()
    assert "Ingress" in html
    assert ": intro" not in " ".join(html.split())


# --- The stories listing in the admin -------------------------------------------------------


@pytest.mark.parametrize(
    ("group", "shown"),
    [(PROMOTERS, True), ("Coordinators", True), ("Regional staff: Dalarna", False)],
)
def test_the_stories_menu_item_only_for_those_who_may_write_stories(client, make_user, group, shown):
    client.force_login(make_user(group))
    listing = reverse("success_stories:index")
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert (f'"url": "{listing}"' in response.content.decode() or listing in response.content.decode()) is shown


@pytest.mark.parametrize(("language", "expected"), [("sv", "3 december 2026"), ("en", "Dec. 3, 2026")])
def test_the_stories_listing_shows_the_publication_date_as_a_date(client, make_user, language, expected):
    import datetime

    from stories.models import StoryPage

    story = StoryPage.objects.live().first()
    StoryPage.objects.filter(pk=story.pk).update(date=datetime.date(2026, 12, 3))
    _admin_in(client, make_user(superuser=True), language)
    html = client.get(reverse("success_stories:index")).content.decode()
    import re

    # The cell's own text is the date (before: "11 hours ago", the date only in a tooltip).
    assert re.search(rf">\s*{re.escape(expected)}\s*<", html)


# --- Names kept in the database, as the Swedish admin shows them ---------------------------


def test_the_swedish_admin_names_the_workflow_in_swedish(client, make_user, about):
    _admin_in(client, make_user(PROMOTERS), "sv")
    html = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).content.decode()
    assert "Lämna in till Samordnarnas godkännande" in html
    assert "Coordinator approval" not in html


def test_the_swedish_admin_names_the_shared_internal_collection_in_swedish(client, make_user):
    _admin_in(client, make_user(superuser=True), "sv")
    html = client.get(reverse("wagtailadmin_collections:index")).content.decode()
    assert "Gemensamt – intern" in html
    assert "Dalarna – intern" in html
    assert ">Internal<" not in html and "Internal</" not in html


def test_the_shared_internal_collection_is_still_found_and_still_restricted(db):
    from wagtail.models import Collection, CollectionViewRestriction

    from toolbox.models import internal_collection

    collection = internal_collection()
    assert collection.name == "Gemensamt – intern"
    assert CollectionViewRestriction.objects.filter(collection=collection).exists()
    # Renamed, not doubled: no second collection under the old name.
    assert not Collection.objects.filter(name="Internal").exists()
    assert Collection.objects.filter(name="Gemensamt – intern").count() == 1


def test_the_swedish_page_tree_says_utforskar(client, make_user, about):
    _admin_in(client, make_user(superuser=True), "sv")
    html = client.get(reverse("wagtailadmin_explore", args=[about.get_parent().pk])).content.decode()
    assert "Utforskar" in html
    assert "Exploring" not in html


# --- The English fields are optional, and say so -------------------------------------------


def _input(html, name):
    tag = re.search(rf"<(?:input|textarea)[^>]*\bname=\"{name}\"[^>]*>", html)
    assert tag is not None, name
    return tag.group(0)


def _help_text(html, name):
    div = re.search(rf"id=\"[^\"]*-{name}-helptext\"[^>]*>(.*?)</div>", html, re.DOTALL)
    return div.group(1) if div else ""


@pytest.mark.parametrize(
    ("language", "placeholder", "fallback"),
    [
        ("sv", 'placeholder="Sidrubrik*"', "Lämnas fältet tomt visas den svenska texten på den engelska sidan."),
        ("en", 'placeholder="Page title*"', "Left empty, the English page shows the Swedish text."),
    ],
)
def test_the_english_title_is_optional_and_falls_back_to_swedish(
    client, make_user, about, language, placeholder, fallback
):
    _admin_in(client, make_user(superuser=True), language)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk])).content.decode()
    assert placeholder in _input(html, "title_sv")  # the Swedish title is required and says so
    assert re.search(r'placeholder="[^"]', _input(html, "title_en")) is None
    # Said under each optional English field (title, slug, SEO title, description, introduction, body …),
    # never under a Swedish one.
    assert html.count(fallback) >= 5
    assert fallback in _help_text(html, "title_en")
    assert fallback not in _help_text(html, "title_sv")


def test_a_page_saved_without_english_shows_swedish_on_the_english_page(client, make_user, about):
    _admin_in(client, make_user(superuser=True), "sv")
    url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    response = client.post(
        url, about_form(title_en="", intro_en="", body_en=streamfield([]), **{"action-publish": "1"})
    )
    assert response.status_code == 302
    about.refresh_from_db()
    assert about.title_sv == "Om Focus Industry" and about.title_en in ("", None)
    from django.utils import translation

    with translation.override("en"):
        english_url = about.get_url()
    client.logout()
    page = client.get(english_url)
    assert page.status_code == 200
    assert "<h1>Om Focus Industry</h1>" in page.content.decode().replace("\n", "")
