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
