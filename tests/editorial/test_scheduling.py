"""Go-live and expiry times take effect when the scheduler runs once."""

import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone

import feedparser
import pytest

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def listed(client, index) -> str:
    return client.get(index.url).content.decode()


def in_feed(client, title: str) -> bool:
    feed = feedparser.parse(client.get("/feeds/nyheter/rss/").content)
    return title in [entry.title for entry in feed.entries]


def run_scheduler_once():
    call_command("run_scheduler", "--once", stdout=io.StringIO())


def test_scheduled_article_goes_live_after_one_scheduler_run(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Planerad nyhet", live=False)
    # Scheduled the way the admin does it: publishing a revision with a future
    # go-live time only approves it for that time.
    article.go_live_at = timezone.now() + dt.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    article.refresh_from_db()
    assert not article.live
    assert "Planerad nyhet" not in listed(client, site_tree.news)
    assert client.get(article.url).status_code == 404

    # Let the hour pass: move the scheduled time (in the approval and in the
    # revision's content) a minute into the past.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    assert not in_feed(client, "Planerad nyhet")

    run_scheduler_once()

    article.refresh_from_db()
    assert article.live
    assert "Planerad nyhet" in listed(client, site_tree.news)
    assert client.get(article.url).status_code == 200
    assert in_feed(client, "Planerad nyhet")


def test_expired_article_disappears_after_one_scheduler_run(client, site_tree):
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Tidsbegränsad nyhet",
        expire_at=timezone.now() + dt.timedelta(hours=1),
    )
    assert "Tidsbegränsad nyhet" in listed(client, site_tree.news)
    assert in_feed(client, "Tidsbegränsad nyhet")

    type(article).objects.filter(pk=article.pk).update(
        expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    run_scheduler_once()

    article.refresh_from_db()
    assert not article.live
    assert article.expired
    assert "Tidsbegränsad nyhet" not in listed(client, site_tree.news)
    assert not in_feed(client, "Tidsbegränsad nyhet")
    assert client.get(article.url).status_code == 404
