"""Saving the meanings given to ledger values, and queueing background imports."""

from typing import Any

from django.db import transaction

from yorisoi.core.importing import MappedValue, choice_key
from yorisoi.core.roles import Action
from yorisoi.core.services import CommandActor, require, staff_of
from yorisoi.imports.models import ImportJob, ValueMapping
from yorisoi.organizations.models import Membership, Organization


def saved_meanings(organization: Organization, ledger: str) -> dict[str, dict[str, str]]:
    """What the organization said its values mean for this ledger: column → value → choice."""
    found: dict[str, dict[str, str]] = {}
    rows = ValueMapping.objects.for_organization(organization).filter(ledger=ledger)
    for column, value_key, choice in rows.values_list("column", "value_key", "choice"):
        found.setdefault(column, {})[value_key] = choice
    return found


def merged_meanings(
    organization: Organization, ledger: str, given: dict[str, dict[str, str]] | None
) -> dict[str, dict[str, str]]:
    """The saved meanings with those given now on top (keys compared as choice_key)."""
    merged = saved_meanings(organization, ledger)
    for column, values in (given or {}).items():
        for value, choice in values.items():
            merged.setdefault(column, {})[choice_key(value)] = choice
    return merged


@transaction.atomic
def save_meanings(
    *, actor: Membership | CommandActor, ledger: str, mapped: list[MappedValue]
) -> int:
    """Keep the meanings an import used, for the next file of this ledger; returns how many
    were new or changed."""
    require(actor, ValueMapping, Action.ADD)
    changed = 0
    existing = {
        (m.column, m.value_key): m
        for m in ValueMapping.objects.for_organization(actor.organization).filter(
            ledger=ledger, column__in={m.column for m in mapped}
        )
    }
    for item in mapped:
        mapping = existing.get((item.column, item.key))
        if mapping is None:
            ValueMapping.objects.create(
                organization_id=actor.organization_id,
                ledger=ledger,
                column=item.column,
                value_key=item.key,
                value=item.text[:200],
                choice=item.choice,
                set_by=staff_of(actor),
            )
            changed += 1
        elif mapping.choice != item.choice:
            mapping.choice = item.choice
            mapping.set_by = staff_of(actor)
            mapping.save()
            changed += 1
    return changed


def queue_import(
    *,
    actor: Membership,
    ledger: str,
    filename: str,
    data: bytes,
    options: dict[str, Any],
    language: str,
) -> ImportJob:
    """A confirmed import, to run in the background (``imports.jobs.start`` runs it)."""
    require(actor, ImportJob, Action.ADD)
    return ImportJob.objects.create(
        organization_id=actor.organization_id,
        ledger=ledger,
        filename=filename[:255],
        data=data,
        options=options,
        language=language,
        created_by=actor,
    )
