"""Files that live pages show change only with the publisher's say.

A Redaktör may edit any image or document (to fix a colleague's alt text or
title), but replacing the file of one that a live page uses, or deleting it,
would change the public site at once, past the review workflow. Those two
actions are left to the Ansvarig utgivare group and superusers:

- the edit forms (WAGTAILDOCS_DOCUMENT_FORM_BASE, WAGTAILIMAGES_IMAGE_FORM_BASE)
  refuse a new file, with a message saying who may;
- the permission policies registered here answer "no" to "delete" for such a
  file, which every delete view (single, bulk, multiple upload) asks.

"Used by a live page" is Wagtail's reference index (choosers, StreamField
blocks, rich-text links), as in core.document_privacy.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from editorial.roles import PUBLISHER_GROUP

REPLACE_REFUSED = _(
    "This file is used on published pages, so replacing it would change them at once. "
    "Only an Ansvarig utgivare may replace it; upload the new file as a new one instead, "
    "or ask an Ansvarig utgivare."
)


def used_on_live_page(obj) -> bool:
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).live().exists()


def may_change_published_files(user) -> bool:
    if not (user and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=PUBLISHER_GROUP).exists()


def may_replace_or_delete(user, obj) -> bool:
    return may_change_published_files(user) or not used_on_live_page(obj)


class PublishedMediaPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's policy for images and documents, but "delete" of a file a
    live page uses needs the publisher group (or a superuser)."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        actions = list(actions)
        if "delete" in actions and not may_replace_or_delete(user, instance):
            actions.remove("delete")
            if not actions:
                return False
        return super().user_has_any_permission_for_instance(user, actions, instance)


def register_policies() -> None:
    """From AppConfig.ready(); exact_class wins over Wagtail's own registration."""
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.images import get_image_model
    from wagtail.permissions import register_permission_policy

    register_permission_policy(
        get_document_model(),
        PublishedMediaPermissionPolicy(
            get_document_model_string(),
            auth_model="wagtaildocs.Document",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
    register_permission_policy(
        get_image_model(),
        PublishedMediaPermissionPolicy(
            get_image_model(),
            auth_model="wagtailimages.Image",
            owner_field_name="uploaded_by_user",
        ),
        exact_class=True,
    )
