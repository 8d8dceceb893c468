"""WordPress post content (classic-editor HTML with shortcodes, or
block-editor markup) → the site's body blocks (core.blocks.BodyBlock).

The conversion knows nothing of the database: what a URL or an attachment
becomes is asked of `targets` (see `Targets`), so a dry run converts the same
way as a real import.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

from django.utils.html import escape

from lxml import html

# Tags that start a block of their own; anything else at the top of a post is
# inline text that belongs in a paragraph (as WordPress's wpautop() sees it).
BLOCK_TAGS = "p|h[1-6]|ul|ol|blockquote|figure|div|table|pre|hr|dl|section|iframe|address|form"
_BLOCK_START = re.compile(rf"<(?:{BLOCK_TAGS})\b", re.IGNORECASE)
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][\w-]*)([^\]]*)\]")
_CAPTION = re.compile(r"\[caption([^\]]*)\](.*?)\[/caption\]", re.DOTALL | re.IGNORECASE)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
_BARE_URL_LINE = re.compile(r"^[ \t]*(https?://[^\s<>\"]+)[ \t]*$", re.MULTILINE)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_READ_MORE = re.compile(r"^\s*läs\s+mer\s*[:.…]*\s*$", re.IGNORECASE)
# Providers WordPress turns a bare URL on its own line into an embed for.
OEMBED_HOSTS = (
    "youtube.com",
    "youtu.be",
    "vimeo.com",
    "soundcloud.com",
    "spotify.com",
    "slideshare.net",
    "twitter.com",
    "x.com",
    "ted.com",
    "flickr.com",
)
CONTAINERS = ("div", "section", "article", "main", "aside")
KNOWN_SHORTCODES = {"caption", "embed"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel", ""}


class Targets(Protocol):
    """What the importer knows about the export and the site."""

    def locate(self, url: str) -> tuple[str, int] | None:
        """("post", wp_id) or ("attachment", wp_id) for a URL of the old site."""

    def page(self, wp_id: int) -> int | None:
        """The imported page of a post, when it exists already."""

    def image(self, wp_id: int) -> int | None: ...

    def image_alt(self, wp_id: int) -> str: ...

    def document(self, wp_id: int) -> int | None: ...

    def is_document(self, wp_id: int) -> bool: ...


@dataclass
class Converted:
    blocks: list[dict] = field(default_factory=list)
    # The posts of a trailing "Läs mer" section, in order.
    read_more: list[int] = field(default_factory=list)
    # Attachments (wp ids) of the documents the content links to, in order.
    documents: list[int] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # A link to a post of the export not imported yet: convert again later.
    unresolved: bool = False

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def is_embed_url(url: str) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    return any(host == h or host.endswith("." + h) for h in OEMBED_HOSTS)


def _shortcodes(text: str, result: Converted) -> str:
    """[caption] and [embed] become the markup the block editor writes; other
    shortcodes stay as text and are reported."""

    def caption(match: re.Match) -> str:
        attrs = dict(_ATTR.findall(match.group(1)))
        inner = match.group(2)
        image = re.search(r"(<a\b[^>]*>\s*)?<img\b[^>]*>(\s*</a>)?", inner, re.IGNORECASE)
        if image is None:
            return inner
        text = (inner[: image.start()] + inner[image.end() :]).strip() or attrs.get("caption", "")
        attachment = re.sub(r"\D", "", attrs.get("id", ""))
        return (
            f'<figure class="wp-caption" data-attachment="{attachment}">{image.group(0)}'
            f"<figcaption>{text}</figcaption></figure>"
        )

    text = _CAPTION.sub(caption, text)
    text = _EMBED.sub(lambda m: _embed_figure(escape(m.group(1).strip())), text)
    for match in _SHORTCODE.finditer(text):
        name = match.group(2).lower()
        if name not in KNOWN_SHORTCODES:
            result.warn(f"okänd kortkod [{name}] behölls som text")
    return text


def _embed_figure(url: str) -> str:
    return f'<figure class="wp-block-embed"><div>{url}</div></figure>'


def autop(text: str) -> str:
    """Paragraphs from blank lines, as WordPress's wpautop() makes them for
    classic-editor content (which is stored without <p>)."""
    chunks = re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        chunk = chunk.strip()
        if not chunk:
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        else:
            out.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(out)


def _classes(element) -> str:
    return element.get("class", "") or ""


def _plain(element) -> str:
    return " ".join(element.text_content().split())


class Converter:
    def __init__(self, targets: Targets):
        self.targets = targets

    def convert(self, content: str) -> Converted:
        result = Converted()
        if not content.strip():
            return result
        text = _shortcodes(content, result)
        if "<!-- wp:" not in content:
            # Classic editor: bare URLs on a line of their own are embeds.
            text = _BARE_URL_LINE.sub(
                lambda m: _embed_figure(m.group(1)) if is_embed_url(m.group(1)) else m.group(0),
                text,
            )
            text = autop(text)
        root = html.fragment_fromstring(text, create_parent="div")
        elements = self._top_level(root)
        read_more_at = self._read_more(elements, result)
        if read_more_at is not None:
            elements = elements[:read_more_at]
        inline: list = []
        for element in elements:
            if isinstance(element, str) or element.tag in INLINE_TAGS:
                inline.append(element)
                continue
            self._flush(inline, result)
            self._block(element, result)
        self._flush(inline, result)
        return result

    # Structure ---------------------------------------------------------------

    def _top_level(self, root) -> list:
        """Top-level nodes (elements and loose text), containers unwrapped."""
        nodes: list = []
        if root.text and root.text.strip():
            nodes.append(root.text)
        for child in root:
            if not isinstance(child.tag, str) or child.tag in ("script", "style"):
                pass  # comments (<!-- wp:… -->, <!--more-->), scripts
            elif child.tag in CONTAINERS and "wp-block-embed" not in _classes(child):
                nodes.extend(self._top_level(child))
            else:
                nodes.append(child)
            if child.tail and child.tail.strip():
                nodes.append(child.tail)
        return nodes

    def _read_more(self, elements: list, result: Converted) -> int | None:
        """Where a trailing "Läs mer" section of links to other posts starts."""
        for index, element in enumerate(elements):
            if isinstance(element, str) or not _READ_MORE.match(_plain(element)):
                continue
            rest = [e for e in elements[index + 1 :] if not isinstance(e, str) or e.strip()]
            if not rest or any(isinstance(e, str) for e in rest):
                return None
            posts, link_text = [], ""
            for element_after in rest:
                for link in element_after.iter("a"):
                    found = self.targets.locate(link.get("href", ""))
                    if found is None or found[0] != "post":
                        return None
                    posts.append(found[1])
                    link_text += _plain(link)
                leftover = re.sub(r"[\s•·–—\-,;:.]", "", _plain(element_after))
                if len(leftover) > len(re.sub(r"[\s•·–—\-,;:.]", "", link_text)):
                    return None
                link_text = ""
            if not posts:
                return None
            result.read_more = list(dict.fromkeys(posts))
            return index
        return None

    def _flush(self, inline: list, result: Converted) -> None:
        if not inline:
            return
        wrapper = html.Element("p")
        for node in inline:
            if isinstance(node, str):
                if len(wrapper):
                    wrapper[-1].tail = (wrapper[-1].tail or "") + node
                else:
                    wrapper.text = (wrapper.text or "") + node
            else:
                # Its tail came as a node of its own.
                node.tail = None
                wrapper.append(node)
        inline.clear()
        self._paragraph(wrapper, result)

    def _block(self, element, result: Converted) -> None:
        tag = element.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            text = _plain(element)[:200]
            if text:
                level = "h2" if tag in ("h1", "h2") else "h3"
                result.blocks.append({"type": "heading", "value": {"text": text, "level": level}})
        elif tag == "p":
            self._paragraph(element, result)
        elif tag in ("ul", "ol"):
            self._rich_block(self._rich(element, result, keep_self=True), result)
        elif tag == "blockquote":
            self._quote(element, result)
        elif tag == "figure":
            self._figure(element, result)
        elif tag == "img":
            self._image(element, "", None, result)
        elif tag == "iframe":
            self._embed(element.get("src", ""), result)
        elif tag == "hr":
            pass
        elif tag == "table":
            result.warn("en tabell blev vanlig text")
            for row in element.iter("tr"):
                cells = [_plain(cell) for cell in row if isinstance(cell.tag, str)]
                line = " – ".join(cell for cell in cells if cell)
                if line:
                    result.blocks.append({"type": "paragraph", "value": f"<p>{escape(line)}</p>"})
        else:
            self._paragraph(element, result)

    # Blocks ------------------------------------------------------------------

    def _paragraph(self, element, result: Converted) -> None:
        # Images inside a paragraph (classic editor) come out as blocks after it.
        images = [img for img in element.iter("img")]
        links = [a for a in element.iter("a") if a.get("href")]
        text = _plain(element)
        if not images and len(links) == 1 and text == _plain(links[0]):
            href = links[0].get("href", "").strip()
            found = self.targets.locate(href)
            if found and found[0] == "attachment" and self.targets.is_document(found[1]):
                self._document(found[1], text, result)
                return
            if text == href and is_embed_url(href):
                self._embed(href, result)
                return
        rich = self._rich(element, result)
        if rich:
            self._rich_block(f"<p>{rich}</p>", result)
        for img in images:
            self._image(img, "", None, result)

    def _rich_block(self, value: str, result: Converted) -> None:
        if re.sub(r"<[^>]+>|\s", "", value):
            result.blocks.append({"type": "paragraph", "value": value})

    def _quote(self, element, result: Converted) -> None:
        cites = list(element.iter("cite"))
        attribution = " ".join(_plain(c) for c in cites)[:200]
        for cite in cites:
            cite.drop_tree()
        paragraphs = [_plain(p) for p in element.iter("p")] or [_plain(element)]
        text = "\n\n".join(p for p in paragraphs if p)
        if text:
            result.blocks.append(
                {"type": "quote", "value": {"text": text, "attribution": attribution}}
            )

    def _figure(self, element, result: Converted) -> None:
        classes = _classes(element)
        if "wp-block-embed" in classes:
            iframe = next(element.iter("iframe"), None)
            url = _plain(element) or (iframe.get("src", "") if iframe is not None else "")
            self._embed(url.split()[0] if url else "", result)
            return
        caption = " ".join(_plain(c) for c in element.iter("figcaption"))
        img = next(element.iter("img"), None)
        if img is None:
            self._paragraph(element, result)
            return
        attachment = element.get("data-attachment", "")
        self._image(img, caption, int(attachment) if attachment.isdigit() else None, result)

    def _image(self, img, caption: str, attachment: int | None, result: Converted) -> None:
        src = img.get("src", "")
        if attachment is None:
            match = _WP_IMAGE_CLASS.search(_classes(img))
            if match:
                attachment = int(match.group(1))
        if attachment is None:
            found = self.targets.locate(src)
            if found and found[0] == "attachment":
                attachment = found[1]
        image = self.targets.image(attachment) if attachment is not None else None
        if image is None:
            result.warn(f"bilden {src or attachment} finns inte bland de importerade bilderna")
            return
        alt = (img.get("alt") or "").strip() or self.targets.image_alt(attachment)
        if not alt:
            result.warn(f"bilden {src} saknar alt-text: skriv en i redigeraren")
        result.blocks.append(
            {
                "type": "image",
                "value": {
                    "image": image,
                    "alt_text": alt[:300],
                    "decorative": False,
                    "caption": caption[:300],
                },
            }
        )

    def _embed(self, url: str, result: Converted) -> None:
        url = url.strip()
        youtube = re.match(r"https?://(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)", url)
        if youtube:
            url = f"https://www.youtube.com/watch?v={youtube.group(1)}"
        if url.startswith(("http://", "https://")):
            result.blocks.append({"type": "embed", "value": url})
        else:
            result.warn(f"en inbäddning utan adress ({url!r}) hoppades över")

    def _document(self, wp_id: int, title: str, result: Converted) -> None:
        result.documents.append(wp_id)
        document = self.targets.document(wp_id)
        if document is None:
            result.warn(f"dokumentet {wp_id} finns inte bland de importerade dokumenten")
            return
        result.blocks.append(
            {"type": "document", "value": {"document": document, "title": title[:200]}}
        )

    # Rich text -----------------------------------------------------------------

    def _rich(self, element, result: Converted, keep_self: bool = False) -> str:
        """The element's content as the site's rich text (bold, italic, links,
        lists, line breaks); other markup is unwrapped to its text."""
        inner = self._rich_children(element, result)
        if keep_self:
            return f"<{element.tag}>{inner}</{element.tag}>"
        return inner.strip()

    def _rich_children(self, element, result: Converted) -> str:
        parts = [escape(element.text or "")]
        for child in element:
            if isinstance(child.tag, str):
                parts.append(self._rich_element(child, result))
            parts.append(escape(child.tail or ""))
        return "".join(parts)

    def _rich_element(self, element, result: Converted) -> str:
        tag = element.tag
        if tag in ("img", "script", "style", "iframe"):
            return ""
        if tag == "br":
            return "<br/>"
        inner = self._rich_children(element, result)
        if tag in ("b", "strong"):
            return f"<b>{inner}</b>" if inner.strip() else inner
        if tag in ("i", "em"):
            return f"<i>{inner}</i>" if inner.strip() else inner
        if tag in ("ul", "ol", "li"):
            return f"<{tag}>{inner}</{tag}>"
        if tag == "a":
            return self._link(element.get("href", "").strip(), inner, result)
        return inner

    def _link(self, href: str, inner: str, result: Converted) -> str:
        if not href or not inner.strip():
            return inner
        if urlsplit(href).scheme.lower() not in SAFE_SCHEMES:
            return inner
        found = self.targets.locate(href)
        if found is not None:
            kind, wp_id = found
            if kind == "post":
                page = self.targets.page(wp_id)
                if page is not None:
                    return f'<a linktype="page" id="{page}">{inner}</a>'
                result.unresolved = True
            elif self.targets.is_document(wp_id):
                result.documents.append(wp_id)
                document = self.targets.document(wp_id)
                if document is not None:
                    return f'<a linktype="document" id="{document}">{inner}</a>'
        # An old address still works: it redirects (wordpress_import.redirects).
        return f'<a href="{escape(href)}">{inner}</a>'


INLINE_TAGS = {
    "a",
    "b",
    "strong",
    "i",
    "em",
    "span",
    "br",
    "u",
    "small",
    "sup",
    "sub",
    "code",
    "abbr",
    "mark",
    "s",
    "del",
    "ins",
    "q",
    "cite",
}


def rich_text(blocks: Iterable[dict], headings: bool = True) -> str:
    """Body blocks as one rich text (a person's biography, a standard page):
    headings (as <h2>/<h3>, or bold lines), paragraphs and quotes; images and
    embeds have no place there."""
    out = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "heading":
            text, level = escape(value["text"]), value["level"]
            out.append(f"<{level}>{text}</{level}>" if headings else f"<p><b>{text}</b></p>")
        elif kind == "paragraph":
            out.append(value)
        elif kind == "quote":
            out.append(f"<p>”{escape(value['text'])}”</p>")
            if value["attribution"]:
                out.append(f"<p>– {escape(value['attribution'])}</p>")
    return "".join(out)
