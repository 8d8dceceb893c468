"""Cached pages answered before Django: a WSGI wrapper around the application.

Through Django, even a cache hit pays for the request cycle: its signals, the
middleware chain, a response object. `PageCacheFront` looks the request up in
the entries `PageCacheMiddleware` stored (same key, same eligibility rules)
and answers a hit itself, with the stored headers and one request-log line;
anything else goes to Django unchanged. `lsv_site/wsgi.py` wraps the
application in it; `LSV_PAGE_CACHE_FRONT=false` turns it off.
"""

import logging
import time
from http import HTTPStatus
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info, get_script_name

from fastpath import memo
from fastpath.page_cache import CACHEABLE_PARAMS, enabled, expired_version_check, key_for
from ops.middleware.request_log import log_request, logger

REASONS = {status.value: f"{status.value} {status.phrase}" for status in HTTPStatus}


class RecentEntries:
    """Entries this process has already read from the shared cache, so a
    popular page is not read, unpickled and decompressed again on every hit.
    Keys carry the content version, so an entry kept here is never stale; a
    new version, or the byte budget running out, empties the lot."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.version = None
        self.entries: dict = {}
        self.size = 0

    def get(self, key: str):
        return self.entries.get(key)

    def put(self, key: str, entry) -> None:
        version = key.rsplit(":", 1)[0]
        size = len(entry.content)
        if version != self.version or self.size + size > self.max_bytes:
            self.entries.clear()
            self.size = 0
            self.version = version
        if size <= self.max_bytes:
            self.entries[key] = entry
            self.size += size


def request_key(environ) -> tuple[str, str] | None:
    """The key `PageCacheMiddleware` would use for this request, and the path,
    or None when the middleware would not look in the cache (or Django should
    decide, such as without a Host header)."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return None
    query = environ.get("QUERY_STRING", "")
    if query and not CACHEABLE_PARAMS.issuperset(k for k, _ in parse_qsl(query, True)):
        return None
    if settings.SESSION_COOKIE_NAME in environ.get("HTTP_COOKIE", ""):
        return None
    host = environ.get("HTTP_HOST")
    if not host or settings.USE_X_FORWARDED_HOST:
        return None
    scheme = environ.get("wsgi.url_scheme", "http")
    if settings.SECURE_PROXY_SSL_HEADER:
        header, secure = settings.SECURE_PROXY_SSL_HEADER
        forwarded = environ.get(header)
        if forwarded is not None:
            scheme = "https" if forwarded.split(",", 1)[0].strip() == secure else "http"
    # As WSGIRequest builds request.path.
    script_name, path_info = get_script_name(environ), get_path_info(environ) or "/"
    path = "{}/{}".format(script_name.rstrip("/"), path_info.replace("/", "", 1))
    return key_for(scheme, host, path, query), path


class PageCacheFront:
    def __init__(self, application, recent_bytes: int = 16 * 1024 * 1024):
        self.application = application
        self.recent = RecentEntries(recent_bytes)

    def __call__(self, environ, start_response):
        started = time.perf_counter()
        if not enabled():
            return self.application(environ, start_response)
        token = memo.start_request()
        try:
            found = request_key(environ)
            if found is None:
                return self.application(environ, start_response)
            key, path = found
            expired_version_check()
            entry = self.recent.get(key)
            if entry is None:
                entry = cache.get(key)
                if entry is not None:
                    self.recent.put(key, entry)
        except Exception:  # noqa: BLE001 - Django answers instead, errors included
            entry = None
        finally:
            memo.end_request(token)
        if entry is None:
            return self.application(environ, start_response)
        return self._answer(environ, path, entry, start_response, started)

    @staticmethod
    def _answer(environ, path, entry, start_response, started):
        method = environ["REQUEST_METHOD"]
        if entry.not_modified(
            environ.get("HTTP_IF_NONE_MATCH", ""), environ.get("HTTP_IF_MODIFIED_SINCE", "")
        ):
            status, body = 304, b""
            headers = entry.not_modified_headers()
        else:
            status = entry.status
            body = b"" if method == "HEAD" else entry.content
            headers = entry.wsgi_headers(len(entry.content))
        start_response(REASONS.get(status, str(status)), headers)
        if logger.isEnabledFor(logging.INFO):
            log_request(method, path, status, started)
        return [body]


def wrap(application):
    if not getattr(settings, "LSV_PAGE_CACHE_FRONT", True):
        return application
    return PageCacheFront(application)
