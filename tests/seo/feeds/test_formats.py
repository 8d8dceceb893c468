"""Every feed, in every format, validates and says what the pages say."""

import html
import json

from django.urls import reverse

import pytest

from core.renditions import SHARE_SPEC
from tests.factories import DocumentFactory, PersonPageFactory
from tests.seo.feeds.conftest import HOSTILE
from tests.seo.feeds.validation import check, check_json_feed, parse

pytestmark = pytest.mark.django_db

FORMATS = ["rss", "atom", "json"]
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


@pytest.fixture
def content(make_article, make_paper, site_tree):
    author = PersonPageFactory(parent=site_tree.people, title="Åsa Öberg")
    articles = make_article(2, people=[author], topics=["Välfärd"])
    paper = make_paper(authors=[author], topics=["Välfärd"])
    return author, articles, paper


def feed_urls(author):
    for fmt in FORMATS:
        yield fmt, reverse(f"feed-all-{fmt}")
        yield fmt, reverse(f"feed-news-{fmt}")
        yield fmt, reverse(f"feed-whitepapers-{fmt}")
        yield fmt, reverse(f"feed-topic-{fmt}", kwargs={"slug": "valfard"})
        yield fmt, reverse(f"feed-person-{fmt}", kwargs={"slug": author.slug})


def test_every_feed_validates(client, content):
    author = content[0]
    for fmt, url in feed_urls(author):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"] == CONTENT_TYPES[fmt]
        check(fmt, response.content)
        if fmt != "json":
            assert len(parse(response.content).entries) >= 1, url


def test_old_news_feed_url_still_works(client, content):
    response = client.get("/feeds/nyheter/rss/")
    assert response.status_code == 200
    assert len(parse(response.content).entries) == 2


def test_empty_feeds_validate(client, site_tree):
    for fmt in FORMATS:
        response = client.get(reverse(f"feed-all-{fmt}"))
        check(fmt, response.content)


def test_item_fields(client, content):
    author, articles, paper = content
    article = articles[-1]
    parsed = parse(client.get(reverse("feed-news-atom")).content)
    entry = next(e for e in parsed.entries if e.id == f"urn:lsv:page:{article.pk}")
    assert entry.title == article.title
    assert entry.link == f"http://testserver{article.url}"
    assert entry.summary == article.lead
    assert [a.name for a in entry.authors] == ["Åsa Öberg"]
    assert entry.authors[0].href == f"http://testserver{author.url}"
    assert [t.term for t in entry.tags] == ["Välfärd"]
    assert entry.published_parsed[:3] == article.publication_date.timetuple()[:3]
    # The full body, with every URL absolute.
    html = entry.content[0].value
    assert "Ett citat" in html and "Rubrik &amp; &lt;mer&gt;" in html
    assert 'href="/' not in html and 'src="/' not in html
    assert 'href="http://testserver/personer/' in html
    assert 'href="http://testserver/documents/' in html
    assert 'src="http://testserver/media/images/' in html
    assert 'href="https://example.org/"' in html
    # The hero image as an enclosure, with its real length and type.
    rendition = article.hero_image.get_rendition(SHARE_SPEC)
    enclosure = next(link for link in entry.links if link.rel == "enclosure")
    assert enclosure.href == f"http://testserver{rendition.url}"
    assert int(enclosure.length) == rendition.file.size
    assert enclosure.type == "image/jpeg"


def test_rss_item_fields(client, content):
    author, articles, paper = content
    parsed = parse(client.get(reverse("feed-all-rss")).content)
    entry = next(e for e in parsed.entries if e.id == f"urn:lsv:page:{paper.pk}")
    assert entry.guidislink is False
    assert entry.title == paper.title
    assert entry.author == "Åsa Öberg"
    assert entry.content[0].value  # content:encoded
    # A white paper's enclosure is its report.
    assert entry.enclosures[0].href == f"http://testserver{paper.pdf.url}"
    assert int(entry.enclosures[0].length) == paper.pdf.file.size
    assert parsed.feed.language == "sv"
    assert parsed.feed.links[0].href.startswith("http://testserver/")


def test_json_feed_fields(client, content):
    author, articles, paper = content
    feed = check_json_feed(client.get(reverse("feed-all-json")).content)
    item = next(i for i in feed["items"] if i["id"] == f"urn:lsv:page:{paper.pk}")
    assert item["title"] == paper.title
    assert item["summary"] == paper.summary
    assert item["authors"] == [{"name": "Åsa Öberg", "url": f"http://testserver{author.url}"}]
    assert item["tags"] == ["Välfärd"]
    assert item["image"].startswith("http://testserver/media/images/")
    kinds = {a["mime_type"] for a in item["attachments"]}
    assert "image/jpeg" in kinds
    assert feed["language"] == "sv"


def test_hostile_text_gives_well_formed_feeds(client, site_tree, make_article):
    body = json.dumps(
        [{"type": "paragraph", "value": f"<p>{HOSTILE.replace('<b>', '&lt;b&gt;')}</p>"}]
    )
    article = make_article(1, topics=[HOSTILE[:40]])[0]
    article.title = HOSTILE
    article.lead = HOSTILE
    article.body = body
    article.save()
    for fmt in FORMATS:
        content = client.get(reverse(f"feed-news-{fmt}")).content
        check(fmt, content)
        if fmt == "json":
            item = json.loads(content)["items"][0]
            assert item["title"] == HOSTILE and item["summary"] == HOSTILE
        else:
            entry = parse(content).entries[0]
            assert entry.title == HOSTILE
            # The summary is HTML whose text is the lead, character for character.
            assert html.unescape(entry.summary) == HOSTILE
            assert "]]&gt;" in entry.content[0].value or "]]>" in entry.content[0].value


def test_guid_survives_title_and_slug_changes(client, make_article):
    article = make_article(1)[0]
    before = parse(client.get(reverse("feed-news-rss")).content).entries[0].id
    article.title, article.slug = "Ny rubrik", "ny-rubrik"
    article.save()
    after = parse(client.get(reverse("feed-news-rss")).content).entries[0]
    assert after.title == "Ny rubrik" and after.id == before


def test_unknown_topic_and_person_are_404(client, site_tree):
    assert client.get(reverse("feed-topic-rss", kwargs={"slug": "finns-inte"})).status_code == 404
    assert client.get(reverse("feed-person-atom", kwargs={"slug": "ingen"})).status_code == 404


def test_pdf_enclosure_type(client, make_paper):
    document = DocumentFactory(file__filename="rapport.pdf")
    make_paper(pdf=document)
    entry = parse(client.get(reverse("feed-whitepapers-rss")).content).entries[0]
    assert entry.enclosures[0].type == "application/pdf"
