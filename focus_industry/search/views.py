"""The site search page: promoted results first, then the matches, filterable by type, paginated.

A GET never writes to the database: Wagtail's query log (`Query.get`, `add_hit`) is not used, so the
"popular searches" report stays empty and coordinators type the searches they want to promote.
"""

import re
from collections import Counter

from django.core.paginator import EmptyPage, InvalidPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, PageViewRestriction
from wagtail.search.utils import normalise_query_string

from .. import fragments
from .backend import ranked_values
from .types import OTHER, OTHER_KEY, content_type_id, registered_types, result_date, specific_pages, type_for_page

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PAGE_SIZE = 10
EXCERPT_LENGTH = 240
EXCERPT_SOURCES = ("search_description", "lead", "summary", "intro", "hero_intro", "description")
# Letters, digits and hyphens are kept; everything else (quotes, operators, control characters) is a space.
NOT_A_WORD = re.compile(r"[^\w\-]+|_+")


def clean_query(raw):
    """The words of a query, at most MAX_TERMS, without characters the search syntax could trip on."""
    words = [word.strip("-") for word in NOT_A_WORD.sub(" ", raw).split()]
    return " ".join(word for word in words if word)[:MAX_QUERY_LENGTH].split()[:MAX_TERMS]


def term_pattern(terms):
    """A pattern for the words of the text that share a stem-like beginning with a query term."""
    prefixes = sorted({term[: max(4, len(term) - 3)] if len(term) > 4 else term for term in terms}, key=len)
    if not prefixes:
        return None
    alternatives = "|".join(re.escape(prefix) for prefix in reversed(prefixes))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def excerpt_text(page):
    """The page's summary text for its excerpt, tags stripped and spaces collapsed ('' when it has none)."""
    for attribute in EXCERPT_SOURCES:
        value = getattr(page, attribute, None)
        if isinstance(value, str) and value.strip():
            return " ".join(strip_tags(value).split())
    return ""


def highlighted_excerpt(text, pattern):
    """A short excerpt of `text` (excerpt_text), the matched words in <mark>, HTML-escaped."""
    if not text:
        return ""
    match = pattern.search(text) if pattern else None
    if match and match.start() > EXCERPT_LENGTH // 2:
        start = text.rfind(" ", 0, match.start() - EXCERPT_LENGTH // 3) + 1
        text = "…" + text[start:]
    text = Truncator(text).chars(EXCERPT_LENGTH)
    if pattern is None:
        return escape(text)
    parts, position = [], 0
    for found in pattern.finditer(text):
        parts.append(escape(text[position : found.start()]))
        parts.append(f"<mark>{escape(found.group(0))}</mark>")
        position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def searchable_pages(request=None):
    """Live pages that anyone may see, below the tree root.

    What `.public()` does, with the private sections kept between requests (fragments.py; a new view
    restriction purges): the search backend accepts only plain field filters, so no subquery.
    """
    pages = Page.objects.live().filter(depth__gt=1)
    for path, depth in fragments.kept(request, "private-sections", [], _private_sections):
        pages = pages.exclude(path__startswith=path, depth__gte=depth)
    return pages


def _private_sections():
    return list(PageViewRestriction.objects.values_list("page__path", "page__depth").order_by("page__path"))


def promoted(query_string, pages):
    """The promotions editors set for this search (pages live and public only), in their order."""
    normalised = normalise_query_string(query_string)
    if not normalised:
        return []
    promotions = list(SearchPromotion.objects.filter(query__query_string=normalised).order_by("sort_order", "pk"))
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = {page.pk: page for page in pages.filter(pk__in=page_ids)} if page_ids else {}  # live, public
    items = []
    for promotion in promotions:
        if promotion.page_id:
            page = visible.get(promotion.page_id)
            if page is not None:
                items.append({"page": page, "url": page.get_url(), "title": page.title, "text": promotion.description})
        elif promotion.external_link_url:
            items.append(
                {
                    "page": None,
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "text": promotion.description,
                }
            )
    return items


def search(request):
    raw = request.GET.get("q") or ""
    query = " ".join(raw.split())
    types = registered_types()
    type_keys = {result_type.key: result_type for result_type in types}
    type_values = request.GET.getlist("type")
    selected_key = type_values[-1].strip() if type_values else ""
    ignored_type = bool(selected_key) and selected_key not in type_keys
    selected = type_keys.get(selected_key)
    context = {
        "query": query,
        "max_length": MAX_QUERY_LENGTH,
        "error": "",
        "ignored_type": ignored_type,
        "selected_type": selected,
        "results": [],
        "promotions": [],
        "type_facets": [],
        "page_obj": None,
    }
    terms = clean_query(query) if len(query) <= MAX_QUERY_LENGTH else []
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = "too_long"
    elif query and not terms:
        context["error"] = "no_words"
    if terms:
        context.update(search_context(request, " ".join(terms), types, selected))
    response = render(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response


def search_context(request, query_string, types, selected):
    pages = searchable_pages(request)
    # Promoted pages are left out of the matches on every page of the list, shown on the first only.
    promotions = promoted(query_string, pages)
    promoted_ids = [item["page"].pk for item in promotions if item["page"] is not None]
    matches = pages.exclude(id__in=promoted_ids) if promoted_ids else pages

    # One list of every match (id and type, best first) gives the counts per type, the total and the
    # page shown, whichever type is chosen: one full-text query per search (backend.ranked_values).
    # What a result shows is kept per page (result_entries), so only ids and types are read here.
    everything = matches.only("id", "content_type_id").search(query_string, operator="and")
    ranked = ranked_values(everything, "content_type_id")
    type_of = {content_type_id(result_type): result_type.key for result_type in types if result_type.model}
    counts = Counter(type_of.get(content_type, OTHER_KEY) for _pk, content_type in ranked)
    if selected is not None:
        ranked = [pair for pair in ranked if type_of.get(pair[1], OTHER_KEY) == selected.key]
    total = len(ranked)

    try:
        page_obj = Paginator(ranked, PAGE_SIZE).page(request.GET.get("page") or 1)
    except (PageNotAnInteger, EmptyPage, InvalidPage) as error:
        raise Http404(_("There is no such page in the list.")) from error

    pattern = term_pattern(query_string.split())
    listed = dict(page_obj.object_list)
    entries = fragments.kept_many(
        request,
        "search-result",
        listed,
        lambda missing: result_entries(request, [(pk, listed[pk]) for pk in missing], types),
    )
    type_keys = {result_type.key: result_type for result_type in types}
    items = []
    for pk in listed:
        entry = entries.get(pk)
        if entry is not None:  # None: unpublished between the search and this load
            items.append(
                {
                    "pk": pk,
                    "title": entry["title"],
                    "url": entry["url"],
                    "type": type_keys.get(entry["type"], OTHER),
                    "date": entry["date"],
                    "excerpt": highlighted_excerpt(entry["text"], pattern),
                }
            )
    facets = [
        {"type": result_type, "count": counts[result_type.key], "active": selected is result_type}
        for result_type in types
        if counts[result_type.key] or selected is result_type
    ]
    return {
        "results": items,
        "promotions": promotions if page_obj.number == 1 else [],
        "type_facets": facets,
        "page_obj": page_obj,
        "result_count": total,
        "cleaned_query": query_string,
    }


def result_entries(request, pairs, types):
    """{id: what the result list shows of the page} for the (id, content type id) `pairs`, loaded
    together (types.specific_pages). Kept between searches per page and language until content changes
    (fragments.py), so a search loads no page it has shown before; the excerpt is highlighted afresh for
    every query.
    """
    entries = {}
    for page in specific_pages(pairs, types):
        result_type = type_for_page(page, types)
        entries[page.pk] = {
            "title": page.title,
            "url": page.get_url(request),
            "type": result_type.key,
            "date": result_date(page, result_type),
            "text": excerpt_text(page),
        }
    return entries
