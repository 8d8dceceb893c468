from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class QueryOutcome(models.Model):
    """How many results a logged search found the last time it ran and how
    often a result was clicked, so editors see what visitors look for and do
    not find. Like the query log it extends,
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
    # Clicks on its results (search.views.search_click), all time, as are the
    # hits it is compared with. A database default too: the query log's
    # single-statement insert (search.results.LOG_SQL) does not name it.
    clicks = models.PositiveIntegerField(_("clicks"), default=0, db_default=0)

    class Meta:
        verbose_name = _("search outcome")
        verbose_name_plural = _("search outcomes")

    def __str__(self) -> str:
        return f"{self.query}: {self.result_count}"


class SearchEntry(models.Model):
    """What site search matches on PostgreSQL: one row per live page of the
    searched kinds.

    Wagtail's database backend matches `title || body` and ranks with
    `ts_rank` over the whole body vector, so every matching page's body (often
    TOASTed) is read for every search. Here all the text is in `document`
    (title weight A, leads and roles B, bodies and PDF text C), matched through
    a GIN index and never read row by row, and ranking reads only `ranking`,
    the small title-and-lead vector.

    What `visible_pages` checks is here too (a row only while the page is
    live; its expiry and tree path for the privacy rules), so a search never
    joins the page table: that join cost more than the match itself. The
    signals in `search.signals` keep it in step on save, unpublish and move;
    the cards shown are still loaded through `visible_pages`.

    Migration 0003 adds, on PostgreSQL only, the GIN index and the
    `search_entry_matches` function searches go through; on SQLite this table
    stays empty and search uses Wagtail's backend.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    # Filtered inside the match, never looked up on its own: no index.
    content_type = models.ForeignKey(
        "contenttypes.ContentType", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    document = SearchVectorField()
    ranking = SearchVectorField()
    # The C text as written, for the passage shown under a result.
    text = models.TextField(blank=True, default="")
    # Newest first among equally ranked pages (most body-only hits rank alike).
    sort_date = models.DateField(null=True)
    # Copies of the page's, for the visibility rules.
    expire_at = models.DateTimeField(null=True)
    path = models.CharField(max_length=255)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return f"Search entry for page {self.page_id}"


class SearchWord(models.Model):
    """A word found on the searched pages, as written: the vocabulary that
    "Menade du …?" suggests from (a trigram index on PostgreSQL, migration
    0004). Written with the entries; see `search.entries`."""

    word = models.CharField(max_length=40, primary_key=True)

    class Meta:
        verbose_name = _("search word")
        verbose_name_plural = _("search words")

    def __str__(self) -> str:
        return self.word
