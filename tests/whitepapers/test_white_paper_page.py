import pytest

from tests.factories import DocumentFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db


def test_white_paper_page_offers_the_pdf_with_size_and_type(client, site_tree):
    pdf = DocumentFactory(
        title="Rapporten", file__filename="rapport.pdf", file__data=b"%PDF-1.4\n" + b"x" * 2000
    )
    author = PersonPageFactory(parent=site_tree.people, title="Lars Holm")
    paper = WhitePaperPageFactory(
        parent=site_tree.papers,
        title="Tillit i praktiken",
        summary="En sammanfattning.",
        pdf=pdf,
        authors=[author],
        topics=["Kommuner"],
    )
    response = client.get(paper.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Tillit i praktiken</h1>" in html
    assert "En sammanfattning." in html
    assert f'href="{pdf.url}"' in html
    assert "Ladda ner rapporten" in html
    assert "(PDF, 2,0\xa0kB)" in html
    assert f'href="{author.url}">Lars Holm</a>' in html
    assert f'href="{site_tree.news.url}amne/kommuner/">Kommuner</a>' in html


def test_white_paper_without_pdf_has_no_download_link(client, site_tree):
    paper = WhitePaperPageFactory(parent=site_tree.papers)
    assert "Ladda ner rapporten" not in client.get(paper.url).content.decode()


def test_white_papers_listed_newest_first(client, site_tree):
    import datetime as dt

    WhitePaperPageFactory(
        parent=site_tree.papers, title="Gammal", publication_date=dt.date(2024, 1, 1)
    )
    WhitePaperPageFactory(parent=site_tree.papers, title="Ny", publication_date=dt.date(2026, 1, 1))
    response = client.get(site_tree.papers.url)
    assert [p.title for p in response.context["items"]] == ["Ny", "Gammal"]
