"""Turning whatever arrives in `?q=` into something safe to show and to search."""

import re

# Long enough for any real question; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+")


def clean_query(raw: str) -> str:
    """The query as the visitor typed it, minus control characters (NUL bytes
    would make PostgreSQL refuse the query) and surplus spaces, truncated."""
    text = " ".join(_CONTROL_CHARS.sub(" ", raw).split())
    return text[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """Only the words: tsquery and FTS5 operators (& | ! :* ( ') are syntax to
    the search backends, never something a visitor means to search for."""
    return " ".join(_WORD.findall(query))
