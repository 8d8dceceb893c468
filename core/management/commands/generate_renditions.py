from django.core.management.base import BaseCommand

from wagtail.models import Page

from core.renditions import generate_for_page


class Command(BaseCommand):
    help = "Create every rendition the live pages' templates use (publishing does this per page)."

    def handle(self, *args, **options):
        pages = images = 0
        for page in Page.objects.live().specific().iterator(chunk_size=500):
            images += generate_for_page(page)
            pages += 1
        self.stdout.write(f"{pages} pages, {images} images checked")
