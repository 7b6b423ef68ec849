"""What the cases app puts on the due lists: follow-up check-ins and closures to approve."""

from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import ApprovalStatus
from yorisoi.cases.models import ClosureRequest, FollowUp
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.roles import Role
from yorisoi.due.registry import DueItem, DueKind, DueRows, register


def _check_ins(member, today):
    # Follow-ups belong to closed cases, so the scope here includes those.
    rows = (
        FollowUp.objects.for_member(member)
        .filter(
            ended_on__isnull=True,
            next_check_on__lte=today,
            case__in=cases_in_scope(member, open_only=False),
        )
        .select_related("case__person")
        .order_by("next_check_on", "pk")
    )
    return DueRows(
        rows,
        lambda f: DueItem(
            "check_in", f.case, f.next_check_on, _("A gentle check-in after closing")
        ),
    )


def _closures_to_approve(member, today):
    rows = (
        ClosureRequest.objects.for_member(member)
        .filter(status=ApprovalStatus.PENDING)
        .select_related("case__person", "requested_by__user")
        .order_by("created_at", "pk")
    )
    return DueRows(
        rows,
        lambda r: DueItem(
            "closure_approval",
            r.case,
            None,
            _("Closing asked by %(who)s: %(reason)s")
            % {
                "who": r.requested_by.user if r.requested_by else "—",
                "reason": r.get_close_reason_display(),
            },
            obj=r,
        ),
    )


def register_due() -> None:
    register(
        DueKind(
            "closure_approval",
            _("Closing waiting for your approval"),
            _closures_to_approve,
            order=2,
            roles=frozenset({Role.SUPERVISOR}),
            template="cases/due/closure_approval.html",
        )
    )
    register(DueKind("check_in", _("Follow-up check-ins"), _check_ins, 60))
