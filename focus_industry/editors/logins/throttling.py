"""Login throttling with django-axes: who a client is, and what a locked-out editor sees.

Axes counts failed logins per username and client address in the database and refuses further
attempts for AXES_COOLOFF_TIME. The message is shown on Wagtail's login page itself (as a form
error, in the visitor's language) with status 429, instead of Axes' plain-text answer.
"""

import ipaddress

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils import translation
from django.utils.html import format_html, strip_tags
from django.utils.translation import ngettext

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


def client_ip(request):
    """The client's address: REMOTE_ADDR, or with FOCUS_TRUSTED_PROXY_COUNT proxies in front, the
    address the outermost trusted proxy saw (X-Forwarded-For read from the right, so a client cannot
    forge it by sending the header itself)."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.FOCUS_TRUSTED_PROXY_COUNT
    if hops > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= hops:
            candidate = forwarded[-hops]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return remote


def cooloff_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    return max(1, round(cooloff.total_seconds() / 60))


def lockout_message():
    minutes = cooloff_minutes()
    return ngettext(
        "Too many failed sign-in attempts. Signing in to this account from your address is blocked "
        "for %(minutes)d minute. Try again later, or ask a coordinator for help.",
        "Too many failed sign-in attempts. Signing in to this account from your address is blocked "
        "for %(minutes)d minutes. Try again later, or ask a coordinator for help.",
        minutes,
    ) % {"minutes": minutes}


def in_both_languages(make_message):
    """make_message() in the page's language, then in the other one (marked with its `lang`): the login
    page cannot know the editor's admin language before they are signed in (anonymous admin pages
    are Swedish), and must not reveal it for a username either."""
    current = translation.get_language() or settings.LANGUAGE_CODE
    other = "en" if current.startswith("sv") else "sv"
    with translation.override(other):
        second = make_message()
    return format_html('{}<br><span lang="{}">{}</span>', make_message(), other, second)


def bilingual_lockout_message():
    return in_both_languages(lockout_message)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form; when Axes has locked the client out, it says so instead of "wrong password"."""

    def get_invalid_login_error(self):
        if getattr(self.request, "axes_locked_out", False):
            return ValidationError(bilingual_lockout_message(), code="locked_out")
        return super().get_invalid_login_error()


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: keep Wagtail's login page (it already shows the message), answer 429."""
    context = getattr(original_response, "context_data", None) or {}
    if original_response is not None and original_response.status_code == 200 and "form" in context:
        original_response.status_code = settings.AXES_HTTP_RESPONSE_CODE
        return original_response
    return HttpResponse(
        strip_tags(bilingual_lockout_message()),
        status=settings.AXES_HTTP_RESPONSE_CODE,
        content_type="text/plain; charset=utf-8",
    )
