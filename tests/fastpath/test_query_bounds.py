"""Queries per page stay within the issue's bounds and do not grow with the
number of cards, authors, topics, images or read-more links."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

import pytest

from fastpath import fragments, version
from home.models import HomeNewsPick
from tests.conftest import make_site_tree, shared_data
from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db

# The first view after a content change (an article edited: a new content
# version, so everything kept per content version is computed again; the site
# lookup, restrictions, menu and footer are kept per site version and are
# not). Measured 2026-12-02 on the demo-like page `build` makes.
ARTICLE_MAX = 10
WHITE_PAPER_MAX = 10
PERSON_MAX = 8
LISTING_MAX = 7
HOME_MAX = 10
FEED_MAX = 6
# After a change to the shape of the site (a section, a restriction, the
# footer) those four and the news listing's address are read again, once per
# process.
SITE_CHANGE_EXTRA = 5
# Every later view under the same content version, with the fragment memo.
WARM_MAX = {"article": 4, "white paper": 4, "topic listing": 2, "feed": 2}


def body_with_images(count: int) -> list[dict]:
    return [
        {"type": "image", "value": {"image": ImageFactory().pk, "alt_text": "Bild"}}
        for _ in range(count)
    ]


def build(site_tree, n: int):
    """A tree where every page has `n` authors, topics, images and read-more links."""
    people = [PersonPageFactory(parent=site_tree.people, photo=ImageFactory()) for _ in range(n)]
    papers = [
        WhitePaperPageFactory(parent=site_tree.papers, cover_image=ImageFactory(), authors=people)
        for _ in range(n)
    ]
    topics = [f"Ämne {i}" for i in range(n)]
    articles = [
        NewsArticlePageFactory(
            parent=site_tree.news, hero_image=ImageFactory(), authors=people, topics=topics
        )
        for _ in range(n)
    ]
    # Cards of all three kinds, as on the demo's pages.
    links = [
        page for trio in zip(articles[1:] or papers, papers, people, strict=False) for page in trio
    ][:6]
    article = NewsArticlePageFactory(
        parent=site_tree.news,
        hero_image=ImageFactory(),
        authors=people,
        topics=topics,
        body=body_with_images(n),
        read_more=links,
    )
    paper = WhitePaperPageFactory(
        parent=site_tree.papers,
        cover_image=ImageFactory(),
        authors=people,
        topics=topics,
        body=body_with_images(n),
        read_more=links,
    )
    person = PersonPageFactory(parent=site_tree.people, photo=ImageFactory(), read_more=links)
    for page in (*articles, *papers):
        page.authorships.create(person=person)
    for order, picked in enumerate(articles[:6]):
        HomeNewsPick.objects.create(page=site_tree.home, target=picked, sort_order=order)
    return {
        "article": article.url,
        "white paper": paper.url,
        "person": person.url,
        "news listing": site_tree.news.url,
        "topic listing": f"{site_tree.news.url}amne/amne-0/",
        "white paper listing": site_tree.papers.url,
        "people listing": site_tree.people.url,
        "home": site_tree.home.url,
        "feed": "/feeds/nyheter/rss/",
    }


BOUNDS = {
    "article": ARTICLE_MAX,
    "white paper": WHITE_PAPER_MAX,
    "person": PERSON_MAX,
    "news listing": LISTING_MAX,
    "topic listing": LISTING_MAX,
    "white paper listing": LISTING_MAX,
    "people listing": LISTING_MAX,
    "home": HOME_MAX,
    "feed": FEED_MAX,
}


def count_queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries), "\n".join(q["sql"][:200] for q in queries.captured_queries)


def changed(site: bool = False) -> None:
    """What a change does to this process: a new content version (and site
    version)."""
    fragments.clear()
    version.bump(site=site)


@pytest.fixture(scope="module", params=[1, 12], ids=lambda n: f"n{n}")
def tree(request, django_db_setup, django_db_blocker):
    """(n, the pages' URLs): built once for the module's tests, each page
    viewed once so its renditions exist."""

    def make():
        home = Site.objects.get(is_default_site=True).root_page.specific
        urls = build(make_site_tree(home), request.param)
        client = Client()
        for url in urls.values():
            assert client.get(url).status_code == 200, url
        return request.param, urls

    yield from shared_data(django_db_blocker, make)


@pytest.mark.parametrize("memo", ["off", "cold", "warm", "site"])
def test_queries_are_bounded(client, settings, tree, memo):
    """Within the bounds without the fragment memo (fastpath.fragments), with
    it on the first view after a content change ("cold": a new content
    version, so every per-version value is computed again), and on later
    views ("warm"), which need fewer queries than the first."""
    settings.LSV_FRAGMENT_MEMO = memo != "off"
    n, urls = tree
    # The first round fills what this process keeps; measure the second.
    for url in urls.values():
        assert client.get(url).status_code == 200, url

    for name, url in urls.items():
        if memo != "warm":
            changed(site=memo == "site")
            count, sql = count_queries(client, url)
        else:
            changed()
            cold, _ = count_queries(client, url)
            count, sql = count_queries(client, url)
            assert count <= cold, f"{name} with {n}: warm {count} > cold {cold}"
            assert count <= WARM_MAX.get(name, 1), f"{name} with {n}: {count} warm\n{sql}"
        bound = BOUNDS[name] + (SITE_CHANGE_EXTRA if memo == "site" else 0)
        assert count <= bound, f"{name} with {n}: {count} queries\n{sql}"


@pytest.mark.parametrize("tree", [12], indirect=True, ids=["n12"])
def test_listing_shows_twelve_cards_with_images(client, tree):
    _n, urls = tree
    html = client.get(urls["news listing"]).content.decode()
    assert html.count('class="card card--newsarticlepage"') == 12
    assert html.count("<picture") >= 12
