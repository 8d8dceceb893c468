"""Loading pages for cards with a fixed number of queries, however many cards."""

from collections.abc import Iterable, Sequence

from django.db.models import prefetch_related_objects

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.kinds import card_models
from core.queries import visible_pages


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
        for field in (model.card_image_field, getattr(model, "card_image_fallback_field", "")):
            if field:
                related.append(f"{name}__{field}")
        deferred += [
            f"{name}__{field.name}"
            for field in model._meta.local_fields
            if isinstance(field, StreamField | RichTextField)
        ]
    return Page.objects.select_related(*related).defer(*deferred)


def specific_of(page: Page, models: Sequence[type[Page]]) -> Page:
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
    by_id = {page.id: specific_of(page, models) for page in cards}
    pages = [by_id[pid] for pid in dict.fromkeys(page_ids) if pid in by_id]
    if renditions:
        prefetch_renditions(card_images(pages))
    return pages


def latest_ids(model: type[Page], order_by: Sequence[str], limit: int) -> list[int]:
    """The ids of the first `limit` visible pages of `model` in `order_by` order."""
    return list(
        visible_pages(model.objects.order_by(*order_by)).values_list("id", flat=True)[:limit]
    )


class CardList:
    """Pages shown as cards, known by id, in order.

    A card looks the same on every page that shows it, so it is rendered once
    per content version (fastpath.fragments) and the page itself is loaded only
    for cards not rendered yet: `prepare_cards` loads all of a view's missing
    cards in one query, with their renditions and the view's own images in one
    more. Iterating gives the pages (loading any not loaded yet), for code that
    wants them.
    """

    def __init__(
        self,
        ids: Iterable[int],
        heading_level: int = 3,
        *,
        show_kind: bool = True,
        template: str = "components/card.html",
    ):
        self.ids = list(dict.fromkeys(ids))
        self.heading_level = heading_level
        # A listing of one kind does not repeat the kind on every card; mixed
        # lists (Läs mer, search, home) do.
        self.show_kind = show_kind
        # Another template for the same pages (the home page's lead story).
        self.template = template
        self.loaded: dict[int, Page] = {}
        # Ids that load_cards was asked for: those it did not return are not visible.
        self.asked: set[int] = set()

    def key(self, request, page_id: int) -> tuple:
        site = getattr(request, "_wagtail_site", None)
        return (
            "card",
            getattr(site, "pk", None),
            page_id,
            self.heading_level,
            self.show_kind,
            self.template,
        )

    def pages(self) -> list[Page]:
        missing = [pid for pid in self.ids if pid not in self.asked]
        if missing:
            self._take(load_cards(missing), missing)
        return [self.loaded[pid] for pid in self.ids if pid in self.loaded]

    def _take(self, pages: Iterable[Page], asked: Iterable[int]) -> None:
        self.asked.update(asked)
        for page in pages:
            self.loaded[page.pk] = page

    def __iter__(self):
        return iter(self.pages())

    def __len__(self) -> int:
        return len(self.pages())

    def __getitem__(self, index):
        return self.pages()[index]


def prepare_cards(request, lists: Iterable[CardList], pictures: Iterable = ()) -> None:
    """Load the cards of `lists` that are not rendered yet in this version, in
    one query, and in one more the renditions of their images and of the
    view's own `pictures` ((image, picture name) pairs) not kept yet."""
    from core.renditions import unprepared
    from fastpath import fragments

    lists = [cards for cards in lists if isinstance(cards, CardList)]
    wanted: dict[int, list[CardList]] = {}
    for cards in lists:
        for pid in cards.ids:
            if pid in cards.asked or fragments.recall(request, cards.key(request, pid)) is not None:
                continue
            wanted.setdefault(pid, []).append(cards)
    pages = load_cards(list(wanted), renditions=False) if wanted else []
    by_id = {page.pk: page for page in pages}
    for pid, owners in wanted.items():
        for cards in owners:
            cards._take([by_id[pid]] if pid in by_id else [], [pid])
    prefetch_renditions([*unprepared(request, pictures), *card_images(pages)])
