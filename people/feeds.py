"""One person's feed: the articles and white papers they wrote."""

from django.http import Http404, HttpRequest
from django.utils.translation import gettext_lazy as _

from core.kinds import dated_models
from core.queries import visibility_q, with_visibility_change
from people.models import Authorship, PersonPage
from seo.feeds.base import SiteFeed


class PersonFeed(SiteFeed):
    url_name = "feed-person"

    def get_object(self, request: HttpRequest, slug: str) -> PersonPage:
        people = PersonPage.objects.filter(visibility_q(), slug=slug)
        person = with_visibility_change(people).first()
        if person is None:
            raise Http404("No such person")
        return person

    def title(self, person: PersonPage) -> str:
        return _("LSV – %(name)s") % {"name": person.title}

    def description(self, person: PersonPage) -> str:
        return _("News and white papers by %(name)s at LSV.") % {"name": person.title}

    def link(self, person: PersonPage, request: HttpRequest) -> str:
        return person.get_url() or "/"

    def querysets(self, person: PersonPage):
        # A subquery rather than a join: a person listed twice on one page
        # must not make the page appear twice.
        authored = Authorship.objects.filter(person=person).values("page_id")
        return [model.feed_queryset().filter(pk__in=authored) for model in dated_models()]
