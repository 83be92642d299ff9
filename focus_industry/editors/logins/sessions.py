"""Sessions outside the admin's own pages: signing out, password resets, and the second factor on the site.

- `admin_logout`: signing out is a POST only. Wagtail's view clears the session cookie even when it
  answers 405 to a GET (so any page could sign an editor out with an image); the GET now gets the 405
  and nothing else, and the POST's cookie deletion carries the session cookie's Secure and SameSite.
- `password_reset`: at most `PASSWORD_RESETS_ALLOWED` requests per client address (the address
  `throttling.client_ip` trusts) within AXES_COOLOFF_TIME, then 429 with the lockout page's kind of
  message. Axes counts failed logins only; a reset is not one, so the count lives in the cache.
- `SecondFactorForContentMiddleware`: a session that still owes its second factor (see
  `two_factor.pending_step`) counts as not logged in for everything outside the admin, so no private
  page, document, image, search result or toolbox listing is shown on the password alone. The
  visitors' login page (`/_util/login/`) sends such a session on to the code page.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.admin.views.account import LogoutView, PasswordResetView

from .throttling import client_ip, cooloff_minutes, in_both_languages
from .two_factor import ADMIN_PREFIX, pending_step

PASSWORD_RESETS_ALLOWED = 5


@never_cache
@require_POST
def admin_logout(request):
    response = LogoutView.as_view()(request)
    response.set_cookie(
        settings.SESSION_COOKIE_NAME,
        "",
        max_age=0,
        expires="Thu, 01 Jan 1970 00:00:00 GMT",
        path=settings.SESSION_COOKIE_PATH,
        domain=settings.SESSION_COOKIE_DOMAIN,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=settings.SESSION_COOKIE_HTTPONLY,
        samesite=settings.SESSION_COOKIE_SAMESITE,
    )
    return response


def password_reset_message():
    minutes = cooloff_minutes()
    return ngettext(
        "Too many password reset requests from your address. Try again in %(minutes)d minute.",
        "Too many password reset requests from your address. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}


@never_cache
def password_reset(request, *args, **kwargs):
    """Wagtail's password reset, throttled per client address (each POST counts)."""
    if request.method == "POST":
        key = f"focus:password-reset:{client_ip(request)}"
        cache.add(key, 0, timeout=int(settings.AXES_COOLOFF_TIME.total_seconds()))
        try:
            count = cache.incr(key)
        except ValueError:  # the count expired between add and incr
            count = 1
        if count > PASSWORD_RESETS_ALLOWED:
            context = {"message": in_both_languages(password_reset_message)}
            return TemplateResponse(request, "focus_industry/logins/throttled.html", context, status=429)
    return PasswordResetView.as_view()(request, *args, **kwargs)


def _content_user(user):
    if user.is_authenticated and pending_step(user) is not None:
        anonymous = AnonymousUser()
        anonymous.is_verified = lambda: False  # as django-otp's middleware gives every user
        return anonymous
    return user


class SecondFactorForContentMiddleware:
    """Right after OTPMiddleware: outside /admin/, a session that owes its second factor is anonymous."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIX):
            return self.get_response(request)
        user = request.user  # django-otp's lazy user, with is_verified()
        if request.method == "GET" and request.path_info.endswith("/_util/login/"):
            response = self.continue_to_second_factor(request, user)
            if response is not None:
                return response
        request.user = SimpleLazyObject(lambda: _content_user(user))
        return self.get_response(request)

    def continue_to_second_factor(self, request, user):
        step = pending_step(user)
        if step is None:
            return None
        next_url = request.GET.get("next") or "/"
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, require_https=request.is_secure()):
            next_url = "/"
        return redirect(f"{reverse(step)}?{urlencode({'next': next_url})}")
