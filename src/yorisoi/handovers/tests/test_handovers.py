"""Handing over, acknowledging, the pending banner, bulk reassignment, pages and the API."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from yorisoi.cases.models import Case, CaseEvent
from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.core.roles import Role
from yorisoi.handovers import services
from yorisoi.handovers.models import Handover
from yorisoi.handovers.tests.test_summary import full_case

DAY = datetime.date(2025, 6, 5)


@pytest.fixture
def new_worker(org, make_member):
    return make_member(org, Role.CASEWORKER, user__full_name="新井 担当")


def test_handing_over_changes_the_primary_worker_and_keeps_the_summary(
    org, caseworker, supervisor, new_worker
):
    case = CaseFactory(organization=org, primary_staff=caseworker, secondary_staff=new_worker)
    handover = services.hand_over(
        actor=supervisor,
        case=case,
        to_staff=new_worker,
        reason="leave",
        note="来週一緒に訪問",
        on=DAY,
    )
    case.refresh_from_db()
    assert (case.primary_staff, case.secondary_staff) == (new_worker, None)
    assert (handover.from_staff, handover.to_staff, handover.made_by) == (
        caseworker,
        new_worker,
        supervisor,
    )
    assert handover.is_pending
    assert handover.summary["case"]["number"] == case.number
    assert CaseEvent.objects.filter(case=case, kind=CaseEvent.Kind.STAFF).exists()


def test_refuses_a_worker_who_cannot_take_the_case(
    org, other_org, caseworker, supervisor, clerk, make_member
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    gone = make_member(org, Role.CASEWORKER, is_active=False)
    elsewhere = make_member(other_org, Role.CASEWORKER)
    for to_staff in (caseworker, gone, clerk, elsewhere):
        with pytest.raises(ValidationError) as refused:
            services.hand_over(
                actor=supervisor, case=case, to_staff=to_staff, reason="transfer", on=DAY
            )
        assert "to_staff" in refused.value.message_dict
    with pytest.raises(ValidationError):
        services.hand_over(
            actor=supervisor,
            case=case,
            to_staff=make_member(org),
            reason="transfer",
            on=timezone.localdate() + datetime.timedelta(days=3),
        )
    with pytest.raises(PermissionDenied):
        services.hand_over(
            actor=clerk, case=case, to_staff=make_member(org), reason="transfer", on=DAY
        )
    assert not Handover.objects.exists()


def test_only_the_new_worker_acknowledges_and_only_once(org, caseworker, supervisor, new_worker):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    for someone_else in (caseworker, supervisor):
        with pytest.raises(PermissionDenied):
            services.acknowledge(actor=someone_else, handover=handover)
    services.acknowledge(actor=new_worker, handover=handover, note="読みました")
    handover.refresh_from_db()
    assert (handover.acknowledged_by, handover.acknowledgement_note) == (new_worker, "読みました")
    assert not handover.is_pending
    with pytest.raises(ValidationError):
        services.acknowledge(actor=new_worker, handover=handover)


def test_a_later_handover_replaces_a_pending_one(
    org, caseworker, supervisor, new_worker, make_member
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    first = services.hand_over(
        actor=supervisor, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    second = services.hand_over(
        actor=supervisor, case=case, to_staff=make_member(org), reason="other", on=DAY
    )
    first.refresh_from_db()
    assert first.superseded_by == second
    assert not first.is_pending
    assert list(Handover.objects.pending()) == [second]
    with pytest.raises(ValidationError):
        services.acknowledge(actor=new_worker, handover=first)


def test_the_case_shows_the_handover_pending_until_acknowledged(
    as_member, org, caseworker, new_worker
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    url = reverse("cases:case_detail", args=[case.pk])
    assert "handover-banner" not in as_member(caseworker).get(url).content.decode()
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="retirement", on=DAY
    )
    page = as_member(caseworker).get(url).content.decode()
    assert "handover-banner" in page
    assert reverse("handovers:handover_add", args=[case.pk]) in page  # the side panel's link
    home = as_member(new_worker).get("/").content.decode()
    assert reverse("handovers:handover_detail", args=[handover.pk]) in home

    response = as_member(new_worker).post(
        reverse("handovers:handover_detail", args=[handover.pk]), {"note": "確認しました"}
    )
    assert response.status_code == 302
    assert "handover-banner" not in as_member(caseworker).get(url).content.decode()
    assert reverse("handovers:handover_detail", args=[handover.pk]) not in (
        as_member(new_worker).get("/").content.decode()
    )


def test_acknowledging_through_the_page_by_someone_else_is_forbidden(
    as_member, org, caseworker, supervisor, new_worker
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    url = reverse("handovers:handover_detail", args=[handover.pk])
    assert as_member(supervisor).post(url, {}).status_code == 403
    page = as_member(supervisor).get(url).content.decode()
    assert "acknowledge-heading" not in page  # no button for someone else
    assert "acknowledge-heading" in as_member(new_worker).get(url).content.decode()


def test_handover_pages_are_for_case_staff_of_the_organization(
    client, as_member, org, other_org, caseworker, clerk, make_member, new_worker
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    stranger = make_member(other_org, Role.SUPERVISOR)
    for name, pk in (
        ("handovers:handover_detail", handover.pk),
        ("handovers:handover_print", handover.pk),
        ("handovers:handover_add", case.pk),
    ):
        url = reverse(name, args=[pk])
        assert as_member(caseworker).get(url).status_code == 200, name
        assert as_member(clerk).get(url).status_code in {403, 404}, name
        assert as_member(stranger).get(url).status_code == 404, name
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    assert as_member(clerk).get(reverse("handovers:handover_list")).status_code == 403


def test_handing_over_through_the_page(as_member, org, caseworker, new_worker):
    case = full_case(org, caseworker, caseworker)
    form = as_member(caseworker).get(reverse("handovers:handover_add", args=[case.pk]))
    assert form.status_code == 200
    response = as_member(caseworker).post(
        reverse("handovers:handover_add", args=[case.pk]),
        {
            "to_staff": new_worker.pk,
            "reason": "transfer",
            "handed_over_on": "令和7年6月5日",
            "note": "母は電話の方が話しやすい",
        },
    )
    handover = Handover.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("handovers:handover_detail", args=[handover.pk])
    assert handover.handed_over_on == DAY
    assert handover.to_staff == new_worker
    page = as_member(new_worker).get(response["Location"]).content.decode()
    for text in (
        "就労の話を急に出さない",
        "今は家で静かに過ごしたい",
        "山田 花子",
        "中央地域包括支援センター",
        "家族会の案内を送る",
        "相談の記録と連絡先",
        "年金のみの収入",
    ):
        assert text in page, text


def test_the_print_page_renders_the_summary(as_member, org, caseworker, new_worker):
    case = full_case(org, caseworker, caseworker)
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    response = as_member(new_worker).get(reverse("handovers:handover_print", args=[handover.pk]))
    page = response.content.decode()
    assert response.status_code == 200
    assert "sheet.css" in page
    assert "今は家で静かに過ごしたい" in page
    assert "data-print" in page


def test_the_handover_page_does_a_fixed_number_of_queries(
    as_member, org, caseworker, new_worker, django_assert_max_num_queries
):
    case = full_case(org, caseworker, caseworker)
    handover = services.hand_over(
        actor=caseworker, case=case, to_staff=new_worker, reason="transfer", on=DAY
    )
    client = as_member(new_worker)
    urls = [
        reverse("handovers:handover_detail", args=[handover.pk]),
        reverse("handovers:handover_print", args=[handover.pk]),
        reverse("handovers:handover_list"),
        reverse("cases:case_detail", args=[case.pk]),
        "/",
    ]

    def counts():
        found = []
        for url in urls:
            client.get(url)  # warm the session
            with django_assert_max_num_queries(80) as captured:
                assert client.get(url).status_code == 200
            found.append(len(captured.captured_queries))
        return found

    few = counts()
    assert few[0] <= 12
    assert few[1] <= 12
    for _ in range(5):
        other = full_case(org, caseworker, caseworker)
        services.hand_over(
            actor=caseworker, case=other, to_staff=new_worker, reason="transfer", on=DAY
        )
        current = Case.objects.get(pk=case.pk).primary_staff
        back = caseworker if current == new_worker else new_worker
        services.hand_over(actor=caseworker, case=case, to_staff=back, reason="other", on=DAY)
    assert counts() == few


def test_bulk_reassignment_is_for_supervisors_and_all_or_nothing(
    org, caseworker, supervisor, new_worker, make_member
):
    cases = [CaseFactory(organization=org, primary_staff=caseworker) for _ in range(3)]
    CaseFactory(organization=org, primary_staff=caseworker, status="closed")
    someone_elses = CaseFactory(organization=org, primary_staff=supervisor)
    with pytest.raises(PermissionDenied):
        services.bulk_hand_over(
            actor=caseworker, from_staff=caseworker, to_staff=new_worker, reason="transfer", on=DAY
        )
    # One case that is not the departing worker's: nothing at all is handed over.
    with pytest.raises(ValidationError):
        services.bulk_hand_over(
            actor=supervisor,
            from_staff=caseworker,
            to_staff=new_worker,
            reason="transfer",
            on=DAY,
            cases=[cases[0], someone_elses],
        )
    # The new worker already holds one of them as primary worker: that one fails, all roll back.
    cases[1].primary_staff = new_worker
    cases[1].save()
    blocked = services.bulk_hand_over  # readability
    with pytest.raises(ValidationError):
        blocked(
            actor=supervisor,
            from_staff=new_worker,
            to_staff=make_member(org, Role.CASEWORKER, is_active=False),
            reason="transfer",
            on=DAY,
        )
    assert not Handover.objects.exists()
    cases[1].primary_staff = caseworker
    cases[1].save()

    handovers = services.bulk_hand_over(
        actor=supervisor, from_staff=caseworker, to_staff=new_worker, reason="retirement", on=DAY
    )
    assert sorted(h.case_id for h in handovers) == sorted(c.pk for c in cases)
    assert all(h.summary["case"]["number"] for h in handovers)
    assert Case.objects.filter(primary_staff=caseworker, status="intake").count() == 0


def test_bulk_rolls_back_when_one_case_fails(org, caseworker, supervisor, new_worker, monkeypatch):
    cases = [CaseFactory(organization=org, primary_staff=caseworker) for _ in range(3)]
    real = services.hand_over
    calls = []

    def failing_on_the_last(**kwargs):
        calls.append(kwargs["case"].pk)
        if len(calls) == 3:
            raise ValidationError("失敗")
        return real(**kwargs)

    monkeypatch.setattr(services, "hand_over", failing_on_the_last)
    with pytest.raises(ValidationError):
        services.bulk_hand_over(
            actor=supervisor, from_staff=caseworker, to_staff=new_worker, reason="transfer", on=DAY
        )
    assert not Handover.objects.exists()
    assert Case.objects.filter(pk__in=[c.pk for c in cases], primary_staff=caseworker).count() == 3


def test_bulk_page(as_member, org, caseworker, supervisor, new_worker):
    cases = [CaseFactory(organization=org, primary_staff=caseworker) for _ in range(3)]
    url = reverse("handovers:bulk")
    assert as_member(caseworker).get(url).status_code == 403
    page = as_member(supervisor).get(url, {"from_staff": caseworker.pk}).content.decode()
    for case in cases:
        assert f'value="{case.pk}"' in page
    response = as_member(supervisor).post(
        url,
        {
            "from_staff": caseworker.pk,
            "to_staff": new_worker.pk,
            "reason": "leave",
            "handed_over_on": DAY.isoformat(),
            "cases": [cases[0].pk, cases[2].pk],
        },
    )
    assert response.status_code == 302
    assert sorted(Handover.objects.values_list("case_id", flat=True)) == [cases[0].pk, cases[2].pk]
    cases[1].refresh_from_db()
    assert cases[1].primary_staff == caseworker
    listed = as_member(supervisor).get(response["Location"]).content.decode()
    assert cases[0].number in listed
    assert cases[1].number not in listed


def test_api_hands_over_and_the_new_worker_acknowledges(api_as, org, caseworker, new_worker):
    case = full_case(org, caseworker, caseworker)
    response = api_as(caseworker).post(
        "/api/handovers/",
        {
            "case": case.pk,
            "to_staff": new_worker.pk,
            "reason": "transfer",
            "handed_over_on": "2025-06-05",
            "note": "よろしくお願いします",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["pending"]
    assert body["summary"]["what_to_avoid"] == "就労の話を急に出さない"
    pk = body["id"]
    listed = api_as(new_worker).get(
        "/api/handovers/", {"pending": "true", "to_staff": new_worker.pk}
    )
    assert [h["id"] for h in listed.json()["results"]] == [pk]
    assert "summary" not in listed.json()["results"][0]
    assert api_as(new_worker).get("/api/handovers/", {"case": case.pk}).json()["count"] == 1

    assert (
        api_as(caseworker).post(f"/api/handovers/{pk}/acknowledge/", {}, format="json").status_code
        == 403
    )
    done = api_as(new_worker).post(
        f"/api/handovers/{pk}/acknowledge/", {"note": "了解"}, format="json"
    )
    assert done.status_code == 200
    assert not done.json()["pending"]
    assert (
        api_as(new_worker).post(f"/api/handovers/{pk}/acknowledge/", {}, format="json").status_code
        == 400
    )
    assert api_as(new_worker).get("/api/handovers/", {"pending": "true"}).json()["count"] == 0


def test_api_refuses_a_same_worker_handover_with_a_message(api_as, org, caseworker):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    response = api_as(caseworker).post(
        "/api/handovers/",
        {
            "case": case.pk,
            "to_staff": caseworker.pk,
            "reason": "transfer",
            "handed_over_on": "2025-06-05",
        },
        format="json",
    )
    assert response.status_code == 400
    assert "to_staff" in response.json()


def test_api_bulk(api_as, org, other_org, caseworker, supervisor, new_worker, make_member):
    cases = [CaseFactory(organization=org, primary_staff=caseworker) for _ in range(2)]
    body = {
        "from_staff": caseworker.pk,
        "to_staff": new_worker.pk,
        "reason": "transfer",
        "handed_over_on": "2025-06-05",
    }
    assert api_as(caseworker).post("/api/handovers/bulk/", body, format="json").status_code == 403
    theirs = CaseFactory(organization=other_org)
    refused = api_as(supervisor).post(
        "/api/handovers/bulk/", {**body, "cases": [theirs.pk]}, format="json"
    )
    assert refused.status_code == 400
    done = api_as(supervisor).post("/api/handovers/bulk/", body, format="json")
    assert done.status_code == 201, done.json()
    assert sorted(h["case"] for h in done.json()) == sorted(c.pk for c in cases)


def test_what_helps_and_what_to_avoid_are_kept_on_the_case(as_member, api_as, org, caseworker):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    response = api_as(caseworker).patch(
        f"/api/cases/{case.pk}/",
        {"version": case.version, "what_helps": "短い手紙", "what_to_avoid": "突然の訪問"},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["what_to_avoid"] == "突然の訪問"
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk])).content
    assert "短い手紙" in page.decode()
    form = as_member(caseworker).get(reverse("cases:case_edit", args=[case.pk])).content
    assert 'name="what_helps"' in form.decode()


def test_the_case_edit_form_and_patch_do_not_bypass_the_handover(
    as_member, api_as, org, caseworker, new_worker
):
    case = CaseFactory(organization=org, primary_staff=caseworker)
    page = as_member(caseworker).get(reverse("cases:case_edit", args=[case.pk])).content.decode()
    select = re.search(r'<select name="primary_staff"[^>]*>', page).group(0)
    assert "disabled" in select  # changed only through a handover, which writes the summary
    response = api_as(caseworker).patch(
        f"/api/cases/{case.pk}/",
        {"primary_staff": new_worker.pk, "version": case.version},
        format="json",
    )
    assert response.status_code == 400
    assert "handovers" in str(response.json())
    case.refresh_from_db()
    assert case.primary_staff == caseworker
    unassigned = CaseFactory(organization=org, primary_staff=None)
    response = api_as(caseworker).patch(
        f"/api/cases/{unassigned.pk}/",
        {"primary_staff": new_worker.pk, "version": unassigned.version},
        format="json",
    )
    assert response.status_code == 200  # a first assignment needs no handover
