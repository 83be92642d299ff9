"""The taxonomy (three regions, six action areas) as a small cached list, and tags without extra queries.

The taxonomy is tiny and rarely changes, so pages read it from the cache (under the content version:
regions and action areas are snippets, so saving or deleting one purges) instead of querying it on
every request. Listings of pages that
are tagged with regions and action areas (stories, toolbox resources) annotate each row with one
EXISTS flag per region and per action area in the same statement that fetches the rows, instead of
two prefetch queries; `attach_tags` turns the flags into lists.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction

from focus_industry.web.page_cache import cached

from .models import ActionArea, Region


def taxonomy():
    """(regions, action areas), each in their editorial order, from the cache when possible."""
    return cached("taxonomy", [], lambda: (list(Region.objects.ordered()), list(ActionArea.objects.ordered())))


def action_area_by_pk(pk):
    return next((area for area in taxonomy()[1] if area.pk == pk), None)


def private_sections(request=None):
    """(paths, aliases): the paths of the pages with a view restriction, each covering its subtree, and
    whether any page is an alias (whose restrictions are its original's), kept under the content
    version (saving or deleting a restriction purges, as every publish does)."""
    return cached("private-sections", [], _private_sections, request=request)


def _private_sections():
    paths = list(PageViewRestriction.objects.order_by("page__path").values_list("page__path", flat=True))
    return paths, Page.objects.filter(alias_of__isnull=False).exists()


def exclude_private(queryset):
    """Like Wagtail's `.public()`, but as a subquery of the same statement (no query of its own)."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef("path"), 1, Length("page__path")))
    return queryset.exclude(Exists(restricted))


def with_tags(queryset):
    """Annotate one EXISTS flag per region and action area of the queryset's model.

    The model needs `regions` and `action_areas` many-to-many fields.
    """
    model = queryset.model
    regions, areas = taxonomy()
    annotations = {}
    for field_name, prefix, items in (("regions", "region", regions), ("action_areas", "area", areas)):
        field = model._meta.get_field(field_name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        for item in items:
            annotations[f"_tag_{prefix}_{item.pk}"] = Exists(
                through.objects.filter(**{source: OuterRef("pk"), f"{target}_id": item.pk})
            )
    return queryset.annotate(**annotations)


def attach_tags(pages):
    """Turn the flags of `with_tags` into `tag_regions` and `tag_areas` lists (in editorial order).

    Pages that were fetched without the flags are left as they are.
    """
    regions, areas = taxonomy()
    for page in pages:
        if regions and not hasattr(page, f"_tag_region_{regions[0].pk}"):
            continue
        page.tag_regions = [region for region in regions if getattr(page, f"_tag_region_{region.pk}", False)]
        page.tag_areas = [area for area in areas if getattr(page, f"_tag_area_{area.pk}", False)]
    return pages
