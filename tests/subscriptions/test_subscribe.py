"""Signing up from a page-cached article, confirming through the link the SMTP
server received, and the same answer whoever the address belongs to."""

import datetime

from django.core.cache import cache

import pytest

from subscriptions.models import Consent, Subscriber
from tests.factories import NewsArticlePageFactory
from tests.subscriptions.conftest import html_part, links, text_part

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/epost/prenumerera/"


@pytest.fixture(autouse=True)
def fresh_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def article(site_tree):
    return NewsArticlePageFactory(parent=site_tree.news, topics=["Bostäder"])


def sign_up(client, capture, email="anna@example.org", ip="192.0.2.1", **fields):
    data = {"email": email, "news": "on", **fields}
    with capture(execute=True):
        return client.post(SUBSCRIBE, data, REMOTE_ADDR=ip)


def confirmation_link(message) -> str:
    [url] = [url for url in links(text_part(message)) if "/epost/bekrafta/" in url]
    return url


def test_form_on_a_cached_article_subscribes_through_the_received_link(
    client, settings, article, smtp, queue, django_capture_on_commit_callbacks
):
    settings.LSV_PAGE_CACHE = True
    first = client.get(article.url)
    second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    html = second.content.decode()
    # Two forms (the article's end, the footer), neither with anything per visitor.
    assert html.count('action="/epost/prenumerera/"') == 2
    assert "csrfmiddlewaretoken" not in html
    assert not first.cookies and not second.cookies
    assert 'name="topics" value="bostader"' in html

    response = sign_up(client, django_capture_on_commit_callbacks, topics="bostader")
    assert response.status_code == 200
    assert "Kolla din e-post" in response.content.decode()
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    )
    assert smtp.messages == []  # sent by the worker, not the request
    queue()

    [message] = smtp.to("anna@example.org")
    assert message["Subject"] == "Bekräfta din prenumeration på LSV"
    assert "List-Unsubscribe" not in message
    url = confirmation_link(message)
    assert url.startswith("http://")
    assert url in html_part(message)
    subscriber = Subscriber.objects.get(email="anna@example.org")
    assert subscriber.state == Subscriber.PENDING

    path = url.split("://", 1)[1].split("/", 1)[1]
    page = client.get("/" + path)
    assert page.status_code == 200
    # Opening the link (as mail scanners do) confirms nothing; the button does.
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.PENDING
    assert "Alla nyheter" in page.content.decode()
    done = client.post("/" + path)
    assert done.status_code == 200
    assert "Du prenumererar" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.CONFIRMED
    assert subscriber.news and not subscriber.white_papers
    assert [tag.slug for tag in subscriber.topics.all()] == ["bostader"]
    consent = subscriber.consents.get()
    assert consent.action == Consent.SUBSCRIBED
    assert consent.lists == {"news": True, "white_papers": False, "topics": ["bostader"]}
    assert "avsluta" in consent.text


def test_the_same_answer_for_new_pending_confirmed_and_unsubscribed_addresses(
    client, smtp, queue, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(email="pending@example.org")
    Subscriber.objects.create(email="confirmed@example.org", state=Subscriber.CONFIRMED)
    Subscriber.objects.create(email="gone@example.org", state=Subscriber.UNSUBSCRIBED)
    answers = set()
    for index, email in enumerate(
        ["new@example.org", "pending@example.org", "confirmed@example.org", "gone@example.org"]
    ):
        response = sign_up(
            client, django_capture_on_commit_callbacks, email=email, ip=f"192.0.2.{index}"
        )
        answers.add((response.status_code, response.content))
    assert len(answers) == 1
    queue()
    # Each gets a confirmation e-mail, which changes nothing until followed.
    assert sorted(smtp.recipients()) == [
        "confirmed@example.org",
        "gone@example.org",
        "new@example.org",
        "pending@example.org",
    ]
    assert Subscriber.objects.get(email="gone@example.org").state == Subscriber.UNSUBSCRIBED


def test_honeypot_and_rate_limits(
    client, settings, smtp, queue, django_capture_on_commit_callbacks
):
    settings.LSV_SUBSCRIBE_PER_ADDRESS = 2
    settings.LSV_SUBSCRIBE_PER_CLIENT = 4
    bot = sign_up(client, django_capture_on_commit_callbacks, website="http://spam.example")
    normal = sign_up(client, django_capture_on_commit_callbacks, email="x@example.org")
    assert bot.content == normal.content
    # The same address from other clients: two e-mails, then the same answer and none.
    answers = [
        sign_up(
            client, django_capture_on_commit_callbacks, email="b@example.org", ip=f"198.51.100.{n}"
        )
        for n in range(4)
    ]
    assert {a.content for a in answers} == {normal.content}
    # One client trying many addresses is told to wait (the honeypot's bot did
    # not count: it got nothing).
    for n in range(4):
        last = sign_up(client, django_capture_on_commit_callbacks, email=f"c{n}@example.org")
    assert last.status_code == 429
    queue()
    assert sorted(smtp.recipients()) == [
        "b@example.org",
        "b@example.org",
        "c0@example.org",
        "c1@example.org",
        "c2@example.org",
        "x@example.org",
    ]


def test_invalid_form_is_answered_with_the_errors(client, smtp):
    response = client.post(SUBSCRIBE, {"email": "not an address", "news": "on"})
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    nothing_chosen = client.post(SUBSCRIBE, {"email": "a@example.org"})
    assert nothing_chosen.status_code == 400
    assert not Subscriber.objects.exists()


def test_expired_or_forged_links_confirm_nothing(
    client, settings, smtp, queue, django_capture_on_commit_callbacks
):
    sign_up(client, django_capture_on_commit_callbacks)
    queue()
    url = confirmation_link(smtp.messages[0])
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    forged = path.replace("/bekrafta/", "/bekrafta/x")
    assert client.post(forged).status_code == 400
    settings.LSV_CONFIRM_MAX_AGE = datetime.timedelta(seconds=-1)
    response = client.post(path)
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()
    assert Subscriber.objects.get().state == Subscriber.PENDING


def test_addresses_never_confirmed_are_forgotten_when_their_link_expires(
    client, settings, smtp, queue, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from subscriptions.tasks import forget_unconfirmed

    sign_up(client, django_capture_on_commit_callbacks, email="late@example.org")
    Subscriber.objects.create(email="kept@example.org", state=Subscriber.CONFIRMED)
    later = timezone.now() + settings.LSV_CONFIRM_MAX_AGE + datetime.timedelta(minutes=1)
    # Asking again moves the time on: the new link must keep working.
    Subscriber.objects.update(requested_at=timezone.now() - settings.LSV_CONFIRM_MAX_AGE)
    sign_up(client, django_capture_on_commit_callbacks, email="late@example.org", ip="192.0.2.9")
    assert forget_unconfirmed(timezone.now()) == 0
    assert forget_unconfirmed(later) == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.org"]
