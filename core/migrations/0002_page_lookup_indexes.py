"""Indexes on Wagtail's page table for the lookups every request makes.

- `url_path`: the routing query (fastpath.routing) finds a request's page by
  the url_paths of its ancestors; without an index PostgreSQL scans every page
  (13 ms with 50,000 articles, on every uncached page view).
- `expire_at`, partial (only pages with an expiry time, a handful): the next
  expiry the page cache waits for, and the latest one that passed (feeds'
  Last-Modified), again a scan of every page without it.

Plain SQL on both PostgreSQL and SQLite; Wagtail's model is not ours to change.
"""

from django.db import migrations

URL_PATH = "lsv_page_url_path_idx"
EXPIRE_AT = "lsv_page_expire_at_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {URL_PATH} ON wagtailcore_page (url_path)",
            f"DROP INDEX IF EXISTS {URL_PATH}",
        ),
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {EXPIRE_AT} ON wagtailcore_page (expire_at) "
            "WHERE expire_at IS NOT NULL",
            f"DROP INDEX IF EXISTS {EXPIRE_AT}",
        ),
    ]
