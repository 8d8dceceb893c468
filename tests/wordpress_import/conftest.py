"""The export in export.xml and a wp-content/uploads folder for it, with
small images and a PDF made here."""

import io
from pathlib import Path

from django.core.management import call_command

from wagtail.embeds import embeds
from wagtail.models import Site

import pytest
from fpdf import FPDF
from PIL import Image as PillowImage

from tests.conftest import make_site_tree, shared_data

EXPORT = Path(__file__).parent / "export.xml"
# A phrase only inside the white paper's PDF: search must find it.
PDF_PHRASE = "Kvartersmodellen halverade kostnaderna"


def report_pdf(title: str, text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=14)
    pdf.cell(text=title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, text=text)
    return bytes(pdf.output())


def picture(color: str, size=(120, 80), fmt="PNG") -> bytes:
    out = io.BytesIO()
    PillowImage.new("RGB", size, color).save(out, fmt)
    return out.getvalue()


def write_uploads(root: Path) -> Path:
    """The export's media folder, with one file missing on purpose."""
    files = {
        "2015/12/Screen-Shot-2015-12-21-at-23.36.51.png": picture("#2a6f97"),
        "2016/01/henrik.jpg": picture("#c9a227", (90, 90), "JPEG"),
        "2016/02/sociala-investeringar.pdf": report_pdf(
            "Sociala investeringar i praktiken",
            f"Fem kommuner under tre år. {PDF_PHRASE} i Umeå.",
        ),
        "2016/03/workshop.png": picture("#7a9e7e"),
        # The same bytes as the screenshot: imported once.
        "2016/04/diagram-kopia.png": picture("#2a6f97"),
        # 2016/03/saknas.png is missing on purpose.
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


@pytest.fixture
def uploads(tmp_path) -> Path:
    return write_uploads(tmp_path / "uploads")


def importer(uploads: Path):
    def run(*args, export: Path = EXPORT) -> str:
        out, err = io.StringIO(), io.StringIO()
        call_command(
            "import_wordpress", str(export), "--media", str(uploads), *args, stdout=out, stderr=err
        )
        return out.getvalue() + err.getvalue()

    return run


@pytest.fixture
def run_import(site_tree, uploads):
    """Runs the command on the export; returns its output."""
    return importer(uploads)


def no_embeds(*args, **kwargs):
    from wagtail.embeds.exceptions import EmbedNotFoundException

    raise EmbedNotFoundException


@pytest.fixture(autouse=True)
def offline_embeds(monkeypatch):
    """Imported posts embed YouTube and Vimeo: no test asks them over the network."""
    monkeypatch.setattr(embeds, "get_embed", no_embeds)


@pytest.fixture(scope="module")
def imported_once(django_db_setup, django_db_blocker, tmp_path_factory):
    """The export imported once for a module's tests: (the site tree, the
    media folder, the command's output)."""

    def make():
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(embeds, "get_embed", no_embeds)
            tree = make_site_tree(Site.objects.get(is_default_site=True).root_page.specific)
            uploads = write_uploads(tmp_path_factory.mktemp("wordpress") / "uploads")
            return tree, uploads, importer(uploads)()

    yield from shared_data(django_db_blocker, make)


@pytest.fixture
def imported(imported_once, db):
    """The import's output (the pages are in the database)."""
    return imported_once[2]
