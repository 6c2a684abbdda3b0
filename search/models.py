"""What merchandisers steer search with, and what shoppers searched for.

``SynonymGroup`` rows are edited in the admin; ``SearchQuery`` rows are written by
the search view (search.analytics) and read by the admin report.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

MAX_LOGGED_QUERY_LENGTH = 200
# Terms may be separated by ASCII or Chinese commas, enumeration commas, semicolons or new lines.
_TERM_SEPARATORS = re.compile(r"[,，、;；\n]+")


def split_terms(text: str) -> list[str]:
    """The terms of a synonym line, trimmed, empty ones dropped, each once."""
    return list(
        dict.fromkeys(term.strip() for term in _TERM_SEPARATORS.split(text or "") if term.strip())
    )


class SynonymGroup(models.Model):
    """Words a shopper may use for the same thing (手机, mobile phone, 电话).

    A query containing any of them also finds products described with the others;
    product texts stay as written, only the query is widened.
    """

    terms = models.TextField(
        _("equivalent terms"),
        help_text=_("Two or more words or phrases that mean the same, separated by commas."),
    )

    class Meta:
        verbose_name = _("synonym group")
        verbose_name_plural = _("synonym groups")
        ordering = ["pk"]

    def __str__(self):
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        return split_terms(self.terms)

    def clean(self):
        if len(self.term_list()) < 2:
            raise ValidationError({"terms": _("Enter at least two terms, separated by commas.")})
        self.terms = ", ".join(self.term_list())


@receiver(post_save, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
@receiver(post_delete, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted")
def _synonyms_changed(sender, **kwargs):
    # Imported here because search.synonyms imports this module.
    from .synonyms import bump_synonyms_version

    bump_synonyms_version()


class SearchQuery(models.Model):
    """How often one normalised query was searched on one day, and what the last search found.

    One row per (date, query) keeps the table small and each search one UPDATE;
    the report sums rows over its window.
    """

    date = models.DateField(_("date"))
    query = models.CharField(_("query"), max_length=MAX_LOGGED_QUERY_LENGTH)
    hits = models.PositiveIntegerField(_("searches"), default=0)
    results = models.PositiveIntegerField(_("results"), default=0)

    class Meta:
        verbose_name = _("search query")
        verbose_name_plural = _("search queries")
        constraints = [
            models.UniqueConstraint(fields=["date", "query"], name="search_query_unique_per_day")
        ]
        permissions = [("view_search_report", _("Can view the search report"))]
        default_permissions = ()

    def __str__(self):
        return f"{self.date} {self.query}"
