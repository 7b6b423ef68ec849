"""The audit log downloads as .xlsx with its filter, for those who may read it."""

from django.urls import reverse
from django.utils import timezone

from yorisoi.audit.models import AuditEvent
from yorisoi.core.dates import format_wareki
from yorisoi.core.recorder import AuditAction
from yorisoi.core.testing.tables import assert_queries_do_not_grow, read_xlsx, xlsx

FORMULA = '=HYPERLINK("http://example.invalid/","x")'


def _event(org, **fields):
    return AuditEvent.objects.create(organization=org, action=AuditAction.VIEW, **fields)


def test_the_log_downloads_with_its_filter(as_member, supervisor, org):
    event = _event(org, actor_username="someone", object_label=FORMULA, changes=["name", "phone"])
    _event(org, actor_username="other", object_label="見えない")
    sheet = read_xlsx(xlsx(as_member(supervisor), reverse("audit:event_list"), actor="someone"))
    assert sheet.values("ユーザー名") == ["someone"]
    assert sheet.values("変更された項目") == ["name、phone"]
    (label,) = sheet.column("記録")
    assert label.value == FORMULA
    assert label.data_type == "s"
    local = timezone.localtime(event.at)
    assert sheet.values("日時") == [f"{format_wareki(local.date())} {local:%H:%M}"]
    assert sheet.values("日時（西暦）") == [local.replace(tzinfo=None, second=0, microsecond=0)]


def test_the_old_address_of_the_download_still_answers(as_member, supervisor, org):
    _event(org, actor_username="someone")
    sheet = read_xlsx(as_member(supervisor).get(reverse("audit:event_export")))
    assert "someone" in sheet.values("ユーザー名")


def test_roles_that_may_not_read_the_log_cannot_download_it(as_member, caseworker, clerk):
    for member in (caseworker, clerk):
        assert xlsx(as_member(member), reverse("audit:event_list")).status_code == 403


def test_the_log_and_its_download_queries_do_not_grow(
    as_member, supervisor, org, django_assert_max_num_queries
):
    for _ in range(3):
        _event(org, actor_username="someone")
    assert_queries_do_not_grow(
        as_member(supervisor),
        reverse("audit:event_list"),
        django_assert_max_num_queries,
        lambda: [_event(org, actor_username="someone") for _ in range(30)],
    )
