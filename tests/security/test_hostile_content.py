"""Hostile text in every field editors fill in is shown as text, never run.

Each page is parsed as a browser would (lxml's HTML parser; the feed as XML,
then each item's HTML) and must contain no script element, no event-handler
attribute and no javascript: URL; the payload must still be there as text.
"""

import json

from django.test import Client

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

import lxml.etree
import lxml.html
import pytest

from core.blocks import RICH_TEXT_FEATURES
from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db

XSS = '<script>alert(1)</script>"><img src=x onerror=alert(2)></script><svg onload=alert(3)>'
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "data")


def editor_rich_text(text: str, url: str) -> str:
    """What the admin's rich-text editor saves when an editor types `text` and
    links it to `url` (the same conversion the edit view does)."""
    contentstate = {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    return ContentstateConverter(RICH_TEXT_FEATURES).to_database_format(json.dumps(contentstate))


def assert_inert(html: str, where: str) -> None:
    tree = lxml.html.document_fromstring(html)
    for script in tree.xpath("//script"):
        # Structured data is the only script a public page carries: data, not
        # code, and nothing inside it may end the element early.
        assert script.get("type") == "application/ld+json", f"script element in {where}"
        assert "<" not in (script.text or ""), f"markup inside JSON-LD in {where}"
        json.loads(script.text)
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{name}= on <{element.tag}> in {where}"
            if name.lower() in URL_ATTRIBUTES:
                scheme = "".join(value.split()).lower()
                assert not scheme.startswith(("javascript:", "vbscript:", "data:text")), where


@pytest.fixture
def hostile_site(site_tree):
    image = ImageFactory(title=XSS)
    rich = editor_rich_text(XSS, "javascript:alert(4)")
    body = json.dumps(
        [
            {"type": "heading", "value": {"text": XSS, "level": "h2"}},
            {"type": "paragraph", "value": rich},
            {"type": "quote", "value": {"text": XSS, "attribution": XSS}},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": XSS, "decorative": False, "caption": XSS},
            },
        ]
    )
    person = PersonPageFactory(
        parent=site_tree.people,
        title=f"Person {XSS}",
        role=XSS,
        organisation=XSS,
        headline=XSS,
        intro=XSS,
        quote=XSS,
        bio=rich,
        website="https://example.org/?q=%3Cscript%3E",
    )
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title=f"Nyhet {XSS}",
        seo_title=XSS,
        search_description=XSS,
        lead=XSS,
        update_note=XSS,
        hero_image=image,
        hero_caption=XSS,
        hero_credit=XSS,
        body=body,
        topics=["</script><script>alert(5)</script>"],
        authors=[person],
    )
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, title=f"Rapport {XSS}", summary=XSS, body=body
    )
    for page in (article, paper, person):
        page.read_more_links.create(target=article if page is not article else paper)
    return site_tree, [article, paper, person]


def test_hostile_text_is_inert_on_pages_and_listings(hostile_site):
    site_tree, pages = hostile_site
    client = Client()
    urls = ["/", site_tree.news.url, site_tree.papers.url, site_tree.people.url]
    urls += [page.url for page in pages]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_inert(html, url)
    # Shown as text, not dropped: the visitor sees exactly what the editor typed.
    article = lxml.html.document_fromstring(client.get(pages[0].url).content)
    assert article.xpath("string(//h1)").strip() == pages[0].title
    # In the page's metadata too: JSON-LD, Open Graph and the description.
    data = [json.loads(s.text) for s in article.xpath('//script[@type="application/ld+json"]')]
    assert any(d.get("headline") == pages[0].title[:110] for d in data)
    # The article's SEO title is hostile text too.
    assert article.xpath('string(//meta[@property="og:title"]/@content)') == XSS
    # A person's story headline and introduction are text as well.
    person = lxml.html.document_fromstring(client.get(pages[2].url).content)
    assert person.xpath("string(//h1)").strip() == XSS
    assert person.xpath('string(//meta[@property="og:description"]/@content)') == XSS


def test_hostile_text_is_inert_in_the_feed(hostile_site):
    response = Client().get("/feeds/nyheter/rss/")
    assert response.status_code == 200
    feed = lxml.etree.fromstring(response.content)
    items = feed.findall("./channel/item")
    assert items
    for item in items:
        assert item.findtext("title").endswith(XSS)  # escaped XML text, intact
        description = item.findtext("description") or ""
        assert_inert(f"<div>{description}</div>", "feed item description")


def test_editor_rich_text_drops_javascript_links():
    html = editor_rich_text("klicka", "javascript:alert(1)")
    assert "javascript" not in html.lower()
