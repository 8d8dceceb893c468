"""Search entries of our own (see `SearchEntry`) and, on PostgreSQL, what
searching them needs besides the table: a GIN index on `document` (here rather
than in `Meta.indexes`, since SQLite has no GIN) and `search_entry_matches`.

Why a function: PostgreSQL's planner does not count the cost of reading a
TOASTed `document` row by row, so for a common word it prefers a sequential
scan (every document read and decompressed: 35 ms for 10,000 entries) over
the GIN index (5 ms). The function runs the match with sequential and plain
index scans switched off, for that one query only; ordering and paging are
planned as usual around it. It applies the visibility rules of
`lsv_site.queries.visible_pages` (a row exists only for a live page; expiry;
no path under a view restriction, passed in) and ranks by the small
`ranking` vector, so bodies are never read.

Existing pages get their entries after `migrate` (the `post_migrate` handler
in `search.signals`), when the page tables have their current columns.
"""

import django.contrib.postgres.search
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

INDEX = "search_searchentry_document_gin"

CREATE = [
    f"CREATE INDEX {INDEX} ON search_searchentry USING gin (document)",
    """
CREATE FUNCTION search_entry_matches(
    query tsquery, content_types integer[], restricted_paths text[]
)
RETURNS TABLE (page_id integer, content_type_id integer, rank real, sort_date date)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT page_id, content_type_id, ts_rank(ranking, query), sort_date
    FROM search_searchentry
    WHERE document @@ query
      AND content_type_id = ANY (content_types)
      AND (expire_at IS NULL OR expire_at > now())
      AND NOT path ^@ ANY (restricted_paths)
$$
""",
]

DROP = [
    "DROP FUNCTION IF EXISTS search_entry_matches(tsquery, integer[], text[])",
    f"DROP INDEX IF EXISTS {INDEX}",
]


def create_index_and_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop_index_and_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('search', '0002_query_outcome'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='+', serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                ('document', django.contrib.postgres.search.SearchVectorField()),
                ('ranking', django.contrib.postgres.search.SearchVectorField()),
                ('sort_date', models.DateField(null=True)),
                ('expire_at', models.DateTimeField(null=True)),
                ('path', models.CharField(max_length=255)),
                ('content_type', models.ForeignKey(db_index=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='contenttypes.contenttype')),
            ],
            options={
                'verbose_name': 'search entry',
                'verbose_name_plural': 'search entries',
            },
        ),
        migrations.RunPython(create_index_and_function, drop_index_and_function),
    ]
