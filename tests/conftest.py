"""Shared fixtures.

The test database is built once per session the way `make run` builds the real one: migrate, then
the bilingual demo content. Each test runs in a transaction that is rolled back, so tests may change
content freely.
"""

import pytest

from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("sv"):
        call_command("update_translation_fields", verbosity=0)
        call_command("load_demo_content", verbosity=0)


@pytest.fixture(autouse=True)
def _reset_language():
    translation.activate("sv")
    yield
    translation.activate("sv")


@pytest.fixture
def home(db):
    from focus_industry.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def regions(db):
    from focus_industry.models import Region

    return {region.slug: region for region in Region.objects.all()}


@pytest.fixture
def areas(db):
    from focus_industry.models import ActionArea

    return {area.slug: area for area in ActionArea.objects.all()}


@pytest.fixture
def make_user(db):
    """make_user("Regional staff: Dalarna") -> a user in that group (None: a plain user)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    counter = {"n": 0}

    def make(*group_names, superuser=False, username=None):
        counter["n"] += 1
        user = get_user_model().objects.create_user(
            username=username or f"user{counter['n']}",
            password="a-long-test-password",  # noqa: S106
            is_superuser=superuser,
            is_staff=superuser,
        )
        for name in group_names:
            user.groups.add(Group.objects.get(name=name))
        return user

    return make
