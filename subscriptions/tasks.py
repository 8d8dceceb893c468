"""The e-mail work on the task queue (`manage.py db_worker --backend queue`)."""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from django_tasks import task

from ops.periodic import schedule_next
from subscriptions import mail, sending
from subscriptions.models import Send, Subscriber

logger = logging.getLogger(__name__)


@task(backend="queue")
def send_confirmation(subscriber_id: int, lists: dict) -> None:
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        mail.confirmation(subscriber, lists).send()


def enqueue_send(send_id: int) -> None:
    """Queue a send, in LSV_MAIL_SHARDS parts for as many workers."""
    shards = max(settings.LSV_MAIL_SHARDS, 1)
    for shard in range(shards):
        deliver_send.enqueue(send_id, shard, shards)


@task(backend="queue")
def deliver_send(send_id: int, shard: int = 0, shards: int = 1) -> dict:
    """Send `send_id` to the subscribers whose id is `shard` modulo `shards`:
    a large send is split so that several workers share it."""
    send = Send.objects.filter(pk=send_id).exclude(state=Send.DONE).first()
    if send is None:
        return {}
    try:
        return sending.deliver(send, shard, shards)
    except sending.SendAborted:
        # Taken up again by mail_tick about a minute from now.
        retry_at = timezone.now() - datetime.timedelta(
            seconds=max(settings.LSV_MAIL_STALE_SECONDS - 60, 0)
        )
        Send.objects.filter(pk=send_id).update(progress_at=retry_at)
        raise


def last_digest_time(now: datetime.datetime) -> datetime.datetime:
    """The latest configured digest time (weekday and local time) not after now."""
    local = timezone.localtime(now)
    hour, minute = (int(part) for part in settings.LSV_DIGEST_TIME.split(":"))
    days_back = (local.isoweekday() - settings.LSV_DIGEST_WEEKDAY) % 7
    day = local.date() - datetime.timedelta(days=days_back)
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    if at > now:
        at -= datetime.timedelta(days=7)
    return at


def create_due_digest(now: datetime.datetime) -> Send | None:
    until = last_digest_time(now)
    if now - until > datetime.timedelta(hours=24):
        return None  # missed by more than a day (the site was down): wait for the next
    if Send.objects.filter(kind=Send.DIGEST, until__gte=until).exists():
        return None
    previous = Send.objects.filter(kind=Send.DIGEST).order_by("-until").first()
    since = previous.until if previous else until - datetime.timedelta(days=7)
    try:
        with transaction.atomic():
            send = Send.objects.create(
                kind=Send.DIGEST,
                since=since,
                until=until,
                subject=sending.digest_subject(),
                progress_at=now,
            )
    except IntegrityError:
        return None  # another worker created it
    transaction.on_commit(lambda: enqueue_send(send.pk))
    return send


def take_up_stalled(now: datetime.datetime) -> list[int]:
    """Sends no worker has moved on for LSV_MAIL_STALE_SECONDS (the worker died,
    or the SMTP server was unavailable): enqueue them again. The conditional
    update lets only one of several workers do it."""
    stale = now - datetime.timedelta(seconds=settings.LSV_MAIL_STALE_SECONDS)
    taken = []
    candidates = Send.objects.exclude(state=Send.DONE).filter(
        Q(progress_at__lt=stale) | Q(progress_at__isnull=True)
    )
    for send_id in candidates.values_list("pk", flat=True):
        if Send.objects.filter(pk=send_id, progress_at__lt=stale).update(progress_at=now) or (
            Send.objects.filter(pk=send_id, progress_at__isnull=True).update(progress_at=now)
        ):
            enqueue_send(send_id)
            taken.append(send_id)
    return taken


def forget_unconfirmed(now: datetime.datetime) -> int:
    """Addresses never confirmed are kept no longer than their link works."""
    deleted, _rows = Subscriber.objects.filter(
        state=Subscriber.PENDING,
        confirmed_at__isnull=True,
        requested_at__lt=now - settings.LSV_CONFIRM_MAX_AGE,
    ).delete()
    return deleted


@task(backend="queue")
def mail_tick() -> dict:
    """Every LSV_SCHEDULER_INTERVAL seconds: the weekly digest when it is due,
    stalled sends taken up again, expired sign-ups forgotten."""
    schedule_next(mail_tick)
    now = timezone.now()
    digest = create_due_digest(now)
    return {
        "digest": digest.pk if digest else None,
        "taken_up": take_up_stalled(now),
        "forgotten": forget_unconfirmed(now),
    }
