"""Extract a document's text when it is saved with a new file; keep search
entries in step with the pages they describe."""

from django.db.models.signals import post_init, post_migrate, post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model

from pagecache.signals import DRAFT_ONLY_FIELDS
from search import entries
from search.document_text import refresh_document_text
from search.results import KINDS

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


def update_search_entry(sender, instance, raw=False, update_fields=None, **kwargs):
    # A page row holds the live content (or a never-published draft's);
    # saving a draft of a live page only touches bookkeeping fields.
    if raw or not entries.enabled():
        return
    if update_fields is not None:
        if DRAFT_ONLY_FIELDS.issuperset(update_fields):
            return
        # The instance may carry unsaved edits in the fields not written.
        instance = sender.objects.get(pk=instance.pk)
    entries.write_entries([instance])


for _model, _label in KINDS.values():
    post_save.connect(update_search_entry, sender=_model, dispatch_uid=f"search-entry-{_model}")


@receiver(post_migrate)
def add_missing_entries(sender, app_config=None, **kwargs):
    # Once per migrate (the last app to migrate), for pages from before
    # entries existed; nothing to do after that.
    if app_config is not None and app_config.name == "search":
        entries.update_entries()
