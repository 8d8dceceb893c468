"""What editors see in the admin: previews, the read-more panel, the dashboard."""

from django.urls import reverse

import pytest

from tests.editorial.admin_forms import page_form_data
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Sara Lind")
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, title="Rapport om tillit", topics=["Tillit"]
    )
    other = NewsArticlePageFactory(parent=site_tree.news, title="Äldre nyhet", topics=["Tillit"])
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Ny modell", topics=["Tillit"], read_more=[person]
    )
    return site_tree, person, paper, other, article


def preview(client, page, **changes) -> str:
    """Post the edit form to Wagtail's preview view, then fetch the preview."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.id])
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.id])
    data = page_form_data(client, edit_url, "page-edit-form", page, **changes)
    response = client.post(url, data)
    assert response.json()["is_valid"], response.json()
    return client.get(url).content.decode()


def test_every_page_type_previews_with_its_public_template(admin_client, content):
    site_tree, person, paper, other, article = content
    pages = [site_tree.home, site_tree.news, site_tree.papers, site_tree.people]
    pages += [person, paper, article]
    for page in pages:
        page = page.specific
        html = preview(admin_client, page)
        public = admin_client.get(page.url).content.decode()
        # The public template's own markers: the page title as h1 and the site chrome.
        assert "<h1" in html and page.title in html, type(page)
        assert 'aria-label="Huvudmeny"' in html and 'aria-label="Huvudmeny"' in public


def read_more_strip(html: str) -> str:
    return html.split('id="read-more-heading"')[1].split("</aside>")[0]


@pytest.mark.parametrize(
    "kind, expected",
    [
        # One picked, topped up with pages sharing the topic.
        ("article", ["Sara Lind", "Rapport om tillit", "Äldre nyhet"]),
        ("paper", ["Ny modell", "Äldre nyhet"]),
        # No topics: the other person.
        ("person", ["Per Ek"]),
    ],
)
def test_preview_shows_read_more_with_fallback_cards(admin_client, content, kind, expected):
    site_tree, person, paper, other, article = content
    PersonPageFactory(parent=site_tree.people, title="Per Ek")
    page = {"article": article, "paper": paper, "person": person}[kind]
    strip = read_more_strip(preview(admin_client, page))
    cards = strip.count("<article")
    assert all(title in strip for title in expected)
    assert cards == {"article": 3, "paper": 2, "person": 1}[kind]
    assert "Se alla" in strip


def test_preview_uses_the_unsaved_read_more_choice(admin_client, content):
    site_tree, person, paper, other, article = content
    html = preview(
        admin_client,
        article,
        **{"read_more_links-0-target": str(paper.id), "read_more_links-0-id": ""},
    )
    strip = read_more_strip(html)
    assert strip.index("Rapport om tillit") < strip.index("Äldre nyhet")


def test_edit_form_lists_the_cards_the_page_will_show(admin_client, content):
    site_tree, person, paper, other, article = content
    html = admin_client.get(reverse("wagtailadmin_pages:edit", args=[article.id])).content.decode()
    panel = html.split("data-read-more-preview")[1].split("</ol>")[0]
    assert "Sara Lind" in panel and "vald av redaktör" in panel
    assert "Rapport om tillit" in panel and "Äldre nyhet" in panel
    assert panel.count("tillagd automatiskt") == 2
    assert "Person" in panel and "White paper" in panel and "Nyhet" in panel


def test_create_form_shows_the_automatic_cards_too(admin_client, content):
    site_tree, *_ = content
    url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", site_tree.news.id])
    html = admin_client.get(url).content.decode()
    panel = html.split("data-read-more-preview")[1].split("</ol>")[0]
    # No topics yet: the newest other news articles.
    assert panel.count("tillagd automatiskt") == 2
    assert "Ny modell" in panel and "Äldre nyhet" in panel


def test_dashboard_shows_own_drafts_review_queue_and_recently_published(
    client, content, editor, publisher
):
    site_tree, person, paper, other, article = content
    article.save_revision(user=publisher).publish(user=publisher)
    draft = NewsArticlePageFactory(parent=site_tree.news, title="Mitt utkast", live=False)
    draft.save_revision(user=editor)
    someone_elses = NewsArticlePageFactory(parent=site_tree.news, title="Annans", live=False)
    someone_elses.save_revision(user=publisher)
    in_review = NewsArticlePageFactory(parent=site_tree.news, title="Till granskning", live=False)
    in_review.save_revision(user=editor)
    in_review.get_workflow().start(in_review, editor)

    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    drafts = html.split('id="my-drafts-section"')[1].split("</section>")[0]
    assert "Mitt utkast" in drafts and "Annans" not in drafts
    published = html.split('id="recently-published-section"')[1].split("</section>")[0]
    assert "Ny modell" in published and "Mitt utkast" not in published
    assert "Till granskning" in html  # Wagtail's "your pages in review"

    client.force_login(publisher)
    html = client.get("/admin/").content.decode()
    queue = html.split('id="awaiting-review-section"')[1].split("</section>")[0]
    assert "Inväntar din granskning" in queue
    assert "Till granskning" in queue


def test_dashboard_queries_do_not_grow_with_pages(
    client, content, editor, django_assert_max_num_queries
):
    site_tree, *_ = content
    for n in range(15):
        page = NewsArticlePageFactory(parent=site_tree.news, title=f"Utkast {n}", live=False)
        page.save_revision(user=editor)
    client.force_login(editor)
    with django_assert_max_num_queries(60):
        assert client.get("/admin/").status_code == 200
