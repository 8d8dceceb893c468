from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restores an archive written by backup_site into this instance's database "
        "and MEDIA_ROOT. Both must be empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="A file written by backup_site.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace everything in the database and MEDIA_ROOT (it is lost).",
        )

    def handle(self, *args, archive, force, **options):
        try:
            summary = restore_backup(Path(archive), force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary.pages} pages and {summary.media_files} media files."
            )
        )
        if summary.pending_migrations:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup predates {summary.pending_migrations} migrations of this "
                    "code: run `manage.py migrate` before serving it."
                )
            )
