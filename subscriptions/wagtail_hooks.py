from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.widgets import Button

from subscriptions import admin_views, audience

urlpatterns = [
    path("", admin_views.overview, name="overview"),
    path("<int:pk>/export/", admin_views.export, name="export"),
    path("<int:pk>/radera/", admin_views.delete, name="delete"),
    path("utskick/", admin_views.sends, name="sends"),
    path("skicka/<int:page_id>/", admin_views.send_page, name="send_page"),
    path("skicka/<int:page_id>/forhandsvisning/", admin_views.preview, name="preview"),
]


@hooks.register("register_admin_urls")
def subscription_admin_urls():
    return [path("epost/", include((urlpatterns, "subscriptions_admin")))]


@hooks.register("register_admin_menu_item")
def subscriptions_menu():
    return SubmenuMenuItem(
        _("E-mail"),
        Menu(
            items=[
                MenuItem(
                    _("Subscribers"), reverse("subscriptions_admin:overview"), icon_name="group"
                ),
                MenuItem(_("Sends"), reverse("subscriptions_admin:sends"), icon_name="mail"),
            ]
        ),
        icon_name="mail",
        order=450,
    )


@hooks.register("register_page_header_buttons")
def send_page_button(page, user, view_name, next_url=None):
    if page.live and admin_views.is_publisher(user) and audience.flag_for(page.specific_deferred):
        yield Button(
            _("Send by e-mail"),
            reverse("subscriptions_admin:send_page", args=[page.pk]),
            icon_name="mail",
            priority=80,
        )
