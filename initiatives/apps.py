from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InitiativesConfig(AppConfig):
    name = "initiatives"
    verbose_name = _("Initiatives")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import InitiativeIndexPage

        # wagtail-modeltranslation overwrites `route` on every translated page model when it starts;
        # ours (which falls back to it) finds a region page or an initiative in one query.
        InitiativeIndexPage.route = InitiativeIndexPage.__dict__["_initiatives_route"]
