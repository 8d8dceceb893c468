"""backup_site and restore_site round-trip the whole site into an empty instance.

The "other instance" is a second, empty database (a new PostgreSQL database on
the same server, or a new SQLite file) and a new MEDIA_ROOT; the test's
connection is pointed at them and back, as a second server would be configured.
"""

import hashlib
import shutil
from pathlib import Path

from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Page

import pytest

from core import renditions
from tests.factories import NewsArticlePageFactory

# pg_dump and pg_restore see only committed data.
pytestmark = pytest.mark.django_db(transaction=True)

QUIET = {"stdout": open("/dev/null", "w")}


@pytest.fixture(autouse=True)
def pg_tools():
    if connection.vendor == "postgresql" and not shutil.which("pg_dump"):
        pytest.skip("needs pg_dump and pg_restore (apt-get install postgresql-client)")


@pytest.fixture
def other_instance(transactional_db, tmp_path, settings):
    """`other_instance.use()` switches the database and MEDIA_ROOT to a new,
    empty pair; `other_instance.leave()` (and teardown) switches back."""
    original = dict(connection.settings_dict)
    original_media = settings.MEDIA_ROOT
    is_postgres = connection.vendor == "postgresql"
    if is_postgres:
        name = f"{original['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}"')
    else:
        name = str(tmp_path / "restored.sqlite3")

    class Instance:
        media_root = tmp_path / "restored-media"
        # SQLite's in-memory test database would vanish if its only connection
        # closed (and Django's close() skips it anyway): keep it aside instead.
        kept = None

        def use(self):
            if is_postgres:
                connection.close()
            else:
                self.kept, connection.connection = connection.connection, None
            connection.settings_dict["NAME"] = name
            settings.MEDIA_ROOT = self.media_root

        def leave(self):
            if connection.settings_dict["NAME"] != name:
                return
            connection.close()
            connection.settings_dict.update(original)
            if self.kept is not None:
                connection.connection = self.kept
            settings.MEDIA_ROOT = original_media

    instance = Instance()
    yield instance
    instance.leave()
    if is_postgres:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def content(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def render_site() -> dict[str, tuple[int, bytes]]:
    """Every live page, the feeds, a search and every document download."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).order_by("path")]
    urls += [f"/feeds/{fmt}/" for fmt in ("rss", "atom", "json")]
    urls += ["/feeds/nyheter/rss/", "/sok/?q=innovation", "/sok/?q=rapport&typ=white-papers"]
    urls += [document.url for document in get_document_model().objects.order_by("pk")]
    visitor = Client()
    rendered = {}
    for url in urls:
        response = visitor.get(url)
        rendered[url] = (response.status_code, content(response))
    return rendered


def media_digests(root) -> dict[str, str]:
    root = Path(root)
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_demo_site_round_trips_page_for_page(settings, tmp_path, other_instance, monkeypatch):
    # AVIF encoding is most of the demo's build time and adds nothing to a
    # round trip: the pages show WebP and JPEG renditions instead.
    for name, spec in renditions.PICTURES.items():
        monkeypatch.setitem(renditions.PICTURES, name, spec.replace("avif,", ""))
    call_command("load_demo_content", "--no-admin", **QUIET)
    call_command("extract_document_text", **QUIET)
    # Rendering first also creates every rendition the pages show, as visits
    # would have on a live site before its backup.
    before = render_site()
    media_before = media_digests(settings.MEDIA_ROOT)
    assert len(before) > 30
    assert all(status == 200 for status, _ in before.values()), before.keys()

    call_command("backup_site", str(tmp_path), **QUIET)
    (archive,) = tmp_path.glob("lsv-backup-*.tar")

    other_instance.use()
    assert connection.introspection.table_names() == []
    call_command("restore_site", str(archive), **QUIET)

    assert media_digests(other_instance.media_root) == media_before
    after = render_site()
    assert after.keys() == before.keys()
    for url, (status, html) in before.items():
        assert after[url] == (status, html), url


def test_restore_refuses_a_non_empty_instance_unless_forced(site_tree, tmp_path, other_instance):
    NewsArticlePageFactory(parent=site_tree.news, title="Säkerhetskopierad")
    archive = tmp_path / "site.tar"
    call_command("backup_site", str(archive), **QUIET)
    pages = Page.objects.count()

    # Into the very instance it came from: nothing is touched.
    with pytest.raises(CommandError, match="not empty.*--force"):
        call_command("restore_site", str(archive), **QUIET)
    assert Page.objects.count() == pages

    other_instance.use()
    call_command("restore_site", str(archive), **QUIET)
    Page.objects.get(title="Säkerhetskopierad").delete()
    (other_instance.media_root / "stray.txt").write_text("not in the backup")
    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_site", str(archive), **QUIET)

    call_command("restore_site", str(archive), "--force", **QUIET)
    assert Page.objects.filter(title="Säkerhetskopierad").count() == 1
    assert Page.objects.count() == pages
    assert not (other_instance.media_root / "stray.txt").exists()


def test_restore_rejects_a_file_that_is_not_a_backup(tmp_path, other_instance):
    stranger = tmp_path / "notes.tar"
    stranger.write_bytes(b"just some bytes, not a tar archive")
    other_instance.use()
    with pytest.raises(CommandError, match="not a site backup"):
        call_command("restore_site", str(stranger), **QUIET)
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore_site", str(tmp_path / "missing.tar"), **QUIET)


def test_a_backup_is_readable_by_its_owner_alone(site_tree, tmp_path):
    """It holds password hashes and private documents: mode 0600 whatever the umask."""
    archive = tmp_path / "site.tar"
    call_command("backup_site", str(archive), **QUIET)
    assert archive.stat().st_mode & 0o777 == 0o600
    call_command("backup_site", f"{tmp_path}/dated/", **QUIET)
    (made,) = (tmp_path / "dated").iterdir()
    assert made.stat().st_mode & 0o777 == 0o600
