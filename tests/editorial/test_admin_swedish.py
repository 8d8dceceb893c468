"""Every admin view an editor uses reads in Swedish.

Each view is rendered twice, in Swedish and in English. A piece of interface
text (a text node or a label attribute) that comes out the same in both and
reads as English is a string nobody translated: this project's own, or one
that Wagtail's Swedish catalogue lacks (the project fills those in
editorial/wagtail_sv.py). Content (titles, names) is Swedish in both renderings
and never reads as English, so it does not trip the check.
"""

import re

from django.utils import translation

import lxml.html
import pytest

from tests.factories import (
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db

# Words that occur in English interface text and not in Swedish.
ENGLISH = re.compile(
    r"\b(the|of|is|are|to|and|with|your|this|these|page|pages|save|saved|no|not|"
    r"add|edit|delete|search|there|errors?|paused|items?|results?|across|entire|"
    r"choose|select|upload|draft|live|published|approve|approved|reject)\b",
    re.IGNORECASE,
)
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt", "aria-description")


def interface_texts(html: str) -> set[str]:
    root = lxml.html.fromstring(html)
    for node in root.xpath("//script|//style|//template|//svg|//code|//pre"):
        node.drop_tree()
    texts = {" ".join(t.split()) for t in root.xpath("//body//text()")}
    for name in ATTRIBUTES:
        texts |= {" ".join(v.split()) for v in root.xpath(f"//body//@{name}")}
    return {t for t in texts if t}


def render(client, url: str, language: str) -> str:
    client.cookies.pop("django_language", None)
    with translation.override(language):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200, url
    content = (
        response.json()["html"]
        if response["Content-Type"].startswith("application/json")
        else response.content.decode()
    )
    return content


def untranslated(client, url: str, as_user) -> set[str]:
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(as_user)
    texts = {}
    for language in ("sv", "en"):
        profile.preferred_language = language
        profile.save()
        texts[language] = interface_texts(render(client, url, language))
    return {t for t in texts["sv"] & texts["en"] if ENGLISH.search(t)}


@pytest.fixture
def admin_urls(site_tree):
    people = [PersonPageFactory(parent=site_tree.people, photo=ImageFactory())]
    article = NewsArticlePageFactory(
        parent=site_tree.news, hero_image=ImageFactory(), authors=people, topics=["Kommuner"]
    )
    paper = WhitePaperPageFactory(parent=site_tree.papers, authors=people)
    article.save_revision()
    return [
        "/admin/",
        f"/admin/pages/{site_tree.home.pk}/",
        f"/admin/pages/{site_tree.news.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{paper.pk}/edit/",
        f"/admin/pages/{people[0].pk}/edit/",
        f"/admin/pages/add/news/newsarticlepage/{site_tree.news.pk}/",
        f"/admin/pages/add/whitepapers/whitepaperpage/{site_tree.papers.pk}/",
        f"/admin/pages/add/people/personpage/{site_tree.people.pk}/",
        f"/admin/pages/{article.pk}/history/",
        "/admin/images/",
        "/admin/images/multiple/add/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/documents/multiple/add/",
        "/admin/pages/search/?q=nyhet",
        "/admin/account/",
    ]


@pytest.mark.slow
def test_no_english_in_the_editors_admin(client, editor, admin_urls):
    client.force_login(editor)
    found = {}
    for url in admin_urls:
        left = untranslated(client, url, editor)
        if left:
            found[url] = sorted(left)
    assert not found, "\n".join(f"{url}: {texts}" for url, texts in found.items())


def test_no_english_in_the_superusers_settings(client, django_user_model, site_tree):
    from wagtail.models import Site

    chef = django_user_model.objects.create_superuser("chef", "c@example.org", "x" * 16)
    client.force_login(chef)
    site = Site.objects.get(is_default_site=True)
    found = {}
    for url in [
        "/admin/",
        f"/admin/settings/home/footersettings/{site.pk}/",
        "/admin/reports/aging-pages/",
        "/admin/reports/locked/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/redirects/",
        "/admin/searchpicks/",
        f"/admin/images/{ImageFactory().pk}/",
    ]:
        left = untranslated(client, url, chef)
        if left:
            found[url] = sorted(left)
    assert not found, "\n".join(f"{url}: {texts}" for url, texts in found.items())
