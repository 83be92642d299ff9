from functools import partial
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import translate_url
from django.utils import translation
from django.utils.functional import SimpleLazyObject

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
def main_menu(context, part="main"):
    """The header's menus, with the current item marked.

    `part="main"`: the bar of content sections (on small screens, the service pages follow them in the
    same list); `part="service"`: about and contact (the menu's standard pages), small in the header's
    top row on wider screens, so the bar keeps to one row.
    """
    page = context.get("page")
    path = getattr(page, "path", "") or ""
    template_name = "components/main_menu.html" if part == "main" else "components/service_menu.html"
    return _render_main_menu(context, path, template_name)


@register.simple_tag(takes_context=True)
def menu_key(context):
    """What the header's menus show differently from one page to the next, for `{% wagtailcache %}`: the
    menu item (section) the page lies in, and the address when it is the home page or a section itself
    (`aria-current="page"`); the site alone off its tree (search, errors)."""
    page = context.get("page")
    root = site_root(context)
    if root is None:
        return ""
    path = getattr(page, "path", "") or ""
    if not isinstance(page, Page) or not path.startswith(root.path):
        return str(root.pk)
    section = path[: len(root.path) + Page.steplen]
    request = context.get("request")
    return f"{section}:{request.path}" if page.depth <= root.depth + 1 and request is not None else section


def _menu_items(context, current_path):
    """The site root's children in the menu, split into content sections and service pages; one query
    per request, shared by both menus."""
    from focus_industry.core.models import StandardPage

    request = context.get("request")
    cached = getattr(request, "_focus_menu_items", None)
    if cached is not None and cached[0] == current_path:
        return cached[1]
    root = site_root(context)
    sections, service = [], []
    if root is not None:
        for item in exclude_private(root.get_children().live().in_menu()):
            entry = {"page": item, "active": bool(current_path) and current_path.startswith(item.path)}
            (service if issubclass(item.specific_class or Page, StandardPage) else sections).append(entry)
    result = {"root": root, "items": sections, "service_items": service}
    if request is not None:
        request._focus_menu_items = (current_path, result)
    return result


def _render_main_menu(context, current_path, template_name):
    return render_to_string(template_name, {**_menu_items(context, current_path), "request": context.get("request")})


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


# The six action areas' pictograms (static/img/areas/<key>.svg), by the area's stable key.
AREA_ICONS = {"innovation", "skills", "internationalisation", "low-carbon", "research", "supply-chains"}


@register.filter
def area_icon(area):
    """The address of the action area's pictogram, or "" for an area without one."""
    from django.templatetags.static import static

    slug = getattr(area, "slug", "")
    return static(f"img/areas/{slug}.svg") if slug in AREA_ICONS else ""


@register.simple_tag(takes_context=True)
def card_subjects(context, areas, regions):
    """{"areas": …, "regions": …} of a card, less the page's own subject: a card on an action area's page
    (`context_area`, the area's pk) leaves that area out, on a region's page (`context_region`) the region.
    `regions` may be one region (an initiative has one)."""
    area_pk, region_pk = context.get("context_area"), context.get("context_region")
    if hasattr(regions, "pk"):
        regions = [regions]
    return {
        "areas": [area for area in areas or () if not area_pk or area.pk != area_pk],
        "regions": [region for region in regions or () if region and (not region_pk or region.pk != region_pk)],
    }


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
        # Lazy: the JSON-LD and the og:image are a fragment of the page (components/seo.html).
        "json_ld": SimpleLazyObject(partial(seo.json_ld_blocks, request, page if isinstance(page, Page) else None)),
    }
