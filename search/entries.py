"""Keeping `SearchEntry` rows in step with the pages they describe (PostgreSQL only).

A page's text is grouped by the weight it gets: its title (A), the fields its
model boosts in `search_fields` (B: a lead, a summary, a person's role) with
the page's topic names and its authors' names, and the rest (C: bodies, PDF
text). Declaring a field in `search_fields` is all it takes to make it
searchable here too, as with Wagtail's index.

The rest is also kept as plain text (`SearchEntry.text`), for the passage
shown under a result (`ts_headline`), and every word of a page goes into
`SearchWord`, the vocabulary "Menade du …?" suggests from.
"""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils.encoding import force_str

from wagtail.search import index

from search.compounds import compound_parts

# One statement for any number of pages: the text goes over as arrays and
# PostgreSQL builds both vectors. `ranking` is a prefix of `document`, so
# it is built once.
UPSERT = """
INSERT INTO search_searchentry
    (page_id, content_type_id, sort_date, expire_at, path, ranking, document, text)
SELECT page_id, content_type_id, sort_date, expire_at, path, ranking,
       ranking || setweight(to_tsvector(%(config)s::regconfig, body), 'C')
           || setweight(to_tsvector(%(config)s::regconfig, parts), 'D'),
       left(body, %(text_limit)s)
FROM (
    SELECT v.page_id, v.content_type_id, v.sort_date, v.expire_at, v.path, v.body, v.parts,
           setweight(to_tsvector(%(config)s::regconfig, v.title), 'A')
           || setweight(to_tsvector(%(config)s::regconfig, v.lead), 'B') AS ranking
    FROM unnest(
        %(page_ids)s::integer[], %(content_type_ids)s::integer[], %(sort_dates)s::date[],
        %(expire_ats)s::timestamptz[], %(paths)s::text[],
        %(titles)s::text[], %(leads)s::text[], %(bodies)s::text[], %(parts)s::text[]
    ) AS v(page_id, content_type_id, sort_date, expire_at, path, title, lead, body, parts)
) AS rows
ON CONFLICT (page_id) DO UPDATE SET
    content_type_id = EXCLUDED.content_type_id,
    sort_date = EXCLUDED.sort_date,
    expire_at = EXCLUDED.expire_at,
    path = EXCLUDED.path,
    ranking = EXCLUDED.ranking,
    document = EXCLUDED.document,
    text = EXCLUDED.text
"""

# The words "Menade du …?" may suggest: every word of the pages as written
# (lower-cased, letters only). Words stay when a page changes; a suggestion
# is only shown when it finds more than the query did (`search.suggest`).
ADD_WORDS = """
INSERT INTO search_searchword (word)
SELECT DISTINCT word
FROM unnest(%(texts)s::text[]) AS page(text),
     unnest(tsvector_to_array(to_tsvector('simple', page.text))) AS word
WHERE word ~ '^[[:alpha:]]{3,40}$'
ON CONFLICT (word) DO NOTHING
"""

# Plenty for the passage around a match; a longer PDF's later pages are
# still searched (through `document`), but the excerpt then falls back to
# the lead. ts_headline reads the whole text it is given.
TEXT_LIMIT = 100_000

# The excerpt's highlight markers (private-use characters, removed from the
# text when it is stored): ts_headline returns raw text, which is escaped
# before the markers become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"

# After a move: treebeard rewrites the paths of a moved page's descendants
# in SQL, without a signal for each.
REFRESH_PATHS = """
UPDATE search_searchentry AS entry SET path = page.path
FROM wagtailcore_page AS page
WHERE page.id = entry.page_id AND page.path ^@ %s AND entry.path <> page.path
"""


def enabled() -> bool:
    """Entries exist on PostgreSQL; SQLite searches through Wagtail's backend."""
    return connection.vendor == "postgresql"


def text_config() -> str:
    """The text-search configuration Wagtail's backend uses too (word forms)."""
    return settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG", "swedish")


def _as_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_as_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_as_text(item) for item in value.values())
    return force_str(value)


def _related_names(pages: list) -> dict[int, list[str]]:
    """Topic names and live authors' names of these pages, by page id: two
    queries for any number of pages."""
    from core.models import PageTopic
    from people.models import Authorship

    ids = [page.pk for page in pages]
    names: dict[int, list[str]] = {pk: [] for pk in ids}
    topics = PageTopic.objects.filter(content_object_id__in=ids).order_by("pk")
    for page_id, name in topics.values_list("content_object_id", "tag__name"):
        names[page_id].append(name)
    authors = Authorship.objects.filter(page_id__in=ids, person__live=True).order_by("sort_order")
    for page_id, name in authors.values_list("page_id", "person__title"):
        names[page_id].append(name)
    return names


def weighted_texts(page, related: list[str] = ()) -> tuple[str, str, str]:
    """(title, boosted fields, everything else) of a specific page; `related`
    (its topic and author names) weigh like its lead."""
    groups = {"title": [], "boosted": [], "rest": []}
    for field in page.get_search_fields():
        if not isinstance(field, index.SearchField):
            continue
        text = _as_text(field.get_value(page)).strip()
        if not text:
            continue
        if field.field_name == "title":
            group = "title"
        elif field.boost and field.boost > 1:
            group = "boosted"
        else:
            group = "rest"
        groups[group].append(text)
    groups["boosted"].extend(related)
    # NUL bytes are the one thing PostgreSQL refuses in text.
    # PostgreSQL's text parser reads "<script" or "<style" as the start of
    # an HTML element and skips everything up to its end tag: a literal "<"
    # followed by a word must not hide the rest of the text.
    return tuple(
        "\n".join(groups[name]).translate(_UNSTORED).replace("<", "< ")
        for name in ("title", "boosted", "rest")
    )


_UNSTORED = {0: None, ord(MARK_START): None, ord(MARK_END): None}


def write_entries(pages: Iterable) -> int:
    """Bring the entries of these specific pages up to date: written for live
    pages, removed for the others. How many were written."""
    from search.models import SearchEntry

    if not enabled():
        return 0
    pages = list(pages)
    rows = {
        "page_ids": [],
        "content_type_ids": [],
        "sort_dates": [],
        "expire_ats": [],
        "paths": [],
        "titles": [],
        "leads": [],
        "bodies": [],
        "parts": [],
    }
    related = _related_names([page for page in pages if page.live])
    for page in pages:
        if not page.live:
            continue
        title, lead, body = weighted_texts(page, related[page.pk])
        rows["page_ids"].append(page.pk)
        rows["content_type_ids"].append(ContentType.objects.get_for_model(page).pk)
        rows["sort_dates"].append(getattr(page, "card_date", None))
        rows["expire_ats"].append(page.expire_at)
        rows["paths"].append(page.path)
        rows["titles"].append(title)
        rows["leads"].append(lead)
        rows["bodies"].append(body)
        rows["parts"].append(compound_parts(f"{title}\n{lead}\n{body}"))
    not_live = [page.pk for page in pages if not page.live]
    if not_live:
        SearchEntry.objects.filter(page_id__in=not_live).delete()
    if rows["page_ids"]:
        with connection.cursor() as cursor:
            cursor.execute(UPSERT, {"config": text_config(), "text_limit": TEXT_LIMIT, **rows})
            cursor.execute(ADD_WORDS, {"texts": rows["titles"] + rows["leads"] + rows["bodies"]})
    return len(rows["page_ids"])


def remove_entry(page_id: int) -> None:
    from search.models import SearchEntry

    if enabled():
        SearchEntry.objects.filter(page_id=page_id).delete()


def refresh_paths(moved_page) -> None:
    """Copy the new tree paths of a moved page and its descendants."""
    if enabled():
        with connection.cursor() as cursor:
            cursor.execute(REFRESH_PATHS, [moved_page.path])


def searched_querysets():
    """The live pages of the searched kinds."""
    from search.kinds import KINDS

    for model, _label in KINDS.values():
        yield model.get_indexed_objects().filter(live=True)


def update_entries(*, everything: bool = False, batch_size: int = 200) -> int:
    """Write the entries of live pages that have none (or rewrite them all,
    dropping any left for pages no longer live): for databases from before
    entries existed, and pages made without signals. How many were written."""
    from search.models import SearchEntry

    if not enabled():
        return 0
    if everything:
        SearchEntry.objects.exclude(page__live=True).delete()
    written = 0
    for queryset in searched_querysets():
        if not everything:
            queryset = queryset.exclude(id__in=SearchEntry.objects.values("page_id"))
        ids = list(queryset.order_by("id").values_list("id", flat=True))
        for start in range(0, len(ids), batch_size):
            written += write_entries(queryset.filter(id__in=ids[start : start + batch_size]))
    return written
