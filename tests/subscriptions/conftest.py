"""A real SMTP server (aiosmtpd) on loopback for every e-mail test, and a way
to run the task queue's ready tasks in the test's own database connection."""

import asyncio
import email
import email.policy
import re
import socket
import threading
from dataclasses import dataclass, field

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction


@dataclass
class Sink:
    """What the server received, and how it misbehaves: refuse_after (answer
    421 to every message after that many) or drop_after (close the connection
    without answering, once the message's data is in)."""

    messages: list = field(default_factory=list)
    refuse_after: int | None = None
    drop_after: int | None = None
    reject: set = field(default_factory=set)
    # Holds the message after `hold_after` in DATA until `release` is set.
    hold_after: int | None = None
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject:
            return "550 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            count = len(self.messages)
            if self.refuse_after is not None and count >= self.refuse_after:
                return "421 Too busy, try again later"
            hold = self.hold_after is not None and count >= self.hold_after
        if hold:
            self.holding.set()
            await asyncio.get_running_loop().run_in_executor(None, self.release.wait, 30)
            return "421 Shutting down"
        with self.lock:
            if self.drop_after is not None and count >= self.drop_after:
                self.drop_after = None
                self.dropped = email.message_from_bytes(
                    envelope.content, policy=email.policy.default
                )
                server.transport.close()
                return "421 gone"
            self.messages.append(
                email.message_from_bytes(envelope.content, policy=email.policy.default)
            )
        return "250 OK"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def recipients(self) -> list[str]:
        return [m["To"] for m in self.messages]


def start_smtp() -> tuple[Sink, Controller, int]:
    sink = Sink()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    return sink, controller, port


@pytest.fixture
def smtp(settings):
    sink, controller, port = start_smtp()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 10
    settings.LSV_MAIL_RATE = 0
    settings.DEFAULT_FROM_EMAIL = "LSV <nyhetsbrev@lsv.example>"
    settings.LSV_MAIL_DOMAIN = "lsv.example"
    yield sink
    sink.release.set()
    controller.stop()


def run_queue(limit: int = 1000) -> list:
    """Run every ready task on the "queue" backend as db_worker would (claim,
    run, record), here in the test's connection. Returns the results."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="queue",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = []
    for _ in range(limit):
        with exclusive_transaction():
            result = DBTaskResult.objects.ready().filter(backend_name="queue").get_locked()
            if result is not None:
                result.claim(worker.worker_id)
        if result is None:
            return ran
        worker.run_task(result)
        result.refresh_from_db()
        ran.append(result)
    return ran


@pytest.fixture
def queue():
    return run_queue


def text_part(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_part(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def links(text: str) -> list[str]:
    return re.findall(r"https?://[^\s\"'<>]+", text)
