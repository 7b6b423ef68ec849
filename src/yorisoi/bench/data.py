"""Synthetic data at the scale of a large organization, for ``yorisoi bench``.

20,000 cases and 1,000,000 contact records (by default) in an organization of its own. Rows
are written in bulk (COPY on PostgreSQL), not through the services: this is load, not
casework, and one audit event records that the data was made.
"""

import datetime
import io
import random

from django.db import connection, transaction
from django.utils import timezone

from yorisoi.accounts.models import User
from yorisoi.cases.choices import CaseStatus, FirstConsulter, SupportStage
from yorisoi.cases.models import Case, Household, Person
from yorisoi.contacts.choices import Channel, Outcome, Reached
from yorisoi.contacts.models import ContactRecord
from yorisoi.core import recorder, search
from yorisoi.core.recorder import AuditAction
from yorisoi.core.roles import Role
from yorisoi.core.text import normalize_name
from yorisoi.organizations.models import Membership, Organization

SLUG = "bench-center"
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


# Everyday filler: two-character words from common kanji and kana, a vocabulary of thousands.
_FILLER_CHARS = (
    "日時人年月話今後前中大小高長新古多少早気心体手足目口耳声顔頭時間朝昼夜週先次回方何事物場所"
    "家族親子兄弟姉妹友達近所町村市区学校職員相談支援記録確認連絡調整予定希望意見理由結果様子状況"
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん"
)


def _filler(rng: random.Random) -> str:
    return rng.choice(_FILLER_CHARS) + rng.choice(_FILLER_CHARS)


def _note(rng: random.Random) -> str:
    words = [_filler(rng) for _ in range(rng.randint(60, 220))]
    for _ in range(rng.randint(0, 3)):
        words.insert(rng.randrange(len(words) + 1), rng.choice(WORDS))
    return "".join(w + ("。" if rng.random() < 0.1 else "") for w in words)[:500]


def existing() -> Organization | None:
    return Organization.objects.filter(slug=SLUG).first()


def build(*, cases: int, contacts: int, seed: int = 1, log=print) -> Organization:
    """Make the organization, its staff, cases and contact records."""
    rng = random.Random(seed)
    with transaction.atomic():
        org = Organization.objects.create(
            slug=SLUG,
            name="ベンチマーク支援センター",
            kind="regional_center",
            prefecture="13",
            require_two_factor=False,
        )
        staff = []
        for i in range(20):
            user, _ = User.objects.get_or_create(
                username=f"bench-{i}", defaults={"full_name": f"職員 {i}"}
            )
            role = Role.SUPERVISOR if i == 0 else Role.CASEWORKER
            staff.append(Membership.objects.create(organization=org, user=user, role=role))
    log(f"cases: {cases}")
    people = [
        Person(
            organization=org,
            name=f"{rng.choice(FAMILY)} {i}",
            name_kana=f"{rng.choice(GIVEN)}{i}",
            birth_date=datetime.date(1970 + i % 35, 1 + i % 12, 1 + i % 28),
        )
        for i in range(cases)
    ]
    for person in people:
        person.name_search = normalize_name(person.name) + " " + normalize_name(person.name_kana)
    Person.objects.bulk_create(people, batch_size=5000)
    households = Household.objects.bulk_create(
        [Household(organization=org) for _ in range(cases)], batch_size=5000
    )
    start = datetime.date(2019, 4, 1)
    case_rows = []
    for i, (person, household) in enumerate(zip(people, households, strict=True)):
        opened = start + datetime.timedelta(days=rng.randint(0, 2700))
        status = rng.choices(list(CaseStatus), weights=[5, 60, 10, 20, 5])[0]
        case_rows.append(
            Case(
                organization=org,
                number=f"B-{i:06d}",
                person=person,
                household=household,
                first_consulter=rng.choice(list(FirstConsulter)),
                status=status,
                stage=rng.choice(list(SupportStage)),
                primary_staff=rng.choice(staff),
                secondary_staff=rng.choice(staff),
                opened_on=opened,
                closed_on=opened + datetime.timedelta(days=400)
                if status == CaseStatus.CLOSED
                else None,
                age_band_at_opening=person.age_band_on(opened),
            )
        )
    Case.objects.bulk_create(case_rows, batch_size=5000)
    case_ids = list(Case.objects.for_organization(org).values_list("pk", flat=True))
    log(f"contact records: {contacts}")
    if connection.vendor == "postgresql":
        _copy_contacts(org, case_ids, staff, contacts, rng, log)
    else:
        _bulk_contacts(org, case_ids, staff, contacts, rng, log)
    recorder.record(
        AuditAction.CREATE, org, detail={"bench": {"cases": cases, "contacts": contacts}}
    )
    return org


def _contact_values(rng, case_ids, staff, n):
    now = timezone.now()
    for _ in range(n):
        summary = _note(rng)
        channel = rng.choice(list(Channel))
        yield {
            "case_id": rng.choice(case_ids),
            "occurred_at": now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365 * 7)),
            "channel": channel,
            "reached": rng.choice(list(Reached)),
            "outcome": rng.choice(list(Outcome)),
            "summary": summary,
            "next_action": "次回の面談を調整" if rng.random() < 0.3 else "",
            "staff_id": rng.choice(staff).pk,
            "search_text": search.search_text_for(summary),
        }


def _copy_contacts(org, case_ids, staff, n, rng, log):
    """PostgreSQL: COPY in chunks with the search index dropped, then rebuild it once."""
    table = ContactRecord._meta.db_table
    through = ContactRecord.staff.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX IF EXISTS {table}_search")
    now = timezone.now()
    columns = (
        "organization_id",
        "created_at",
        "updated_at",
        "version",
        "case_id",
        "occurred_at",
        "channel",
        "with_person",
        "with_agencies",
        "lone_visit_reason",
        "reached",
        "outcome",
        "summary",
        "next_action",
        "search_text",
    )
    done = 0
    chunk = 100_000
    while done < n:
        size = min(chunk, n - done)
        rows = list(_contact_values(rng, case_ids, staff, size))
        buffer = io.StringIO()
        for r in rows:
            values = (
                org.pk,
                now,
                now,
                1,
                r["case_id"],
                r["occurred_at"],
                r["channel"],
                "f",
                "",
                "bench",
                r["reached"],
                r["outcome"],
                r["summary"],
                r["next_action"],
                r["search_text"],
            )
            buffer.write("\t".join(_copy_text(v) for v in values) + "\n")
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                copy.write(buffer.getvalue())
            cursor.execute(
                # The table name is the model's own, never input.
                f"SELECT id FROM {table} WHERE organization_id = %s ORDER BY id DESC LIMIT %s",  # noqa: S608
                [org.pk, size],
            )
            ids = [row[0] for row in cursor.fetchall()][::-1]
            staff_buffer = io.StringIO()
            for contact_id, r in zip(ids, rows, strict=True):
                staff_buffer.write(f"{contact_id}\t{r['staff_id']}\n")
            with cursor.copy(
                f"COPY {through} (contactrecord_id, membership_id) FROM STDIN"
            ) as copy:
                copy.write(staff_buffer.getvalue())
        done += size
        log(f"  {done:,}")
    log("search index")
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for statement in search.create_index_sql(table, "postgresql"):
            if "INDEX" in statement.upper():
                cursor.execute(statement)
        cursor.execute(f"ANALYZE {table}")
        cursor.execute(f"ANALYZE {through}")
        cursor.execute("ANALYZE cases_case")


def _copy_text(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _bulk_contacts(org, case_ids, staff, n, rng, log):
    """Other databases: bulk_create in chunks, then the search index rows."""
    through = ContactRecord.staff.through
    done = 0
    while done < n:
        size = min(20_000, n - done)
        rows = list(_contact_values(rng, case_ids, staff, size))
        with transaction.atomic():
            created = ContactRecord.objects.bulk_create(
                [
                    ContactRecord(
                        organization=org,
                        case_id=r["case_id"],
                        occurred_at=r["occurred_at"],
                        channel=r["channel"],
                        reached=r["reached"],
                        outcome=r["outcome"],
                        summary=r["summary"],
                        next_action=r["next_action"],
                        lone_visit_reason="bench",
                        search_text=r["search_text"],
                    )
                    for r in rows
                ]
            )
            through.objects.bulk_create(
                [
                    through(contactrecord_id=c.pk, membership_id=r["staff_id"])
                    for c, r in zip(created, rows, strict=True)
                ]
            )
            for contact in created:
                search.index(contact)
        done += size
        log(f"  {done:,}")
