"""Documents are public only as far as the pages that use them are.

Wagtail's document view protects documents in private collections, but not a
document whose only use is on a draft or a password-protected page: its URL
(/documents/<id>/<name>) would still serve it to anyone. Here an anonymous
visitor gets a document only if a live, public page refers to it (through a
chooser, a StreamField block or a rich-text link: Wagtail's reference index).
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex


def used_on_public_page(document) -> bool:
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).live().public().exists()


def visible_to(document, user) -> bool:
    # Editors preview drafts and private pages, so they get every document, once
    # past two-factor authentication where they need it.
    from ops.two_factor import session_cleared

    if (
        user.is_authenticated
        and user.has_perm("wagtailadmin.access_admin")
        and session_cleared(user)
    ):
        return True
    return used_on_public_page(document)
