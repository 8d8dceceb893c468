"""The PostgreSQL test template (tests/database_template.py): a template of other
migrations is dropped only once no run has used it for a day."""

import time

from django.conf import settings

import psycopg
import pytest
from psycopg import sql

from tests import database_template

pytestmark = pytest.mark.skipif(
    not settings.DATABASE_IS_POSTGRES, reason="the template is PostgreSQL's"
)


@pytest.fixture
def server():
    database = settings.DATABASES["default"]
    with psycopg.connect(database_template.url(database, "postgres"), autocommit=True) as conn:
        yield conn


def make(conn, name: str, last_used: float) -> None:
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    conn.execute(
        sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(name), sql.Literal(str(last_used))
        )
    )


def exists(conn, name: str) -> bool:
    found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    return found is not None


def test_only_templates_unused_for_a_day_are_dropped(server):
    stale, recent = "lsv_test_template_probe_stale", "lsv_test_template_probe_recent"
    make(server, stale, time.time() - database_template.STALE_AFTER - 60)
    make(server, recent, time.time() - 60)
    try:
        database_template.drop_stale(server, {stale, recent})
        assert not exists(server, stale)
        assert exists(server, recent)
    finally:
        for name in (stale, recent):
            server.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
