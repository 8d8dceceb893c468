"""Portraits are square on person cards and the person page, cropped around
the focal point (the face), or from the top of a tall photo without one, so a
face is never cut at the forehead."""

import io

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.images.rect import Rect

import lxml.html
import pytest
from PIL import Image

from core import renditions
from tests.factories import PersonPageFactory

pytestmark = pytest.mark.django_db

FACE = (150, 60, 250, 200)  # left, top, right, bottom in a 400×1000 photo
RED = (220, 20, 20)


def tall_portrait(focal_point: bool = True):
    """A 400×1000 photo, grey but for a red face near the top."""
    picture = Image.new("RGB", (400, 1000), (128, 128, 128))
    picture.paste(RED, FACE)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model()(
        title="Porträtt", description="Porträtt", file=ImageFile(buffer, name="portratt.png")
    )
    image._set_image_file_metadata()
    if focal_point:
        image.set_focal_point(Rect(*FACE))
    image.save()
    return image


def red_pixels(rendition) -> int:
    with rendition.file.open("rb") as handle:
        data = Image.open(handle).convert("RGB").tobytes()
    pixels = zip(data[0::3], data[1::3], data[2::3], strict=True)
    return sum(1 for r, g, b in pixels if r > 180 and g < 80 and b < 80)


def face_area(scale: float = 1.0) -> float:
    left, top, right, bottom = FACE
    return (right - left) * (bottom - top) * scale * scale


@pytest.mark.parametrize("name", ["person_card", "person_photo"])
def test_portrait_renditions_are_square_around_the_face(name):
    image = tall_portrait()
    for rendition in image.get_renditions(*renditions.filters(name)).values():
        assert rendition.width == rendition.height
        scale = rendition.width / 400
        # The whole face is in the crop (JPEG edges blur a little).
        assert red_pixels(rendition) > 0.9 * face_area(scale), rendition.filter_spec


def test_the_person_card_shows_the_square_rendition(client, site_tree):
    image = tall_portrait()
    PersonPageFactory(parent=site_tree.people, title="Anna Ek", photo=image)
    html = lxml.html.fromstring(client.get(site_tree.people.url).content)
    src = html.xpath('string(//article[contains(@class, "card")]//img/@src)')
    shown = image.renditions.get(file=src.split("/media/", 1)[-1].split("?")[0])
    assert shown.width == shown.height == 400
    assert red_pixels(shown) > 0.9 * face_area()


@pytest.mark.parametrize("name", ["person_card", "person_photo"])
def test_a_tall_photo_without_a_focal_point_keeps_its_top(name):
    # Where a portrait's face is; the middle would lose it.
    image = tall_portrait(focal_point=False)
    for rendition in image.get_renditions(*renditions.filters(name)).values():
        assert rendition.width == rendition.height
        assert red_pixels(rendition) > 0.9 * face_area(rendition.width / 400)


def test_a_tall_photo_shared_without_a_focal_point_keeps_its_top():
    # The Open Graph image of a person page (1200×630) shows the face too.
    image = tall_portrait(focal_point=False)
    shared = image.get_rendition(renditions.SHARE_SPEC)
    assert (shared.width, shared.height) == (400, 210)  # never enlarged
    assert red_pixels(shared) > 0.9 * face_area()


def test_a_wide_photo_is_shared_around_its_middle():
    picture = Image.new("RGB", (1600, 1200), (128, 128, 128))
    # Low in the middle band that `fill` keeps; a crop from the top drops it.
    picture.paste(RED, (700, 880, 900, 1000))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model()(title="Hamnen", file=ImageFile(buffer, name="hamnen.png"))
    image._set_image_file_metadata()
    image.save()
    shared = image.get_rendition(renditions.SHARE_SPEC)
    assert (shared.width, shared.height) == (1200, 630)
    assert red_pixels(shared) > 0.9 * 150 * 90


def test_a_wide_photo_without_a_focal_point_keeps_its_middle():
    picture = Image.new("RGB", (1000, 400), (128, 128, 128))
    picture.paste(RED, (450, 150, 550, 250))  # the middle
    picture.paste((20, 20, 220), (0, 0, 100, 100))  # a corner the square leaves out
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model()(title="Grupp", file=ImageFile(buffer, name="grupp.png"))
    image._set_image_file_metadata()
    image.save()
    rendition = image.get_rendition(renditions.filters("person_card")[-1])
    assert rendition.width == rendition.height == 400
    assert red_pixels(rendition) > 0.9 * 100 * 100
    with rendition.file.open("rb") as handle:
        assert Image.open(handle).convert("RGB").getpixel((5, 5))[2] < 180  # no blue corner


def test_publishing_a_person_makes_the_square_renditions(
    client, site_tree, django_capture_on_commit_callbacks
):
    from people.models import PersonPage

    image = tall_portrait()
    person = PersonPage(title="Anna Ek", photo=image, photo_decorative=True)
    site_tree.people.add_child(instance=person)
    with django_capture_on_commit_callbacks(execute=True):
        person.save_revision().publish()
    wanted = {
        f.spec
        for name in ("person_card", "person_photo", "share")
        for f in renditions.filters(name)
    }
    assert set(image.renditions.values_list("filter_spec", flat=True)) == wanted
    # Neither the page nor the listing showing its card makes any more.
    assert client.get(person.url).status_code == 200
    assert client.get(site_tree.people.url).status_code == 200
    assert image.renditions.count() == len(wanted)
