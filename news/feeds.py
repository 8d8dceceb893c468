"""The news feed: every article, newest first."""

from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from core.queries import with_visibility_change
from news.models import NewsArticlePage, NewsIndexPage
from seo.feeds.base import SiteFeed


def news_index(**annotations) -> NewsIndexPage | None:
    """The news listing, annotated for the feed's Last-Modified (and with
    `annotations`, so that a feed needs no query of its own for them)."""
    pages = NewsIndexPage.objects.live().only("id", "url_path", "path", "depth")
    return with_visibility_change(pages).annotate(**annotations).first()


class NewsFeed(SiteFeed):
    url_name = "feed-news"

    def get_object(self, request: HttpRequest) -> NewsIndexPage | None:
        return news_index()

    def title(self, index) -> str:
        return _("LSV – News")

    def description(self, index) -> str:
        return _("The latest news from LSV.")

    def link(self, index, request: HttpRequest) -> str:
        return (index.get_url() if index else None) or "/"

    def querysets(self, index):
        return [NewsArticlePage.objects.all()]
