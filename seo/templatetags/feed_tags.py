"""Which feeds a page advertises: its most specific ones, then the site-wide one."""

from dataclasses import dataclass

from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

register = template.Library()

MIME_TYPES = {
    "rss": "application/rss+xml",
    "atom": "application/atom+xml",
    "json": "application/feed+json",
}
FORMAT_NAMES = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}

# The section feed of each page kind, by model name.
SECTION_FEEDS = {
    # The home page leads with the latest news.
    "homepage": ("feed-news", _("LSV – News")),
    "newsindexpage": ("feed-news", _("LSV – News")),
    "newsarticlepage": ("feed-news", _("LSV – News")),
    "whitepaperindexpage": ("feed-whitepapers", _("LSV – White papers")),
    "whitepaperpage": ("feed-whitepapers", _("LSV – White papers")),
}


@dataclass(frozen=True)
class FeedLink:
    title: str
    format: str
    url: str

    @property
    def mime_type(self) -> str:
        return MIME_TYPES[self.format]

    @property
    def format_name(self) -> str:
        return FORMAT_NAMES[self.format]


def _links(url_name: str, title, formats=("rss", "atom"), **kwargs) -> list[FeedLink]:
    return [
        FeedLink(str(title), fmt, reverse(f"{url_name}-{fmt}", kwargs=kwargs or None))
        for fmt in formats
    ]


def specific_feeds(page, topic=None) -> list[FeedLink]:
    """A topic listing's topic feed, a person's own feed, a section's feed."""
    if page is None:
        return []
    kind = page._meta.model_name
    if topic is not None:
        title = _("LSV – %(topic)s") % {"topic": topic.name}
        return _links("feed-topic", title, slug=topic.slug)
    if kind == "personpage":
        return _links("feed-person", _("LSV – %(name)s") % {"name": page.title}, slug=page.slug)
    if kind in SECTION_FEEDS:
        url_name, title = SECTION_FEEDS[kind]
        return _links(url_name, title)
    return []


@register.simple_tag(takes_context=True)
def page_feeds(context) -> list[FeedLink]:
    """The feeds to advertise in a page's <head>, most specific first."""
    specific = specific_feeds(context.get("page"), context.get("topic"))
    everything = _links("feed-all", _("LSV – News and white papers"), ("rss", "atom", "json"))
    return specific + everything
