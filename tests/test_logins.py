"""Safe logins: throttled password logins (django-axes) and required two-step verification (django-otp).

Nothing here is switched off for tests: the settings are production's, and a coordinator without a
device really cannot reach the admin.
"""

import time
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from wagtail.users.models import UserProfile

PASSWORD = "a-long-test-password"
LOGIN = "/admin/login/"
LOCKED_SV = "För många misslyckade inloggningsförsök"
LOCKED_EN = "Too many failed sign-in attempts"


def code_for(device, steps_ahead=0):
    """The code an authenticator app shows now (or `steps_ahead` 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def post_login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


# --- Throttling -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_five_wrong_passwords_lock_the_login_with_a_clear_message_that_ends_by_itself(make_user, settings):
    user = make_user("Business promoters", username="promoter-x")
    client = Client()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = post_login(client, user.username, "wrong-password")
        assert response.status_code == 200
        assert LOCKED_SV not in response.content.decode()

    response = post_login(client, user.username, "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_SV in page and "15 minuter" in page
    assert 'id="id_username"' in page  # still Wagtail's login page, in the admin's look

    # Locked: even the right password is refused while the cool-off lasts.
    response = post_login(client, user.username, PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session

    # The cool-off ends by itself: move the recorded attempts 16 minutes into the past.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = post_login(client, user.username, PASSWORD)
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


@pytest.mark.django_db
def test_lockout_message_is_given_in_swedish_and_english(make_user, settings):
    """Before sign-in the admin's language is not known (the login page is Swedish): both are shown."""
    user = make_user(username="english-editor")
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        response = post_login(client, user.username, "wrong-password")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_SV in page
    assert f'<span lang="en">{LOCKED_EN}' in page
    assert "15 minutes" in page


@pytest.mark.django_db
def test_a_successful_login_resets_the_count(make_user, settings):
    user = make_user(username="forgetful")
    client = Client()
    for _round in range(2):
        for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert post_login(client, user.username, "wrong-password").status_code == 200
        assert post_login(client, user.username, PASSWORD).status_code == 302
        client.logout()


@pytest.mark.django_db
def test_lockout_is_per_username_and_address(make_user, settings):
    user = make_user(username="shared-name")
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        post_login(attacker, user.username, "wrong-password")
    assert post_login(attacker, user.username, PASSWORD).status_code == 429
    # The real editor, from another address, still gets in.
    assert post_login(Client(REMOTE_ADDR="198.51.100.7"), user.username, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_forwarded_for_is_trusted_only_when_a_proxy_is_configured(make_user, settings):
    user = make_user(username="behind-proxy")

    def fail_from(forwarded):
        for _attempt in range(settings.AXES_FAILURE_LIMIT):
            post_login(Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded), user.username, "nope")

    # Without a configured proxy a client cannot dodge the lockout by inventing X-Forwarded-For.
    settings.FOCUS_TRUSTED_PROXY_COUNT = 0
    fail_from("192.0.2.1")
    forged = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert post_login(forged, user.username, PASSWORD).status_code == 429

    # Behind one proxy, the address the proxy appended is the client: another client is not locked.
    AccessAttempt.objects.all().delete()
    settings.FOCUS_TRUSTED_PROXY_COUNT = 1
    fail_from("192.0.2.1")
    locked = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 192.0.2.1")
    assert post_login(locked, user.username, PASSWORD).status_code == 429
    other = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert post_login(other, user.username, PASSWORD).status_code == 302


# --- Two-step verification ------------------------------------------------------------------------


@pytest.fixture
def coordinator(make_user):
    return make_user("Coordinators", username="coord")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["coordinator", "superuser"])
@pytest.mark.parametrize(
    "path", ["/admin/", "/admin/pages/", "/admin/reports/translation-status/", "/admin/api/main/pages/"]
)
def test_without_a_device_every_admin_page_leads_to_enrolment(make_user, role, path):
    user = make_user("Coordinators") if role == "coordinator" else make_user(superuser=True)
    client = Client()
    client.force_login(user)  # the password step only
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/enrol/?next=")
    assert response["Cache-Control"].startswith("max-age=0, no-cache, no-store")


@pytest.mark.django_db
def test_password_login_of_a_coordinator_continues_to_enrolment(coordinator):
    client = Client()
    response = post_login(client, coordinator.username, PASSWORD)
    assert response.status_code == 302
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/enrol/")


@pytest.mark.django_db
def test_enrolment_shows_a_qr_code_and_a_right_code_opens_the_admin(coordinator):
    client = Client()
    client.force_login(coordinator)
    response = client.get("/admin/2fa/enrol/?next=/admin/pages/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Konfigurera tvåstegsverifiering" in page
    assert "<svg" in page and 'aria-labelledby="qr-label"' in page  # drawn inline, no other host
    assert "http" not in page.split("<svg", 1)[1].split("</svg>", 1)[0].replace("http://www.w3.org", "")
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    assert device.config_url.split("secret=")[1][:8] in page.replace(" ", "")
    # Reloading keeps the same key (the app scanned it already).
    client.get("/admin/2fa/enrol/")
    assert TOTPDevice.objects.get(user=coordinator).key == device.key

    response = client.post("/admin/2fa/enrol/", {"code": "000000", "next": "/admin/pages/"})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    device.refresh_from_db()
    device.throttle_reset()
    response = client.post("/admin/2fa/enrol/", {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=coordinator).confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_with_a_device_a_code_is_asked_wrong_codes_are_refused_and_throttled(coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    client = Client()
    assert post_login(client, coordinator.username, PASSWORD).status_code == 302
    response = client.get("/admin/pages/")
    assert response["Location"] == "/admin/2fa/verify/?next=%2Fadmin%2Fpages%2F"
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert "Tvåstegsverifiering" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"

    wrong = f"{(int(code_for(device)) + 1) % 1_000_000:06d}"
    response = client.post("/admin/2fa/verify/", {"code": wrong, "next": "/admin/pages/"})
    assert response.status_code == 400
    assert "Koden stämmer inte" in response.content.decode()
    # Throttled: straight after a wrong code even the right one has to wait.
    response = client.post("/admin/2fa/verify/", {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 429
    assert "För många felaktiga koder" in response.content.decode()
    assert client.get("/admin/").status_code == 302

    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=timezone.now() - timedelta(minutes=1))
    response = client.post("/admin/2fa/verify/", {"code": code_for(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.django_db
def test_verification_pages_never_send_the_editor_to_another_site(coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    client = Client()
    client.force_login(coordinator)
    response = client.post("/admin/2fa/verify/", {"code": code_for(device), "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_verification_page_speaks_the_editors_admin_language(coordinator):
    TOTPDevice.objects.create(user=coordinator, name="phone", confirmed=True)
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(coordinator)
    page = client.get("/admin/2fa/verify/").content.decode()
    assert "Two-step verification" in page
    assert "Code from your authenticator app" in page


@pytest.mark.django_db
def test_promoters_and_regional_staff_are_not_forced_but_may_opt_in(make_user):
    promoter = make_user("Business promoters")
    client = Client()
    client.force_login(promoter)
    assert client.get("/admin/").status_code == 200
    account = client.get("/admin/account/").content.decode()
    assert "/admin/2fa/enrol/" in account

    response = client.get("/admin/2fa/enrol/")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=promoter)
    assert client.post("/admin/2fa/enrol/", {"code": code_for(device)}).status_code == 302
    assert client.get("/admin/").status_code == 200

    # Opted in: the next sign-in asks for a code as well.
    again = Client()
    again.force_login(promoter)
    assert again.get("/admin/")["Location"].startswith("/admin/2fa/verify/")


@pytest.mark.django_db
def test_reset_command_removes_the_devices_and_the_coordinator_enrols_again(coordinator):
    device = TOTPDevice.objects.create(user=coordinator, name="lost phone", confirmed=True)
    client = Client()
    client.force_login(coordinator)
    client.post("/admin/2fa/verify/", {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200

    out = StringIO()
    call_command("reset_two_factor", coordinator.username, stdout=out)
    assert "Removed 1" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert client.get("/admin/")["Location"].startswith("/admin/2fa/enrol/")


@pytest.mark.django_db
def test_reset_command_explains_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="No user"):
        call_command("reset_two_factor", "nobody-here")


@pytest.mark.django_db
def test_the_tests_own_client_passes_the_second_factor_for_real(client, coordinator):
    """The `client` fixture's force_login verifies with a confirmed device, as the code page would."""
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).count() == 1
    client.logout()
    client.force_login(coordinator, verified=False)
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_demo_accounts_that_need_two_factor_get_a_printed_key(settings):
    from django.contrib.auth import get_user_model

    from focus_industry.demo.loader import DEMO_ACCOUNTS

    get_user_model().objects.filter(username__in=[name for name, *_rest in DEMO_ACCOUNTS]).delete()
    out = StringIO()
    call_command("load_demo_content", "--accounts", stdout=out)
    keys = dict(
        line.split("demo 2FA key created:")[1].split("(")[0].strip().split(" / ")
        for line in out.getvalue().splitlines()
        if "demo 2FA key created:" in line
    )
    assert set(keys) == {"admin", "coordinator"}
    assert all(len(key) == 32 for key in keys.values())
    assert TOTPDevice.objects.filter(user__username="coordinator", confirmed=True).exists()
    assert not TOTPDevice.objects.filter(user__username="promoter").exists()


@pytest.mark.django_db
def test_anonymous_public_pages_still_set_no_cookie():
    client = Client()
    for url in ["/", "/en/"]:
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies, url
