from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """The site search: its vocabulary (for "Did you mean") and the index's tokenizer on SQLite."""

    name = "focus_industry.search"
    label = "focus_search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"
