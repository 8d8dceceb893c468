"""manage.py import_wordpress EXPORT.xml [--media DIR | --media-url URL] [--dry-run]"""

import sys

from django.core.management.base import BaseCommand, CommandError

from wordpress_import import wxr
from wordpress_import.importer import Importer, ImportFailed


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR, Tools → Export): posts, pages, authors, tags, "
        "images and documents, with 301 redirects from every old address. Safe to run "
        "again: what was imported before is updated, never duplicated."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the XML file WordPress exported")
        media = parser.add_mutually_exclusive_group()
        media.add_argument("--media", metavar="DIR", help="a copy of wp-content/uploads")
        media.add_argument(
            "--media-url",
            metavar="URL",
            help="where the uploads can be fetched, e.g. https://old.example/wp-content/uploads/",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="change nothing; print what would happen"
        )

    def handle(self, *args, export, media, media_url, dry_run, verbosity, **options):
        show_progress = verbosity > 0 and sys.stderr.isatty()

        def progress(phase: str, done: int, total: int) -> None:
            if show_progress and (done == total or done % 20 == 0):
                end = "\n" if done == total else ""
                self.stderr.write(f"\r{phase}: {done}/{total}", ending=end)

        importer = Importer(export, media, media_url, dry_run=dry_run, progress=progress)
        try:
            report = importer.run()
        except (ImportFailed, wxr.WxrError) as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self.stdout.write("Provkörning (--dry-run): ingenting ändrades.")
        for wp_id, message in report.warnings:
            self.stdout.write(f"varning, WordPress-ID {wp_id}: {message}")
        for wp_id, message in report.errors:
            self.stderr.write(f"fel, WordPress-ID {wp_id} överhoppad: {message}")
        self.stdout.write(report.table())
