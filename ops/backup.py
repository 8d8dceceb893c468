"""Backups of the whole site, database and uploaded media, in one file.

A backup is an (uncompressed) tar archive holding:

    manifest.json     format, database engine, time, what it contains
    database.dump     PostgreSQL: `pg_dump --format=custom` (compressed)
    database.sqlite3  SQLite: a consistent copy taken with SQLite's backup API
    media.tar.gz      everything under MEDIA_ROOT (originals, renditions, documents)

The database is dumped before the media are archived, so every file the dump
refers to was on disk when the media were read. A restore goes into an empty
database and an empty MEDIA_ROOT unless `force` says to replace what is there.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

FORMAT = "lsv-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_ARCHIVE = "media.tar.gz"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}


class BackupError(Exception):
    """Something an operator can act on; the message says what."""


@dataclass
class RestoreSummary:
    pages: int
    media_files: int
    pending_migrations: int


# Backing up -----------------------------------------------------------------


def create_backup(destination: str | Path, using: str = DEFAULT_DB_ALIAS) -> Path:
    """Write a backup to `destination` (a file, or a directory to put a dated
    file in: an existing one, or a path ending in "/") and return its path. The
    file appears only once it is complete."""
    connection = connections[using]
    vendor = _supported_vendor(connection)
    is_directory = str(destination).endswith(os.sep)
    destination = Path(destination)
    if is_directory or destination.is_dir():
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        destination = destination / f"lsv-backup-{stamp}.tar"
    destination.parent.mkdir(parents=True, exist_ok=True)

    with tempfile.TemporaryDirectory(prefix="lsv-backup-", dir=destination.parent) as work:
        work = Path(work)
        database_file = work / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            _pg_dump(connection.settings_dict, database_file)
        else:
            _sqlite_copy(connection, database_file)
        media_files = _archive_media(Path(settings.MEDIA_ROOT), work / MEDIA_ARCHIVE)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "database": vendor,
            "media_files": media_files,
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2))

        partial = work / "backup.tar"
        # Readable by its owner alone: it holds every account's password hash.
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w") as archive:
            for name in (MANIFEST, database_file.name, MEDIA_ARCHIVE):
                archive.add(work / name, arcname=name)
        # Same directory, so the rename is atomic: no half-written backup ever
        # carries the final name.
        os.replace(partial, destination)
    return destination


def _supported_vendor(connection) -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _pg_environment(settings_dict: dict) -> dict[str, str]:
    """libpq's variables for Django's connection settings, so no password
    appears on a command line."""
    options = settings_dict.get("OPTIONS") or {}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
        "PGSERVICE": options.get("service"),
        "PGPASSFILE": options.get("passfile"),
        "PGSSLMODE": options.get("sslmode"),
        "PGSSLROOTCERT": options.get("sslrootcert"),
        "PGSSLCERT": options.get("sslcert"),
        "PGSSLKEY": options.get("sslkey"),
    }
    return {**os.environ, **{key: str(value) for key, value in values.items() if value}}


def _pg_tool(name: str) -> str:
    # PG_BIN_DIR picks a client matching the server when several are installed
    # (pg_dump refuses servers newer than itself).
    directory = os.environ.get("PG_BIN_DIR")
    path = str(Path(directory) / name) if directory else shutil.which(name)
    if not path or not Path(path).exists():
        raise BackupError(
            f"{name} was not found. Install the PostgreSQL client tools "
            f"(Debian: apt-get install postgresql-client) or set PG_BIN_DIR."
        )
    return path


def _run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed:\n{result.stderr.strip()}")


def _pg_dump(settings_dict: dict, target: Path) -> None:
    # Owners and grants are left out: the restoring user owns everything, so a
    # backup moves between servers with different role names.
    _run(
        [
            _pg_tool("pg_dump"),
            "--format=custom",
            "--no-owner",
            "--no-privileges",
            f"--file={target}",
        ],
        _pg_environment(settings_dict),
    )


def _sqlite_copy(connection, target: Path) -> None:
    # Through Django's own connection, so an in-memory database works too and
    # the copy is consistent even while other processes write.
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
    finally:
        destination.close()


def _media_files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file() and not path.is_symlink())


def _archive_media(root: Path, target: Path) -> int:
    files = _media_files(root)
    with tarfile.open(target, "w:gz") as archive:
        for path in files:
            archive.add(path, arcname=str(path.relative_to(root)), recursive=False)
    return len(files)


# Restoring ------------------------------------------------------------------


def restore_backup(source: Path, force: bool = False, using: str = DEFAULT_DB_ALIAS):
    """Restore `source` into this instance's database and MEDIA_ROOT, which must
    both be empty unless `force` (then everything in them is replaced)."""
    connection = connections[using]
    vendor = _supported_vendor(connection)
    media_root = Path(settings.MEDIA_ROOT)
    source = Path(source)
    if not source.is_file():
        raise BackupError(f"{source} does not exist.")

    with tempfile.TemporaryDirectory(prefix="lsv-restore-") as work:
        work = Path(work)
        manifest = _unpack(source, work)
        if manifest["database"] != vendor:
            raise BackupError(
                f"This backup holds a {manifest['database']} database and this instance "
                f"uses {vendor}: restore it into an instance on {manifest['database']}."
            )
        tables = connection.introspection.table_names()
        media = _media_files(media_root)
        if not force and (tables or media):
            found = []
            if tables:
                found.append(f"the database has {len(tables)} tables")
            if media:
                found.append(f"MEDIA_ROOT ({media_root}) has {len(media)} files")
            raise BackupError(
                "Refusing to restore into an instance that is not empty: "
                + " and ".join(found)
                + ". Restore into an empty database and media directory, or pass "
                "--force to replace everything in them."
            )

        database_file = work / DATABASE_FILES[vendor]
        if vendor == "postgresql":
            if tables:
                _pg_drop_everything(connection)
            connection.close()
            _pg_restore(connection.settings_dict, database_file)
        else:
            _sqlite_restore(connection, database_file)

        if media_root.is_dir():
            for child in media_root.iterdir():
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child)
                else:
                    child.unlink()
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(work / MEDIA_ARCHIVE, "r:gz") as archive:
            # The "data" filter refuses absolute paths, "..", links out of the
            # directory and device files, whatever the archive holds.
            archive.extractall(media_root, filter="data")

    _forget_cached_content()
    return RestoreSummary(
        pages=_count_pages(),
        media_files=len(_media_files(media_root)),
        pending_migrations=_pending_migrations(connection),
    )


def _unpack(source: Path, work: Path) -> dict:
    try:
        with tarfile.open(source, "r:") as archive:
            names = set(archive.getnames())
            if MANIFEST not in names:
                raise BackupError(f"{source} is not a site backup (no {MANIFEST}).")
            archive.extractall(work, filter="data")
    except tarfile.TarError as error:
        raise BackupError(f"{source} is not a site backup ({error}).") from error
    manifest = json.loads((work / MANIFEST).read_text())
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise BackupError(f"{source} is not a site backup of a format this version reads.")
    expected = {DATABASE_FILES.get(manifest.get("database"), "?"), MEDIA_ARCHIVE}
    missing = sorted(name for name in expected if not (work / name).is_file())
    if missing:
        raise BackupError(f"{source} is incomplete: {', '.join(missing)} missing.")
    return manifest


def _pg_drop_everything(connection) -> None:
    """Drop every table, view, sequence and function in the current schema (--force)."""
    # Tables first: their CASCADE takes the identity sequences, which cannot be
    # dropped on their own; sequences left after that are free-standing.
    for kinds, what in ((("r", "p"), "TABLE"), (("v", "m"), "VIEW"), (("S",), "SEQUENCE")):
        with connection.cursor() as cursor:
            cursor.execute(
                """
                SELECT c.relkind, c.relname FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = ANY(%s)
                """,
                [list(kinds)],
            )
            for kind, name in cursor.fetchall():
                keyword = "MATERIALIZED VIEW" if kind == "m" else what
                cursor.execute(
                    f"DROP {keyword} IF EXISTS {connection.ops.quote_name(name)} CASCADE"
                )
    # Functions migrations created (search.SearchEntry's matcher), not those
    # of extensions: the dump creates them again.
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT p.oid::regprocedure::text FROM pg_proc p
            JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = current_schema() AND NOT EXISTS (
                SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e'
            )
            """
        )
        for (signature,) in cursor.fetchall():
            cursor.execute(f"DROP FUNCTION IF EXISTS {signature} CASCADE")


def _pg_restore(settings_dict: dict, dump: Path) -> None:
    # One transaction: a restore that fails part-way leaves the database as empty
    # as it was, not half filled.
    _run(
        [
            _pg_tool("pg_restore"),
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
            f"--dbname={settings_dict['NAME']}",
            str(dump),
        ],
        _pg_environment(settings_dict),
    )


def _sqlite_restore(connection, copy: Path) -> None:
    # The backup API replaces the whole target database, tables and all.
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _forget_cached_content() -> None:
    """Pages, memos and site lookups cached for the previous content must not be
    served for the restored one, in this or any other process."""
    from wagtail.models import Site

    from ops.signals import site_restored

    site_restored.send(sender=None)
    Site.clear_site_root_paths_cache()


def _count_pages() -> int:
    from wagtail.models import Page

    return Page.objects.filter(depth__gt=1).count()


def _pending_migrations(connection) -> int:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
