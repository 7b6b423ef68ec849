"""The consent gate: may this information go to this agency, for this purpose, on this day?

Every interface (page, API, import) reaches referrals through ``services.refer``, which asks
this gate; so does the form, to tell the user exactly which consent is missing before saving.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from yorisoi.consents.models import Consent, ConsentKind, InformationItem, SharingPurpose
from yorisoi.core.roles import Role
from yorisoi.core.services import CommandActor
from yorisoi.referrals.choices import Basis
from yorisoi.referrals.models import item_labels


@dataclass
class Decision:
    allowed: bool
    basis: str
    consent: Consent | None = None
    problems: list[str] = field(default_factory=list)  # why not, each fit to show as it is


def _day(value: datetime.date) -> str:
    return date_format(value, "Y-m-d")


def _why_not(consent: Consent, *, agency, purpose: str, items: list[str], on) -> list[str]:
    """Each reason this consent does not cover the sharing (empty: it covers it)."""
    reasons = []
    if consent.given_on > on:
        reasons.append(_("given only on %(day)s") % {"day": _day(consent.given_on)})
    if consent.withdrawn_on is not None and consent.withdrawn_on <= on:
        reasons.append(_("withdrawn on %(day)s") % {"day": _day(consent.withdrawn_on)})
    if consent.expires_on is not None and consent.expires_on < on:
        reasons.append(_("expired on %(day)s") % {"day": _day(consent.expires_on)})
    if consent.agency_id:
        if consent.agency_id != agency.pk:
            reasons.append(_("covers %(agency)s, not this agency") % {"agency": consent.agency})
    elif consent.agency_category:
        if consent.agency_category != agency.category:
            reasons.append(
                _("covers agencies of the category %(category)s")
                % {"category": consent.get_agency_category_display()}
            )
    else:
        reasons.append(_("names no agency from the directory"))
    if purpose not in consent.purposes:
        reasons.append(
            _("does not cover the purpose %(purpose)s") % {"purpose": SharingPurpose(purpose).label}
        )
    missing = [i for i in items if i not in consent.items]
    if missing:
        reasons.append(_("does not cover: %(items)s") % {"items": "、".join(item_labels(missing))})
    return reasons


def check(
    *,
    actor,
    case,
    agency,
    purpose: str,
    items: list[str],
    on: datetime.date,
    basis: str,
    council=None,
    emergency_reason: str = "",
) -> Decision:
    """Decide whether personal information may go with this referral, and on what ground."""
    items = [i for i in InformationItem.values if i in items]  # known items, in a fixed order
    if not items:
        return Decision(True, Basis.NONE)
    if basis == Basis.EMERGENCY:
        return _emergency(actor, emergency_reason)
    if basis == Basis.COUNCIL:
        return _council(case, agency, council, on)
    return _consent(case, agency=agency, purpose=purpose, items=items, on=on)


def _emergency(actor, reason: str) -> Decision:
    problems = []
    if isinstance(actor, CommandActor) or actor.role != Role.SUPERVISOR:
        problems.append(
            _(
                "Only a supervisor may share without consent to protect someone's life or body "
                "when consent cannot be obtained."
            )
        )
    if not reason.strip():
        problems.append(_("Write why life or body is at risk and why consent cannot be obtained."))
    return Decision(not problems, Basis.EMERGENCY, problems=problems)


def _council(case, agency, council, on) -> Decision:
    if council is None:
        return Decision(False, Basis.COUNCIL, problems=[_("Choose the support council.")])
    problems = []
    if council.organization_id != case.organization_id:
        problems.append(_("This support council is not your organization's."))
    elif not council.in_force(on):
        problems.append(
            _("The support council %(council)s was not constituted on that day.")
            % {"council": council}
        )
    elif not council.members.filter(pk=agency.pk).exists():
        problems.append(
            _(
                "%(agency)s is not a member of the support council %(council)s, so sharing "
                "without consent is not permitted. Record the person's consent instead."
            )
            % {"agency": agency, "council": council}
        )
    return Decision(not problems, Basis.COUNCIL, problems=problems)


def _consent(case, *, agency, purpose, items, on) -> Decision:
    candidates = list(
        Consent.objects.filter(case=case, kind=ConsentKind.SHARING).select_related("agency")
    )
    notes = []
    for consent in candidates:
        reasons = _why_not(consent, agency=agency, purpose=purpose, items=items, on=on)
        if not reasons:
            return Decision(True, Basis.CONSENT, consent=consent)
        notes.append(
            _("The consent of %(day)s (%(recipient)s): %(reasons)s.")
            % {
                "day": _day(consent.given_on),
                "recipient": consent.recipient_label,
                "reasons": " / ".join(reasons),
            }
        )
    missing = _(
        "A consent is missing: no consent in force on %(day)s covers sharing %(items)s with "
        "%(agency)s (%(category)s) for the purpose %(purpose)s. Record that consent first, or "
        "refer without personal information."
    ) % {
        "day": _day(on),
        "items": "、".join(item_labels(items)),
        "agency": agency,
        "category": agency.get_category_display(),
        "purpose": SharingPurpose(purpose).label,
    }
    if not candidates:
        notes.append(_("This case has no consent to share with agencies on record."))
    return Decision(False, Basis.CONSENT, problems=[missing, *notes])
