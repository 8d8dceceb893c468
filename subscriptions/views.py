"""Signing up, confirming, preferences and unsubscribing.

None of these views is page-cached (fastpath caches named views only), and
none needs a CSRF token: the sign-up form is on cached pages, so it cannot
carry one, and a forged sign-up only sends a confirmation e-mail (rate-limited
per address and per client); the other forms act on a secret from the e-mail
(the signed link or the subscriber's key), which a forging site cannot know."""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ops.login_throttle import client_ip
from subscriptions import consent, mail
from subscriptions.forms import ListsForm, SubscribeForm
from subscriptions.models import Subscriber
from subscriptions.tasks import send_confirmation


def over_limit(kind: str, value: str, limit: int) -> bool:
    """Count one request for `value`; True once more than `limit` came within
    LSV_SUBSCRIBE_WINDOW seconds (the shared cache, so across processes)."""
    digest = hashlib.sha256(value.encode()).hexdigest()[:32]
    key = f"lsv:subscribe:{kind}:{digest}"
    cache.add(key, 0, settings.LSV_SUBSCRIBE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, settings.LSV_SUBSCRIBE_WINDOW)
        count = 1
    return count > limit


def page(request, template: str, context: dict | None = None, status: int = 200):
    response = TemplateResponse(
        request, f"subscriptions/{template}.html", context or {}, status=status
    )
    # These URLs hold a secret (the signed token, the subscriber's key): links
    # followed from the page must not carry them along, even to this site's logs.
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        return page(request, "subscribe", {"form": SubscribeForm()})
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return page(request, "subscribe", {"form": form}, status=400)
    if form.cleaned_data["website"]:
        return page(request, "check_email")  # a bot: the same answer, nothing done
    if over_limit("client", client_ip(request) or "-", settings.LSV_SUBSCRIBE_PER_CLIENT):
        return page(request, "too_many", status=429)
    email = form.cleaned_data["email"]
    if not over_limit("address", email, settings.LSV_SUBSCRIBE_PER_ADDRESS):
        # New, pending, confirmed or unsubscribed: the same confirmation e-mail
        # (it changes nothing until followed) and the same answer below.
        subscriber, created = Subscriber.objects.get_or_create(email=email)
        if not created:
            Subscriber.objects.filter(pk=subscriber.pk).update(requested_at=timezone.now())
        lists = form.lists()
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk, lists))
    return page(request, "check_email")


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    """GET shows a button; only the POST confirms, so link checkers that open
    every link in an e-mail confirm nothing."""
    try:
        data = mail.read_confirm_token(token)
    except signing.BadSignature:
        return page(request, "link_expired", status=400)
    subscriber = Subscriber.objects.filter(key=data["k"]).first()
    if subscriber is None:
        return page(request, "link_expired", status=400)
    if request.method == "GET":
        return page(
            request,
            "confirm",
            {"lists": consent.describe(data["l"]), "consent_text": consent.consent_text()},
        )
    consent.subscribe(subscriber, data["l"])
    return page(
        request,
        "confirmed",
        {"lists": consent.describe(data["l"]), "subscriber": subscriber},
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request, key: str):
    subscriber = get_object_or_404(Subscriber, key=key)
    saved = False
    if request.method == "POST":
        form = ListsForm(request.POST)
        if form.is_valid():
            lists = form.lists()
            if any(lists.values()):
                consent.change(subscriber, lists)
            else:
                consent.unsubscribe(subscriber)
            saved = True
    current = subscriber.lists()
    form = ListsForm(initial={**current, "topics": current["topics"]})
    return page(request, "preferences", {"form": form, "subscriber": subscriber, "saved": saved})


@csrf_exempt
@never_cache
def unsubscribe(request, key: str):
    """GET: a page with one button. POST: unsubscribed, whether from that
    button or a mail client's one-click request (RFC 8058, body
    "List-Unsubscribe=One-Click")."""
    if request.method not in ("GET", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    subscriber = Subscriber.objects.filter(key=key).first()
    if subscriber is None:
        # Deleted on request: nothing left to unsubscribe.
        return page(request, "unsubscribed", {"subscriber": None})
    if request.method == "GET":
        return page(request, "unsubscribe", {"subscriber": subscriber})
    consent.unsubscribe(subscriber)
    return page(request, "unsubscribed", {"subscriber": subscriber, "now": timezone.now()})
