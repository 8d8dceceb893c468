"""An Ansvarig utgivare who approves a page or requests changes is told, in
Swedish, what happened: from the page editor's action menu and from the
dashboard's review buttons alike."""

import datetime as dt
import html

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupApprovalTask, Page, WorkflowTask

import pytest

from tests.editorial.admin_forms import edit_page
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(site_tree, editor):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Till granskning", live=False)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def messages_after(response) -> list[str]:
    # Wagtail's admin messages are HTML (the title escaped).
    return [html.unescape(str(message)).strip() for message in get_messages(response.wsgi_request)]


def from_dashboard(client, page, action: str, comment: str = ""):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.id, action, task_state.id])
    # The dashboard's buttons post from a modal and then load the dashboard.
    client.post(
        f"{url}?next=/admin/",
        {"comment": comment},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    return client.get("/admin/")


def from_editor(client, page, action: str):
    return edit_page(
        client,
        page,
        **{"action-workflow-action": "true", "workflow-action-name": action},
    )


@pytest.mark.parametrize("act", [from_dashboard, from_editor])
def test_approving_says_the_page_is_approved_and_published(client, publisher, in_review, act):
    client.force_login(publisher)
    response = act(client, in_review, "approve")
    in_review.refresh_from_db()
    assert in_review.live
    assert messages_after(response) == ["Sidan ’Till granskning’ är godkänd och publicerad."]


@pytest.mark.parametrize("act", [from_dashboard, from_editor])
def test_requesting_changes_says_so(client, publisher, in_review, act):
    client.force_login(publisher)
    response = act(client, in_review, "reject")
    in_review.refresh_from_db()
    assert not in_review.live
    assert in_review.current_workflow_state.status == "needs_changes"
    assert messages_after(response) == ["Ändringar begärda för ’Till granskning’."]


def test_the_message_shows_on_the_dashboard(client, publisher, in_review):
    client.force_login(publisher)
    page = from_dashboard(client, in_review, "reject", "Korta ingressen.").content.decode()
    assert "Ändringar begärda för ’Till granskning’." in page


def test_approving_a_scheduled_page_says_when_it_goes_live(client, site_tree, editor, publisher):
    page = NewsArticlePageFactory(parent=site_tree.news, title="Planerad", live=False)
    page.go_live_at = timezone.make_aware(dt.datetime(2031, 3, 4, 9, 30))
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)

    client.force_login(publisher)
    response = from_dashboard(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert messages_after(response) == [
        "Sidan ’Planerad’ är godkänd och publiceras den 4 mars 2031 kl. 09:30."
    ]


def test_approving_a_step_before_the_last_does_not_claim_publication(
    client, publisher, in_review
):
    workflow = in_review.get_workflow()
    second = GroupApprovalTask.objects.create(name="Juridisk granskning")
    second.groups.set(workflow.tasks.first().specific.groups.all())
    WorkflowTask.objects.create(workflow=workflow, task=second, sort_order=1)

    client.force_login(publisher)
    response = from_dashboard(client, in_review, "approve")
    assert not Page.objects.get(pk=in_review.pk).live
    assert messages_after(response) == ["Sidan ’Till granskning’ är godkänd."]
