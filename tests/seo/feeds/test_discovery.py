"""Every page's <head> advertises its most specific feeds and the site-wide one."""

from django.urls import reverse

import pytest
from lxml import html as lxml_html

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

SITE_WIDE = [reverse("feed-all-rss"), reverse("feed-all-atom"), reverse("feed-all-json")]


def advertised(client, url) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    doc = lxml_html.fromstring(response.content)
    return [
        (link.get("type"), link.get("href")) for link in doc.xpath("//head/link[@rel='alternate']")
    ]


def hrefs(client, url) -> list[str]:
    return [href for _, href in advertised(client, url)]


def test_home_advertises_the_news_and_site_wide_feeds(client, site_tree):
    news = [reverse("feed-news-rss"), reverse("feed-news-atom")]
    assert hrefs(client, site_tree.home.url) == news + SITE_WIDE
    types = [t for t, _ in advertised(client, site_tree.home.url)]
    assert types == ["application/rss+xml", "application/atom+xml"] * 2 + ["application/feed+json"]


def test_sections_and_details_advertise_their_section_feed(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    paper = WhitePaperPageFactory(parent=site_tree.papers)
    news = [reverse("feed-news-rss"), reverse("feed-news-atom")]
    papers = [reverse("feed-whitepapers-rss"), reverse("feed-whitepapers-atom")]
    assert hrefs(client, site_tree.news.url) == news + SITE_WIDE
    assert hrefs(client, article.url) == news + SITE_WIDE
    assert hrefs(client, site_tree.papers.url) == papers + SITE_WIDE
    assert hrefs(client, paper.url) == papers + SITE_WIDE


def test_topic_and_person_pages_advertise_their_own_feed(client, site_tree):
    person = PersonPageFactory(parent=site_tree.people)
    NewsArticlePageFactory(parent=site_tree.news, topics=["Tillit"], authors=[person])
    topic = [reverse(f"feed-topic-{f}", kwargs={"slug": "tillit"}) for f in ("rss", "atom")]
    assert hrefs(client, f"{site_tree.news.url}amne/tillit/") == topic + SITE_WIDE
    own = [reverse(f"feed-person-{f}", kwargs={"slug": person.slug}) for f in ("rss", "atom")]
    assert hrefs(client, person.url) == own + SITE_WIDE


def test_listings_show_visible_feed_links(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, topics=["Tillit"])
    for url, feed in [
        (site_tree.news.url, reverse("feed-news-rss")),
        (f"{site_tree.news.url}amne/tillit/", reverse("feed-topic-rss", kwargs={"slug": "tillit"})),
        (site_tree.papers.url, reverse("feed-whitepapers-rss")),
    ]:
        doc = lxml_html.fromstring(client.get(url).content)
        links = doc.xpath("//main//a[@type='application/rss+xml']")
        assert [a.get("href") for a in links] == [feed]
        assert links[0].text_content() == "RSS"
