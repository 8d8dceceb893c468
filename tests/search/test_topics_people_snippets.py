"""Topic and author names are searched like the lead, entries follow topic
and authorship changes, results show the passage that matched, and a
misspelt query gets "Menade du …?" (PostgreSQL: the SearchEntry table)."""

import re

from django.db import connection

from taggit.models import Tag
from wagtail.models import Page

import pytest

from core.models import SiteDocument
from people.models import Authorship
from search.models import SearchEntry
from search.results import search, snippet_html
from search.suggest import suggest
from tests.factories import (
    DocumentFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="search entries are used on PostgreSQL only"
    ),
]


def paragraph(text: str) -> str:
    return f'[{{"type": "paragraph", "value": "<p>{text}</p>"}}]'


def found(query: str) -> list[int]:
    return [page.pk for page in search(query).object_list]


def test_topic_name_is_searched(site_tree):
    tagged = NewsArticlePageFactory(parent=site_tree.news, title="Om skolan", topics=["Kommuner"])
    NewsArticlePageFactory(parent=site_tree.news, title="Om vården")
    assert found("kommuner") == [tagged.pk]


def test_author_name_finds_what_they_wrote(site_tree):
    henrik = PersonPageFactory(parent=site_tree.people, title="Henrik Lund")
    article = NewsArticlePageFactory(parent=site_tree.news, title="Om skolan", authors=[henrik])
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Rapport", authors=[henrik])
    NewsArticlePageFactory(parent=site_tree.news, title="Om vården")
    # His own page has his name in its title, so it comes first.
    assert found("Henrik Lund") == [henrik.pk, paper.pk, article.pk]


def test_person_found_by_role_organisation_and_headline(site_tree):
    person = PersonPageFactory(
        parent=site_tree.people,
        title="Maja Berg",
        role="Verksamhetsutvecklare",
        organisation="Göteborgs stad",
        headline="Från fabriksgolvet till stadshuset",
    )
    for query in ("verksamhetsutvecklare", "Göteborgs", "fabriksgolvet"):
        assert found(query) == [person.pk], query


def test_entry_follows_topic_changes(site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Om skolan", topics=["Kommuner"])
    page.topics.set(["Landsbygd"])
    page.save_revision().publish()
    assert found("landsbygd") == [page.pk]
    assert found("kommuner") == []
    Tag.objects.filter(name="Landsbygd").update(name="x")  # no signal: untouched
    tag = Tag.objects.get(name="x")
    tag.name = "Glesbygd"
    tag.save()
    assert found("glesbygd") == [page.pk]


def test_entry_follows_authorships_and_author_names(site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Henrik Lund")
    page = NewsArticlePageFactory(parent=site_tree.news, title="Om skolan", authors=[person])
    person.title = "Henrik Strand"
    person.save_revision().publish()
    assert page.pk in found("strand")
    assert page.pk not in found("lund")
    Authorship.objects.filter(page=page).delete()
    assert found("strand") == [person.pk]
    person.unpublish()
    Authorship.objects.create(page=page, person=person, sort_order=0)
    # Only live authors' names are searched.
    assert found("strand") == []


def test_result_shows_the_matching_passage_escaped_and_marked(client, site_tree):
    body = (
        "Inledningen handlar om annat. " * 20
        + "Om <script>: Kommunerna lyste med sin frånvaro. "
        + "Slutet handlar också om annat. " * 20
    )
    page = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Samtal om integration",
        lead="En ingress utan ordet.",
        body=paragraph(body.replace("<", "&lt;").replace(">", "&gt;")),
    )
    html = client.get("/sok/", {"q": "kommunerna"}).content.decode()
    snippet = re.search(r'<p class="card__summary card__snippet">(.*?)</p>', html).group(1)
    assert "<mark>Kommunerna</mark> lyste med sin frånvaro" in snippet
    assert "&lt; script&gt;" in snippet and "<script>" not in snippet
    assert "En ingress utan ordet." not in html
    # A title-only hit has no passage in its text: the lead is shown.
    NewsArticlePageFactory(parent=site_tree.news, title="Plogning", lead="Om snö.")
    html = client.get("/sok/", {"q": "plogning"}).content.decode()
    assert '<p class="card__summary">Om snö.</p>' in html
    assert page.pk  # silence the unused name


def test_snippet_html_escapes_and_needs_a_match():
    assert snippet_html("a \ue000b\ue001 <c>") == "a <mark>b</mark> &lt;c&gt;"
    assert snippet_html("nothing matched") == ""
    assert snippet_html(None) == ""


def test_pdf_text_gives_the_passage(site_tree):
    document = DocumentFactory()
    SiteDocument.objects.filter(pk=document.pk).update(
        extracted_text="Bilagan visar att fritidsgårdarna behövs i varje stadsdel."
    )
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, title="Rapport", summary="Kort.", pdf_id=document.pk
    )
    [card] = search("fritidsgårdarna").object_list
    assert card.pk == paper.pk
    assert "<mark>fritidsgårdarna</mark> behövs" in card.search_snippet


def test_did_you_mean_from_the_site_vocabulary(client, site_tree):
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Välfärd i förändring",
        body=paragraph("Kommunerna och regionerna ansvarar för välfärden."),
    )
    NewsArticlePageFactory(parent=site_tree.news, title="Kommuner", lead="Om kommuner.")
    assert suggest("välfärs") == "välfärd"
    assert suggest("kommunera") == "kommunerna"
    assert suggest("välfärd") == ""
    html = client.get("/sok/", {"q": "välfärs"}).content.decode()
    assert 'Menade du <a href="?q=v%C3%A4lf%C3%A4rd">välfärd</a>?' in html
    # Enough results: no suggestion.
    html = client.get("/sok/", {"q": "välfärd"}).content.decode()
    assert "Menade du" not in html


def test_entries_survive_a_page_without_topics_or_authors(site_tree):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Ensam sida")
    assert SearchEntry.objects.filter(page=page).exists()
    assert Page.objects.filter(pk=page.pk, live=True).exists()
