"""Keeping the supporter registry, their training and activities, and who works with whom."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.cases.models import Case
from yorisoi.cases.selectors import cases_in_scope
from yorisoi.core.concurrency import save_versioned
from yorisoi.core.roles import Action, Role
from yorisoi.core.services import CommandActor, apply_fields, require, require_own, staff_of
from yorisoi.organizations.models import Membership
from yorisoi.programs.models import Program
from yorisoi.supporters.choices import CurriculumTopic
from yorisoi.supporters.models import (
    CaseSupporter,
    Supporter,
    SupporterActivity,
    TrainingCompletion,
    TrainingCourse,
)

Actor = Membership | CommandActor

SUPPORTER_FIELDS = (
    "name",
    "name_kana",
    "kind",
    "municipality",
    "phone",
    "email",
    "likes",
    "can_help",
    "availability",
    "pledge_signed_on",
    "status",
    "membership",
    "notes",
)
COURSE_FIELDS = ("name", "held_from", "held_until", "topics", "follow_up", "program", "notes")
ACTIVITY_FIELDS = frozenset({"on", "hours", "kind", "program", "case_link", "note"})


def _check_supporter(supporter: Supporter) -> None:
    if supporter.pledge_signed_on and supporter.pledge_signed_on > timezone.localdate():
        raise ValidationError({"pledge_signed_on": _("Record the pledge once it is signed.")})
    login = supporter.membership
    if login is not None:
        if login.organization_id != supporter.organization_id:
            raise PermissionDenied
        if login.role != Role.SUPPORTER:
            raise ValidationError({"membership": _("Choose a login with the supporter role.")})


@transaction.atomic
def register_supporter(*, actor: Actor, **fields: Any) -> Supporter:
    require(actor, Supporter, Action.ADD)
    supporter = Supporter(organization_id=actor.organization_id)
    apply_fields(supporter, fields, frozenset(SUPPORTER_FIELDS))
    supporter.full_clean()
    _check_supporter(supporter)
    supporter.save()
    return supporter


@transaction.atomic
def change_supporter(
    *, actor: Actor, supporter: Supporter, expected_version: int, **fields: Any
) -> Supporter:
    require(actor, Supporter, Action.CHANGE)
    require_own(actor, supporter)
    apply_fields(supporter, fields, frozenset(SUPPORTER_FIELDS))
    supporter.full_clean()
    _check_supporter(supporter)
    save_versioned(supporter, expected_version=expected_version)
    return supporter


def _check_course(course: TrainingCourse) -> None:
    if set(course.topics) - set(CurriculumTopic.values):
        raise ValidationError({"topics": _("Unknown topic.")})
    if course.held_until and course.held_until < course.held_from:
        raise ValidationError({"held_until": _("The course ends before it begins.")})
    if course.program is not None and course.program.organization_id != course.organization_id:
        raise PermissionDenied


@transaction.atomic
def add_course(*, actor: Actor, **fields: Any) -> TrainingCourse:
    require(actor, TrainingCourse, Action.ADD)
    course = TrainingCourse(organization_id=actor.organization_id)
    apply_fields(course, fields, frozenset(COURSE_FIELDS))
    course.full_clean()
    _check_course(course)
    course.save()
    return course


@transaction.atomic
def change_course(
    *, actor: Actor, course: TrainingCourse, expected_version: int, **fields: Any
) -> TrainingCourse:
    require(actor, TrainingCourse, Action.CHANGE)
    require_own(actor, course)
    apply_fields(course, fields, frozenset(COURSE_FIELDS))
    course.full_clean()
    _check_course(course)
    save_versioned(course, expected_version=expected_version)
    return course


@transaction.atomic
def record_completions(
    *,
    actor: Actor,
    course: TrainingCourse,
    supporters: Iterable[Supporter],
    completed_on: datetime.date,
) -> list[TrainingCompletion]:
    """Mark supporters as having completed the course (those already marked stay as they are)."""
    require(actor, TrainingCompletion, Action.ADD)
    chosen = list(supporters)
    require_own(actor, course, *chosen)
    if completed_on < course.held_from:
        raise ValidationError({"completed_on": _("The course had not begun on that day.")})
    done = set(course.completions.values_list("supporter_id", flat=True))
    added = [
        TrainingCompletion(
            organization_id=course.organization_id,
            course=course,
            supporter=supporter,
            completed_on=completed_on,
        )
        for supporter in chosen
        if supporter.pk not in done
    ]
    for completion in added:
        completion.save()
    return added


def check_assignable(member: Membership) -> str:
    """Why this member may not join a program's team ("" when they may): a supporter's login
    needs a registry entry, active, with the confidentiality pledge signed."""
    if member.role != Role.SUPPORTER:
        return ""
    record = Supporter.objects.filter(membership=member).first()
    if record is None or not record.may_be_assigned:
        return _(
            "%(name)s has not signed the confidentiality pledge (or is not active in the "
            "supporter registry): record the pledge first."
        ) % {"name": member.user}
    return ""


@transaction.atomic
def assign_to_case(
    *,
    actor: Membership,
    case: Case,
    supporter: Supporter,
    agreed_on: datetime.date,
    shown_as: str,
    shared: str = "",
) -> CaseSupporter:
    """The person agreed to work with this supporter: a caseworker who answers for the case
    records it, with the name to show and what to share."""
    require(actor, CaseSupporter, Action.ADD)
    require_own(actor, case, supporter)
    if not cases_in_scope(actor, open_only=False).filter(pk=case.pk).exists():
        raise PermissionDenied
    if not supporter.may_be_assigned:
        raise ValidationError(
            {"supporter": _("Nobody is assigned before signing the confidentiality pledge.")}
        )
    if agreed_on > timezone.localdate():
        raise ValidationError({"agreed_on": _("Record the agreement once it is given.")})
    if CaseSupporter.objects.filter(case=case, supporter=supporter, ended_on=None).exists():
        raise ValidationError({"supporter": _("This supporter already works with the person.")})
    link = CaseSupporter(
        organization_id=case.organization_id,
        case=case,
        supporter=supporter,
        agreed_on=agreed_on,
        shown_as=shown_as.strip(),
        shared=shared.strip(),
        assigned_by=staff_of(actor),
    )
    link.full_clean()
    link.save()
    return link


@transaction.atomic
def end_assignment(*, actor: Membership, link: CaseSupporter, on: datetime.date) -> CaseSupporter:
    require(actor, CaseSupporter, Action.CHANGE)
    require_own(actor, link)
    if on < link.agreed_on:
        raise ValidationError({"ended_on": _("It cannot end before it began.")})
    link.ended_on = on
    link.save()
    return link


@transaction.atomic
def record_activity(*, actor: Actor, supporter: Supporter, **fields: Any) -> SupporterActivity:
    """An activity of a supporter; a supporter's login records only its own."""
    require(actor, SupporterActivity, Action.ADD)
    require_own(actor, supporter)
    if (
        isinstance(actor, Membership)
        and actor.role == Role.SUPPORTER
        and supporter.membership_id != actor.pk
    ):
        raise PermissionDenied
    activity = SupporterActivity(
        organization_id=supporter.organization_id, supporter=supporter, recorded_by=staff_of(actor)
    )
    apply_fields(activity, fields, ACTIVITY_FIELDS)
    activity.full_clean()
    if activity.hours <= Decimal(0) or activity.hours > Decimal(24):
        raise ValidationError({"hours": _("Hours are more than 0 and at most 24.")})
    if activity.on > timezone.localdate():
        raise ValidationError({"on": _("Record an activity once it has happened.")})
    program: Program | None = activity.program
    if program is not None and program.organization_id != supporter.organization_id:
        raise PermissionDenied
    link = activity.case_link
    if link is not None and (link.supporter_id != supporter.pk or link.ended_on is not None):
        raise ValidationError({"case_link": _("Choose a person this supporter works with.")})
    activity.save()
    return activity
