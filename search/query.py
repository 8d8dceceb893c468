"""Turning whatever arrives in `?q=` into something safe to show and to search:
the words, the phrases in quotes and the `typ:`/`ämne:`/`år:` operators."""

import re
from typing import NamedTuple

# Long enough for any real question; longer input is cut, not refused.
MAX_QUERY_LENGTH = 200

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+")

# Opening quotation mark → the marks that close it: straight quotes, Swedish
# ”…” and »…», English “…”, French «…» and German „…“.
QUOTES = {'"': '"', "”": "”", "“": "”“", "»": "»", "«": "»", "„": "“”"}
_QUOTED = "|".join(
    f"{re.escape(opening)}[^{re.escape(closing)}]*[{re.escape(closing)}]"
    for opening, closing in QUOTES.items()
)
_QUOTED_SPAN = re.compile(_QUOTED)

# `typ:nyheter`, `ämne:klimat`, `ämne:”social innovation”`, `år:2026` (also
# without the Swedish letters), as a word of its own.
OPERATOR_NAMES = {"typ": "kind", "ämne": "topic", "amne": "topic", "år": "year", "ar": "year"}
_OPERATOR = re.compile(
    rf"(?<!\S)(?P<name>{'|'.join(OPERATOR_NAMES)}):(?P<value>{_QUOTED}|[^\s{''.join(QUOTES)}]+)",
    re.IGNORECASE,
)


class Operator(NamedTuple):
    field: str  # "kind", "topic" or "year"
    value: str  # as written, without quotation marks


def clean_query(raw: str) -> str:
    """The query as the visitor typed it, minus control characters (NUL bytes
    would make PostgreSQL refuse the query) and surplus spaces, truncated."""
    text = " ".join(_CONTROL_CHARS.sub(" ", raw).split())
    return text[:MAX_QUERY_LENGTH].strip()


def search_terms(query: str) -> str:
    """Only the words: tsquery and FTS5 operators (& | ! :* ( ') are syntax to
    the search backends, never something a visitor means to search for."""
    return " ".join(_WORD.findall(query))


def phrases(query: str) -> tuple[str, ...]:
    """The words of each phrase in quotation marks, as space-separated words
    (so no quote or operator ever reaches a backend). A quotation mark
    without its closing one is no phrase: its words are plain words. A single
    quoted word is no phrase either: it is matched like any word."""
    found = []
    for quoted in _QUOTED_SPAN.finditer(query):
        words = _WORD.findall(quoted.group()[1:-1])
        if len(words) > 1:
            found.append(" ".join(words))
    return tuple(dict.fromkeys(found))


def split_operators(query: str) -> tuple[str, list[Operator]]:
    """The query without its `typ:`, `ämne:` and `år:` operators, and the
    operators in the order written."""
    operators = [
        Operator(OPERATOR_NAMES[match["name"].lower()], _unquoted(match["value"]))
        for match in _OPERATOR.finditer(query)
    ]
    return " ".join(_OPERATOR.sub(" ", query).split()), operators


def _unquoted(value: str) -> str:
    if value[0] in QUOTES and value[-1] in QUOTES[value[0]] and len(value) > 1:
        value = value[1:-1]
    return " ".join(value.split())
