"""The page kinds as the shared core knows them: by model label, from
settings (`LSV_CARD_PAGE_TYPES`, `LSV_TOPIC_LISTING_PAGE_TYPE`), so the core
never imports a kind; the kinds import the core.

Authors are whatever relation the people app hangs on pages as `authorships`
(a row per author, with `person` and `sort_order`): the core reads it through
the page model's metadata, not an import.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce

from wagtail.models import Page


def card_models() -> list[type[Page]]:
    """The kinds that "Läs mer" and the home page show as cards, in order."""
    return [apps.get_model(label) for label in settings.LSV_CARD_PAGE_TYPES]


def dated_models() -> list[type[Page]]:
    """The card kinds with a publication date (articles, white papers)."""
    return [
        model
        for model in card_models()
        if any(f.name == "publication_date" for f in model._meta.get_fields())
    ]


def topic_listing_model() -> type[Page]:
    """The listing whose `amne/<slug>/` route shows a topic."""
    return apps.get_model(settings.LSV_TOPIC_LISTING_PAGE_TYPE)


def authorship_model():
    return Page._meta.get_field("authorships").related_model


def newest_first() -> tuple:
    """Newest first across kinds, on base Page querysets: the publication date
    where the kind has one, then first publication."""
    dates = [F(f"{model._meta.model_name}__publication_date") for model in dated_models()]
    date = Coalesce(*dates) if len(dates) > 1 else dates[0]
    return (date.desc(nulls_last=True), "-first_published_at", "-id")
