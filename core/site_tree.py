"""The live pages under a site's root, shared by the menu and the home page."""

from wagtail.models import Site

from fastpath import version


def _top_pages(site: Site) -> list[dict]:
    from core.queries import visible_pages

    return [
        {
            "title": page.title,
            "url": page.get_url(current_site=site),
            "in_menu": page.show_in_menus,
            "content_type_id": page.content_type_id,
        }
        for page in visible_pages(site.root_page.get_children())
    ]


def top_pages(request) -> list[dict]:
    """The live pages under the request's site root, kept per process until
    content changes: title, URL, whether they are in the menu, content type."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return version.per_version(f"top-pages:{site.pk}", lambda: _top_pages(site))
