"""Loading pages for cards with a fixed number of queries, however many cards."""

from collections.abc import Iterable, Sequence

from wagtail.images import get_image_model
from wagtail.models import Page

from lsv_site.queries import visible_pages


def attach_card_images(pages: Iterable[Page]) -> None:
    """Fetch every card image and its renditions in two queries and attach them,
    so that templates never look up an image or rendition per card."""
    pages = list(pages)
    wanted = {}
    for page in pages:
        field = getattr(page, "card_image_field", "")
        image_id = getattr(page, f"{field}_id", None) if field else None
        if image_id:
            wanted.setdefault(image_id, []).append((page, field))
    if not wanted:
        return
    images = get_image_model().objects.filter(id__in=wanted).prefetch_renditions()
    for image in images:
        for page, field in wanted[image.id]:
            setattr(page, field, image)


def load_cards(page_ids: Sequence[int]) -> list[Page]:
    """The visible pages among `page_ids`, as their specific types, in the
    given order, with card images attached."""
    if not page_ids:
        return []
    by_id = {
        page.id: page for page in visible_pages(Page.objects.filter(id__in=page_ids)).specific()
    }
    pages = [by_id[pid] for pid in dict.fromkeys(page_ids) if pid in by_id]
    attach_card_images(pages)
    return pages
