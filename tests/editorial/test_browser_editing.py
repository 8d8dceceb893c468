"""The editors' journeys in the real admin, in Chromium: write, review, publish.

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
from PIL import Image as PILImage
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from editorial.roles import REVIEW_WORKFLOW
from news.models import NewsArticlePage
from tests.editorial.admin_forms import page_form_data
from tests.editorial.conftest import PASSWORD
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Nytt stöd för lokala initiativ"


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


def choose_page(tab, container, title: str):
    """Open the page chooser in `container`, search for `title`, pick it."""
    container.get_by_role("button", name=re.compile("Välj")).click()
    modal = tab.locator(".modal-content")
    modal.locator("input[name=q]").fill(title)
    modal.get_by_role("link", name=title).click()
    modal.wait_for(state="hidden")


def open_action_menu(tab):
    toggle = tab.locator("footer [data-w-dropdown-target=toggle]").last
    toggle.click()


def confirm_if_asked(tab, button_name: str):
    """Wagtail's edit-conflict dialog ("you saved a new version in another
    window") can appear when a slow machine lags its session check; the
    editor confirms with the same action."""
    dialog = tab.get_by_role("dialog").filter(has=tab.get_by_role("button", name=button_name))
    try:
        dialog.get_by_role("button", name=button_name).click(timeout=3_000)
    except PlaywrightTimeoutError:
        pass


def article_state(article) -> str | None:
    article.refresh_from_db()
    state = article.current_workflow_state
    return state.status if state else None


def wait_until(tab, condition, seconds: int = 30):
    """Poll the database while the browser finishes the action."""
    for _ in range(seconds * 2):
        if condition():
            return
        tab.wait_for_timeout(500)
    raise AssertionError("the admin action did not take effect")


def anonymous(browser):
    context = browser.new_context(locale="sv-SE")
    return context, context.new_page()


def feed_titles(tab, live_server) -> list[str]:
    body = tab.request.get(live_server.url + "/feeds/nyheter/rss/").body()
    return [entry.title for entry in feedparser.parse(body).entries]


def write_article(tab, live_server, site_tree, tmp_path):
    """Scenario 1 up to the saved draft, as a Redaktör."""
    tab.goto(live_server.url + reverse("wagtailadmin_explore", args=[site_tree.news.id]))
    tab.get_by_role("link", name="Lägg till undersida").first.click()
    tab.wait_for_url(re.compile(r"/add/news/newsarticlepage/"))

    tab.fill("#id_title", TITLE)
    tab.fill("#id_lead", "Kommunen satsar på föreningar som prövar nya idéer.")

    # Body: a heading, then a paragraph.
    tab.locator(".c-sf-add-button").first.click()
    tab.get_by_role("option", name="Rubrik").click()
    tab.fill("#body-0-value-text", "Så fungerar stödet")
    tab.locator(".c-sf-add-button").last.click()
    tab.get_by_role("option", name="Stycke").click()
    tab.locator("[data-contentpath='body'] [contenteditable=true]").last.click()
    tab.keyboard.type("Föreningar kan söka upp till femtiotusen kronor.")

    # Hero image, uploaded from a file, with its description (alt text).
    picture = tmp_path / "folkmote.png"
    buffer = io.BytesIO()
    PILImage.new("RGB", (640, 360), "teal").save(buffer, "PNG")
    picture.write_bytes(buffer.getvalue())
    tab.locator("[data-contentpath='hero_image']").get_by_role(
        "button", name="Välj en bild"
    ).click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("tab", name="Ladda upp").click()
    modal.locator("input[type=file]").set_input_files(str(picture))
    modal.locator("input[name$=title]").fill("Folkmöte")
    modal.locator("[name$=description]").fill("Människor samlade på ett folkmöte")
    modal.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    modal.wait_for(state="hidden")

    # An author, a topic and two read-more links.
    tab.locator("#id_authorships-ADD").click()
    choose_page(tab, tab.locator("#inline_child_authorships-0"), "Sara Lind")
    topics = tab.locator("[data-contentpath='topics'] input[type=text]:visible").first
    topics.fill("Lokalsamhälle")
    topics.press("Enter")
    tab.locator("#id_read_more_links-ADD").click()
    choose_page(tab, tab.locator("#inline_child_read_more_links-0"), "Rapport om tillit")
    tab.locator("#id_read_more_links-ADD").click()
    choose_page(tab, tab.locator("#inline_child_read_more_links-1"), "Sara Lind")

    tab.get_by_role("button", name="Spara utkast").click()
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    return NewsArticlePage.objects.get(title=TITLE)


def test_editor_writes_and_submits_then_publisher_approves(
    tab, browser, live_server, site_tree, related, editor, publisher, tmp_path
):
    # 1. A Redaktör writes the article and saves a draft.
    log_in(tab, live_server, editor)
    article = write_article(tab, live_server, site_tree, tmp_path)
    draft = article.get_latest_revision_as_object()
    assert not article.live
    assert [b.block_type for b in draft.body] == ["heading", "paragraph"]
    assert draft.hero_image.description == "Människor samlade på ett folkmöte"
    assert [a.person.title for a in draft.authorships.all()] == ["Sara Lind"]
    assert [t.name for t in draft.topics.all()] == ["Lokalsamhälle"]
    assert [link.target.title for link in draft.read_more_links.all()] == [
        "Rapport om tillit",
        "Sara Lind",
    ]

    context, visitor = anonymous(browser)
    visitor.goto(live_server.url + site_tree.news.url)
    assert visitor.get_by_role("link", name=TITLE).count() == 0
    assert TITLE not in feed_titles(visitor, live_server)

    # ... and submits it for review.
    open_action_menu(tab)
    submit = f"Lämna in till {REVIEW_WORKFLOW}"
    tab.get_by_role("button", name=submit).first.click()
    confirm_if_asked(tab, submit)
    wait_until(tab, lambda: article_state(article) == "in_progress")
    article.refresh_from_db()
    assert not article.live

    # 2. Ansvarig utgivare finds it on the dashboard and approves it.
    tab.context.clear_cookies()
    log_in(tab, live_server, publisher)
    tab.locator("#awaiting-review-section").get_by_role("link", name=TITLE).first.click()
    tab.wait_for_url(re.compile(rf"/admin/pages/{article.id}/edit/"))
    open_action_menu(tab)
    tab.locator(
        "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
    ).click()
    wait_until(tab, lambda: NewsArticlePage.objects.live().filter(pk=article.pk).exists())

    # The visitor finds it in the listing, reads it and follows "Läs mer".
    visitor.goto(live_server.url + site_tree.news.url)
    visitor.get_by_role("link", name=TITLE).click()
    assert visitor.get_by_role("heading", level=1).inner_text() == TITLE
    assert visitor.get_by_role("heading", name="Så fungerar stödet").is_visible()
    assert visitor.get_by_text("Föreningar kan söka upp till femtiotusen kronor.").is_visible()
    assert visitor.locator("img[alt='Människor samlade på ett folkmöte']").count() == 1
    read_more = visitor.get_by_role("complementary", name="Läs mer")
    kinds = read_more.locator(".card__kind").all_text_contents()
    assert kinds == ["White paper", "Person", "Nyhet"]  # two picked, one added
    read_more.get_by_role("link", name="Rapport om tillit").click()
    assert visitor.get_by_role("heading", level=1).inner_text() == "Rapport om tillit"
    visitor.get_by_role("link", name="Se alla white papers").click()
    assert visitor.url.endswith(site_tree.papers.url)
    assert TITLE in feed_titles(visitor, live_server)
    context.close()


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
