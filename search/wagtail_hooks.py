from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchesWithoutResultsView


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            SearchesWithoutResultsView.as_view(),
            name="searches_without_results",
        ),
        path(
            "reports/searches-without-results/results/",
            SearchesWithoutResultsView.as_view(results_only=True),
            name="searches_without_results_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    # Next to Wagtail's "Search terms"; query strings are anonymous, so every
    # editor may see them.
    return MenuItem(
        _("Searches without results or with few clicks"),
        reverse("searches_without_results"),
        icon_name="search",
        order=1310,
    )
