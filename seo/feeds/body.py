"""Article bodies as self-contained HTML for feed readers.

Feeds carry up to twenty bodies at once, so the StreamField is rendered from
its raw data with every image, page and document looked up in bulk for all
bodies together, instead of block by block through the page templates (which
would look each one up separately and fetch embeds over the network).
"""

import re
from collections.abc import Callable, Iterable

from django.utils.html import escape, format_html, linebreaks

from wagtail.rich_text.rewriters import LinkRewriter

from core.renditions import FEED_BODY_SPEC

PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*\bid="(\d+)"')
DOCUMENT_LINK = re.compile(r'<a\b[^>]*\blinktype="document"[^>]*\bid="(\d+)"')
# Root-relative URLs in finished HTML (links to pages, media, documents).
RELATIVE_URL = re.compile(r'(\s(?:href|src))="(/(?!/)[^"]*)"')


def raw_blocks(page) -> list[dict]:
    body = getattr(page, "body", None)
    return list(body.raw_data) if body is not None else []


def references(pages: Iterable) -> tuple[set[int], set[int], set[int]]:
    """The image, page and document ids that the bodies of `pages` use."""
    images, linked_pages, documents = set(), set(), set()
    for page in pages:
        for block in raw_blocks(page):
            value = block.get("value")
            if block["type"] == "image" and isinstance(value, dict):
                images.add(value.get("image"))
            elif block["type"] == "document" and isinstance(value, dict):
                documents.add(value.get("document"))
            elif block["type"] == "paragraph" and isinstance(value, str):
                linked_pages.update(int(i) for i in PAGE_LINK.findall(value))
                documents.update(int(i) for i in DOCUMENT_LINK.findall(value))
    return {i for i in images if i}, linked_pages, {i for i in documents if i}


def absolutize(html: str, root_url: str) -> str:
    """Make every root-relative href and src absolute, as feed readers need."""
    return RELATIVE_URL.sub(lambda m: f'{m.group(1)}="{root_url}{m.group(2)}"', html)


class BodyRenderer:
    """Renders bodies once the images, pages and documents they use are loaded.

    `page_url` maps a page id to its URL (or None if it is not visible).
    """

    def __init__(self, images: dict, documents: dict, page_url: Callable[[int], str | None]):
        self.images = images
        self.documents = documents
        self.page_url = page_url
        self.rewrite_links = LinkRewriter(
            bulk_rules={
                "page": lambda attrs: [self._link(self.page_url(_id(a))) for a in attrs],
                "document": lambda attrs: [self._link(self._document_url(_id(a))) for a in attrs],
            }
        )

    @staticmethod
    def _link(url: str | None) -> str:
        return format_html('<a href="{}">', url) if url else "<a>"

    def _document_url(self, doc_id: int | None) -> str | None:
        document = self.documents.get(doc_id)
        return document.url if document else None

    def render(self, page) -> str:
        return "\n".join(filter(None, (self.block(b) for b in raw_blocks(page))))

    def block(self, block: dict) -> str:
        kind, value = block["type"], block.get("value")
        if kind == "heading":
            tag = "h3" if value.get("level") == "h3" else "h2"
            return format_html("<{0}>{1}</{0}>", tag, value.get("text", ""))
        if kind == "paragraph":
            return self.rewrite_links(value or "")
        if kind == "image":
            return self.figure(value)
        if kind == "quote":
            attribution = value.get("attribution")
            return format_html(
                "<blockquote>{}{}</blockquote>",
                linebreaks(escape(value.get("text", ""))),
                format_html("<p>– {}</p>", attribution) if attribution else "",
            )
        if kind == "embed" and value:
            # A plain link: readers cannot run embed scripts, and fetching the
            # oEmbed HTML here would make the feed depend on another site.
            return format_html('<p><a href="{0}">{0}</a></p>', value)
        if kind == "document":
            document = self.documents.get(value.get("document"))
            if document is None:
                return ""
            return format_html(
                '<p><a href="{}">{}</a></p>', document.url, value.get("title") or document.title
            )
        return ""

    def figure(self, value: dict) -> str:
        image = self.images.get(value.get("image"))
        if image is None:
            return ""
        rendition = image.get_rendition(FEED_BODY_SPEC)
        alt = "" if value.get("decorative") else value.get("alt_text") or ""
        caption = value.get("caption")
        return format_html(
            '<figure><img src="{}" width="{}" height="{}" alt="{}">{}</figure>',
            rendition.url,
            rendition.width,
            rendition.height,
            alt,
            format_html("<figcaption>{}</figcaption>", caption) if caption else "",
        )


def _id(attrs: dict) -> int | None:
    try:
        return int(attrs.get("id"))
    except (TypeError, ValueError):
        return None
