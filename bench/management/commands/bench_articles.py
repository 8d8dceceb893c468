"""Bulk-insert generated news articles for the benchmark (thousands per second).

Pages are inserted directly (tree paths computed here, as treebeard would),
so this is for benchmark databases only, never for a real site.
"""

import datetime as dt
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from taggit.models import Tag
from wagtail.models import Locale, Page

from core.models import PageTopic
from news.models import NewsArticlePage, NewsIndexPage
from people.models import Authorship, PersonPage

BATCH = 2000
BODY = (
    '[{"type": "paragraph", "value": "<p>Genererad brödtext för prestandamätning: '
    'social innovation, tillit och välfärd i förändring.</p>", "id": "%s"}]'
)


class Command(BaseCommand):
    help = "Add COUNT generated news articles under the news listing (benchmark data only)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)

    def handle(self, *args, count: int, **options):
        index = NewsIndexPage.objects.get()
        images = list(
            NewsArticlePage.objects.exclude(hero_image=None).values_list("hero_image", flat=True)
        )
        people = list(PersonPage.objects.live().values_list("id", flat=True))
        tags = list(Tag.objects.values_list("id", flat=True))
        content_type = ContentType.objects.get_for_model(NewsArticlePage)
        locale = Locale.get_default()
        last = index.get_last_child()
        next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        rng = random.Random(8)
        now = timezone.now()
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            with transaction.atomic():
                pages = []
                for i in range(size):
                    n = done + i
                    slug = f"genererad-nyhet-{n}"
                    published = now - dt.timedelta(hours=n)
                    pages.append(
                        Page(
                            title=f"Genererad nyhet {n}: social innovation i praktiken",
                            draft_title=f"Genererad nyhet {n}",
                            slug=slug,
                            content_type=content_type,
                            locale=locale,
                            translation_key=uuid.uuid4(),
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=published,
                            last_published_at=published,
                            url_path=f"{index.url_path}{slug}/",
                            depth=index.depth + 1,
                            numchild=0,
                            path=Page._get_path(index.path, index.depth + 1, next_step + n),
                        )
                    )
                pages = Page.objects.bulk_create(pages)
                self._insert_articles(pages, images, rng, now)
                PageTopic.objects.bulk_create(
                    PageTopic(content_object_id=p.id, tag_id=t)
                    for p in pages
                    for t in rng.sample(tags, k=min(2, len(tags)))
                )
                Authorship.objects.bulk_create(
                    Authorship(page_id=p.id, person_id=rng.choice(people), sort_order=0)
                    for p in pages
                    if people
                )
            done += size
        Page.objects.filter(id=index.id).update(numchild=index.numchild + count)
        if connection.vendor == "postgresql":
            # A bulk insert leaves the planner's statistics behind (it would
            # plan the topic listing for one article, not 50,000); on a live
            # site autovacuum catches up within a minute of such a change.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(f"{count} articles added")

    @staticmethod
    def _insert_articles(pages, images, rng, now) -> None:
        """Child rows of the multi-table model, which bulk_create cannot do."""
        fields = [f for f in NewsArticlePage._meta.local_concrete_fields]
        columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        rows = []
        for page in pages:
            article = NewsArticlePage(
                page_ptr_id=page.id,
                lead="En genererad ingress om social innovation, två meningar lång. Den andra.",
                hero_image_id=rng.choice(images) if images else None,
                publication_date=page.first_published_at.date(),
                body=BODY % uuid.uuid4(),
            )
            rows.append([f.get_db_prep_save(f.pre_save(article, True), connection) for f in fields])
        table = connection.ops.quote_name(NewsArticlePage._meta.db_table)
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", rows)
