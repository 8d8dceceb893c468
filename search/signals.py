"""Extract a document's text when it is saved with a new file; keep search
entries in step with the pages they describe."""

from django.db import connection
from django.db.models.signals import post_delete, post_init, post_migrate, post_save, pre_delete
from django.dispatch import receiver

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished, post_page_move

from core.models import PageTopic
from fastpath import version
from fastpath.invalidation import DRAFT_ONLY_FIELDS
from people.models import Authorship, PersonPage
from search import entries
from search.document_text import pages_using, refresh_document_text, reindex_pages
from search.kinds import KINDS
from search.models import SearchEntry

Document = get_document_model()


@receiver(post_init, sender=Document)
def remember_file(sender, instance, **kwargs):
    instance._text_source = instance.file.name if instance.file else ""


@receiver(post_save, sender=Document)
def extract_text(sender, instance, created, raw=False, **kwargs):
    if raw:  # fixtures carry their own extracted text
        return
    file_name = instance.file.name if instance.file else ""
    # Title or collection edits keep the file: no need to read it again.
    if created or not instance.text_status or file_name != instance._text_source:
        refresh_document_text(instance)
    instance._text_source = file_name


@receiver(pre_delete, sender=Document)
def remember_pages_using(sender, instance, **kwargs):
    instance._pages_using = list(pages_using(instance).values_list("id", flat=True))


@receiver(post_delete, sender=Document)
def reindex_pages_that_used(sender, instance, **kwargs):
    # Their `pdf` was set to NULL in SQL, without a save of their own, and
    # the PDF's text must leave the index with it.
    from whitepapers.models import WhitePaperPage

    reindex_pages(WhitePaperPage.objects.filter(id__in=getattr(instance, "_pages_using", [])))


def update_search_entry(sender, instance, raw=False, update_fields=None, **kwargs):
    # A page row holds the live content (or a never-published draft's);
    # saving a draft of a live page only touches bookkeeping fields.
    if raw or not entries.enabled():
        return
    if update_fields is not None:
        if DRAFT_ONLY_FIELDS.issuperset(update_fields):
            return
        # The instance may carry unsaved edits in the fields not written.
        instance = sender.get_indexed_objects().get(pk=instance.pk)
    entries.write_entries([instance])


for _model, _label in KINDS.values():
    post_save.connect(update_search_entry, sender=_model, dispatch_uid=f"search-entry-{_model}")


def rewrite_entries_of(page_ids) -> None:
    """Rewrite the entries of these pages where they have one (live pages of
    the searched kinds), from what is in the database now."""
    if not entries.enabled():
        return
    ids = SearchEntry.objects.filter(page_id__in=list(page_ids)).values_list("page_id", flat=True)
    ids = list(ids)
    for model, _label in KINDS.values():
        if ids:
            entries.write_entries(model.get_indexed_objects().filter(id__in=ids, live=True))


# Topic and author names are part of an entry. A page's topics and authors
# are saved after the page itself (modelcluster commits them after its own
# save, one row at a time), so each row rewrites its page's entry; the last
# one leaves it right.
@receiver(post_save, sender=PageTopic, dispatch_uid="search-entry-topic-saved")
@receiver(post_delete, sender=PageTopic, dispatch_uid="search-entry-topic-deleted")
def topic_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        rewrite_entries_of([instance.content_object_id])


@receiver(post_save, sender=Authorship, dispatch_uid="search-entry-authorship-saved")
@receiver(post_delete, sender=Authorship, dispatch_uid="search-entry-authorship-deleted")
def authorship_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        rewrite_entries_of([instance.page_id])


@receiver(post_save, sender=PageTopic.tag.field.related_model, dispatch_uid="search-topic-renamed")
def topic_renamed(sender, instance, created, raw=False, **kwargs):
    if not raw and not created:
        rewrite_entries_of(
            PageTopic.objects.filter(tag=instance).values_list("content_object_id", flat=True)
        )


@receiver(post_save, sender=PersonPage, dispatch_uid="search-entry-author-renamed")
def author_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    # A person's name (or whether it is live) shows in the entries of what
    # they wrote. Drafts of a live person only touch bookkeeping fields.
    if raw or (update_fields is not None and DRAFT_ONLY_FIELDS.issuperset(update_fields)):
        return
    rewrite_entries_of(Authorship.objects.filter(person=instance).values_list("page_id", flat=True))


@receiver(page_unpublished, dispatch_uid="search-entry-unpublished")
def remove_search_entry(sender, instance, **kwargs):
    # Unpublishing may save a plain Page (the scheduler's expiry does), which
    # the post_save receivers above do not hear; this signal always comes.
    entries.remove_entry(instance.pk)


@receiver(post_page_move, dispatch_uid="search-entry-moved")
def refresh_search_entry_paths(sender, instance, **kwargs):
    entries.refresh_paths(instance)


@receiver(post_save, sender=SearchPromotion, dispatch_uid="search-promotion-saved")
@receiver(post_delete, sender=SearchPromotion, dispatch_uid="search-promotion-deleted")
def forget_promoted_queries(sender, **kwargs):
    # `search.results.promoted_picks` is remembered per content version.
    version.bump()


@receiver(post_migrate, dispatch_uid="search-entry-migrated")
def add_missing_entries(sender, app_config=None, **kwargs):
    # Once per migrate, for pages from before entries existed; nothing to do
    # after that, or when migrating back past the table.
    if app_config is None or app_config.name != "search" or not entries.enabled():
        return
    if SearchEntry._meta.db_table in connection.introspection.table_names():
        entries.update_entries()
