"""What meetings add to the case page and the start page."""

import datetime

from django.db.models import OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.bundle import Rows
from yorisoi.due.registry import DueItem, DueRows
from yorisoi.meetings.models import CaseMeeting, MeetingAction


def latest_meeting() -> Rows:
    """The case's latest meeting (the side panel and the urgency banner both ask for it)."""
    rows = CaseMeeting.objects.filter(case=OuterRef("pk")).order_by("-held_on", "-pk")
    return Rows(rows[:1], fields=("held_on", "support_policy"))


def side_needs(case, member) -> dict:
    actions = MeetingAction.objects.filter(meeting__case=OuterRef("pk"), done_on__isnull=True)
    return {
        "meetings.latest": latest_meeting(),
        "meetings.open_actions": Rows(actions.select_related("owner__user")[:10]),
    }


def side(case, member, found) -> dict:
    return {
        "latest": next(iter(found["meetings.latest"]), None),
        "open_actions": found["meetings.open_actions"],
    }


def _meetings(before, limit):
    rows = CaseMeeting.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows[:limit], many=("attendees__staff__user", "actions"))


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

    extensions.register_panel(
        extensions.CasePanel("meetings/panels/side.html", side, "side", 20, needs=side_needs)
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "meeting",
            _("Case meetings"),
            _meetings,
            "held_on",
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
        .select_related("meeting__case__person", "owner__user")
        .order_by("due_on", "pk")
    )
    return DueRows(rows, lambda a: DueItem("meeting_action", a.meeting.case, a.due_on, a.what))


def register_due() -> None:
    from yorisoi.due import registry as due

    due.register(due.DueKind("meeting_action", _("Meeting actions past due"), _actions_overdue, 30))
