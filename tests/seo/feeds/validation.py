"""Feed validators the tests share: a real parser, the RFC 4287 schema, the
RSS 2.0 rules and the JSON Feed 1.1 rules."""

import datetime as dt
import email.utils
import json
import re
from pathlib import Path

import feedparser
from lxml import etree

ATOM = "{http://www.w3.org/2005/Atom}"
ATOM_SCHEMA = etree.RelaxNG(etree.parse(str(Path(__file__).with_name("atom.rng"))))
# RFC 822 (with four-digit years, as RSS 2.0 asks): "Thu, 12 Nov 2026 08:00:00 +0000".
RFC822 = re.compile(
    r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} "
    r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$"
)


def parse(content: bytes):
    """feedparser's reading; fails on anything it calls malformed."""
    parsed = feedparser.parse(content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def check_atom(content: bytes) -> etree._Element:
    root = etree.fromstring(content)
    assert ATOM_SCHEMA.validate(root), ATOM_SCHEMA.error_log
    # The appendix's Schematron rules: authors on the feed or on every entry,
    # and at most one alternate link per type and language.
    entries = root.findall(f"{ATOM}entry")
    if root.find(f"{ATOM}author") is None:
        assert all(e.find(f"{ATOM}author") is not None for e in entries)
    for element in [root, *entries]:
        alternates = [
            (link.get("type"), link.get("hreflang"))
            for link in element.findall(f"{ATOM}link")
            if link.get("rel", "alternate") == "alternate"
        ]
        assert len(alternates) == len(set(alternates))
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids))
    return root


def check_rss(content: bytes) -> etree._Element:
    """RSS 2.0: required channel elements, a title or description per item,
    RFC 822 dates, unique guids, enclosures with url, length and type."""
    root = etree.fromstring(content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    for name in ("title", "link", "description"):
        assert channel.findtext(name), f"channel without {name}"
    assert channel.findtext("language") == "sv"
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link is not None and self_link.get("rel") == "self"
    for date in [channel.findtext("lastBuildDate"), *(i.findtext("pubDate") for i in channel)]:
        if date is not None:
            assert RFC822.match(date), date
            email.utils.parsedate_to_datetime(date)
    items = channel.findall("item")
    guids = [item.findtext("guid") for item in items]
    assert all(guids) and len(guids) == len(set(guids))
    for item in items:
        assert item.findtext("title") or item.findtext("description")
        assert len(item.findall("enclosure")) <= 1
        for enclosure in item.findall("enclosure"):
            assert enclosure.get("url").startswith("http")
            assert int(enclosure.get("length")) >= 0
            assert "/" in enclosure.get("type")
    return root


def check_json_feed(content: bytes) -> dict:
    """JSON Feed 1.1: version, title, items with an id and content."""
    feed = json.loads(content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert isinstance(feed["title"], str) and feed["title"]
    assert feed["feed_url"].startswith("http") and feed["home_page_url"].startswith("http")
    ids = [item["id"] for item in feed["items"]]
    assert all(isinstance(i, str) and i for i in ids) and len(ids) == len(set(ids))
    for item in feed["items"]:
        assert "content_html" in item or "content_text" in item
        assert item["url"].startswith("http")
        dt.datetime.fromisoformat(item["date_published"])
        for attachment in item.get("attachments", []):
            assert attachment["url"].startswith("http") and "/" in attachment["mime_type"]
    return feed


def check(fmt: str, content: bytes):
    if fmt == "atom":
        parse(content)
        return check_atom(content)
    if fmt == "rss":
        parse(content)
        return check_rss(content)
    return check_json_feed(content)
