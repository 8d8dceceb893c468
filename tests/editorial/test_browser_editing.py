"""Editors in the real admin, in Chromium: who may publish, and scheduling.

Selectors follow what an editor sees (Swedish labels and roles) where Wagtail
offers them, and Wagtail's stable form names and ids where it does not.
"""

import datetime as dt
import io
import re

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import feedparser
import pytest

from editorial.roles import REVIEW_WORKFLOW
from news.models import NewsArticlePage
from tests.editorial.admin_forms import page_form_data
from tests.editorial.conftest import PASSWORD
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def tab(browser_page):
    # The admin on a busy CI machine: be patient with its JavaScript.
    browser_page.set_default_timeout(30_000)
    return browser_page


@pytest.fixture
def related(site_tree):
    return {
        "person": PersonPageFactory(parent=site_tree.people, title="Sara Lind"),
        "paper": WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om tillit"),
        "older": NewsArticlePageFactory(parent=site_tree.news, title="Äldre nyhet"),
    }


def log_in(tab, live_server, user):
    tab.goto(live_server.url + "/admin/login/")
    tab.fill("input[name=username]", user.username)
    tab.fill("input[name=password]", PASSWORD)
    tab.get_by_role("button", name="Logga in").click()
    tab.wait_for_url(re.compile(r"/admin/$"))


def open_action_menu(tab):
    toggle = tab.locator("footer [data-w-dropdown-target=toggle]").last
    toggle.click()


def feed_titles(tab, live_server) -> list[str]:
    body = tab.request.get(live_server.url + "/feeds/nyheter/rss/").body()
    return [entry.title for entry in feedparser.parse(body).entries]


def test_editor_is_not_offered_publish_and_a_forged_publish_is_refused(
    tab, live_server, site_tree, related, editor, client
):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Utkast", live=False)
    article.save_revision(user=editor)

    log_in(tab, live_server, editor)
    tab.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[article.id]))
    open_action_menu(tab)
    assert tab.get_by_role("button", name=f"Lämna in till {REVIEW_WORKFLOW}").is_visible()
    assert tab.locator("button[name=action-publish]").count() == 0
    assert tab.get_by_role("button", name="Publicera").count() == 0

    # The same form, posted by hand with the publish action added.
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:edit", args=[article.id])
    data = page_form_data(client, url, "page-edit-form", article, **{"action-publish": "1"})
    client.post(url, data)
    article.refresh_from_db()
    assert not article.live
    assert not NewsArticlePage.objects.live().filter(pk=article.pk).exists()


def test_scheduled_article_goes_live_after_the_scheduler_runs(
    tab, live_server, site_tree, related, publisher
):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Schemalagd nyhet", live=False)
    article.go_live_at = timezone.now() + dt.timedelta(hours=1)
    article.save_revision(user=publisher).publish(user=publisher)

    # The publisher sees it scheduled, not live.
    log_in(tab, live_server, publisher)
    tab.goto(live_server.url + reverse("wagtailadmin_explore", args=[site_tree.news.id]))
    row = tab.get_by_role("row").filter(has_text="Schemalagd nyhet")
    assert "Schemalagd" in row.inner_text() or "schemalagd" in row.inner_text()
    tab.goto(live_server.url + site_tree.news.url)
    assert tab.get_by_role("link", name="Schemalagd nyhet").count() == 0

    # The go-live time passes and the scheduler runs once.
    past = timezone.now() - dt.timedelta(minutes=1)
    revision = article.get_latest_revision()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("run_scheduler", "--once", stdout=io.StringIO())

    tab.goto(live_server.url + site_tree.news.url)
    tab.get_by_role("link", name="Schemalagd nyhet").click()
    assert tab.get_by_role("heading", level=1).inner_text() == "Schemalagd nyhet"
    assert "Schemalagd nyhet" in feed_titles(tab, live_server)
