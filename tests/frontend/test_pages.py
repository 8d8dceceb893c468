"""Pages every visitor meets: the accessibility statement in the footer and
a description on every page, error pages included."""

import re

from wagtail.test.utils import WagtailPageTestCase

import pytest

from home.demo.builder import DemoBuilder
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage
from tests.factories import NewsArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_statement_is_linked_from_every_footer(client, site_tree):
    statement = StandardPageFactory(parent=site_tree.home, slug="tillganglighet")
    article = NewsArticlePageFactory(parent=site_tree.news)
    for url in ("/", site_tree.news.url, article.url, "/finns-inte/"):
        html = client.get(url).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]
        assert f'<a href="{statement.url}">Tillgänglighetsredogörelse</a>' in footer, url


def test_unpublished_standard_page_is_not_in_the_footer(client, site_tree):
    statement = StandardPageFactory(parent=site_tree.home, slug="utkast", live=False)
    assert statement.url not in client.get("/").content.decode()


def test_statement_page_renders_its_body(client, site_tree):
    statement = StandardPageFactory(
        parent=site_tree.home, body="<h2>Rapportera brister</h2><p>Skriv till oss.</p>"
    )
    html = client.get(statement.url).content.decode()
    assert "<h1>Tillgänglighetsredogörelse</h1>" in html
    assert "<h2>Rapportera brister</h2>" in html


class TestStandardPageRules(WagtailPageTestCase):
    def test_only_under_the_home_page(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {})


def test_demo_statement_is_created_once(home):
    DemoBuilder().accessibility_statement(home)
    DemoBuilder().accessibility_statement(home)
    (statement,) = StandardPage.objects.child_of(home)
    assert statement.live and statement.title == "Tillgänglighetsredogörelse"
    assert "rapportera" in statement.body.lower()
    assert "@" in statement.body  # somewhere to report a problem to


@pytest.mark.parametrize("path", ["/", "/nyheter/", "/finns-inte/"])
def test_every_page_has_a_description(client, site_tree, path):
    html = client.get(path).content.decode()
    description = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert description and description.group(1).strip()


def test_article_description_falls_back_to_its_lead(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, lead="Kort ingress & mer.")
    html = client.get(article.url).content.decode()
    assert '<meta name="description" content="Kort ingress &amp; mer.">' in html
