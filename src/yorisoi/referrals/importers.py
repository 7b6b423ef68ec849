"""Importing a referral ledger: ケース番号, 紹介日, 紹介先, 目的, 理由; optional 方法, 提供情報,
根拠, 支援会議.

Every row passes the same consent gate as the pages and the API: a row that would send
personal information without a consent in force covering the agency, purpose and items is
reported with the consent that is missing, and nothing is written. The emergency exception
cannot be used from a ledger. Re-importing adds nothing already there (same case, day,
agency and reason).
"""

from dataclasses import dataclass, field
from functools import partial

from django.utils.translation import gettext as _

from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.cases.importers import optional
from yorisoi.cases.models import Case
from yorisoi.consents.models import InformationItem, SharingPurpose
from yorisoi.core.importing import ChoiceMatcher, Column, RowReader, parse_date_cell
from yorisoi.core.text import normalize_name
from yorisoi.referrals import gate, services
from yorisoi.referrals.choices import Basis, Channel
from yorisoi.referrals.models import Referral

COLUMNS = [
    Column("ケース番号", required=True, aliases=("番号", "ケースNo")),
    Column("紹介日", required=True, aliases=("日付", "つなぎ日")),
    Column("紹介先", required=True, aliases=("機関", "紹介機関", "つなぎ先")),
    Column("目的", aliases=("紹介の目的",)),
    Column("理由", required=True, aliases=("内容", "紹介理由")),
    Column("方法", aliases=("手段",)),
    Column("提供情報", aliases=("提供した情報", "情報")),
    Column("根拠", aliases=("提供の根拠",)),
    Column("支援会議"),
]
PURPOSE = ChoiceMatcher(
    SharingPurpose,
    {"紹介": "referral", "つなぎ": "referral", "連携": "coordination", "会議": "case_meeting"},
)
CHANNEL = ChoiceMatcher(
    Channel,
    {
        "電話": "phone",
        "紹介状": "document",
        "文書": "document",
        "メール": "email",
        "同行": "accompany",
    },
)
ITEM = ChoiceMatcher(
    InformationItem,
    {
        "氏名": "identity",
        "連絡先": "identity",
        "基本情報": "identity",
        "家族": "household",
        "世帯": "household",
        "経過": "consultation",
        "相談内容": "consultation",
        "健康": "health",
        "医療": "health",
        "アセスメント": "assessment",
        "計画": "plan",
    },
)
BASIS = ChoiceMatcher(
    Basis,
    {"なし": "none", "同意": "consent", "支援会議": "council", "会議": "council"},
)
_SEPARATORS = str.maketrans(dict.fromkeys("、,，/／", "・"))


@dataclass
class ReferralRow:
    case: Case
    agency: Agency
    fields: dict = field(default_factory=dict)


def _items(text: str) -> list[str]:
    parts = [p.strip() for p in text.translate(_SEPARATORS).split("・") if p.strip()]
    # A part given the meaning "leave it empty" adds nothing.
    items = {ITEM.match(p) for p in parts} - {""}
    return sorted(items, key=InformationItem.values.index)


def parse_referral_row(row, mapping, *, actor, cases, agencies, councils) -> ReferralRow:
    cells = RowReader(row, mapping)
    number = cells.code("ケース番号", required=True)
    case = cases.get(number)
    if number and case is None:
        cells.error("ケース番号", _("No case has this number. Import the case ledger first."))
    referred_on = cells.value("紹介日", parse_date_cell, required=True)
    name = cells.text("紹介先", required=True)
    agency = agencies.get(normalize_name(name))
    if name and agency is None:
        cells.error(
            "紹介先",
            _("No agency in your directory is called “%(name)s”.") % {"name": name},
        )
    purpose = cells.value("目的", optional(PURPOSE.match)) or SharingPurpose.REFERRAL
    reason = cells.text("理由", required=True)
    channel = cells.value("方法", optional(CHANNEL.match)) or Channel.OTHER
    items = cells.value("提供情報", _items) or []
    basis = cells.value("根拠", optional(BASIS.match)) or (Basis.CONSENT if items else Basis.NONE)
    if basis == Basis.EMERGENCY:
        cells.error("根拠", _("The emergency exception cannot be recorded from a ledger."))
    council = None
    if council_name := cells.text("支援会議"):
        council = councils.get(normalize_name(council_name))
        if council is None:
            cells.error(
                "支援会議",
                _("No support council is called “%(name)s”.") % {"name": council_name},
            )
    cells.check()
    assert referred_on is not None  # required: check() has raised without it
    decision = gate.check(
        actor=actor,
        case=case,
        agency=agency,
        purpose=purpose,
        items=items,
        on=referred_on,
        basis=basis,
        council=council,
    )
    if not decision.allowed:
        for problem in decision.problems:
            cells.error("提供情報", problem)
        cells.check()
    return ReferralRow(
        case=case,
        agency=agency,
        fields={
            "referred_on": referred_on,
            "purpose": purpose,
            "reason": reason,
            "channel": channel,
            "items": items,
            "basis": basis,
            "council": council,
        },
    )


def write_referrals(rows: list[ReferralRow], *, actor, progress=None) -> tuple[int, int, int]:
    known = set(
        Referral.objects.for_organization(actor.organization)
        .filter(case__in={r.case.pk for r in rows})
        .values_list("case_id", "referred_on", "agency_id", "reason")
    )
    created = unchanged = 0
    for done, row in enumerate(rows, start=1):
        if progress is not None and (done % 100 == 0 or done == len(rows)):
            progress(done)
        key = (row.case.pk, row.fields["referred_on"], row.agency.pk, row.fields["reason"])
        if key in known:
            unchanged += 1
            continue
        # A ledger records referrals already made: nothing is delivered anywhere now.
        services.refer(actor=actor, case=row.case, agency=row.agency, deliver=False, **row.fields)
        known.add(key)
        created += 1
    return created, 0, unchanged


def referral_import(organization, actor) -> dict:
    cases = {
        c.number: c for c in Case.objects.for_organization(organization).select_related("person")
    }
    # Only the organization's own entries: a name must never match another's shared entry.
    agencies = Agency.objects.for_organization(organization).by_name()
    councils = {
        normalize_name(c.name): c for c in SupportCouncil.objects.for_organization(organization)
    }
    return {
        "columns": COLUMNS,
        "parse_row": partial(
            parse_referral_row, actor=actor, cases=cases, agencies=agencies, councils=councils
        ),
        "write_rows": partial(write_referrals, actor=actor),
        "key": lambda row: (
            row.case.number,
            row.fields["referred_on"],
            row.agency.pk,
            row.fields["reason"],
        ),
    }
