from wagtail.models import Site


def site_chrome(request):
    """Header navigation: the live menu pages under the site root.

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

    return {"navigation": navigation}
