"""A streaming reader of WordPress's export format (WXR 1.1 and 1.2).

An export is untrusted input: entities are never resolved, no DTD is loaded
and nothing is fetched from the network, so an external entity declared in
the file stays an unexpanded reference and its target is never read.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
WP_NS_PREFIX = "http://wordpress.org/export/"


class WxrError(Exception):
    """The file is not a readable WordPress export."""


@dataclass
class Author:
    login: str
    display_name: str
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    wp_id: int | None = None

    @property
    def name(self) -> str:
        full = f"{self.first_name} {self.last_name}".strip()
        return self.display_name.strip() or full or self.login


@dataclass
class Term:
    domain: str  # "category" or "post_tag"
    slug: str
    name: str


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str = ""
    link: str = ""
    guid: str = ""
    slug: str = ""
    status: str = ""
    date_gmt: str = ""
    date: str = ""
    content: str = ""
    excerpt: str = ""
    creator: str = ""
    parent: int = 0
    attachment_url: str = ""
    terms: list[Term] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def thumbnail_id(self) -> int | None:
        value = self.meta.get("_thumbnail_id", "").strip()
        return int(value) if value.isdigit() else None

    @property
    def attached_file(self) -> str:
        """The file's path under wp-content/uploads, e.g. "2015/12/bild.png"."""
        return self.meta.get("_wp_attached_file", "").strip()

    def published_at(self, timezone) -> dt.datetime | None:
        """The post's date: `post_date_gmt` in UTC, else (drafts have none)
        `post_date` in the site's time zone."""
        for value, zone in ((self.date_gmt, dt.UTC), (self.date, timezone)):
            value = value.strip()
            if not value or value.startswith("0000"):
                continue
            try:
                moment = dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
            except ValueError as error:
                raise ValueError(f"datumet {value!r} går inte att läsa") from error
            return moment.replace(tzinfo=zone)
        return None


@dataclass
class Channel:
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    authors: dict[str, Author] = field(default_factory=dict)


def _key(tag) -> str:
    """`wp:post_id`, `content:encoded`, `excerpt:encoded`, `dc:creator` or a bare name."""
    if not isinstance(tag, str):
        return ""
    name = etree.QName(tag)
    namespace = name.namespace or ""
    if not namespace:
        return name.localname
    if namespace.startswith(WP_NS_PREFIX):
        prefix = "excerpt" if namespace.rstrip("/").endswith("excerpt") else "wp"
    elif namespace == CONTENT_NS:
        prefix = "content"
    elif namespace == DC_NS:
        prefix = "dc"
    else:
        prefix = namespace
    return f"{prefix}:{name.localname}"


def _text(element) -> str:
    """The element's own text: entity references (never resolved) and
    comments contribute nothing."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str):
            parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts).strip()


def _parse_int(value: str, what: str) -> int:
    value = value.strip()
    if not value.isdigit():
        raise ValueError(f"{what} är inte ett tal: {value!r}")
    return int(value)


def _author(element) -> Author:
    values = {_key(child.tag): _text(child) for child in element}
    wp_id = values.get("wp:author_id", "")
    return Author(
        login=values.get("wp:author_login", ""),
        display_name=values.get("wp:author_display_name", ""),
        email=values.get("wp:author_email", ""),
        first_name=values.get("wp:author_first_name", ""),
        last_name=values.get("wp:author_last_name", ""),
        wp_id=int(wp_id) if wp_id.isdigit() else None,
    )


def _item(element) -> Item:
    values: dict[str, str] = {}
    terms, meta = [], {}
    for child in element:
        key = _key(child.tag)
        if key == "category":
            terms.append(
                Term(
                    domain=child.get("domain", ""),
                    slug=child.get("nicename", ""),
                    name=_text(child),
                )
            )
        elif key == "wp:postmeta":
            pair = {_key(c.tag): _text(c) for c in child}
            meta[pair.get("wp:meta_key", "")] = pair.get("wp:meta_value", "")
        elif key:
            values[key] = _text(child)
    if "wp:post_id" not in values:
        raise ValueError("posten saknar wp:post_id")
    return Item(
        wp_id=_parse_int(values["wp:post_id"], "wp:post_id"),
        post_type=values.get("wp:post_type", "post"),
        title=values.get("title", ""),
        link=values.get("link", ""),
        guid=values.get("guid", ""),
        slug=values.get("wp:post_name", ""),
        status=values.get("wp:status", ""),
        date_gmt=values.get("wp:post_date_gmt", ""),
        date=values.get("wp:post_date", ""),
        content=values.get("content:encoded", ""),
        excerpt=values.get("excerpt:encoded", ""),
        creator=values.get("dc:creator", ""),
        parent=int(values.get("wp:post_parent", "0") or 0)
        if values.get("wp:post_parent", "0").strip().isdigit()
        else 0,
        attachment_url=values.get("wp:attachment_url", ""),
        terms=terms,
        meta=meta,
    )


@dataclass
class Broken:
    """An item that could not be read; `wp_id` when it could be found."""

    wp_id: str
    reason: str


def read(path: str | Path, channel: Channel | None = None) -> Iterator[Item | Broken]:
    """Yield every item of the export, in file order, one at a time (each is
    cleared from memory once read). Authors and the site's addresses go into
    `channel` as they are met (they come before the items)."""
    channel = channel if channel is not None else Channel()
    try:
        events = etree.iterparse(
            str(path),
            events=("end",),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=True,
            remove_comments=True,
            remove_pis=True,
        )
        for _event, element in events:
            key = _key(element.tag)
            parent = element.getparent()
            parent_key = _key(parent.tag) if parent is not None else ""
            if key == "item" and parent_key == "channel":
                try:
                    yield _item(element)
                except ValueError as error:
                    post_id = next((_text(c) for c in element if _key(c.tag) == "wp:post_id"), "?")
                    yield Broken(wp_id=post_id, reason=str(error))
                _release(element)
            elif parent_key != "channel":
                continue
            elif key == "wp:author":
                author = _author(element)
                if author.login:
                    channel.authors[author.login] = author
                _release(element)
            elif key == "link" and not channel.link:
                channel.link = _text(element)
            elif key == "wp:base_site_url":
                channel.base_site_url = _text(element)
            elif key == "wp:base_blog_url":
                channel.base_blog_url = _text(element)
    except etree.XMLSyntaxError as error:
        raise WxrError(f"{Path(path).name}: inte välformad XML ({error})") from error
    except OSError as error:
        raise WxrError(f"{path}: {error.strerror or error}") from error


def _release(element) -> None:
    """Drop a read element and its already-read siblings, so memory stays
    bounded however long the export."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]
