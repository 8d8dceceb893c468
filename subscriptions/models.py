"""Subscribers, what they agreed to, and each send with one row per delivery."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_key() -> str:
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """One e-mail address. Nothing but the confirmation is ever sent to it
    until it is confirmed; unsubscribing keeps the row (so a later sign-up is
    a change, not a new person) until the data is deleted on request."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    UNSUBSCRIBED = "unsubscribed"
    STATES = [
        (PENDING, _("awaiting confirmation")),
        (CONFIRMED, _("confirmed")),
        (UNSUBSCRIBED, _("unsubscribed")),
    ]

    email = models.EmailField(_("e-mail address"), max_length=254, unique=True)
    state = models.CharField(_("state"), max_length=16, choices=STATES, default=PENDING)
    news = models.BooleanField(_("all news"), default=False)
    white_papers = models.BooleanField(_("white papers"), default=False)
    topics = models.ManyToManyField("taggit.Tag", blank=True, verbose_name=_("topics"))
    # In the preferences and unsubscribe links of every e-mail: whoever has one
    # of its e-mails may change its subscription, as the RFC 8058 link requires.
    key = models.CharField(max_length=64, unique=True, default=new_key, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The latest sign-up request: an address never confirmed is forgotten once
    # the link sent then has expired.
    requested_at = models.DateTimeField(default=timezone.now, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        indexes = [models.Index(fields=["state"], name="subscriber_state")]

    def __str__(self) -> str:
        return self.email

    def lists(self) -> dict:
        return {
            "news": self.news,
            "white_papers": self.white_papers,
            "topics": sorted(self.topics.values_list("slug", flat=True)),
        }


class Consent(models.Model):
    """What a subscriber agreed to (or withdrew), when, in the words shown."""

    SUBSCRIBED = "subscribed"
    CHANGED = "changed"
    UNSUBSCRIBED = "unsubscribed"
    ACTIONS = [
        (SUBSCRIBED, _("subscribed")),
        (CHANGED, _("changed lists")),
        (UNSUBSCRIBED, _("unsubscribed")),
    ]

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="consents")
    action = models.CharField(max_length=16, choices=ACTIONS)
    at = models.DateTimeField(auto_now_add=True)
    lists = models.JSONField(default=dict)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} {self.at:%Y-%m-%d %H:%M}"


class Send(models.Model):
    """One mailing: a weekly digest or one page sent on its own."""

    DIGEST = "digest"
    PAGE = "page"
    TEST = "test"
    KINDS = [(DIGEST, _("weekly digest")), (PAGE, _("single article"))]

    QUEUED = "queued"
    SENDING = "sending"
    DONE = "done"
    STATES = [(QUEUED, _("queued")), (SENDING, _("sending")), (DONE, _("done"))]

    kind = models.CharField(_("kind"), max_length=16, choices=KINDS)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # A digest covers pages first published in [since, until).
    since = models.DateTimeField(null=True, blank=True)
    until = models.DateTimeField(null=True, blank=True)
    subject = models.CharField(_("subject"), max_length=255)
    state = models.CharField(_("state"), max_length=16, choices=STATES, default=QUEUED)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    # Moved on by the worker after every batch; a send left without progress
    # for LSV_MAIL_STALE_SECONDS is taken up again (subscriptions.tasks.mail_tick).
    progress_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("send")
        verbose_name_plural = _("sends")
        ordering = ["-created_at"]
        constraints = [
            # One digest per period, however many workers notice it is due.
            models.UniqueConstraint(
                fields=["until"], condition=models.Q(kind="digest"), name="one_digest_per_period"
            ),
            # One send of a page to its subscribers.
            models.UniqueConstraint(
                fields=["page"], condition=models.Q(kind="page"), name="one_send_per_page"
            ),
        ]

    def __str__(self) -> str:
        return self.subject


class Delivery(models.Model):
    """One message of a send to one subscriber. The row is written (claimed)
    before the message goes to the SMTP server, under a unique constraint, so
    no retry or second worker ever sends it again: exactly once for every
    message the server accepted, at most once for one in flight when a worker
    died (left CLAIMED, counted as uncertain)."""

    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    # Refused for now (an SMTP 4xx, no connection): the next run sends it.
    RETRY = "retry"
    STATES = [
        (CLAIMED, _("uncertain")),
        (SENT, _("sent")),
        (FAILED, _("failed")),
        (RETRY, _("to retry")),
    ]

    send = models.ForeignKey(Send, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    state = models.CharField(max_length=16, choices=STATES, default=CLAIMED)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["send", "subscriber"], name="one_delivery_per_subscriber"
            )
        ]

    def __str__(self) -> str:
        return f"{self.send_id}:{self.subscriber_id} {self.state}"
