"""Searching the visible pages of all three kinds, and the editors' promotions."""

from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils.translation import pgettext_lazy

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from lsv_site.cards import load_cards
from lsv_site.queries import visible_pages
from news.models import NewsArticlePage
from people.models import PersonPage
from search import entries
from search.models import QueryOutcome
from whitepapers.models import WhitePaperPage

# `?typ=` values, in the order the filter lists them.
KINDS = {
    "nyheter": (NewsArticlePage, pgettext_lazy("search filter", "News")),
    "white-papers": (WhitePaperPage, pgettext_lazy("search filter", "White papers")),
    "personer": (PersonPage, pgettext_lazy("search filter", "People")),
}

# More pages than any search could fill; `?page=` beyond it is the last page.
MAX_PAGE_NUMBER = 100_000


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

    A fixed number of queries whatever the page size: the page of ids with the
    total count (on SQLite a count, then the ids), then `load_cards` (one
    query for the pages and one for renditions).
    """
    if entries.enabled():
        return _search_entries(terms, kind, exclude_ids, page_size, page)
    pages = searchable_pages(kind)
    if exclude_ids:
        pages = pages.exclude(id__in=list(exclude_ids))
    results = pages.search(terms, operator="and")
    paginated: PaginatorPage = Paginator(results, page_size).get_page(page)
    paginated.object_list = load_cards([p.id for p in paginated.object_list])
    return paginated


# The page of results and the number of them in one statement. Matching and
# ranking happen in `search_entry_matches` (migration 0003); visibility is
# the same subquery `visible_pages` builds for every listing.
RESULTS_SQL = """
SELECT m.page_id, count(*) OVER ()
FROM search_entry_matches(plainto_tsquery(%s::regconfig, %s), %s::integer[]) AS m
WHERE m.page_id IN ({visible}) AND NOT m.page_id = ANY (%s::integer[])
ORDER BY m.rank DESC, m.sort_date DESC NULLS LAST, m.page_id DESC
LIMIT %s OFFSET %s
"""


def ranked_page_ids(
    terms: str, kind: str = "", exclude_ids=(), limit: int = 12, offset: int = 0
) -> tuple[list[int], int]:
    """Ids of visible pages that have every word (in some form), best first:
    title hits before lead hits (weights A and B of the `ranking` vector),
    then the rest, newest first, since bodies do not take part in ranking.
    Also how many match in all (0 when `offset` is past the last)."""
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    content_types = [ct.id for ct in ContentType.objects.get_for_models(*models).values()]
    visible_sql, visible_params = (
        visible_pages(Page.objects.all()).values("id").query.sql_with_params()
    )
    params = [
        entries.text_config(),
        terms,
        content_types,
        *visible_params,
        [int(page_id) for page_id in exclude_ids],
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(RESULTS_SQL.format(visible=visible_sql), params)
        rows = cursor.fetchall()
    return [page_id for page_id, _total in rows], (rows[0][1] if rows else 0)


def _search_entries(terms, kind, exclude_ids, page_size, page) -> PaginatorPage:
    number = _page_number(page)
    ids, total = ranked_page_ids(terms, kind, exclude_ids, page_size, (number - 1) * page_size)
    if not ids and number > 1:
        # Past the last page: show the last one, as Paginator.get_page does.
        ids, total = ranked_page_ids(terms, kind, exclude_ids, page_size, 0)
        number = max(1, -(-total // page_size))
        if number > 1:
            ids, total = ranked_page_ids(
                terms, kind, exclude_ids, page_size, (number - 1) * page_size
            )
    paginated = Paginator(range(total), page_size).get_page(number)
    paginated.object_list = load_cards(ids)
    return paginated


def _page_number(value) -> int:
    """`?page=` as a number from 1; junk is the first page, and a huge number
    (past any last page) is capped so the offset stays a sane integer."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


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
    found, nothing about who searched.

    One transaction, and on PostgreSQL one that does not wait for its commit
    to reach the disk: a crash may lose the last few counts, which matters
    less than every search waiting for an fsync.
    """
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        logged = Query.get(query)
        logged.add_hit()
        QueryOutcome.objects.bulk_create(
            [QueryOutcome(query=logged, result_count=result_count, last_searched=date.today())],
            update_conflicts=True,
            unique_fields=["query"],
            update_fields=["result_count", "last_searched"],
        )
