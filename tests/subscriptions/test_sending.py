"""Single sends and digests through a real SMTP server: who gets what, the
headers and both parts, and exactly one message per subscriber per send even
when the server refuses or drops the connection half-way and the send is
taken up again."""

import datetime
from collections import Counter

from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus

from subscriptions import sending
from subscriptions.models import Delivery, Send, Subscriber
from subscriptions.tasks import (
    create_due_digest,
    deliver_send,
    enqueue_send,
    last_digest_time,
    take_up_stalled,
)
from tests.factories import ImageFactory, NewsArticlePageFactory, WhitePaperPageFactory
from tests.subscriptions.conftest import html_part, links, text_part

pytestmark = pytest.mark.django_db


def subscriber(email, state=Subscriber.CONFIRMED, topics=(), **lists):
    row = Subscriber.objects.create(email=email, state=state, **lists)
    row.topics.set(topics)
    return row


def page_send(page) -> Send:
    send = Send.objects.create(kind=Send.PAGE, page=page, subject=page.title)
    deliver_send.enqueue(send.pk)
    return send


def local_path(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


def test_single_send_reaches_the_pages_subscribers_only(client, site_tree, smtp, queue):
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Nya bostäder i Malmö",
        topics=["Bostäder"],
        hero_image=ImageFactory(description="Ett nybyggt hus"),
    )
    housing = article.topics.get()
    subscriber("news@example.org", news=True)
    subscriber("topic@example.org", topics=[housing])
    subscriber("papers@example.org", white_papers=True)
    subscriber("pending@example.org", state=Subscriber.PENDING, news=True)
    subscriber("gone@example.org", state=Subscriber.UNSUBSCRIBED, news=True)

    send = page_send(article)
    [result] = queue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback
    assert sorted(smtp.recipients()) == ["news@example.org", "topic@example.org"]
    send.refresh_from_db()
    assert send.state == Send.DONE
    assert sending.summary(send)["sent"] == 2

    [message] = smtp.to("news@example.org")
    [other] = smtp.to("topic@example.org")
    # Rendered once, each with its own links.
    assert "LSVSUBSCRIBERKEYPLACEHOLDER" not in message.as_string()
    assert message["List-Unsubscribe"] != other["List-Unsubscribe"]
    assert message["Subject"] == "Nya bostäder i Malmö"
    assert message["From"] == "LSV <nyhetsbrev@lsv.example>"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe.startswith("http://") and "/epost/avsluta/" in unsubscribe
    assert message["Message-ID"].endswith("@lsv.example>")
    text, html = text_part(message), html_part(message)
    assert "Nya bostäder i Malmö" in text and article.full_url in text
    # Inlined styles, absolute URLs, the picture with its size and alt text.
    assert 'style="' in html and "<link" not in html
    assert f'href="{article.full_url}"' in html
    assert 'alt="Ett nybyggt hus"' in html and 'width="560"' in html and 'height="315"' in html
    assert all(url.startswith(("http://localhost", "https://localhost")) for url in links(html))
    # No tracking: one picture (the card's), links straight to the site.
    assert html.count("<img") == 1
    assert client.get(local_path(article.full_url)).status_code == 200
    # The preferences link works, and the one-click unsubscribe (RFC 8058).
    [preferences] = [url for url in links(text) if "/installningar/" in url]
    settings_page = client.get(local_path(preferences))
    assert settings_page.status_code == 200
    assert settings_page["Referrer-Policy"] == "no-referrer"
    response = client.post(
        local_path(unsubscribe),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    gone = Subscriber.objects.get(email="news@example.org")
    assert gone.state == Subscriber.UNSUBSCRIBED
    assert gone.consents.last().action == "unsubscribed"


def test_preferences_change_lists_and_unsubscribe(client, site_tree):
    row = subscriber("p@example.org", news=True)
    url = f"/epost/installningar/{row.key}/"
    page = client.get(url).content.decode()
    assert "p@example.org" in page
    response = client.post(url, {"white_papers": "on"})
    assert "Dina val är sparade" in response.content.decode()
    row.refresh_from_db()
    assert (row.news, row.white_papers, row.state) == (False, True, Subscriber.CONFIRMED)
    client.post(url, {})  # nothing chosen: unsubscribed
    row.refresh_from_db()
    assert row.state == Subscriber.UNSUBSCRIBED
    assert [c.action for c in row.consents.all()] == ["changed", "unsubscribed"]
    assert client.get("/epost/installningar/not-a-key/").status_code == 404


def publish_at(page, when):
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)


def test_weekly_digest_by_lists_and_nothing_when_nothing_is_new(settings, site_tree, smtp, queue):
    now = timezone.now()
    until = last_digest_time(now)
    news = NewsArticlePageFactory(parent=site_tree.news, title="Veckans nyhet", topics=["Skola"])
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Veckans rapport")
    old = NewsArticlePageFactory(parent=site_tree.news, title="Gammal nyhet")
    publish_at(news, until - datetime.timedelta(days=2))
    publish_at(paper, until - datetime.timedelta(days=1))
    publish_at(old, until - datetime.timedelta(days=9))
    school = news.topics.get()
    subscriber("all@example.org", news=True, white_papers=True)
    subscriber("papers@example.org", white_papers=True)
    subscriber("school@example.org", topics=[school])
    subscriber("pending@example.org", state=Subscriber.PENDING, news=True)

    digest = create_due_digest(until + datetime.timedelta(minutes=1))
    assert digest is not None
    # A second worker noticing the same due digest creates nothing.
    assert create_due_digest(until + datetime.timedelta(minutes=2)) is None
    deliver_send.enqueue(digest.pk)
    queue()
    assert sorted(smtp.recipients()) == [
        "all@example.org",
        "papers@example.org",
        "school@example.org",
    ]

    def titles(email):
        [message] = smtp.to(email)
        text = text_part(message)
        return [t for t in ("Veckans nyhet", "Veckans rapport", "Gammal nyhet") if t in text]

    assert titles("all@example.org") == ["Veckans nyhet", "Veckans rapport"]
    assert titles("papers@example.org") == ["Veckans rapport"]
    assert titles("school@example.org") == ["Veckans nyhet"]
    assert smtp.to("all@example.org")[0]["Subject"] == "Veckans nytt från LSV"

    # A week with nothing new: the digest is recorded and sends nothing.
    smtp.messages.clear()
    quiet = create_due_digest(until + datetime.timedelta(days=7, minutes=1))
    assert quiet.since == digest.until
    deliver_send.enqueue(quiet.pk)
    queue()
    assert smtp.messages == []
    quiet.refresh_from_db()
    assert quiet.state == Send.DONE


@pytest.fixture
def crowd(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Till alla")
    for n in range(8):
        subscriber(f"s{n}@example.org", news=True)
    return article


def test_refused_half_way_and_taken_up_again_sends_each_exactly_once(settings, crowd, smtp, queue):
    settings.LSV_MAIL_STALE_SECONDS = 0
    settings.LSV_MAIL_BATCH = 3
    smtp.refuse_after = 3  # 421 for the fourth message on
    send = page_send(crowd)
    [first] = queue()
    assert first.status == TaskResultStatus.FAILED
    assert len(smtp.messages) == 3
    assert sending.summary(send) == {"claimed": 0, "sent": 3, "failed": 0, "retry": 1}

    smtp.refuse_after = None
    assert take_up_stalled(timezone.now()) == [send.pk]
    [second] = queue()
    assert second.status == TaskResultStatus.SUCCESSFUL, second.traceback
    counts = Counter(smtp.recipients())
    assert sorted(counts) == [f"s{n}@example.org" for n in range(8)]
    assert set(counts.values()) == {1}
    send.refresh_from_db()
    assert send.state == Send.DONE
    assert sending.summary(send) == {"claimed": 0, "sent": 8, "failed": 0, "retry": 0}
    # Taking it up once more changes nothing.
    assert take_up_stalled(timezone.now()) == []
    deliver_send.enqueue(send.pk)
    queue()
    assert len(smtp.messages) == 8


def test_connection_dropped_mid_message_is_never_sent_twice(settings, crowd, smtp, queue):
    settings.LSV_MAIL_STALE_SECONDS = 0
    smtp.drop_after = 5  # the sixth message's connection dies before the server answers
    send = page_send(crowd)
    [first] = queue()
    assert first.status == TaskResultStatus.FAILED
    assert len(smtp.messages) == 5
    uncertain = Delivery.objects.get(send=send, state=Delivery.CLAIMED)
    assert uncertain.subscriber.email == smtp.dropped["To"]

    take_up_stalled(timezone.now())
    queue()
    counts = Counter(smtp.recipients())
    assert len(counts) == 7 and set(counts.values()) == {1}
    assert smtp.dropped["To"] not in counts
    assert sending.summary(send) == {"claimed": 1, "sent": 7, "failed": 0, "retry": 0}


def test_permanent_refusal_is_recorded_as_failed(settings, crowd, smtp, queue):
    Subscriber.objects.filter(email="s2@example.org").update(email="s2@invalid.example")
    smtp.reject = {"s2@invalid.example"}
    send = page_send(crowd)
    [result] = queue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback
    assert sending.summary(send)["failed"] == 1
    assert len(smtp.messages) == 7
    assert "550" in Delivery.objects.get(state=Delivery.FAILED).error


def test_a_page_unpublished_before_its_send_runs_is_not_sent(site_tree, smtp, queue):
    article = NewsArticlePageFactory(parent=site_tree.news)
    subscriber("news@example.org", news=True)
    send = page_send(article)
    article.unpublish()
    [result] = queue()
    assert result.status == TaskResultStatus.SUCCESSFUL, result.traceback
    assert smtp.messages == []
    send.refresh_from_db()
    assert send.state == Send.DONE


def test_a_send_split_between_workers_reaches_each_subscriber_once(settings, crowd, smtp, queue):
    settings.LSV_MAIL_SHARDS = 3
    send = Send.objects.create(kind=Send.PAGE, page=crowd, subject=crowd.title)
    enqueue_send(send.pk)
    results = queue()
    assert len(results) == 3
    assert all(r.status == TaskResultStatus.SUCCESSFUL for r in results)
    counts = Counter(smtp.recipients())
    assert sorted(counts) == [f"s{n}@example.org" for n in range(8)]
    assert set(counts.values()) == {1}
    send.refresh_from_db()
    assert send.state == Send.DONE
