"""Handovers (引継ぎ): a case moving to another primary worker, with the summary given."""

from typing import ClassVar, Self

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CaseRecord
from yorisoi.core.scoping import TenantQuerySet
from yorisoi.handovers.choices import HandoverReason
from yorisoi.organizations.fields import staff_field


class HandoverQuerySet(TenantQuerySet["Handover"]):
    def pending(self) -> Self:
        """Not yet acknowledged by the new worker, and not replaced by a later handover."""
        return self.filter(acknowledged_at__isnull=True, superseded_by__isnull=True)


HandoverManager = models.Manager.from_queryset(HandoverQuerySet)


class Handover(CaseRecord):
    """One handover of a case; its summary is the case as it stood that day, kept unchanged."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="handovers", verbose_name=_("case")
    )
    from_staff = staff_field(
        _("handed over by"),
        related_name="handovers_given",
        null=True,
        blank=True,
        help_text=_("The primary worker until the handover (none if the case had none)."),
    )
    to_staff = staff_field(_("new primary worker"), related_name="handovers_received")
    reason = models.CharField(_("reason"), max_length=20, choices=HandoverReason.choices)
    note = models.TextField(_("note for the new worker"), blank=True)
    handed_over_on = models.DateField(_("handed over on"))
    # The summary as built on the day (see summary.build_summary): it never changes after.
    summary = models.JSONField(_("handover summary"), default=dict, editable=False)
    made_by = staff_field(_("recorded by"), null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    acknowledged_by = staff_field(_("acknowledged by"), null=True, blank=True)
    acknowledgement_note = models.TextField(_("note on acknowledging"), blank=True)
    # A later handover of the case made before this one was acknowledged.
    superseded_by = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("replaced by"),
    )

    objects: ClassVar[HandoverManager] = HandoverManager()

    class Meta:
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")
        ordering = ["-handed_over_on", "-pk"]
        indexes = [
            models.Index(
                fields=["organization", "to_staff", "acknowledged_at"], name="handover_org_to"
            ),
            models.Index(fields=["case", "-created_at"], name="handover_case_time"),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.handed_over_on}"

    @property
    def is_pending(self) -> bool:
        return self.acknowledged_at is None and self.superseded_by_id is None
