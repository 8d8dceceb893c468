"""Which "Läs mer" cards a page shows."""

import datetime as dt

from wagtail.models import PageViewRestriction

import pytest

from core.models import ReadMoreLink
from core.read_more import read_more_for
from tests.factories import (
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db


def titles(pages):
    return [page.title for page in pages]


def test_curated_links_keep_the_editors_order(site_tree):
    a = NewsArticlePageFactory(parent=site_tree.news, title="A")
    b = WhitePaperPageFactory(parent=site_tree.papers, title="B")
    c = PersonPageFactory(parent=site_tree.people, title="C")
    page = NewsArticlePageFactory(parent=site_tree.news, read_more=[c, a, b])
    assert titles(read_more_for(page)) == ["C", "A", "B"]


def test_at_most_six_curated_links(site_tree):
    targets = [NewsArticlePageFactory(parent=site_tree.news) for _ in range(8)]
    page = NewsArticlePageFactory(parent=site_tree.news, read_more=targets)
    assert titles(read_more_for(page)) == titles(targets[:6])


def test_fallback_tops_up_to_three_by_shared_topics_first(site_tree):
    picked = PersonPageFactory(parent=site_tree.people, title="Vald person")
    NewsArticlePageFactory(parent=site_tree.news, title="Nyast utan ämne")
    one = NewsArticlePageFactory(parent=site_tree.news, title="Ett gemensamt", topics=["Bostad"])
    two = WhitePaperPageFactory(
        parent=site_tree.papers, title="Två gemensamma", topics=["Bostad", "Unga"]
    )
    page = NewsArticlePageFactory(
        parent=site_tree.news, topics=["Bostad", "Unga"], read_more=[picked]
    )
    assert titles(read_more_for(page)) == ["Vald person", two.title, one.title]


def test_fallback_then_newest_of_the_same_kind(site_tree):
    NewsArticlePageFactory(
        parent=site_tree.news, title="Gammal", publication_date=dt.date(2020, 1, 1)
    )
    NewsArticlePageFactory(parent=site_tree.news, title="Ny", publication_date=dt.date(2026, 5, 1))
    NewsArticlePageFactory(
        parent=site_tree.news, title="Mellan", publication_date=dt.date(2024, 1, 1)
    )
    WhitePaperPageFactory(parent=site_tree.papers, title="Rapport utan ämne")
    page = NewsArticlePageFactory(parent=site_tree.news, publication_date=dt.date(2026, 6, 1))
    assert titles(read_more_for(page)) == ["Ny", "Mellan", "Gammal"]


def test_person_falls_back_to_other_people(site_tree):
    others = [PersonPageFactory(parent=site_tree.people) for _ in range(4)]
    person = PersonPageFactory(parent=site_tree.people)
    cards = read_more_for(person)
    assert len(cards) == 3
    assert person.pk not in {card.pk for card in cards}
    assert {card.pk for card in cards} <= {p.pk for p in others}


def test_never_self_draft_private_expired_or_duplicate(site_tree, django_user_model):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Sidan själv", topics=["X"])
    draft = NewsArticlePageFactory(parent=site_tree.news, title="Utkast", topics=["X"], live=False)
    private = NewsArticlePageFactory(parent=site_tree.news, title="Privat", topics=["X"])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    expired = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Utgången",
        topics=["X"],
        expire_at=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
    )
    visible = NewsArticlePageFactory(parent=site_tree.news, title="Synlig", topics=["X"])
    for order, target in enumerate([page, visible, visible, draft, private, expired]):
        ReadMoreLink.objects.create(page=page, target=target, sort_order=order)
    cards = read_more_for(page)
    # Curated: only "Synlig" survives; the fallback finds no other visible page.
    assert titles(cards) == ["Synlig"]
    assert not {"Sidan själv", "Utkast", "Privat", "Utgången"} & set(titles(cards))


def test_cards_are_specific_pages_with_kind_labels(site_tree):
    targets = [
        NewsArticlePageFactory(parent=site_tree.news),
        WhitePaperPageFactory(parent=site_tree.papers),
        PersonPageFactory(parent=site_tree.people),
    ]
    page = NewsArticlePageFactory(parent=site_tree.news, read_more=targets)
    assert [str(card.kind_label) for card in read_more_for(page)] == [
        "Nyhet",
        "White paper",
        "Person",
    ]


def test_read_more_section_and_see_all_link(client, site_tree):
    target = WhitePaperPageFactory(parent=site_tree.papers, title="Länkad rapport")
    page = NewsArticlePageFactory(parent=site_tree.news, read_more=[target])
    html = client.get(page.url).content.decode()
    assert '<h2 id="read-more-heading">Läs mer</h2>' in html
    assert '<p class="card__kind">White paper</p>' in html
    assert f'<a href="{site_tree.news.url}">Se alla nyheter</a>' in html


def test_no_empty_read_more_heading(client, site_tree):
    lonely = PersonPageFactory(parent=site_tree.people)
    html = client.get(lonely.url).content.decode()
    assert "Läs mer" not in html
    assert f'<a href="{site_tree.people.url}">Se alla personer</a>' in html
