"""Bump the content version whenever anything a visitor sees may have changed.

Simplest correct strategy: one site-wide version, so a publish anywhere makes
every cached page (a read-more card elsewhere, a listing, the feed) fresh on
the next request. Saves that only touch draft bookkeeping do not bump it.
"""

import functools

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from taggit.models import Tag
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from pagecache import version

# Fields Wagtail writes when a draft is saved, locked or scheduled: the live
# page does not change.
DRAFT_ONLY_FIELDS = frozenset(
    {
        "draft_title",
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
    }
)


def _bump(**kwargs) -> None:
    version.bump()


page_published.connect(_bump, dispatch_uid="pagecache-published")
page_unpublished.connect(_bump, dispatch_uid="pagecache-unpublished")
post_page_move.connect(_bump, dispatch_uid="pagecache-moved")


@functools.cache
def _content_models() -> frozenset:
    """Models whose rows show up on public pages besides the pages themselves."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from lsv_site.models import (
        HomeNewsPick,
        HomePersonPick,
        HomeWhitePaperPick,
        PageTopic,
        ReadMoreLink,
    )
    from people.models import Authorship

    return frozenset(
        {
            get_image_model(),
            get_document_model(),
            PageViewRestriction,
            CollectionViewRestriction,
            Site,
            Tag,
            PageTopic,
            ReadMoreLink,
            Authorship,
            HomeNewsPick,
            HomeWhitePaperPick,
            HomePersonPick,
        }
    )


@receiver(post_save, dispatch_uid="pagecache-saved")
def _saved(sender, instance, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        if update_fields and DRAFT_ONLY_FIELDS.issuperset(update_fields):
            return
        version.bump()
    elif sender in _content_models():
        version.bump()


@receiver(post_delete, dispatch_uid="pagecache-deleted")
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender in _content_models():
        version.bump()


@receiver(m2m_changed, dispatch_uid="pagecache-m2m")
def _m2m(sender, instance, action, **kwargs):
    # Group restrictions change through their many-to-many table.
    if action.startswith("post_") and isinstance(
        instance, PageViewRestriction | CollectionViewRestriction
    ):
        version.bump()
