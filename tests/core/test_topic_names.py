"""The page form refuses a new topic that is two existing topics typed together."""

from taggit.models import Tag

import pytest

from core.topic_names import run_together
from tests.editorial.admin_forms import edit_page
from tests.factories import NewsArticlePageFactory, WhitePaperPageFactory

pytestmark = pytest.mark.django_db

KNOWN = {"Integration", "Kommuner", "barn", "omsorg"}


@pytest.mark.parametrize(
    "name, parts",
    [
        ("IntegrationKommuner", ("Integration", "Kommuner")),
        ("Integration Kommuner", None),  # a name of its own, with a space
        ("Integration", None),  # known
        ("IntegKommuner", None),  # not two known names
        ("barnomsorg", None),  # a compound of lower-case topics is a word
    ],
)
def test_run_together(name, parts):
    assert run_together(name, KNOWN) == parts


@pytest.fixture
def topics(db):
    for name in ("Integration", "Kommuner"):
        Tag.objects.create(name=name)


@pytest.fixture(params=[NewsArticlePageFactory, WhitePaperPageFactory])
def page(request, site_tree):
    parent = site_tree.news if request.param is NewsArticlePageFactory else site_tree.papers
    return request.param(parent=parent, title="Om inkludering", live=False)


def test_form_refuses_two_topics_typed_together(admin_client, topics, page):
    response = edit_page(admin_client, page, topics="IntegrationKommuner")
    assert response.status_code == 200  # the form again, nothing saved
    assert response.context["form"].errors["topics"] == [
        "”IntegrationKommuner” ser ut som två ämnen som skrivits ihop: ”Integration” och "
        "”Kommuner”. Skilj dem åt genom att avsluta varje ämne med Enter eller kommatecken."
    ]
    assert not Tag.objects.filter(name="IntegrationKommuner").exists()
    assert page.get_latest_revision() is None


def test_form_takes_the_two_topics_apart(admin_client, topics, page):
    response = edit_page(admin_client, page, topics="Integration, Kommuner")
    assert response.status_code == 302
    draft = page.get_latest_revision_as_object()
    assert sorted(t.name for t in draft.topics.all()) == ["Integration", "Kommuner"]


def test_an_existing_topic_of_that_name_is_kept(admin_client, topics, page):
    Tag.objects.create(name="IntegrationKommuner")
    response = edit_page(admin_client, page, topics="IntegrationKommuner")
    assert response.status_code == 302
    assert [t.name for t in page.get_latest_revision_as_object().topics.all()] == [
        "IntegrationKommuner"
    ]
