"""Imports a WordPress export (WXR) into the site: attachments, then posts
and pages, then the posts whose links pointed at pages not made yet.

The export is read three times, streaming (wordpress_import.wxr): once for an
index of every item's addresses (small: a few strings per item), then once
per phase. Each item is imported in a transaction of its own, so one broken
item is reported and skipped while the rest goes in.
"""

import hashlib
import html
import io
import json
import logging
import posixpath
import re
import urllib.request
import zoneinfo
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from wordpress_import import search_index, targets, wxr
from wordpress_import.content import Converted, Converter, rich_text
from wordpress_import.models import ImportedItem

logger = logging.getLogger(__name__)

POST_TYPES = {"post", "page"}
SKIPPED_STATUSES = {"trash", "auto-draft", "inherit"}
UNCATEGORISED = {"uncategorized", "okategoriserade", "okategoriserat", "okategoriserad"}
# A WordPress resized copy: bild-300x200.png, bild-scaled.jpg → bild.png.
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
# Bytes fetched from --media-url per file at most (the site's own upload limit).
MAX_FETCH = max(settings.WAGTAILDOCS_MAX_UPLOAD_SIZE, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)

# What the summary calls each kind of item (Swedish: the admin shows it too).
KIND_NAMES = {
    targets.NEWS: "nyheter",
    targets.WHITE_PAPER: "white papers",
    targets.PERSON: "personer",
    targets.STANDARD: "sidor",
    "author": "skribenter",
    "image": "bilder",
    "document": "dokument",
    "attachment": "bilagor",
    "item": "poster",
}
ACTIONS = ("skapad", "uppdaterad", "oförändrad", "överhoppad", "fel")


class ImportFailed(Exception):
    """The whole import cannot run (an unreadable file, a missing folder)."""


@dataclass
class Report:
    counts: Counter = field(default_factory=Counter)
    # (WordPress ID, message)
    warnings: list[tuple[int | str, str]] = field(default_factory=list)
    errors: list[tuple[int | str, str]] = field(default_factory=list)

    def count(self, kind: str, action: str) -> None:
        self.counts[(KIND_NAMES.get(kind, kind), action)] += 1

    def warn(self, wp_id, message: str) -> None:
        self.warnings.append((wp_id, message))

    def table(self) -> str:
        kinds = sorted({kind for kind, _action in self.counts})
        width = max([len(k) for k in kinds] + [6])
        lines = [" ".join([f"{'':<{width}}", *(f"{a:>11}" for a in ACTIONS)])]
        for kind in kinds:
            cells = [f"{self.counts[(kind, a)]:>11}" for a in ACTIONS]
            lines.append(" ".join([f"{kind:<{width}}", *cells]))
        lines.append(f"varningar: {len(self.warnings)}, fel: {len(self.errors)}")
        return "\n".join(lines)

    def as_dict(self) -> dict:
        return {
            "counts": [[k, a, n] for (k, a), n in sorted(self.counts.items())],
            "warnings": self.warnings,
            "errors": self.errors,
        }


@dataclass
class Entry:
    """What the index keeps of one item: enough to resolve links to it."""

    post_type: str
    status: str
    link: str
    attached_file: str = ""
    attachment_url: str = ""
    title: str = ""
    alt: str = ""
    caption: str = ""
    parent: int = 0

    @property
    def extension(self) -> str:
        name = self.attached_file or urlsplit(self.attachment_url).path
        return posixpath.splitext(name)[1].lower().lstrip(".")


def _path(url: str) -> str:
    """The normalised path of a URL of the old site, without a trailing slash."""
    path = unquote(urlsplit(url.strip()).path)
    return path.rstrip("/") or "/"


class Index:
    """Every item's addresses, read in a first pass."""

    def __init__(self):
        self.entries: dict[int, Entry] = {}
        self.paths: dict[str, int] = {}
        self.hosts: set[str] = set()
        self.authors_with_posts: set[str] = set()
        self.documents_by_parent: dict[int, list[int]] = {}
        self.broken = 0

    def add(self, item: wxr.Item) -> None:
        entry = Entry(post_type=item.post_type, status=item.status, link=item.link)
        if item.post_type == "attachment":
            entry.attached_file = item.attached_file
            entry.attachment_url = item.attachment_url
            entry.title = item.title
            entry.alt = item.meta.get("_wp_attachment_image_alt", "").strip()
            entry.caption = _plain(item.excerpt)
            entry.parent = item.parent
            if item.attachment_url:
                self.paths.setdefault(_path(item.attachment_url), item.wp_id)
        elif item.post_type in POST_TYPES and item.status not in SKIPPED_STATUSES:
            self.authors_with_posts.add(item.creator)
        self.entries[item.wp_id] = entry
        if item.link:
            self.paths.setdefault(_path(item.link), item.wp_id)

    def finish(self, channel: wxr.Channel) -> None:
        for url in (channel.link, channel.base_site_url, channel.base_blog_url):
            host = (urlsplit(url).hostname or "").lower()
            if host:
                self.hosts.update({host, host.removeprefix("www."), "www." + host})
        for wp_id, entry in self.entries.items():
            if entry.post_type == "attachment" and entry.extension == "pdf" and entry.parent:
                self.documents_by_parent.setdefault(entry.parent, []).append(wp_id)

    def locate(self, url: str) -> tuple[str, int] | None:
        if not url:
            return None
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        if host and host not in self.hosts:
            return None
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        query = parse_qs(parts.query)
        for name in ("p", "page_id", "attachment_id"):
            value = (query.get(name) or [""])[0]
            if value.isdigit() and int(value) in self.entries:
                return self._kind(int(value))
        path = _path(url)
        wp_id = self.paths.get(path) or self.paths.get(_SIZE_SUFFIX.sub("", path))
        return self._kind(wp_id) if wp_id is not None else None

    def _kind(self, wp_id: int) -> tuple[str, int]:
        entry = self.entries[wp_id]
        return ("attachment" if entry.post_type == "attachment" else "post", wp_id)


class SiteTargets:
    """What links and attachments of the export became here (content.Targets)."""

    def __init__(self, index: Index, dry_run: bool):
        self.index = index
        self.dry_run = dry_run
        self.pages: dict[int, int] = {}
        self.images: dict[int, int] = {}
        self.documents: dict[int, int] = {}
        for row in ImportedItem.objects.values_list("kind", "wp_id", "page", "image", "document"):
            kind, wp_id, page, image, document = row
            if page is not None:
                self.pages[wp_id] = page
            if image is not None:
                self.images[wp_id] = image
            if document is not None:
                self.documents[wp_id] = document

    def locate(self, url: str):
        return self.index.locate(url)

    def page(self, wp_id: int) -> int | None:
        return self.pages.get(wp_id)

    def image(self, wp_id: int) -> int | None:
        if self.dry_run and wp_id in self.index.entries and wp_id not in self.images:
            return 0  # would be imported
        return self.images.get(wp_id)

    def image_alt(self, wp_id: int) -> str:
        entry = self.index.entries.get(wp_id)
        return entry.alt if entry else ""

    def document(self, wp_id: int) -> int | None:
        if self.dry_run and wp_id in self.index.entries and wp_id not in self.documents:
            return 0
        return self.documents.get(wp_id)

    def is_document(self, wp_id: int) -> bool:
        entry = self.index.entries.get(wp_id)
        return (
            entry is not None
            and entry.post_type == "attachment"
            and entry.extension in settings.WAGTAILDOCS_EXTENSIONS
        )


def _hash(*parts) -> str:
    return hashlib.sha256(json.dumps(parts, default=str, sort_keys=True).encode()).hexdigest()


class Importer:
    def __init__(
        self,
        path: str | Path,
        media_dir: str | Path | None = None,
        media_url: str | None = None,
        dry_run: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
    ):
        self.path = Path(path)
        self.media_dir = Path(media_dir).resolve() if media_dir else None
        self.media_url = media_url.rstrip("/") + "/" if media_url else None
        self.dry_run = dry_run
        self.progress = progress or (lambda phase, done, total: None)
        self.report = Report()
        self.channel = wxr.Channel()
        self.index = Index()
        self.zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)
        self.kinds = targets.kinds()
        self.people: dict[str, int] = {}
        self.indexes: dict[str, object] = {}
        self.hashes: dict[type, dict[str, int]] = {}

    # The run ----------------------------------------------------------------

    def run(self) -> Report:
        if self.media_dir is not None and not self.media_dir.is_dir():
            raise ImportFailed(f"mediamappen {self.media_dir} finns inte")
        try:
            targets.home_page()
        except LookupError as error:
            raise ImportFailed(str(error)) from error
        self._read_index()
        with search_index.deferred():
            self._run_phases()
        return self.report

    def _run_phases(self) -> None:
        if self.dry_run:
            # Nothing below writes in a dry run; the rollback makes sure of it.
            with transaction.atomic():
                self._import()
                transaction.set_rollback(True)
        else:
            self._import()

    def _import(self) -> None:
        self.site = SiteTargets(self.index, self.dry_run)
        self.converter = Converter(self.site)
        attachments = [i for i, e in self.index.entries.items() if e.post_type == "attachment"]
        posts = [i for i, e in self.index.entries.items() if e.post_type in POST_TYPES]
        self._phase("bilagor", len(attachments), self._import_attachment, {"attachment"})
        deferred: set[int] = set()
        self._phase(
            "inlägg", len(posts), lambda item: self._import_post(item, deferred), POST_TYPES
        )
        if deferred and not self.dry_run:
            # Their links or "Läs mer" pointed at pages made after them.
            self._phase(
                "länkar",
                len(deferred),
                lambda item: self._import_post(item, None, force=True),
                POST_TYPES,
                only=deferred,
            )

    def _read_index(self) -> None:
        for item in wxr.read(self.path, self.channel):
            if isinstance(item, wxr.Item):
                self.index.add(item)
        self.index.finish(self.channel)
        if not self.index.entries and not self.channel.authors:
            raise ImportFailed(
                f"{self.path.name} innehåller inga WordPress-poster: är det en export "
                "från Verktyg → Exportera (WXR)?"
            )

    def _phase(self, name, total, handle, post_types, only: set[int] | None = None) -> None:
        done = 0
        for item in wxr.read(self.path, self.channel):
            if isinstance(item, wxr.Broken):
                if post_types == {"attachment"}:  # reported once, in the first phase
                    self.report.errors.append((item.wp_id, f"går inte att läsa: {item.reason}"))
                    self.report.count("item", "fel")
                continue
            if item.post_type not in post_types or (only is not None and item.wp_id not in only):
                continue
            try:
                with transaction.atomic():
                    handle(item)
            except Exception as error:  # one broken item must not stop the rest
                # The report names the item; the traceback is for debugging only.
                logger.debug("WordPress item %s failed", item.wp_id, exc_info=True)
                message = str(error) if isinstance(error, ValueError) else repr(error)
                self.report.errors.append((item.wp_id, message))
                self.report.count(self._kind_of(item), "fel")
            done += 1
            self.progress(name, done, total)

    def _kind_of(self, item: wxr.Item) -> str:
        if item.post_type == "attachment":
            return "attachment"
        if item.post_type == "page":
            return targets.STANDARD
        for term in item.terms:
            if term.domain != "category":
                continue
            for key in (term.slug, term.name):
                kind = self.kinds.get(unquote(key).strip().lower())
                if kind:
                    return kind
        return targets.default_kind()

    # Attachments --------------------------------------------------------------

    def _import_attachment(self, item: wxr.Item) -> None:
        entry = self.index.entries[item.wp_id]
        extension = entry.extension
        if extension in settings.WAGTAILIMAGES_EXTENSIONS:
            kind = "image"
        elif extension in settings.WAGTAILDOCS_EXTENSIONS:
            kind = "document"
        else:
            self.report.warn(item.wp_id, f"filtypen .{extension} importeras inte")
            self.report.count("attachment", "överhoppad")
            return
        source = _hash(entry.attached_file, entry.attachment_url, entry.title, entry.alt)
        record = ImportedItem.objects.filter(kind="attachment", wp_id=item.wp_id).first()
        existing = (record.image if kind == "image" else record.document) if record else None
        if existing is not None and record.source_hash == source:
            self.report.count(kind, "oförändrad")
            if not self.dry_run:
                self._attachment_redirects(item, existing)
            return
        data = self._media(item, entry)
        if data is None:
            self.report.count(kind, "överhoppad")
            return
        if self.dry_run:
            self.report.count(kind, "uppdaterad" if existing else "skapad")
            return
        name = posixpath.basename(entry.attached_file or urlsplit(entry.attachment_url).path)
        title = (entry.title or name)[:255]
        if kind == "image":
            obj = self._image(existing, data, name, title, entry.alt)
        else:
            obj = self._document(existing, data, name, title)
        ImportedItem.objects.update_or_create(
            kind="attachment",
            wp_id=item.wp_id,
            defaults={
                "guid": item.guid[:500],
                "source_hash": source,
                "image": obj if kind == "image" else None,
                "document": obj if kind == "document" else None,
            },
        )
        (self.site.images if kind == "image" else self.site.documents)[item.wp_id] = obj.pk
        self._attachment_redirects(item, obj)
        self.report.count(kind, "uppdaterad" if existing else "skapad")

    def _media(self, item: wxr.Item, entry: Entry) -> bytes | None:
        relative = entry.attached_file or _uploads_relative(entry.attachment_url)
        if not relative:
            self.report.warn(item.wp_id, "bilagan saknar filnamn")
            return None
        if self.media_dir is not None:
            path = (self.media_dir / relative).resolve()
            if not path.is_relative_to(self.media_dir):
                self.report.warn(item.wp_id, f"filvägen {relative} pekar utanför mediamappen")
                return None
            if not path.is_file():
                self.report.warn(item.wp_id, f"filen {relative} finns inte i mediamappen")
                return None
            return path.read_bytes()
        if self.media_url is not None:
            url = urljoin(self.media_url, relative)
            if self.dry_run:
                return b""  # fetched only when importing for real
            try:
                with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
                    data = response.read(MAX_FETCH + 1)
            except OSError as error:
                self.report.warn(item.wp_id, f"kunde inte hämta {url}: {error}")
                return None
            if len(data) > MAX_FETCH:
                self.report.warn(item.wp_id, f"{url} är större än {MAX_FETCH} byte")
                return None
            return data
        self.report.warn(item.wp_id, "ingen --media eller --media-url: filen hämtades inte")
        return None

    def _image(self, image, data: bytes, name: str, title: str, alt: str):
        Image = get_image_model()
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 — Wagtail's own file_hash
        if image is None:
            same = self._same_file(Image, digest)
            if same is not None:
                return same  # the same file under another name: kept as it is
            image = Image(file=ImageFile(io.BytesIO(data), name=name))
            image._set_image_file_metadata()
        image.title = title
        if alt:
            image.description = alt[:255]
        image.save()
        if Image in self.hashes:
            self.hashes[Image][image.file_hash] = image.pk
        return image

    def _same_file(self, model, digest: str):
        """The image or document with this content, if any. Wagtail's
        `file_hash` has no index: the hashes are read once per run."""
        if model not in self.hashes:
            rows = model.objects.exclude(file_hash="").values_list("file_hash", "pk")
            self.hashes[model] = dict(rows)
        pk = self.hashes[model].get(digest)
        return model.objects.filter(pk=pk).first() if pk is not None else None

    def _document(self, document, data: bytes, name: str, title: str):
        Document = get_document_model()
        digest = hashlib.sha1(data).hexdigest()  # noqa: S324 — Wagtail's own file_hash
        if document is None:
            same = self._same_file(Document, digest)
            if same is not None:
                return same
        if document is None:
            document = Document(title=title)
            document.file.save(name, ContentFile(data), save=False)
            document._set_document_file_metadata()
        document.title = title
        document.save()
        if Document in self.hashes:
            self.hashes[Document][document.file_hash] = document.pk
        return document

    def _attachment_redirects(self, item: wxr.Item, obj) -> None:
        url = obj.file.url if hasattr(obj, "get_rendition") else obj.url
        paths = [f"/?attachment_id={item.wp_id}", f"/?p={item.wp_id}"]
        if item.link:
            paths.append(item.link)
        if item.attachment_url:
            paths.append(item.attachment_url)
        for path in paths:
            self._redirect(path, link=url)

    # Posts and pages ------------------------------------------------------------

    def _import_post(self, item: wxr.Item, deferred: set[int] | None, force=False) -> None:
        kind = self._kind_of(item)
        if item.status in SKIPPED_STATUSES or item.status not in (
            "publish",
            "draft",
            "pending",
            "private",
            "future",
        ):
            self.report.count(kind, "överhoppad")
            return
        moment = item.published_at(self.zone)
        converted = self.converter.convert(item.content)
        for message in converted.warnings:
            self.report.warn(item.wp_id, message)
        # What the item became depends on what its links and images resolve to
        # as well: a run with the uploads after one without them changes pages.
        source = _hash(
            item.__dict__,
            kind,
            converted.blocks,
            [self.site.page(p) for p in converted.read_more],
            [self.site.documents.get(d) for d in converted.documents],
            self.site.images.get(item.thumbnail_id or -1),
        )
        record = ImportedItem.objects.filter(kind="post", wp_id=item.wp_id).first()
        page = record.page.specific if record and record.page_id else None
        if page is not None and record.source_hash == source and not force:
            self.report.count(kind, "oförändrad")
            if not self.dry_run:
                self._post_redirects(item, page)
            return
        if page is not None and page.specific_class is not targets.model(kind):
            raise ValueError(
                f"importerades förut som {page.specific_class.__name__}, nu som {kind}: "
                "flytta eller radera den sidan först"
            )
        if deferred is not None and (
            converted.unresolved or any(self.site.page(p) is None for p in converted.read_more)
        ):
            deferred.add(item.wp_id)
        if self.dry_run:
            if kind == targets.PERSON and page is None:
                page = self._existing_person(self._person_name(item))
            self.report.count(kind, "uppdaterad" if page else "skapad")
            return
        created = page is None
        if kind == targets.PERSON:
            page, created = self._person_story(item, page, converted)
        elif kind == targets.STANDARD:
            page = page or targets.StandardPage()
            page.title = item.title[:255] or f"WordPress {item.wp_id}"
            page.body = rich_text(converted.blocks) or f"<p>{page.title}</p>"
        else:
            page = page or targets.model(kind)()
            self._content_page(item, page, kind, converted, moment)
        self._save(item, page, kind, created, moment)
        ImportedItem.objects.update_or_create(
            kind="post",
            wp_id=item.wp_id,
            defaults={"guid": item.guid[:500], "source_hash": source, "page": page},
        )
        self.site.pages[item.wp_id] = page.pk
        self._post_redirects(item, page)
        if not force:  # the links pass revisits pages this run counted already
            self.report.count(kind, "skapad" if created else "uppdaterad")

    def _content_page(self, item, page, kind: str, converted: Converted, moment) -> None:
        page.title = item.title[:255] or f"WordPress {item.wp_id}"
        page.body = json.dumps(converted.blocks)
        if moment is not None:
            page.publication_date = moment.astimezone(self.zone).date()
        summary = _summary(item, converted)
        thumbnail = self.site.images.get(item.thumbnail_id) if item.thumbnail_id else None
        if kind == targets.NEWS:
            page.lead = summary
            page.hero_image_id = thumbnail
            entry = self.index.entries.get(item.thumbnail_id or -1)
            page.hero_caption = (entry.caption if entry else "")[:300]
        else:
            page.summary = summary
            page.cover_image_id = thumbnail
            pdfs = converted.documents + self.index.documents_by_parent.get(item.wp_id, [])
            pdf = next((self.site.documents[p] for p in pdfs if p in self.site.documents), None)
            if pdf is not None:
                page.pdf_id = pdf
        Authorship = targets.model("people.Authorship")
        person = self._author_page(item.creator)
        page.authorships = [Authorship(person_id=person, sort_order=0)] if person else []
        page.read_more_links = [
            targets.ReadMoreLink(target_id=self.site.pages[p], sort_order=n)
            for n, p in enumerate(p for p in converted.read_more if p in self.site.pages)
        ]
        page.topics.set(self._topics(item))

    def _topics(self, item: wxr.Item) -> list[str]:
        names = []
        for term in item.terms:
            if term.domain == "post_tag" or (
                term.domain == "category"
                and term.slug.lower() not in self.kinds
                and term.name.strip().lower() not in self.kinds
                and term.slug.lower() not in UNCATEGORISED
            ):
                if term.name.strip():
                    names.append(term.name.strip()[:100])
        return list(dict.fromkeys(names))

    def _save(self, item: wxr.Item, page, kind: str, created: bool, moment) -> None:
        status = item.status
        if created:
            page.slug = self._slug(item, page, self._index(kind))
            page.live = False
            page.owner = None
            if status == "future" and moment is not None:
                page.go_live_at = moment
            self._index(kind).add_child(instance=page)
        elif status == "future" and moment is not None:
            page.go_live_at = moment
        revision = page.save_revision(log_action=False)
        if status in ("publish", "private", "future"):
            revision.publish(log_action=False)
        elif page.live:
            page.unpublish(log_action=False)
        if status == "private":
            restrictions = PageViewRestriction.objects.filter(page=page)
            if not restrictions.exists():
                PageViewRestriction.objects.create(
                    page=page, restriction_type=PageViewRestriction.LOGIN
                )
        if moment is not None and status in ("publish", "private"):
            stamps = {"first_published_at": moment}
            if created:
                stamps["last_published_at"] = moment
            Page.objects.filter(pk=page.pk).update(**stamps)

    def _slug(self, item: wxr.Item, page, parent) -> str:
        # A person's page is named after the person, whatever the story's slug.
        wp_slug = "" if page.specific_class is targets.model(targets.PERSON) else item.slug
        base = slugify(unquote(wp_slug)) or slugify(page.title) or f"wp-{item.wp_id}"
        return _free_slug(parent, base[:240])

    # People ---------------------------------------------------------------------

    def _author_page(self, login: str) -> int | None:
        """The person page of a post's author, matched by name (made when missing)."""
        author = self.channel.authors.get(login)
        if author is None:
            return None
        name = author.name
        if name in self.people:
            return self.people[name]
        person = self._existing_person(name)
        if person is None:
            person = targets.model(targets.PERSON)(title=name[:255])
            person.slug = self._unique_slug(slugify(name) or "person", targets.PERSON)
            self._index(targets.PERSON).add_child(instance=person)
            person.save_revision(log_action=False).publish(log_action=False)
            self.report.count("author", "skapad")
        self.people[name] = person.pk
        return person.pk

    def _existing_person(self, name: str):
        return (
            targets.model(targets.PERSON).objects.filter(title__iexact=name.strip()).first()
            if name.strip()
            else None
        )

    def _unique_slug(self, base: str, kind: str) -> str:
        return _free_slug(self._index(kind), base)

    def _index(self, kind: str):
        """The listing pages of `kind` go under (looked up once per run)."""
        if kind not in self.indexes:
            self.indexes[kind] = targets.index_page(kind)
        return self.indexes[kind]

    def _person_name(self, item: wxr.Item) -> str:
        """A "Personer" post is a story about its author when its headline
        starts with the author's first name ("Henrik förklarar …" by Henrik
        Berg); otherwise its title is the person's name."""
        author = self.channel.authors.get(item.creator)
        title = item.title.strip()
        if author is not None and author.name.split():
            first = author.name.split()[0].lower()
            if title.lower().split()[:1] == [first] and title.lower() != author.name.lower():
                return author.name
        return title

    def _person_story(self, item: wxr.Item, page, converted: Converted):
        name = self._person_name(item)
        created = False
        if page is None:
            page = self._existing_person(name)
            if page is None:
                page = targets.model(targets.PERSON)(title=name[:255])
                created = True
        headline = item.title.strip() if item.title.strip() != name else ""
        page.headline = headline[:120]
        page.intro = _plain(item.excerpt)[:300]
        page.bio = rich_text(converted.blocks, headings=False)
        thumbnail = self.site.images.get(item.thumbnail_id) if item.thumbnail_id else None
        first_image = next(
            (b["value"]["image"] for b in converted.blocks if b["type"] == "image"), None
        )
        page.photo_id = thumbnail or first_image or page.photo_id
        if converted.read_more:
            page.read_more_links = [
                targets.ReadMoreLink(target_id=self.site.pages[p], sort_order=n)
                for n, p in enumerate(p for p in converted.read_more if p in self.site.pages)
            ]
        return page, created

    # Redirects ------------------------------------------------------------------

    def _post_redirects(self, item: wxr.Item, page) -> None:
        paths = [f"/?p={item.wp_id}"]
        if item.post_type == "page":
            paths.append(f"/?page_id={item.wp_id}")
        if item.link:
            paths.append(item.link)
        for path in paths:
            self._redirect(path, page=page)

    def _redirect(self, url: str, page=None, link: str = "") -> None:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        if host and host not in self.index.hosts:
            return  # not an address of the old site
        old_path = Redirect.normalise_path(parts.path + (f"?{parts.query}" if parts.query else ""))
        if old_path == "/":
            return
        if page is not None:
            new_url = page.get_url_parts()
            if new_url and Redirect.normalise_path(new_url[2]) == old_path:
                return  # the page answers at its old address itself
        Redirect.objects.update_or_create(
            old_path=old_path,
            site=None,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )


def _free_slug(parent, base: str) -> str:
    """`base`, or `base-2`, `base-3`… if a sibling has it (only the siblings
    starting with it are read: a listing may hold thousands of pages)."""
    taken = set(parent.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _uploads_relative(url: str) -> str:
    path = urlsplit(url).path
    marker = "/wp-content/uploads/"
    return unquote(path.split(marker, 1)[1]) if marker in path else ""


def _plain(markup: str) -> str:
    return " ".join(html.unescape(strip_tags(markup)).split())


def _summary(item: wxr.Item, converted: Converted) -> str:
    """The excerpt, else the first paragraph, shortened; else the title."""
    text = _plain(item.excerpt)
    if not text:
        for block in converted.blocks:
            if block["type"] == "paragraph":
                text = _plain(block["value"])
                if text:
                    break
    return Truncator(text).chars(300) if text else item.title
