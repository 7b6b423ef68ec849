"""The referral ledger import goes through the same consent gate as the pages and the API."""

import pytest
from django.core.management import CommandError, call_command

from yorisoi.agencies.tests.factories import AgencyFactory, CouncilFactory
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.ledgers import write_xlsx
from yorisoi.referrals.models import ProvisionRecord, Referral
from yorisoi.referrals.tests.factories import SharingConsentFactory

HEADERS = ["ケース番号", "紹介日", "紹介先", "目的", "理由", "方法", "提供情報", "根拠", "支援会議"]


@pytest.fixture
def ledger(org):
    case = CaseFactory(organization=org, number="R7-001", person__name="寄添 光")
    hello_work = AgencyFactory(organization=org, name="架空ハローワーク", category="hello_work")
    npo = AgencyFactory(organization=org, name="架空NPO", category="partner_npo")
    council = CouncilFactory(organization=org, name="寄添市支援会議")
    council.members.add(npo)
    rows = [
        [
            "R7-001",
            "令和7年6月1日",
            "架空ハローワーク",
            "紹介",
            "就労相談",
            "電話",
            "氏名・経過",
            "同意",
            "",
        ],
        [
            "R7-001",
            "2025-06-03",
            "架空ＮＰＯ",
            "連携",
            "見守りの相談",
            "電話",
            "氏名",
            "支援会議",
            "寄添市支援会議",
        ],
        ["R7-001", "2025-06-05", "架空ハローワーク", "", "パンフレットを渡した", "", "", "", ""],
    ]
    return case, hello_work, rows


def test_a_row_without_consent_is_reported_and_nothing_is_written(tmp_path, org, ledger):
    _case, _hello_work, rows = ledger
    path = write_xlsx(tmp_path / "referrals.xlsx", HEADERS, rows)
    with pytest.raises(CommandError) as error:
        call_command("import", "referrals", str(path), "--org", org.slug)
    report = str(error.value)
    assert "2行目" in report or "row 2" in report
    assert "架空ハローワーク" in report
    assert "同意が不足" in report
    assert not Referral.objects.exists()


def test_with_the_consent_recorded_the_ledger_imports_once(tmp_path, org, ledger):
    case, hello_work, rows = ledger
    SharingConsentFactory(case=case, agency=hello_work)
    path = write_xlsx(tmp_path / "referrals.xlsx", HEADERS, rows)
    call_command("import", "referrals", str(path), "--org", org.slug)
    call_command("import", "referrals", str(path), "--org", org.slug)
    assert Referral.objects.count() == 3
    assert sorted(Referral.objects.values_list("basis", flat=True)) == [
        "consent",
        "council",
        "none",
    ]
    assert ProvisionRecord.objects.count() == 2


def test_the_emergency_exception_cannot_come_from_a_ledger(tmp_path, org, ledger):
    _case, _hello_work, rows = ledger
    rows = [
        [
            "R7-001",
            "2025-06-01",
            "架空ハローワーク",
            "紹介",
            "緊急",
            "電話",
            "氏名",
            "緊急：生命・身体の保護",
            "",
        ]
    ]
    path = write_xlsx(tmp_path / "referrals.xlsx", HEADERS, rows)
    with pytest.raises(CommandError):
        call_command("import", "referrals", str(path), "--org", org.slug)
    assert not Referral.objects.exists()


def test_a_ledger_never_delivers_to_a_linked_organization(tmp_path, org, other_org, ledger):
    from yorisoi.referrals.models import IncomingReferral

    case, hello_work, rows = ledger
    hello_work.linked_organization = other_org
    hello_work.save()
    SharingConsentFactory(case=case, agency=hello_work)
    path = write_xlsx(tmp_path / "referrals.xlsx", HEADERS, rows)
    call_command("import", "referrals", str(path), "--org", org.slug)
    assert Referral.objects.count() == 3
    assert not IncomingReferral.objects.exists()
