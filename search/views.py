from urllib.parse import urlencode

from django.conf import settings
from django.template.response import TemplateResponse

from fastpath.page_numbers import mark_paginated
from fastpath.routing import find_site
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
    kind = request.GET.get("typ", "")
    if kind not in KINDS:
        kind = ""
    terms = search_terms(query)
    first_page = request.GET.get("page") in (None, "", "1")
    promoted, results, suggestion = [], None, ""
    if terms:
        # Promotions lead the first page and are not repeated below them.
        promoted = promoted_pages(query) if first_page and not kind else []
        results = search(
            terms,
            kind,
            exclude_ids=[p.id for p in promoted],
            page_size=settings.LSV_LISTING_PAGE_SIZE,
            page=request.GET.get("page"),
        )
        found = results.paginator.count + len(promoted)
        if first_page:
            log_search(query, found)
        if first_page and found < FEW_RESULTS:
            suggestion = suggest(terms)
            if suggestion and match_count(suggestion, kind) <= found:
                suggestion = ""
    # What pagination links must carry besides ?page=.
    carried = urlencode({k: v for k, v in (("q", query), ("typ", kind)) if v})
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
            "suggestion_query": urlencode({"q": suggestion, **({"typ": kind} if kind else {})}),
        },
    )
