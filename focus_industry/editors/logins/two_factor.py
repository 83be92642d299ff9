"""Two-factor authentication (TOTP) for the editors' workplace, built on django-otp.

Coordinators and superusers must use an authenticator app (FOCUS_2FA_REQUIRED_GROUPS); everyone
else may opt in, and once they have a device they are asked for a code too. After the password
login, `SecondFactorMiddleware` sends an unverified session to the enrolment page (no device yet)
or to the code page (a device exists) from every admin URL, the admin API included; outside the admin
such a session counts as not logged in, so no private page, document, image, search result or toolbox
listing is shown on the password alone, and the visitors' login page (`/_util/login/`) sends it on
to the code page.
"""

import base64
import math
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from focus_industry.prefixes import ADMIN_PREFIX

# Admin URLs an unverified session may still use: signing in and out, the 2FA pages themselves and
# the static admin furniture they need.
EXEMPT_URL_NAMES = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "focus_2fa_verify",
    "focus_2fa_enrol",
)


def two_factor_required(user):
    """Whether this user must use a second factor (superusers and the groups in FOCUS_2FA_REQUIRED_GROUPS)."""
    if not settings.FOCUS_2FA_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.FOCUS_2FA_REQUIRED_GROUPS).exists()


def pending_step(user):
    """The URL name of the step a signed-in session still owes (code page or enrolment), or None when
    it owes nothing: anonymous, verified, or a user who needs no second factor."""
    if not user.is_authenticated or user.is_verified():
        return None
    if user_has_device(user, confirmed=True):
        return "focus_2fa_verify"
    if two_factor_required(user):
        return "focus_2fa_enrol"
    return None


def reset_devices(user):
    """Remove every second-factor device of a user (recovery); returns how many were removed."""
    removed = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        removed += 1
    return removed


def create_confirmed_device(user, name="Authenticator app"):
    """A confirmed TOTP device for `user` (demo accounts); returns it and its key as base32 for an app."""
    device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
    return device, base64.b32encode(device.bin_key).decode()


def verify_session(request, device):
    """Mark the session as having passed the second factor with `device`."""
    otp_login(request, device)


def _content_user(user):
    if user.is_authenticated and pending_step(user) is not None:
        anonymous = AnonymousUser()
        anonymous.is_verified = lambda: False  # as django-otp's middleware gives every user
        return anonymous
    return user


class SecondFactorMiddleware:
    """Holds an authenticated but unverified admin session at the enrolment or code page; outside
    /admin/, a session that owes its second factor is anonymous.

    Needs django_otp.middleware.OTPMiddleware before it (it gives `request.user.is_verified()`).
    Anonymous visitors never reach a check that could set a cookie.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @cached_property
    def exempt_paths(self):
        return {reverse(name) for name in EXEMPT_URL_NAMES}

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX):
            if request.path_info not in self.exempt_paths:
                response = self.hold_back(request)
                if response is not None:
                    return response
            return self.get_response(request)
        user = request.user  # django-otp's lazy user, with is_verified()
        if request.method == "GET" and request.path_info.endswith("/_util/login/"):
            response = self.continue_to_second_factor(request, user)
            if response is not None:
                return response
        request.user = SimpleLazyObject(lambda: _content_user(user))
        return self.get_response(request)

    def hold_back(self, request):
        target = pending_step(request.user)
        if target is None:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

    def continue_to_second_factor(self, request, user):
        step = pending_step(user)
        if step is None:
            return None
        next_url = request.GET.get("next") or "/"
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
            next_url = "/"
        return redirect(f"{reverse(step)}?{urlencode({'next': next_url})}")


class CodeForm(forms.Form):
    """One six-digit code from the authenticator app, checked against one device (with django-otp's
    throttling: after each wrong code the next try must wait 1, 2, 4, 8 … seconds)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        help_text=_("Six digits; the app shows a new code every 30 seconds."),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": "", "spellcheck": "false"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        allowed, details = self.device.verify_is_allowed()
        if not allowed:
            locked_until = (details or {}).get("locked_until")
            seconds = max(1, math.ceil((locked_until - timezone.now()).total_seconds())) if locked_until else 1
            raise forms.ValidationError(
                ngettext(
                    "Too many wrong codes. Wait %(seconds)d second and try again.",
                    "Too many wrong codes. Wait %(seconds)d seconds and try again.",
                    seconds,
                )
                % {"seconds": seconds},
                code="throttled",
            )
        if not code.isdigit() or not self.device.verify_token(code):
            raise forms.ValidationError(
                _(
                    "That code is not right. Enter the newest code your app shows "
                    "(and check that the phone's clock is right)."
                ),
                code="invalid",
            )
        return code

    @property
    def status(self):
        """429 while throttled, 400 for a wrong code, 200 otherwise."""
        if not self.is_bound or not self.errors:
            return 200
        return 429 if self.has_error("code", "throttled") else 400


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        # The admin, or a page of the site (a private page or file the session was sent here from).
        if candidate.startswith("/") and not candidate.startswith("//"):
            return candidate
    return reverse("wagtailadmin_home")


def _qr_svg(text):
    """The otpauth URI as an inline SVG QR code (drawn here: no request to another host)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    svg = image.to_string(encoding="unicode")
    # The generated markup is ours (no user input beyond the URI, which qrcode encodes as modules).
    return mark_safe(svg.replace("<svg ", '<svg role="img" aria-labelledby="qr-label" ', 1))  # noqa: S308


def _grouped_key(device):
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """The code page: a user with a confirmed device proves it after the password login."""
    device = TOTPDevice.objects.devices_for_user(request.user, confirmed=True).order_by("id").first()
    next_url = _next_url(request)
    if device is None:
        return redirect(f"{reverse('focus_2fa_enrol')}?{urlencode({'next': next_url})}")
    if request.user.is_verified():
        return redirect(next_url)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        verify_session(request, device)
        return redirect(next_url)
    return TemplateResponse(
        request, "focus_industry/logins/verify.html", {"form": form, "next": next_url}, status=form.status
    )


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def enrol(request):
    """Enrolment: scan the QR code (or type the key), confirm with a code; the session is then verified."""
    user = request.user
    next_url = _next_url(request)
    if user_has_device(user, confirmed=True):
        if not user.is_verified():
            return redirect(f"{reverse('focus_2fa_verify')}?{urlencode({'next': next_url})}")
        messages.info(request, _("Two-step verification is already on for your account."))
        return redirect(next_url)
    # One pending (unconfirmed) device per user, so reloading the page keeps the same key.
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=str(_("Authenticator app")), confirmed=False)
    form = CodeForm(device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        verify_session(request, device)
        messages.success(request, _("Two-step verification is on. From now on you sign in with a code from your app."))
        return redirect(next_url)
    context = {
        "form": form,
        "next": next_url,
        "qr_svg": _qr_svg(device.config_url),
        "secret": _grouped_key(device),
        "required": two_factor_required(user),
    }
    return TemplateResponse(request, "focus_industry/logins/enrol.html", context, status=form.status)


__all__ = [
    "DEVICE_ID_SESSION_KEY",
    "SecondFactorMiddleware",
    "create_confirmed_device",
    "enrol",
    "reset_devices",
    "two_factor_required",
    "verify",
    "verify_session",
]
