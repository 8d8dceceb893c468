"""Which pages a visitor may see, in one place."""

from django.db.models import Q
from django.utils import timezone

from wagtail.models import PageViewRestriction
from wagtail.query import PageQuerySet

from pagecache import memo


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (they and their
    descendants are private). Looked up once per content version rather than
    once per queryset, as Wagtail's `.public()` does."""
    return memo.per_version(
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

    return memo.per_version(
        "alias-paths",
        lambda: tuple(Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)),
    )


def news_index_url() -> str | None:
    """Where topic links point when a page is not under the news listing."""

    def find():
        from news.models import NewsIndexPage

        index = NewsIndexPage.objects.live().first()
        return index.url if index else None

    return memo.per_version("news-index-url", find)
