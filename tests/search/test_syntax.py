"""The search box's syntax: phrases in quotation marks, and `typ:`, `ämne:`
and `år:` that become the filters' parameters (docs/search.md)."""

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from search.results import ranked_page_ids
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory
from tests.search.links import result_urls

pytestmark = pytest.mark.django_db

SEARCH_URL = "/sok/"


def paragraph(text: str) -> str:
    return f'[{{"type": "paragraph", "value": "<p>{text}</p>"}}]'


@pytest.fixture
def phrase_pages(site_tree):
    together = NewsArticlePageFactory(
        parent=site_tree.news, title="Omsorg", body=paragraph("Mer vård i hemmet för äldre.")
    )
    apart = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Skola",
        body=paragraph("Hemmet är viktigt i vardagen. Vård ges på sjukhus."),
    )
    return together, apart


@pytest.mark.parametrize(
    "query",
    [
        '"vård i hemmet"',
        "”vård i hemmet”",
        "“vård i hemmet”",
        "»vård i hemmet»",
        "«vård i hemmet»",
    ],
)
def test_quoted_words_are_found_as_a_phrase(client, phrase_pages, query):
    together, _apart = phrase_pages
    assert result_urls(client.get(SEARCH_URL, {"q": query})) == [together.url]


def test_without_quotes_or_with_one_quote_the_words_are_enough(client, phrase_pages):
    expected = sorted(page.url for page in phrase_pages)
    for query in ("vård i hemmet", '"vård i hemmet', "vård i hemmet”"):
        assert sorted(result_urls(client.get(SEARCH_URL, {"q": query}))) == expected, query


def test_a_phrase_and_other_words_must_all_match(client, site_tree, phrase_pages):
    together, _apart = phrase_pages
    both = NewsArticlePageFactory(
        parent=site_tree.news, title="Äldre", body=paragraph("Vård i hemmet och läxhjälp.")
    )
    response = client.get(SEARCH_URL, {"q": 'läxhjälp "vård i hemmet"'})
    assert result_urls(response) == [both.url]


@pytest.mark.parametrize(
    "query",
    ['"vård & hemmet | !x"', "”:* <-> <2> (a) 'b'”", '"" ”” «»', '"\'" "&"', '"' * 50],
)
def test_quotes_carry_no_backend_syntax(client, phrase_pages, query):
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200


def test_ranked_page_ids_take_phrases(site_tree, phrase_pages):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the entries are PostgreSQL's")
    together, _apart = phrase_pages
    assert ranked_page_ids("vård hemmet", phrases=("vård i hemmet",)).page_ids == [together.pk]
    # Only stop words: no phrase to match, the words decide.
    assert ranked_page_ids("vård och i", phrases=("och i",)).total == 2


def test_phrase_narrows_the_facet_counts(client, site_tree, phrase_pages):
    html = client.get(SEARCH_URL, {"q": '"vård i hemmet"'}).content.decode()
    assert "(1)</span>" in html and "(2)</span>" not in html


# Operators --------------------------------------------------------------------


def redirect_params(response) -> dict[str, list[str]]:
    assert response.status_code == 302
    parts = urlsplit(response["Location"])
    assert parts.path == SEARCH_URL
    return parse_qs(parts.query)


def test_operators_become_the_filter_parameters(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Välfärd", topics=["Social innovation"])
    response = client.get(SEARCH_URL, {"q": "välfärd typ:nyheter"})
    assert response["Location"] == "/sok/?q=v%C3%A4lf%C3%A4rd&typ=nyheter"
    assert redirect_params(
        client.get(
            SEARCH_URL,
            {"q": "Välfärd år:2026 ämne:”social innovation” TYP:White-Papers", "page": "3"},
        )
    ) == {"q": ["Välfärd"], "ar": ["2026"], "amne": ["social-innovation"], "typ": ["white-papers"]}
    # Slug or name, any case, with or without the Swedish letters; the
    # operator wins over the URL's parameter.
    assert redirect_params(
        client.get(SEARCH_URL, {"q": "amne:Social-Innovation ar:2025", "ar": "2024"})
    ) == {"amne": ["social-innovation"], "ar": ["2025"]}


def test_the_redirect_finds_the_filtered_results(client, site_tree):
    news = NewsArticlePageFactory(
        parent=site_tree.news, title="Klimat i staden", publication_date=dt.date(2025, 5, 1)
    )
    NewsArticlePageFactory(
        parent=site_tree.news, title="Klimat på landet", publication_date=dt.date(2024, 5, 1)
    )
    WhitePaperPageFactory(
        parent=site_tree.papers, title="Klimat", publication_date=dt.date(2025, 6, 1)
    )
    response = client.get(SEARCH_URL, {"q": "klimat typ:nyheter år:2025"}, follow=True)
    assert response.redirect_chain == [("/sok/?q=klimat&typ=nyheter&ar=2025", 302)]
    assert result_urls(response) == [news.url]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("välfärd typ:nyhet", "Det finns ingen typ ”nyhet”"),
        ("välfärd år:tjugo", "”tjugo” är inget år"),
        ("välfärd år:1066", "”1066” är inget år"),
        ("välfärd ämne:finnsinte", "Det finns inget ämne ”finnsinte”"),
        ("välfärd ämne:<script>", "Det finns inget ämne ”&lt;script&gt;”"),
    ],
)
def test_an_unknown_value_says_so_under_the_box(client, site_tree, query, message):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Välfärd")
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'aria-describedby="search-help search-problems"' in html
    assert '<div id="search-problems" class="search__problems" role="alert"><p>' in html
    assert message in html
    assert "<script>" not in html
    # The box keeps what was typed, to be put right; the rest is searched.
    assert f'value="{query.replace("<", "&lt;").replace(">", "&gt;")}"' in html
    assert result_urls(response) == [page.url]


def test_a_known_and_an_unknown_operator(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Välfärd")
    person = PersonPageFactory(parent=site_tree.people, title="Karin Välfärd")
    response = client.get(SEARCH_URL, {"q": "välfärd typ:personer år:x"})
    assert response.status_code == 200
    assert result_urls(response) == [person.url]
    assert "”x” är inget år" in response.content.decode()


def test_help_text_explains_quotes_and_operators(client, site_tree):
    html = client.get(SEARCH_URL).content.decode()
    assert "Citattecken söker efter orden som en fras: ”social innovation”." in html
    assert "typ:nyheter, ämne:klimat eller år:2026" in html
