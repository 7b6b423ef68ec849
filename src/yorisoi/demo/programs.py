"""Demo programs (issue 9): a weekly 居場所 in a room and one online with a year of sessions,
a monthly family meeting that demo cases' mothers attend, a farming activity run with
supporters. Nicknames and notes are invented."""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from yorisoi.cases.models import Case
from yorisoi.consents import services as consent_services
from yorisoi.consents.models import ConsentGiver, ConsentKind
from yorisoi.organizations.models import Membership
from yorisoi.programs import services
from yorisoi.programs.choices import Frequency, Mode
from yorisoi.programs.forms import GROUND_RULES, ONLINE_RULES
from yorisoi.programs.models import Program
from yorisoi.programs.schedules import occurrences

NICKNAMES = [
    "そら",
    "うみ",
    "かぜ",
    "ほし",
    "もり",
    "こはる",
    "ねこ好き",
    "たろう",
    "みどり",
    "はる",
]
ONLINE_NICKNAMES = ["よる", "つき", "ゲーム好き", "しずく", "ぴーす", "あお"]
NOTES = [
    "ボードゲームで盛り上がった。初めての人も最後まで過ごせた。",
    "雨のため少なめ。静かにお茶を飲んで過ごす回になった。",
    "季節の話題から料理の話へ。次回はおやつを作る案が出た。",
    "後半は各自で読書や手芸。スタッフは見守りに徹した。",
]


def _past_days(frequency, weekday, nth, today, days_back):
    return list(
        occurrences(
            frequency=frequency,
            weekday=weekday,
            nth=nth,
            first_on=today - datetime.timedelta(days=days_back),
            start=today - datetime.timedelta(days=days_back),
            end=today - datetime.timedelta(days=1),
        )
    )


def _held(actor, program, days, start, end, fmt, rng, nicknames, modes, on_duty):
    for day in days:
        session = services.add_session(
            actor=actor,
            program=program,
            on=day,
            starts_at=start,
            ends_at=end,
            format=fmt,
            venue="",
            on_duty=on_duty,
        )
        came = rng.sample(nicknames, rng.randint(2, min(6, len(nicknames))))
        services.record_nicknames(
            actor=actor,
            session=session,
            new=[{"nickname": n, "mode": rng.choice(modes)} for n in came],
        )
        session.refresh_from_db()
        services.change_session(
            actor=actor,
            session=session,
            expected_version=session.version,
            count_person=rng.choice([0, 0, 1, 2]),
            count_family=rng.choice([0, 0, 1]),
            notes=rng.choice(NOTES),
        )


@transaction.atomic
def load(organizations) -> None:
    center = organizations["demo-center"]
    if Program.objects.for_organization(center).exists():
        return
    rng = random.Random(9)
    today = timezone.localdate()
    staff = {
        m.user.username: m
        for m in Membership.objects.filter(organization=center).select_related("user")
    }
    clerk, supporter, caseworker = staff["clerk"], staff["supporter"], staff["caseworker"]
    ibasho = services.add_program(
        actor=clerk,
        name="居場所 みなとの縁側",
        kind="ibasho",
        description="お茶を飲みながら好きに過ごせる場です。話さなくてもかまいません。",
        for_person=True,
        age_from=15,
        venue="みなと市民活動センター 2階和室",
        address="みなと市中央1-2-3",
        access_notes="みなと駅から徒歩5分。エレベーターあり。",
        ground_rules=str(GROUND_RULES),
        registration="walk_in",
        capacity=12,
        cost="無料",
        contact="センター代表電話（平日9時〜17時）",
        is_public=True,
        team=[clerk, supporter],
    )
    _held(
        clerk,
        ibasho,
        _past_days(Frequency.WEEKLY, 2, None, today, 365),
        datetime.time(13, 30),
        datetime.time(16, 0),
        "in_person",
        rng,
        NICKNAMES,
        [Mode.IN_PERSON],
        [clerk, supporter],
    )
    services.add_schedule(
        actor=clerk,
        program=ibasho,
        frequency=Frequency.WEEKLY,
        weekday=2,
        starts_at=datetime.time(13, 30),
        ends_at=datetime.time(16, 0),
        format="in_person",
        first_on=today,
        skip_dates=[],
    )
    online = services.add_program(
        actor=clerk,
        name="オンライン居場所 よるの縁側",
        kind="ibasho",
        description="顔を出さなくても、チャットだけでも参加できるオンラインの居場所です。",
        for_person=True,
        format="online",
        online_tool="Zoom",
        online_joining="参加登録をした方に、前日までにメールで案内します。",
        ground_rules=f"{GROUND_RULES}\n{ONLINE_RULES}",
        registration="required",
        residents="anyone",
        is_public=True,
        team=[caseworker],
    )
    _held(
        caseworker,
        online,
        _past_days(Frequency.WEEKLY, 4, None, today, 365),
        datetime.time(19, 0),
        datetime.time(20, 30),
        "online",
        rng,
        ONLINE_NICKNAMES,
        [Mode.CAMERA_ON, Mode.CAMERA_OFF, Mode.CHAT_ONLY, Mode.CHAT_ONLY],
        [caseworker],
    )
    services.add_schedule(
        actor=caseworker,
        program=online,
        frequency=Frequency.WEEKLY,
        weekday=4,
        starts_at=datetime.time(19, 0),
        ends_at=datetime.time(20, 30),
        format="online",
        first_on=today,
        skip_dates=[],
    )
    family = services.add_program(
        actor=clerk,
        name="家族会 つばさの会",
        kind="family_meeting",
        description="ひきこもりの状態にある方のご家族が、経験を分かち合う集まりです。",
        for_family=True,
        venue="みなと市保健センター 会議室",
        ground_rules=str(GROUND_RULES),
        registration="walk_in",
        residents="listed",
        municipalities="みなと市、あおば町",
        is_public=True,
        team=[caseworker],
    )
    family_days = _past_days(Frequency.MONTHLY, 5, 3, today, 365)
    _held(
        caseworker,
        family,
        family_days,
        datetime.time(14, 0),
        datetime.time(16, 0),
        "in_person",
        rng,
        ["ひまわり", "さくら", "つばき"],
        [Mode.IN_PERSON],
        [caseworker],
    )
    services.add_schedule(
        actor=caseworker,
        program=family,
        frequency=Frequency.MONTHLY,
        weekday=5,
        nth=3,
        starts_at=datetime.time(14, 0),
        ends_at=datetime.time(16, 0),
        format="in_person",
        first_on=today,
        skip_dates=[],
    )
    _mothers_at(caseworker, family, family_days[-4:])
    farm = services.add_program(
        actor=clerk,
        name="畑の会",
        kind="social_experience",
        description="市民農園で野菜を育てます。作業の合間に休憩しながら、無理なく参加できます。",
        for_person=True,
        venue="みなと市民農園",
        access_notes="汚れてもよい服装で。軍手は用意しています。",
        registration="required",
        capacity=8,
        cost="無料",
        team=[supporter, clerk],
    )
    _held(
        clerk,
        farm,
        _past_days(Frequency.FORTNIGHTLY, 5, None, today, 180),
        datetime.time(10, 0),
        datetime.time(12, 0),
        "in_person",
        rng,
        NICKNAMES[:5],
        [Mode.IN_PERSON],
        [clerk],
    )


def _mothers_at(caseworker, program, days) -> None:
    """Mothers of a few demo cases come to the family meeting, under a consent to record it."""
    cases = (
        Case.objects.for_organization(program.organization_id)
        .filter(primary_staff=caseworker, household__members__relation="mother")
        .select_related("household")
        .distinct()[:3]
    )
    for case in cases:
        assert case.household is not None  # filtered on its members above
        mother = case.household.members.filter(relation="mother").first()
        consent_services.record_consent(
            actor=caseworker,
            case=case,
            kind=ConsentKind.PROGRAMS,
            given_by=ConsentGiver.FAMILY,
            given_by_member=mother,
            given_on=days[0] - datetime.timedelta(days=3),
            scope="家族会への参加をケースの記録に残すこと",
        )
        for session in program.sessions.filter(on__in=days):
            services.record_case_attendance(
                actor=caseworker, session=session, case=case, household_member=mother
            )
