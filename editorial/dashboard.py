"""Dashboard panels Wagtail lacks: the editor's own drafts and what was
published lately. Pages awaiting review (for Ansvarig utgivare) and the
editor's own pages in review come from Wagtail's built-in panels."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import Page

LIMIT = 10


class PageListPanel(Component):
    template_name = "editorial/dashboard/page_list.html"
    heading = ""
    empty_text = ""
    date_field = ""

    def get_pages(self, user):
        raise NotImplementedError

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        pages = list(self.get_pages(parent_context["request"].user)[:LIMIT])
        context.update(
            panel_id=self.name.replace("_", "-"),
            heading=self.heading,
            empty_text=self.empty_text,
            rows=[(page, getattr(page, self.date_field)) for page in pages],
        )
        return context


class MyDraftsPanel(PageListPanel):
    """Pages the editor owns or last edited whose latest changes are unpublished."""

    name = "my_drafts"
    order = 120
    heading = _("Your drafts")
    empty_text = _("You have no unpublished drafts.")
    date_field = "latest_revision_created_at"

    def get_pages(self, user):
        return (
            Page.objects.filter(has_unpublished_changes=True)
            .filter(Q(owner=user) | Q(latest_revision__user=user))
            .exclude(depth__lte=1)
            .order_by("-latest_revision_created_at", "-id")
            .select_related("content_type")
        )


class RecentlyPublishedPanel(PageListPanel):
    name = "recently_published"
    order = 300
    heading = _("Recently published")
    empty_text = _("Nothing has been published yet.")
    date_field = "last_published_at"

    def get_pages(self, user):
        return (
            Page.objects.live()
            .filter(last_published_at__isnull=False)
            .exclude(depth__lte=1)
            .order_by("-last_published_at", "-id")
            .select_related("content_type")
        )
