import datetime as dt

import pytest

from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db


def test_person_page_shows_profile_and_what_they_wrote(client, site_tree):
    person = PersonPageFactory(
        parent=site_tree.people,
        title="Karin Ström",
        role="Analytiker",
        organisation="LSV",
        quote="Data ska hjälpa, inte styra.",
        bio="<p>Karin arbetar med uppföljning.</p>",
        email="karin@example.org",
        website="https://example.org/karin",
        photo=ImageFactory(),
    )
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Äldre text",
        authors=[person],
        publication_date=dt.date(2025, 1, 1),
    )
    WhitePaperPageFactory(
        parent=site_tree.papers,
        title="Ny rapport",
        authors=[person],
        publication_date=dt.date(2026, 3, 1),
    )
    NewsArticlePageFactory(parent=site_tree.news, title="Utkast", authors=[person], live=False)
    NewsArticlePageFactory(parent=site_tree.news, title="Någon annans")
    response = client.get(person.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Karin Ström</h1>" in html
    assert "Analytiker, LSV" in html
    assert "Data ska hjälpa, inte styra." in html
    assert "Karin arbetar med uppföljning." in html
    assert 'href="mailto:karin@example.org"' in html
    assert [p.title for p in response.context["authored"]] == ["Ny rapport", "Äldre text"]


def test_person_listed_on_people_index_by_name(client, site_tree):
    PersonPageFactory(parent=site_tree.people, title="Örjan Berg")
    PersonPageFactory(parent=site_tree.people, title="Anna Ek")
    response = client.get(site_tree.people.url)
    assert [p.title for p in response.context["items"]] == ["Anna Ek", "Örjan Berg"]
    # A listing of one kind does not label each card with it.
    assert 'class="card__kind"' not in response.content.decode()
