"""The groups and the review workflow the data migration creates."""

from wagtail.models import Collection, Page
from wagtail.permissions import policy_registry

import pytest

from editorial.roles import PUBLISHER_GROUP, REVIEW_WORKFLOW
from tests.factories import (
    DocumentFactory,
    ImageFactory,
    NewsArticlePageFactory,
    PersonPageFactory,
    WhitePaperPageFactory,
)

pytestmark = pytest.mark.django_db


def test_editor_creates_and_edits_every_kind_but_cannot_publish(site_tree, editor):
    pages = [
        NewsArticlePageFactory(parent=site_tree.news),
        WhitePaperPageFactory(parent=site_tree.papers),
        PersonPageFactory(parent=site_tree.people),
    ]
    for index in (site_tree.news, site_tree.papers, site_tree.people):
        assert index.permissions_for_user(editor).can_add_subpage()
    for page in pages:
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit()
        assert not permissions.can_publish()
        assert not permissions.can_unpublish()
    assert not site_tree.news.permissions_for_user(editor).can_publish_subpage()


def test_publisher_also_publishes_and_unpublishes(site_tree, publisher):
    article = NewsArticlePageFactory(parent=site_tree.news)
    permissions = article.permissions_for_user(publisher)
    assert permissions.can_edit()
    assert permissions.can_publish()
    assert permissions.can_unpublish()
    assert permissions.can_unlock()


def test_nobody_in_the_groups_may_touch_pages_outside_the_site(site_tree, editor, publisher):
    root = Page.get_first_root_node()
    for user in (editor, publisher):
        assert not root.permissions_for_user(user).can_add_subpage()


@pytest.mark.parametrize("factory", [ImageFactory, DocumentFactory])
def test_both_groups_upload_and_choose_images_and_documents(editor, publisher, factory):
    # Uploaded by someone else: editors fix each other's alt texts.
    theirs = factory(collection=Collection.get_first_root_node())
    policy = policy_registry.get_by_type(type(theirs))
    for user in (editor, publisher):
        assert policy.user_has_permission(user, "add")
        assert policy.user_has_permission_for_instance(user, "choose", theirs)
        assert policy.user_has_permission_for_instance(user, "change", theirs)


def test_both_groups_reach_the_admin(client, editor, publisher):
    for user in (editor, publisher):
        client.force_login(user)
        assert client.get("/admin/").status_code == 200


def test_every_page_of_the_site_goes_through_granskning(site_tree):
    article = NewsArticlePageFactory(parent=site_tree.news)
    workflow = article.get_workflow()
    assert workflow.name == REVIEW_WORKFLOW
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert [group.name for group in tasks[0].groups.all()] == [PUBLISHER_GROUP]


def test_publisher_may_approve_and_editor_may_not(site_tree, editor, publisher):
    article = NewsArticlePageFactory(parent=site_tree.news)
    task = article.get_workflow().tasks.first().specific
    assert task.user_can_access_editor(article, publisher)
    assert {a[0] for a in task.get_actions(article, publisher)} >= {"approve", "reject"}
    assert task.get_actions(article, editor) == []
