from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import page_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from focus_industry.editors.file_permissions import register_safe_page_links
from focus_industry.editors.reports import TranslationStatusView

from .models import ActionArea, Region
from .regions import can_manage_region_roots


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    list_display = ["name", "slug", "staff_group", "sort_order"]
    ordering = ["sort_order"]


class ActionAreaViewSet(SnippetViewSet):
    model = ActionArea
    icon = "tag"
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (RegionViewSet, ActionAreaViewSet)
    menu_icon = "tag"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


def _guard_region_root(request, page):
    if getattr(page.specific_deferred, "is_region_root", False) and not can_manage_region_roots(request.user):
        raise PermissionDenied


@hooks.register("before_delete_page")
def protect_region_root_delete(request, page):
    _guard_region_root(request, page)


@hooks.register("before_move_page")
def protect_region_root_move(request, page, destination):
    _guard_region_root(request, page)


@hooks.register("before_copy_page")
def protect_region_root_copy(request, page):
    _guard_region_root(request, page)


# --- Editors' workplace -----------------------------------------------------------------------
# Workflow e-mails and translated-slug redirects are connected in FocusIndustryConfig.ready().


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"])


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("focus_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=750,
    )


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path("reports/translation-status/", TranslationStatusView.as_view(), name="focus_translation_status"),
        path(
            "reports/translation-status/results/",
            TranslationStatusView.as_view(results_only=True),
            name="focus_translation_status_results",
        ),
    ]


# --- Safe logins: two-step verification pages (focus_industry/editors/logins/two_factor.py) -------------
@hooks.register("register_admin_urls")
def register_two_factor_urls():
    from focus_industry.editors.logins import two_factor

    return [
        path("2fa/verify/", two_factor.verify, name="focus_2fa_verify"),
        path("2fa/enrol/", two_factor.enrol, name="focus_2fa_enrol"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    from django_otp import user_has_device

    if user_has_device(request.user, confirmed=True):
        return None
    return {
        "url": reverse("focus_2fa_enrol"),
        "label": _("Set up two-step verification"),
        "help_text": _("Sign in with a code from an authenticator app as well as your password."),
    }


# After Wagtail's own rule (order 0): a forged page link is shown again with its form error, never a 500.
hooks.register("register_rich_text_features", register_safe_page_links, order=1)
