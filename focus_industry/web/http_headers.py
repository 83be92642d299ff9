"""Response headers for caches, browsers and robots.

Three small middlewares, placed in settings.MIDDLEWARE around wagtail-cache's two:

- `PublicHeadersMiddleware` (outside the page cache) gives each response its final `Cache-Control`:
  anonymous 200s are public (`FOCUS_PUBLIC_CACHE_CONTROL`), anything for an editor or a session is
  `private, no-cache`; it also adds `Vary: Cookie` and `Permissions-Policy`. Under /admin/ it gives
  every response, the second factor's redirects and the outage page included, `X-Robots-Tag: noindex,
  nofollow` and `Cache-Control: no-store, private` instead: the admin is never indexed nor cached.
- `ContentSecurityPolicyMiddleware` (inside the page cache, so a cached page is stored with its
  header) is django-csp's, with a looser policy for the Wagtail admin.
- `LanguageFromPathMiddleware` (inside the page cache) drops the `Vary: Accept-Language` Django's
  LocaleMiddleware adds: the language is in the path (`/` Swedish, `/en/` English), never negotiated,
  so caches need not keep a copy per browser language.
"""

from csp.constants import HEADER as CSP_HEADER
from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts

from django.conf import settings
from django.utils.cache import add_never_cache_headers, cc_delim_re, patch_cache_control, patch_vary_headers

from focus_industry.prefixes import ADMIN_PREFIX

from .page_cache import has_session_cookie, is_public_path

SHARED_CACHE_REFUSALS = ("private", "no-store", "no-cache")


def _is_editor(request):
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _is_personal(request):
    return has_session_cookie(request) or _is_editor(request) or getattr(request, "is_preview", False)


class PublicHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public_cache_control = settings.FOCUS_PUBLIC_CACHE_CONTROL
        self.permissions_policy = settings.FOCUS_PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response["X-Robots-Tag"] = "noindex, nofollow"
            add_never_cache_headers(response)
            response["Cache-Control"] = "max-age=0, no-cache, no-store, must-revalidate, private"
            return response
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        cache_control = response.get("Cache-Control", "")
        if _is_personal(request):
            if "no-store" not in cache_control:
                response["Cache-Control"] = "private, no-cache"
            else:
                patch_cache_control(response, private=True)
            patch_vary_headers(response, ("Cookie",))
        elif (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.cookies
            and not response.streaming
            and is_public_path(request.path)
            and not any(word in cache_control for word in SHARED_CACHE_REFUSALS)
        ):
            # Replaces the max-age wagtail-cache wrote for its own store (the page cache keeps pages
            # longer than browsers and proxies, since it is purged on publish and they are not).
            response["Cache-Control"] = self.public_cache_control
            del response["Expires"]
            # The same address answers an editor differently (the userbar): browsers must not reuse
            # an anonymous copy after logging in.
            patch_vary_headers(response, ("Cookie",))
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp with `FOCUS_ADMIN_CSP` under /admin/ (Wagtail's admin needs inline scripts and styles).

    A page from the page cache already carries its header: it is left as it is without building the
    policy again (which would leave the header alone anyway). Public pages have no inline script, so
    their policy has no nonce (page_cache.py never stores a page whose policy has one).

    A preview gets the public page's policy with one change: the admin (same origin) may frame it.
    Wagtail renders a preview through the whole middleware chain with a request for the page's public
    address, marked `is_dummy`/`is_preview` as attributes (never from anything a visitor sends), and
    shows it in an iframe of the editor, which `frame-ancestors 'none'` left blank. Wagtail's preview
    view sets `X-Frame-Options: SAMEORIGIN` itself.
    """

    def process_response(self, request, response):
        if CSP_HEADER in response and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None):
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        if request.path_info.startswith(ADMIN_PREFIX) and not report_only:
            return PolicyParts(config=settings.FOCUS_ADMIN_CSP)
        parts = super().get_policy_parts(request, response, report_only)
        if getattr(request, "is_preview", False) and getattr(request, "is_dummy", False):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        return parts


class LanguageFromPathMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Vary") and not request.path.startswith(ADMIN_PREFIX):
            kept = [item for item in cc_delim_re.split(response["Vary"]) if item.lower() != "accept-language"]
            if kept:
                response["Vary"] = ", ".join(kept)
            else:
                del response["Vary"]
        return response
