"""Relevance: queries as visitors type them (inflected, compounds, lower case, typos) and the demo pages
each must bring into its first five results, on the Swedish and the English search page.

Runs on SQLite and on PostgreSQL (DATABASE_URL): both must pass the same set, since both hold the same
tokens and rank the same way (focus_industry/search/ranking.py). Pages are named by their Swedish slug
(the demo content's stories, initiatives and resources). A typo is followed as a visitor would: the
search finds nothing and the page's "Did you mean" gives the query that does.
"""

import pytest

pytestmark = pytest.mark.django_db

SV_SEARCH = "/sok/"
EN_SEARCH = "/en/search/"
TOP = 5

SAWMILL_STORY = "vuxenutbildning-for-sagverksoperatorer"
SAWMILL_INITIATIVE = "vuxenutbildning-sagverksoperatorer"
SPARE_PARTS_STORY = "kritiska-reservdelar-och-komponenter"
SPARE_PARTS_ARENA = "testarena-reservdelar"
COMPONENTS_MAPPING = "kartlaggning-kritiska-komponenter"
SKILLS_TEMPLATE = "mall-kompetensbehovsanalys"
SKILLS_INITIATIVE = "kompetenskraft-industri-nms"
ESF = "esf-kompetensutveckling"
SERVICE_STORY = "tjanstebaserad-affarsutveckling"
SERVICE_INITIATIVE = "tjanstedriven-affarsutveckling"
SERVICE_DESIGN = "kom-igang-med-tjanstedesign"
COLLABORATION_STORY = "internationell-samverkan"
COLLABORATION_INITIATIVE = "internationell-samverkan-skog-och-stal"
CIRCULAR_STORY = "koldioxidsnal-och-cirkular-ekonomi"
CIRCULAR_FLOWS = "cirkulara-flodet-stal-och-tra"
CIRCULAR_TEMPLATE = "mall-handlingsplan-cirkulara-floden"
RESEARCH_STORY = "investeringar-i-forskning-och-innovation"
RESEARCH_DALARNA = "industrinara-forskning-dalarna"
EXPORT_BOOST = "exportlyft-gavleborg"
EXPORT_CHECKLIST = "checklista-export"
CLIMATE_STEP = "klimatkliv-verkstadsindustrin"
PROCESS_HEAT = "fossilfri-processvarme"
DIGITAL_BOOST = "digitaliseringslyft-sma-industriforetag"
SME_INFOGRAPHIC = "infografik-sma-och-medelstora-foretag"
GROWTH_AGENCY = "tillvaxtverket-stod-till-foretag"
VINNOVA = "vinnova-utlysningar"
STATUS_REPORT = "lagesrapport-industrins-omstallning-2025"
SPETS = "focus-industry-spets"

SWEDISH = [
    ("sågverk", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("operatör", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("sågverket", [SAWMILL_INITIATIVE]),
    ("sågverksoperatören", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("reservdel", [SPARE_PARTS_STORY, SPARE_PARTS_ARENA]),
    ("reservdelarna", [SPARE_PARTS_STORY, SPARE_PARTS_ARENA]),
    ("kritiska komponenter", [COMPONENTS_MAPPING, SPARE_PARTS_STORY]),
    ("komponenten", [COMPONENTS_MAPPING]),
    ("testarenan", [SPARE_PARTS_ARENA]),
    ("kompetensen", [SKILLS_INITIATIVE, SKILLS_TEMPLATE]),
    ("kompetensförsörjningen", [SAWMILL_STORY]),
    ("kompetensbehov", [SKILLS_TEMPLATE, SKILLS_INITIATIVE]),
    ("kompetensutveckling", [ESF]),
    ("vuxenutbildningen", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("tjänstedriven affärsutveckling", [SERVICE_STORY, SERVICE_INITIATIVE]),
    ("affärsutvecklingen", [SERVICE_STORY, SERVICE_INITIATIVE]),
    ("tjänstedesign", [SERVICE_DESIGN]),
    ("internationell samverkan", [COLLABORATION_STORY, COLLABORATION_INITIATIVE]),
    ("cirkulär ekonomi", [CIRCULAR_STORY]),
    ("cirkulära flöden", [CIRCULAR_FLOWS, CIRCULAR_TEMPLATE]),
    ("restflöden", [CIRCULAR_FLOWS, CIRCULAR_TEMPLATE]),
    ("koldioxidutsläpp", [CIRCULAR_STORY]),
    ("forskning och innovation", [RESEARCH_STORY]),
    ("forskningsfrågor", [RESEARCH_DALARNA]),
    ("industrinära forskning", [RESEARCH_DALARNA]),
    ("exportlyft", [EXPORT_BOOST]),
    ("underleverantörerna", [EXPORT_BOOST]),
    ("exportmarknaden", [EXPORT_CHECKLIST]),
    ("checklista export", [EXPORT_CHECKLIST]),
    ("klimatpåverkan", [CLIMATE_STEP, CIRCULAR_TEMPLATE]),
    ("verkstadsföretagen", [CLIMATE_STEP]),
    ("processvärme", [PROCESS_HEAT]),
    ("pappersindustrin", [PROCESS_HEAT]),
    ("fossila bränslen", [PROCESS_HEAT]),
    ("digitalisering", [DIGITAL_BOOST]),
    ("digitala verktyg", [DIGITAL_BOOST]),
    ("små industriföretag", [DIGITAL_BOOST]),
    ("medelstora företag", [SME_INFOGRAPHIC, GROWTH_AGENCY]),
    ("tillväxtverket", [GROWTH_AGENCY]),
    ("utlysningar", [VINNOVA]),
    ("vinnovas utlysning", [VINNOVA]),
    ("innovationsprojekt", [VINNOVA]),
    ("lägesrapporten", [STATUS_REPORT]),
    ("omställningen", [STATUS_REPORT]),
    ("focus industry spets", [SPETS]),
    ("europeiska socialfonden", [ESF]),
    ("Kalkylblad", [SKILLS_TEMPLATE]),
    ("handlingsplanen", [CIRCULAR_TEMPLATE]),
    ("kartläggningen", [COMPONENTS_MAPPING]),
    # Typos, one letter off: followed through "Menade du".
    ("komptens", [SKILLS_INITIATIVE, SKILLS_TEMPLATE]),
    ("reservdlar", [SPARE_PARTS_STORY, SPARE_PARTS_ARENA]),
    ("tjänstedsign", [SERVICE_DESIGN]),
    ("procesvärme", [PROCESS_HEAT]),
]

ENGLISH = [
    ("sawmill operators", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("spare part", [SPARE_PARTS_STORY, SPARE_PARTS_ARENA]),
    ("test arena", [SPARE_PARTS_ARENA]),
    ("critical components", [COMPONENTS_MAPPING, SPARE_PARTS_STORY]),
    ("skills needs", [SKILLS_TEMPLATE, SKILLS_INITIATIVE]),
    ("adult training", [SAWMILL_INITIATIVE, SAWMILL_STORY]),
    ("service design", [SERVICE_DESIGN]),
    ("business development", [SERVICE_STORY, SERVICE_INITIATIVE]),
    ("circular economy", [CIRCULAR_STORY]),
    ("circular flows", [CIRCULAR_FLOWS, CIRCULAR_TEMPLATE]),
    ("research questions", [RESEARCH_DALARNA]),
    ("export boost", [EXPORT_BOOST]),
    ("exporting", [EXPORT_CHECKLIST]),
    ("climate impact", [CLIMATE_STEP]),
    ("process heat", [PROCESS_HEAT]),
    ("paper industry", [PROCESS_HEAT]),
    ("digital tools", [DIGITAL_BOOST]),
    ("calls for innovation", [VINNOVA]),
    ("status report", [STATUS_REPORT]),
    ("european social fund", [ESF]),
    ("infographic", [SME_INFOGRAPHIC]),
    ("low carbon", [CIRCULAR_STORY]),
    ("international collaboration", [COLLABORATION_STORY, COLLABORATION_INITIATIVE]),
    # Typos, one letter off: followed through "Did you mean".
    ("sawmil", [SAWMILL_STORY, SAWMILL_INITIATIVE]),
    ("componets", [COMPONENTS_MAPPING]),
]


def first_slugs(client, url, query):
    """The Swedish slugs of the first five results for `query`, following "Did you mean" if nothing
    was found (as a visitor clicks it), and the query finally searched."""
    from wagtail.models import Page

    response = client.get(url, {"q": query})
    assert response.status_code == 200
    if not response.context["results"] and response.context.get("suggestion"):
        query = response.context["suggestion"]
        response = client.get(url, {"q": query})
    ids = [item["pk"] for item in response.context["results"][:TOP]]
    slugs = dict(Page.objects.filter(pk__in=ids).values_list("pk", "slug_sv"))
    return [slugs[pk] for pk in ids], query


def check(client, url, cases):
    misses = []
    for query, wanted in cases:
        found, searched = first_slugs(client, url, query)
        missing = [slug for slug in wanted if slug not in found]
        if missing:
            misses.append((query, searched, missing, found))
    assert misses == []


def test_the_queries_are_a_real_set():
    assert len(SWEDISH) >= 40 and len(ENGLISH) >= 20
    assert len({query for query, _pages in SWEDISH}) == len(SWEDISH)
    assert len({query for query, _pages in ENGLISH}) == len(ENGLISH)


def test_swedish_queries_bring_their_pages_into_the_first_five(client):
    check(client, SV_SEARCH, SWEDISH)


def test_english_queries_bring_their_pages_into_the_first_five(client):
    check(client, EN_SEARCH, ENGLISH)


def test_every_expected_page_is_a_live_public_demo_page():
    from wagtail.models import Page

    slugs = {slug for _query, pages in SWEDISH + ENGLISH for slug in pages}
    pages = Page.objects.live().public().filter(slug_sv__in=slugs)
    assert set(pages.values_list("slug_sv", flat=True)) == slugs
