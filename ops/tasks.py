"""Background tasks of the site itself (the queue: ops.periodic)."""

import io

from django.core.management import call_command

from django_tasks import task

from ops.periodic import schedule_next


@task(backend="queue")
def publish_scheduled() -> str:
    """Wagtail's publish_scheduled: scheduled pages go live, expired ones are
    unpublished. Runs every LSV_SCHEDULER_INTERVAL seconds."""
    schedule_next(publish_scheduled)
    out = io.StringIO()
    call_command("publish_scheduled", stdout=out, stderr=out)
    return out.getvalue()[-2000:]
