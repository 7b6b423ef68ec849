"""Assessments (見立て): dated records, never overwritten, and the case's urgency over time."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from yorisoi.assessments.choices import (
    HeardFrom,
    MeetingPlace,
    PersonKnows,
    RiskItem,
    Suitability,
    Urgency,
    WishesStatus,
)
from yorisoi.cases.models.policies import CASE_RECORDS, CaseRecord
from yorisoi.contacts.choices import Channel
from yorisoi.core.models import TenantModel
from yorisoi.organizations.fields import staff_field


class Assessment(CaseRecord):
    """One assessment of a case on one day; a later one is a new record that starts from it."""

    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, related_name="assessments", verbose_name=_("case")
    )
    assessed_on = models.DateField(_("assessed on"))
    assessed_by = staff_field(_("assessed by"), null=True, blank=True)
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
    person_wishes_status = models.CharField(
        _("the person's wishes so far"),
        max_length=10,
        choices=WishesStatus.choices,
        blank=True,
        help_text=_("Empty only on assessments made before this was asked."),
    )
    person_wishes_heard = models.CharField(
        _("how the person's wishes were heard"),
        max_length=10,
        choices=HeardFrom.choices,
        blank=True,
    )
    family_wishes = models.TextField(_("what the family wants"), blank=True)
    # The family's own strain (handbook point 24): support walks beside them too.
    family_worn_out = models.BooleanField(_("the family is worn out"), default=False)
    family_impatient = models.BooleanField(_("the family is impatient for change"), default=False)
    family_torn = models.BooleanField(_("the family feels torn or at odds"), default=False)
    family_strain = models.TextField(
        _("the family's own strain"),
        blank=True,
        help_text=_(
            "How the family is holding up: what tires them, what they hurry, where they feel torn."
        ),
    )
    urgency = models.CharField(
        _("urgency"), max_length=20, choices=Urgency.choices, default=Urgency.NONE
    )
    urgency_reason = models.TextField(_("reason for the urgency"), blank=True)

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


class UrgencyChange(CaseRecord):
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
    changed_by = staff_field(_("by"), null=True, blank=True)
    assessment = models.ForeignKey(
        Assessment,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assessment"),
    )
    meeting_due_on = models.DateField(_("case meeting due by"), null=True, blank=True)

    class Meta:
        verbose_name = _("urgency change")
        verbose_name_plural = _("urgency history")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["case", "-changed_at"], name="urgency_case_time")]

    def __str__(self) -> str:
        return f"{self.get_level_display()} ({self.changed_at:%Y-%m-%d})"


class PreInterview(CaseRecord):
    """A pre-interview (事前面接) before the first meeting with the person, usually with the
    family: what was learned, what was explained, and what was agreed about that meeting."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="pre_interviews",
        verbose_name=_("case"),
    )
    held_on = models.DateField(_("held on"))
    held_by = staff_field(_("held by"), null=True, blank=True)
    channel = models.CharField(_("how"), max_length=20, choices=Channel.choices)
    with_person = models.BooleanField(_("with the person"), default=False)
    with_members = models.ManyToManyField(
        "cases.HouseholdMember",
        blank=True,
        related_name="pre_interviews",
        verbose_name=_("with household members"),
    )
    situation = models.TextField(_("what was heard about daily life"), blank=True)
    explained_support = models.BooleanField(_("what support is and what it aims at"), default=False)
    explained_costs = models.BooleanField(_("costs"), default=False)
    explained_accidents = models.BooleanField(_("what happens after an accident"), default=False)
    explained_stopping = models.BooleanField(_("when support stops"), default=False)
    explained_privacy = models.BooleanField(_("how personal information is handled"), default=False)
    person_knows = models.CharField(
        _("does the person know about the meeting"), max_length=20, choices=PersonKnows.choices
    )
    meeting_on = models.DateField(_("first meeting planned for"), null=True, blank=True)
    meeting_place = models.CharField(
        _("where to meet"),
        max_length=20,
        choices=MeetingPlace.choices,
        default=MeetingPlace.UNDECIDED,
    )
    meeting_with = models.CharField(_("who will be there"), max_length=300, blank=True)
    agreed = models.TextField(
        _("what was agreed about the meeting"),
        help_text=_(
            "For example how long, what not to bring up, what the family does, "
            "what happens if the person does not want to meet."
        ),
    )
    suitability = models.CharField(
        _("support here"), max_length=20, choices=Suitability.choices, default=Suitability.PROCEED
    )
    suitability_note = models.TextField(_("why, and where to refer"), blank=True)

    class Meta:
        verbose_name = _("pre-interview")
        verbose_name_plural = _("pre-interviews")
        ordering = ["-held_on", "-pk"]
        indexes = [models.Index(fields=["case", "-held_on"], name="preinterview_case_day")]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.held_on}"

    def explained(self) -> list[str]:
        """The labels of what was explained, in the form's order."""
        names = ("support", "costs", "accidents", "stopping", "privacy")
        fields = [
            self._meta.get_field(f"explained_{n}") for n in names if getattr(self, f"explained_{n}")
        ]
        return [str(f.verbose_name) for f in fields if isinstance(f, models.Field)]
