"""Synthetic data at the scale of a large organization, for ``yorisoi bench``.

20,000 cases and 1,000,000 contact records (by default) in an organization of its own, with
what the pages show around them: households, intake sheets, inquiries, consents, assessments,
meetings, plans, evaluations, referrals, handovers, follow-ups and the audit log. Rows are
written in bulk (COPY on PostgreSQL, ``executemany`` elsewhere), not through the services:
this is load, not casework. The side tables are filled as the app fills them: each created
row has its audit event (as ``audit.signals`` writes it), notes carry ``search_text`` (and on
SQLite their FTS rows), and the search index is built once at the end.
"""

from __future__ import annotations

import datetime
import functools
import random
import threading
from collections.abc import Callable, Iterable
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, models, transaction
from django.utils import timezone, translation

from yorisoi.accounts.models import User
from yorisoi.agencies.models import Agency, SupportCouncil
from yorisoi.assessments.models import Assessment, RiskFinding, UrgencyChange
from yorisoi.audit.models import AuditEvent
from yorisoi.cases.choices import AgeBand, CaseStatus, FirstConsulter, SupportStage
from yorisoi.cases.models import (
    Case,
    CaseEvent,
    ClosureRequest,
    FollowUp,
    Household,
    HouseholdMember,
    Inquiry,
    Intake,
    Person,
)
from yorisoi.consents.models import Consent
from yorisoi.contacts import state
from yorisoi.contacts.models import ContactRecord, ContactRecordVersion
from yorisoi.core import search
from yorisoi.core.models import AuditedModel
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.text import bigrams, normalize_name
from yorisoi.demo.referrals import DIRECTORY
from yorisoi.evaluations.models import Evaluation, InstrumentVersion, Score
from yorisoi.evaluations.scoring import ratings_key
from yorisoi.handovers.models import Handover
from yorisoi.meetings.models import Attendee, CaseMeeting, MeetingAction
from yorisoi.organizations.models import Membership, Organization
from yorisoi.plans.models import Goal, PlanReview, SupportPlan
from yorisoi.referrals.models import IncomingReferral, ProvisionRecord, Referral

SLUG = "bench-center"
VIA = "command:bench"  # the path audit events of a command carry (core.acting)
# Topic words: each note carries a few, so that a common one (母, 訪問) is in some tens of
# thousands of a million notes, as in the project's search measurements.
WORDS = [
    "母",
    "父",
    "本人",
    "訪問",
    "電話",
    "手紙",
    "面談",
    "家族",
    "自宅",
    "部屋",
    "食事",
    "睡眠",
    "外出",
    "散歩",
    "居場所",
    "相談",
    "病院",
    "通院",
    "ゲーム",
    "会話",
    "挨拶",
    "扉越し",
    "返信",
    "メール",
    "来所",
    "同行",
    "家族会",
    "仕事",
    "将来",
    "不安",
    "落ち着いて",
    "久しぶりに",
    "少し",
    "話した",
    "様子",
    "伝えた",
    "確認した",
    "次回",
    "予定",
    "変化",
    "体調",
    "夜",
    "昼",
    "生活",
    "支援",
    "見学",
    "ハローワーク",
    "保健所",
    "訪問看護",
    "ショートメール",
]
FAMILY = [
    "青木",
    "石田",
    "上野",
    "大野",
    "川村",
    "北村",
    "小松",
    "坂口",
    "島田",
    "杉山",
    "高木",
    "千葉",
]
GIVEN = [
    "たくや",
    "けんた",
    "なおき",
    "みさき",
    "ゆか",
    "まり",
    "ひかる",
    "かおる",
    "あゆむ",
    "じゅん",
]
PARENT_GIVEN = ["和子", "洋子", "恵子", "幸子", "博", "誠", "茂", "清"]
AREAS = ["中央", "北", "南", "東", "西", "みなと", "あおば", "さくら"]
SHORT_TEXTS = [
    "本人は自室で過ごすことが多い。母が一人で抱えてきた。",
    "父は仕事を退職し、家にいる時間が増えた。",
    "夜に外出してコンビニに行くことはある。",
    "ゲームの話なら少しできる。",
    "家族会への参加を勧めた。",
    "保健所の相談歴がある。",
    "将来のことを話すと不安が強くなる。",
]
NEXT_ACTIONS = ["次回の面談を調整", "手紙を送る", "母に電話する", "家族会の案内を渡す"]

# Everyday filler: two-character words from common kanji and kana, a vocabulary of thousands.
_FILLER_CHARS = (
    "日時人年月話今後前中大小高長新古多少早気心体手足目口耳声顔頭時間朝昼夜週先次回方何事物場所"
    "家族親子兄弟姉妹友達近所町村市区学校職員相談支援記録確認連絡調整予定希望意見理由結果様子状況"
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
)


def _filler(rng: random.Random) -> str:
    return rng.choice(_FILLER_CHARS) + rng.choice(_FILLER_CHARS)


# Filler text drawn once; each note is a slice of it (drawing every character of a million
# notes one by one was most of the contacts' build time).
_POOL_SIZE = 1 << 20


@functools.cache
def _pool() -> str:
    return "".join(random.Random(7).choices(_FILLER_CHARS, k=_POOL_SIZE))


def _note(rng: random.Random) -> str:
    """A note of about 300 characters: filler words, a few topic words, some full stops."""
    n = rng.randint(60, 220)
    start = 2 * rng.randrange(_POOL_SIZE // 2 - n)
    text = _pool()[start : start + 2 * n]
    inserts = [(2 * rng.randrange(n + 1), rng.choice(WORDS)) for _ in range(rng.randint(0, 3))]
    inserts += [(2 * rng.randrange(1, n + 1), "。") for _ in range(n // 10)]  # after a word
    pieces, at = [], 0
    for position, word in sorted(inserts, key=lambda insert: insert[0]):
        pieces += [text[at:position], word]
        at = position
    pieces.append(text[at:])
    return "".join(pieces)[:500]


def existing() -> Organization | None:
    """The bench organization, if a build of it finished (an interrupted one raises)."""
    org = Organization.objects.filter(slug=SLUG).first()
    if org is None:
        return None
    if not AuditEvent.objects.filter(
        organization_id=org.pk, action=AuditAction.CREATE, detail__has_key="bench"
    ).exists():
        raise RuntimeError(
            "This database holds an unfinished bench build; use a fresh database "
            "(dropdb/createdb) and run the bench again."
        )
    return org


def _choices(model: type[models.Model], name: str) -> list[str]:
    field = model._meta.get_field(name)
    if not isinstance(field, models.Field) or field.choices is None:
        raise TypeError(f"{model.__name__}.{name} has no choices")
    return [value for value, _label in field.choices]


# --- Writing rows in bulk ---------------------------------------------------------------------


def _column(field: models.Field[Any, Any]) -> str:
    if field.column is None:  # concrete fields always have a column
        raise TypeError(f"{field} has no column")
    return field.column


_MISSING = object()


class _Table:
    """How one model's rows are written: every concrete column, defaults for those not given."""

    def __init__(self, model: type[models.Model], org_id: int, now: datetime.datetime):
        self.model = model
        self.table = model._meta.db_table
        self.fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in self.fields]
        self.defaults: dict[str, Any] = {}
        for f in self.fields:
            if f.primary_key:
                continue
            if f.attname == "organization_id" and model is not Organization:
                self.defaults[f.attname] = org_id
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            elif f.has_default():
                self.defaults[f.attname] = f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            elif isinstance(f, models.CharField | models.TextField):
                self.defaults[f.attname] = ""
        self.json = {f.attname for f in self.fields if isinstance(f, models.JSONField)}

    def values(self, row: dict, fields) -> tuple:
        out = []
        for f in fields:
            value = row.get(f.attname, _MISSING)
            if value is _MISSING:
                if f.attname == "updated_at" and "created_at" in row:
                    value = row["created_at"]
                else:
                    try:
                        value = self.defaults[f.attname]
                    except KeyError:
                        raise KeyError(f"{self.model.__name__}.{f.attname} needs a value") from None
            out.append(value)
        return tuple(out)


class Writer:
    """Writes rows of many models, with the audit events the app would have written."""

    def __init__(self, org: Organization, now: datetime.datetime, actors: dict[int, tuple]):
        self.org = org
        self.now = now
        self.vendor = connection.vendor
        self.actors = actors  # membership id -> (user id, username)
        self.default_actor = next(iter(actors.values()))
        self._tables: dict[type, _Table] = {}
        self.counts: dict[str, int] = {}

    def _table(self, model) -> _Table:
        if model not in self._tables:
            self._tables[model] = _Table(model, self.org.pk, self.now)
        return self._tables[model]

    def reserve(self, model: type[models.Model], n: int) -> int:
        """The first of ``n`` new primary keys of ``model``, set aside for explicit use."""
        table = model._meta.db_table
        with connection.cursor() as cursor:
            if self.vendor == "postgresql":
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                sequence = cursor.fetchone()[0]
                cursor.execute("SELECT nextval(%s)", [sequence])
                first = cursor.fetchone()[0]
                if n > 1:
                    cursor.execute("SELECT setval(%s, %s)", [sequence, first + n - 1])
                return first
            # Only our own model's table name is interpolated.
            cursor.execute(f'SELECT COALESCE(MAX(id), 0) FROM "{table}"')  # noqa: S608
            return cursor.fetchone()[0] + 1

    def add(
        self,
        model: type[models.Model],
        rows: list[dict],
        *,
        actor: str | None = None,
        audit: bool = True,
    ) -> list[int]:
        """Write ``rows`` (dicts by attname) and return their new ids, in order."""
        if not rows:
            return []
        first = self.reserve(model, len(rows))
        for i, row in enumerate(rows):
            row["id"] = first + i
        self.write(model, rows)
        if audit and issubclass(model, AuditedModel) and model.audit_changes:
            self.write(AuditEvent, [self.created_event(model, row, actor) for row in rows])
        return [row["id"] for row in rows]

    def created_event(self, model, row: dict, actor: str | None) -> dict:
        """The event ``audit.signals.on_save`` writes when a row is created."""
        member_id = row.get(actor) if actor else None
        user_id, username = (
            self.default_actor
            if member_id is None
            else self.actors.get(member_id, self.default_actor)
        )
        return {
            "at": row.get("created_at", self.now),
            "actor_id": user_id,
            "actor_username": username,
            "organization_id": self.org.pk,
            "action": AuditAction.CREATE.value,
            "object_type": model._meta.label_lower,
            "object_id": str(row["id"]),
            "object_label": _label(model, row)[:200],
            "path": VIA,
        }

    def write(self, model: type[models.Model], rows: Iterable[dict]) -> None:
        table = self._table(model)
        rows = list(rows)
        if not rows:
            return
        given = set(rows[0])
        fields = [f for f in table.fields if not (f.primary_key and "id" not in given)]
        columns = [_column(f) for f in fields]
        conn = connections["default"]
        tuples = [table.values(r, fields) for r in rows]
        self.counts[model._meta.label] = self.counts.get(model._meta.label, 0) + len(rows)
        if conn.vendor == "postgresql":
            from psycopg.types.json import Jsonb

            json_at = [i for i, f in enumerate(fields) if f.attname in table.json]
            names = ", ".join(f'"{c}"' for c in columns)
            with (
                conn.cursor() as cursor,
                cursor.copy(f'COPY "{table.table}" ({names}) FROM STDIN') as copy,
            ):
                for values in tuples:
                    if json_at:
                        listed = list(values)
                        for i in json_at:
                            listed[i] = Jsonb(listed[i])
                        copy.write_row(listed)
                    else:
                        copy.write_row(values)
            return
        prepared = [
            tuple(f.get_db_prep_save(v, conn) for f, v in zip(fields, values, strict=True))
            for values in tuples
        ]
        names = ", ".join(conn.ops.quote_name(c) for c in columns)
        marks = ", ".join(["%s"] * len(columns))
        with conn.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {conn.ops.quote_name(table.table)} ({names}) VALUES ({marks})",  # noqa: S608
                prepared,
            )

    def event(self, action: str, model, obj_id, label: str, at, actor_member, **extra) -> dict:
        user_id, username = self.actors.get(actor_member, self.default_actor)
        return {
            "at": at,
            "actor_id": user_id,
            "actor_username": username,
            "organization_id": self.org.pk,
            "action": action,
            "object_type": model._meta.label_lower,
            "object_id": str(obj_id) if obj_id is not None else "",
            "object_label": label[:200],
            **extra,
        }


_LABEL_DEFAULT = AuditedModel.audit_label
_verbose: dict[type, str] = {}


def _label(model, row: dict) -> str:
    """What ``audit_label()`` would say of the row (built as an instance only when overridden)."""
    if model.audit_label is _LABEL_DEFAULT:
        if model not in _verbose:
            _verbose[model] = str(model._meta.verbose_name)
        return f"{_verbose[model]} #{row['id']}"
    names = {f.attname for f in model._meta.concrete_fields}
    return model(**{k: v for k, v in row.items() if k in names}).audit_label()


# --- The organization -------------------------------------------------------------------------


def _staff_count(cases: int) -> int:
    return max(5, min(80, cases // 250))


def build(
    *, cases: int, contacts: int, seed: int = 1, log: Callable[[str], None] = print
) -> Organization:
    """Make the organization, its staff, its cases and everything around them."""
    with translation.override(settings.LANGUAGE_CODE):
        return _Build(cases=cases, contacts=contacts, seed=seed, log=log).run()


class _Build:
    def __init__(self, *, cases, contacts, seed, log):
        self.n_cases = cases
        self.n_contacts = contacts
        self.rng = random.Random(seed)
        self.seed = seed
        self.log = log
        self.now = timezone.now()
        self.today = timezone.localdate()

    def run(self) -> Organization:
        with transaction.atomic():
            self._organization()
            self._people_and_cases()
            self._casework()
            self._referrals()
            self._programs()
        if connection.vendor == "postgresql":
            self._contacts_postgresql()
        else:
            with transaction.atomic():
                self._contacts(random.Random(self.seed + 1))
                self._index_sqlite()
        with transaction.atomic():
            self._activity()
            # Each case's contact state, as contacts.state keeps it for records saved one by one.
            self.log("contact states")
            state.refresh(Case.objects.filter(organization=self.org).values_list("pk", flat=True))
            # Written last: existing() takes a bench organization as finished only with it.
            self.writer.write(
                AuditEvent,
                [
                    self.writer.event(
                        AuditAction.CREATE,
                        Organization,
                        self.org.pk,
                        self.org.audit_label(),
                        self.now,
                        None,
                        detail={"bench": {"cases": self.n_cases, "contacts": self.n_contacts}},
                        path=VIA,
                    )
                ],
            )
        self._analyze()
        return self.org

    # Staff, agencies, councils: few rows, saved through the ORM (their audit events follow).
    def _organization(self):
        self.org = Organization.objects.create(
            slug=SLUG,
            name="ベンチマーク支援センター",
            kind="regional_center",
            prefecture="13",
            require_two_factor=False,
        )
        self.staff = []
        for i in range(_staff_count(self.n_cases)):
            user, _ = User.objects.get_or_create(
                username=f"bench-{i}",
                defaults={"full_name": f"{FAMILY[i % len(FAMILY)]} 職員{i}"},
            )
            if i == 0 or i % 10 == 5:
                role = Role.SUPERVISOR
            elif i == 1:
                role = Role.SYSADMIN
            else:
                role = Role.CASEWORKER
            self.staff.append(
                Membership.objects.create(organization=self.org, user=user, role=role)
            )
        self.case_staff = [m.pk for m in self.staff if m.role != Role.SYSADMIN]
        actors = {m.pk: (m.user_id, m.user.username) for m in self.staff}
        actors[None] = actors[self.staff[0].pk]
        self.writer = Writer(self.org, self.now, actors)
        self.agencies = []
        for i in range(max(1, self.n_cases // 150)):
            name, category, area, person, phone, offers = DIRECTORY[i % len(DIRECTORY)]
            round_ = i // len(DIRECTORY)
            self.agencies.append(
                Agency.objects.create(
                    organization=self.org,
                    name=name if round_ == 0 else f"{name} {AREAS[round_ % len(AREAS)]}{round_}",
                    category=category,
                    area=area,
                    contact_person=person,
                    phone=phone,
                    offers=offers,
                    shared=i % 7 == 0,
                )
            )
        self.council = SupportCouncil.objects.create(
            organization=self.org,
            name="ベンチ市重層的支援会議",
            legal_basis="social_welfare_106_6",
            established_on=self.today - datetime.timedelta(days=900),
            confidentiality="構成員へ守秘義務を説明し、誓約書を受け取った。",
        )
        self.council.members.set(self.agencies[:3])
        self.log(f"staff: {len(self.staff)}, agencies: {len(self.agencies)}")

    def _people_and_cases(self):
        rng, w = self.rng, self.writer
        n = self.n_cases
        self.log(f"cases: {n:,}")
        people, households, members, case_rows = [], [], [], []
        statuses = list(CaseStatus)
        for i in range(n):
            family = rng.choice(FAMILY)
            given = rng.choice(GIVEN)
            name, kana = f"{family} {given}{i}", f"{given}{i}"
            birth = datetime.date(1965 + rng.randint(0, 40), rng.randint(1, 12), rng.randint(1, 28))
            opened = self.today - datetime.timedelta(days=rng.randint(7, 9 * 365))
            status = rng.choices(statuses, weights=[5, 60, 10, 20, 5])[0]
            created = _at(opened, 10)
            people.append(
                {
                    "created_at": created,
                    "name": name,
                    "name_kana": kana,
                    "sex": rng.choice(["male", "male", "female", "no_answer"]),
                    "birth_date": birth,
                    "municipality": "ベンチ市",
                    "area": rng.choice(AREAS),
                    "name_search": f"{normalize_name(name)} {normalize_name(kana)}",
                }
            )
            households.append({"created_at": created})
            case_rows.append(
                {
                    "created_at": created,
                    "number": f"B-{i:06d}",
                    "first_consulter": rng.choice(
                        [FirstConsulter.MOTHER] * 5
                        + [FirstConsulter.FATHER] * 2
                        + list(FirstConsulter)
                    ),
                    "status": status,
                    "stage": rng.choice(list(SupportStage)),
                    "person_contact": rng.choice(_choices(Case, "person_contact")),
                    "primary_staff_id": rng.choice(self.case_staff),
                    "secondary_staff_id": rng.choice(self.case_staff)
                    if rng.random() < 0.6
                    else None,
                    "opened_on": opened,
                    "closed_on": min(
                        opened + datetime.timedelta(days=rng.randint(90, 900)), self.today
                    )
                    if status == CaseStatus.CLOSED
                    else None,
                    "close_reason": rng.choice(_choices(Case, "close_reason"))
                    if status == CaseStatus.CLOSED
                    else "",
                    "summary": rng.choice(SHORT_TEXTS),
                    "age_band_at_opening": AgeBand.for_age(_age(birth, opened)),
                }
            )
        person_ids = w.add(Person, people)
        household_ids = w.add(Household, households)
        for household_id, case in zip(household_ids, case_rows, strict=True):
            relations = ["mother"] + (["father"] if rng.random() < 0.6 else [])
            relations += ["sibling"] if rng.random() < 0.3 else []
            for j, relation in enumerate(relations):
                name = f"{rng.choice(FAMILY)} {rng.choice(PARENT_GIVEN)}"
                members.append(
                    {
                        "created_at": case["created_at"],
                        "household_id": household_id,
                        "name": name,
                        "relation": relation,
                        "age_band": "60s" if relation != "sibling" else "30s",
                        "is_key_person": j == 0,
                        "name_search": normalize_name(name),
                    }
                )
        member_ids = w.add(HouseholdMember, members)
        self.key_member = {}
        for member_id, member in zip(member_ids, members, strict=True):
            self.key_member.setdefault(member["household_id"], member_id)
        for case, person_id, household_id in zip(case_rows, person_ids, household_ids, strict=True):
            case["person_id"] = person_id
            case["household_id"] = household_id
        self.case_ids = w.add(Case, case_rows, actor="primary_staff_id")
        self.cases = case_rows  # dicts, with their ids
        events = []
        for case in case_rows:
            events.append(
                self._case_event(case, "opened", "ケースを開始しました。", case["opened_on"])
            )
            for _ in range(rng.randint(0, 2)):
                day = _between(rng, case["opened_on"], self._end(case))
                events.append(self._case_event(case, "stage", "支援段階を変更しました。", day))
            if case["closed_on"]:
                events.append(
                    self._case_event(case, "closed", "ケースを終結しました。", case["closed_on"])
                )
        w.add(CaseEvent, events, actor="by_id")

    def _case_event(self, case, kind, text, day):
        return {
            "created_at": _at(day, 11),
            "case_id": case["id"],
            "kind": kind,
            "occurred_at": _at(day, 11),
            "text": text,
            "by_id": case["primary_staff_id"],
        }

    def _end(self, case) -> datetime.date:
        return case["closed_on"] or self.today

    def _casework(self):
        """Intake sheets, inquiries, consents, assessments, meetings, plans, evaluations."""
        rng, w = self.rng, self.writer
        intakes, inquiries, consents, assessments, urgencies = [], [], [], [], []
        meetings, plans, evaluations = [], [], []
        for case in self.cases:
            opened, end = case["opened_on"], self._end(case)
            staff = case["primary_staff_id"]
            if rng.random() < 0.7:
                intakes.append(
                    {
                        "created_at": _at(opened, 14),
                        "case_id": case["id"],
                        "taken_on": opened,
                        "wishes": "本人に無理をさせずに関わってほしい。",
                        "trigger": rng.choice(SHORT_TEXTS),
                        "duration": rng.choice(_choices(Intake, "duration")),
                        "current_state": rng.choice(SHORT_TEXTS),
                        "taken_by_id": staff,
                    }
                )
            if rng.random() < 0.8:
                inquiries.append(self._inquiry(opened, case["id"], "converted"))
            if rng.random() < 0.8:
                consents.append(
                    self._consent(case, "personal_information", opened, None, rng.random() < 0.05)
                )
            if rng.random() < 0.25:
                agency = rng.choice(self.agencies)
                consents.append(
                    self._consent(case, "sharing", _between(rng, opened, end), agency.pk, False)
                )
            for _ in range(rng.choices([0, 1, 2], weights=[4, 4, 2])[0]):
                day = _between(rng, opened, end)
                urgency = rng.choices(["none", "attention", "urgent"], weights=[90, 8, 2])[0]
                assessments.append(
                    {
                        "created_at": _at(day, 15),
                        "case_id": case["id"],
                        "assessed_on": day,
                        "assessed_by_id": staff,
                        "body_and_habits": rng.choice(SHORT_TEXTS),
                        "mind_and_feelings": rng.choice(SHORT_TEXTS),
                        "social_environment": rng.choice(SHORT_TEXTS),
                        "family_relations": rng.choice(SHORT_TEXTS),
                        "key_person_id": self.key_member.get(case["household_id"]),
                        "person_wishes": "今は家にいたい。",
                        "family_wishes": "少しずつ外に出てほしい。",
                        "urgency": urgency,
                        "urgency_reason": "親の高齢化と経済的な不安。" if urgency != "none" else "",
                    }
                )
            for _ in range(rng.choices([0, 1, 2], weights=[7, 2, 1])[0]):
                day = _between(rng, opened, end)
                meetings.append(
                    {
                        "created_at": _at(day, 16),
                        "case_id": case["id"],
                        "held_on": day,
                        "kind": rng.choice(_choices(CaseMeeting, "kind")),
                        "matters": "支援方針の確認。",
                        "support_policy": rng.choice(_choices(CaseMeeting, "support_policy")),
                        "recorded_by_id": staff,
                    }
                )
            if rng.random() < 0.4 and (end - opened).days > 60:
                for number in range(1, rng.randint(1, 2) + 1):
                    day = _between(rng, opened + datetime.timedelta(days=30), end)
                    plans.append(
                        {
                            "created_at": _at(day, 17),
                            "case_id": case["id"],
                            "number": number,
                            "made_on": day,
                            "person_intentions": "週に一度は外に出たい。",
                            "family_intentions": "本人のペースを大事にしたい。",
                            "review_on": day + datetime.timedelta(days=rng.randint(60, 200)),
                            "made_by_id": staff,
                        }
                    )
            if rng.random() < 0.4:
                for k in range(rng.randint(1, 4)):
                    day = _between(rng, opened, end)
                    evaluations.append((case, day, k))
        w.add(Intake, intakes, actor="taken_by_id")
        waiting = max(5, self.n_cases // 100)
        for k in range(waiting + self.n_cases // 50):
            day = self.today - datetime.timedelta(days=rng.randint(0, 60 if k < waiting else 900))
            inquiries.append(self._inquiry(day, None, "waiting" if k < waiting else "closed"))
        w.add(Inquiry, inquiries, actor="received_by_id")
        self.consent_ids = w.add(Consent, consents, actor="recorded_by_id")
        self.sharing = {}  # case id -> (consent id, agency id)
        for consent in consents:
            if consent["kind"] == "sharing" and not consent["withdrawn_on"]:
                self.sharing[consent["case_id"]] = (consent["id"], consent["agency_id"])
        assessment_ids = w.add(Assessment, assessments, actor="assessed_by_id")
        risk_items = _choices(RiskFinding, "item")
        findings = []
        for assessment_id, a in zip(assessment_ids, assessments, strict=True):
            if a["urgency"] != "none" or rng.random() < 0.15:
                for item in rng.sample(risk_items, rng.randint(1, 2)):
                    findings.append(
                        {
                            "created_at": a["created_at"],
                            "assessment_id": assessment_id,
                            "item": item,
                        }
                    )
            if a["urgency"] != "none":
                urgencies.append(
                    {
                        "created_at": a["created_at"],
                        "case_id": a["case_id"],
                        "level": a["urgency"],
                        "reason": a["urgency_reason"],
                        "changed_at": a["created_at"],
                        "changed_by_id": a["assessed_by_id"],
                        "assessment_id": assessment_id,
                        "meeting_due_on": a["assessed_on"] + datetime.timedelta(days=3),
                    }
                )
        w.add(RiskFinding, findings)
        w.add(UrgencyChange, urgencies, actor="changed_by_id")
        meeting_ids = w.add(CaseMeeting, meetings, actor="recorded_by_id")
        attendees, actions = [], []
        for meeting_id, m in zip(meeting_ids, meetings, strict=True):
            attendees.append(
                {
                    "created_at": m["created_at"],
                    "meeting_id": meeting_id,
                    "staff_id": m["recorded_by_id"],
                }
            )
            attendees.append(
                {
                    "created_at": m["created_at"],
                    "meeting_id": meeting_id,
                    "name": "保健 六花",
                    "agency": "ベンチ市保健センター",
                }
            )
            for _ in range(rng.randint(1, 2)):
                due = m["held_on"] + datetime.timedelta(days=rng.randint(7, 60))
                actions.append(
                    {
                        "created_at": m["created_at"],
                        "meeting_id": meeting_id,
                        "what": rng.choice(NEXT_ACTIONS),
                        "owner_id": m["recorded_by_id"],
                        "due_on": due,
                        "done_on": due if due < self.today and rng.random() < 0.8 else None,
                    }
                )
        w.add(Attendee, attendees)
        w.add(MeetingAction, actions)
        plan_ids = w.add(SupportPlan, plans, actor="made_by_id")
        goals, reviews = [], []
        domains, horizons = _choices(Goal, "domain"), _choices(Goal, "horizon")
        for plan_id, p in zip(plan_ids, plans, strict=True):
            for order in range(rng.randint(2, 4)):
                agreed = rng.random() < 0.7
                goals.append(
                    {
                        "created_at": p["created_at"],
                        "plan_id": plan_id,
                        "domain": rng.choice(domains),
                        "horizon": rng.choice(horizons),
                        "text": rng.choice(
                            ["週に一度散歩する", "家族会に参加する", "居場所を見学する"]
                        ),
                        "steps": "まずは玄関先まで。",
                        "proposed_by": rng.choice(_choices(Goal, "proposed_by")),
                        "person_agreed": agreed,
                        "persons_own": agreed and rng.random() < 0.5,
                        "order": order,
                    }
                )
            if p["review_on"] < self.today and rng.random() < 0.6:
                reviews.append(
                    {
                        "created_at": _at(p["review_on"], 13),
                        "plan_id": plan_id,
                        "reviewed_on": p["review_on"],
                        "what_changed": "外出の回数が少し増えた。",
                        "reviewed_by_id": p["made_by_id"],
                    }
                )
        w.add(Goal, goals)
        w.add(PlanReview, reviews, actor="reviewed_by_id")
        self._evaluations(evaluations)

    def _inquiry(self, day, case_id, status):
        rng = self.rng
        given = rng.choice(GIVEN)
        return {
            "created_at": _at(day, 9),
            "received_at": _at(day, 9),
            "channel": rng.choice(_choices(Inquiry, "channel")),
            "caller_name": f"{rng.choice(FAMILY)} {rng.choice(PARENT_GIVEN)}",
            "caller_relation": rng.choice(["mother", "mother", "father", "self", "sibling"]),
            "caller_phone": "000-0000-0000",
            "about": rng.choice(SHORT_TEXTS),
            "person_name": f"{rng.choice(FAMILY)} {given}",
            "person_name_kana": given,
            "status": status,
            "case_id": case_id,
            "received_by_id": rng.choice(self.case_staff),
            "closing_note": "他機関を案内した。" if status == "closed" else "",
        }

    def _consent(self, case, kind, day, agency_id, withdrawn):
        rng = self.rng
        return {
            "created_at": _at(day, 14),
            "case_id": case["id"],
            "kind": kind,
            "given_by": rng.choice(["person", "family"]),
            "given_on": day,
            "scope": "相談の経過を支援のために記録し、必要な機関と共有すること",
            "agency_id": agency_id,
            "purposes": ["referral", "coordination"] if kind == "sharing" else [],
            "items": ["identity", "consultation"] if kind == "sharing" else [],
            "expires_on": day + datetime.timedelta(days=730) if kind == "sharing" else None,
            "withdrawn_on": day + datetime.timedelta(days=30) if withdrawn else None,
            "recorded_by_id": case["primary_staff_id"],
        }

    def _evaluations(self, planned):
        """Caseworker ratings on the shipped instruments; some cases' last two are the same."""
        rng, w = self.rng, self.writer
        versions = list(
            InstrumentVersion.objects.filter(instrument__organization=None)
            .prefetch_related("items__levels")
            .order_by("pk")
        )
        if not versions:
            return
        version = versions[0]
        items = [
            (item.pk, [lv.value for lv in item.levels.all()] or [0, 1])
            for item in version.items.all()
        ]
        codes = [item.code for item in version.items.all()]
        rows, previous, rated = [], {}, []
        for case, day, k in sorted(planned, key=lambda p: (p[0]["id"], p[1])):
            same = case["id"] in previous and rng.random() < 0.4
            values = previous[case["id"]] if same else [rng.choice(levels) for _pk, levels in items]
            previous[case["id"]] = values
            rated.append(values)
            rows.append(
                {
                    "created_at": _at(day, 15),
                    "case_id": case["id"],
                    "instrument_version_id": version.pk,
                    "timing": "first_interview"
                    if k == 0
                    else rng.choice(["fiscal_year_end", "ad_hoc"]),
                    "rated_on": day,
                    "fiscal_year": day.year if day.month >= 4 else day.year - 1,
                    "rater": "caseworker",
                    "rated_by_id": case["primary_staff_id"],
                    "ratings_key": ratings_key(zip(codes, values, strict=True)),
                }
            )
        ids = w.add(Evaluation, rows, actor="rated_by_id")
        scores = []
        for evaluation_id, row, values in zip(ids, rows, rated, strict=True):
            for (item_id, _levels), value in zip(items, values, strict=True):
                scores.append(
                    {
                        "created_at": row["created_at"],
                        "evaluation_id": evaluation_id,
                        "item_id": item_id,
                        "value": value,
                    }
                )
        w.add(Score, scores)

    def _referrals(self):
        """Referrals out (with their provision records), referrals in, handovers, follow-ups."""
        rng, w = self.rng, self.writer
        follow_weeks = self.org.referral_follow_up_weeks
        referrals = []
        for case in self.cases:
            if rng.random() >= 0.15:
                continue
            opened, end = case["opened_on"], self._end(case)
            day = _between(rng, opened, end)
            consent = self.sharing.get(case["id"])
            if consent is not None:
                basis, consent_id, agency_id = "consent", consent[0], consent[1]
                items = ["identity", "consultation"]
            else:
                basis, consent_id, agency_id = "none", None, rng.choice(self.agencies).pk
                items = []
            follow_up_on = day + datetime.timedelta(weeks=follow_weeks)
            answered = follow_up_on < self.today and rng.random() < 0.7
            referrals.append(
                {
                    "created_at": _at(day, 11),
                    "case_id": case["id"],
                    "agency_id": agency_id,
                    "referred_on": day,
                    "reason": "本人が関心を持ち始めたため、説明を受けに行く。",
                    "purpose": rng.choice(_choices(Referral, "purpose")),
                    "items": items,
                    "channel": rng.choice(["phone", "document", "accompany"]),
                    "basis": basis,
                    "consent_id": consent_id,
                    "disclosed": {},
                    "status": "sent",
                    "follow_up_on": follow_up_on,
                    "support_started": rng.choice(["yes", "no", "unknown"]) if answered else "",
                    "followed_up_on": follow_up_on if answered else None,
                    "made_by_id": case["primary_staff_id"],
                }
            )
        self._disclose(referrals)
        referral_ids = w.add(Referral, referrals, actor="made_by_id")
        agency_names = {a.pk: str(a) for a in self.agencies}
        case_by_id = {c["id"]: c for c in self.cases}
        provisions, provided = [], []
        for referral_id, r in zip(referral_ids, referrals, strict=True):
            if not r["items"]:
                continue
            provisions.append(
                {
                    "created_at": r["created_at"],
                    "provided_on": r["referred_on"],
                    "recipient": agency_names[r["agency_id"]],
                    "agency_id": r["agency_id"],
                    "case_id": r["case_id"],
                    "person_id": case_by_id[r["case_id"]]["person_id"],
                    "items": r["items"],
                    "basis": r["basis"],
                    "consent_id": r["consent_id"],
                    "referral_id": referral_id,
                    "recorded_by_id": r["made_by_id"],
                }
            )
            provided.append(
                w.event(
                    AuditAction.PROVIDE,
                    Referral,
                    referral_id,
                    _label(Referral, r),
                    r["created_at"],
                    r["made_by_id"],
                    detail={
                        "recipient": agency_names[r["agency_id"]],
                        "recipient_organization": None,
                        "basis": r["basis"],
                        "consent": r["consent_id"],
                        "council": None,
                        "items": r["items"],
                        "reason": False,
                    },
                    path=VIA,
                )
            )
        w.add(ProvisionRecord, provisions, actor="recorded_by_id")
        w.write(AuditEvent, provided)
        incoming = []
        for k in range(max(3, self.n_cases // 100)):
            case = rng.choice(self.cases)
            day = _between(rng, case["opened_on"], self._end(case))
            agency = rng.choice(self.agencies)
            incoming.append(
                {
                    "created_at": _at(day, 10),
                    "received_on": day,
                    "from_agency_id": agency.pk,
                    "from_name": str(agency),
                    "from_person": "保健 六花",
                    "what_they_said": "母親から相談があった。本人への説明はまだ。",
                    "sender_consent": rng.choice(["confirmed", "not_confirmed"]),
                    "case_id": case["id"],
                    "status": "received" if k % 3 == 0 else "accepted",
                    "decided_on": None if k % 3 == 0 else day,
                    "decided_by_id": None if k % 3 == 0 else case["primary_staff_id"],
                }
            )
        w.add(IncomingReferral, incoming, actor="decided_by_id")
        self._handovers_and_follow_ups()

    def _disclose(self, referrals):
        """What each referral carried, as ``referrals.disclosure.build`` records it."""
        from yorisoi.referrals import disclosure

        with_items = [r for r in referrals if r["items"]]
        if not with_items:
            return
        # The cases are written, so the real builder reads them (one case's page per referral).
        loaded = Case.objects.in_bulk([r["case_id"] for r in with_items])
        for r in with_items:
            r["disclosed"] = disclosure.build(loaded[r["case_id"]], r["items"])

    def _handovers_and_follow_ups(self):
        rng, w = self.rng, self.writer
        from yorisoi.handovers.summary import build_summary

        handovers = []
        open_cases = [c for c in self.cases if c["closed_on"] is None]
        chosen = rng.sample(open_cases, min(len(open_cases), max(2, self.n_cases // 100)))
        loaded = Case.objects.in_bulk([c["id"] for c in chosen])
        for k, case in enumerate(chosen):
            day = self.today - datetime.timedelta(days=rng.randint(0, 400))
            to_staff = rng.choice(self.case_staff)
            handovers.append(
                {
                    "created_at": _at(day, 16),
                    "case_id": case["id"],
                    "from_staff_id": case["primary_staff_id"],
                    "to_staff_id": to_staff,
                    "reason": rng.choice(_choices(Handover, "reason")),
                    "note": "本人は手紙でのやりとりを好む。",
                    "handed_over_on": day,
                    "summary": build_summary(loaded[case["id"]]),
                    "made_by_id": self.staff[0].pk,
                    "acknowledged_at": None if k % 4 == 0 else _at(day, 17),
                    "acknowledged_by_id": None if k % 4 == 0 else to_staff,
                }
            )
        w.add(Handover, handovers, actor="made_by_id")
        follow_ups, requests = [], []
        for case in self.cases:
            if case["closed_on"] and rng.random() < 0.3:
                weeks = rng.choice([4, 8, 12])
                follow_ups.append(
                    {
                        "created_at": _at(case["closed_on"], 15),
                        "case_id": case["id"],
                        "agreed_on": case["closed_on"],
                        "agreed_by": rng.choice(["person", "family"]),
                        "interval_weeks": weeks,
                        "next_check_on": self.today + datetime.timedelta(days=rng.randint(-30, 60)),
                    }
                )
        for case in rng.sample(open_cases, min(len(open_cases), max(1, self.n_cases // 500))):
            requests.append(
                {
                    "created_at": self.now,
                    "case_id": case["id"],
                    "requested_by_id": case["primary_staff_id"],
                    "closed_on": self.today,
                    "close_reason": "goal_reached",
                    "details": {},
                }
            )
        w.add(FollowUp, follow_ups)
        w.add(ClosureRequest, requests, actor="requested_by_id")

    def _programs(self):
        """Group work: weekly programs with two years of sessions, a nickname list each, and
        one session of a hundred (the session page at its largest)."""
        from yorisoi.programs.models import (
            Attendance,
            Program,
            ProgramParticipant,
            ProgramSession,
        )

        rng, w = self.rng, self.writer
        kinds = _choices(Program, "kind")
        n_programs = max(2, min(12, self.n_cases // 1500))
        programs = w.add(
            Program,
            [
                {
                    "created_at": self.now,
                    "name": f"プログラム{k + 1}",
                    "kind": kinds[k % len(kinds)],
                    "venue": f"会議室{k % 4 + 1}",
                    "format": "online" if k % 5 == 4 else "in_person",
                }
                for k in range(n_programs)
            ],
        )
        rosters = {}
        for program in programs:
            rosters[program] = w.add(
                ProgramParticipant,
                [
                    {
                        "created_at": self.now,
                        "program_id": program,
                        "nickname": f"参加者{program}-{i}",
                        "kind": "person" if i % 3 else "family",
                    }
                    for i in range(100 if program == programs[0] else 40)
                ],
                audit=False,
            )
        sessions, attendances = [], []
        for k, program in enumerate(programs):
            for week in range(104):
                day = self.today - datetime.timedelta(days=7 * week + k % 7)
                sessions.append(
                    {
                        "created_at": _at(day, 9),
                        "program_id": program,
                        "on": day,
                        "starts_at": datetime.time(9 + k % 8, 0),
                        "ends_at": datetime.time(10 + k % 8, 30),
                        "format": "online" if k % 5 == 4 else "in_person",
                        "status": "held",
                        "count_person": rng.randint(0, 3),
                        "count_family": rng.randint(0, 2),
                    }
                )
        ids = w.add(ProgramSession, sessions, audit=False)
        for session, row in zip(ids, sessions, strict=True):
            roster = rosters[row["program_id"]]
            # The newest session of the first program: all hundred on its list came.
            came = roster if session == ids[0] else rng.sample(roster, rng.randint(3, 15))
            attendances.extend(
                {
                    "created_at": row["created_at"],
                    "session_id": session,
                    "participant_id": participant,
                    "mode": "camera_on" if row["format"] == "online" else "in_person",
                    "on": row["on"],
                }
                for participant in came
            )
        w.add(Attendance, attendances, audit=False)
        self.log(
            f"programs: {len(programs)}, sessions: {len(ids):,}, attendance: {len(attendances):,}"
        )

    # Contact records: the bulk of the data.
    def _contacts(self, rng: random.Random):
        """Write the contact records, each with its staff, its audit event, some edited once.

        Cases are picked with a skew, so that some hold hundreds of records, as long cases do.
        """
        w = self.writer
        n_cases = len(self.cases)
        channels = _choices(ContactRecord, "channel")
        reached_values = _choices(ContactRecord, "reached")
        outcomes = _choices(ContactRecord, "outcome")
        staff_through = ContactRecord.staff.through
        members_through = ContactRecord.with_members.through
        chunk = 50_000
        for start in range(0, self.n_contacts, chunk):
            size = min(chunk, self.n_contacts - start)
            first = w.reserve(ContactRecord, size)
            rows, staff_rows, with_rows, versions, edits = [], [], [], [], []
            for i in range(size):
                case = self.cases[int(n_cases * rng.random() ** 1.3)]
                day = _between(rng, case["opened_on"], self._end(case))
                at = _at(day, rng.randint(9, 19), rng.randint(0, 59))
                channel = rng.choice(channels)
                staff = case["primary_staff_id"]
                second = case["secondary_staff_id"]
                team = channel in ("home_visit", "accompany")
                two = team and second and second != staff
                summary = _note(rng)
                next_action = rng.choice(NEXT_ACTIONS) if rng.random() < 0.3 else ""
                reached = rng.choice(reached_values)
                contact_id = first + i
                rows.append(
                    {
                        "id": contact_id,
                        "created_at": at,
                        "case_id": case["id"],
                        "occurred_at": at,
                        "duration_minutes": rng.choice([15, 30, 45, 60, 90]),
                        "channel": channel,
                        "with_person": reached in ("person", "person_and_family"),
                        "lone_visit_reason": "近所の短時間の訪問のため" if team and not two else "",
                        "reached": reached,
                        "outcome": rng.choice(outcomes),
                        "summary": summary,
                        "next_action": next_action,
                        "recorded_by_id": staff,
                        "updated_by_id": staff,
                        "search_text": search.search_text_for(summary, next_action),
                    }
                )
                staff_rows.append({"contactrecord_id": contact_id, "membership_id": staff})
                if two:
                    staff_rows.append({"contactrecord_id": contact_id, "membership_id": second})
                if reached in ("family", "person_and_family") and rng.random() < 0.5:
                    key = self.key_member.get(case["household_id"])
                    if key:
                        with_rows.append(
                            {"contactrecord_id": contact_id, "householdmember_id": key}
                        )
                if rng.random() < 0.02:  # edited once: the earlier text kept as version 1
                    versions.append(
                        {
                            "created_at": at,
                            "contact_id": contact_id,
                            "number": 1,
                            "data": {"summary": summary, "channel": channel},
                            "saved_by_id": staff,
                            "saved_at": at,
                        }
                    )
                    rows[-1]["version"] = 2
                    edits.append(
                        w.event(
                            AuditAction.UPDATE,
                            ContactRecord,
                            contact_id,
                            _label(ContactRecord, rows[-1]),
                            at + datetime.timedelta(hours=2),
                            staff,
                            changes=["summary"],
                            path=f"/contacts/{contact_id}/edit/",
                        )
                    )
            w.write(ContactRecord, rows)
            w.write(staff_through, staff_rows)
            w.write(members_through, with_rows)
            w.write(AuditEvent, [w.created_event(ContactRecord, r, "recorded_by_id") for r in rows])
            w.add(ContactRecordVersion, versions)
            w.write(AuditEvent, edits)
            self.log(f"  contacts {start + size:,} / {self.n_contacts:,}")

    def _contacts_postgresql(self):
        """COPY the contacts with the search index dropped, then build it while the rest is written.

        The bigram index is most of the build's time (its function runs on every note), so it is
        built on a connection of its own while this one writes the activity in the audit log.
        """
        table = ContactRecord._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(f'DROP INDEX IF EXISTS "{table}_search"')
        with transaction.atomic():
            self._contacts(random.Random(self.seed + 1))
        self._index_error = None
        self._index_thread = None
        if connection.in_atomic_block:
            # Inside a caller's transaction (the tests): no other connection sees the rows yet.
            # Deferred foreign-key checks must run before an index can be built on the table.
            self.log("search index")
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            self._index_postgresql(connection)
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            return
        self.log("search index (in the background)")
        self._index_thread = threading.Thread(target=self._index_in_thread, daemon=True)
        self._index_thread.start()

    def _index_in_thread(self):
        try:
            conn = connections.create_connection("default")
            conn.ensure_connection()
            self._index_postgresql(conn)
            conn.close()
        except Exception as error:  # raised again by _analyze, in the main thread
            self._index_error = error

    def _index_postgresql(self, conn):
        """The bigram index, then the contacts' statistics (which evaluate it on a sample)."""
        table = ContactRecord._meta.db_table
        with conn.cursor() as cursor:
            cursor.execute("SET maintenance_work_mem = '1GB'")
            for statement in search.create_index_sql(table, "postgresql"):
                if "INDEX" in statement.upper():
                    cursor.execute(statement)
            cursor.execute(f'{_settle(conn)} "{table}"')

    def _index_sqlite(self):
        """SQLite: the FTS rows ``search.index()`` keeps, written in one pass."""
        table = ContactRecord._meta.db_table
        fts = f"{table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(
                f'SELECT id, search_text FROM "{table}" WHERE organization_id = %s',  # noqa: S608
                [self.org.pk],
            )
            rows = [(pk, " ".join(bigrams(text or ""))) for pk, text in cursor.fetchall()]
            cursor.executemany(
                f'INSERT INTO "{fts}" (rowid, bigrams) VALUES (%s, %s)',  # noqa: S608
                rows,
            )

    def _activity(self):
        """What staff did besides writing: case pages viewed, lists shown (the audit log)."""
        rng, w = self.rng, self.writer
        events = []
        case_label = str(Case._meta.verbose_name)
        cases_label = str(Case._meta.verbose_name_plural)
        for case in self.cases:
            for _ in range(rng.randint(1, 5)):
                day = _between(rng, case["opened_on"], self._end(case))
                events.append(
                    w.event(
                        AuditAction.VIEW,
                        Case,
                        case["id"],
                        f"{case_label} {case['number']}",
                        _at(day, rng.randint(9, 18), rng.randint(0, 59)),
                        case["primary_staff_id"],
                        path=f"/cases/{case['id']}/",
                        ip_address=f"10.0.0.{rng.randint(2, 250)}",
                    )
                )
            if rng.random() < 0.5:
                events.append(
                    w.event(
                        AuditAction.LIST,
                        Case,
                        None,
                        cases_label,
                        _at(self.today - datetime.timedelta(days=rng.randint(0, 900)), 9),
                        rng.choice(self.case_staff),
                        detail={"rows": 50, "filters": ["status"], "values": {"status": "active"}},
                        path="/cases/",
                        ip_address=f"10.0.0.{rng.randint(2, 250)}",
                    )
                )
        events.sort(key=lambda e: e["at"])
        w.write(AuditEvent, events)

    def _analyze(self):
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for label in self.writer.counts:
                model = apps.get_model(label)
                if model is not ContactRecord:
                    cursor.execute(f'{_settle(connection)} "{model._meta.db_table}"')
        if self._index_thread is not None:
            self.log("waiting for the search index")
            self._index_thread.join()
        if self._index_error is not None:
            raise self._index_error


def _settle(conn) -> str:
    """VACUUM (ANALYZE) where it may run: a database in use has been vacuumed by autovacuum,
    and index-only scans (a member's staff links, say) need the visibility map it sets. Inside
    a transaction (the tests) only ANALYZE can run."""
    return "ANALYZE" if conn.in_atomic_block else "VACUUM (ANALYZE)"


def _age(birth: datetime.date, on: datetime.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _between(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    span = max(0, (end - start).days)
    return start + datetime.timedelta(days=rng.randint(0, span))


_TZ = None


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    global _TZ
    if _TZ is None:
        _TZ = timezone.get_current_timezone()
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=_TZ)
