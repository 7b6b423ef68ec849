"""The agency directory: own and shared entries, search that ignores width and kana, export."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from yorisoi.agencies import services
from yorisoi.agencies.models import Agency
from yorisoi.agencies.tests.factories import AgencyFactory
from yorisoi.core.testing.tables import read_xlsx, xlsx


def test_clerk_keeps_the_directory_and_search_ignores_width_and_kana(clerk, as_member):
    client = as_member(clerk)
    response = client.post(
        reverse("agencies:agency_add"),
        {
            "name": "ﾖﾘｿｲ若者サポートステーション",
            "name_kana": "よりそいわかものさぽーとすてーしょん",
            "category": "youth_station",
            "area": "寄添市",
            "offers": "就労体験、面談",
        },
    )
    assert response.status_code == 302
    agency = Agency.objects.get()
    for query in ("ヨリソイ", "よりそい", "サポート", "就労体験"):
        page = client.get(reverse("agencies:agency_list"), {"q": query}).content.decode()
        assert agency.name in page, query
    page = client.get(reverse("agencies:agency_list"), {"q": "保健所"}).content.decode()
    assert agency.name not in page


def test_shared_entries_are_seen_by_others_but_changed_only_by_their_keeper(
    caseworker, org, other_org, make_member, as_member
):
    mine = AgencyFactory(organization=org, name="自機関の登録")
    shared = AgencyFactory(organization=other_org, name="共有された登録", shared=True)
    private = AgencyFactory(organization=other_org, name="非公開の登録")
    client = as_member(caseworker)
    page = client.get(reverse("agencies:agency_list")).content.decode()
    assert mine.name in page
    assert shared.name in page
    assert private.name not in page
    assert client.get(reverse("agencies:agency_detail", args=[shared.pk])).status_code == 200
    assert client.get(reverse("agencies:agency_detail", args=[private.pk])).status_code == 404
    assert client.get(reverse("agencies:agency_edit", args=[shared.pk])).status_code == 403


def test_export_is_a_real_workbook(caseworker, org, as_member):
    AgencyFactory(organization=org, name="架空ハローワーク", phone="011-000-0000")
    sheet = read_xlsx(xlsx(as_member(caseworker), reverse("agencies:agency_list")))
    assert sheet.values("名称") == ["架空ハローワーク"]
    assert sheet.values("電話") == ["011-000-0000"]


def test_only_a_supervisor_links_an_entry_to_an_organization(caseworker, supervisor, other_org):
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.add_agency(
            actor=caseworker, name="連携先", category="partner_npo", linked_organization=other_org
        )
    agency = services.add_agency(
        actor=supervisor, name="連携先", category="partner_npo", linked_organization=other_org
    )
    assert agency.linked_organization == other_org


def test_api_lists_own_and_shared_and_edits_with_a_version(caseworker, org, other_org, api_as):
    AgencyFactory(organization=other_org, name="共有", shared=True)
    mine = AgencyFactory(organization=org, name="自機関")
    client = api_as(caseworker)
    names = {a["name"] for a in client.get("/api/agencies/").json()["results"]}
    assert names == {"共有", "自機関"}
    response = client.patch(
        f"/api/agencies/{mine.pk}/", {"phone": "022-000-0000", "version": 1}, format="json"
    )
    assert response.status_code == 200
    stale = client.patch(
        f"/api/agencies/{mine.pk}/", {"phone": "022-111-1111", "version": 1}, format="json"
    )
    assert stale.status_code == 409


def test_notes_of_a_shared_entry_stay_with_its_keeper(caseworker, other_org, as_member):
    shared = AgencyFactory(
        organization=other_org, name="共有", shared=True, notes="担当者の個人携帯は使わない"
    )
    client = as_member(caseworker)
    page = client.get(reverse("agencies:agency_detail", args=[shared.pk])).content.decode()
    assert "個人携帯" not in page
    response = xlsx(client, reverse("agencies:agency_list"))
    assert "個人携帯" not in str(list(load_workbook(io.BytesIO(response.content)).active.values))


def test_the_api_keeps_a_shared_entrys_notes_with_its_keeper_too(
    caseworker, other_org, org, api_as
):
    shared = AgencyFactory(
        organization=other_org, name="共有", shared=True, notes="担当者の個人携帯は使わない"
    )
    own = AgencyFactory(organization=org, name="自前", notes="自機関のメモ")
    api = api_as(caseworker)
    assert api.get(f"/api/agencies/{shared.pk}/").json()["notes"] == ""
    assert "個人携帯" not in api.get("/api/agencies/").content.decode()
    assert api.get(f"/api/agencies/{own.pk}/").json()["notes"] == "自機関のメモ"
