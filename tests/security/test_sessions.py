"""Sessions: the second factor for private content, signing out by GET, the visitors' login without a
`next`, and password-reset throttling."""

import pytest

from django.urls import reverse
from django.utils import translation

from toolbox.models import ResourcePage, ToolboxPage

pytestmark = pytest.mark.django_db

COORDINATORS = "Coordinators"


@pytest.fixture
def internal():
    return ResourcePage.objects.get(slug_sv="intern-arbetsplan-regionala-samordnare")


def _private_views(client, internal):
    """What a visitor sees of the internal resource: its page, its file, the toolbox listing (search and the
    API show no restricted page to anyone: tests/test_search.py, tests/test_api.py)."""
    with translation.override("sv"):
        page_url = internal.get_url()
        listing_url = ToolboxPage.objects.get().get_url()
    return {
        "page": client.get(page_url).status_code == 200,
        "document": client.get(internal.document.url).status_code == 200,
        "listing": internal.title in client.get(listing_url).content.decode(),
    }


@pytest.mark.parametrize("role", [{"superuser": True}, {"group": COORDINATORS}])
def test_a_password_without_the_code_shows_no_private_content_anywhere(client, make_user, internal, role):
    user = make_user(COORDINATORS) if "group" in role else make_user(superuser=True)
    client.force_login(user, verified=True)
    assert _private_views(client, internal) == {"page": True, "document": True, "listing": True}
    client.logout()
    client.force_login(user, verified=False)
    assert _private_views(client, internal) == {"page": False, "document": False, "listing": False}


def test_the_visitors_login_sends_an_unverified_session_on_to_the_code_page(client, make_user, internal):
    user = make_user(COORDINATORS)
    client.force_login(user, verified=True)  # gives the user a device
    client.logout()
    client.force_login(user, verified=False)
    with translation.override("sv"):
        page_url = internal.get_url()
    to_login = client.get(page_url)
    assert to_login.status_code == 302 and to_login["Location"].startswith("/_util/login/")
    to_code = client.get(to_login["Location"])
    assert to_code.status_code == 302
    assert to_code["Location"].startswith(reverse("focus_2fa_verify"))
    assert page_url.replace("/", "%2F") in to_code["Location"]


def test_a_regional_staff_member_without_a_second_factor_is_not_held_back(client, make_user, internal):
    client.force_login(make_user("Regional staff: Gävleborg"), verified=False)
    assert _private_views(client, internal)["page"] is True


def test_logout_by_get_is_refused_and_keeps_the_session(client, make_user):
    client.force_login(make_user(superuser=True))
    response = client.get("/admin/logout/")
    assert response.status_code == 405
    assert "sessionid" not in response.cookies
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_logout_by_post_clears_the_cookie_with_secure_and_samesite(client, make_user, settings):
    settings.SESSION_COOKIE_SECURE = True
    client.force_login(make_user(superuser=True))
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie.value == "" and cookie["secure"] and cookie["samesite"] == settings.SESSION_COOKIE_SAMESITE
    assert client.get(reverse("wagtailadmin_home")).status_code == 302


def test_the_visitors_login_without_next_lands_on_the_home_page(client, make_user):
    make_user(username="besokare")
    response = client.post("/_util/login/", {"username": "besokare", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get(response["Location"]).status_code == 200


def test_password_reset_is_throttled_per_address_with_a_message_in_both_languages(client, make_user):
    from django.core.cache import cache

    cache.clear()
    make_user(username="glomsk").__class__.objects.filter(username="glomsk").update(email="glomsk@example.org")
    url = reverse("wagtailadmin_password_reset")
    answers = [client.post(url, {"email": "glomsk@example.org"}).status_code for _ in range(5)]
    assert answers == [302] * 5
    throttled = client.post(url, {"email": "other@example.org"})
    assert throttled.status_code == 429
    text = throttled.content.decode()
    assert "För många begäranden om nytt lösenord" in text and "Too many password reset requests" in text
    other_address = client.post(url, {"email": "glomsk@example.org"}, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302
