"""Editors can create each kind of page only where it belongs."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage


class TreeRulesTest(WagtailPageTestCase):
    def test_home_is_the_root_of_the_site(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(
            HomePage, {NewsIndexPage, WhitePaperIndexPage, PeopleIndexPage, StandardPage}
        )

    def test_each_listing_lives_under_home_and_holds_its_kind(self):
        for index, detail in [
            (NewsIndexPage, NewsArticlePage),
            (WhitePaperIndexPage, WhitePaperPage),
            (PeopleIndexPage, PersonPage),
        ]:
            with self.subTest(index=index.__name__):
                self.assertAllowedParentPageTypes(index, {HomePage})
                self.assertAllowedSubpageTypes(index, {detail})
                self.assertAllowedParentPageTypes(detail, {index})
                self.assertAllowedSubpageTypes(detail, set())

    def test_articles_cannot_be_created_elsewhere(self):
        self.assertCanCreateAt(NewsIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(WhitePaperIndexPage, NewsArticlePage)
        self.assertCanNotCreateAt(PeopleIndexPage, WhitePaperPage)
        self.assertCanNotCreateAt(NewsIndexPage, PersonPage)

    def test_one_home_and_one_listing_per_kind(self):
        for model in (HomePage, NewsIndexPage, WhitePaperIndexPage, PeopleIndexPage):
            self.assertEqual(model.max_count, 1)
