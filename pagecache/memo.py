"""Two small memos that save queries on the hot path.

`per_request` keeps a value for the rest of the current request (or computes
it every time outside one). `per_version` keeps a value in this process until
the content version changes, for things every request needs and that change
only when content does: the site lookup, the navigation, view restrictions.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_request_values: ContextVar[dict | None] = ContextVar("lsv_request_values", default=None)
_process_values: dict[str, tuple[str, object]] = {}
# Keys include host names, so bound the dict against unusual traffic.
MAX_PROCESS_VALUES = 256


def start_request():
    return _request_values.set({})


def end_request(token) -> None:
    _request_values.reset(token)


def forget_request_values() -> None:
    values = _request_values.get()
    if values is not None:
        values.clear()


def per_request(key: str, compute: Callable[[], T]) -> T:
    values = _request_values.get()
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def per_version(key: str, compute: Callable[[], T]) -> T:
    from pagecache import version

    current = version.current()
    hit = _process_values.get(key)
    if hit is not None and hit[0] == current:
        return hit[1]
    value = compute()
    if len(_process_values) >= MAX_PROCESS_VALUES:
        _process_values.clear()
    _process_values[key] = (current, value)
    return value


def clear_process_values() -> None:
    _process_values.clear()
