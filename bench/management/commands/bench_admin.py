"""`make bench-admin`: the admin's page listing and page choosers with
thousands of articles, as a Redaktör sees them.

Run it through `make bench-admin`, which uses production settings (cached
templates, DEBUG off): the admin is mostly template rendering, and the
development settings' uncached, debug-mode templates would triple the times.

Rebuilds a PostgreSQL benchmark database (its name must contain "bench"):
demo content, then articles added in bulk (`bench_articles`) and indexed for
search up to each size, and at each size times every view in-process
(median and slowest of several requests) and counts its SQL queries.
"""

import io
import logging
import statistics
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from bench.database import recreate_database
from editorial.roles import EDITOR_GROUP
from news.models import NewsArticlePage, NewsIndexPage

READ_MORE_TYPES = ",".join(name.lower() for name in settings.LSV_CARD_PAGE_TYPES)
INDEX_BATCH = 1000


def admin_urls(news: Page, person: str = "maria") -> dict[str, str]:
    """The listing and the choosers an editor uses, by name (shared with the
    tests); `person` is what the author chooser is searched for."""
    article_type = ContentType.objects.get_for_model(NewsArticlePage).id
    explore = reverse("wagtailadmin_explore", args=[news.id])
    browse = reverse("wagtailadmin_choose_page_child", args=[news.id])
    search = reverse("wagtailadmin_choose_page_search")
    return {
        "listing": explore,
        "listing, last page": f"{explore}?p=last",
        "listing, page type filter": f"{explore}?content_type={article_type}",
        "listing, search, few matches": f"{explore}?q=h%C3%A4rjedalen",
        "listing, search, every article matches": f"{explore}?q=genererad",
        "listing, search and page type filter": f"{explore}?q=social&content_type={article_type}",
        "read-more chooser": f"{browse}?page_type={READ_MORE_TYPES}",
        "read-more chooser, search": f"{search}?q=genererad&page_type={READ_MORE_TYPES}",
        "author chooser": f"{reverse('wagtailadmin_choose_page')}?page_type=people.personpage",
        "author chooser, search": f"{search}?q={person}&page_type=people.personpage",
    }


class Command(BaseCommand):
    help = "Time the admin's page listing and choosers with many articles (make bench-admin)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles",
            default="3000,50000",
            help="Comma-separated article counts to measure at, ascending (default 3000,50000).",
        )
        parser.add_argument("--repeat", type=int, default=5, help="Timed requests per view.")

    def handle(self, *args, articles: str, repeat: int, **options):
        db = settings.DATABASES["default"]
        if not settings.DATABASE_IS_POSTGRES or "bench" not in db["NAME"]:
            raise CommandError(
                "Runs only on a PostgreSQL database whose name contains 'bench' (it drops "
                "and rebuilds it): DATABASE_URL=postgres://…/lsv_bench_admin"
            )
        sizes = sorted(int(n) for n in articles.split(","))
        recreate_database(db)
        call_command("migrate", verbosity=0)
        call_command("load_demo_content", "--no-admin", stdout=io.StringIO())
        editor = self.editor()
        for size in sizes:
            self.grow_to(size)
            self.measure(editor, size, repeat)

    def editor(self):
        user = get_user_model().objects.create_user("bench-redaktor", password=None)
        user.groups.add(Group.objects.get(name=EDITOR_GROUP))
        return user

    def grow_to(self, size: int) -> None:
        existing = set(NewsArticlePage.objects.values_list("id", flat=True))
        started = time.perf_counter()
        call_command("bench_articles", size - len(existing), stdout=io.StringIO())
        created = time.perf_counter() - started
        started = time.perf_counter()
        new = sorted(set(NewsArticlePage.objects.values_list("id", flat=True)) - existing)
        backend = get_search_backend()
        for start in range(0, len(new), INDEX_BATCH):
            batch = NewsArticlePage.objects.filter(id__in=new[start : start + INDEX_BATCH])
            backend.add_bulk(NewsArticlePage, list(batch))
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            f"{NewsArticlePage.objects.count():,} articles: {len(new):,} added in {created:.0f} s, "
            f"indexed in {time.perf_counter() - started:.0f} s"
        )

    @override_settings(DEBUG=False)
    def measure(self, editor, size: int, repeat: int) -> None:
        # One log line per request (production settings) would bury the table.
        logging.getLogger("lsv.request").setLevel(logging.WARNING)
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(editor)
        self.stdout.write(f"\nAs a Redaktör, {size:,} articles ({repeat} timed requests each)\n")
        self.stdout.write("| view | queries | median ms | slowest ms |")
        self.stdout.write("|---|---:|---:|---:|")
        for name, url in admin_urls(NewsIndexPage.objects.get()).items():
            with CaptureQueriesContext(connection) as queries:  # also warms caches
                response = client.get(url)
            if response.status_code != 200:
                raise CommandError(f"{url} gave {response.status_code}")
            # Counted now: the captured list is read from the connection's
            # query log, which every later request empties.
            query_count = len(queries)
            timings = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(url)
                timings.append((time.perf_counter() - started) * 1000)
            self.stdout.write(
                f"| {name} | {query_count} | {statistics.median(timings):.0f} "
                f"| {max(timings):.0f} |"
            )
