"""Who gets what: the kinds of pages sent, and which subscribers want a page.

The kinds are looked up through the app registry, so this app depends on no
page model's module (the kinds never import it either)."""

from django.apps import apps
from django.db.models import Q, QuerySet

from subscriptions.models import Subscriber

# Subscriber flag -> the page model it subscribes to.
KINDS = {"news": "news.NewsArticlePage", "white_papers": "whitepapers.WhitePaperPage"}


def kind_models() -> dict:
    return {flag: apps.get_model(label) for flag, label in KINDS.items()}


def flag_for(page) -> str | None:
    for flag, model in kind_models().items():
        if isinstance(page, model):
            return flag
    return None


def topic_ids(page) -> set[int]:
    topics = getattr(page, "topics", None)
    return set(topics.values_list("id", flat=True)) if topics is not None else set()


def confirmed() -> QuerySet:
    return Subscriber.objects.filter(state=Subscriber.CONFIRMED)


def recipients_for_page(page) -> QuerySet:
    """Confirmed subscribers of the page's kind or of one of its topics."""
    wanted = Q(topics__in=topic_ids(page))
    flag = flag_for(page)
    if flag:
        wanted |= Q(**{flag: True})
    return confirmed().filter(wanted).distinct()


def new_pages(since, until) -> list:
    """Live, public pages of the sent kinds first published in [since, until),
    newest first."""
    pages = []
    for model in kind_models().values():
        pages.extend(
            model.objects.live()
            .public()
            .filter(first_published_at__gte=since, first_published_at__lt=until)
            .prefetch_related("topics")
        )
    return sorted(pages, key=lambda page: (page.first_published_at, page.pk), reverse=True)


def pages_for(subscriber: Subscriber, pages: list, topic_ids_of: dict) -> list:
    """The pages among `pages` the subscriber's lists ask for."""
    wanted_topics = {topic.pk for topic in subscriber.topics.all()}
    chosen = []
    for page in pages:
        flag = flag_for(page)
        if (flag and getattr(subscriber, flag)) or wanted_topics & topic_ids_of[page.pk]:
            chosen.append(page)
    return chosen
