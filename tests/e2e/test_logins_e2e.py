"""Safe logins in a real browser: a new superuser must set up two-step verification with the QR page's
key before the admin opens; a later sign-in asks for a code; repeated wrong passwords lock the login."""

import subprocess
import sys

from tests.e2e.conftest import ROOT, screenshot, totp_code

PASSWORD = "e2e-superuser-password-2fa"


def create_superuser(e2e_server, username):
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "createsuperuser", "--noinput", "--username", username,
         "--email", f"{username}@example.org"],
        env={**e2e_server["env"], "DJANGO_SUPERUSER_PASSWORD": PASSWORD},
        cwd=ROOT,
        check=True,
        capture_output=True,
    )  # fmt: skip


def sign_in_with_password(page, base, username, password):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_load_state()


def test_new_superuser_enrols_then_is_asked_for_a_code(e2e_server, new_page):
    base = e2e_server["url"]
    create_superuser(e2e_server, "root-2fa")
    page = new_page(width=1280)
    sign_in_with_password(page, base, "root-2fa", PASSWORD)
    assert "/admin/2fa/enrol/" in page.url
    assert page.locator("h1", has_text="Konfigurera tvåstegsverifiering").is_visible()
    assert page.locator(".focus-2fa-qr svg[role=img]").is_visible()
    screenshot(page, "logins-2fa-enrol-1280")

    # Nothing else of the admin opens before the second step.
    page.goto(base + "/admin/pages/")
    assert "/admin/2fa/enrol/" in page.url

    key = page.locator("[data-totp-key]").inner_text().replace(" ", "")
    page.fill("#id_code", "000000")
    page.locator("form.login-form button[type=submit]").click()
    page.locator(".messages .error", has_text="Koden stämmer inte").wait_for()
    page.wait_for_timeout(1100)  # django-otp's throttle after one wrong code
    page.fill("#id_code", totp_code(key))
    page.locator("form.login-form button[type=submit]").click()
    page.wait_for_url(base + "/admin/pages/")

    # A new browser: password, then the code page.
    again = new_page(width=400)
    sign_in_with_password(again, base, "root-2fa", PASSWORD)
    assert "/admin/2fa/verify/" in again.url
    screenshot(again, "logins-2fa-verify-400")
    again.fill("#id_code", totp_code(key))
    again.locator("form.login-form button[type=submit]").click()
    again.wait_for_url(base + "/admin/")


def test_wrong_passwords_lock_the_login_with_a_message(e2e_server, new_page):
    base = e2e_server["url"]
    page = new_page(width=1280)
    for _attempt in range(5):
        sign_in_with_password(page, base, "no-such-editor", "wrong-password")
    message = page.locator(".messages .error")
    assert "För många misslyckade inloggningsförsök" in message.inner_text()
    assert "Too many failed sign-in attempts" in message.inner_text()
    screenshot(page, "logins-lockout-1280")
