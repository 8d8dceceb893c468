"""Topics typed in the page editor stay apart: Enter, comma, Tab and leaving
the field end a topic even while the field shows suggestions
(core/static/core/admin/tag_input.js)."""

import re

from django.urls import reverse

from taggit.models import Tag

import pytest
from playwright.sync_api import expect

from tests.editorial.test_browser_editing import log_in, press_action, wait_for_autosave
from tests.factories import NewsArticlePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def type_with_suggestions_open(tab, field, text: str, suggestion: str):
    """Type `text` as a person would and wait until `suggestion` is offered."""
    field.press_sequentially(text, delay=60)
    tab.locator("ul.ui-autocomplete").get_by_text(suggestion, exact=True).wait_for()


def test_enter_comma_and_leaving_the_field_end_a_topic_while_suggestions_show(
    browser_page, live_server, site_tree, editor
):
    tab = browser_page
    tab.set_default_timeout(30_000)
    for name in ("Integration", "Kommuner", "Ekonomi"):
        Tag.objects.create(name=name)
    article = NewsArticlePageFactory(parent=site_tree.news, title="Om inkludering", live=False)
    article.save_revision(user=editor)

    log_in(tab, live_server, editor)
    tab.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[article.id]))
    topics = tab.locator("[data-contentpath='topics'] input[type=text]:visible").first
    chips = tab.locator("[data-contentpath='topics'] .tagit-label")

    # A suggestion chosen with the arrow keys is what Enter takes, as before.
    type_with_suggestions_open(tab, topics, "Kommun", "Kommuner")
    topics.press("ArrowDown")
    topics.press("Enter")
    expect(chips).to_have_text(["Kommuner"], timeout=5_000)
    # Otherwise Enter, a comma and leaving the field take what was typed.
    type_with_suggestions_open(tab, topics, "Integ", "Integration")
    topics.press("Enter")
    expect(chips).to_have_text(["Kommuner", "Integ"], timeout=5_000)
    type_with_suggestions_open(tab, topics, "Kommun", "Kommuner")
    topics.press(",")
    expect(chips).to_have_text(["Kommuner", "Integ", "Kommun"], timeout=5_000)
    type_with_suggestions_open(tab, topics, "Ekon", "Ekonomi")
    topics.press("Tab")
    expect(chips).to_have_text(["Kommuner", "Integ", "Kommun", "Ekon"], timeout=5_000)
    type_with_suggestions_open(tab, topics, "Eko", "Ekonomi")
    tab.fill("#id_title", "Om inkludering i kommunerna")  # leaves the topic field
    expect(chips).to_have_text(["Kommuner", "Integ", "Kommun", "Ekon", "Eko"], timeout=5_000)

    wait_for_autosave(tab)
    press_action(tab, tab.get_by_role("button", name="Spara utkast"))
    tab.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    saved = sorted(topic.name for topic in draft.topics.all())
    assert saved == ["Eko", "Ekon", "Integ", "Kommun", "Kommuner"]
