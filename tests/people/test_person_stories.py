"""Stories about people: a headline and an introduction on the person's page,
its cards, its metadata and in search."""

import json

import lxml.html
import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory
from tests.search.links import result_urls

pytestmark = pytest.mark.django_db

HEADLINE = "Henrik förklarar problemet med Sveriges välfärd"
INTRO = "Välfärden är byggd för en annan tid, menar Henrik Svensson – och det märks i kommunerna."


@pytest.fixture
def story(site_tree):
    return PersonPageFactory(
        parent=site_tree.people,
        title="Henrik Svensson",
        role="Utredare",
        organisation="LSV",
        headline=HEADLINE,
        intro=INTRO,
        quote="Vi måste börja i det lilla.",
    )


def test_a_story_card_has_the_headline_as_title_and_names_the_person(client, site_tree, story):
    plain = PersonPageFactory(parent=site_tree.people, title="Anna Ek", role="Kassör")
    html = lxml.html.fromstring(client.get(site_tree.people.url).content)
    titles = [t.text_content().strip() for t in html.xpath('//*[@class="card__title"]')]
    assert titles == [plain.title, HEADLINE]
    story_card = html.xpath("//article[.//a[normalize-space()=$headline]]", headline=HEADLINE)[0]
    summary = story_card.xpath('string(.//*[@class="card__summary"])').strip()
    assert summary == "Henrik Svensson – Utredare, LSV"


def test_the_story_page_leads_with_the_headline_and_the_name(client, story):
    response = client.get(story.url)
    html = lxml.html.fromstring(response.content)
    assert [h.text_content().strip() for h in html.xpath("//h1")] == [HEADLINE]
    assert html.xpath('string(//*[@class="person__name"])').strip() == "Henrik Svensson"
    assert html.xpath('string(//*[contains(@class, "person__intro")])').strip() == INTRO
    assert "Vi måste börja i det lilla." in html.xpath("string(//blockquote)")
    assert html.xpath("string(//title)") == f"{HEADLINE} – Henrik Svensson – LSV"
    assert html.xpath('string(//meta[@property="og:title"]/@content)') == HEADLINE
    assert html.xpath('string(//meta[@property="og:description"]/@content)') == INTRO
    assert html.xpath('string(//meta[@name="description"]/@content)') == INTRO
    data = [json.loads(s.text) for s in html.xpath('//script[@type="application/ld+json"]')]
    profile = next(d for d in data if d["@type"] == "ProfilePage")
    assert profile["headline"] == profile["name"] == HEADLINE
    assert profile["description"] == INTRO
    assert profile["mainEntity"]["@type"] == "Person"
    assert profile["mainEntity"]["name"] == "Henrik Svensson"
    assert profile["mainEntity"]["description"] == "Vi måste börja i det lilla."


def test_without_a_headline_the_name_is_the_heading_and_the_title(client, site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Anna Ek", role="Kassör")
    html = lxml.html.fromstring(client.get(person.url).content)
    assert [h.text_content().strip() for h in html.xpath("//h1")] == ["Anna Ek"]
    assert html.xpath("string(//title)") == "Anna Ek – LSV"
    assert html.xpath('string(//meta[@property="og:title"]/@content)') == "Anna Ek"
    data = [json.loads(s.text) for s in html.xpath('//script[@type="application/ld+json"]')]
    profile = next(d for d in data if d["@type"] == "ProfilePage")
    assert "headline" not in profile
    assert not html.xpath('//*[@class="person__name"]')


def test_read_more_shows_the_story_card(client, site_tree, story):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Om välfärden", read_more=[story])
    html = lxml.html.fromstring(client.get(article.url).content)
    titles = [t.text_content().strip() for t in html.xpath('//*[@class="card__title"]')]
    assert HEADLINE in titles


@pytest.mark.parametrize("words", ["välfärd", "kommunerna"])
def test_search_finds_the_headline_and_the_introduction(client, story, words):
    response = client.get("/sok/", {"q": words})
    assert response.status_code == 200
    assert story.url in result_urls(response)
