"""Keeping programs, their schedules and sessions, and recording who came."""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency
from yorisoi.cases.models import Case, HouseholdMember
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.consents.models import Consent, ConsentKind
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.dates import format_wareki
from yorisoi.core.roles import CASE_STAFF, Action
from yorisoi.core.services import CommandActor, apply_fields, require, require_own, staff_of
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership
from yorisoi.programs.choices import Format, Frequency, Mode, SessionStatus
from yorisoi.programs.models import (
    Attendance,
    CalendarFeed,
    Program,
    ProgramParticipant,
    ProgramSchedule,
    ProgramSession,
)
from yorisoi.programs.schedules import occurrences

Actor = Membership | CommandActor

# In the order the form shows them.
PROGRAM_FIELDS = (
    "name",
    "kind",
    "description",
    "for_person",
    "for_family",
    "for_siblings",
    "women_only",
    "age_from",
    "age_to",
    "format",
    "venue",
    "address",
    "access_notes",
    "online_tool",
    "online_joining",
    "ground_rules",
    "registration",
    "capacity",
    "cost",
    "residents",
    "municipalities",
    "contact",
    "is_public",
)
SCHEDULE_FIELDS = frozenset(
    {
        "frequency",
        "weekday",
        "nth",
        "starts_at",
        "ends_at",
        "format",
        "venue",
        "first_on",
        "last_on",
        "skip_dates",
    }
)
SESSION_FIELDS = frozenset({"on", "starts_at", "ends_at", "format", "venue"})
RECORD_FIELDS = frozenset({"notes", "count_person", "count_family", "count_other"})
AHEAD_DAYS = 92  # how far ahead a schedule makes sessions, unless told

# Checks a member must pass to run a program or be on duty at a session: each returns why not
# ("" when they pass). Higher apps register theirs at start-up (the supporters app: a
# supporter's login needs the confidentiality pledge signed).
_team_checks: list[Callable[[Membership], str]] = []


def register_team_check(check: Callable[[Membership], str]) -> None:
    if check not in _team_checks:
        _team_checks.append(check)


def _check_team(members: Iterable[Membership], field: str) -> None:
    for member in members:
        for check in _team_checks:
            reason = check(member)
            if reason:
                raise ValidationError({field: reason})


def _check_program(program: Program) -> None:
    if program.age_from and program.age_to and program.age_to < program.age_from:
        raise ValidationError({"age_to": _("The upper age is below the lower age.")})
    if program.residents == "listed" and not program.municipalities.strip():
        raise ValidationError(
            {"municipalities": _("Name the municipalities whose residents may take part.")}
        )


def _relations(
    actor: Actor,
    program: Program,
    co_organizers: Iterable[Agency] | None,
    team: Iterable[Membership] | None,
) -> None:
    if co_organizers is not None:
        agencies = list(co_organizers)
        usable = Agency.objects.usable_by(actor.organization_id).filter(
            pk__in=[a.pk for a in agencies]
        )
        if usable.count() != len({a.pk for a in agencies}):
            raise ValidationError({"co_organizers": _("Choose co-organizers from your directory.")})
        program.co_organizers.set(agencies)
    if team is not None:
        members = list(team)
        require_own(actor, *members)
        program.team.set(members)


@transaction.atomic
def add_program(
    *,
    actor: Actor,
    co_organizers: Iterable[Agency] = (),
    team: Iterable[Membership] = (),
    **fields: Any,
) -> Program:
    require(actor, Program, Action.ADD)
    program = Program(organization_id=actor.organization_id)
    apply_fields(program, fields, frozenset(PROGRAM_FIELDS))
    program.full_clean()
    _check_program(program)
    team = list(team)
    _check_team(team, "team")
    program.save()
    _relations(actor, program, co_organizers, team)
    return program


@transaction.atomic
def change_program(
    *,
    actor: Actor,
    program: Program,
    expected_version: int,
    co_organizers: Iterable[Agency] | None = None,
    team: Iterable[Membership] | None = None,
    **fields: Any,
) -> Program:
    require(actor, Program, Action.CHANGE)
    require_own(actor, program)
    apply_fields(program, fields, frozenset(PROGRAM_FIELDS))
    program.full_clean()
    _check_program(program)
    if team is not None:
        team = list(team)
        _check_team(team, "team")
    save_versioned(program, expected_version=expected_version)
    _relations(actor, program, co_organizers, team)
    return program


@transaction.atomic
def archive_program(*, actor: Actor, program: Program) -> Program | None:
    """Remove a program: one with sessions is archived (its history stays), else deleted."""
    require(actor, Program, Action.CHANGE)
    require_own(actor, program)
    if not program.sessions.exists():
        program.delete()
        return None
    program.archived_on = timezone.localdate()
    program.is_public = False
    program.save()
    # Sessions not yet held are called off with it.
    program.sessions.filter(status=SessionStatus.PLANNED, on__gte=program.archived_on).update(
        status=SessionStatus.CANCELLED, change_reason=_("The program has ended.")
    )
    return program


def _check_times(starts_at: datetime.time, ends_at: datetime.time) -> None:
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("A session ends after it starts.")})


def _where(program: Program, format: str, venue: str) -> str:
    return "" if format == Format.ONLINE else (venue or program.venue).strip()


def _overlapping(
    organization_id: int,
    on: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    where: str,
    exclude: int | None = None,
) -> ProgramSession | None:
    """A session in the same room at an overlapping time that day (online rooms do not clash)."""
    if not where:
        return None
    candidates = (
        ProgramSession.objects.for_organization(organization_id)
        .filter(on=on, starts_at__lt=ends_at, ends_at__gt=starts_at)
        .exclude(status=SessionStatus.CANCELLED)
        .exclude(format=Format.ONLINE)
        .select_related("program")
    )
    if exclude:
        candidates = candidates.exclude(pk=exclude)
    for other in candidates:
        if _where(other.program, other.format, other.venue) == where:
            return other
    return None


def _clash_message(other: ProgramSession) -> str:
    return _("%(room)s is taken on %(day)s from %(start)s to %(end)s by %(program)s.") % {
        "room": other.where,
        "day": format_wareki(other.on),
        "start": other.starts_at.strftime("%H:%M"),
        "end": other.ends_at.strftime("%H:%M"),
        "program": other.program.name,
    }


def _check_schedule(schedule: ProgramSchedule) -> None:
    _check_times(schedule.starts_at, schedule.ends_at)
    if schedule.frequency == Frequency.MONTHLY and not schedule.nth:
        raise ValidationError({"nth": _("Say which weekday of the month.")})
    if schedule.last_on and schedule.last_on < schedule.first_on:
        raise ValidationError({"last_on": _("The last day is before the first day.")})


@transaction.atomic
def add_schedule(
    *, actor: Actor, program: Program, through: datetime.date | None = None, **fields: Any
) -> ProgramSchedule:
    """A repeating time of the program; its sessions are made at once, ``through`` ahead."""
    require(actor, ProgramSchedule, Action.ADD)
    require_own(actor, program)
    if program.archived_on:
        raise ValidationError(_("The program is archived."))
    schedule = ProgramSchedule(organization_id=program.organization_id, program=program)
    apply_fields(schedule, fields, SCHEDULE_FIELDS)
    if schedule.frequency != Frequency.MONTHLY:
        schedule.nth = None
    schedule.full_clean()
    _check_schedule(schedule)
    schedule.save()
    generate_sessions(actor=actor, schedule=schedule, through=through)
    return schedule


def generate_sessions(
    *,
    actor: Actor,
    schedule: ProgramSchedule,
    through: datetime.date | None = None,
    today: datetime.date | None = None,
) -> list[ProgramSession]:
    """Make the schedule's sessions from today to ``through`` (about three months ahead when
    not told), skipping its days off and days that already have one. Past days are not made:
    a session already held is recorded on its own. A room taken at the time refuses them all."""
    require(actor, ProgramSession, Action.ADD)
    require_own(actor, schedule)
    today = today or timezone.localdate()
    through = through or today + datetime.timedelta(days=AHEAD_DAYS)
    if through < today:
        raise ValidationError(
            {
                "through": _(
                    "Sessions are made from today on. Record a session already held on its own."
                )
            }
        )
    if schedule.last_on:
        through = min(through, schedule.last_on)
    program = schedule.program
    skipped = schedule.skipped()
    existing = set(schedule.sessions.values_list("on", flat=True))
    days = [
        day
        for day in occurrences(
            frequency=schedule.frequency,
            weekday=schedule.weekday,
            nth=schedule.nth,
            first_on=schedule.first_on,
            start=today,
            end=through,
        )
        if day not in skipped and day not in existing
    ]
    where = _where(program, schedule.format, schedule.venue)
    for day in days:
        other = _overlapping(
            schedule.organization_id, day, schedule.starts_at, schedule.ends_at, where
        )
        if other is not None:
            raise ValidationError({"starts_at": _clash_message(other)})
    sessions = [
        ProgramSession(
            organization_id=schedule.organization_id,
            program=program,
            schedule=schedule,
            on=day,
            starts_at=schedule.starts_at,
            ends_at=schedule.ends_at,
            format=schedule.format,
            venue=schedule.venue,
            recorded_by=staff_of(actor),
        )
        for day in days
    ]
    for session in sessions:
        session.save()
    return sessions


@transaction.atomic
def add_session(
    *,
    actor: Actor,
    program: Program,
    on_duty: Sequence[Membership] = (),
    **fields: Any,
) -> ProgramSession:
    """A one-off session (or one already held, to record it with its head counts and notes)."""
    require(actor, ProgramSession, Action.ADD)
    require_own(actor, program, *on_duty)
    if program.archived_on:
        raise ValidationError(_("The program is archived."))
    session = ProgramSession(
        organization_id=program.organization_id, program=program, recorded_by=staff_of(actor)
    )
    changed = apply_fields(session, fields, SESSION_FIELDS | RECORD_FIELDS)
    if set(changed) & {"count_person", "count_family", "count_other"}:
        _mark_held(session)  # a session already held, recorded with its head counts
    session.full_clean()
    _check_session(session)
    _check_team(on_duty, "on_duty")
    session.save()
    session.on_duty.set(on_duty)
    return session


def _check_session(session: ProgramSession) -> None:
    _check_times(session.starts_at, session.ends_at)
    other = _overlapping(
        session.organization_id,
        session.on,
        session.starts_at,
        session.ends_at,
        _where(session.program, session.format, session.venue),
        exclude=session.pk,
    )
    if other is not None:
        raise ValidationError({"starts_at": _clash_message(other)})


@transaction.atomic
def change_session(
    *,
    actor: Actor,
    session: ProgramSession,
    expected_version: int,
    on_duty: Sequence[Membership] | None = None,
    reason: str = "",
    **fields: Any,
) -> ProgramSession:
    """Change a session's time or place (a move keeps the day it was on and why), or its
    head counts and notes."""
    require(actor, ProgramSession, Action.CHANGE)
    require_own(actor, session, *(on_duty or ()))
    was_on = session.on
    changed = apply_fields(session, fields, SESSION_FIELDS | RECORD_FIELDS)
    if session.status == SessionStatus.CANCELLED and set(changed) & SESSION_FIELDS:
        raise ValidationError(_("The session was called off; add a new one instead."))
    if "on" in changed:
        if not reason.strip():
            raise ValidationError({"reason": _("Say why the session moves.")})
        session.moved_from = session.moved_from or was_on
        session.change_reason = reason.strip()
    if set(changed) & {"count_person", "count_family", "count_other"}:
        _mark_held(session)
    session.full_clean()
    if set(changed) & SESSION_FIELDS:
        _check_session(session)
    if on_duty is not None:
        _check_team(on_duty, "on_duty")
    save_versioned(session, expected_version=expected_version)
    if on_duty is not None:
        session.on_duty.set(on_duty)
    if "on" in changed:
        session.attendances.update(on=session.on)
    return session


@transaction.atomic
def cancel_session(*, actor: Actor, session: ProgramSession, reason: str) -> ProgramSession:
    require(actor, ProgramSession, Action.CHANGE)
    require_own(actor, session)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the session is called off.")})
    if session.attendances.exists():
        raise ValidationError(_("People are recorded as having come: the session was held."))
    session.status = SessionStatus.CANCELLED
    session.change_reason = reason.strip()
    session.save()
    return session


def _mark_held(session: ProgramSession) -> None:
    if session.status == SessionStatus.CANCELLED:
        raise ValidationError(_("The session was called off; nobody can be recorded at it."))
    if session.on > timezone.localdate():
        raise ValidationError(_("The session has not been held yet."))
    session.status = SessionStatus.HELD


def _attend(session: ProgramSession, actor: Actor, **fields: Any) -> tuple[Attendance, bool]:
    """The attendance row, added unless it is there already (two people recording at once
    both keep their rows: a row met again is left as it is)."""
    lookup = {k: v for k, v in fields.items() if k in ("participant", "case", "household_member")}
    found = session.attendances.filter(**lookup).first()
    if found is not None:
        return found, False
    attendance = Attendance(
        organization_id=session.organization_id,
        session=session,
        on=session.on,
        recorded_by=staff_of(actor),
        **fields,
    )
    try:
        with transaction.atomic():
            attendance.save()
    except IntegrityError:  # recorded by someone else a moment ago
        return session.attendances.get(**lookup), False
    return attendance, True


def _check_mode(session: ProgramSession, mode: str) -> None:
    online = mode != Mode.IN_PERSON
    if online != (session.format == Format.ONLINE):
        raise ValidationError({"mode": _("The way of taking part does not match the session.")})


@transaction.atomic
def record_nicknames(
    *,
    actor: Actor,
    session: ProgramSession,
    present: Sequence[tuple[ProgramParticipant, str]] = (),
    new: Sequence[dict[str, str]] = (),
) -> list[Attendance]:
    """Record participants of the program's list (``present``: participant and mode) and
    newcomers (``new``: nickname, mode, and optionally kind and municipality), first visits
    marked. Returns the rows added."""
    require(actor, Attendance, Action.ADD)
    require_own(actor, session, *(p for p, _mode in present))
    program = session.program
    if any(p.program_id != program.pk for p, _mode in present):
        raise PermissionDenied
    _mark_held(session)
    session.save(update_fields=["status", "updated_at"])
    added = []
    people = list(present)
    for entry in new:
        nickname = " ".join(entry.get("nickname", "").split())
        if not nickname:
            continue
        participant = _participant(actor, program, nickname, entry)
        people.append((participant, entry.get("mode") or _default_mode(session)))
    for participant, mode in people:
        _check_mode(session, mode)
        first = participant.first_came_on is None or participant.first_came_on > session.on
        attendance, created = _attend(session, actor, participant=participant, mode=mode)
        if created:
            added.append(attendance)
            if first:
                _first_visit(participant, attendance)
    return added


def _default_mode(session: ProgramSession) -> str:
    return Mode.CAMERA_ON if session.format == Format.ONLINE else Mode.IN_PERSON


def _participant(
    actor: Actor, program: Program, nickname: str, entry: dict[str, str]
) -> ProgramParticipant:
    """The list's participant of that nickname (width and kana aside), or a new one."""
    key = normalize_name(nickname)
    for participant in program.participants.all():
        if normalize_name(participant.nickname) == key:
            return participant
    participant = ProgramParticipant(
        organization_id=program.organization_id,
        program=program,
        nickname=nickname,
        kind=entry.get("kind") or "person",
        municipality=entry.get("municipality", ""),
    )
    participant.full_clean()
    try:
        with transaction.atomic():
            participant.save()
    except IntegrityError:  # added by someone else a moment ago
        return program.participants.get(nickname=nickname)
    return participant


def _first_visit(participant: ProgramParticipant, attendance: Attendance) -> None:
    """The earliest attendance is the first visit (a session recorded late may come first)."""
    participant.attendances.filter(first_visit=True).exclude(pk=attendance.pk).update(
        first_visit=False
    )
    attendance.first_visit = True
    attendance.save(update_fields=["first_visit", "updated_at"])
    participant.first_came_on = attendance.on
    participant.save(update_fields=["first_came_on", "updated_at"])


def missing_consent(case: Case, on: datetime.date) -> str:
    """Why this case's people cannot be linked to a session on that day ("" when they can)."""
    covered = Consent.objects.filter(case=case, kind=ConsentKind.PROGRAMS).in_force(on).exists()
    if covered:
        return ""
    return _(
        "Case %(number)s has no consent in force to record taking part in programs. "
        "Record that consent on the case first; until then, record them by nickname."
    ) % {"number": case.number}


@transaction.atomic
def record_case_attendance(
    *,
    actor: Membership,
    session: ProgramSession,
    case: Case,
    household_member: HouseholdMember | None = None,
    mode: str = Mode.IN_PERSON,
) -> Attendance:
    """A case's person (or a family member) came: linked only under a consent in force that
    covers taking part in programs, by a caseworker or supervisor who answers for the case."""
    require(actor, Attendance, Action.ADD)
    require_own(actor, session, case, household_member)
    if (
        actor.role not in CASE_STAFF
        or not cases_in_scope(actor, open_only=False).filter(pk=case.pk).exists()
    ):
        raise PermissionDenied
    if household_member is not None and household_member.household_id != case.household_id:
        raise ValidationError({"household_member": _("Choose a member of the case's household.")})
    reason = missing_consent(case, session.on)
    if reason:
        raise ValidationError({"case": reason})
    _check_mode(session, mode)
    _mark_held(session)
    session.save(update_fields=["status", "updated_at"])
    attendance, _created = _attend(
        session, actor, case=case, household_member=household_member, mode=mode
    )
    return attendance


@transaction.atomic
def remove_attendance(*, actor: Actor, attendance: Attendance) -> None:
    require(actor, Attendance, Action.DELETE)
    require_own(actor, attendance)
    participant = attendance.participant
    attendance.delete()
    if participant is not None:
        earliest = participant.attendances.order_by("on", "pk").first()
        participant.attendances.filter(first_visit=True).update(first_visit=False)
        if earliest is not None:
            earliest.first_visit = True
            earliest.save(update_fields=["first_visit", "updated_at"])
        participant.first_came_on = earliest.on if earliest else None
        participant.save(update_fields=["first_came_on", "updated_at"])


def capacity_warning(session: ProgramSession) -> str:
    """A warning, not a refusal, when more came than the program's capacity."""
    capacity = session.program.capacity
    came = session.attendances.count() + session.head_count
    if capacity and came > capacity:
        return _("%(came)s took part, above the capacity of %(capacity)s.") % {
            "came": came,
            "capacity": capacity,
        }
    return ""


@transaction.atomic
def make_calendar_feed(*, actor: Membership) -> tuple[CalendarFeed, str]:
    """A new private calendar address for the member (any earlier one stops); the key is
    returned once, to be shown once."""
    require(actor, CalendarFeed, Action.ADD)
    stop_calendar_feeds(actor=actor)
    key = secrets.token_urlsafe(32)
    feed = CalendarFeed.objects.create(
        organization_id=actor.organization_id,
        membership=actor,
        prefix=key[:8],
        digest=CalendarFeed.digest_of(key),
    )
    return feed, key


@transaction.atomic
def stop_calendar_feeds(*, actor: Membership) -> int:
    require(actor, CalendarFeed, Action.CHANGE)
    return CalendarFeed.objects.filter(membership=actor, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
