""" "Menade du …?": a query with no or few results, its misspelt words
replaced by the nearest words the site itself uses (PostgreSQL only).

Candidates come from `SearchWord` through pg_trgm's trigram index (`%`,
similarity at least 0.3); the best of them is chosen by `difflib`'s ratio,
which, unlike trigram similarity, does not favour shorter words ("kommunera"
is nearer "kommunerna" than "kommuner"). A suggestion is offered only when
it finds more than the query did.
"""

from difflib import SequenceMatcher

from django.db import connection

from search import entries

# Fewer results than this and a suggestion is looked for.
FEW_RESULTS = 3
# Longer queries get no suggestion: each unknown word costs a lookup.
MAX_WORDS = 4
# How near a word must be, by difflib's ratio, to be suggested.
MIN_RATIO = 0.75
CANDIDATES = 8

CANDIDATES_SQL = """
SELECT word FROM search_searchword
WHERE word %% %s
ORDER BY similarity(word, %s) DESC, word
LIMIT %s
"""


def _known(words: list[str]) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM search_searchword WHERE word = ANY (%s)", [words])
        return {row[0] for row in cursor.fetchall()}


def nearest_word(word: str) -> str | None:
    """The site's word nearest `word`, or None if none is near enough."""
    with connection.cursor() as cursor:
        cursor.execute(CANDIDATES_SQL, [word, word, CANDIDATES])
        candidates = [row[0] for row in cursor.fetchall()]
    scored = [(SequenceMatcher(None, word, c).ratio(), c) for c in candidates if c != word]
    if not scored:
        return None
    ratio, best = max(scored, key=lambda pair: (pair[0], -len(pair[1])))
    return best if ratio >= MIN_RATIO else None


def suggest(terms: str) -> str:
    """The query with its unknown words replaced by near ones the site uses,
    or "" when there is nothing to suggest."""
    if not entries.enabled():
        return ""
    words = terms.lower().split()
    if not words or len(words) > MAX_WORDS:
        return ""
    known = _known(words)
    suggested = []
    for word in words:
        if word in known or not word.isalpha() or len(word) < 3:
            suggested.append(word)
        else:
            suggested.append(nearest_word(word) or word)
    return " ".join(suggested) if suggested != words else ""
