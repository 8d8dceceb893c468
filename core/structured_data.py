"""schema.org JSON-LD for the page kinds (https://schema.org), and its safe
serialisation into a <script> element.

The builders take a page and its `PageMeta` (seo.page_meta) and return
plain dicts; models choose which ones describe them.
"""

import json
from datetime import date, datetime

from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

CONTEXT = "https://schema.org"
LANGUAGE = "sv-SE"

# Characters that could end the <script> element or open a comment or CDATA
# section inside it; JSON allows their \u escapes anywhere in a string.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def to_script(data: dict) -> SafeString:
    """JSON-LD as a <script> element that no string inside can break out of."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.translate(_SCRIPT_ESCAPES)
    payload = payload.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


def iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    return value.isoformat()


def published(page) -> date | datetime | None:
    """The first publication time when it agrees with the page's own date,
    else the (possibly back-dated) date the editor gave."""
    day = getattr(page, "card_date", None)
    first = page.first_published_at
    if first is not None and (day is None or timezone.localtime(first).date() == day):
        return first
    return day


def modified(page) -> date | datetime | None:
    updated = getattr(page, "updated_date", None)
    last = page.last_published_at
    if updated and (last is None or timezone.localtime(last).date() < updated):
        return updated
    return last or published(page)


def organisation(meta) -> dict:
    return {
        "@type": "Organization",
        "name": meta.site_name,
        "url": meta.home_url,
        "logo": {
            "@type": "ImageObject",
            "url": meta.absolute(static("img/logo.png")),
            "width": 512,
            "height": 512,
        },
    }


def image_object(meta) -> dict:
    return {
        "@type": "ImageObject",
        "url": meta.image.url,
        "width": meta.image.width,
        "height": meta.image.height,
    }


def person_ref(person, meta) -> dict:
    ref = {"@type": "Person", "name": person.title}
    if person.is_public:
        ref["url"] = meta.absolute(person.url or "")
    return ref


def breadcrumbs(page, meta) -> dict:
    """Home, the section listing, the page."""
    trail = [(_("Home"), meta.home_url)]
    section = page.get_section() if hasattr(page, "get_section") else None
    if section is not None and section.depth > 2:
        trail.append((section.title, meta.absolute(section.url or "")))
    trail.append((page.title, meta.canonical))
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": str(name), "item": url}
            for i, (name, url) in enumerate(trail, start=1)
        ],
    }


def creative_work(page, meta, schema_type: str, authors) -> dict:
    """What articles and reports share."""
    title = " ".join(page.title.split())
    data = {
        "@context": CONTEXT,
        "@type": schema_type,
        "headline": title[:110],
        "name": title,
        "description": meta.description,
        "url": meta.canonical,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical},
        "inLanguage": LANGUAGE,
        "image": [image_object(meta)],
        "datePublished": iso(published(page)),
        "dateModified": iso(modified(page)),
        "author": [person_ref(person, meta) for person in authors] or organisation(meta),
        "publisher": organisation(meta),
    }
    topics = [t["name"] for t in page.get_topics()] if hasattr(page, "get_topics") else []
    if topics:
        data["keywords"] = ", ".join(topics)
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def news_article(page, meta, authors) -> dict:
    return creative_work(page, meta, "NewsArticle", authors)


def report(page, meta, authors) -> dict:
    data = creative_work(page, meta, "Report", authors)
    pdf = page.pdf if page.pdf_id else None
    if pdf is not None:
        media = {
            "@type": "MediaObject",
            "name": pdf.title,
            "contentUrl": meta.absolute(pdf.url),
            "encodingFormat": "application/pdf",
        }
        if pdf.file_size:
            media["contentSize"] = f"{pdf.file_size} B"
        data["encoding"] = media
        data["associatedMedia"] = media
    return data


def profile_page(page, meta) -> dict:
    person = {
        "@type": "Person",
        "name": page.title,
        "url": meta.canonical,
        "image": meta.image.url,
        "jobTitle": page.role,
        "description": strip_tags(page.quote or page.intro or "") or meta.description,
    }
    if page.organisation:
        person["worksFor"] = {"@type": "Organization", "name": page.organisation}
    if page.website:
        person["sameAs"] = [page.website]
    person = {key: value for key, value in person.items() if value}
    data = {
        "@context": CONTEXT,
        "@type": "ProfilePage",
        "url": meta.canonical,
        "inLanguage": LANGUAGE,
        "dateModified": iso(page.last_published_at),
        "mainEntity": person,
    }
    headline = " ".join((page.headline or "").split())
    if headline:
        # A story about the person: the page is called by its headline.
        data.update(headline=headline[:110], name=headline, description=meta.description)
    return {key: value for key, value in data.items() if value is not None}


def website(meta) -> dict:
    """The home page: the site, its publisher and its search (a sitelinks search box)."""
    from django.urls import reverse

    search = meta.absolute(reverse("search")) + "?q={search_term_string}"
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": meta.site_name,
        "url": meta.home_url,
        "inLanguage": LANGUAGE,
        "publisher": organisation(meta),
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search},
            "query-input": "required name=search_term_string",
        },
    }
