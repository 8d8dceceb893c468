"""A visitor in a real browser signs up from an article the page cache serves,
and confirms through the link in the e-mail the SMTP server on loopback
received (tests/subscriptions/conftest.py)."""

from urllib.parse import urlsplit

from wagtail.models import Site

import pytest

from subscriptions.models import Consent, Subscriber
from tests.factories import NewsArticlePageFactory
from tests.subscriptions.conftest import html_part, links, text_part

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ADDRESS = "karin@example.org"


@pytest.fixture
def site_on_live_server(live_server):
    """The e-mails link to the default site's root URL: make that the live
    server, so the browser follows the received link exactly as it is."""
    location = urlsplit(live_server.url)
    Site.objects.filter(is_default_site=True).update(hostname=location.hostname, port=location.port)
    return live_server.url


def test_visitor_subscribes_from_a_cached_article_and_confirms_from_the_email(
    browser_page, site_on_live_server, site_tree, settings, smtp, queue, steps
):
    settings.LSV_PAGE_CACHE = True
    article = NewsArticlePageFactory(
        parent=site_tree.news, title="Bostäder för fler", topics=["Bostäder"]
    )
    tab = browser_page
    url = site_on_live_server + article.url

    with steps("opens the article twice, the second time from the page cache", tab):
        first = tab.goto(url)
        assert first.status == 200
        assert first.headers["x-page-cache"] == "miss"
        second = tab.goto(url)
        assert second.status == 200
        assert second.headers["x-page-cache"] == "hit"
        assert tab.get_by_role("heading", level=1).inner_text() == "Bostäder för fler"
        assert tab.context.cookies() == []  # nothing per visitor on the cached page

    with steps("fills in the form at the end of the article and submits", tab):
        form = tab.locator(".article-subscribe form")
        assert form.get_by_role("checkbox", name="Alla nyheter").is_checked()
        form.get_by_role("checkbox", name="Ämne: Bostäder").check()
        form.get_by_label("Din e-postadress").fill(ADDRESS)
        with tab.expect_navigation():
            form.get_by_role("button", name="Prenumerera").click()
        assert tab.url == site_on_live_server + "/epost/prenumerera/"
        assert tab.get_by_role("heading", level=1).inner_text() == "Kolla din e-post"
        assert "Följ länken för att bekräfta – till dess skickar vi inget annat." in (
            tab.locator("main").inner_text()
        )

    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.state == Subscriber.PENDING
    assert smtp.messages == []  # the worker sends it, not the request

    with steps("the worker sends the confirmation e-mail", tab):
        [result] = queue()
        assert result.status == "SUCCESSFUL"
        [message] = smtp.to(ADDRESS)
        assert message["Subject"] == "Bekräfta din prenumeration på LSV"
        [link] = [url for url in links(text_part(message)) if "/epost/bekrafta/" in url]
        assert link in html_part(message)
        assert link.startswith(site_on_live_server + "/epost/bekrafta/")

    with steps("follows the link: a page with a button, nothing confirmed yet", tab):
        response = tab.goto(link)
        assert response.status == 200
        assert tab.get_by_role("heading", level=1).inner_text() == "Bekräfta din prenumeration"
        lists = tab.locator("main li").all_inner_texts()
        assert lists == ["Alla nyheter", "Ämne: Bostäder"]
        subscriber.refresh_from_db()
        assert subscriber.state == Subscriber.PENDING

    with steps("confirms", tab):
        with tab.expect_navigation():
            tab.get_by_role("button", name="Bekräfta").click()
        assert tab.get_by_role("heading", level=1).inner_text() == "Du prenumererar"
        assert tab.get_by_role("link", name="Ändra dina val").is_visible()

    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.news and not subscriber.white_papers
    assert [tag.slug for tag in subscriber.topics.all()] == ["bostader"]
    consent = subscriber.consents.get()
    assert consent.action == Consent.SUBSCRIBED
    assert consent.lists == {"news": True, "white_papers": False, "topics": ["bostader"]}
