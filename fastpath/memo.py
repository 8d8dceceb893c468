"""A per-request memo that saves queries on the hot path.

`per_request` keeps a value for the rest of the current request (or computes
it every time outside one). Its sibling, `version.per_version`, keeps a value
until the content version changes.
"""

from collections.abc import Callable
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_request_values: ContextVar[dict | None] = ContextVar("lsv_request_values", default=None)


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
