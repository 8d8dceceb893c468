"""One URL per page of a listing: `?page=` is absent or a plain number from 2.

Junk (`?page=abc`, `0`, `02`, a repeated parameter) and `?page=1` answer with
a permanent redirect to the canonical URL; a number past the last page with a
temporary one to the last page (it may exist tomorrow); `?page=` on a view
that does not paginate (an article, a feed) with a redirect to the URL without
it. So each listing page has one URL for visitors and crawlers, and nobody
can fill the page cache with copies of one page under endless URLs: only
canonical URLs ever answer 200.
"""

import re
from urllib.parse import urlencode

from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect

PARAM = "page"
# Six digits: a million pages of twelve cards is far past any listing.
_NUMBER = re.compile(r"[0-9]{1,6}", re.ASCII)


class PageOutOfRange(Exception):
    """Raised by a paginating view for a number past its last page."""

    def __init__(self, last: int):
        super().__init__(last)
        self.last = last


def mark_paginated(request) -> None:
    """A view says it reads `?page=` (anything else gets redirected without it)."""
    request.lsv_paginated = True


def with_page(request, number: int | None) -> str:
    """The request's path and query with `page` set to `number` (None or 1: no page)."""
    query = [(k, v) for k, values in request.GET.lists() for v in values if k != PARAM]
    if number is not None and number > 1:
        query.append((PARAM, str(number)))
    return request.path + (f"?{urlencode(query)}" if query else "")


def canonical_number(values: list[str]) -> int | None:
    """The page a list of `page` values stands for: None for junk or 1."""
    if not values or not _NUMBER.fullmatch(values[0]):
        return None
    number = int(values[0])
    return number if number > 1 else None


class PageNumberMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        values = request.GET.getlist(PARAM)
        if not values or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        number = canonical_number(values)
        if number is None or len(values) > 1 or values[0] != str(number):
            return HttpResponsePermanentRedirect(with_page(request, number))
        response = self.get_response(request)
        if response.status_code == 200 and not getattr(request, "lsv_paginated", False):
            return HttpResponsePermanentRedirect(with_page(request, None))
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, PageOutOfRange):
            return HttpResponseRedirect(with_page(request, exception.last))
        return None
