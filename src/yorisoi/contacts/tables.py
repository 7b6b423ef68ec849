"""Contact records as lists: a case's records to take away, and note search (flat or by case)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.cases.tables import case_columns
from yorisoi.core.tables import CHOICE, DATE, DATETIME, NUMBER, Column, Table, record_column


def _staff(contact) -> list[str]:
    names = [str(s.user) for s in contact.staff.all()]
    if contact.staff_as_recorded:
        names.append(contact.staff_as_recorded)
    return names


def _with(contact) -> list[str]:
    return [
        *([_("the person")] if contact.with_person else []),
        *(str(m) for m in contact.with_members.all()),
        *([contact.with_agencies] if contact.with_agencies else []),
    ]


def _record_columns() -> list[Column]:
    """What a contact record holds, in the order of the support record (支援記録票)."""
    return [
        Column("channel", gettext_lazy("How"), kind=CHOICE, order_by="channel"),
        Column("duration_minutes", gettext_lazy("Minutes"), kind=NUMBER, page=False),
        Column("staff", gettext_lazy("Staff"), _staff, page=False),
        Column("with", gettext_lazy("With"), _with, page=False),
        Column("reached", gettext_lazy("Who was reached"), kind=CHOICE, page=False),
        Column("outcome", gettext_lazy("How it went"), kind=CHOICE, order_by="outcome"),
        Column("summary", gettext_lazy("What happened"), multiline=True),
        Column("next_action", gettext_lazy("Next action"), page=False),
        Column("next_action_on", gettext_lazy("Next action by"), kind=DATE, page=False),
    ]


# A case's records, oldest first, as the case page's "take away" offers them.
CASE_CONTACTS = Table(
    "contacts",
    gettext_lazy("Contact records"),
    [
        Column("occurred_at", gettext_lazy("Date and time"), kind=DATETIME, order_by="occurred_at"),
        *_record_columns(),
    ],
    model="contacts.ContactRecord",
)

# Note search, one row per matching record.
NOTE_MATCHES = Table(
    "note-search",
    gettext_lazy("Note search"),
    [
        record_column(
            "occurred_at",
            gettext_lazy("Date and time"),
            "contacts:contact_history",
            kind=DATETIME,
            sortable=False,
        ),
        *case_columns(header=gettext_lazy("Person"), sortable=False),
        *_record_columns(),
    ],
    model="contacts.ContactRecord",
    empty=gettext_lazy("No contact records contain these words."),
)

# Note search grouped by case: one row per case with how many of its records match.
NOTE_CASES = Table(
    "note-search-by-case",
    gettext_lazy("Note search by case"),
    [
        *case_columns(header=gettext_lazy("Person"), sortable=False),
        Column("primary_staff", gettext_lazy("Primary worker"), "case.primary_staff.user"),
        Column(
            "matches",
            gettext_lazy("Matching records"),
            kind=NUMBER,
            link=lambda g: g.records_url,
        ),
        Column("last_at", gettext_lazy("Latest matching record"), kind=DATETIME),
    ],
    model="cases.Case",
    row_id=lambda g: g.case.pk,
    empty=gettext_lazy("No contact records contain these words."),
)
