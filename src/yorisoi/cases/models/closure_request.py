"""A request to close a case, where the organization asks for a supervisor's approval."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import ApprovalStatus, CloseReason
from yorisoi.cases.models.policies import CaseRecord


class ClosureRequest(CaseRecord):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="closure_requests"
    )
    requested_by = models.ForeignKey(
        "organizations.Membership", on_delete=models.PROTECT, null=True, related_name="+"
    )
    closed_on = models.DateField(_("closed on"))
    close_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices
    )
    details = models.JSONField(
        _("details"), default=dict
    )  # note and follow-up, as the form gave them
    status = models.CharField(
        _("status"),
        max_length=20,
        default="pending",
        choices=ApprovalStatus.choices,
    )
    decided_by = models.ForeignKey(
        "organizations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("closure request")
        verbose_name_plural = _("closure requests")
        ordering = ["-pk"]
