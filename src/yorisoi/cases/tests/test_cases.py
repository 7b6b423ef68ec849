"""Opening and changing cases: a family-only case is complete, numbers are per organization."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from yorisoi.audit.models import AuditEvent
from yorisoi.cases import services
from yorisoi.cases.choices import CaseStatus, PersonContact
from yorisoi.cases.models import Case, CaseEvent
from yorisoi.cases.tests.factories import CaseFactory, PersonFactory
from yorisoi.core.roles import Role


def test_a_case_can_open_with_nothing_known_about_the_person(as_member, caseworker):
    response = as_member(caseworker).post(
        reverse("cases:case_open"),
        {"opened_on": "令和7年4月1日", "first_consulter": "mother", "primary_staff": caseworker.pk},
    )
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.person.name == ""
    assert case.person_contact == PersonContact.NONE
    assert case.number == "2025-0001"
    assert case.opened_on == datetime.date(2025, 4, 1)
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk]))
    assert "（氏名不明）" in page.content.decode()


def test_case_numbers_count_per_fiscal_year_and_organization(caseworker, other_org, make_member):
    first = services.open_case(
        actor=caseworker, opened_on=datetime.date(2025, 3, 31), first_consulter="self"
    )
    second = services.open_case(
        actor=caseworker, opened_on=datetime.date(2025, 4, 1), first_consulter="self"
    )
    third = services.open_case(
        actor=caseworker, opened_on=datetime.date(2025, 4, 2), first_consulter="self"
    )
    elsewhere = services.open_case(
        actor=make_member(other_org), opened_on=datetime.date(2025, 4, 2), first_consulter="self"
    )
    assert [first.number, second.number, third.number] == ["2024-0001", "2025-0001", "2025-0002"]
    assert elsewhere.number == "2025-0001"  # unique per organization, not across the installation


def test_changes_of_status_stage_and_staff_leave_timeline_events(caseworker, supervisor):
    case = services.open_case(
        actor=caseworker, opened_on=datetime.date(2025, 5, 1), first_consulter="mother"
    )
    services.change_case(
        actor=caseworker,
        case=case,
        expected_version=case.version,
        status=CaseStatus.ACTIVE,
        primary_staff=supervisor,
    )
    kinds = set(CaseEvent.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == {"opened", "status", "staff"}
    assert "受付 → 支援中" in CaseEvent.objects.get(case=case, kind="status").text


def test_closing_sets_the_date_and_reopening_clears_it(caseworker):
    case = services.open_case(
        actor=caseworker, opened_on=datetime.date(2025, 5, 1), first_consulter="self"
    )
    services.change_case(
        actor=caseworker,
        case=case,
        expected_version=case.version,
        status=CaseStatus.CLOSED,
        close_reason="moved",
    )
    assert case.closed_on is not None
    services.change_case(
        actor=caseworker, case=case, expected_version=case.version, status=CaseStatus.ACTIVE
    )
    assert (case.closed_on, case.close_reason) == (None, "")


def test_services_refuse_other_organizations_staff_and_roles_without_case_access(
    caseworker, other_org, make_member, org
):
    foreign = make_member(other_org)
    with pytest.raises(PermissionDenied):
        services.open_case(
            actor=caseworker,
            opened_on=datetime.date(2025, 5, 1),
            first_consulter="self",
            primary_staff=foreign,
        )
    with pytest.raises(PermissionDenied):
        services.open_case(
            actor=make_member(org, Role.CLERK),
            opened_on=datetime.date(2025, 5, 1),
            first_consulter="self",
        )


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPPORTER, Role.SYSADMIN])
def test_roles_without_case_access_see_no_case_pages(as_member, make_member, org, role):
    case = CaseFactory(organization=org)
    client = as_member(make_member(org, role))
    assert client.get(reverse("cases:case_list")).status_code == 403
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404


def test_person_edit_keeps_concurrent_changes_apart(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    url = reverse("cases:person_edit", args=[case.pk])
    version = case.person.version
    ok = as_member(caseworker).post(url, {"name": "新しい名前", "version": version})
    assert ok.status_code == 302
    stale = as_member(supervisor).post(url, {"name": "別の名前", "version": version})
    assert stale.status_code == 409
    case.person.refresh_from_db()
    assert case.person.name == "新しい名前"


def test_case_page_shows_header_consents_and_a_quick_contact_form(as_member, caseworker, org):
    from yorisoi.cases.tests.factories import HouseholdMemberFactory
    from yorisoi.consents.tests.factories import ConsentFactory

    case = CaseFactory(organization=org, person__name="寄添 光")
    HouseholdMemberFactory(
        household=case.household, organization=org, name="寄添 和子", is_key_person=True
    )
    ConsentFactory(case=case, organization=org, scope="相談記録の取扱い")
    html = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "寄添 光" in html
    assert "寄添 和子" in html  # key person in the header
    assert "相談記録の取扱い" in html or "個人情報の取扱い" in html
    assert f'action="{reverse("contacts:contact_add", args=[case.pk])}"' in html
    assert AuditEvent.objects.filter(
        action="view", object_id=str(case.pk), object_type="cases.case"
    ).exists()


def test_name_search_ignores_width_and_kana(as_member, caseworker, org):
    CaseFactory(
        organization=org,
        person=PersonFactory(organization=org, name="山田 太郎", name_kana="ヤマダ タロウ"),
    )
    CaseFactory(
        organization=org, person=PersonFactory(organization=org, name="別人", name_kana="べつじん")
    )
    client = as_member(caseworker)
    for query in ["やまだ", "ﾔﾏﾀﾞ", "ヤマダタロウ", "山田"]:
        rows = client.get(reverse("cases:case_list"), {"q": query}).context["object_list"]
        assert [c.person.name for c in rows] == ["山田 太郎"], query


def test_case_list_filters_by_fiscal_year_and_age_band(as_member, caseworker, org):
    CaseFactory(
        organization=org,
        opened_on=datetime.date(2025, 3, 31),
        person=PersonFactory(organization=org, birth_date=datetime.date(2000, 1, 1)),
    )
    CaseFactory(
        organization=org,
        opened_on=datetime.date(2025, 4, 1),
        person=PersonFactory(organization=org, age_band="40s"),
    )
    client = as_member(caseworker)
    fy2025 = client.get(reverse("cases:case_list"), {"fiscal_year": "2025"}).context["object_list"]
    assert [c.opened_on for c in fy2025] == [datetime.date(2025, 4, 1)]
    twenties = client.get(reverse("cases:case_list"), {"age_band": "20s"}).context["object_list"]
    assert [c.opened_on for c in twenties] == [datetime.date(2025, 3, 31)]
