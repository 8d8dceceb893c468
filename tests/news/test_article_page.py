from wagtail.test.utils import WagtailTestUtils

import pytest

from news.models import NewsArticlePage, NewsIndexPage
from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db


def test_article_renders_its_fields(client, site_tree):
    author = PersonPageFactory(parent=site_tree.people, title="Åsa Öberg")
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Tillit i välfärden",
        lead="En ingress om tillit.",
        hero_image=ImageFactory(),
        hero_caption="En bildtext",
        hero_credit="Foto: LSV",
        authors=[author],
        topics=["Integration"],
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Tillit i välfärden</h1>" in html
    assert "En ingress om tillit." in html
    assert "Brödtext om social innovation." in html
    assert "En bildtext" in html and "Foto: LSV" in html
    assert f'href="{author.url}">Åsa Öberg</a>' in html
    assert f'href="{site_tree.news.url}amne/integration/">Integration</a>' in html
    # The factory's dates run on from 2026-01-01, one day per page it has made.
    assert f'<time datetime="{article.publication_date:%Y-%m-%d}">' in html


def test_article_slug_transliterates_swedish_letters(site_tree):
    article = NewsArticlePage(title="Välfärd och öppenhet på gång", lead="x")
    site_tree.news.add_child(instance=article)
    assert article.slug == "valfard-och-oppenhet-pa-gang"


def test_publication_date_defaults_to_first_publish(site_tree):
    article = NewsArticlePage(title="Utan datum", lead="x")
    site_tree.news.add_child(instance=article)
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.publication_date == article.first_published_at.date()


def test_swedish_dates(client, site_tree):
    import datetime as dt

    article = NewsArticlePageFactory(parent=site_tree.news, publication_date=dt.date(2015, 11, 24))
    html = client.get(article.url).content.decode()
    assert '<time datetime="2015-11-24">24 november 2015</time>' in html


class TestTreeRules(WagtailTestUtils):
    def test_article_only_under_news_index(self):
        from wagtail.test.utils import WagtailPageTestCase

        can = WagtailPageTestCase.assertAllowedParentPageTypes
        del can
        assert NewsArticlePage.allowed_parent_page_models() == [NewsIndexPage]
        assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage]
        assert NewsArticlePage.allowed_subpage_models() == []


def test_article_queries_do_not_grow(client, site_tree, django_assert_max_num_queries):
    """The bound holds with one and with twelve authors, topics and cards."""
    people = [PersonPageFactory(parent=site_tree.people, photo=ImageFactory()) for _ in range(12)]
    papers = [
        WhitePaperPageFactory(parent=site_tree.papers, cover_image=ImageFactory()) for _ in range(6)
    ]
    small = NewsArticlePageFactory(
        parent=site_tree.news, authors=people[:1], topics=["A"], read_more=papers[:1]
    )
    big = NewsArticlePageFactory(
        parent=site_tree.news,
        authors=people,
        topics=[f"T{i}" for i in range(12)],
        read_more=papers,
        hero_image=ImageFactory(),
    )
    # The first view generates renditions; count the views after that.
    client.get(small.url)
    client.get(big.url)
    for page in (small, big):
        with django_assert_max_num_queries(ARTICLE_MAX_QUERIES):
            assert client.get(page.url).status_code == 200


# Routing takes 2 (fastpath.routing; the site and view restrictions are
# remembered per content version); the article: read-more links with visibility,
# fallbacks, cards with images, authors, topics, body images, renditions.
ARTICLE_MAX_QUERIES = 10
