"""`make bench-mail`: a weekly digest to 10,000 confirmed subscribers.

In a PostgreSQL database of its own (rebuilt): eight articles from the past
week and N subscribers to all news. A counting SMTP server on loopback
(bench/smtp_sink.py) and `--workers` (1) `manage.py db_worker --batch` as separate
processes; reports the workers' time, messages per second and peak RSS, and
checks that every subscriber got exactly one message."""

import datetime as dt
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.models import Site

from bench.database import recreate_database
from news.models import NewsArticlePage, NewsIndexPage
from subscriptions.models import Delivery, Send, Subscriber
from subscriptions.tasks import create_due_digest, last_digest_time

ROOT = Path(__file__).resolve().parents[3]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Command(BaseCommand):
    help = "Benchmark: the weekly digest to N confirmed subscribers through a local SMTP sink."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)
        parser.add_argument(
            "--rate", type=float, default=0, help="LSV_MAIL_RATE for the worker (0: unthrottled)"
        )
        parser.add_argument(
            "--workers", type=int, default=1, help="workers sharing the send (LSV_MAIL_SHARDS)"
        )

    def handle(self, *args, subscribers: int, rate: float, workers: int, **options):
        db = settings.DATABASES["default"]
        if not settings.DATABASE_IS_POSTGRES or "bench" not in db["NAME"]:
            raise CommandError(
                "Runs only on a PostgreSQL database whose name contains 'bench' (it drops "
                "and rebuilds it): DATABASE_URL=postgres://…/lsv_bench_mail"
            )
        recreate_database(db)
        call_command("migrate", verbosity=0)
        settings.LSV_MAIL_SHARDS = workers
        digest = self.build(subscribers)

        port = free_port()
        with tempfile.TemporaryDirectory() as work:
            count_file = Path(work) / "count"
            sink = subprocess.Popen(
                [sys.executable, str(ROOT / "bench" / "smtp_sink.py"), str(port), str(count_file)]
            )
            try:
                self.wait_for(port)
                env = {
                    **os.environ,
                    "EMAIL_HOST": "127.0.0.1",
                    "EMAIL_PORT": str(port),
                    "EMAIL_USE_TLS": "false",
                    "LSV_MAIL_RATE": str(rate),
                }
                started = time.perf_counter()
                processes = [
                    subprocess.Popen(
                        [
                            sys.executable,
                            "manage.py",
                            "db_worker",
                            "--batch",
                            "--backend",
                            "queue",
                            "--queue-name",
                            "*",
                            "--no-reload",
                            "--no-startup-delay",
                            "-v",
                            "0",
                            "--worker-id",
                            f"bench-{n}",
                        ],
                        cwd=ROOT,
                        env=env,
                    )
                    for n in range(workers)
                ]
                if any(process.wait() for process in processes):
                    raise CommandError("A worker failed.")
                elapsed = time.perf_counter() - started
                peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                received, distinct = (int(n) for n in count_file.read_text().split())
            finally:
                sink.terminate()
                sink.wait(10)
        sent = Delivery.objects.filter(send=digest, state=Delivery.SENT).count()
        self.stdout.write(
            f"Digest to {subscribers:,} subscribers ({rate or 'no'} rate limit), "
            f"{workers} worker(s):\n"
            f"  {received:,} messages received by the sink, {distinct:,} distinct recipients, "
            f"{sent:,} deliveries recorded as sent\n"
            f"  {elapsed:.1f} s, {received / elapsed:.0f} messages/s, "
            f"peak RSS of the largest worker {peak_kb / 1024:.0f} MB\n"
            f"  machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
        )
        if received != subscribers or distinct != subscribers or sent != subscribers:
            raise CommandError("Not every subscriber got exactly one message.")

    def wait_for(self, port: int) -> None:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    raise CommandError("The SMTP sink did not start.") from None
                time.sleep(0.2)

    def build(self, subscribers: int) -> Send:
        home = Site.objects.get(is_default_site=True).root_page
        index = home.add_child(instance=NewsIndexPage(title="Nyheter", slug="nyheter"))
        until = last_digest_time(timezone.now())
        for n in range(8):
            article = index.add_child(
                instance=NewsArticlePage(
                    title=f"Veckans nyhet {n + 1}",
                    slug=f"veckans-nyhet-{n + 1}",
                    lead="En ingress om social innovation.",
                    search_description="En sammanfattning av nyheten för kort och e-post.",
                )
            )
            NewsArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=until - dt.timedelta(days=1, hours=n)
            )
        Subscriber.objects.bulk_create(
            Subscriber(
                email=f"prenumerant{n}@example.org",
                state=Subscriber.CONFIRMED,
                news=True,
                confirmed_at=timezone.now(),
                key=f"bench-key-{n}",
            )
            for n in range(subscribers)
        )
        digest = create_due_digest(until + dt.timedelta(minutes=1))
        if digest is None:
            raise CommandError("No digest was created.")
        return digest
