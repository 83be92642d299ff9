from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from focus_industry.core import seo
from focus_industry.core.api import api_router
from focus_industry.editors import workflow_views
from focus_industry.editors.logins import sessions
from focus_industry.web import views

from .prefixes import ADMIN_PREFIX
from .search import views as search_views

ADMIN = ADMIN_PREFIX.lstrip("/")

urlpatterns = [
    # Before Wagtail's own: signing out by POST only, password resets throttled (logins/sessions.py).
    path(f"{ADMIN}logout/", sessions.admin_logout),
    path(f"{ADMIN}password_reset/", sessions.password_reset),
    # Before Wagtail's own: the dashboard's approval says that it published the page (workflow_views.py).
    path(
        f"{ADMIN}pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        never_cache(require_admin_access(workflow_views.WorkflowAction.as_view())),
    ),
    path(ADMIN, include(wagtailadmin_urls)),
    # Before Wagtail's own: the same download with honest headers (views.serve_document).
    re_path(r"^documents/(\d+)/(.*)$", views.serve_document),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", views.healthz, name="healthz"),
    path("readyz", views.readyz, name="readyz"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", seo.sitemap, name="sitemap"),
    path("robots.txt", seo.robots_txt, name="robots_txt"),
]

if settings.FOCUS_SERVE_MEDIA:
    # Uploaded media from the local disk, for a single server without a proxy in front (see
    # docs/operations.md). Object storage (django-storages) replaces this when configured.
    # Only renditions are served from here, decided by the view on the normalised path (views.media):
    # documents go through Wagtail's serve view (/documents/<id>/<name>), which enforces the
    # collections' privacy (internal toolbox files), and originals stay private.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", views.media, name="media"),
    ]

urlpatterns += i18n_patterns(
    path(_("search/"), search_views.search, name="search"),
    path("", include("stories.urls")),
    path("", include("initiatives.urls")),
    path("", include("toolbox.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler400 = "focus_industry.web.views.bad_request"
handler403 = "focus_industry.web.views.permission_denied"
handler404 = "focus_industry.web.views.page_not_found"
handler500 = "focus_industry.web.views.server_error"
