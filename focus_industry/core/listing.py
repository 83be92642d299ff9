"""What every filtered listing shares (success stories, initiatives, toolbox, search)."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject, cached_property

from focus_industry.web import fragments


class KnownCountPaginator(Paginator):
    """A paginator whose total is already known (counted with the facets): no COUNT query of its own."""

    def __init__(self, object_list, per_page, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self):
        return self._known_count


class LazyQuerySet:
    """The listed items for a KnownCountPaginator, whose queryset `build()` makes only once a page of it
    is read: not when the page of cards is a kept fragment. (Building a card queryset, its tags
    annotated and its renditions prefetched, costs milliseconds of Python even if it never runs.)
    """

    def __init__(self, build):
        self._build = build

    def __getitem__(self, key):
        return SimpleLazyObject(lambda: self._build()[key])


def kept_counts(request, name, vary, queryset, aggregates):
    """The facet counts (one aggregate query), kept per filter combination until content changes
    (fragments.py): `vary` names everything they depend on besides the language.
    """
    return fragments.kept(request, name, vary, lambda: queryset.order_by().aggregate(**aggregates))


def lazy_page(page_obj, prepare):
    """The page's items, `prepare(items)`, fetched only if a template renders them: not when the page
    of cards is a kept fragment (`{% fragment %}`).
    """
    return SimpleLazyObject(lambda: prepare(page_obj.object_list))


def filter_query(names, params, name=None, value=None):
    """The filters `names` found in `params`, with `name` set to `value` (None removes it).

    As '?…' in the order of `names`, or '' when none is left; the page number is always dropped.
    """
    kept = {key: params[key] for key in names if params.get(key)}
    if name is not None and value is None:
        kept.pop(name, None)
    elif name is not None:
        kept[name] = value
    encoded = urlencode([(key, kept[key]) for key in names if key in kept])
    return f"?{encoded}" if encoded else ""
