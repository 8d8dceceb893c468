"""Uploads through the admin: allowed types only, size and pixel limits, safe names,
and documents served with the right type and Content-Disposition."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image

from tests.factories import DocumentFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 16)
    client.force_login(user)
    return client


def png(width=40, height=30) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(admin_client, name, data):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": "Fil", "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def upload_image(admin_client, name, data):
    return admin_client.post(
        "/admin/images/add/",
        {"title": "Bild", "file": SimpleUploadedFile(name, data), "collection": 1},
    )


def form_errors(response) -> str:
    return " ".join(str(e) for e in response.context["form"].errors.get("file", []))


def test_real_documents_are_accepted(admin_client):
    assert upload_document(admin_client, "rapport.pdf", PDF).status_code == 302
    assert (
        upload_document(admin_client, "data.csv", b"kommun;antal\nUme\xc3\xa5;3\n").status_code
        == 302
    )
    assert get_document_model().objects.count() == 2


@pytest.mark.parametrize(
    "name, data",
    [
        ("sida.html", b"<html><script>alert(1)</script></html>"),
        ("bild.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
        ("program.exe", b"MZ\x90\x00"),
        ("rapport.pdf", b"<html><script>alert(1)</script></html>"),  # renamed web page
        ("text.txt", b"<!DOCTYPE html><script>alert(1)</script>"),
        ("rapport.docx", PDF),
    ],
)
def test_other_or_disguised_documents_are_rejected(admin_client, name, data):
    response = upload_document(admin_client, name, data)
    assert response.status_code == 200
    assert form_errors(response)
    assert get_document_model().objects.count() == 0


def test_oversized_document_is_rejected(admin_client, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload_document(admin_client, "rapport.pdf", PDF + b"0" * 2048)
    assert response.status_code == 200
    assert "stor" in form_errors(response).lower()  # "…för stor…" in Swedish


def test_images_accept_raster_formats_and_reject_svg(admin_client):
    assert upload_image(admin_client, "foto.png", png()).status_code == 302
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(admin_client, "logo.svg", svg)
    assert response.status_code == 200 and form_errors(response)
    disguised = upload_image(admin_client, "foto.png", b"<html><script>alert(1)</script>")
    assert disguised.status_code == 200 and form_errors(disguised)
    assert get_image_model().objects.count() == 1


def test_decompression_bomb_is_rejected_with_a_clear_message(admin_client, settings):
    # A tiny file that claims an enormous canvas: rejected from its header,
    # before anything is decoded.
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 1_000_000
    bomb = png(2000, 2000)
    assert len(bomb) < 100_000
    response = upload_image(admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    assert "upplösning" in form_errors(response)  # "Filen har för hög upplösning …"
    assert get_image_model().objects.count() == 0


def test_uploaded_file_names_cannot_leave_the_media_folder(admin_client, settings):
    response = upload_document(admin_client, "../../../../tmp/evil.pdf", PDF)
    assert response.status_code == 302
    document = get_document_model().objects.get()
    stored = Path(document.file.path).resolve()
    media = Path(settings.MEDIA_ROOT).resolve()
    assert stored.is_relative_to(media / "documents")
    assert ".." not in document.file.name


def test_documents_are_served_with_type_and_disposition(client, site_tree):
    pdf = DocumentFactory(title="R", file__filename="rapport.pdf", file__data=PDF)
    sheet = DocumentFactory(title="D", file__filename="data.csv", file__data=b"a;b\n1;2\n")
    WhitePaperPageFactory(parent=site_tree.papers, pdf=pdf)
    WhitePaperPageFactory(
        parent=site_tree.papers,
        body=f'[{{"type": "document", "value": {{"document": {sheet.pk}, "label": ""}}}}]',
    )
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    response = client.get(sheet.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment")
