from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from fastpath.page_numbers import mark_paginated
from fastpath.routing import find_site
from search.facets import facets, parse_filters
from search.kinds import KINDS
from search.query import clean_query, search_terms
from search.results import log_search, match_count, promoted_pages, search
from search.suggest import FEW_RESULTS, suggest


def search_view(request):
    # The remembered site lookup, so the header, footer and card links do not
    # each ask the database (Wagtail's own lookup is per request).
    find_site(request)
    mark_paginated(request)
    query = clean_query(request.GET.get("q", ""))
    filters = parse_filters(request.GET)
    kind = filters.kind
    narrowed = {"topic": filters.topic, "year": filters.year}
    terms = search_terms(query)
    first_page = request.GET.get("page") in (None, "", "1")
    promoted, results, suggestion, facet_groups = [], None, "", []
    if terms:
        # Promotions lead the first page and are not repeated below them.
        promoted = promoted_pages(query) if first_page and not any(filters) else []
        results = search(
            terms,
            kind,
            exclude_ids=[p.id for p in promoted],
            page_size=settings.LSV_LISTING_PAGE_SIZE,
            page=request.GET.get("page"),
            **narrowed,
        )
        found = results.paginator.count + len(promoted)
        if first_page:
            log_search(query, found)
        if first_page and found < FEW_RESULTS:
            suggestion = suggest(terms)
            if suggestion and match_count(suggestion, kind, **narrowed) <= found:
                suggestion = ""
        facet_groups = facet_links(query, filters, facets(terms, filters))
    # What pagination links must carry besides ?page=.
    carried = filter_query(query, filters)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "kind": kind,
            "kinds": [(slug, label) for slug, (_model, label) in KINDS.items()],
            "promoted": promoted,
            "items": results,
            "result_count": (results.paginator.count if results else 0) + len(promoted),
            "carried_query": carried,
            "suggestion": suggestion,
            "suggestion_query": filter_query(suggestion, filters),
            "facet_groups": facet_groups,
        },
    )


def filter_query(query: str, filters) -> str:
    """`q=…&typ=…&amne=…&ar=…` with the filters that are set."""
    pairs = (("q", query), ("typ", filters.kind), ("amne", filters.topic), ("ar", filters.year))
    return urlencode({key: value for key, value in pairs if value})


def facet_links(query: str, filters, found) -> list[dict]:
    """The three facets as headed lists of links: each link sets its value
    (or, when it is the active one, takes it away) and keeps the rest."""

    def link(field, value, label, count):
        active = getattr(filters, field) == value
        changed = filters._replace(
            **{field: None if field == "year" and active else ("" if active else value)}
        )
        return {
            "label": label,
            "count": count,
            "active": active,
            "url": "?" + filter_query(query, changed),
        }

    groups = [
        (_("Kind"), "kind", [link("kind", slug, label, n) for slug, label, n in found.kinds]),
        (_("Topic"), "topic", [link("topic", slug, name, n) for slug, name, n in found.topics]),
        (_("Year"), "year", [link("year", year, str(year), n) for year, n in found.years]),
    ]
    return [
        {
            "heading": heading,
            "slug": slug,
            "links": links,
            "remove": "?"
            + filter_query(query, filters._replace(**{slug: None if slug == "year" else ""}))
            if getattr(filters, slug)
            else "",
        }
        for heading, slug, links in groups
        if links
    ]
