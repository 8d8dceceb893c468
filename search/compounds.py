"""Swedish compounds split into their parts, so that "välfärd" finds
"välfärdssystemet" (PostgreSQL's `swedish` stemmer only cuts endings).

Done in Python, at index time (the parts of a page's long words go into its
entry at the lowest weight, D, so a part matches but ranks below the word
itself) and at query time (a compound in the query also matches its parts
written apart), so it needs no dictionary inside PostgreSQL and works on
hosted databases too. The splitting is Hunspell's, through `spylls` (pure
Python) with Debian's `hunspell-sv` dictionary: `LSV_HUNSPELL_SV` names its
files without the extension (default `/usr/share/hunspell/sv_SE`).
"""

from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Shorter words are rarely compounds worth splitting, and checking costs
# about 15 ms a word.
MIN_LENGTH = 8
# A part shorter than this ("s", "a") says nothing on its own.
MIN_PART = 3


def dictionary_path() -> str:
    return getattr(settings, "LSV_HUNSPELL_SV", "/usr/share/hunspell/sv_SE")


@cache
def _dictionary():
    from spylls.hunspell import Dictionary

    path = dictionary_path()
    missing = [ext for ext in (".aff", ".dic") if not Path(path + ext).is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"Swedish Hunspell dictionary not found: {path}{' and '.join(missing)}. "
            "Install Debian's hunspell-sv (apt-get install hunspell-sv) or set "
            "LSV_HUNSPELL_SV to the path of sv_SE.aff/.dic without the extension."
        )
    return Dictionary.from_files(path)


@lru_cache(maxsize=200_000)
def _split(word: str) -> tuple[tuple[str, str], ...]:
    """(as written, dictionary form) of each part of a compound, or () for a
    word that is not one. Both are kept: PostgreSQL's Swedish stemmer does
    not always bring the two to one stem ("systemet" stays "systemet")."""
    if len(word) < MIN_LENGTH or not word.isalpha():
        return ()
    best: tuple[tuple[str, str], ...] = ()
    for form in _dictionary().lookuper.good_forms(word):
        parts = getattr(form, "parts", None)
        if parts is None:
            continue  # the word whole (many compounds are in the dictionary too)
        pairs = tuple((part.text, part.stem) for part in parts)
        if all(len(text) >= MIN_PART for text, _stem in pairs) and (
            not best or len(pairs) < len(best)
        ):
            best = pairs
    return best


def split_word(word: str) -> tuple[str, ...]:
    """The parts of a compound in their dictionary form ("välfärdssystemet" →
    ("välfärd", "system")), or () for a word that is not one."""
    return tuple(stem for _text, stem in _split(word.lower()))


def compound_parts(text: str) -> str:
    """The parts of every compound in `text`, as written and in their
    dictionary form, space-separated (each distinct compound once)."""
    words = dict.fromkeys(word.strip(".,;:!?()[]\"'”“–-") for word in text.lower().split())
    parts = []
    for word in words:
        for written, stem in _split(word):
            parts.extend(dict.fromkeys((written, stem)))
    return " ".join(parts)


def split_query(terms: str) -> str:
    """The query with its compounds written as their parts, or "" if none."""
    words = terms.split()
    split = [" ".join(split_word(word)) or word for word in words]
    return " ".join(split) if split != words else ""
