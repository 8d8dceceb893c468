"""sitemap.xml lists every live, public, unexpired page with lastmod, and
nothing else; robots.txt points to it, or shuts crawlers out entirely."""

import datetime as dt

from django.test import override_settings
from django.utils import timezone

from wagtail.models import PageViewRestriction

import lxml.etree
import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap(client) -> dict[str, str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = lxml.etree.fromstring(response.content)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_lists_live_public_pages_with_lastmod(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, topics=["Integration"])
    article.save_revision().publish()
    paper = WhitePaperPageFactory(parent=site_tree.papers)
    person = PersonPageFactory(parent=site_tree.people)
    for page in (site_tree.home, site_tree.news, site_tree.papers, site_tree.people, paper, person):
        page.save_revision().publish()
    urls = sitemap(client)
    expected = [
        "/",
        site_tree.news.url,
        site_tree.papers.url,
        site_tree.people.url,
        article.url,
        paper.url,
        person.url,
        f"{site_tree.news.url}amne/integration/",
    ]
    assert sorted(urls) == sorted(f"http://testserver{u}" for u in expected)
    for loc, lastmod in urls.items():
        # W3C datetime: a date, or a date and time with a zone.
        assert lastmod, loc
        dt.date.fromisoformat(lastmod[:10])
    article.refresh_from_db()
    assert urls[f"http://testserver{article.url}"] == article.last_published_at.date().isoformat()


def test_drafts_private_and_expired_pages_are_left_out(client, site_tree):
    draft = NewsArticlePageFactory(parent=site_tree.news, live=False)
    private = NewsArticlePageFactory(parent=site_tree.news)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt-ord"
    )
    expired = NewsArticlePageFactory(
        parent=site_tree.news, expire_at=timezone.now() - dt.timedelta(minutes=1)
    )
    shown = NewsArticlePageFactory(parent=site_tree.news)
    urls = sitemap(client)
    assert f"http://testserver{shown.url}" in urls
    for page in (draft, private, expired):
        assert f"http://testserver{page.url}" not in urls


@override_settings(LSV_INDEXABLE=True)
def test_robots_points_to_the_sitemap_in_production(client, site_tree):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /" not in lines
    assert "Disallow: /sok/" in lines


@override_settings(LSV_INDEXABLE=False)
def test_robots_disallows_everything_elsewhere(client, site_tree):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert lines == ["User-agent: *", "Disallow: /"]


def test_robots_refuses_other_methods(client, site_tree):
    assert client.post("/robots.txt").status_code == 405
