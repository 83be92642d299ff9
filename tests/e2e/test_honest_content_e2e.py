"""The demo site tells the truth, checked in Debian's Chromium on what a visitor sees:

- every initiative's shown status agrees with its dates (planned before the start, completed after the end);
- no page offers a film whose address is not a real one;
- no Swedish page holds a known English leftover or a term the site does not use.
"""

import datetime
import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

from tests.e2e.site_pages import PAGE_TYPES
from tests.films import TEST_FILM_URL

pytestmark = pytest.mark.browser

OVERVIEW = {"sv": "/initiativ/", "en": "/en/initiatives/"}
STATUS = {
    "sv": {"Planerat": "planned", "Pågår": "running", "Avslutat": "completed"},
    "en": {"Planned": "planned", "Running": "running", "Completed": "completed"},
}
# Film addresses known to be real. The demo content has none (no address of the old site's film is
# known); the e2e server adds the tests' own film to the home page and a story (tests/films.py).
REAL_FILMS = {TEST_FILM_URL}
# Seen on Swedish pages before: English left untranslated, and a term the site replaced.
ENGLISH_LEFTOVERS = [
    "reverse engineering",
    "Read more",
    "Play video",
    "Skip to main content",
    "Success stor",
    "Action area",
    "Toolbox",
    "Example:",
    "(example)",
    "Contact us",
    "Co-funded by",
    "Running",
    "Planned",
    "Completed",
]
NOT_OUR_TERMS = [
    "åtgärdsområde",
    "tjänstebaserad",
    "Spela film: Film:",
    r"\b(?:Jan|Feb|Mar|Apr|Maj|Jun|Jul|Aug|Sep|Okt|Nov|Dec) \d{4}",  # Swedish writes months in lower case
    r"\d byte\b",
]
# Where the crawl does not go: other languages, files, the admin, machine-readable addresses.
SKIPPED = re.compile(r"^/(?:en/|admin|documents/|media/|static/|api/)|/feed/|/data/|\?page=")


def expected_status(start, end, today):
    if end and end < today:
        return "completed"
    if start and start > today:
        return "planned"
    return "running"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_initiatives_shown_status_agrees_with_its_dates(e2e_server, new_page, language):
    page = new_page()
    page.goto(e2e_server["url"] + OVERVIEW[language])
    links = page.eval_on_selector_all(".initiative-card a[href]", "els => els.map(e => e.getAttribute('href'))")
    assert len(links) == 12, links
    today = datetime.date.fromisoformat(page.evaluate("new Date().toLocaleDateString('sv-SE')"))
    checked = 0
    for link in links:
        page.goto(e2e_server["url"] + link)
        facts = page.locator(".initiative-facts")
        # The text, not its rendering: the badge is set in capitals by CSS.
        shown = facts.locator("dt:text-is('Status') + dd").text_content().strip()
        status = STATUS[language][shown]
        header_status = page.locator(".initiative__meta .initiative-status").text_content().strip()
        assert header_status == shown, (link, header_status, shown)
        dates = {}
        for label, key in (("Start", "start"), ("Slut" if language == "sv" else "End", "end")):
            cell = facts.locator(f"dt:text-is('{label}') + dd time")
            if cell.count():
                dates[key] = datetime.date.fromisoformat(cell.get_attribute("datetime"))
        if dates:
            assert status == expected_status(dates.get("start"), dates.get("end"), today), (link, shown, dates)
            checked += 1
    assert checked >= 8  # most initiatives have dates: the check is not vacuous


def crawl(server, page, start, keep, limit=120):
    """Same-site pages reachable from `start` whose paths `keep` accepts; yields (path, page)."""
    seen, queue = {start}, deque([start])
    host = urlsplit(server["url"]).netloc
    while queue and len(seen) <= limit:
        path = queue.popleft()
        response = page.goto(server["url"] + path)
        if response is None or response.status != 200 or "text/html" not in response.headers.get("content-type", ""):
            continue
        yield path, page
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            parts = urlsplit(urljoin(server["url"] + path, href))
            if parts.netloc != host:
                continue
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            if target not in seen and keep(target):
                seen.add(target)
                queue.append(target)


def test_no_page_offers_a_film_without_a_real_address(e2e_server, new_page):
    page = new_page()
    pages = [path for sv, en, status in PAGE_TYPES.values() if status == 200 for path in (sv, en)]
    films = 0
    for path in [*pages, "/framgangsexempel/tjanstebaserad-affarsutveckling/", "/verktygslada/?kind=video"]:
        page.goto(e2e_server["url"] + path)
        for link in page.eval_on_selector_all(
            "a[href*='youtube'], a[href*='youtu.be'], a[href*='vimeo'], [data-embed-src]",
            "els => els.map(e => e.getAttribute('href') || e.dataset.embedSrc)",
        ):
            assert link in REAL_FILMS, (path, link)
            films += 1
        assert "FocusIndust" not in page.content(), path
    assert films >= 2  # the tests' own film on the home page and the story is found, so the check looks


def test_swedish_pages_hold_no_english_leftovers(e2e_server, new_page):
    page = new_page()
    # Case-insensitive: some labels are set in capitals by CSS, and inner_text() reads what is shown.
    leftovers = re.compile("|".join(re.escape(text) for text in ENGLISH_LEFTOVERS), re.IGNORECASE)
    terms = re.compile("|".join(NOT_OUR_TERMS))
    found, crawled = [], 0
    for path, loaded in crawl(e2e_server, page, "/", lambda target: not SKIPPED.search(target)):
        crawled += 1
        text = loaded.locator("body").inner_text()
        for match in [*leftovers.finditer(text), *terms.finditer(text)]:
            found.append((path, match.group(0)))
        assert loaded.locator("html").get_attribute("lang") == "sv", path
    assert crawled >= 40  # home, areas, stories, initiatives, toolbox and the standard pages
    assert not found, found
