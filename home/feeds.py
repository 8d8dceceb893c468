"""Feeds across kinds: everything, and everything on one topic."""

from types import SimpleNamespace

from django.db.models import Subquery
from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from taggit.models import Tag

from core.models import PageTopic
from news.feeds import news_index
from news.models import NewsArticlePage
from seo.feeds.base import SiteFeed
from whitepapers.models import WhitePaperPage


def _kinds():
    return NewsArticlePage.feed_queryset(), WhitePaperPage.feed_queryset()


class EverythingFeed(SiteFeed):
    url_name = "feed-all"

    def title(self, obj) -> str:
        return _("LSV – News and white papers")

    def description(self, obj) -> str:
        return _("Everything LSV publishes: news and white papers, newest first.")

    def querysets(self, obj):
        return list(_kinds())


class TopicFeed(SiteFeed):
    """A topic gathers news and white papers; its HTML page is the news
    listing's topic route, /nyheter/amne/<slug>/."""

    url_name = "feed-topic"

    def get_object(self, request: HttpRequest, slug: str) -> SimpleNamespace:
        # The topic's name rides on the listing's query.
        name = Tag.objects.filter(slug=slug).values("name")[:1]
        index = news_index(topic_name=Subquery(name))
        topic_name = (
            index.topic_name
            if index
            else Tag.objects.filter(slug=slug).values_list("name", flat=True).first()
        )
        if topic_name is None:
            raise Http404("No such topic")
        return SimpleNamespace(slug=slug, name=topic_name, index=index)

    def anchor(self, topic):
        return topic.index

    def title(self, topic) -> str:
        return _("LSV – %(topic)s") % {"topic": topic.name}

    def description(self, topic) -> str:
        return _("News and white papers from LSV on %(topic)s.") % {"topic": topic.name}

    def link(self, topic, request: HttpRequest) -> str:
        base = topic.index.get_url() if topic.index else None
        return f"{base}amne/{topic.slug}/" if base else "/"

    def querysets(self, topic):
        tagged = PageTopic.objects.filter(tag__slug=topic.slug).values("content_object_id")
        return [queryset.filter(pk__in=tagged) for queryset in _kinds()]
