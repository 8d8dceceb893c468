from django.core.management.base import BaseCommand

from search import entries


class Command(BaseCommand):
    help = (
        "Writes the search entries (PostgreSQL) of pages that have none; with --all, "
        "of every page, as after changing a model's search_fields."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Rewrite every entry.")

    def handle(self, *args, **options):
        if not entries.enabled():
            self.stdout.write("Search entries: not used on this database (Wagtail's index is).")
            return
        written = entries.update_entries(everything=options["all"])
        self.stdout.write(f"Search entries: {written} written.")
