from django.core.management import call_command
from django.core.management.base import BaseCommand

from ops.periodic import ensure_scheduled


class Command(BaseCommand):
    help = (
        "Queues the first run of each periodic task (LSV_PERIODIC_TASKS: Wagtail's "
        "publish_scheduled, the e-mail digest check) for the task queue's worker, "
        "`manage.py db_worker --backend queue`; each run queues the next. Safe to "
        "run before every worker starts. --once runs publish_scheduled here instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run publish_scheduled now, in this process."
        )

    def handle(self, *args, once: bool, **options):
        if once:
            call_command("publish_scheduled", stdout=self.stdout, stderr=self.stderr)
            return
        queued = ensure_scheduled()
        if options["verbosity"] > 1:
            self.stdout.write(f"Queued: {', '.join(queued) or 'nothing (already waiting)'}")
