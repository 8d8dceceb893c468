"""Loading pages for cards with a fixed number of queries, however many cards."""

from collections.abc import Iterable, Sequence

from django.db.models import prefetch_related_objects

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from lsv_site.queries import visible_pages


def card_models() -> list[type[Page]]:
    from django.apps import apps

    from lsv_site.models import CARD_PAGE_TYPES

    return [apps.get_model(label) for label in CARD_PAGE_TYPES]


def _card_queryset(models: Sequence[type[Page]]):
    """Base pages joined to these card kinds' tables and card images, so one
    query yields specific pages with their images.

    A card shows a title, date, summary and image, never a body: bodies (the
    largest columns, and parsed into StreamValues as they load) are deferred.
    """
    related, deferred = [], []
    for model in models:
        name = model._meta.model_name
        related.append(name)
        if model.card_image_field:
            related.append(f"{name}__{model.card_image_field}")
        deferred += [
            f"{name}__{field.name}"
            for field in model._meta.local_fields
            if isinstance(field, StreamField | RichTextField)
        ]
    return Page.objects.select_related(*related).defer(*deferred)


def _specific(page: Page, models: Sequence[type[Page]]) -> Page:
    for model in models:
        child = getattr(page, model._meta.model_name, None)
        if child is not None:
            return child
    return page.specific


def card_images(pages: Iterable[Page]) -> list:
    return [page.card_image for page in pages if getattr(page, "card_image", None)]


def prefetch_renditions(images: Iterable) -> None:
    """One query for the renditions of all these images (however many pages
    and blocks they come from), so templates never look one up per image."""
    images = [image for image in images if image is not None]
    fresh = [i for i in images if "renditions" not in getattr(i, "_prefetched_objects_cache", {})]
    if fresh:
        prefetch_related_objects(fresh, "renditions")


def attach_card_images(pages: Iterable[Page]) -> None:
    """Make sure every card image is loaded (one query for those the page
    query did not join) and its renditions prefetched."""
    from wagtail.images import get_image_model

    pages = list(pages)
    wanted = {}
    for page in pages:
        field = getattr(page, "card_image_field", "")
        if not field or page._meta.get_field(field).is_cached(page):
            continue
        image_id = getattr(page, f"{field}_id", None)
        if image_id:
            wanted.setdefault(image_id, []).append((page, field))
    if wanted:
        for image in get_image_model().objects.filter(id__in=wanted):
            for page, field in wanted[image.id]:
                setattr(page, field, image)
    prefetch_renditions(card_images(pages))


def load_cards(
    page_ids: Sequence[int],
    *,
    renditions: bool = True,
    kinds: Iterable[type[Page]] | None = None,
) -> list[Page]:
    """The visible pages among `page_ids`, as their specific types, in the
    given order, with card images attached: one query, plus one for the
    renditions unless the caller batches those with its own images.

    A caller that knows which card kinds the pages are (search does) passes
    them as `kinds`, and only those tables are joined: the query is then
    cheaper to build. A page of another kind still loads, a query of its own.
    """
    if not page_ids:
        return []
    models = card_models() if kinds is None else [m for m in card_models() if m in set(kinds)]
    # Unordered: the caller's order is restored below, and compiling Page's
    # default ordering over these joins costs more than running the query.
    cards = visible_pages(_card_queryset(models).filter(id__in=page_ids)).order_by()
    by_id = {page.id: _specific(page, models) for page in cards}
    pages = [by_id[pid] for pid in dict.fromkeys(page_ids) if pid in by_id]
    if renditions:
        prefetch_renditions(card_images(pages))
    return pages


def latest_cards(model: type[Page], order_by: Sequence[str], limit: int) -> list[Page]:
    """The first `limit` visible pages of `model` in `order_by` order, as cards:
    one query, ordering on the model's own fields through the join."""
    from django.db.models.constants import LOOKUP_SEP

    name = model._meta.model_name
    page_fields = {f.name for f in Page._meta.get_fields()}
    ordering = []
    for field in order_by:
        descending, bare = field.startswith("-"), field.lstrip("-")
        path = bare if bare in page_fields else f"{name}{LOOKUP_SEP}{bare}"
        ordering.append(f"-{path}" if descending else path)
    queryset = _card_queryset([model]).filter(**{f"{name}__isnull": False}).order_by(*ordering)
    return [_specific(page, [model]) for page in visible_pages(queryset)[:limit]]
