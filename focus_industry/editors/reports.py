"""The admin report "Translation status" (Reports menu): pages whose English or Swedish is missing or outdated."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, get_page_content_types
from wagtail.permissions import page_permission_policy

from .translation_status import PROBLEM_CHOICES, pages_needing_translation


class TranslationStatusFilterSet(WagtailFilterSet):
    problem = django_filters.ChoiceFilter(label=_("Problem"), choices=PROBLEM_CHOICES, method="keep_all")
    content_type = ContentTypeFilter(
        label=_("Type"), queryset=lambda request: get_page_content_types(include_base_page_type=False)
    )

    class Meta:
        model = Page
        fields = ["problem", "content_type"]

    def keep_all(self, queryset, name, value):
        # The problem is worked out from revisions, after the query: see TranslationStatusView.
        return queryset


class TranslationStatusView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    template_name = "focus_industry/admin/translation_status.html"
    results_template_name = "focus_industry/admin/translation_status_results.html"
    index_url_name = "focus_translation_status"
    index_results_url_name = "focus_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    list_export = ["title", "page_type", "problems_text", "last_edited"]
    export_headings = {
        "title": _("Page"),
        "page_type": _("Type"),
        "problems_text": _("Translation"),
        "last_edited": _("Last edited"),
    }

    def get_queryset(self):
        # Pages the user may edit; the tree root (depth 1) is not a real page.
        return (
            page_permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(depth__gt=1)
            .select_related("content_type")
            .prefetch_workflow_states()
            .annotate_approved_schedule()
            .order_by("-latest_revision_created_at", "path")
        )

    def get_filtered_queryset(self):
        pages = self.filter_queryset(self.get_queryset())
        problem = None
        if self.filters and self.filters.is_valid():
            problem = self.filters.form.cleaned_data.get("problem") or None
        return pages_needing_translation(pages, problem=problem)
