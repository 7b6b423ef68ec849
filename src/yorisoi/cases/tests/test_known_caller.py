"""A known person who calls again (issue 15 §3.4, §3.5): the inquiry goes to their open case, or
reopens the closed one; a new case is never the default; what the inquiry holds reaches the
intake sheet, and an age as told (「28歳」) is kept with the day it was told."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from yorisoi.cases import closure, services
from yorisoi.cases.choices import AgeBand, CaseStatus, InquiryStatus
from yorisoi.cases.models import Case, CaseEvent, Inquiry
from yorisoi.cases.tests.factories import CaseFactory, InquiryFactory
from yorisoi.core.roles import Role


@pytest.fixture
def known(org):
    return CaseFactory(
        organization=org,
        status=CaseStatus.ACTIVE,
        person__name="青木 拓也",
        person__name_kana="あおき たくや",
    )


@pytest.fixture
def inquiry(org):
    return InquiryFactory(
        organization=org,
        person_name_kana="アオキ タクヤ",
        caller_name="青木 和子",
        about="また部屋から出てこなくなった",
    )


def detail(inquiry):
    return reverse("cases:inquiry_detail", args=[inquiry.pk])


def test_a_known_persons_open_case_is_offered_before_a_new_one(
    as_member, caseworker, known, inquiry
):
    page = as_member(caseworker).get(detail(inquiry)).text
    add = page.index(f"{known.number}に追加する")
    assert add < page.index("新しいケースを開く")
    radios = re.findall(r'<input type="radio" name="person"[^>]*>', page)
    assert radios
    assert not [r for r in radios if "checked" in r]  # nothing preset, "new" least of all


def test_opening_a_new_case_needs_an_explicit_choice_when_someone_matches(
    as_member, caseworker, known, inquiry
):
    response = as_member(caseworker).post(
        detail(inquiry), {"opened_on": "2025-06-03", "primary_staff": caseworker.pk}
    )
    assert response.status_code == 400
    assert Case.objects.count() == 1


def test_add_to_the_open_case(as_member, caseworker, known, inquiry):
    response = as_member(caseworker).post(detail(inquiry), {"add": "1", "case": known.pk})
    assert response.status_code == 302
    assert response.url == reverse("cases:case_detail", args=[known.pk])
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.case) == (InquiryStatus.ADDED, known)
    assert Case.objects.count() == 1
    assert known.events.filter(kind=CaseEvent.Kind.NOTE, text__contains="相談申込").exists()
    assert known.household.members.filter(name="青木 和子").exists()
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[known.pk])).text
    assert "また部屋から出てこなくなった" in page  # on the case's timeline


def test_a_closed_case_is_reopened_with_the_inquiry(as_member, caseworker, known, inquiry):
    known.status, known.closed_on, known.close_reason = CaseStatus.CLOSED, known.opened_on, "lost"
    known.save()
    page = as_member(caseworker).get(detail(inquiry)).text
    assert f"{known.number}を再開してこの相談申込を追加する" in page
    assert f"{known.number}に追加する" not in page
    empty = as_member(caseworker).post(
        detail(inquiry), {"add": "1", "case": known.pk, "reason": " "}
    )
    assert empty.status_code == 400
    assert "data-error-summary" in empty.text
    response = as_member(caseworker).post(
        detail(inquiry), {"add": "1", "case": known.pk, "reason": "母から再度の相談"}
    )
    assert response.status_code == 302
    known.refresh_from_db()
    assert known.status == CaseStatus.ACTIVE
    assert known.events.filter(kind=CaseEvent.Kind.REOPENED, text="母から再度の相談").exists()
    inquiry.refresh_from_db()
    assert inquiry.case == known


def test_the_service_refuses_a_closed_case_and_a_case_of_another_organization(
    caseworker, known, inquiry, other_org
):
    known.status = CaseStatus.CLOSED
    known.save()
    with pytest.raises(ValidationError):
        services.add_inquiry_to_case(actor=caseworker, inquiry=inquiry, case=known)
    foreign = CaseFactory(organization=other_org)
    with pytest.raises((PermissionDenied, ValidationError)):
        services.add_inquiry_to_case(actor=caseworker, inquiry=inquiry, case=foreign)
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.WAITING


def test_a_case_that_is_no_candidate_cannot_be_posted(as_member, caseworker, inquiry, org):
    stranger = CaseFactory(organization=org, person__name="別の人", person__name_kana="べつのひと")
    response = as_member(caseworker).post(detail(inquiry), {"add": "1", "case": stranger.pk})
    assert response.status_code == 400
    assert not stranger.inquiries.exists()


def test_clerks_and_supporters_cannot_add_an_inquiry(as_member, make_member, org, known, inquiry):
    for role in (Role.CLERK, Role.SUPPORTER):
        client = as_member(make_member(org, role))
        response = client.post(detail(inquiry), {"add": "1", "case": known.pk})
        assert response.status_code in {403, 404}, role
    inquiry.refresh_from_db()
    assert inquiry.status == InquiryStatus.WAITING


def test_reopening_writes_the_audit_trail(caseworker, known, inquiry):
    from yorisoi.audit.models import AuditEvent

    known.status = CaseStatus.CLOSED
    known.save()
    before = AuditEvent.objects.count()
    closure.reopen_for_inquiry(actor=caseworker, inquiry=inquiry, case=known, reason="再度の相談")
    assert AuditEvent.objects.count() > before
    assert AuditEvent.objects.filter(object_type__icontains="inquiry", action="update").exists()


def test_an_age_as_told_is_kept_with_the_day(as_member, caseworker):
    response = as_member(caseworker).post(
        reverse("cases:inquiry_add"),
        {
            "received_on": "R7.6.2",
            "received_time": "10:30",
            "channel": "phone",
            "caller_relation": "mother",
            "preferred_contact": "phone",
            "about": "息子のこと",
            "person_age": "２８歳",
        },
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.person_age == 28
    case = services.convert_inquiry(
        actor=caseworker, inquiry=inquiry, opened_on=datetime.date(2025, 6, 3)
    )
    person = case.person
    assert (person.age_told, person.age_told_on) == (28, datetime.date(2025, 6, 2))
    assert person.age_band == AgeBand.TWENTIES
    assert person.age_on(datetime.date(2027, 6, 2)) == 30  # two years on
    assert person.age_band_on(datetime.date(2027, 6, 2)) == AgeBand.THIRTIES


def test_the_intake_sheet_starts_from_the_inquiry(as_member, caseworker, org):
    inquiry = InquiryFactory(
        organization=org, about="息子が数年、自室から出てこない", person_age=28
    )
    case = services.convert_inquiry(
        actor=caseworker, inquiry=inquiry, opened_on=datetime.date(2025, 6, 3)
    )
    page = as_member(caseworker).get(reverse("cases:intake", args=[case.pk])).text
    textarea = re.search(r'<textarea[^>]*name="wishes"[^>]*>(.*?)</textarea>', page, re.S)
    assert "息子が数年、自室から出てこない" in textarea.group(1)
    assert "28歳" in page
    assert "令和7年4月1日" in page  # the day it was told (the inquiry's)


def test_the_person_form_keeps_an_age_as_told(as_member, caseworker, known):
    page = as_member(caseworker).get(reverse("cases:person_edit", args=[known.pk])).text
    assert "聞き取った年齢" in page
