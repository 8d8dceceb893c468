from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from core.document_privacy import visible_to
from core.renditions import PortraitOperation
from ops import two_factor


@hooks.register("before_serve_document")
def hide_documents_of_unpublished_pages(document, request):
    if not visible_to(document, request.user):
        # 404, not 403: an anonymous visitor learns nothing about what exists.
        raise Http404


@hooks.register("before_serve_page")
def hide_pages_past_their_expiry(page, request, serve_args, serve_kwargs):
    # Wagtail unpublishes an expired page only when the scheduler next runs;
    # until then it is gone for visitors too, as it is from listings.
    if page.expire_at is not None and page.expire_at <= timezone.now():
        raise Http404


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("tvafaktor/", two_factor.verify, name="lsv_2fa_verify"),
        path("tvafaktor/aktivera/", two_factor.enrol, name="lsv_2fa_enrol"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("lsv_2fa_enrol"),
        "label": _("Two-factor authentication"),
        "help_text": _("Log in with a code from an app on your phone as well as your password."),
    }


@hooks.register("insert_editor_js")
def topics_end_where_the_editor_ends_them():
    return format_html('<script src="{}"></script>', static("core/admin/tag_input.js"))


@hooks.register("register_image_operations")
def image_operations():
    return [("portrait", PortraitOperation)]
