"""Referring cases out, receiving referrals, and answering them between organizations.

Personal information leaves a case only through ``refer``, which asks the consent gate; each
provision leaves a provision record and an audit event naming every piece that crossed.
"""

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.cases import services as case_services
from yorisoi.cases.choices import FirstConsulter, ReferralRoute
from yorisoi.cases.models import Case, CaseEvent
from yorisoi.cases.services import Actor
from yorisoi.consents.models import Consent, InformationItem
from yorisoi.core import recorder
from yorisoi.core.acting import acting
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import CASE_STAFF, Action
from yorisoi.core.services import CommandActor, apply_fields, require, require_own, staff_of
from yorisoi.organizations.models import Membership, Organization
from yorisoi.referrals import disclosure, gate
from yorisoi.referrals.choices import (
    Basis,
    Channel,
    IncomingStatus,
    ReferralStatus,
    SenderConsent,
    SupportStarted,
)
from yorisoi.referrals.models import IncomingReferral, ProvisionRecord, Referral

INCOMING_FIELDS = frozenset(
    {
        "received_on",
        "from_agency",
        "from_name",
        "from_person",
        "what_they_said",
        "sender_consent",
        "case",
    }
)


def _usable_agency(actor: Actor, agency: Agency) -> None:
    if not Agency.objects.usable_by(actor.organization_id).filter(pk=agency.pk).exists():
        raise ValidationError({"agency": _("This agency is not in your directory.")})


@transaction.atomic
def refer(
    *,
    actor: Actor,
    case: Case,
    agency: Agency,
    referred_on: datetime.date,
    reason: str,
    purpose: str,
    channel: str,
    items: Sequence[str] = (),
    basis: str = Basis.CONSENT,
    council: SupportCouncil | None = None,
    emergency_reason: str = "",
    previous: Referral | None = None,
    deliver: bool = True,
) -> Referral:
    """Record a referral out; personal information goes only where the gate allows it.

    A referral made today to an entry of the organization's own directory linked to another
    organization here is delivered to it (``deliver=False`` for ledgers of past referrals).
    """
    require(actor, Referral, Action.ADD)
    require_own(actor, case, council, previous)
    _usable_agency(actor, agency)
    if previous is not None and previous.case_id != case.pk:
        raise ValidationError({"previous": _("That referral belongs to another case.")})
    today = timezone.localdate()
    if referred_on > today:
        raise ValidationError({"referred_on": _("Record a referral once it has been made.")})
    to_org = agency.linked_organization
    # Only a link the organization set on its own entry routes data, and only for a referral
    # made now: another organization's shared entry, or a ledger of the past, never does.
    inter_org = (
        deliver
        and not isinstance(actor, CommandActor)
        and to_org is not None
        and to_org.is_active
        and agency.organization_id == case.organization_id
        and to_org.pk != case.organization_id
        and referred_on == today
    )
    decision = gate.check(
        actor=actor,
        case=case,
        agency=agency,
        purpose=purpose,
        items=list(items),
        on=referred_on,
        basis=basis,
        council=council,
        emergency_reason=emergency_reason,
    )
    if not decision.allowed:
        raise ValidationError({"items": decision.problems})
    referral = Referral(
        organization_id=case.organization_id,
        case=case,
        agency=agency,
        to_organization=to_org if inter_org else None,
        referred_on=referred_on,
        reason=reason,
        purpose=purpose,
        channel=Channel.SYSTEM if inter_org else channel,
        items=[i for i in InformationItem.values if i in items],
        basis=decision.basis,
        consent=decision.consent,
        council=council if decision.basis == Basis.COUNCIL else None,
        emergency_reason=emergency_reason if decision.basis == Basis.EMERGENCY else "",
        status=ReferralStatus.PENDING if inter_org else ReferralStatus.SENT,
        follow_up_on=referred_on
        + datetime.timedelta(weeks=case.organization.referral_follow_up_weeks),
        previous=previous,
        made_by=staff_of(actor),
    )
    referral.disclosed = disclosure.build(case, referral.items)
    referral.full_clean()
    referral.save()
    if referral.items:
        _record_provision(actor, referral)
    if inter_org and to_org is not None:
        _deliver(referral, to_org)
    case_services.record_case_event(
        actor=actor,
        case=case,
        kind=CaseEvent.Kind.NOTE,
        text=_("Referred to %(agency)s.") % {"agency": agency},
    )
    return referral


def _record_provision(actor: Actor, referral: Referral) -> None:
    ProvisionRecord.objects.create(
        organization_id=referral.organization_id,
        provided_on=referral.referred_on,
        recipient=str(referral.agency),
        agency=referral.agency,
        case=referral.case,
        person_id=referral.case.person_id,
        items=referral.items,
        basis=referral.basis,
        consent=referral.consent,
        council=referral.council,
        emergency_reason=referral.emergency_reason,
        referral=referral,
        recorded_by=staff_of(actor),
    )
    recorder.record(
        AuditAction.PROVIDE,
        referral,
        detail={
            "recipient": str(referral.agency),
            "recipient_organization": referral.to_organization_id,
            "basis": referral.basis,
            "consent": referral.consent_id,
            "council": referral.council_id,
            "items": referral.items,
            "fields": disclosure.field_labels(referral.disclosed),
            "reason": referral.to_organization_id is not None,
        },
        flagged=referral.basis == Basis.EMERGENCY,
    )


def _deliver(referral: Referral, to_org: Organization) -> IncomingReferral:
    """Hand the referral to the receiving organization: only what was disclosed goes along.

    The reason is free text about the person: it crosses only with personal information the
    gate allowed. What is written in the other organization is attributed to no one of ours.
    """
    with acting(organization=to_org, via="referral:delivered"):
        return _delivered(referral, to_org)


def _delivered(referral: Referral, to_org: Organization) -> IncomingReferral:
    incoming = IncomingReferral.objects.create(
        organization=to_org,
        received_on=referral.referred_on,
        from_name=str(referral.organization),
        from_person=str(referral.made_by.user) if referral.made_by is not None else "",
        what_they_said=referral.reason if referral.items else "",
        sender_consent=SenderConsent.CONFIRMED
        if referral.basis == Basis.CONSENT
        else SenderConsent.NOT_CONFIRMED,
        source=referral,
        items=referral.items,
        disclosed=referral.disclosed,
        status=IncomingStatus.PENDING,
    )
    recorder.record(
        AuditAction.RECEIVE,
        incoming,
        organization_id=incoming.organization_id,
        detail={
            "from_organization": referral.organization_id,
            "items": incoming.items,
            "fields": disclosure.field_labels(incoming.disclosed),
            "reason": bool(incoming.what_they_said),
        },
    )
    return incoming


@transaction.atomic
def record_follow_up(
    *, actor: Actor, referral: Referral, support_started: str, note: str = "", on: datetime.date
) -> Referral:
    """The answer to "did support start?" after a referral."""
    require(actor, Referral, Action.CHANGE)
    require_own(actor, referral)
    if support_started not in SupportStarted.values:
        raise ValidationError({"support_started": _("Choose an answer.")})
    referral.support_started = support_started
    referral.follow_up_note = note
    referral.followed_up_on = on
    referral.save(
        update_fields=["support_started", "follow_up_note", "followed_up_on", "updated_at"]
    )
    return referral


# Referrals received ------------------------------------------------------------------------


@transaction.atomic
def receive_referral(*, actor: Actor, **fields: Any) -> IncomingReferral:
    """Record a referral from an agency outside (phone, letter, visit)."""
    require(actor, IncomingReferral, Action.ADD)
    require_own(actor, fields.get("case"))
    if fields.get("from_agency") is not None:
        _usable_agency(actor, fields["from_agency"])
        fields["from_name"] = fields.get("from_name") or str(fields["from_agency"])
    incoming = IncomingReferral(organization_id=actor.organization_id)
    apply_fields(incoming, fields, INCOMING_FIELDS)
    if incoming.case_id:
        incoming.status = IncomingStatus.ACCEPTED
    incoming.full_clean()
    incoming.save()
    return incoming


@transaction.atomic
def confirm_consent(
    *, actor: Actor, incoming: IncomingReferral, on: datetime.date
) -> IncomingReferral:
    """At the first contact: the person agreed that the referrer's information may be used."""
    require(actor, IncomingReferral, Action.CHANGE)
    require_own(actor, incoming)
    if incoming.status in (IncomingStatus.WITHDRAWN, IncomingStatus.DECLINED):
        raise ValidationError(_("This referral is no longer open."))
    incoming.consent_confirmed_on = on
    incoming.save(update_fields=["consent_confirmed_on", "updated_at"])
    return incoming


def _pending(incoming: IncomingReferral) -> None:
    if incoming.status != IncomingStatus.PENDING:
        raise ValidationError(_("This referral has already been answered."))


@transaction.atomic
def accept(
    *,
    actor: Actor,
    incoming: IncomingReferral,
    opened_on: datetime.date,
    primary_staff: Membership | None = None,
) -> Case:
    """Accept a referral from another organization: our own case, from what was disclosed."""
    require(actor, IncomingReferral, Action.CHANGE)
    require_own(actor, incoming, primary_staff)
    if primary_staff is not None and (
        not primary_staff.is_active or primary_staff.role not in CASE_STAFF
    ):
        raise ValidationError({"primary_staff": _("Choose a caseworker or a supervisor.")})
    incoming = IncomingReferral.objects.select_for_update().get(pk=incoming.pk)
    _pending(incoming)
    source = incoming.source
    if (
        source is not None
        and source.consent is not None
        and not source.consent.is_in_force(timezone.localdate())
    ):
        raise ValidationError(_("The consent this referral was sent under is no longer in force."))
    case = case_services.open_case(
        actor=actor,
        opened_on=opened_on,
        first_consulter=FirstConsulter.OTHER_AGENCY,
        person_data=disclosure.person_data(incoming.disclosed)
        or {"nickname": _("Referred by %(name)s") % {"name": incoming.from_name}},
        referral_route=ReferralRoute.AGENCY,
        referral_source=incoming.from_name,
        primary_staff=primary_staff or staff_of(actor),
        summary=incoming.what_they_said,
    )
    incoming.case = case
    _decide(actor, incoming, IncomingStatus.ACCEPTED, "")
    if source is not None:
        _answer_source(source, ReferralStatus.ACCEPTED, "", incoming)
    return case


@transaction.atomic
def decline(*, actor: Actor, incoming: IncomingReferral, reason: str) -> IncomingReferral:
    require(actor, IncomingReferral, Action.CHANGE)
    require_own(actor, incoming)
    incoming = IncomingReferral.objects.select_for_update().get(pk=incoming.pk)
    _pending(incoming)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so the referring organization can help.")})
    _decide(actor, incoming, IncomingStatus.DECLINED, reason)
    if incoming.source is not None:
        _answer_source(incoming.source, ReferralStatus.DECLINED, reason, incoming)
    return incoming


def _decide(actor: Actor, incoming: IncomingReferral, status: str, note: str) -> None:
    incoming.status = status
    incoming.decision_note = note
    incoming.decided_on = timezone.localdate()
    incoming.decided_by = staff_of(actor)
    incoming.save()


def _answer_source(source: Referral, status: str, note: str, incoming: IncomingReferral) -> None:
    """The referring organization sees the outcome, and nothing of the receiver's record."""
    with acting(organization=source.organization_id, via="referral:answered"):
        source.status = status
        source.answer_note = note
        source.answered_on = incoming.decided_on
        source.save(update_fields=["status", "answer_note", "answered_on", "updated_at"])
        recorder.record(
            AuditAction.UPDATE,
            source,
            organization_id=source.organization_id,
            changes=["status", "answer_note"],
            detail={"answered_by_organization": incoming.organization_id},
        )


def retract_under(consent: Consent, actor: Actor) -> list[Referral]:
    """A consent was withdrawn: referrals still waiting under it are stopped and their data
    removed from the receiving side; all referrals made under it are returned and logged."""
    referrals = list(Referral.objects.filter(consent=consent))
    # Locked like accept() locks them: a referral is either accepted or stopped, never both.
    pending = IncomingReferral.objects.select_for_update().filter(
        source__consent=consent, status=IncomingStatus.PENDING
    )
    stopped: set[int | None] = set()  # never None: the filter goes through source
    for incoming in pending:
        with acting(organization=incoming.organization_id, via="referral:consent-withdrawn"):
            incoming.status = IncomingStatus.WITHDRAWN
            incoming.disclosed = {}
            incoming.what_they_said = ""
            incoming.save(update_fields=["status", "disclosed", "what_they_said", "updated_at"])
        stopped.add(incoming.source_id)
    for referral in referrals:
        if referral.pk in stopped:
            referral.status = ReferralStatus.RETRACTED
            referral.save(update_fields=["status", "updated_at"])
    recorder.record(
        AuditAction.UPDATE,
        consent,
        changes=["withdrawn_on"],
        detail={
            "withdrawn": True,
            "referrals_made_under_it": [r.pk for r in referrals],
            "stopped": sorted(stopped),
        },
    )
    return referrals
