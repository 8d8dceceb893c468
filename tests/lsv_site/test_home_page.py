import datetime as dt

import pytest

from lsv_site.models import HomeNewsPick
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


def test_home_shows_latest_content_and_sections(client, site_tree):
    for n in range(8):
        NewsArticlePageFactory(
            parent=site_tree.news, title=f"Nyhet {n}", publication_date=dt.date(2026, 1, n + 1)
        )
    for n in range(4):
        WhitePaperPageFactory(parent=site_tree.papers, title=f"Rapport {n}")
    for _ in range(5):
        PersonPageFactory(parent=site_tree.people)
    response = client.get("/")
    assert response.status_code == 200
    context = response.context
    assert [p.title for p in context["latest_news"]] == [f"Nyhet {n}" for n in range(7, 1, -1)]
    assert len(context["featured_whitepapers"]) == 3
    assert len(context["featured_people"]) == 4
    html = response.content.decode()
    assert f'<a href="{site_tree.news.url}">Se alla nyheter</a>' in html
    # Header navigation reaches the three sections from every page.
    nav = html[html.index('<nav class="site-nav"') : html.index("</nav>")]
    for section in (site_tree.news, site_tree.papers, site_tree.people):
        assert f'href="{section.url}"' in nav


def test_editor_picks_replace_the_automatic_choice(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="Senaste")
    picked = NewsArticlePageFactory(
        parent=site_tree.news, title="Utvald", publication_date=dt.date(2000, 1, 1)
    )
    HomeNewsPick.objects.create(page=site_tree.home, target=picked, sort_order=0)
    response = client.get("/")
    assert [p.title for p in response.context["latest_news"]] == ["Utvald"]


def test_current_section_is_marked(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    html = client.get(article.url).content.decode()
    assert f'<a href="{site_tree.news.url}" aria-current="page">Nyheter</a>' in html
    assert f'<a href="{site_tree.papers.url}" aria-current' not in html
