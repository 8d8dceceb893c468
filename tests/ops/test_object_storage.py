"""Uploads in S3-compatible object storage (ops.storage), in one process
against moto's in-memory S3. tests/scale_out proves the same across two
instances over HTTP; this covers the pieces one by one, on any database."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

import pytest
from PIL import Image

from core.renditions import generate_for_page
from ops.media_origin import media_origin
from ops.storage import MediaStorage
from search.document_text import refresh_document_text
from tests.factories import ImageFactory, NewsArticlePageFactory, WhitePaperPageFactory
from tests.search.test_document_text import make_pdf

moto = pytest.importorskip("moto", reason="needs moto (the S3 emulator)")

BASE_DIR = Path(__file__).resolve().parent.parent.parent
BUCKET = "lsv-test-media"
CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}


def storage(**options) -> MediaStorage:
    return MediaStorage(bucket_name=BUCKET, querystring_auth=False, **CREDENTIALS, **options)


# Which objects may be public ------------------------------------------------


@pytest.mark.parametrize(
    "name, acl",
    [
        ("images/hamnen.fill-800x450.webp", "public-read"),
        ("documents/rapport.pdf", "private"),
        ("original_images/hamnen.jpg", "private"),
    ],
)
def test_documents_and_originals_stay_private_whatever_the_default_acl(name, acl):
    assert storage(default_acl="public-read")._get_write_parameters(name)["ACL"] == acl
    located = storage(default_acl="public-read", location="lsv")
    assert located._get_write_parameters(located._normalize_name(name))["ACL"] == acl


def test_no_acl_is_sent_to_buckets_without_acls():
    # S3 refuses ACLs on buckets with object ownership enforced (its default).
    assert "ACL" not in storage()._get_write_parameters("documents/rapport.pdf")


# Media URLs ---------------------------------------------------------------

CONFIGURATIONS = [
    {"endpoint_url": "http://127.0.0.1:9000"},
    {"endpoint_url": "https://fra1.digitaloceanspaces.com", "location": "lsv"},
    {"endpoint_url": "https://minio.example.org", "addressing_style": "path"},
    {"endpoint_url": "https://minio.example.org", "addressing_style": "virtual"},
    {"region_name": "eu-north-1"},
    {"region_name": "eu-north-1", "addressing_style": "path"},
    {"region_name": "eu-north-1", "addressing_style": "virtual"},
    {"custom_domain": "media.example.org"},
]
NAMES = [
    "images/hamnen.fill-800x450.webp",
    "images/Välfärd i förändring (2026)+ny~!*'.2e16d0ba.fill-400x225.avif",
    "documents/rapport med mellanslag.pdf",
]


@pytest.mark.parametrize("options", CONFIGURATIONS)
def test_fast_public_urls_are_the_ones_botocore_builds(options):
    fast = storage(**options)
    for name in NAMES:
        assert fast.url(name) == super(MediaStorage, fast).url(name)


@pytest.mark.parametrize("options", CONFIGURATIONS)
def test_the_csp_origin_is_the_one_media_urls_use(options):
    url = storage(**options).url(NAMES[0])
    origin = media_origin(
        BUCKET,
        custom_domain=options.get("custom_domain", ""),
        endpoint_url=options.get("endpoint_url", ""),
        addressing_style=options.get("addressing_style", ""),
        region=options.get("region_name", ""),
    )
    parts = urlsplit(url)
    assert origin == f"{parts.scheme}://{parts.netloc}"


def test_signed_urls_still_go_through_botocore():
    signed = MediaStorage(bucket_name=BUCKET, querystring_auth=True, **CREDENTIALS)
    assert "Signature=" in signed.url(NAMES[0]) or "X-Amz-Signature=" in signed.url(NAMES[0])


def test_production_settings_use_the_bucket_when_it_is_named():
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))},
        "DJANGO_SETTINGS_MODULE": "lsv_site.settings.production",
        "SECRET_KEY": "only-for-this-test",
        "AWS_STORAGE_BUCKET_NAME": "lsv-media",
        "AWS_S3_ENDPOINT_URL": "https://objects.example.net",
    }
    script = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps([s.STORAGES['default'], s.AWS_QUERYSTRING_AUTH, s.AWS_S3_FILE_OVERWRITE,"
        " s.WAGTAILDOCS_SERVE_METHOD, s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
        " s.LSV_ADMIN_CONTENT_SECURITY_POLICY['img-src']]))"
    )
    output = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True
    )
    assert output.returncode == 0, output.stderr
    default, signed, overwrite, serve_method, public_img, admin_img = json.loads(output.stdout)
    assert default == {"BACKEND": "ops.storage.MediaStorage"}
    assert (signed, overwrite, serve_method) == (False, False, "serve_view")
    assert "https://objects.example.net" in public_img
    assert "https://objects.example.net" in admin_img


# Uploads, renditions, documents and their text in the bucket ----------------


@pytest.fixture
def bucket(settings):
    with moto.mock_aws():
        import boto3

        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket=BUCKET)
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "ops.storage.MediaStorage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "querystring_auth": False,
                    "file_overwrite": False,
                    "region_name": "us-east-1",
                    **CREDENTIALS,
                },
            },
        }
        yield s3


def keys(s3) -> set[str]:
    return {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


@pytest.mark.django_db
def test_renditions_are_made_from_the_original_in_the_bucket(bucket, site_tree):
    image = ImageFactory(file__width=1200, file__height=800)
    assert image.file.name in keys(bucket)
    assert not image.is_stored_locally()
    article = NewsArticlePageFactory(parent=site_tree.news, hero_image=image)

    # As after a publish, in a process that never saw the upload.
    generate_for_page(type(article).objects.get(pk=article.pk))

    renditions = list(image.renditions.all())
    assert renditions
    for rendition in renditions:
        assert rendition.url.startswith(f"https://{BUCKET}.s3.amazonaws.com/images/")
        body = bucket.get_object(Bucket=BUCKET, Key=rendition.file.name)["Body"].read()
        assert Image.open(io.BytesIO(body)).size == (rendition.width, rendition.height)


@pytest.mark.django_db
def test_documents_stream_from_the_bucket_through_the_app(bucket, client, site_tree):
    content = make_pdf("Kajerna i hamnen byggs om under våren.")
    document = get_document_model()(title="Hamnrapporten")
    document.file.save("hamnrapport.pdf", ContentFile(content), save=False)
    document.save()
    assert document.file.name in keys(bucket)
    WhitePaperPageFactory(parent=site_tree.papers, pdf=document)

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Length"] == str(len(content))


@pytest.mark.django_db
def test_pdf_text_is_read_from_the_bucket(bucket):
    Document = get_document_model()
    document = Document(title="Rapport")
    document.file.save("rapport.pdf", ContentFile(make_pdf("Ingen text")), save=False)
    document.save()
    # New file content under the same key, read by an instance that has only
    # the name: the text must come from the bucket.
    bucket.put_object(
        Bucket=BUCKET, Key=document.file.name, Body=make_pdf("Fyrarna längs kusten släcks.")
    )
    fresh = Document.objects.get(pk=document.pk)
    assert refresh_document_text(fresh)
    assert "Fyrarna längs kusten släcks." in Document.objects.get(pk=document.pk).extracted_text
