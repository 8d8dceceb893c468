"""The admin's e-mail pages: counts for every editor, addresses, GDPR export
and deletion and sending a page only for Ansvarig utgivare (and superusers)."""

import json

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from editorial.roles import EDITOR_GROUP, PUBLISHER_GROUP
from subscriptions.models import Consent, Delivery, Send, Subscriber
from tests.factories import NewsArticlePageFactory
from tests.subscriptions.conftest import html_part

pytestmark = pytest.mark.django_db

ADMIN = "/admin/epost/"


def member(group: str, username: str):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x" * 16
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def refused(response) -> bool:
    return response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"


@pytest.fixture
def people():
    anna = Subscriber.objects.create(
        email="anna@example.org", state=Subscriber.CONFIRMED, news=True
    )
    Consent.objects.create(subscriber=anna, action=Consent.SUBSCRIBED, lists={"news": True})
    Subscriber.objects.create(email="bo@example.org")
    return anna


def test_editors_see_counts_but_no_addresses(client, people):
    client.force_login(member(EDITOR_GROUP, "rita"))
    page = client.get(ADMIN)
    assert page.status_code == 200
    html = page.content.decode()
    assert "anna@example.org" not in html and "bo@example.org" not in html
    assert "Bekräftad" in html or "bekräftad" in html
    # Wagtail answers PermissionDenied with a redirect to the dashboard.
    assert refused(client.get(f"{ADMIN}{people.pk}/export/"))
    assert refused(client.post(f"{ADMIN}{people.pk}/radera/"))
    assert Subscriber.objects.count() == 2


def test_publishers_see_export_and_delete(client, people, site_tree, smtp, queue):
    client.force_login(member(PUBLISHER_GROUP, "ulla"))
    assert "anna@example.org" in client.get(ADMIN).content.decode()
    export = client.get(f"{ADMIN}{people.pk}/export/")
    assert export["Content-Disposition"].startswith("attachment")
    data = json.loads(export.content)
    assert data["email"] == "anna@example.org"
    assert data["consents"][0]["action"] == "subscribed"

    article = NewsArticlePageFactory(parent=site_tree.news)
    send = Send.objects.create(kind=Send.PAGE, page=article, subject="x")
    Delivery.objects.create(send=send, subscriber=people, state=Delivery.SENT)
    response = client.post(f"{ADMIN}{people.pk}/radera/")
    assert response.status_code == 302
    assert not Subscriber.objects.filter(email="anna@example.org").exists()
    assert not Consent.objects.exists()
    # The send keeps its count, without the address.
    assert Delivery.objects.get().subscriber is None


def test_publisher_previews_tests_and_sends_a_page_once(
    client, site_tree, people, smtp, queue, django_capture_on_commit_callbacks
):
    publisher = member(PUBLISHER_GROUP, "ulla")
    client.force_login(publisher)
    article = NewsArticlePageFactory(parent=site_tree.news, title="Stor nyhet")
    edit = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert f"{ADMIN}skicka/{article.pk}/" in edit

    page = client.get(f"{ADMIN}skicka/{article.pk}/").content.decode()
    assert "1 bekräftad prenumerant" in page
    preview = client.get(f"{ADMIN}skicka/{article.pk}/forhandsvisning/")
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "Stor nyhet" in preview.content.decode()

    client.post(f"{ADMIN}skicka/{article.pk}/", {"action": "test"})
    [test] = smtp.messages
    assert test["To"] == "ulla@example.org"
    assert "Stor nyhet" in html_part(test)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{ADMIN}skicka/{article.pk}/", {"action": "send"})
    queue()
    assert smtp.recipients() == ["ulla@example.org", "anna@example.org"]
    # Sent once: a second press sends nothing.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{ADMIN}skicka/{article.pk}/", {"action": "send"})
    queue()
    assert len(smtp.messages) == 2
    sends = client.get(f"{ADMIN}utskick/").content.decode()
    assert "Stor nyhet" in sends


def test_editors_cannot_send(client, site_tree):
    editor = member(EDITOR_GROUP, "rita")
    client.force_login(editor)
    article = NewsArticlePageFactory(parent=site_tree.news)
    assert refused(client.get(f"{ADMIN}skicka/{article.pk}/"))
    assert refused(client.post(f"{ADMIN}skicka/{article.pk}/", {"action": "send"}))
    assert not Send.objects.exists()
    assert f"{ADMIN}skicka/" not in client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
