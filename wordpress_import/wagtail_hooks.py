from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from wordpress_import import views

urlpatterns = [
    path("", views.upload, name="upload"),
    path("<int:pk>/", views.run_detail, name="run"),
]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("wordpress-import/", include((urlpatterns, "wordpress_import")))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return SuperuserMenuItem(
        _("Import from WordPress"),
        reverse("wordpress_import:upload"),
        icon_name="download",
        order=900,
    )
