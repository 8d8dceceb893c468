import pytest

from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

# serialized_rollback: start from the migrated database (site, home page) even
# after another transactional test flushed it (see tests/browser/test_security_*).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_visitor_reads_article_and_follows_read_more(browser_page, live_server, site_tree):
    person = PersonPageFactory(parent=site_tree.people, title="Sara Lind")
    paper = WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om tillit")
    NewsArticlePageFactory(parent=site_tree.news, title="Äldre nyhet")
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Ny modell för samverkan", read_more=[paper, person]
    )
    # The site's hostname is "localhost"; the live server answers on another port.
    browser_page.goto(live_server.url + "/")
    browser_page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Nyheter"
    ).click()
    browser_page.get_by_role("link", name="Ny modell för samverkan").click()
    assert browser_page.get_by_role("heading", level=1).inner_text() == article.title

    read_more = browser_page.get_by_role("complementary", name="Läs mer")
    cards = read_more.get_by_role("article")
    assert cards.count() == 3  # two picked, the other article added automatically
    assert cards.nth(0).locator(".card__kind").text_content() == "White paper"
    assert cards.nth(1).locator(".card__kind").text_content() == "Person"
    read_more.get_by_role("link", name="Rapport om tillit").click()
    assert browser_page.url.endswith(paper.url)
    browser_page.get_by_role("link", name="Se alla white papers").click()
    assert browser_page.url.endswith(site_tree.papers.url)
