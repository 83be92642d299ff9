from functools import partial
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from focus_industry.core.taxonomy import exclude_private

register = template.Library()

LANGUAGE_NAMES = {"sv": "Svenska", "en": "English"}


def _page_url_in(page, language, request):
    with translation.override(language):
        return page.get_url(request=request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in every language: [{code, name, url, absolute, current}].

    A view may put `alternate_urls` ({code: path}) in the context; a Wagtail page (with the path
    of a routable sub-page, if any) is resolved per language; anything else goes through Django's
    translate_url. Query strings (filters, page numbers) are kept: their values are language-neutral.
    """
    request = context.get("request")
    if request is None:
        return []
    cached = getattr(request, "_focus_language_links", None)
    if cached is not None:
        return cached
    current = translation.get_language()
    alternates = context.get("alternate_urls")
    page = context.get("page")
    query = request.GET.urlencode()
    links = []
    for code, _name in settings.LANGUAGES:
        if alternates and code in alternates:
            url = alternates[code]
        elif isinstance(page, Page) and page.pk:
            url = _page_url_in(page, code, request)
            subpath = context.get("routable_subpath")
            if url and subpath:
                url = url.rstrip("/") + "/" + subpath.lstrip("/")
            if url and query:
                url = f"{url}?{query}"
        else:
            url = translate_url(request.get_full_path(), code)
        if not url:
            continue
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NAMES.get(code, code),
                "url": url,
                "absolute": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    request._focus_language_links = links
    return links


@register.simple_tag(takes_context=True)
def site_root(context):
    request = context.get("request")
    if request is None:
        return None
    cached = getattr(request, "_focus_site_root", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site.root_page if site else None
        request._focus_site_root = cached
    return cached


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The main menu, with the current item marked."""
    path = getattr(context.get("page"), "path", "") or ""
    root = site_root(context)
    items = []
    if root is not None:
        for item in exclude_private(root.get_children().live().in_menu()):
            items.append({"page": item, "active": bool(path) and path.startswith(item.path)})
    return render_to_string(
        "components/main_menu.html", {"items": items, "request": context.get("request"), "root": root}
    )


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, extra_title=""):
    from focus_industry.core.seo import page_ancestors

    page = context.get("page")
    request = context.get("request")
    ancestors = page_ancestors(request, page) if request is not None else []
    return {"ancestors": ancestors, "page": page, "extra_title": extra_title, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed (None removes one); starts with '?'."""
    request = context["request"]
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    if "page" not in changes:
        params.pop("page", None)  # a changed filter starts again from the first page
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def other_language(code):
    return "en" if code == "sv" else "sv"


@register.simple_tag
def urlencode_params(**params):
    return urlencode({k: v for k, v in params.items() if v})


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers around the current one, with None where a run of numbers is left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]


@register.simple_tag(takes_context=True)
def seo_context(context):
    """Everything the <head> needs to describe the page to search engines and social media."""
    from focus_industry.core import seo

    request = context["request"]
    page = context.get("page")
    language = translation.get_language() or settings.LANGUAGE_CODE
    title = ""
    if isinstance(page, Page):
        title = page.seo_title or page.title
    title = context.get("seo_title") or title or "Focus Industry"
    return {
        "canonical": seo.canonical_url(request),
        "title": title,
        "description": context.get("seo_description") or seo.page_description(page),
        "og_type": getattr(page, "og_type", "website") if page is not None else "website",
        "og_locale": seo.OG_LOCALES.get(language, language),
        "og_locale_alternates": [value for code, value in seo.OG_LOCALES.items() if code != language],
        "image_id": seo.page_image_id(page),
        "image": partial(seo.page_image, page),
        "json_ld": seo.json_ld_blocks(request, page if isinstance(page, Page) else None),
    }
