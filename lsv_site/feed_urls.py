"""Every feed in RSS 2.0, Atom 1.0 and JSON Feed 1.1, under /feeds/.

The URLs are plain Django views ahead of Wagtail's catch-all, so they stay
stable whatever editors call the sections. The URL names are
"<feed>-<format>", e.g. "feed-news-rss".
"""

from django.urls import path

from home.feeds import EverythingFeed, TopicFeed
from news.feeds import NewsFeed
from people.feeds import PersonFeed
from seo.feeds.formats import FORMATS
from whitepapers.feeds import WhitePaperFeed

FEEDS = [
    ("", EverythingFeed),
    ("nyheter/", NewsFeed),
    ("white-papers/", WhitePaperFeed),
    ("amne/<slug:slug>/", TopicFeed),
    ("personer/<slug:slug>/", PersonFeed),
]

urlpatterns = [
    path(f"{prefix}{fmt}/", feed(fmt), name=f"{feed.url_name}-{fmt}")
    for prefix, feed in FEEDS
    for fmt in FORMATS
]
