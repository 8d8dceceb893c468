"""A full-page cache for anonymous visitors, in two halves like Django's own.

`StorePageCacheMiddleware` sits near the top of MIDDLEWARE: it sees the final
response, after every inner middleware has set its cookies, and stores it only
when that is safe. `FetchPageCacheMiddleware` sits at the bottom: a cached page
it returns still travels out through every middleware above it, so headers
those set (security headers, language, Vary) are applied to cached pages too.

Entries are keyed on the site-wide content version (see `pagecache.version`),
so publishing anything makes every page fresh on the next request, in every
process sharing the cache.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control

from pagecache import memo, version

logger = logging.getLogger(__name__)

# Query parameters that select a different page of the same content; any other
# query string is served uncached, so arbitrary parameters cannot fill the cache.
CACHEABLE_PARAMS = frozenset({"page"})
CACHED_STATUSES = frozenset({200, 404})
# Only pages, feeds, the sitemap and robots.txt are cached: never the admin,
# document downloads (with their own privacy rules), health checks or any view
# added later unless it is named here.
CACHED_VIEWS = frozenset({"lsv_serve", "wagtail_serve", "sitemap", "robots"})
CACHED_VIEW_PREFIXES = ("feed-",)


def _cached_view(request) -> bool:
    try:
        name = resolve(request.path_info).url_name or ""
    except Resolver404:
        return False
    return name in CACHED_VIEWS or name.startswith(CACHED_VIEW_PREFIXES)


def enabled() -> bool:
    return getattr(settings, "LSV_PAGE_CACHE", True)


def cache_key(request) -> str:
    # HEAD shares GET's entry. The language is part of the key in case a
    # middleware ever picks it per request.
    raw = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            getattr(request, "LANGUAGE_CODE", ""),
        ]
    )
    digest = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
    return f"lsv:page:{version.current()}:{digest}"


def _eligible(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not CACHEABLE_PARAMS.issuperset(request.GET.keys()):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    return _cached_view(request)


def _etag(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=12).hexdigest() + '"'


def _public_headers(response, etag: str) -> None:
    response["ETag"] = etag
    # Browsers revalidate every time (a 304 costs almost nothing), so a publish
    # is visible at once; a CDN may keep pages longer because publishing purges it.
    patch_cache_control(
        response,
        public=True,
        max_age=0,
        must_revalidate=True,
        **({"s_maxage": settings.LSV_CDN_MAX_AGE} if settings.LSV_CDN_MAX_AGE else {}),
    )


def _expired_version_check() -> None:
    """Pages that pass their expiry time disappear from listings without any
    signal; bump the version when the earliest expiry among live pages passes."""
    from wagtail.models import Page

    def next_expiry():
        return (
            Page.objects.filter(live=True, expire_at__isnull=False)
            .order_by("expire_at")
            .values_list("expire_at", flat=True)
            .first()
        )

    expiry = memo.per_version("next-expiry", next_expiry)
    if expiry is not None and expiry <= timezone.now():
        version.bump()


class FetchPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not _eligible(request):
            return self.get_response(request)
        _expired_version_check()
        try:
            key = cache_key(request)
            entry = cache.get(key)
        except Exception:
            # A cache outage makes pages slower, never broken.
            logger.exception("page cache unavailable")
            return self.get_response(request)
        if entry is not None:
            status, content_type, content, etag = entry
            response = get_conditional_response(request, etag=etag)
            if response is None:
                response = HttpResponse(
                    b"" if request.method == "HEAD" else content,
                    status=status,
                    content_type=content_type,
                )
                response["Content-Length"] = str(len(content))
            _public_headers(response, etag)
            response["X-Page-Cache"] = "hit"
            return response
        request._lsv_page_cache_key = key
        return self.get_response(request)


class StorePageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = memo.start_request()
        try:
            response = self.get_response(request)
            key = getattr(request, "_lsv_page_cache_key", None)
            if key is not None:
                self._store(request, response, key)
            return response
        finally:
            memo.end_request(token)

    def _store(self, request, response, key: str) -> None:
        if not self._storable(request, response):
            return
        content = response.content
        etag = _etag(content)
        timeout = settings.LSV_PAGE_CACHE_SECONDS
        try:
            cache.set(key, (response.status_code, response["Content-Type"], content, etag), timeout)
        except Exception:
            logger.exception("page cache unavailable")
            return
        _public_headers(response, etag)
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def _storable(request, response) -> bool:
        if response.status_code not in CACHED_STATUSES or response.streaming:
            return False
        # Session, CSRF or message cookies belong to one visitor.
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        # Private pages come back marked no-cache by Wagtail's restriction check.
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        return not response.has_header("Set-Cookie")
