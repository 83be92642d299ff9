"""Machine-readable descriptions of pages: canonical URL, Open Graph, JSON-LD, the sitemap."""

import json

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.views.decorators.cache import cache_control

from wagtail.models import Page, Site

OG_LOCALES = {"sv": "sv_SE", "en": "en_GB"}


def canonical_url(request):
    """This page's address without filters; the page number is kept because each page differs."""
    url = request.build_absolute_uri(request.path)
    page_number = request.GET.get("page", "")
    if page_number.isdigit() and page_number != "1":
        url += f"?page={page_number}"
    return url


def page_description(page):
    if page is None:
        return ""
    for attribute in ("search_description", "lead", "intro", "summary", "hero_intro", "description"):
        value = getattr(page, attribute, None)
        if isinstance(value, str) and value.strip():
            return Truncator(strip_tags(value)).chars(300)
    return ""


IMAGE_ATTRIBUTES = ("social_image", "hero_image", "image")


def _image_attribute(page):
    for attribute in IMAGE_ATTRIBUTES:
        if getattr(page, f"{attribute}_id", None) is not None:
            return attribute
    return None


def page_image_id(page):
    """The id of the image that represents a page when shared (social image, else hero/main image),
    without loading it."""
    attribute = _image_attribute(page) if page is not None else None
    return getattr(page, f"{attribute}_id") if attribute else None


def page_image(page):
    """The image that represents a page when shared: social image, else hero/main image."""
    attribute = _image_attribute(page) if page is not None else None
    image = getattr(page, attribute, None) if attribute else None
    return image if image is not None and hasattr(image, "get_rendition") else None


def page_ancestors(request, page):
    """The page's ancestors below the tree root (home first), fetched once per request.

    The visible breadcrumbs and the BreadcrumbList JSON-LD both use them.
    """
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    ancestors = request.__dict__.setdefault("_focus_ancestors", {})
    if page.pk not in ancestors:
        ancestors[page.pk] = list(page.get_ancestors().filter(depth__gte=2))
    return ancestors[page.pk]


def breadcrumb_json_ld(request, page):
    if page is None or not isinstance(page, Page) or page.depth < 2:
        return None
    items = []
    for position, ancestor in enumerate([*page_ancestors(request, page), page], start=1):
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": ancestor.title,
                "item": request.build_absolute_uri(ancestor.get_url(request=request)),
            }
        )
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def organization_json_ld(request):
    return {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": "Focus Industry",
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(settings.STATIC_URL + "img/logo.svg"),
        "description": translation.gettext(
            "A joint effort of Region Dalarna, Region Gävleborg and Region Värmland for the transformation of "
            "industry in North-Middle Sweden."
        ),
        "areaServed": ["Dalarna", "Gävleborg", "Värmland"],
    }


def json_ld_blocks(request, page):
    """The JSON-LD objects for a page: its own (`structured_data`), the organisation, breadcrumbs."""
    blocks = []
    own = getattr(page, "structured_data", None)
    if callable(own):
        data = own(request)
        if data:
            blocks.append(data)
    if page is not None and getattr(page, "depth", 0) == 2:
        blocks.append(organization_json_ld(request))
    breadcrumbs = breadcrumb_json_ld(request, page)
    if breadcrumbs and len(breadcrumbs["itemListElement"]) > 1:
        blocks.append(breadcrumbs)
    return [json.dumps(block, ensure_ascii=False).replace("</", "<\\/") for block in blocks]


# --- Sitemap ----------------------------------------------------------------------------------


def _language_paths(page, root):
    """The page's path in each language, from the stored translated url_paths (no extra queries)."""
    paths = {}
    for code, _name in settings.LANGUAGES:
        page_path = getattr(page, f"url_path_{code}", None) or page.url_path
        root_path = getattr(root, f"url_path_{code}", None) or root.url_path
        if not page_path.startswith(root_path):
            return None
        relative = "/" + page_path[len(root_path) :]
        paths[code] = relative if code == settings.LANGUAGE_CODE else f"/{code}{relative}"
    return paths


@cache_control(max_age=3600, public=True)
def sitemap(request):
    site = Site.find_for_request(request)
    if site is None:
        return HttpResponse(status=404)
    root = site.root_page
    pages = (
        Page.objects.live()
        .public()
        .descendant_of(root, inclusive=True)
        .filter(depth__gte=root.depth)
        .only(
            "id",
            "depth",
            "path",
            "url_path",
            "last_published_at",
            "latest_revision_created_at",
            *[f"url_path_{code}" for code, _name in settings.LANGUAGES],
        )
        .order_by("path")
    )
    entries = []
    for page in pages.iterator(chunk_size=2000):
        paths = _language_paths(page, root)
        if not paths:
            continue
        alternates = [(code, request.build_absolute_uri(path)) for code, path in paths.items()]
        lastmod = page.last_published_at or page.latest_revision_created_at
        for _code, url in alternates:
            entries.append({"loc": url, "lastmod": lastmod, "alternates": alternates})
    xml = render_to_string("seo/sitemap.xml", {"entries": entries, "default_language": settings.LANGUAGE_CODE})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /*/feed/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
