"""One way to run a ledger import, for the page's check, the background job and the command."""

from django.apps import apps
from django.db import transaction

from yorisoi.core import recorder
from yorisoi.core.importing import ImportReport, Progress, Table, run_import
from yorisoi.core.recorder import AuditAction
from yorisoi.imports import registry, services


def run_ledger(
    *,
    key: str,
    organization,
    actor,
    table: Table,
    dry_run: bool,
    meanings: dict | None = None,
    staff_name: str = "",
    filename: str = "",
    progress: Progress | None = None,
) -> ImportReport:
    """Check (``dry_run``) or import a ledger with the organization's saved meanings and those
    given now; a real import that succeeds saves the meanings it used and logs the import."""
    ledger = registry.ledger(key)
    # A real import, the meanings it used and its audit event stand or fall together.
    with transaction.atomic():
        report = run_import(
            table,
            dry_run=dry_run,
            meanings=services.merged_meanings(organization, key, meanings),
            progress=progress,
            **ledger.arguments(organization, actor, staff_name=staff_name),
        )
        if report.ok and not dry_run:
            services.save_meanings(actor=actor, ledger=key, mapped=report.mapped)
            recorder.record(
                AuditAction.IMPORT,
                model=apps.get_model(ledger.model),
                organization_id=organization.pk,
                detail={
                    "kind": key,
                    "file": filename,
                    "created": report.created,
                    "updated": report.updated,
                    "unchanged": report.unchanged,
                },
            )
    return report
