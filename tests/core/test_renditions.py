"""Renditions are made when a page is published, never by a visitor."""

from django.test import override_settings

from wagtail.images import get_image_model

import pytest

from core import renditions
from news.models import NewsArticlePage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def rendition_count() -> int:
    return get_image_model().get_rendition_model().objects.count()


def publish_article(parent, **fields) -> NewsArticlePage:
    article = NewsArticlePage(title="Med bilder", lead="Ingress.", **fields)
    parent.add_child(instance=article)
    article.save_revision().publish()
    return article


@override_settings(LSV_PAGE_CACHE=False)
def test_publishing_generates_every_rendition_the_templates_use(
    client, site_tree, django_capture_on_commit_callbacks
):
    hero, figure = ImageFactory(), ImageFactory()
    body = [{"type": "image", "value": {"image": figure.pk, "alt_text": "En figur"}}]
    with django_capture_on_commit_callbacks(execute=True):
        article = publish_article(site_tree.news, hero_image=hero, body=body)
    expected = len(
        {f.spec for name in ("card", "share", "article_hero") for f in renditions.filters(name)}
    ) + len(renditions.filters("figure"))
    assert rendition_count() == expected
    # Neither the article nor the listing showing its card creates any.
    assert client.get(article.url).status_code == 200
    assert client.get(site_tree.news.url).status_code == 200
    assert rendition_count() == expected


def test_changing_an_image_regenerates_for_pages_using_it(
    site_tree, django_capture_on_commit_callbacks
):
    hero = ImageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(site_tree.news, hero_image=hero)
    hero.renditions.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        hero.focal_point_x, hero.focal_point_y = 10, 10
        hero.focal_point_width, hero.focal_point_height = 5, 5
        hero.save()
    expected = len(
        {f.spec for name in ("card", "share", "article_hero") for f in renditions.filters(name)}
    )
    assert hero.renditions.count() == expected
