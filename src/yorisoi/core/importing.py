"""Importing ledgers kept in Excel or CSV: what every concrete importer shares.

A concrete importer is a list of columns, a ``parse_row`` and a ``write_rows``::

    COLUMNS = [
        Column("受付日", required=True, aliases=("相談日",)),
        Column("氏名", required=True, aliases=("名前",)),
        Column("性別"),
    ]
    SEX = ChoiceMatcher(Sex, {"男": Sex.MALE, "女": Sex.FEMALE})

    def parse_row(row: Row, mapping: Mapping[str, str]) -> CaseRow:
        cells = RowReader(row, mapping)
        received = cells.value("受付日", parse_date_cell, required=True)
        name = cells.text("氏名", required=True)
        sex = cells.value("性別", SEX.match)
        cells.check()  # raises RowErrors naming every bad cell of the row
        return CaseRow(received, name, sex)

    table = read_rows(upload, filename=upload.name)  # raises ImportFileError
    report = run_import(table, columns=COLUMNS, parse_row=parse_row,
                        write_rows=write_cases, dry_run=not confirmed)
    report.as_text()  # or report.errors / report.warnings, one line each

The contract:

- ``read_rows`` turns the first sheet of an .xlsx, or a CSV in UTF-8 or Shift_JIS (cp932), into
  text cells keyed by heading, numbered as the spreadsheet shows them. Empty rows are skipped.
- ``check_headers`` matches headings forgivingly (width, case, spaces, aliases); unknown columns
  are reported and ignored.
- The ``parse_*_cell`` helpers and ``ChoiceMatcher.match`` return a value or raise ``CellError``;
  ``RowReader`` collects those per row and raises ``RowErrors``.
- ``run_import`` parses every row and collects every problem. If there is any, nothing is written;
  otherwise, unless it is a dry run, ``write_rows`` is called once inside ``transaction.atomic()``
  and returns ``(created, updated, unchanged)``. Checks that need the database (does this case
  number exist?) belong in ``parse_row``, so they are reported with their row number.

Values not in a choice list are not errors one by one: the report groups them by column and
value with their rows (``report.unknown``), and the caller may give each a meaning
(``meanings={column: {value: choice}}``, from the page's mapping step, ``--map`` or what the
organization saved last time); ``report.mapped`` lists the meanings that were used, to save.

Limits: a file of more than ``MAX_ROWS`` rows or ``MAX_COLUMNS`` columns, or an .xlsx that
would unpack to more than ``MAX_UNPACKED_BYTES``, is refused before its rows are read.

Messages are English msgids translated through gettext; Japanese is the default language.
"""

from __future__ import annotations

import contextvars
import csv
import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Callable, Hashable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from pathlib import Path
from typing import IO, Any, TypeVar
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext, ngettext, override
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from yorisoi.core.dates import DateParseError, parse_date
from yorisoi.core.text import normalize_text

__all__ = [
    "MAX_COLUMNS",
    "MAX_ROWS",
    "MAX_UNPACKED_BYTES",
    "CellError",
    "ChoiceMatcher",
    "Column",
    "ImportFileError",
    "ImportReport",
    "MappedValue",
    "Row",
    "RowError",
    "RowErrors",
    "RowReader",
    "Table",
    "UnknownChoice",
    "UnknownValue",
    "check_headers",
    "choice_key",
    "formula_sign",
    "parse_date_cell",
    "parse_datetime_cell",
    "parse_int_cell",
    "read_rows",
    "run_import",
]

# A ledger is hundreds or thousands of rows; these stop a hostile or broken file (a "zip bomb"
# of a few MB that unpacks to hundreds) before it ties up the server.
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_UNPACKED_BYTES = 100 * 1024 * 1024

P = TypeVar("P")
T = TypeVar("T")


class ImportFileError(Exception):
    """The file as a whole cannot be read; ``message`` is fit to show whoever uploaded it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class CellError(ValueError):
    """One cell's text cannot be read; ``message`` says how to fix it."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UnknownChoice(CellError):
    """A cell's text is not one of a choice list's values, labels or synonyms."""

    def __init__(self, text: str, matcher: ChoiceMatcher) -> None:
        super().__init__(matcher.unknown_message(text))
        self.text = text.strip()
        self.matcher = matcher


class RowErrors(Exception):
    """Every problem of one row, as (column name, message) pairs; column "" for the whole row.

    ``unknown`` holds the row's values that are not in a choice list, as (column, UnknownChoice)
    pairs: the report groups those across rows instead of listing them one by one.
    """

    def __init__(
        self,
        errors: Sequence[tuple[str, str]],
        unknown: Sequence[tuple[str, UnknownChoice]] = (),
    ) -> None:
        super().__init__(errors)
        self.errors = list(errors)
        self.unknown = list(unknown)


# Reading files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One data row: its number as the spreadsheet shows it, and its cells by heading."""

    number: int
    values: dict[str, str]


@dataclass
class Table:
    """The headings (as written, stripped) and the non-empty data rows of a sheet.

    ``notes`` are things worth telling whoever imports it that do not stop the import (e.g.
    characters that other computers show differently), by row and column.
    """

    headers: list[str]
    rows: list[Row]
    header_row: int = 1
    notes: list[RowError] = field(default_factory=list)


_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old .xls, and .xlsx saved with a password
_ZIP_MAGIC = b"PK\x03\x04"


def read_rows(
    path_or_file: str | os.PathLike[str] | IO[bytes], filename: str | None = None
) -> Table:
    """Read the first sheet of an .xlsx or a CSV file; raise ImportFileError if it cannot be read.

    ``filename`` names a file object that has no useful ``name`` (e.g. BytesIO); without an
    extension a zip is read as .xlsx and anything else as CSV.
    """
    if isinstance(path_or_file, str | os.PathLike):
        name = os.fspath(path_or_file)
        data = Path(path_or_file).read_bytes()
    else:
        name = str(getattr(path_or_file, "name", "") or "")
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)  # an upload may already have been read to check its size
        data = path_or_file.read()
    suffix = Path(filename or name).suffix.lower()
    if suffix == ".xls" or data.startswith(_OLE_MAGIC):
        raise ImportFileError(
            gettext(
                "This workbook is in the old .xls format or has a password. "
                "Open it in Excel and save it as .xlsx without a password."
            )
        )
    if suffix in {".xlsx", ".xlsm"} or (not suffix and data.startswith(_ZIP_MAGIC)):
        grid = _xlsx_grid(data)
    elif suffix in {".csv", ""}:
        grid = _csv_grid(data)
    else:
        raise ImportFileError(gettext("Only .xlsx and .csv files can be imported."))
    return _table(grid)


def _damaged() -> ImportFileError:
    return ImportFileError(
        gettext("The file could not be read as an Excel workbook. Is it damaged?")
    )


def _too_many_rows() -> ImportFileError:
    return ImportFileError(
        gettext(
            "The file has more than %(limit)s rows. Split it into files of at most "
            "%(limit)s rows and import them one after another."
        )
        % {"limit": f"{MAX_ROWS:,}"}
    )


def _too_many_columns() -> ImportFileError:
    return ImportFileError(
        gettext("The file has more than %(limit)s columns. Keep only the ledger's columns.")
        % {"limit": MAX_COLUMNS}
    )


def _check_unpacked_size(data: bytes) -> None:
    """Refuse a workbook that would unpack to more than MAX_UNPACKED_BYTES, before unpacking it.

    The sizes come from the zip's directory; Python's zipfile never inflates a member beyond
    its declared size (it fails the CRC check instead), so a lying directory cannot get past.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _damaged() from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportFileError(
            gettext(
                "This workbook would unpack to %(size)s MB; at most %(limit)s MB can be "
                "imported. Save it again from Excel with only the ledger's sheet, or split it."
            )
            % {
                "size": f"{unpacked / 1024 / 1024:,.0f}",
                "limit": MAX_UNPACKED_BYTES // 1024 // 1024,
            }
        )


def _xlsx_grid(data: bytes) -> list[list[str]]:
    """The cells of the first sheet as text, row 1 first; within the row and column limits."""
    _check_unpacked_size(data)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    # openpyxl fails in many ways (zip, XML, key errors) on files that are not real workbooks.
    except Exception as exc:
        raise _damaged() from exc
    try:
        sheet = book.worksheets[0]
        # Formatting stretches a sheet's used range (a column formatted to row 1,048,576, a
        # row to column XFD): only cells with a value count against the limits, and empty
        # rows are kept only between filled ones (their numbers are the row numbers shown).
        grid: list[list[str]] = []
        empty_run = filled = 0
        for values in sheet.iter_rows(values_only=True):
            last = _last_filled(values)
            if last < 0:
                empty_run += 1
                continue
            if last + 1 > MAX_COLUMNS:
                raise _too_many_columns()
            grid.extend([] for _ in range(empty_run))
            empty_run = 0
            grid.append([_cell_text(value) for value in values[: last + 1]])
            filled += 1
            if filled > MAX_ROWS + 1:  # the heading row, then at most MAX_ROWS
                raise _too_many_rows()
        return grid
    except ImportFileError:
        raise
    except Exception as exc:
        raise _damaged() from exc
    finally:
        book.close()


def _last_filled(values: Sequence[object]) -> int:
    """Index of the last cell with a value (-1 when none has one)."""
    return max((i for i, value in enumerate(values) if value not in (None, "")), default=-1)


def _cell_text(value: object) -> str:
    """Text for an Excel value: dates as ISO, whole numbers without ".0", empty as ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        # Serials are floating point: 14:30 may come back as 14:29:59.999999.
        value = (value + timedelta(microseconds=500_000)).replace(microsecond=0)
        if value.time() == time():
            return value.date().isoformat()
        # Keep the time: a contact's datetime column needs it; parse_date_cell drops it.
        return value.isoformat(timespec="seconds" if value.second else "minutes")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else format(value, ".15g")
    return str(value).strip()


def _csv_grid(data: bytes) -> list[list[str]]:
    """The records of a CSV file as stripped text, within the row and column limits."""
    reader = csv.reader(io.StringIO(_decode(data), newline=""))
    grid = []
    try:
        for record in reader:
            if len(record) > MAX_COLUMNS and any(cell.strip() for cell in record[MAX_COLUMNS:]):
                raise _too_many_columns()
            grid.append([cell.strip() for cell in record[:MAX_COLUMNS]])
            if len(grid) > MAX_ROWS + 1:
                raise _too_many_rows()
    except csv.Error as exc:
        raise ImportFileError(
            gettext("The CSV file could not be read near line %(line)s.")
            % {"line": reader.line_num}
        ) from exc
    return grid


def _decode(data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or Shift_JIS as Excel writes it (cp932)."""
    for encoding in ("utf-8-sig", "cp932"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Mostly-ASCII UTF-16 decodes as cp932; a real CSV never holds a NUL character.
        if "\x00" not in text:
            return text
        break
    raise ImportFileError(
        gettext(
            "The CSV file is neither UTF-8 nor Shift_JIS. "
            "Save it from Excel as “CSV UTF-8” or as an .xlsx workbook."
        )
    )


# The Unicode private-use area: Shift_JIS 外字 (user-defined characters) and bytes such as 0xFD
# decode to it. The cell is kept, but it shows as something else (or nothing) elsewhere.
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")


def _private_use_notes(headers: list[str], rows: list[Row]) -> list[RowError]:
    notes = []
    for row in rows:
        for header in headers:
            text = row.values.get(header, "")
            if _PRIVATE_USE.search(text):
                message = gettext(
                    "This cell holds characters outside the standard character set (外字 or "
                    "bytes a Shift_JIS file should not hold), shown as “%(text)s”. They are "
                    "imported as they are but look different, or blank, on other computers: "
                    "check the cell and correct it in yorisoi if it is wrong."
                ) % {"text": _PRIVATE_USE.sub("\ufffd", text)[:40]}
                notes.append(RowError(row.number, header, message))
    return notes


def _table(grid: list[list[str]]) -> Table:
    """Take the first non-empty row as headings and key the later rows' cells by them."""
    numbered = list(enumerate(grid, start=1))
    start = next((i for i, (_, cells) in enumerate(numbered) if any(cells)), None)
    if start is None:
        raise ImportFileError(gettext("The file is empty."))
    header_row, header_cells = numbered[start]
    data = [(number, cells) for number, cells in numbered[start + 1 :] if any(cells)]
    width = max(len(cells) for _, cells in numbered[start:])
    headers = header_cells + [""] * (width - len(header_cells))
    for i, header in enumerate(headers):
        # Name a heading-less column that has data, so it is reported instead of lost silently.
        if not header and any(i < len(cells) and cells[i] for _, cells in data):
            headers[i] = gettext("(column %(letter)s, no heading)") % {
                "letter": get_column_letter(i + 1)
            }
    rows = []
    for number, cells in data:
        values: dict[str, str] = {}
        for header, cell in zip(headers, cells + [""] * (width - len(cells)), strict=True):
            if header:
                values.setdefault(header, cell)
        rows.append(Row(number, values))
    headers = [h for h in headers if h]
    return Table(
        headers=headers,
        rows=rows,
        header_row=header_row,
        notes=_private_use_notes(headers, rows),
    )


# Headings -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A column an importer reads; ``aliases`` are other headings people use for it."""

    name: str
    required: bool = False
    aliases: tuple[str, ...] = ()


def _heading_key(text: str) -> str:
    """Headings match ignoring width, case and all spaces (including line breaks in a cell)."""
    return "".join(normalize_text(text).split())


@dataclass(frozen=True)
class RowError:
    """A problem at a row (the heading row for column problems), in a column or the whole row."""

    row: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return gettext("Row %(row)s, “%(column)s”: %(message)s") % {
                "row": self.row,
                "column": self.column,
                "message": self.message,
            }
        return gettext("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


def check_headers(
    table: Table, columns: Sequence[Column]
) -> tuple[dict[str, str], list[RowError], list[str]]:
    """Match headings to columns: (column name → heading in the file, errors, unknown headings)."""
    owner: dict[str, str] = {}
    for column in columns:
        for text in (column.name, *column.aliases):
            if owner.setdefault(_heading_key(text), column.name) != column.name:
                raise ValueError(f"The heading {text!r} would match two columns.")
    found: dict[str, list[str]] = {}
    unknown: list[str] = []
    for header in table.headers:
        name = owner.get(_heading_key(header))
        if name is not None:
            found.setdefault(name, []).append(header)
        elif header not in unknown:
            unknown.append(header)
    mapping: dict[str, str] = {}
    errors: list[RowError] = []
    for column in columns:
        headers = found.get(column.name, [])
        if len(headers) > 1:
            message = gettext("The file has more than one column for this: %(headers)s.") % {
                "headers": " / ".join(headers)
            }
            errors.append(RowError(table.header_row, column.name, message))
        elif headers:
            mapping[column.name] = headers[0]
        elif column.required:
            errors.append(RowError(table.header_row, column.name, _missing_message(column)))
    return mapping, errors, unknown


def _missing_message(column: Column) -> str:
    """Say which headings would satisfy a missing required column."""
    if column.aliases:
        return gettext(
            "This required column is missing. Head it “%(name)s” (also accepted: %(aliases)s)."
        ) % {"name": column.name, "aliases": " / ".join(column.aliases)}
    return gettext("This required column is missing.")


# Cells --------------------------------------------------------------------------------------


# Signs that make a spreadsheet read a cell as a formula (after NFKC: "＝" is "=").
_FORMULA_SIGNS = frozenset("=+-@")


def formula_sign(text: str) -> str:
    """The sign a spreadsheet would read as the start of a formula, if the text begins with one."""
    first = unicodedata.normalize("NFKC", text.lstrip()[:1])
    return first if first in _FORMULA_SIGNS else ""


class RowReader:
    """Reads one row's cells by column name, collecting every CellError instead of stopping."""

    def __init__(self, row: Row, mapping: Mapping[str, str]) -> None:
        self.row = row
        self.mapping = mapping
        self.errors: list[tuple[str, str]] = []
        self.unknown: list[tuple[str, UnknownChoice]] = []

    def has(self, column: str) -> bool:
        """Return whether the file has the column at all (an absent column changes nothing)."""
        return column in self.mapping

    def text(self, column: str, *, required: bool = False) -> str:
        """Return the cell's text, "" if empty or the column is absent."""
        header = self.mapping.get(column)
        text = self.row.values.get(header, "") if header else ""
        if required and not text:
            self.error(column, gettext("This cell must be filled in."))
        return text

    def code(self, column: str, *, required: bool = False) -> str:
        """Return a code's text (a case number) in half width: 「Ｈ－００１」 is H-001, so the
        contact ledger typed in half width finds the case the case ledger typed in full."""
        return unicodedata.normalize("NFKC", self.text(column, required=required)).strip()

    def name(
        self, column: str, *, required: bool = False, blank: frozenset[str] = frozenset()
    ) -> str:
        """Return a name's text, refusing one a spreadsheet would read as a formula.

        Names go into every export; "=HYPERLINK(…)" stored as a name would become a live link
        in someone's Excel. ``blank`` are words meaning "not known" (e.g. "-"), not names.
        """
        text = self.text(column, required=required)
        return self.check_name(column, text, blank=blank)

    def check_name(self, column: str, text: str, *, blank: frozenset[str] = frozenset()) -> str:
        """``name()`` for text taken from a cell some other way (e.g. one part of a list)."""
        if text and text not in blank and (sign := formula_sign(text)):
            self.error(
                column,
                gettext(
                    "A name cannot begin with “%(sign)s”: spreadsheets read that as the start "
                    "of a formula. Remove the sign from the cell."
                )
                % {"sign": sign},
            )
            return ""
        return text

    def value(self, column: str, parse: Callable[[str], T], *, required: bool = False) -> T | None:
        """Return the parsed cell, or None when it is empty or wrong (the error is recorded)."""
        text = self.text(column, required=required)
        if not text:
            return None
        token = _current_column.set(column)
        try:
            return parse(text)
        except UnknownChoice as exc:
            self.unknown.append((column, exc))
            return None
        except CellError as exc:
            self.error(column, exc.message)
            return None
        finally:
            _current_column.reset(token)

    def error(self, column: str, message: str) -> None:
        """Record a problem found across cells, e.g. an end date before the start date."""
        self.errors.append((column, message))

    def note(self, column: str, message: str) -> None:
        """Tell whoever imports something that does not stop the import (e.g. a name kept as
        text); the same note of many rows is shown once, with the rows."""
        run = _current_run.get()
        if run is not None:
            rows = run.notes.setdefault((column, message), [])
            if self.row.number not in rows:
                rows.append(self.row.number)

    def check(self) -> None:
        """Raise RowErrors if any problem was recorded."""
        if self.errors or self.unknown:
            raise RowErrors(self.errors, self.unknown)


# Excel counts days from 1899-12-30 (it treats 1900 as a leap year, so earlier serials differ).
_EXCEL_EPOCH = datetime(1899, 12, 30)
# Only five-digit serials (1927-05-18 to 2173) count: "32" in a date column is a mistake.
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_YYYYMMDD = re.compile(r"(\d{4})(\d{2})(\d{2})")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T[\d:.]+")
_DATE_TIME = re.compile(
    r"(?P<date>.+?)(?:\s+|T|(?<=日))(?P<hour>\d{1,2})"
    r"(?::(?P<minute>\d{2})(?::(?P<second>\d{2}))?|時(?:(?P<minute_kanji>\d{1,2})分)?)"
)
# Ledgers are kept in Japan, whatever time zone the server runs in.
_JST = ZoneInfo("Asia/Tokyo")


def _read_date(text: str) -> date:
    """A date from text already NFKC-normalized; raise DateParseError."""
    if _SERIAL.fullmatch(text):
        return (_EXCEL_EPOCH + timedelta(days=int(float(text)))).date()
    if m := _YYYYMMDD.fullmatch(text):
        text = f"{m[1]}-{m[2]}-{m[3]}"
    elif _ISO_DATETIME.fullmatch(text):
        # A datetime cell in a date column: read_rows wrote it as ISO with its time.
        text = text.partition("T")[0]
    return parse_date(text)


def parse_date_cell(text: str) -> date:
    """Read a date as people and Excel write it: ISO, 2024/4/1, 和暦, R6.4.1, serial, 20240401."""
    try:
        return _read_date(unicodedata.normalize("NFKC", text).strip())
    except DateParseError as exc:
        raise CellError(str(exc)) from exc


def parse_datetime_cell(text: str) -> datetime:
    """Read a date with an optional time ("2024/4/1 14:30", "令和6年4月1日 14時"); JST if naive."""
    value = " ".join(unicodedata.normalize("NFKC", text).split())
    if _SERIAL.fullmatch(value):
        moment = _EXCEL_EPOCH + timedelta(seconds=round(float(value) * 86400))
    else:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            moment = _date_and_time(value)
    return timezone.make_aware(moment, _JST) if timezone.is_naive(moment) else moment


def _date_and_time(value: str) -> datetime:
    """Split a date and an optional trailing time, and read both."""
    m = _DATE_TIME.fullmatch(value)
    try:
        day = _read_date(m["date"] if m else value)
    except DateParseError as exc:
        if exc.code != "invalid":
            raise CellError(str(exc)) from exc
        raise CellError(
            gettext("Enter a date and time like 2025/4/1 14:30 or 令和7年4月1日 14:30.")
        ) from exc
    if m is None:
        return datetime.combine(day, time())
    hour, minute = int(m["hour"]), int(m["minute"] or m["minute_kanji"] or 0)
    second = int(m["second"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise CellError(gettext("Enter a time like 14:30."))
    return datetime.combine(day, time(hour, minute, second))


# Units people type after a count. A number in another unit ("30代" is an age band, not 30)
# must not pass as a plain number.
_INT = re.compile(
    r"([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?(?:歳|才|人|名|回|件|円|日|時間|分|年|か月|ヶ月|カ月)?"
)


def parse_int_cell(text: str, *, min_value: int | None = None, max_value: int | None = None) -> int:
    """Read a whole number: full-width digits, "1,200", "32.0" and units like "32歳" are fine."""
    m = _INT.fullmatch("".join(unicodedata.normalize("NFKC", text).split()))
    if m is None:
        raise CellError(gettext("Enter a whole number, like 32."))
    number = int(m[1] + m[2].replace(",", ""))
    if min_value is not None and number < min_value:
        raise CellError(gettext("Enter a number of %(limit)s or more.") % {"limit": min_value})
    if max_value is not None and number > max_value:
        raise CellError(gettext("Enter a number of %(limit)s or less.") % {"limit": max_value})
    return number


# NFKC has already turned "／" into "/".
_CHOICE_IGNORED = re.compile(r"[\s・/]")
_CHOICES_SHOWN = 8


def choice_key(text: str) -> str:
    """Choices match ignoring width, case, spaces, "・" and slashes (also the key of a meaning)."""
    return _CHOICE_IGNORED.sub("", normalize_text(text))


_choice_key = choice_key


@dataclass
class MappedValue:
    """A value not in a choice list that was read with the meaning someone gave it."""

    column: str
    key: str  # choice_key() of the text
    text: str  # as the file first spelled it
    choice: str  # the choice value it was read as ("" for "leave the cell empty")
    label: str
    rows: list[int] = field(default_factory=list)


@dataclass
class UnknownValue:
    """A value not in a column's choice list, with every row that holds it."""

    column: str
    key: str
    text: str
    rows: list[int] = field(default_factory=list)
    choices: list[tuple[str, str]] = field(default_factory=list)  # (value, label) it may mean


@dataclass
class _Run:
    """What one run_import keeps while it parses: the meanings given, those used, and notes."""

    by_column: dict[str, dict[str, str]]  # column → choice_key(value) → choice text
    used: dict[tuple[str, str], MappedValue] = field(default_factory=dict)
    row: int = 0
    notes: dict[tuple[str, str], list[int]] = field(default_factory=dict)  # (column, note) → rows


_current_run: contextvars.ContextVar[_Run | None] = contextvars.ContextVar(
    "yorisoi_import_meanings", default=None
)
# The column RowReader.value is parsing, so a matcher knows which meanings apply.
_current_column: contextvars.ContextVar[str] = contextvars.ContextVar(
    "yorisoi_import_column", default=""
)


class ChoiceMatcher:
    """Reads a choice from its value, its label (Japanese or English) or a synonym."""

    def __init__(
        self, choices: type[models.TextChoices], synonyms: Mapping[str, str] | None = None
    ) -> None:
        self.choices = choices
        # choices(value) rejects a synonym pointing at a value that does not exist.
        self.synonyms = {text: choices(value).value for text, value in (synonyms or {}).items()}

    @cached_property
    def _lookup(self) -> dict[str, str]:
        """Normalized text → value; built on first use, when translations are ready."""
        lookup: dict[str, str] = {}

        def add(text: str, value: str, *, strict: bool) -> None:
            if lookup.setdefault(_choice_key(text), value) != value and strict:
                raise ValueError(f"{text!r} would match two choices of {self.choices.__name__}.")

        with override("ja"):
            japanese = [(member.value, str(member.label)) for member in self.choices]
        for value, label in japanese:
            add(value, value, strict=True)
            add(label, value, strict=True)
        for text, value in self.synonyms.items():
            add(text, value, strict=True)
        # Other languages' labels too (a file exported from the English UI), never overriding.
        for code, _name in settings.LANGUAGES:
            with override(code):
                for member in self.choices:
                    add(str(member.label), member.value, strict=False)
        return lookup

    def match(self, text: str) -> str:
        """Return the choice value the text names; raise UnknownChoice if it names none.

        Inside run_import, a value someone gave a meaning to (``meanings``) is read as that.
        """
        key = _choice_key(text)
        value = self._lookup.get(key)
        if value is not None:
            return value
        meanings = _current_run.get()
        column = _current_column.get()
        target = meanings.by_column.get(column, {}).get(key) if meanings is not None else None
        if meanings is None or target is None:
            raise UnknownChoice(text, self)
        value = self._lookup.get(_choice_key(target)) if target.strip() else ""
        if value is None:
            raise CellError(
                gettext(
                    "The meaning given for “%(value)s”, “%(target)s”, is not one of the "
                    "choices. Enter one of: %(choices)s."
                )
                % {"value": text.strip(), "target": target, "choices": self._shown()}
            )
        used = meanings.used.setdefault(
            (column, key),
            MappedValue(column, key, text.strip(), value, self.label_of(value)),
        )
        if meanings.row and meanings.row not in used.rows:
            used.rows.append(meanings.row)
        return value

    def options(self) -> list[tuple[str, str]]:
        """(value, label) of every choice, in the current language."""
        return [(member.value, str(member.label)) for member in self.choices]

    def label_of(self, value: str) -> str:
        """The label of a choice value ("" for none)."""
        return str(self.choices(value).label) if value else ""

    def _shown(self) -> str:
        labels = [str(label) for label in self.choices.labels]
        shown = " / ".join(labels[:_CHOICES_SHOWN])
        if len(labels) > _CHOICES_SHOWN:
            shown += " / …"
        return shown

    def unknown_message(self, text: str) -> str:
        """What to say of a value that is not one of the choices."""
        return gettext("“%(value)s” is not one of the choices. Enter one of: %(choices)s.") % {
            "value": text.strip(),
            "choices": self._shown(),
        }


# Running an import --------------------------------------------------------------------------

_ROWS_SHOWN = 10


def _rows_text(rows: Sequence[int]) -> str:
    shown = ", ".join(str(row) for row in rows[:_ROWS_SHOWN])
    return shown + (", …" if len(rows) > _ROWS_SHOWN else "")


def _value_line(column: str, text: str, rows: Sequence[int]) -> str:
    """「相談経路」の「メール」: 10行（5, 9, 13, …）"""
    return ngettext(
        "“%(value)s” in “%(column)s”: %(count)s row (%(rows)s)",
        "“%(value)s” in “%(column)s”: %(count)s rows (%(rows)s)",
        len(rows),
    ) % {"column": column, "value": text, "count": len(rows), "rows": _rows_text(rows)}


def _note_line(column: str, message: str, rows: Sequence[int]) -> str:
    return ngettext(
        "“%(column)s”: %(message)s (%(count)s row: %(rows)s)",
        "“%(column)s”: %(message)s (%(count)s rows: %(rows)s)",
        len(rows),
    ) % {"column": column, "message": message, "count": len(rows), "rows": _rows_text(rows)}


@dataclass
class ImportReport:
    """What an import found and did; ``as_text`` is shown by the command line and the web UI.

    ``errors`` are problems to fix in the file; ``unknown`` are values not in a choice list,
    grouped by column and value, which a meaning fixes (see ``run_import``'s ``meanings``);
    ``mapped`` are the meanings that were used.
    """

    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False
    rows: int = 0  # data rows read from the file
    unknown: list[UnknownValue] = field(default_factory=list)
    mapped: list[MappedValue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Return whether the file had no problems."""
        return not self.errors and not self.unknown

    def as_text(self, limit: int | None = None, *, choices: bool = False) -> str:
        """The summary, values to give a meaning, each problem by row and column, then notes.

        At most ``limit`` problems are listed; ``choices`` lists what each unknown value may
        mean (the command line, where there is no select to choose from).
        """
        lines = [self._summary()]
        if self.unknown:
            lines.append(gettext("Values not in the lists:"))
            for group in self.unknown:
                lines.append(_value_line(group.column, group.text, group.rows))
                if choices:
                    lines.append(
                        "    "
                        + gettext("may mean: %(choices)s")
                        % {"choices": ", ".join(f"{v}（{label}）" for v, label in group.choices)}
                    )
        shown = self.errors if limit is None else self.errors[:limit]
        lines.extend(str(error) for error in shown)
        if hidden := len(self.errors) - len(shown):
            lines.append(
                ngettext("…and %(count)s more problem.", "…and %(count)s more problems.", hidden)
                % {"count": hidden}
            )
        if self.mapped:
            lines.append(gettext("Values read with the meaning given to them:"))
            lines.extend(
                f"- {_value_line(m.column, m.text, m.rows)} → " + (m.label or gettext("left empty"))
                for m in self.mapped
            )
        if self.warnings:
            lines.append(gettext("Notes:"))
            lines.extend(f"- {warning}" for warning in self.warnings)
        return "\n".join(lines)

    def _summary(self) -> str:
        """The first line: whether anything was saved, and what to do next."""
        if self.errors:
            count = len(self.errors)
            return ngettext(
                "Nothing was imported. Fix %(count)s problem in the file and import it again.",
                "Nothing was imported. Fix these %(count)s problems in the file and import it again.",
                count,
            ) % {"count": count}
        if self.unknown:
            count = len(self.unknown)
            return ngettext(
                "Nothing was imported. %(count)s value is not in the lists: say what it means, "
                "then check again.",
                "Nothing was imported. %(count)s values are not in the lists: say what each "
                "means, then check again.",
                count,
            ) % {"count": count}
        if self.dry_run:
            return ngettext(
                "Checked %(count)s row and found no problems. Nothing has been saved yet.",
                "Checked %(count)s rows and found no problems. Nothing has been saved yet.",
                self.rows,
            ) % {"count": self.rows}
        return ngettext(
            "Imported %(count)s row: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
            "Imported %(count)s rows: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.",
            self.rows,
        ) % {
            "count": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-safe data (kept with a background import)."""
        return {
            "errors": [[e.row, e.column, e.message] for e in self.errors],
            "warnings": self.warnings,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "dry_run": self.dry_run,
            "rows": self.rows,
            "unknown": [
                [u.column, u.key, u.text, u.rows, [list(c) for c in u.choices]]
                for u in self.unknown
            ],
            "mapped": [[m.column, m.key, m.text, m.choice, m.label, m.rows] for m in self.mapped],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ImportReport:
        """The report ``to_dict`` gave."""
        return cls(
            errors=[RowError(*error) for error in data.get("errors", [])],
            warnings=list(data.get("warnings", [])),
            created=data.get("created", 0),
            updated=data.get("updated", 0),
            unchanged=data.get("unchanged", 0),
            dry_run=data.get("dry_run", False),
            rows=data.get("rows", 0),
            unknown=[
                UnknownValue(column, key, text, list(rows), [tuple(c) for c in choices])
                for column, key, text, rows, choices in data.get("unknown", [])
            ],
            mapped=[MappedValue(*item) for item in data.get("mapped", [])],
        )


def _key_text(key: Hashable) -> str:
    """Show a duplicate key as the person typed it, a tuple's parts joined."""
    return " / ".join(map(str, key)) if isinstance(key, tuple) else str(key)


def _canonical_meanings(
    meanings: Mapping[str, Mapping[str, str]] | None, columns: Sequence[Column]
) -> dict[str, dict[str, str]]:
    """Meanings keyed by column name (any heading spelling given) and choice_key of the value."""
    names = {}
    for column in columns:
        for text in (column.name, *column.aliases):
            names[_heading_key(text)] = column.name
    found: dict[str, dict[str, str]] = {}
    for heading, values in (meanings or {}).items():
        name = names.get(_heading_key(heading))
        if name is not None:
            for value, target in values.items():
                found.setdefault(name, {})[_choice_key(value)] = target
    return found


@contextmanager
def _meanings_in_force(meanings: _Run) -> Iterator[None]:
    token = _current_run.set(meanings)
    try:
        yield
    finally:
        _current_run.reset(token)


# Progress is told every this many rows (and at the end of each stage).
PROGRESS_EVERY = 250
Progress = Callable[[str, int, int], None]  # (stage "check" or "write", done, total)


def run_import(
    table: Table,
    *,
    columns: Sequence[Column],
    parse_row: Callable[[Row, Mapping[str, str]], P],
    write_rows: Callable[..., tuple[int, int, int]],
    dry_run: bool,
    key: Callable[[P], Hashable | None] | None = None,
    meanings: Mapping[str, Mapping[str, str]] | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """Parse every row, collect every problem, and write all rows in one transaction or none.

    ``key`` gives a parsed row's identity (None for a row that has none); a key repeated within
    the file is a problem of the later row. ``meanings`` maps column → value as written →
    the choice it means (a value, label or synonym of the column's choices; "" leaves the cell
    empty). ``progress`` is told how far the check and the writing are; ``write_rows`` then
    gets a ``progress`` keyword too, a callable taking the number of rows written so far.
    """
    report = ImportReport(dry_run=dry_run, rows=len(table.rows))
    mapping, report.errors, unknown = check_headers(table, columns)
    report.warnings = [
        gettext("The column “%(column)s” is not used by this import and was ignored.")
        % {"column": header}
        for header in unknown
    ]
    report.warnings.extend(str(note) for note in table.notes)
    if report.errors:
        # Without its columns every row would repeat the same complaint.
        return report
    if not table.rows:
        message = gettext("The file has headings but no rows to import.")
        report.errors.append(RowError(table.header_row, "", message))
        return report
    parsed: list[P] = []
    first_row_of: dict[Hashable, int] = {}
    groups: dict[tuple[str, str], UnknownValue] = {}
    context = _Run(_canonical_meanings(meanings, columns))
    total = len(table.rows)
    with _meanings_in_force(context):
        for done, row in enumerate(table.rows, start=1):
            if progress is not None and (done % PROGRESS_EVERY == 0 or done == total):
                progress("check", done, total)
            context.row = row.number
            try:
                item = parse_row(row, mapping)
            except RowErrors as exc:
                report.errors.extend(RowError(row.number, col, msg) for col, msg in exc.errors)
                for column, choice in exc.unknown:
                    group = groups.setdefault(
                        (column, _choice_key(choice.text)),
                        UnknownValue(
                            column,
                            _choice_key(choice.text),
                            choice.text,
                            choices=choice.matcher.options(),
                        ),
                    )
                    if row.number not in group.rows:
                        group.rows.append(row.number)
                continue
            except CellError as exc:
                report.errors.append(RowError(row.number, "", exc.message))
                continue
            item_key = key(item) if key is not None else None
            if item_key is not None:
                first = first_row_of.setdefault(item_key, row.number)
                if first != row.number:
                    message = gettext("This row repeats row %(row)s (%(key)s).") % {
                        "row": first,
                        "key": _key_text(item_key),
                    }
                    report.errors.append(RowError(row.number, "", message))
            parsed.append(item)
    report.unknown = list(groups.values())
    report.mapped = list(context.used.values())
    report.warnings.extend(
        _note_line(column, message, rows) for (column, message), rows in context.notes.items()
    )
    if not report.ok or dry_run:
        return report
    with transaction.atomic():
        if progress is None:
            counts = write_rows(parsed)
        else:
            counts = write_rows(parsed, progress=lambda done: progress("write", done, len(parsed)))
        report.created, report.updated, report.unchanged = counts
    return report
