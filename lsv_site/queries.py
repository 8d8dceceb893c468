"""Which pages a visitor may see, in one place."""

from django.db.models import Q
from django.utils import timezone

from wagtail.query import PageQuerySet


def visible_pages(queryset: PageQuerySet) -> PageQuerySet:
    """Live, public and not past their expiry time.

    Wagtail unpublishes expired pages only when `publish_scheduled` runs; the
    expiry filter keeps them out in the minute before it does.
    """
    return (
        queryset.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    )
