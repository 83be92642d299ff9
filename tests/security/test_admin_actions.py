"""Least privilege per role: every admin action, as every role, on pages taken from the page tree.

Each item is one role × action × area of the tree (tests/security/_policy.py says which are allowed).
Inside it, the targets are found by walking the tree: one page of each page type in that area (the
region seen from the role: its own, or another's), so a new page type is covered without a new test.
For each target the real admin request is made as that user, GET and a forged POST: a refused case
must answer 403 or the admin's "permission denied" redirect (bulk actions: list the page as one the
user may not touch) and its POST must change nothing anywhere; an allowed case must be served. No
case may answer 5xx. Cases run in a savepoint that is rolled back, so one case never sees another's.
"""

from collections import defaultdict

import pytest

from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageViewRestriction, Revision, WorkflowState, get_page_models
from wagtail.snippets.models import get_snippet_models

from focus_industry.core.models import Region, SiteSettings

from . import _policy as policy

REGION_SLUGS = ("dalarna", "gavleborg", "varmland")
# Every role: (policy role, group, own region). Each region's staff is a role of its own.
ROLES = {
    "coordinator": (policy.COORDINATOR, policy.COORDINATORS, None),
    "promoter": (policy.PROMOTER, policy.BUSINESS_PROMOTERS, None),
    "staff-dalarna": (policy.STAFF, "Regional staff: Dalarna", "dalarna"),
    "staff-gavleborg": (policy.STAFF, "Regional staff: Gävleborg", "gavleborg"),
    "staff-varmland": (policy.STAFF, "Regional staff: Värmland", "varmland"),
}
# Actions tried on one page of every page type of an area; the others (which do not depend on the
# page type) on one page of the area, a different type for each action.
PER_TYPE_ACTIONS = ("edit", "add")
PER_AREA_ACTIONS = (
    "move",
    "copy",
    "delete",
    "unpublish",
    "revert",
    "privacy",
    "submit",
    "publish",
    "approve",
    "reject",
    "cancel",
    "bulk_delete",
    "bulk_unpublish",
    "bulk_move",
    "bulk_publish",
)
PAGE_ACTIONS = PER_TYPE_ACTIONS + PER_AREA_ACTIONS


def _page_items():
    """Every role × action × area, shared out where roles or areas hold the same rights, to stay fast:
    the three staff groups share the actions (each region is still one group's own and another's
    other region, and every group tries edit and add in both); a coordinator, whose rights sit on the
    root, tries edit and add in every area and each other action in one area, a different one each."""
    staff_roles = [key for key, value in ROLES.items() if value[0] == policy.STAFF]
    for role_key, (role, _group, _region) in ROLES.items():
        areas = [area for area in policy.PAGE_AREAS if policy.applies(role, "edit", area)]
        for area_number, area in enumerate(areas):
            for number, action in enumerate(PAGE_ACTIONS):
                shared = action in PER_AREA_ACTIONS or area in ("sections", "outside")
                if role == policy.STAFF and shared:
                    if staff_roles[(number + area_number) % len(staff_roles)] != role_key:
                        continue
                if role == policy.COORDINATOR and action in PER_AREA_ACTIONS and number % len(areas) != area_number:
                    continue
                yield pytest.param(role_key, action, area, id=f"{role_key}-{action}-{area}")


_cases = defaultdict(int)


@pytest.fixture(scope="module", autouse=True)
def _print_cases(request):
    """The matrix's size, printed after the run (each item runs one case per target it finds)."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")

    def report():
        if reporter is not None and _cases:
            reporter.write_line(
                f"admin actions matrix: {sum(_cases.values())} cases (each a GET and a forged POST) "
                f"in {len(_cases)} role × action × area combinations"
            )

    if not _cases:  # once per run, however often pytest sets this module up
        request.config.add_cleanup(report)


# --- The tree, walked ---------------------------------------------------------------------------


def _region_order(role_key):
    """The other regions in an order that differs per role, so each region is someone's other region."""
    index = list(ROLES).index(role_key)
    return [REGION_SLUGS[(index + step) % len(REGION_SLUGS)] for step in range(len(REGION_SLUGS))]


_tree = []


def _walk():
    """Every page below the root, once per run (each test rolls back, so the tree is the same for all):
    (page, where it lies, the slug of its region or None, the actions that can be done to it at all)."""
    if _tree:
        return _tree
    regions = {region.pk: region.slug for region in Region.objects.all()}
    superuser = _superuser()
    for page in Page.objects.filter(depth__gt=1).order_by("path").specific():
        place = policy.page_place(page)
        possible = {action for action in PAGE_ACTIONS if _possible(superuser, action, page)}
        _tree.append((page, place, regions.get(place[0]), possible))
    return _tree


def targets(role_key, area, action):
    """One page per page type in `area` as the role sees it, found by walking the whole tree."""
    role, _group, own_slug = ROLES[role_key]
    own = {region.pk for region in Region.objects.filter(slug=own_slug)}
    order = _region_order(role_key)
    found = {}
    for page, place, region_slug, possible in _walk():
        if action not in possible or policy.area_of(place, own) != area:
            continue
        rank = order.index(region_slug) if region_slug else 0
        if type(page) not in found or rank < found[type(page)][0]:
            found[type(page)] = (rank, page)
    pages = [page for _rank, page in sorted(found.values(), key=lambda item: (item[0], item[1].path))]
    if action in PER_AREA_ACTIONS and pages:
        pages = [pages[PER_AREA_ACTIONS.index(action) % len(pages)]]
    return pages


def _superuser():
    from django.contrib.auth import get_user_model

    user, _created = get_user_model().objects.get_or_create(
        username="matrix-superuser", defaults={"is_superuser": True, "is_staff": True}
    )
    return user


def _possible(superuser, action, page):
    """Whether the action can be done to the page at all (by a superuser): the matrix only asks about rights."""
    parent = page.get_parent()
    kind = type(page)
    if action == "add":
        return _subpage_model(page) is not None
    if action in ("move", "bulk_move"):
        return page.depth > 2 and page.permissions_for_user(superuser).can_move_to(parent)
    if action == "copy":
        return page.depth > 2 and kind.is_creatable and kind.can_create_at(parent)
    if action in ("delete", "bulk_delete"):
        return page.depth > 2
    if action in ("unpublish", "bulk_unpublish"):
        return page.live
    return True


def _subpage_model(page):
    for model in type(page).creatable_subpage_models():
        if model.can_create_at(page):
            return model
    return None


# --- Requests and what they may change ----------------------------------------------------------


# A refused publish, submit or cancel from someone who may edit the page still saves their draft (as
# the editor does): for those only the live pages, view restrictions and workflows must stay as they were.
SAVES_A_DRAFT = ("publish", "submit", "cancel")


def fingerprint(action):
    """Everything the action could change, anywhere in the tree."""
    if action in SAVES_A_DRAFT:
        pages = Page.objects.order_by("pk").values_list("pk", "path", "live", "live_revision_id")
        return list(pages), PageViewRestriction.objects.count(), _workflows()
    pages = Page.objects.order_by("pk").values_list(
        "pk", "path", "live", "title", "latest_revision_id", "live_revision_id", "has_unpublished_changes"
    )
    return list(pages), Revision.objects.count(), PageViewRestriction.objects.count(), _workflows()


def _workflows():
    return list(WorkflowState.objects.order_by("pk").values_list("pk", "status"))


def denied(response):
    home = reverse("wagtailadmin_home")
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == home)


class _Rollback(Exception):
    pass


def _bulk_url(name, page):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", name))
    return f"{url}?id={page.pk}&next={reverse('wagtailadmin_explore', args=[page.get_parent().pk])}"


def _forged_fields(page):
    return {"title": "Forged", "title_sv": "Förfalskad", "title_en": "Forged", "slug": page.slug, "slug_sv": page.slug}


def _prepare(action, page, superuser):
    """What the page needs first (as a superuser would leave it): returns the case's URLs and POST data."""
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    parent = page.get_parent()
    if action == "edit":
        return edit, edit, _forged_fields(page), None
    if action == "add":
        model = _subpage_model(page)
        url = reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, page.pk])
        return url, url, {"title_sv": "Förfalskad", "slug_sv": "forfalskad", "action-publish": "1"}, None
    if action == "move":
        url = reverse("wagtailadmin_pages:move", args=[page.pk])
        return url, reverse("wagtailadmin_pages:move_confirm", args=[page.pk, parent.pk]), {}, None
    if action == "copy":
        url = reverse("wagtailadmin_pages:copy", args=[page.pk])
        data = {
            "new_title": "Kopia",
            "new_slug": f"kopia-{page.pk}",
            "new_parent_page": parent.pk,
            "publish_copies": "on",
        }
        return url, url, data, None
    if action in ("delete", "unpublish"):
        url = reverse(f"wagtailadmin_pages:{action}", args=[page.pk])
        return url, url, {}, None
    if action == "revert":
        older = page.save_revision(user=superuser)
        page.save_revision(user=superuser)
        url = reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, older.pk])
        return url, url, _forged_fields(page), None
    if action == "privacy":
        url = reverse("wagtailadmin_pages:set_privacy", args=[page.pk])
        return url, url, {"restriction_type": "login"}, None
    if action in ("submit", "publish"):
        page.save_revision(user=superuser)
        return edit, edit, {**_forged_fields(page), f"action-{action}": "1"}, f'name="action-{action}"'
    if action in ("approve", "reject", "cancel"):
        state = page.get_workflow().start(page, superuser)
        if action == "cancel":
            return edit, edit, {**_forged_fields(page), "action-cancel-workflow": "1"}, 'name="action-cancel-workflow"'
        task_state = state.current_task_state
        url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
        return url, url, {"comment": "Förfalskad"}, None
    if action.startswith("bulk_"):
        name = action.removeprefix("bulk_")
        if name == "publish":
            page.save_revision(user=superuser)
        url = _bulk_url(name, page)
        return url, url, ({"chooser": parent.pk} if name == "move" else {}), None
    raise KeyError(action)


def _bulk_refused(response, page):
    context = response.context
    refused = [entry["item"].pk for entry in (context.get("items_with_no_access") or [])]
    return page.pk in refused


def run_case(client, role, action, page, expected, superuser):
    page = Page.objects.get(pk=page.pk).specific
    get_url, post_url, data, control = _prepare(action, page, superuser)
    before = fingerprint(action)
    problems = []

    response = client.get(get_url)
    if response.status_code >= 500:
        problems.append(f"GET {response.status_code}")
    elif action.startswith("bulk_"):
        if response.status_code != 200:
            problems.append(f"GET {response.status_code}")
        elif _bulk_refused(response, page) == expected:
            problems.append("GET " + ("refused" if expected else "listed the page as allowed"))
    elif control is not None:  # a button in the editor: there for those allowed, missing (or no editor) for others
        shown = response.status_code == 200 and control in response.content.decode()
        if shown != expected:
            problems.append(f"GET {response.status_code}, control {'shown' if shown else 'missing'}")
        if not shown and not denied(response) and response.status_code != 200:
            problems.append(f"GET {response.status_code}")
    elif expected and response.status_code != 200:
        problems.append(f"GET {response.status_code}")
    elif action == "move" and policy.reserved_for_region_managers(role, action, page):
        pass  # Wagtail shows the destination chooser to whoever may move pages here; the move itself is refused
    elif not expected and not denied(response):
        problems.append(f"GET {response.status_code}, not refused")

    response = client.post(post_url, data)
    if response.status_code >= 500:
        problems.append(f"POST {response.status_code}")
    elif expected and denied(response):
        problems.append("POST refused")
    elif not expected and fingerprint(action) != before:
        problems.append(f"POST {response.status_code} changed the tree")
    return problems


def _in_savepoint(function, *args):
    result = None
    try:
        with transaction.atomic():
            result = function(*args)
            raise _Rollback
    except _Rollback:
        pass
    return result


def _login(client, make_user, role_key):
    _role, group, _region = ROLES[role_key]
    user = make_user(group)
    client.force_login(user)
    return user


@pytest.mark.parametrize(("role_key", "action", "area"), list(_page_items()))
def test_page_action(role_key, action, area, client, make_user):
    role = ROLES[role_key][0]
    expected = policy.allowed(role, policy.right_of(action), area)
    superuser = _superuser()
    _login(client, make_user, role_key)
    pages = targets(role_key, area, action)
    assert pages, f"no page in {area} to try {action} on"
    failures = []
    for page in pages:
        expect = expected and not policy.reserved_for_region_managers(role, action, page)
        problems = _in_savepoint(run_case, client, role, action, page, expect, superuser)
        _cases[(role_key, action, area)] += 1
        if problems:
            failures.append(f"{type(page).__name__} {page.pk} ({'allowed' if expect else 'refused'}): {problems}")
    assert not failures, "\n".join(failures)


def test_every_page_type_is_a_target(db):
    """A new page type is covered as soon as the tree has a page of it (the demo content must)."""
    seen = set()
    for role_key in ROLES:
        for area in policy.PAGE_AREAS:
            for action in PER_TYPE_ACTIONS:
                seen |= {type(page) for page in targets(role_key, area, action)}
    expected = {model for model in get_page_models() if model is not Page}
    assert expected - seen == set()


# --- Snippets, settings, redirects, promoted search results -------------------------------------


def _other_targets(area):
    """(name, add URL, edit URL, delete URL) for each model of the area; a redirect and a promotion are made first."""
    if area == "taxonomy":
        for model in get_snippet_models():
            viewset = model.snippet_viewset
            instance = model.objects.order_by("pk").first()
            yield (
                model.__name__,
                reverse(viewset.get_url_name("add")),
                reverse(viewset.get_url_name("edit"), args=[instance.pk]),
                reverse(viewset.get_url_name("delete"), args=[instance.pk]),
            )
    elif area == "settings":
        settings = SiteSettings.load()
        url = reverse("wagtailsettings:edit", args=["focus_industry", "sitesettings", settings.pk])
        yield "SiteSettings", None, url, None
    elif area == "redirects":
        redirect = Redirect.objects.create(old_path="/gammal-adress", redirect_link="https://example.org/")
        yield (
            "Redirect",
            reverse("wagtailredirects:add"),
            reverse("wagtailredirects:edit", args=[redirect.pk]),
            reverse("wagtailredirects:delete", args=[redirect.pk]),
        )
    elif area == "promotions":
        query = Query.get("industri")
        SearchPromotion.objects.create(query=query, page=Page.objects.get(depth=2), sort_order=0)
        yield (
            "SearchPromotion",
            reverse("wagtailsearchpromotions:add"),
            reverse("wagtailsearchpromotions:edit", args=[query.pk]),
            reverse("wagtailsearchpromotions:delete", args=[query.pk]),
        )


def other_fingerprint():
    return [
        list(model.objects.order_by("pk").values())
        for model in [*get_snippet_models(), SiteSettings, Redirect, SearchPromotion, Query, Group]
    ]


def _other_items():
    for role_key in ROLES:
        for area in policy.OTHER_AREAS:
            for right in policy.OTHER_AREA_RIGHTS[area]:
                yield pytest.param(role_key, right, area, id=f"{role_key}-{right}-{area}")


def _run_other_case(client, right, area, expected):
    failures = []
    for name, add_url, edit_url, delete_url in _other_targets(area):
        url = {"add": add_url, "edit": edit_url, "delete": delete_url}[right]
        before = other_fingerprint()
        response = client.get(url)
        if response.status_code >= 500 or (response.status_code == 200) != expected:
            failures.append(f"{name} GET {response.status_code}")
        elif not expected and not denied(response):
            failures.append(f"{name} GET {response.status_code}, not refused")
        forged = {"name": "Förfalskad", "name_sv": "Förfalskad", "slug": "forfalskad", "old_path": "/forfalskad"}
        response = client.post(url, forged)
        if response.status_code >= 500 or (expected and denied(response)):
            failures.append(f"{name} POST {response.status_code}")
        elif not expected and other_fingerprint() != before:
            failures.append(f"{name} POST {response.status_code} changed {area}")
        _cases[(area, right, name)] += 1
    return failures


@pytest.mark.parametrize(("role_key", "right", "area"), list(_other_items()))
def test_other_action(role_key, right, area, client, make_user):
    expected = policy.allowed(ROLES[role_key][0], right, area)
    _login(client, make_user, role_key)
    failures = _in_savepoint(_run_other_case, client, right, area, expected)
    assert not failures, "\n".join(failures)


# --- The guide says the same ----------------------------------------------------------------------


def _guide_table():
    """The first table of the guide's section "Vem får göra vad": header cells and rows of cells."""
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "editors-guide.md").read_text()
    section = guide.split("\n## Vem får göra vad\n", 1)[1].split("\n## ", 1)[0]
    lines = section.splitlines()
    first = next(number for number, line in enumerate(lines) if line.startswith("| Roll |"))
    table = []
    for line in lines[first:]:
        if not line.startswith("|"):
            break
        table.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return table[0], table[2:]


def test_the_guide_states_the_policy_cell_by_cell():
    header, rows = _guide_table()
    assert header == ["Roll", "Får", *(policy.AREA_HEADINGS[area] for area in policy.AREAS)]
    expected = [
        [policy.ROLE_NAMES[role], label, *(policy.guide_cell(role, right, area) for area in policy.AREAS)]
        for role in policy.POLICY
        for right, (label, _actions) in policy.RIGHTS.items()
    ]
    assert rows == expected


def test_a_malformed_editor_post_is_a_400_and_changes_nothing(client, make_user):
    """A forged POST that lacks a StreamField's counts (which Wagtail's editor reads without a default)."""
    page = Page.objects.get(slug_sv="om-focus-industry").specific
    client.force_login(make_user(policy.COORDINATORS))
    before = fingerprint("edit")
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), _forged_fields(page))
    assert response.status_code == 400
    assert fingerprint("edit") == before
