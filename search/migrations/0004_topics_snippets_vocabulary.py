"""Ranking in tiers, the text for excerpts and the vocabulary for "Menade du …?".

On PostgreSQL:

- `search_entry_matches` gains a phrase query and returns a tier besides the
  rank: 4 the words as a phrase in the title, 3 all words in the title, 2 the
  phrase in the title, lead, topics or authors (`ranking`), 1 all words
  there, 0 body or PDF only. Results are ordered by tier, then `ts_rank` on
  `ranking`, then newest first. Bodies are still never read to rank.
- `pg_trgm` (a trusted extension since PostgreSQL 13, so the database owner
  may create it on hosted services too) and a trigram index on the words.

The existing entries are dropped here and written again after `migrate` (the
`post_migrate` handler in `search.signals` writes those missing), which fills
the new `text` column, the topic and author names and the vocabulary.
"""

from django.db import migrations, models

OLD_FUNCTION = "search_entry_matches(tsquery, integer[], text[])"
NEW_FUNCTION = "search_entry_matches(tsquery, tsquery, integer[], text[])"

CREATE_FUNCTION = """
CREATE FUNCTION search_entry_matches(
    query tsquery, phrase tsquery, content_types integer[], restricted_paths text[]
)
RETURNS TABLE (
    page_id integer, content_type_id integer, tier integer, rank real, sort_date date
)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
SET enable_seqscan = off
SET enable_indexscan = off
AS $$
    SELECT page_id, content_type_id,
           CASE WHEN ts_filter(ranking, '{a}') @@ phrase THEN 4
                WHEN ts_filter(ranking, '{a}') @@ query THEN 3
                WHEN ranking @@ phrase THEN 2
                WHEN ranking @@ query THEN 1
                ELSE 0 END,
           ts_rank(ranking, query), sort_date
    FROM search_searchentry
    WHERE document @@ query
      AND content_type_id = ANY (content_types)
      AND (expire_at IS NULL OR expire_at > now())
      AND NOT path ^@ ANY (restricted_paths)
$$
"""

OLD_CREATE_FUNCTION = """
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
"""

WORD_INDEX = "search_searchword_trgm"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        f"CREATE INDEX {WORD_INDEX} ON search_searchword USING gin (word gin_trgm_ops)"
    )
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {OLD_FUNCTION}")
    schema_editor.execute(CREATE_FUNCTION)
    schema_editor.execute("DELETE FROM search_searchentry")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP FUNCTION IF EXISTS {NEW_FUNCTION}")
    schema_editor.execute(OLD_CREATE_FUNCTION)
    schema_editor.execute(f"DROP INDEX IF EXISTS {WORD_INDEX}")
    # pg_trgm stays: other objects may have come to depend on it.


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0003_searchentry"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="text",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=40, primary_key=True, serialize=False)),
            ],
            options={
                "verbose_name": "search word",
                "verbose_name_plural": "search words",
            },
        ),
        migrations.RunPython(forwards, backwards),
    ]
