"""The task queue: periodic tasks keep exactly one waiting run, and the
scheduler's work (Wagtail's publish_scheduled) runs as one of them."""

import datetime
import io

from django.core.management import call_command
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from ops.periodic import ensure_scheduled, schedule_next
from ops.tasks import publish_scheduled
from tests.factories import NewsArticlePageFactory

pytestmark = pytest.mark.django_db


def waiting(task):
    return DBTaskResult.objects.filter(task_path=task.module_path, status=TaskResultStatus.READY)


def test_run_scheduler_queues_each_periodic_task_once():
    call_command("run_scheduler", stdout=io.StringIO())
    call_command("run_scheduler", stdout=io.StringIO())
    paths = sorted(DBTaskResult.objects.values_list("task_path", flat=True))
    assert paths == ["ops.tasks.publish_scheduled", "subscriptions.tasks.mail_tick"]
    assert ensure_scheduled() == []


def test_schedule_next_keeps_one_waiting_run_and_removes_extras():
    # Two runs queued behind the lock's back (an older worker, say).
    publish_scheduled.enqueue()
    publish_scheduled.enqueue()
    assert schedule_next(publish_scheduled) is False
    assert waiting(publish_scheduled).count() == 1


def test_a_run_publishes_due_pages_and_queues_the_next(site_tree, queue):
    # Scheduled as the admin does it (tests/editorial/test_scheduling.py), then
    # the hour lets pass by moving the time a minute into the past.
    article = NewsArticlePageFactory(parent=site_tree.news, live=False)
    article.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = article.save_revision()
    revision.publish()
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.refresh_from_db()
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()

    ensure_scheduled()
    ran = queue()
    assert sorted(r.task_path for r in ran) == [
        "ops.tasks.publish_scheduled",
        "subscriptions.tasks.mail_tick",
    ]
    assert all(r.status == TaskResultStatus.SUCCESSFUL for r in ran), [r.traceback for r in ran]
    article.refresh_from_db()
    assert article.live
    # The next runs wait a minute: nothing more is ready now.
    assert queue() == []
    following = waiting(publish_scheduled).get()
    assert following.run_after > timezone.now() + datetime.timedelta(seconds=30)
