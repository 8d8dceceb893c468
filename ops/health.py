"""Health endpoints for load balancers and containers.

/healthz: the process answers (no database, so a database outage does not get
every app container restarted). /readyz: this instance can serve pages, i.e.
the database answers (one trivial query) and every migration is applied
(checked until it is true, then never again in this process).
"""

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ops.middleware.database_outage import DATABASE_ERRORS


@never_cache
@require_safe
def healthz(request):
    return JsonResponse({"status": "ok"})


# Once every migration this code knows is applied, it stays so for the life
# of the process (migrations only move forward): loading the migration graph
# again on every probe cost more than everything else /readyz does.
_migrated = False


def database_state() -> tuple[bool, bool]:
    """(database reachable, migrations all applied)."""
    global _migrated
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrated:
            executor = MigrationExecutor(connection)
            _migrated = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DATABASE_ERRORS:
        return False, False
    return True, _migrated


@never_cache
@require_safe
def readyz(request):
    reachable, migrated = database_state()
    ready = reachable and migrated
    # Says what is wrong, never why: no error messages, hosts or versions.
    body = {
        "status": "ok" if ready else "unavailable",
        "database": "ok" if reachable else "unreachable",
        "migrations": "ok" if migrated else ("pending" if reachable else "unknown"),
    }
    return JsonResponse(body, status=200 if ready else 503)
