"""A contact is recorded as it happened (issue 15 §3.6, §3.7): a call has 話せた, the import-only
outcome is never offered, the lone-visit reason belongs to visits, and whoever went (a supporter
too) counts towards the two-person rule."""

import html
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.contacts import services
from yorisoi.contacts.choices import OUTCOMES_BY_CHANNEL, Channel, Outcome
from yorisoi.contacts.forms import ContactRecordForm
from yorisoi.contacts.models import ContactRecord
from yorisoi.contacts.tests.factories import ContactRecordFactory
from yorisoi.core.roles import Role


def contact_form(staff, **extra):
    return {
        "occurred_on": "2025-06-01",
        "occurred_time": "14:00",
        "channel": "phone",
        "staff": [s.pk for s in staff],
        "reached": "family",
        "outcome": "talked",
        "summary": "母と電話で話した",
        **extra,
    }


def options(html: str, select_id: str) -> list[str]:
    select = re.search(rf'<select[^>]*id="{select_id}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', select)


def test_a_phone_call_can_be_recorded_as_talked(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    response = as_member(caseworker).post(
        reverse("contacts:contact_add", args=[case.pk]), contact_form([caseworker])
    )
    assert response.status_code == 302
    contact = ContactRecord.objects.get()
    assert contact.get_outcome_display() == "話せた"


def test_met_is_refused_for_a_phone_call(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    response = as_member(caseworker).post(
        reverse("contacts:contact_add", args=[case.pk]), contact_form([caseworker], outcome="met")
    )
    assert response.status_code == 200
    assert "「電話」の結果には選べません" in response.text
    assert not ContactRecord.objects.exists()


def test_the_import_only_outcome_is_never_offered_on_the_form(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    page = as_member(caseworker).get(reverse("contacts:contact_add", args=[case.pk]))
    assert "not_recorded" not in options(page.text, "id_outcome")
    assert "talked" in options(page.text, "id_outcome")
    refused = as_member(caseworker).post(
        reverse("contacts:contact_add", args=[case.pk]),
        contact_form([caseworker], outcome="not_recorded"),
    )
    assert refused.status_code == 200
    assert not ContactRecord.objects.exists()


def test_an_imported_record_keeps_its_outcome_when_edited(caseworker, org):
    contact = ContactRecordFactory(case__organization=org, outcome=Outcome.NOT_RECORDED)
    form = ContactRecordForm(member=caseworker, case=contact.case, instance=contact)
    assert "not_recorded" in dict(form.fields["outcome"].choices)


def test_the_page_script_is_told_which_outcomes_fit_each_channel(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    page = as_member(caseworker).get(reverse("contacts:contact_add", args=[case.pk]))
    found = re.search(r'data-outcomes-by-channel="([^"]*)"', page.text).group(1)
    fitting = json.loads(html.unescape(found))
    assert fitting["phone"] == ["talked", "no_response", "cancelled"]
    assert "met" not in fitting["online"]
    assert 'data-team-channels="accompany home_visit"' in page.text
    reason = re.search(r"<input[^>]*name=\"lone_visit_reason\"[^>]*>", page.text).group(0)
    assert "data-team-only" in reason


def test_every_channel_offers_something_and_never_the_import_only_outcome():
    assert set(OUTCOMES_BY_CHANNEL) == set(Channel)
    for channel, outcomes in OUTCOMES_BY_CHANNEL.items():
        assert outcomes, channel
        assert Outcome.NOT_RECORDED not in outcomes, channel
    assert Outcome.MET not in OUTCOMES_BY_CHANNEL[Channel.PHONE]


def test_a_lone_visit_reason_typed_for_a_call_is_not_kept(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    as_member(caseworker).post(
        reverse("contacts:contact_add", args=[case.pk]),
        contact_form([caseworker], lone_visit_reason="ひとりで訪問"),
    )
    assert ContactRecord.objects.get().lone_visit_reason == ""


@pytest.fixture
def supporter(org, make_member):
    return make_member(org, Role.SUPPORTER, user__full_name="寄添 翔")


def test_a_supporter_who_went_counts_for_the_two_person_rule(as_member, caseworker, supporter, org):
    case = CaseFactory(organization=org)
    page = as_member(caseworker).get(reverse("contacts:contact_add", args=[case.pk]))
    assert "寄添 翔（サポーター）" in page.text
    visit = contact_form(
        [caseworker, supporter], channel="home_visit", outcome="through_door", summary="訪問"
    )
    response = as_member(caseworker).post(reverse("contacts:contact_add", args=[case.pk]), visit)
    assert response.status_code == 302
    assert set(ContactRecord.objects.get().staff.all()) == {caseworker, supporter}


def test_naming_a_supporter_shows_them_nothing_of_the_case(as_member, caseworker, supporter, org):
    case = CaseFactory(organization=org)
    contact = services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker, supporter],
        occurred_at=ContactRecordFactory.occurred_at.function(),
        channel=Channel.HOME_VISIT,
        reached="family",
        outcome=Outcome.MET,
        summary="訪問した",
    )
    client = as_member(supporter)
    assert client.get(reverse("cases:case_detail", args=[case.pk])).status_code == 404
    assert client.get(reverse("contacts:contact_edit", args=[contact.pk])).status_code in {403, 404}


def test_a_system_administrator_is_not_named_as_visit_staff(caseworker, sysadmin, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError):
        services.record_contact(
            actor=caseworker,
            case=case,
            staff=[caseworker, sysadmin],
            occurred_at=ContactRecordFactory.occurred_at.function(),
            channel=Channel.HOME_VISIT,
            reached="family",
            outcome=Outcome.MET,
            summary="訪問した",
        )
