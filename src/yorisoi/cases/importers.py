"""Importing cases from a center's Excel ledger (ケース台帳).

Columns: ケース番号, 受付日 (required), 氏名, ふりがな, 性別, 生年月日, 年齢, 市区町村, 最初の相談者,
相談経路, 初回の相談方法, 状態, 担当者, 終結日, 終結理由. Re-importing the same file changes
nothing: a case number already known updates that case, and only where a value differs.

相談経路 is read both ways ledgers use it: how they learned of us (広報, HP, 知人 …), the first
consultation's channel (電話, 来所, メール, 訪問, オンライン, 手紙, 紹介), or 「紹介（X）」 — a referral
by X, linked to the directory entry of that name or kept as text. A 担当者 who is not a current
member is kept as text in the case's import record instead of refusing the file.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from functools import partial

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from yorisoi.agencies.models import Agency
from yorisoi.cases import services
from yorisoi.cases.choices import (
    AgeBand,
    CaseStatus,
    CloseReason,
    FirstChannel,
    FirstConsulter,
    ReferralRoute,
    Sex,
)
from yorisoi.cases.models import Case
from yorisoi.core.importing import (
    ChoiceMatcher,
    Column,
    RowReader,
    parse_date_cell,
    parse_int_cell,
)
from yorisoi.core.roles import CASE_STAFF
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership

COLUMNS = [
    Column("ケース番号", required=True, aliases=("番号", "ケースNo", "No")),
    Column("受付日", required=True, aliases=("相談日", "受理日", "初回相談日")),
    Column("氏名", aliases=("名前", "本人氏名", "本人名")),
    Column("ふりがな", aliases=("フリガナ", "よみがな", "ヨミガナ", "カナ")),
    Column("性別"),
    Column("生年月日", aliases=("誕生日",)),
    Column("年齢", aliases=("年代",)),
    Column("市区町村", aliases=("住所", "居住地")),
    Column("最初の相談者", aliases=("相談者", "初回相談者")),
    Column("相談経路", aliases=("経路", "紹介経路", "きっかけ")),
    Column("初回の相談方法", aliases=("初回相談方法", "相談方法", "受付方法")),
    Column("状態", aliases=("状況", "ステータス")),
    Column("担当者", aliases=("担当", "主担当", "担当職員")),
    Column("終結日", aliases=("終了日",)),
    Column("終結理由", aliases=("終了理由",)),
]

BATCH = 500  # new cases written a batch at a time

# Words that mean "not known": the cell is treated as empty.
UNKNOWN_WORDS = frozenset({"不明", "未確認", "-", "ー", "―", "？", "?", "なし"})

# Ledger vocabulary is spelled out here, so imports do not depend on the screens' wording.
SEX = ChoiceMatcher(
    Sex,
    {
        "男性": Sex.MALE,
        "女性": Sex.FEMALE,
        "その他": Sex.OTHER,
        "男": Sex.MALE,
        "女": Sex.FEMALE,
        "m": Sex.MALE,
        "f": Sex.FEMALE,
        "無回答": Sex.NO_ANSWER,
        "回答なし": Sex.NO_ANSWER,
    },
)
AGE_BAND = ChoiceMatcher(
    AgeBand,
    {
        "10歳未満": AgeBand.UNDER_10,
        "10代": AgeBand.TEENS,
        "20代": AgeBand.TWENTIES,
        "30代": AgeBand.THIRTIES,
        "40代": AgeBand.FORTIES,
        "50代": AgeBand.FIFTIES,
        "60代": AgeBand.SIXTIES,
        "70代": AgeBand.SEVENTIES,
        "80代": AgeBand.EIGHTY_PLUS,
        "90代": AgeBand.EIGHTY_PLUS,
        "80代以上": AgeBand.EIGHTY_PLUS,
        "80歳以上": AgeBand.EIGHTY_PLUS,
    },
)
FIRST_CONSULTER = ChoiceMatcher(
    FirstConsulter,
    {
        "本人": FirstConsulter.SELF,
        "母親": FirstConsulter.MOTHER,
        "父親": FirstConsulter.FATHER,
        "きょうだい": FirstConsulter.SIBLING,
        "祖父母": FirstConsulter.GRANDPARENT,
        "叔母": FirstConsulter.OTHER_FAMILY,
        "叔父": FirstConsulter.OTHER_FAMILY,
        "伯母": FirstConsulter.OTHER_FAMILY,
        "伯父": FirstConsulter.OTHER_FAMILY,
        "その他の家族": FirstConsulter.OTHER_FAMILY,
        "近隣住民": FirstConsulter.NEIGHBOUR,
        "ケアマネジャー": FirstConsulter.CARE_MANAGER,
        "地域包括支援センター": FirstConsulter.COMMUNITY_CENTER,
        "医療ソーシャルワーカー": FirstConsulter.MEDICAL_SOCIAL_WORKER,
        "訪問看護師": FirstConsulter.VISITING_NURSE,
        "就労支援機関": FirstConsulter.EMPLOYMENT_SUPPORT,
        "フードバンク": FirstConsulter.FOOD_BANK,
        "当事者会": FirstConsulter.PEER_GROUP,
        "家族会": FirstConsulter.FAMILY_GROUP,
        "他の支援機関": FirstConsulter.OTHER_AGENCY,
        "その他": FirstConsulter.OTHER,
        "母": FirstConsulter.MOTHER,
        "父": FirstConsulter.FATHER,
        "両親": FirstConsulter.PARENTS,
        "父母": FirstConsulter.PARENTS,
        "兄": FirstConsulter.SIBLING,
        "姉": FirstConsulter.SIBLING,
        "弟": FirstConsulter.SIBLING,
        "妹": FirstConsulter.SIBLING,
        "兄弟": FirstConsulter.SIBLING,
        "姉妹": FirstConsulter.SIBLING,
        "祖母": FirstConsulter.GRANDPARENT,
        "祖父": FirstConsulter.GRANDPARENT,
        "妻": FirstConsulter.SPOUSE,
        "夫": FirstConsulter.SPOUSE,
        "配偶者": FirstConsulter.SPOUSE,
        "家族": FirstConsulter.OTHER_FAMILY,
        "親族": FirstConsulter.OTHER_FAMILY,
        "近所": FirstConsulter.NEIGHBOUR,
        "近隣": FirstConsulter.NEIGHBOUR,
        "民生委員": FirstConsulter.WELFARE_COMMISSIONER,
        "ケアマネ": FirstConsulter.CARE_MANAGER,
        "地域包括": FirstConsulter.COMMUNITY_CENTER,
        "包括": FirstConsulter.COMMUNITY_CENTER,
        "学校": FirstConsulter.SCHOOL,
        "スクールカウンセラー": FirstConsulter.SCHOOL,
        "SC": FirstConsulter.SCHOOL,
        "MSW": FirstConsulter.MEDICAL_SOCIAL_WORKER,
        "訪問看護": FirstConsulter.VISITING_NURSE,
        "サポステ": FirstConsulter.EMPLOYMENT_SUPPORT,
        "ハローワーク": FirstConsulter.EMPLOYMENT_SUPPORT,
        "自立相談": FirstConsulter.NEEDS_SUPPORT_CENTER,
        "生活困窮": FirstConsulter.NEEDS_SUPPORT_CENTER,
        "当事者": FirstConsulter.PEER_GROUP,
        "関係機関": FirstConsulter.OTHER_AGENCY,
    },
)


def _route(label):
    return format_lazy("{}: {}", gettext_lazy("Referral route"), label)


def _channel(label):
    return format_lazy("{}: {}", gettext_lazy("First consultation channel"), label)


class RouteOrChannel(models.TextChoices):
    """What a 相談経路 cell may mean: how they learned of us, or how they first consulted."""

    PUBLICITY = ReferralRoute.PUBLICITY, _route(ReferralRoute.PUBLICITY.label)
    WEBSITE = ReferralRoute.WEBSITE, _route(ReferralRoute.WEBSITE.label)
    AGENCY = ReferralRoute.AGENCY, _route(ReferralRoute.AGENCY.label)
    ACQUAINTANCE = ReferralRoute.ACQUAINTANCE, _route(ReferralRoute.ACQUAINTANCE.label)
    FAMILY_GROUP = ReferralRoute.FAMILY_GROUP, _route(ReferralRoute.FAMILY_GROUP.label)
    OUTREACH = ReferralRoute.OUTREACH, _route(ReferralRoute.OUTREACH.label)
    OTHER = ReferralRoute.OTHER, _route(ReferralRoute.OTHER.label)
    PHONE = FirstChannel.PHONE, _channel(FirstChannel.PHONE.label)
    OFFICE = FirstChannel.OFFICE, _channel(FirstChannel.OFFICE.label)
    EMAIL = FirstChannel.EMAIL, _channel(FirstChannel.EMAIL.label)
    HOME_VISIT = FirstChannel.HOME_VISIT, _channel(FirstChannel.HOME_VISIT.label)
    ONLINE = FirstChannel.ONLINE, _channel(FirstChannel.ONLINE.label)
    LETTER = FirstChannel.LETTER, _channel(FirstChannel.LETTER.label)
    REFERRAL = FirstChannel.REFERRAL, _channel(FirstChannel.REFERRAL.label)


# (referral route, first channel) each meaning sets; a referral is both.
ROUTE_AND_CHANNEL = {
    **{value: (value, "") for value in ReferralRoute.values},
    **{value: ("", value) for value in FirstChannel.values},
    FirstChannel.REFERRAL: (ReferralRoute.AGENCY, FirstChannel.REFERRAL),
}
CHANNEL_WORDS = {
    "電話": FirstChannel.PHONE,
    "TEL": FirstChannel.PHONE,
    "電話相談": FirstChannel.PHONE,
    "来所": FirstChannel.OFFICE,
    "来所相談": FirstChannel.OFFICE,
    "来談": FirstChannel.OFFICE,
    "窓口": FirstChannel.OFFICE,
    "メール": FirstChannel.EMAIL,
    "Eメール": FirstChannel.EMAIL,
    "mail": FirstChannel.EMAIL,
    "訪問": FirstChannel.HOME_VISIT,
    "家庭訪問": FirstChannel.HOME_VISIT,
    "オンライン": FirstChannel.ONLINE,
    "Zoom": FirstChannel.ONLINE,
    "ウェブ面談": FirstChannel.ONLINE,
    "手紙": FirstChannel.LETTER,
    "郵送": FirstChannel.LETTER,
    "文書": FirstChannel.LETTER,
    "紹介": FirstChannel.REFERRAL,
    "関係機関": FirstChannel.REFERRAL,
    "機関紹介": FirstChannel.REFERRAL,
    "他機関紹介": FirstChannel.REFERRAL,
}
ROUTE_OR_CHANNEL = ChoiceMatcher(
    RouteOrChannel,
    {
        **CHANNEL_WORDS,
        "その他": ReferralRoute.OTHER,
        "広報": ReferralRoute.PUBLICITY,
        "広報誌": ReferralRoute.PUBLICITY,
        "チラシ": ReferralRoute.PUBLICITY,
        "ポスター": ReferralRoute.PUBLICITY,
        "HP": ReferralRoute.WEBSITE,
        "ホームページ": ReferralRoute.WEBSITE,
        "インターネット": ReferralRoute.WEBSITE,
        "SNS": ReferralRoute.WEBSITE,
        "知人": ReferralRoute.ACQUAINTANCE,
        "友人": ReferralRoute.ACQUAINTANCE,
        "家族会": ReferralRoute.FAMILY_GROUP,
        "当事者会": ReferralRoute.FAMILY_GROUP,
        "アウトリーチ": ReferralRoute.OUTREACH,
    },
)
FIRST_CHANNEL = ChoiceMatcher(FirstChannel, CHANNEL_WORDS)
# 「紹介（地域包括）」, 「紹介(保健所)」, 「紹介：民生委員」 (NFKC has made the brackets half-width).
_REFERRED_BY = re.compile(r"(?:他機関|機関)?紹介\s*(?:\((?P<paren>.+)\)|[:：]\s*(?P<colon>.+))")


STATUS = ChoiceMatcher(
    CaseStatus,
    {
        "受付": CaseStatus.INTAKE,
        "支援中": CaseStatus.ACTIVE,
        "中断": CaseStatus.PAUSED,
        "終結": CaseStatus.CLOSED,
        "見守り": CaseStatus.WATCHING,
        "新規": CaseStatus.INTAKE,
        "受理": CaseStatus.INTAKE,
        "継続": CaseStatus.ACTIVE,
        "対応中": CaseStatus.ACTIVE,
        "支援継続": CaseStatus.ACTIVE,
        "休止": CaseStatus.PAUSED,
        "保留": CaseStatus.PAUSED,
        "終了": CaseStatus.CLOSED,
        "終結済": CaseStatus.CLOSED,
        "見守り中": CaseStatus.WATCHING,
        "フォロー": CaseStatus.WATCHING,
    },
)
CLOSE_REASON = ChoiceMatcher(
    CloseReason,
    {
        "本人の選んだ目標に到達": CloseReason.GOAL_REACHED,
        "他機関へつないだ": CloseReason.REFERRED,
        "連絡が途絶えた": CloseReason.CONTACT_LOST,
        "本人・家族が終了を希望": CloseReason.DECLINED,
        "その他": CloseReason.OTHER,
        "目標達成": CloseReason.GOAL_REACHED,
        "他機関紹介": CloseReason.REFERRED,
        "つなぎ": CloseReason.REFERRED,
        "紹介": CloseReason.REFERRED,
        "転居": CloseReason.MOVED,
        "連絡途絶": CloseReason.CONTACT_LOST,
        "中断": CloseReason.CONTACT_LOST,
        "本人希望": CloseReason.DECLINED,
        "家族希望": CloseReason.DECLINED,
        "終了希望": CloseReason.DECLINED,
    },
)


def optional(matcher):
    """A matcher that takes the words for 'not known' as an empty cell."""

    def parse(text: str) -> str:
        return "" if text.strip() in UNKNOWN_WORDS else matcher(text)

    return parse


def staff_by_name(organization) -> dict[str, Membership]:
    """Staff of the organization by normalized full name, furigana and username; where a name
    is shared, the active member (one who left never hides a current one)."""
    found: dict[str, Membership] = {}
    members = Membership.objects.filter(organization=organization).select_related("user")
    for member in members.order_by("is_active", "pk"):  # active ones last: they win
        for key in (member.user.full_name, member.user.full_name_kana, member.user.username):
            if key:
                found[normalize_name(key)] = member
    return found


def current_member(staff: dict[str, Membership], name: str, roles=None) -> Membership | None:
    """The active member of that name (of one of ``roles``, if given), else None."""
    member = staff.get(normalize_name(name))
    if member is None or not member.is_active or (roles and member.role not in roles):
        return None
    return member


def read_route(text: str, directory: dict) -> dict:
    """The case fields a 相談経路 cell sets (raises UnknownChoice for a word it cannot read).

    「紹介（X）」 is a referral by X: the directory entry of that name when there is one, else
    X kept as text.
    """
    if m := _REFERRED_BY.fullmatch(unicodedata.normalize("NFKC", text).strip()):
        source = (m["paren"] or m["colon"]).strip()
        return {
            "referral_route": ReferralRoute.AGENCY,
            "first_channel": FirstChannel.REFERRAL,
            "referral_source": source,
            "referral_agency": directory.get(normalize_name(source)),
        }
    if text.strip() in UNKNOWN_WORDS:
        return {}
    route, channel = ROUTE_AND_CHANNEL.get(ROUTE_OR_CHANNEL.match(text), ("", ""))
    return {"referral_route": route, "first_channel": channel}


@dataclass
class CaseRow:
    number: str
    opened_on: datetime.date
    person: dict = field(default_factory=dict)
    case: dict = field(default_factory=dict)
    staff_as_recorded: str = ""  # a 担当者 who is not a current member


def parse_case_row(row, mapping, *, staff, directory) -> CaseRow:
    cells = RowReader(row, mapping)
    number = cells.code("ケース番号", required=True)
    opened_on = cells.value("受付日", parse_date_cell, required=True)
    birth_date = cells.value("生年月日", optional(parse_date_cell))
    age_text = cells.text("年齢").replace("歳", "").strip()
    age_band, age = "", None
    if age_text and age_text not in UNKNOWN_WORDS:
        if "代" in age_text or "未満" in age_text or "以上" in age_text:
            age_band = cells.value("年齢", AGE_BAND.match) or ""
        else:
            age = cells.value("年齢", partial(parse_int_cell, min_value=0, max_value=120))
            age_band = AgeBand.for_age(age) if age is not None else ""
    status = cells.value("状態", optional(STATUS.match)) or ""
    closed_on = cells.value("終結日", optional(parse_date_cell))
    close_reason = cells.value("終結理由", optional(CLOSE_REASON.match)) or ""
    if closed_on and not status:
        status = CaseStatus.CLOSED
    if status == CaseStatus.CLOSED and not closed_on:
        cells.error("終結日", _("A closed case needs the date it was closed."))
    if closed_on and opened_on and closed_on < opened_on:
        cells.error("終結日", _("The case cannot close before it was opened."))
    if birth_date and opened_on and birth_date > opened_on:
        cells.error("生年月日", _("The date of birth is after the date the case was opened."))
    staff_name = cells.name("担当者", blank=UNKNOWN_WORDS)
    staff_member = None
    if staff_name and staff_name not in UNKNOWN_WORDS:
        staff_member = current_member(staff, staff_name, CASE_STAFF)
        if staff_member is None:
            cells.note(
                "担当者",
                _(
                    "“%(name)s” is not a current caseworker or supervisor: the name is kept in "
                    "the case's record of the import, and no primary worker is set."
                )
                % {"name": staff_name},
            )
    sex = cells.value("性別", optional(SEX.match)) or ""
    first_consulter = cells.value("最初の相談者", optional(FIRST_CONSULTER.match))
    route = cells.value("相談経路", partial(read_route, directory=directory)) or {}
    if route.get("referral_source"):
        cells.check_name("相談経路", route["referral_source"])
    first_channel = cells.value("初回の相談方法", optional(FIRST_CHANNEL.match))
    names = {
        "name": cells.name("氏名", blank=UNKNOWN_WORDS),
        "name_kana": cells.name("ふりがな", blank=UNKNOWN_WORDS),
        "municipality": cells.name("市区町村", blank=UNKNOWN_WORDS),
    }
    cells.check()  # every cell has been read: all of the row's problems are reported at once
    assert opened_on is not None  # a required cell: check() raised if it was empty or wrong
    # Only what the file says: an empty cell never blanks a value already known.
    person = {
        **names,
        "sex": sex,
        "birth_date": birth_date,
        "age_band": "" if birth_date else age_band,
        # 「28歳」 is kept as told on the day of the consultation, not only as 20代.
        "age_told": None if birth_date else age,
        "age_told_on": None if birth_date or age is None else opened_on,
    }
    person = {
        key: value
        for key, value in person.items()
        if (value or value == 0) and value not in UNKNOWN_WORDS
    }
    case = {
        "first_consulter": first_consulter,
        **route,
        "status": status,
        "closed_on": closed_on,
        "close_reason": close_reason,
        "primary_staff": staff_member,
    }
    if first_channel:
        case["first_channel"] = first_channel  # its own column says it more exactly
    case = {key: value for key, value in case.items() if value}
    return CaseRow(
        number=number,
        opened_on=opened_on,
        person=person,
        case=case,
        staff_as_recorded=staff_name if staff_member is None and staff_name else "",
    )


def _differences(instance, values: dict) -> dict:
    return {k: v for k, v in values.items() if getattr(instance, k) != v}


def write_cases(rows: list[CaseRow], *, actor, progress=None) -> tuple[int, int, int]:
    """Create new cases (in bulk) and bring known ones up to date; report created/updated/
    unchanged."""
    existing = {
        c.number: c
        for c in Case.objects.for_organization(actor.organization)
        .filter(number__in=[r.number for r in rows])
        .select_related("person")
    }
    new = [
        services.NewCase(
            number=row.number,
            opened_on=row.opened_on,
            # A ledger that does not say who consulted first still opens its cases.
            first_consulter=row.case.get("first_consulter", FirstConsulter.NOT_RECORDED),
            person_data=row.person,
            case_fields={k: v for k, v in row.case.items() if k != "first_consulter"},
            note=_("Imported from a ledger (staff in the ledger: %(name)s).")
            % {"name": row.staff_as_recorded}
            if row.staff_as_recorded
            else _("Imported from a ledger."),
        )
        for row in rows
        if row.number not in existing
    ]
    done = 0
    for start in range(0, len(new), BATCH):
        services.open_cases(actor=actor, new=new[start : start + BATCH])
        done += len(new[start : start + BATCH])
        if progress is not None:
            progress(done)
    updated = unchanged = 0
    for row in rows:
        case = existing.get(row.number)
        if case is None:
            continue
        done += 1
        if progress is not None and (done % 100 == 0 or done == len(rows)):
            progress(done)
        person_changes = _differences(case.person, row.person)
        case_changes = _differences(case, {**row.case, "opened_on": row.opened_on})
        if not person_changes and not case_changes:
            unchanged += 1
            continue
        if person_changes:
            services.change_person(
                actor=actor,
                person=case.person,
                expected_version=case.person.version,
                **person_changes,
            )
        if case_changes:
            services.change_case(
                actor=actor, case=case, expected_version=case.version, **case_changes
            )
        updated += 1
    return len(new), updated, unchanged


def case_import(organization, actor) -> dict:
    """The keyword arguments of ``run_import`` for the case ledger of this organization."""
    return {
        "columns": COLUMNS,
        "parse_row": partial(
            parse_case_row,
            staff=staff_by_name(organization),
            # A referring agency named in 相談経路 links to the directory entry of that name.
            directory=Agency.objects.usable_by(organization).by_name(),
        ),
        "write_rows": partial(write_cases, actor=actor),
        "key": lambda row: row.number,
    }
