"""The one feed view every feed on the site is a small subclass of.

A subclass says what the feed is about (`get_object`), its title, description
and HTML page, and which pages it carries (`querysets`, one per page kind);
this class loads the items, writes RSS, Atom or JSON Feed, and answers
conditional requests.
"""

import datetime as dt
import hashlib
import time
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.feedgenerator import Enclosure
from django.utils.http import http_date, quote_etag

from core.queries import latest_visibility_change, visibility_changed, visibility_q
from seo.feeds.entries import feed_entries
from seo.feeds.formats import FORMATS

# A feed without items still needs a stable date (RSS lastBuildDate, Atom updated).
EMPTY_FEED_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class SiteFeed:
    # Reversed as f"{url_name}-{format}" with the kwargs of the request.
    url_name = ""
    site_name = "LSV"

    def __init__(self, format: str = "rss"):
        self.format = format
        self.generator = FORMATS[format]

    # What subclasses override ----------------------------------------------

    def get_object(self, request: HttpRequest, **kwargs):
        """What the feed is about (a listing, a person, a topic); raise Http404
        if it is gone. A page looked up here should be annotated with
        `with_visibility_change`, which saves the feed a query."""
        return None

    def anchor(self, obj):
        """The page `get_object` annotated with `with_visibility_change`, if any."""
        return obj

    def title(self, obj) -> str:
        raise NotImplementedError

    def description(self, obj) -> str:
        raise NotImplementedError

    def link(self, obj, request: HttpRequest) -> str:
        """The HTML page the feed belongs to."""
        return "/"

    def querysets(self, obj) -> Sequence:
        """One queryset per page kind; visibility, order and limit are applied here."""
        raise NotImplementedError

    # The view ----------------------------------------------------------------

    def __call__(self, request: HttpRequest, **kwargs) -> HttpResponse:
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        obj = self.get_object(request, **kwargs)
        visible = visibility_q()
        entries = feed_entries(request, self.querysets(obj), settings.LSV_FEED_ITEMS, visible)
        body = self.write(request, obj, entries, kwargs)

        response = HttpResponse(body, content_type=self.generator.content_type)
        # Derived from the bytes themselves, so any change to what the feed
        # says (an edit, a new item, one that left) changes the ETag, and a
        # cache in front can never serve an old body under a new tag.
        response["ETag"] = quote_etag(hashlib.sha256(body).hexdigest()[:32])
        changed = [e.changed for e in entries]
        anchor = self.anchor(obj)
        if hasattr(anchor, "site_last_logged"):
            visibility = visibility_changed(anchor)
        else:
            visibility = latest_visibility_change()
        if visibility is not None:
            changed.append(visibility)
        last_modified = int(max(changed).timestamp()) if changed else None
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        # Readers and caches may keep it, but must ask again every time.
        response["Cache-Control"] = "no-cache"
        if last_modified is not None and last_modified >= int(time.time()):
            # HTTP dates have whole seconds: a change later in this same second
            # would carry the same date, so a date this fresh cannot yet answer
            # If-Modified-Since (RFC 9110, 8.8.2.2). The ETag still can.
            last_modified = None
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=last_modified, response=response
        )

    def feed_url(self, request: HttpRequest, kwargs: dict) -> str:
        return request.build_absolute_uri(reverse(f"{self.url_name}-{self.format}", kwargs=kwargs))

    def write(self, request: HttpRequest, obj, entries: list, kwargs: dict) -> bytes:
        changed = max((e.changed for e in entries), default=EMPTY_FEED_DATE)
        feed = self.generator(
            title=str(self.title(obj)),
            link=request.build_absolute_uri(self.link(obj, request)),
            description=str(self.description(obj)),
            language="sv",
            feed_url=self.feed_url(request, kwargs),
            feed_guid=self.feed_url(request, kwargs),
            author_name=self.site_name,
            author_link=request.build_absolute_uri("/"),
            changed=changed,
        )
        limit = self.generator.max_enclosures
        for entry in entries:
            feed.add_item(
                title=entry.title,
                link=entry.link,
                # RSS descriptions and Atom summaries here are HTML: escape the
                # plain-text lead so that "<" in it stays text.
                description=html_text(entry.summary),
                summary=entry.summary,
                unique_id=entry.guid,
                unique_id_is_permalink=False,
                pubdate=entry.published,
                # Atom requires an updated date on every entry.
                updateddate=entry.updated or entry.published,
                modified=entry.updated,
                categories=entry.categories,
                enclosures=[
                    Enclosure(e.url, str(e.length), e.mime_type) for e in entry.enclosures[:limit]
                ],
                authors=entry.authors,
                content_html=entry.content_html,
                image_url=entry.image_url,
            )
        return feed.writeString("utf-8").encode("utf-8")


def html_text(text: str) -> str:
    """Plain text as HTML that shows it unchanged. Quotes stay as they are:
    they mean nothing in HTML text, and readers that show descriptions as
    plain text would otherwise show "&quot;"."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
