"""Two versions kept in the shared cache: the content version and the site
version.

Everything derived from content (cached pages, cards, listings, feeds) is
keyed on the content version, so bumping it makes all of it stale at once, in
every process that shares the cache. What every page needs and only changes
with the shape of the site (the site lookup, view restrictions, the menu, the
footer) is keyed on the site version, which changes with it less often: an
edit to an article is not a reason to look up the site again. A site bump is
a content bump too (pages show the menu and footer).

A version is a random token, not a counter: if the cache loses a key, a fresh
token can never match entries written under an older one.
"""

import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction

from fastpath import memo

T = TypeVar("T")

KEY = "lsv:content-version"
SITE_KEY = "lsv:site-version"
KEYS = (KEY, SITE_KEY)
# Long enough to outlive any entry keyed on it; a lost key only costs misses.
TIMEOUT = 60 * 60 * 24 * 30


def _new_token() -> str:
    return uuid.uuid4().hex[:16]


def current() -> str:
    """The current content version; read once per request."""
    return _read_once()[0]


def site_current() -> str:
    """The current site version (read with the content version)."""
    return _read_once()[1]


def _read_once() -> tuple[str, str]:
    return memo.per_request("versions", _read)


def _read() -> tuple[str, str]:
    """Both tokens in one round trip to the cache."""
    try:
        found = cache.get_many(KEYS)
        if len(found) < len(KEYS):
            for key in KEYS:
                if key not in found:
                    cache.add(key, _new_token(), TIMEOUT)
            found = cache.get_many(KEYS)
    except Exception:
        # Without a cache nothing cached can be trusted: fresh tokens miss.
        found = {}
    return found.get(KEY) or _new_token(), found.get(SITE_KEY) or _new_token()


def bump(*, site: bool = False) -> None:
    """New version now, and again when the surrounding transaction commits: a
    request between the two could otherwise cache what it read before the
    commit under the new version. `site=True` for a change to the shape of
    the site (a section, a privacy setting, the footer, a site record)."""
    _set_new_tokens(site)
    transaction.on_commit(lambda: _set_new_tokens(site))


def _set_new_tokens(site: bool) -> None:
    tokens = {KEY: _new_token()}
    if site:
        tokens[SITE_KEY] = _new_token()
    cache.set_many(tokens, TIMEOUT)
    memo.forget_request_values()


_process_values: dict[str, tuple[str, object]] = {}
# Keys include host names, so bound the dict against unusual traffic.
MAX_PROCESS_VALUES = 256


def per_version(key: str, compute: Callable[[], T], *, site: bool = False) -> T:
    """The value `compute` gives, kept in this process until the content
    version changes, or with `site=True` until the site version does: for
    what every request needs and only such a change can change (the site
    lookup, the navigation, view restrictions)."""
    version = site_current() if site else current()
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
