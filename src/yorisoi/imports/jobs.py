"""Running confirmed imports in the background, and telling how far they are.

How a queued job runs is the setting ``YORISOI_IMPORT_JOBS`` (environment or settings):

- ``thread`` (the default): the web process that queued it runs it in a thread of its own. No
  other process is needed (the demo, a single server).
- ``worker``: ``yorisoi import_worker`` runs queued jobs, on any server sharing the database
  and the media directory; the web processes only queue them.
- ``inline``: at once, inside the request (the test suite).

Progress goes to a small JSON file beside the uploads, not to the database: the import is one
transaction (all or nothing), and on SQLite no other connection may write while it is open.
"""

import json
import logging
import os
import threading
import time
from io import BytesIO
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from yorisoi.core.acting import acting
from yorisoi.core.importing import ImportFileError, ImportReport, RowError, read_rows
from yorisoi.imports.models import ImportJob
from yorisoi.imports.running import run_ledger

logger = logging.getLogger(__name__)

# A running job whose progress has not moved for this long has died with its process.
STALE_AFTER = 15 * 60
_WRITE_EVERY = 0.5  # seconds between progress writes


def mode() -> str:
    return getattr(settings, "YORISOI_IMPORT_JOBS", None) or os.environ.get(
        "YORISOI_IMPORT_JOBS", "thread"
    )


def media_dir() -> Path:
    """Where checked uploads and progress files are kept (never longer than a day)."""
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _progress_path(job_id: int) -> Path:
    return media_dir() / f"job-{job_id}.json"


class ProgressFile:
    """The ``progress`` callback of run_import, written at most twice a second."""

    def __init__(self, job_id: int) -> None:
        self.path = _progress_path(job_id)
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.last < _WRITE_EVERY and done < total:
            return
        self.last = now
        temporary = self.path.with_suffix(".tmp")
        temporary.write_text(json.dumps({"stage": stage, "done": done, "total": total}))
        os.replace(temporary, self.path)


def progress_of(job: ImportJob) -> dict:
    """{"stage", "done", "total", "percent", "stale"} of a job as its progress file tells it."""
    path = _progress_path(job.pk)
    try:
        data = json.loads(path.read_text())
        age = time.time() - path.stat().st_mtime
    except (OSError, ValueError):
        data, age = {}, None
    done, total = int(data.get("done", 0)), int(data.get("total", 0)) or job.rows or 0
    stage = data.get("stage", "")
    # Checking the rows again is the first half of the work, writing them the second.
    half = 50 * done // total if total else 0
    percent = half + (50 if stage == "write" else 0)
    if job.status != ImportJob.Status.RUNNING:
        percent = 100 if job.finished else 0
    started = job.started_at.timestamp() if job.started_at else None
    silent = age if age is not None else (time.time() - started if started else 0)
    return {
        "stage": stage,
        "done": done,
        "total": total,
        "percent": min(percent, 100),
        "stale": job.status == ImportJob.Status.RUNNING and silent > STALE_AFTER,
    }


def start(job: ImportJob) -> None:
    """Run a queued job as the settings say (see the module's docstring)."""
    how = mode()
    if how == "inline":
        run_job(job.pk)
    elif how == "thread":
        # Once the job's row is committed: the thread reads it through its own connection.
        transaction.on_commit(lambda: _thread(job.pk))


def _thread(job_id: int) -> None:
    # Not a daemon: a web process shutting down finishes the import (or rolls it back) first.
    threading.Thread(target=_run_in_thread, args=(job_id,), name=f"import-{job_id}").start()


def _run_in_thread(job_id: int) -> None:
    try:
        run_job(job_id)
    finally:
        close_old_connections()


def claim(job_id: int) -> bool:
    """Take a queued job for this process; False if another process took it first."""
    return bool(
        ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.QUEUED).update(
            status=ImportJob.Status.RUNNING, started_at=timezone.now()
        )
    )


def next_queued() -> int | None:
    """The oldest job waiting to run (the worker's next)."""
    return (
        ImportJob.objects.filter(status=ImportJob.Status.QUEUED)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
        .first()
    )


def run_job(job_id: int) -> ImportJob | None:
    """Run one queued job to its end: imported, refused with its report, or failed."""
    if not claim(job_id):
        return None
    job = ImportJob.objects.select_related("organization", "created_by__user").get(pk=job_id)
    progress = ProgressFile(job.pk)
    with (
        acting(
            actor=job.created_by.user, organization=job.organization, via=f"import job {job.pk}"
        ),
        translation.override(job.language),
    ):
        try:
            report = _run(job, progress)
        except Exception:
            logger.exception("Import job %s failed", job.pk)
            report = None
        if report is None:
            status = ImportJob.Status.FAILED
            report = ImportReport()
            report.warnings.append(
                _("The import stopped because of an error. Nothing was imported; try again.")
            )
        else:
            status = ImportJob.Status.DONE if report.ok else ImportJob.Status.REFUSED
        job.status = status
        job.report = report.to_dict()
        job.rows = report.rows
        job.data = b""  # the ledger's personal data stays only as long as the job needs it
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "report", "rows", "data", "finished_at", "updated_at"])
    _progress_path(job.pk).unlink(missing_ok=True)
    return job


def _run(job: ImportJob, progress: ProgressFile) -> ImportReport:
    try:
        table = read_rows(BytesIO(bytes(job.data)), filename=job.filename)
    except ImportFileError as error:  # it was read when checked; refuse it like a bad file
        return ImportReport(errors=[RowError(0, "", error.message)])
    progress("check", 0, len(table.rows))
    return run_ledger(
        key=job.ledger,
        organization=job.organization,
        actor=job.created_by,
        table=table,
        dry_run=False,
        meanings=job.options.get("meanings"),
        staff_name=job.options.get("staff", ""),
        filename=job.filename,
        progress=progress,
    )
