"""Demo supporters (issue 9): the registry with pledges, a training course with completions,
the `supporter` login's own entry, and a season of activities. All names are invented."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from yorisoi.cases.models import Case
from yorisoi.organizations.models import Membership
from yorisoi.programs.models import Program
from yorisoi.supporters import services
from yorisoi.supporters.models import Supporter

REGISTRY = [
    # name, kana, kind, municipality, likes, can help, pledge (days ago or None)
    (
        "寄添 翔",
        "よりそい しょう",
        "peer",
        "みなと市",
        "ゲーム、料理",
        "居場所の運営、話し相手",
        300,
    ),
    ("畑中 実", "はたなか みのる", "supporter", "みなと市", "家庭菜園", "畑の会の手伝い", 280),
    ("海野 静", "うみの しずか", "supporter", "あおば町", "手芸、読書", "居場所の見守り", 200),
    ("岡 拓海", "おか たくみ", "listener", "みなと市", "釣り", "外出の同行", 120),
    ("森 いずみ", "もり いずみ", "supporter", "みなと市", "散歩", "行事の手伝い", None),
]


@transaction.atomic
def load_registry(organizations) -> None:
    center = organizations["demo-center"]
    if Supporter.objects.for_organization(center).exists():
        return
    today = timezone.localdate()
    clerk = Membership.objects.get(organization=center, user__username="clerk")
    login = Membership.objects.get(organization=center, user__username="supporter")
    people = []
    for name, kana, kind, town, likes, can_help, pledge in REGISTRY:
        people.append(
            services.register_supporter(
                actor=clerk,
                name=name,
                name_kana=kana,
                kind=kind,
                municipality=town,
                likes=likes,
                can_help=can_help,
                availability="平日の午後",
                pledge_signed_on=today - datetime.timedelta(days=pledge) if pledge else None,
                membership=login if name == "寄添 翔" else None,
            )
        )
    course = services.add_course(
        actor=clerk,
        name="ひきこもりサポーター養成講座（全4回）",
        held_from=today - datetime.timedelta(days=330),
        held_until=today - datetime.timedelta(days=309),
        topics=[
            "understanding",
            "ways_of_support",
            "supporter_role",
            "family",
            "family_associations",
            "resources",
            "community",
        ],
    )
    services.record_completions(
        actor=clerk,
        course=course,
        supporters=people[:4],
        completed_on=today - datetime.timedelta(days=309),
    )
    follow_up = services.add_course(
        actor=clerk,
        name="フォローアップ研修：聴くことと境界線",
        held_from=today - datetime.timedelta(days=60),
        follow_up=True,
        topics=["group_work", "rights"],
    )
    services.record_completions(
        actor=clerk,
        course=follow_up,
        supporters=people[:2],
        completed_on=today - datetime.timedelta(days=60),
    )


@transaction.atomic
def load_activities(organizations) -> None:
    center = organizations["demo-center"]
    clerk = Membership.objects.get(organization=center, user__username="clerk")
    shou = Supporter.objects.for_organization(center).get(name="寄添 翔")
    if shou.activities.exists():
        return
    today = timezone.localdate()
    caseworker = Membership.objects.get(organization=center, user__username="caseworker")
    # One person agreed to go on outings with the peer supporter.
    case = (
        Case.objects.for_organization(center)
        .filter(primary_staff=caseworker, status="active", person_contact="direct")
        .order_by("number")
        .first()
    )
    if case is not None:
        services.assign_to_case(
            actor=caseworker,
            case=case,
            supporter=shou,
            agreed_on=today - datetime.timedelta(days=40),
            shown_as="ゆうさん",
            shared="ゲームと料理の話が好き。人の多い場所は苦手なので、空いている時間帯に。",
        )
    programs = {p.name: p for p in Program.objects.for_organization(center)}
    farmer = Supporter.objects.for_organization(center).get(name="畑中 実")
    for weeks in range(1, 13):
        day = today - datetime.timedelta(days=7 * weeks)
        services.record_activity(
            actor=clerk,
            supporter=shou,
            on=day,
            hours=Decimal("2.5"),
            kind="ibasho",
            program=programs.get("居場所 みなとの縁側"),
        )
        if weeks % 2 == 0:
            services.record_activity(
                actor=clerk,
                supporter=farmer,
                on=day,
                hours=Decimal("2"),
                kind="accompany",
                program=programs.get("畑の会"),
                note="苗の植え付け",
            )
