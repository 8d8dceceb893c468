"""Upload checks beyond Wagtail's extension list and size limit.

Wagtail accepts a document by its name alone, so an HTML page renamed
"rapport.pdf" would be stored and served. Here a document's first bytes must
match what its extension promises. Images need nothing extra: Wagtail already
opens every image to check its format and pixel count (WAGTAILIMAGES_*).
"""

import os

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from ops.published_media import REPLACE_REFUSED, may_replace_or_delete

ZIP = (b"PK\x03\x04",)
SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    # Office Open XML and OpenDocument files are zip archives.
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "odp": ZIP,
}
TEXT_EXTENSIONS = {"csv", "txt"}
# Markup a browser might render if it ever ignored the served type.
MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<iframe", b"<?xml")
SNIFF_BYTES = 4096


def document_content_error(name: str, head: bytes) -> str | None:
    """Why the file's content does not fit its name, or None if it does."""
    extension = os.path.splitext(name)[1].lower().lstrip(".")
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            return _("The file's content is not a %(extension)s file.") % {
                "extension": extension.upper()
            }
    elif extension in TEXT_EXTENSIONS:
        lowered = head.lower()
        if b"\x00" in head or any(tag in lowered for tag in MARKUP):
            return _("A text file may not contain binary data or web page markup.")
    return None


class PublishedFileMixin:
    """Only the publisher group may replace the file of one a live page uses
    (ops.published_media); everyone may still edit its title and tags."""

    def __init__(self, *args, **kwargs):
        self.editing_user = kwargs.get("user")
        super().__init__(*args, **kwargs)
        if "file" in self.fields and self.file_is_protected():
            self.fields["file"].help_text = _(
                "Used on published pages: only an Ansvarig utgivare may replace the file."
            )

    def file_is_protected(self) -> bool:
        # Without a user (code, not a request) nobody is being checked.
        if not self.instance.pk or self.editing_user is None:
            return False
        if not hasattr(self, "_file_is_protected"):
            self._file_is_protected = not may_replace_or_delete(self.editing_user, self.instance)
        return self._file_is_protected

    def check_replacement(self):
        if "file" in self.changed_data and self.file_is_protected():
            raise forms.ValidationError(REPLACE_REFUSED, code="published_file")


class ImageForm(PublishedFileMixin, BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        self.check_replacement()
        return upload


class DocumentForm(PublishedFileMixin, BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE), single and bulk upload."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        self.check_replacement()
        if upload and "file" in self.changed_data:
            upload.seek(0)
            head = upload.read(SNIFF_BYTES)
            upload.seek(0)
            error = document_content_error(upload.name, head)
            if error:
                raise forms.ValidationError(error, code="content_mismatch")
        return upload
