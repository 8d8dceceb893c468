"""How the "Läs mer" cards of a page are chosen.

Editor-picked links come first in their order (at most six). When there are
fewer than three, the list is topped up from pages sharing the most topics,
then with the newest pages of the same kind. Never the page itself, never an
invisible page, never the same page twice.
"""

from django.db.models import Count, Exists, OuterRef

from wagtail.models import Page

from core.cards import CardList, load_cards
from core.kinds import dated_models, newest_first
from core.queries import visible_pages
from fastpath import fragments

MAX_LINKS = 6
MIN_LINKS = 3


def _topic_ids(page) -> list[int]:
    return [tag.pk for tag in getattr(page, "topic_list", [])]


# How many of a ranking to keep: enough for MIN_LINKS after dropping the page
# itself and its picked links, whatever they are.
RANKED = MAX_LINKS + MIN_LINKS + 1


def _ranked(request, key: tuple, queryset, exclude: set[int], limit: int) -> list[int]:
    """The first `limit` ids of the ordered `queryset` not in `exclude`.

    The ranking does not depend on the page asking (only on its topics or
    kind), so its head is kept per content version and shared by every page
    with the same topics or of the same kind (fastpath.fragments); `exclude`
    is applied to it afterwards, which gives what excluding in SQL would.
    """
    head = fragments.remember(
        request, key, lambda: list(queryset.values_list("id", flat=True)[:RANKED]), size=200
    )
    return [pid for pid in head if pid not in exclude][:limit]


def _shared_topic_ids(page, exclude: set[int], limit: int, request=None) -> list[int]:
    topic_ids = sorted(set(_topic_ids(page)))
    if not topic_ids:
        return []
    queryset = (
        visible_pages(Page.objects.type(*dated_models()))
        .filter(topic_items__tag_id__in=topic_ids)
        .annotate(shared=Count("topic_items"))
        .order_by("-shared", *newest_first())
    )
    return _ranked(request, ("shared-topics", *topic_ids), queryset, exclude, limit)


def _newest_of_kind(page, exclude: set[int], limit: int, request=None) -> list[int]:
    kind = type(page)
    queryset = visible_pages(Page.objects.type(kind)).order_by(*newest_first())
    return _ranked(request, ("newest-of-kind", kind._meta.label), queryset, exclude, limit)


def _picked_ids(page) -> list[int]:
    """Editor-picked targets that are visible, in the editor's order."""
    if "read_more_links" in getattr(page, "_cluster_related_objects", {}):
        # A preview or revision: the links live in memory, not yet in the database.
        picked = [link.target_id for link in page.read_more_links.all() if link.target_id]
        picked = [pid for pid in dict.fromkeys(picked) if pid != page.pk][:MAX_LINKS]
        if not picked:
            return []
        visible = set(
            visible_pages(Page.objects.filter(id__in=picked)).values_list("id", flat=True)
        )
        return [pid for pid in picked if pid in visible]
    if not page.pk:
        return []
    # Saved links and their targets' visibility in one query.
    targets = visible_pages(Page.objects.filter(id=OuterRef("target_id")))
    rows = list(
        page.read_more_links.all()
        .annotate(visible=Exists(targets))
        .order_by("sort_order", "id")
        .values_list("target_id", "visible")
    )
    picked = [pid for pid, _ in rows if pid != page.pk]
    picked = list(dict.fromkeys(picked))[:MAX_LINKS]
    visible = {pid for pid, ok in rows if ok}
    return [pid for pid in picked if pid in visible]


def read_more_ids(page, request=None) -> list[int]:
    """The ids of the cards to show, in order (before the final visibility check)."""
    picked = _picked_ids(page)

    if len(picked) < MIN_LINKS:
        exclude = set(picked)
        if page.pk:
            exclude.add(page.pk)
        missing = MIN_LINKS - len(picked)
        extra = _shared_topic_ids(page, exclude, missing, request)
        exclude.update(extra)
        if len(extra) < missing:
            extra += _newest_of_kind(page, exclude, missing - len(extra), request)
        picked += extra
    return picked


def read_more_for(page) -> list[Page]:
    """The pages of `page`'s "Läs mer" strip."""
    return load_cards(read_more_ids(page))


def read_more_cards(page, request=None) -> CardList:
    """The cards of `page`'s "Läs mer" strip.

    Which pages they are is remembered per content version for a published
    page (fastpath.fragments), never for one whose links or topics are in
    memory (a preview or a revision).
    """
    if fragments.stored(page):
        ids = fragments.remember(
            request, ("read-more", page.pk), lambda: read_more_ids(page, request), size=64
        )
    else:
        ids = read_more_ids(page, request)
    return CardList(ids)
