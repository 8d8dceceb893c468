"""The pages search results link to: a result's link goes through the click
count (`/sok/klick/?q=…&till=<page id>`), so tests compare the page it names."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

from wagtail.models import Page

CLICK_PATH = "/sok/klick/"


def result_hrefs(response) -> list[str]:
    html = response.content.decode()
    return [unescape(href) for href in re.findall(r'class="card__title"><a href="([^"]+)"', html)]


def result_urls(response) -> list[str]:
    """The URL of the page each result links to, best first."""
    urls = []
    for href in result_hrefs(response):
        parts = urlsplit(href)
        assert parts.path == CLICK_PATH, href
        page_id = int(parse_qs(parts.query)["till"][0])
        urls.append(Page.objects.get(pk=page_id).url)
    return urls
