from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FocusIndustryConfig(AppConfig):
    name = "focus_industry"
    verbose_name = _("Focus Industry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import notifications, page_cache, redirects, signals, taxonomy  # noqa: F401  (signals connect on import)
        from .frontend_cache import connect as connect_frontend_cache
        from .models import HomePage
        from .schema import index_translated_columns

        # wagtail-modeltranslation overwrites `route` on every translated page model when it starts.
        HomePage.route = HomePage._home_route

        notifications.connect()
        redirects.connect()
        page_cache.connect()
        connect_frontend_cache()
        post_migrate.connect(index_translated_columns, sender=self, dispatch_uid="focus_translated_indexes")
