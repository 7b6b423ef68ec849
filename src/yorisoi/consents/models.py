"""Consent (同意): what the person or family agreed to, with whom, for what, until when."""

from datetime import date
from typing import ClassVar, Self

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from yorisoi.agencies.choices import AgencyCategory
from yorisoi.cases.models.policies import CaseRecord
from yorisoi.core.scoping import TenantQuerySet
from yorisoi.organizations.fields import staff_field


class ConsentKind(models.TextChoices):
    PERSONAL_INFORMATION = "personal_information", _("Handling of personal information")
    SHARING = "sharing", _("Sharing with an agency")
    # Attendance at 居場所 and family meetings appears on the case only under this consent.
    PROGRAMS = "programs", _("Recording taking part in programs on the case")
    OTHER = "other", _("Other")


class SharingPurpose(models.TextChoices):
    """Why information goes to another agency; a consent names the purposes it covers."""

    REFERRAL = "referral", _("Referral to the agency's support")
    COORDINATION = "coordination", _("Coordinating support together")
    CASE_MEETING = "case_meeting", _("Discussing the case at a meeting")


class InformationItem(models.TextChoices):
    """The sections of a record that may go with a referral; a consent names those it covers."""

    IDENTITY = "identity", _("Name, date of birth and contact details")
    HOUSEHOLD = "household", _("Family and household")
    CONSULTATION = "consultation", _("The consultation and its history")
    HEALTH = "health", _("Health and medical history")
    ASSESSMENT = "assessment", _("Assessment and urgency")
    PLAN = "plan", _("Support plan and goals")


class ConsentGiver(models.TextChoices):
    PERSON = "person", _("The person")
    FAMILY = "family", _("A family member")


class ConsentQuerySet(TenantQuerySet["Consent"]):
    def in_force(self, on: date | None = None) -> Self:
        """In force on that day: given by then, not yet expired, not yet withdrawn."""
        day = on or timezone.localdate()
        return self.filter(given_on__lte=day).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=day),
            Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
        )


ConsentManager = models.Manager.from_queryset(ConsentQuerySet)


class Consent(CaseRecord):
    """One consent, recorded as given; withdrawal is recorded, never erased."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="consents", verbose_name=_("case")
    )
    kind = models.CharField(_("kind"), max_length=30, choices=ConsentKind.choices)
    given_by = models.CharField(_("given by"), max_length=20, choices=ConsentGiver.choices)
    given_by_member = models.ForeignKey(
        "cases.HouseholdMember",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("family member who gave it"),
    )
    given_on = models.DateField(_("given on"))
    scope = models.TextField(
        _("what it covers"), help_text=_("Which information, in the words explained to them.")
    )
    recipient = models.CharField(
        _("shared with"),
        max_length=200,
        blank=True,
        help_text=_("For sharing: the agency the information may go to."),
    )
    purpose = models.CharField(_("for what purpose"), max_length=300, blank=True)
    # For sharing: what the gate on referrals checks (agency or category, purposes, items).
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        verbose_name=_("agency in the directory"),
    )
    agency_category = models.CharField(
        _("or any agency of this category"),
        max_length=30,
        choices=AgencyCategory.choices,
        blank=True,
    )
    purposes = models.JSONField(_("purposes covered"), default=list, blank=True)
    items = models.JSONField(_("information covered"), default=list, blank=True)
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_note = models.CharField(_("about the withdrawal"), max_length=500, blank=True)
    recorded_by = staff_field(_("recorded by"), null=True, blank=True)

    objects: ClassVar[ConsentManager] = ConsentManager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.given_on})"

    def is_in_force(self, on: date | None = None) -> bool:
        day = on or timezone.localdate()
        return (
            self.given_on <= day
            and (self.withdrawn_on is None or self.withdrawn_on > day)
            and (self.expires_on is None or self.expires_on >= day)
        )

    def purpose_labels(self) -> list[str]:
        return [str(SharingPurpose(p).label) for p in self.purposes if p in SharingPurpose]

    def item_labels(self) -> list[str]:
        return [str(InformationItem(i).label) for i in self.items if i in InformationItem]

    @property
    def recipient_label(self) -> str:
        """Whom sharing may go to: the directory entry, else the category, else as written."""
        if self.agency_id:
            return str(self.agency)
        if self.agency_category:
            return str(_("any %(category)s") % {"category": self.get_agency_category_display()})
        return self.recipient

    @property
    def giver_label(self) -> str:
        if self.given_by == ConsentGiver.FAMILY and self.given_by_member_id:
            return str(self.given_by_member)
        return self.get_given_by_display()
