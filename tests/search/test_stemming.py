"""Swedish word forms, through PostgreSQL's `swedish` text-search configuration."""

from django.db import connection

import pytest

from tests.factories import NewsArticlePageFactory
from tests.search.links import result_urls

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Swedish stemming needs PostgreSQL (SEARCH_CONFIG 'swedish'); "
        "SQLite's fallback matches words as written",
    ),
]


@pytest.mark.parametrize(
    ("written", "searched"),
    [
        ("Social innovation i praktiken", "innovationer"),
        ("En kommun satsar på unga", "kommunerna"),
        ("Integration på arbetsmarknaden", "integrationen"),
        ("Välfärd i förändring", "välfärdens"),
        ("Förskola för alla", "förskolorna"),
        ("Barnen i förskolan", "barn"),
    ],
)
def test_inflected_forms_match(client, site_tree, written, searched):
    page = NewsArticlePageFactory(parent=site_tree.news, title=written, body="[]")
    NewsArticlePageFactory(parent=site_tree.news, title="Något helt annat", body="[]")
    assert result_urls(client.get("/sok/", {"q": searched})) == [page.url]
