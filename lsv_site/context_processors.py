from wagtail.models import Site

from pagecache import memo


def _menu_items(site: Site) -> list[dict]:
    from lsv_site.queries import visible_pages

    items = []
    for page in visible_pages(site.root_page.get_children()).in_menu():
        items.append({"title": page.title, "url": page.get_url(current_site=site)})
    return items


def site_chrome(request):
    """Header navigation: the live menu pages under the site root.

    Lazy, so views that render no page chrome (feeds, admin) pay nothing; kept
    per process until content changes, so pages pay nothing either.
    """

    def navigation():
        site = Site.find_for_request(request)
        if site is None:
            return []
        items = memo.per_version(f"navigation:{site.pk}", lambda: _menu_items(site))
        path = request.path
        return [
            {**item, "current": bool(item["url"]) and path.startswith(item["url"])}
            for item in items
        ]

    return {"navigation": navigation}
