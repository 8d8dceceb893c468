import time

from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Runs Wagtail's publish_scheduled every minute, so go-live and expiry "
        "times take effect without cron (used by `make run` and docker-compose)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=60, help="Seconds between runs.")
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval: int, once: bool, **options):
        while True:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            if once:
                return
            time.sleep(interval)
