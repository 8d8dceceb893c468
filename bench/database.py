"""What the benchmark commands share: a PostgreSQL database dropped and
created afresh (they refuse any database whose name lacks "bench")."""

from django.db import connection


def recreate_database(db: dict) -> None:
    """Drop and create the database `db` (a DATABASES entry) from the server's
    `postgres` database, after closing this process's own connection to it."""
    import psycopg

    connection.close()
    with psycopg.connect(
        dbname="postgres",
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
        autocommit=True,
    ) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{db["NAME"]}"')
