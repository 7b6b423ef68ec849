"""``yorisoi import KIND FILE --org SLUG``: bring in an Excel or CSV ledger.

Options: ``--dry-run`` (check only), ``--map 列:値=意味`` (repeatable) or ``--map-file FILE``
(one ``列:値=意味`` a line) for values not in a column's list, ``--staff NAME`` for rows that
name no staff. Meanings used by an import are saved for the organization and used again.
"""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from yorisoi.core.acting import acting
from yorisoi.core.importing import ImportFileError, read_rows
from yorisoi.core.services import CommandActor
from yorisoi.imports import registry
from yorisoi.imports.running import run_ledger
from yorisoi.organizations.models import Organization


def parse_meaning(text: str) -> tuple[str, str, str]:
    """``相談経路:メール=email`` → (column, value, meaning); an empty meaning leaves it empty."""
    column, colon, rest = text.partition(":")
    if not colon:
        column, colon, rest = text.partition("：")
    value, equals, meaning = rest.rpartition("=")
    if not colon or not equals or not column.strip() or not value.strip():
        raise CommandError(
            f"Write a meaning as 列:値=意味, e.g. 相談経路:メール=email (not {text!r})."
        )
    return column.strip(), value.strip(), meaning.strip()


def read_meanings(entries: list[str], files: list[str]) -> dict[str, dict[str, str]]:
    lines = list(entries)
    for name in files:
        try:
            text = Path(name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read the mapping file {name}: {error}") from error
        lines.extend(
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.strip().startswith("#")
        )
    meanings: dict[str, dict[str, str]] = {}
    for line in lines:
        column, value, meaning = parse_meaning(line)
        meanings.setdefault(column, {})[value] = meaning
    return meanings


class CommandProgress:
    """run_import's progress, on stderr: a line that updates in a terminal, else every 10 %."""

    def __init__(self, stream) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.shown: tuple[str, int] | None = None

    def __call__(self, stage: str, done: int, total: int) -> None:
        label = _("Checking") if stage == "check" else _("Writing")
        step = (10 * done // total) if total else 10
        if not self.tty and self.shown == (stage, step):
            return
        self.shown = (stage, step)
        line = f"{label}: {done:,} / {total:,}"
        if self.tty:
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


class Command(BaseCommand):
    help = (
        "Import a ledger (cases, contact records, referrals) from .xlsx or .csv "
        "(UTF-8 or Shift_JIS). Nothing is written unless every row is good."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "kind", choices=[item.key for item in registry.ledgers()], help="what the file holds"
        )
        parser.add_argument("file", help=".xlsx or .csv file")
        parser.add_argument("--org", required=True, help="organization slug")
        parser.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
        parser.add_argument(
            "--map",
            action="append",
            default=[],
            metavar="列:値=意味",
            help="what a value outside a column's list means, e.g. 相談経路:メール=email "
            "(a choice's value or label; nothing after = leaves the cell empty); repeatable",
        )
        parser.add_argument(
            "--map-file",
            action="append",
            default=[],
            metavar="FILE",
            help="a UTF-8 file of meanings, one 列:値=意味 a line (# starts a comment)",
        )
        parser.add_argument(
            "--staff",
            default="",
            metavar="NAME",
            help="contact records: the staff member for rows with an empty 担当者 "
            "(otherwise: marked as not recorded)",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="do not show progress on stderr"
        )

    def handle(self, *args, kind, file, org, dry_run, map, map_file, staff, **options):
        organization = Organization.objects.filter(slug=org).first()
        if organization is None:
            raise CommandError(f"No organization with slug {org!r}")
        ledger = registry.ledger(kind)
        if staff and not ledger.takes_staff:
            raise CommandError(f"--staff is for ledgers that name staff per row, not {kind}.")
        meanings = read_meanings(map, map_file)
        actor = CommandActor(organization=organization, via=f"command:import {kind}")
        # The report and the records it writes are worded in the installation's language.
        with (
            acting(organization=organization, via=actor.via),
            translation.override(settings.LANGUAGE_CODE),
        ):
            try:
                table = read_rows(file)
            except ImportFileError as error:
                raise CommandError(error.message) from error
            except FileNotFoundError as error:
                raise CommandError(f"No such file: {file}") from error
            progress = None if options["no_progress"] else CommandProgress(sys.stderr)
            report = run_ledger(
                key=kind,
                organization=organization,
                actor=actor,
                table=table,
                dry_run=dry_run,
                meanings=meanings,
                staff_name=staff,
                filename=Path(file).name,
                progress=progress,
            )
            text = report.as_text(choices=True)
            if report.unknown:
                text += "\n" + _(
                    "Give each value its meaning with --map 列:値=意味 (for example "
                    "--map %(example)s) or --map-file, and run the command again. "
                    "Meanings are saved for your organization when the import succeeds."
                ) % {"example": _example(report.unknown[0])}
        if not report.ok:
            raise CommandError("\n" + text)
        self.stdout.write(text)


def _example(group) -> str:
    choice = group.choices[0][0] if group.choices else ""
    return f"{group.column}:{group.text}={choice}"
