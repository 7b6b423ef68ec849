"""The case (相談ケース): one person's support in one organization, and its events."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import (
    AgeBand,
    CaseStatus,
    CloseReason,
    FirstChannel,
    FirstConsulter,
    PersonContact,
    ReferralRoute,
    SupportStage,
)
from yorisoi.cases.models.people import Household, HouseholdMember, Person
from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.core.models import TenantModel
from yorisoi.organizations.fields import staff_field


class Case(CaseRecord):
    """A case may be complete with only a family member known: the person may never appear."""

    number = models.CharField(_("case number"), max_length=30)
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="cases", verbose_name=_("person")
    )
    household = models.ForeignKey(
        Household,
        on_delete=models.PROTECT,
        related_name="cases",
        null=True,
        blank=True,
        verbose_name=_("household"),
    )
    first_consulter = models.CharField(
        _("first consulted by"), max_length=30, choices=FirstConsulter.choices
    )
    first_consulter_member = models.ForeignKey(
        HouseholdMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("household member who consulted"),
    )
    first_channel = models.CharField(
        _("first consultation channel"), max_length=20, choices=FirstChannel.choices, blank=True
    )
    referral_route = models.CharField(
        _("referral route"), max_length=20, choices=ReferralRoute.choices, blank=True
    )
    referral_source = models.CharField(
        _("referred by"),
        max_length=200,
        blank=True,
        help_text=_("The agency or person who suggested consulting us, if any."),
    )
    # The directory entry ``referral_source`` names, when it names one (set by the services).
    referral_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        verbose_name=_("referring agency in the directory"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.INTAKE
    )
    stage = models.CharField(
        _("support stage"), max_length=20, choices=SupportStage.choices, default=SupportStage.FAMILY
    )
    person_contact = models.CharField(
        _("contact with the person"),
        max_length=20,
        choices=PersonContact.choices,
        default=PersonContact.NONE,
    )
    primary_staff = staff_field(
        _("primary worker"), related_name="primary_cases", null=True, blank=True
    )
    secondary_staff = staff_field(
        _("second worker"), related_name="secondary_cases", null=True, blank=True
    )
    opened_on = models.DateField(_("opened on"))
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    close_reason = models.CharField(
        _("reason for closing"), max_length=20, choices=CloseReason.choices, blank=True
    )
    summary = models.TextField(_("what the consultation is about"), blank=True)
    # Kept up by the caseworkers; goes into every handover summary (issue point 29).
    what_helps = models.TextField(
        _("what has helped"),
        blank=True,
        help_text=_("Ways of approaching the person and family that have worked."),
    )
    what_to_avoid = models.TextField(
        _("what to avoid"),
        blank=True,
        help_text=_("Words, topics or ways of contact that upset or pushed them away."),
    )
    # The person's age band when the case opened: what annual statistics count.
    age_band_at_opening = models.CharField(
        _("age band at opening"), max_length=10, choices=AgeBand.choices, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-opened_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"],
                name="case_number_unique_per_org",
                violation_error_message=_("This case number is already in use."),
            )
        ]
        indexes = [
            models.Index(fields=["organization", "status", "-opened_on"], name="case_org_status"),
            models.Index(fields=["organization", "primary_staff"], name="case_org_primary"),
        ]

    def __str__(self) -> str:
        return self.number

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.number}"

    def save(self, *args, **kwargs):
        self.fill_age_band_at_opening()
        super().save(*args, **kwargs)

    def fill_age_band_at_opening(self) -> None:
        """Keep the age band of the opening day (also before a bulk insert, which skips save)."""
        if self.person_id and not self.age_band_at_opening:
            self.age_band_at_opening = self.person.age_band_on(self.opened_on)


class CaseEvent(TenantModel):
    """Something that happened to the case itself (opened, status or staff changed, reopened)."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Case opened")
        CLOSED = "closed", _("Case closed")
        REOPENED = "reopened", _("Case reopened")
        CHECK_IN = "check_in", _("Follow-up check-in")
        APPROVAL = "approval", _("Approval")
        STATUS = "status", _("Status changed")
        STAGE = "stage", _("Support stage changed")
        STAFF = "staff", _("Staff assigned")
        PERSON_CONTACT = "person_contact", _("Contact with the person changed")
        IMPORTED = "imported", _("Imported from a ledger")
        NOTE = "note", _("Note")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    occurred_at = models.DateTimeField(_("when"))
    text = models.CharField(_("what happened"), max_length=500)
    by = staff_field(_("by"), null=True, blank=True)

    access_policy = CASE_RECORDS

    class Meta:
        verbose_name = _("case event")
        verbose_name_plural = _("case events")
        ordering = ["-occurred_at", "-pk"]
