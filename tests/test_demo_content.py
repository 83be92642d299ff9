"""The demo content (`manage.py load_demo_content`), tested once, here: what `make run` shows a newcomer.

Other tests build the content they need with tests/factories.py; these are the only ones that may read
the demo's own titles. The session's test database is loaded with the demo (tests/conftest.py).
"""

import pytest

from django.core.management import call_command
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from focus_industry.core.models import StandardPage
from focus_industry.demo.loader import DemoContext
from initiatives.models import InitiativePage
from stories import demo as stories_demo
from stories.models import StoryPage
from toolbox.models import ResourcePage

pytestmark = pytest.mark.django_db

LISTING = {"sv": "/framgangsexempel/", "en": "/en/success-stories/"}


def _counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        get_document_model().objects.count(),
    )


def test_demo_loader_is_idempotent():
    before = _counts()
    with translation.override("sv"):
        call_command("load_demo_content", verbosity=0)
    assert _counts() == before


def test_demo_loader_keeps_what_editors_changed_and_updates_what_they_did_not(django_user_model):
    editor = django_user_model.objects.create_user("editor-of-about", is_superuser=True)
    about = StandardPage.objects.get(slug_sv="om-focus-industry")
    about.intro_sv = "Redaktörens egen text."
    about.save_revision(user=editor).publish(user=editor)
    # A page an earlier loader wrote, with what it wrote then and no editor since: the re-run corrects it.
    contact = StandardPage.objects.get(slug_sv="kontakt")
    contact.intro_en = "Old demo text."
    contact.save_revision().publish()
    with translation.override("sv"):
        call_command("load_demo_content", verbosity=0)
    about.refresh_from_db()
    contact.refresh_from_db()
    assert about.intro_sv == "Redaktörens egen text."
    assert contact.intro_en.startswith("Would you like to know more")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_seed_story_renders_with_lead_facts_and_tags(client, language):
    position = 0 if language == "sv" else 1
    for data in stories_demo.STORIES:
        with translation.override(language):
            url = StoryPage.objects.get(slug_sv=data["slug"][0]).get_url()
        assert url.startswith(LISTING[language])
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert data["title"][position] in html
        assert data["lead"][position] in html
        assert "story-facts" in html
        assert 'href="' + LISTING[language] + "?region=dalarna" in html


def test_scale_adds_deterministic_stories_once(home):
    before = StoryPage.objects.count()
    context = DemoContext(home=home, scale=3, log=lambda message: None)
    stories_demo.load(context)
    assert StoryPage.objects.count() == before + 3
    stories_demo.load(DemoContext(home=home, scale=3, log=lambda message: None))
    assert StoryPage.objects.count() == before + 3
    generated = StoryPage.objects.get(slug_sv="exempel-0002")
    assert generated.live and generated.title_en and generated.lead_en and generated.hero_image_id
    assert generated.regions.count() == 1 and generated.action_areas.count() == 1
    with translation.override("en"):
        assert generated.get_url() == "/en/success-stories/example-0002/"
    # The fast path writes tree paths itself: the tree must stay what Wagtail's own add_child makes.
    index = generated.get_parent()
    assert index.numchild == index.get_children().count()
    assert generated.get_parent().specific_class.__name__ == "StoryIndexPage"
    assert len({page.path for page in index.get_children()}) == index.numchild


def test_three_to_five_initiatives_per_region_in_both_languages():
    for region in ("dalarna", "gavleborg", "varmland"):
        pages = InitiativePage.objects.filter(region__slug=region, live=True)
        assert 3 <= pages.count() <= 5
        assert all(page.title_en and page.summary_en and page.slug_en for page in pages)


def test_toolbox_files_are_what_their_extension_says():
    documents = ResourcePage.objects.exclude(document=None).select_related("document")
    assert documents.exists()
    for page in documents:
        with page.document.open_file() as handle:
            head = handle.read(8)
        extension = page.document.file_extension
        signature = {"pdf": b"%PDF-", "png": b"\x89PNG", "csv": b"EXEMPEL"}[extension]
        assert head.startswith(signature)
