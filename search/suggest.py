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
# Longer queries get no suggestion: each unknown word costs a trigram search.
MAX_WORDS = 4
# How near a word must be, by difflib's ratio, to be suggested.
MIN_RATIO = 0.75
CANDIDATES = 8

# For each word to look up: whether the site uses it and, if it does not, the
# nearest candidates through the trigram index, in order; one statement for
# all the words of a query.
CANDIDATES_SQL = """
SELECT looked_up.word, looked_up.known, near.word, near.position
FROM (
    SELECT word, EXISTS (
        SELECT FROM search_searchword AS used WHERE used.word = words.word
    ) AS known
    FROM unnest(%(words)s::text[]) AS words(word)
) AS looked_up
LEFT JOIN LATERAL (
    SELECT candidate.word,
           row_number() OVER (
               ORDER BY similarity(candidate.word, looked_up.word) DESC, candidate.word
           ) AS position
    FROM search_searchword AS candidate
    WHERE NOT looked_up.known AND candidate.word %% looked_up.word
    ORDER BY position
    LIMIT %(limit)s
) AS near ON true
"""


def nearest_words(words: list[str]) -> dict[str, str | None]:
    """Each of `words` the site never uses → the site's word nearest it, or
    None if none is near enough; the words it uses are left out."""
    if not words:
        return {}
    with connection.cursor() as cursor:
        cursor.execute(CANDIDATES_SQL, {"words": list(dict.fromkeys(words)), "limit": CANDIDATES})
        rows = cursor.fetchall()
    candidates: dict[str, list[tuple[int, str]]] = {}
    for word, known, candidate, position in rows:
        if not known:
            found = candidates.setdefault(word, [])
            if candidate is not None:
                found.append((position, candidate))
    return {
        word: _nearest(word, [c for _p, c in sorted(found)]) for word, found in candidates.items()
    }


def _nearest(word: str, candidates: list[str]) -> str | None:
    """The candidate nearest `word` by difflib's ratio (the shorter of equals),
    or None if none is near enough."""
    scored = [(SequenceMatcher(None, word, c).ratio(), c) for c in candidates if c != word]
    if not scored:
        return None
    ratio, best = max(scored, key=lambda pair: (pair[0], -len(pair[1])))
    return best if ratio >= MIN_RATIO else None


def suggest(terms: str) -> str:
    """The query with its unknown words replaced by near ones the site uses,
    or "" when there is nothing to suggest. One query at most, for all the
    words: none when no word is one to look up."""
    if not entries.enabled():
        return ""
    words = terms.lower().split()
    if not words or len(words) > MAX_WORDS:
        return ""
    nearest = nearest_words([word for word in words if word.isalpha() and len(word) >= 3])
    suggested = [nearest.get(word) or word for word in words]
    return " ".join(suggested) if suggested != words else ""
