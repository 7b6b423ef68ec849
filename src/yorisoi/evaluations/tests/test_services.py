"""Recording and changing evaluations, and revising instruments, through the services."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import override

from yorisoi.cases.tests.factories import CaseFactory, HouseholdMemberFactory
from yorisoi.core.concurrency import EditConflict
from yorisoi.evaluations import services
from yorisoi.evaluations.choices import ItemKind, Rater, Timing
from yorisoi.evaluations.definitions import ItemSpec
from yorisoi.evaluations.models import Evaluation, Score
from yorisoi.evaluations.tests.factories import SPECS, own_instrument, shipped_version

DAY = datetime.date(2025, 6, 2)


def _items(version):
    items = list(version.items.all())
    return (
        [i for i in items if i.kind == ItemKind.LEVEL],
        [i for i in items if i.kind == ItemKind.YES_NO],
    )


def _record(actor, case, scores, **kwargs):
    defaults = {
        "instrument_version": shipped_version(),
        "timing": Timing.AD_HOC,
        "rated_on": DAY,
        "rater": Rater.CASEWORKER,
    }
    return services.record_evaluation(actor=actor, case=case, scores=scores, **(defaults | kwargs))


def test_missing_ratings_stay_null_and_totals_count_only_rated_items(caseworker, org):
    case = CaseFactory(organization=org)
    (behaviour, communication), family = _items(shipped_version())
    scores = {behaviour.pk: 3} | {item.pk: 1 for item in family[:7]} | {family[7].pk: 0}
    scores[family[8].pk] = None  # asked, not known; family[9] not given at all
    evaluation = _record(caseworker, case, scores)
    stored = dict(Score.objects.filter(evaluation=evaluation).values_list("item_id", "value"))
    assert len(stored) == 12  # every item of the version has its row
    assert stored[communication.pk] is None
    assert stored[family[8].pk] is None
    assert stored[family[9].pk] is None
    (total,) = evaluation.totals()
    assert (total.group, total.points, total.answered, total.items) == ("家族", 7, 8, 10)
    with override("en"):
        assert str(total) == "7 points (8 items rated)"
    assert evaluation.rated_by == caseworker  # a caseworker rating names who rated


def test_family_total_runs_from_zero_to_ten(caseworker, org):
    case = CaseFactory(organization=org)
    _, family = _items(shipped_version())
    none = _record(caseworker, case, {item.pk: 0 for item in family})
    every = _record(caseworker, case, {item.pk: 1 for item in family})
    unrated = _record(caseworker, case, {})
    assert none.totals()[0].points == 0
    assert every.totals()[0].points == 10
    assert every.totals()[0].items == 10
    assert unrated.totals()[0].points is None  # nothing rated is not a zero


@pytest.mark.parametrize("value", [0, 11, 2])
def test_values_outside_the_levels_are_refused(caseworker, org, value):
    case = CaseFactory(organization=org)
    (behaviour, _), family = _items(shipped_version())
    item = family[0] if value == 2 else behaviour  # 2 is no answer to a yes/no item
    with pytest.raises(ValidationError) as error:
        _record(caseworker, case, {item.pk: value})
    assert "scores" in error.value.message_dict
    assert not Evaluation.objects.exists()


def test_items_of_another_instrument_are_refused(caseworker, org):
    case = CaseFactory(organization=org)
    other_item = shipped_version("tsunagari").items.first()
    with pytest.raises(ValidationError):
        _record(caseworker, case, {other_item.pk: 2})


@pytest.mark.parametrize(
    ("timing", "rated_on", "year"),
    [
        (Timing.FIRST_INTERVIEW, datetime.date(2025, 4, 10), 2025),
        (Timing.FIRST_INTERVIEW, datetime.date(2025, 3, 31), 2024),
        (Timing.FISCAL_YEAR_END, datetime.date(2025, 3, 25), 2024),
        (Timing.FISCAL_YEAR_END, datetime.date(2025, 4, 15), 2024),  # closes the year just ended
        (Timing.FISCAL_YEAR_END, datetime.date(2025, 5, 31), 2024),
        (Timing.FISCAL_YEAR_END, datetime.date(2025, 6, 1), 2025),
        (Timing.CLOSING, datetime.date(2025, 4, 15), 2025),
    ],
)
def test_the_fiscal_year_is_derived_from_date_and_timing(caseworker, org, timing, rated_on, year):
    evaluation = _record(
        caseworker, CaseFactory(organization=org), {}, timing=timing, rated_on=rated_on
    )
    assert evaluation.fiscal_year == year


def test_a_fiscal_year_set_by_hand_is_kept_and_checked(caseworker, org):
    case = CaseFactory(organization=org)
    evaluation = _record(
        caseworker, case, {}, rated_on=datetime.date(2025, 4, 20), fiscal_year=2024
    )
    assert evaluation.fiscal_year == 2024
    with pytest.raises(ValidationError) as error:
        _record(caseworker, case, {}, rated_on=datetime.date(2025, 4, 20), fiscal_year=2022)
    assert "fiscal_year" in error.value.message_dict


def test_a_derived_fiscal_year_follows_a_changed_date(caseworker, org):
    case = CaseFactory(organization=org)
    evaluation = _record(caseworker, case, {}, rated_on=datetime.date(2025, 3, 20))
    assert evaluation.fiscal_year == 2024
    services.change_evaluation(
        actor=caseworker,
        evaluation=evaluation,
        expected_version=evaluation.version,
        rated_on=datetime.date(2025, 4, 20),
    )
    assert evaluation.fiscal_year == 2025
    services.change_evaluation(
        actor=caseworker,
        evaluation=evaluation,
        expected_version=evaluation.version,
        fiscal_year=2024,
    )
    services.change_evaluation(
        actor=caseworker, evaluation=evaluation, expected_version=evaluation.version, note="見直し"
    )
    assert evaluation.fiscal_year == 2024  # set by hand: kept


def test_family_ratings_name_a_household_member(caseworker, org):
    case = CaseFactory(organization=org)
    with pytest.raises(ValidationError) as error:
        _record(caseworker, case, {}, rater=Rater.FAMILY)
    assert "rater_member" in error.value.message_dict
    stranger = HouseholdMemberFactory(household__organization=org)
    with pytest.raises(ValidationError):
        _record(caseworker, case, {}, rater=Rater.FAMILY, rater_member=stranger)
    mother = HouseholdMemberFactory(household=case.household, organization=org)
    evaluation = _record(caseworker, case, {}, rater=Rater.FAMILY, rater_member=mother)
    assert evaluation.rater_member == mother
    assert evaluation.rated_by is None


def test_future_dates_are_refused(caseworker, org):
    with pytest.raises(ValidationError) as error:
        _record(caseworker, CaseFactory(organization=org), {}, rated_on=datetime.date(2999, 1, 1))
    assert "rated_on" in error.value.message_dict


def test_changes_refuse_a_stale_version_and_touch_only_named_scores(caseworker, supervisor, org):
    case = CaseFactory(organization=org)
    (behaviour, communication), _ = _items(shipped_version())
    evaluation = _record(caseworker, case, {behaviour.pk: 3, communication.pk: 4})
    started = evaluation.version
    services.change_evaluation(
        actor=supervisor,
        evaluation=evaluation,
        expected_version=started,
        scores={behaviour.pk: None},
    )
    values = dict(evaluation.scores.values_list("item_id", "value"))
    assert values[behaviour.pk] is None
    assert values[communication.pk] == 4
    stale = Evaluation.objects.get(pk=evaluation.pk)
    with pytest.raises(EditConflict):
        services.change_evaluation(
            actor=caseworker, evaluation=stale, expected_version=started, note="古い画面から"
        )


def test_other_organizations_and_clerks_are_refused(caseworker, clerk, org, other_org, make_member):
    case = CaseFactory(organization=org)
    with pytest.raises(PermissionDenied):
        _record(clerk, case, {})
    with pytest.raises(PermissionDenied):
        _record(make_member(other_org), case, {})
    theirs = own_instrument(other_org)
    with pytest.raises(PermissionDenied):
        _record(caseworker, case, {}, instrument_version=theirs.versions.get())


def test_editing_an_instrument_publishes_a_version_and_old_scores_keep_theirs(
    supervisor, caseworker, org
):
    instrument = services.create_instrument(actor=supervisor, name="外出の尺度", items=SPECS)
    first = instrument.versions.get()
    going_out = first.items.get(label="外出の様子")
    case = CaseFactory(organization=org)
    evaluation = _record(caseworker, case, {going_out.pk: 2}, instrument_version=first)

    revised = [
        ItemSpec("外出の様子", ItemKind.LEVEL, ("家の中", "近所", "遠く", "泊まりがけも"), "本人"),
        ItemSpec("趣味の時間がある", ItemKind.YES_NO, (), "本人"),
    ]
    services.change_instrument(
        actor=supervisor, instrument=instrument, expected_version=instrument.version, items=revised
    )
    second = instrument.versions.get(number=2)
    assert [i.label for i in second.items.all()] == ["外出の様子", "趣味の時間がある"]
    assert second.items.get(label="外出の様子").code == going_out.code  # history lines up
    evaluation.refresh_from_db()
    assert evaluation.instrument_version == first
    score = evaluation.scores.get(item=going_out)
    assert score.value == 2
    assert [lv.text for lv in going_out.levels.all()] == [
        "家の中",
        "近所まで",
        "遠くまで",
    ]

    # Saving the same items again publishes nothing new.
    services.change_instrument(
        actor=supervisor,
        instrument=instrument,
        expected_version=instrument.version,
        items=revised,
        name="外出",
    )
    assert instrument.versions.count() == 2


def test_shipped_instruments_and_other_codes_are_protected(supervisor, caseworker, org):
    shipped = shipped_version().instrument
    with pytest.raises(PermissionDenied):
        services.change_instrument(
            actor=supervisor, instrument=shipped, expected_version=shipped.version, name="変更"
        )
    with pytest.raises(PermissionDenied):
        services.create_instrument(actor=caseworker, name="尺度", items=SPECS)
    with pytest.raises(ValidationError) as error:
        services.create_instrument(actor=supervisor, name="尺度", items=SPECS, code="miyagi")
    assert "code" in error.value.message_dict
    assert services.create_instrument(actor=supervisor, name="尺度", items=SPECS).code == "own-1"


def test_an_instrument_no_longer_in_use_takes_no_new_evaluations(supervisor, caseworker, org):
    instrument = own_instrument(org)
    services.change_instrument(
        actor=supervisor,
        instrument=instrument,
        expected_version=instrument.version,
        is_active=False,
    )
    with pytest.raises(ValidationError):
        _record(
            caseworker,
            CaseFactory(organization=org),
            {},
            instrument_version=instrument.versions.get(),
        )
