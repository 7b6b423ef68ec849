"""Stalled cases: long support whose last caseworker ratings are the same, for supervisors."""

import datetime

from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.evaluations import services
from yorisoi.evaluations.tests.factories import shipped_version


def _rate(actor, case, day, value):
    version = shipped_version()
    first = version.items.order_by("order", "pk").first()
    services.record_evaluation(
        actor=actor,
        case=case,
        instrument_version=version,
        timing="ad_hoc",
        rated_on=day,
        rater="caseworker",
        scores={first.pk: value},
        rated_by=actor,
    )


def test_long_cases_with_unchanged_ratings_are_listed_for_supervisors(
    as_member, caseworker, supervisor, org
):
    today = datetime.date.today()
    stuck = CaseFactory(
        organization=org,
        person__name="変化なし",
        status="active",
        opened_on=today - datetime.timedelta(days=4 * 365),
    )
    moving = CaseFactory(
        organization=org,
        person__name="変化あり",
        status="active",
        opened_on=today - datetime.timedelta(days=4 * 365),
    )
    young = CaseFactory(
        organization=org,
        person__name="まだ一年",
        status="active",
        opened_on=today - datetime.timedelta(days=365),
    )
    for case, values in [(stuck, (3, 3)), (moving, (3, 5)), (young, (2, 2))]:
        _rate(caseworker, case, today - datetime.timedelta(days=400), values[0])
        _rate(caseworker, case, today - datetime.timedelta(days=30), values[1])
    html = as_member(supervisor).get(reverse("evaluations:stalled")).content.decode()
    assert "変化なし" in html
    assert "変化あり" not in html
    assert "まだ一年" not in html
    assert as_member(caseworker).get(reverse("evaluations:stalled")).status_code == 403


def _old_case(org, name):
    return CaseFactory(
        organization=org,
        person__name=name,
        status="active",
        opened_on=datetime.date.today() - datetime.timedelta(days=4 * 365),
    )


def test_an_edit_that_changes_the_last_rating_takes_the_case_off_the_list(
    caseworker, supervisor, org
):
    from yorisoi.evaluations.models import Evaluation
    from yorisoi.evaluations.stalled import stalled_cases

    today = datetime.date.today()
    case = _old_case(org, "編集で変化")
    _rate(caseworker, case, today - datetime.timedelta(days=400), 3)
    _rate(caseworker, case, today - datetime.timedelta(days=30), 3)
    assert [c for c, _e in stalled_cases(supervisor, today=today, years=3)] == [case]
    latest = Evaluation.objects.filter(case=case).order_by("-rated_on").first()
    item = latest.scores.get(value=3).item
    services.change_evaluation(
        actor=caseworker, evaluation=latest, expected_version=latest.version, scores={item.pk: 4}
    )
    assert stalled_cases(supervisor, today=today, years=3) == []


def test_evaluations_that_rated_nothing_are_not_the_same_ratings(caseworker, supervisor, org):
    from yorisoi.evaluations.stalled import stalled_cases

    today = datetime.date.today()
    case = _old_case(org, "未評価")
    _rate(caseworker, case, today - datetime.timedelta(days=400), None)
    _rate(caseworker, case, today - datetime.timedelta(days=30), None)
    assert stalled_cases(supervisor, today=today, years=3) == []


def test_the_list_reads_a_page_at_a_time(as_member, caseworker, supervisor, org, monkeypatch):
    from yorisoi.evaluations.views.stalled import StalledCasesView

    monkeypatch.setattr(StalledCasesView, "paginate_by", 1)
    today = datetime.date.today()
    for name in ("一人目", "二人目"):
        case = _old_case(org, name)
        _rate(caseworker, case, today - datetime.timedelta(days=400), 2)
        _rate(caseworker, case, today - datetime.timedelta(days=30), 2)
    client = as_member(supervisor)
    first = client.get(reverse("evaluations:stalled")).content.decode()
    second = client.get(reverse("evaluations:stalled") + "?page=2").content.decode()
    assert ("一人目" in first) != ("一人目" in second)
    assert ("二人目" in first) != ("二人目" in second)
    assert "2件" in first  # the count is of every stalled case
    download = client.get(reverse("evaluations:stalled") + "?format=xlsx")
    from yorisoi.core.testing.tables import read_xlsx

    assert len(read_xlsx(download).rows) == 2


def test_the_list_opens_on_29_february(caseworker, supervisor, org):
    from yorisoi.evaluations.stalled import stalled_cases

    leap_day = datetime.date(2028, 2, 29)
    case = _old_case(org, "うるう日")
    case.opened_on = datetime.date(2024, 1, 10)
    case.save()
    _rate(caseworker, case, datetime.date(2025, 4, 1), 3)
    _rate(caseworker, case, datetime.date(2026, 11, 1), 3)
    assert [c for c, _e in stalled_cases(supervisor, today=leap_day, years=3)] == [case]
