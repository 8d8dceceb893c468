"""Listing pages (fastpath.pagination): the same items, order and page count as
Django's paginator, with and without the per-version memo of a listing's ids,
and fresh at once after every change that affects the listing."""

import datetime as dt

from django.core.paginator import Paginator
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction, Site

import pytest

from fastpath import fragments
from fastpath.pagination import page_of
from news.models import NewsArticlePage
from tests.conftest import make_site_tree, shared_data
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 12


def listing_keys() -> list:
    return [key[1] for key in fragments.keys() if key[0] == "listing-ids"]


@pytest.fixture(autouse=True)
def empty_memo():
    fragments.clear()


@pytest.fixture(params=[True, False], ids=["memo", "no-memo"])
def memo(request, settings):
    """Every test runs with the memo on (as in production) and off."""
    settings.LSV_FRAGMENT_MEMO = request.param
    return request.param


@pytest.fixture(scope="module")
def listing(django_db_setup, django_db_blocker):
    """The site tree and 27 articles (three pages), built once for the
    module: some share a publication date, so the tie-breakers (first
    published, id) decide their order."""

    def make():
        tree = make_site_tree(Site.objects.get(is_default_site=True).root_page.specific)
        made = [
            NewsArticlePageFactory(
                parent=tree.news,
                title=f"Artikel {n:02d}",
                publication_date=dt.date(2026, 1, 1) + dt.timedelta(days=n // 2),
                topics=["Bostad"] if n % 3 == 0 else [],
            )
            for n in range(27)
        ]
        return tree, made

    yield from shared_data(django_db_blocker, make)


@pytest.fixture
def site_tree(listing, db):
    return listing[0]


@pytest.fixture
def articles(listing, db):
    return listing[1]


def expected(listing, number):
    page = Paginator(listing, PER_PAGE).get_page(number)
    return [p.pk for p in page], page.paginator.count, page.paginator.num_pages


def titles(response):
    return [card.title for card in response.context["items"]]


def listing_state(response):
    items = response.context["items"]
    return [card.pk for card in items], items.paginator.count, items.paginator.num_pages


@pytest.mark.parametrize("number", [1, 2, 3])
def test_every_page_matches_djangos_paginator(client, site_tree, articles, memo, number):
    listing = site_tree.news.get_listing()
    response = client.get(site_tree.news.url, {"page": number}, follow=True)
    assert listing_state(response) == expected(listing, number)
    assert response.context["items"].number == number
    assert f"Sida {number} av 3" in response.content.decode()


def test_pages_cover_the_listing_once_in_order(client, site_tree, articles, memo):
    seen = []
    for number in (1, 2, 3):
        response = client.get(site_tree.news.url, {"page": number}, follow=True)
        seen += [card.pk for card in response.context["items"]]
    assert seen == list(site_tree.news.get_listing().values_list("pk", flat=True))
    assert len(seen) == 27


def test_topic_listing(client, site_tree, articles, memo):
    response = client.get(f"{site_tree.news.url}amne/bostad/")
    tag = response.context["topic"]
    assert listing_state(response) == expected(site_tree.news.get_listing(topic=tag), 1)
    assert listing_state(response)[1:] == (9, 1)
    assert set(titles(response)) == {a.title for a in articles[::3]}
    # The topic's memo is its own: the full listing is unaffected.
    assert listing_state(client.get(site_tree.news.url))[1] == 27


@pytest.mark.parametrize(
    "value, number", [("abc", 1), ("0", 1), ("-3", 1), ("99999", 3), ("", 1), ("9" * 400, 1)]
)
def test_junk_page_numbers(client, site_tree, articles, memo, value, number):
    response = client.get(f"{site_tree.news.url}?page={value}", follow=True)
    assert response.status_code == 200
    assert listing_state(response) == expected(site_tree.news.get_listing(), number)
    assert response.context["items"].number == number


def test_empty_listing(client, site_tree, memo):
    empty = NewsIndexPageFactory(parent=site_tree.home, title="Tomt", slug="tomt")
    response = client.get(empty.url, {"page": 5}, follow=True)
    items = response.context["items"]
    assert response.status_code == 200
    assert (items.number, items.paginator.count, items.paginator.num_pages) == (1, 0, 1)
    assert list(items) == []


def test_publishing_shows_at_once(client, site_tree, articles, memo):
    client.get(site_tree.news.url)
    client.get(site_tree.news.url, {"page": 3}, follow=True)
    newest = NewsArticlePageFactory(
        parent=site_tree.news, title="Allra nyast", publication_date=dt.date(2027, 1, 1)
    )
    first = client.get(site_tree.news.url)
    assert titles(first)[0] == "Allra nyast"
    assert listing_state(first)[1:] == (28, 3)
    last = client.get(site_tree.news.url, {"page": 3}, follow=True)
    assert listing_state(last) == expected(site_tree.news.get_listing(), 3)
    assert newest.pk not in listing_state(last)[0]


def test_unpublishing_and_republishing(client, site_tree, articles, memo):
    first = client.get(site_tree.news.url)
    top = NewsArticlePage.objects.get(pk=listing_state(first)[0][0])
    top.unpublish()
    after = client.get(site_tree.news.url)
    assert top.pk not in listing_state(after)[0]
    assert listing_state(after)[1] == 26
    assert listing_state(after) == expected(site_tree.news.get_listing(), 1)
    top.save_revision().publish()
    assert listing_state(client.get(site_tree.news.url))[0][0] == top.pk


def test_view_restriction_hides_at_once(client, site_tree, articles, memo):
    client.get(site_tree.news.url)
    hidden = articles[-1]
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    state = listing_state(client.get(site_tree.news.url))
    assert hidden.pk not in state[0] and state[1] == 26


def test_expiry_passing_hides_at_once(client, site_tree, articles, memo, monkeypatch):
    expiring = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Går ut snart",
        publication_date=dt.date(2027, 1, 1),
        expire_at=timezone.now() + dt.timedelta(minutes=5),
    )
    assert titles(client.get(site_tree.news.url))[0] == "Går ut snart"
    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    state = listing_state(client.get(site_tree.news.url))
    assert expiring.pk not in state[0] and state[1] == 27


def test_expiry_passing_without_the_middleware(site_tree, articles, settings, monkeypatch):
    """`page_of` checks expiry itself: a caller outside a request cycle gets it right too."""
    settings.LSV_FRAGMENT_MEMO = True
    expiring = NewsArticlePageFactory(
        parent=site_tree.news,
        publication_date=dt.date(2027, 1, 1),
        expire_at=timezone.now() + dt.timedelta(minutes=5),
    )
    request = RequestFactory().get("/")
    assert page_of(site_tree.news.get_listing(), 1, PER_PAGE, request=request, key="k")[0] == (
        expiring
    )
    later = timezone.now() + dt.timedelta(minutes=6)
    monkeypatch.setattr(timezone, "now", lambda: later)
    page = page_of(site_tree.news.get_listing(), 1, PER_PAGE, request=request, key="k")
    assert expiring not in list(page) and page.paginator.count == 27


def test_ids_listing(site_tree, articles, settings):
    """A values_list of ids pages as ids, with or without the memo."""
    listing = site_tree.news.get_listing()
    request = RequestFactory().get("/")
    for enabled in (True, False):
        settings.LSV_FRAGMENT_MEMO = enabled
        page = page_of(listing.values_list("id", flat=True), 2, PER_PAGE, request=request, key="i")
        assert list(page) == expected(listing, 2)[0]
        assert page.has_next() and page.has_previous() and page.paginator.num_pages == 3


def test_other_values_are_not_remembered(site_tree, articles, settings):
    settings.LSV_FRAGMENT_MEMO = True
    listing = site_tree.news.get_listing()
    request = RequestFactory().get("/")
    page = page_of(listing.values_list("title", flat=True), 1, PER_PAGE, request=request, key="t")
    assert list(page) == [a.title for a in Paginator(listing, PER_PAGE).page(1)]
    assert not listing_keys()


def test_other_query_parameters_are_not_remembered(client, site_tree, articles, settings):
    settings.LSV_FRAGMENT_MEMO = True
    response = client.get(site_tree.news.url, {"page": 2, "utm_source": "x"}, follow=True)
    assert listing_state(response) == expected(site_tree.news.get_listing(), 2)
    assert not listing_keys()


def test_people_listing_by_name(client, site_tree, memo):
    for name in ("Östen Ö", "Anna A", "Bertil B"):
        PersonPageFactory(parent=site_tree.people, title=name)
    assert titles(client.get(site_tree.people.url)) == ["Anna A", "Bertil B", "Östen Ö"]


def test_remembered_pages_skip_the_count_and_the_offset(client, site_tree, articles, settings):
    """With the memo a page costs one query for its own rows, on any page."""
    settings.LSV_FRAGMENT_MEMO = True
    client.get(site_tree.news.url)  # fills the memo
    listing = site_tree.news.get_listing()
    request = RequestFactory().get(site_tree.news.url)
    for number in (1, 3):
        with CaptureQueriesContext(connection) as queries:
            page = page_of(
                listing,
                number,
                PER_PAGE,
                request=request,
                key=(site_tree.news.pk, site_tree.news.url),
            )
            items = list(page)
            count = page.paginator.count
        assert [p.pk for p in items] == expected(listing, number)[0] and count == 27
        sql = [q["sql"] for q in queries.captured_queries]
        assert len(sql) <= 2, sql  # the page's rows (and at most the expiry check)
        assert not any("COUNT(" in s or "OFFSET" in s for s in sql)


def test_listing_queries_are_bounded_on_a_deep_page(
    client, site_tree, articles, memo, django_assert_max_num_queries
):
    client.get(site_tree.news.url, {"page": 3}, follow=True)
    with django_assert_max_num_queries(10):
        response = client.get(site_tree.news.url, {"page": 3}, follow=True)
    assert len(response.context["items"]) == 3


def test_page_lookup_indexes_exist():
    """Routing by url_path and the expiry lookups use indexes (migration 0004)."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")
    assert constraints["lsv_page_url_path_idx"]["columns"] == ["url_path"]
    assert constraints["lsv_page_expire_at_idx"]["columns"] == ["expire_at"]


def test_memo_is_bounded(site_tree, articles, settings, monkeypatch):
    """Past the memo's bound the least recently used listings go; pages stay right."""
    settings.LSV_FRAGMENT_MEMO = True
    settings.LSV_FRAGMENT_MEMO_BYTES = 350  # room for two 27-id arrays (172 bytes)
    listing = site_tree.news.get_listing()
    request = RequestFactory().get("/")
    for key in ("a", "b", "a", "c"):
        page = page_of(listing, 3, PER_PAGE, request=request, key=key)
        assert [p.pk for p in page] == expected(listing, 3)[0]
    assert listing_keys() == ["a", "c"]
    assert fragments.size()["bytes"] <= 350
