"""Test content made by the test itself, so a test says what it needs instead of reading the demo's titles.

Each builder makes one published, bilingual page below its usual parent, with numbered defaults a test
overrides by field name (`story(title_en="Hydrogen kiln", action_areas=[areas["innovation"]])`).
`no_live_stories()` takes the demo's stories off the site for one test (the transaction is rolled back),
so a listing shows exactly what the test made. The demo content itself is tested on its own, in
tests/test_demo_content.py.
"""

import datetime
import itertools

_numbers = itertools.count(1)


def publish(parent, page, **relations):
    """Adds `page` below `parent`, sets its many-to-many `relations` (`regions=[…]`), publishes a revision
    the way the editor's publish button does, and returns the page as stored."""
    parent.add_child(instance=page)
    for name, values in relations.items():
        getattr(page, name).set(values)
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def _names(word_sv, word_en, slug_sv, slug_en):
    """Numbered titles and slugs in both languages, unique within the run."""
    n = next(_numbers)
    return {
        "title_sv": f"{word_sv} {n}",
        "title_en": f"{word_en} {n}",
        "slug_sv": f"{slug_sv}-{n}",
        "slug_en": f"{slug_en}-{n}",
    }


def story(parent=None, *, regions=(), action_areas=(), **fields):
    from stories.models import StoryIndexPage, StoryPage

    values = {
        **_names("Berättelse", "Story", "berattelse", "story"),
        "lead_sv": "Ett företag visar vägen.",
        "lead_en": "A company shows the way.",
        "date": datetime.date(2025, 3, 14),
        **fields,
    }
    parent = parent or StoryIndexPage.objects.get()
    return publish(parent, StoryPage(**values), regions=regions, action_areas=action_areas)


def initiative(parent, *, action_areas=(), **fields):
    """An initiative below `parent` (a RegionPage: the region follows it)."""
    from initiatives.models import InitiativePage

    values = {
        **_names("Initiativ", "Initiative", "initiativ", "initiative"),
        "summary_sv": "Sammanfattning",
        "summary_en": "Summary",
        "start_date": datetime.date(2025, 1, 1),  # no end date: running (the status follows the dates)
        **fields,
    }
    return publish(parent, InitiativePage(**values), action_areas=action_areas)


def resource(parent, *, regions=(), action_areas=(), **fields):
    """A toolbox resource (a link unless `document=` or `video_url=` is given) below `parent`."""
    from toolbox.models import Kind, ResourcePage

    values = {
        **_names("Resurs", "Resource", "resurs", "resource"),
        "description_sv": "Beskrivning.",
        "description_en": "Description.",
        "kind": Kind.GUIDE,
        "external_url": "https://example.org/",
        "date": datetime.date(2024, 1, 1),
        **fields,
    }
    return publish(parent, ResourcePage(**values), regions=regions, action_areas=action_areas)


def no_live_stories():
    """Unpublishes every story (inside the test's transaction), so listings show only what a test adds."""
    from stories.models import StoryPage

    StoryPage.objects.live().update(live=False)


def about_form(**changes):
    """The About page's admin edit form, filled in as an editor would, with `changes` on top."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    values = {
        "title_sv": "Om Focus Industry",
        "title_en": "About Focus Industry",
        "slug_sv": "om-focus-industry",
        "slug_en": "about-focus-industry",
        "intro_sv": "Ny svensk ingress.",
        "intro_en": "A new English introduction.",
        "body_sv": streamfield([("text", rich_text("<p>Text</p>"))]),
        "body_en": streamfield([("text", rich_text("<p>Text</p>"))]),
        "comments": inline_formset([]),
    }
    values.update(changes)
    return nested_form_data(values)
