"""One site-wide content version, kept in the shared cache.

Everything derived from content (cached pages, navigation, the site lookup,
view restrictions) is keyed on it, so bumping it makes all of it stale at once,
in every process that shares the cache. The version is a random token, not a
counter: if the cache loses the key, a fresh token can never match entries
written under an older one.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from fastpath import memo

T = TypeVar("T")

KEY = "lsv:content-version"
# Long enough to outlive any entry keyed on it; a lost key only costs misses.
TIMEOUT = 60 * 60 * 24 * 30


def _new_token() -> str:
    return uuid.uuid4().hex[:16]


def current() -> str:
    """The current version; read once per request."""
    return memo.per_request("content-version", _read)


def _read() -> str:
    try:
        token = cache.get(KEY)
        if token is None:
            cache.add(KEY, _new_token(), TIMEOUT)
            token = cache.get(KEY)
    except Exception:
        # Without a cache nothing cached can be trusted: a fresh token misses.
        token = None
    return token or _new_token()


def bump() -> None:
    """New version now, and again when the surrounding transaction commits: a
    request between the two could otherwise cache what it read before the
    commit under the new version."""
    _set_new_token()
    transaction.on_commit(_set_new_token)


def _set_new_token() -> None:
    cache.set(KEY, _new_token(), TIMEOUT)
    memo.forget_request_values()


_process_values: dict[str, tuple[str, object]] = {}
# Keys include host names, so bound the dict against unusual traffic.
MAX_PROCESS_VALUES = 256


def per_version(key: str, compute: Callable[[], T]) -> T:
    """The value `compute` gives, kept in this process until the content
    version changes: for what every request needs and only content changes
    (the site lookup, the navigation, view restrictions)."""
    version = current()
    hit = _process_values.get(key)
    if hit is not None and hit[0] == version:
        return hit[1]
    value = compute()
    if len(_process_values) >= MAX_PROCESS_VALUES:
        _process_values.clear()
    _process_values[key] = (version, value)
    return value


def clear_process_values() -> None:
    _process_values.clear()
