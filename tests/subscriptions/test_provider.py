"""Sending through a provider's HTTP API with django-anymail: a Postmark-like
API on loopback takes the requests, so the real backend, the real HTTP round
trip and the exactly-once bookkeeping are what is tested."""

import json
import os
import subprocess
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus

from subscriptions import sending
from subscriptions.models import Delivery, Send, Subscriber
from subscriptions.tasks import deliver_send, take_up_stalled
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "server-token-for-tests"


@dataclass
class PostmarkLike:
    """What the API accepted, and how it misbehaves: `inactive` addresses are
    refused (422, Postmark's code 406), every message after `busy_after` gets
    a 500, and the message after `drop_after` is read and then answered by a
    closed connection."""

    accepted: list = field(default_factory=list)
    inactive: set = field(default_factory=set)
    busy_after: int | None = None
    drop_after: int | None = None
    dropped: dict | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def recipients(self) -> list[str]:
        return [message["To"] for message in self.accepted]


def handler_for(api: PostmarkLike):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def answer(self, status: int, body: dict) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):
            message = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            if self.path != "/email" or self.headers.get("X-Postmark-Server-Token") != TOKEN:
                return self.answer(401, {"ErrorCode": 10, "Message": "No token"})
            with api.lock:
                count = len(api.accepted)
                if api.busy_after is not None and count >= api.busy_after:
                    return self.answer(500, {"ErrorCode": 100, "Message": "Busy"})
                if api.drop_after is not None and count >= api.drop_after:
                    api.drop_after = None
                    api.dropped = message
                    self.close_connection = True
                    self.connection.close()
                    return None
                if message["To"] in api.inactive:
                    return self.answer(
                        422,
                        {
                            "ErrorCode": 406,
                            "Message": "You tried to send to a recipient that has been marked"
                            f" as inactive.\nFound inactive addresses: {message['To']}.\n"
                            "Inactive recipients are ones that have generated a hard bounce"
                            " or a spam complaint.",
                        },
                    )
                api.accepted.append(message)
            return self.answer(
                200,
                {
                    "To": message["To"],
                    "SubmittedAt": "2026-12-02T10:00:00Z",
                    "MessageID": f"id-{count}",
                    "ErrorCode": 0,
                    "Message": "OK",
                },
            )

    return Handler


@pytest.fixture
def provider(settings):
    api = PostmarkLike()
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(api))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "anymail.backends.postmark.EmailBackend"
    settings.ANYMAIL = {
        "POSTMARK_SERVER_TOKEN": TOKEN,
        "POSTMARK_API_URL": f"http://127.0.0.1:{server.server_port}/",
        "REQUESTS_TIMEOUT": 10,
    }
    settings.LSV_MAIL_RATE = 0
    settings.LSV_MAIL_STALE_SECONDS = 0
    settings.DEFAULT_FROM_EMAIL = "LSV <nyhetsbrev@lsv.example>"
    settings.LSV_MAIL_DOMAIN = "lsv.example"
    api.server = server
    yield api
    server.shutdown()
    server.server_close()


@pytest.fixture
def article(site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Via leverantören")
    for n in range(6):
        Subscriber.objects.create(email=f"p{n}@example.org", state=Subscriber.CONFIRMED, news=True)
    return page


def send_page(page) -> Send:
    send = Send.objects.create(kind=Send.PAGE, page=page, subject=page.title)
    deliver_send.enqueue(send.pk)
    return send


def test_a_send_goes_through_the_providers_api_untracked_with_one_click_unsubscribe(
    provider, article, queue
):
    send = send_page(article)
    [result] = queue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback
    assert sorted(provider.recipients()) == [f"p{n}@example.org" for n in range(6)]
    message = provider.accepted[0]
    assert message["From"] == "LSV <nyhetsbrev@lsv.example>"
    assert message["Subject"] == "Via leverantören"
    assert "Via leverantören" in message["HtmlBody"] and "Via leverantören" in message["TextBody"]
    headers = {header["Name"]: header["Value"] for header in message["Headers"]}
    assert headers["List-Unsubscribe"].startswith("<http")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Whatever the account's defaults: no open pixel, no rewritten links.
    assert message["TrackOpens"] is False
    assert message["TrackLinks"] == "None"
    assert sending.summary(send) == {"claimed": 0, "sent": 6, "failed": 0, "retry": 0}


def test_a_refused_address_fails_and_the_rest_are_sent(provider, article, queue):
    provider.inactive = {"p2@example.org"}
    send = send_page(article)
    [result] = queue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback
    assert len(provider.accepted) == 5
    assert Delivery.objects.get(state=Delivery.FAILED).subscriber.email == "p2@example.org"
    assert sending.summary(send)["sent"] == 5


def test_a_busy_provider_is_tried_again_later_and_each_gets_one(provider, article, queue):
    provider.busy_after = 2
    send = send_page(article)
    [first] = queue()
    assert first.status == TaskResultStatus.FAILED
    assert sending.summary(send) == {"claimed": 0, "sent": 2, "failed": 0, "retry": 1}

    provider.busy_after = None
    assert take_up_stalled(timezone.now()) == [send.pk]
    [second] = queue()
    assert second.status == TaskResultStatus.SUCCESSFUL, second.traceback
    counts = Counter(provider.recipients())
    assert sorted(counts) == [f"p{n}@example.org" for n in range(6)]
    assert set(counts.values()) == {1}
    assert sending.summary(send) == {"claimed": 0, "sent": 6, "failed": 0, "retry": 0}


def test_an_unanswered_request_is_never_sent_again(provider, article, queue):
    provider.drop_after = 3  # the fourth request is read, then the connection closes
    send = send_page(article)
    [first] = queue()
    assert first.status == TaskResultStatus.FAILED
    uncertain = Delivery.objects.get(send=send, state=Delivery.CLAIMED)
    assert uncertain.subscriber.email == provider.dropped["To"]

    take_up_stalled(timezone.now())
    queue()
    counts = Counter(provider.recipients())
    assert provider.dropped["To"] not in counts
    assert len(counts) == 5 and set(counts.values()) == {1}


def test_no_connection_at_all_leaves_everyone_to_send_later(provider, article, queue, settings):
    provider.server.shutdown()
    provider.server.server_close()  # the port now refuses connections
    send = send_page(article)
    [first] = queue()
    assert first.status == TaskResultStatus.FAILED
    assert sending.summary(send) == {"claimed": 0, "sent": 0, "failed": 0, "retry": 1}


def settings_under(env: dict, code: str) -> subprocess.CompletedProcess:
    """Runs `code` after Django set itself up from these environment variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("ANYMAIL_", "EMAIL_"))}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={**clean, "DJANGO_SETTINGS_MODULE": "lsv_site.settings.dev", **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_the_provider_and_its_settings_come_from_the_environment():
    run = settings_under(
        {"EMAIL_PROVIDER": "Postmark", "ANYMAIL_POSTMARK_SERVER_TOKEN": "abc"},
        "from django.conf import settings as s; print(s.EMAIL_BACKEND); print(s.ANYMAIL)",
    )
    assert run.returncode == 0, run.stderr
    backend, anymail = run.stdout.splitlines()[-2:]
    assert backend == "anymail.backends.postmark.EmailBackend"
    assert anymail == "{'POSTMARK_SERVER_TOKEN': 'abc'}"


@pytest.mark.slow
def test_a_mistyped_provider_is_a_system_check_error():
    run = settings_under(
        {"EMAIL_PROVIDER": "postmrak"},
        "from django.core.management import call_command; call_command('check')",
    )
    assert run.returncode != 0
    assert "subscriptions.E001" in run.stderr and "postmrak" in run.stderr
