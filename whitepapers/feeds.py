"""The white paper feed: every report, newest first, with its PDF."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.queries import with_visibility_change
from seo.feeds.base import SiteFeed
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage


class WhitePaperFeed(SiteFeed):
    url_name = "feed-whitepapers"

    def get_object(self, request: HttpRequest) -> WhitePaperIndexPage | None:
        pages = WhitePaperIndexPage.objects.live().only("id", "url_path", "path", "depth")
        return with_visibility_change(pages).first()

    def title(self, index) -> str:
        return _("LSV – White papers")

    def description(self, index) -> str:
        return _("The latest white papers from LSV.")

    def link(self, index, request: HttpRequest) -> str:
        return (index.get_url() if index else None) or "/"

    def querysets(self, index):
        return [WhitePaperPage.objects.select_related("pdf")]
