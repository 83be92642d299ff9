"""Translation status: which pages miss a language, or have one language older than the other.

Every page type is covered (stories, initiatives and resources are pages too). The translated fields
of a page type are the ones registered with modeltranslation (`title`, `seo_title`,
`search_description` and the type's own fields; `slug` and `url_path` are left out: Wagtail fills
them in).

The rule, in words an editor can check (also in docs/editors-guide.md):

* **Missing**: the English title is empty, or a translated field has text in one language and is
  empty in the other. The page's latest version (draft included) is what counts.
* **Outdated**: we read the page's latest revisions (at most `REVISION_WINDOW`), oldest first, and
  compare each with the one before. When a field changes in one language and the same field does not
  change in the other language in that revision, the other language is marked outdated for that field;
  the mark goes away as soon as that language's field is changed too (in the same or a later revision).
  Changes older than the window are considered translated. Two things are not a one-sided change:
  filling a language that was empty (that is translating, so it only catches up), and the steps
  between revisions one editor saved in one sitting (autosave saves while both languages are being
  written): consecutive revisions by the same editor less than `SITTING` apart count as one, the last.

All pages are analysed with two queries (pages, then the latest revisions of all of them through a
window function), plus one query per page type only for pages that have no revision at all.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Page, Revision

REVISION_WINDOW = 20
SITTING = timedelta(minutes=30)
UNTRACKED_FIELDS = {"slug", "url_path"}

MISSING = "missing"
OUTDATED = "outdated"
PROBLEM_CHOICES = [
    ("missing_en", _("English missing")),
    ("missing_sv", _("Swedish missing")),
    ("outdated_en", _("English outdated")),
    ("outdated_sv", _("Swedish outdated")),
]
PROBLEM_LABELS = dict(PROBLEM_CHOICES)

_TAG = re.compile(r"<[^>]*>")


def languages():
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


@cache
def translated_fields(model):
    """The translated field names of a page type (without slug and url_path), in a stable order."""
    try:
        names = translator.get_options_for_model(model).get_field_names()
    except NotRegistered:
        names = ["title", "seo_title", "search_description"]
    return tuple(name for name in sorted(names) if name not in UNTRACKED_FIELDS)


def field_label(model, name):
    """The name an editor sees for a translated field ("Brödtext", not `body`)."""
    try:
        label = model._meta.get_field(name).verbose_name
    except Exception:  # noqa: BLE001  (a field gone from the model: its name is all there is)
        return name
    return str(label)[:1].upper() + str(label)[1:]


def is_empty(value):
    """True for None, blank text, empty rich text (`<p></p>`) and empty StreamFields (`[]`)."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict)):
        return len(value) == 0
    text = str(value).strip()
    if not text:
        return True
    if text.startswith("["):
        try:
            return json.loads(text) == []
        except ValueError:
            return False
    if "<" in text and not re.search(r"<(img|embed|iframe)\b", text):
        return not _TAG.sub("", text).replace("&nbsp;", "").strip()
    return False


@dataclass
class PageStatus:
    page: Page
    missing: dict = field(default_factory=dict)  # language -> [field names]
    outdated: dict = field(default_factory=dict)  # language -> [field names]

    @property
    def problems(self):
        keys = [f"missing_{lang}" for lang in self.missing] + [f"outdated_{lang}" for lang in self.outdated]
        return [(key, PROBLEM_LABELS.get(key, key)) for key in keys]

    @property
    def problem_keys(self):
        return {key for key, _label in self.problems}

    def _labelled(self, by_language):
        model = self.page.content_type.model_class() if self.page.content_type_id else None
        model = model or Page
        return {language: [field_label(model, name) for name in names] for language, names in by_language.items()}

    @property
    def missing_labels(self):
        """`missing` with the fields as editors know them ("Ingress", not `intro`)."""
        return self._labelled(self.missing)

    @property
    def outdated_labels(self):
        return self._labelled(self.outdated)

    @property
    def has_problems(self):
        return bool(self.missing or self.outdated)

    # For the spreadsheet export.
    @property
    def title(self):
        return self.page.get_admin_display_title()

    @property
    def page_type(self):
        return self.page.content_type.model_class()._meta.verbose_name if self.page.content_type_id else ""

    @property
    def problems_text(self):
        parts = []
        for kind, by_language in ((MISSING, self.missing_labels), (OUTDATED, self.outdated_labels)):
            for language, names in by_language.items():
                parts.append(f"{PROBLEM_LABELS[f'{kind}_{language}']} ({', '.join(names)})")
        return "; ".join(parts)

    @property
    def last_edited(self):
        return self.page.latest_revision_created_at


def missing_fields(model, content):
    """{language: [fields]} for fields filled in one language and empty in another; title_en always counts."""
    result = {}
    langs = languages()
    for name in translated_fields(model):
        filled = {lang: not is_empty(content.get(f"{name}_{lang}")) for lang in langs}
        for lang in langs:
            if not filled[lang] and (any(filled.values()) or name == "title"):
                result.setdefault(lang, []).append(name)
    return result


def outdated_fields(model, revisions):
    """{language: [fields]} following the rule in the module docstring; `revisions` oldest first."""
    langs = languages()
    pending = {}  # field -> set of languages still to follow a one-sided change
    previous = None
    for content in revisions:
        if previous is not None:
            for name in translated_fields(model):
                changed = {lang for lang in langs if content.get(f"{name}_{lang}") != previous.get(f"{name}_{lang}")}
                if not changed:
                    continue
                before = pending.get(name, set())
                filled = {lang for lang in changed if is_empty(previous.get(f"{name}_{lang}"))}
                if filled and changed == filled:
                    pending[name] = before - filled  # a language written for the first time: translated
                    continue
                if changed == set(langs):
                    pending[name] = set()  # both languages changed together: in step
                elif before & changed:
                    pending[name] = before - changed  # a language that was behind has caught up
                else:
                    pending[name] = before | (set(langs) - changed)  # a one-sided change: the rest must follow
        previous = content
    result = {}
    for name in translated_fields(model):
        for lang in langs:
            if lang in pending.get(name, set()):
                result.setdefault(lang, []).append(name)
    return result


def latest_revisions(pages, window=REVISION_WINDOW):
    """{page id: [revision content, oldest first]} for the last `window` revisions of every page: one query."""
    if not pages:
        return {}
    page_type = ContentType.objects.get_for_model(Page)
    rows = (
        Revision.objects.filter(base_content_type=page_type, object_id__in=[str(page.pk) for page in pages])
        .annotate(
            position=Window(
                RowNumber(), partition_by=[F("object_id")], order_by=[F("created_at").desc(), F("pk").desc()]
            )
        )
        .filter(position__lte=window)
        .order_by("object_id", "created_at", "pk")
        .values_list("object_id", "content", "user_id", "created_at")
    )
    result, last = {}, {}
    for object_id, content, user_id, created_at in rows:
        history = result.setdefault(int(object_id), [])
        previous = last.get(object_id)
        if previous and user_id is not None and previous[0] == user_id and created_at - previous[1] < SITTING:
            history[-1] = content  # the same sitting: only its last revision counts
        else:
            history.append(content)
        last[object_id] = (user_id, created_at)
    return result


def current_content_without_revisions(pages):
    """Field values for pages that were never saved as a revision (created in code): one query per type."""
    contents = {}
    by_model = {}
    for page in pages:
        model = page.content_type.model_class() or Page
        by_model.setdefault(model, []).append(page.pk)
    for model, ids in by_model.items():
        names = [f"{name}_{lang}" for name in translated_fields(model) for lang in languages()]
        for row in model.objects.filter(pk__in=ids).values("pk", *names):
            contents[row.pop("pk")] = row
    return contents


def analyse(pages):
    """PageStatus for every page of `pages` (a list of Page objects with content_type loaded), in order."""
    pages = list(pages)
    revisions = latest_revisions(pages)
    without = current_content_without_revisions([page for page in pages if page.pk not in revisions])
    statuses = []
    for page in pages:
        model = page.content_type.model_class() or Page
        history = revisions.get(page.pk)
        latest = history[-1] if history else without.get(page.pk, {})
        statuses.append(
            PageStatus(
                page=page,
                missing=missing_fields(model, latest),
                outdated=outdated_fields(model, history or []),
            )
        )
    return statuses


def pages_needing_translation(pages, problem=None):
    """The PageStatus of pages with a problem, optionally only one kind (`missing_en`, `outdated_sv` …)."""
    return [
        status for status in analyse(pages) if status.has_problems and (not problem or problem in status.problem_keys)
    ]
