"""White papers are citable: Google Scholar's citation_* tags, a reference to
copy, and BibTeX and RIS files that reference managers read."""

import datetime as dt

import lxml.html
import pytest

from tests.factories import DocumentFactory, PersonPageFactory, WhitePaperPageFactory
from whitepapers.citation import Citation, bibtex_escape

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper(site_tree):
    authors = [
        PersonPageFactory(parent=site_tree.people, title="Åsa Öberg"),
        PersonPageFactory(parent=site_tree.people, title="Karl Johan Lind"),
    ]
    return WhitePaperPageFactory(
        parent=site_tree.papers,
        title="Sociala investeringar & 100 % effekt",
        summary="Hur kommuner mäter {effekter}.",
        publication_date=dt.date(2025, 9, 3),
        pdf=DocumentFactory(title="PDF", file__filename="rapport.pdf"),
        authors=authors,
    )


def test_scholar_meta_tags(client, paper):
    tree = lxml.html.document_fromstring(client.get(paper.url).content)

    def tag(name):
        return tree.xpath(f'//meta[@name="{name}"]/@content')

    assert tag("citation_title") == [paper.title]
    assert tag("citation_author") == ["Öberg, Åsa", "Lind, Karl Johan"]
    assert tag("citation_publication_date") == ["2025/09/03"]
    assert tag("citation_pdf_url") == [f"http://testserver{paper.pdf.url}"]


def test_cite_section_shows_the_reference_and_links_the_files(client, paper):
    tree = lxml.html.document_fromstring(client.get(paper.url).content)
    section = tree.xpath('//section[@aria-labelledby="cite-heading"]')[0]
    assert section.xpath("string(.//h2)") == "Citera"
    text = section.xpath('string(.//p[@class="cite__text"])')
    assert text == (
        f"Öberg, Åsa & Lind, Karl Johan (2025). {paper.title}. LSV. http://testserver{paper.url}"
    )
    links = section.xpath(".//a/@href")
    assert links == [f"{paper.url}citera/bibtex/", f"{paper.url}citera/ris/"]


def download(client, paper, fmt: str, mime_type: str, extension: str) -> str:
    response = client.get(f"{paper.url}citera/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Type"] == f"{mime_type}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{paper.slug}.{extension}"'
    return response.content.decode()


def test_bibtex_download(client, paper):
    bib = download(client, paper, "bibtex", "application/x-bibtex", "bib")
    import bibtexparser

    library = bibtexparser.parse_string(bib)
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry.entry_type == "techreport"
    assert entry.key == "oberg2025sociala"
    assert entry["author"] == "Öberg, Åsa and Lind, Karl Johan"
    assert entry["title"] == r"{Sociala investeringar \& 100 \% effekt}"
    assert entry["institution"] == "LSV"
    assert entry["year"] == "2025"
    assert entry["url"] == f"http://testserver{paper.url}"
    assert entry["abstract"] == r"Hur kommuner mäter \{effekter\}."


def test_ris_download(client, paper):
    text = download(client, paper, "ris", "application/x-research-info-systems", "ris")
    lines = text.split("\r\n")
    assert lines[0] == "TY  - RPRT"
    assert lines[-2:] == ["ER  - ", ""]
    fields = [(line[:2], line[6:]) for line in lines[:-1]]
    assert all(line[2:6] == "  - " for line in lines[:-1])
    assert ("AU", "Öberg, Åsa") in fields and ("AU", "Lind, Karl Johan") in fields
    assert ("PY", "2025") in fields and ("DA", "2025/09/03") in fields
    assert ("L1", f"http://testserver{paper.pdf.url}") in fields


def test_unknown_format_is_404(client, paper):
    assert client.get(f"{paper.url}citera/endnote/").status_code == 404


def test_line_breaks_and_braces_cannot_break_the_formats():
    citation = Citation(
        title="Rad ett\nRad två } @misc{x,",
        authors=["Ann\nBerg"],
        published=None,
        publisher="LSV",
        url="https://example.org/r/",
    )
    assert "\n" not in citation.ris().replace("\r\n", "")
    import bibtexparser

    library = bibtexparser.parse_string(citation.bibtex())
    assert not library.failed_blocks and len(library.entries) == 1
    assert library.entries[0]["title"] == r"{Rad ett Rad två \} @misc\{x,}"
    assert bibtex_escape("a}b{c\\") == r"a\}b\{c\textbackslash{}"
    assert "(u.å.)" in citation.text()
