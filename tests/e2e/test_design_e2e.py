"""The visual design as a visitor sees it, in Debian's Chromium: the main menu on one row, text that
stays inside its box and breaks words only where a hyphen shows, and cards side by side that do not
show the same picture."""

import io
import urllib.request

import pytest

from tests.e2e.site_pages import PAGE_TYPES

pytestmark = pytest.mark.browser

LISTINGS = ["home", "action-area", "stories", "initiatives-map", "region", "toolbox"]

# The top of every item of the header's main menu that is shown, in pixels.
MENU_ROWS_JS = """
() => Array.from(document.querySelectorAll(".main-nav__list > li"))
  .filter((li) => li.offsetParent !== null)
  .map((li) => [Math.round(li.getBoundingClientRect().top), li.textContent.trim()])
"""

# Text that sticks out of its box, and words broken across two lines with no hyphen shown. A break is
# allowed after a soft hyphen or a hyphen, or where the browser itself hyphenates (`hyphens: auto` in
# the element's language): the same word alone in a box of the same width, font and language, with no
# `overflow-wrap`, breaks there too. (Debian's Chromium has no hyphenation dictionaries, so there the
# only acceptable break is after a written hyphen; a browser with them hyphenates and passes.)
TEXT_JS = """
(selectors) => {
  const problems = [];
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;left:-9999px;top:0;overflow-wrap:normal;word-break:normal;";
  document.body.append(probe);
  // The top of the line that holds character i of a text node (null for an unrendered one).
  const topOf = (node, i) => {
    const range = document.createRange();
    range.setStart(node, i); range.setEnd(node, i + 1);
    const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0);
    return rects.length ? Math.round(rects[rects.length - 1].top) : null;
  };
  const browserBreaks = (el, word) => {
    const style = getComputedStyle(el);
    probe.lang = el.closest("[lang]").lang;
    probe.style.font = style.font;
    probe.style.letterSpacing = style.letterSpacing;
    probe.style.textTransform = style.textTransform;
    probe.style.hyphens = style.hyphens;
    probe.style.width = el.getBoundingClientRect().width + "px";
    probe.textContent = word;
    return probe.scrollWidth <= probe.clientWidth + 1 && probe.getClientRects().length > 0
      && probe.getBoundingClientRect().height > parseFloat(style.lineHeight || "0") * 1.5;
  };
  for (const el of document.querySelectorAll(selectors)) {
    if (el.offsetParent === null || el.closest(".visually-hidden")) continue;
    const name = `${el.tagName.toLowerCase()}.${el.className} "${el.textContent.trim().slice(0, 40)}"`;
    if (el.scrollWidth > el.clientWidth + 1) problems.push(`${name} overflows its box`);
    const rect = el.getBoundingClientRect();
    if (rect.right > document.documentElement.clientWidth + 1) problems.push(`${name} sticks out of the page`);
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      for (const match of text.matchAll(/[^\\s\\u00ad\\u2013\\u2014-]+[\\u00ad\\u2013\\u2014-]?/gu)) {
        const word = match[0];
        if (word.length < 4) continue;
        const start = match.index;
        const first = topOf(node, start);
        if (first === null || topOf(node, start + word.length - 1) === first) continue;
        // Where does it break? The first character on a new line.
        let at = 1;
        while (at < word.length && topOf(node, start + at) === first) at++;
        const before = word[at - 1];
        // After a soft hyphen, a hyphen or a dash: a break the typography allows.
        if (before === "\\u00ad" || before === "-" || before === "\\u2013" || before === "\\u2014") continue;
        if (browserBreaks(node.parentElement, word.replace(/\\u00ad/g, ""))) continue;
        problems.push(`${name}: "${word.slice(0, at)}|${word.slice(at)}" breaks inside the word without a hyphen`);
      }
    }
  }
  probe.remove();
  return problems.slice(0, 12);
}
"""

TEXT_SELECTORS = ".main-nav a, .breadcrumbs a, h1, h2, h3, .card__title, .card p, .card .tag, .card__meta, .lead"


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_main_menu_is_one_row_with_the_content_sections_first(e2e_server, new_page, width, language):
    page = new_page(width=width)
    for name in ("home", "stories", "toolbox"):
        path = PAGE_TYPES[name][0 if language == "sv" else 1]
        page.goto(e2e_server["url"] + path)
        items = page.evaluate(MENU_ROWS_JS)
        assert items, "the main menu shows no item"
        rows = sorted({top for top, _text in items})
        assert len(rows) == 1, f"the main menu takes {len(rows)} rows at {width} px: {items}"
        texts = [text for _top, text in items]
        # The content sections come first; About and Contact, if in this bar at all, after them.
        sections = ("Verktygslåda", "Framgångsexempel") if language == "sv" else ("Toolbox", "Success stories")
        service = ("Om Focus Industry", "Kontakt") if language == "sv" else ("About Focus Industry", "Contact")
        for section in sections:
            assert section in texts, f"{section} is not in the main menu: {texts}"
            for other in service:
                if other in texts:
                    assert texts.index(other) > texts.index(section), f"{other} stands before {section}: {texts}"


@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("name", LISTINGS)
def test_text_stays_in_its_box_and_breaks_words_only_with_a_hyphen(e2e_server, new_page, name, width, language):
    page = new_page(width=width)
    page.goto(e2e_server["url"] + PAGE_TYPES[name][0 if language == "sv" else 1])
    toggle = page.locator(".main-nav__toggle")
    if toggle.is_visible():
        toggle.click()
    assert page.locator(".card, .area-card").count() > 0, "the page shows no card to check"
    problems = page.evaluate(TEXT_JS, TEXT_SELECTORS)
    assert problems == [], "\n".join(problems)


def test_the_text_check_sees_a_word_broken_without_a_hyphen(e2e_server, new_page):
    """The check above would be worthless if it saw nothing: squeeze a card title and see it complain."""
    page = new_page(width=1280)
    page.goto(e2e_server["url"] + PAGE_TYPES["stories"][0])
    page.evaluate(
        """() => { const t = document.querySelector(".card__title a");
                   t.textContent = "Kompetensförsörjning"; t.parentElement.id = "probe";
                   t.parentElement.style.width = "10em"; t.parentElement.style.overflowWrap = "anywhere"; }"""
    )
    assert "breaks inside the word without a hyphen" in " ".join(page.evaluate(TEXT_JS, "#probe"))
    page.evaluate(
        "() => { const t = document.querySelector('.card__title a'); t.textContent = 'Kompetens\u00adförsörjning'; }"
    )
    assert page.evaluate(TEXT_JS, "#probe") == []


def _picture_hash(data):
    """A 64-bit average hash of the picture in grey: the same drawing in other colours hashes alike."""
    from PIL import Image

    image = Image.open(io.BytesIO(data)).convert("L").resize((8, 8), Image.Resampling.LANCZOS)
    pixels = list(image.tobytes())
    mean = sum(pixels) / len(pixels)
    return [pixel > mean for pixel in pixels]


def _hash_distance(a, b):
    return sum(x != y for x, y in zip(a, b, strict=True))


# Two pictures whose hashes differ in fewer than this many of the 64 bits look the same to a visitor.
SAME_PICTURE = 10


@pytest.mark.parametrize("name", ["home", "action-area", "stories", "story-with-video"])
def test_neighbouring_cards_do_not_show_the_same_picture(e2e_server, new_page, name):
    page = new_page(width=1280)
    page.goto(e2e_server["url"] + PAGE_TYPES[name][0])
    grids = page.evaluate(
        """() => Array.from(document.querySelectorAll(".card-grid")).map((grid) =>
             Array.from(grid.querySelectorAll(":scope > .card img")).map((img) => img.currentSrc || img.src))
             .filter((sources) => sources.length > 1)"""
    )
    assert grids, "no card grid with pictures"
    hashes = {}
    for sources in grids:
        for source in sources:
            if source not in hashes:
                with urllib.request.urlopen(source, timeout=30) as response:  # noqa: S310 (our own test server)
                    hashes[source] = _picture_hash(response.read())
        for left, right in zip(sources, sources[1:], strict=False):
            distance = _hash_distance(hashes[left], hashes[right])
            assert distance >= SAME_PICTURE, f"neighbouring cards show the same picture ({distance}/64): {left} {right}"
