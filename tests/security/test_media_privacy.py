"""Uploaded media are public only as renditions, and those cannot be guessed.

The app's own media serving (DEBUG or LSV_SERVE_MEDIA) serves renditions
(`images/`) only: documents go through Wagtail's view and its privacy check,
originals are never public, and junk paths are a 404, never a 500. Every
original gets a random token at the start of its stored name, which Wagtail
carries into the name of every rendition made from it. That no page, feed or
sitemap of the demo site links to an original is checked where the demo is
built once (tests/home/test_demo_content.py).
"""

import re
from pathlib import PurePosixPath

from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from core.renditions import PICTURES, filters
from tests.factories import DocumentFactory, ImageFactory, NewsArticlePageFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"
TOKEN = re.compile(r"^[a-z2-7]{16}_")


@pytest.fixture
def serve_media(settings):
    settings.LSV_SERVE_MEDIA = True


@pytest.fixture
def private_article(site_tree):
    image = ImageFactory(title="Hamnen", file__filename="hamnen.jpg")
    document = DocumentFactory(title="Hemlig", file__filename="hemlig.pdf", file__data=PDF)
    page = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Lösenordsskyddad nyhet",
        hero_image=image,
        body=f'[{{"type": "document", "value": {{"document": {document.pk}, "label": ""}}}}]',
    )
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="hemligt-ord"
    )
    return page, image, document


def test_documents_and_originals_are_not_served_from_media(serve_media, private_article):
    _page, image, document = private_article
    visitor = Client()
    assert visitor.get(f"/media/{document.file.name}").status_code == 404
    assert visitor.get(f"/media/{image.file.name}").status_code == 404
    # The document's own URL applies the privacy check.
    assert visitor.get(document.url).status_code == 404


def test_renditions_are_served_with_far_future_caching(serve_media, private_article):
    _page, image, _document = private_article
    rendition = image.get_rendition("width-100|format-jpeg")
    response = Client().get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:2] == b"\xff\xd8"
    assert "max-age=31536000" in response["Cache-Control"]


def test_no_media_without_debug_or_serve_media(settings, private_article):
    settings.LSV_SERVE_MEDIA = False
    rendition = private_article[1].get_rendition("width-100|format-jpeg")
    assert Client().get(rendition.url).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/media/images/" + "a" * 300 + ".jpg",
        "/media/" + "a" * 300,
        "/media/images/%00.jpg",
        "/media/images/a%00b.jpg",
        "/media/images/../documents/hemlig.pdf",
        "/media/images/..%2fdocuments%2fhemlig.pdf",
        "/media/images/%2e%2e/original_images/x.jpg",
        "/media/images/",
        "/media/images/.",
        "/media/images/..",
        "/media/../lsv_site/settings/base.py",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/images/%ff%fe.jpg",
        "/media/images/a%0ab.jpg",
        "/media/",
    ],
)
def test_junk_media_paths_are_404(serve_media, private_article, path):
    assert Client().get(path).status_code == 404


def test_the_same_upload_twice_gets_different_unguessable_names(serve_media, db):
    first = ImageFactory(file__filename="hamnen.jpg")
    second = ImageFactory(file__filename="hamnen.jpg")
    names = [PurePosixPath(image.file.name) for image in (first, second)]
    for name in names:
        assert name.parent == PurePosixPath("original_images")
        assert TOKEN.match(name.name), name
        assert name.name.endswith("_hamnen.jpg")
    assert names[0].name[:16] != names[1].name[:16]

    # Every rendition the site makes starts with its original's token, so
    # neither the uploaded name nor the spec leads to it.
    specs = [f.spec for name in PICTURES for f in filters(name)]
    assert specs
    for image, name in zip((first, second), names, strict=True):
        for spec in specs:
            rendition = image.get_rendition(spec)
            basename = PurePosixPath(rendition.file.name).name
            assert basename.startswith(name.name[:17]), (spec, basename)
            assert Client().get(rendition.url).status_code == 200
    assert first.get_rendition("width-100").url != second.get_rendition("width-100").url


def test_long_upload_names_still_fit(db):
    image = ImageFactory(file__filename="ö" * 40 + "x" * 200 + ".jpg")
    assert len(image.file.name) < 100
    assert TOKEN.match(PurePosixPath(image.file.name).name)
