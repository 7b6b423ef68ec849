"""Contact records: the two-staff rule, versions kept, conflicts refused, notes found."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.contacts import services
from yorisoi.contacts.models import ContactRecord, ContactRecordVersion

WHEN = datetime.datetime(2025, 6, 1, 5, 0, tzinfo=datetime.UTC)


def visit_form(case, staff, **extra):
    return {
        "occurred_on": "2025-06-01",
        "occurred_time": "14:00",
        "channel": "home_visit",
        "staff": [s.pk for s in staff],
        "reached": "family",
        "outcome": "through_door",
        "summary": "自宅を訪問し、扉越しに挨拶した",
        **extra,
    }


def test_home_visit_by_one_staff_member_needs_a_reason(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    url = reverse("contacts:contact_add", args=[case.pk])
    client = as_member(caseworker)
    alone = client.post(url, visit_form(case, [caseworker]))
    assert alone.status_code == 200
    assert "職員2人以上" in alone.content.decode()
    assert not ContactRecord.objects.exists()
    assert client.post(url, visit_form(case, [caseworker, supervisor])).status_code == 302
    assert (
        client.post(
            url, visit_form(case, [caseworker], lone_visit_reason="急な欠員のため")
        ).status_code
        == 302
    )
    assert ContactRecord.objects.count() == 2


def test_the_rule_holds_in_the_service_and_the_api(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker],
            occurred_at=WHEN,
            channel="accompany",
            reached="person",
            outcome="met",
            summary="同行",
        )
    response = api_as(caseworker).post(
        "/api/contacts/",
        {
            "case": case.pk,
            "occurred_at": WHEN.isoformat(),
            "channel": "home_visit",
            "staff": [caseworker.pk],
            "reached": "family",
            "outcome": "met",
            "summary": "訪問",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "lone_visit_reason" in response.json()


def test_every_edit_keeps_the_earlier_version(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    contact = services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        occurred_at=WHEN,
        channel="phone",
        reached="family",
        outcome="met",
        summary="最初の記録",
    )
    url = reverse("contacts:contact_edit", args=[contact.pk])
    form = {
        "occurred_on": "2025-06-01",
        "occurred_time": "14:00",
        "channel": "phone",
        "staff": [caseworker.pk],
        "reached": "family",
        "outcome": "met",
        "version": contact.version,
    }
    assert as_member(caseworker).post(url, {**form, "summary": "書き直した記録"}).status_code == 302
    contact.refresh_from_db()
    assert contact.summary == "書き直した記録"
    assert ContactRecordVersion.objects.get(contact=contact).data["summary"] == "最初の記録"
    history = as_member(caseworker).get(reverse("contacts:contact_history", args=[contact.pk]))
    assert "最初の記録" in history.content.decode()


def test_two_people_editing_one_record_get_a_conflict(as_member, caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    contact = services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        occurred_at=WHEN,
        channel="phone",
        reached="family",
        outcome="met",
        summary="元の記録",
    )
    url = reverse("contacts:contact_edit", args=[contact.pk])
    base = {
        "occurred_on": "2025-06-01",
        "occurred_time": "14:00",
        "channel": "phone",
        "staff": [caseworker.pk],
        "reached": "family",
        "outcome": "met",
        "version": contact.version,
    }
    assert as_member(caseworker).post(url, {**base, "summary": "Aの変更"}).status_code == 302
    second = as_member(supervisor).post(url, {**base, "summary": "Bの変更"})
    assert second.status_code == 409
    assert "ほかの方がこの記録を保存しました" in second.content.decode()
    contact.refresh_from_db()
    assert contact.summary == "Aの変更"


@pytest.mark.parametrize("word", ["訪問", "母", "手紙"])
def test_short_japanese_words_are_found_in_notes(as_member, caseworker, org, word):
    case = CaseFactory(organization=org)
    texts = ["母と電話で話した", "自宅を訪問した", "本人に手紙を送った", "関係機関と会議"]
    for text in texts:
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker],
            occurred_at=WHEN,
            channel="phone",
            reached="family",
            outcome="met",
            summary=text,
        )
    client = as_member(caseworker)
    found = client.get(reverse("contacts:search"), {"q": word}).context["object_list"]
    assert [c.summary for c in found] == [t for t in texts if word in t]
    cases = client.get(reverse("cases:case_list"), {"notes": word}).context["object_list"]
    assert list(cases) == [case]


def test_note_search_never_shows_another_organizations_notes(
    as_member, caseworker, other_org, make_member
):
    theirs = CaseFactory(organization=other_org)
    colleague = make_member(other_org)
    services.record_contact(
        actor=colleague,
        case=theirs,
        staff=[colleague],
        occurred_at=WHEN,
        channel="phone",
        reached="family",
        outcome="met",
        summary="よその訪問記録",
    )
    found = (
        as_member(caseworker).get(reverse("contacts:search"), {"q": "訪問"}).context["object_list"]
    )
    assert list(found) == []


def test_contact_records_export_to_xlsx(as_member, caseworker, org):
    from yorisoi.core.testing.tables import read_xlsx

    case = CaseFactory(organization=org)
    member = HouseholdMemberFactory(household=case.household, organization=org, name="寄添 和子")
    services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        with_members=[member],
        occurred_at=WHEN,
        channel="phone",
        reached="family",
        outcome="met",
        summary="電話した",
    )
    response = as_member(caseworker).get(reverse("contacts:case_export", args=[case.pk]))
    sheet = read_xlsx(response)
    assert sheet.values("内容") == ["電話した"]
    assert "寄添 和子" in sheet.values("相手")[0]


def test_support_record_prints_a_date_range(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    for day, text in [(1, "四月の記録"), (20, "五月の記録")]:
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker],
            occurred_at=datetime.datetime(2025, 4 if day == 1 else 5, day, 3, tzinfo=datetime.UTC),
            channel="phone",
            reached="family",
            outcome="met",
            summary=text,
        )
    html = (
        as_member(caseworker)
        .get(
            reverse("contacts:support_record", args=[case.pk]),
            {"start": "R7.5.1", "end": "2025-05-31"},
        )
        .content.decode()
    )
    assert "五月の記録" in html
    assert "四月の記録" not in html
    assert "@page" not in html  # the A4 rules live in the sheet stylesheet
    assert "sheet.css" in html


def test_frequent_words_are_read_newest_first_with_the_same_results(
    as_member, caseworker, org, monkeypatch
):
    from yorisoi.core import search

    monkeypatch.setattr(search, "FREQUENT", 2)  # every word with 3+ matches counts as frequent
    case = CaseFactory(organization=org)
    for day in range(1, 6):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker],
            channel="phone",
            reached="family",
            outcome="met",
            occurred_at=WHEN + datetime.timedelta(days=day),
            summary=f"母と電話 {day}日目",
        )
    rows = (
        as_member(caseworker)
        .get(reverse("contacts:search"), {"q": "母 電話"})
        .context["object_list"]
    )
    assert [c.summary for c in rows] == [f"母と電話 {day}日目" for day in range(5, 0, -1)]


def test_the_same_person_twice_does_not_make_two_staff_but_a_clerk_who_went_does(
    api_as, caseworker, make_member, org
):
    from yorisoi.core.roles import Role

    case = CaseFactory(organization=org)
    clerk = make_member(org, Role.CLERK)
    with pytest.raises(ValidationError):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker, caseworker],
            occurred_at=WHEN,
            channel="home_visit",
            reached="family",
            outcome="met",
            summary="訪問",
        )
    # Issue 15 §3.7: any member who took part may be named, and counts for the rule.
    contact = services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker, clerk],
        occurred_at=WHEN,
        channel="home_visit",
        reached="family",
        outcome="met",
        summary="訪問",
    )
    assert set(contact.staff.all()) == {caseworker, clerk}
