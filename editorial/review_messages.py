"""Page views that tell the reviewer what an approval or a request for changes did.

Wagtail confirms a review action taken in the page editor only with its generic
"the page has been updated", and one taken from the dashboard with nothing at
all. These subclasses of its views say, in the reviewer's language, whether the
page was approved, published or scheduled, or sent back for changes. They are
registered for every page type through a page viewset (`wagtail_hooks.py`).
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from wagtail.admin import messages
from wagtail.admin.views.pages import edit, workflow
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page, TaskState


def confirm_review(request, page: Page, action: str) -> bool:
    """Add the message for `action` (approve or reject) just taken on `page`.

    Returns False for any other action, which keeps Wagtail's own message.
    """
    # Read the page again: approving may have published or scheduled it since
    # the view loaded it.
    page = Page.objects.select_related("latest_revision").get(pk=page.pk)
    title = page.get_admin_display_title()
    if action == "reject":
        message = _("Changes requested for '%(title)s'.") % {"title": title}
    elif action != "approve":
        return False
    elif page.workflow_in_progress:
        # Approved at this step; another step of the workflow is still to come.
        message = _("Page '%(title)s' has been approved.") % {"title": title}
    elif (go_live_at := page.latest_revision.approved_go_live_at) is not None:
        go_live_at = localtime(go_live_at)
        message = _(
            "Page '%(title)s' has been approved and will be published on %(date)s at %(time)s."
        ) % {
            "title": title,
            "date": date_format(go_live_at, "DATE_FORMAT"),
            "time": date_format(go_live_at, "TIME_FORMAT"),
        }
    elif page.live and page.live_revision_id == page.latest_revision_id:
        message = _("Page '%(title)s' has been approved and published.") % {"title": title}
    else:
        message = _("Page '%(title)s' has been approved.") % {"title": title}
    messages.success(request, message)
    return True


class EditView(edit.EditView):
    def add_save_confirmation_message(self):
        if self.action_name == "perform_workflow_action" and confirm_review(
            self.request, self.page, self.workflow_action
        ):
            return
        super().add_save_confirmation_message()


class WorkflowActionView(workflow.WorkflowActionView):
    def post(self, request, *args, **kwargs):
        was_in_progress = self.task_state.status == TaskState.STATUS_IN_PROGRESS
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db(fields=["status"])
        # A form with errors leaves the task as it was, and so says nothing.
        if was_in_progress and self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            confirm_review(request, self.object, self.action_name)
        return response


class ReviewingPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the two above."""

    edit_view_class = EditView
    workflow_action_view_class = WorkflowActionView
