import datetime as dt

import feedparser
import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db

FEED_URL = "/feeds/nyheter/rss/"


def test_news_feed_lists_live_articles_newest_first(client, site_tree):
    author = PersonPageFactory(parent=site_tree.people, title="Eva Ås")
    NewsArticlePageFactory(
        parent=site_tree.news, title="Äldre & <bättre>", publication_date=dt.date(2026, 1, 1)
    )
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Nyare",
        lead='Ingress med "citat" och emoji 🎉',
        publication_date=dt.date(2026, 2, 1),
        authors=[author],
        topics=["Bostad"],
    )
    NewsArticlePageFactory(parent=site_tree.news, title="Utkast", live=False)

    response = client.get(FEED_URL)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert feed.bozo == 0
    assert feed.feed.language == "sv"
    assert [entry.title for entry in feed.entries] == ["Nyare", "Äldre & <bättre>"]
    newest = feed.entries[0]
    assert newest.link.startswith("http://testserver/nyheter/")
    assert newest.summary == 'Ingress med "citat" och emoji 🎉'
    assert [tag.term for tag in newest.tags] == ["Bostad"]
    assert "Eva Ås" in newest.author
    assert newest.published_parsed[:3] == (2026, 2, 1)


def test_every_page_advertises_the_news_feed(client, site_tree):
    html = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert f'href="{FEED_URL}"' in html
