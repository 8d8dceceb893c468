"""Two app instances share nothing but PostgreSQL, Redis and object storage.

Instances A and B run as production does (gunicorn, production settings, the
page cache and its WSGI front on) with their own empty MEDIA_ROOT, against one
new PostgreSQL database, one Redis key prefix and moto's S3 server on loopback.
An editor works in A's admin over real HTTP; visitors ask B. What A uploads, B
serves from the bucket; what A publishes, B shows on the next request, though B
had the page cached; an editor's login on A is valid on B.

Needs PostgreSQL (DATABASE_URL=postgres://…), Redis (REDIS_URL, default
redis://127.0.0.1:6379/0) and moto[server]; skipped with the reason otherwise.
Run alone: `make test-scale-out`.
"""

import io
import os
import re
from datetime import date
from pathlib import Path

from django.http import QueryDict

from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

import pytest
import requests
from lxml import html as lxml_html
from PIL import Image

from tests.scale_out.stack import BUCKET, Stack, log_in, with_database

pytestmark = pytest.mark.scale_out

PASSWORD = "scale-out-Password-1"
PDF_WORD = "Molnlagringsprovet"


def _unavailable(reason: str):
    # CI has all three services, so there a missing one is a failure.
    if os.environ.get("REQUIRE_SCALE_OUT") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def _postgres_server_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        _unavailable("needs PostgreSQL shared by both instances: set DATABASE_URL=postgres://…")
    import psycopg

    # The server's maintenance database: the test creates a database of its own.
    url = with_database(url, "postgres")
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.Error as error:
        _unavailable(f"PostgreSQL at DATABASE_URL does not answer: {error}")
    return url


def _redis_url() -> str:
    import redis

    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=5).ping()
    except redis.RedisError as error:
        _unavailable(f"Redis at {url} does not answer: {error}")
    return url


@pytest.fixture(scope="module")
def stack(request, tmp_path_factory):
    try:
        import moto.server  # noqa: F401
    except ImportError:
        _unavailable("needs moto[server] (the S3 emulator): pip install -e '.[dev]'")
    stack = Stack(
        work=tmp_path_factory.mktemp("scale-out"),
        server_url=_postgres_server_url(),
        redis_url=_redis_url(),
    )
    request.addfinalizer(stack.close)
    stack.start(instances=2)
    env = stack.environment(stack.work / "media-setup")
    env["DJANGO_SUPERUSER_PASSWORD"] = PASSWORD
    stack.manage(env, "createsuperuser", "--noinput", "--username=admin", "--email=a@b.se")
    # Superusers need a second factor: the admin's authenticator, enrolled.
    stack.totp_key = stack.manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        "user = get_user_model().objects.get(username='admin'); "
        "print(TOTPDevice.objects.create(user=user, name='Telefon', confirmed=True).key)",
    ).split()[-1]
    return stack


@pytest.fixture(scope="module")
def a(stack):
    return stack.instances[0]


@pytest.fixture(scope="module")
def b(stack):
    return stack.instances[1]


@pytest.fixture(scope="module")
def editor(stack, a):
    """An editor logged into A's admin."""
    return log_in(a.url, "admin", PASSWORD, totp_key=bytes.fromhex(stack.totp_key))


def query(stack, sql: str, *params):
    import psycopg

    with psycopg.connect(stack.database_url) as conn:
        return conn.execute(sql, params).fetchall()


def visitor() -> requests.Session:
    """No cookies: the page cache answers anonymous visitors only."""
    return requests.Session()


# The admin, driven over HTTP ------------------------------------------------


def form_data(session, url: str, form_id: str | None = None) -> QueryDict:
    page = session.get(url, timeout=60)
    assert page.status_code == 200, url
    if form_id:
        return querydict_from_html(page.text, form_id=form_id, exclude_csrf=False)
    return querydict_from_html(
        page.text, form_index=_upload_form_index(page.text), exclude_csrf=False
    )


def _upload_form_index(page: str) -> int:
    forms = re.findall(r"<form\b[^>]*>", page, flags=re.S)
    return next(i for i, tag in enumerate(forms) if "multipart/form-data" in tag)


def submit(session, url: str, data: QueryDict, files=None) -> requests.Response:
    response = session.post(
        url, data=list(data.lists()), files=files, timeout=120, allow_redirects=False
    )
    assert response.status_code == 302, _errors(response)
    return response


def _errors(response) -> str:
    found = re.findall(r'class="[^"]*error-message[^"]*"[^>]*>(.*?)<', response.text, flags=re.S)
    return f"{response.status_code} {response.request.url}: {found or response.text[-2000:]}"


def upload_image(session, instance, title: str) -> None:
    url = f"{instance.url}/admin/images/add/"
    data = form_data(session, url)
    data["title"] = title
    data["description"] = "Kajen i hamnen i gryningsljus"  # the alt text pages require
    image = io.BytesIO()
    Image.new("RGB", (1600, 900), (30, 110, 160)).save(image, "JPEG", quality=85)
    submit(session, url, data, files={"file": ("hamnen.jpg", image.getvalue(), "image/jpeg")})


def upload_document(session, instance, title: str, content: bytes) -> None:
    url = f"{instance.url}/admin/documents/add/"
    data = form_data(session, url)
    data["title"] = title
    submit(session, url, data, files={"file": ("rapport.pdf", content, "application/pdf")})


def add_page(session, instance, app: str, model: str, parent_id: int, **fields) -> None:
    url = f"{instance.url}/admin/pages/add/{app}/{model}/{parent_id}/"
    _publish(session, url, fields)


def edit_page(session, instance, page_id: int, **fields) -> None:
    _publish(session, f"{instance.url}/admin/pages/{page_id}/edit/", fields)


def _publish(session, url: str, fields: dict) -> None:
    data = form_data(session, url, form_id="page-edit-form")
    if "body-count" not in data:
        # StreamFields are drawn by JavaScript: the HTML holds no inputs for them.
        data.update(nested_form_data({"body": streamfield([])}))
    for name, value in fields.items():
        data[name] = str(value)
    data["action-publish"] = "action-publish"
    submit(session, url, data)


def page_id(stack, slug: str) -> int:
    return query(stack, "SELECT id FROM wagtailcore_page WHERE slug = %s", slug)[0][0]


def home_id(stack) -> int:
    return query(stack, "SELECT root_page_id FROM wagtailcore_site WHERE is_default_site")[0][0]


def media_urls(page_html: str) -> list[str]:
    """Every image URL a page shows or offers for sharing."""
    tree = lxml_html.fromstring(page_html)
    urls = set(tree.xpath("//img/@src"))
    for srcset in tree.xpath("//img/@srcset | //source/@srcset"):
        urls.update(part.split()[0] for part in srcset.split(",") if part.strip())
    urls.update(tree.xpath('//meta[@property="og:image"]/@content'))
    return sorted(urls)


def pdf_with(text: str) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=text)
    return bytes(pdf.output())


# The proof ----------------------------------------------------------------


@pytest.fixture(scope="module")
def article(stack, a, editor):
    """Through A's admin: an image upload, a news section and an article
    with that image, published."""
    upload_image(editor, a, "Hamnen i gryning")
    image_id, original = query(stack, "SELECT id, file FROM core_siteimage")[0]
    add_page(editor, a, "news", "newsindexpage", home_id(stack), title="Nyheter", slug="nyheter")
    add_page(
        editor,
        a,
        "news",
        "newsarticlepage",
        page_id(stack, "nyheter"),
        title="Hamnen byggs om",
        slug="hamnen-byggs-om",
        lead="Den gamla hamnen får nya kajer.",
        publication_date=date.today().isoformat(),
        hero_image=image_id,
    )
    return {"id": page_id(stack, "hamnen-byggs-om"), "original": original}


def test_an_image_uploaded_on_a_is_served_from_the_bucket_on_b(stack, a, b, article):
    page = visitor().get(f"{b.url}/nyheter/hamnen-byggs-om/", timeout=60)
    assert page.status_code == 200
    urls = media_urls(page.text)
    # The hero in three formats and three widths, and the sharing image.
    assert len(urls) >= 10
    bucket_images = f"{stack.s3_url}/{BUCKET}/images/"
    assert all(url.startswith(bucket_images) for url in urls), urls
    formats = set()
    for url in urls:
        response = visitor().get(url, timeout=30)
        assert response.status_code == 200, url
        assert response.headers["Content-Type"].startswith("image/")
        formats.add(Image.open(io.BytesIO(response.content)).format)
    assert formats == {"AVIF", "WEBP", "JPEG"}
    # Browsers may load them: the policy names the bucket's origin.
    csp = page.headers["Content-Security-Policy"]
    img_src = next(d for d in csp.split(";") if d.strip().startswith("img-src"))
    assert stack.s3_url in img_src.split()

    keys = {o["Key"] for o in stack.s3().list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert article["original"] in keys
    assert {url.removeprefix(f"{stack.s3_url}/{BUCKET}/") for url in urls} <= keys
    # Only renditions are public; the original is the app's alone.
    assert visitor().get(f"{stack.s3_url}/{BUCKET}/{article['original']}").status_code == 403
    # Nothing reached either instance's own disk.
    assert not any(a.media_root.iterdir()) and not any(b.media_root.iterdir())


def test_a_publish_on_a_is_fresh_on_b_at_once(stack, a, b, editor, article):
    article_url = f"{b.url}/nyheter/hamnen-byggs-om/"
    listing_url = f"{b.url}/nyheter/"
    for url in (article_url, listing_url):
        visitor().get(url, timeout=60)
        cached = visitor().get(url, timeout=60)
        assert cached.headers["X-Page-Cache"] == "hit", url
        assert "Hamnen byggs om" in cached.text

    edit_page(editor, a, article["id"], title="Hamnen öppnar igen", slug="hamnen-byggs-om")

    for url in (article_url, listing_url):
        fresh = visitor().get(url, timeout=60)
        assert fresh.status_code == 200
        assert "Hamnen öppnar igen" in fresh.text, url
        assert "Hamnen byggs om" not in fresh.text, url


def test_documents_are_served_by_the_app_on_b_never_from_the_bucket(stack, a, b, editor):
    content = pdf_with(f"Rapporten om {PDF_WORD} och hamnen.")
    upload_document(editor, a, "Rapport om hamnen", content)
    document_id, name, text_status = query(
        stack, "SELECT id, file, text_status FROM core_sitedocument"
    )[0]
    # A extracted the text for search.
    assert text_status == "ok"
    url = f"{b.url}/documents/{document_id}/{Path(name).name}"

    # Used on no public page yet: anonymous visitors get nothing, the editor
    # logged in on A gets it from B (sessions live in the shared database).
    assert visitor().get(url, timeout=60).status_code == 404
    as_editor = editor.get(url, timeout=60)
    assert as_editor.status_code == 200 and as_editor.content == content

    add_page(
        editor,
        a,
        "whitepapers",
        "whitepaperindexpage",
        home_id(stack),
        title="Rapporter",
        slug="rapporter",
    )
    add_page(
        editor,
        a,
        "whitepapers",
        "whitepaperpage",
        page_id(stack, "rapporter"),
        title="Hamnrapporten",
        slug="hamnrapporten",
        summary="Vad hamnen betyder för staden.",
        publication_date=date.today().isoformat(),
        pdf=document_id,
    )
    served = visitor().get(url, timeout=60)
    assert served.status_code == 200 and served.content == content
    assert served.headers["Content-Type"] == "application/pdf"
    # The bucket itself refuses it, though AWS_DEFAULT_ACL is public-read.
    assert visitor().get(f"{stack.s3_url}/{BUCKET}/{name}", timeout=30).status_code == 403
    # B's search finds the report by a word only its PDF contains.
    results = visitor().get(f"{b.url}/sok/", params={"q": PDF_WORD}, timeout=60)
    assert "Hamnrapporten" in results.text
