"""Privacy in Debian's Chromium: an anonymous visitor of every page type, in both languages, gets no
cookie and the browser asks no host but the site's own, until the visitor clicks to play a film; then
only the film's host. Editors who log in get the two cookies the login needs, nothing else."""

import re
from urllib.parse import urlparse

import pytest

from tests.e2e.site_pages import PAGE_TYPES, page_cases

pytestmark = pytest.mark.browser

VIDEO_HOSTS = re.compile(r"https://(www\.youtube-nocookie\.com|player\.vimeo\.com)/.*")


def visit_like_a_visitor(page, url):
    """Load the page, scroll to the end (lazy images) and wait until the network is quiet."""
    page.goto(url)
    height = page.evaluate("document.body.scrollHeight")
    for top in range(0, height + 800, 800):
        page.evaluate(f"window.scrollTo(0, {top})")
    page.wait_for_load_state("networkidle")


def record_hosts(page):
    hosts = []
    page.on("request", lambda request: hosts.append(urlparse(request.url).netloc))
    return hosts


@pytest.mark.parametrize(("name", "language", "path", "status"), page_cases())
def test_anonymous_visitors_get_no_cookie_and_no_third_party_request(
    e2e_server_paged, new_page, name, language, path, status
):
    page = new_page(width=1280)
    hosts = record_hosts(page)
    visit_like_a_visitor(page, e2e_server_paged["url"] + path)
    own = urlparse(e2e_server_paged["url"]).netloc
    assert len(hosts) > 2, "the page requested (almost) nothing: the recording does not work"
    assert set(hosts) == {own}
    assert page.context.cookies() == []


@pytest.mark.parametrize("name", ["home", "story-with-video"])
def test_clicking_play_contacts_only_the_film_host(e2e_server_paged, new_page, name):
    page = new_page(width=1280)
    # The player cannot load offline: answer for it locally, the request is what counts.
    page.route(VIDEO_HOSTS, lambda route: route.fulfill(status=204, body=""))
    hosts = record_hosts(page)
    visit_like_a_visitor(page, e2e_server_paged["url"] + PAGE_TYPES[name][1])
    own = urlparse(e2e_server_paged["url"]).netloc
    assert set(hosts) == {own}
    before = len(hosts)
    page.locator(".video__play").first.click()
    page.locator(".video iframe").first.wait_for()
    page.wait_for_load_state("networkidle")
    foreign = set(hosts[before:]) - {own}
    assert len(foreign) == 1 and foreign <= {"www.youtube-nocookie.com", "player.vimeo.com"}, foreign
    assert page.context.cookies() == []


def test_editors_get_only_the_session_and_csrf_cookies(e2e_server_paged, new_page):
    page = new_page(width=1280)
    base = e2e_server_paged["url"]
    page.goto(base + "/admin/login/")
    page.fill("input[name='username']", "promoter")
    page.fill("input[name='password']", e2e_server_paged["accounts"]["promoter"])
    page.locator("form button[type='submit']").first.click()
    page.wait_for_url(re.compile(r".*/admin/$"))
    visit_like_a_visitor(page, base + "/en/")
    page.goto(base + "/admin/pages/")
    names = {cookie["name"] for cookie in page.context.cookies()}
    assert names == {"sessionid", "csrftoken"}
    for cookie in page.context.cookies():
        assert cookie["httpOnly"] or cookie["name"] == "csrftoken"
        assert cookie["sameSite"] in {"Lax", "Strict"}
