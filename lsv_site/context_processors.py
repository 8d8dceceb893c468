from django.contrib.contenttypes.models import ContentType
from django.utils.functional import SimpleLazyObject

from wagtail.models import Site


def site_chrome(request):
    """Header navigation (the live menu pages under the site root) and footer
    links (the standard pages there, such as the accessibility statement).

    Lazy, so views that render no page chrome (feeds, admin) pay nothing; both
    come from one fetch of the root's children.
    """

    def top_pages():
        site = Site.find_for_request(request)
        if site is None:
            return []
        return list(site.root_page.get_children().live().public())

    pages = SimpleLazyObject(top_pages)

    def navigation():
        path = request.path
        items = []
        for page in pages:
            if not page.show_in_menus:
                continue
            url = page.get_url(request=request)
            items.append(
                {"title": page.title, "url": url, "current": bool(url) and path.startswith(url)}
            )
        return items

    def footer_links():
        from lsv_site.models import StandardPage

        standard = ContentType.objects.get_for_model(StandardPage).id
        return [
            {"title": page.title, "url": page.get_url(request=request)}
            for page in pages
            if page.content_type_id == standard
        ]

    return {"navigation": navigation, "footer_links": footer_links}
