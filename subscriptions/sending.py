"""Sending a Send: one claimed Delivery row per subscriber, batched, throttled.

Exactly once: a subscriber's Delivery row is inserted (claimed) before the
message goes to the SMTP server, under the unique constraint (send,
subscriber), so a retried task, a second worker or a restarted one skips
everyone already claimed. What the server refused for now (4xx, no
connection) is marked RETRY and claimed again by the next run; a refusal for
good (5xx) is FAILED. A worker that dies between the claim and the server's
answer leaves the row CLAIMED: that message may or may not have gone, and it is
never sent again (at most once for those, exactly once for all others).

A provider's HTTP API (django-anymail) is read the same way: a rejected
address or another 4xx is FAILED, 429 and 5xx are RETRY (the provider took
nothing), and a request that got no answer is left CLAIMED unless it never
reached the provider (no connection)."""

import smtplib
import time

from django.conf import settings
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.db.models.functions import Mod
from django.utils import timezone
from django.utils.translation import gettext as _

from anymail.exceptions import AnymailError, AnymailRecipientsRefused, AnymailRequestsAPIError
from requests.exceptions import ConnectionError as RequestsConnectionError
from requests.exceptions import ConnectTimeout, ProxyError, SSLError
from urllib3.exceptions import NewConnectionError

from subscriptions import audience, mail
from subscriptions.models import Delivery, Send, Subscriber

# Stands for a subscriber's key in a message rendered once for many.
KEY_PLACEHOLDER = "LSVSUBSCRIBERKEYPLACEHOLDER"


class SendAborted(Exception):
    """The SMTP server is unavailable for now; the send is taken up again later."""


def claim(send: Send, subscriber: Subscriber, sent: list[int]) -> Delivery | None:
    """Claim the subscriber's delivery, recording the deliveries in `sent` (the
    ones sent since the last claim) as sent in the same transaction: one
    commit per message. None: claimed already (by this send's earlier run or
    another worker)."""
    with transaction.atomic():
        record_sent(sent)
        try:
            with transaction.atomic():
                return Delivery.objects.create(send=send, subscriber=subscriber)
        except IntegrityError:
            pass
        # Refused for now on an earlier run: claim it back, unless another worker did.
        claimed = Delivery.objects.filter(
            send=send, subscriber=subscriber, state=Delivery.RETRY
        ).update(state=Delivery.CLAIMED, error="")
        return Delivery.objects.get(send=send, subscriber=subscriber) if claimed else None


def record_sent(sent: list[int]) -> None:
    if sent:
        Delivery.objects.filter(pk__in=sent).update(state=Delivery.SENT, sent_at=timezone.now())
        sent.clear()


def verdict(error: Exception) -> str | None:
    """What a failed send means for its delivery: FAILED (refused for good),
    RETRY (nothing was taken; send it again later) or None (the message may
    have gone: never send it again)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        return Delivery.FAILED if all(code >= 500 for code in codes) else Delivery.RETRY
    if isinstance(error, smtplib.SMTPResponseException):
        return Delivery.FAILED if error.smtp_code >= 500 else Delivery.RETRY
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return None
    if isinstance(error, AnymailRecipientsRefused):
        return Delivery.FAILED
    if isinstance(error, AnymailRequestsAPIError) and error.status_code is None:
        return Delivery.RETRY if never_connected(error.__cause__) else None
    if isinstance(error, AnymailError):
        status = error.status_code or 0
        return Delivery.RETRY if status == 429 or status >= 500 else Delivery.FAILED
    return Delivery.RETRY


def never_connected(error: BaseException | None) -> bool:
    """The request failed before it reached the provider (so nothing was sent)."""
    if isinstance(error, ConnectTimeout | ProxyError | SSLError):
        return True
    if isinstance(error, RequestsConnectionError) and error.args:
        reason = getattr(error.args[0], "reason", error.args[0])
        return isinstance(reason, NewConnectionError)
    return False


class Content:
    """What a send says to each subscriber (None: nothing for them)."""

    def __init__(self, send: Send):
        self.send = send
        self.root = mail.site_root()
        if send.kind == Send.PAGE:
            self.page = send.page.specific
            self.card = mail.card(self.page, self.root)
        else:
            self.pages = audience.new_pages(send.since, send.until)
            self.topics_of = {page.pk: audience.topic_ids(page) for page in self.pages}
            self.cards = {page.pk: mail.card(page, self.root) for page in self.pages}
        # Rendered once per distinct content (a digest's page selection), with a
        # placeholder where each subscriber's key goes: templates and CSS
        # inlining cost more than the SMTP exchange.
        self.rendered: dict[tuple, tuple[str, str]] = {}

    def render(self, template: str, key: tuple, context: dict) -> tuple[str, str]:
        if key not in self.rendered:
            if len(self.rendered) > 1000:
                self.rendered.clear()
            placeholder = Subscriber(key=KEY_PLACEHOLDER)
            context = {
                **context,
                **mail.links(placeholder, self.root),
                "subject": self.send.subject,
            }
            self.rendered[key] = mail.render(template, context)
        return self.rendered[key]

    def recipients(self):
        if self.send.kind == Send.PAGE:
            return audience.recipients_for_page(self.page)
        if not self.pages:
            return Subscriber.objects.none()
        return audience.confirmed()

    def wants(self, subscriber: Subscriber) -> bool:
        return self.send.kind == Send.PAGE or bool(
            audience.pages_for(subscriber, self.pages, self.topics_of)
        )

    def message_for(self, subscriber: Subscriber):
        if self.send.kind == Send.PAGE:
            text, html = self.render("page", (), {"card": self.card})
        else:
            pages = audience.pages_for(subscriber, self.pages, self.topics_of)
            if not pages:
                return None
            cards = [self.cards[page.pk] for page in pages]
            key = tuple(page.pk for page in pages)
            text, html = self.render("digest", key, {"cards": cards})
        text = text.replace(KEY_PLACEHOLDER, subscriber.key)
        html = html.replace(KEY_PLACEHOLDER, subscriber.key)
        unsubscribe = mail.links(subscriber, self.root)["unsubscribe_url"]
        return mail.message(subscriber.email, self.send.subject, text, html, unsubscribe)


def deliver(send: Send, shard: int = 0, shards: int = 1) -> dict:
    """Send `send` to every recipient not yet claimed (of those whose id is
    `shard` modulo `shards`). Raises SendAborted when the SMTP server is
    unavailable; run it again to carry on."""
    if send.kind == Send.PAGE and (send.page is None or not send.page.live):
        # Unpublished or deleted since it was sent: nobody gets a dead link.
        Send.objects.filter(pk=send.pk).update(state=Send.DONE, finished_at=timezone.now())
        return {"sent": 0, "failed": 0, "skipped": 0}
    Send.objects.filter(pk=send.pk).update(state=Send.SENDING, progress_at=timezone.now())
    content = Content(send)
    done = (
        Delivery.objects.filter(send=send)
        .exclude(state=Delivery.RETRY)
        .values_list("subscriber_id", flat=True)
    )
    pending = content.recipients().exclude(pk__in=done).prefetch_related("topics").order_by("pk")
    if shards > 1:
        pending = pending.alias(shard=Mod("pk", shards)).filter(shard=shard)
    interval = 1 / settings.LSV_MAIL_RATE if settings.LSV_MAIL_RATE > 0 else 0
    counts = {"sent": 0, "failed": 0, "skipped": 0}
    ids = list(pending.values_list("pk", flat=True))
    sent: list[int] = []  # deliveries sent, recorded with the next claim
    for start in range(0, len(ids), settings.LSV_MAIL_BATCH):
        batch = pending.filter(pk__in=ids[start : start + settings.LSV_MAIL_BATCH])
        with get_connection(fail_silently=False) as connection:
            try:
                send_batch(send, content, batch, connection, sent, counts, interval)
            finally:
                record_sent(sent)
        Send.objects.filter(pk=send.pk).update(progress_at=timezone.now())
    if finished(send, content):
        Send.objects.filter(pk=send.pk).update(state=Send.DONE, finished_at=timezone.now())
    return counts


def finished(send: Send, content: Content) -> bool:
    """Nothing left to send, in any part: nothing to retry, and no recipient
    without a delivery who should get one. (Two parts finishing at once may
    each see the other's last rows uncommitted; mail_tick then takes the send
    up once more, finds nothing to do and finishes it.)"""
    if Delivery.objects.filter(send=send, state=Delivery.RETRY).exists():
        return False
    claimed = Delivery.objects.filter(send=send).values("subscriber_id")
    remaining = content.recipients().exclude(pk__in=claimed).prefetch_related("topics")
    return not any(content.wants(subscriber) for subscriber in remaining.iterator(2000))


def send_batch(send, content, batch, connection, sent, counts, interval) -> None:
    """One SMTP connection's worth of messages."""
    for subscriber in batch:
        message = content.message_for(subscriber)
        if message is None:
            counts["skipped"] += 1
            continue
        delivery = claim(send, subscriber, sent)
        if delivery is None:
            counts["skipped"] += 1
            continue
        began = time.monotonic()
        message.connection = connection
        try:
            message.send()
        except (smtplib.SMTPException, OSError, AnymailError) as error:
            state = verdict(error)
            if state is not None:
                delivery.state = state
                delivery.error = str(error)[:1000]
                delivery.save(update_fields=["state", "error"])
            if state == Delivery.FAILED:
                counts["failed"] += 1
                continue
            # Unavailable for now (RETRY), or a dropped connection that leaves
            # the delivery CLAIMED: the server may have taken the message, so
            # it is never sent again.
            raise SendAborted(str(error)) from error
        sent.append(delivery.pk)
        counts["sent"] += 1
        wait = interval - (time.monotonic() - began)
        if wait > 0:
            time.sleep(wait)


def summary(send: Send) -> dict:
    rows = dict.fromkeys((state for state, _label in Delivery.STATES), 0)
    counted = Delivery.objects.filter(send=send).values("state").annotate(n=Count("id"))
    rows.update({row["state"]: row["n"] for row in counted})
    return rows


def digest_subject() -> str:
    return _("This week from LSV")
