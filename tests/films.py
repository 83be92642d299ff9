"""A film for the tests of the click-to-load player: the demo content has none.

The old site's film has no known address (neither the seed nor CONTENT.md gives one), so the demo shows
no film (focus_industry/demo/content.py). Tests that need a player add this one, a real YouTube address,
to the home page and a story; the browser tests answer its player's requests themselves.
"""

TEST_FILM_URL = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"
STORY_SLUG = "tjanstebaserad-affarsutveckling"


def add_test_film():
    """Give the home page and the service training story a film, as an editor would (with a user, so
    that a re-run of the demo loader keeps it)."""
    from django.contrib.auth import get_user_model

    from focus_industry.core.models import HomePage
    from stories.models import StoryPage

    editor, _created = get_user_model().objects.get_or_create(username="film-editor", defaults={"is_superuser": True})
    home = HomePage.objects.get()
    story = StoryPage.objects.get(slug_sv=STORY_SLUG)
    for page, field in ((home, "video"), (story, "body")):
        for language, title in (("sv", "Vad är Focus Industry?"), ("en", "What is Focus Industry?")):
            blocks = [(child.block_type, child.value) for child in getattr(page, f"{field}_{language}")]
            if any(block_type == "video" for block_type, _value in blocks):
                continue
            video = ("video", {"url": TEST_FILM_URL, "title": title, "poster": None, "caption": ""})
            setattr(page, f"{field}_{language}", [*blocks, video] if field == "body" else [video])
        page.save_revision(user=editor).publish(user=editor)
