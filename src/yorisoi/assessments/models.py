"""Assessments (見立て): dated records, never overwritten, and the case's urgency over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import RiskItem, Urgency
from yorisoi.cases.models.policies import CASE_RECORDS
from yorisoi.core.models import TenantModel


class Assessment(TenantModel):
    """One assessment of a case on one day; a later one is a new record that starts from it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="assessments", verbose_name=_("case")
    )
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = models.ForeignKey(
        "organizations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    body_and_habits = models.TextField(_("body and daily habits"), blank=True)
    mind_and_feelings = models.TextField(_("mind and feelings"), blank=True)
    social_environment = models.TextField(_("social environment and relations"), blank=True)
    family_relations = models.TextField(_("family relations"), blank=True)
    key_person = models.ForeignKey(
        "cases.HouseholdMember",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("key person"),
    )
    strengths_and_interests = models.TextField(
        _("the person's strengths and interests"), blank=True
    )
    person_wishes = models.TextField(
        _("what the person wants"),
        blank=True,
        help_text=_("In the person's own words, as far as they have said it."),
    )
    family_wishes = models.TextField(_("what the family wants"), blank=True)
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NONE
    )
    urgency_reason = models.TextField(_("reason for the urgency"), blank=True)

    access_policy = CASE_RECORDS
    audit_reads = True

    class Meta:
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.assessed_on}"


class RiskFinding(TenantModel):
    """A risk item found in an assessment, with what was seen or heard."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="risks")
    item = models.CharField(_("risk"), max_length=30, choices=RiskItem.choices)
    note = models.CharField(_("what was seen or heard"), max_length=500, blank=True)

    access_policy = CASE_RECORDS
    audit_changes = False  # written with its assessment, whose creation is logged

    class Meta:
        verbose_name = _("risk finding")
        verbose_name_plural = _("risk findings")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="one_finding_per_item")
        ]


class UrgencyChange(TenantModel):
    """A change of the case's urgency: the latest one is the current level."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="urgency_changes",
        verbose_name=_("case"),
    )
    level = models.CharField(_("urgency"), max_length=20, choices=Urgency.choices)
    reason = models.TextField(_("reason"))
    changed_at = models.DateTimeField(_("when"))
    changed_by = models.ForeignKey(
        "organizations.Membership",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessment"),
    )
    meeting_due_on = models.DateField(_("case meeting due by"), null=True, blank=True)

    access_policy = CASE_RECORDS
    audit_reads = True

    class Meta:
        verbose_name = _("urgency change")
        verbose_name_plural = _("urgency history")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["case", "-changed_at"], name="urgency_case_time")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.changed_at:%Y-%m-%d})"
