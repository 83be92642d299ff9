"""Security and caching headers, parsed as a browser or a proxy reads them."""

import gzip
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.cache import caches
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_PAGES = [
    "/",
    "/en/",
    "/en/success-stories/",
    "/framgangsexempel/",
    "/en/about-focus-industry/",
    "/sok/?q=industri",
]


def csp_directives(response):
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def inline_scripts(html):
    """The attributes of every <script> without src."""
    return [attributes for attributes in re.findall(r"<script\b([^>]*)>", html) if "src=" not in attributes]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_a_strict_csp_without_inline_scripts_or_a_nonce(client, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert {"https://www.youtube-nocookie.com", "https://player.vimeo.com"} <= set(directives["frame-src"])
    # The only scripts in the page itself are data (JSON-LD), which CSP does not govern.
    assert all('type="application/ld+json"' in attributes for attributes in inline_scripts(response.content.decode()))
    assert "nonce" not in response.content.decode()


def test_pages_with_structured_data_carry_it_as_data():
    html = Client().get("/en/").content.decode()
    assert inline_scripts(html) and all("nonce" not in attributes for attributes in inline_scripts(html))


def test_a_cached_page_has_the_same_policy_as_a_fresh_one_and_no_nonce_to_share():
    client = Client()
    fresh = client.get("/en/")
    with override_settings(WAGTAIL_CACHE=True):
        caches["pagecache"].clear()
        first, hit = client.get("/en/"), client.get("/en/")
        caches["pagecache"].clear()
    assert hit["X-Wagtail-Cache"] == "hit"
    assert hit["Content-Security-Policy"] == first["Content-Security-Policy"] == fresh["Content-Security-Policy"]
    assert "nonce" not in hit["Content-Security-Policy"]


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_are_cacheable_by_proxies_and_private_for_editors(client, make_user, url):
    response = client.get(url)
    assert response["Cache-Control"] == "public, max-age=60, s-maxage=300"
    assert "Expires" not in response
    vary = [item.strip().lower() for item in response["Vary"].split(",")]
    assert "cookie" in vary and "accept-language" not in vary
    assert not response.cookies

    client.force_login(make_user(superuser=True))
    response = client.get(url)
    assert response["Cache-Control"] == "private, no-cache"


def test_browser_hardening_headers_on_public_pages(client):
    response = client.get("/en/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    policy = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(", "))
    assert policy["camera"] == policy["microphone"] == policy["geolocation"] == "()"
    assert "https://www.youtube-nocookie.com" in policy["fullscreen"]


def test_the_admin_gets_its_own_looser_policy_and_is_never_cached(client):
    response = client.get("/admin/login/")
    directives = csp_directives(response)
    assert "'unsafe-inline'" in directives["script-src"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_not_found_and_health_answers_are_not_publicly_cacheable(client):
    assert "public" not in client.get("/en/no-such-page/").get("Cache-Control", "")
    assert "public" not in client.get("/healthz").get("Cache-Control", "")


def test_anonymous_visitors_get_no_cookie_on_any_kind_of_page(client):
    for url in [*PUBLIC_PAGES, "/en/no-such-page/", "/sitemap.xml", "/robots.txt"]:
        response = client.get(url)
        assert not response.cookies, url
        assert "Set-Cookie" not in response, url


def test_home_with_its_css_and_js_is_at_most_40_kb_gzipped(client):
    response = client.get("/en/")
    html = response.content.decode()
    total = len(gzip.compress(response.content))
    assets = re.findall(r'<(?:link[^>]+rel="stylesheet"[^>]+href|script[^>]+src)="(/static/[^"]+)"', html)
    assert any(a.endswith(".css") for a in assets) and any(a.endswith(".js") for a in assets)
    for asset in assets:
        static = client.get(asset)
        assert static.status_code == 200, asset
        total += len(gzip.compress(b"".join(static.streaming_content)))
    assert total <= 40 * 1024, f"home is {total} bytes gzipped with its CSS and JS"


def production_env():
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "focus_industry.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "www.example.org",
        "DJANGO_LOG_FORMAT": "plain",
    }


def test_check_deploy_with_production_settings_gives_no_warning():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_sends_hsts_over_https():
    script = (
        "import django; django.setup()\n"
        "from django.test import Client\n"
        "r = Client().get('/healthz', secure=True, HTTP_HOST='www.example.org')\n"
        "print(r.status_code, r['Strict-Transport-Security'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=production_env(), capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    status, hsts = result.stdout.strip().splitlines()[-1].split(" ", 1)
    assert status == "200"
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts
