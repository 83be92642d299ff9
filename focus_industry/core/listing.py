"""The one listing engine: success stories, initiatives and the toolbox each *declare* their listing.

An app declares a `Listing`: its facets (name in the query string, label, choices, condition), how its
cards are fetched, and its words. The engine reads the filters of a request, counts every facet value in
one aggregate query (each count respects the *other* active filters, so it says what a click would
show), and fetches one page of cards. One template pair renders every listing
(`components/listing.html`, `components/listing_facets.html`), with one set of CSS classes (`listing…`).

Bad input, everywhere alike (listing, feeds, open data):
- a parameter the listing does not know (`utm_source`, `foo`) and an empty value are ignored;
- a known filter with a value that does not exist (`?region=skane`) and a page number that is not one of
  the list's pages (`abc`, `0`, `-1`, `1.5`, `01`, past the end) answer **404**. The listing's 404 is
  still the listing: the bad part dropped (first page, known filters kept), under a notice that names
  what was not found and links to the list without it, so a visitor loses nothing and a crawler indexes
  no copy of the list under an address that does not exist. A feed or open-data file answers the site's
  404 page: a feed reader cannot show a notice, and a file of everything would hide the mistake.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from focus_industry.core.taxonomy import taxonomy
from focus_industry.web import page_cache

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def tagged(model, field_name, pk):
    """Rows of `model` whose `field_name` (a many-to-many or a foreign key) holds `pk`.

    A many-to-many is an EXISTS subquery (no join, no duplicate rows).
    """
    model_field = model._meta.get_field(field_name)
    if not model_field.many_to_many:
        return Q(**{model_field.attname: pk})
    through = model_field.remote_field.through
    lookup = {model_field.m2m_field_name(): OuterRef("pk"), f"{model_field.m2m_reverse_field_name()}_id": pk}
    return Q(Exists(through.objects.filter(**lookup)))


@dataclass(frozen=True)
class Facet:
    """One filter: `choices()` gives {value: label} in display order, `condition(model, value)` a Q."""

    name: str
    label: str
    choices: Callable[[], dict]
    condition: Callable


def _taxonomy_facet(name, label, position, field_name):
    def items():
        return taxonomy()[position]

    def condition(model, slug):
        return tagged(model, field_name, next(item.pk for item in items() if item.slug == slug))

    return Facet(name, label, lambda: {item.slug: item.name for item in items()}, condition)


def region_facet(field_name="regions"):
    return _taxonomy_facet("region", _("Region"), 0, field_name)


def area_facet(field_name="action_areas"):
    return _taxonomy_facet("area", _("Action area"), 1, field_name)


def choice_facet(name, label, field_name, choices):
    """A facet over a field with fixed choices (a `TextChoices`): the value is stored as it is."""
    return Facet(name, label, lambda: dict(choices.choices), lambda model, value: Q(**{field_name: value}))


class Filters:
    """The filters of a request: known values kept (in facet order), unknown ones named in `unknown`."""

    def __init__(self, listing, params):
        self.listing = listing
        self.choices = {facet.name: facet.choices() for facet in listing.facets}
        self.values = {}
        self.unknown = []  # [(facet, value as given)]
        for facet in listing.facets:
            given = params.getlist(facet.name)
            value = given[-1].strip() if given else ""
            if value in self.choices[facet.name]:
                self.values[facet.name] = value
            elif value:
                self.unknown.append((facet, value))

    def query(self, name=None, value=None):
        """'?…' of the known filters with `name` set to `value` (None removes it); '' when none is left."""
        values = dict(self.values)
        if name is not None:
            values.pop(name, None)
            if value is not None:
                values[name] = value
        encoded = urlencode([(facet.name, values[facet.name]) for facet in self.listing.facets if facet.name in values])
        return f"?{encoded}" if encoded else ""

    def condition(self, model, skip=None):
        """All active filters but `skip`, combined."""
        combined = Q()
        for facet in self.listing.facets:
            if facet.name in self.values and facet.name != skip:
                combined &= facet.condition(model, self.values[facet.name])
        return combined

    def apply(self, queryset):
        return queryset.filter(self.condition(queryset.model)) if self.values else queryset

    def describe(self):
        """'Dalarna · Innovation capacity', for titles of pages and feeds."""
        return " · ".join(str(self.choices[name][value]) for name, value in self.values.items())


@dataclass(frozen=True)
class Listing:
    """An app's listing, declared: its facets, how it counts its items, how cards are fetched.

    `count` is an ngettext_lazy with a `counter` ("%(counter)s stories"); `cards(queryset)` adds what a
    card needs (select/annotate), `prepare(items)` finishes the fetched list (tags from annotations).
    """

    facets: tuple
    count: object
    cards: Callable = lambda queryset: queryset
    prepare: Callable = list
    page_size: int = 12

    def filters(self, request):
        return Filters(self, request.GET)

    def context(self, request, queryset, key=None):
        """Everything the listing template needs; `listing.not_found` says the answer is a 404.

        With a `key` (what, besides the filters, the list depends on: the listing page, who looks), the
        counts are kept under the content version, and `listing.fragment_key` / `listing.page_key` name
        the rendered filters and page of cards for `{% wagtailcache %}`; the page of cards is fetched
        only when it is rendered, so a kept page costs no query."""
        filters = self.filters(request)
        model = queryset.model

        def count():
            aggregates = {"total": Count("pk", filter=filters.condition(model))}
            for facet in self.facets:
                others = filters.condition(model, skip=facet.name)
                for position, value in enumerate(filters.choices[facet.name]):
                    aggregates[f"{facet.name}_{position}"] = Count("pk", filter=others & facet.condition(model, value))
            return queryset.order_by().aggregate(**aggregates)

        if key is None:
            counts = count()
        else:
            counts = page_cache.cached("listing-counts", [*key, filters.query()], count, request=request)

        # Counted and paged without the cards' query, which is built (annotations, prefetches) and run only
        # when the page of cards is rendered: a kept page of cards needs neither.
        paginator = Paginator(queryset, self.page_size)
        paginator.count = counts["total"] or 0  # counted above with the facets: no COUNT query of its own
        notices = [
            _("The filter “%(facet)s: %(value)s” does not exist.")
            % {"facet": facet.label, "value": Truncator(value).chars(40)}
            for facet, value in filters.unknown
        ]
        given = request.GET.getlist("page")
        number = given[-1].strip() if given else ""
        if number and not (PAGE_NUMBER.fullmatch(number) and int(number) <= paginator.num_pages):
            notices.append(_("The list has no page “%(number)s”.") % {"number": Truncator(number).chars(40)})
            number = "1"
        page_obj = paginator.page(number or 1)
        if paginator.count:
            first = (page_obj.number - 1) * self.page_size
            page_obj.object_list = SimpleLazyObject(
                lambda: self.prepare(list(self.cards(filters.apply(queryset))[first : first + self.page_size]))
            )
        else:
            page_obj.object_list = []
        shown = ListingView(self, filters, counts, page_obj.paginator.count, notices)
        if key is not None:
            shown.fragment_key = "|".join([*(str(part) for part in key), filters.query()])
            shown.page_key = f"{shown.fragment_key}|{page_obj.number}"
        return {
            "listing": shown,
            "page_obj": page_obj,
            "filter_query": filters.query(),
            "filter_description": filters.describe(),
        }


class ListingView:
    """One listing as a request sees it: facets with counts, the active filters, the count, notices."""

    fragment_key = page_key = None  # None: not kept as fragments (see `Listing.context`)

    def __init__(self, listing, filters, counts, result_count, notices):
        self.filters = filters
        self.notices = notices
        self.not_found = bool(notices)
        self.result_count = result_count
        self.count_text = listing.count % {"counter": self.result_count}
        self.facets = []
        for facet in listing.facets:
            active_value = filters.values.get(facet.name)
            options = [
                {
                    "value": value,
                    "label": label,
                    "count": counts[f"{facet.name}_{position}"] or 0,
                    "active": value == active_value,
                    "url": filters.query(facet.name, None if value == active_value else value) or "?",
                }
                for position, (value, label) in enumerate(filters.choices[facet.name].items())
            ]
            self.facets.append({"name": facet.name, "label": facet.label, "options": options})
        self.active_filters = [
            {
                "name": name,
                "label": filters.choices[name][value],
                "facet_label": next(facet.label for facet in listing.facets if facet.name == name),
                "remove_url": filters.query(name, None) or "?",
            }
            for name, value in filters.values.items()
        ]


class ListingPage:
    """Mixed into a page model that lists: `listing` is its declaration, `listed(request)` its queryset.

    The page's context gets the listing, and an answer with bad input becomes a 404 (see above).
    """

    listing = None

    def listed(self, request):
        raise NotImplementedError

    def listing_variant(self, request):
        """What else than the filters changes the list for this request (e.g. staff see more); ""."""
        return ""

    def listing_context(self, request):
        key = (self.pk, self.listing_variant(request))
        return self.listing.context(request, self.listed(request), key=key)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        shown = (getattr(response, "context_data", None) or {}).get("listing")
        if shown is not None and shown.not_found:
            response.status_code = 404
        return response
