"""Translated routing (focus_industry/core/translated_routing.py): each language's slugs lead to their page,
a slug of the other language does not, and a page's child is found with the same few queries whether
the page has 3 children or 300."""

import pytest

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, get_page_models

from focus_industry.core import translated_routing
from focus_industry.core.models import StandardPage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/om-focus-industry/", 200),
        ("/en/about-focus-industry/", 200),
        ("/en/om-focus-industry/", 404),  # the page has an English slug of its own
        ("/about-focus-industry/", 404),
    ],
)
def test_each_language_has_its_own_slug_and_not_the_others(client, url, status):
    assert client.get(url).status_code == status


def test_a_page_without_an_english_slug_is_found_by_its_swedish_one_in_english(client, home):
    page = StandardPage(title_sv="Bara på svenska", slug_sv="bara-pa-svenska", live=True)
    home.add_child(instance=page)
    assert client.get("/en/bara-pa-svenska/").status_code == 200
    assert client.get("/bara-pa-svenska/").status_code == 200


def test_a_draft_child_is_not_found(client, home):
    home.add_child(instance=StandardPage(title_sv="Utkast", slug_sv="utkast", slug_en="draft", live=False))
    assert client.get("/utkast/").status_code == 404
    assert client.get("/en/draft/").status_code == 404


def test_no_page_model_routes_its_own_way():
    """Every translated page type routes with the one lookup: no model, and no app's start-up, puts
    another `route` in its place (which would bring back a lookup of its own)."""
    from modeltranslation.translator import translator

    translated = set(translator.get_registered_models())
    models = [model for model in get_page_models() if model in translated]
    assert len(models) > 5
    assert [model for model in models if model.route is not translated_routing.route] == []


def _add_children(parent, start, count):
    for number in range(start, start + count):
        parent.add_child(
            instance=StandardPage(
                title_sv=f"Barn {number}",
                slug_sv=f"barn-{number}",
                title_en=f"Child {number}",
                slug_en=f"child-{number}",
                live=True,
            )
        )


def _route_queries(home, path_components, monkeypatch=None):
    """(the page routed to, queries run, pages read from the database)."""
    read = []
    if monkeypatch is not None:
        from_db = Page.from_db.__func__

        def counting_from_db(cls, db, field_names, values):
            read.append(cls)
            return from_db(cls, db, field_names, values)

        monkeypatch.setattr(Page, "from_db", classmethod(counting_from_db))
    request = RequestFactory().get("/en/")
    with translation.override("en"), CaptureQueriesContext(connection) as queries:
        result = home.route(request, path_components)
    if monkeypatch is not None:
        monkeypatch.undo()
    return result.page, len(queries), len(read)


def test_the_child_lookup_costs_the_same_with_3_and_with_300_children(home, monkeypatch):
    parent = StandardPage(title_sv="Förälder", slug_sv="foralder", title_en="Parent", slug_en="parent", live=True)
    home.add_child(instance=parent)
    _add_children(parent, 0, 3)
    page, few, few_read = _route_queries(home, ["parent", "child-2"], monkeypatch)
    assert page.title_en == "Child 2"

    _add_children(parent, 3, 297)
    page, many, many_read = _route_queries(home, ["parent", "child-299"], monkeypatch)
    assert page.title_en == "Child 299"
    # Home's child by its slug (passed through without its own fields), then the child by its slug: a
    # standard page allows only standard pages, so its child comes in its own type from the one query.
    assert few == many == 2
    # Nor do the rows read grow: not every child is loaded to compare its slug.
    assert few_read == many_read == 2
    with translation.override("en"), pytest.raises(Http404):
        home.route(RequestFactory().get("/en/"), ["parent", "barn-299"])


def test_the_parents_met_on_the_way_are_not_fetched_again(home):
    parent = StandardPage(title_sv="Förälder", slug_sv="foralder", live=True)
    home.add_child(instance=parent)
    _add_children(parent, 0, 1)
    page, _queries, _read = _route_queries(home, ["foralder", "child-0"])
    with CaptureQueriesContext(connection) as queries:
        assert translated_routing.ancestor_of_type(page, type(home)) == home
        assert page.get_parent() == parent
    assert len(queries) == 0
