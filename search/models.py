from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryOutcome(models.Model):
    """How many results a logged search found the last time it ran, so editors
    see what visitors look for and do not find. Like the query log it extends,
    it holds nothing about the visitor."""

    query = models.OneToOneField(
        "wagtailsearchpromotions.Query",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="outcome",
        verbose_name=_("search term"),
    )
    result_count = models.PositiveIntegerField(_("results"))
    last_searched = models.DateField(_("last searched"))

    class Meta:
        verbose_name = _("search outcome")
        verbose_name_plural = _("search outcomes")

    def __str__(self) -> str:
        return f"{self.query}: {self.result_count}"
