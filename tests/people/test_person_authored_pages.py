"""A person's page lists what they wrote 12 to a page, as the listings do."""

import datetime as dt

import lxml.html
import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    html = lxml.html.fromstring(response.content)
    return [t.text_content().strip() for t in html.xpath('//*[@class="card__title"]')]


@pytest.fixture
def prolific(site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Karin Ström", slug="karin-strom")
    for n in range(13):
        NewsArticlePageFactory(
            parent=site_tree.news,
            title=f"Text {n:02d}",
            authors=[person],
            publication_date=dt.date(2026, 1, 1) + dt.timedelta(days=n),
        )
    # Listed twice on one paper: it is still one card.
    WhitePaperPageFactory(
        parent=site_tree.papers,
        title="Rapporten",
        authors=[person, person],
        publication_date=dt.date(2025, 1, 1),
    )
    return person


@pytest.fixture(params=[False, True], ids=["paginator", "memo"])
def memo(request, settings):
    """Both ways to a page: Django's paginator, and slices of the remembered ids."""
    settings.LSV_FRAGMENT_MEMO = request.param
    return request.param


def test_what_a_person_wrote_is_paginated(client, prolific, memo):
    first = client.get(prolific.url)
    assert first.status_code == 200
    assert titles(first) == [f"Text {n:02d}" for n in range(12, 0, -1)]
    html = lxml.html.fromstring(first.content)
    assert html.xpath('string(//nav[@class="pagination"]//a[@rel="next"]/@href)') == "?page=2"
    # The person's feed beside the list.
    feeds = html.xpath('//section[@class="person__authored"]//a/@href')
    assert "/feeds/personer/karin-strom/rss/" in feeds

    second = client.get(prolific.url, {"page": "2"})
    assert second.status_code == 200
    assert titles(second) == ["Text 00", "Rapporten"]
    html = lxml.html.fromstring(second.content)
    canonical = html.xpath('string(//link[@rel="canonical"]/@href)')
    assert canonical.endswith(f"{prolific.url}?page=2")
    assert "Sida 2 av 2" in html.xpath('string(//nav[@class="pagination"])')


def test_past_the_last_page_redirects_to_it(client, prolific):
    response = client.get(prolific.url, {"page": "3"})
    assert response.status_code == 302
    assert response["Location"] == f"{prolific.url}?page=2"
    assert client.get(prolific.url, {"page": "1"})["Location"] == prolific.url


def test_a_person_who_wrote_nothing_has_one_page(client, site_tree):
    person = PersonPageFactory(parent=site_tree.people)
    assert client.get(person.url).status_code == 200
    response = client.get(person.url, {"page": "2"})
    assert response.status_code == 302
    assert response["Location"] == person.url
