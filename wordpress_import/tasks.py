"""The admin's import on the task queue (`manage.py db_worker --backend
queue`): it outlives the web process that started it, and its progress and
report are recorded on the ImportRun the run's page shows."""

import logging
from pathlib import Path

from django_tasks import task

from wordpress_import.importer import Importer, ImportFailed
from wordpress_import.models import ImportRun

logger = logging.getLogger(__name__)


@task(backend="queue")
def import_export(run_id: int) -> dict | None:
    """Import the export uploaded for ImportRun `run_id` (stored under
    WORDPRESS_IMPORT_DIR, which the worker must see as the web server does).
    Returns the report's counts, or None if the run was not waiting for it."""
    # Only a run the admin queued is taken, and only once: a task queued twice,
    # or run again by hand, finds it running or done and leaves it alone.
    if not ImportRun.objects.filter(pk=run_id, state=ImportRun.State.QUEUED).update(
        state=ImportRun.State.RUNNING, progress=""
    ):
        logger.warning("WordPress import %s is not waiting to run; skipped", run_id)
        return None
    run = ImportRun.objects.get(pk=run_id)
    path = Path(run.stored_path)

    def progress(phase: str, done: int, total: int) -> None:
        if done == total or done % 20 == 0:
            ImportRun.objects.filter(pk=run_id).update(progress=f"{phase}: {done}/{total}")

    try:
        if not path.is_file():
            # The importer's own messages are Swedish, for the run's page.
            raise ImportFailed(
                f"exportfilen {path} finns inte där arbetsprocessen körs – "
                "den behöver samma WORDPRESS_IMPORT_DIR som webbservern"
            )
        report = Importer(path, media_url=run.media_url or None, progress=progress).run()
    except Exception as error:
        # Shown on the run's page (the export stays for a retry), and the
        # task's result on the queue fails with the traceback.
        ImportRun.objects.filter(pk=run_id).update(state=ImportRun.State.FAILED, error=str(error))
        raise
    summary = report.as_dict()
    ImportRun.objects.filter(pk=run_id).update(state=ImportRun.State.DONE, report=summary)
    path.unlink(missing_ok=True)
    return {"counts": summary.get("counts", [])}
