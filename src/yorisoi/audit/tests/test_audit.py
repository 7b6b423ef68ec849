"""The audit log records every change and every view of personal data, and cannot be altered."""

import pytest
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

from yorisoi.accounts.models import User
from yorisoi.audit.models import AppendOnly, AuditEvent
from yorisoi.core.roles import Role
from yorisoi.organizations import services


def events(**filters):
    return AuditEvent.objects.filter(**filters)


def test_changes_through_the_ui_are_logged_with_who_where_and_which_fields(
    as_member, sysadmin, caseworker
):
    client = as_member(sysadmin)
    url = reverse("organizations:staff_edit", args=[caseworker.pk])
    response = client.post(
        url,
        {
            "role": Role.SUPERVISOR,
            "title": "主任",
            "is_active": "on",
            "version": caseworker.version,
        },
        REMOTE_ADDR="192.0.2.7",
    )
    assert response.status_code == 302
    event = events(action="update", object_type="organizations.membership").get()
    assert event.actor == sysadmin.user
    assert event.organization_id == sysadmin.organization_id
    assert event.object_id == str(caseworker.pk)
    assert set(event.changes) == {"role", "title"}
    assert event.ip_address == "192.0.2.7"
    assert event.path == url


def test_create_and_delete_are_logged(sysadmin, org):
    membership = services.add_staff(
        actor=sysadmin,
        username="newcomer",
        full_name="新人 一郎",
        role=Role.CASEWORKER,
        password="x" * 16,
    )
    assert events(
        action="create", object_type="organizations.membership", object_id=str(membership.pk)
    ).exists()
    assert events(action="create", object_type="accounts.user").exists()
    pk = membership.pk
    membership.delete()
    assert events(
        action="delete", object_type="organizations.membership", object_id=str(pk)
    ).exists()


def test_viewing_personal_data_is_logged_on_pages_and_api(
    as_member, api_as, caseworker, supervisor
):
    as_member(caseworker).get(reverse("organizations:staff_detail", args=[supervisor.pk]))
    api_as(caseworker).get(f"/api/staff/{supervisor.pk}/")
    views = events(action="view", object_id=str(supervisor.pk), actor=caseworker.user)
    assert views.count() == 2
    assert {e.path for e in views} == {
        f"/organization/staff/{supervisor.pk}/",
        f"/api/staff/{supervisor.pk}/",
    }
    as_member(caseworker).get(reverse("organizations:staff_list"))
    listed = events(action="list", actor=caseworker.user).get()
    assert listed.detail["rows"] == 2


def test_audit_events_cannot_be_changed_or_deleted_in_code(supervisor):
    event = events().first()
    event.action = "delete"
    with pytest.raises(AppendOnly):
        event.save()
    with pytest.raises(AppendOnly):
        event.delete()
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().update(action="view")
    with pytest.raises(AppendOnly):
        AuditEvent.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_postgresql_refuses_raw_updates_and_deletes(supervisor):
    for sql in ("UPDATE audit_auditevent SET action = 'view'", "DELETE FROM audit_auditevent"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)


def test_api_offers_no_way_to_write_the_log(api_as, supervisor):
    client = api_as(supervisor)
    event = events().first()
    assert client.post("/api/audit-events/", {}, format="json").status_code in {403, 405}
    assert client.patch(f"/api/audit-events/{event.pk}/", {}, format="json").status_code in {
        403,
        405,
    }
    assert client.delete(f"/api/audit-events/{event.pk}/").status_code in {403, 405}
    assert AuditEvent.objects.filter(pk=event.pk, action=event.action).exists()
    assert client.get(f"/api/audit-events/{event.pk}/").status_code == 200


def test_admin_shows_the_log_read_only(client, db):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    root = User.objects.create_superuser("root", "root@example.jp", "x" * 20)
    client.force_login(root)
    device = TOTPDevice.objects.create(user=root, name="t", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    event = events().first()
    assert client.get("/admin/audit/auditevent/").status_code == 200
    assert client.get("/admin/audit/auditevent/add/").status_code == 403
    assert (
        client.post(f"/admin/audit/auditevent/{event.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert (
        client.post(f"/admin/audit/auditevent/{event.pk}/change/", {"action": "view"}).status_code
        == 403
    )
    assert AuditEvent.objects.filter(pk=event.pk, action=event.action).exists()


def test_supervisors_filter_the_log_and_others_may_not_see_it(as_member, supervisor, caseworker):
    as_member(caseworker).get(reverse("organizations:staff_detail", args=[supervisor.pk]))
    client = as_member(supervisor)
    response = client.get(reverse("audit:event_list"), {"action": "view", "actor": "caseworker"})
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert rows
    assert all(e.action == "view" and e.actor_username == "caseworker" for e in rows)
    assert as_member(caseworker).get(reverse("audit:event_list")).status_code == 403


def test_export_is_itself_logged(as_member, supervisor):
    response = as_member(supervisor).get(reverse("audit:event_export"), {"action": "login"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert events(action="export", actor=supervisor.user).exists()


def test_audit_list_query_count_does_not_grow(
    as_member, supervisor, django_assert_max_num_queries, caseworker
):
    client = as_member(supervisor)
    client.get(reverse("audit:event_list"))  # warm up the session
    with django_assert_max_num_queries(12) as first:
        client.get(reverse("audit:event_list"))
    baseline = len(first.captured_queries)  # read now: each request clears the query log
    for _ in range(40):
        as_member(caseworker).get(reverse("organizations:staff_detail", args=[supervisor.pk]))
    with django_assert_max_num_queries(baseline):
        client.get(reverse("audit:event_list"))


def test_a_long_log_is_counted_only_up_to_a_limit_and_says_so(
    as_member, supervisor, caseworker, monkeypatch
):
    from yorisoi.audit.views import AuditEventListView

    monkeypatch.setattr(AuditEventListView, "count_limit", 3)
    monkeypatch.setattr(AuditEventListView, "paginate_by", 2)
    for _ in range(6):
        as_member(caseworker).get(reverse("organizations:staff_detail", args=[supervisor.pk]))
    client = as_member(supervisor)
    first = client.get(reverse("audit:event_list")).content.decode()
    assert "1ページ目（3件を超えています。絞り込みで減らせます）" in first
    assert "page=2" in first
    # The pages up to the limit answer; past them, the filters narrow the log.
    assert client.get(reverse("audit:event_list"), {"page": 2}).status_code == 200
    few = client.get(reverse("audit:event_list"), {"action": "delete"}).content.decode()
    assert "件を超えています" not in few
