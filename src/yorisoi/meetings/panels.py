"""What meetings add to the case page and the start page."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.due.registry import DueItem
from yorisoi.meetings.models import CaseMeeting, MeetingAction


def side(case, member) -> dict:
    return {
        "latest": CaseMeeting.objects.filter(case=case)
        .only("pk", "held_on", "support_policy")
        .first(),
        "open_actions": list(
            MeetingAction.objects.filter(meeting__case=case, done_on__isnull=True).select_related(
                "owner__user"
            )[:10]
        ),
    }


def _meetings(case, before, limit):
    rows = CaseMeeting.objects.filter(case=case, **({"created_at__lt": before} if before else {}))
    rows = rows.prefetch_related("attendees__staff__user", "actions")[:limit]
    return [(extensions.as_datetime(m.held_on), m) for m in rows]


def my_actions(member) -> dict:
    """Meeting actions that are mine, not done, due within a week or overdue."""
    horizon = timezone.localdate() + datetime.timedelta(days=7)
    actions = (
        MeetingAction.objects.for_member(member)
        .filter(owner=member, done_on__isnull=True, due_on__lte=horizon)
        .select_related("meeting__case__person")
        .order_by("due_on")[:20]
    )
    return {"actions": list(actions), "today": timezone.localdate()}


def register() -> None:
    from yorisoi.core.home import register_panel

    extensions.register_panel(extensions.CasePanel("meetings/panels/side.html", side, "side", 20))
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "meeting",
            _("Case meetings"),
            _meetings,
            "meetings/includes/timeline_meeting.html",
            35,
        )
    )
    register_panel(
        "meetings/panels/home.html", my_actions, model="meetings.MeetingAction", order=15
    )
    register_due()


def _actions_overdue(member, today):
    scope = cases_in_scope(member)
    rows = (
        MeetingAction.objects.for_member(member)
        .filter(done_on__isnull=True, due_on__lt=today, meeting__case__in=scope)
        .select_related("meeting__case__person", "owner__user")[:50]
    )
    return [DueItem("meeting_action", a.meeting.case, a.due_on, a.what) for a in rows]


def register_due() -> None:
    from yorisoi.due import registry as due

    due.register(due.DueKind("meeting_action", _("Meeting actions past due"), _actions_overdue, 30))
