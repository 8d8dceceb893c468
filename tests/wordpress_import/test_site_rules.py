"""Imported pages keep the site's own rules: alt text, query bounds, feeds,
sitemap, search (the imported PDF's text included)."""



from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from lxml import html

from tests.fastpath.test_query_bounds import ARTICLE_MAX, PERSON_MAX, WHITE_PAPER_MAX
from tests.search.links import result_urls
from tests.wordpress_import.conftest import PDF_PHRASE
from wordpress_import.models import ImportedItem

pytestmark = pytest.mark.django_db

PUBLIC = (100, 101, 102, 103, 109)
NOT_PUBLIC = (104, 105, 106)


def page_of(wp_id: int):
    return ImportedItem.objects.get(kind="post", wp_id=wp_id).page.specific


def test_every_image_has_alt_text(imported, client):
    figures = 0
    for wp_id in PUBLIC:
        document = html.fromstring(client.get(page_of(wp_id).url).content)
        for img in document.iter("img"):
            assert img.get("alt") is not None, (wp_id, img.get("src"))
        # Body figures are not decorative: they carry the alt text imported.
        for figure in document.xpath("//figure[contains(@class, 'figure')]"):
            for img in figure.iter("img"):
                figures += 1
                assert img.get("alt", "").strip(), (wp_id, img.get("src"))
    assert figures == 2


def allowance(page) -> int:
    """Queries the site spends on what the bounds test's pages lack: the
    automatic related cards of a page with fewer than three read-more links
    (two queries; the bounds test gives every page six), Wagtail's rewriting
    of page links in rich text (two per body) and document blocks (one)."""
    extra = 2 if page.read_more_links.count() < 3 else 0
    raw = [(b["type"], str(b["value"])) for b in page.body.raw_data]
    extra += 2 if any('linktype="page"' in v for k, v in raw if k == "paragraph") else 0
    extra += 1 if any(k == "document" or 'linktype="document"' in v for k, v in raw) else 0
    return extra


@pytest.mark.parametrize(
    "wp_id, bound", [(100, ARTICLE_MAX), (101, ARTICLE_MAX), (102, WHITE_PAPER_MAX)]
)
def test_queries_stay_within_the_sites_bounds(imported, client, wp_id, bound):
    page = page_of(wp_id)
    assert client.get(page.url).status_code == 200  # renditions made once
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    assert len(queries) <= bound + allowance(page)


def test_person_page_stays_within_the_sites_bound(imported, client):
    page = page_of(103)
    assert client.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    assert len(queries) <= PERSON_MAX + 2  # related cards: no read-more links


def test_feed_lists_published_imports_only(imported, client):
    feed = client.get("/feeds/rss/").content.decode()
    for wp_id in (100, 101, 102):
        assert page_of(wp_id).title in feed
    for wp_id in NOT_PUBLIC:
        assert page_of(wp_id).title not in feed


def test_sitemap_lists_public_imports_only(imported, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for wp_id in PUBLIC:
        assert f"{page_of(wp_id).url}</loc>" in sitemap
    for wp_id in NOT_PUBLIC:
        assert f"{page_of(wp_id).url}</loc>" not in sitemap


def test_text_of_the_imported_pdf_is_searchable(imported, client):
    response = client.get("/sok/", {"q": PDF_PHRASE})
    assert page_of(102).url in result_urls(response)
