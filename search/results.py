"""Searching the visible pages of all three kinds, and the editors' promotions."""

from datetime import date

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import pgettext_lazy

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from lsv_site.cards import load_cards
from lsv_site.queries import visible_pages
from news.models import NewsArticlePage
from people.models import PersonPage
from search.models import QueryOutcome
from whitepapers.models import WhitePaperPage

# `?typ=` values, in the order the filter lists them.
KINDS = {
    "nyheter": (NewsArticlePage, pgettext_lazy("search filter", "News")),
    "white-papers": (WhitePaperPage, pgettext_lazy("search filter", "White papers")),
    "personer": (PersonPage, pgettext_lazy("search filter", "People")),
}


def searchable_pages(kind: str = ""):
    """Visible pages of one kind or all three, as something `.search()` takes.

    The search backends only filter on declared FilterFields, and `expire_at`
    and the privacy rules are not among them: the visibility filter goes into
    a subquery on `id`, which is.
    """
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    visible_ids = visible_pages(Page.objects.type(*models)).values("id")
    return Page.objects.filter(id__in=visible_ids)


def search(terms: str, kind: str = "", exclude_ids=(), page_size: int = 12, page=None):
    """One page of results as specific pages with card images, best first.

    A fixed number of queries whatever the page size: count, the page of ids,
    then `load_cards` (one query per page type and two for images).
    """
    pages = searchable_pages(kind)
    if exclude_ids:
        pages = pages.exclude(id__in=list(exclude_ids))
    results = pages.search(terms, operator="and")
    paginated: PaginatorPage = Paginator(results, page_size).get_page(page)
    paginated.object_list = load_cards([p.id for p in paginated.object_list])
    return paginated


def promoted_pages(query: str) -> list:
    """Pages editors pinned to this query (Wagtail's search promotions), visible
    ones only, in the editors' order."""
    picks = (
        Query.objects.filter(query_string=normalise_query_string(query))
        .values_list("editors_picks__page_id", flat=True)
        .order_by("editors_picks__sort_order")
    )
    return load_cards([page_id for page_id in picks if page_id])


def log_search(query: str, result_count: int) -> None:
    """Anonymous: the normalised text, a daily count and how many results it
    found, nothing about who searched."""
    logged = Query.get(query)
    logged.add_hit()
    QueryOutcome.objects.bulk_create(
        [QueryOutcome(query=logged, result_count=result_count, last_searched=date.today())],
        update_conflicts=True,
        unique_fields=["query"],
        update_fields=["result_count", "last_searched"],
    )
