"""Extract a document's text when it is saved with a new file."""

from django.db.models.signals import post_init, post_save
from django.dispatch import receiver

from wagtail.documents import get_document_model

from search.document_text import refresh_document_text

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
