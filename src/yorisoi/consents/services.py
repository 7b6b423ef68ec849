"""Recording and withdrawing consent."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency
from yorisoi.cases.models import Case
from yorisoi.cases.services import Actor
from yorisoi.consents.models import (
    Consent,
    ConsentGiver,
    ConsentKind,
    InformationItem,
    SharingPurpose,
)
from yorisoi.consents.signals import consent_withdrawn
from yorisoi.core.roles import Action
from yorisoi.core.services import apply_fields, require, require_own, staff_of

CONSENT_FIELDS = frozenset(
    {
        "kind",
        "given_by",
        "given_by_member",
        "given_on",
        "scope",
        "recipient",
        "purpose",
        "agency",
        "agency_category",
        "purposes",
        "items",
        "expires_on",
    }
)


def _check(consent: Consent) -> None:
    errors: dict[str, str] = {}
    if consent.given_by == ConsentGiver.FAMILY and consent.given_by_member_id is None:
        errors["given_by_member"] = _("Choose the family member who gave the consent.")
    if (
        consent.given_by_member is not None
        and consent.given_by_member.household_id != consent.case.household_id
    ):
        errors["given_by_member"] = _("This person is not in the case's household.")
    if consent.given_on > timezone.localdate():
        errors["given_on"] = _("Record a consent once it has been given.")
    if set(consent.purposes) - set(SharingPurpose.values):
        errors["purposes"] = _("Unknown purpose.")
    if set(consent.items) - set(InformationItem.values):
        errors["items"] = _("Unknown kind of information.")
    if consent.expires_on and consent.expires_on < consent.given_on:
        errors["expires_on"] = _("The end of validity cannot be before the day it was given.")
    if consent.kind == ConsentKind.SHARING:
        if not (consent.agency_id or consent.agency_category):
            errors["agency"] = _(
                "Choose the agency from the directory, or the category of agencies, "
                "the information may be shared with."
            )
        if not consent.purposes:
            errors["purposes"] = _("Choose at least one purpose the consent covers.")
        if not consent.items:
            errors["items"] = _("Choose the information the consent covers.")
    if (
        consent.agency_id
        and not Agency.objects.usable_by(consent.organization_id)
        .filter(pk=consent.agency_id)
        .exists()
    ):
        errors["agency"] = _("This agency is not in your directory.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def record_consent(*, actor: Actor, case: Case, **fields: Any) -> Consent:
    require(actor, Consent, Action.ADD)
    require_own(actor, case, fields.get("given_by_member"))
    consent = Consent(organization_id=case.organization_id, case=case, recorded_by=staff_of(actor))
    apply_fields(consent, fields, CONSENT_FIELDS)
    consent.full_clean()
    _check(consent)
    consent.save()
    return consent


@transaction.atomic
def withdraw_consent(
    *, actor: Actor, consent: Consent, on: datetime.date, note: str = ""
) -> Consent:
    """Record a withdrawal; the consent stays on record, no longer in force."""
    require(actor, Consent, Action.CHANGE)
    require_own(actor, consent)
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent has already been withdrawn."))
    if on < consent.given_on:
        raise ValidationError(
            {"withdrawn_on": _("A consent cannot be withdrawn before it was given.")}
        )
    consent.withdrawn_on = on
    consent.withdrawal_note = note
    consent.save()
    # Apps that shared under it stop what is still pending and say what was made under it.
    consent_withdrawn.send(sender=Consent, consent=consent, actor=actor)
    return consent
