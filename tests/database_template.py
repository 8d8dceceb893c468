"""A migrated PostgreSQL database that test databases are copied from.

Migrating an empty database takes some 12 s of CPU, and every test run makes
one per pytest-xdist worker and one for the serial run. PostgreSQL copies a
database in well under a second (`CREATE DATABASE … TEMPLATE`), so the first
run on a server migrates a template once and every test database after it
starts as a copy; Django's own migrate then finds nothing to do. The template's
name carries a hash of every migration and of the pinned dependencies, so a new
migration or a new Wagtail gets a new template; one that no run has used for a
day is dropped.
"""

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

import psycopg
from psycopg import sql

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "lsv_test_template_"
# Any constant: the workers of one run, and concurrent runs, build it once.
LOCK = 7_201_412
# A template no run has asked for in this long is dropped (seconds).
STALE_AFTER = 24 * 3600


def fingerprint() -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes())
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def url(database: dict, name: str) -> str:
    credentials = quote(database.get("USER") or "", safe="")
    if database.get("PASSWORD"):
        credentials += ":" + quote(database["PASSWORD"], safe="")
    host = database.get("HOST") or "localhost"
    port = database.get("PORT") or 5432
    return f"postgres://{credentials}@{host}:{port}/{name}"


def ensure(database: dict) -> str:
    """The name of a migrated template for these settings, built if missing."""
    name = PREFIX + fingerprint()
    with psycopg.connect(url(database, "postgres"), autocommit=True) as conn:
        conn.execute("SELECT pg_advisory_lock(%s)", (LOCK,))
        try:
            existing = {
                row[0]
                for row in conn.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s", (PREFIX + "%",)
                )
            }
            if name not in existing:
                build(conn, database, name)
            touch(conn, name)
            drop_stale(conn, existing - {name})
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK,))
    return name


def drop_stale(conn, names: set[str]) -> None:
    """Drop the templates of other migrations not used for a day. Not at once:
    another checkout (a branch with a migration of its own) may be copying one."""
    for name in names:
        row = conn.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
            (name,),
        ).fetchone()
        last_used = float(row[0]) if row and row[0] and row[0].replace(".", "").isdigit() else 0
        if time.time() - last_used > STALE_AFTER:
            try:
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            except psycopg.errors.ObjectInUse:
                pass  # being copied right now: next time


def touch(conn, name: str) -> None:
    conn.execute(
        sql.SQL("COMMENT ON DATABASE {} IS {}").format(
            sql.Identifier(name), sql.Literal(str(time.time()))
        )
    )


def build(conn, database: dict, name: str) -> None:
    # Under another name until migrate has finished, so a run that dies half
    # way never leaves a template that looks complete.
    building = name + "_building"
    conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(building)))
    conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
    env = {**os.environ, "DATABASE_URL": url(database, building)}
    migrate = [sys.executable, "manage.py", "migrate", "--run-syncdb", "--noinput", "-v0"]
    result = subprocess.run(migrate, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(building)))
        raise RuntimeError(f"migrating the test template failed:\n{result.stderr}")
    conn.execute(
        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
            sql.Identifier(building), sql.Identifier(name)
        )
    )
