import pytest

from tests.factories import NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_from_the_header_and_narrows_by_kind(browser_page, live_server, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Läxhjälp i Malmö")
    WhitePaperPageFactory(parent=site_tree.papers, title="Läxhjälp som arbetssätt")
    browser_page.goto(live_server.url + "/")
    browser_page.get_by_role("search").first.get_by_label("Sök på webbplatsen").fill("läxhjälp")
    browser_page.get_by_role("search").first.get_by_role("button", name="Sök").click()

    assert "/sok/?q=l%C3%A4xhj%C3%A4lp" in browser_page.url
    assert browser_page.get_by_role("status").inner_text() == "2 träffar för ”läxhjälp”"
    # The query stays in the box; narrowing keeps it.
    form = browser_page.locator("form.search__form")
    assert form.get_by_label("Sök bland nyheter, white papers och personer").input_value() == (
        "läxhjälp"
    )
    form.get_by_label("Visa").select_option(label="Nyheter")
    form.get_by_role("button", name="Sök").click()
    cards = browser_page.locator("main article")
    assert cards.count() == 1
    assert cards.locator(".card__kind").text_content() == "Nyhet"
    cards.get_by_role("link", name="Läxhjälp i Malmö").click()
    assert browser_page.url.endswith(article.url)
