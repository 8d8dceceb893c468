"""Benchmark helper: the URLs to load, with queries and HTML bytes per page,
measured in-process with the page cache off (and the admin listing's time)."""

import json
import time

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from taggit.models import Tag

from fastpath import fragments
from news.models import NewsArticlePage, NewsIndexPage
from people.models import PersonPage
from whitepapers.models import WhitePaperIndexPage, WhitePaperPage


def urls() -> dict[str, str]:
    news = NewsIndexPage.objects.get()
    articles = NewsArticlePage.objects.live().count()
    deep = max(1, articles // 12 - 2)
    topic = Tag.objects.filter(core_pagetopic_items__isnull=False).order_by("id").first()
    return {
        "home": "/",
        "article": NewsArticlePage.objects.live().order_by("-publication_date").first().url,
        "white paper": WhitePaperPage.objects.live().first().url,
        "person": PersonPage.objects.live().first().url,
        "news listing": news.url,
        "news listing, deep page": f"{news.url}?page={deep}",
        "topic listing": f"{news.url}amne/{topic.slug}/",
        "white paper listing": WhitePaperIndexPage.objects.get().url,
        "feed (20 items)": "/feeds/nyheter/rss/",
    }


class Command(BaseCommand):
    help = "Print the benchmark's URLs with queries and bytes as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--admin", action="store_true", help="also time the admin news list")

    @override_settings(LSV_PAGE_CACHE=False, SECURE_SSL_REDIRECT=False)
    def handle(self, *args, admin=False, **options):
        client = Client()
        result = {}
        for name, url in urls().items():
            client.get(url)  # renditions, per-process memos
            # The first view under a content version, then a later one.
            fragments.clear()
            with CaptureQueriesContext(connection) as first:
                client.get(url)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            result[name] = {
                "url": url,
                "first_queries": len(first),
                "queries": len(queries),
                "bytes": len(response.content),
            }
        # The same kind of page, a different one each request (wrk cycles through them).
        paths = [page.url for page in NewsArticlePage.objects.live().order_by("-id")[:1000]]
        result["article, 1,000 different"] = {**result["article"], "paths": paths}
        if admin:
            user, _ = get_user_model().objects.get_or_create(
                username="bench-admin", defaults={"is_superuser": True, "is_staff": True}
            )
            client.force_login(user)
            url = f"/admin/pages/{NewsIndexPage.objects.get().id}/"
            client.get(url)
            started = time.perf_counter()
            response = client.get(url)
            result["_admin_ms"] = round((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        self.stdout.write(json.dumps(result))
