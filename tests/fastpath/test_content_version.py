"""The content version changes only when visitors could see a difference:
not on every request once an expiry time has passed, and not while editors
type in drafts (each new version empties every cache at once)."""

import datetime as dt

from django.utils import timezone

import pytest

from fastpath import version
from people.models import Authorship
from tests.factories import NewsArticlePageFactory, PersonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.LSV_PAGE_CACHE = True
    settings.LSV_FRAGMENT_MEMO = True


def current() -> str:
    return version._read()


@pytest.fixture
def later(monkeypatch):
    """Moves the clock forward by `minutes` for the rest of the test."""

    def move(minutes):
        moment = timezone.now() + dt.timedelta(minutes=minutes)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return move


def test_a_passed_expiry_is_handled_once(client, site_tree, later):
    soon = timezone.now() + dt.timedelta(minutes=5)
    NewsArticlePageFactory(parent=site_tree.news, title="Går ut snart", expire_at=soon)
    NewsArticlePageFactory(
        parent=site_tree.news, title="Går ut sedan", expire_at=soon + dt.timedelta(minutes=10)
    )
    client.get(site_tree.news.url)
    before = current()

    later(6)  # the first expiry has passed, the scheduler has not run
    listing = client.get(site_tree.news.url)
    assert "Går ut snart" not in listing.content.decode()
    after = current()
    assert after != before
    for _ in range(5):
        response = client.get(site_tree.news.url)
        assert response.headers["X-Page-Cache"] == "hit"
    assert current() == after, "the same passed expiry made a new version again"

    later(20)  # the second one passes too: handled, once
    assert "Går ut sedan" not in client.get(site_tree.news.url).content.decode()
    assert current() != after
    third = current()
    client.get(site_tree.news.url)
    assert current() == third


def test_an_expired_page_is_gone_before_the_scheduler_runs(client, site_tree, later):
    article = NewsArticlePageFactory(
        parent=site_tree.news, expire_at=timezone.now() + dt.timedelta(minutes=5)
    )
    assert client.get(article.url).status_code == 200
    later(6)
    assert client.get(article.url).status_code == 404
    assert client.get(article.url).status_code == 404


def test_draft_work_leaves_the_version_alone(site_tree):
    """A never-published page saved over and over (as the admin's autosave
    does, rows of its authors, topics and read-more links included), and a
    live page's draft revisions: nothing a visitor sees changes."""
    person = PersonPageFactory(parent=site_tree.people)
    live = NewsArticlePageFactory(parent=site_tree.news, title="Publicerad")
    before = current()

    draft = NewsArticlePageFactory(
        parent=site_tree.news,
        title="Utkast",
        live=False,
        authors=[person],
        read_more=[live],
        topics=["Ett nytt ämne"],
    )
    for word in ("Utkast i", "Utkast i arbete", "Utkast i arbete nu"):
        draft.title = word
        draft.save()
        draft.save_revision()
    live.title = "Publicerad, ändrad i utkast"
    live.save_revision()
    assert current() == before

    live.get_latest_revision().publish()
    assert current() != before


def test_changes_to_a_live_pages_rows_still_count(site_tree):
    person = PersonPageFactory(parent=site_tree.people)
    live = NewsArticlePageFactory(parent=site_tree.news)
    before = current()
    Authorship.objects.create(page=live, person=person)
    assert current() != before


def test_uploads_wait_for_a_page_that_uses_them(site_tree):
    from tests.factories import DocumentFactory, ImageFactory

    before = current()
    image = ImageFactory()
    DocumentFactory()
    assert current() == before
    image.title = "Nytt namn"
    image.save()  # may be on live pages: their alt text, their renditions
    assert current() != before
