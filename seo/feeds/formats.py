"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 writers for `FeedEntry` items.

Django's generators write the standard elements; these add what they lack:
several authors, the full body as content, and a channel date taken from the
items' changes (Django's would be "now" for an empty feed, which would change
the ETag every second).
"""

import json

from django.utils.feedgenerator import (
    Atom1Feed,
    Rss201rev2Feed,
    SyndicationFeed,
    rfc3339_date,
)

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"


class ChangedDateMixin:
    def latest_post_date(self):
        return self.feed["changed"]


class RssFeed(ChangedDateMixin, Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"
    # RSS allows one enclosure per item.
    max_enclosures = 1

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:content": CONTENT_NS, "xmlns:dc": DC_NS}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.addQuickElement("dc:creator", author.name)
        handler.addQuickElement("content:encoded", item["content_html"])


class AtomFeed(ChangedDateMixin, Atom1Feed):
    max_enclosures = None

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for author in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", author.name)
            if author.url:
                handler.addQuickElement("uri", author.url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})


class JsonFeed(SyndicationFeed):
    """JSON Feed 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"
    max_enclosures = None

    def latest_post_date(self):
        return self.feed["changed"]

    def as_dict(self) -> dict:
        feed = self.feed
        return {
            "version": "https://jsonfeed.org/version/1.1",
            "title": str(feed["title"]),
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": str(feed["description"]),
            "language": feed["language"],
            "authors": [{"name": str(feed["author_name"]), "url": feed["author_link"]}],
            "items": [self.item_dict(item) for item in self.items],
        }

    @staticmethod
    def item_dict(item: dict) -> dict:
        data = {
            "id": item["unique_id"],
            "url": item["link"],
            "title": item["title"],
            "content_html": item["content_html"],
            "summary": item["summary"],
            "date_published": rfc3339_date(item["pubdate"]),
        }
        if item["modified"]:
            data["date_modified"] = rfc3339_date(item["modified"])
        if item["image_url"]:
            data["image"] = item["image_url"]
        if item["authors"]:
            data["authors"] = [
                {"name": a.name, **({"url": a.url} if a.url else {})} for a in item["authors"]
            ]
        if item["categories"]:
            data["tags"] = list(item["categories"])
        if item["enclosures"]:
            data["attachments"] = [
                {"url": e.url, "mime_type": e.mime_type, "size_in_bytes": int(e.length)}
                for e in item["enclosures"]
            ]
        return data

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1))


FORMATS = {"rss": RssFeed, "atom": AtomFeed, "json": JsonFeed}
