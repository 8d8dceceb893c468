"""The page chrome every template gets: header navigation and the footer."""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Site

from core.site_tree import top_pages
from fastpath import version
from home.models import FooterSettings, StandardPage


def _footer(site: Site) -> dict:
    # One query, and no row written on a visitor's request (for_site would create one).
    settings = FooterSettings.objects.select_related("about_page").filter(site=site).first()
    return (settings or FooterSettings(site=site)).as_footer(site)


def footer(request) -> dict:
    """The footer's settings (FooterSettings) as plain values, kept per process
    until content changes: saving them bumps the content version."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    return version.per_version(f"footer:{site.pk}", lambda: _footer(site))


def site_chrome(request):
    """Header navigation (the live menu pages under the site root) and footer
    links (the standard pages there, such as the accessibility statement).

    Lazy, so views that render no page chrome (feeds, admin) pay nothing; both
    come from one fetch of the root's children, kept per process until content
    changes, so pages pay nothing either. The footer's editable parts
    (`site_footer`, from FooterSettings) are kept the same way.
    """

    def navigation():
        path = request.path
        return [
            {**item, "current": bool(item["url"]) and path.startswith(item["url"])}
            for item in top_pages(request)
            if item["in_menu"]
        ]

    def footer_links():
        standard = ContentType.objects.get_for_model(StandardPage).id
        about = site_footer().get("about")
        return [
            item
            for item in top_pages(request)
            if item["content_type_id"] == standard and not (about and about["url"] == item["url"])
        ]

    memo = {}

    def site_footer():
        if "footer" not in memo:
            memo["footer"] = footer(request)
        return memo["footer"]

    return {"navigation": navigation, "footer_links": footer_links, "site_footer": site_footer}
