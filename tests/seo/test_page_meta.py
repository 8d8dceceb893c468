"""Search-engine and sharing metadata in every page's <head>: description,
canonical URL, Open Graph and Twitter tags with a 1200×630 image, and JSON-LD
that parses and carries what each schema.org type needs."""

import datetime as dt
import json

from django.test import override_settings

import lxml.html
import pytest
from PIL import Image

from core.renditions import SHARE_SPEC
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    StandardPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return lxml.html.document_fromstring(response.content)


def og(tree, prop):
    return tree.xpath(f'string(//meta[@property="{prop}"]/@content)')


def named(tree, name):
    return tree.xpath(f'//meta[@name="{name}"]/@content')


def json_ld(tree) -> list[dict]:
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


def of_type(tree, schema_type) -> dict:
    found = [d for d in json_ld(tree) if d.get("@type") == schema_type]
    assert len(found) == 1, f"{schema_type}: {json_ld(tree)}"
    assert found[0]["@context"] == "https://schema.org"
    return found[0]


def static_image_size(url) -> tuple[int, int]:
    from django.contrib.staticfiles import finders

    name = url.split("/static/", 1)[1]
    with Image.open(finders.find(name)) as image:
        return image.size


@pytest.fixture
def article(site_tree):
    author = PersonPageFactory(parent=site_tree.people, title="Maja Lund")
    return NewsArticlePageFactory(
        parent=site_tree.news,
        title="Ny modell för socialt företagande",
        lead="Tre kommuner prövar  ett nytt\nsätt att samarbeta.",
        hero_image=ImageFactory(
            description="Tre personer vid ett bord", file__width=1600, file__height=900
        ),
        authors=[author],
        topics=["Integration", "Social ekonomi"],
        publication_date=dt.date(2026, 3, 14),
    )


def test_article_description_canonical_and_open_graph(client, article):
    tree = head(client, article.url)
    # The lead, on one line, is the description when the search description is empty.
    assert named(tree, "description") == ["Tre kommuner prövar ett nytt sätt att samarbeta."]
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    assert canonical == [f"http://testserver{article.url}"]
    assert og(tree, "og:url") == canonical[0]
    assert og(tree, "og:type") == "article"
    assert og(tree, "og:locale") == "sv_SE"
    assert og(tree, "og:title") == article.title
    assert og(tree, "og:description") == named(tree, "description")[0]
    assert og(tree, "og:image:alt") == "Tre personer vid ett bord"
    assert tree.xpath('//meta[@property="article:tag"]/@content') == [
        "Integration",
        "Social ekonomi",
    ]
    assert named(tree, "twitter:card") == ["summary_large_image"]
    assert named(tree, "twitter:image") == [og(tree, "og:image")]


def test_search_description_wins_over_the_lead(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, search_description="Kort och sökbar.")
    assert named(head(client, article.url), "description") == ["Kort och sökbar."]


@pytest.mark.parametrize("kind", ["article", "paper", "person"])
def test_sharing_image_is_a_1200x630_rendition_of_the_page_image(client, site_tree, kind):
    image = ImageFactory(file__width=1600, file__height=1200)
    page = {
        "article": lambda: NewsArticlePageFactory(parent=site_tree.news, hero_image=image),
        "paper": lambda: WhitePaperPageFactory(parent=site_tree.papers, cover_image=image),
        "person": lambda: PersonPageFactory(parent=site_tree.people, photo=image),
    }[kind]()
    tree = head(client, page.url)
    url = og(tree, "og:image")
    assert url.startswith("http://testserver/media/images/")
    assert (og(tree, "og:image:width"), og(tree, "og:image:height")) == ("1200", "630")
    assert og(tree, "og:image:type") == "image/jpeg"
    rendition = image.get_rendition(SHARE_SPEC)
    assert url.endswith(rendition.url)
    assert (rendition.width, rendition.height) == (1200, 630)


def test_pages_without_an_image_share_the_site_default(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, hero_image=None)
    for url in (article.url, site_tree.news.url, "/"):
        tree = head(client, url)
        image = og(tree, "og:image")
        assert image.startswith("http://testserver/static/img/share-default")
        assert static_image_size(image) == (1200, 630)
        assert og(tree, "og:image:alt")


def test_listing_canonical_keeps_only_the_page_number(client, site_tree):
    for _ in range(13):
        NewsArticlePageFactory(parent=site_tree.news)
    tree = head(client, site_tree.news.url + "?page=2&utm_source=x")
    assert tree.xpath('//link[@rel="canonical"]/@href') == [
        f"http://testserver{site_tree.news.url}?page=2"
    ]
    # ?page=1 is not a URL of its own: it redirects to the listing.
    assert client.get(site_tree.news.url + "?page=1")["Location"] == site_tree.news.url


def test_topic_page_is_its_own_canonical(client, site_tree, article):
    url = f"{site_tree.news.url}amne/integration/"
    tree = head(client, url)
    assert tree.xpath('//link[@rel="canonical"]/@href') == [f"http://testserver{url}"]


def test_news_article_json_ld(client, article):
    data = of_type(head(client, article.url), "NewsArticle")
    assert data["headline"] == article.title
    assert data["datePublished"].startswith("2026-03-14")
    assert data["dateModified"]
    assert data["inLanguage"] == "sv-SE"
    assert data["author"] == [
        {
            "@type": "Person",
            "name": "Maja Lund",
            "url": f"http://testserver{article.get_authors()[0].url}",
        }
    ]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/img/logo")
    assert data["image"][0]["width"] == 1200 and data["image"][0]["height"] == 630
    assert data["mainEntityOfPage"]["@id"] == f"http://testserver{article.url}"
    assert data["keywords"] == "Integration, Social ekonomi"


def test_breadcrumbs_on_every_detail_page(client, site_tree, article):
    paper = WhitePaperPageFactory(parent=site_tree.papers)
    person = article.get_authors()[0]
    for page, section in (
        (article, site_tree.news),
        (paper, site_tree.papers),
        (person, site_tree.people),
    ):
        crumbs = of_type(head(client, page.url), "BreadcrumbList")["itemListElement"]
        assert [c["position"] for c in crumbs] == [1, 2, 3]
        assert [c["name"] for c in crumbs] == ["Startsida", section.title, page.title]
        assert [c["item"] for c in crumbs] == [
            "http://testserver/",
            f"http://testserver{section.url}",
            f"http://testserver{page.url}",
        ]


def test_report_json_ld_carries_the_pdf(client, site_tree):
    pdf = DocumentFactory(title="Rapporten", file__filename="rapport.pdf")
    paper = WhitePaperPageFactory(parent=site_tree.papers, pdf=pdf, summary="En sammanfattning.")
    data = of_type(head(client, paper.url), "Report")
    assert data["headline"] == paper.title
    assert data["description"] == "En sammanfattning."
    assert data["encoding"]["encodingFormat"] == "application/pdf"
    assert data["encoding"]["contentUrl"] == f"http://testserver{pdf.url}"
    assert data["associatedMedia"] == data["encoding"]
    # With no author the organisation is the author.
    assert data["author"]["@type"] == "Organization"


def test_person_profile_page_json_ld(client, site_tree):
    person = PersonPageFactory(
        parent=site_tree.people,
        title="Sara Ek",
        role="Forskare",
        organisation="Lunds universitet",
        website="https://example.org/sara",
        photo=ImageFactory(),
    )
    tree = head(client, person.url)
    assert og(tree, "og:type") == "profile"
    assert og(tree, "profile:first_name") == "Sara"
    data = of_type(tree, "ProfilePage")
    entity = data["mainEntity"]
    assert entity["@type"] == "Person"
    assert entity["name"] == "Sara Ek"
    assert entity["jobTitle"] == "Forskare"
    assert entity["worksFor"] == {"@type": "Organization", "name": "Lunds universitet"}
    assert entity["sameAs"] == ["https://example.org/sara"]
    assert entity["image"].startswith("http://testserver/media/images/")


def test_home_page_describes_the_site_and_its_search(client, site_tree):
    data = of_type(head(client, "/"), "WebSite")
    assert data["url"] == "http://testserver/"
    target = data["potentialAction"]["target"]["urlTemplate"]
    assert target == "http://testserver/sok/?q={search_term_string}"


def test_standard_page_has_description_and_breadcrumbs(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, body="<p>Så <b>tillgänglig</b> är den.</p>")
    tree = head(client, page.url)
    assert named(tree, "description") == ["Så tillgänglig är den."]
    assert of_type(tree, "BreadcrumbList")["itemListElement"][-1]["name"] == page.title


@override_settings(LSV_INDEXABLE=False)
def test_non_production_pages_say_noindex(client, article):
    assert named(head(client, article.url), "robots") == ["noindex"]


@override_settings(LSV_INDEXABLE=True)
def test_production_pages_may_be_indexed(client, article):
    assert named(head(client, article.url), "robots") == []
