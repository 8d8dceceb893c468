"""Search quality cases, in one place for the tests that assert them
(tests/search/test_ranking.py, tests/search/test_compounds.py) and for
`make bench-search`, which prints them: a small corpus of our own with
queries whose first results a reader would agree with, and compound queries
(a part of a Swedish compound, e.g. "omsorg" for "äldreomsorgen").

Both need PostgreSQL (`search.SearchEntry`). The pages are built with the
models themselves, under the index pages given, so the tests' site tree and
the benchmark's database serve alike.
"""

import datetime as dt
import json

from django.db import connection

from news.models import NewsArticlePage
from people.models import Authorship, PersonPage
from search.compounds import split_word
from search.results import ranked_page_ids
from whitepapers.models import WhitePaperPage

PEOPLE = {
    "henrik": ("Henrik Lund", "Forskare", "Malmö universitet", "Lokal demokrati i praktiken"),
    "sara": ("Sara Nilsson", "Verksamhetschef", "Region Skåne", "Vården behöver nya idéer"),
    "amir": ("Amir Haddad", "Projektledare", "Stadsmissionen", "Föreningslivet bygger broar"),
}

# key: (kind, date, title, lead or summary, body, topics, authors)
CONTENT = {
    "seed": (
        "news", "2026-03-10", "Samtal om integration i Järva",
        "Föreningar och myndigheter möttes för att prata om samarbete.",
        "Mötet samlade ett fyrtiotal deltagare. Kommunerna lyste med sin frånvaro, och "
        "flera talare kritiserade stelbentheten i systemet. Geoff Mulgan citerades om "
        "systemförändringar.",
        ["Integration", "Kommuner", "Social innovation"], ["henrik"],
    ),
    "budget": (
        "news", "2026-02-01", "Budget för nästa år",
        "Kommunen höjer avgiften för hemtjänsten.", "Beslutet togs i fullmäktige.",
        [], ["sara"],
    ),
    "cykel": (
        "news", "2026-05-20", "Ny cykelbana invigd",
        "Pendlare får en snabbare väg in till centrum.",
        "Bygget betalades av kommunen och staten tillsammans.", ["Klimat"], [],
    ),
    "kommunal": (
        "news", "2026-01-15", "Kommunerna och bostadsbristen",
        "Unga väntar i flera år på en första bostad.", "Hyresrätter byggs för sällan.",
        ["Bostäder"], [],
    ),
    "social": (
        "news", "2026-04-02", "Social innovation i Norden",
        "En ny rapport kartlägger arbetet i fem länder.",
        "Innovation handlar om att pröva nytt.", ["Social innovation"], ["amir"],
    ),
    "innov": (
        "news", "2026-04-20", "Innovation för social sammanhållning",
        "Idéer från civilsamhället.", "Sociala företag växer.", ["Social innovation"], [],
    ),
    "skola": (
        "news", "2026-06-01", "Läxhjälp på biblioteket",
        "Volontärer hjälper elever efter skolan.",
        "Biblioteket i Rinkeby har öppet till klockan åtta.", ["Skola", "Integration"], ["amir"],
    ),
    "skola2": (
        "news", "2026-06-10", "Skolan som mötesplats",
        "Föräldrar bjuds in till kvällsträffar.", "Läxhjälp ges på fredagar.", ["Skola"], [],
    ),
    "klimat": (
        "news", "2026-07-01", "Klimatanpassning i glesbygden", "Små orter rustar för skyfall.",
        "Kommunerna saknar ofta pengar för dagvatten.", ["Klimat"], [],
    ),
    "vard": (
        "paper", "2026-03-01", "Vårdens framtid",
        "Hur regionerna kan möta en åldrande befolkning.", "Rapporten föreslår fler hembesök.",
        [], ["sara"],
    ),
    "bostad": (
        "paper", "2026-05-05", "Bostäder för unga vuxna", "En genomgång av hyresmarknaden.",
        "Kommunerna har ett särskilt ansvar enligt lagen.", ["Bostäder", "Kommuner"], ["henrik"],
    ),
    "demokrati": (
        "paper", "2025-11-11", "Lokal demokrati", "Medborgardialoger i tio städer.",
        "Dialogerna ökade förtroendet.", [], [],
    ),
}  # fmt: skip

# (query, expected, exact): with exact, the first results are `expected` in
# that order; otherwise every page in `expected` is among the first three.
RANKING_CASES = [
    # The seed article of issue 18: "kommunerna" in its body, tagged Kommuner.
    ("kommunerna", ["kommunal", "seed"], False),
    ("kommunerna", ["kommunal", "bostad", "seed"], True),
    ("stelbentheten", ["seed"], True),
    ("Mulgan", ["seed"], True),
    ("systemförändringar", ["seed"], True),
    ("fyrtiotal deltagare", ["seed"], True),
    # The phrase in the title before all the words in the title.
    ("social innovation", ["social", "innov"], True),
    ("innovation för social", ["innov", "social"], True),
    # Alike in title and topic: the newer first.
    ("innovation", ["innov", "social"], True),
    # Authors' names, weighted like the lead; their own page first.
    ("Henrik Lund", ["henrik", "bostad", "seed"], True),
    ("Sara Nilsson", ["sara", "vard", "budget"], True),
    # People by role, organisation and headline.
    ("forskare", ["henrik"], True),
    ("Region Skåne", ["sara"], True),
    ("Stadsmissionen", ["amir"], True),
    ("föreningslivet", ["amir"], True),
    # Title, then lead or topic, then body.
    ("läxhjälp", ["skola", "skola2"], True),
    ("skolan", ["skola2", "skola"], True),
    ("bostäder", ["bostad", "kommunal"], True),
    ("integration", ["seed", "skola"], True),
    ("klimat", ["klimat", "cykel"], True),
    ("unga", ["bostad", "kommunal"], True),
    ("lokal demokrati", ["demokrati", "henrik"], True),
    ("regionerna", ["vard", "sara"], True),
    # Words only in a lead or body.
    ("hemtjänst", ["budget"], True),
    ("hemtjänsten", ["budget"], True),
    ("cykelbana", ["cykel"], True),
    ("hyresmarknaden", ["bostad"], True),
    ("dagvatten", ["klimat"], True),
    ("medborgardialoger", ["demokrati"], True),
    ("biblioteket rinkeby", ["skola"], True),
    ("vårdens framtid", ["vard"], True),
]

# (a compound in a page's body, a part of it a reader might search for)
COMPOUND_QUERIES = [
    ("välfärdssystemet", "välfärd"),
    ("välfärdssektorn", "välfärd"),
    ("välfärdssystemet", "system"),
    ("bostadsbristen", "bostad"),
    ("bostadsbristen", "brist"),
    ("klimatanpassningen", "klimat"),
    ("klimatanpassningen", "anpassning"),
    ("medborgardialogerna", "dialog"),
    ("systemförändringar", "förändring"),
    ("arbetsmarknaden", "marknad"),
    ("arbetsmarknaden", "arbete"),
    ("sjukvårdspersonalen", "personal"),
    ("sjukvårdspersonalen", "sjukvård"),
    ("ungdomsarbetslösheten", "arbetslöshet"),
    ("ungdomsarbetslösheten", "ungdom"),
    ("föreningslivet", "förening"),
    ("civilsamhällesorganisationer", "organisation"),
    ("civilsamhällesorganisationer", "civilsamhälle"),
    ("integrationsprojektet", "projekt"),
    ("integrationsprojektet", "integration"),
    ("kollektivtrafiken", "trafik"),
    ("landsbygdsutveckling", "landsbygd"),
    ("landsbygdsutveckling", "utveckling"),
    ("energieffektivisering", "energi"),
    ("skolresultaten", "resultat"),
    ("äldreomsorgen", "omsorg"),
    ("barnfattigdom", "fattigdom"),
    ("hemlöshetsfrågor", "hemlöshet"),
    ("socialtjänstlagen", "lag"),
    ("vattenförsörjning", "vatten"),
]

# The same match without compound parts (weight D) and without splitting the
# query: what the `swedish` stemmer alone finds.
BASELINE_SQL = """
SELECT page_id FROM search_searchentry
WHERE ts_filter(document, '{a,b,c}') @@ plainto_tsquery('swedish', %s)
"""


def paragraph(text: str) -> str:
    """A body of one paragraph, as StreamField JSON."""
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


def build_ranking_corpus(news, papers, people) -> dict[str, int]:
    """The pages of PEOPLE and CONTENT under the three index pages given;
    their keys → page ids."""
    ids, persons = {}, {}
    for key, (name, role, organisation, headline) in PEOPLE.items():
        persons[key] = people.add_child(
            instance=PersonPage(
                title=name,
                slug=f"kvalitet-{key}",
                role=role,
                organisation=organisation,
                headline=headline,
            )
        )
        ids[key] = persons[key].pk
    for key, (kind, date, title, lead, body, topics, authors) in CONTENT.items():
        fields = {
            "title": title,
            "slug": f"kvalitet-{key}",
            "body": paragraph(body),
            "publication_date": dt.date.fromisoformat(date),
        }
        if kind == "news":
            page = news.add_child(instance=NewsArticlePage(lead=lead, **fields))
        else:
            page = papers.add_child(instance=WhitePaperPage(summary=lead, **fields))
        for order, author in enumerate(authors):
            Authorship.objects.create(page=page, person=persons[author], sort_order=order)
        if topics:
            page.topics.add(*topics)
            page.save()
        ids[key] = page.pk
    return ids


def ranking_failures(ids: dict[str, int]) -> list[str]:
    """Each case of RANKING_CASES whose first results are off, with what came."""
    name_of = {pk: key for key, pk in ids.items()}
    failures = []
    for query, expected, exact in RANKING_CASES:
        got = [name_of.get(pk, pk) for pk in ranked_page_ids(query, limit=5).page_ids]
        ok = got[: len(expected)] == expected if exact else set(expected) <= set(got[:3])
        if not ok:
            failures.append(f"{query!r}: expected {expected}, got {got}")
    return failures


def build_compound_pages(news) -> dict[str, int]:
    """A page for each compound of COMPOUND_QUERIES, the compound in its body;
    compound → page id."""
    words = dict.fromkeys(word for word, _query in COMPOUND_QUERIES)
    return {
        word: news.add_child(
            instance=NewsArticlePage(
                title=f"Sida {n}",
                slug=f"kvalitet-sida-{n}",
                lead=f"Ingress till nyhet {n}.",
                body=paragraph(f"Det handlar om {word}."),
                publication_date=dt.date(2026, 1, 1),
            )
        ).pk
        for n, word in enumerate(words)
    }


def compound_recall(pages: dict[str, int]) -> tuple[int, int, list[str]]:
    """How many of COMPOUND_QUERIES find their page: with the splitting, and
    with the stemmer alone; and the queries missed with the splitting."""
    found = baseline = 0
    missed = []
    for word, query in COMPOUND_QUERIES:
        if pages[word] in ranked_page_ids(query, limit=50).page_ids:
            found += 1
        else:
            missed.append(f"{query} → {word} (parts: {split_word(word)})")
        with connection.cursor() as cursor:
            cursor.execute(BASELINE_SQL, [query])
            baseline += pages[word] in {row[0] for row in cursor.fetchall()}
    return found, baseline, missed
