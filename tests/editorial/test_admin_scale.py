"""The admin's page listing and page choosers with many pages: paginated, and
as many SQL queries with 300 articles as with 3.

Articles are bulk-inserted (`bench_articles`) and indexed for search, so the
listing's search and the chooser's search find them all.
"""

import io
import re

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page, PagePermissionTester
from wagtail.search.backends import get_search_backend

import pytest

from bench.management.commands.bench_admin import admin_urls
from core.admin_permissions import LeafPagePermissionTester
from news.models import NewsArticlePage
from people.models import PersonPage
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

# Wagtail's page sizes: the listing shows 50 rows, the chooser 25.
LISTING_ROWS, CHOOSER_ROWS = 50, 25


def measure(client, urls: dict[str, str], news: Page) -> dict[str, tuple[int, int]]:
    """Queries and pages shown for each URL, on a second request (warm caches)."""
    result = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, name
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):  # a chooser modal
            html = response.json()["html"]
        # Each row links to its page's edit view; the listing also links to its own.
        shown = {int(pk) for pk in re.findall(r"/admin/pages/(\d+)/edit/", html)} - {news.id}
        result[name] = (len(queries), len(shown))
    return result


def add_articles(total: int) -> None:
    count = total - NewsArticlePage.objects.count()
    call_command("bench_articles", count, stdout=io.StringIO())
    get_search_backend().add_bulk(NewsArticlePage, list(NewsArticlePage.objects.all()))


@pytest.fixture
def people_and_papers(site_tree):
    PersonPageFactory(parent=site_tree.people, title="Sara Lind")
    PersonPageFactory(parent=site_tree.people, title="Sara Berg")
    WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om tillit")


@pytest.mark.slow
@pytest.mark.parametrize("role", ["editor", "publisher"])
def test_listing_and_choosers_cost_the_same_with_300_articles_as_with_3(
    role, request, client, site_tree, people_and_papers
):
    client.force_login(request.getfixturevalue(role))
    urls = admin_urls(site_tree.news, person="sara")
    add_articles(3)
    few = measure(client, urls, site_tree.news)
    add_articles(300)
    many = measure(client, urls, site_tree.news)

    # Paginated: every row with few articles, one page of rows with many.
    for name in [
        "listing",
        "listing, last page",
        "listing, page type filter",
        "listing, search, every article matches",
    ]:
        assert (few[name][1], many[name][1]) == (3, LISTING_ROWS), name
    for name in ["read-more chooser", "read-more chooser, search"]:
        assert (few[name][1], many[name][1]) == (3, CHOOSER_ROWS), name
    assert few["author chooser, search"][1] == many["author chooser, search"][1] == 2

    # The listing costs no query per row, so nothing grows with the articles.
    for name in [
        "listing",
        "listing, last page",
        "listing, page type filter",
        "listing, search, few matches",
        "listing, search, every article matches",
        "listing, search and page type filter",
        "author chooser",
        "author chooser, search",
    ]:
        assert few[name][0] == many[name][0], name
        assert many[name][0] <= 40, name
    # Wagtail's chooser cells ask each row for its parent page: one query per
    # row shown, a page of rows at most, and nothing else grows.
    for name in ["read-more chooser", "read-more chooser, search"]:
        assert many[name][0] - few[name][0] <= CHOOSER_ROWS - 3, name
        assert many[name][0] <= 50, name


@pytest.mark.parametrize("live", [True, False])
@pytest.mark.parametrize("owned", [True, False])
@pytest.mark.parametrize("role", ["editor", "publisher", "admin_user"])
def test_leaf_pages_answer_delete_permission_as_wagtail_does(
    role, live, owned, request, site_tree, django_assert_num_queries
):
    user = request.getfixturevalue(role)
    article = NewsArticlePageFactory(
        parent=site_tree.news, live=live, owner=user if owned else None
    )
    article = NewsArticlePage.objects.get(pk=article.pk)
    expected = PagePermissionTester(user, article).can_delete()

    tester = article.permissions_for_user(user)
    assert isinstance(tester, LeafPagePermissionTester)
    with django_assert_num_queries(0):
        assert tester.can_delete() == expected


def test_a_page_with_children_is_asked_about_its_subtree(site_tree, editor):
    """Articles have no children; should one ever get some, its subtree counts."""
    article = NewsArticlePageFactory(parent=site_tree.news, live=False)
    article.add_child(instance=NewsArticlePageFactory.build(title="Under", live=True))
    article = NewsArticlePage.objects.get(pk=article.pk)
    assert article.numchild == 1
    assert PagePermissionTester(editor, article).can_delete() is False
    assert article.permissions_for_user(editor).can_delete() is False


def test_page_type_filter_lists_each_page_once_without_distinct(client, site_tree, editor):
    """django-filter would add DISTINCT, which at 50,000 articles made the
    database sort every one of them; the filter never needs it."""
    articles = {NewsArticlePageFactory(parent=site_tree.news).pk for _ in range(3)}
    client.force_login(editor)
    explore = reverse("wagtailadmin_explore", args=[site_tree.news.id])
    article_type = ContentType.objects.get_for_model(NewsArticlePage).id
    person_type = ContentType.objects.get_for_model(PersonPage).id

    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{explore}?content_type={article_type}")
    assert {page.pk for page in response.context["object_list"]} == articles
    assert response.context["paginator"].count == 3
    filtered = [q["sql"] for q in queries if f'"content_type_id" = {article_type}' in q["sql"]]
    assert filtered
    assert not any("DISTINCT" in sql for sql in filtered)

    response = client.get(f"{explore}?content_type={person_type}")
    assert list(response.context["object_list"]) == []


@pytest.mark.skipif(not settings.DATABASE_IS_POSTGRES, reason="PostgreSQL only")
@pytest.mark.django_db
def test_postgresql_does_not_compile_queries():
    """JIT compiling took 0.8 s of the 0.9 s filtered news listing at 50,000
    articles; web requests' queries never win it back."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
