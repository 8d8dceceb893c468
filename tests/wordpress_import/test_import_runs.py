"""Runs of the import that start from an empty site: a dry run, bad input, the
media folder missing or given later, the media fetched over HTTP. (What one
import makes is in test_import.py.)"""

from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from tests.wordpress_import.test_import import blocks, page_of
from wordpress_import.models import ImportedItem

pytestmark = pytest.mark.django_db

Image = get_image_model()


def test_dry_run_changes_nothing(run_import):
    before = (Page.objects.count(), Redirect.objects.count(), Image.objects.count())
    output = run_import("--dry-run")
    assert (Page.objects.count(), Redirect.objects.count(), Image.objects.count()) == before
    assert not ImportedItem.objects.exists()
    assert "Provkörning" in output
    assert "skapad" in output


def test_bad_input_gives_a_clear_message_and_changes_nothing(run_import, tmp_path):
    from django.core.management.base import CommandError

    truncated = tmp_path / "avbruten.xml"
    from tests.wordpress_import.conftest import EXPORT

    truncated.write_text(EXPORT.read_text()[:20000])
    pages = Page.objects.count()
    with pytest.raises(CommandError, match="avbruten.xml: inte välformad XML"):
        run_import(export=truncated)
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()

    with pytest.raises(CommandError, match="saknas.xml"):
        run_import(export=tmp_path / "saknas.xml")

    not_wordpress = tmp_path / "annat.xml"
    not_wordpress.write_text("<?xml version='1.0'?><rss><channel><title>x</title></channel></rss>")
    with pytest.raises(CommandError, match="inga WordPress-poster"):
        run_import(export=not_wordpress)


def test_missing_media_folder_is_refused(site_tree, tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from tests.wordpress_import.conftest import EXPORT

    with pytest.raises(CommandError, match="finns inte"):
        call_command("import_wordpress", str(EXPORT), "--media", str(tmp_path / "uploads"))


def test_a_run_with_the_uploads_after_one_without_adds_the_images(site_tree, uploads):
    import io

    from django.core.management import call_command

    from tests.wordpress_import.conftest import EXPORT

    call_command("import_wordpress", str(EXPORT), stdout=io.StringIO(), stderr=io.StringIO())
    article = page_of(100)
    assert article.hero_image is None
    assert "image" not in [kind for kind, _value in blocks(article)]
    pages = Page.objects.count()
    call_command(
        "import_wordpress",
        str(EXPORT),
        "--media",
        str(uploads),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    article = page_of(100)
    assert Page.objects.count() == pages
    assert article.hero_image.title == "Screen Shot 2015-12-21 at 23.36.51"
    assert "image" in [kind for kind, _value in blocks(article)]


def test_media_url_fetches_the_files(site_tree, uploads):
    """--media-url: the uploads fetched over HTTP (a server on loopback here)."""
    import functools
    import io
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    from django.core.management import call_command

    from tests.wordpress_import.conftest import EXPORT

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=uploads))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        out = io.StringIO()
        call_command(
            "import_wordpress",
            str(EXPORT),
            "--media-url",
            f"http://127.0.0.1:{server.server_port}/",
            stdout=out,
            stderr=io.StringIO(),
        )
    finally:
        server.shutdown()
        server.server_close()
    assert page_of(102).pdf.title == "Sociala investeringar i praktiken (PDF)"
    assert page_of(100).hero_image.title == "Screen Shot 2015-12-21 at 23.36.51"
    assert "kunde inte hämta" in out.getvalue()  # saknas.png: 404
