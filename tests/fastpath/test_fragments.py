"""The per-process memo of shared pieces (fastpath.fragments): bounded, never
used in previews, and giving the same pages as rendering from scratch."""

from django.test import RequestFactory

import pytest

from fastpath import fragments, version
from tests.editorial.test_editor_experience import preview, read_more_strip
from tests.factories import ImageFactory, NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def memo_on(settings):
    settings.LSV_FRAGMENT_MEMO = True


@pytest.fixture
def request_():
    return RequestFactory().get("/")


def test_keeps_values_until_the_content_version_changes(request_):
    assert fragments.remember(request_, "k", lambda: "ett") == "ett"
    assert fragments.remember(request_, "k", lambda: "två") == "ett"
    version.bump()
    assert fragments.remember(request_, "k", lambda: "tre") == "tre"


def test_least_recently_used_go_first_within_the_bound(request_, settings):
    settings.LSV_FRAGMENT_MEMO_BYTES = 10
    fragments.keep(request_, "a", "aaaa")
    fragments.keep(request_, "b", "bbbb")
    assert fragments.recall(request_, "a") == "aaaa"  # now the most recent
    fragments.keep(request_, "c", "cccc")
    assert fragments.recall(request_, "b") is None
    assert fragments.recall(request_, "a") == "aaaa" and fragments.recall(request_, "c") == "cccc"
    assert fragments.size() == {"entries": 2, "bytes": 8}


def test_off_in_previews_and_when_switched_off(request_, settings):
    request_.is_preview = True
    fragments.keep(request_, "k", "kept")
    assert fragments.recall(request_, "k") is None
    request_.is_preview = False
    settings.LSV_FRAGMENT_MEMO = False
    assert fragments.remember(request_, "k", lambda: "a") == "a"
    assert fragments.remember(request_, "k", lambda: "b") == "b"
    assert fragments.size()["entries"] == 0


def test_pages_are_the_same_with_and_without_the_memo(client, site_tree, settings):
    image = ImageFactory()
    paper = WhitePaperPageFactory(parent=site_tree.papers, cover_image=image, topics=["Tillit"])
    article = NewsArticlePageFactory(
        parent=site_tree.news, hero_image=image, topics=["Tillit"], read_more=[paper]
    )
    NewsArticlePageFactory(parent=site_tree.news, topics=["Tillit"])
    urls = [article.url, paper.url, site_tree.home.url, site_tree.news.url, "/feeds/rss/"]
    cold = [client.get(url).content for url in urls]
    warm = [client.get(url).content for url in urls]
    assert fragments.size()["entries"] > 0
    settings.LSV_FRAGMENT_MEMO = False
    scratch = [client.get(url).content for url in urls]
    assert cold == warm == scratch


def test_a_preview_shows_its_own_cards_and_leaves_the_live_page_alone(admin_client, site_tree):
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om tillit")
    other_paper = WhitePaperPageFactory(parent=site_tree.papers, title="Annan rapport")
    article = NewsArticlePageFactory(parent=site_tree.news, read_more=[other_paper])
    assert "Annan rapport" in read_more_strip(admin_client.get(article.url).content.decode())
    html = preview(
        admin_client,
        article,
        **{"read_more_links-0-target": str(paper.id), "read_more_links-0-id": ""},
    )
    assert "Rapport om tillit" in read_more_strip(html)
    live = read_more_strip(admin_client.get(article.url).content.decode())
    assert "Annan rapport" in live and "Rapport om tillit" not in live


def test_shared_rankings_give_each_page_its_own_read_more(client, site_tree, settings):
    """Pages with the same topics share one ranking; each still leaves itself
    and its own picks out, exactly as without the memo."""
    paper = WhitePaperPageFactory(parent=site_tree.papers, topics=["Tillit", "Skola"])
    articles = [
        NewsArticlePageFactory(parent=site_tree.news, topics=["Tillit", "Skola"][: 1 + n % 2])
        for n in range(6)
    ]
    articles.append(
        NewsArticlePageFactory(parent=site_tree.news, topics=["Tillit"], read_more=[paper])
    )
    pages = [*articles, paper]

    def strips():
        return [read_more_strip(client.get(page.url).content.decode()) for page in pages]

    remembered = strips()
    assert any(key[0] == "shared-topics" for key in fragments.keys())
    settings.LSV_FRAGMENT_MEMO = False
    assert remembered == strips()
    for page, strip in zip(pages, remembered, strict=True):
        assert f'href="{page.url}"' not in strip
