"""Clicks on search results: counted per query through `/sok/klick/`, which
only ever redirects to a visible page, and the editors' report of searches
without results or with few clicks."""

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from search.models import QueryOutcome
from tests.factories import NewsArticlePageFactory, PersonPageFactory
from tests.search.links import CLICK_PATH, result_hrefs, result_urls

pytestmark = pytest.mark.django_db

SEARCH_URL = "/sok/"
REPORT_URL = "/admin/reports/searches-without-results/"


def clicks(query: str) -> int:
    return QueryOutcome.objects.get(query__query_string=query).clicks


def test_result_links_count_a_click_and_lead_to_the_page(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Fritidsgårdar i Malmö")
    response = client.get(SEARCH_URL, {"q": "Fritidsgårdar"})
    [href] = result_hrefs(response)
    assert urlsplit(href).path == CLICK_PATH
    assert parse_qs(urlsplit(href).query) == {"q": ["Fritidsgårdar"], "till": [str(page.pk)]}
    assert clicks("fritidsgårdar") == 0
    click = client.get(href)
    assert click.status_code == 302
    assert click["Location"] == page.url
    assert "no-store" in click["Cache-Control"]
    client.get(href)
    assert clicks("fritidsgårdar") == 2


def test_promoted_results_count_too(client, site_tree):
    promoted = PersonPageFactory(parent=site_tree.people, title="Lisa Holm")
    ordinary = NewsArticlePageFactory(parent=site_tree.news, title="Simskola")
    SearchPromotion.objects.create(query=Query.get("simskola"), page=promoted, sort_order=0)
    response = client.get(SEARCH_URL, {"q": "simskola"})
    assert result_urls(response) == [promoted.url, ordinary.url]
    assert client.get(result_hrefs(response)[0])["Location"] == promoted.url
    assert clicks("simskola") == 1


def test_head_bots_and_prefetches_are_not_counted(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Läxhjälp")
    client.get(SEARCH_URL, {"q": "läxhjälp"})
    params = {"q": "läxhjälp", "till": page.pk}
    assert client.head(CLICK_PATH, params)["Location"] == page.url
    bot = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    assert client.get(CLICK_PATH, params, HTTP_USER_AGENT=bot)["Location"] == page.url
    assert client.get(CLICK_PATH, params, HTTP_SEC_PURPOSE="prefetch").status_code == 302
    assert clicks("läxhjälp") == 0
    assert client.post(f"{CLICK_PATH}?q=läxhjälp&till={page.pk}").status_code == 405
    assert clicks("läxhjälp") == 0


def test_a_query_never_searched_is_not_logged_by_a_click(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Kultur")
    assert client.get(CLICK_PATH, {"q": "påhittad", "till": page.pk})["Location"] == page.url
    assert not Query.objects.filter(query_string="påhittad").exists()


@pytest.mark.parametrize(
    "target",
    ["", "x", "-1", "0", "99999999", "9" * 40, "https://evil.example/", "//evil.example", "٣"],
)
def test_anything_but_a_visible_page_goes_back_to_the_search(client, site_tree, target):
    response = client.get(CLICK_PATH, {"q": "välfärd", "till": target})
    assert response.status_code == 302
    assert response["Location"] == "/sok/?q=v%C3%A4lf%C3%A4rd"


def test_hidden_pages_are_not_a_destination(client, site_tree):
    draft = NewsArticlePageFactory(parent=site_tree.news, title="Utkast", live=False)
    private = NewsArticlePageFactory(parent=site_tree.news, title="Privat")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    expired = NewsArticlePageFactory(
        parent=site_tree.news, title="Gammal", expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    for page in (draft, private, expired, site_tree.home):
        response = client.get(CLICK_PATH, {"till": page.pk})
        if page is site_tree.home:
            # A live page, though not a search result, is still only its own URL.
            assert response["Location"] == "/"
        else:
            assert response["Location"] == SEARCH_URL, page


def test_clicks_and_searches_are_never_page_cached(client, site_tree, settings):
    settings.LSV_PAGE_CACHE = True
    settings.LSV_FRAGMENT_MEMO = True
    page = NewsArticlePageFactory(parent=site_tree.news, title="Idrott")
    for _ in range(2):
        search = client.get(SEARCH_URL, {"q": "idrott"})
        assert search.headers.get("X-Page-Cache") is None
        click = client.get(result_hrefs(search)[0])
        assert click.headers.get("X-Page-Cache") is None
        assert click["Location"] == page.url
    assert Query.objects.get(query_string="idrott").hits == 2
    assert clicks("idrott") == 2


def test_report_lists_no_results_and_few_clicks(client, admin_client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Bostäder och boende")

    def search(query: str, times: int, clicked: int) -> None:
        for _ in range(times):
            client.get(SEARCH_URL, {"q": query})
        for _ in range(clicked):
            client.get(CLICK_PATH, {"q": query, "till": page.pk})

    search("simskola", 1, 0)  # nothing found
    search("bostäder", 6, 1)  # 0.17 clicks per search
    search("boende", 5, 1)  # 0.2: enough
    search("bostäder och boende", 4, 0)  # too few searches to tell
    response = admin_client.get(REPORT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sökningar utan träffar eller med få klick" in html
    for column in ("Sökord", "Sökningar", "Träffar", "Klick", "Senast sökt"):
        assert re.search(rf">\s*{column}\s*<", html), column
    assert "simskola" in html and "bostäder" in html and "boende" not in html
    export = admin_client.get(REPORT_URL, {"export": "csv"})
    listed = b"".join(export.streaming_content).decode().splitlines()
    rows = {line.split(",")[0]: line.split(",")[1:4] for line in listed[1:]}
    assert rows == {"bostäder": ["6", "1", "1"], "simskola": ["1", "0", "0"]}
