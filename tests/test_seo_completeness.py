"""Every page of the crawl, in both languages: a canonical link, Open Graph and Twitter tags, and
JSON-LD that parses (Organization on home, Article on stories, BreadcrumbList below home). Internal
resources are not in the sitemap."""

import json
import re

import pytest

from tests.test_crawl import crawl

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', re.DOTALL)


def meta(html, attribute, name):
    found = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return found.group(1) if found else None


def test_every_page_has_canonical_open_graph_and_valid_json_ld(client):
    pages, problems = crawl(client, ["/", "/en/"])
    assert problems == []
    types_seen = set()
    for url, html in pages.items():
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html)
        assert canonical and canonical.group(1).startswith("http"), url
        for name in ("og:title", "og:type", "og:url", "og:locale", "og:site_name"):
            assert meta(html, "property", name), (url, name)
        assert meta(html, "name", "twitter:card") in ("summary", "summary_large_image"), url
        blocks = [json.loads(raw.replace("<\\/", "</")) for raw in JSON_LD.findall(html)]
        for block in blocks:
            assert block["@context"] == "https://schema.org", url
            types_seen.add(block["@type"])
            if block["@type"] == "BreadcrumbList":
                positions = [item["position"] for item in block["itemListElement"]]
                assert positions == list(range(1, len(positions) + 1)), url
                assert all(item["item"].startswith("http") and item["name"] for item in block["itemListElement"])
            if block["@type"] == "Article":
                assert block["headline"] and block["datePublished"], url
        if "/success-stories/" in url or "/framgangsexempel/" in url:
            if url.rstrip("/").count("/") >= (3 if url.startswith("/en/") else 2) and "?" not in url:
                assert "Article" in {block["@type"] for block in blocks}, url
    assert {"Organization", "Article", "BreadcrumbList"} <= types_seen
    home = pages["/"]
    assert "Organization" in {json.loads(raw)["@type"] for raw in JSON_LD.findall(home)}


def test_internal_resources_are_not_in_the_sitemap(client):
    from toolbox.models import ResourcePage

    internal = ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>" in sitemap
    assert internal.slug_sv not in sitemap and internal.slug_en not in sitemap
    public = ResourcePage.objects.live().public().exclude(pk=internal.pk).first()
    assert public.slug_sv in sitemap
