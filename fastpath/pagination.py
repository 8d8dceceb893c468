"""Pages of a listing whose cost does not grow with the archive.

Django's paginator counts the whole listing (`COUNT(*)`) and then has the
database walk past every earlier row (`OFFSET`) on each request: with 50,000
articles that is most of a listing's time, and a page deep in the archive
costs several times the first one.

Here the listing's ordered ids are looked up once per content version in each
process (one query, kept as a compact `array`: 4 bytes an id, 200 KB for
50,000) and every page after that is a slice of them: the count is their
length, and only the page's own rows are loaded (by primary key). Publishing,
unpublishing, moving or restricting a page bumps the content version, and so
does an expiry time passing, so a listing is never staler than the page cache
would be. The ids live in `fastpath.fragments`, within its bound (least
recently used go first): off in previews and with `LSV_FRAGMENT_MEMO=false`;
then, or without a key, pages come from Django's paginator as before.
"""

from array import array
from collections.abc import Callable, Hashable, Sequence

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.db.models.query import FlatValuesListIterable, ModelIterable
from django.utils.functional import cached_property

from fastpath import fragments


class IdsPaginator(Paginator):
    """A paginator over a listing's ordered ids; a page loads only its rows."""

    def __init__(self, ids: Sequence[int], per_page: int, load: Callable[[Sequence[int]], list]):
        super().__init__(ids, per_page)
        self._load = load

    @cached_property
    def count(self) -> int:
        return len(self.object_list)

    def _get_page(self, ids, number, paginator):
        return Page(self._load(ids), number, paginator)


def page_of(
    queryset: QuerySet,
    number: int,
    per_page: int,
    *,
    request=None,
    key: Hashable | None = None,
) -> Page:
    """Page `number` (1-based; too large gives the last page) of the ordered
    `queryset`, as `Paginator(queryset, per_page).get_page(number)` would give
    it: its `object_list` holds what the queryset yields (model instances, or
    ids for a `values_list("id", flat=True)`), in the same order.

    `key` names the listing for the per-version memo: two calls with the same
    key must pass querysets that select the same rows in the same order. With
    `key` or `request` left out, or the memo off for `request`, nothing is
    remembered.
    """
    load = _loader(queryset)
    if key is None or load is None or not fragments.enabled(request):
        return Paginator(queryset, per_page).get_page(number)

    # An expiry time that has passed bumps the content version (the middleware
    # checks on every request; this makes the memo right without it too).
    from fastpath.page_cache import expired_version_check

    expired_version_check()
    ids = fragments.remember(
        request, ("listing-ids", key), lambda: _ordered_ids(queryset), size=_size
    )
    return IdsPaginator(ids, per_page, load).get_page(number)


def _ordered_ids(queryset: QuerySet) -> Sequence:
    ids = list(queryset.values_list("pk", flat=True))
    for typecode in ("i", "q"):  # 4 bytes an id while they fit, else 8
        try:
            return array(typecode, ids)
        except (OverflowError, TypeError):
            continue
    return tuple(ids)  # not integers


def _size(ids: Sequence) -> int:
    return getattr(ids, "itemsize", 64) * len(ids) + 64


def _loader(queryset: QuerySet) -> Callable[[Sequence[int]], list] | None:
    """How to turn a page's ids into what `queryset` yields for them, or
    None when that is not known (values(), other columns): no memo then."""
    if queryset._iterable_class is FlatValuesListIterable and _is_pk(queryset):
        return list
    if queryset._iterable_class is not ModelIterable:
        return None

    def load(ids: Sequence[int]) -> list:
        if not ids:
            return []
        found = {obj.pk: obj for obj in queryset.filter(pk__in=list(ids)).order_by()}
        return [found[pk] for pk in ids if pk in found]

    return load


def _is_pk(queryset: QuerySet) -> bool:
    """Whether a flat values_list yields the primary key (`pk`, or `id` of a
    multi-table child, which is its parent's primary key)."""
    fields = queryset._fields
    if len(fields) != 1:
        return False
    meta = queryset.model._meta
    if fields[0] == "pk":
        return True
    try:
        field = meta.get_field(fields[0])
    except FieldDoesNotExist:
        return False
    return field.primary_key and (field is meta.pk or field.model in meta.get_parent_list())


def paginate(request, queryset: QuerySet, *, key: Hashable | None) -> Page:
    """The page of `queryset` that `?page=` asks for, `LSV_LISTING_PAGE_SIZE`
    to a page. PageNumberMiddleware has redirected junk already; a number past
    the last page raises PageOutOfRange, which redirects to the last one. `key`
    as for `page_of` (None: other query parameters might filter the listing)."""
    from django.conf import settings

    from fastpath.page_numbers import PageOutOfRange, canonical_number, mark_paginated

    mark_paginated(request)
    number = canonical_number(request.GET.getlist("page")) or 1
    page = page_of(queryset, number, settings.LSV_LISTING_PAGE_SIZE, request=request, key=key)
    if page.number != number:
        raise PageOutOfRange(page.number)
    return page
