"""Editors lose nothing: two tabs saving drafts of one page keep both revisions."""

import pytest

from tests import two_factor
from tests.factories import NewsArticlePageFactory

# serialized_rollback: each test starts from the migrated database (site, home
# page) even after an earlier transactional test flushed it.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "lång-lösen-för-test-123"


@pytest.fixture
def editor_context(browser, live_server, django_user_model):
    user = django_user_model.objects.create_superuser("redaktor", "r@example.org", PASSWORD)
    context = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    # A superuser logs in with two-factor authentication.
    two_factor.log_in(tab, live_server.url, "redaktor", PASSWORD, two_factor.enrol_device(user))
    tab.close()
    yield context
    context.close()


def open_editor(context, live_server, page):
    tab = context.new_page()
    tab.goto(f"{live_server.url}/admin/pages/{page.pk}/edit/")
    tab.wait_for_load_state("networkidle")
    return tab


def save_draft(tab):
    tab.locator("button.action-save").first.click()
    tab.wait_for_load_state("networkidle")


def test_two_tabs_saving_drafts_keep_both_revisions(editor_context, live_server, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Original")
    revisions_before = article.revisions.count()
    first = open_editor(editor_context, live_server, article)
    second = open_editor(editor_context, live_server, article)

    first.fill("#id_title", "Från första fliken")
    save_draft(first)
    second.fill("#id_title", "Från andra fliken")
    save_draft(second)

    # Each tab's text is kept in a revision (autosave may add more); the
    # second save is the latest, not a silent loss of the first.
    new = article.revisions.order_by("created_at", "pk")[revisions_before:]
    titles = [revision.content["title"] for revision in new]
    assert "Från första fliken" in titles
    assert titles[-1] == "Från andra fliken"
