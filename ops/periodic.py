"""Periodic tasks on the database queue (django-tasks' database backend).

The queue has no clock of its own: a periodic task enqueues its next run with
`run_after` as the first thing it does, so a worker that dies half-way through
a run still leaves the next one waiting. `schedule_next` keeps at most one
waiting run per task, however many workers (on however many machines) run the
task or start at once: it takes a lock (an exclusive transaction in SQLite, an
advisory lock in PostgreSQL), and removes any extra waiting runs it finds.

Which tasks are periodic is a setting, LSV_PERIODIC_TASKS (dotted paths to
task objects); `manage.py run_scheduler` queues the first run of each.
"""

import datetime
import zlib

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.module_loading import import_string

from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction


def periodic_tasks() -> list[Task]:
    return [import_string(path) for path in settings.LSV_PERIODIC_TASKS]


def schedule_next(task: Task, delay: float | None = None) -> bool:
    """Enqueue the task's next run in `delay` seconds (LSV_SCHEDULER_INTERVAL by
    default) unless a run is already waiting. True if this call enqueued it."""
    if delay is None:
        delay = settings.LSV_SCHEDULER_INTERVAL
    with exclusive_transaction():
        if connection.vendor == "postgresql":
            # One 64-bit key per task: a fixed high half, the path's CRC below.
            key = (0x15F << 32) | zlib.crc32(task.module_path.encode())
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s::bigint)", [key])
        waiting = list(
            DBTaskResult.objects.filter(
                task_path=task.module_path,
                backend_name=task.backend,
                status=TaskResultStatus.READY,
            )
            .order_by("run_after", "enqueued_at")
            .values_list("id", flat=True)
        )
        if waiting:
            # Two workers starting at once on a database without the lock (or
            # an older deployment) may have queued more than one: keep one.
            DBTaskResult.objects.filter(id__in=waiting[1:]).delete()
            return False
        run_after = timezone.now() + datetime.timedelta(seconds=delay)
        task.using(run_after=run_after).enqueue()
        return True


def ensure_scheduled() -> list[str]:
    """Queue the first run of every periodic task that has none waiting (safe to
    call from every worker's start). Returns the tasks it queued."""
    return [task.name for task in periodic_tasks() if schedule_next(task, delay=0)]
