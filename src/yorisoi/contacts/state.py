"""Keeping each case's contact state (``CaseContactState``) in step with its contact records.

``refresh(case_ids)`` recomputes the state of those cases from their records in a few
statements per thousand cases. A saved or deleted contact record refreshes its case (signals,
so factories and the admin are covered too); bulk writers (the ledger import, the benchmark's
COPY) call ``refresh`` themselves for the cases they wrote to.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.db.models import Max, Q

from yorisoi.contacts.choices import NOT_REACHED, Outcome, Reached

BATCH = 1000

# A contact that reached the person or the family (as the long-silence list counts contact).
REACHING = Q(reached__in=[Reached.PERSON, Reached.FAMILY, Reached.PERSON_AND_FAMILY]) & ~Q(
    outcome__in=NOT_REACHED
)


def refresh(
    case_ids: Iterable[int], *, contacts: Any = None, states: Any = None, cases: Any = None
) -> None:
    """Recompute the state of these cases. ``contacts``, ``states`` and ``cases`` are the
    models to use (a migration passes its historical ones)."""
    if contacts is None:
        from yorisoi.cases.models import Case
        from yorisoi.contacts.models import CaseContactState, ContactRecord

        contacts, states, cases = ContactRecord, CaseContactState, Case
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), BATCH):
        with transaction.atomic():
            _refresh(ids[start : start + BATCH], contacts, states, cases)


def _refresh(chunk: list[int], contacts: Any, states: Any, cases: Any) -> None:
    # The cases are locked first: two contacts saved at once on one case (each transaction
    # seeing only its own new record) must not leave the state of the one that wrote first.
    organizations = dict(
        cases.objects.select_for_update().filter(pk__in=chunk).values_list("pk", "organization")
    )
    reached: dict[int, datetime.datetime] = dict(
        contacts.objects.filter(REACHING, case_id__in=chunk)
        .values("case_id")
        .annotate(last=Max("occurred_at"))
        .values_list("case_id", "last")
    )
    runs: dict[int, list[datetime.datetime]] = {}
    cancelled = contacts.objects.filter(case_id__in=chunk, outcome=Outcome.CANCELLED)
    for case_id, at in cancelled.values_list("case_id", "occurred_at"):
        # A run is the cancellations with no reaching contact after them.
        if case_id not in reached or at >= reached[case_id]:
            runs.setdefault(case_id, []).append(at)
    states.objects.bulk_create(
        [
            states(
                organization_id=organizations[case_id],
                case_id=case_id,
                last_reached_at=reached.get(case_id),
                cancelled_in_a_row=len(runs.get(case_id, ())),
                last_cancelled_at=max(runs[case_id]) if case_id in runs else None,
            )
            for case_id in chunk
            if case_id in organizations
        ],
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["last_reached_at", "cancelled_in_a_row", "last_cancelled_at", "updated_at"],
    )


def on_contact_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        refresh([instance.case_id])


def on_contact_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # After the commit: when the whole case is being deleted, its state goes with it.
    from django.db import transaction

    case_id = instance.case_id
    transaction.on_commit(lambda: refresh([case_id]))


def connect() -> None:
    from django.db.models.signals import post_delete, post_save

    from yorisoi.contacts.models import ContactRecord

    post_save.connect(on_contact_saved, sender=ContactRecord, dispatch_uid="contact_state_save")
    post_delete.connect(on_contact_deleted, sender=ContactRecord, dispatch_uid="contact_state_del")
