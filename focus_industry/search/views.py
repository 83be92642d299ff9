"""The site search page: promoted results first, then the matches, filterable by type, paginated.

A GET never writes to the database: Wagtail's query log (`Query.get`, `add_hit`) is not used, so the
"popular searches" report stays empty and coordinators type the searches they want to promote.
"""

import re
from collections import Counter

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from focus_industry.core.taxonomy import private_sections
from focus_industry.web.page_cache import FRAGMENTS, cached_many

from .analysis import WORD, marks, query_terms
from .backend import ranked_page
from .suggest import suggestion
from .types import OTHER, OTHER_KEY, content_type_id, registered_types, result_date, specific_pages, type_for_page

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
PAGE_SIZE = 10
EXCERPT_LENGTH = 240
EXCERPT_SOURCES = ("search_description", "lead", "summary", "intro", "hero_intro", "description", "title")
# Letters, digits and hyphens are kept; everything else (quotes, operators, control characters) is a space.
NOT_A_WORD = re.compile(r"[^\w\-]+|_+")


def clean_query(raw):
    """The words of a query, at most MAX_TERMS, without characters the search syntax could trip on."""
    words = [word.strip("-") for word in NOT_A_WORD.sub(" ", raw).split()]
    return " ".join(word for word in words if word)[:MAX_QUERY_LENGTH].split()[:MAX_TERMS]


def query_tokens(query_string):
    """Every index token the query's words stand for (analysis.query_terms), for marking an excerpt."""
    return frozenset(token for alternatives in query_terms(query_string) for token in alternatives)


def marked_words(text, tokens):
    """The (start, end) of each word in `text` that stands for one of the query's `tokens`: the word as
    typed, an inflection of it (its lemma or stem) or a compound with it as a part."""
    return [(found.start(), found.end()) for found in WORD.finditer(text) if marks(found.group(0), tokens)]


def excerpt_text(page):
    """The page's summary text for its excerpt, tags stripped and spaces collapsed ('' when it has none)."""
    for attribute in EXCERPT_SOURCES:
        value = getattr(page, attribute, None)
        if isinstance(value, str) and value.strip():
            return " ".join(strip_tags(value).split())
    return ""


def body_text(page):
    """The page's other searchable text in the active language (its body, partners …), tags stripped:
    where the excerpt is cut from when the words are not in its summary."""
    from modelsearch.index import SearchField

    from .backend import ABOUT_FIELDS, prepare_value

    parts = [
        prepare_value(field.get_value(page))
        for field in page.get_search_fields()
        if isinstance(field, SearchField) and field.field_name not in ABOUT_FIELDS
    ]
    return " ".join(strip_tags(" ".join(parts)).split())


def highlighted_excerpt(texts, tokens):
    """A short excerpt of the first of `texts` (the summary, then the body) that has one of the query's
    words, else of the first: the words standing for the query's in <mark>, escaped."""
    texts = [text for text in texts if text]
    if not texts:
        return ""
    text = next((text for text in texts if tokens and marked_words(text, tokens)), texts[0])
    spans = marked_words(text, tokens) if tokens else []
    if spans and spans[0][0] > EXCERPT_LENGTH // 2:
        start = text.rfind(" ", 0, spans[0][0] - EXCERPT_LENGTH // 3) + 1
        text = "…" + text[start:]
    text = Truncator(text).chars(EXCERPT_LENGTH)
    parts, position = [], 0
    for begin, end in marked_words(text, tokens) if tokens else []:
        parts.append(escape(text[position:begin]))
        parts.append(f"<mark>{escape(text[begin:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of text is escaped above


def searchable_pages(request=None):
    """Live pages that anyone may see, below the tree root.

    What `.public()` does, with the private sections kept between requests (taxonomy.private_sections):
    the search backend accepts only plain field filters, so no subquery.
    """
    pages = Page.objects.live().filter(depth__gt=1)
    for path in private_sections(request)[0]:
        pages = pages.exclude(path__startswith=path)
    return pages


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
        # The search form itself is a page worth finding; its result pages are not (noindex below).
        "results_page": bool(request.GET),
        "seo_description": _(
            "Search the success stories, regional initiatives and toolbox resources of Focus Industry, "
            "in Swedish and English."
        ),
    }
    terms = clean_query(query) if len(query) <= MAX_QUERY_LENGTH else []
    if len(query) > MAX_QUERY_LENGTH:
        context["error"] = "too_long"
    elif query and not terms:
        context["error"] = "no_words"
    if terms:
        context.update(search_context(request, " ".join(terms), types, selected))
    response = render(request, "search/search.html", context)
    if context["results_page"]:
        response["X-Robots-Tag"] = "noindex"
    return response


def search_context(request, query_string, types, selected):
    pages = searchable_pages(request)
    # Promoted pages are left out of the matches on every page of the list, shown on the first only.
    promotions = promoted(query_string, pages)
    promoted_ids = [item["page"].pk for item in promotions if item["page"] is not None]
    matches = pages.exclude(id__in=promoted_ids) if promoted_ids else pages

    # One statement gives the counts per type, the total and the page shown, whichever type is chosen
    # (ranking.py). What a result shows is kept per page (result_entries), so only ids and types are read.
    number = page_number(request)
    everything = matches.only("id", "content_type_id").search(query_string, operator="and")
    type_of = {content_type_id(result_type): result_type.key for result_type in types if result_type.model}
    only = exclude = None
    if selected is not None and selected.model is not None:
        only = [content_type_id(selected)]
    elif selected is not None:
        exclude = list(type_of)
    counts_by_content_type, shown = ranked_page(
        everything, (number - 1) * PAGE_SIZE, PAGE_SIZE, content_types=only, exclude=exclude
    )
    counts = Counter()
    for content_type, count in counts_by_content_type.items():
        counts[type_of.get(content_type, OTHER_KEY)] += count
    total = counts[selected.key] if selected is not None else sum(counts.values())
    if not shown and number > 1:
        raise Http404(_("There is no such page in the list."))
    page_obj = Paginator(range(total), PAGE_SIZE).page(number) if total else None
    if page_obj is not None:
        page_obj.object_list = shown

    tokens = query_tokens(query_string)
    listed = dict(shown)
    entries = cached_many(
        "search-result-texts",
        listed,
        lambda missing: result_entries(request, [(pk, listed[pk]) for pk in missing], types),
        request=request,
        using=FRAGMENTS,
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
                    "excerpt": highlighted_excerpt(entry["texts"], tokens),
                }
            )
    facets = [
        {"type": result_type, "count": counts[result_type.key], "active": selected is result_type}
        for result_type in types
        if counts[result_type.key] or selected is result_type
    ]
    return {
        "results": items,
        "promotions": promotions if number == 1 else [],
        "type_facets": facets,
        "page_obj": page_obj,
        "result_count": total,
        "cleaned_query": query_string,
        "suggestion": visible_suggestion(query_string, matches),
    }


def visible_suggestion(query_string, pages):
    """suggest.suggestion, offered only if it finds something among `pages` (live, public): a word of a
    page that has since become private or been unpublished is never offered back."""
    corrected = suggestion(query_string)
    if not corrected:
        return ""
    counts, _shown = ranked_page(pages.search(corrected, operator="and"), 0, 0)
    return corrected if sum(counts.values()) else ""


# No list has this many pages; a larger number would not even fit the databases' integers.
MAX_PAGE_NUMBER = 100_000


def page_number(request):
    """The page of results asked for: a whole number from 1 (ASCII digits, within MAX_PAGE_NUMBER), else 404."""
    raw = request.GET.get("page") or "1"
    if not (raw.isascii() and raw.isdigit() and len(raw) <= len(str(MAX_PAGE_NUMBER))) or not (
        1 <= int(raw) <= MAX_PAGE_NUMBER
    ):
        raise Http404(_("There is no such page in the list."))
    return int(raw)


def result_entries(request, pairs, types):
    """{id: what the result list shows of the page} for the (id, content type id) `pairs`, loaded
    together (types.specific_pages). Kept between searches per page and language until content changes
    (page_cache.cached_many), so a search loads no page it has shown before; the excerpt is highlighted afresh for
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
            "texts": [excerpt_text(page), body_text(page)],
        }
    return entries
