import pytest

from core.cards import load_cards
from core.queries import restricted_paths
from news.models import NewsArticlePage
from people.models import PersonPage
from tests.factories import NewsArticlePageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db


def test_cards_of_the_kinds_named_load_in_one_query(site_tree, django_assert_num_queries):
    article = NewsArticlePageFactory(parent=site_tree.news)
    person = PersonPageFactory(parent=site_tree.people)
    restricted_paths()  # remembered per content version; not what is counted
    with django_assert_num_queries(1):
        cards = load_cards(
            [person.pk, article.pk], renditions=False, kinds={NewsArticlePage, PersonPage}
        )
    assert [type(card) for card in cards] == [PersonPage, NewsArticlePage]


def test_a_card_of_a_kind_not_named_still_loads(site_tree, django_assert_num_queries):
    article = NewsArticlePageFactory(parent=site_tree.news)
    person = PersonPageFactory(parent=site_tree.people)
    restricted_paths()  # remembered per content version; not what is counted
    with django_assert_num_queries(2):
        cards = load_cards([article.pk, person.pk], renditions=False, kinds={NewsArticlePage})
    assert [card.pk for card in cards] == [article.pk, person.pk]
    assert isinstance(cards[1], PersonPage)


def test_cards_do_not_load_bodies(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    card = load_cards([article.pk], renditions=False)[0]
    assert "body" in card.get_deferred_fields()
    assert card.lead == article.lead
