"""The editors' workplace: roles, approval workflow and its e-mails, translation status, scheduled
publishing, redirects for changed slugs in both languages, and the admin's noindex/no-cache headers."""

from datetime import timedelta

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.redirects.permissions import permission_policy as redirect_policy
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Workflow, WorkflowState
from wagtail.permission_policies import ModelPermissionPolicy

from focus_industry.core.models import SiteSettings, StandardPage
from focus_industry.editors.translation_status import analyse
from tests.factories import about_form
from tests.security import _policy as policy

COORDINATORS = "Coordinators"
PROMOTERS = "Business promoters"
STAFF_DALARNA = "Regional staff: Dalarna"
STAFF_GAVLEBORG = "Regional staff: Gävleborg"

# Who may do what: tests/security/_policy.py, proved by tests/security/test_admin_actions.py and stated in
# docs/editors-guide.md. Here, the same policy through Wagtail's permission API, on the about page (a
# published standard page, in the promoters' sections) and on a region root.
ROLE_OF = {COORDINATORS: policy.COORDINATOR, PROMOTERS: policy.PROMOTER, STAFF_DALARNA: policy.STAFF}
RIGHT_OF = {
    "add_subpage": ("add", "sections"),
    "edit": ("edit", "sections"),
    "publish": ("publish", "sections"),
    "unpublish": ("unpublish", "sections"),
    "delete": ("delete", "sections"),
    "site_settings": ("edit", "settings"),
    "search_promotions": ("add", "promotions"),
    "redirects": ("add", "redirects"),
}


def expected_rights(group_name):
    role = ROLE_OF[group_name]
    return {name: policy.allowed(role, right, area) for name, (right, area) in RIGHT_OF.items()}


pytestmark = pytest.mark.usefixtures("wagtail_hooks_loaded")


def rights(user, page):
    tester = page.permissions_for_user(user)
    return {
        "add_subpage": tester.can_add_subpage(),
        "edit": tester.can_edit(),
        "publish": tester.can_publish(),
        "unpublish": tester.can_unpublish(),
        "delete": tester.can_delete(),
        "site_settings": ModelPermissionPolicy(SiteSettings).user_has_permission(user, "change"),
        "search_promotions": ModelPermissionPolicy(SearchPromotion).user_has_permission(user, "add"),
        "redirects": redirect_policy.user_has_permission(user, "add"),
    }


@pytest.mark.parametrize("group_name", list(ROLE_OF))
def test_permission_table(group_name, make_user, about):
    user = make_user(group_name)
    assert rights(user, about) == expected_rights(group_name)


def test_permission_table_region_rows(make_user, regions):
    from focus_industry.core.regions import region_root_of

    roots = [page for page in Page.objects.filter(depth__gt=2).specific() if getattr(page, "is_region_root", False)]
    dalarna_roots = [page for page in roots if page.region_id == regions["dalarna"].pk]
    if not dalarna_roots:
        pytest.skip("No RegionRootMixin page for Dalarna exists yet (initiatives/toolbox not loaded).")
    root = dalarna_roots[0]
    assert region_root_of(root) == root
    own, other = make_user(STAFF_DALARNA), make_user(STAFF_GAVLEBORG)
    for label, user in (("own region", own), ("other region", other)):
        tester = root.permissions_for_user(user)
        got = {"add_subpage": tester.can_add_subpage(), "edit": tester.can_edit(), "publish": tester.can_publish()}
        area = "own_region" if label == "own region" else "other_region"
        expected = {name: policy.allowed(policy.STAFF, RIGHT_OF[name][0], area) for name in got}
        assert got == expected, label


def test_wagtails_default_groups_and_workflow_are_gone(db):
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    root = Page.objects.get(depth=1)
    workflow = root.get_workflow()
    assert workflow.name == "Samordnarnas godkännande"
    tasks = [task.specific for task in workflow.tasks]
    assert [[group.name for group in task.groups.all()] for task in tasks] == [[COORDINATORS]]


def test_promoter_sees_submit_but_not_publish(client, make_user, about):
    promoter = make_user(PROMOTERS)
    client.force_login(promoter)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[about.pk]))
    assert response.status_code == 200
    assert b'name="action-submit"' in response.content
    assert b'name="action-publish"' not in response.content
    # A forged publish is refused: the page stays as it was.
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[about.pk]))
    assert response.status_code in (302, 403)
    about.refresh_from_db()
    assert about.live


def _user(make_user, group, language, username):
    from wagtail.users.models import UserProfile

    user = make_user(group, username=username)
    user.email = f"{username}@example.org"
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def _messages_to(address):
    return [message for message in mail.outbox if address in message.to]


def _draft_page(home, promoter):
    """A new bilingual standard page by `promoter`, not yet live: (page, its revision)."""
    page = StandardPage(
        title="Nytt samarbete",
        title_sv="Nytt samarbete",
        title_en="New partnership",
        slug_sv="nytt-samarbete",
        slug_en="new-partnership",
        intro_sv="Tre regioner samarbetar.",
        intro_en="Three regions work together.",
        live=False,
        owner=promoter,
    )
    home.add_child(instance=page)
    return page, page.save_revision(user=promoter)


def test_workflow_from_submission_to_publication_with_emails_in_each_language(client, make_user, home):
    promoter = _user(make_user, PROMOTERS, "en", "promoter1")
    coordinator_sv = _user(make_user, COORDINATORS, "sv", "samordnare")
    coordinator_en = _user(make_user, COORDINATORS, "en", "coordinator")
    coordinator_default = _user(make_user, COORDINATORS, "", "utan-sprak")

    page, revision = _draft_page(home, promoter)
    workflow = page.get_workflow()
    mail.outbox.clear()
    with translation.override("en"):  # the submitter's admin language must not leak into others' e-mails
        workflow_state = workflow.start(page, promoter)

    sv_mail, en_mail, default_mail = (
        _messages_to(coordinator_sv.email),
        _messages_to(coordinator_en.email),
        _messages_to(coordinator_default.email),
    )
    assert len(sv_mail) == len(en_mail) == len(default_mail) == 1
    assert "har skickats in för godkännande" in sv_mail[0].subject
    assert "Du kan redigera sidan här" in sv_mail[0].body
    assert "has been submitted for approval" in en_mail[0].subject
    assert "You can edit the page here" in en_mail[0].body
    assert "har skickats in för godkännande" in default_mail[0].subject  # no choice made: Swedish
    assert not _messages_to(promoter.email)  # not told about their own submission
    # The approval link points at the admin edit view of this page.
    assert f"/admin/pages/{page.pk}/edit/" in en_mail[0].body

    # The coordinator approves in the admin: the page is published.
    mail.outbox.clear()
    task_state = workflow_state.current_task_state
    client.force_login(coordinator_sv)
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == revision.pk
    workflow_state.refresh_from_db()
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    approved = _messages_to(promoter.email)
    assert len(approved) == 1 and "has been approved" in approved[0].subject

    client.logout()
    assert "New partnership" in client.get("/en/new-partnership/").content.decode()
    assert "Nytt samarbete" in client.get("/nytt-samarbete/").content.decode()


def _submitted_page(home, promoter):
    page, _revision = _draft_page(home, promoter)
    return page, page.get_workflow().start(page, promoter)


@pytest.mark.parametrize(
    ("language", "confirmation"),
    [("sv", "”Nytt samarbete” har godkänts och publicerats."), ("en", "“Nytt samarbete” was approved and published.")],
)
def test_approving_from_the_dashboard_confirms_it_in_the_admin_language(
    client, make_user, home, language, confirmation
):
    promoter = _user(make_user, PROMOTERS, "sv", "promoter1")
    coordinator = _user(make_user, COORDINATORS, language, "samordnare")
    page, workflow_state = _submitted_page(home, promoter)
    client.force_login(coordinator)
    dashboard = reverse("wagtailadmin_home")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", workflow_state.current_task_state.pk])
    response = client.post(url + "?next=" + dashboard, follow=True)  # the dashboard's row menu, as it posts
    assert response.redirect_chain[-1][0] == dashboard
    assert [str(message).strip() for message in response.context["messages"]] == [confirmation]
    assert confirmation in response.content.decode()
    page.refresh_from_db()
    assert page.live


def test_a_promoter_cannot_approve_and_is_told_nothing_was_approved(client, make_user, home):
    promoter = _user(make_user, PROMOTERS, "sv", "promoter1")
    page, workflow_state = _submitted_page(home, promoter)
    client.force_login(promoter)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", workflow_state.current_task_state.pk])
    response = client.post(url, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1 and "du saknar rättigheter" in messages[0]  # Wagtail's refusal, in Swedish
    assert "godkänts" not in response.content.decode()
    page.refresh_from_db()
    assert not page.live and page.workflow_in_progress


def test_submit_through_the_admin_edit_view(client, make_user, about):
    promoter = make_user(PROMOTERS)
    client.force_login(promoter)
    edit_url = reverse("wagtailadmin_pages:edit", args=[about.pk])
    data = about_form(title_en="About Focus Industry (new)", **{"action-submit": "1"})
    response = client.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    about.refresh_from_db()
    assert about.workflow_in_progress
    assert about.title_en == "About Focus Industry"  # the live page is unchanged until approval
    assert about.get_latest_revision_as_object().title_en == "About Focus Industry (new)"


# --- Translation status ---------------------------------------------------------------------


def _new_page(home, **fields):
    values = {
        "title": "Testsida",
        "title_sv": "Testsida",
        "title_en": "Test page",
        "slug_sv": "testsida",
        "slug_en": "test-page",
        "intro_sv": "Svensk ingress.",
        "intro_en": "English introduction.",
    }
    values.update(fields)
    page = StandardPage(**values)
    home.add_child(instance=page)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def _edit(page, **fields):
    """An editor changes some fields and publishes (a new revision each time)."""
    page = StandardPage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _status(page):
    return analyse([Page.objects.select_related("content_type").get(pk=page.pk)])[0]


def test_translation_status_rules(home):
    in_step = _new_page(home)
    assert not _status(in_step).has_problems

    no_english = _new_page(home, slug_sv="utan-engelska", slug_en="", title_en="", intro_en="")
    assert _status(no_english).missing == {"en": ["intro", "title"]}

    # Swedish changed, English not: English is outdated for that field until it changes too.
    page = _new_page(home, slug_sv="andrad", slug_en="changed")
    _edit(page, intro_sv="Ny svensk ingress.")
    assert _status(page).outdated == {"en": ["intro"]}
    _edit(page, title_sv="Ny rubrik")
    assert _status(page).outdated == {"en": ["intro", "title"]}
    _edit(page, intro_en="New English introduction.")
    assert _status(page).outdated == {"en": ["title"]}  # catching up does not make Swedish outdated
    _edit(page, title_en="New title")
    assert not _status(page).has_problems

    # The other way round: an English-only change makes Swedish outdated.
    _edit(page, intro_en="Changed only in English.")
    assert _status(page).outdated == {"sv": ["intro"]}
    # Changing both at once is in step.
    _edit(page, intro_en="Both.", intro_sv="Båda.")
    assert not _status(page).has_problems


def test_translation_status_report(client, make_user, home, django_assert_max_num_queries):
    coordinator = make_user(COORDINATORS)
    missing = _new_page(home, slug_sv="saknar-engelska", slug_en="", title_en="", intro_en="")
    outdated = _new_page(home, slug_sv="gammal-engelska", slug_en="old-english")
    _edit(outdated, intro_sv="Uppdaterad svensk ingress.")
    client.force_login(coordinator)
    url = reverse("focus_translation_status")

    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[missing.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[outdated.pk]) in html
    assert 'data-problem="missing_en"' in html and 'data-problem="outdated_en"' in html

    only_outdated = client.get(url, {"problem": "outdated_en"}).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[outdated.pk]) in only_outdated
    assert reverse("wagtailadmin_pages:edit", args=[missing.pk]) not in only_outdated

    # Bad filter values are ignored (the full list), never a 500.
    assert client.get(url, {"problem": "nonsense", "content_type": "x", "p": "999"}).status_code == 200

    # The menu shows the report.
    assert url in client.get(reverse("wagtailadmin_home")).content.decode()

    # Queries do not grow with the number of pages.
    client.get(url)
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    for n in range(12):
        page = _new_page(home, slug_sv=f"fler-{n}", slug_en=f"more-{n}", title_en="", intro_en="")
        _edit(page, intro_sv=f"Ändrad {n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_translation_status_report_needs_page_rights(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("focus_translation_status"))
    assert response.status_code in (302, 403)


# --- Scheduled publishing -------------------------------------------------------------------


def test_publish_scheduled_publishes_and_expires(home):
    now = timezone.now()
    page = StandardPage(title="Planerad", title_sv="Planerad", title_en="Scheduled", slug_sv="planerad", live=False)
    home.add_child(instance=page)
    # Scheduled for a moment that has now passed (what "Publish" with a go-live date leaves behind
    # once the time comes): an approved revision waiting for publish_scheduled.
    page.go_live_at = now - timedelta(minutes=1)
    page.save_revision(approved_go_live_at=page.go_live_at)
    page.refresh_from_db()
    assert not page.live
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live

    StandardPage.objects.filter(pk=page.pk).update(expire_at=now - timedelta(minutes=1))
    call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert not page.live and page.expired


# --- Redirects for changed slugs --------------------------------------------------------------


def test_changing_the_english_slug_redirects_the_old_english_address(client, about):
    child = StandardPage(title="Styrelse", title_sv="Styrelse", title_en="Board", slug_sv="styrelse", slug_en="board")
    about.add_child(instance=child)
    child.save_revision().publish()
    assert client.get("/en/about-focus-industry/board/").status_code == 200

    about = StandardPage.objects.get(pk=about.pk)
    about.slug_en = "about-us"
    about.save_revision().publish()

    response = client.get("/en/about-focus-industry/")
    assert response.status_code == 301
    assert response["Location"] == "/en/about-us/"
    response = client.get("/en/about-focus-industry/board/")
    assert response.status_code == 301 and response["Location"] == "/en/about-us/board/"
    assert client.get("/en/about-us/").status_code == 200
    # The Swedish address did not change and still answers directly.
    assert client.get("/om-focus-industry/").status_code == 200


def test_changing_the_swedish_slug_redirects_the_old_swedish_address(client, about):
    about.slug_sv = "om-oss"
    about.save_revision().publish()

    response = client.get("/om-focus-industry/")
    assert response.status_code == 301
    assert response["Location"] == "/om-oss/"
    assert client.get("/om-oss/").status_code == 200
    assert client.get("/en/about-focus-industry/").status_code == 200


def test_a_draft_slug_change_creates_no_redirect(client, about):
    about.slug_en = "draft-only"
    about.save_revision()
    assert client.get("/en/about-focus-industry/").status_code == 200
    assert client.get("/en/draft-only/").status_code == 404


# --- Admin headers -----------------------------------------------------------------------------


def _assert_private(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_admin_is_never_indexed_nor_cached(client, make_user):
    _assert_private(client.get("/admin/login/"))
    client.force_login(make_user(COORDINATORS))
    _assert_private(client.get("/admin/"))
    _assert_private(client.get(reverse("focus_translation_status")))


def test_public_pages_are_not_marked_noindex(client, home):
    response = client.get("/")
    assert response.status_code == 200
    assert "X-Robots-Tag" not in response


def test_moving_a_page_redirects_both_languages(client, about, home):
    page = StandardPage(title="Flytt", title_sv="Flytt", title_en="Move", slug_sv="flytt", slug_en="move")
    home.add_child(instance=page)
    page.save_revision().publish()
    page.move(about, pos="last-child")

    response = client.get("/flytt/")
    assert response.status_code == 301 and response["Location"] == "/om-focus-industry/flytt/"
    response = client.get("/en/move/")
    assert response.status_code == 301 and response["Location"] == "/en/about-focus-industry/move/"


def test_promoters_rights_move_from_the_root_to_their_sections(db):
    """The data migration, on a database from before it: promoters' add/change on the root page move
    to the success stories index and every standard page."""
    from importlib import import_module

    from django.apps import apps
    from django.contrib.auth.models import Permission

    from wagtail.models import GroupPagePermission

    from stories.models import StoryIndexPage

    migration = import_module("focus_industry.core.migrations.0005_promoters_least_privilege")
    promoters = Group.objects.get(name=PROMOTERS)
    GroupPagePermission.objects.filter(group=promoters).delete()
    root = Page.objects.get(depth=1)
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        GroupPagePermission.objects.create(group=promoters, page=root, permission=permission)

    migration.forwards(apps, None)

    granted = set(GroupPagePermission.objects.filter(group=promoters).values_list("page_id", "permission__codename"))
    sections = list(StoryIndexPage.objects.values_list("pk", flat=True)) + list(
        StandardPage.objects.values_list("pk", flat=True)
    )
    assert granted == {(pk, codename) for pk in sections for codename in ("add_page", "change_page")}
