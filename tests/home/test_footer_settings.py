"""The footer is edited under Inställningar (FooterSettings), not in templates,
and a change shows at once: the page cache never serves an old footer."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Site

import pytest

from fastpath import version
from home.models import FooterSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def footer_of(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.fixture
def settings_row(site_tree):
    about = StandardPageFactory(parent=site_tree.home, title="Om LSV", slug="om-lsv")
    return FooterSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        tagline="för social innovation",
        about_page=about,
        address="LSV\nBox 1\n111 22 Stockholm",
        email="kontakt@example.org",
        social_links=[("link", {"name": "Mastodon", "url": "https://mastodon.example.org/@lsv"})],
    )


def test_the_footer_shows_what_editors_set(client, settings_row):
    footer = footer_of(client.get("/").content.decode())
    assert f'<a href="{settings_row.about_page.url}">Om LSV</a>' in footer
    # Linked once, as the about page, not again among the other standard pages.
    assert footer.count(settings_row.about_page.url) == 1
    assert "<address>LSV<br>Box 1<br>111 22 Stockholm<br>" in footer
    assert '<a href="mailto:kontakt@example.org">kontakt@example.org</a>' in footer
    assert '<a href="https://mastodon.example.org/@lsv" rel="me">Mastodon</a>' in footer
    assert '<a href="/feeds/nyheter/rss/">' in footer


def test_without_settings_the_footer_keeps_its_defaults(client, site_tree):
    footer = footer_of(client.get("/").content.decode())
    assert "<strong>LSV</strong> – för social innovation" in footer
    assert "<address>" not in footer and "mailto:" not in footer
    assert '<a href="/feeds/nyheter/rss/">' in footer
    assert not FooterSettings.objects.exists(), "a visitor's request wrote a settings row"


def test_editors_can_hide_the_feed_link_and_an_unpublished_about_page(client, settings_row):
    settings_row.show_news_feed = False
    settings_row.save()
    settings_row.about_page.unpublish()
    footer = footer_of(client.get("/").content.decode())
    assert "/feeds/nyheter/rss/" not in footer
    assert "Om LSV" not in footer


def test_saving_the_settings_bumps_the_content_version(settings_row):
    before = version._read()
    settings_row.email = "ny@example.org"
    settings_row.save()
    assert version._read() != before


def test_the_page_cache_never_serves_a_stale_footer(client, settings_row, settings):
    settings.LSV_PAGE_CACHE = True
    settings.LSV_FRAGMENT_MEMO = True
    client.get("/")
    cached = client.get("/")
    assert cached.headers["X-Page-Cache"] == "hit"
    assert "kontakt@example.org" in cached.content.decode()

    settings_row.email = "ny@example.org"
    settings_row.save()
    fresh = client.get("/")
    assert fresh.headers["X-Page-Cache"] == "miss"
    footer = footer_of(fresh.content.decode())
    assert "ny@example.org" in footer and "kontakt@example.org" not in footer


def test_the_footer_costs_no_query_once_remembered(client, settings_row, settings):
    settings.LSV_FRAGMENT_MEMO = True
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    table = FooterSettings._meta.db_table
    assert not [q["sql"] for q in queries.captured_queries if table in q["sql"]]


def test_the_settings_have_swedish_labels():
    with translation.override("sv"):
        labels = {
            name: str(FooterSettings._meta.get_field(name).verbose_name)
            for name in ("tagline", "about_page", "address", "email", "social_links")
        }
        assert str(FooterSettings._meta.verbose_name) == "sidfot"
    assert labels == {
        "tagline": "slogan",
        "about_page": "om-sida",
        "address": "postadress",
        "email": "e-postadress",
        "social_links": "sociala medier",
    }
