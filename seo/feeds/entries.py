"""What a feed says about each page, loaded with a fixed number of queries.

However many items, authors, topics and body images a feed has, loading it
costs one query per page kind, then one each for authors, topics, images
(with their renditions), linked pages and documents.
"""

import datetime as dt
import mimetypes
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.html import format_html

from wagtail.documents import get_document_model
from wagtail.models import Page

from core.kinds import authorship_model
from core.models import PageTopic
from core.renditions import FEED_BODY_SPEC, SHARE_SPEC, load_images
from seo.feeds.body import BodyRenderer, absolutize, references

# Newest first within one kind; kinds are merged in Python by the same key.
NEWEST_FIRST = ("-publication_date", "-first_published_at", "-id")


@dataclass(frozen=True)
class Enclosure:
    url: str
    length: int
    mime_type: str


@dataclass(frozen=True)
class Author:
    name: str
    url: str | None


@dataclass
class FeedEntry:
    pk: int
    guid: str
    title: str
    link: str
    summary: str
    content_html: str
    published: dt.datetime
    # The editor's "updated" date, where set.
    updated: dt.datetime | None
    # The last time anything about the item changed (at least `published`).
    changed: dt.datetime
    authors: list[Author] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    enclosures: list[Enclosure] = field(default_factory=list)
    image_url: str | None = None

    def size(self) -> int:
        """Roughly what the entry costs in memory, in characters."""
        return len(self.content_html) + len(self.summary) + 1000


def page_guid(pk: int) -> str:
    """A stable id: it survives title and slug changes and moves."""
    return f"urn:lsv:page:{pk}"


def noon(day: dt.date) -> dt.datetime:
    # A date without a time: noon local time keeps it on the same day in
    # every reader's time zone in Europe.
    return timezone.make_aware(dt.datetime.combine(day, dt.time(12, 0)))


def published_at(page) -> dt.datetime:
    first = page.first_published_at
    day = page.publication_date
    if first is not None and (day is None or timezone.localdate(first) == day):
        return first
    if day is not None:
        return noon(day)
    return page.latest_revision_created_at or timezone.now()


def newest_first(pages: Iterable, limit: int) -> list:
    """Pages of several kinds merged newest first, as the listings order them."""

    def key(page):
        return (page.publication_date or dt.date.min, page.first_published_at or _EPOCH, page.pk)

    return sorted(pages, key=key, reverse=True)[:limit]


_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass(frozen=True)
class ItemKey:
    """What a feed needs to choose and order its items, without loading them."""

    pk: int
    publication_date: dt.date | None
    first_published_at: dt.datetime | None
    kind: int  # the index of the queryset it came from


def newest_items(querysets: Sequence, limit: int, visible: Q) -> list[ItemKey]:
    """The newest `limit` items matching `visible` from `querysets` (one per
    kind), newest first as the listings order them, as keys: one small query
    per kind, whatever the pages hold."""
    keys = []
    for kind, queryset in enumerate(querysets):
        rows = (
            queryset.filter(visible)
            .order_by(*NEWEST_FIRST)
            .values_list("pk", "publication_date", "first_published_at")[:limit]
        )
        keys.extend(ItemKey(*row, kind=kind) for row in rows)
    return newest_first(keys, limit)


def _related_paths(tree: dict, prefix: str) -> list[str]:
    paths = []
    for name, subtree in tree.items():
        paths.append(f"{prefix}__{name}")
        paths += _related_paths(subtree, f"{prefix}__{name}")
    return paths


def _load_specific(querysets: Sequence, ids: list[int]) -> list:
    """The pages with these ids as their specific types, in one query whatever
    their kinds: the base page joined to each kind's table and to what each
    kind's queryset joins (a white paper's PDF)."""
    from core.cards import specific_of

    models = [queryset.model for queryset in querysets]
    related = []
    for queryset in querysets:
        name = queryset.model._meta.model_name
        related.append(name)
        if isinstance(queryset.query.select_related, dict):
            related += _related_paths(queryset.query.select_related, name)
    return [
        specific_of(page, models)
        for page in Page.objects.filter(id__in=ids).select_related(*related)
    ]


def load_pages(querysets: Sequence, limit: int, visible: Q) -> list:
    """The newest `limit` pages matching `visible` from `querysets` (one per kind)."""
    pages = []
    for queryset in querysets:
        pages.extend(queryset.filter(visible).order_by(*NEWEST_FIRST)[:limit])
    return newest_first(pages, limit)


def feed_entries(request, querysets: Sequence, limit: int, visible: Q) -> list[FeedEntry]:
    """The entries of a feed: the newest `limit` visible pages of `querysets`.

    An entry says the same in every feed that carries its page (the news feed,
    a topic's, an author's), so entries are kept per content version and site
    address (fastpath.fragments). The first time a feed is built under a
    version, its pages are loaded whole (one query per kind) and built with
    their authors, topics and images in a fixed number of queries; after that,
    only the items' ids are looked up (one small query per kind) and only
    entries no longer kept are built again (one more query, then as before).
    """
    from fastpath import fragments

    root = request.build_absolute_uri("/")

    def key(pk: int) -> tuple:
        return ("feed-entry", root, pk)

    def build(pages) -> dict[int, FeedEntry]:
        built = {}
        for entry in EntryBuilder(pages, request.build_absolute_uri, visible).build():
            built[entry.pk] = entry
            fragments.keep(request, key(entry.pk), entry, size=entry.size())
        return built

    feed_key = ("feed-built", root, request.path)
    if not fragments.recall(request, feed_key):
        entries = list(build(load_pages(querysets, limit, visible)).values())
        fragments.keep(request, feed_key, True, size=100)
        return entries
    items = newest_items(querysets, limit, visible)
    entries = {item.pk: fragments.recall(request, key(item.pk)) for item in items}
    missing = [item.pk for item in items if entries[item.pk] is None]
    if missing:
        entries.update(build(_load_specific(querysets, missing)))
    return [entries[item.pk] for item in items if entries.get(item.pk) is not None]


def _file_size(file) -> int:
    try:
        return file.size
    except Exception:  # noqa: BLE001 - a missing or forbidden file (local or in a bucket) must not break the feed
        return 0


def _mime_type(name: str, default: str = "application/octet-stream") -> str:
    return mimetypes.guess_type(name)[0] or default


class EntryBuilder:
    """Turns pages into feed entries; `absolute` makes a site URL absolute."""

    def __init__(self, pages: list, absolute, visible: Q):
        self.pages = pages
        self.absolute = absolute
        self.visible = visible
        ids = [p.pk for p in pages]
        self.authors = self._authors(ids)
        self.topics = self._topics(ids)
        body_images, linked_pages, documents = references(pages)
        wanted = defaultdict(set)
        for page in pages:
            wanted[self._share_image_id(page)].add(SHARE_SPEC)
        for image_id in body_images:
            wanted[image_id].add(FEED_BODY_SPEC)
        self.images = load_images(wanted)
        self.linked_urls = self._page_urls(linked_pages)
        self.documents = get_document_model().objects.in_bulk(list(documents)) if documents else {}
        self.renderer = BodyRenderer(self.images, self.documents, self.linked_urls.get)

    @staticmethod
    def _authors(ids) -> dict[int, list]:
        Authorship = authorship_model()

        by_page = defaultdict(list)
        authorships = (
            Authorship.objects.filter(page_id__in=ids)
            .select_related("person")
            .order_by("sort_order", "id")
        )
        for authorship in authorships:
            person = authorship.person
            if person.live and person.pk not in {p.pk for p in by_page[authorship.page_id]}:
                by_page[authorship.page_id].append(person)
        return by_page

    @staticmethod
    def _topics(ids) -> dict[int, list]:
        by_page = defaultdict(list)
        items = (
            PageTopic.objects.filter(content_object_id__in=ids)
            .select_related("tag")
            .order_by("tag__name")
        )
        for item in items:
            by_page[item.content_object_id].append(item.tag)
        return by_page

    def _page_urls(self, ids: set[int]) -> dict[int, str]:
        if not ids:
            return {}
        pages = Page.objects.filter(self.visible, id__in=ids).only(
            "id", "url_path", "path", "depth", "locale_id"
        )
        urls = {}
        for page in pages:
            url = page.get_url()
            if url:
                urls[page.id] = url
        return urls

    @staticmethod
    def _share_image_id(page) -> int | None:
        field_name = getattr(page, "card_image_source", "")
        return getattr(page, f"{field_name}_id", None) if field_name else None

    def topics_of(self, page) -> list:
        return self.topics.get(page.pk, [])

    def build(self) -> list[FeedEntry]:
        return [self.entry(page) for page in self.pages]

    def entry(self, page) -> FeedEntry:
        authors = self.authors.get(page.pk, [])
        published = published_at(page)
        updated_date = getattr(page, "updated_date", None)
        updated = noon(updated_date) if updated_date else None
        changed = max(
            d
            for d in (
                published,
                updated,
                page.last_published_at,
                *(p.last_published_at for p in authors),
            )
            if d
        )
        enclosures, image_url = self._enclosures(page)
        return FeedEntry(
            pk=page.pk,
            guid=page_guid(page.pk),
            title=page.title,
            link=self.absolute(page.get_url()),
            summary=page.card_summary,
            content_html=self._content(page),
            published=published,
            updated=updated,
            changed=changed,
            authors=[
                Author(p.title, self.absolute(p.get_url()) if p.is_public else None)
                for p in authors
            ],
            categories=[tag.name for tag in self.topics_of(page)],
            enclosures=enclosures,
            image_url=image_url,
        )

    def _content(self, page) -> str:
        # A report without a body still says something: its summary.
        html = self.renderer.render(page) or format_html("<p>{}</p>", page.card_summary)
        return absolutize(html, self.absolute("/").rstrip("/"))

    def _enclosures(self, page) -> tuple[list[Enclosure], str | None]:
        """The report's PDF first (white papers), then the sharing image."""
        enclosures = []
        pdf = getattr(page, "pdf", None)
        if pdf is not None:
            enclosures.append(
                Enclosure(
                    self.absolute(pdf.url),
                    pdf.file_size or _file_size(pdf.file),
                    _mime_type(pdf.filename, "application/pdf"),
                )
            )
        image = self.images.get(self._share_image_id(page))
        image_url = None
        if image is not None:
            rendition = image.get_rendition(SHARE_SPEC)
            image_url = self.absolute(rendition.url)
            enclosures.append(Enclosure(image_url, _file_size(rendition.file), "image/jpeg"))
        return enclosures, image_url
