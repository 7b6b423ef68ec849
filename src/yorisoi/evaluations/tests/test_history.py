"""A case's evaluations arranged per instrument: versions line up by item, pages for paper."""

import datetime

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.evaluations import history, selectors, services
from yorisoi.evaluations.choices import ItemKind, Rater, Timing
from yorisoi.evaluations.definitions import ItemSpec
from yorisoi.evaluations.tests.factories import own_instrument, shipped_version


def _record(actor, case, version, values, day, rater=Rater.CASEWORKER):
    items = {i.label: i.pk for i in version.items.all()}
    return services.record_evaluation(
        actor=actor,
        case=case,
        instrument_version=version,
        timing=Timing.AD_HOC,
        rated_on=day,
        rater=rater,
        scores={items[label]: value for label, value in values.items()},
    )


def test_versions_of_one_instrument_share_a_table_row_per_item(supervisor, caseworker, org):
    case = CaseFactory(organization=org)
    instrument = own_instrument(org)
    first = instrument.versions.get()
    _record(caseworker, case, first, {"外出の様子": 1}, datetime.date(2024, 6, 1))
    services.change_instrument(
        actor=supervisor,
        instrument=instrument,
        expected_version=instrument.version,
        items=[
            ItemSpec("外出の様子", ItemKind.LEVEL, ("家の中", "近所まで", "遠くまで"), "本人"),
            ItemSpec("趣味の時間", ItemKind.LEVEL, ("ない", "ときどき", "よく"), "本人"),
        ],
    )
    second = instrument.versions.get(number=2)
    _record(caseworker, case, second, {"外出の様子": 2, "趣味の時間": 3}, datetime.date(2025, 6, 1))

    (built,) = history.build(list(selectors.evaluations_of(case)))
    rows = {row.label: row for group in built.groups for row in group.rows}
    assert [c.value for c in rows["外出の様子"].cells] == [1, 2]
    assert [c.asked for c in rows["趣味の時間"].cells] == [False, True]
    assert [g.label for g in built.groups] == ["本人", "家族"]  # the dropped family items follow
    going_out = next(c for c in built.charts if c.title == "外出の様子")
    assert [p.value for p in going_out.series[0].points] == [1, 2]


def test_long_histories_print_in_tables_of_six(caseworker, org):
    case = CaseFactory(organization=org)
    version = shipped_version()
    for year in range(2018, 2025):
        _record(caseworker, case, version, {}, datetime.date(year, 6, 1))
    (built,) = history.build(list(selectors.evaluations_of(case)))
    pages = built.print_pages()
    assert [len(page.evaluations) for page in pages] == [6, 1]
    assert all(len(row.cells) == 1 for group in pages[1].groups for row in group.rows)
    assert len(pages[1].groups[-1].totals) == 1
