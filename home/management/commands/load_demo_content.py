from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Builds the Swedish demo site (safe to run again: existing pages are kept)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin",
            action="store_true",
            help="Do not create the development superuser admin/admin.",
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            created = DemoBuilder(log=self.stdout.write).build()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({len(created)} new pages)."))
        User = get_user_model()
        # Only on a development machine: a known password has no place in production.
        if (
            settings.DEBUG
            and not options["no_admin"]
            and not User.objects.filter(is_superuser=True).exists()
        ):
            User.objects.create_superuser("admin", "admin@example.org", "admin")
            self.stdout.write("Development superuser: admin / admin (http://127.0.0.1:8000/admin/)")
