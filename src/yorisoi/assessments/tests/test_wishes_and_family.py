"""Where the person's wishes stand and how they were heard; the family's own strain (issue 15 §4).

Handbook points 17, 19 and 24: an empty "what the person wants" must not read as a question
never asked, words passed on by the family are not the person's own saying, and the family's
tiredness and impatience are part of the assessment.
"""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from yorisoi.assessments import services
from yorisoi.assessments.models import Assessment
from yorisoi.cases.tests.factories import CaseFactory

DAY = datetime.date(2025, 6, 1)


def checked(page: str, name: str) -> str | None:
    """The value of the checked radio button of that name on the page."""
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag and " checked" in tag:
            return re.search(r'value="([^"]*)"', tag).group(1)
    return None


def _assess(actor, case, **fields):
    return services.record_assessment(actor=actor, case=case, assessed_on=DAY, **fields)


def test_heard_wishes_need_the_persons_words_and_how_they_were_heard(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError) as no_words:
        _assess(caseworker, case, person_wishes_status="heard", person_wishes_heard="person")
    assert set(no_words.value.message_dict) == {"person_wishes"}
    with pytest.raises(ValidationError) as no_how:
        _assess(caseworker, case, person_wishes="一人で散歩したい", person_wishes_status="heard")
    assert set(no_how.value.message_dict) == {"person_wishes_heard"}
    with pytest.raises(ValidationError) as heard_yet_not:
        _assess(caseworker, case, person_wishes_status="not_yet", person_wishes_heard="family")
    assert set(heard_yet_not.value.message_dict) == {"person_wishes_heard"}
    assert not Assessment.objects.exists()


def test_not_clear_yet_is_kept_as_an_answer_with_how_it_was_gathered(caseworker, org):
    case = CaseFactory(organization=org)
    unclear = _assess(
        caseworker, case, person_wishes_status="unclear", person_wishes_heard="behaviour"
    )
    unclear.refresh_from_db()
    assert (unclear.person_wishes, unclear.person_wishes_status) == ("", "unclear")
    assert unclear.person_wishes_heard == "behaviour"
    not_yet = _assess(caseworker, case, person_wishes_status="not_yet")
    assert (not_yet.person_wishes_status, not_yet.person_wishes_heard) == ("not_yet", "")


def test_a_client_that_sends_no_status_gets_heard_for_words_and_nothing_without(caseworker, org):
    case = CaseFactory(organization=org)
    assert _assess(caseworker, case, person_wishes="今は休みたい").person_wishes_status == "heard"
    assert _assess(caseworker, case).person_wishes_status == ""


def test_the_sheet_asks_where_the_wishes_stand_and_shows_it_with_the_familys_strain(
    as_member, caseworker, org
):
    case = CaseFactory(organization=org)
    client = as_member(caseworker)
    url = reverse("assessments:assessment_add", args=[case.pk])
    base = {"assessed_on": "令和7年6月1日", "urgency": "none"}
    refused = client.post(url, {**base, "person_wishes": "今は休みたい"})
    assert refused.status_code == 200
    assert "本人の意向がどこまで分かっているかを選んでください" in refused.content.decode()
    assert not Assessment.objects.exists()
    saved = client.post(
        url,
        {
            **base,
            "person_wishes_status": "unclear",
            "person_wishes_heard": "family",
            "family_worn_out": "on",
            "family_impatient": "on",
            "family_strain": "母は夜眠れず、早く働いてほしいと焦っている",
        },
    )
    assert saved.status_code == 302
    assessment = Assessment.objects.get()
    assert (assessment.family_worn_out, assessment.family_impatient, assessment.family_torn) == (
        True,
        True,
        False,
    )
    detail = client.get(reverse("assessments:assessment_detail", args=[assessment.pk]))
    sheet = client.get(reverse("assessments:assessment_print", args=[assessment.pk]))
    for page in (detail.content.decode(), sheet.content.decode()):
        assert "まだはっきりしない" in page
        assert "家族を通じて" in page
        assert "家族自身の疲れ・焦り・迷い" in page
        assert "早く働いてほしいと焦っている" in page
    timeline = client.get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "まだはっきりしない" in timeline
    assert "疲れている" in timeline
    again = client.get(url).content.decode()  # the next sheet starts from this one
    assert checked(again, "person_wishes_status") == "unclear"
    assert checked(again, "person_wishes_heard") == "family"


def test_api_takes_and_gives_the_status_how_heard_and_the_familys_strain(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    client = api_as(caseworker)
    body = {
        "case": case.pk,
        "assessed_on": "2025-06-01",
        "urgency": "none",
        "person_wishes": "外に出るのはまだ怖い",
        "person_wishes_status": "heard",
        "person_wishes_heard": "person",
        "family_torn": True,
        "family_strain": "父と母で方針が違う",
    }
    created = client.post("/api/assessments/", body, format="json")
    assert created.status_code == 201, created.content
    data = client.get(f"/api/assessments/{created.json()['id']}/").json()
    assert data["person_wishes_heard"] == "person"
    assert data["family_torn"] is True
    assert data["family_strain"] == "父と母で方針が違う"
    refused = client.post("/api/assessments/", {**body, "person_wishes_heard": ""}, format="json")
    assert refused.status_code == 400
    assert "person_wishes_heard" in refused.json()
