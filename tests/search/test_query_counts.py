"""What a search costs in SQL: a small, fixed number of queries per request,
whatever the query's words, however many results (docs/performance.md).

Counted with the per-process memos warm (the site lookup, view restrictions,
the promoted queries, content types, the footer): each search is sent once
before it is counted. Results here have card images, so the renditions
query is counted too."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

import pytest

from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)
from tests.search.links import result_hrefs

pytestmark = pytest.mark.django_db

SEARCH_URL = "/sok/"
postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the SearchEntry statements are PostgreSQL's"
)


def paragraph(text: str) -> str:
    return f'[{{"type": "paragraph", "value": "<p>{text}</p>"}}]'


@pytest.fixture
def corpus(site_tree):
    """Fourteen pages with "välfärd" (all three kinds, with topics, images and
    a phrase in their bodies), one with "ensam" and one with "stadsodling"."""
    image = ImageFactory()
    for n in range(12):
        NewsArticlePageFactory(
            parent=site_tree.news,
            title=f"Välfärd i kommunen {n}",
            topics=["Kommuner", f"Ämne {n}"],
            hero_image=image,
            body=paragraph("Om vård i hemmet och välfärd."),
        )
    WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om välfärd", cover_image=image)
    PersonPageFactory(parent=site_tree.people, title="Karin Välfärd", photo=image)
    NewsArticlePageFactory(parent=site_tree.news, title="Ensam träff", hero_image=image)
    NewsArticlePageFactory(parent=site_tree.news, title="Stadsodling på taket")
    return site_tree


def count_queries(client, params: dict) -> tuple[int, object]:
    client.get(SEARCH_URL, params)  # the memos, as in a process that has served a page
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH_URL, params)
    assert response.status_code == (302 if ":" in params["q"] else 200)
    return len(captured), response


# The statements of a first results page on PostgreSQL:
#   1. the match: the page of ids with the total count and the excerpts;
#   2. the cards: the result pages of the kinds among them, with card images;
#   3. the renditions of those images (only when a card has one);
#   4. the query log: query text, today's hit and the outcome in one statement;
#   5. the facets: kinds, topics and years in one statement.
# A later page has no log (1, 2, 3, 5). Fewer than three results add the
# "Menade du …?" lookup (all the words in one statement), and a suggestion
# found adds its count. Nothing found, unfiltered and unpromoted: no cards, no
# facets. Promotions add their cards. Click links are built without a query.
@postgresql_only
@pytest.mark.parametrize(
    "params, expected",
    [
        ({"q": "välfärd"}, 5),  # 1–5
        ({"q": "välfärd kommunen"}, 5),  # 1–5: more words, the same statements
        ({"q": '"vård i hemmet"'}, 5),  # 1–5: a phrase is a condition in them
        ({"q": "välfärd", "typ": "nyheter"}, 5),  # 1–5: filters too
        ({"q": "välfärd", "amne": "kommuner", "ar": "2026"}, 5),  # 1–5
        ({"q": "välfärd", "page": 2}, 4),  # 1, 2, 3, 5
        ({"q": "ensam"}, 6),  # 1–5 and the suggestion lookup (one result)
        ({"q": "zyxwvu"}, 3),  # 1, 4 and the suggestion lookup, which finds none
        ({"q": "välfärs"}, 4),  # 1, 4, the lookup and the suggestion's count
        ({"q": "välfärs kommunn stadsodlig"}, 4),  # the same: one lookup for all words
        ({"q": "typ:nyheter välfärs"}, 0),  # the operator's redirect, no query at all
        ({"q": "ämne:kommuner"}, 1),  # a topic operator looks up its slug, then redirects
    ],
)
def test_statements_per_search(client, corpus, params, expected):
    count, response = count_queries(client, params)
    assert count == expected


@postgresql_only
def test_promotions_add_their_cards_only(client, corpus):
    # Which queries have pinned pages, and which, is remembered per content version.
    SearchPromotion.objects.create(
        query=Query.get("välfärd"),
        page=PersonPageFactory(parent=corpus.people, title="Lisa Holm"),
        sort_order=0,
    )
    count, response = count_queries(client, {"q": "välfärd"})
    assert count == 5 + 1  # the promoted cards (their images' renditions in 3)
    assert len(result_hrefs(response)) == 13


def test_query_count_does_not_grow_with_the_results(client, corpus):
    one, response = count_queries(client, {"q": "ensam"})
    assert len(result_hrefs(response)) == 1
    twelve, response = count_queries(client, {"q": "välfärd"})
    assert len(result_hrefs(response)) == 12
    # One result costs the "Menade du …?" lookup more on PostgreSQL (none on
    # SQLite, which has no suggestions); twelve cost nothing more than one.
    assert twelve == one - (1 if connection.vendor == "postgresql" else 0)
    # Nor do the words: two unknown words cost what one does.
    assert (
        count_queries(client, {"q": "välfärs kommunn"})[0]
        == count_queries(client, {"q": "välfärs"})[0]
    )


@postgresql_only
def test_a_click_is_the_page_lookup_and_one_update(client, corpus):
    client.get(SEARCH_URL, {"q": "välfärd"})
    href = result_hrefs(client.get(SEARCH_URL, {"q": "välfärd"}))[0]
    client.get(href)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(href).status_code == 302
    # The visible page by its id, then the click count (one UPDATE); the site
    # for its URL is the remembered one.
    assert len(captured) == 2
