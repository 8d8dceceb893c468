"""A real worker (`manage.py db_worker`) killed with SIGKILL in the middle of a
send, then a new worker taking the send up again: every subscriber gets the
message exactly once, but for the one in flight when the worker died (never
sent twice). PostgreSQL only: the workers are other processes and need the
test database (an SQLite test database lives in this process's memory)."""

import os
import signal
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path

from django.db import connection
from django.utils import timezone

import pytest

from subscriptions import sending
from subscriptions.models import Delivery, Send, Subscriber
from subscriptions.tasks import deliver_send, take_up_stalled
from tests.factories import NewsArticlePageFactory
from tests.subscriptions.conftest import start_smtp

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]


def worker(tmp_path, port, *args) -> subprocess.Popen:
    (tmp_path / "mail_worker_settings.py").write_text(
        textwrap.dedent(
            f"""
            from lsv_site.settings.test import *  # noqa: F403
            EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
            EMAIL_HOST = "127.0.0.1"
            EMAIL_PORT = {port}
            LSV_MAIL_RATE = 0
            """
        )
    )
    db = connection.settings_dict
    env = {
        **os.environ,
        "PYTHONPATH": f"{tmp_path}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": "mail_worker_settings",
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST']}:"
        f"{db['PORT'] or 5432}/{db['NAME']}",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend",
            "queue",
            "--queue-name",
            "*",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0.2",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="needs PostgreSQL"
)
def test_worker_killed_mid_send_then_taken_up_again(settings, site_tree, tmp_path):
    sink, controller, port = start_smtp()
    settings.LSV_MAIL_STALE_SECONDS = 0
    try:
        article = NewsArticlePageFactory(parent=site_tree.news, title="Till alla")
        for n in range(12):
            Subscriber.objects.create(
                email=f"k{n}@example.org", state=Subscriber.CONFIRMED, news=True
            )
        send = Send.objects.create(kind=Send.PAGE, page=article, subject=article.title)
        sink.hold_after = 5  # the sixth message waits in DATA…
        deliver_send.enqueue(send.pk)
        first = worker(tmp_path, port)
        try:
            assert sink.holding.wait(60), first.stdout.read1().decode()
            first.send_signal(signal.SIGKILL)  # …while its worker dies
            first.wait(10)
        finally:
            if first.poll() is None:
                first.kill()
        sink.release.set()
        assert len(sink.messages) == 5
        assert Delivery.objects.filter(send=send, state=Delivery.CLAIMED).count() == 1
        sink.hold_after = None

        assert take_up_stalled(timezone.now()) == [send.pk]
        second = worker(tmp_path, port, "--batch")
        output = second.communicate(timeout=120)[0].decode()
        assert second.returncode == 0, output

        counts = Counter(sink.recipients())
        assert set(counts.values()) == {1}
        assert len(counts) == 11
        uncertain = Delivery.objects.get(send=send, state=Delivery.CLAIMED).subscriber
        assert uncertain.email not in counts
        assert sending.summary(send) == {"claimed": 1, "sent": 11, "failed": 0, "retry": 0}
        send.refresh_from_db()
        assert send.state == Send.DONE
    finally:
        sink.release.set()
        controller.stop()
