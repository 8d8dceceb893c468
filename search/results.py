"""Searching the visible pages of all three kinds, and the editors' promotions."""

from datetime import date
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from core.cards import load_cards
from core.queries import restricted_paths, visible_pages
from fastpath import version
from search import entries
from search.kinds import KINDS
from search.models import QueryOutcome

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
    total count (on SQLite: title hits, a count and the ids), then
    `load_cards` (one query for the pages and one for renditions).
    """
    if entries.enabled():
        return _search_entries(terms, kind, exclude_ids, page_size, page)
    return _search_backend(terms, kind, exclude_ids, page_size, page)


def _search_backend(terms, kind, exclude_ids, page_size, page) -> PaginatorPage:
    """Through Wagtail's backend (SQLite). Its FTS5 ranking weighs all fields
    alike, so pages with every word in the title are put first here, then
    the rest in the backend's order."""
    pages = searchable_pages(kind)
    if exclude_ids:
        pages = pages.exclude(id__in=list(exclude_ids))
    title_ids = [p.id for p in pages.search(terms, fields=["title"], operator="and")]
    rest = pages.exclude(id__in=title_ids).search(terms, operator="and")
    paginated = Paginator(range(len(title_ids) + rest.count()), page_size).get_page(page)
    start = (paginated.number - 1) * page_size
    end = start + page_size
    ids = title_ids[start:end]
    if paginated.paginator.count:
        # Asked for even when the title hits fill the page, so that the number
        # of queries does not depend on where the page falls.
        skip = max(0, start - len(title_ids))
        ids += [p.id for p in rest[skip : skip + page_size]][: page_size - len(ids)]
    paginated.object_list = load_cards(ids)
    return paginated


# The page of results and the number of them in one statement; matching,
# visibility and ranking happen in `search_entry_matches` (migration 0003).
RESULTS_SQL = """
SELECT page_id, content_type_id, count(*) OVER ()
FROM search_entry_matches(plainto_tsquery(%s::regconfig, %s), %s::integer[], %s::text[])
WHERE NOT page_id = ANY (%s::integer[])
ORDER BY rank DESC, sort_date DESC NULLS LAST, page_id DESC
LIMIT %s OFFSET %s
"""


class Ranked(NamedTuple):
    page_ids: list[int]
    kinds: set[type[Page]]  # the page types among them
    total: int  # how many match in all; 0 when the offset is past the last


def ranked_page_ids(
    terms: str, kind: str = "", exclude_ids=(), limit: int = 12, offset: int = 0
) -> Ranked:
    """Ids of visible pages that have every word (in some form), best first:
    title hits before lead hits (weights A and B of the `ranking` vector),
    then the rest, newest first, since bodies do not take part in ranking."""
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    content_types = ContentType.objects.get_for_models(*models)
    params = [
        entries.text_config(),
        terms,
        [content_type.id for content_type in content_types.values()],
        list(restricted_paths()),
        [int(page_id) for page_id in exclude_ids],
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(RESULTS_SQL, params)
        rows = cursor.fetchall()
    model_of = {content_type.id: model for model, content_type in content_types.items()}
    return Ranked(
        [page_id for page_id, _type, _total in rows],
        {model_of[type_id] for _page, type_id, _total in rows},
        rows[0][2] if rows else 0,
    )


def _search_entries(terms, kind, exclude_ids, page_size, page) -> PaginatorPage:
    number = _page_number(page)
    ranked = ranked_page_ids(terms, kind, exclude_ids, page_size, (number - 1) * page_size)
    if not ranked.page_ids and number > 1:
        # Past the last page: show the last one, as Paginator.get_page does.
        first = ranked_page_ids(terms, kind, exclude_ids, page_size, 0)
        number = max(1, -(-first.total // page_size))
        if number == 1:
            ranked = first
        else:
            ranked = ranked_page_ids(terms, kind, exclude_ids, page_size, (number - 1) * page_size)
    paginated = Paginator(range(ranked.total), page_size).get_page(number)
    paginated.object_list = load_cards(ranked.page_ids, kinds=ranked.kinds)
    return paginated


def _page_number(value) -> int:
    """`?page=` as a number from 1; junk is the first page, and a huge number
    (past any last page) is capped so the offset stays a sane integer."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def promoted_queries() -> frozenset[str]:
    """The (normalised) queries editors have pinned pages to, remembered until
    content changes: a promotion's save or delete bumps the content version
    (`search.signals`), so most searches need no query for promotions."""
    return version.per_version(
        "search-promoted-queries",
        lambda: frozenset(
            Query.objects.filter(editors_picks__isnull=False)
            .values_list("query_string", flat=True)
            .distinct()
        ),
    )


def promoted_pages(query: str) -> list:
    """Pages editors pinned to this query (Wagtail's search promotions), visible
    ones only, in the editors' order."""
    normalised = normalise_query_string(query)
    if normalised not in promoted_queries():
        return []
    picks = (
        Query.objects.filter(query_string=normalised)
        .values_list("editors_picks__page_id", flat=True)
        .order_by("editors_picks__sort_order")
    )
    return load_cards([page_id for page_id in picks if page_id])


# The three writes of a logged search in one statement (PostgreSQL): the
# query text, today's hit and the outcome, the tables being Wagtail's
# search promotions' and `QueryOutcome`'s.
LOG_SQL = """
WITH logged AS (
    INSERT INTO {query} (query_string) VALUES (%(text)s)
    ON CONFLICT (query_string) DO UPDATE SET query_string = EXCLUDED.query_string
    RETURNING id
), hit AS (
    INSERT INTO {hits} AS hits (query_id, date, hits) SELECT id, %(hit_date)s, 1 FROM logged
    ON CONFLICT (query_id, date) DO UPDATE SET hits = hits.hits + 1
)
INSERT INTO {outcome} (query_id, result_count, last_searched)
SELECT id, %(result_count)s, %(today)s FROM logged
ON CONFLICT (query_id) DO UPDATE
SET result_count = EXCLUDED.result_count, last_searched = EXCLUDED.last_searched
"""


def log_search(query: str, result_count: int) -> None:
    """Anonymous: the normalised text, a daily count and how many results it
    found, nothing about who searched.

    On PostgreSQL one statement, in a transaction that does not wait for its
    commit to reach the disk: a crash may lose the last few counts, which
    matters less than every search waiting for an fsync.
    """
    text = normalise_query_string(query)
    # Wagtail's add_hit dates hits in UTC; the outcome is the site's day.
    hit_date, today = timezone.now().date(), date.today()
    if connection.vendor == "postgresql":
        sql = LOG_SQL.format(
            query=Query._meta.db_table,
            hits=QueryDailyHits._meta.db_table,
            outcome=QueryOutcome._meta.db_table,
        )
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
            cursor.execute(
                sql,
                {"text": text, "hit_date": hit_date, "result_count": result_count, "today": today},
            )
        return
    with transaction.atomic():
        logged = Query.get(text)
        logged.add_hit(hit_date)
        QueryOutcome.objects.bulk_create(
            [QueryOutcome(query=logged, result_count=result_count, last_searched=today)],
            update_conflicts=True,
            unique_fields=["query"],
            update_fields=["result_count", "last_searched"],
        )
