"""Changes to a subscription, each recorded with the text agreed to."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from taggit.models import Tag

from subscriptions.models import Consent, Subscriber


def consent_text() -> str:
    return _(
        "I want e-mail from LSV about the lists I chose. LSV keeps my address and "
        "my choices only to send them, and I can unsubscribe from every e-mail."
    )


def describe(lists: dict) -> list[str]:
    """The lists in words, for pages and e-mails."""
    names = []
    if lists.get("news"):
        names.append(_("All news"))
    if lists.get("white_papers"):
        names.append(_("White papers"))
    topics = Tag.objects.filter(slug__in=lists.get("topics", [])).order_by("name")
    names.extend(_("Topic: %(name)s") % {"name": tag.name} for tag in topics)
    return names


def _apply(subscriber: Subscriber, lists: dict) -> None:
    subscriber.news = bool(lists.get("news"))
    subscriber.white_papers = bool(lists.get("white_papers"))
    subscriber.topics.set(Tag.objects.filter(slug__in=lists.get("topics", [])))


@transaction.atomic
def subscribe(subscriber: Subscriber, lists: dict) -> None:
    _apply(subscriber, lists)
    subscriber.state = Subscriber.CONFIRMED
    subscriber.confirmed_at = timezone.now()
    subscriber.unsubscribed_at = None
    subscriber.save()
    Consent.objects.create(
        subscriber=subscriber, action=Consent.SUBSCRIBED, lists=lists, text=consent_text()
    )


@transaction.atomic
def change(subscriber: Subscriber, lists: dict) -> None:
    _apply(subscriber, lists)
    subscriber.save()
    action = Consent.CHANGED
    if subscriber.state != Subscriber.CONFIRMED:
        # Changing lists from an old e-mail after unsubscribing is no
        # confirmation of a new address: the address was confirmed before.
        if subscriber.confirmed_at is None:
            return
        subscriber.state = Subscriber.CONFIRMED
        subscriber.unsubscribed_at = None
        subscriber.save()
        action = Consent.SUBSCRIBED
    Consent.objects.create(subscriber=subscriber, action=action, lists=lists, text=consent_text())


@transaction.atomic
def unsubscribe(subscriber: Subscriber) -> None:
    if subscriber.state == Subscriber.UNSUBSCRIBED:
        return
    subscriber.state = Subscriber.UNSUBSCRIBED
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["state", "unsubscribed_at"])
    Consent.objects.create(subscriber=subscriber, action=Consent.UNSUBSCRIBED, lists={})
