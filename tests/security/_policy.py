"""Who may do what in the admin, once, as data: role × action × area of the tree.

tests/security/test_admin_actions.py proves it with real admin requests, and checks that the table
"Vem får göra vad" in docs/editors-guide.md says the same, cell by cell. tests/test_editors.py reads
it too. Change a right here, in the code and in the guide, or the tests fail.

Areas of the page tree, seen from a role:
- ``sections``: the promoters' sections (the success stories and the ordinary pages, page types with
  ``is_promoters_section``) and everything below them;
- ``outside``: every other page outside the regions' subtrees (home page, action areas, the
  initiatives and toolbox start pages, the toolbox's shared resources);
- ``own_region`` / ``other_region``: below a region root (``is_region_root``) of the user's own region,
  or of another region (for a role without a region, every region is another's).
Areas that are not pages: ``taxonomy`` (every registered snippet), ``settings``, ``redirects`` and
``promotions`` (promoted search results).
"""

from focus_industry.core.regions import BUSINESS_PROMOTERS, COORDINATORS, region_root_of

COORDINATOR, PROMOTER, STAFF = "coordinator", "promoter", "staff"

# The rows of the guide's table for each role, in order: the role's name as the guide writes it.
ROLE_NAMES = {
    COORDINATOR: COORDINATORS,
    PROMOTER: BUSINESS_PROMOTERS,
    STAFF: "Regional staff: Dalarna / Gävleborg / Värmland",
}

PAGE_AREAS = ("sections", "outside", "own_region", "other_region")
OTHER_AREAS = ("taxonomy", "settings", "redirects", "promotions")
AREAS = PAGE_AREAS + OTHER_AREAS
AREA_HEADINGS = {
    "sections": "Framgångsexempel och vanliga sidor",
    "outside": "Övriga sidor utanför regionerna",
    "own_region": "Egen regions delträd",
    "other_region": "Annan regions delträd",
    "taxonomy": "Taxonomi (regioner, insatsområden)",
    "settings": "Webbplatsinställningar",
    "redirects": "Omdirigeringar",
    "promotions": "Sökförslag (promoted results)",
}

# One row of the guide per right; each right is proved by the admin actions listed with it.
RIGHTS = {
    "add": ("Skapa", ("add",)),
    "edit": ("Redigera, återställa en äldre version", ("edit", "revert")),
    "submit": ("Skicka till godkännande", ("submit",)),
    "publish": ("Publicera (även flera på en gång)", ("publish", "bulk_publish")),
    "approve": ("Godkänna eller avvisa i arbetsflödet", ("approve", "reject")),
    "cancel": ("Avbryta någon annans godkännande", ("cancel",)),
    "unpublish": ("Avpublicera (även flera på en gång)", ("unpublish", "bulk_unpublish")),
    "move": ("Flytta (även flera på en gång)", ("move", "bulk_move")),
    "copy": ("Kopiera", ("copy",)),
    "delete": ("Radera (även flera på en gång)", ("delete", "bulk_delete")),
    "privacy": ("Sekretess (vem som får se sidan)", ("privacy",)),
}
# Which rights exist outside the page tree (a setting is only ever changed).
OTHER_AREA_RIGHTS = {
    "taxonomy": ("add", "edit", "delete"),
    "settings": ("edit",),
    "redirects": ("add", "edit", "delete"),
    "promotions": ("add", "edit", "delete"),
}

_ALL_PAGES = {"sections", "outside", "other_region"}

# The policy: for each role and right, the areas where it is granted. Least privilege: promoters
# write in their sections only and publish through the coordinators' approval; regional staff
# work in their own region only (deleting or moving a published page there too, as they publish);
# coordinators look after everything except deleting taxonomy (a region or action area carries
# content and URLs).
POLICY = {
    COORDINATOR: {
        "add": _ALL_PAGES | {"taxonomy", "redirects", "promotions"},
        "edit": _ALL_PAGES | {"taxonomy", "settings", "redirects", "promotions"},
        "submit": _ALL_PAGES,
        "publish": _ALL_PAGES,
        "approve": _ALL_PAGES,
        "cancel": _ALL_PAGES,
        "unpublish": _ALL_PAGES,
        "move": _ALL_PAGES,
        "copy": _ALL_PAGES,
        "delete": _ALL_PAGES | {"redirects", "promotions"},
        "privacy": _ALL_PAGES,
    },
    PROMOTER: {
        "add": {"sections"},
        "edit": {"sections"},
        "submit": {"sections"},
        "copy": {"sections"},
    },
    STAFF: {
        "add": {"own_region"},
        "edit": {"own_region"},
        "submit": {"own_region"},
        "publish": {"own_region"},
        "unpublish": {"own_region"},
        "move": {"own_region"},
        "copy": {"own_region"},
        "delete": {"own_region"},
        "privacy": {"own_region"},
    },
}


def applies(role, right, area):
    """Whether the guide has a yes/no for this cell (otherwise it shows a dash)."""
    if area in OTHER_AREAS:
        return right in OTHER_AREA_RIGHTS[area]
    return area != "own_region" or role == STAFF


def allowed(role, right, area):
    return area in POLICY[role].get(right, set())


def right_of(action):
    for right, (_label, actions) in RIGHTS.items():
        if action in actions:
            return right
    raise KeyError(action)


def page_place(page):
    """Where a page lies, whoever looks: (the region of its region root or None, in a promoters' section)."""
    root = region_root_of(page)
    if root is not None:
        return root.region_id, False
    in_section = getattr(page, "is_promoters_section", False) or any(
        getattr(ancestor, "is_promoters_section", False) for ancestor in page.get_ancestors().specific()
    )
    return None, in_section


def area_of(place, user_regions):
    """The area of a page at `place`, seen by a user whose own regions are `user_regions` (ids)."""
    region_id, in_section = place
    if region_id is not None:
        return "own_region" if region_id in user_regions else "other_region"
    return "sections" if in_section else "outside"


def guide_cell(role, right, area):
    if not applies(role, right, area):
        return "–"
    return "ja" if allowed(role, right, area) else "nej"


# A region root itself (a region's initiatives page, its toolbox folder) is moved, copied and deleted
# only by those who manage the taxonomy (focus_industry.core.wagtail_hooks), even inside one's own region.
REGION_ROOT_ACTIONS = ("move", "bulk_move", "copy", "delete", "bulk_delete")


def reserved_for_region_managers(role, action, page):
    return role != COORDINATOR and action in REGION_ROOT_ACTIONS and getattr(page.specific, "is_region_root", False)
