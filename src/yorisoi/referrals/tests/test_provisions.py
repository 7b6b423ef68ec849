"""Provision records: every provision listed and exported for supervisors, and only for them."""

import datetime

from django.urls import reverse

from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.audit.models import AuditEvent
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.testing.tables import read_xlsx, xlsx
from yorisoi.referrals import services
from yorisoi.referrals.tests.factories import SharingConsentFactory


def _provide(caseworker, org):
    case = CaseFactory(organization=org, number="P-1", person__name="寄添 光")
    agency = AgencyFactory(organization=org, name="架空ハローワーク")
    SharingConsentFactory(case=case, agency=agency)
    return services.refer(
        actor=caseworker,
        case=case,
        agency=agency,
        referred_on=datetime.date(2025, 6, 1),
        reason="就労相談",
        purpose="referral",
        channel="phone",
        items=["identity"],
    )


def test_supervisors_list_and_export_provisions(caseworker, supervisor, org, as_member, api_as):
    _provide(caseworker, org)
    assert as_member(caseworker).get(reverse("referrals:provision_list")).status_code == 403
    assert api_as(caseworker).get("/api/provision-records/").status_code == 403
    client = as_member(supervisor)
    page = client.get(reverse("referrals:provision_list")).content.decode()
    assert "架空ハローワーク" in page
    assert "寄添 光" in page
    sheet = read_xlsx(xlsx(client, reverse("referrals:provision_list")))
    assert sheet.values("提供先") == ["架空ハローワーク"]
    assert sheet.values("ケース番号") == ["P-1"]
    assert sheet.values("提供した項目") == ["氏名・生年月日・連絡先"]
    assert sheet.values("根拠")[0].startswith("同意")
    assert AuditEvent.objects.filter(
        action="export", object_type="referrals.provisionrecord"
    ).exists()
    body = api_as(supervisor).get("/api/provision-records/").json()["results"]
    assert [r["recipient"] for r in body] == ["架空ハローワーク"]
    filtered = api_as(supervisor).get("/api/provision-records/?case_number=X").json()["results"]
    assert filtered == []
