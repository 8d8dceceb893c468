"""`?page=` has one canonical form, and nothing else fills the page cache:
junk values, numbers past the last page, `?page=` where nothing paginates
and made-up paths leave no long-lived entries behind."""

import time

from django.core.cache import cache

import pytest

from fastpath.page_cache import key_for
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def listing(site_tree, settings):
    """A news listing of three pages (two cards a page)."""
    settings.LSV_LISTING_PAGE_SIZE = 2
    for n in range(5):
        NewsArticlePageFactory(parent=site_tree.news, title=f"Artikel {n}")
    return site_tree.news.url


@pytest.mark.parametrize(
    "query, target",
    [
        ("page=abc", ""),
        ("page=", ""),
        ("page=0", ""),
        ("page=-1", ""),
        ("page=1", ""),
        ("page=02", "?page=2"),
        ("page=2&page=3", "?page=2"),
        ("page=%EF%BC%92", ""),  # a full-width digit
        ("page=1234567", ""),
    ],
)
def test_junk_page_numbers_redirect_to_the_canonical_url(client, listing, query, target):
    response = client.get(f"{listing}?{query}")
    assert response.status_code == 301
    assert response["Location"] == listing + target


def test_a_page_past_the_end_redirects_to_the_last_page(client, listing):
    response = client.get(f"{listing}?page=99999")
    assert response.status_code == 302
    assert response["Location"] == f"{listing}?page=3"
    last = client.get(f"{listing}?page=3")
    assert last.status_code == 200
    assert f'<link rel="canonical" href="http://testserver{listing}?page=3">' in (
        last.content.decode()
    )


def test_page_on_a_page_that_does_not_paginate(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    response = client.get(f"{article.url}?page=2")
    assert response.status_code == 301 and response["Location"] == article.url
    assert client.get("/feeds/rss/?page=2")["Location"] == "/feeds/rss/"


def test_search_keeps_its_query_when_the_page_is_junk(client, site_tree):
    response = client.get("/sok/?q=v%C3%A4lf%C3%A4rd&page=x")
    assert response.status_code == 301
    assert response["Location"] == "/sok/?q=v%C3%A4lf%C3%A4rd"
    assert client.get("/sok/?q=v%C3%A4lf%C3%A4rd&page=2").status_code == 200


def test_junk_leaves_nothing_in_the_cache(client, listing, settings, monkeypatch):
    settings.LSV_PAGE_CACHE = True
    urls = [f"{listing}?page={junk}" for junk in ("x", "0", "1", "007", "99999", "500000")]
    urls += [f"/finns-inte-{n}/" for n in range(5)]
    for url in urls:
        assert client.get(url).status_code in (301, 302, 404)
    kept_404s = []
    for url in urls:
        path, _, query = url.partition("?")
        if cache.get(key_for("http", "testserver", path, query)) is not None:
            kept_404s.append(url)
    assert kept_404s == [f"/finns-inte-{n}/" for n in range(5)]

    # A 404 is kept a minute; the listing's real pages a day.
    assert client.get(listing).status_code == 200
    listing_key = key_for("http", "testserver", listing, "")
    a_minute_later = time.time() + settings.LSV_PAGE_CACHE_404_SECONDS + 1
    monkeypatch.setattr(time, "time", lambda: a_minute_later)
    assert cache.get(key_for("http", "testserver", "/finns-inte-0/", "")) is None
    assert cache.get(listing_key) is not None
