"""`make bench-search`: search latency and quality on a realistically sized site.

Builds 10,000 articles, 200 white papers (with PDF text) and 100 people in a
separate PostgreSQL database, then sends 200 varied queries through the search
view in-process and reports p50/p95 latency (excerpts on) and SQL queries per
request; then the quality cases of `bench.search_quality`: compound recall and
the ranking cases' pass rate, each on its own small corpus in a transaction
that is rolled back.
"""

import datetime as dt
import json
import os
import random
import re
import statistics
import time
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.html import escape

from wagtail.documents import get_document_model
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from bench import search_quality
from bench.database import recreate_database
from home.demo import data
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PeopleIndexPage, PersonPage
from search import entries
from search.models import SearchEntry
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage

TOPICS = [
    ("psykisk ohälsa", "psykiska ohälsan"),
    ("integration", "integrationen"),
    ("social innovation", "sociala innovationer"),
    ("bostadsbrist", "bostäderna"),
    ("hemlöshet", "hemlösheten"),
    ("barnfattigdom", "barnfamiljerna"),
    ("äldreomsorg", "äldreomsorgen"),
    ("arbetsmarknad", "arbetsmarknaden"),
    ("civilsamhälle", "civilsamhällets organisationer"),
    ("effektmätning", "effekterna"),
    ("ensamhet", "ensamheten"),
    ("folkhälsa", "folkhälsan"),
    ("skola", "skolorna"),
    ("digitalisering", "digitala tjänster"),
    ("landsbygd", "landsbygdens kommuner"),
    ("idrott", "idrottsföreningarna"),
    ("kultur", "kulturlivet"),
    ("tillit", "tillitsbaserad styrning"),
]
ACTORS = [
    "Kommunen",
    "Regionen",
    "Föreningen",
    "Stiftelsen",
    "Kommunerna",
    "Civilsamhället",
    "Socialtjänsten",
    "Nätverket",
    "Forskarna",
    "Unga vuxna",
]
VERBS = [
    "satsar på",
    "utvärderar",
    "kartlägger",
    "testar nya vägar inom",
    "lyfter",
    "samlar kraft kring",
]
PLACES = (
    "Umeå Malmö Göteborg Östersund Västerås Luleå Kalmar Uppsala Örebro Gävle Kiruna Visby "
    "Jönköping Borås Norrköping Sundsvall"
).split()
FIRST_NAMES = (
    "Anna Erik Karin Lars Sara Johan Eva Mikael Lena Ali Fatima Per Maja Nils Amira Olof "
    "Ingrid Hassan Elin Sven"
).split()
LAST_NAMES = (
    "Andersson Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson "
    "Gustafsson Lindqvist Berg Holm Sandberg Ek"
).split()
ROLES = ["Utredare", "Projektledare", "Forskare", "Verksamhetschef", "Kommunikatör", "Analytiker"]


def demo_sentences() -> list[str]:
    """Real Swedish sentences from the demo content, to build bodies from."""
    texts = []
    for item in data.ARTICLES + data.WHITE_PAPERS:
        texts += [block[1] for block in item.get("body", []) if block[0] == "paragraph"]
        for _heading, paragraphs in item.get("pdf_sections", []):
            texts += paragraphs
    for person in data.PEOPLE:
        texts += person.get("bio", [])
    sentences = []
    for text in texts:
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]
    return sentences


def database_cpu_seconds() -> float | None:
    """CPU time used so far by this connection's PostgreSQL backend, when the
    server runs on this machine (None otherwise)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, fields 14 and 15 of stat(5), in clock ticks.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Command(BaseCommand):
    help = "Search benchmark on PostgreSQL in its own database (make bench-search)."

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--papers", type=int, default=200)
        parser.add_argument("--people", type=int, default=100)
        parser.add_argument("--queries", type=int, default=200)
        parser.add_argument(
            "--reuse", action="store_true", help="Measure the content built by an earlier run."
        )

    def handle(self, *args, **options):
        db = settings.DATABASES["default"]
        if not settings.DATABASE_IS_POSTGRES or "bench" not in db["NAME"]:
            raise CommandError(
                "Runs only on a PostgreSQL database whose name contains 'bench' (it drops "
                "and rebuilds it): DATABASE_URL=postgres://…/lsv_bench"
            )
        self.random = random.Random(5)
        self.sentences = demo_sentences()
        if not options["reuse"]:
            recreate_database(db)
            started = time.perf_counter()
            call_command("migrate", verbosity=0)
            self.build(options["articles"], options["papers"], options["people"])
            self.stdout.write(f"Built and indexed in {time.perf_counter() - started:.0f} s.")
        self.measure(options["queries"])
        self.measure_quality()

    # The database ------------------------------------------------------------

    # Content -------------------------------------------------------------------

    def paragraphs(self, count: int) -> list[str]:
        return [" ".join(self.random.sample(self.sentences, 4)) for _ in range(count)]

    def title(self) -> tuple[str, str]:
        topic, inflected = self.random.choice(TOPICS)
        actor, verb, place = (
            self.random.choice(ACTORS),
            self.random.choice(VERBS),
            self.random.choice(PLACES),
        )
        return f"{actor} i {place} {verb} {self.random.choice((topic, inflected))}", topic

    def body(self, count: int) -> str:
        return json.dumps(
            [{"type": "paragraph", "value": f"<p>{escape(p)}</p>"} for p in self.paragraphs(count)]
        )

    @transaction.atomic
    def build(self, articles: int, papers: int, people: int) -> None:
        home = Site.objects.get(is_default_site=True).root_page
        news = home.add_child(instance=NewsIndexPage(title="Nyheter", slug="nyheter"))
        paper_index = home.add_child(
            instance=WhitePaperIndexPage(title="White papers", slug="white-papers")
        )
        people_index = home.add_child(instance=PeopleIndexPage(title="Personer", slug="personer"))
        day = dt.date(2026, 11, 1)

        def article(n):
            title, topic = self.title()
            return {
                "title": title,
                "lead": f"{self.random.choice(self.sentences)} Om {topic} i {n % 290} kommuner.",
                "publication_date": day - dt.timedelta(days=n % 3000),
                "body": self.body(self.random.randint(3, 8)),
            }

        self.bulk_children(news, NewsArticlePage, [article(n) for n in range(articles)])

        Document = get_document_model()
        documents = Document.objects.bulk_create(
            Document(
                title=f"Rapport {n}",
                file=f"documents/bench-{n}.pdf",
                extracted_text="\n".join(self.paragraphs(40)),
                text_status="ok",
            )
            for n in range(papers)
        )

        def paper(n):
            title, topic = self.title()
            return {
                "title": f"Rapport: {title}",
                "summary": f"En kunskapsöversikt om {topic}. {self.random.choice(self.sentences)}",
                "publication_date": day - dt.timedelta(days=n * 7),
                "pdf_id": documents[n].pk,
                "body": self.body(3),
            }

        self.bulk_children(paper_index, WhitePaperPage, [paper(n) for n in range(papers)])

        def person(n):
            name = f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"
            return {
                "title": name,
                "role": self.random.choice(ROLES),
                "organisation": "LSV",
                "quote": self.random.choice(self.sentences),
                "bio": "".join(f"<p>{escape(p)}</p>" for p in self.paragraphs(2)),
            }

        self.bulk_children(people_index, PersonPage, [person(n) for n in range(people)])

        # Wagtail's index too: the admin's page search uses it, so a real site
        # has both.
        backend = get_search_backend()
        for model in (NewsArticlePage, WhitePaperPage, PersonPage):
            started = time.perf_counter()
            objects = model.get_indexed_objects()
            ids = list(model.objects.values_list("id", flat=True))
            for start in range(0, len(ids), 500):
                backend.add_bulk(model, list(objects.filter(id__in=ids[start : start + 500])))
            self.stdout.write(
                f"Indexed {len(ids)} {model._meta.verbose_name_plural} "
                f"in {time.perf_counter() - started:.0f} s."
            )
        # Bulk-created pages sent no signals: their search entries are written here.
        started = time.perf_counter()
        written = entries.update_entries()
        self.stdout.write(
            f"Wrote {written} search entries in {time.perf_counter() - started:.0f} s."
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    def bulk_children(self, parent: Page, model, rows: list[dict]) -> None:
        """Pages under `parent` without add_child's per-page tree bookkeeping:
        the tree paths are computed here the way treebeard would number them.
        Multi-table models cannot be bulk-created, so the Page rows go first and
        the specific rows are inserted against their ids."""
        started = time.perf_counter()
        content_type = ContentType.objects.get_for_model(model)
        now = timezone.now()
        taken = set()
        pages = []
        for n, row in enumerate(rows, start=1):
            slug = re.sub(r"[^a-z0-9]+", "-", row["title"].lower()).strip("-")[:60] or "sida"
            while slug in taken:
                slug = f"{slug[:55]}-{n}"
            taken.add(slug)
            pages.append(
                Page(
                    title=row["title"],
                    draft_title=row["title"],
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(parent.path, parent.depth + 1, n),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    locale_id=parent.locale_id,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        pages = Page.objects.bulk_create(pages, batch_size=1000)
        specific = []
        for page, row in zip(pages, rows, strict=True):
            fields = {k: v for k, v in row.items() if k != "title"}
            specific.append(model(page_ptr_id=page.pk, **fields))
        local_fields = model._meta.local_concrete_fields
        for start in range(0, len(specific), 1000):
            model._base_manager._insert(specific[start : start + 1000], fields=local_fields)
        Page.objects.filter(pk=parent.pk).update(numchild=len(rows))
        self.stdout.write(
            f"Created {len(rows)} {model._meta.verbose_name_plural} "
            f"in {time.perf_counter() - started:.0f} s."
        )

    # Measuring -----------------------------------------------------------------

    def queries(self, count: int) -> list[dict]:
        """Varied queries: word forms, two words, names, phrases only in PDFs,
        rare and absent words, kind filters and later pages."""
        pick = random.Random(7)
        names = list(PersonPage.objects.values_list("title", flat=True)[:50])
        pdf_phrase = " ".join(pick.choice(self.sentences).split()[2:6])
        makers = [
            lambda: pick.choice(TOPICS)[0],
            lambda: pick.choice(TOPICS)[1],
            lambda: f"{pick.choice(TOPICS)[0]} {pick.choice(PLACES)}",
            lambda: pick.choice(PLACES),
            lambda: pick.choice(names) if names else "Anna",
            lambda: pick.choice(ROLES).lower(),
            lambda: pdf_phrase,
            lambda: pick.choice(("kommunerna", "innovationer", "föreningarna", "ungdomar")),
            lambda: pick.choice(("zyxwvu", "fotosyntes", "kvantdator")),
            lambda: " ".join(pick.choice(self.sentences).split()[:3]),
        ]
        params = []
        for n in range(count):
            item = {"q": makers[n % len(makers)]()}
            if n % 7 == 3:
                item["typ"] = pick.choice(("nyheter", "white-papers", "personer"))
            if n % 11 == 5:
                item["page"] = 2
            params.append(item)
        return params

    @override_settings(DEBUG=False)
    def measure(self, count: int) -> None:
        client = Client(HTTP_HOST="127.0.0.1")
        params = self.queries(count)
        # First pass: warm caches and count SQL queries (capturing adds overhead,
        # so the timed pass below does not capture).
        query_counts, hits = [], []
        for item in params:
            with CaptureQueriesContext(connection) as captured:
                response = client.get("/sok/", item)
            if response.status_code != 200:
                raise CommandError(f"{urlencode(item)} gave {response.status_code}")
            query_counts.append(len(captured))
            hits.append(response.content.count(b'class="card__title"'))
        load_before = os.getloadavg()
        cpu_before = (time.process_time(), database_cpu_seconds())
        timings = []
        for item in params:
            started = time.perf_counter()
            client.get("/sok/", item)
            timings.append((time.perf_counter() - started) * 1000)
        python_cpu = (time.process_time() - cpu_before[0]) * 1000 / len(params)
        database_cpu = database_cpu_seconds()
        if database_cpu is not None and cpu_before[1] is not None:
            database_cpu = (database_cpu - cpu_before[1]) * 1000 / len(params)
        timings.sort()
        p50 = statistics.median(timings)
        p95 = timings[max(0, round(len(timings) * 0.95) - 1)]
        with_results = [q for q, h in zip(query_counts, hits, strict=True) if h]
        self.stdout.write(
            f"Content: {NewsArticlePage.objects.count()} articles, "
            f"{WhitePaperPage.objects.count()} white papers, {PersonPage.objects.count()} people."
        )
        self.stdout.write(
            f"{len(timings)} searches through /sok/ (in-process, excerpts on): p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms"
        )
        self.stdout.write(
            f"SQL queries per request: {min(query_counts)}–{max(query_counts)} "
            f"(with results: {min(with_results, default=0)}–{max(with_results, default=0)}); "
            f"{sum(1 for h in hits if h)} of {len(hits)} searches found something"
        )
        self.stdout.write(
            "Load average (1, 5, 15 min) before / after the timed pass: "
            + " / ".join(
                ", ".join(f"{x:.1f}" for x in load) for load in (load_before, os.getloadavg())
            )
            + f" on {os.cpu_count()} CPUs (other work on the machine inflates these times)"
        )
        # CPU time does not grow with other people's work the way latency does.
        self.stdout.write(
            f"CPU per search: Python {python_cpu:.1f} ms"
            + (f", PostgreSQL {database_cpu:.1f} ms" if database_cpu is not None else "")
            + " (mean)"
        )
        target = "met" if p95 < 50 else "NOT met"
        self.stdout.write(f"Target p95 < 50 ms: {target}.")

    def measure_quality(self) -> None:
        """The cases of `bench.search_quality`, each set on its own pages
        alone: the benchmark's entries are deleted inside a transaction that
        is then rolled back, so they stay as they were."""

        def alone(build_and_check):
            with transaction.atomic():
                SearchEntry.objects.all().delete()
                home = Site.objects.get(is_default_site=True).root_page
                parents = [
                    home.add_child(instance=model(title=title, slug=f"kvalitet-{slug}"))
                    for model, title, slug in (
                        (NewsIndexPage, "Nyheter", "nyheter"),
                        (WhitePaperIndexPage, "White papers", "white-papers"),
                        (PeopleIndexPage, "Personer", "personer"),
                    )
                ]
                result = build_and_check(*parents)
                transaction.set_rollback(True)
            return result

        total = len(search_quality.COMPOUND_QUERIES)
        found, baseline, missed = alone(
            lambda news, _papers, _people: search_quality.compound_recall(
                search_quality.build_compound_pages(news)
            )
        )
        self.stdout.write(
            f"Compound recall: {found}/{total} ({100 * found / total:.0f} %); "
            f"stemmer alone {baseline}/{total} ({100 * baseline / total:.0f} %)"
        )
        for line in missed:
            self.stdout.write(f"  missed: {line}")
        cases = len(search_quality.RANKING_CASES)
        failures = alone(
            lambda news, papers, people: search_quality.ranking_failures(
                search_quality.build_ranking_corpus(news, papers, people)
            )
        )
        passed = cases - len(failures)
        self.stdout.write(f"Ranking cases: {passed}/{cases} ({100 * passed / cases:.0f} %)")
        for line in failures:
            self.stdout.write(f"  failed: {line}")
