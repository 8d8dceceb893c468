"""Bump the content version whenever anything a visitor sees may have changed.

Simplest correct strategy: one site-wide version, so a publish anywhere makes
every cached page (a read-more card elsewhere, a listing, the feed) fresh on
the next request. Saves that only touch drafts do not bump it: every bump
empties every cache, and editors' autosaves would otherwise do it each second.

This module knows no content model of the site's own: a model whose rows
appear on public pages only through one page (authors, topics, read-more
links) says so with `shown_with_page = "<its page field>"`, and a model
shown on every page (a site setting such as the footer) with
`shown_on_every_page = True`.
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
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from fastpath import version
from ops.signals import site_restored

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
        # Comments on a revision (save_revision always names the relation).
        COMMENTS_RELATION_NAME,
    }
)


def _bump(**kwargs) -> None:
    version.bump()


page_published.connect(_bump, dispatch_uid="fastpath-published")
site_restored.connect(_bump, dispatch_uid="fastpath-restored")
page_unpublished.connect(_bump, dispatch_uid="fastpath-unpublished")
post_page_move.connect(_bump, dispatch_uid="fastpath-moved")


@functools.cache
def _library_models() -> frozenset:
    """Wagtail's and taggit's models whose rows show up on public pages."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return frozenset(
        {
            get_image_model(),
            get_document_model(),
            PageViewRestriction,
            CollectionViewRestriction,
            Site,
            Tag,
        }
    )


@functools.cache
def _unused_when_new() -> frozenset:
    """Rows born unused: nothing public shows a new topic, image or document
    until a page that uses it is published (which changes the version itself)."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return frozenset({Tag, get_image_model(), get_document_model()})


def _page_of(sender, instance) -> int | None | bool:
    """For a model that declares `shown_with_page` (the name of its page
    field), that page's id; False for any other model."""
    field = getattr(sender, "shown_with_page", None)
    if field is None:
        return False
    return getattr(instance, f"{field}_id", None)


def _page_is_live(page_id) -> bool:
    return page_id is not None and Page.objects.filter(pk=page_id, live=True).exists()


def _row_is_visible(sender, instance, created: bool = False) -> bool:
    """Whether a row other than a page shows on public pages: the rows of a
    page (authors, topics, read-more links, picks) while that page is live;
    images, documents, restrictions, sites and topics (a new topic, image or
    document only once a published page uses it)."""
    page_id = _page_of(sender, instance)
    if page_id is not False:
        return _page_is_live(page_id)
    if getattr(sender, "shown_on_every_page", False):
        # Site-wide settings (the footer): on every page. A new row holds the
        # defaults a missing one stood for, so only a change counts.
        return not created
    return sender in _library_models() and not (created and sender in _unused_when_new())


@receiver(post_save, dispatch_uid="fastpath-saved")
def _saved(sender, instance, created=False, update_fields=None, **kwargs):
    if isinstance(instance, Page):
        # A page that is not live is a draft (unpublishing and deleting change
        # the version through their own signals): what visitors see is the
        # same however often an editor saves it, autosave included.
        if not instance.live:
            return
        if update_fields and DRAFT_ONLY_FIELDS.issuperset(update_fields):
            return
        version.bump()
        return
    if _row_is_visible(sender, instance, created):
        version.bump()


@receiver(post_delete, dispatch_uid="fastpath-deleted")
def _deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        version.bump()
        return
    if _row_is_visible(sender, instance):
        version.bump()


@receiver(m2m_changed, dispatch_uid="fastpath-m2m")
def _m2m(sender, instance, action, **kwargs):
    # Group restrictions change through their many-to-many table.
    if action.startswith("post_") and isinstance(
        instance, PageViewRestriction | CollectionViewRestriction
    ):
        version.bump()
