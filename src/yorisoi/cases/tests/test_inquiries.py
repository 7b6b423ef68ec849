"""The intake queue: inquiries become cases, matched to people already known."""

import datetime

from django.urls import reverse

from yorisoi.cases import services
from yorisoi.cases.models import Case, Inquiry
from yorisoi.cases.tests.factories import CaseFactory, InquiryFactory, PersonFactory


def test_record_an_inquiry_through_the_page(as_member, caseworker):
    response = as_member(caseworker).post(
        reverse("cases:inquiry_add"),
        {
            "received_on": "R7.6.2",
            "received_time": "10:30",
            "channel": "phone",
            "caller_relation": "mother",
            "caller_name": "青木 和子",
            "preferred_contact": "phone",
            "about": "息子が部屋から出てこない",
            "person_name_kana": "あおき たくや",
        },
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.received_by == caseworker
    assert inquiry.received_at.date() == datetime.date(2025, 6, 2)


def test_matching_people_ignores_width_and_kana_and_uses_birth_date(caseworker, org):
    known = PersonFactory(
        organization=org,
        name="青木 拓也",
        name_kana="アオキ タクヤ",
        birth_date=datetime.date(1995, 4, 1),
    )
    PersonFactory(
        organization=org,
        name="青木 拓也",
        name_kana="あおき たくや",
        birth_date=datetime.date(1980, 1, 1),
    )  # same name, another person
    found = services_matching(caseworker, name_kana="ｱｵｷ ﾀｸﾔ", birth_date=datetime.date(1995, 4, 1))
    assert found == [known]
    by_name_only = services_matching(caseworker, name_kana="あおきたくや")
    assert len(by_name_only) == 2


def services_matching(member, **kwargs):
    from yorisoi.cases.selectors import matching_people

    return list(matching_people(member, **kwargs))


def test_converting_to_a_known_person_reuses_their_record_and_household(as_member, caseworker, org):
    earlier = CaseFactory(
        organization=org, person__name="青木 拓也", person__name_kana="あおき たくや"
    )
    inquiry = InquiryFactory(
        organization=org, person_name_kana="アオキ タクヤ", caller_name="青木 和子"
    )
    page = as_member(caseworker).get(reverse("cases:inquiry_detail", args=[inquiry.pk]))
    assert earlier.number in page.content.decode()  # offered as a possible match
    response = as_member(caseworker).post(
        reverse("cases:inquiry_detail", args=[inquiry.pk]),
        {
            "opened_on": "2025-06-03",
            "person": earlier.person.pk,
            "primary_staff": caseworker.pk,
        },
    )
    assert response.status_code == 302
    case = Case.objects.exclude(pk=earlier.pk).get()
    assert case.person == earlier.person
    assert case.household == earlier.household
    assert case.first_consulter_member.name == "青木 和子"
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.case) == ("converted", case)
    assert response.url == reverse("cases:intake", args=[case.pk])


def test_converting_without_a_match_creates_the_person_from_the_inquiry(caseworker, org):
    inquiry = InquiryFactory(organization=org, person_name="新規 太郎", person_age_band="30s")
    case = services.convert_inquiry(
        actor=caseworker, inquiry=inquiry, opened_on=datetime.date(2025, 6, 3)
    )
    assert (case.person.name, case.person.age_band, case.age_band_at_opening) == (
        "新規 太郎",
        "30s",
        "30s",
    )


def test_closing_an_inquiry_takes_it_off_the_queue(as_member, caseworker, org):
    inquiry = InquiryFactory(organization=org)
    client = as_member(caseworker)
    client.post(
        reverse("cases:inquiry_detail", args=[inquiry.pk]), {"close": "1", "note": "助言のみ"}
    )
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.closing_note) == ("closed", "助言のみ")
    queue = client.get(reverse("cases:inquiry_list")).context["object_list"]
    assert inquiry not in list(queue)


def test_intake_sheet_is_saved_with_structured_and_free_fields(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    url = reverse("cases:intake", args=[case.pk])
    response = as_member(caseworker).post(
        url,
        {
            "taken_on": "令和7年4月10日",
            "school_non_attendance": "junior_high",
            "education": "high_school_left",
            "work_history": "part_time",
            "onset_age": "19",
            "duration": "5y_10y",
            "sleep": "irregular",
            "sleep_note": "昼夜逆転",
            "going_out": "neighbourhood",
            "current_state": "自室で過ごすことが多い",
        },
    )
    assert response.status_code == 302
    intake = case.intake
    intake.refresh_from_db()
    assert (intake.school_non_attendance, intake.going_out, intake.sleep_note) == (
        "junior_high",
        "neighbourhood",
        "昼夜逆転",
    )
    # A second save through a stale form is refused.
    stale = as_member(caseworker).post(url, {"taken_on": "2025-04-10", "version": 0})
    assert stale.status_code == 409


def test_my_work_shows_my_cases_due_actions_and_the_queue(as_member, caseworker, org):
    from yorisoi.contacts import services as contact_services

    case = CaseFactory(organization=org, primary_staff=caseworker, person__name="担当 本人")
    InquiryFactory(organization=org, about="待っている相談")
    contact_services.record_contact(
        actor=caseworker,
        case=case,
        staff=[caseworker],
        occurred_at=datetime.datetime.now(datetime.UTC),
        channel="phone",
        reached="family",
        outcome="met",
        summary="母と電話",
        next_action="母へ折り返し電話",
        next_action_on=datetime.date.today(),
    )
    html = as_member(caseworker).get("/").content.decode()
    assert "担当 本人" in html
    assert "母へ折り返し電話" in html
    assert "待っている相談" in html


def test_overdue_actions_have_their_own_heading_and_word(as_member, caseworker, org):
    from yorisoi.contacts import services as contact_services

    for name, days, action in (("遅れ 本人", -3, "先週の約束"), ("今週 本人", 2, "今週の約束")):
        contact_services.record_contact(
            actor=caseworker,
            case=CaseFactory(organization=org, primary_staff=caseworker, person__name=name),
            staff=[caseworker],
            occurred_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=7),
            channel="phone",
            reached="family",
            outcome="talked",
            summary="母と電話",
            next_action=action,
            next_action_on=datetime.date.today() + datetime.timedelta(days=days),
        )
    html = as_member(caseworker).get("/").content.decode()

    def list_under(heading: str) -> str:
        start = html.index(heading)
        return html[start : html.index("</ul>", start)]

    overdue = list_under('<h3 class="due-heading due-heading--overdue">期限超過')
    assert "先週の約束" in overdue
    assert '<span class="badge badge--overdue">期限超過</span>' in overdue  # a word, not a colour
    assert "今週の約束" not in overdue
    week = list_under('<h3 class="due-heading">1週間以内</h3>')
    assert "今週の約束" in week
    assert "先週の約束" not in week
