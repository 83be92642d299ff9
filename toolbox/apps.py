from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolboxConfig(AppConfig):
    name = "toolbox"
    verbose_name = _("Toolbox")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import ToolboxPage

        # wagtail-modeltranslation overwrites `route` on every translated page model when it starts;
        # the toolbox's own (which still falls back to it) finds a resource in one query.
        ToolboxPage.route = ToolboxPage.__dict__["_toolbox_route"]
