"""Pre-interviews (事前面接) before the first meeting with the person (issue 15 §4, point 26)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from yorisoi.assessments import services
from yorisoi.assessments.models import PreInterview
from yorisoi.audit.models import AuditEvent
from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.core.roles import Role

DAY = datetime.date(2025, 4, 20)


def _record(actor, case, **fields):
    return services.record_pre_interview(
        actor=actor,
        case=case,
        **{
            "held_on": DAY,
            "channel": "office",
            "with_person": False,
            "person_knows": "family_tells",
            "agreed": "最初は30分。母が同席し、仕事の話はしない。",
            **fields,
        },
    )


def test_a_pre_interview_says_who_it_was_with_and_where_to_refer(caseworker, org, other_org):
    case = CaseFactory(organization=org)
    mother = HouseholdMemberFactory(household=case.household, organization=org)
    with pytest.raises(ValidationError) as nobody:
        _record(caseworker, case)
    assert set(nobody.value.message_dict) == {"with_members"}
    with pytest.raises(ValidationError) as refer:
        _record(caseworker, case, with_members=[mother], suitability="refer")
    assert set(refer.value.message_dict) == {"suitability_note"}
    with pytest.raises(ValidationError) as order:
        _record(
            caseworker, case, with_members=[mother], meeting_on=DAY - datetime.timedelta(days=1)
        )
    assert set(order.value.message_dict) == {"meeting_on"}
    with pytest.raises(ValidationError) as future:
        _record(
            caseworker,
            case,
            with_members=[mother],
            held_on=timezone.localdate() + datetime.timedelta(days=1),
        )
    assert set(future.value.message_dict) == {"held_on"}
    stranger = HouseholdMemberFactory(organization=org)  # another household of the same org
    with pytest.raises(ValidationError) as other_household:
        _record(caseworker, case, with_members=[stranger])
    assert set(other_household.value.message_dict) == {"with_members"}
    assert not PreInterview.objects.exists()
    interview = _record(caseworker, case, with_members=[mother], explained_privacy=True)
    assert list(interview.with_members.all()) == [mother]
    assert interview.held_by == caseworker
    assert AuditEvent.objects.filter(
        action="create", object_type="assessments.preinterview", object_id=str(interview.pk)
    ).exists()


def test_recorded_on_the_page_it_shows_on_the_timeline_its_page_and_print(
    as_member, caseworker, org
):
    case = CaseFactory(organization=org)
    mother = HouseholdMemberFactory(household=case.household, organization=org, name="寄添 和子")
    client = as_member(caseworker)
    url = reverse("assessments:pre_interview_add", args=[case.pk])
    form = client.get(url).content.decode()
    assert "本人との初回面談" in form
    assert 'name="person_knows" value=""' not in form  # an answer, not an empty radio
    refused = client.post(url, {"held_on": "令和7年4月20日", "channel": "office"})
    page = refused.content.decode()
    assert "初回面談について取り決めたことを記入してください" in page
    assert "本人が面談のことを知っているかを選んでください" in page
    response = client.post(
        url,
        {
            "held_on": "令和7年4月20日",
            "channel": "office",
            "with_members": [mother.pk],
            "situation": "昼夜逆転。食事は自室でとる",
            "explained_support": "on",
            "explained_privacy": "on",
            "person_knows": "family_tells",
            "meeting_on": "R7.5.10",
            "meeting_place": "home",
            "meeting_with": "母、職員2名",
            "agreed": "最初は30分。仕事の話はしない",
            "suitability": "proceed",
        },
    )
    assert response.status_code == 302
    interview = PreInterview.objects.get()
    assert response.url == reverse("assessments:pre_interview_detail", args=[interview.pk])
    detail = client.get(response.url).content.decode()
    sheet = client.get(reverse("assessments:pre_interview_print", args=[interview.pk]))
    for text in (detail, sheet.content.decode()):
        assert "仕事の話はしない" in text
        assert "家族から本人に伝える" in text
        assert "個人情報の取扱い" in text
        assert "寄添 和子" in text
    timeline = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "timeline__entry--pre_interview" in timeline
    assert "仕事の話はしない" in timeline
    only = client.get(reverse("cases:case_detail", args=[case.pk]), {"kind": "pre_interview"})
    assert "仕事の話はしない" in only.content.decode()


@pytest.mark.parametrize("role", [Role.CLERK, Role.SUPPORTER])
def test_roles_without_case_records_cannot_record_or_read_pre_interviews(
    as_member, make_member, caseworker, org, role
):
    case = CaseFactory(organization=org)
    mother = HouseholdMemberFactory(household=case.household, organization=org)
    interview = _record(caseworker, case, with_members=[mother])
    client = as_member(make_member(org, role))
    assert client.get(reverse("assessments:pre_interview_add", args=[case.pk])).status_code == 404
    detail = reverse("assessments:pre_interview_detail", args=[interview.pk])
    assert client.get(detail).status_code == 404
    posted = client.post(
        reverse("assessments:pre_interview_add", args=[case.pk]),
        {"held_on": "R7.4.20", "channel": "office", "person_knows": "knows", "agreed": "x"},
    )
    assert posted.status_code == 404
    assert PreInterview.objects.count() == 1


def test_api_records_and_lists_pre_interviews_of_the_organization_only(
    api_as, caseworker, org, other_org, make_member
):
    case = CaseFactory(organization=org)
    mother = HouseholdMemberFactory(household=case.household, organization=org)
    client = api_as(caseworker)
    body = {
        "case": case.pk,
        "held_on": "2025-04-20",
        "channel": "phone",
        "with_members": [mother.pk],
        "person_knows": "not_told",
        "agreed": "本人にはまだ伝えず、母と次回相談する",
        "suitability": "undecided",
    }
    created = client.post("/api/pre-interviews/", body, format="json")
    assert created.status_code == 201, created.content
    assert created.json()["held_by"] == caseworker.pk
    listed = client.get("/api/pre-interviews/", {"case": case.pk}).json()
    assert [row["id"] for row in listed["results"]] == [created.json()["id"]]
    refer = client.post("/api/pre-interviews/", {**body, "suitability": "refer"}, format="json")
    assert refer.status_code == 400
    assert "suitability_note" in refer.json()
    outsider = api_as(make_member(other_org))
    assert outsider.get(f"/api/pre-interviews/{created.json()['id']}/").status_code == 404
    assert outsider.post("/api/pre-interviews/", body, format="json").status_code == 400
