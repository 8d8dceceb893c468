"""The import in the admin: superusers only, dry run first, then confirm."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Page

import pytest

from tests.wordpress_import.conftest import EXPORT
from wordpress_import import views
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


def test_confirming_runs_the_import(client, site_tree, superuser, monkeypatch):
    # The thread would not see the test's transaction: run it in place.
    monkeypatch.setattr(views, "start", views.execute)
    run_url = upload(client)["Location"]
    response = client.post(run_url)
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert run.state == ImportRun.State.DONE, run.error
    assert run.progress.startswith("inlägg") or run.progress.startswith("länkar")
    assert ImportedItem.objects.filter(kind="post", wp_id=100, page__isnull=False).exists()
    # Without --media-url, attachments are skipped and reported.
    assert ["bilder", "överhoppad", 5] in run.report["counts"]
    assert client.get(run_url).status_code == 200
    # A second confirmation does nothing.
    client.post(run_url)
    assert ImportRun.objects.get().state == ImportRun.State.DONE


def test_a_file_that_is_not_an_export_is_refused_clearly(client, site_tree, superuser):
    response = upload(client, b"<html><body>inte xml", name="export.xml")
    assert response.status_code == 200
    assert "inte välformad XML" in response.content.decode()
    response = upload(client, b"x", name="export.pdf")
    assert response.status_code == 200
    assert not ImportRun.objects.exists()
