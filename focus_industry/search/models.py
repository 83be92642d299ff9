from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchWord(models.Model):
    """A word, in lower case, found in a live public page's text when it was indexed, or one of the
    index tokens (lemmas, stems) it stands for: the vocabulary that a misspelt query is corrected from
    ("komptens" → "kompetens"). Only words seen as written are suggested; the tokens tell that an
    inflection nobody wrote ("företagens") is no misspelling. Words are added, never removed: a word
    left by a deleted page only costs a suggestion that finds nothing new."""

    word = models.CharField(_("word"), max_length=60, unique=True)
    written = models.BooleanField(_("seen as written"), default=False)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self):
        return self.word
