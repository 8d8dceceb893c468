"""Facets on the search results page: kind, topic and year, with counts,
kept in the URL and combinable (docs/search.md)."""

import datetime
import re
from urllib.parse import quote

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory
from tests.search.links import result_urls

pytestmark = pytest.mark.django_db

SEARCH_URL = "/sok/"


def slug(name: str) -> str:
    return Tag.objects.get(name=name).slug


def facet_links(response) -> dict[str, tuple[str, int, bool]]:
    """Label → (href, count, active) for every facet link."""
    html = response.content.decode()
    nav = re.search(r'<nav class="search__facets".*?</nav>', html, re.S).group(0)
    return {
        label: (href.replace("&amp;", "&"), int(count), bool(current))
        for href, current, label, count in re.findall(
            r'<a href="([^"]+)"( aria-current="true")?>([^<]+?) '
            r'<span class="search__facet-count">\((\d+)\)</span></a>',
            nav,
        )
    }


@pytest.fixture
def corpus(site_tree):
    """Five pages with the word "klimat": three news (two in 2025, one in
    2024), a white paper from 2025 and a person."""
    day = datetime.date
    return {
        "n1": NewsArticlePageFactory(
            parent=site_tree.news,
            title="Klimat i kommunen",
            topics=["Kommuner", "Miljö"],
            publication_date=day(2025, 3, 1),
        ),
        "n2": NewsArticlePageFactory(
            parent=site_tree.news,
            title="Klimat och skola",
            topics=["Kommuner"],
            publication_date=day(2025, 5, 1),
        ),
        "n3": NewsArticlePageFactory(
            parent=site_tree.news,
            title="Klimat förr",
            topics=["Miljö"],
            publication_date=day(2024, 1, 10),
        ),
        "wp": WhitePaperPageFactory(
            parent=site_tree.papers,
            title="Klimatrapport om klimat",
            topics=["Miljö"],
            publication_date=day(2025, 9, 1),
        ),
        "p": PersonPageFactory(parent=site_tree.people, title="Klimat Karlsson"),
        "other": NewsArticlePageFactory(
            parent=site_tree.news,
            title="Annat ämne",
            topics=["Kommuner"],
            publication_date=day(2025, 2, 1),
        ),
    }


def test_counts_over_a_fixed_corpus(client, corpus):
    links = facet_links(client.get(SEARCH_URL, {"q": "klimat"}))
    assert links["Nyheter"][1] == 3
    assert links["White papers"][1] == 1
    assert links["Personer"][1] == 1
    assert links["Miljö"][1] == 3
    assert links["Kommuner"][1] == 2
    assert links["2025"][1] == 3
    assert links["2024"][1] == 1
    assert not any(active for _href, _n, active in links.values())


def test_a_facet_link_narrows_and_keeps_the_query(client, corpus):
    href = facet_links(client.get(SEARCH_URL, {"q": "klimat"}))["Kommuner"][0]
    assert "q=klimat" in href and "amne=" + quote(slug("Kommuner")) in href
    response = client.get(SEARCH_URL + href)
    assert response.status_code == 200
    assert sorted(result_urls(response)) == sorted([corpus["n1"].url, corpus["n2"].url])
    links = facet_links(response)
    assert links["Kommuner"][2]  # marked active
    assert "Ta bort filter" in response.content.decode()


def test_filters_combine(client, corpus):
    response = client.get(SEARCH_URL, {"q": "klimat", "amne": slug("Miljö"), "ar": "2025"})
    assert sorted(result_urls(response)) == sorted([corpus["n1"].url, corpus["wp"].url])
    response = client.get(
        SEARCH_URL, {"q": "klimat", "typ": "nyheter", "amne": slug("Miljö"), "ar": "2025"}
    )
    assert result_urls(response) == [corpus["n1"].url]
    links = facet_links(response)
    # Each facet counts with the other filters but not its own.
    assert links["Nyheter"] == (links["Nyheter"][0], 1, True)
    assert links["White papers"][1] == 1
    assert links["2024"][1] == 1
    assert "typ=nyheter" in links["2024"][0] and "amne=" + quote(slug("Miljö")) in links["2024"][0]


@pytest.mark.parametrize(
    "params",
    [
        {"typ": "okänd"},
        {"ar": "tjugo"},
        {"ar": "99999999999999999999"},
        {"ar": "²⁰²⁵"},
        {"amne": "finns-inte"},
        {"amne": "'; drop table x; --"},
        {"amne": "x" * 500, "ar": "-1", "typ": "\x00"},
    ],
)
def test_bad_values_are_no_server_error(client, corpus, params):
    response = client.get(SEARCH_URL, {"q": "klimat", **params})
    assert response.status_code in (200, 400)


def test_queries_per_request_stay_bounded(client, corpus):
    client.get(SEARCH_URL, {"q": "klimat"})  # warm the per-version memos
    counts = []
    for params in (
        {"q": "klimat"},
        {"q": "klimat", "typ": "nyheter", "amne": slug("Miljö"), "ar": "2025"},
    ):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SEARCH_URL, params).status_code == 200
        counts.append(len(captured))
    for n in range(10):
        NewsArticlePageFactory(
            parent=corpus["n1"].get_parent(),
            title=f"Klimat {n}",
            topics=[f"Ämne {n}"],
            publication_date=datetime.date(2010 + n, 1, 1),
        )
    client.get(SEARCH_URL, {"q": "klimat"})  # the memos, after content changed
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH_URL, {"q": "klimat"})
    # More pages, topics and years do not mean more queries.
    assert len(captured) <= max(counts)
    assert max(counts) <= 25
    topics = re.search(r'id="facet-topic">.*?</ul>', response.content.decode(), re.S).group(0)
    assert topics.count("<li>") == 10


def test_facets_are_a_headed_nav_and_only_with_a_query(client, corpus):
    html = client.get(SEARCH_URL, {"q": "klimat"}).content.decode()
    assert '<nav class="search__facets" aria-labelledby="facets-heading">' in html
    assert '<h2 id="facets-heading">' in html
    for heading in ("Typ", "Ämne", "År"):
        assert f">{heading}</h3>" in html
    assert "search__facets" not in client.get(SEARCH_URL).content.decode()


def test_help_text_explains_filters(client, site_tree):
    html = client.get(SEARCH_URL).content.decode()
    assert "med länkarna bredvid träffarna; filtren går att kombinera" in html
