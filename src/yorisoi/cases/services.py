"""Opening and changing cases, people, households, inquiries and intake sheets.

Every function checks the actor's permission, writes in a transaction, and leaves the audit
trail through the models' audit hooks; pages, the API and the importer all call these.
"""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency
from yorisoi.cases.choices import AgeBand, CaseStatus, InquiryStatus, PersonContact, SupportStage
from yorisoi.cases.models import (
    Case,
    CaseEvent,
    Household,
    HouseholdMember,
    Inquiry,
    Intake,
    Person,
)
from yorisoi.core import recorder
from yorisoi.core.concurrency import EditConflict, save_versioned
from yorisoi.core.dates import fiscal_year_of, format_wareki
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Action, Role
from yorisoi.core.services import CommandActor, apply_fields, require, require_own, staff_of
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership, Organization

# Who a service acts for: a staff member, or a command acting for one organization.
Actor: TypeAlias = Membership | CommandActor


def organization_of(actor: Actor) -> Organization:
    """The organization the actor acts in (a command's is typed loosely below this app)."""
    organization = actor.organization
    assert isinstance(organization, Organization)
    return organization


PERSON_FIELDS = frozenset(
    {
        "name",
        "name_kana",
        "nickname",
        "sex",
        "birth_date",
        "age_band",
        "age_told",
        "age_told_on",
        "municipality",
        "area",
        "address",
        "phone",
        "email",
    }
)
MEMBER_FIELDS = frozenset(
    {
        "name",
        "name_kana",
        "relation",
        "lives_with_person",
        "age_band",
        "health_or_care_needs",
        "is_key_person",
        "phone",
        "is_emergency_contact",
        "note",
    }
)
CASE_FIELDS = frozenset(
    {
        "first_consulter",
        "first_consulter_member",
        "first_channel",
        "referral_route",
        "referral_source",
        "referral_agency",
        "status",
        "stage",
        "person_contact",
        "primary_staff",
        "secondary_staff",
        "opened_on",
        "closed_on",
        "close_reason",
        "summary",
        "what_helps",
        "what_to_avoid",
    }
)
INTAKE_FIELDS = frozenset(
    f.name
    for f in Intake._meta.concrete_fields
    if f.editable and f.name not in {"id", "organization", "case", "created_at", "updated_at"}
)
INQUIRY_FIELDS = frozenset(
    f.name
    for f in Inquiry._meta.concrete_fields
    if f.editable
    and f.name
    not in {"id", "organization", "case", "status", "created_at", "updated_at", "closing_note"}
)


def next_case_number(organization: Organization | int, opened_on: datetime.date) -> str:
    """The next number of the fiscal year the case opens in: 2025-0001, 2025-0002, …"""
    prefix = f"{fiscal_year_of(opened_on)}-"
    numbers = Case.objects.for_organization(organization).filter(number__startswith=prefix)
    used = [
        int(n[len(prefix) :])
        for n in numbers.values_list("number", flat=True)
        if n[len(prefix) :].isdigit()
    ]
    return f"{prefix}{max(used, default=0) + 1:04d}"


def _event(
    case: Case, kind: str, text: str, actor: Actor, at: datetime.datetime | None = None
) -> CaseEvent:
    return CaseEvent.objects.create(
        organization_id=case.organization_id,
        case=case,
        kind=kind,
        text=text[:500],
        by=staff_of(actor),
        occurred_at=at or timezone.now(),
    )


@transaction.atomic
def open_case(
    *,
    actor: Actor,
    opened_on: datetime.date,
    first_consulter: str,
    person: Person | None = None,
    person_data: dict[str, Any] | None = None,
    household: Household | None = None,
    number: str = "",
    inquiry: Inquiry | None = None,
    **case_fields: Any,
) -> Case:
    """Open a case for a known person or a new one (whose record may be nearly empty)."""
    require(actor, Case, Action.ADD)
    require_own(
        actor,
        person,
        household,
        inquiry,
        case_fields.get("primary_staff"),
        case_fields.get("secondary_staff"),
    )
    org = organization_of(actor)
    if person is None:
        person = Person(organization=org)
        apply_fields(person, person_data or {}, PERSON_FIELDS)
        person.full_clean()
        person.save()
    if household is None:
        household = Household.objects.create(organization=org)
    case = Case(
        organization=org,
        person=person,
        household=household,
        opened_on=opened_on,
        first_consulter=first_consulter,
        number=number or next_case_number(org, opened_on),
    )
    apply_fields(case, case_fields, CASE_FIELDS)
    _link_referral_agency(case, given="referral_agency" in case_fields)
    case.full_clean()
    try:
        with transaction.atomic():
            case.save()
    except IntegrityError:  # another case took the number a moment ago
        if number:
            raise
        case.number = next_case_number(org, opened_on)
        case.save()
    # The event sits at the opening date, which may lie in the past (walk-ins noted later, imports).
    opened_at = timezone.make_aware(
        datetime.datetime.combine(opened_on, timezone.localtime().time())
    )
    _event(case, CaseEvent.Kind.OPENED, _("Case opened."), actor, at=min(opened_at, timezone.now()))
    if inquiry is not None:
        inquiry.case = case
        inquiry.status = InquiryStatus.CONVERTED
        inquiry.save()
    return case


@dataclass(frozen=True)
class NewCase:
    """One case of a ledger for ``open_cases``: its number, opening day and what is known."""

    number: str
    opened_on: datetime.date
    first_consulter: str
    person_data: dict[str, Any]
    case_fields: dict[str, Any]
    note: str  # the case event beside 「ケースを開始しました」, e.g. where it came from


# The keys that are the case's links: checked against the organization, not by clean_fields.
_LINKS = ["organization", "person", "household", "primary_staff", "secondary_staff"]


@transaction.atomic
def open_cases(*, actor: Actor, new: Sequence[NewCase], batch_size: int = 500) -> list[Case]:
    """``open_case`` for the thousands of new cases of a ledger, in a few statements a batch:
    the same person, household, case and events, the same field checks and one audit event
    per record (bulk inserts send no signal). A ledger gives every number, and a referring
    agency only as the directory entry it matched."""
    require(actor, Case, Action.ADD)
    org = organization_of(actor)
    usable = set(Agency.objects.usable_by(org).values_list("pk", flat=True))
    by = staff_of(actor)
    now = timezone.now()
    opened: list[Case] = []
    for start in range(0, len(new), batch_size):
        batch = new[start : start + batch_size]
        people, cases = [], []
        for item in batch:
            person = Person(organization=org)
            apply_fields(person, item.person_data, PERSON_FIELDS)
            person.clean_fields(exclude=["organization"])
            person.clean()
            person.fill_name_search()
            people.append(person)
            case = Case(
                organization=org,
                opened_on=item.opened_on,
                first_consulter=item.first_consulter,
                number=item.number,
            )
            apply_fields(case, item.case_fields, CASE_FIELDS)
            require_own(actor, case.primary_staff, case.secondary_staff)
            if case.referral_agency is not None:
                if case.referral_agency.pk not in usable:
                    raise ValidationError(
                        {"referral_source": _("Choose an agency in your directory.")}
                    )
                case.referral_source = case.referral_source or case.referral_agency.name
            case.clean_fields(exclude=[*_LINKS, "referral_agency", "first_consulter_member"])
            case.clean()
            cases.append(case)
        Person.objects.bulk_create(people)
        households = Household.objects.bulk_create([Household(organization=org) for _ in batch])
        for case, person, household in zip(cases, people, households, strict=True):
            case.person, case.household = person, household
            case.fill_age_band_at_opening()
        Case.objects.bulk_create(cases)
        events = []
        for case, item in zip(cases, batch, strict=True):
            opened_at = timezone.make_aware(
                datetime.datetime.combine(case.opened_on, timezone.localtime(now).time())
            )
            for kind, text, at in (
                (CaseEvent.Kind.OPENED, _("Case opened."), min(opened_at, now)),
                (CaseEvent.Kind.IMPORTED, item.note, now),
            ):
                events.append(
                    CaseEvent(
                        organization_id=org.pk,
                        case=case,
                        kind=kind,
                        text=text[:500],
                        by=by,
                        occurred_at=at,
                    )
                )
        CaseEvent.objects.bulk_create(events)
        for records in (people, households, cases, events):
            if records[0].audit_changes:
                recorder.record_many(AuditAction.CREATE, records)
        opened.extend(cases)
    return opened


@transaction.atomic
def record_case_event(*, actor: Actor, case: Case, kind: str, text: str) -> CaseEvent:
    """Note something that happened to the case (e.g. it came in from a ledger)."""
    require(actor, Case, Action.CHANGE)
    require_own(actor, case)
    return _event(case, kind, text, actor)


_TRACKED = {
    "status": CaseEvent.Kind.STATUS,
    "stage": CaseEvent.Kind.STAGE,
    "primary_staff": CaseEvent.Kind.STAFF,
    "secondary_staff": CaseEvent.Kind.STAFF,
    "person_contact": CaseEvent.Kind.PERSON_CONTACT,
}


def _display(case: Case, name: str) -> str:
    value = getattr(case, name)
    if value is None or value == "":
        return "—"
    getter = getattr(case, f"get_{name}_display", None)
    return str(getter()) if getter else str(value)


def needs_closure_approval(actor: Actor, case: Case) -> bool:
    """Closures wait for a supervisor where the organization asks (commands are trusted)."""
    return (
        case.organization.approve_closures
        and not isinstance(actor, CommandActor)
        and getattr(actor, "role", None) != Role.SUPERVISOR
    )


@transaction.atomic
def change_case(*, actor: Actor, case: Case, expected_version: int, **fields: Any) -> Case:
    """Change a case; status, stage, staff and contact progress each leave a timeline event."""
    require(actor, Case, Action.CHANGE)
    require_own(actor, case, fields.get("primary_staff"), fields.get("secondary_staff"))
    before = {name: _display(case, name) for name in _TRACKED}
    changed = apply_fields(case, fields, CASE_FIELDS)
    if "referral_source" in changed or "referral_agency" in changed:
        _link_referral_agency(case, given="referral_agency" in fields)
    if (
        "status" in changed
        and case.status == CaseStatus.CLOSED
        and needs_closure_approval(actor, case)
    ):
        raise ValidationError(
            {"status": _("Closing this case needs a supervisor's approval: use “Close the case”.")}
        )
    if case.status == CaseStatus.CLOSED and case.closed_on is None:
        case.closed_on = timezone.localdate()
    if case.status != CaseStatus.CLOSED and "status" in changed:
        case.closed_on, case.close_reason = None, ""
    case.full_clean()
    save_versioned(case, expected_version=expected_version)
    for name in changed:
        if name in _TRACKED:
            field = Case._meta.get_field(name)
            assert isinstance(field, models.Field)  # the tracked names are the case's own fields
            label = field.verbose_name
            _event(case, _TRACKED[name], f"{label}: {before[name]} → {_display(case, name)}", actor)
    return case


def _link_referral_agency(case: Case, *, given: bool) -> None:
    """Link the case to the directory entry its ``referral_source`` names (else keep the text).

    A caller that matched the name already (an import) passes ``referral_agency``; it must be an
    entry the organization may refer to, and ``referral_source`` then holds its name.
    """
    usable = Agency.objects.usable_by(case.organization_id)
    if given:
        if case.referral_agency is not None:
            if not usable.filter(pk=case.referral_agency.pk).exists():
                raise ValidationError({"referral_source": _("Choose an agency in your directory.")})
            case.referral_source = case.referral_source or case.referral_agency.name
        return
    case.referral_agency = (
        usable.by_name().get(normalize_name(case.referral_source)) if case.referral_source else None
    )


@transaction.atomic
def change_person(*, actor: Actor, person: Person, expected_version: int, **fields: Any) -> Person:
    require(actor, Person, Action.CHANGE)
    require_own(actor, person)
    apply_fields(person, fields, PERSON_FIELDS)
    person.full_clean()
    save_versioned(person, expected_version=expected_version)
    return person


@transaction.atomic
def attach_household(*, actor: Actor, case: Case) -> Household:
    """Give a case (imported without one) its household record."""
    require(actor, Case, Action.CHANGE)
    require_own(actor, case)
    case.household = Household.objects.create(organization_id=case.organization_id)
    case.save()
    return case.household


@transaction.atomic
def add_household_member(*, actor: Actor, household: Household, **fields: Any) -> HouseholdMember:
    require(actor, HouseholdMember, Action.ADD)
    require_own(actor, household)
    member = HouseholdMember(organization_id=household.organization_id, household=household)
    apply_fields(member, fields, MEMBER_FIELDS)
    member.full_clean()
    member.save()
    return member


@transaction.atomic
def change_household_member(
    *, actor: Actor, member: HouseholdMember, expected_version: int, **fields: Any
) -> HouseholdMember:
    require(actor, HouseholdMember, Action.CHANGE)
    require_own(actor, member)
    apply_fields(member, fields, MEMBER_FIELDS)
    member.full_clean()
    save_versioned(member, expected_version=expected_version)
    return member


@transaction.atomic
def record_inquiry(*, actor: Actor, **fields: Any) -> Inquiry:
    """Put a first contact in the intake queue."""
    require(actor, Inquiry, Action.ADD)
    inquiry = Inquiry(organization=organization_of(actor), received_by=staff_of(actor))
    apply_fields(inquiry, fields, INQUIRY_FIELDS)
    inquiry.full_clean()
    inquiry.save()
    return inquiry


def _waiting(inquiry: Inquiry) -> Inquiry:
    """The inquiry, locked and re-read: two people taking it up at once get one case, not two."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.status != InquiryStatus.WAITING:
        raise ValidationError(_("This inquiry has already been dealt with."))
    return inquiry


@transaction.atomic
def close_inquiry(*, actor: Actor, inquiry: Inquiry, note: str) -> Inquiry:
    """Take an inquiry off the queue without opening a case (advice given, referred on, …)."""
    require(actor, Inquiry, Action.CHANGE)
    require_own(actor, inquiry)
    inquiry = _waiting(inquiry)
    inquiry.status = InquiryStatus.CLOSED
    inquiry.closing_note = note
    inquiry.save()
    return inquiry


@transaction.atomic
def convert_inquiry(
    *,
    actor: Actor,
    inquiry: Inquiry,
    opened_on: datetime.date,
    person: Person | None = None,
    household: Household | None = None,
    primary_staff: Membership | None = None,
) -> Case:
    """Open a case from an inquiry, for an existing person/household or new ones."""
    require(actor, Inquiry, Action.CHANGE)
    require_own(actor, inquiry)
    inquiry = _waiting(inquiry)
    person_data = _person_facts(inquiry)
    if person is not None:
        _fill_in_person(actor, person, person_data)
    if household is None and person is not None:
        latest = person.cases.order_by("-opened_on").values_list("household", flat=True).first()
        household = Household.objects.filter(pk=latest).first() if latest else None
    case = open_case(
        actor=actor,
        opened_on=opened_on,
        first_consulter=inquiry.caller_relation,
        person=person,
        person_data=person_data if person is None else None,
        household=household,
        inquiry=inquiry,
        referral_source=inquiry.referred_by,
        summary=inquiry.about,
        primary_staff=primary_staff or staff_of(actor),
        person_contact=PersonContact.DIRECT
        if inquiry.caller_relation == "self"
        else PersonContact.NONE,
        stage=SupportStage.INDIVIDUAL if inquiry.caller_relation == "self" else SupportStage.FAMILY,
    )
    caller = _caller_as_household_member(actor, inquiry, case, key_person=True)
    if caller is not None:
        case.first_consulter_member = caller
        case.save()
    return case


def _person_facts(inquiry: Inquiry) -> dict[str, Any]:
    """What an inquiry says about the person, as the person record holds it."""
    facts: dict[str, Any] = {
        "name": inquiry.person_name,
        "name_kana": inquiry.person_name_kana,
        "sex": inquiry.person_sex,
        "birth_date": inquiry.person_birth_date,
        "age_band": inquiry.person_age_band,
        "municipality": inquiry.person_municipality,
    }
    if inquiry.person_age is not None:  # 「28歳」: kept as said, with the day it was said
        facts["age_told"] = inquiry.person_age
        facts["age_told_on"] = timezone.localtime(inquiry.received_at).date()
        facts["age_band"] = facts["age_band"] or AgeBand.for_age(inquiry.person_age)
    return facts


def _fill_in_person(actor: Actor, person: Person, facts: dict[str, Any]) -> None:
    """A known person consulting again: what the new inquiry adds fills only what was blank
    (an age told anew replaces an older one; a date of birth, once known, stays)."""
    changes = {
        name: value
        for name, value in facts.items()
        if value not in ("", None) and getattr(person, name) in ("", None)
    }
    if "age_told" in facts and not person.birth_date:
        changes.update(age_told=facts["age_told"], age_told_on=facts["age_told_on"])
    if changes:
        change_person(actor=actor, person=person, expected_version=person.version, **changes)


def _caller_as_household_member(
    actor: Actor, inquiry: Inquiry, case: Case, *, key_person: bool
) -> HouseholdMember | None:
    """A family member who called becomes (or already is) a member of the case's household."""
    if not inquiry.caller_name or inquiry.caller_relation not in _FAMILY_RELATIONS:
        return None
    household = case.household or attach_household(actor=actor, case=case)
    already = household.members.filter(name=inquiry.caller_name).first()
    return already or add_household_member(
        actor=actor,
        household=household,
        name=inquiry.caller_name,
        relation=_FAMILY_RELATIONS[inquiry.caller_relation],
        phone=inquiry.caller_phone,
        is_key_person=key_person,
    )


@transaction.atomic
def add_inquiry_to_case(*, actor: Actor, inquiry: Inquiry, case: Case) -> Case:
    """A known person, or their family, consults again: the inquiry joins their open case
    (on its timeline, where it was received) instead of opening a second one."""
    require(actor, Inquiry, Action.CHANGE)
    require(actor, Case, Action.CHANGE)
    require_own(actor, inquiry, case)
    inquiry = _waiting(inquiry)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if case.status == CaseStatus.CLOSED:
        raise ValidationError(_("This case is closed. Open it again to add the inquiry to it."))
    inquiry.case = case
    inquiry.status = InquiryStatus.ADDED
    inquiry.save()
    _fill_in_person(actor, case.person, _person_facts(inquiry))
    _caller_as_household_member(actor, inquiry, case, key_person=False)
    _event(
        case,
        CaseEvent.Kind.NOTE,
        _("Consulted again: the inquiry of %(day)s was added to this case.")
        % {"day": format_wareki(timezone.localtime(inquiry.received_at).date())},
        actor,
    )
    return case


# Callers who are family become household members of the new case.
_FAMILY_RELATIONS = {
    "mother": "mother",
    "father": "father",
    "sibling": "sibling",
    "grandparent": "grandparent",
    "spouse": "spouse",
    "other_family": "other_family",
}


@transaction.atomic
def save_intake(
    *, actor: Actor, case: Case, expected_version: int | None = None, **fields: Any
) -> Intake:
    """Create the case's intake sheet or change it (refusing to overwrite a newer version)."""
    require(actor, Intake, Action.CHANGE)
    require_own(actor, case)
    intake = Intake.objects.select_for_update().filter(case=case).first()
    if intake is None:
        intake = Intake(organization_id=case.organization_id, case=case, taken_by=staff_of(actor))
        apply_fields(intake, fields, INTAKE_FIELDS)
        intake.full_clean()
        intake.save()
        return intake
    if expected_version is None:
        raise EditConflict  # someone else wrote the sheet since this form was opened
    apply_fields(intake, fields, INTAKE_FIELDS)
    intake.full_clean()
    save_versioned(intake, expected_version=expected_version)
    return intake
