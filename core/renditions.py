"""Images and their renditions, in one place.

The image sizes templates show are named here once: templates render them with
`{% picture_for image "card" … %}` (core/templatetags/lsv_images.py) and
publishing generates them (`generate_for_page`), so the two cannot drift apart and
visitors never wait for an image to be resized. `load_images` fetches images with
the renditions a view needs in as few queries as possible.
"""

from collections.abc import Mapping

from wagtail.images import get_image_model
from wagtail.images.image_operations import FillOperation
from wagtail.images.models import Filter, Picture
from wagtail.images.rect import Rect
from wagtail.images.shortcuts import get_renditions_or_not_found

from fastpath import fragments

# The sharing image: Open Graph and Twitter cards, feed enclosures, JSON-LD.
# `portrait` (below), so a person's photo shared without a focal point keeps the face.
SHARE_SPEC = "portrait-1200x630|format-jpeg"

# Name -> Wagtail filter specs, braces expanded as in `{% picture %}`.
PICTURES: dict[str, str] = {
    "share": SHARE_SPEC,
    "card": "format-{avif,webp,jpeg}|fill-{400x225,800x450}",
    "article_hero": "format-{avif,webp,jpeg}|fill-{480x270,800x450,1200x675}",
    "whitepaper_cover": "format-{avif,webp,jpeg}|fill-{300x424,600x848}",
    # Square portraits (`portrait`, below): cropped around the focal point (the
    # face), or from the top of a tall photo without one.
    "person_card": "format-{avif,webp,jpeg}|portrait-{400x400,800x800}",
    "person_photo": "format-{avif,webp,jpeg}|portrait-{240x240,480x480}",
    "figure": "format-{avif,webp,jpeg}|width-{480,800,1200}",
}


class PortraitOperation(FillOperation):
    """`fill` that keeps people's faces, registered as `portrait` (wagtail_hooks.py).

    With a focal point it is `fill`, and so for a photo wider than tall (a
    landscape, a group), whose middle is what matters. A photo taller than wide
    without a focal point is a portrait: `fill` keeps its middle, which cuts
    the face at the forehead or drops it; the face is near the top, so this
    keeps the top instead.
    """

    def run(self, transform, image):
        width, height = transform.size
        crop_is_taller = width * self.height >= height * self.width
        if image.get_focal_point() is not None or height <= width or crop_is_taller:
            return super().run(transform, image)
        transform = transform.crop(Rect(0, 0, width, round(width * self.height / self.width)))
        if width > self.width:  # never enlarged, as with `fill`
            transform = transform.resize((self.width, self.height))
        return transform


def filters(name: str) -> list[Filter]:
    return [Filter(spec=spec) for spec in Filter.expand_spec(PICTURES[name].split("|"))]


def _renditions_key(image, name: str) -> tuple:
    # An edited image bumps the content version; its file name is in the key all the same.
    return ("renditions", image.pk, image.file.name, name)


def picture_renditions(request, image, name: str) -> dict:
    """The renditions of picture `name` of `image`, kept per content version
    (fastpath.fragments): from those prefetched, or one query."""
    return fragments.remember(
        request,
        _renditions_key(image, name),
        lambda: get_renditions_or_not_found(image, filters(name)),
        size=2000,
    )


# Pictures that fill their column up to their natural size: their `<img>` says
# the largest rendition's size, so with `max-width: 100%; height: auto` (site.css)
# it is as wide as the column, or as the image itself if that is narrower. (Wagtail
# gives the smallest's, so a 480 px hero sat in a 690 px column while the browser
# downloaded the 800 px file for it.)
FILL_COLUMN = frozenset({"article_hero", "figure"})


def picture(image, name: str, attrs: dict, request=None) -> str:
    found = picture_renditions(request, image, name)
    if name in FILL_COLUMN and found:
        largest = max(found.values(), key=lambda rendition: rendition.width)
        attrs = {**attrs, "width": largest.width, "height": largest.height}
    return Picture(found, attrs).__html__()


def unprepared(request, pictures) -> list:
    """The images among (image, picture name) pairs whose renditions are not
    kept yet, to be prefetched in one query."""
    return [
        image
        for image, name in pictures
        if image is not None and fragments.recall(request, _renditions_key(image, name)) is None
    ]


def images_of(page) -> list[tuple[object, str]]:
    """(image, picture name) for every image `page`'s own template and its card show."""
    page = page.specific
    wanted = []
    card_image = getattr(page, "card_image", None)
    if card_image is not None:
        wanted.append((card_image, getattr(page, "card_picture", "card")))
        wanted.append((card_image, "share"))
        own = getattr(page, "hero_picture", "")
        hero = getattr(page, "hero_image_shown", None)
        if own and hero is not None:
            wanted.append((hero, own))
    if hasattr(page, "body_images"):
        wanted.extend((image, "figure") for image in page.body_images())
    return wanted


def generate_for_page(page) -> int:
    """Create the missing renditions for `page`; returns how many images it covered."""
    covered = 0
    for image, name in images_of(page):
        image.get_renditions(*filters(name))
        covered += 1
    return covered


def _after_commit(function, *args) -> None:
    from django.db import transaction

    transaction.on_commit(lambda: function(*args))


def _page_published(sender, instance, **kwargs) -> None:
    # After the commit, so a slow resize never holds the publish transaction open.
    _after_commit(generate_for_page, instance)


def _image_saved(sender, instance, created=False, **kwargs) -> None:
    """A new file or focal point means new renditions for every page showing it."""
    if created:
        return
    _after_commit(generate_for_image_users, instance)


def generate_for_image_users(image) -> None:
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page, ReferenceIndex

    page_ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    for page in Page.objects.filter(id__in=[int(i) for i in page_ids], live=True).specific():
        generate_for_page(page)


def connect_signals() -> None:
    from django.db.models.signals import post_save

    from wagtail.images import get_image_model
    from wagtail.signals import page_published

    page_published.connect(_page_published, dispatch_uid="lsv-renditions-published")
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="lsv-renditions-image")


# Images inside feed bodies: wide enough for any reader, small enough to fetch.
FEED_BODY_SPEC = "width-800|format-jpeg"


def load_images(wanted: Mapping[int, set[str]]) -> dict:
    """Images by id, each with the renditions it is `wanted` for prefetched.

    Once the renditions exist (after the first request) this is a single query:
    the renditions with their images joined. Only images still missing a
    rendition are fetched again so that `get_rendition` can create it.
    """
    wanted = {i: specs for i, specs in wanted.items() if i}
    specs = sorted(set().union(*wanted.values())) if wanted else []
    image_ids = set(wanted)
    if not image_ids:
        return {}
    model = get_image_model()
    rendition_model = model.get_rendition_model()
    images: dict = {}
    found: dict = {}
    renditions = rendition_model.objects.filter(
        image_id__in=image_ids, filter_spec__in=specs
    ).select_related("image")
    for rendition in renditions:
        image = images.setdefault(rendition.image_id, rendition.image)
        image.prefetched_renditions = found.setdefault(image.id, [])
        found[image.id].append(rendition)
    complete = {i for i, got in found.items() if {r.filter_spec for r in got} >= wanted[i]}
    missing = image_ids - complete
    if missing:
        for image in model.objects.filter(id__in=missing).prefetch_renditions(*specs):
            images[image.id] = image
    return images
