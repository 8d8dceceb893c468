"""sitemap.xml: every live, public, unexpired page of the site, with the
time it last changed."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.queries import visible_pages
from seo.page_meta import site_path


def lastmod(page):
    """When the page last changed; pages created by scripts may lack the
    publishing timestamps, so fall back through the others."""
    return (
        page.last_published_at
        or page.latest_revision_created_at
        or page.first_published_at
        or getattr(page, "publication_date", None)
    )


class SiteSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        pages = visible_pages(root.get_descendants(inclusive=True))
        return pages.order_by("path").defer_streamfields().specific()

    def lastmod(self, obj):
        return lastmod(obj)

    def absolute(self, url: str) -> str:
        """The URL on the host the sitemap was asked for, as canonical links are."""
        return self.request.build_absolute_uri(site_path(url))

    def _urls(self, page, protocol, domain):
        # Wagtail's own loop, asking each page for its URLs (a listing adds its
        # topic pages), with every entry given a lastmod.
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                url_info["location"] = self.absolute(url_info["location"])
                url_info["lastmod"] = url_info.get("lastmod") or lastmod(item)
                urls.append(url_info)
        stamps = [u["lastmod"] for u in urls if u["lastmod"] is not None]
        if stamps and len(stamps) == len(urls):
            self.latest_lastmod = max(stamps)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, {"pages": SiteSitemap})
