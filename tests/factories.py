"""Factories for every page type; pages are created with `parent=`."""

import datetime as dt

import factory
import wagtail_factories

from core.models import ReadMoreLink
from home.models import StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import Authorship, PeopleIndexPage, PersonPage
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage

ImageFactory = wagtail_factories.ImageFactory
DocumentFactory = wagtail_factories.DocumentFactory


class CrossLinksMixin(factory.django.DjangoModelFactory):
    """`read_more=[page, …]` and, for content pages, `authors=[person, …]` and
    `topics=["name", …]`, in that order."""

    @factory.post_generation
    def read_more(self, create, pages, **kwargs):
        for order, target in enumerate(pages or []):
            ReadMoreLink.objects.create(page=self, target=target, sort_order=order)


class ContentFactoryMixin(CrossLinksMixin):
    publication_date = factory.Sequence(lambda n: dt.date(2026, 1, 1) + dt.timedelta(days=n))

    @factory.post_generation
    def authors(self, create, people, **kwargs):
        for order, person in enumerate(people or []):
            Authorship.objects.create(page=self, person=person, sort_order=order)

    @factory.post_generation
    def topics(self, create, names, **kwargs):
        if names:
            self.topics.add(*names)
            self.save()


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"
    show_in_menus = True

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(ContentFactoryMixin, wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet nummer {n}")
    lead = factory.Sequence(lambda n: f"Ingress till nyhet {n}.")
    body = factory.LazyFunction(
        lambda: '[{"type": "paragraph", "value": "<p>Brödtext om social innovation.</p>"}]'
    )

    class Meta:
        model = NewsArticlePage
        skip_postgeneration_save = True


class WhitePaperIndexPageFactory(wagtail_factories.PageFactory):
    title = "White papers"
    slug = "white-papers"
    show_in_menus = True

    class Meta:
        model = WhitePaperIndexPage


class WhitePaperPageFactory(ContentFactoryMixin, wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Rapport nummer {n}")
    summary = factory.Sequence(lambda n: f"Sammanfattning av rapport {n}.")

    class Meta:
        model = WhitePaperPage
        skip_postgeneration_save = True


class PeopleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Personer"
    slug = "personer"
    show_in_menus = True

    class Meta:
        model = PeopleIndexPage


class PersonPageFactory(CrossLinksMixin, wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Person Nummer{n}")
    role = "Utredare"
    organisation = "LSV"

    class Meta:
        model = PersonPage
        skip_postgeneration_save = True


class StandardPageFactory(wagtail_factories.PageFactory):
    title = "Tillgänglighetsredogörelse"
    body = "<p>Så tillgänglig är webbplatsen.</p>"

    class Meta:
        model = StandardPage
