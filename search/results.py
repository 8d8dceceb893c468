"""Searching the visible pages of all three kinds, and the editors' promotions."""

from datetime import date
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe

from taggit.models import Tag
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Page
from wagtail.search.query import And, Phrase, PlainText
from wagtail.search.utils import normalise_query_string

from core.cards import load_cards
from core.models import PageTopic
from core.queries import restricted_paths, visible_pages
from fastpath import version
from search import entries
from search.compounds import split_query
from search.kinds import KINDS
from search.models import QueryOutcome

# More pages than any search could fill; `?page=` beyond it is the last page.
MAX_PAGE_NUMBER = 100_000


def searchable_pages(kind: str = "", topic: str = "", year: int | None = None):
    """Visible pages of one kind or all three, as something `.search()` takes.

    The search backends only filter on declared FilterFields, and `expire_at`
    and the privacy rules are not among them: the visibility filter goes into
    a subquery on `id`, which is.
    """
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    visible = visible_pages(Page.objects.type(*models))
    if topic:
        visible = visible.filter(id__in=topic_page_ids(topic))
    if year:
        visible = visible.filter(year_q(year))
    return Page.objects.filter(id__in=visible.values("id"))


def topic_page_ids(topic: str):
    """Ids of the pages tagged with the topic of this slug (a subquery)."""
    return PageTopic.objects.filter(tag__slug=topic).values("content_object_id")


def year_q(year: int) -> Q:
    """Pages dated in this year (the dated kinds; people have no date)."""
    return Q(newsarticlepage__publication_date__year=year) | Q(
        whitepaperpage__publication_date__year=year
    )


def search(
    terms: str,
    kind: str = "",
    exclude_ids=(),
    page_size: int = 12,
    page=None,
    topic: str = "",
    year: int | None = None,
    phrases: tuple[str, ...] = (),
):
    """One page of results as specific pages with card images, best first.
    `phrases` (words from `search.query.phrases`) must each occur as written,
    in that order.

    A fixed number of queries whatever the page size: the page of ids with the
    total count (on SQLite: title hits, a count and the ids), then
    `load_cards` (one query for the pages and one for renditions).
    """
    if entries.enabled():
        return _search_entries(terms, kind, exclude_ids, page_size, page, topic, year, phrases)
    return _search_backend(terms, kind, exclude_ids, page_size, page, topic, year, phrases)


def backend_query(terms: str, phrases: tuple[str, ...] = ()):
    """Every word, and each phrase as an FTS5 phrase, for Wagtail's backend
    (SQLite). The phrases are words joined by spaces, so the backend's
    quoting of them cannot be broken out of."""
    words = PlainText(terms, operator="and")
    return And([words, *(Phrase(phrase) for phrase in phrases)]) if phrases else words


def _search_backend(
    terms, kind, exclude_ids, page_size, page, topic="", year=None, phrases=()
) -> PaginatorPage:
    """Through Wagtail's backend (SQLite). Its FTS5 ranking weighs all fields
    alike, so pages with every word in the title are put first here, then
    the rest in the backend's order."""
    pages = searchable_pages(kind, topic, year)
    if exclude_ids:
        pages = pages.exclude(id__in=list(exclude_ids))
    query = backend_query(terms, phrases)
    title_ids = [p.id for p in pages.search(query, fields=["title"])]
    rest = pages.exclude(id__in=title_ids).search(query)
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
# visibility and tiers happen in `search_entry_matches` (migration 0004).
# The excerpts are computed in the outer query, so for the page shown only.
RESULTS_SQL = """
WITH hits AS (
    SELECT page_id, content_type_id, count(*) OVER () AS total, tier, rank, sort_date
    FROM search_entry_matches(
        -- A compound in the query also matches its parts (search.compounds).
        (plainto_tsquery(%(config)s::regconfig, %(terms)s)
            || plainto_tsquery(%(config)s::regconfig, %(split_terms)s)) {phrases},
        phraseto_tsquery(%(config)s::regconfig, %(terms)s),
        %(content_types)s::integer[], %(restricted)s::text[]
    )
    WHERE NOT page_id = ANY (%(exclude)s::integer[]) {filters}
    ORDER BY tier DESC, rank DESC, sort_date DESC NULLS LAST, page_id DESC
    LIMIT %(limit)s OFFSET %(offset)s
)
SELECT hits.page_id, hits.content_type_id, hits.total,
       CASE WHEN %(snippets)s AND entry.text <> '' THEN ts_headline(
           %(config)s::regconfig, entry.text,
           plainto_tsquery(%(config)s::regconfig, %(terms)s), %(headline_options)s
       ) END
FROM hits JOIN search_searchentry AS entry USING (page_id)
ORDER BY hits.tier DESC, hits.rank DESC, hits.sort_date DESC NULLS LAST, hits.page_id DESC
"""

# Two short passages around the best matches; the markers become <mark>
# after the text is escaped (`snippet_html`).
HEADLINE_OPTIONS = (
    f"StartSel={entries.MARK_START}, StopSel={entries.MARK_END}, "
    'MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "'
)


class Ranked(NamedTuple):
    page_ids: list[int]
    kinds: set[type[Page]]  # the page types among them
    total: int  # how many match in all; 0 when the offset is past the last
    snippets: dict[int, str] = {}  # page id → excerpt HTML, where one matched


def snippet_html(headline: str | None) -> str:
    """ts_headline's raw text, escaped, with `<mark>` around the matched
    words; "" when nothing in it matched (the card then shows its lead)."""
    if not headline or entries.MARK_START not in headline:
        return ""
    text = " ".join(escape(headline).split())
    return mark_safe(
        text.replace(entries.MARK_START, "<mark>").replace(entries.MARK_END, "</mark>")
    )


def ranked_page_ids(
    terms: str,
    kind: str = "",
    exclude_ids=(),
    limit: int = 12,
    offset: int = 0,
    *,
    snippets: bool = False,
    topic: str = "",
    year: int | None = None,
    phrases: tuple[str, ...] = (),
) -> Ranked:
    """Ids of visible pages that have every word (in some form) and each of
    `phrases` as a phrase, best first:
    the words as a phrase in the title, then all of them in the title, then
    the phrase and then the words in the lead, topics or authors, then body
    and PDF hits; within each, `ts_rank` on the title-and-lead vector, then
    newest first."""
    models = [KINDS[kind][0]] if kind in KINDS else [model for model, _label in KINDS.values()]
    content_types = ContentType.objects.get_for_models(*models)
    params = {
        "config": entries.text_config(),
        "terms": terms,
        "split_terms": split_query(terms) or terms,
        "content_types": [content_type.id for content_type in content_types.values()],
        "restricted": list(restricted_paths()),
        "exclude": [int(page_id) for page_id in exclude_ids],
        "limit": limit,
        "offset": offset,
        "snippets": snippets,
        "headline_options": HEADLINE_OPTIONS,
        "topic": topic,
        "year": year,
        **phrase_params(phrases),
    }
    sql = RESULTS_SQL.format(filters=filters_sql(topic, year), phrases=phrases_sql(phrases))
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    model_of = {content_type.id: model for model, content_type in content_types.items()}
    return Ranked(
        [page_id for page_id, _type, _total, _headline in rows],
        {model_of[type_id] for _page, type_id, _total, _headline in rows},
        rows[0][2] if rows else 0,
        {page_id: html for page_id, *_rest, headline in rows if (html := snippet_html(headline))},
    )


def match_count(
    terms: str, kind: str = "", topic: str = "", year: int | None = None, phrases=()
) -> int:
    """How many visible pages have every word (PostgreSQL)."""
    return ranked_page_ids(terms, kind, limit=1, topic=topic, year=year, phrases=phrases).total


def phrases_sql(phrases: tuple[str, ...]) -> str:
    """`&& phraseto_tsquery(…)` for each phrase, taking `%(phrase_N)s`: the
    words must also occur as a phrase (stop words count as gaps, so "vård i
    hemmet" is 'vård' <2> 'hemm'). "" for none."""
    return "".join(
        f" && phraseto_tsquery(%(config)s::regconfig, %(phrase_{n})s)" for n in range(len(phrases))
    )


def phrase_params(phrases: tuple[str, ...]) -> dict[str, str]:
    return {f"phrase_{n}": phrase for n, phrase in enumerate(phrases)}


def filters_sql(topic: str, year: int | None) -> str:
    """The topic and year conditions on `search_entry_matches` rows, as SQL
    taking `%(topic)s` and `%(year)s`; "" for no filter."""
    sql = ""
    items, tags = PageTopic._meta.db_table, Tag._meta.db_table
    if topic:
        sql += (
            f" AND page_id IN (SELECT item.content_object_id FROM {items} AS item"
            f" JOIN {tags} AS tag ON tag.id = item.tag_id WHERE tag.slug = %(topic)s)"
        )
    if year:
        sql += (
            " AND sort_date >= make_date(%(year)s, 1, 1)"
            " AND sort_date < make_date(%(year)s + 1, 1, 1)"
        )
    return sql


def _search_entries(terms, kind, exclude_ids, page_size, page, topic="", year=None, phrases=()):
    number = _page_number(page)
    more = {"snippets": True, "topic": topic, "year": year, "phrases": phrases}
    ranked = ranked_page_ids(terms, kind, exclude_ids, page_size, (number - 1) * page_size, **more)
    if not ranked.page_ids and number > 1:
        # Past the last page: show the last one, as Paginator.get_page does.
        first = ranked_page_ids(terms, kind, exclude_ids, page_size, 0, **more)
        number = max(1, -(-first.total // page_size))
        if number == 1:
            ranked = first
        else:
            ranked = ranked_page_ids(
                terms, kind, exclude_ids, page_size, (number - 1) * page_size, **more
            )
    paginated = Paginator(range(ranked.total), page_size).get_page(number)
    paginated.object_list = load_cards(ranked.page_ids, kinds=ranked.kinds)
    for card in paginated.object_list:
        # Shown by the card in place of its lead (components/card.html).
        card.search_snippet = ranked.snippets.get(card.pk, "")
    return paginated


def _page_number(value) -> int:
    """`?page=` as a number from 1; junk is the first page, and a huge number
    (past any last page) is capped so the offset stays a sane integer."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE_NUMBER)


def promoted_picks() -> dict[str, tuple[int, ...]]:
    """The (normalised) queries editors have pinned pages to, each with its
    pages' ids in the editors' order, remembered until content changes: a
    promotion's save or delete bumps the content version (`search.signals`),
    so a search asks the database for promotions only to load their cards."""

    def load():
        picks: dict[str, list[int]] = {}
        rows = SearchPromotion.objects.filter(page__isnull=False).order_by(
            "query__query_string", "sort_order", "id"
        )
        for query_string, page_id in rows.values_list("query__query_string", "page_id"):
            picks.setdefault(query_string, []).append(page_id)
        return {query_string: tuple(ids) for query_string, ids in picks.items()}

    return version.per_version("search-promoted-picks", load)


def promoted_pages(query: str) -> list:
    """Pages editors pinned to this query (Wagtail's search promotions), visible
    ones only, in the editors' order."""
    return load_cards(promoted_picks().get(normalise_query_string(query), ()))


# Setting `synchronous_commit` off for the statement's own transaction, as a
# condition the writes below depend on, so that it takes no statement of its
# own (a `SET LOCAL` would also need an explicit transaction: BEGIN and COMMIT).
ASYNC_COMMIT = "set_config('synchronous_commit', 'off', true) IS NOT NULL"

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
SELECT id, %(result_count)s, %(today)s FROM logged WHERE {async_commit}
ON CONFLICT (query_id) DO UPDATE
SET result_count = EXCLUDED.result_count, last_searched = EXCLUDED.last_searched
"""

# One more click on a logged query's results (PostgreSQL).
CLICK_SQL = """
UPDATE {outcome} AS outcome SET clicks = outcome.clicks + 1
FROM {query} AS query
WHERE outcome.query_id = query.id AND query.query_string = %(text)s AND {async_commit}
"""


def log_search(query: str, result_count: int) -> None:
    """Anonymous: the normalised text, a daily count and how many results it
    found, nothing about who searched.

    On PostgreSQL one statement, whose transaction does not wait for its
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
            async_commit=ASYNC_COMMIT,
        )
        with connection.cursor() as cursor:
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


def log_click(query: str) -> None:
    """One more click on a result of this search, if it was logged (so a
    made-up link adds no query): one statement, not waiting for `fsync` on
    PostgreSQL, as in `log_search`."""
    text = normalise_query_string(query)
    if connection.vendor == "postgresql":
        sql = CLICK_SQL.format(
            outcome=QueryOutcome._meta.db_table,
            query=Query._meta.db_table,
            async_commit=ASYNC_COMMIT,
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, {"text": text})
        return
    QueryOutcome.objects.filter(query__query_string=text).update(clicks=F("clicks") + 1)
