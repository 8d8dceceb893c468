"""Queries compiled once (fastpath.compiled) give what the ORM gives."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

import pytest

from fastpath.compiled import CompiledQuery
from news.models import NewsArticlePage
from people.models import Authorship
from tests.factories import ImageFactory, NewsArticlePageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db


def test_objects_with_joined_relations_match_the_orm(site_tree):
    article = NewsArticlePageFactory(
        parent=site_tree.news, hero_image=ImageFactory(title="Hjältebild"), topics=["Tillit"]
    )
    query = CompiledQuery(
        lambda pk: NewsArticlePage.objects.filter(id=pk).select_related("hero_image")
    )
    [page] = query.objects(article.pk)
    expected = NewsArticlePage.objects.get(pk=article.pk)
    assert type(page) is NewsArticlePage
    assert page.title == expected.title and page.publication_date == expected.publication_date
    assert page.first_published_at == expected.first_published_at
    assert list(page.body.raw_data) == list(expected.body.raw_data)
    with CaptureQueriesContext(connection) as queries:
        assert page.hero_image.title == "Hjältebild"
    assert len(queries) == 0
    assert query.objects(-1) == []


def test_rows_and_reuse_for_other_values(site_tree):
    people = [PersonPageFactory(parent=site_tree.people) for _ in range(3)]
    first = NewsArticlePageFactory(parent=site_tree.news, authors=people)
    second = NewsArticlePageFactory(parent=site_tree.news, authors=people[:1])
    query = CompiledQuery(
        lambda pk: (
            Authorship.objects.filter(page_id=pk)
            .order_by("sort_order", "id")
            .values_list("person_id")
        )
    )
    assert [r[0] for r in query.rows(first.pk)] == [p.pk for p in people]
    assert [r[0] for r in query.rows(second.pk)] == [people[0].pk]


def test_the_value_must_appear_once():
    query = CompiledQuery(lambda pk: Tag.objects.all())
    with pytest.raises(ValueError):
        query.rows(1)
