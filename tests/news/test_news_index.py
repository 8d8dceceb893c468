import datetime as dt

import pytest

from tests.factories import ImageFactory, NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def many_articles(site_tree):
    return [
        NewsArticlePageFactory(
            parent=site_tree.news,
            title=f"Artikel {n:02d}",
            publication_date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(15)
    ]


def card_titles(response):
    return [card.title for card in response.context["items"]]


def test_newest_first_twelve_per_page(client, site_tree, many_articles):
    first = client.get(site_tree.news.url)
    assert first.status_code == 200
    assert card_titles(first) == [f"Artikel {n:02d}" for n in range(14, 2, -1)]
    second = client.get(site_tree.news.url, {"page": 2})
    assert card_titles(second) == ["Artikel 02", "Artikel 01", "Artikel 00"]
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.parametrize(
    "value, expected_page",
    [
        ("abc", 1),
        ("0", 1),
        ("-3", 1),
        ("99999", 2),
        ("1.5", 1),
        ("", 1),
        ("%00", 1),
        ("9" * 400, 1),
    ],
)
def test_page_parameter_never_errors(client, site_tree, many_articles, value, expected_page):
    """Junk redirects to the first page, too large a number to the last."""
    response = client.get(f"{site_tree.news.url}?page={value}", follow=True)
    assert response.status_code == 200 and response.redirect_chain
    assert response.context["items"].number == expected_page


def test_drafts_and_future_pages_are_not_listed(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Publicerad")
    NewsArticlePageFactory(parent=site_tree.news, title="Utkast", live=False)
    assert card_titles(client.get(site_tree.news.url)) == ["Publicerad"]


def test_topic_has_its_own_url(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Om bostad", topics=["Bostad"])
    NewsArticlePageFactory(parent=site_tree.news, title="Om effekter", topics=["Effektmätning"])
    response = client.get(f"{site_tree.news.url}amne/effektmatning/")
    assert response.status_code == 200
    assert card_titles(response) == ["Om effekter"]
    assert "<h1>Ämne: Effektmätning</h1>" in response.content.decode()
    assert client.get(f"{site_tree.news.url}amne/finns-inte/").status_code == 404


def test_listing_queries_do_not_grow_with_cards(client, site_tree, django_assert_max_num_queries):
    NewsArticlePageFactory(parent=site_tree.news, hero_image=ImageFactory())
    client.get(site_tree.news.url)
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        client.get(site_tree.news.url)
    for _ in range(11):
        NewsArticlePageFactory(parent=site_tree.news, hero_image=ImageFactory(), topics=["A", "B"])
    client.get(site_tree.news.url)  # renditions are generated on the first view
    with django_assert_max_num_queries(LISTING_MAX_QUERIES):
        response = client.get(site_tree.news.url)
    assert len(response.context["items"]) == 12


# Routing, count, the page of articles, images, renditions, navigation.
LISTING_MAX_QUERIES = 14
