"""``yorisoi import cases|contacts FILE --org SLUG [--dry-run]``: bring in an Excel ledger."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from yorisoi.core.acting import acting
from yorisoi.core.importing import ImportFileError, read_rows, run_import
from yorisoi.core.services import CommandActor
from yorisoi.imports import registry
from yorisoi.organizations.models import Organization


class Command(BaseCommand):
    help = "Import cases or contact records from .xlsx or .csv (UTF-8 or Shift_JIS)."

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=[item.key for item in registry.ledgers()], help="what the file holds"
        )
        parser.add_argument("file", help=".xlsx or .csv file")
        parser.add_argument("--org", required=True, help="organization slug")
        parser.add_argument("--dry-run", action="store_true", help="check the file, write nothing")

    def handle(self, *args, kind, file, org, dry_run, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with slug {org!r}")
        try:
            table = read_rows(file)
        except ImportFileError as error:
            raise CommandError(error.message) from error
        except FileNotFoundError as error:
            raise CommandError(f"No such file: {file}") from error
        actor = CommandActor(organization=organization, via=f"command:import {kind}")
        # The report and the records it writes are worded in the installation's language.
        with (
            acting(organization=organization, via=actor.via),
            translation.override(settings.LANGUAGE_CODE),
        ):
            importer = registry.ledger(kind).importer
            report = run_import(table, dry_run=dry_run, **importer(organization, actor))
        if not report.ok:
            raise CommandError("\n" + report.as_text())
        self.stdout.write(report.as_text())
