"""Images with the renditions a view needs, in as few queries as possible."""

from collections.abc import Mapping

from wagtail.images import get_image_model

# The sharing image: Open Graph and Twitter cards, feed enclosures, JSON-LD.
SHARE_SPEC = "fill-1200x630|format-jpeg"
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
