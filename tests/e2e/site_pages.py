"""Every public page type of the demo site, in both languages: the one list the accessibility, HTML
validity and privacy checks walk (on the `e2e_server_paged` server, which has a page 2 of stories)."""

import urllib.error
import urllib.request

# name -> (Swedish path, English path, expected HTTP status)
PAGE_TYPES = {
    "home": ("/", "/en/", 200),
    "action-area": ("/insatsomraden/innovationskapacitet/", "/en/action-areas/innovation-capacity/", 200),
    "stories": ("/framgangsexempel/", "/en/success-stories/", 200),
    "stories-filtered": (
        "/framgangsexempel/?area=innovation&region=dalarna",
        "/en/success-stories/?area=innovation&region=dalarna",
        200,
    ),
    "stories-page-2": ("/framgangsexempel/?page=2", "/en/success-stories/?page=2", 200),
    "story-with-video": (
        "/framgangsexempel/tjanstebaserad-affarsutveckling/",
        "/en/success-stories/service-driven-business-development/",
        200,
    ),
    "initiatives-map": ("/initiativ/", "/en/initiatives/", 200),
    "region": ("/initiativ/dalarna/", "/en/initiatives/dalarna/", 200),
    "initiative": (
        "/initiativ/dalarna/focus-industry-spets/",
        "/en/initiatives/dalarna/focus-industry-spets/",
        200,
    ),
    "toolbox": ("/verktygslada/", "/en/toolbox/", 200),
    "resource": (
        "/verktygslada/dalarna/kom-igang-med-tjanstedesign/",
        "/en/toolbox/dalarna/getting-started-with-service-design/",
        200,
    ),
    "search": ("/sok/?q=industri", "/en/search/?q=industry", 200),
    "search-no-results": ("/sok/?q=zzqxj", "/en/search/?q=zzqxj", 200),
    "not-found": ("/finns-inte/", "/en/does-not-exist/", 404),
    # A listing's own 404 (focus_industry/core/listing.py): the list without the unknown filter, under a notice.
    "listing-unknown-filter": ("/verktygslada/?kind=nope&lang=sv", "/en/toolbox/?kind=nope&lang=sv", 404),
    "accessibility-statement": ("/tillganglighetsredogorelse/", "/en/accessibility-statement/", 200),
    "privacy": ("/personuppgifter-och-kakor/", "/en/privacy-and-cookies/", 200),
}

LANGUAGES = ("sv", "en")


def page_cases():
    """[(name, language, path, status)] for pytest.mark.parametrize, ids like `story-with-video-en`."""
    import pytest

    return [
        pytest.param(name, language, paths[LANGUAGES.index(language)], paths[2], id=f"{name}-{language}")
        for name, paths in PAGE_TYPES.items()
        for language in LANGUAGES
    ]


def fetch(url):
    """(status, body) of a GET without a browser; 4xx answers are returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (our own test server)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()
