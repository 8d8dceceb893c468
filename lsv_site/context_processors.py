from wagtail.models import Site


def site_chrome(request):
    """Header navigation (the live menu pages under the site root) and footer links.

    Lazy, so views that render no page chrome (feeds, admin) pay nothing.
    """

    def navigation():
        site = Site.find_for_request(request)
        if site is None:
            return []
        path = request.path
        items = []
        for page in site.root_page.get_children().live().public().in_menu():
            url = page.get_url(request=request)
            items.append(
                {"title": page.title, "url": url, "current": bool(url) and path.startswith(url)}
            )
        return items

    def footer_links():
        """Standard pages (such as the accessibility statement) under the site root."""
        from lsv_site.models import StandardPage

        site = Site.find_for_request(request)
        if site is None:
            return []
        pages = StandardPage.objects.child_of(site.root_page).live().public().order_by("path")
        return [{"title": page.title, "url": page.get_url(request=request)} for page in pages]

    return {"navigation": navigation, "footer_links": footer_links}
