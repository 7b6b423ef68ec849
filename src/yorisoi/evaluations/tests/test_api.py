"""The evaluations API: scoped like the pages, scores with nulls, stale edits refused."""

from yorisoi.cases.tests.factories import CaseFactory
from yorisoi.evaluations.models import Evaluation
from yorisoi.evaluations.tests.factories import EvaluationFactory, own_instrument, shipped_version


def _payload(case, version, values):
    items = {i.code: i.pk for i in version.items.all()}
    return {
        "case": case.pk,
        "instrument_version": version.pk,
        "timing": "fiscal_year_end",
        "rated_on": "2025-04-14",
        "rater": "caseworker",
        "scores": [{"item": items[code], "value": value} for code, value in values.items()],
    }


def test_create_list_and_patch_with_version(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    client = api_as(caseworker)
    version = shipped_version()
    created = client.post(
        "/api/evaluations/",
        _payload(case, version, {"behaviour": 3, "communication": None, "family-1": 1}),
        format="json",
    )
    assert created.status_code == 201, created.json()
    body = created.json()
    assert body["fiscal_year"] == 2024  # a year-end rating in April closes the year before
    assert body["rated_by"] == caseworker.pk
    assert body["totals"] == [{"group": "家族", "points": 1, "answered": 1, "items": 10}]
    assert len(body["scores"]) == 12
    assert {s["value"] for s in body["scores"]} == {3, 1, None}

    listed = client.get("/api/evaluations/", {"case": case.pk}).json()
    assert [e["id"] for e in listed["results"]] == [body["id"]]
    assert client.get("/api/evaluations/", {"instrument": "tsunagari"}).json()["count"] == 0

    behaviour = next(i.pk for i in version.items.all() if i.code == "behaviour")
    url = f"/api/evaluations/{body['id']}/"
    patched = client.patch(
        url,
        {"version": body["version"], "scores": [{"item": behaviour, "value": 4}]},
        format="json",
    )
    assert patched.status_code == 200, patched.json()
    assert next(s for s in patched.json()["scores"] if s["item"] == behaviour)["value"] == 4
    stale = client.patch(url, {"version": body["version"], "note": "古い版から"}, format="json")
    assert stale.status_code == 409
    assert client.patch(url, {"note": "版なし"}, format="json").status_code == 400


def test_values_outside_the_levels_are_a_bad_request(api_as, caseworker, org):
    case = CaseFactory(organization=org)
    response = api_as(caseworker).post(
        "/api/evaluations/", _payload(case, shipped_version(), {"behaviour": 11}), format="json"
    )
    assert response.status_code == 400
    assert "scores" in response.json()
    assert not Evaluation.objects.exists()


def test_other_organizations_records_and_instruments_are_out_of_reach(
    api_as, caseworker, clerk, org, other_org
):
    theirs = EvaluationFactory(case__organization=other_org)
    their_instrument = own_instrument(other_org, name="よその尺度")
    mine = own_instrument(org, name="自組織の尺度")
    client = api_as(caseworker)
    assert client.get(f"/api/evaluations/{theirs.pk}/").status_code == 404
    assert client.get("/api/evaluations/").json()["count"] == 0
    assert client.get(f"/api/instruments/{their_instrument.pk}/").status_code == 404
    names = {i["name"] for i in client.get("/api/instruments/").json()["results"]}
    assert names >= {"自組織の尺度"}
    assert "よその尺度" not in names
    assert len(names) == 3  # the two shipped ones and the organization's own
    # A version of another organization's instrument cannot be used either.
    case = CaseFactory(organization=org)
    payload = _payload(case, their_instrument.versions.get(), {})
    assert client.post("/api/evaluations/", payload, format="json").status_code == 400
    assert api_as(clerk).get("/api/evaluations/").status_code == 403
    assert api_as(clerk).get(f"/api/instruments/{mine.pk}/").status_code == 403


def test_instruments_show_versions_items_and_levels(api_as, caseworker, db):
    client = api_as(caseworker)
    instrument = shipped_version("tsunagari").instrument
    body = client.get(f"/api/instruments/{instrument.pk}/").json()
    assert body["shipped"] is True
    (version,) = body["versions"]
    assert [len(item["levels"]) for item in version["items"]] == [4, 4, 4, 4, 4]
    assert version["items"][0]["levels"][0]["value"] == 1
