"""The intake queue (相談申込): first contacts waiting to be taken up."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.choices import (
    AgeBand,
    FirstConsulter,
    InquiryChannel,
    InquiryStatus,
    PreferredContact,
    Sex,
)
from yorisoi.cases.models.policies import CaseRecord
from yorisoi.organizations.fields import staff_field


class Inquiry(CaseRecord):
    """Who called or wrote, about whom, and how they wish to be contacted."""

    received_at = models.DateTimeField(_("received at"))
    channel = models.CharField(_("channel"), max_length=20, choices=InquiryChannel.choices)
    caller_name = models.CharField(_("caller's name"), max_length=100, blank=True)
    caller_relation = models.CharField(
        _("caller is"), max_length=30, choices=FirstConsulter.choices
    )
    caller_phone = models.CharField(_("caller's phone"), max_length=40, blank=True)
    caller_email = models.EmailField(_("caller's e-mail"), blank=True)
    preferred_contact = models.CharField(
        _("preferred way to be contacted"),
        max_length=20,
        choices=PreferredContact.choices,
        default=PreferredContact.PHONE,
    )
    preferred_time = models.CharField(_("convenient times"), max_length=200, blank=True)
    about = models.TextField(_("what they want to talk about"))
    referred_by = models.CharField(_("referred by"), max_length=200, blank=True)
    person_name = models.CharField(_("person's name"), max_length=100, blank=True)
    person_name_kana = models.CharField(_("person's name (furigana)"), max_length=100, blank=True)
    person_sex = models.CharField(_("person's sex"), max_length=20, choices=Sex.choices, blank=True)
    person_birth_date = models.DateField(_("person's date of birth"), null=True, blank=True)
    person_age = models.PositiveSmallIntegerField(
        _("person's age as told"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(120)],
        help_text=_("When the caller gives an age (「28歳」): kept as said, with the date."),
    )
    person_age_band = models.CharField(
        _("person's age band"), max_length=10, choices=AgeBand.choices, blank=True
    )
    person_municipality = models.CharField(_("person's municipality"), max_length=100, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InquiryStatus.choices, default=InquiryStatus.WAITING
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inquiries",
        verbose_name=_("case"),
    )
    received_by = staff_field(_("received by"), null=True, blank=True)
    closing_note = models.CharField(_("why closed without a case"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["organization", "status"], name="inquiry_org_status")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"
