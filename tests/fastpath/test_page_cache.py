"""The full-page cache: what it serves, what it never stores, and that every
kind of change makes affected pages fresh on the next request."""

import datetime as dt

from django.contrib.auth.models import User
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

import pytest

from fastpath import fragments
from fastpath.page_cache import PageCacheMiddleware
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db

FEED = "/feeds/nyheter/rss/"


PAGE_CACHE, FRAGMENTS_ONLY = "page cache", "fragments only"


@pytest.fixture(autouse=True)
def cache_mode(request, settings):
    """As in production: the page cache and the fragment memo (fastpath.fragments)
    both on. Invalidation tests also run with the memo alone (`both_modes`),
    which must be just as fresh when the page cache is off or bypassed."""
    mode = getattr(request, "param", PAGE_CACHE)
    settings.LSV_PAGE_CACHE = mode == PAGE_CACHE
    settings.LSV_FRAGMENT_MEMO = True
    return mode


both_modes = pytest.mark.parametrize("cache_mode", [PAGE_CACHE, FRAGMENTS_ONLY], indirect=True)


def cached_state(client, url, **extra) -> str:
    return client.get(url, **extra).headers.get("X-Page-Cache", "none")


def assert_kept(client, url, mode) -> None:
    """The next view of `url` is served from what earlier views kept: the
    stored page, or with the memo alone, remembered fragments."""
    if mode == PAGE_CACHE:
        assert cached_state(client, url) == "hit"
    else:
        client.get(url)
        assert fragments.size()["entries"] > 0


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_second_anonymous_view_is_a_hit_with_etag(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Första")
    first = client.get(article.url)
    second = client.get(article.url)
    assert first.headers["X-Page-Cache"] == "miss"
    assert second.headers["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second.headers["ETag"] == first.headers["ETag"]
    assert "public" in second.headers["Cache-Control"]
    assert "must-revalidate" in second.headers["Cache-Control"]


def test_conditional_get_and_head(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    etag = client.get(article.url).headers["ETag"]
    assert client.get(article.url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    head = client.head(article.url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["X-Page-Cache"] == "hit"


def test_header_middleware_runs_on_cached_pages(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    client.get(article.url)
    hit = client.get(article.url)
    assert hit.headers["X-Page-Cache"] == "hit"
    # Set by middleware above the cache on every response.
    assert hit.headers["X-Frame-Options"]
    assert hit.headers["X-Content-Type-Options"] == "nosniff"


def test_404_is_cached_other_query_strings_are_not(client, site_tree, settings):
    settings.LSV_LISTING_PAGE_SIZE = 1
    NewsArticlePageFactory.create_batch(2, parent=site_tree.news)
    assert client.get("/finns-inte/").status_code == 404
    assert cached_state(client, "/finns-inte/") == "hit"
    cached_state(client, site_tree.news.url + "?page=2")
    assert cached_state(client, site_tree.news.url + "?page=2") == "hit"
    assert cached_state(client, site_tree.news.url + "?utm_source=x") == "none"


def test_logged_in_views_are_never_cached(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    user = User.objects.create_superuser("redaktor", "r@example.org", "lösenord-som-duger")
    client.force_login(user)
    assert cached_state(client, article.url) == "none"
    assert cached_state(client, article.url) == "none"
    client.logout()
    # Nothing the editor saw was stored for visitors.
    assert cached_state(client, article.url) == "miss"


def test_private_pages_are_never_cached(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.PASSWORD, password="hemligt"
    )
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200  # the password form
        assert response.headers.get("X-Page-Cache") is None
        assert "private" in response.headers["Cache-Control"]


@pytest.mark.parametrize(
    "response",
    [
        pytest.param(HttpResponse("x", status=500), id="server error"),
        pytest.param(HttpResponse("x", status=302), id="redirect"),
    ],
)
def test_errors_other_than_404_are_not_stored(response):
    assert not PageCacheMiddleware._storable(RequestFactory().get("/"), response)


def test_responses_setting_cookies_are_not_stored():
    response = HttpResponse("x")
    response.set_cookie("sessionid", "abc")
    assert not PageCacheMiddleware._storable(RequestFactory().get("/"), response)
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not PageCacheMiddleware._storable(request, HttpResponse("x"))


# Invalidation -----------------------------------------------------------------


@both_modes
def test_publishing_refreshes_the_page_and_read_more_cards_elsewhere(client, site_tree, cache_mode):
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Gammal rapport")
    article = NewsArticlePageFactory(parent=site_tree.news, read_more=[paper])
    assert "Gammal rapport" in client.get(article.url).content.decode()
    assert_kept(client, article.url, cache_mode)
    republish(paper, title="Ny rapport")
    html = client.get(article.url).content.decode()
    assert "Ny rapport" in html and "Gammal rapport" not in html


@both_modes
def test_publishing_a_new_article_refreshes_listing_home_and_feed(client, site_tree, cache_mode):
    NewsArticlePageFactory(parent=site_tree.news, title="Tidigare nyhet")
    for url in (site_tree.news.url, site_tree.home.url, FEED):
        client.get(url)
    for url in (site_tree.news.url, site_tree.home.url, FEED):
        assert_kept(client, url, cache_mode)
    fresh = NewsArticlePageFactory.build(title="Helt ny nyhet", lead="Ingress.", live=False)
    site_tree.news.add_child(instance=fresh)
    fresh.save_revision().publish()
    for url in (site_tree.news.url, site_tree.home.url, FEED):
        assert "Helt ny nyhet" in client.get(url).content.decode(), url


def test_cached_feed_keeps_its_type_and_answers_conditional_gets(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news)
    first = client.get(FEED)
    hit = client.get(FEED)
    assert hit.headers["X-Page-Cache"] == "hit" and hit.content == first.content
    assert hit.headers["Content-Type"] == "application/rss+xml; charset=utf-8"
    # Feed readers must still ask every time.
    assert "no-cache" in hit.headers["Cache-Control"]
    since = client.get(FEED, HTTP_IF_MODIFIED_SINCE=first.headers["Last-Modified"])
    assert since.status_code == 304 and since.content == b""
    assert client.get(FEED, HTTP_IF_NONE_MATCH=first.headers["ETag"]).status_code == 304


@both_modes
def test_unpublishing_removes_page_and_cards(client, site_tree, cache_mode):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Snart borta")
    client.get(article.url)
    client.get(site_tree.news.url)
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert "Snart borta" not in client.get(site_tree.news.url).content.decode()


@both_modes
def test_moving_a_page_moves_its_url(client, site_tree, cache_mode):
    article = NewsArticlePageFactory(parent=site_tree.news, slug="flyttas")
    old_url = article.url
    client.get(old_url)
    archive = site_tree.home.add_child(instance=Page(title="Arkiv", slug="arkiv"))
    article.move(archive, pos="last-child")
    # Wagtail leaves a redirect behind; the cached old page is gone.
    old = client.get(old_url)
    assert old.status_code == 301 and old.headers["Location"] == "/arkiv/flyttas/"
    assert client.get("/arkiv/flyttas/").status_code == 200


@both_modes
def test_deleting_a_page(client, site_tree, cache_mode):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Raderas")
    client.get(article.url)
    client.get(FEED)
    url = article.url
    article.delete()
    assert client.get(url).status_code == 404
    assert "Raderas" not in client.get(FEED).content.decode()


@both_modes
def test_privacy_change_hides_a_cached_page(client, site_tree, cache_mode):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Blir privat")
    client.get(article.url)
    client.get(site_tree.news.url)
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(article.url).status_code == 302
    assert "Blir privat" not in client.get(site_tree.news.url).content.decode()


@both_modes
def test_image_change_refreshes_pages_using_it(client, site_tree, cache_mode):
    image = ImageFactory(description="Gammal alt")
    article = NewsArticlePageFactory(parent=site_tree.news, hero_image=image)
    assert 'alt="Gammal alt"' in client.get(article.url).content.decode()
    image.description = "Ny alt"
    image.save()
    assert 'alt="Ny alt"' in client.get(article.url).content.decode()


@both_modes
def test_document_change_refreshes_pages_using_it(client, site_tree, cache_mode):
    pdf = DocumentFactory(title="Rapport")
    paper = WhitePaperPageFactory(parent=site_tree.papers, pdf=pdf)
    assert "download__link" in client.get(paper.url).content.decode()
    pdf.delete()
    assert "download__link" not in client.get(paper.url).content.decode()


@both_modes
def test_expiry_time_passing_refreshes_listings(client, site_tree, cache_mode, monkeypatch):
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Går ut snart",
        expire_at=timezone.now() + dt.timedelta(minutes=5),
    )
    assert "Går ut snart" in client.get(site_tree.news.url).content.decode()
    assert_kept(client, site_tree.news.url, cache_mode)
    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "Går ut snart" not in client.get(site_tree.news.url).content.decode()


@both_modes
def test_person_rename_refreshes_bylines(client, site_tree, cache_mode):
    person = PersonPageFactory(parent=site_tree.people, title="Anna Andersson")
    article = NewsArticlePageFactory(parent=site_tree.news, authors=[person])
    client.get(article.url)
    republish(person, title="Anna Berg")
    assert "Anna Berg" in client.get(article.url).content.decode()


def test_health_checks_and_admin_are_never_cached(client, site_tree):
    for url in ("/healthz", "/readyz", "/admin/login/"):
        client.get(url)
        assert client.get(url).headers.get("X-Page-Cache") is None, url
