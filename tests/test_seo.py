"""Search engines and social media: canonical links, Open Graph, JSON-LD, sitemap, robots.txt."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from wagtail.models import PageViewRestriction

from focus_industry.core.models import StandardPage

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json"[^>]*>(.*?)</script>', html, re.S)
    ]


def meta(html, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return match.group(1) if match else None


@pytest.mark.parametrize("url", ["/", "/en/", "/om-focus-industry/", "/en/action-areas/", "/sok/?q=industri"])
def test_every_page_has_canonical_og_tags_and_valid_json_ld(client, url):
    html = client.get(url).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http://testserver/")
    assert "?" not in canonical  # filters and search terms are not part of the canonical address
    assert meta(html, "og:title")
    assert meta(html, "og:url") == canonical
    assert meta(html, "og:locale") in ("sv_SE", "en_GB")
    for block in json_ld(html):
        assert block["@context"] == "https://schema.org"


def test_home_describes_the_organisation_with_an_og_image(client):
    html = client.get("/en/").content.decode()
    types = {block["@type"] for block in json_ld(html)}
    assert "Organization" in types
    image = meta(html, "og:image")
    assert image and image.startswith("http://testserver/") and image.endswith(".jpg")
    assert meta(html, "og:description").startswith("Dalarna, Gävleborg and Värmland collaborate")


def test_breadcrumb_list_follows_the_page_tree(client):
    html = client.get("/en/action-areas/innovation-capacity/").content.decode()
    crumbs = next(block for block in json_ld(html) if block["@type"] == "BreadcrumbList")
    names = [item["name"] for item in crumbs["itemListElement"]]
    assert names[1:] == ["Action areas", "Increase innovation capacity in small and medium-sized enterprises"]
    assert crumbs["itemListElement"][-1]["item"] == "http://testserver/en/action-areas/innovation-capacity/"


@pytest.mark.slow  # every page of the site, in both languages
def test_sitemap_lists_both_languages_with_hreflang_alternates(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {}
    for url in root.findall("sm:url", SITEMAP_NS):
        loc = url.find("sm:loc", SITEMAP_NS).text
        urls[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", SITEMAP_NS)}
    assert "http://testserver/om-focus-industry/" in urls
    assert "http://testserver/en/about-focus-industry/" in urls
    alternates = urls["http://testserver/en/about-focus-industry/"]
    assert alternates == {
        "sv": "http://testserver/om-focus-industry/",
        "en": "http://testserver/en/about-focus-industry/",
        "x-default": "http://testserver/om-focus-industry/",
    }
    for loc in urls:
        assert client.get(loc.removeprefix("http://testserver")).status_code == 200, loc


def test_sitemap_leaves_out_private_pages(client, home):
    page = StandardPage(title_sv="Intern", title_en="Internal", slug_sv="intern", slug_en="internal")
    home.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert b"/intern/" not in client.get("/sitemap.xml").content


def test_sitemap_query_count_does_not_grow_with_pages(client, home, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        client.get("/sitemap.xml")
    for number in range(20):
        page = StandardPage(title_sv=f"S{number}", title_en=f"E{number}", slug_sv=f"s-{number}", slug_en=f"e-{number}")
        home.add_child(instance=page)
        page.save_revision().publish()
    with django_assert_max_num_queries(8):
        client.get("/sitemap.xml")


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
