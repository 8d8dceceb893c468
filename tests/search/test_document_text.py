import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
from pypdf import PdfReader, PdfWriter

from home.demo.artwork import report_pdf
from search.pdf_text import BROKEN, EMPTY, ENCRYPTED, OK
from search.results import search
from tests.factories import WhitePaperPageFactory
from tests.search.links import result_urls

pytestmark = pytest.mark.django_db

Document = get_document_model()


def make_pdf(text: str) -> bytes:
    return report_pdf("En rapport", "Undertitel", ["Anna Berg"], [("Kapitel", [text])])


def encrypted_pdf(text: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(text))))
    writer.encrypt(user_password="hemligt", owner_password="hemligt", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def upload(content: bytes, name: str = "rapport.pdf", title: str = "Rapport"):
    document = Document(title=title)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    document.refresh_from_db()
    return document


def test_text_is_extracted_when_a_pdf_is_saved():
    document = upload(make_pdf("Lokala partnerskap bär verksamheten."))
    assert document.text_status == OK
    assert "Lokala partnerskap bär verksamheten." in document.extracted_text


def test_a_phrase_only_in_the_pdf_finds_the_white_paper(client, site_tree):
    document = upload(make_pdf("Det kallas tillitsbaserad styrning i vardagen."))
    paper = WhitePaperPageFactory(parent=site_tree.papers, pdf=document)
    WhitePaperPageFactory(parent=site_tree.papers)
    response = client.get("/sok/", {"q": "tillitsbaserad styrning i vardagen"})
    assert result_urls(response) == [paper.url]


def test_replacing_the_file_reindexes_the_page(client, site_tree):
    document = upload(make_pdf("Första versionen handlar om fritidsgårdar."))
    paper = WhitePaperPageFactory(parent=site_tree.papers, pdf=document)
    assert result_urls(client.get("/sok/", {"q": "fritidsgårdar"})) == [paper.url]

    document.file.save("rapport-v2.pdf", ContentFile(make_pdf("Nu om simskolor.")), save=False)
    document.save()
    document.refresh_from_db()
    assert "simskolor" in document.extracted_text
    assert result_urls(client.get("/sok/", {"q": "simskolor"})) == [paper.url]
    assert result_urls(client.get("/sok/", {"q": "fritidsgårdar"})) == []


def test_broken_pdf_is_stored_and_flagged():
    document = upload(b"%PDF-1.7\nthis is not really a PDF\n%%EOF")
    assert document.pk and document.file
    assert document.text_status == BROKEN
    assert document.extracted_text == ""


def test_encrypted_pdf_is_stored_and_flagged():
    document = upload(encrypted_pdf("Hemlig text om styrning."))
    assert document.text_status == ENCRYPTED
    assert document.extracted_text == ""


def test_pdf_without_text_is_flagged_empty():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    assert upload(out.getvalue()).text_status == EMPTY


def test_other_documents_are_left_alone():
    document = upload(b"Kolumn;Annan\n1;2\n", name="tabell.csv")
    assert (document.text_status, document.extracted_text) == ("", "")


def test_title_edit_does_not_read_the_file_again():
    document = upload(make_pdf("Något om läxhjälp."))
    # Reading the file again would now flag it broken.
    document.file.storage.delete(document.file.name)
    document.title = "Nytt namn"
    document.save()
    document.refresh_from_db()
    assert document.text_status == OK


def test_broken_upload_through_the_admin_is_no_error(admin_client):
    response = admin_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": ContentFile(b"%PDF-1.4 trasig", name="trasig.pdf")},
    )
    assert response.status_code == 200
    document = Document.objects.get()
    assert document.text_status == BROKEN


def test_deleting_the_pdf_takes_its_text_out_of_search(client, site_tree):
    document = upload(make_pdf("Här står något om bikupor på taken."))
    paper = WhitePaperPageFactory(parent=site_tree.papers, pdf=document)
    assert result_urls(client.get("/sok/", {"q": "bikupor"})) == [paper.url]
    document.delete()
    response = client.get("/sok/", {"q": "bikupor"})
    assert "Inga träffar" in response.content.decode()
    assert search("bikupor").paginator.count == 0
