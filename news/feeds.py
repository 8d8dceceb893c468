"""RSS feed of the latest news."""

import datetime as dt
import html

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lsv_site.queries import visible_pages
from news.models import NewsArticlePage, NewsIndexPage


class LatestNewsFeed(Feed):
    title = _("LSV – News")
    description = _("The latest news from LSV.")
    language = "sv"

    def link(self) -> str:
        index = NewsIndexPage.objects.live().first()
        return index.url if index else "/"

    def items(self):
        return (
            visible_pages(NewsArticlePage.objects.all())
            .order_by("-publication_date", "-first_published_at", "-id")
            .prefetch_related("authorships__person", "topics")[: settings.LSV_FEED_ITEMS]
        )

    def item_title(self, item: NewsArticlePage) -> str:
        return item.title

    def item_description(self, item: NewsArticlePage) -> str:
        # Feed readers render <description> as HTML; the lead is plain text.
        # (Quotes need no escaping in HTML text.)
        return html.escape(item.lead, quote=False)

    def item_link(self, item: NewsArticlePage) -> str:
        return item.url

    def item_guid(self, item: NewsArticlePage) -> str:
        # Stable when the title or slug changes.
        return f"urn:lsv:page:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: NewsArticlePage) -> dt.datetime | None:
        if item.publication_date:
            return timezone.make_aware(dt.datetime.combine(item.publication_date, dt.time(12, 0)))
        return item.first_published_at

    def item_author_name(self, item: NewsArticlePage) -> str | None:
        names = [a.person.title for a in item.authorships.all()]
        return ", ".join(names) or None

    def item_categories(self, item: NewsArticlePage) -> list[str]:
        return [tag.name for tag in item.topics.all()]
