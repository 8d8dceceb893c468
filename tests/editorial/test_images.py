"""Alt text wherever a page uses an image, focal points in crops, upload limits."""

import io

from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image as PILImage

from tests.editorial.admin_forms import edit_page
from tests.factories import NewsArticlePageFactory, PersonPageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

MISSING = "Bilden saknar beskrivning (alt-text)"


def png(width: int, height: int, split: bool = False) -> bytes:
    """A PNG, red on the left and blue on the right half when `split`."""
    picture = PILImage.new("RGB", (width, height), "red")
    if split:
        picture.paste("blue", (width // 2, 0, width, height))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def make_image(description: str = "", **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    image = get_image_model()(
        title="Bild",
        description=description,
        collection=Collection.get_first_root_node(),
        file=SimpleUploadedFile("bild.png", png(kwargs.pop("width", 40), 30, **kwargs)),
    )
    image.save()
    return image


@pytest.fixture
def admin_client_sv(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.org", "x" * 12)
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    "factory, parent, field",
    [
        (NewsArticlePageFactory, "news", "hero_image"),
        (WhitePaperPageFactory, "papers", "cover_image"),
        (PersonPageFactory, "people", "photo"),
    ],
)
def test_image_without_alt_text_is_refused_unless_decorative(
    admin_client_sv, site_tree, factory, parent, field
):
    page = factory(parent=getattr(site_tree, parent))
    image = make_image(description="")

    response = edit_page(admin_client_sv, page, **{field: str(image.id)})
    assert response.status_code == 200
    assert MISSING in response.content.decode()
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().__dict__.get(f"{field}_id") is None

    response = edit_page(
        admin_client_sv, page, **{field: str(image.id), f"{field}_decorative": "on"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert getattr(page.get_latest_revision_as_object(), f"{field}_id") == image.id


def test_image_with_a_description_needs_no_checkbox_and_gives_the_alt(admin_client_sv, site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    image = make_image(description="Två personer vid ett köksbord")
    assert edit_page(admin_client_sv, article, hero_image=str(image.id)).status_code == 302

    article.refresh_from_db()
    article = article.get_latest_revision_as_object()
    article.save_revision().publish()
    html = admin_client_sv.get(article.url).content.decode()
    assert 'alt="Två personer vid ett köksbord"' in html


def test_decorative_image_gets_an_empty_alt(site_tree, client):
    image = make_image(description="Finns men ska inte läsas upp")
    article = NewsArticlePageFactory(
        parent=site_tree.news, hero_image=image, hero_image_decorative=True
    )
    html = client.get(article.url).content.decode()
    assert 'alt=""' in html.split('class="article__hero"')[1].split("</figure>")[0]
    assert "Finns men ska inte läsas upp" not in html


def test_crops_keep_the_focal_point(db):
    # Red left half, blue right half; the focal point is on the blue side.
    image = make_image(width=400, split=True)
    image.focal_point_x, image.focal_point_y = 350, 15
    image.focal_point_width, image.focal_point_height = 20, 20
    image.save()
    rendition = image.get_rendition("fill-30x30")
    with rendition.file.open() as f:
        crop = PILImage.open(f).convert("RGB")
    assert crop.getpixel((15, 15)) == (0, 0, 255)

    image.focal_point_x = 50
    image.save()
    with image.get_rendition("fill-30x30").file.open() as f:
        assert PILImage.open(f).convert("RGB").getpixel((15, 15)) == (255, 0, 0)


def upload(client, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    url = reverse("wagtailimages:add")
    return client.post(
        url,
        {
            "title": "Stor bild",
            "description": "En stor bild",
            "collection": str(Collection.get_first_root_node().id),
            "file": SimpleUploadedFile("stor.png", content, content_type="image/png"),
        },
    )


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_too_large_file_is_refused_with_a_clear_message(admin_client_sv):
    content = png(400, 400, split=True) + b"\0" * 2000
    response = upload(admin_client_sv, content)
    assert response.status_code == 200
    assert "Filen är för stor" in response.content.decode()
    assert not get_image_model().objects.exists()


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=10_000)
def test_too_many_pixels_is_refused_with_a_clear_message(admin_client_sv):
    response = upload(admin_client_sv, png(200, 100))
    assert response.status_code == 200
    assert "Filen har för hög upplösning" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_image_within_the_limits_is_accepted(admin_client_sv):
    response = upload(admin_client_sv, png(200, 100))
    assert response.status_code == 302
    assert get_image_model().objects.get().description == "En stor bild"
