from django.core.files.storage import FileSystemStorage, storages
from django.core.management.base import BaseCommand, CommandError

from ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Writes the database (pg_dump, or a SQLite copy) and every file under "
        "MEDIA_ROOT into one archive. Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "destination",
            nargs="?",
            default=".",
            help="Archive to write, or a directory (existing, or ending in /) for "
            "lsv-backup-<date>-<time>.tar (default: the current directory).",
        )

    def handle(self, *args, destination, **options):
        try:
            path = create_backup(destination)
        except BackupError as error:
            raise CommandError(str(error)) from error
        size = path.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backup written: {path} ({size:.1f} MB)"))
        if not isinstance(storages["default"], FileSystemStorage):
            # The archive's media are MEDIA_ROOT's; uploads elsewhere are not in it.
            self.stderr.write(
                self.style.WARNING(
                    "Uploaded media are in object storage, not in this archive: "
                    "back the bucket up on its own (versioning or replication)."
                )
            )
