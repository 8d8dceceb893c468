import re

from django.conf import settings
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from fastpath.routing import serve as page_serve
from ops.health import healthz, readyz
from ops.media_serving import serve_rendition
from search.views import search_click, search_view
from seo.robots import robots_txt
from seo.sitemap import sitemap

handler500 = "ops.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path(settings.LSV_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Feeds are plain Django views ahead of Wagtail's catch-all, so their URLs
    # stay stable whatever editors call the sections.
    path("feeds/", include("lsv_site.feed_urls")),
    path("sok/", search_view, name="search"),
    # A result's link: counts the click, then redirects (never page-cached).
    path("sok/klick/", search_click, name="search_click"),
    # E-mail subscriptions: never page-cached (subscriptions.views).
    path("epost/", include("subscriptions.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

if not settings.MEDIA_URL.startswith(("http://", "https://", "//")):
    # Renditions only (ops.media_serving), and only with DEBUG or
    # LSV_SERVE_MEDIA; documents go through /documents/, originals nowhere.
    # The pattern stays in place without them, so /media/… is never a page.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve_rendition,
        )
    ]

urlpatterns += [
    # Wagtail's serve view with faster routing (see fastpath.routing); the
    # same pattern as Wagtail's, which stays for reversing and its other URLs,
    # except `_util/`: Wagtail's password form and login for private pages.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", page_serve, name="lsv_serve"),
    path("", include(wagtail_urls)),
]
