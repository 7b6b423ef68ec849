"""Ledgers shaped as centers keep them go in: values outside the lists are given a meaning once
(on the page or with --map), the meaning is kept for the next file, and nothing is written
until every row is good. Confirmed imports run as background jobs."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.cases.models import Case
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.roles import Role
from yorisoi.core.testing.ledgers import write_csv, write_xlsx
from yorisoi.imports.models import ImportJob, ValueMapping

# A municipal ledger: its own headings, 和暦 with full-width digits (昭和 births), 男/女,
# 相談経路 holding channels and 「紹介（…）」, empty cells and two words outside the lists.
MUNICIPAL_HEADERS = [
    "No",
    "相談日",
    "本人氏名",
    "フリガナ",
    "性別",
    "生年月日",
    "年齢",
    "住所",
    "相談者",
    "相談経路",
    "状況",
    "担当",
]
ROUTES = ["電話", "来所", "メール", "紹介（地域包括）", "紹介(保健所)", "民生委員から", ""]
STATES = ["継続", "継続", "中断", "様子見", ""]


def municipal_rows(count=40):
    rows = []
    for i in range(1, count + 1):
        rows.append(
            [
                f"Ｈ－{i:03d}".replace("0", "０"),
                f"令和６年{(i % 12) + 1}月{(i % 27) + 1}日",
                f"寄添 {i}郎" if i % 5 else "",
                "",
                "男" if i % 2 else "女",
                f"昭和{50 + i % 14}年{(i % 12) + 1}月1日" if i % 3 else "",
                "" if i % 3 else f"{20 + i}歳",
                "みなと市",
                "母" if i % 4 else "本人",
                ROUTES[i % len(ROUTES)],
                STATES[i % len(STATES)],
                "相談 花子" if i % 6 else "",
            ]
        )
    return rows


@pytest.fixture
def staff(org, make_member):
    return make_member(org, Role.CASEWORKER, user__full_name="相談 花子")


def refused(*args):
    with pytest.raises(CommandError) as error:
        call_command("import", *args)
    return str(error.value)


def test_unknown_values_are_grouped_then_mapped_once_on_the_command_line(tmp_path, org, staff):
    AgencyFactory(organization=org, name="地域包括")
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, municipal_rows())
    report = refused("cases", str(path), "--org", org.slug)
    # One line a value with its rows, not forty identical errors.
    assert "「相談経路」の「民生委員から」: 6行（6, 13, 20, 27, 34, 41）" in report
    assert "「状態」の「様子見」: 8行（4, 9, 14, 19, 24, 29, 34, 39）" in report
    assert "agency（相談経路: 関係機関からの紹介）" in report  # what it may mean
    assert "行目" not in report  # nothing else is wrong
    assert Case.objects.count() == 0

    call_command(
        "import",
        "cases",
        str(path),
        "--org",
        org.slug,
        "--map",
        "相談経路:民生委員から=agency",
        "--map",
        "状態:様子見=paused",
    )
    assert Case.objects.count() == 40
    by_route = {c.number: c for c in Case.objects.select_related("person", "referral_agency")}
    phone = by_route["H-001"]  # 相談経路 来所: the first channel, not how they heard of us
    assert (phone.first_channel, phone.referral_route) == ("office", "")
    assert phone.opened_on == datetime.date(2024, 2, 2)
    assert phone.person.sex == "male"
    assert phone.person.birth_date == datetime.date(1976, 2, 1)
    linked = by_route["H-003"]  # 紹介（地域包括）: linked to the directory entry of that name
    assert (linked.referral_route, linked.first_channel) == ("agency", "referral")
    assert linked.referral_agency.name == "地域包括"
    kept = by_route["H-004"]  # 紹介(保健所): no such entry, kept as written
    assert (kept.referral_source, kept.referral_agency) == ("保健所", None)
    assert by_route["H-005"].referral_route == "agency"  # 民生委員から, as mapped
    assert by_route["H-003"].person.age_told == 23  # 「23歳」 kept as told, not as 20代
    assert by_route["H-003"].status == "paused"  # 様子見, as mapped
    assert set(ValueMapping.objects.values_list("column", "value", "choice")) == {
        ("相談経路", "民生委員から", "agency"),
        ("状態", "様子見", "paused"),
    }

    # The next ledger of the organization uses the saved meanings without being told again.
    later = write_xlsx(tmp_path / "次.xlsx", MUNICIPAL_HEADERS, municipal_rows(45)[40:])
    call_command("import", "cases", str(later), "--org", org.slug)
    assert Case.objects.count() == 45


def test_a_mapping_file_and_a_meaning_that_leaves_the_cell_empty(tmp_path, org, staff):
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, municipal_rows(10))
    meanings = tmp_path / "meanings.txt"
    meanings.write_text("# 当センターの言い方\n相談経路：民生委員から=その他\n状態:様子見=\n")
    call_command("import", "cases", str(path), "--org", org.slug, "--map-file", str(meanings))
    assert Case.objects.get(number="H-005").referral_route == "other"  # by its label
    assert Case.objects.get(number="H-003").status == "intake"  # left empty: the default
    assert "Write a meaning as" in refused(
        "cases", str(path), "--org", org.slug, "--map", "民生委員から"
    )


def test_meanings_of_one_organization_are_not_used_by_another(tmp_path, org, other_org, staff):
    ValueMapping.objects.create(
        organization=other_org,
        ledger="cases",
        column="相談経路",
        value="民生委員から",
        value_key="民生委員から",
        choice="agency",
    )
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, municipal_rows(10))
    assert "民生委員から" in refused("cases", str(path), "--org", org.slug)


# A support station's contact ledger, kept in a CSV from an old system (Shift_JIS): its own
# headings, Western dates, staff who have left, and rows that name nobody.
CONTACT_HEADERS = ["ケースNo", "年月日", "支援方法", "相談者", "担当職員", "支援内容"]


def contact_rows():
    return [
        ["H-001", "2024/04/08", "電話", "母", "", "母から電話。本人は元気とのこと"],
        ["H-001", "2024/04/20", "家庭訪問", "本人・母", "相談 花子", "扉越しに挨拶"],
        ["H-001", "2024/05/02", "家庭訪問", "母", "旧職員 一郎・相談 花子", "母と面談"],
        ["H-001", "2024/05/20", "来所", "母", "旧職員 一郎", "母が来所"],
    ]


@pytest.fixture
def h001(tmp_path, org, staff):
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, municipal_rows(1))
    call_command("import", "cases", str(path), "--org", org.slug)
    return Case.objects.get(number="H-001")


def test_contact_ledger_rows_without_staff_or_with_staff_who_left(tmp_path, org, staff, h001):
    path = write_csv(tmp_path / "経過.csv", CONTACT_HEADERS, contact_rows(), "cp932")
    call_command("import", "contacts", str(path), "--org", org.slug)
    records = {r.summary: r for r in ContactRecord.objects.prefetch_related("staff")}
    phone = records["母から電話。本人は元気とのこと"]
    assert (phone.staff_not_recorded, list(phone.staff.all())) == (True, [])
    lone = records["扉越しに挨拶"]  # a visit the ledger names one staff for is history
    assert (list(lone.staff.all()), lone.lone_visit_reason) == (
        [staff],
        "台帳から取り込み（記録なし）",
    )
    pair = records["母と面談"]  # one who left, kept as written, counts for the two
    assert (pair.staff_as_recorded, list(pair.staff.all()), pair.lone_visit_reason) == (
        "旧職員 一郎",
        [staff],
        "",
    )
    assert records["母が来所"].staff_as_recorded == "旧職員 一郎"


def test_staff_named_for_the_whole_file(tmp_path, org, staff, h001):
    path = write_csv(tmp_path / "経過.csv", CONTACT_HEADERS, contact_rows()[:1])
    call_command("import", "contacts", str(path), "--org", org.slug, "--staff", "相談 花子")
    record = ContactRecord.objects.get()
    assert (list(record.staff.all()), record.staff_not_recorded) == ([staff], False)
    assert "--staff is for ledgers" in refused(
        "cases", str(path), "--org", org.slug, "--staff", "相談 花子"
    )


def test_the_page_asks_what_each_value_means_then_imports_in_the_background(
    tmp_path, as_member, supervisor, org, staff
):
    client = as_member(supervisor)
    url = reverse("imports:import")
    path = write_csv(tmp_path / "台帳.csv", MUNICIPAL_HEADERS, municipal_rows(), "cp932")
    with path.open("rb") as handle:
        checked = client.post(url, {"kind": "cases", "file": handle})
    page = checked.content.decode()
    # One select for each value outside the lists, with the rows that hold it.
    assert page.count('<select id="meaning-') == 2
    assert "「相談経路」の「民生委員から」" in page
    assert "「状態」の「様子見」" in page
    assert 'name="confirm"' not in page
    groups = client.session["yorisoi_pending_import"]["groups"]
    meanings = {
        f"meaning-{i}": "agency" if column == "相談経路" else "paused"
        for i, (column, _text) in enumerate(groups)
    }
    rechecked = client.post(url, {"recheck": "1", **meanings})
    assert 'name="confirm"' in rechecked.content.decode()
    assert Case.objects.count() == 0  # checked again, still nothing written

    done = client.post(url, {"confirm": "1"})
    job = ImportJob.objects.get()
    assert done.url == reverse("imports:job", args=[job.pk])
    assert (job.status, job.rows, job.data) == (ImportJob.Status.DONE, 40, b"")
    assert Case.objects.count() == 40
    assert ValueMapping.objects.filter(organization=org).count() == 2
    job_page = client.get(done.url).content.decode()
    assert "40行を取り込みました" in job_page
    assert client.get(reverse("imports:job_status", args=[job.pk])).status_code == 200


def test_a_refused_check_offers_no_import_and_the_file_is_not_kept(
    tmp_path, as_member, supervisor, org, staff
):
    client = as_member(supervisor)
    url = reverse("imports:import")
    rows = municipal_rows(3)
    rows[1][1] = "令和６年２月３０日"  # no such day
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, rows)
    with path.open("rb") as handle:
        page = client.post(url, {"kind": "cases", "file": handle}).content.decode()
    assert "3行目" in page and 'name="confirm"' not in page  # noqa: PT018
    assert client.post(url, {"confirm": "1"}).status_code == 302
    assert (ImportJob.objects.count(), Case.objects.count()) == (0, 0)


@override_settings(YORISOI_IMPORT_JOBS="worker")
def test_with_a_worker_the_page_queues_and_the_worker_runs_it(
    tmp_path, as_member, supervisor, org, staff
):
    client = as_member(supervisor)
    path = write_xlsx(tmp_path / "台帳.xlsx", MUNICIPAL_HEADERS, municipal_rows(2))
    url = reverse("imports:import")
    with path.open("rb") as handle:
        client.post(url, {"kind": "cases", "file": handle})
    client.post(url, {"confirm": "1"})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.QUEUED
    assert Case.objects.count() == 0
    call_command("import_worker", "--once")
    job.refresh_from_db()
    assert (job.status, Case.objects.count()) == (ImportJob.Status.DONE, 2)


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.CLERK, Role.SUPPORTER, Role.SYSADMIN])
def test_only_supervisors_import_or_read_an_import(role, as_member, make_member, supervisor, org):
    job = ImportJob.objects.create(
        organization=org, ledger="cases", filename="台帳.xlsx", created_by=supervisor
    )
    client = as_member(make_member(org, role))
    assert client.get(reverse("imports:import")).status_code == 403
    assert client.get(reverse("imports:job", args=[job.pk])).status_code in {403, 404}
    assert client.get(reverse("imports:job_status", args=[job.pk])).status_code in {403, 404}


def test_the_job_page_tells_how_far_a_running_import_is(as_member, supervisor, org):
    import os
    import time

    from django.utils import timezone

    from yorisoi.imports import jobs

    job = ImportJob.objects.create(
        organization=org,
        ledger="contacts",
        filename="経過.xlsx",
        created_by=supervisor,
        status=ImportJob.Status.RUNNING,
        started_at=timezone.now(),
    )
    progress = jobs.ProgressFile(job.pk)
    progress("check", 500, 1000)
    assert jobs.progress_of(job)["percent"] == 25  # checking is the first half
    progress.last = 0
    progress("write", 500, 1000)
    assert jobs.progress_of(job) == {
        "stage": "write",
        "done": 500,
        "total": 1000,
        "percent": 75,
        "stale": False,
    }
    page = as_member(supervisor).get(reverse("imports:job_status", args=[job.pk])).content.decode()
    assert "75" in page
    # A job whose progress has not moved for a quarter of an hour died with its process.
    old = time.time() - jobs.STALE_AFTER - 60
    os.utime(jobs._progress_path(job.pk), (old, old))
    assert jobs.progress_of(job)["stale"] is True


def test_a_member_who_left_never_hides_a_current_one_of_the_same_name(
    tmp_path, org, make_member, h001
):
    left = make_member(org, Role.CASEWORKER, user__full_name="同姓 同名", is_active=False)
    current = make_member(org, Role.CASEWORKER, user__full_name="同姓 同名")
    assert left.pk < current.pk or left.pk > current.pk  # whichever was saved first
    rows = [["H-001", "2024/04/08", "電話", "母", "同姓 同名", "母から電話"]]
    path = write_csv(tmp_path / "経過.csv", CONTACT_HEADERS, rows)
    call_command("import", "contacts", str(path), "--org", org.slug)
    record = ContactRecord.objects.get()
    assert (list(record.staff.all()), record.staff_as_recorded) == ([current], "")


def test_a_finished_jobs_report_is_a_logged_read_wherever_it_is_shown(as_member, supervisor, org):
    from yorisoi.audit.models import AuditEvent

    job = ImportJob.objects.create(
        organization=org,
        ledger="cases",
        filename="台帳.xlsx",
        created_by=supervisor,
        status=ImportJob.Status.DONE,
    )
    as_member(supervisor).get(reverse("imports:job_status", args=[job.pk]))
    assert AuditEvent.objects.filter(
        action="view", object_type="imports.importjob", object_id=str(job.pk)
    ).exists()
