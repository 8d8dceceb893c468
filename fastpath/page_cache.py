"""A full-page cache for anonymous visitors.

`PageCacheMiddleware` sits at the top of MIDDLEWARE, under the request log
only. It stores the final response, with every header the middleware below it
set (security headers, CSP, Vary), and answers a later request for the same
URL with exactly that response, so a hit skips sessions, authentication and
the rest. Whether a visitor is anonymous is decided before authentication runs:
a request carrying a session cookie is never answered from the cache, and a
response is stored only when its user turned out anonymous and it set no
cookie. `fastpath.front` answers the same entries before Django in production.

Entries are keyed on the site-wide content version (see `fastpath.version`),
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
from django.utils.cache import patch_cache_control
from django.utils.http import parse_http_date_safe

from fastpath import memo, version
from ops.throttled_log import ThrottledWarning

logger = logging.getLogger(__name__)
# Once per outage and then now and again, not a traceback per request.
warn_unavailable = ThrottledWarning(logger, seconds=30)

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


def key_for(scheme: str, host: str, path: str, query: str) -> str:
    """The cache key of a URL under the current content version. HEAD shares
    GET's entry. (The site has one language, so it is not part of the key.)"""
    raw = "|".join([scheme, host, path, query])
    digest = hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()
    return f"lsv:page:{version.current()}:{digest}"


def cache_key(request) -> str:
    return key_for(
        request.scheme, request.get_host(), request.path, request.META.get("QUERY_STRING", "")
    )


def _eligible(request) -> bool:
    """Could this request be answered from the cache? (Before authentication.)"""
    if request.method not in ("GET", "HEAD"):
        return False
    if not CACHEABLE_PARAMS.issuperset(request.GET.keys()):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        # Perhaps logged in: what this visitor sees may be theirs alone.
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


# The latest expiry time already acted on, shared by every process.
EXPIRY_HANDLED_KEY = "lsv:expiry-handled"


def expired_version_check() -> None:
    """Pages that pass their expiry time disappear from listings without any
    signal: the version changes once when the earliest expiry among live pages
    passes. Once, not on every request until the scheduler unpublishes the
    page: the expiry is remembered as handled, and the next one looked for is
    later than it."""
    from wagtail.models import Page

    handled = version.per_version("expiry-handled", lambda: cache.get(EXPIRY_HANDLED_KEY))

    def next_expiry():
        pages = Page.objects.filter(live=True, expire_at__isnull=False)
        if handled is not None:
            pages = pages.filter(expire_at__gt=handled)
        return pages.order_by("expire_at").values_list("expire_at", flat=True).first()

    expiry = version.per_version("next-expiry", next_expiry)
    if expiry is None or expiry > timezone.now():
        return
    # Of all processes that see it pass, the first to claim it bumps.
    if cache.add(f"{EXPIRY_HANDLED_KEY}:{expiry.timestamp()}", True, 60 * 60):
        if handled is None or expiry > handled:
            cache.set(EXPIRY_HANDLED_KEY, expiry, version.TIMEOUT)
        version.bump()


def _check_expiry_quietly() -> None:
    try:
        expired_version_check()
    except Exception:
        # Without a database the view fails on its own terms (a 503 page).
        logger.debug("expiry check failed", exc_info=True)


# Headers that belong to one response on the wire, not to the stored page.
UNSTORED_HEADERS = frozenset({"x-page-cache", "date", "content-length"})


class CachedPage:
    """A stored response: status, headers, body and its ETag."""

    __slots__ = ("status", "headers", "content", "etag", "last_modified")

    def __init__(self, status, headers, content, etag, last_modified=None):
        self.status = status
        self.headers = headers
        self.content = content
        self.etag = etag
        self.last_modified = last_modified

    def __getstate__(self):
        return (self.status, self.headers, self.content, self.etag, self.last_modified)

    def __setstate__(self, state):
        self.status, self.headers, self.content, self.etag, self.last_modified = state

    def not_modified(self, if_none_match: str, if_modified_since: str) -> bool:
        """Whether a conditional GET may be answered 304 (RFC 9110 §13.1)."""
        if if_none_match:
            if if_none_match.strip() == "*":
                return True
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return self.etag.removeprefix("W/") in tags
        if if_modified_since and self.last_modified:
            since = parse_http_date_safe(if_modified_since)
            modified = parse_http_date_safe(self.last_modified)
            return None not in (since, modified) and modified <= since
        return False

    def wsgi_headers(self, content_length: int) -> list[tuple[str, str]]:
        return [
            *self.headers,
            ("Content-Length", str(content_length)),
            ("X-Page-Cache", "hit"),
        ]

    def not_modified_headers(self) -> list[tuple[str, str]]:
        kept = [(k, v) for k, v in self.headers if k.lower() in NOT_MODIFIED_HEADERS]
        return [*kept, ("X-Page-Cache", "hit")]

    def response(self, request) -> HttpResponse:
        """The entry as a response to `request`: a 304 when its conditions match."""
        meta = request.META
        conditions = (meta.get("HTTP_IF_NONE_MATCH", ""), meta.get("HTTP_IF_MODIFIED_SINCE", ""))
        if self.not_modified(*conditions):
            response = HttpResponse(status=304)
            headers = self.not_modified_headers()
        else:
            body = b"" if request.method == "HEAD" else self.content
            response = HttpResponse(body, status=self.status)
            headers = self.wsgi_headers(len(self.content))
        for name, value in headers:
            response[name] = value
        return response


# What a 304 repeats of the full response (RFC 9110 §15.4.5).
NOT_MODIFIED_HEADERS = frozenset(
    {"cache-control", "content-location", "etag", "expires", "vary", "last-modified"}
)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = memo.start_request()
        try:
            if not enabled() or not _eligible(request):
                if getattr(settings, "LSV_FRAGMENT_MEMO", True):
                    # Remembered fragments age like cached pages.
                    _check_expiry_quietly()
                return self.get_response(request)
            try:
                expired_version_check()
                key = cache_key(request)
                entry = cache.get(key)
            except Exception as error:
                # A cache (or database) outage makes pages slower, never broken.
                warn_unavailable("Page cache unavailable (%s)", type(error).__name__)
                return self.get_response(request)
            if entry is not None:
                return entry.response(request)
            response = self.get_response(request)
            self._store(request, response, key)
            return response
        finally:
            memo.end_request(token)

    def _store(self, request, response, key: str) -> None:
        if not self._storable(request, response):
            return
        content = response.content
        _public_headers(response, _etag(content))
        entry = CachedPage(
            response.status_code,
            [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS],
            content,
            response["ETag"],
            response.get("Last-Modified"),
        )
        # Any path can be a 404: kept briefly, so a scan of made-up URLs
        # cannot fill the cache for a day.
        seconds = (
            settings.LSV_PAGE_CACHE_404_SECONDS
            if response.status_code == 404
            else settings.LSV_PAGE_CACHE_SECONDS
        )
        try:
            cache.set(key, entry, seconds)
        except Exception as error:
            warn_unavailable("Page cache unavailable (%s)", type(error).__name__)
            return
        response["X-Page-Cache"] = "miss"

    @staticmethod
    def _storable(request, response) -> bool:
        if response.status_code not in CACHED_STATUSES or response.streaming:
            return False
        if getattr(request, "is_preview", False):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        # Session, CSRF or message cookies belong to one visitor.
        if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        # Private pages come back marked private by Wagtail's restriction check.
        # (Feeds say no-cache: browsers must ask each time, which a hit honours.)
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-store")):
            return False
        return not response.has_header("Set-Cookie")
