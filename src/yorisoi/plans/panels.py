from django.db.models import OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from yorisoi.cases import extensions
from yorisoi.cases.choices import ApprovalStatus
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.bundle import Rows
from yorisoi.core.roles import Role
from yorisoi.due.registry import DueItem, DueRows
from yorisoi.plans.models import PlanReview, SupportPlan


def side_needs(case, member) -> dict:
    latest = SupportPlan.objects.filter(case=OuterRef("pk")).order_by("-number")
    return {"plans.latest": Rows(latest[:1], many=("goals",))}


def side(case, member, found) -> dict:
    return {"latest": next(iter(found["plans.latest"]), None)}


def _plans(before, limit):
    rows = SupportPlan.objects.filter(
        case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows[:limit], many=("goals",))


def _reviews(before, limit):
    rows = PlanReview.objects.filter(
        plan__case=OuterRef("pk"), **({"created_at__lt": before} if before else {})
    )
    return Rows(rows.select_related("plan")[:limit])


def register() -> None:
    extensions.register_panel(
        extensions.CasePanel("plans/panels/side.html", side, "side", 15, needs=side_needs)
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "plan",
            _("Support plans"),
            _plans,
            "made_on",
            "plans/includes/timeline_plan.html",
            33,
        )
    )
    extensions.register_timeline_kind(
        extensions.TimelineKind(
            "plan_review",
            _("Plan reviews"),
            _reviews,
            "reviewed_on",
            "plans/includes/timeline_review.html",
            34,
        )
    )
    register_due()


def _reviews_due(member, today):
    """The latest plan of a case whose review date has passed with no review since."""
    scope = cases_in_scope(member)
    from django.db.models import Exists, OuterRef

    newer = SupportPlan.objects.filter(case=OuterRef("case"), number__gt=OuterRef("number"))
    reviewed = PlanReview.objects.filter(plan=OuterRef("pk"))
    plans = (
        SupportPlan.objects.for_member(member)
        .filter(case__in=scope, review_on__lt=today)
        .annotate(superseded=Exists(newer), reviewed=Exists(reviewed))
        .filter(superseded=False, reviewed=False)
        .select_related("case__person")
        .order_by("review_on", "pk")
    )
    return DueRows(
        plans, lambda p: DueItem("plan_review", p.case, p.review_on, _("Review the support plan"))
    )


def _plans_to_approve(member, today):
    plans = (
        SupportPlan.objects.for_member(member)
        .filter(approval=ApprovalStatus.PENDING)
        .select_related("case__person")
        .order_by("made_on", "pk")
    )
    return DueRows(
        plans,
        lambda p: DueItem(
            "plan_approval",
            p.case,
            None,
            _("Support plan, version %(n)s") % {"n": p.number},
            url=reverse("plans:plan_detail", args=[p.pk]),
        ),
    )


def register_due() -> None:
    from yorisoi.due import registry as due

    due.register(
        due.DueKind(
            "plan_approval",
            _("Plans waiting for your approval"),
            _plans_to_approve,
            order=3,
            roles=frozenset({Role.SUPERVISOR}),
        )
    )
    due.register(due.DueKind("plan_review", _("Plan reviews past due"), _reviews_due, 20))
