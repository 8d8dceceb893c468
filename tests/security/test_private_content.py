"""Drafts and private pages, and the documents only they use, stay hidden from
anonymous visitors: on the page, in listings, on the home page, in the feed and
at the document's own URL."""

from types import SimpleNamespace

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from tests.factories import DocumentFactory, NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def body_linking(document) -> str:
    return f'[{{"type": "document", "value": {{"document": {document.pk}, "label": ""}}}}]'


@pytest.fixture
def hidden(site_tree):
    draft_doc = DocumentFactory(title="Utkastbilaga", file__filename="utkast.pdf", file__data=PDF)
    private_doc = DocumentFactory(title="Hemlig", file__filename="hemlig.pdf", file__data=PDF)
    draft = NewsArticlePageFactory(
        parent=site_tree.news, title="Hemligt utkast", live=False, body=body_linking(draft_doc)
    )
    private = NewsArticlePageFactory(
        parent=site_tree.news, title="Lösenordsskyddad nyhet", body=body_linking(private_doc)
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="hemligt-ord"
    )
    members_only = WhitePaperPageFactory(
        parent=site_tree.papers, title="Endast inloggade", pdf=private_doc
    )
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    return locals()


HIDDEN_TITLES = ("Hemligt utkast", "Lösenordsskyddad nyhet", "Endast inloggade")


def test_hidden_pages_are_not_listed_anywhere(hidden, site_tree):
    visitor = Client()
    for url in ("/", site_tree.news.url, site_tree.papers.url, "/feeds/nyheter/rss/"):
        html = visitor.get(url).content.decode()
        for title in HIDDEN_TITLES:
            assert title not in html, (title, url)


def test_hidden_pages_do_not_show_their_content(hidden):
    visitor = Client()
    assert visitor.get(hidden["draft"].url).status_code == 404
    password_form = visitor.get(hidden["private"].url)
    assert password_form.status_code == 200
    assert hidden["private"].lead not in password_form.content.decode()
    login = visitor.get(hidden["members_only"].url)
    assert login.status_code == 302 and "/login/" in login["Location"]


def test_documents_of_hidden_pages_are_not_served(hidden, django_user_model):
    visitor = Client()
    assert visitor.get(hidden["draft_doc"].url).status_code == 404
    assert visitor.get(hidden["private_doc"].url).status_code == 404

    editor = Client()
    editor.force_login(
        django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 16)
    )
    assert editor.get(hidden["private_doc"].url).status_code == 200


def test_a_document_becomes_public_with_its_page(hidden):
    visitor = Client()
    assert visitor.get(hidden["draft_doc"].url).status_code == 404
    hidden["draft"].save_revision().publish()
    assert visitor.get(hidden["draft_doc"].url).status_code == 200


def test_a_password_page_opens_with_its_password(hidden):
    """Wagtail's own `_util/` views answer, not the page router (they were
    swallowed by the catch-all page pattern, so no private page could open)."""
    visitor = Client()
    page = hidden["private"]
    form = visitor.get(page.url).content.decode()
    restriction = PageViewRestriction.objects.get(page=page)
    action = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    assert f'action="{action}"' in form

    wrong = visitor.post(action, {"password": "fel", "return_url": page.url})
    assert wrong.status_code == 200 and page.lead not in wrong.content.decode()

    right = visitor.post(action, {"password": "hemligt-ord", "return_url": page.url})
    assert right.status_code == 302 and right["Location"] == page.url
    opened = visitor.get(page.url)
    assert opened.status_code == 200 and page.lead in opened.content.decode()
    # The next visitor still gets the form.
    assert page.lead not in Client().get(page.url).content.decode()


def test_a_login_page_opens_after_logging_in(hidden, django_user_model):
    django_user_model.objects.create_user("medlem", "medlem@example.org", "ett-langt-losen-1")
    visitor = Client()
    page = hidden["members_only"]
    to_login = visitor.get(page.url)
    assert to_login.status_code == 302
    login_url = to_login["Location"]
    assert login_url.startswith("/_util/login/?next=")

    form = visitor.get(login_url)
    assert form.status_code == 200 and 'name="password"' in form.content.decode()
    logged_in = visitor.post(login_url, {"username": "medlem", "password": "ett-langt-losen-1"})
    assert logged_in.status_code == 302 and logged_in["Location"] == page.url
    opened = visitor.get(page.url)
    assert opened.status_code == 200 and page.summary in opened.content.decode()


@pytest.fixture
def private_author(site_tree):
    from tests.factories import PersonPageFactory

    public = PersonPageFactory(parent=site_tree.people, title="Öppen Skribent", slug="oppen")
    private = PersonPageFactory(parent=site_tree.people, title="Dold Skribent", slug="dold")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Med två skribenter", authors=[public, private]
    )
    paper = WhitePaperPageFactory(
        parent=site_tree.papers, title="Rapport med två", authors=[public, private]
    )
    return SimpleNamespace(public=public, private=private, article=article, paper=paper)


def test_a_private_person_is_named_but_never_linked(private_author):
    """Bylines, Open Graph, JSON-LD, citation tags and every feed format name
    a login-only person as plain text at most: their page's URL appears
    nowhere, while the public co-author stays linked."""
    visitor = Client()
    private_path = private_author.private.url
    public_path = private_author.public.url
    urls = [
        private_author.article.url,
        private_author.paper.url,
        "/feeds/rss/",
        "/feeds/atom/",
        "/feeds/json/",
        "/feeds/nyheter/rss/",
    ]
    for url in urls:
        response = visitor.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert private_path not in text, url
        assert "Dold Skribent" in text or "Skribent, Dold" in text, url
        if "/rss/" not in url:  # RSS names authors (dc:creator) without links
            assert public_path in text, url

    article = visitor.get(private_author.article.url).content.decode()
    assert f'<a href="{public_path}">Öppen Skribent</a>' in article
    paper = visitor.get(private_author.paper.url).content.decode()
    assert 'name="citation_author" content="Skribent, Dold"' in paper
