"""The initiatives' contributions to core pages: regional initiatives on the home page and on tagged pages."""

from django.db.models import Q
from django.utils.translation import gettext as _

from wagtail import hooks

from focus_industry.core.listing import tagged
from focus_industry.core.sections import HOME_SECTIONS, TAGGED_SECTIONS, Section

from .models import InitiativePage, RegionPage, card_list, for_cards, published_initiatives, site_links

SECTION_SIZE = 3
HOME_SECTION_KEY = "initiatives-regional"
TAGGED_SECTION_KEY = "initiatives-tagged"


def newest(*conditions):
    """Running initiatives first, then the newest: one query (region joined, action areas annotated)."""
    return card_list(for_cards(published_initiatives().filter(*conditions))[:SECTION_SIZE])


@hooks.register(HOME_SECTIONS)
def regional_initiatives(request, page=None, **kwargs):
    items = newest()
    if not items:
        return None
    links = site_links(request)
    return Section(
        key=HOME_SECTION_KEY,
        heading=_("Regional initiatives"),
        template="initiatives/sections/initiatives.html",
        items=items,
        more_url=links["index"],
        more_label=_("All initiatives"),
        order=200,
        extra={"region_links": list(links["regions"].values())},
    )


@hooks.register(TAGGED_SECTIONS)
def tagged_initiatives(request, page=None, action_area=None, region=None, **kwargs):
    if action_area is not None:
        items = newest(tagged(InitiativePage, "action_areas", action_area.pk))
        query = f"area={action_area.slug}"
        more_label = _("All initiatives in this action area")
    elif region is not None and not isinstance(page, RegionPage):  # a region page lists its own
        items = newest(Q(region_id=region.pk))
        query = f"region={region.slug}"
        more_label = _("All initiatives in the region")
    else:
        return None
    if not items:
        return None
    index_url = site_links(request)["index"]
    return Section(
        key=TAGGED_SECTION_KEY,
        heading=_("Initiatives"),
        template="initiatives/sections/initiatives.html",
        items=items,
        more_url=f"{index_url}?{query}" if index_url else "",
        more_label=more_label,
        order=200,
    )


@hooks.register("register_search_result_type")
def initiative_search_result_type():
    from django.utils.translation import gettext_lazy

    from focus_industry.search.types import SearchResultType

    from .models import InitiativePage

    return SearchResultType(
        "initiative", InitiativePage, gettext_lazy("Initiative"), gettext_lazy("Initiatives"), "start_date"
    )
