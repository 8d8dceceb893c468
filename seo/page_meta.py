"""What a page tells search engines and link previews, in one place: its
description, canonical URL, sharing image, Open Graph and Twitter tags, JSON-LD
and (white papers) citation tags. `templates/includes/meta.html` renders it.

Pages contribute through small hooks, all optional:
- `og_type`: "article", "profile" or "website" (the default);
- `meta_title()`: the title previews show when the SEO title is empty (else the title);
- `meta_description()`: a description when the search description is empty;
- `structured_data(meta)`: JSON-LD objects (see `core.structured_data`);
- `citation_meta(meta)`: (name, content) pairs of Google Scholar tags.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from core.renditions import SHARE_SPEC, picture_renditions

DESCRIPTION_CHARS = 200
SHARE_SIZE = (1200, 630)
DEFAULT_IMAGE = "img/share-default.jpg"


@dataclass(frozen=True)
class ShareImage:
    url: str
    width: int
    height: int
    alt: str
    mime_type: str = "image/jpeg"


@dataclass
class PageMeta:
    title: str
    description: str
    canonical: str
    image: ShareImage
    og_type: str = "website"
    site_name: str = ""
    home_url: str = ""
    indexable: bool = True
    # Open Graph article:* and profile:* properties, as (property, content).
    og_extra: list[tuple[str, str]] = field(default_factory=list)
    json_ld: list[dict] = field(default_factory=list)
    citation: list[tuple[str, str]] = field(default_factory=list)
    request: object = field(default=None, repr=False)

    def absolute(self, url: str) -> str:
        """A site URL made absolute against the address the page was asked for."""
        if not url or "://" in url:
            return url
        return self.home_url.rstrip("/") + "/" + url.lstrip("/")


def clean_text(text: str) -> str:
    return " ".join(str(text or "").split())


def title_of(page) -> str:
    """A page's own title for link previews (a person's story: its headline)."""
    return page.meta_title() if hasattr(page, "meta_title") else page.title


def description_of(page) -> str:
    text = page.search_description or ""
    if not text and hasattr(page, "meta_description"):
        text = page.meta_description()
    text = clean_text(text) or _(
        "News, white papers and people from LSV, working for social innovation."
    )
    return Truncator(text).chars(DESCRIPTION_CHARS)


def site_path(url: str) -> str:
    """The path (and query) of a URL Wagtail may have made absolute with the
    site's configured host, to be made absolute again on the requested one."""
    if "://" in url:
        return "/" + url.split("://", 1)[1].partition("/")[2]
    return url


def canonical_path(request, page) -> str:
    """The page's own path, or the sub-route (a topic) it was asked for; a
    listing's later pages are pages of their own."""
    path = site_path(page.get_url(request) or "/")
    if request.path.startswith(path):
        # Preview URLs live in the admin, so only a public path is taken over.
        path = request.path
    number = request.GET.get("page", "")
    if number.isdigit() and int(number) > 1:
        path += f"?page={int(number)}"
    return path


def share_image(request, page) -> ShareImage:
    """The page's card image at 1200×630 (hero, cover or photo, else the
    body's first image), else the site's."""
    image = getattr(page, "card_image", None)
    if image is not None:
        try:
            rendition = picture_renditions(request, image, "share")[SHARE_SPEC]
        except Exception:  # noqa: BLE001 - a missing source file must not break the page
            rendition = None
        if rendition is not None:
            field_name = page.card_image_source
            if field_name == page.card_image_field and hasattr(page, "image_alt"):
                alt = page.image_alt(field_name)
            else:
                alt = (image.description or "").strip()
            return ShareImage(
                request.build_absolute_uri(rendition.url),
                rendition.width,
                rendition.height,
                alt or clean_text(page.title),
            )
    return ShareImage(
        request.build_absolute_uri(static(DEFAULT_IMAGE)),
        *SHARE_SIZE,
        settings.LSV_PUBLISHER,
    )


def build(request, page) -> PageMeta:
    meta = PageMeta(
        title=clean_text(page.seo_title or title_of(page)),
        description=description_of(page),
        canonical=request.build_absolute_uri(canonical_path(request, page)),
        image=share_image(request, page),
        og_type=getattr(page, "og_type", "website"),
        site_name=settings.LSV_PUBLISHER,
        home_url=request.build_absolute_uri("/"),
        indexable=settings.LSV_INDEXABLE,
        request=request,
    )
    if hasattr(page, "structured_data"):
        meta.json_ld = page.structured_data(meta)
    if hasattr(page, "open_graph_extra"):
        meta.og_extra = page.open_graph_extra(meta)
    if hasattr(page, "citation_meta"):
        meta.citation = page.citation_meta(meta)
    return meta
