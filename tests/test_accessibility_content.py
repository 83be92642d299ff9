"""What the accessibility and privacy promises look like to a reader: the statement follows DIGG's
structure in both languages and is linked from every page's footer, the privacy page says plainly
that nothing is stored or fetched elsewhere until a film is played, and quotes carry their language."""

import re

import pytest

from django.template.loader import render_to_string

from focus_industry.core.blocks import QuoteBlock

pytestmark = pytest.mark.django_db

STATEMENT = {"sv": "/tillganglighetsredogorelse/", "en": "/en/accessibility-statement/"}
PRIVACY = {"sv": "/personuppgifter-och-kakor/", "en": "/en/privacy-and-cookies/"}

# DIGG's model statement: how accessible, what you can do, how to report, supervision (with the
# complaint service), what is not accessible and why, how it was tested and when.
STATEMENT_SECTIONS = {
    "sv": [
        "Hur tillgänglig är webbplatsen?",
        "Vad kan du göra om du inte kan använda delar av webbplatsen?",
        "Rapportera brister i webbplatsens tillgänglighet",
        "Tillsyn",
        "Innehåll som inte är tillgängligt",
        "Hur vi testat webbplatsen",
    ],
    "en": [
        "How accessible is the website?",
        "What can you do if you cannot use parts of the website?",
        "Report shortcomings in the website's accessibility",
        "Supervision",
        "Content that is not accessible",
        "How we tested the website",
    ],
}


def headings(html):
    return [re.sub(r"<[^>]+>", "", text).strip() for text in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_accessibility_statement_follows_diggs_structure(client, language):
    response = client.get(STATEMENT[language])
    assert response.status_code == 200
    html = response.content.decode()
    found = headings(html)
    wanted = STATEMENT_SECTIONS[language]
    assert [h for h in found if h in wanted] == wanted, found
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert 'href="mailto:kontakt@focusindustry.nu"' in html
    assert re.search(r"(2018:1937)", html)
    assert re.search(r"(25 november 2026|25 November 2026)", html), "when it was tested"


@pytest.mark.parametrize(
    ("language", "path"),
    [("sv", "/"), ("en", "/en/"), ("sv", "/framgangsexempel/"), ("en", "/en/toolbox/"), ("en", "/en/nope/")],
)
def test_every_page_links_to_the_statement_and_the_privacy_page_in_its_footer(client, language, path):
    html = client.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{STATEMENT[language]}"' in footer
    assert f'href="{PRIVACY[language]}"' in footer


@pytest.mark.parametrize(
    ("language", "needles"),
    [
        ("sv", ["inga kakor", "tills du själv klickar på spela", "youtube-nocookie.com", "sessionskaka"]),
        ("en", ["no cookies", "until you click play", "youtube-nocookie.com", "session cookie"]),
    ],
)
def test_privacy_page_says_plainly_what_happens(client, language, needles):
    html = client.get(PRIVACY[language]).content.decode()
    for needle in needles:
        assert needle in html


def test_a_quote_in_the_other_language_carries_lang():
    block = QuoteBlock()
    english = block.to_python({"quote": "It opened our minds.", "name": "Ann", "role": "CEO", "language": "en"})
    html = render_to_string(block.meta.template, {"value": english})
    assert '<blockquote lang="en">' in html
    # The name and role are not part of the quote and stay in the page's language.
    assert re.search(r"<figcaption>(?!.*lang=)", html)
    same = block.to_python({"quote": "Det öppnade våra ögon.", "name": "Ann", "role": "", "language": ""})
    assert "lang=" not in render_to_string(block.meta.template, {"value": same})
