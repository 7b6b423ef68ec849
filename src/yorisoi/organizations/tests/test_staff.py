"""Managing staff: roles decide who may, edits never overwrite each other, counts stay bounded."""

import pytest
from django.urls import reverse

from yorisoi.core.roles import Role
from yorisoi.organizations.models import Membership


def test_sysadmin_adds_a_staff_member_who_can_then_sign_in(as_member, sysadmin, client):
    response = as_member(sysadmin).post(
        reverse("organizations:staff_add"),
        {
            "username": "newcomer",
            "full_name": "新人 一郎",
            "full_name_kana": "しんじん いちろう",
            "role": Role.CASEWORKER,
            "password": "a long enough passphrase",
        },
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user__username="newcomer")
    assert membership.organization_id == sysadmin.organization_id
    login = client.post(
        "/accounts/login/", {"username": "newcomer", "password": "a long enough passphrase"}
    )
    assert login.status_code == 302


def test_add_form_explains_what_is_wrong_in_japanese(as_member, sysadmin, caseworker):
    response = as_member(sysadmin).post(
        reverse("organizations:staff_add"),
        {"username": "caseworker", "full_name": "重複", "role": Role.CASEWORKER},
    )
    assert response.status_code == 200
    assert "このユーザー名はすでに使われています" in response.content.decode()


@pytest.mark.parametrize("role", [Role.CASEWORKER, Role.SUPERVISOR, Role.CLERK, Role.SUPPORTER])
def test_only_the_system_administrator_manages_staff(as_member, make_member, org, caseworker, role):
    client = as_member(make_member(org, role))
    assert client.get(reverse("organizations:staff_add")).status_code == 403
    assert client.get(reverse("organizations:staff_edit", args=[caseworker.pk])).status_code == 403
    assert client.get(reverse("organizations:staff_list")).status_code == 200


def test_two_people_editing_at_once_get_a_conflict_not_an_overwrite(
    as_member, sysadmin, make_member, org, caseworker
):
    other_admin = make_member(org, Role.SYSADMIN)
    url = reverse("organizations:staff_edit", args=[caseworker.pk])
    version = caseworker.version
    first = as_member(sysadmin).post(
        url, {"role": Role.SUPERVISOR, "title": "主任", "is_active": "on", "version": version}
    )
    assert first.status_code == 302
    second = as_member(other_admin).post(
        url, {"role": Role.CLERK, "title": "", "is_active": "on", "version": version}
    )
    assert second.status_code == 409
    assert "ほかの方がこの記録を保存しました" in second.content.decode()
    caseworker.refresh_from_db()
    assert (caseworker.role, caseworker.title) == (Role.SUPERVISOR, "主任")


def test_api_edit_with_stale_version_answers_409(api_as, sysadmin, caseworker):
    client = api_as(sysadmin)
    url = f"/api/staff/{caseworker.pk}/"
    assert (
        client.patch(
            url, {"title": "主任", "version": caseworker.version}, format="json"
        ).status_code
        == 200
    )
    stale = client.patch(url, {"title": "係長", "version": caseworker.version}, format="json")
    assert stale.status_code == 409
    assert (
        client.patch(url, {"title": "係長"}, format="json").status_code == 400
    )  # version is required


def test_api_creates_staff_only_for_sysadmin(api_as, sysadmin, caseworker):
    payload = {"username": "api-made", "full_name": "API 作成", "role": Role.CLERK}
    assert api_as(caseworker).post("/api/staff/", payload, format="json").status_code == 403
    response = api_as(sysadmin).post("/api/staff/", payload, format="json")
    assert response.status_code == 201
    assert response.json()["role"] == Role.CLERK


def test_a_person_in_two_organizations_switches_between_them(
    as_member, caseworker, other_org, make_member
):
    make_member(other_org, Role.SUPERVISOR, user=caseworker.user)
    client = as_member(caseworker)
    home = client.get("/").content.decode()
    assert "ホーム支援センター" in home
    assert "よその支援団体" in home
    assert client.get(reverse("audit:event_list")).status_code == 403
    client.post(reverse("organizations:switch"), {"organization": other_org.pk})
    assert client.get(reverse("audit:event_list")).status_code == 200
    assert client.post(reverse("organizations:switch"), {"organization": 999999}).status_code == 404


def test_staff_who_left_cannot_act_for_the_organization(as_member, caseworker):
    caseworker.is_active = False
    caseworker.save()
    response = as_member(caseworker).get(reverse("organizations:staff_list"))
    assert response.status_code == 403


def test_staff_list_query_count_does_not_grow(
    as_member, caseworker, make_member, org, django_assert_max_num_queries
):
    client = as_member(caseworker)
    client.get(reverse("organizations:staff_list"))
    with django_assert_max_num_queries(15) as first:
        client.get(reverse("organizations:staff_list"))
    baseline = len(first.captured_queries)
    for _ in range(30):
        make_member(org)
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("organizations:staff_list"))
    assert len(response.context["object_list"]) == 31


def test_sysadmin_changes_the_organization_settings(as_member, sysadmin, caseworker, org):
    url = reverse("organizations:settings")
    assert as_member(caseworker).get(url).status_code == 403
    response = as_member(sysadmin).post(
        url,
        {
            "name": "改称センター",
            "kind": org.kind,
            "prefecture": "13",
            "municipality": "八王子市",
            "require_two_factor": "on",
            "urgent_meeting_days": 5,
            "silence_days": 60,
            "cancellation_alert_count": 4,
            "stalled_years": 3,
            "referral_follow_up_weeks": 4,
            "api_token_days": 30,
            "version": org.version,
        },
    )
    assert response.status_code == 302
    org.refresh_from_db()
    assert (org.name, org.prefecture, org.require_two_factor) == ("改称センター", "13", True)
    assert org.cancellation_alert_count == 4
    assert org.api_token_days == 30


def test_sysadmin_cannot_take_in_or_reset_another_organizations_account(
    as_member, api_as, sysadmin, other_org, make_member, org
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    theirs = make_member(other_org, user__username="their-staff")
    response = api_as(sysadmin).post(
        "/api/staff/",
        {"username": "their-staff", "full_name": "x", "role": "caseworker"},
        format="json",
    )
    assert response.status_code == 400
    assert not Membership.objects.filter(user=theirs.user, organization=org).exists()
    # Someone who works in both organizations keeps their authenticator.
    shared = make_member(org, user=theirs.user)
    TOTPDevice.objects.create(user=theirs.user, name="phone", confirmed=True)
    as_member(sysadmin).post(reverse("organizations:staff_reset_two_factor", args=[shared.pk]))
    assert TOTPDevice.objects.filter(user=theirs.user).exists()
