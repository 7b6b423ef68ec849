"""Importing contact records from a ledger: ケース番号, 日時, 方法, 相手, 担当者, 内容.

The case must already exist (import the case ledger first). Optional columns: 結果 (how it
went), 次回予定, 単独の理由 (why one staff member visited alone). Re-importing the same file
adds nothing: a record with the same case, time, channel and text is already there.

Ledgers are history: a row that names no staff is imported with the staff marked as not
recorded (or with the staff member named for the whole file), and a name that is not a current
member is kept as the ledger wrote it. The two-staff rule for home visits is for records made
in yorisoi; an imported visit without two named staff carries the reason
「台帳から取り込み（記録なし）」. Records are written in bulk, so ten thousand rows take seconds.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from django.db import models
from django.utils.translation import gettext as _

from yorisoi.cases.importers import UNKNOWN_WORDS, optional, staff_by_name
from yorisoi.cases.models import Case
from yorisoi.contacts import state
from yorisoi.contacts.choices import NOT_REACHED, TEAM_CHANNELS, Channel, Outcome, Reached
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import recorder, search
from yorisoi.core.importing import ChoiceMatcher, Column, RowReader, parse_datetime_cell
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Action, Role
from yorisoi.core.services import require, staff_of
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership

COLUMNS = [
    Column("ケース番号", required=True, aliases=("番号", "ケースNo")),
    Column("日時", required=True, aliases=("日付", "対応日", "対応日時", "年月日")),
    Column("方法", aliases=("手段", "対応方法", "種別", "支援方法")),
    Column("相手", aliases=("対象", "対応相手", "相談者")),
    Column("担当者", aliases=("担当", "対応者", "担当職員", "職員")),
    Column("内容", required=True, aliases=("記録", "相談内容", "経過", "支援内容")),
    Column("結果"),
    Column("次回予定", aliases=("次回",)),
    Column("単独の理由"),
]

# Ledger vocabulary is spelled out here, so imports do not depend on the screens' wording.
CHANNEL = ChoiceMatcher(
    Channel,
    {
        "電話": Channel.PHONE,
        "来所": Channel.OFFICE,
        "訪問": Channel.HOME_VISIT,
        "同行支援": Channel.ACCOMPANY,
        "メール": Channel.EMAIL,
        "SNS": Channel.SNS,
        "オンライン": Channel.ONLINE,
        "手紙": Channel.LETTER,
        "その他": Channel.OTHER,
        "TEL": Channel.PHONE,
        "電話相談": Channel.PHONE,
        "来所相談": Channel.OFFICE,
        "来所面談": Channel.OFFICE,
        "面談": Channel.OFFICE,
        "家庭訪問": Channel.HOME_VISIT,
        "アウトリーチ": Channel.HOME_VISIT,
        "同行": Channel.ACCOMPANY,
        "Eメール": Channel.EMAIL,
        "mail": Channel.EMAIL,
        "LINE": Channel.SNS,
        "Zoom": Channel.ONLINE,
        "ウェブ": Channel.ONLINE,
        "郵送": Channel.LETTER,
        "文書": Channel.LETTER,
    },
)
OUTCOME = ChoiceMatcher(
    Outcome,
    {
        "会えた": Outcome.MET,
        "扉越しに話せた": Outcome.THROUGH_DOOR,
        "応答なし": Outcome.NO_RESPONSE,
        "手紙・メモを置いた": Outcome.LEFT_NOTE,
        "返信あり": Outcome.REPLIED,
        "キャンセル": Outcome.CANCELLED,
        "中止": Outcome.CANCELLED,
        "取りやめ": Outcome.CANCELLED,
        "ドタキャン": Outcome.CANCELLED,
        "面談できた": Outcome.MET,
        "会えず": Outcome.NO_RESPONSE,
        "不在": Outcome.NO_RESPONSE,
        "返信なし": Outcome.NO_REPLY,
    },
)
PERSON_WORDS = {"本人", "当事者"}
FAMILY_WORDS = {
    "母",
    "母親",
    "父",
    "父親",
    "両親",
    "家族",
    "兄",
    "姉",
    "弟",
    "妹",
    "きょうだい",
    "祖母",
    "祖父",
    "妻",
    "夫",
    "配偶者",
}
_SPLIT = re.compile(r"[・、,，/／]+")  # not spaces: a name like 相談 花子 has one
BATCH = 1000


def _names(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text.strip()) if part.strip()]


def _who(text: str) -> tuple[bool, bool, str]:
    """(with the person, with family, agencies named) from a 相手 cell like 本人・母・保健所."""
    parts = _names(text)
    person = any(p in PERSON_WORDS for p in parts)
    family = any(p in FAMILY_WORDS for p in parts)
    agencies = "、".join(p for p in parts if p not in PERSON_WORDS | FAMILY_WORDS)
    return person, family, agencies


def imported_without_two_staff() -> str:
    """The reason an imported visit carries when the ledger did not name two staff."""
    return _("Imported from a ledger (not recorded)")


@dataclass(frozen=True)
class FileStaff:
    """Who made the contacts of rows that name nobody: a member, a name kept as text, or
    nobody recorded (the default)."""

    member: Membership | None = None
    name: str = ""


def current_staff(staff: dict[str, Membership], name: str) -> Membership | None:
    """The member of that name who may be named on a contact now (active, not a sysadmin)."""
    member = staff.get(normalize_name(name))
    if member is None or not member.is_active or member.role == Role.SYSADMIN:
        return None
    return member


def file_staff(organization, name: str) -> FileStaff:
    """The ``--staff`` (or the page's field) for a whole file: a current member or a name."""
    if not name.strip():
        return FileStaff()
    member = current_staff(staff_by_name(organization), name)
    return FileStaff(member=member, name="" if member else name.strip())


@dataclass
class ContactRow:
    number: str
    occurred_at: datetime.datetime
    fields: dict[str, Any] = field(default_factory=dict)
    staff: list[Membership] = field(default_factory=list)


def _limit(cells: RowReader, column: str, text: str, name: str) -> None:
    """The cell fits the model field it goes into (what full_clean would say, per cell)."""
    model_field = ContactRecord._meta.get_field(name)
    assert isinstance(model_field, models.Field)  # a column of the record, not a relation
    limit = model_field.max_length
    if limit and len(text) > limit:
        cells.error(
            column,
            _("Write at most %(limit)s characters here (it has %(count)s).")
            % {"limit": limit, "count": len(text)},
        )


def parse_contact_row(row, mapping, *, cases, staff, default_staff=FileStaff()) -> ContactRow:
    cells = RowReader(row, mapping)
    number = cells.code("ケース番号", required=True)
    if number and number not in cases:
        cells.error("ケース番号", _("No case has this number. Import the case ledger first."))
    occurred_at = cells.value("日時", parse_datetime_cell, required=True)
    channel = cells.value("方法", optional(CHANNEL.match)) or Channel.OTHER
    members, kept_names = [], []
    for name in _names(cells.text("担当者")):
        if name in UNKNOWN_WORDS:
            continue
        member = current_staff(staff, name)
        if member is not None:
            if member not in members:
                members.append(member)
        elif cells.check_name("担当者", name):
            kept_names.append(name)
            cells.note(
                "担当者",
                _(
                    "“%(name)s” is not a current member of staff: the name is kept on the "
                    "record as the ledger wrote it."
                )
                % {"name": name},
            )
    not_recorded = False
    if not members and not kept_names:
        if default_staff.member is not None:
            members = [default_staff.member]
        elif default_staff.name:
            kept_names = [default_staff.name]
        else:
            not_recorded = True
    lone_reason = cells.text("単独の理由")
    _limit(cells, "単独の理由", lone_reason, "lone_visit_reason")
    # The two-staff rule is for visits recorded in yorisoi; a ledger row is history.
    if channel in TEAM_CHANNELS and len(members) + len(kept_names) < 2 and not lone_reason:
        lone_reason = imported_without_two_staff()
    staff_text = "、".join(kept_names)
    _limit(cells, "担当者", staff_text, "staff_as_recorded")
    summary = cells.text("内容", required=True)
    next_action = cells.text("次回予定")
    _limit(cells, "次回予定", next_action, "next_action")
    outcome = cells.value("結果", optional(OUTCOME.match)) or (
        Outcome.LEFT_NOTE if channel == Channel.LETTER else Outcome.NOT_RECORDED
    )
    person, family, agencies = _who(cells.text("相手"))
    for agency in _names(agencies):
        cells.check_name("相手", agency)
    _limit(cells, "相手", agencies, "with_agencies")
    cells.check()  # every cell has been read: all of the row's problems are reported at once
    assert occurred_at is not None  # a required cell: check() raised if it was empty or wrong
    reached = (
        Reached.PERSON_AND_FAMILY
        if person and family
        else Reached.PERSON
        if person
        else Reached.FAMILY
        if family
        else Reached.AGENCY
        if agencies
        else Reached.NOBODY
    )
    if outcome in NOT_REACHED:
        reached = Reached.NOBODY
    return ContactRow(
        number=number,
        occurred_at=occurred_at,
        staff=members,
        fields={
            "channel": channel,
            "with_person": person,
            "with_agencies": agencies,
            "reached": reached,
            "outcome": outcome,
            "summary": summary,
            "next_action": next_action,
            "lone_visit_reason": lone_reason,
            "staff_not_recorded": not_recorded,
            "staff_as_recorded": staff_text,
        },
    )


def write_contacts(rows: list[ContactRow], *, actor, cases, progress=None) -> tuple[int, int, int]:
    """Add the records not already there, in bulk; a record already imported is unchanged.

    What ``record_contact`` does for one record, for thousands: the records, their staff, the
    note search index and one audit event each, in a few statements per thousand rows.
    """
    require(actor, ContactRecord, Action.ADD)
    organization_id = actor.organization_id
    known = set(
        ContactRecord.objects.for_organization(actor.organization)
        .filter(case__in={cases[r.number].pk for r in rows})
        .values_list("case_id", "occurred_at", "channel", "summary")
    )
    recorded_by = staff_of(actor)
    new_rows = []
    for row in rows:
        case = cases[row.number]
        key = (case.pk, row.occurred_at, row.fields["channel"], row.fields["summary"])
        if key in known:
            continue
        known.add(key)
        new_rows.append(row)
    through = ContactRecord.staff.through
    for start in range(0, len(new_rows), BATCH):
        batch = new_rows[start : start + BATCH]
        contacts = [
            ContactRecord(
                organization_id=organization_id,
                case=cases[row.number],
                occurred_at=row.occurred_at,
                recorded_by=recorded_by,
                updated_by=recorded_by,
                search_text=search.search_text_for(
                    row.fields["summary"], row.fields["next_action"]
                ),
                **row.fields,
            )
            for row in batch
        ]
        ContactRecord.objects.bulk_create(contacts)
        through.objects.bulk_create(
            [
                through(contactrecord_id=contact.pk, membership_id=member.pk)
                for contact, row in zip(contacts, batch, strict=True)
                for member in row.staff
            ]
        )
        search.index_many(contacts)
        recorder.record_many(AuditAction.CREATE, contacts)
        if progress is not None:
            progress(start + len(batch))
    # Bulk inserts send no signal: each case's contact state once, after all its rows.
    state.refresh({cases[row.number].pk for row in new_rows})
    if progress is not None and not new_rows:
        progress(0)
    return len(new_rows), 0, len(rows) - len(new_rows)


def contact_import(organization, actor, *, staff_name: str = "") -> dict:
    """The keyword arguments of ``run_import`` for the contact ledger of this organization.

    ``staff_name`` names who made the contacts of rows without a 担当者 (else: not recorded).
    """
    cases = {
        c.number: c for c in Case.objects.for_organization(organization).select_related("household")
    }
    return {
        "columns": COLUMNS,
        "parse_row": partial(
            parse_contact_row,
            cases=cases,
            staff=staff_by_name(organization),
            default_staff=file_staff(organization, staff_name),
        ),
        "write_rows": partial(write_contacts, actor=actor, cases=cases),
        "key": lambda row: (
            row.number,
            row.occurred_at,
            row.fields["channel"],
            row.fields["summary"],
        ),
    }
