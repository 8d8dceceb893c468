"""The editors' journeys in the real admin, in Chromium: write, review,
publish; who may publish; scheduling.

Selectors follow what an editor sees (Swedish labels and roles) where Wagtail
offers them, and Wagtail's stable form names and ids where it does not.
"""

import datetime as dt
import io
import re

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import feedparser
import pytest
from PIL import Image as PILImage
from playwright.sync_api import Error as PlaywrightError

from editorial.roles import REVIEW_WORKFLOW
from news.models import NewsArticlePage
from tests import two_factor
from tests.editorial.admin_forms import page_form_data
from tests.editorial.conftest import PASSWORD
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Nytt stöd för lokala initiativ"
LEAD = "Kommunen satsar på föreningar som prövar nya idéer."
HEADING = "Så fungerar stödet"
PARAGRAPH = "Föreningar kan söka upp till femtiotusen kronor."
ALT = "Människor samlade på ett folkmöte"


@pytest.fixture
def tab(browser_page):
    # The admin on a busy CI machine: be patient with its JavaScript.
    browser_page.set_default_timeout(30_000)
    return browser_page


@pytest.fixture
def admin_tab(new_tab):
    """A tab for an editor of its own (own cookies, own editing session)."""

    def open_tab(name: str):
        tab = new_tab(name)
        tab.set_default_timeout(30_000)
        return tab

    return open_tab


@pytest.fixture
def related(site_tree):
    return {
        "person": PersonPageFactory(parent=site_tree.people, title="Sara Lind"),
        "paper": WhitePaperPageFactory(parent=site_tree.papers, title="Rapport om tillit"),
        "older": NewsArticlePageFactory(parent=site_tree.news, title="Äldre nyhet"),
    }


def log_in(tab, live_server, user):
    # A publisher's role requires two-factor authentication: an enrolled device
    # and the code its app would show.
    two_factor.log_in(tab, live_server.url, user.username, PASSWORD, two_factor.enrolled(user))


def open_action_menu(tab):
    toggle = tab.locator("footer [data-w-dropdown-target=toggle]").last
    toggle.click()


def choose_page(tab, container, title: str):
    """Open the page chooser in `container`, search for `title`, pick it."""
    container.get_by_role("button", name=re.compile("Välj")).click()
    modal = tab.locator(".modal-content")
    modal.locator("input[name=q]").fill(title)
    modal.get_by_role("link", name=title).click()
    modal.wait_for(state="hidden")
    assert container.get_by_text(title).first.is_visible()


# True once the form posts to the page's edit view (the first autosave
# created the page) and no autosave is on its way.
AUTOSAVE_SETTLED = r"""() => {
    const form = document.querySelector("form[data-edit-form]");
    const indicator = document.querySelector("#w-autosave-indicator");
    const saving = indicator && indicator.dataset.wAutosaveStateValue === "saving";
    return /\/admin\/pages\/\d+\/edit\/$/.test(form.action) && !saving;
}"""


def wait_for_autosave(tab):
    """Let Wagtail's autosave finish what the last change started.

    Autosave posts the form half a second after each change, and the first one
    turns the create view into the page's edit view. A save button pressed
    meanwhile would race it (on the create view: create the page twice), so
    the editor waits, as a person would, until the indicator stops saying it
    is saving."""
    tab.wait_for_function(AUTOSAVE_SETTLED)
    # Autosave is debounced: give a change still pending its interval.
    tab.wait_for_timeout(1_000)
    tab.wait_for_function(AUTOSAVE_SETTLED)


def press_action(tab, button):
    """Press a save or workflow button and wait for the page it leads to.

    Wagtail intercepts the press with a confirmation dialog when its editing
    session saw a newer revision from another session or lost the server for
    a moment; on a busy machine either happens at random, so the editor
    confirms it with the same action, as a person would."""
    with tab.expect_navigation(wait_until="load"):
        button.click()
        dialog = tab.locator("#w-save-confirmation-dialog")
        try:
            asked = dialog.is_visible()
        except PlaywrightError:  # already navigating: nothing was asked
            asked = False
        if asked:
            dialog.locator("[data-w-dialog-target=confirm]").click()


def article_state(article) -> str | None:
    """The status of the article's latest workflow run."""
    state = WorkflowState.objects.for_instance(article).order_by("-created_at", "-id").first()
    return state.status if state else None


def wait_until(tab, condition, seconds: int = 30):
    """Poll the database while the browser finishes the action."""
    for _ in range(seconds * 2):
        if condition():
            return
        tab.wait_for_timeout(500)
    raise AssertionError("the admin action did not take effect")


def feed_titles(tab, live_server) -> list[str]:
    body = tab.request.get(live_server.url + "/feeds/nyheter/rss/").body()
    return [entry.title for entry in feedparser.parse(body).entries]


def write_article(tab, live_server, site_tree, tmp_path):
    """Scenario 1 up to the saved draft, as a Redaktör."""
    tab.goto(live_server.url + reverse("wagtailadmin_explore", args=[site_tree.news.id]))
    tab.get_by_role("link", name="Lägg till undersida").first.click()
    tab.wait_for_url(re.compile(r"/add/news/newsarticlepage/"))

    tab.fill("#id_title", TITLE)
    tab.fill("#id_lead", LEAD)

    # Body: a heading, then a paragraph.
    tab.locator(".c-sf-add-button").first.click()
    tab.get_by_role("option", name="Rubrik").click()
    tab.fill("#body-0-value-text", HEADING)
    tab.locator(".c-sf-add-button").last.click()
    tab.get_by_role("option", name="Stycke").click()
    tab.locator("[data-contentpath='body'] [contenteditable=true]").last.click()
    tab.keyboard.type(PARAGRAPH)

    # Hero image, uploaded from a file, with its description (the alt text).
    picture = tmp_path / "folkmote.png"
    PILImage.new("RGB", (640, 360), "teal").save(picture, "PNG")
    tab.locator("[data-contentpath='hero_image']").get_by_role(
        "button", name="Välj en bild"
    ).click()
    modal = tab.locator(".modal-content")
    modal.get_by_role("tab", name="Ladda upp").click()
    modal.locator("input[type=file]").set_input_files(str(picture))
    modal.locator("input[name$=title]").fill("Folkmöte")
    modal.locator("[name$=description]").fill(ALT)
    modal.locator("form[enctype='multipart/form-data'] button[type=submit]").click()
    modal.wait_for(state="hidden")
    assert tab.locator("[data-contentpath='hero_image']").get_by_text("Folkmöte").is_visible()

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

    wait_for_autosave(tab)
    press_action(tab, tab.get_by_role("button", name="Spara utkast"))
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    assert f"Sida '{TITLE}' har blivit uppdaterad" in tab.locator(".messages").inner_text()
    return NewsArticlePage.objects.get(title=TITLE)


def test_editor_writes_and_submits_then_publisher_approves(
    admin_tab, new_tab, live_server, site_tree, related, editor, publisher, tmp_path, steps
):
    tab = admin_tab("redaktor")
    visitor = new_tab("visitor")

    with steps("redaktor writes and saves a draft", tab):
        log_in(tab, live_server, editor)
        article = write_article(tab, live_server, site_tree, tmp_path)
        draft = article.get_latest_revision_as_object()
        assert not article.live
        heading, paragraph = draft.body
        assert (heading.block_type, heading.value["text"]) == ("heading", HEADING)
        assert paragraph.block_type == "paragraph"
        assert re.fullmatch(rf"<p[^>]*>{PARAGRAPH}</p>", str(paragraph.value))
        assert draft.lead == LEAD
        assert draft.hero_image.description == ALT
        assert [a.person.title for a in draft.authorships.all()] == ["Sara Lind"]
        assert [t.name for t in draft.topics.all()] == ["Lokalsamhälle"]
        assert [link.target.title for link in draft.read_more_links.all()] == [
            "Rapport om tillit",
            "Sara Lind",
        ]

    with steps("the draft is hidden from visitors", visitor):
        response = visitor.goto(live_server.url + "/nyheter/" + article.slug + "/")
        assert response.status == 404
        visitor.goto(live_server.url + site_tree.news.url)
        assert visitor.get_by_role("link", name="Äldre nyhet").is_visible()
        assert visitor.get_by_role("link", name=TITLE).count() == 0
        assert TITLE not in feed_titles(visitor, live_server)

    with steps("redaktor submits it for review", tab):
        open_action_menu(tab)
        press_action(tab, tab.get_by_role("button", name=f"Lämna in till {REVIEW_WORKFLOW}"))
        wait_until(tab, lambda: article_state(article) == "in_progress")
        article.refresh_from_db()
        assert not article.live
        assert "har blivit inlämnad för moderering" in tab.locator(".messages").inner_text()

    publisher_tab = admin_tab("utgivare")
    with steps("ansvarig utgivare approves it from the dashboard", publisher_tab):
        log_in(publisher_tab, live_server, publisher)
        awaiting = publisher_tab.locator("#awaiting-review-section")
        awaiting.get_by_role("link", name=TITLE).first.click()
        publisher_tab.wait_for_url(re.compile(rf"/admin/pages/{article.id}/edit/"))
        open_action_menu(publisher_tab)
        approve = publisher_tab.locator(
            "button[data-workflow-action-name=approve]:not([data-workflow-action-modal-url])"
        )
        press_action(publisher_tab, approve)
        wait_until(
            publisher_tab, lambda: NewsArticlePage.objects.live().filter(pk=article.pk).exists()
        )
        assert article_state(article) == "approved"
        row = publisher_tab.get_by_role("row").filter(has_text=TITLE)
        assert "publicerad" in row.inner_text().lower()

    with steps("a visitor finds it on the news listing and reads it", visitor):
        visitor.goto(live_server.url + site_tree.news.url)
        visitor.get_by_role("link", name=TITLE).click()
        assert visitor.get_by_role("heading", level=1).inner_text() == TITLE
        assert visitor.get_by_role("heading", name=HEADING).is_visible()
        assert visitor.get_by_text(PARAGRAPH).is_visible()
        assert visitor.locator(f"img[alt='{ALT}']").count() == 1

    with steps("the visitor follows a Läs mer card and comes back with Se alla", visitor):
        article_url = visitor.url
        read_more = visitor.get_by_role("complementary", name="Läs mer")
        cards = read_more.get_by_role("listitem")
        # Two picked by the editor, in order, topped up with the newest news.
        assert [c.locator(".card__kind").text_content().strip() for c in cards.all()] == [
            "White paper",
            "Person",
            "Nyhet",
        ]
        assert [c.get_by_role("heading").text_content().strip() for c in cards.all()] == [
            "Rapport om tillit",
            "Sara Lind",
            "Äldre nyhet",
        ]
        read_more.get_by_role("link", name="Rapport om tillit").click()
        assert visitor.get_by_role("heading", level=1).inner_text() == "Rapport om tillit"
        visitor.go_back()
        assert visitor.url == article_url
        visitor.get_by_role("complementary", name="Läs mer").get_by_role(
            "link", name="Se alla nyheter"
        ).click()
        assert visitor.url == live_server.url + site_tree.news.url
        assert visitor.get_by_role("link", name=TITLE).is_visible()

    with steps("the feed lists it"):
        assert TITLE in feed_titles(visitor, live_server)


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
