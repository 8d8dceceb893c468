"""Keeping a document's `extracted_text` in step with its file, and the pages
that index that text in step with the document."""

import logging

from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.search import index

from search import entries
from search.pdf_text import BROKEN, extract_pdf_text

logger = logging.getLogger(__name__)


def is_pdf(document) -> bool:
    return bool(document.file) and document.file.name.lower().endswith(".pdf")


def refresh_document_text(document) -> bool:
    """Extract the text of `document` and store it; True if it changed.

    Never raises: an unreadable file is stored and flagged, not an error for
    the editor who uploaded it.
    """
    if is_pdf(document):
        try:
            with document.file.open("rb") as file:
                text, status = extract_pdf_text(file)
        except Exception:
            logger.warning("Could not open document %s", document.pk, exc_info=True)
            text, status = "", BROKEN
    else:
        text, status = "", ""
    if (text, status) == (document.extracted_text, document.text_status):
        return False
    document.extracted_text, document.text_status = text, status
    # An update, not save(): saving would send post_save and extract again.
    get_document_model().objects.filter(pk=document.pk).update(
        extracted_text=text, text_status=status
    )
    reindex_pages_using(document)
    return True


def pages_using(document):
    from whitepapers.models import WhitePaperPage

    return WhitePaperPage.objects.filter(pdf=document)


def reindex_pages_using(document) -> None:
    """White papers index their PDF's text, so they change when it does."""
    reindex_pages(pages_using(document))


def reindex_pages(pages) -> None:
    pages = list(pages.select_related("pdf"))
    for page in pages:
        try:
            index.insert_or_update_object(page)
        except Exception:
            logger.exception("Could not re-index page %s", page.pk)
    try:
        # A savepoint, so that a failure leaves the editor's transaction usable.
        with transaction.atomic():
            entries.write_entries(pages)
    except Exception:
        logger.exception("Could not update the search entries of pages %s", [p.pk for p in pages])
