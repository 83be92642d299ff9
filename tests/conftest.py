"""Shared fixtures.

The test database is built once per session the way `make run` builds the real one: migrate, then
the bilingual demo content. Each test runs in a transaction that is rolled back, so tests may change
content freely.
"""

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import translation

from tests.films import add_test_film


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("sv"):
        call_command("update_translation_fields", verbosity=0)
        call_command("load_demo_content", verbosity=0)
        add_test_film()


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
def about(db):
    """The About page of the demo content (a standard page both editor roles work on)."""
    from focus_industry.models import StandardPage

    return StandardPage.objects.get(slug_sv="om-focus-industry")


@pytest.fixture
def wagtail_hooks_loaded():
    """What the running site does when the admin's URLs load: import every wagtail_hooks module."""
    from wagtail.hooks import search_for_hooks

    search_for_hooks()


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


class VerifiedClient(Client):
    """django.test.Client whose force_login(user) also passes the second factor, as a user with an
    authenticator app does after the code page. Superusers and coordinators get a confirmed TOTP device
    for it (the requirement itself stays on: tests/test_logins.py proves it). `verified=False` logs in
    with the password only."""

    def force_login(self, user, backend=None, verified=True):
        super().force_login(user, backend)
        if not verified:
            return
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from focus_industry.logins.two_factor import DEVICE_ID_SESSION_KEY, create_confirmed_device, two_factor_required

        device = TOTPDevice.objects.devices_for_user(user, confirmed=True).first()
        if device is None and two_factor_required(user):
            device, _key = create_confirmed_device(user, name="test device")
        if device is not None:
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = device.persistent_id
            session.save()


@pytest.fixture
def client():
    """pytest-django's `client`, whose force_login also verifies the second factor (see VerifiedClient)."""
    return VerifiedClient()


@pytest.fixture
def redis_down_url():
    """The address of a Redis that is down: a port nothing listens on (bound, then closed again)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"
