"""What assessments add to the case page and the start page."""

from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import Urgency
from yorisoi.assessments.models import Assessment, UrgencyChange
from yorisoi.cases import extensions
from yorisoi.cases.choices import OPEN_STATUSES
from yorisoi.cases.selectors import cases_for, cases_in_scope
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Role
from yorisoi.due.registry import DueItem, DueRows
from yorisoi.meetings.panels import latest_meeting


def banner_needs(case, member) -> dict:
    latest = UrgencyChange.objects.filter(case=OuterRef("pk")).order_by("-changed_at", "-pk")
    return {"assessments.urgency": Rows(latest[:1]), "meetings.latest": latest_meeting()}


def banner(case, member, found) -> dict:
    change = next(iter(found["assessments.urgency"]), None)
    if change is None or change.level == Urgency.NONE:
        return {"urgency": None}
    meeting = next(iter(found["meetings.latest"]), None)
    judged_on = timezone.localtime(change.changed_at).date()
    return {"urgency": change, "meeting_held": meeting is not None and meeting.held_on >= judged_on}


def side_needs(case, member) -> dict:
    latest = Assessment.objects.filter(case=OuterRef("pk")).order_by("-assessed_on", "-pk")
    return {"assessments.latest": Rows(latest[:1], fields=("assessed_on",))}


def side(case, member, found) -> dict:
    return {"latest": next(iter(found["assessments.latest"]), None)}


def _assessments(before, limit):
    rows = Assessment.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows.select_related("assessed_by__user")[:limit], many=("risks",))


def _urgency(before, limit):
    rows = UrgencyChange.objects.filter(
        case=OuterRef("pk"), **({"changed_at__lt": before} if before else {})
    )
    return Rows(rows.select_related("changed_by__user")[:limit])


def _ever(member, *levels):
    """The organization's cases ever judged at one of these levels: a few of its open cases,
    so the latest level is looked up for those only (not for every open case)."""
    return UrgencyChange.objects.filter(
        organization=member.organization_id, level__in=levels
    ).values("case")


def cases_needing_attention(member) -> dict:
    """Open cases judged urgent or needing attention: all of them for a supervisor, else one's own."""
    latest = UrgencyChange.objects.filter(case=OuterRef("pk")).order_by("-changed_at", "-pk")
    cases = (
        cases_for(member)
        .filter(status__in=OPEN_STATUSES, pk__in=_ever(member, Urgency.URGENT, Urgency.ATTENTION))
        .annotate(
            urgency=Subquery(latest.values("level")[:1]),
            meeting_due_on=Subquery(latest.values("meeting_due_on")[:1]),
        )
        .filter(urgency__in=[Urgency.URGENT, Urgency.ATTENTION])
    )
    if member.role != Role.SUPERVISOR:
        cases = cases.filter(Q(primary_staff=member) | Q(secondary_staff=member))
    rows = list(cases.order_by("meeting_due_on")[:30])
    rows.sort(key=lambda c: c.urgency != Urgency.URGENT)  # urgent ones first
    return {"urgent_cases": rows}


def register() -> None:
    from yorisoi.core.home import register_panel

    extensions.register_panel(
        extensions.CasePanel(
            "assessments/panels/banner.html", banner, "banner", 10, needs=banner_needs
        )
    )
    extensions.register_panel(
        extensions.CasePanel("assessments/panels/side.html", side, "side", 10, needs=side_needs)
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "assessment",
            _("Assessments"),
            _assessments,
            "assessed_on",
            "assessments/includes/timeline_assessment.html",
            30,
        )
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "urgency",
            _("Urgency"),
            _urgency,
            "changed_at",
            "assessments/includes/timeline_urgency.html",
            40,
        )
    )
    register_panel(
        "assessments/panels/home.html", cases_needing_attention, model="cases.Case", order=5
    )
    register_due()


def _urgent_without_meeting(member, today):
    """Cases judged urgent with no case meeting held since."""
    scope = cases_in_scope(member)
    from django.db.models import Exists
    from django.db.models.functions import TruncDate

    from yorisoi.meetings.models import CaseMeeting

    latest = UrgencyChange.objects.filter(case=OuterRef("pk")).order_by("-changed_at", "-pk")
    cases = (
        scope.filter(pk__in=_ever(member, Urgency.URGENT))
        .annotate(
            urgency=Subquery(latest.values("level")[:1]),
            urgent_on=Subquery(latest.annotate(on=TruncDate("changed_at")).values("on")[:1]),
            meeting_due_on=Subquery(latest.values("meeting_due_on")[:1]),
        )
        .filter(urgency=Urgency.URGENT)
    )
    met = CaseMeeting.objects.filter(case=OuterRef("pk"), held_on__gte=OuterRef("urgent_on"))
    cases = (
        cases.annotate(met=Exists(met))
        .filter(met=False)
        .select_related("person")
        .order_by(F("meeting_due_on").asc(nulls_last=True), "pk")
    )
    return DueRows(
        cases, lambda c: DueItem("urgent", c, c.meeting_due_on, _("Urgent: hold a case meeting"))
    )


def register_due() -> None:
    from yorisoi.due import registry as due

    due.register(due.DueKind("urgent", _("Urgent without a meeting"), _urgent_without_meeting, 10))
