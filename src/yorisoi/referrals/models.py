"""Referrals (紹介・つなぎ) out and in, and the record of every provision of personal data."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CaseRecord
from yorisoi.consents.models import InformationItem, SharingPurpose
from yorisoi.core.models import TenantModel
from yorisoi.core.roles import Role
from yorisoi.core.scoping import AccessPolicy
from yorisoi.organizations.fields import staff_field
from yorisoi.referrals.choices import (
    Basis,
    Channel,
    IncomingStatus,
    ReferralStatus,
    SenderConsent,
    SupportStarted,
)


def item_labels(items) -> list[str]:
    return [str(InformationItem(i).label) for i in items if i in InformationItem]


def sections(disclosed: dict) -> list[tuple[str, list]]:
    """What was disclosed, as (section label, [label, value, …] rows), in the items' order."""
    return [(str(InformationItem(k).label), rows) for k, rows in disclosed.items()]


class Referral(CaseRecord):
    """A referral out: to which agency, why, with which information, on what ground."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="referrals", verbose_name=_("case")
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("referred to"),
    )
    # Set when the agency is an organization on this installation: the referral reaches it.
    to_organization = models.ForeignKey(
        "organizations.Organization",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    referred_on = models.DateField(_("referred on"))
    reason = models.TextField(_("why"))
    purpose = models.CharField(_("purpose"), max_length=20, choices=SharingPurpose.choices)
    items = models.JSONField(_("information sent"), default=list, blank=True)
    channel = models.CharField(_("referral channel"), max_length=20, choices=Channel.choices)
    basis = models.CharField(_("ground for sharing"), max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        "consents.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("consent"),
    )
    council = models.ForeignKey(
        "agencies.SupportCouncil",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="referrals",
        verbose_name=_("support council"),
    )
    emergency_reason = models.TextField(_("why consent could not be obtained"), blank=True)
    # What went with the referral, as it was on the day (what the receiving side may see).
    disclosed = models.JSONField(default=dict, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=ReferralStatus.choices, default=ReferralStatus.SENT
    )
    answer_note = models.TextField(_("the other organization's answer"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    follow_up_on = models.DateField(_("ask whether support started on"), null=True, blank=True)
    support_started = models.CharField(
        _("did support start?"), max_length=10, choices=SupportStarted.choices, blank=True
    )
    follow_up_note = models.TextField(_("about the follow-up"), blank=True)
    followed_up_on = models.DateField(_("followed up on"), null=True, blank=True)
    previous = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="re_referrals",
        verbose_name=_("referred again after"),
    )
    made_by = staff_field(_("referred by"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["organization", "follow_up_on"], name="referral_follow_up")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.referred_on} → {self.agency}"

    def item_labels(self) -> list[str]:
        return item_labels(self.items)

    def disclosed_sections(self):
        return sections(self.disclosed)


class IncomingReferral(CaseRecord):
    """A referral in: from an agency outside, or from an organization on this installation.

    For an organization on this installation, ``disclosed`` holds exactly what the sender's
    consent allowed; nothing else of the sender's record is ever reachable from here.
    """

    received_on = models.DateField(_("received on"))
    from_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency in the directory"),
    )
    from_name = models.CharField(_("referred by"), max_length=200)
    from_person = models.CharField(_("their contact person"), max_length=100, blank=True)
    what_they_said = models.TextField(_("what they told us"), blank=True)
    sender_consent = models.CharField(
        _("the person's consent to share"), max_length=20, choices=SenderConsent.choices
    )
    consent_confirmed_on = models.DateField(
        _("consent confirmed with the person on"), null=True, blank=True
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="incoming_referrals",
        verbose_name=_("case"),
    )
    source = models.OneToOneField(
        Referral,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="incoming",
        editable=False,
    )
    items = models.JSONField(_("information received"), default=list, blank=True, editable=False)
    disclosed = models.JSONField(default=dict, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=IncomingStatus.choices, default=IncomingStatus.RECEIVED
    )
    decision_note = models.TextField(_("reason"), blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decided_by = staff_field(_("decided by"), null=True, blank=True)

    class Meta:
        verbose_name = _("referral received")
        verbose_name_plural = _("referrals received")
        ordering = ["-received_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.received_on} ← {self.from_name}"

    @property
    def needs_consent_check(self) -> bool:
        return self.sender_consent != SenderConsent.CONFIRMED and not self.consent_confirmed_on

    def item_labels(self) -> list[str]:
        return item_labels(self.items)

    def disclosed_sections(self):
        return sections(self.disclosed)


class ProvisionRecord(TenantModel):
    """The record of one provision of personal data to a third party (第三者提供の記録).

    Kept for every route (referral, support council, emergency, another organization here):
    date, recipient, whose data, which items, and the consent or legal basis.
    """

    provided_on = models.DateField(_("provided on"))
    recipient = models.CharField(_("recipient"), max_length=200)
    agency = models.ForeignKey(
        "agencies.Agency", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="provisions", verbose_name=_("case")
    )
    person = models.ForeignKey(
        "cases.Person", on_delete=models.PROTECT, related_name="+", verbose_name=_("whose data")
    )
    items = models.JSONField(_("items provided"), default=list)
    basis = models.CharField(_("ground"), max_length=20, choices=Basis.choices)
    consent = models.ForeignKey(
        "consents.Consent",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent"),
    )
    council = models.ForeignKey(
        "agencies.SupportCouncil",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("support council"),
    )
    emergency_reason = models.TextField(_("emergency reason"), blank=True)
    referral = models.OneToOneField(
        Referral, on_delete=models.PROTECT, related_name="provision", verbose_name=_("referral")
    )
    recorded_by = staff_field(_("recorded by"), null=True, blank=True)

    access_policy = AccessPolicy(view={Role.SUPERVISOR})
    audit_reads = True

    class Meta:
        verbose_name = _("provision record")
        verbose_name_plural = _("provision records")
        ordering = ["-provided_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.provided_on} → {self.recipient}"

    def item_labels(self) -> list[str]:
        return item_labels(self.items)

    @property
    def basis_label(self) -> str:
        """The ground as the commission expects it written: which consent, which law."""
        if self.basis == Basis.CONSENT and self.consent is not None:
            return f"{self.get_basis_display()} ({self.consent.given_on:%Y-%m-%d})"
        if self.basis == Basis.COUNCIL and self.council is not None:
            return f"{self.council} ({self.council.get_legal_basis_display()})"
        return self.get_basis_display()
