"""Pieces many pages share, kept in this process until content changes.

A card or a picture renders the same on every page that shows it, and which
pages a "Läs mer" strip links to is the same for every visitor; all of it
changes only when content does, and every such change bumps the content
version (fastpath.version). So they are computed once per version in each
process and reused by every page that needs them, with or without the
full-page cache in front: an uncached page then builds only what is its own.

Bounded by size (least recently used go first). Off in previews, where the
page in hand is not what is published, and with `LSV_FRAGMENT_MEMO=false`
(to measure what a page costs from scratch).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.conf import settings

T = TypeVar("T")

_entries: OrderedDict[Hashable, tuple[object, int]] = OrderedDict()
_state = {"version": None, "bytes": 0}
# Threaded servers (runserver, a threaded worker) share the store.
_lock = threading.RLock()


def keys() -> list:
    """What is kept, least recently used first."""
    return list(_entries)


def enabled(request) -> bool:
    """Whether this request may use the memo."""
    if not getattr(settings, "LSV_FRAGMENT_MEMO", True):
        return False
    return request is not None and not getattr(request, "is_preview", False)


def stored(page) -> bool:
    """Whether `page` is as stored: saved, and with no child relations (links,
    topics, authors, picks) held in memory, as a preview or a revision has.
    Only then do the database's rows, and what is remembered of them, hold."""
    return bool(page.pk) and not getattr(page, "_cluster_related_objects", None)


def recall(request, key: Hashable):
    """What was kept for `key` under this content version, or None."""
    if not enabled(request):
        return None
    with _lock:
        _check_version()
        hit = _entries.get(key)
        if hit is None:
            return None
        _entries.move_to_end(key)
        return hit[0]


def keep(request, key: Hashable, value, size: int | Callable[[object], int] | None = None) -> None:
    """Keep `value` for `key` until the content version changes (or the bound is hit).

    `size` is what the value costs against the bound, or a function of the
    value giving it (a string's length by default); anything else should pass
    an estimate.
    """
    if not enabled(request):
        return
    cost = size(value) if callable(size) else size if size is not None else len(value)
    limit = settings.LSV_FRAGMENT_MEMO_BYTES
    with _lock:
        _check_version()
        old = _entries.pop(key, None)
        if old is not None:
            _state["bytes"] -= old[1]
        _entries[key] = (value, cost)
        _state["bytes"] += cost
        while _state["bytes"] > limit and _entries:
            _, (_, dropped) = _entries.popitem(last=False)
            _state["bytes"] -= dropped


def remember(
    request, key: Hashable, compute: Callable[[], T], size: int | Callable[[T], int] | None = None
) -> T:
    """`compute()`, or what it returned for `key` under this content version."""
    hit = recall(request, key)
    if hit is not None:
        return hit
    value = compute()
    keep(request, key, value, size)
    return value


def _check_version() -> None:
    from fastpath import version

    current = version.current()
    if _state["version"] != current:
        clear()
        _state["version"] = current


def size() -> dict[str, int]:
    return {"entries": len(_entries), "bytes": _state["bytes"]}


def clear() -> None:
    with _lock:
        _entries.clear()
        _state["bytes"] = 0
