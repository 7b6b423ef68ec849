"""The evaluation pages: record, edit, history, print, instruments, and the case page parts."""

import datetime

import pytest
from django.urls import reverse

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.evaluations import services
from yorisoi.evaluations.choices import Rater, Timing
from yorisoi.evaluations.forms import NOT_RATED
from yorisoi.evaluations.models import Evaluation, Instrument
from yorisoi.evaluations.tests.factories import own_instrument, shipped_version


def _form_data(instrument_version, values, **facts):
    data = {
        "timing": Timing.FIRST_INTERVIEW,
        "rated_on": "令和7年5月12日",
        "rater": Rater.CASEWORKER,
        "note": "",
        **facts,
    }
    for item in instrument_version.items.all():
        value = values.get(item.code, NOT_RATED)
        data[f"item_{item.pk}"] = NOT_RATED if value is None else str(value)
    return data


def _record(actor, case, values, rated_on, rater=Rater.CASEWORKER):
    version = shipped_version()
    items = {i.code: i.pk for i in version.items.all()}
    return services.record_evaluation(
        actor=actor,
        case=case,
        instrument_version=version,
        timing=Timing.FISCAL_YEAR_END,
        rated_on=rated_on,
        rater=rater,
        scores={items[code]: value for code, value in values.items()},
    )


def test_record_an_evaluation_with_unrated_items(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    client = as_member(caseworker)
    url = reverse("evaluations:evaluation_add", args=[case.pk])
    page = client.get(url).content.decode()
    assert "自立に向けた行動レベル" in page
    assert f'value="{NOT_RATED}"' in page  # "not rated" is a choice of its own
    version = shipped_version()
    values = {"behaviour": 4, "communication": None, "family-1": 1, "family-2": 0}
    data = _form_data(version, values, rated_by=caseworker.pk)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    evaluation = Evaluation.objects.get()
    assert evaluation.rated_on == datetime.date(2025, 5, 12)
    assert evaluation.fiscal_year == 2025
    stored = {s.item.code: s.value for s in evaluation.scores.select_related("item")}
    assert stored["behaviour"] == 4
    assert stored["communication"] is None
    assert stored["family-1"] == 1
    assert stored["family-2"] == 0
    assert stored["family-3"] is None


def test_every_item_needs_a_choice_even_if_it_is_not_rated(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    data = _form_data(shipped_version(), {}, rated_by=caseworker.pk)
    del data[next(k for k in data if k.startswith("item_"))]
    response = as_member(caseworker).post(
        reverse("evaluations:evaluation_add", args=[case.pk]), data
    )
    assert response.status_code == 200
    assert not Evaluation.objects.exists()


def test_family_rating_without_a_member_is_explained_on_the_form(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    data = _form_data(shipped_version(), {}, rater=Rater.FAMILY)
    response = as_member(caseworker).post(
        reverse("evaluations:evaluation_add", args=[case.pk]), data
    )
    assert response.status_code == 200
    assert response.context["form"].errors["rater_member"]


def test_choose_another_instrument(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    client = as_member(caseworker)
    url = reverse("evaluations:evaluation_add", args=[case.pk])
    assert "自己肯定感" in client.get(url, {"instrument": "tsunagari"}).content.decode()
    assert client.get(url, {"instrument": "unknown"}).status_code == 404


def test_edit_keeps_values_and_refuses_a_stale_form(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    evaluation = _record(caseworker, case, {"behaviour": 2}, datetime.date(2025, 3, 20))
    client = as_member(caseworker)
    url = reverse("evaluations:evaluation_edit", args=[evaluation.pk])
    form = client.get(url).context["form"]
    behaviour = next(i for i in form.items if i.code == "behaviour")
    assert form.initial[f"item_{behaviour.pk}"] == "2"
    assert form.initial["fiscal_year"] is None  # derived, so it follows the date
    data = _form_data(
        evaluation.instrument_version,
        {"behaviour": 3},
        timing=Timing.FISCAL_YEAR_END,
        rated_on="2025-03-20",
        rated_by=caseworker.pk,
        version=evaluation.version,
    )
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 409  # the same form again is now stale
    assert evaluation.scores.get(item=behaviour).value == 3


def test_history_shows_a_table_and_charts_per_instrument(as_member, caseworker, org):
    case = CaseFactory(organization=org, person__name="寄添 光")
    _record(caseworker, case, {"behaviour": 2, "family-1": 1}, datetime.date(2024, 3, 20))
    _record(caseworker, case, {"behaviour": None, "family-1": 1}, datetime.date(2025, 3, 20))
    _record(caseworker, case, {"behaviour": 4}, datetime.date(2025, 3, 20), rater=Rater.PERSON)
    client = as_member(caseworker)
    page = client.get(reverse("evaluations:case_history", args=[case.pk])).content.decode()
    assert page.count("<svg") == 3  # two level items and the family total
    assert 'data-rater="person"' in page
    assert 'data-rater="caseworker"' in page
    assert "令和6年3月20日" in page
    printed = client.get(reverse("evaluations:case_print", args=[case.pk])).content.decode()
    assert "寄添 光" in printed
    assert printed.count("<svg") == 3


def test_case_page_shows_the_panel_and_timeline_entries(as_member, caseworker, org):
    case = CaseFactory(organization=org)
    _record(caseworker, case, {"behaviour": 5, "family-1": 1}, datetime.date(2025, 3, 20))
    page = as_member(caseworker).get(reverse("cases:case_detail", args=[case.pk]))
    html = page.content.decode()
    assert reverse("evaluations:evaluation_add", args=[case.pk]) in html
    assert "timeline__entry--evaluation" in html
    assert "<svg" in html
    assert 'role="img"' in html


@pytest.mark.parametrize("name", ["case_history", "evaluation_add", "case_print"])
def test_clerks_and_other_organizations_get_no_evaluation_pages(
    name, as_member, clerk, org, other_org, make_member
):
    case = CaseFactory(organization=org)
    url = reverse(f"evaluations:{name}", args=[case.pk])
    assert as_member(clerk).get(url).status_code == 404
    assert as_member(make_member(other_org)).get(url).status_code == 404


def test_supervisor_defines_and_revises_an_own_instrument(as_member, supervisor, caseworker, org):
    client = as_member(supervisor)
    response = client.post(
        reverse("evaluations:instrument_add"),
        {
            "name": "外出の尺度",
            "code": "",
            "description": "",
            "definition": "[本人]\n外出の様子 | level | 家の中; 近所; 遠く\n家族会 | yes_no",
        },
    )
    assert response.status_code == 302
    instrument = Instrument.objects.get(organization=org)
    assert instrument.code == "own-1"
    assert instrument.versions.count() == 1
    edit = reverse("evaluations:instrument_edit", args=[instrument.pk])
    form = client.get(edit).context["form"]
    assert "外出の様子 | level | 家の中; 近所; 遠く" in form.initial["definition"]
    bad = client.post(edit, {"name": "外出", "definition": "外出 | level | ひとつ", "version": 1})
    assert bad.status_code == 200
    assert bad.context["form"].errors["definition"]
    client.post(
        edit,
        {
            "name": "外出",
            "description": "",
            "is_active": "on",
            "definition": "外出の様子 | level | 家の中; 近所; 遠く; 泊まりがけ",
            "version": 1,
        },
    )
    assert instrument.versions.count() == 2
    assert as_member(caseworker).get(edit).status_code == 403
    shipped = shipped_version().instrument
    assert client.get(reverse("evaluations:instrument_edit", args=[shipped.pk])).status_code == 403
    copy = client.get(reverse("evaluations:instrument_add"), {"from": shipped.pk})
    assert "コミュニケーションレベル | level |" in copy.context["form"].initial["definition"]


def test_instrument_pages_show_shipped_and_own_but_not_others(
    as_member, caseworker, org, other_org
):
    own_instrument(org, name="自組織の尺度")
    own_instrument(other_org, name="よその尺度")
    page = as_member(caseworker).get(reverse("evaluations:instrument_list")).content.decode()
    assert "自組織の尺度" in page
    assert "つながり" in page
    assert "よその尺度" not in page
