"""The import in the admin: superusers only, dry run first, then confirm; the
import itself runs as a task on the queue, as db_worker runs it."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Page

import pytest
from django_tasks_db.models import DBTaskResult

from tests.subscriptions.conftest import run_queue
from tests.wordpress_import.conftest import EXPORT
from wordpress_import import tasks
from wordpress_import.importer import Importer, ImportFailed
from wordpress_import.models import ImportedItem, ImportRun

pytestmark = pytest.mark.django_db

URL = "/admin/wordpress-import/"


@pytest.fixture
def superuser(client, settings, tmp_path):
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"
    user = get_user_model().objects.create_superuser("chef", "chef@lsv.se", "lösenord")
    client.force_login(user)
    return user


def upload(client, content: bytes = None, name="lsv.WordPress.xml"):
    export = SimpleUploadedFile(name, content or EXPORT.read_bytes(), "text/xml")
    return client.post(URL, {"export": export, "media_url": ""})


def test_editors_who_are_not_superusers_are_refused(client):
    editor = get_user_model().objects.create_user("redaktor", "r@lsv.se", "lösenord")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    for response in (client.get(URL), upload(client)):
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not ImportRun.objects.exists()


def test_upload_shows_the_dry_run_and_changes_nothing(client, site_tree, superuser):
    pages = Page.objects.count()
    response = upload(client)
    run = ImportRun.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{URL}{run.pk}/"
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "skapad" in page and "WordPress-ID 108" in page
    assert run.state == ImportRun.State.CHECKED


def test_confirming_queues_the_import_and_the_worker_runs_it(client, site_tree, superuser):
    run_url = upload(client)["Location"]
    run = ImportRun.objects.get()
    stored = Path(run.stored_path)
    assert stored.is_file()
    response = client.post(run_url, follow=True)
    assert "Importen ligger i kö – arbetsprocessen startar den strax." in (
        response.content.decode()
    )
    # Queued on the database queue, not run in the request.
    [waiting] = DBTaskResult.objects.filter(backend_name="queue", status="READY")
    assert waiting.task_path == "wordpress_import.tasks.import_export"
    assert waiting.args_kwargs["args"] == [run.pk]
    run.refresh_from_db()
    assert run.state == ImportRun.State.QUEUED
    assert not ImportedItem.objects.exists()
    page = client.get(run_url).content.decode()
    assert "<strong>väntar på arbetsprocessen</strong>" in page
    assert '<meta http-equiv="refresh" content="5">' in page
    # A second confirmation before the worker took it queues nothing more.
    again = client.post(run_url, follow=True)
    assert "Den här importen har redan körts." in again.content.decode()
    assert DBTaskResult.objects.filter(backend_name="queue").count() == 1

    [result] = run_queue()  # as db_worker runs it
    assert result.status == "SUCCESSFUL", result.traceback
    run.refresh_from_db()
    assert run.state == ImportRun.State.DONE, run.error
    assert run.progress.startswith("inlägg") or run.progress.startswith("länkar")
    assert ImportedItem.objects.filter(kind="post", wp_id=100, page__isnull=False).exists()
    # Without --media-url, attachments are skipped and reported.
    assert ["bilder", "överhoppad", 5] in run.report["counts"]
    assert result.return_value == {"counts": run.report["counts"]}
    assert not stored.exists()  # the export is removed once imported
    page = client.get(run_url).content.decode()
    assert "<strong>importerad</strong>" in page and "http-equiv" not in page
    # A second confirmation does nothing.
    client.post(run_url)
    assert run_queue() == []
    assert ImportRun.objects.get().state == ImportRun.State.DONE


def test_an_import_that_fails_on_the_worker_is_shown_and_keeps_the_export(
    client, site_tree, superuser, monkeypatch
):
    run_url = upload(client)["Location"]
    client.post(run_url)
    run = ImportRun.objects.get()

    def broken(self):
        raise ImportFailed("mediamappen /saknas finns inte")

    monkeypatch.setattr(Importer, "run", broken)
    [result] = run_queue()
    assert result.status == "FAILED"
    run.refresh_from_db()
    assert run.state == ImportRun.State.FAILED
    assert run.error == "mediamappen /saknas finns inte"
    assert Path(run.stored_path).is_file()  # kept, not removed as after an import
    page = client.get(run_url).content.decode()
    assert "<strong>avbruten av ett fel</strong>" in page
    assert "mediamappen /saknas finns inte" in page


def test_the_worker_leaves_a_run_that_is_not_queued_alone(client, site_tree, superuser):
    client.post(upload(client)["Location"])
    run = ImportRun.objects.get()
    # The same task queued twice (by hand, say): the second finds the run done.
    tasks.import_export.enqueue(run.pk)
    first, second = run_queue()
    assert first.status == second.status == "SUCCESSFUL"
    assert second.return_value is None
    assert ImportRun.objects.get().state == ImportRun.State.DONE


def test_an_export_missing_on_the_workers_server_fails_clearly(client, site_tree, superuser):
    client.post(upload(client)["Location"])
    run = ImportRun.objects.get()
    Path(run.stored_path).unlink()
    [result] = run_queue()
    assert result.status == "FAILED"
    run.refresh_from_db()
    assert run.state == ImportRun.State.FAILED
    assert run.error.startswith("exportfilen ")
    assert "WORDPRESS_IMPORT_DIR" in run.error
    assert not ImportedItem.objects.exists()


def test_a_file_that_is_not_an_export_is_refused_clearly(client, site_tree, superuser):
    response = upload(client, b"<html><body>inte xml", name="export.xml")
    assert response.status_code == 200
    assert "inte välformad XML" in response.content.decode()
    response = upload(client, b"x", name="export.pdf")
    assert response.status_code == 200
    assert not ImportRun.objects.exists()
