"""Facets for the search results: how many matches there are of each kind,
topic and year, each counted with the other facets' filters applied but not
its own, so a visitor can switch within a facet and combine across them.

On PostgreSQL one statement for all three over `search_entry_matches`;
on SQLite (Wagtail's backend) the matching ids once, then grouped ORM queries.
Only asked for when there is a query.
"""

import re
from typing import NamedTuple

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from taggit.models import Tag
from wagtail.models import Page

from core.models import PageTopic
from core.queries import restricted_paths
from search import entries
from search.compounds import split_query
from search.kinds import KINDS
from search.query import Operator

# The most common topics among the matches; the rest are not listed.
MAX_TOPICS = 10
# Years outside this range are not a filter.
MIN_YEAR, MAX_YEAR = 1900, 2999
_TOPIC_SLUG = re.compile(r"^[-\w]{1,100}$")


class Filters(NamedTuple):
    kind: str = ""
    topic: str = ""
    year: int | None = None


class Facets(NamedTuple):
    kinds: list[tuple[str, str, int]]  # slug, label, count
    topics: list[tuple[str, str, int]]  # slug, name, count
    years: list[tuple[int, int]]  # year, count


def parse_filters(params) -> Filters:
    """`?typ=`, `?amne=` and `?ar=` from the query string; a value that cannot
    be one (unknown kind, not a year, not a slug) is ignored."""
    kind = params.get("typ", "")
    topic = params.get("amne", "")
    year = params.get("ar", "")
    return Filters(
        kind if kind in KINDS else "",
        topic if _TOPIC_SLUG.match(topic) else "",
        int(year)
        if year.isascii() and year.isdigit() and MIN_YEAR <= int(year) <= MAX_YEAR
        else None,
    )


def apply_operators(operators: list[Operator], filters: Filters) -> tuple[Filters, list[str]]:
    """The filters with those of `typ:`, `ämne:` and `år:` in the query set
    (they win over the URL's), and a message for each value that is none."""
    problems = []
    for operator in operators:
        value = operator.value
        if operator.field == "kind":
            if value.lower() in KINDS:
                filters = filters._replace(kind=value.lower())
                continue
            problems.append(
                _(
                    "There is no kind “%(value)s”: write typ:nyheter, typ:white-papers or "
                    "typ:personer."
                )
                % {"value": value}
            )
        elif operator.field == "year":
            year = parse_filters({"ar": value}).year
            if year:
                filters = filters._replace(year=year)
                continue
            problems.append(
                _("“%(value)s” is not a year: write, for example, år:2026.") % {"value": value}
            )
        else:
            slug = topic_slug(value)
            if slug:
                filters = filters._replace(topic=slug)
                continue
            problems.append(
                _(
                    "There is no topic “%(value)s”. Put a name of several words in quotation "
                    "marks: ämne:“social innovation”."
                )
                % {"value": value}
            )
    return filters, problems


def topic_slug(value: str) -> str:
    """The slug of the topic used on some page whose slug or name this is
    (any case), or ""."""
    match = (
        PageTopic.objects.filter(Q(tag__slug=value.lower()) | Q(tag__name__iexact=value))
        .values_list("tag__slug", flat=True)
        .first()
    )
    return match or ""


def facets(terms: str, filters: Filters, phrases: tuple[str, ...] = ()) -> Facets:
    if entries.enabled():
        return _facets_sql(terms, filters, phrases)
    return _facets_orm(terms, filters, phrases)


# All three facets in one statement: the matches once (any kind, no filter),
# then each facet grouped with the filters of the other two; {kind_filters},
# {year_filters} and {topic_filters} from `search.results.filters_sql`. Rows
# are (facet, key, name, count, position): kinds by content type id, years
# newest first, the most common topics first.
FACETS_SQL = """
WITH matches AS MATERIALIZED (
    SELECT page_id, content_type_id, sort_date
    FROM search_entry_matches(
        (plainto_tsquery(%(config)s::regconfig, %(terms)s)
            || plainto_tsquery(%(config)s::regconfig, %(split_terms)s)) {phrases},
        phraseto_tsquery(%(config)s::regconfig, %(terms)s),
        %(content_types)s::integer[], %(restricted)s::text[]
    )
)
SELECT 'kind', content_type_id::text, NULL::text, count(*), 0::bigint
FROM matches WHERE true {kind_filters} GROUP BY content_type_id
UNION ALL
SELECT 'year', year::text, NULL::text, n, row_number() OVER (ORDER BY year DESC) FROM (
    SELECT extract(year FROM sort_date)::integer AS year, count(*) AS n FROM matches
    WHERE sort_date IS NOT NULL AND content_type_id = ANY (%(kind_types)s::integer[])
        {year_filters}
    GROUP BY 1
) AS years
UNION ALL
SELECT 'topic', slug, name, n, row_number() OVER (ORDER BY n DESC, name) FROM (
    SELECT tag.slug, tag.name, count(*) AS n FROM matches
    JOIN {items} AS item ON item.content_object_id = matches.page_id
    JOIN {tags} AS tag ON tag.id = item.tag_id
    WHERE content_type_id = ANY (%(kind_types)s::integer[]) {topic_filters}
    GROUP BY tag.id, tag.slug, tag.name ORDER BY 3 DESC, tag.name LIMIT {limit}
) AS topics
"""


def _facets_sql(terms: str, filters: Filters, phrases: tuple[str, ...]) -> Facets:
    from search.results import filters_sql, phrase_params, phrases_sql

    content_types = ContentType.objects.get_for_models(*(m for m, _l in KINDS.values()))
    type_ids = {KINDS_SLUG[model]: ct.id for model, ct in content_types.items()}
    all_types = list(type_ids.values())
    sql = FACETS_SQL.format(
        phrases=phrases_sql(phrases),
        kind_filters=filters_sql(filters.topic, filters.year),
        year_filters=filters_sql(filters.topic, None),
        topic_filters=filters_sql("", filters.year),
        items=PageTopic._meta.db_table,
        tags=Tag._meta.db_table,
        limit=MAX_TOPICS,
    )
    params = {
        "config": entries.text_config(),
        "terms": terms,
        "split_terms": split_query(terms) or terms,
        "restricted": list(restricted_paths()),
        "topic": filters.topic,
        "year": filters.year,
        "content_types": all_types,
        "kind_types": [type_ids[filters.kind]] if filters.kind else all_types,
        **phrase_params(phrases),
    }
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    found: dict[str, list] = {"kind": [], "year": [], "topic": []}
    for facet, key, name, count, position in rows:
        found[facet].append((position, key, name, count))
    kind_counts = {int(key): count for _p, key, _name, count in found["kind"]}
    return Facets(
        [
            (slug, label, kind_counts[type_ids[slug]])
            for slug, (_model, label) in KINDS.items()
            if kind_counts.get(type_ids[slug])
        ],
        [(slug, name, count) for _p, slug, name, count in sorted(found["topic"])],
        [(int(year), count) for _p, year, _name, count in sorted(found["year"])],
    )


KINDS_SLUG = {model: slug for slug, (model, _label) in KINDS.items()}


def _facets_orm(terms: str, filters: Filters, phrases: tuple[str, ...]) -> Facets:
    from search.results import backend_query, searchable_pages, topic_page_ids, year_q

    ids = [p.id for p in searchable_pages().search(backend_query(terms, phrases))]
    matches = Page.objects.filter(id__in=ids)
    by_kind = matches
    if filters.topic:
        by_kind = by_kind.filter(id__in=topic_page_ids(filters.topic))
    if filters.year:
        by_kind = by_kind.filter(year_q(filters.year))
    if filters.kind:
        matches = matches.type(KINDS[filters.kind][0])
    slug_of = {
        ct.id: KINDS_SLUG[model]
        for model, ct in ContentType.objects.get_for_models(*KINDS_SLUG).items()
    }
    kind_counts = {
        slug_of[row["content_type"]]: row["n"]
        for row in by_kind.order_by().values("content_type").annotate(n=Count("id"))
    }
    for_topics = matches.filter(year_q(filters.year)) if filters.year else matches
    topics = (
        PageTopic.objects.filter(content_object_id__in=for_topics.values("id"))
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("id"))
        .order_by("-n", "tag__name")[:MAX_TOPICS]
    )
    for_years = matches.filter(id__in=topic_page_ids(filters.topic)) if filters.topic else matches
    years = {}
    for model in {m for m, _l in KINDS.values()} - {KINDS["personer"][0]}:
        rows = (
            model.objects.filter(id__in=for_years.values("id"))
            .annotate(year=ExtractYear("publication_date"))
            .order_by()
            .values_list("year")
            .annotate(n=Count("id"))
        )
        for year, n in rows:
            years[year] = years.get(year, 0) + n
    return Facets(
        [
            (slug, label, kind_counts[slug])
            for slug, (_model, label) in KINDS.items()
            if kind_counts.get(slug)
        ],
        [tuple(row) for row in topics],
        sorted(years.items(), reverse=True),
    )
