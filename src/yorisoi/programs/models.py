"""Programs (居場所, family meetings and the rest of the menu), their sessions and attendance.

Most of a center's week is group work. A program says what it is, for whom, where (a room or
an online room) and under which ground rules; a schedule makes its sessions ahead; each
session records who came: a case's person or family member (where a consent covers it), a
nickname from the program's own list (no real name needed), or a head count.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from yorisoi.core.models import TenantModel
from yorisoi.core.roles import CASE_STAFF, Role
from yorisoi.core.scoping import AccessPolicy, Member, TenantQuerySet
from yorisoi.organizations.fields import staff_field
from yorisoi.programs.choices import (
    Format,
    Frequency,
    Mode,
    Nth,
    ParticipantKind,
    ProgramFormat,
    ProgramKind,
    Registration,
    Residents,
    SessionStatus,
    Weekday,
)

# Clerks keep programs, schedules and attendance (DESIGN §2); supporters see the programs
# they help run.
PROGRAM_STAFF = CASE_STAFF | {Role.CLERK}
HEAD_COUNT_MAX = 1000  # a typo guard, and the same limit on every database


def _program_records(path: str) -> AccessPolicy:
    """Clerks and case staff keep them; a supporter reads only the rows of programs whose
    team (``path``) names them."""

    def narrow(queryset: TenantQuerySet[Any], member: Member, action: str) -> Any:
        if member.role == Role.SUPPORTER:
            return queryset.filter(**{path: member.pk})
        return queryset

    return AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF,
        change=PROGRAM_STAFF,
        narrow=narrow,
    )


class Program(TenantModel):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=30, choices=ProgramKind.choices)
    description = models.TextField(_("what happens"), blank=True)
    # Who it is for: the boxes ticked; none ticked and no ages means anyone.
    for_person = models.BooleanField(_("for the person"), default=False)
    for_family = models.BooleanField(_("for families"), default=False)
    for_siblings = models.BooleanField(_("for brothers and sisters"), default=False)
    women_only = models.BooleanField(_("women only"), default=False)
    age_from = models.PositiveSmallIntegerField(
        _("age from"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    age_to = models.PositiveSmallIntegerField(
        _("age to"), null=True, blank=True, validators=[MaxValueValidator(120)]
    )
    format = models.CharField(
        _("held"), max_length=20, choices=ProgramFormat.choices, default=ProgramFormat.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    access_notes = models.TextField(_("how to get there"), blank=True)
    online_tool = models.CharField(_("online tool"), max_length=100, blank=True)
    online_joining = models.TextField(
        _("how to join online"),
        blank=True,
        help_text=_("Shown to staff and registered participants only, never on public pages."),
    )
    ground_rules = models.TextField(
        _("ground rules"),
        blank=True,
        help_text=_("Decided in advance and shown to every participant."),
    )
    registration = models.CharField(
        _("registration"), max_length=20, choices=Registration.choices, default=Registration.WALK_IN
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity"), null=True, blank=True, validators=[MaxValueValidator(HEAD_COUNT_MAX)]
    )
    cost = models.CharField(_("cost"), max_length=100, blank=True)
    residents = models.CharField(
        _("who may take part"), max_length=20, choices=Residents.choices, default=Residents.ANYONE
    )
    municipalities = models.CharField(
        _("municipalities"),
        max_length=500,
        blank=True,
        help_text=_("When only residents of some municipalities may take part: their names."),
    )
    contact = models.CharField(_("contact for enquiries"), max_length=200, blank=True)
    co_organizers = models.ManyToManyField(
        "agencies.Agency", blank=True, related_name="programs", verbose_name=_("co-organizers")
    )
    team = models.ManyToManyField(
        "organizations.Membership",
        blank=True,
        related_name="programs",
        verbose_name=_("who runs it"),
        help_text=_("Staff and supporters; a supporter's login sees only these programs."),
    )
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Listed on the public pages.")
    )
    archived_on = models.DateField(_("archived on"), null=True, blank=True, editable=False)

    access_policy = _program_records("team")

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["kind", "name"]
        indexes = [models.Index(fields=["organization", "kind"], name="program_org_kind")]

    def __str__(self) -> str:
        return self.name

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} {self.name}"

    @property
    def online(self) -> bool:
        return self.format != ProgramFormat.IN_PERSON


class ProgramSchedule(TenantModel):
    """A repeating time of a program; sessions are made from it ahead, skipping exceptions."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("program")
    )
    frequency = models.CharField(_("how often"), max_length=20, choices=Frequency.choices)
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=Weekday.choices)
    nth = models.PositiveSmallIntegerField(
        _("which week of the month"), choices=Nth.choices, null=True, blank=True
    )
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    format = models.CharField(
        _("held"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(
        _("venue"), max_length=200, blank=True, help_text=_("Empty: the program's venue.")
    )
    first_on = models.DateField(_("first day"))
    last_on = models.DateField(_("last day"), null=True, blank=True)
    skip_dates = models.JSONField(_("days without a session"), default=list, blank=True)

    access_policy = _program_records("program__team")

    class Meta:
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        ordering = ["weekday", "starts_at"]

    def skipped(self) -> set[datetime.date]:
        return {datetime.date.fromisoformat(day) for day in self.skip_dates}


class ProgramSession(TenantModel):
    """One meeting of a program. Its notes are about the session, not about named people:
    anything about one person belongs in that person's contact record."""

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="sessions", verbose_name=_("program")
    )
    schedule = models.ForeignKey(
        ProgramSchedule,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("schedule"),
    )
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("from"))
    ends_at = models.TimeField(_("until"))
    format = models.CharField(
        _("held"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=SessionStatus.choices, default=SessionStatus.PLANNED
    )
    change_reason = models.CharField(
        _("why it was called off or moved"), max_length=300, blank=True
    )
    moved_from = models.DateField(_("moved from"), null=True, blank=True)
    on_duty = models.ManyToManyField(
        "organizations.Membership",
        blank=True,
        related_name="program_sessions",
        verbose_name=_("on duty"),
    )
    notes = models.TextField(
        _("notes on the session"),
        blank=True,
        help_text=_(
            "About the session as a whole. Anything about one person goes in their contact record."
        ),
    )
    # Anonymous head counts, besides the named and nicknamed participants.
    count_person = models.PositiveSmallIntegerField(
        _("people (head count)"), default=0, validators=[MaxValueValidator(HEAD_COUNT_MAX)]
    )
    count_family = models.PositiveSmallIntegerField(
        _("family members (head count)"), default=0, validators=[MaxValueValidator(HEAD_COUNT_MAX)]
    )
    count_other = models.PositiveSmallIntegerField(
        _("others (head count)"), default=0, validators=[MaxValueValidator(HEAD_COUNT_MAX)]
    )
    recorded_by = staff_field(_("recorded by"), null=True, blank=True, editable=False)

    # The session page names the people of cases who came.
    audit_reads = True
    access_policy = _program_records("program__team")

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["on", "starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["schedule", "on"],
                condition=Q(schedule__isnull=False),
                name="session_once_a_day_per_schedule",
            )
        ]
        indexes = [models.Index(fields=["organization", "on"], name="session_org_on")]

    def __str__(self) -> str:
        return f"{self.program} {self.on.isoformat()}"

    def audit_label(self) -> str:
        return f"{self._meta.verbose_name} #{self.pk}"

    @property
    def head_count(self) -> int:
        return self.count_person + self.count_family + self.count_other

    @property
    def where(self) -> str:
        return self.venue or self.program.venue


class ProgramParticipant(TenantModel):
    """Someone on a program's own list, by nickname: no real name is needed to come."""

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="participants", verbose_name=_("program")
    )
    nickname = models.CharField(_("nickname"), max_length=50)
    kind = models.CharField(
        _("taking part as"),
        max_length=20,
        choices=ParticipantKind.choices,
        default=ParticipantKind.PERSON,
    )
    municipality = models.CharField(
        _("municipality"),
        max_length=100,
        blank=True,
        help_text=_("Where they live, if they said: counts residents of other municipalities."),
    )
    first_came_on = models.DateField(_("first came on"), null=True, blank=True, editable=False)
    is_active = models.BooleanField(_("on the list"), default=True)

    access_policy = _program_records("program__team")

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["nickname"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "nickname"], name="participant_nickname_once_per_program"
            )
        ]

    def __str__(self) -> str:
        return self.nickname


def _supporter_sees_nicknames(queryset: TenantQuerySet[Any], member: Member, action: str) -> Any:
    """A supporter sees the nickname rows of their programs' sessions, never linked cases."""
    if member.role == Role.SUPPORTER:
        return queryset.filter(session__program__team=member.pk, case__isnull=True)
    return queryset


class Attendance(TenantModel):
    """One participant at one session: a nickname of the program's list, or a case's person
    or family member (linked only under a consent in force)."""

    session = models.ForeignKey(
        ProgramSession,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("session"),
    )
    participant = models.ForeignKey(
        ProgramParticipant,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="attendances",
        verbose_name=_("participant"),
    )
    case = models.ForeignKey(
        "cases.Case",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="program_attendances",
        verbose_name=_("case"),
    )
    household_member = models.ForeignKey(
        "cases.HouseholdMember",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("family member"),
        help_text=_("Empty: the person themself."),
    )
    mode = models.CharField(_("how"), max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    first_visit = models.BooleanField(_("first visit"), default=False)
    on = models.DateField(_("date"), editable=False)  # the session's, for timelines and figures
    recorded_by = staff_field(_("recorded by"), null=True, blank=True, editable=False)

    access_policy = AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF,
        change=PROGRAM_STAFF,
        delete=PROGRAM_STAFF,
        narrow=_supporter_sees_nicknames,
    )

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        ordering = ["session", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(participant__isnull=False, case__isnull=True)
                | Q(participant__isnull=True, case__isnull=False),
                name="attendance_nickname_or_case",
            ),
            models.UniqueConstraint(
                fields=["session", "participant"],
                condition=Q(participant__isnull=False),
                name="attendance_nickname_once",
            ),
            models.UniqueConstraint(
                fields=["session", "case"],
                condition=Q(case__isnull=False, household_member__isnull=True),
                name="attendance_person_once",
            ),
            models.UniqueConstraint(
                fields=["session", "household_member"],
                condition=Q(household_member__isnull=False),
                name="attendance_family_member_once",
            ),
        ]
        indexes = [models.Index(fields=["case", "on"], name="attendance_case_on")]


class CalendarFeed(TenantModel):
    """A private address a member's calendar app reads the organization's sessions from
    (titles and places only). Only its hash is stored; stopping it is final."""

    membership = models.ForeignKey(
        "organizations.Membership",
        on_delete=models.CASCADE,
        related_name="calendar_feeds",
        verbose_name=_("member"),
    )
    prefix = models.CharField(_("begins with"), max_length=8)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    revoked_at = models.DateTimeField(_("stopped at"), null=True, blank=True, editable=False)

    access_policy = AccessPolicy(
        view=PROGRAM_STAFF | {Role.SUPPORTER},
        add=PROGRAM_STAFF | {Role.SUPPORTER},
        change=PROGRAM_STAFF | {Role.SUPPORTER},
        narrow=lambda queryset, member, action: queryset.filter(membership=member.pk),
    )

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")
        ordering = ["-created_at"]

    @staticmethod
    def digest_of(key: str) -> str:
        import hashlib

        # A key is 32 random bytes: a plain SHA-256 cannot be reversed or guessed.
        return hashlib.sha256(key.encode()).hexdigest()
