"""Sessions outside the admin's own pages: signing out, password resets, and the second factor on the site.

- `admin_logout`: signing out is a POST only. Wagtail's view clears the session cookie even when it
  answers 405 to a GET (so any page could sign an editor out with an image); the GET now gets the 405
  and nothing else, and the POST's cookie deletion carries the session cookie's Secure and SameSite.
- `password_reset`: at most `PASSWORD_RESETS_ALLOWED` requests per client address (the address
  `throttling.client_ip` trusts) within AXES_COOLOFF_TIME, then 429 with the lockout page's kind of
  message. Axes counts failed logins only; a reset is not one, so the count lives in the cache.
- The second factor outside the admin: `two_factor.SecondFactorMiddleware`.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.admin.views.account import LogoutView, PasswordResetView

from .throttling import client_ip, cooloff_minutes, in_both_languages

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
            count = cache.incr(key) or 1  # None: a cache that is away counts nothing
        except ValueError:  # the count expired between add and incr
            count = 1
        if count > PASSWORD_RESETS_ALLOWED:
            context = {"message": in_both_languages(password_reset_message)}
            return TemplateResponse(request, "focus_industry/logins/throttled.html", context, status=429)
    return PasswordResetView.as_view()(request, *args, **kwargs)
