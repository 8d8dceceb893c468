"""wagtail.contrib.frontend_cache is wired: publishing purges the page's URL
at a configured CDN or Varnish, and nothing is purged when none is configured."""

from django.test import override_settings

from wagtail.contrib.frontend_cache.backends import HTTPBackend

import pytest

from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db

VARNISH = {
    "varnish": {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://127.0.0.1:6081",
    }
}


@pytest.fixture
def purged(monkeypatch):
    urls = []
    monkeypatch.setattr(HTTPBackend, "purge", lambda self, url: urls.append(url))
    return urls


@override_settings(WAGTAILFRONTENDCACHE=VARNISH)
def test_publishing_purges_the_page(site_tree, purged):
    article = NewsArticlePageFactory(parent=site_tree.news, slug="purgas")
    article.title = "Ny rubrik"
    article.save_revision().publish()
    assert any(url.endswith("/nyheter/purgas/") for url in purged)


def test_nothing_is_purged_without_configuration(site_tree, purged):
    article = NewsArticlePageFactory(parent=site_tree.news)
    article.save_revision().publish()
    assert purged == []
