import datetime as dt

import pytest

from home.models import HomeNewsPick
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
    # The newest is the lead story, the six after it the news section.
    assert [p.title for p in context["lead_story"]] == ["Nyhet 7"]
    assert [p.title for p in context["latest_news"]] == [f"Nyhet {n}" for n in range(6, 0, -1)]
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
    second = NewsArticlePageFactory(parent=site_tree.news, title="Också utvald")
    HomeNewsPick.objects.create(page=site_tree.home, target=second, sort_order=1)
    response = client.get("/")
    # The first pick leads, however old; the other picks follow in the section.
    assert [p.title for p in response.context["lead_story"]] == ["Utvald"]
    assert [p.title for p in response.context["latest_news"]] == ["Också utvald"]


def test_a_hidden_first_pick_leaves_the_lead_to_the_next_visible_one(client, site_tree):
    from wagtail.models import PageViewRestriction

    hidden = NewsArticlePageFactory(parent=site_tree.news, title="Dold")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = NewsArticlePageFactory(parent=site_tree.news, title="Utkast", live=False)
    shown = NewsArticlePageFactory(parent=site_tree.news, title="Synlig")
    for order, page in enumerate((hidden, draft, shown)):
        HomeNewsPick.objects.create(page=site_tree.home, target=page, sort_order=order)
    response = client.get("/")
    assert [p.title for p in response.context["lead_story"]] == ["Synlig"]
    assert "Dold" not in response.content.decode()

    # No visible pick at all: the newest article leads.
    shown.unpublish()
    NewsArticlePageFactory(parent=site_tree.news, title="Nyast")
    assert [p.title for p in client.get("/").context["lead_story"]] == ["Nyast"]


def test_the_lead_story_comes_first_and_larger(client, site_tree):
    from tests.factories import ImageFactory

    NewsArticlePageFactory(
        parent=site_tree.news, title="Äldre", publication_date=dt.date(2026, 1, 1)
    )
    NewsArticlePageFactory(
        parent=site_tree.news,
        title="Störst",
        publication_date=dt.date(2026, 2, 1),
        hero_image=ImageFactory(file__width=1200, file__height=800),
    )
    html = client.get("/").content.decode()
    lead = html[html.index('<div class="home__lead">') : html.index('id="home-news"')]
    assert 'class="card lead-story card--newsarticlepage"' in lead
    assert '<h2 class="card__title lead-story__title"><a href="' in lead and "Störst" in lead
    assert "<picture>" in lead and 'fetchpriority="high"' in lead
    # It is not repeated below.
    news = html[html.index('id="home-news"') :]
    assert "Störst" not in news and "Äldre" in news


def test_current_section_is_marked(client, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    html = client.get(article.url).content.decode()
    assert f'<a href="{site_tree.news.url}" aria-current="page">Nyheter</a>' in html
    assert f'<a href="{site_tree.papers.url}" aria-current' not in html


def test_listings_of_one_kind_do_not_label_every_card(client, site_tree):
    NewsArticlePageFactory(parent=site_tree.news, title="En nyhet", topics=["Tillit"])
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="En rapport")
    PersonPageFactory(parent=site_tree.people, title="En person")
    for url in (
        site_tree.news.url,
        f"{site_tree.news.url}amne/tillit/",
        site_tree.papers.url,
        site_tree.people.url,
    ):
        html = client.get(url).content.decode()
        assert html.count('class="card ') >= 1, url
        assert 'class="card__kind"' not in html, url
    # Mixed lists do: the home page and the search results.
    home = client.get("/").content.decode()
    assert '<p class="card__kind">White paper</p>' in home
    assert '<p class="card__kind">Person</p>' in home
    assert paper.title in home
