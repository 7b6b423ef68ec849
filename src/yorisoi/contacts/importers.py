"""Importing contact records from a ledger: ケース番号, 日時, 方法, 相手, 担当者, 内容.

The case must already exist (import the case ledger first). Optional columns: 結果 (how it
went), 次回予定, 単独の理由 (why one staff member visited alone). Re-importing the same file
adds nothing: a record with the same case, time, channel and text is already there.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import partial

from django.utils.translation import gettext as _

from yorisoi.cases.importers import optional, staff_by_name
from yorisoi.cases.models import Case
from yorisoi.contacts import services
from yorisoi.contacts.choices import NOT_REACHED, TEAM_CHANNELS, Channel, Outcome, Reached
from yorisoi.contacts.models import ContactRecord
from yorisoi.core.importing import ChoiceMatcher, Column, RowReader, parse_datetime_cell
from yorisoi.core.text import normalize_name

COLUMNS = [
    Column("ケース番号", required=True, aliases=("番号", "ケースNo")),
    Column("日時", required=True, aliases=("日付", "対応日", "対応日時")),
    Column("方法", aliases=("手段", "対応方法", "種別")),
    Column("相手", aliases=("対象", "対応相手")),
    Column("担当者", aliases=("担当", "対応者")),
    Column("内容", required=True, aliases=("記録", "相談内容", "経過")),
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


def _names(text: str) -> list[str]:
    return [part.strip() for part in _SPLIT.split(text.strip()) if part.strip()]


def _who(text: str) -> tuple[bool, bool, str]:
    """(with the person, with family, agencies named) from a 相手 cell like 本人・母・保健所."""
    parts = _names(text)
    person = any(p in PERSON_WORDS for p in parts)
    family = any(p in FAMILY_WORDS for p in parts)
    agencies = "、".join(p for p in parts if p not in PERSON_WORDS | FAMILY_WORDS)
    return person, family, agencies


@dataclass
class ContactRow:
    number: str
    occurred_at: datetime.datetime
    fields: dict = field(default_factory=dict)
    staff: list = field(default_factory=list)


def parse_contact_row(row, mapping, *, cases, staff) -> ContactRow:
    cells = RowReader(row, mapping)
    number = cells.text("ケース番号", required=True)
    if number and number not in cases:
        cells.error("ケース番号", _("No case has this number. Import the case ledger first."))
    occurred_at = cells.value("日時", parse_datetime_cell, required=True)
    channel = cells.value("方法", optional(CHANNEL.match)) or Channel.OTHER
    members = []
    for name in _names(cells.text("担当者")):
        member = staff.get(normalize_name(name))
        if member is None:
            cells.error(
                "担当者",
                _("No staff member of this organization is called “%(name)s”.") % {"name": name},
            )
        else:
            members.append(member)
    if not _names(cells.text("担当者")):
        cells.error("担当者", _("Name the staff member who made the contact."))
    lone_reason = cells.text("単独の理由")
    if channel in TEAM_CHANNELS and len(members) == 1 and not lone_reason:
        cells.error(
            "担当者",
            _(
                "A home visit or accompanied outing needs two staff (separate names with ・), "
                "or a reason in the column 単独の理由."
            ),
        )
    summary = cells.text("内容", required=True)
    outcome = cells.value("結果", optional(OUTCOME.match)) or (
        Outcome.LEFT_NOTE if channel == Channel.LETTER else Outcome.NOT_RECORDED
    )
    cells.check()  # every cell has been read: all of the row's problems are reported at once
    person, family, agencies = _who(cells.text("相手"))
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
            "next_action": cells.text("次回予定"),
            "lone_visit_reason": lone_reason,
        },
    )


def write_contacts(rows: list[ContactRow], *, actor, cases) -> tuple[int, int, int]:
    """Add the records not already there; a record already imported is left unchanged."""
    known = set(
        ContactRecord.objects.for_organization(actor.organization)
        .filter(case__in=[cases[r.number] for r in rows])
        .values_list("case_id", "occurred_at", "channel", "summary")
    )
    created = unchanged = 0
    for row in rows:
        case = cases[row.number]
        if (case.pk, row.occurred_at, row.fields["channel"], row.fields["summary"]) in known:
            unchanged += 1
            continue
        services.record_contact(
            actor=actor, case=case, staff=row.staff, occurred_at=row.occurred_at, **row.fields
        )
        created += 1
    return created, 0, unchanged


def contact_import(organization, actor) -> dict:
    """The keyword arguments of ``run_import`` for the contact ledger of this organization."""
    cases = {
        c.number: c for c in Case.objects.for_organization(organization).select_related("household")
    }
    return {
        "columns": COLUMNS,
        "parse_row": partial(parse_contact_row, cases=cases, staff=staff_by_name(organization)),
        "write_rows": partial(write_contacts, actor=actor, cases=cases),
        "key": lambda row: (
            row.number,
            row.occurred_at,
            row.fields["channel"],
            row.fields["summary"],
        ),
    }
