"""What feed readers rely on: freshness, conditional GET, order, limits,
visibility, and a bounded number of queries."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, PageLogEntry, PageViewRestriction

import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory
from tests.seo.feeds.validation import check_json_feed, parse

pytestmark = pytest.mark.django_db


def ids(client, url) -> list[str]:
    return [entry.id for entry in parse(client.get(url).content).entries]


def age(pages, hours=1):
    """Make pages look published an hour ago, so that a change made now is a
    later second than the feed's Last-Modified."""
    then = timezone.now() - dt.timedelta(hours=hours)
    Page.objects.filter(pk__in=[p.pk for p in pages]).update(
        first_published_at=then, last_published_at=then
    )
    PageLogEntry.objects.update(timestamp=then)


def test_conditional_get(client, make_article):
    articles = make_article(2)
    age([*articles, *(a.authorships.first().person for a in articles)])
    url = reverse("feed-news-rss")
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "no-cache"

    by_etag = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert by_etag.status_code == 304 and by_etag.content == b""
    assert by_etag["ETag"] == etag
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert by_date.status_code == 304 and by_date.content == b""
    assert client.head(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200


def test_a_publish_changes_the_etag_at_once(client, site_tree, make_article):
    make_article(1)
    url = reverse("feed-all-atom")
    etag = client.get(url)["ETag"]
    NewsArticlePageFactory(parent=site_tree.news, title="Alldeles ny")
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert parse(response.content).entries[0].title == "Alldeles ny"


def test_an_unpublish_answers_both_validators_with_the_new_feed(client, make_article):
    older, newer = make_article(2)
    age([older, newer, *(a.authorships.first().person for a in (older, newer))])
    url = reverse("feed-news-rss")
    first = client.get(url)
    newer.unpublish()  # logged by Wagtail, as in the admin
    by_etag = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 200
    assert ids(client, url) == [f"urn:lsv:page:{older.pk}"]
    by_date = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 200


def test_newest_first_and_limited(client, site_tree, make_paper, settings):
    settings.LSV_FEED_ITEMS = 3
    day = dt.date(2026, 3, 1)
    NewsArticlePageFactory(parent=site_tree.news, publication_date=day)
    newest = NewsArticlePageFactory(parent=site_tree.news, publication_date=day + dt.timedelta(5))
    paper = make_paper(publication_date=day + dt.timedelta(3))
    middle = NewsArticlePageFactory(parent=site_tree.news, publication_date=day + dt.timedelta(1))
    expected = [f"urn:lsv:page:{p.pk}" for p in (newest, paper, middle)]
    assert ids(client, reverse("feed-all-rss")) == expected
    json_items = check_json_feed(client.get(reverse("feed-all-json")).content)["items"]
    assert [item["id"] for item in json_items] == expected
    assert len(ids(client, reverse("feed-news-atom"))) == 3


def test_last_build_date_is_the_newest_change(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, publication_date=dt.date(2026, 2, 1))
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        publication_date=dt.date(2026, 1, 1),
        updated_date=dt.date(2026, 4, 2),
    )
    feed = parse(client.get(reverse("feed-news-rss")).content).feed
    assert feed.updated_parsed[:3] == (2026, 4, 2)
    atom = parse(client.get(reverse("feed-news-atom")).content)
    entry = next(e for e in atom.entries if e.id.endswith(f":{article.pk}"))
    assert entry.updated_parsed[:3] == (2026, 4, 2)
    assert entry.published_parsed[:3] == (2026, 1, 1)


def test_drafts_private_and_expired_pages_are_left_out(client, site_tree):
    shown = NewsArticlePageFactory(parent=site_tree.news)
    NewsArticlePageFactory(parent=site_tree.news, live=False)
    private = NewsArticlePageFactory(parent=site_tree.news)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    NewsArticlePageFactory(
        parent=site_tree.news, expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    for fmt in ("rss", "atom"):
        assert ids(client, reverse(f"feed-news-{fmt}")) == [f"urn:lsv:page:{shown.pk}"]
        assert ids(client, reverse(f"feed-all-{fmt}")) == [f"urn:lsv:page:{shown.pk}"]


def test_a_private_section_hides_its_pages(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news)
    PageViewRestriction.objects.create(page=site_tree.news, restriction_type="login")
    assert ids(client, reverse("feed-news-rss")) == []


def test_private_linked_pages_are_not_linked(client, site_tree, make_article):
    article = make_article(1)[0]
    target = article.body.raw_data[1]["value"].split('id="')[1].split('"')[0]
    PageViewRestriction.objects.create(page_id=int(target), restriction_type="login")
    content = parse(client.get(reverse("feed-news-atom")).content).entries[0].content[0].value
    assert "/personer/" not in content and "sidan" in content


def test_topic_and_person_feeds(client, site_tree, make_article, make_paper):
    author = PersonPageFactory(parent=site_tree.people)
    mine = make_article(1, people=[author, author], topics=["Tillit"])[0]
    theirs = make_article(1, topics=["Annat"])[0]
    paper = make_paper(authors=[author], topics=["Tillit"])
    person_ids = ids(client, reverse("feed-person-rss", kwargs={"slug": author.slug}))
    assert sorted(person_ids) == sorted(f"urn:lsv:page:{p.pk}" for p in (mine, paper))
    topic = parse(client.get(reverse("feed-topic-atom", kwargs={"slug": "tillit"})).content)
    assert sorted(e.id for e in topic.entries) == sorted(
        f"urn:lsv:page:{p.pk}" for p in (mine, paper)
    )
    assert topic.feed.link == f"http://testserver{site_tree.news.url}amne/tillit/"
    assert f"urn:lsv:page:{theirs.pk}" not in person_ids


def test_feeds_answer_only_get_and_head(client, site_tree):
    assert client.post(reverse("feed-news-rss")).status_code == 405


FEEDS = ["feed-news-rss", "feed-all-atom", "feed-all-json", "feed-whitepapers-rss"]


@pytest.mark.parametrize("name", FEEDS)
def test_queries_do_not_grow_with_items(
    client, make_article, make_paper, name, settings, django_assert_max_num_queries
):
    """At most 8 queries for a full feed (20 items, each with authors, topics,
    a hero image and a body with an image, page and document links), and the
    same with one item. Renditions are made on the first request, so the
    second is counted."""
    settings.LSV_FEED_ITEMS = 20
    make_article(1)
    make_paper()
    url = reverse(name)
    client.get(url)
    with django_assert_max_num_queries(8) as one:
        client.get(url)
    make_article(20, topics=["A", "B", "C"])
    for _ in range(3):
        make_paper(topics=["A"])
    client.get(url)
    with django_assert_max_num_queries(8) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many.captured_queries) == len(one.captured_queries)


@pytest.mark.parametrize("name", ["feed-topic-rss", "feed-person-atom"])
def test_topic_and_person_queries_are_bounded(
    client, site_tree, make_article, name, django_assert_max_num_queries
):
    author = PersonPageFactory(parent=site_tree.people, title="Ann Skribent")
    make_article(20, people=[author, PersonPageFactory(parent=site_tree.people)], topics=["A"])
    url = reverse(name, kwargs={"slug": "a" if "topic" in name else author.slug})
    client.get(url)
    with django_assert_max_num_queries(8):
        response = client.get(url)
    assert len(parse(response.content).entries) == 20
