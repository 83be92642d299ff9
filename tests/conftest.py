"""Shared fixtures.

The test database is built once per session the way `make run` builds the real one: migrate, then
the bilingual demo content. Each test runs in a transaction that is rolled back, so tests may change
content freely.

Two tiers: `make test` runs the fast one (`-m "not slow"`), `make test-slow` the slow one. A test is slow
when it lies under one of SLOW_PATHS (folders and modules that start servers or browsers, or crawl the
site) or carries the `browser`, `scaleout` or `slow` marker itself; the adversarial matrices are split
between the tiers (MATRIX_PATHS). README.md lists the slow tier.
"""

from collections import Counter
from pathlib import Path

import pytest

from django.core.management import call_command
from django.test import Client
from django.utils import translation

from tests.films import add_test_film

TESTS = Path(__file__).resolve().parent
# Relative to tests/; a folder ends with "/". Marked here rather than in each module, so adding a slow
# module to the tier is one line.
SLOW_PATHS = (
    "e2e/",  # Chromium against a gunicorn server of its own
    "scaleout/",  # HAProxy, Varnish, SeaweedFS, PostgreSQL and Redis, started for real
    "test_crawl.py",  # every page of the site, followed link by link
    "test_operations.py",  # bin/start under production settings, image and deploy scripts
    "test_resilience.py",  # servers on SQLite and PostgreSQL losing their database
    "test_cache_workers.py",  # a rename in one gunicorn worker seen by every other, with and without Redis
    "security/test_outages.py",  # servers losing Redis and the database under load
    "security/test_slow_clients.py",  # slow-loris clients against gunicorn behind HAProxy
    "test_seo_completeness.py",  # every page of the site, its canonical, Open Graph and JSON-LD
)
# The generated matrices of the adversarial suite: every role, action, field, listing parameter and bad
# value, four minutes of CPU together. The fast tier runs every MATRIX_SAMPLE-th case of each test (in
# collection order, so every role and action is among them), the slow tier the rest: `make test` tries
# each threat on both databases in CI, and `make test-slow` the whole matrix.
MATRIX_PATHS = (
    "security/test_admin_actions.py",
    "security/test_bad_numbers.py",
    "security/test_chosen_files.py",
    "security/test_files_policy.py",
)
MATRIX_SAMPLE = 6


def _relative(item):
    path = item.path.resolve()
    return path.relative_to(TESTS).as_posix() if path.is_relative_to(TESTS) else ""


def pytest_collection_modifyitems(config, items):
    seen = Counter()  # cases of each matrix test so far
    for item in items:
        relative = _relative(item)
        if relative.startswith(MATRIX_PATHS):
            function = (relative, getattr(item, "originalname", item.name))
            if seen[function] % MATRIX_SAMPLE:
                item.add_marker(pytest.mark.slow)
            seen[function] += 1
        elif relative.startswith(SLOW_PATHS) or any(item.iter_markers("browser")) or any(item.iter_markers("scaleout")):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), translation.override("sv"):
        call_command("update_translation_fields", verbosity=0)
        call_command("load_demo_content", verbosity=0)
        add_test_film()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Every test starts with empty caches (pages, fragments, data, the content version): what one test
    cached never changes another's answers or query counts."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=False):
        cache.clear()
    yield


@pytest.fixture(autouse=True)
def _reset_language():
    translation.activate("sv")
    yield
    translation.activate("sv")


@pytest.fixture
def home(db):
    from focus_industry.core.models import HomePage

    return HomePage.objects.get()


@pytest.fixture
def about(db):
    """The About page of the demo content (a standard page both editor roles work on)."""
    from focus_industry.core.models import StandardPage

    return StandardPage.objects.get(slug_sv="om-focus-industry")


@pytest.fixture
def wagtail_hooks_loaded():
    """What the running site does when the admin's URLs load: import every wagtail_hooks module."""
    from wagtail.hooks import search_for_hooks

    search_for_hooks()


@pytest.fixture
def regions(db):
    from focus_industry.core.models import Region

    return {region.slug: region for region in Region.objects.all()}


@pytest.fixture
def areas(db):
    from focus_industry.core.models import ActionArea

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

        from focus_industry.editors.logins.two_factor import (
            DEVICE_ID_SESSION_KEY,
            create_confirmed_device,
            two_factor_required,
        )

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
