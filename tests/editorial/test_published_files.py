"""Files that live pages use are replaced or deleted only by the publisher
group: a Redaktör's forged requests are refused and the public site keeps
serving the file the publisher approved."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db

APPROVED = b"%PDF-1.4\n% godkand version\n%%EOF\n"
REPLACEMENT = b"%PDF-1.4\n% ogranskad version\n%%EOF\n"
REFUSED = "Bara en ansvarig utgivare får byta den"


def root():
    # The factories' own collection is a second tree root, outside the groups' permissions.
    return Collection.get_first_root_node()


def png(colour: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def paper_pdf(site_tree):
    document = DocumentFactory(
        title="Rapport", file__filename="rapport.pdf", file__data=APPROVED, collection=root()
    )
    WhitePaperPageFactory(parent=site_tree.papers, title="Rapporten", pdf=document)
    return document


@pytest.fixture
def hero(site_tree):
    image = ImageFactory(
        title="Folkmöte", file__filename="folkmote.png", file__data=png("teal"), collection=root()
    )
    NewsArticlePageFactory(parent=site_tree.news, hero_image=image, hero_image_decorative=True)
    return image


@pytest.fixture
def draft_pdf(site_tree):
    document = DocumentFactory(
        title="Utkast", file__filename="utkast.pdf", file__data=APPROVED, collection=root()
    )
    WhitePaperPageFactory(parent=site_tree.papers, title="Utkastet", pdf=document, live=False)
    return document


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def public_bytes(document) -> bytes:
    response = Client().get(document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def edit_document(client, document, **extra):
    return client.post(
        f"/admin/documents/edit/{document.pk}/",
        {"title": document.title, "collection": document.collection_id, "tags": "", **extra},
    )


def edit_image(client, image, **extra):
    return client.post(
        f"/admin/images/{image.pk}/",
        {
            "title": image.title,
            "collection": image.collection_id,
            "tags": "",
            "description": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
            **extra,
        },
    )


def file_errors(response) -> str:
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


def test_editor_cannot_replace_a_published_pdf(editor, paper_pdf):
    response = edit_document(
        as_user(editor), paper_pdf, file=SimpleUploadedFile("rapport.pdf", REPLACEMENT)
    )
    assert response.status_code == 200
    assert REFUSED in file_errors(response)
    paper_pdf.refresh_from_db()
    with paper_pdf.file.open("rb") as stored:
        assert stored.read() == APPROVED
    assert public_bytes(paper_pdf) == APPROVED


def test_editor_may_still_retitle_a_published_pdf(editor, paper_pdf):
    client = as_user(editor)
    form = client.get(f"/admin/documents/edit/{paper_pdf.pk}/").content.decode()
    assert "bara en ansvarig utgivare kan byta filen" in form
    response = edit_document(client, paper_pdf, title="Rapport (rättad titel)")
    assert response.status_code == 302
    paper_pdf.refresh_from_db()
    assert paper_pdf.title == "Rapport (rättad titel)"
    assert public_bytes(paper_pdf) == APPROVED


def test_editor_cannot_delete_a_published_pdf(editor, paper_pdf):
    client = as_user(editor)
    response = client.post(f"/admin/documents/delete/{paper_pdf.pk}/")
    assert response.status_code in (302, 403)
    assert get_document_model().objects.filter(pk=paper_pdf.pk).exists()
    # Nor through the bulk action.
    client.post(f"/admin/bulk/wagtaildocs/document/delete/?id={paper_pdf.pk}")
    assert get_document_model().objects.filter(pk=paper_pdf.pk).exists()
    assert public_bytes(paper_pdf) == APPROVED
    # The edit form offers no delete button.
    form = client.get(f"/admin/documents/edit/{paper_pdf.pk}/").content.decode()
    assert f"/admin/documents/delete/{paper_pdf.pk}/" not in form


def test_editor_may_replace_and_delete_a_file_no_live_page_uses(editor, draft_pdf):
    client = as_user(editor)
    response = edit_document(client, draft_pdf, file=SimpleUploadedFile("utkast.pdf", REPLACEMENT))
    assert response.status_code == 302
    draft_pdf.refresh_from_db()
    with draft_pdf.file.open("rb") as stored:
        assert stored.read() == REPLACEMENT
    assert client.post(f"/admin/documents/delete/{draft_pdf.pk}/").status_code == 302
    assert not get_document_model().objects.filter(pk=draft_pdf.pk).exists()


def test_publisher_replaces_and_deletes_a_published_pdf(publisher, paper_pdf):
    client = as_user(publisher)
    response = edit_document(
        client, paper_pdf, file=SimpleUploadedFile("rapport-2.pdf", REPLACEMENT)
    )
    assert response.status_code == 302
    paper_pdf.refresh_from_db()
    assert public_bytes(paper_pdf) == REPLACEMENT
    assert client.post(f"/admin/documents/delete/{paper_pdf.pk}/").status_code == 302
    assert not get_document_model().objects.filter(pk=paper_pdf.pk).exists()


def test_editor_cannot_replace_or_delete_a_published_image(editor, hero):
    client = as_user(editor)
    original = hero.file.name
    with hero.file.open("rb") as stored:
        approved = stored.read()
    response = edit_image(client, hero, file=SimpleUploadedFile("annan.png", png("red")))
    assert response.status_code == 200
    assert REFUSED in file_errors(response)
    hero.refresh_from_db()
    assert hero.file.name == original
    with hero.file.open("rb") as stored:
        assert stored.read() == approved
    client.post(f"/admin/images/{hero.pk}/delete/")
    client.post(f"/admin/bulk/wagtailimages/image/delete/?id={hero.pk}")
    assert get_image_model().objects.filter(pk=hero.pk).exists()
    # Its title may still be corrected.
    assert edit_image(client, hero, title="Folkmöte i Umeå").status_code == 302


def test_publisher_replaces_a_published_image(publisher, hero):
    client = as_user(publisher)
    original = hero.file.name
    response = edit_image(client, hero, file=SimpleUploadedFile("annan.png", png("red")))
    assert response.status_code == 302
    hero.refresh_from_db()
    assert hero.file.name != original
    assert "annan" in hero.file.name
    assert client.post(f"/admin/images/{hero.pk}/delete/").status_code == 302
    assert not get_image_model().objects.filter(pk=hero.pk).exists()
