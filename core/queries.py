"""Which pages a visitor may see, in one place."""

from datetime import datetime

from django.db.models import Exists, OuterRef, Q, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from fastpath import version


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (they and their
    descendants are private). Looked up once per content version rather than
    once per queryset, as Wagtail's `.public()` does."""
    return version.per_version(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def private_q() -> Q:
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q


def visible_pages(queryset: PageQuerySet) -> PageQuerySet:
    """Live, public and not past their expiry time.

    Wagtail unpublishes expired pages only when `publish_scheduled` runs; the
    expiry filter keeps them out in the minute before it does.
    """
    queryset = queryset.live().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    private = private_q()
    return queryset.exclude(private) if private else queryset


def is_visible(page) -> bool:
    """What `visible_pages` says of one page already in memory, without a
    query: live, not past its expiry time, and not private."""
    if not page.live or (page.expire_at is not None and page.expire_at <= timezone.now()):
        return False
    return not any(page.path.startswith(path) for path in restricted_paths())


def view_restrictions_may_apply(page) -> bool:
    """False when no view restriction can cover `page`: none on it or an
    ancestor, and no alias on the way that could inherit one from its source."""
    restricted = restricted_paths()
    if not restricted:
        return False
    if page.alias_of_id is not None:
        return True
    if any(page.path.startswith(path) for path in restricted):
        return True
    return any(page.path.startswith(path) for path in alias_paths())


def alias_paths() -> tuple[str, ...]:
    from wagtail.models import Page

    return version.per_version(
        "alias-paths",
        lambda: tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    )


def news_index_url() -> str | None:
    """Where topic links point when a page is not under the news listing."""

    def find():
        from core.kinds import topic_listing_model

        index = topic_listing_model().objects.live().first()
        return index.url if index else None

    return version.per_version("news-index-url", find)


def visibility_q() -> Q:
    """The condition of `visible_pages` as one Q without a query of its own:
    private sections are excluded by a subquery (a restriction on the page or
    on any ancestor, whose path is a prefix of the page's), so a view can
    filter several querysets with it at no extra cost."""
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return (
        Q(live=True)
        & ~Exists(restricted)
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    )


def with_visibility_change(queryset: PageQuerySet) -> PageQuerySet:
    """Annotate each page with when the set of visible pages last changed
    anywhere on the site (read it with `visibility_changed`): the newest entry
    in Wagtail's log (publish, unpublish, delete, move, privacy) and the newest
    expiry that has passed.

    An annotation rather than a query of its own, so that a view that looks up
    a page anyway (a feed's listing or person) gets it for free. Feeds use it
    for Last-Modified: a page leaving a feed changes no remaining item's date.
    """
    from wagtail.models import Page, PageLogEntry

    logged = PageLogEntry.objects.order_by("-timestamp").values("timestamp")[:1]
    expired = (
        Page.objects.filter(expire_at__lte=timezone.now())
        .order_by("-expire_at")
        .values("expire_at")[:1]
    )
    return queryset.annotate(site_last_logged=Subquery(logged), site_last_expired=Subquery(expired))


def visibility_changed(page) -> datetime | None:
    """The moment `with_visibility_change` found, or None."""
    found = (getattr(page, "site_last_logged", None), getattr(page, "site_last_expired", None))
    return max((d for d in found if d is not None), default=None)


def latest_visibility_change() -> datetime | None:
    """`with_visibility_change` on the root page, for views with no page at hand.

    Every change it can see bumps the content version, so it is looked up once
    per version and process."""
    from wagtail.models import Page

    return version.per_version(
        "latest-visibility-change",
        lambda: visibility_changed(with_visibility_change(Page.objects.filter(depth=1)).first()),
    )
