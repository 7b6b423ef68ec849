"""Contact records (支援記録票): every call, visit, letter and meeting, with its history."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.contacts.choices import Channel, Outcome, Reached
from yorisoi.core.models import TenantModel
from yorisoi.organizations.fields import staff_field


class ContactRecord(CaseRecord):
    """One contact: when, how, with whom, which staff, who was reached and what happened."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="contacts",
        verbose_name=_("case"),
    )
    occurred_at = models.DateTimeField(_("when"))
    duration_minutes = models.PositiveIntegerField(
        _("minutes"), null=True, blank=True, validators=[MaxValueValidator(24 * 60)]
    )
    channel = models.CharField(_("how"), max_length=20, choices=Channel.choices)
    with_person = models.BooleanField(_("with the person"), default=False)
    with_members = models.ManyToManyField(
        "cases.HouseholdMember",
        blank=True,
        related_name="contacts",
        verbose_name=_("with household members"),
    )
    with_agencies = models.CharField(_("with agencies"), max_length=300, blank=True)
    staff = models.ManyToManyField(
        "organizations.Membership", related_name="contacts", verbose_name=_("staff")
    )
    lone_visit_reason = models.CharField(
        _("why one staff member went alone"), max_length=300, blank=True
    )
    # Imported ledgers: a row that named no staff, or names of staff who are not members now.
    # The staff field holds only current members; these keep what the ledger said.
    staff_not_recorded = models.BooleanField(
        _("staff not recorded"),
        default=False,
        help_text=_("The ledger this record was imported from named no staff."),
    )
    staff_as_recorded = models.CharField(
        _("staff as recorded in the ledger"),
        max_length=200,
        blank=True,
        help_text=_("Names in an imported ledger that are not members of the organization now."),
    )
    # Visits to a household where violence was recorded (handbook point 43): who else knew.
    visit_known_by = models.CharField(
        _("who else knows about this visit"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who at the office, or elsewhere, knows where you went and when you will be back."
        ),
    )
    reached = models.CharField(_("who was reached"), max_length=20, choices=Reached.choices)
    outcome = models.CharField(_("how it went"), max_length=20, choices=Outcome.choices)
    summary = models.TextField(_("what happened"))
    next_action = models.CharField(_("next action"), max_length=500, blank=True)
    next_action_on = models.DateField(_("next action by"), null=True, blank=True)
    recorded_by = staff_field(_("recorded by"), null=True, blank=True)
    updated_by = staff_field(_("last saved by"), null=True, blank=True)
    # Normalized summary and next action: what note search indexes (core.search).
    search_text = models.TextField(blank=True, editable=False)

    class Meta:
        verbose_name = _("contact record")
        verbose_name_plural = _("contact records")
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(fields=["case", "-occurred_at"], name="contact_case_time"),
            models.Index(fields=["organization", "-occurred_at"], name="contact_org_time"),
            models.Index(fields=["organization", "next_action_on"], name="contact_org_next"),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"


class ContactRecordVersion(TenantModel):
    """An earlier state of a contact record, kept at every edit."""

    contact = models.ForeignKey(ContactRecord, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    data = models.JSONField(_("content"))
    saved_by = staff_field(_("saved by"), null=True)
    saved_at = models.DateTimeField(_("saved at"))

    access_policy = CASE_RECORDS
    audit_changes = False  # the edit of the record itself is what the audit log shows
    audit_reads = True

    class Meta:
        verbose_name = _("earlier version of a contact record")
        verbose_name_plural = _("earlier versions of contact records")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["contact", "number"], name="contact_version_unique")
        ]


class CaseContactState(TenantModel):
    """Where a case's contact stands, kept up to date from its contact records (contacts.state):
    the last contact that reached the person or family, and the meetings called off since.

    The start page's due lists ask this of every open case; read from the contact records each
    time, that was a scan of all of them (seconds at a million records).
    """

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="contact_state", editable=False
    )
    last_reached_at = models.DateTimeField(_("last reached"), null=True, blank=True)
    cancelled_in_a_row = models.PositiveIntegerField(_("cancelled in a row"), default=0)
    last_cancelled_at = models.DateTimeField(_("last cancelled"), null=True, blank=True)

    access_policy = CASE_RECORDS
    audit_changes = False  # derived from the contact records, whose changes are logged

    class Meta:
        verbose_name = _("contact state of a case")
        verbose_name_plural = _("contact states of cases")
        indexes = [
            models.Index(fields=["organization", "last_reached_at"], name="contact_state_reached"),
            models.Index(
                fields=["organization", "-cancelled_in_a_row"], name="contact_state_cancelled"
            ),
        ]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.case_id}"
