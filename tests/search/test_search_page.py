import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from search.models import QueryOutcome
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory
from tests.search.links import result_urls

pytestmark = pytest.mark.django_db

SEARCH_URL = "/sok/"


def paragraph(text: str) -> str:
    return f'[{{"type": "paragraph", "value": "<p>{text}</p>"}}]'


def test_header_has_a_labelled_search_box(client, site_tree):
    html = client.get(site_tree.news.url).content.decode()
    assert 'action="/sok/" method="get"' in html
    assert '<label class="visually-hidden" for="site-search-q">' in html
    assert 'id="site-search-q" type="search" name="q"' in html


def test_results_of_all_kinds_with_label_title_date_and_excerpt(client, site_tree):
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Bostäder för unga", lead="Om bostadsbrist bland unga."
    )
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, title="Rapport om bostadsbrist", summary="Unga och boende."
    )
    person = PersonPageFactory(parent=site_tree.people, title="Karin Bostadsbrist")
    response = client.get(SEARCH_URL, {"q": "bostadsbrist"})
    assert response.status_code == 200
    assert set(result_urls(response)) == {article.url, paper.url, person.url}
    html = response.content.decode()
    for label in ("Nyhet", "White paper", "Person"):
        assert f'<p class="card__kind">{label}</p>' in html
    assert "Om bostadsbrist bland unga." in html
    assert f'<time datetime="{article.publication_date:%Y-%m-%d}">' in html
    # The query stays in both boxes.
    assert html.count('value="bostadsbrist"') == 2


def test_person_role_is_searchable(client, site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Ola Svensson", role="Kassör")
    assert result_urls(client.get(SEARCH_URL, {"q": "kassör"})) == [person.url]


def test_title_hit_ranks_above_lead_hit_above_body_hit(client, site_tree):
    in_body = NewsArticlePageFactory(
        parent=site_tree.news, title="Första", lead="Ingress.", body=paragraph("Om mentorskap.")
    )
    in_lead = NewsArticlePageFactory(parent=site_tree.news, title="Andra", lead="Mentorskap.")
    in_title = NewsArticlePageFactory(parent=site_tree.news, title="Mentorskap", lead="Ingress.")
    urls = result_urls(client.get(SEARCH_URL, {"q": "mentorskap"}))
    assert urls[0] == in_title.url
    if connection.vendor == "postgresql":
        # SQLite's backend ranks a lead and a body alike.
        assert urls == [in_title.url, in_lead.url, in_body.url]
    assert sorted(urls) == sorted([in_title.url, in_lead.url, in_body.url])


def test_title_hits_lead_on_every_page(client, site_tree, settings):
    settings.LSV_LISTING_PAGE_SIZE = 2
    in_titles = [
        NewsArticlePageFactory(parent=site_tree.news, title=f"Kulturarv {n}", lead="Ingress.")
        for n in range(3)
    ]
    in_leads = [
        NewsArticlePageFactory(parent=site_tree.news, title=f"Rubrik {n}", lead="Om kulturarv.")
        for n in range(2)
    ]
    pages = [
        result_urls(client.get(SEARCH_URL, {"q": "kulturarv", **({"page": n} if n > 1 else {})}))
        for n in (1, 2, 3)
    ]
    assert [len(urls) for urls in pages] == [2, 2, 1]
    assert set(pages[0] + pages[1][:1]) == {p.url for p in in_titles}
    assert set(pages[1][1:] + pages[2]) == {p.url for p in in_leads}


def test_kind_filter(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Samverkan i nyheten")
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Samverkan i rapporten")
    response = client.get(SEARCH_URL, {"q": "samverkan", "typ": "white-papers"})
    assert result_urls(response) == [paper.url]
    assert '<option value="white-papers" selected>' in response.content.decode()
    # An unknown kind searches everything rather than failing.
    assert len(result_urls(client.get(SEARCH_URL, {"q": "samverkan", "typ": "x"}))) == 2


def test_pagination_keeps_the_query_and_kind(client, site_tree, settings):
    settings.LSV_LISTING_PAGE_SIZE = 2
    pages = [NewsArticlePageFactory(parent=site_tree.news, title=f"Välfärd {n}") for n in range(5)]
    first = client.get(SEARCH_URL, {"q": "välfärd", "typ": "nyheter"})
    html = first.content.decode()
    assert 'href="?q=v%C3%A4lf%C3%A4rd&amp;typ=nyheter&amp;page=2" rel="next"' in html
    seen = result_urls(first)
    seen += result_urls(client.get(SEARCH_URL, {"q": "välfärd", "typ": "nyheter", "page": 2}))
    last = client.get(SEARCH_URL, {"q": "välfärd", "typ": "nyheter", "page": 3})
    seen += result_urls(last)
    assert sorted(seen) == sorted(p.url for p in pages)
    assert 'rel="prev"' in last.content.decode()
    # Junk page numbers give a page, not an error.
    # Junk page numbers redirect to the first page, keeping the query.
    junk = client.get(SEARCH_URL, {"q": "välfärd", "page": "x"}, follow=True)
    assert junk.status_code == 200 and junk.redirect_chain[-1][1] == 301
    assert client.get(SEARCH_URL, {"q": "välfärd", "page": "999"}).status_code == 200


def test_only_live_public_unexpired_pages(client, site_tree):
    import datetime as dt

    from django.utils import timezone

    live = NewsArticlePageFactory(parent=site_tree.news, title="Synlig folkbildning")
    NewsArticlePageFactory(parent=site_tree.news, title="Utkast folkbildning", live=False)
    private = NewsArticlePageFactory(parent=site_tree.news, title="Privat folkbildning")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Utgången folkbildning",
        expire_at=timezone.now() - dt.timedelta(minutes=1),
    )
    assert result_urls(client.get(SEARCH_URL, {"q": "folkbildning"})) == [live.url]


def test_nothing_found_says_so(client, site_tree):
    response = client.get(SEARCH_URL, {"q": "zyxwvu"})
    assert response.status_code == 200
    assert "Inga träffar för ”zyxwvu”" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "",
        "a",
        "x" * 2000,
        "'",
        "&",
        "|",
        "!",
        ":*",
        "(",
        "innovation:* & !(välfärd | 'x')",
        "<script>alert('x')</script>",
        "🙂🚀",
        "välfärd\x00",
        "\x00",
        "' OR 1=1 --",
        '"ofullständig fras',
    ],
)
def test_hostile_queries_give_a_normal_page(client, site_tree, query):
    NewsArticlePageFactory(parent=site_tree.news, title="Välfärd och innovation")
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<h1>Sök</h1>" in html


def test_null_byte_in_the_raw_query_string(client, site_tree):
    assert client.get(SEARCH_URL + "?q=%00&typ=%00&page=%00", follow=True).status_code == 200


def test_long_query_is_truncated_in_the_box(client, site_tree):
    html = client.get(SEARCH_URL, {"q": "lång " * 500}).content.decode()
    value = re.search(r'id="search-q" type="search" name="q" value="([^"]*)"', html).group(1)
    assert 0 < len(value) <= 200


def test_query_count_does_not_grow_with_the_results(client, site_tree):
    # Three: fewer results also look for a "Menade du …?" (test_topics_people_snippets).
    for n in range(3):
        NewsArticlePageFactory(parent=site_tree.news, title=f"Ensam träff {n}")
    for n in range(12):
        NewsArticlePageFactory(parent=site_tree.news, title=f"Många träffar {n}")
        WhitePaperPageFactory(parent=site_tree.papers, title=f"Många rapporter {n}")
        PersonPageFactory(parent=site_tree.people, title=f"Många Personer{n}")
    counts = []
    for query in ("ensam", "många"):
        client.get(SEARCH_URL, {"q": query})  # warm caches such as the site lookup
        with CaptureQueriesContext(connection) as queries:
            response = client.get(SEARCH_URL, {"q": query})
        counts.append(len(queries))
        assert len(result_urls(response)) in (3, 12)
    assert counts[0] == counts[1]
    assert counts[1] <= 25


def test_searches_are_logged_anonymously(client, site_tree):
    client.get(SEARCH_URL, {"q": "  Psykisk   Ohälsa "}, REMOTE_ADDR="203.0.113.9")
    client.get(SEARCH_URL, {"q": "psykisk ohälsa"})
    # Later pages of the same search are not counted again.
    client.get(SEARCH_URL, {"q": "psykisk ohälsa", "page": 2})
    query = Query.objects.get()
    assert query.query_string == "psykisk ohälsa"
    assert query.hits == 2
    field_names = {
        f.name
        for model in (Query, query.daily_hits.model, QueryOutcome)
        for f in model._meta.get_fields()
    }
    assert not field_names & {"ip", "ip_address", "user", "session"}


def test_promoted_results_come_first_once(client, site_tree):
    ordinary = NewsArticlePageFactory(parent=site_tree.news, title="Integration i skolan")
    promoted = WhitePaperPageFactory(
        parent=site_tree.papers, title="Rapport", summary="Om integration."
    )
    unrelated = PersonPageFactory(parent=site_tree.people, title="Lisa Holm")
    query = Query.get("integration")
    SearchPromotion.objects.create(query=query, page=unrelated, sort_order=0)
    SearchPromotion.objects.create(query=query, page=promoted, sort_order=1)
    urls = result_urls(client.get(SEARCH_URL, {"q": "integration"}))
    assert urls == [unrelated.url, promoted.url, ordinary.url]


def test_unpublished_promotion_is_not_shown(client, site_tree):
    draft = NewsArticlePageFactory(parent=site_tree.news, title="Hemligt", live=False)
    SearchPromotion.objects.create(query=Query.get("hemligt"), page=draft, sort_order=0)
    assert result_urls(client.get(SEARCH_URL, {"q": "hemligt"})) == []


def test_editors_see_searches_without_results(client, admin_client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Fritidsgårdar")
    client.get(SEARCH_URL, {"q": "fritidsgårdar"})
    client.get(SEARCH_URL, {"q": "simskola"})
    client.get(SEARCH_URL, {"q": "Simskola"})
    response = admin_client.get("/admin/reports/searches-without-results/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "simskola" in html
    assert "fritidsgårdar" not in html
    assert Query.objects.get(query_string="simskola").outcome.result_count == 0
    assert Query.objects.get(query_string="fritidsgårdar").outcome.result_count == 1
