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


def inline_script_nonces(html):
    """The nonce of every <script> without src (None where one has no nonce)."""
    nonces = []
    for attributes in re.findall(r"<script\b([^>]*)>", html):
        if "src=" in attributes:
            continue
        found = re.search(r'nonce="([^"]*)"', attributes)
        nonces.append(found.group(1) if found else None)
    return nonces


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_send_a_strict_csp_whose_nonce_matches_their_inline_scripts(client, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = csp_directives(response)
    assert "'unsafe-inline'" not in directives["script-src"] and "'unsafe-eval'" not in directives["script-src"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert directives["object-src"] == ["'none'"]
    assert {"https://www.youtube-nocookie.com", "https://player.vimeo.com"} <= set(directives["frame-src"])
    nonces = [value for value in directives["script-src"] if value.startswith("'nonce-")]
    scripts = inline_script_nonces(response.content.decode())
    if scripts:
        assert len(nonces) == 1
        assert set(scripts) == {nonces[0][len("'nonce-") : -1]}


def test_pages_with_structured_data_carry_the_nonce(client):
    html = client.get("/en/").content.decode()
    assert 'type="application/ld+json"' in html
    assert None not in inline_script_nonces(html)


def test_every_response_gets_a_fresh_nonce_but_a_cached_page_keeps_the_one_in_its_html():
    def nonce_of(response):
        return next(v for v in csp_directives(response)["script-src"] if v.startswith("'nonce-"))[7:-1]

    client = Client()
    assert nonce_of(client.get("/en/")) != nonce_of(client.get("/en/"))  # page cache off in tests
    with override_settings(WAGTAIL_CACHE=True):
        caches["pagecache"].clear()
        first, hit = client.get("/en/"), client.get("/en/")
        caches["pagecache"].clear()
    assert hit["X-Wagtail-Cache"] == "hit"
    assert nonce_of(hit) == nonce_of(first)
    assert set(inline_script_nonces(hit.content.decode())) == {nonce_of(hit)}


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
