"""``yorisoi import_worker``: run the imports confirmed on the page, when
``YORISOI_IMPORT_JOBS=worker`` (several web servers; see imports.jobs)."""

import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections, connection

from yorisoi.imports import jobs


class Command(BaseCommand):
    help = "Run queued ledger imports (for YORISOI_IMPORT_JOBS=worker)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="run what is queued, then stop")
        parser.add_argument(
            "--interval", type=float, default=2.0, help="seconds between looks at the queue"
        )

    def handle(self, *args, once, interval, **options):
        while True:
            if not connection.in_atomic_block:  # never inside a caller's transaction (tests)
                close_old_connections()
            job_id = jobs.next_queued()
            if job_id is not None:
                job = jobs.run_job(job_id)
                if job is not None:
                    self.stdout.write(f"import job {job.pk}: {job.status}")
                continue
            if once:
                return
            time.sleep(interval)
