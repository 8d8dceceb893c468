"""The site answers 503 while its database is unreachable and recovers by itself.

The outage is real: the connection is pointed at a port where nothing listens
(the shared database server keeps running for everyone else), then back.
"""

import logging
import socket

from django.db import connection
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def unused_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def outage():
    """Call outage.start() / outage.stop() to take the database away and back."""
    if connection.vendor != "postgresql":
        pytest.skip("needs a database server to lose (run with DATABASE_URL=postgres://…)")
    original = dict(connection.settings_dict)

    class Outage:
        def start(self):
            connection.close()
            connection.settings_dict.update(HOST="127.0.0.1", PORT=unused_port())

        def stop(self):
            connection.settings_dict.update(HOST=original["HOST"], PORT=original["PORT"])

    yield Outage()
    connection.close()
    connection.settings_dict.update(original)


def test_unreachable_database_gives_503_and_the_site_recovers(site_tree, outage):
    visitor = Client(raise_request_exception=False)
    assert visitor.get(site_tree.news.url).status_code == 200

    outage.start()
    for url in ("/", site_tree.news.url, "/feeds/nyheter/rss/"):
        response = visitor.get(url)
        assert response.status_code == 503, url
        assert response["Retry-After"].isdigit()
        assert "Tillfälligt otillgänglig" in response.content.decode()
    assert visitor.get("/readyz").status_code == 503
    assert visitor.get("/healthz").status_code == 200

    outage.stop()
    # No restart: the very next requests are served again.
    assert visitor.get(site_tree.news.url).status_code == 200
    assert visitor.get("/readyz").status_code == 200


def test_an_outage_logs_a_line_now_and_then_not_a_traceback_a_request(
    site_tree, outage, caplog, monkeypatch, settings
):
    """Each 503 is one request-log line; the outage itself one warning, not
    a traceback for every request (thousands in a minute under load)."""
    from fastpath import page_cache as middleware
    from ops.middleware import database_outage
    from ops.throttled_log import ThrottledWarning

    settings.LSV_PAGE_CACHE = True  # its lookups meet the outage first
    monkeypatch.setattr(
        database_outage, "warn_outage", ThrottledWarning(database_outage.logger, 30)
    )
    monkeypatch.setattr(middleware, "warn_unavailable", ThrottledWarning(middleware.logger, 30))
    visitor = Client(raise_request_exception=False)
    urls = ("/", site_tree.news.url, "/feeds/nyheter/rss/", "/sok/?q=x")
    outage.start()
    with caplog.at_level(logging.INFO):
        for _ in range(10):
            for url in urls:
                assert visitor.get(url).status_code == 503, url
    assert [r for r in caplog.records if r.exc_info] == []
    outage_lines = [r for r in caplog.records if r.name == database_outage.logger.name]
    assert len(outage_lines) == 1
    assert "Database unavailable" in outage_lines[0].getMessage()
    assert len([r for r in caplog.records if r.levelno >= logging.WARNING]) <= 3
