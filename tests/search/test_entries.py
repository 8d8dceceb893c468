"""Search follows the pages as editors change them. On PostgreSQL that is the
`SearchEntry` table; on SQLite, Wagtail's index: the same visible behaviour."""

import io

from django.core.management import call_command
from django.db import connection

from wagtail.models import Page, PageViewRestriction

import pytest

from search.entries import weighted_texts
from search.models import SearchEntry
from search.results import search
from tests.factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)
from tests.search import links

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="search entries are used on PostgreSQL only"
)


def result_urls(client, query: str, **params) -> list[str]:
    response = client.get("/sok/", {"q": query, **params})
    assert response.status_code == 200
    return links.result_urls(response)


def result_count(query: str) -> int:
    """How many the search itself finds: the cards shown are checked for
    visibility once more as they load, which would hide a stale entry."""
    return search(query).paginator.count


def test_a_published_edit_is_found_by_its_new_words(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Kolonilotter i staden")
    page.title = "Stadsodling i staden"
    page.save_revision().publish()
    page.refresh_from_db()
    assert result_urls(client, "stadsodling") == [page.url]
    assert result_count("kolonilotter") == 0


def test_a_draft_is_not_found_until_it_is_published(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Läxhjälp på biblioteket")
    page.title = "Hemlig utkastrubrik"
    page.save_revision()
    assert result_count("utkastrubrik") == 0
    assert result_urls(client, "läxhjälp") == [page.url]


def test_unpublished_and_deleted_pages_are_not_found(client, site_tree):
    unpublished = NewsArticlePageFactory(parent=site_tree.news, title="Cykelkök i förorten")
    deleted = NewsArticlePageFactory(parent=site_tree.news, title="Cykelkök på landet")
    kept = PersonPageFactory(parent=site_tree.people, title="Cykelkök Person")
    unpublished.unpublish()
    deleted.delete()
    assert result_urls(client, "cykelkök") == [kept.url]
    assert result_count("cykelkök") == 1


def test_kind_filter_holds_on_every_page(client, site_tree, settings):
    settings.LSV_LISTING_PAGE_SIZE = 2
    papers = [
        WhitePaperPageFactory(parent=site_tree.papers, title=f"Fjällräddning {n}") for n in range(3)
    ]
    NewsArticlePageFactory(parent=site_tree.news, title="Fjällräddning i nyheten")
    seen = result_urls(client, "fjällräddning", typ="white-papers")
    seen += result_urls(client, "fjällräddning", typ="white-papers", page=2)
    assert sorted(seen) == sorted(p.url for p in papers)


def test_stop_words_only_find_nothing(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Och så vidare")
    response = client.get("/sok/", {"q": "och att"})
    assert response.status_code == 200
    assert "Inga träffar" in response.content.decode()


def test_texts_are_grouped_by_weight(site_tree):
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Rubriken",
        lead="Ingressen.",
        body='[{"type": "paragraph", "value": "<p>Brödtexten.</p>"}]',
    )
    person = PersonPageFactory(
        parent=site_tree.people, title="Ada Ek", role="Kassör", organisation="LSV", quote="Hej."
    )
    title, lead, body = weighted_texts(article)
    assert (title, lead) == ("Rubriken", "Ingressen.")
    assert "Brödtexten." in body and "Rubriken" not in body
    assert weighted_texts(person)[:2] == ("Ada Ek", "Kassör\nLSV")


@on_postgres
def test_update_command_writes_missing_entries(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Vävstolar i Borås")
    SearchEntry.objects.all().delete()
    assert result_urls(client, "vävstolar") == []
    out = io.StringIO()
    call_command("update_search_entries", stdout=out)
    assert "1 written" in out.getvalue()
    assert result_urls(client, "vävstolar") == [page.url]


@on_postgres
def test_rewriting_every_entry_keeps_one_per_page(site_tree):
    pages = [
        NewsArticlePageFactory(parent=site_tree.news),
        WhitePaperPageFactory(parent=site_tree.papers),
        PersonPageFactory(parent=site_tree.people),
    ]
    out = io.StringIO()
    call_command("update_search_entries", "--all", stdout=out)
    assert "3 written" in out.getvalue()
    assert sorted(SearchEntry.objects.values_list("page_id", flat=True)) == sorted(
        p.pk for p in pages
    )


def test_update_command_reports_what_it_did():
    out = io.StringIO()
    call_command("update_search_entries", stdout=out)
    expected = "written" if connection.vendor == "postgresql" else "not used"
    assert expected in out.getvalue()


def test_a_restriction_on_a_section_hides_its_pages_until_lifted(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Kvarterskrogar")
    restriction = PageViewRestriction.objects.create(
        page=site_tree.news, restriction_type="password", password="x"
    )
    assert result_urls(client, "kvarterskrogar") == []
    assert result_count("kvarterskrogar") == 0
    restriction.delete()
    assert result_urls(client, "kvarterskrogar") == [page.url]


def test_a_page_moved_into_a_private_section_is_not_found(client, site_tree):
    archive = NewsIndexPageFactory(parent=site_tree.home, title="Arkiv", slug="arkiv")
    PageViewRestriction.objects.create(page=archive, restriction_type="password", password="x")
    page = NewsArticlePageFactory(parent=site_tree.news, title="Båtbyggeri i skärgården")
    assert result_urls(client, "båtbyggeri") == [page.url]
    page.move(archive, pos="last-child")
    assert result_count("båtbyggeri") == 0


def test_unpublished_by_the_scheduler_as_a_plain_page(client, site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Sommarkollo i fjällen")
    # publish_scheduled unpublishes expired pages as base Page objects.
    Page.objects.get(pk=page.pk).unpublish()
    assert result_count("sommarkollo") == 0
