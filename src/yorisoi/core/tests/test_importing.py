"""Tests for the generic ledger import: files, headings, cells, the runner and its report."""

import io
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.db import transaction
from django.utils.translation import override
from openpyxl import Workbook

from yorisoi.core.importing import (
    CellError,
    ChoiceMatcher,
    Column,
    ImportFileError,
    ImportReport,
    Row,
    RowError,
    RowReader,
    Table,
    check_headers,
    parse_date_cell,
    parse_datetime_cell,
    parse_int_cell,
    read_rows,
    run_import,
)
from yorisoi.core.roles import Role

JST = ZoneInfo("Asia/Tokyo")


@pytest.fixture(autouse=True)
def _english():
    """Messages are asserted in English; tests about Japanese wording override to ja."""
    with override("en"):
        yield


# Reading files ------------------------------------------------------------------------------


@pytest.fixture
def workbook_path(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.title = "台帳"
    sheet.append(["受付日", "氏名", "相談日時", "年齢", "比率", "確認", None, "メモ"])
    sheet.append([datetime(2024, 4, 1), "山田 太郎", datetime(2024, 4, 1, 14, 30), 32, 0.5])
    sheet.append([date(2024, 4, 2), "  鈴木　花子　", None, 41.0, None, True])
    sheet.append([])  # an empty row 4: skipped, but row 5 keeps its number
    sheet.append([45383, "佐藤", "令和6年4月1日 9:05", "32歳", None, None, "見出しなし", "x"])
    # The first sheet is read even when another one is active.
    book.create_sheet("集計")
    book.active = 1
    path = tmp_path / "ledger.xlsx"
    book.save(path)
    return path


def test_xlsx_cells_become_text_numbered_as_the_sheet_shows(workbook_path):
    table = read_rows(workbook_path)
    assert table.header_row == 1
    assert table.headers == [
        "受付日",
        "氏名",
        "相談日時",
        "年齢",
        "比率",
        "確認",
        table.headers[6],  # the heading-less column G, named so it can be reported
        "メモ",
    ]
    assert "G" in table.headers[6]
    assert [row.number for row in table.rows] == [2, 3, 5]
    first, second, third = (row.values for row in table.rows)
    assert first["受付日"] == "2024-04-01"
    assert first["相談日時"] == "2024-04-01T14:30"
    assert first["年齢"] == "32"
    assert first["比率"] == "0.5"
    assert first["メモ"] == ""
    assert second["受付日"] == "2024-04-02"
    assert second["氏名"] == "鈴木　花子"
    assert second["年齢"] == "41"
    assert second["確認"] == "TRUE"
    assert third["受付日"] == "45383"
    assert third[table.headers[6]] == "見出しなし"


def test_xlsx_from_a_file_object(workbook_path):
    with workbook_path.open("rb") as handle:
        assert len(read_rows(handle).rows) == 3
    upload = io.BytesIO(workbook_path.read_bytes())
    upload.read()  # already read once, as an upload size check would
    assert len(read_rows(upload, filename="台帳.xlsx").rows) == 3
    assert len(read_rows(io.BytesIO(workbook_path.read_bytes())).rows) == 3  # sniffed as a zip


def test_xlsx_datetime_rounding_keeps_the_minute(tmp_path):
    book = Workbook()
    book.active.append(["日時"])
    book.active.append([datetime(2024, 4, 1, 14, 29, 59, 999_990)])
    path = tmp_path / "t.xlsx"
    book.save(path)
    assert read_rows(path).rows[0].values["日時"] == "2024-04-01T14:30"


def test_headings_below_blank_rows(tmp_path):
    book = Workbook()
    book.active["B3"] = "氏名"
    book.active["B5"] = "山田"
    path = tmp_path / "t.xlsx"
    book.save(path)
    table = read_rows(path)
    assert table.header_row == 3
    assert table.rows == [Row(5, {"氏名": "山田"})]


CSV_TEXT = '受付日,氏名,性別\r\n令和6年4月1日,髙橋 一郎,男\r\n,,\r\n2024/4/2,"渡辺\n二郎",女\r\n'


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_csv_in_the_encodings_excel_writes(tmp_path, encoding):
    path = tmp_path / "ledger.csv"
    path.write_bytes(CSV_TEXT.encode(encoding))
    table = read_rows(path)
    assert table.headers == ["受付日", "氏名", "性別"]  # no BOM left on the first heading
    assert [row.number for row in table.rows] == [2, 4]
    assert table.rows[0].values == {"受付日": "令和6年4月1日", "氏名": "髙橋 一郎", "性別": "男"}
    assert table.rows[1].values["氏名"] == "渡辺\n二郎"


@pytest.mark.parametrize("text", [CSV_TEXT, "date,name\r\n2024-04-01,Yamada\r\n"])
def test_csv_in_another_encoding_is_a_clear_error(tmp_path, text):
    path = tmp_path / "ledger.csv"
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(ImportFileError) as caught, override("en"):
        read_rows(path)
    assert "UTF-8" in caught.value.message
    assert "Shift_JIS" in caught.value.message


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), ".xls"),
        ("locked.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "password"),
        ("broken.xlsx", b"PK\x03\x04 not really a workbook", "Excel"),
        ("notes.pdf", b"%PDF-1.7", ".xlsx and .csv"),
        ("empty.csv", b"\r\n,,\r\n", "empty"),
    ],
)
def test_unreadable_files_are_clear_errors(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as caught, override("en"):
        read_rows(path)
    assert words in caught.value.message


# Headings -----------------------------------------------------------------------------------


COLUMNS = [
    Column("受付日", required=True, aliases=("相談日",)),
    Column("氏名", required=True, aliases=("名前",)),
    Column("ケース番号"),
    Column("年齢"),
    Column("役割"),
]


def test_headings_match_ignoring_width_spaces_and_by_alias():
    table = Table(headers=["相談 日", "名前", "ｹｰｽ番号", "ＭＥＭＯ", "備考"], rows=[])
    mapping, errors, unknown = check_headers(table, COLUMNS)
    assert mapping == {"受付日": "相談 日", "氏名": "名前", "ケース番号": "ｹｰｽ番号"}
    assert errors == []
    assert unknown == ["ＭＥＭＯ", "備考"]


def test_missing_and_doubled_columns_are_errors_at_the_heading_row():
    table = Table(headers=["受付日", "相談日", "年齢"], rows=[], header_row=3)
    mapping, errors, _ = check_headers(table, COLUMNS)
    assert mapping == {"年齢": "年齢"}
    assert [(e.row, e.column) for e in errors] == [(3, "受付日"), (3, "氏名")]
    with override("en"):
        assert "受付日 / 相談日" in check_headers(table, COLUMNS)[1][0].message
        assert "名前" in check_headers(table, COLUMNS)[1][1].message  # the accepted alias


def test_a_heading_naming_two_columns_is_a_programming_error():
    with pytest.raises(ValueError, match="two columns"):
        check_headers(Table([], []), [Column("氏名"), Column("名前", aliases=("氏 名",))])


# Cells --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-04-01", date(2024, 4, 1)),
        ("2024/4/1", date(2024, 4, 1)),
        ("２０２４／４／１", date(2024, 4, 1)),
        ("令和6年4月1日", date(2024, 4, 1)),
        ("R6.4.1", date(2024, 4, 1)),
        ("平成31年4月30日", date(2019, 4, 30)),
        ("45383", date(2024, 4, 1)),
        ("45383.75", date(2024, 4, 1)),
        ("20240401", date(2024, 4, 1)),
        ("2024-04-01T14:30", date(2024, 4, 1)),
        (" 2024/4/1 ", date(2024, 4, 1)),
    ],
)
def test_date_cells(text, expected):
    assert parse_date_cell(text) == expected


@pytest.mark.parametrize("text", ["2024/2/30", "令和6年13月1日", "平成31年5月1日", "昨日", "32"])
def test_bad_date_cells(text):
    with pytest.raises(CellError) as caught:
        parse_date_cell(text)
    assert caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024/4/1 14:30", datetime(2024, 4, 1, 14, 30)),
        ("２０２４／４／１　１４：３０", datetime(2024, 4, 1, 14, 30)),
        ("令和6年4月1日 14:30", datetime(2024, 4, 1, 14, 30)),
        ("令和6年4月1日14時30分", datetime(2024, 4, 1, 14, 30)),
        ("R6.4.1 9時", datetime(2024, 4, 1, 9)),
        ("2024-04-01T14:30", datetime(2024, 4, 1, 14, 30)),
        ("2024-04-01 14:30:15", datetime(2024, 4, 1, 14, 30, 15)),
        ("2024/4/1", datetime(2024, 4, 1)),
        ("45383.5", datetime(2024, 4, 1, 12)),
    ],
)
def test_datetime_cells_are_japan_time(text, expected):
    assert parse_datetime_cell(text) == expected.replace(tzinfo=JST)


def test_datetime_cell_with_an_offset_keeps_it():
    moment = parse_datetime_cell("2024-04-01T05:30+00:00")
    assert moment.astimezone(JST).time() == time(14, 30)


@pytest.mark.parametrize("text", ["2024/4/1 25:00", "2024/4/1 14:75", "明日の午後", "14:30"])
def test_bad_datetime_cells(text):
    with pytest.raises(CellError), override("en"):
        parse_datetime_cell(text)


def test_a_nonexistent_date_in_a_datetime_cell_says_so():
    with override("en"), pytest.raises(CellError, match="does not exist"):
        parse_datetime_cell("2024/2/30 10:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("32", 32),
        ("３２", 32),
        ("32歳", 32),
        ("３２ 歳", 32),
        ("1,200", 1200),
        ("32.0", 32),
        ("-3", -3),
    ],
)
def test_int_cells(text, expected):
    assert parse_int_cell(text) == expected


@pytest.mark.parametrize("text", ["30代", "三十二", "3.5", "1,2", "約30", ""])
def test_bad_int_cells(text):
    with pytest.raises(CellError):
        parse_int_cell(text)


def test_int_cell_limits():
    assert parse_int_cell("0", min_value=0, max_value=120) == 0
    with override("en"), pytest.raises(CellError, match="120 or less"):
        parse_int_cell("130", min_value=0, max_value=120)
    with override("en"), pytest.raises(CellError, match="0 or more"):
        parse_int_cell("-1", min_value=0)


ROLE = ChoiceMatcher(
    Role, {"ケースワーカー": Role.CASEWORKER, "SV": Role.SUPERVISOR, "事務/受付": "clerk"}
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("caseworker", Role.CASEWORKER),
        ("ＣＡＳＥＷＯＲＫＥＲ", Role.CASEWORKER),
        ("相談員", Role.CASEWORKER),
        (" 相談 員 ", Role.CASEWORKER),
        ("ｼｽﾃﾑ管理者", Role.SYSADMIN),
        ("ケースワーカー", Role.CASEWORKER),
        ("ｓｖ", Role.SUPERVISOR),
        ("事務／受付", Role.CLERK),
        ("事務・受付", Role.CLERK),
        ("Supervisor", Role.SUPERVISOR),  # the English label, from a file exported in English
    ],
)
def test_choice_matcher(text, expected):
    assert ROLE.match(text) == expected
    assert type(ROLE.match(text)) is str


def test_unmatched_choice_lists_the_labels():
    with override("ja"), pytest.raises(CellError) as caught:
        ROLE.match("院長")
    assert "院長" in caught.value.message
    assert "相談員" in caught.value.message


def test_unmatched_choice_lists_at_most_eight_labels():
    from yorisoi.core.prefectures import Prefecture

    with override("ja"), pytest.raises(CellError) as caught:
        ChoiceMatcher(Prefecture).match("東京")
    assert "宮城県" in caught.value.message  # the 4th
    assert "栃木県" not in caught.value.message  # the 9th
    assert "…" in caught.value.message


def test_a_synonym_for_a_missing_choice_is_a_programming_error():
    with pytest.raises(ValueError, match="nurse"):
        ChoiceMatcher(Role, {"看護師": "nurse"})


def test_a_synonym_clashing_with_another_label_is_a_programming_error():
    matcher = ChoiceMatcher(Role, {"事務": Role.CASEWORKER})
    with pytest.raises(ValueError, match="two choices"):
        matcher.match("相談員")


# Running an import --------------------------------------------------------------------------


def parse_row(row, mapping):
    cells = RowReader(row, mapping)
    parsed = {
        "received": cells.value("受付日", parse_date_cell, required=True),
        "name": cells.text("氏名", required=True),
        "number": cells.text("ケース番号") or None,
        "age": cells.value("年齢", lambda text: parse_int_cell(text, min_value=0)),
        "role": cells.value("役割", ROLE.match),
    }
    cells.check()
    return parsed


class Recorder:
    """A write_rows that remembers its calls and whether it ran inside a transaction."""

    def __init__(self):
        self.calls = []
        self.in_atomic = None

    def __call__(self, parsed):
        self.calls.append(parsed)
        self.in_atomic = transaction.get_connection().in_atomic_block
        return (len(parsed) - 1, 1, 0)


def table(*rows, headers=("受付日", "氏名", "ケース番号", "年齢", "役割", "メモ")):
    return Table(
        headers=list(headers),
        rows=[Row(number, dict(zip(headers, cells, strict=True))) for number, cells in rows],
    )


GOOD = table(
    (2, ("2024/4/1", "山田", "A-1", "32歳", "相談員", "")),
    (3, ("令和6年4月2日", "鈴木", "A-2", "", "SV", "")),
)


@pytest.mark.django_db
def test_good_file_is_written_once_inside_a_transaction():
    write = Recorder()
    report = run_import(GOOD, columns=COLUMNS, parse_row=parse_row, write_rows=write, dry_run=False)
    assert report.ok
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    assert len(write.calls) == 1
    assert [p["received"] for p in write.calls[0]] == [date(2024, 4, 1), date(2024, 4, 2)]
    assert write.calls[0][0]["age"] == 32
    assert write.calls[0][1]["role"] == Role.SUPERVISOR
    assert write.in_atomic
    with override("en"):
        assert report.as_text().startswith("Imported 2 rows: 1 new, 1 updated, 0 unchanged.")


def test_dry_run_never_writes():
    write = Recorder()
    report = run_import(GOOD, columns=COLUMNS, parse_row=parse_row, write_rows=write, dry_run=True)
    assert report.ok
    assert report.dry_run
    assert write.calls == []
    with override("en"):
        assert "Nothing has been saved" in report.as_text()


def test_every_error_of_every_row_is_collected_and_nothing_written():
    bad = table(
        (2, ("2024/4/1", "山田", "A-1", "32", "相談員", "")),
        (3, ("2024/2/30", "鈴木", "A-2", "32", "院長", "")),
        (5, ("R6.4.1", "", "A-3", "-1", "", "")),
        (6, ("", "田中", "A-4", "三十", "事務", "")),
    )
    write = Recorder()
    report = run_import(bad, columns=COLUMNS, parse_row=parse_row, write_rows=write, dry_run=False)
    assert not report.ok
    assert write.calls == []
    assert [(e.row, e.column) for e in report.errors] == [
        (3, "受付日"),
        (5, "氏名"),
        (5, "年齢"),
        (6, "受付日"),
        (6, "年齢"),
    ]
    # A value outside the choice list is not an error of its row: it waits for a meaning.
    assert [(u.column, u.text, u.rows) for u in report.unknown] == [("役割", "院長", [3])]
    with override("en"):
        text = report.as_text()
    assert text.startswith("Nothing was imported. Fix these 5 problems")
    for number in (3, 5, 6):
        assert f"Row {number}, " in text
    assert "Row 2" not in text
    assert "“院長” in “役割”: 1 row (3)" in text


def test_repeated_keys_are_reported_against_the_first_row():
    repeated = table(
        (2, ("2024/4/1", "山田", "A-1", "", "", "")),
        (3, ("2024/4/1", "鈴木", "", "", "", "")),
        (4, ("2024/4/1", "田中", "", "", "", "")),  # no key: not a repeat
        (7, ("2024/4/2", "山田", "A-1", "", "", "")),
    )
    write = Recorder()
    report = run_import(
        repeated,
        columns=COLUMNS,
        parse_row=parse_row,
        write_rows=write,
        dry_run=False,
        key=lambda parsed: parsed["number"],
    )
    assert write.calls == []
    assert [(e.row, e.column) for e in report.errors] == [(7, "")]
    with override("en"):
        assert str(report.errors[0]) == "Row 7: This row repeats row 2 (A-1)."


def test_missing_column_stops_before_the_rows_and_unknown_columns_are_notes():
    rows = table((2, ("2024/4/1", "", "")), headers=("受付日", "電話", "住所"))
    called = []
    report = run_import(
        rows,
        columns=COLUMNS,
        parse_row=lambda row, mapping: called.append(row),
        write_rows=Recorder(),
        dry_run=False,
    )
    assert called == []
    assert [(e.row, e.column) for e in report.errors] == [(1, "氏名")]
    with override("en"):
        assert report.warnings == [
            "The column “電話” is not used by this import and was ignored.",
            "The column “住所” is not used by this import and was ignored.",
        ]
        text = report.as_text()
    assert (
        "Row 1, “氏名”: This required column is missing. Head it “氏名” (also accepted: 名前)."
        in text
    )
    assert "- The column “電話”" in text


def test_a_file_with_only_headings_is_an_error():
    report = run_import(
        table(), columns=COLUMNS, parse_row=parse_row, write_rows=Recorder(), dry_run=False
    )
    assert [(e.row, e.column) for e in report.errors] == [(1, "")]


def test_a_bare_cell_error_from_parse_row_is_reported_for_the_row():
    def strict_parse_row(row, mapping):
        return parse_date_cell(row.values[mapping["受付日"]])

    bad = table((9, ("someday", "山田", "", "", "", "")))
    report = run_import(
        bad, columns=COLUMNS, parse_row=strict_parse_row, write_rows=Recorder(), dry_run=True
    )
    assert [(e.row, e.column) for e in report.errors] == [(9, "")]


def test_report_text_can_be_limited():
    report = ImportReport(errors=[RowError(n, "氏名", "x") for n in range(2, 12)])
    with override("en"):
        text = report.as_text(limit=3)
    assert "Row 4," in text
    assert "Row 5," not in text
    assert "…and 7 more problems." in text


@pytest.mark.django_db
def test_from_an_xlsx_file_to_written_rows(workbook_path):
    write = Recorder()
    report = run_import(
        read_rows(workbook_path),
        columns=[Column("受付日", required=True), Column("相談日時"), Column("年齢")],
        parse_row=lambda row, mapping: (
            parse_date_cell(row.values["受付日"]),
            parse_int_cell(row.values["年齢"]),
        ),
        write_rows=write,
        dry_run=False,
    )
    assert report.ok, report.as_text()
    assert write.calls == [[(date(2024, 4, 1), 32), (date(2024, 4, 2), 41), (date(2024, 4, 1), 32)]]
    assert len(report.warnings) == 5  # 氏名, 比率, 確認, column G, メモ are not used
