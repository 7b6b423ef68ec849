"""The supporter registry, training courses and completions, activities, and the people a
supporter works with (only where the person agreed to it)."""

from __future__ import annotations

from typing import Any

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.cases.models.policies import CaseRecord
from yorisoi.core.models import TenantModel
from yorisoi.core.roles import CASE_STAFF, Role
from yorisoi.core.scoping import AccessPolicy, Member, TenantQuerySet
from yorisoi.organizations.fields import staff_field
from yorisoi.programs.models import PROGRAM_STAFF
from yorisoi.supporters.choices import (
    ActivityKind,
    CurriculumTopic,
    SupporterKind,
    SupporterStatus,
)


def _own_record(path: str) -> Any:
    """A supporter's login reaches only the rows of their own registry entry."""

    def narrow(queryset: TenantQuerySet[Any], member: Member, action: str) -> Any:
        if member.role == Role.SUPPORTER:
            return queryset.filter(**{path: member.pk})
        return queryset

    return narrow


class Supporter(TenantModel):
    name = models.CharField(_("name"), max_length=100)
    name_kana = models.CharField(_("name (furigana)"), max_length=100, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=SupporterKind.choices, default=SupporterKind.SUPPORTER
    )
    municipality = models.CharField(_("municipality"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    likes = models.TextField(_("what they like to do"), blank=True)
    can_help = models.TextField(_("what they can help with"), blank=True)
    availability = models.CharField(_("when they can help"), max_length=200, blank=True)
    pledge_signed_on = models.DateField(
        _("confidentiality pledge signed on"),
        null=True,
        blank=True,
        help_text=_("Nobody is assigned to a program or a person before signing it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SupporterStatus.choices, default=SupporterStatus.ACTIVE
    )
    membership = models.OneToOneField(
        "organizations.Membership",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supporter_record",
        verbose_name=_("login"),
        help_text=_("Their supporter login, if they have one."),
    )
    notes = models.TextField(_("notes"), blank=True)

    audit_reads = True  # names and contact details of residents who volunteer
    access_policy = AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF,
        change=PROGRAM_STAFF,
        narrow=_own_record("membership"),
    )

    class Meta:
        verbose_name = _("supporter")
        verbose_name_plural = _("supporters")
        ordering = ["name_kana", "name"]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"

    @property
    def may_be_assigned(self) -> bool:
        return self.pledge_signed_on is not None and self.status == SupporterStatus.ACTIVE


class TrainingCourse(TenantModel):
    """A supporter training course (養成講座) or a follow-up training."""

    name = models.CharField(_("name"), max_length=200)
    held_from = models.DateField(_("held from"))
    held_until = models.DateField(_("held until"), null=True, blank=True)
    topics = models.JSONField(_("curriculum"), default=list, blank=True)
    follow_up = models.BooleanField(_("follow-up training"), default=False)
    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("program"),
        help_text=_("The course's program, when its sessions are kept there."),
    )
    notes = models.TextField(_("notes"), blank=True)

    access_policy = AccessPolicy(view=PROGRAM_STAFF, add=PROGRAM_STAFF, change=PROGRAM_STAFF)

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-held_from", "name"]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.name}"

    def topic_labels(self) -> list[str]:
        return [str(CurriculumTopic(t).label) for t in self.topics if t in CurriculumTopic.values]


class TrainingCompletion(TenantModel):
    course = models.ForeignKey(
        TrainingCourse,
        on_delete=models.CASCADE,
        related_name="completions",
        verbose_name=_("training course"),
    )
    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="completions", verbose_name=_("supporter")
    )
    completed_on = models.DateField(_("completed on"))

    access_policy = AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF,
        change=PROGRAM_STAFF,
        delete=PROGRAM_STAFF,
        narrow=_own_record("supporter__membership"),
    )

    class Meta:
        verbose_name = _("completion")
        verbose_name_plural = _("completions")
        ordering = ["-completed_on"]
        constraints = [
            models.UniqueConstraint(fields=["course", "supporter"], name="completion_once")
        ]


class CaseSupporter(CaseRecord):
    """A supporter works with a case's person, who agreed to it. The supporter's login shows
    only the name or nickname and what the caseworker chose to share."""

    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        related_name="supporters",
        verbose_name=_("case"),
    )
    supporter = models.ForeignKey(
        Supporter, on_delete=models.PROTECT, related_name="cases", verbose_name=_("supporter")
    )
    agreed_on = models.DateField(_("the person agreed on"))
    shown_as = models.CharField(
        _("name shown to the supporter"),
        max_length=50,
        help_text=_("The name or nickname the person is happy for the supporter to use."),
    )
    shared = models.TextField(
        _("shared with the supporter"),
        blank=True,
        help_text=_("Only what helps them help; never the contact notes, assessments or plans."),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    assigned_by = staff_field(_("assigned by"), null=True, blank=True, editable=False)

    access_policy = AccessPolicy(
        view=CASE_STAFF | {Role.SUPPORTER},
        add=CASE_STAFF,
        change=CASE_STAFF,
        narrow=lambda queryset, member, action: (
            queryset.filter(supporter__membership=member.pk, ended_on__isnull=True)
            if member.role == Role.SUPPORTER
            else queryset
        ),
    )

    class Meta:
        verbose_name = _("supporter of a case")
        verbose_name_plural = _("supporters of cases")
        ordering = ["-agreed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["case", "supporter"],
                condition=Q(ended_on__isnull=True),
                name="case_supporter_once",
            )
        ]


class SupporterActivity(TenantModel):
    """What a supporter did, and for how long: never a narrative about a person."""

    supporter = models.ForeignKey(
        Supporter, on_delete=models.CASCADE, related_name="activities", verbose_name=_("supporter")
    )
    on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    program = models.ForeignKey(
        "programs.Program",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="supporter_activities",
        verbose_name=_("program"),
    )
    case_link = models.ForeignKey(
        CaseSupporter,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("with"),
    )
    note = models.CharField(
        _("what it was"),
        max_length=200,
        blank=True,
        help_text=_(
            "A few words on the activity; anything about a person goes to their caseworker."
        ),
    )
    recorded_by = staff_field(_("recorded by"), null=True, blank=True, editable=False)

    access_policy = AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF | {Role.SUPPORTER},
        change=PROGRAM_STAFF,
        narrow=_own_record("supporter__membership"),
    )

    class Meta:
        verbose_name = _("supporter activity")
        verbose_name_plural = _("supporter activities")
        ordering = ["-on", "-pk"]
        indexes = [models.Index(fields=["organization", "on"], name="supporter_activity_org_on")]
