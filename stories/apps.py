from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Stories")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .models import StoryIndexPage

        # wagtail-modeltranslation overwrites `route` on every translated page model when it starts;
        # ours (which falls back to it) finds a story in one query instead of loading every child.
        StoryIndexPage.route = StoryIndexPage.__dict__["_stories_route"]
