"""Routing by url_path gives the same answers as Wagtail's tree walk."""

from django.test import RequestFactory

import pytest

from fastpath.routing import fast_route
from news.models import NewsArticlePage
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def test_pages_and_sub_routes(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, topics=["Integration"])
    assert client.get(article.url).status_code == 200
    topic = client.get(f"{site_tree.news.url}amne/integration/")
    assert topic.status_code == 200 and article.title in topic.content.decode()
    assert client.get(f"{site_tree.news.url}amne/finns-inte/").status_code == 404
    assert client.get(f"{article.url}under/sidan/").status_code == 404
    assert client.get("/").status_code == 200


def test_drafts_are_not_found(client, site_tree):
    draft = NewsArticlePage(title="Utkast", lead="x", live=False)
    site_tree.news.add_child(instance=draft)
    assert client.get("/nyheter/utkast/").status_code == 404


def test_a_sub_route_that_shadows_a_child_goes_to_wagtail(client, site_tree):
    """An article slugged like the listing's topic route: Wagtail lets the
    listing's sub-route win, and so must we."""
    NewsArticlePageFactory(parent=site_tree.news, slug="amne", topics=["Integration"])
    request = RequestFactory().get("/nyheter/amne/integration/")
    assert fast_route(request, "nyheter/amne/integration/") is ...
    response = client.get("/nyheter/amne/integration/")
    assert response.status_code == 200
    assert "Integration" in response.content.decode()


def test_route_sets_the_parent(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    request = RequestFactory().get(article.url)
    page, args, kwargs = fast_route(request, article.url.lstrip("/"))
    assert page == article and isinstance(page, NewsArticlePage)
    assert page.get_parent().id == site_tree.news.id
