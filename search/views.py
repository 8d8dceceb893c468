import re
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from wagtail.models import Page

from core.queries import visible_pages
from fastpath.page_numbers import mark_paginated
from fastpath.routing import find_site
from search.facets import apply_operators, facets, parse_filters
from search.kinds import KINDS
from search.query import clean_query, phrases, search_terms, split_operators
from search.results import log_click, log_search, match_count, promoted_pages, search
from search.suggest import FEW_RESULTS, suggest


def search_view(request):
    # The remembered site lookup, so the header, footer and card links do not
    # each ask the database (Wagtail's own lookup is per request).
    find_site(request)
    mark_paginated(request)
    typed = clean_query(request.GET.get("q", ""))
    # `typ:`, `ämne:` and `år:` in the query become the filters' parameters;
    # with a value that is none, the page says so and searches the rest.
    query, operators = split_operators(typed)
    filters, problems = apply_operators(operators, parse_filters(request.GET))
    if operators and not problems:
        return HttpResponseRedirect(reverse("search") + "?" + filter_query(query, filters))
    kind = filters.kind
    narrowed = {"topic": filters.topic, "year": filters.year}
    terms = search_terms(query)
    quoted = phrases(query)
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
            phrases=quoted,
            **narrowed,
        )
        found = results.paginator.count + len(promoted)
        if first_page:
            log_search(query, found)
        if first_page and found < FEW_RESULTS:
            suggestion = suggest(terms)
            if suggestion and match_count(suggestion, kind, **narrowed) <= found:
                suggestion = ""
        # Nothing matched, unfiltered and unpromoted: every facet would be empty.
        if results.paginator.count or promoted or any(filters):
            facet_groups = facet_links(query, filters, facets(terms, filters, quoted))
        # Result links count a click for this query on the way (search_click).
        for card in [*promoted, *results.object_list]:
            card.search_click_url = click_url(query, card.pk)
    # What pagination links must carry besides ?page=.
    carried = filter_query(query, filters)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            # The box shows what was typed, so a wrong operator can be put right.
            "search_query": typed,
            "query_problems": problems,
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


def click_url(query: str, page_id: int) -> str:
    return reverse("search_click") + "?" + urlencode({"q": query, "till": page_id})


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


# Crawlers and link checkers that follow links: their visits are no reader's
# choice. Not exhaustive; robots.txt keeps polite crawlers out of /sok/ anyway.
_BOT = re.compile(r"bot|crawl|spider|slurp|preview|monitor|check|fetch|curl|wget|python", re.I)


@never_cache
@require_safe
def search_click(request):
    """A result's link: counts a click for the query, then sends the visitor
    to the page. Only ever to a visible page's own URL, found by its id; any
    other `till` goes back to the search."""
    # The remembered site lookup, for the page's URL (as in search_view).
    find_site(request)
    query = clean_query(request.GET.get("q", ""))
    target = request.GET.get("till", "")
    page = None
    if target.isascii() and target.isdigit() and len(target) <= 10:
        page = visible_pages(Page.objects.filter(id=int(target))).first()
    url = page.get_url(request) if page else None
    if not url:
        return HttpResponseRedirect(
            reverse("search") + ("?" + urlencode({"q": query}) if query else "")
        )
    if (
        query
        and request.method == "GET"
        and not _BOT.search(request.headers.get("User-Agent", ""))
        # Link prefetching is not a click.
        and "prefetch" not in request.headers.get("Sec-Purpose", request.headers.get("Purpose", ""))
    ):
        log_click(query)
    return HttpResponseRedirect(url)
