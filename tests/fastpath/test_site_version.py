"""The site version (what every page shows of the site's shape: the site
lookup, restrictions, the menu, the footer) changes with that shape, and an
edit deeper in the tree leaves it alone while it still changes the content
version."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction, Site

import pytest

from fastpath import version
from home.models import FooterSettings
from tests.factories import NewsArticlePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def tokens() -> tuple[str, str]:
    return version._read()


def changes(action) -> tuple[bool, bool]:
    """Whether `action` changed (the content version, the site version)."""
    before = tokens()
    action()
    after = tokens()
    return before[0] != after[0], before[1] != after[1]


def test_an_article_published_changes_content_not_the_site(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news, title="Första")

    def edit():
        article.title = "Ändrad"
        article.save_revision().publish()

    assert changes(edit) == (True, False)
    assert changes(lambda: article.unpublish()) == (True, False)
    assert changes(lambda: article.delete()) == (True, False)


def test_a_section_published_renamed_or_unpublished_changes_the_site(site_tree):
    def rename():
        site_tree.news.title = "Aktuellt"
        site_tree.news.save_revision().publish()

    assert changes(rename) == (True, True)
    assert changes(lambda: StandardPageFactory(parent=site_tree.home, title="Om LSV")) == (
        True,
        True,
    )
    assert changes(lambda: site_tree.papers.unpublish()) == (True, True)


def test_a_move_a_restriction_a_site_and_the_footer_change_the_site(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    assert changes(lambda: article.move(site_tree.papers, pos="last-child")) == (True, True)

    def restrict():
        restriction = PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.first())

    assert changes(restrict) == (True, True)
    assert changes(lambda: PageViewRestriction.objects.filter(page=article).delete()) == (
        True,
        True,
    )

    site = Site.objects.get(is_default_site=True)

    def rename_site():
        site.site_name = "LSV – ny"
        site.save()

    assert changes(rename_site) == (True, True)
    footer = FooterSettings.for_site(site)
    footer.tagline = "Social innovation"
    assert changes(footer.save) == (True, True)


def test_a_new_menu_section_shows_on_a_page_kept_per_site_version(client, site_tree):
    """The menu comes from the site version: a new section appears on the
    next view of any page (no stale menu after a change of shape)."""
    article = NewsArticlePageFactory(parent=site_tree.news)
    assert "Evenemang" not in client.get(article.url).content.decode()
    StandardPageFactory(parent=site_tree.home, title="Evenemang", show_in_menus=True)
    assert "Evenemang" in client.get(article.url).content.decode()
