from django.core.management.base import BaseCommand

from wagtail.documents import get_document_model

from search.document_text import refresh_document_text


class Command(BaseCommand):
    help = (
        "Extracts the text of PDFs that have none yet (documents uploaded before "
        "extraction existed) and re-indexes the white papers using them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Extract every PDF again.")

    def handle(self, *args, **options):
        documents = get_document_model().objects.filter(file__iendswith=".pdf")
        if not options["all"]:
            documents = documents.filter(text_status="")
        changed = sum(refresh_document_text(document) for document in documents.iterator())
        self.stdout.write(f"Document text: {changed} updated.")
