"""Case meetings (ケース支援会議): who met, what was discussed and decided, who does what by when."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.core.models import TenantModel
from yorisoi.organizations.fields import staff_field


class MeetingKind(models.TextChoices):
    INTERNAL = "internal", _("Internal")
    MULTI_AGENCY = "multi_agency", _("With other agencies")


class SupportPolicy(models.TextChoices):
    """The support policy decided (seed 002's outcomes after the first interview)."""

    INDIVIDUAL = "individual", _("Individual consultation")
    FAMILY_GROUP = "family_group", _("Family meetings")
    BOTH = "both", _("Individual consultation and family meetings")
    ADVICE_ONLY = "advice_only", _("Advice only, then close")
    REFERRAL = "referral", _("Refer to another agency")
    OTHER = "other", _("Other")


class CaseMeeting(CaseRecord):
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="meetings", verbose_name=_("case")
    )
    held_on = models.DateField(_("held on"))
    kind = models.CharField(
        _("kind"), max_length=20, choices=MeetingKind.choices, default=MeetingKind.INTERNAL
    )
    difficult_case_review = models.BooleanField(
        _("review of a difficult case by several staff"),
        default=False,
        help_text=_("Several staff look at the case together and check the support so far."),
    )
    matters = models.TextField(_("what was discussed"))
    support_policy = models.CharField(
        _("support policy decided"), max_length=20, choices=SupportPolicy.choices, blank=True
    )
    policy_note = models.TextField(_("about the policy"), blank=True)
    recorded_by = staff_field(_("recorded by"), null=True, blank=True)

    class Meta:
        verbose_name = _("case meeting")
        verbose_name_plural = _("case meetings")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.held_on}"


class Attendee(TenantModel):
    """A staff member, or a person from another agency typed in by name."""

    meeting = models.ForeignKey(CaseMeeting, on_delete=models.CASCADE, related_name="attendees")
    staff = staff_field(_("staff member"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True)
    agency = models.CharField(_("agency"), max_length=200, blank=True)
    # The directory entry the typed agency name was matched to, if any (for the team view).
    directory_agency = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("agency in the directory"),
    )

    access_policy = CASE_RECORDS
    audit_changes = False  # part of the meeting record

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["pk"]

    def __str__(self) -> str:
        if self.staff is not None:
            return str(self.staff.user)
        return f"{self.name}（{self.agency}）" if self.agency else self.name


class MeetingAction(TenantModel):
    """Who does what by when, as decided in a meeting."""

    meeting = models.ForeignKey(CaseMeeting, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(pgettext_lazy("meeting action", "What"), max_length=300)
    owner = staff_field(
        pgettext_lazy("meeting action", "Who"),
        related_name="meeting_actions",
        null=True,
        blank=True,
    )
    owner_name = models.CharField(_("who (another agency)"), max_length=100, blank=True)
    due_on = models.DateField(pgettext_lazy("meeting action", "By"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    access_policy = CASE_RECORDS

    class Meta:
        verbose_name = _("meeting action")
        verbose_name_plural = _("meeting actions")
        ordering = ["due_on", "pk"]
        indexes = [
            models.Index(fields=["organization", "done_on", "due_on"], name="action_org_due")
        ]

    def __str__(self) -> str:
        return self.what
