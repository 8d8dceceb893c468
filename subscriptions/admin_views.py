"""The admin's e-mail pages: subscriber counts for every editor; addresses,
export and deletion (GDPR) and sending a page only for Ansvarig utgivare and
superusers."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin

from taggit.models import Tag
from wagtail.models import Page

from editorial.roles import PUBLISHER_GROUP
from subscriptions import audience, mail
from subscriptions.models import Delivery, Send, Subscriber
from subscriptions.tasks import enqueue_send


def is_publisher(user) -> bool:
    return user.is_superuser or user.groups.filter(name=PUBLISHER_GROUP).exists()


def publisher_only(request) -> None:
    if not is_publisher(request.user):
        raise PermissionDenied


def counts() -> dict:
    by_state = dict(Subscriber.objects.values_list("state").annotate(n=Count("id")))
    confirmed = audience.confirmed()
    topics = (
        Tag.objects.filter(subscriber__state=Subscriber.CONFIRMED)
        .annotate(n=Count("subscriber"))
        .order_by("-n", "name")
    )
    return {
        "states": [(label, by_state.get(state, 0)) for state, label in Subscriber.STATES],
        "lists": [
            (_("All news"), confirmed.filter(news=True).count()),
            (_("White papers"), confirmed.filter(white_papers=True).count()),
            *((_("Topic: %(name)s") % {"name": tag.name}, tag.n) for tag in topics),
        ],
    }


def overview(request):
    context = {"counts": counts(), "publisher": is_publisher(request.user)}
    if context["publisher"]:
        query = request.GET.get("q", "").strip()
        rows = Subscriber.objects.order_by("email").prefetch_related("topics")
        if query:
            rows = rows.filter(email__icontains=query)
        context["query"] = query
        context["subscribers"] = Paginator(rows, 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "subscriptions/admin/overview.html", context)


def export(request, pk: int):
    """Everything kept about one subscriber, as JSON (a GDPR access request)."""
    publisher_only(request)
    subscriber = get_object_or_404(Subscriber, pk=pk)
    data = {
        "email": subscriber.email,
        "state": subscriber.state,
        "lists": subscriber.lists(),
        "created_at": subscriber.created_at.isoformat(),
        "confirmed_at": subscriber.confirmed_at and subscriber.confirmed_at.isoformat(),
        "unsubscribed_at": subscriber.unsubscribed_at and subscriber.unsubscribed_at.isoformat(),
        "consents": [
            {"action": c.action, "at": c.at.isoformat(), "lists": c.lists, "text": c.text}
            for c in subscriber.consents.all()
        ],
        "deliveries": [
            {"subject": d.send.subject, "state": d.state, "at": d.claimed_at.isoformat()}
            for d in subscriber.deliveries.select_related("send").order_by("claimed_at")
        ],
    }
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="prenumerant-{pk}.json"'
    return response


def delete(request, pk: int):
    """Erase a subscriber and their consents (a GDPR erasure request); the
    sends' delivery counts keep their rows, without the address."""
    publisher_only(request)
    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        subscriber.delete()
        messages.success(request, _("The subscriber and their data are deleted."))
        return redirect("subscriptions_admin:overview")
    return TemplateResponse(request, "subscriptions/admin/delete.html", {"subscriber": subscriber})


def sends(request):
    rows = (
        Send.objects.select_related("page", "created_by")
        .annotate(
            **{
                state: Count("deliveries", filter=Q(deliveries__state=state))
                for state, _label in Delivery.STATES
            }
        )
        .order_by("-created_at", "-pk")
    )
    page = Paginator(rows, 50).get_page(request.GET.get("p"))
    return TemplateResponse(request, "subscriptions/admin/sends.html", {"sends": page})


def sendable(page_id: int):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.live or audience.flag_for(page) is None:
        raise PermissionDenied
    return page


def preview_message(page, user):
    # Links in a preview lead to no subscriber's settings (a made-up key).
    reader = Subscriber(email=user.email or "preview@example.invalid", key="forhandsvisning")
    root = mail.site_root()
    return mail.for_subscriber(reader, "page", page.title, {"card": mail.card(page, root)}, root)


def send_page(request, page_id: int):
    publisher_only(request)
    page = sendable(page_id)
    existing = Send.objects.filter(kind=Send.PAGE, page=page).first()
    if request.method == "POST" and request.POST.get("action") == "test":
        if not request.user.email:
            messages.error(request, _("Your account has no e-mail address."))
        else:
            preview_message(page, request.user).send()
            messages.success(
                request, _("A test was sent to %(email)s.") % {"email": request.user.email}
            )
        return redirect("subscriptions_admin:send_page", page_id)
    if request.method == "POST" and request.POST.get("action") == "send" and not existing:
        try:
            with transaction.atomic():
                send = Send.objects.create(
                    kind=Send.PAGE, page=page, subject=page.title, created_by=request.user
                )
                transaction.on_commit(lambda: enqueue_send(send.pk))
        except IntegrityError:
            pass  # sent from another tab at the same moment
        messages.success(request, _("The article is being sent."))
        return redirect("subscriptions_admin:sends")
    context = {
        "page": page,
        "existing": existing,
        "recipients": audience.recipients_for_page(page).count(),
    }
    return TemplateResponse(request, "subscriptions/admin/send_page.html", context)


@xframe_options_sameorigin
def preview(request, page_id: int):
    publisher_only(request)
    page = sendable(page_id)
    message = preview_message(page, request.user)
    return HttpResponse(message.alternatives[0][0])
