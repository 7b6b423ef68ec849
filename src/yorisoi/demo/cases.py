"""Synthetic demo cases: the handbook's mix of 30 cases, with records over several fiscal years.

Every name, date and note is invented; a fixed random seed makes the data the same on every
machine, and existing demo cases are left as they are, so loading twice adds nothing.
"""

import datetime
import random

from django.utils import timezone

from yorisoi.cases import services
from yorisoi.cases.choices import (
    AgeBand,
    CaseStatus,
    CloseReason,
    DurationBand,
    GoingOut,
    InquiryChannel,
    PersonContact,
    ReferralRoute,
    SupportStage,
    WorkHistory,
)
from yorisoi.cases.models import Case, Inquiry
from yorisoi.consents import services as consent_services
from yorisoi.contacts import services as contact_services
from yorisoi.contacts.choices import Channel, Outcome, Reached
from yorisoi.core.dates import fiscal_year_of
from yorisoi.demo.profiles import DEMO_PROFILES
from yorisoi.organizations.models import Membership

FAMILY_NAMES = [
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
    "土屋",
    "中西",
    "野口",
    "長谷",
    "平田",
    "藤井",
    "松尾",
    "宮本",
    "村上",
    "森田",
    "矢野",
    "横山",
    "吉川",
    "和田",
    "岡部",
    "片山",
    "菊池",
    "久保",
]
FAMILY_KANA = [
    "あおき",
    "いしだ",
    "うえの",
    "おおの",
    "かわむら",
    "きたむら",
    "こまつ",
    "さかぐち",
    "しまだ",
    "すぎやま",
    "たかぎ",
    "ちば",
    "つちや",
    "なかにし",
    "のぐち",
    "はせ",
    "ひらた",
    "ふじい",
    "まつお",
    "みやもと",
    "むらかみ",
    "もりた",
    "やの",
    "よこやま",
    "よしかわ",
    "わだ",
    "おかべ",
    "かたやま",
    "きくち",
    "くぼ",
]
GIVEN = {
    "male": [
        ("拓也", "たくや"),
        ("健太", "けんた"),
        ("直樹", "なおき"),
        ("翔", "しょう"),
        ("亮", "りょう"),
    ],
    "female": [
        ("美咲", "みさき"),
        ("由香", "ゆか"),
        ("真理", "まり"),
        ("彩", "あや"),
        ("恵", "めぐみ"),
    ],
    "": [("光", "ひかる"), ("薫", "かおる"), ("歩", "あゆむ"), ("渚", "なぎさ"), ("純", "じゅん")],
}
# What families who do not give a name are called by at centers: an initial, or a name the
# person chose (never a made-up family name, which would read as a registered one).
NICKNAMES = ["Aさん", "ハルさん", "Kさん", "そらさん", "Mさん", "ゆうさん"]

PARENT_GIVEN = {
    "mother": ("和子", "かずこ"),
    "father": ("茂", "しげる"),
    "sibling": ("聡", "さとし"),
    "grandparent": ("トメ", "とめ"),
    "spouse": ("誠", "まこと"),
    "child": ("陽", "はる"),
    "other": ("文", "ふみ"),
}
AGE_MIDDLE = {"10s": 16, "20s": 25, "30s": 35, "40s": 45, "50s": 54, "60s+": 63}

FAMILY_NOTES = [
    "母と来所面談。本人は最近、夜遅くまで起きていることが多いとのこと。母の疲れも見えたため、家族会を紹介した。",
    "母から電話。本人が自室から出て食事をとる日が増えた。小さな変化を一緒に喜んだ。",
    "父と母が来所。本人への声かけの仕方について話し合った。責めずに挨拶から続けることを確認。",
    "母と電話。本人の通院について迷っている。医療機関の情報を伝え、次回一緒に整理することにした。",
    "家族会に母が参加。同じ立場の家族の話を聞いて、少し気持ちが軽くなったと話していた。",
    "母と面談。家計の不安が大きい。生活困窮の相談窓口について説明し、同行も可能と伝えた。",
]
VISIT_NOTES = [
    "自宅を訪問。本人とは扉越しに挨拶のみ。無理に会おうとせず、次回も同じ曜日に来ることを伝えた。",
    "自宅を訪問し、本人と初めて居間で話せた。好きなゲームの話を少し。疲れた様子はなかった。",
    "訪問したが応答なし。手紙をポストに入れて帰った。母には後ほど電話で様子を伝えた。",
]
PERSON_NOTES = [
    "本人と来所面談。最近始めた散歩の話。次回は居場所の見学を一緒に考えることにした。",
    "本人とオンライン面談。カメラはオフでチャット中心。話したいときに話せばよいと伝えた。",
    "本人にメール。居場所の日程を案内した。返信は急がなくてよいと添えた。",
]
LETTER_NOTES = ["本人宛てに手紙を送った。季節のあいさつと、いつでも連絡してよいことを書いた。"]
NEXT_ACTIONS = [
    "次回面談の日程を母と調整",
    "手紙の返事を待つ。2週間後に母へ電話",
    "家族会の案内を送付",
    "居場所の見学について本人に確認",
    "医療機関の情報をまとめて渡す",
    "",
]


def _staff(org):
    members = {
        m.user.username: m
        for m in Membership.objects.filter(organization=org).select_related("user")
    }
    return members


def _local(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _opened_on(rng, index, today):
    """Spread the cases over the last five fiscal years, older ones first."""
    start = datetime.date(fiscal_year_of(today) - 4, 4, 1)
    span = (today - start).days - 30
    return start + datetime.timedelta(days=int(span * (index / 32)) + rng.randint(0, 20))


def _status(rng, index):
    if index % 7 == 3:
        return CaseStatus.CLOSED
    if index % 11 == 5:
        return CaseStatus.WATCHING
    if index % 13 == 8:
        return CaseStatus.PAUSED
    return CaseStatus.ACTIVE


def load_case(org, actor, partner, profile, index, rng, today) -> Case | None:
    number = (
        f"DEMO-{profile['case']:03d}" if org.slug == "demo-center" else f"NPO-{profile['case']:03d}"
    )
    if Case.objects.for_organization(org).filter(number=number).exists():
        return None
    sex = "" if profile["sex"] == "unknown" else profile["sex"]
    given, given_kana = rng.choice(GIVEN[sex])
    family, family_kana = FAMILY_NAMES[index % 30], FAMILY_KANA[index % 30]
    opened_on = _opened_on(rng, index, today)
    age = AGE_MIDDLE.get(profile["age_band"], 40) + rng.randint(-3, 3)
    known_birth = index % 3 != 0  # a third of families did not give the birth date
    person_data = {
        "name": f"{family} {given}" if index % 5 else "",
        "name_kana": f"{family_kana} {given_kana}" if index % 5 else "",
        "nickname": "" if index % 5 else NICKNAMES[(index // 5) % len(NICKNAMES)],
        "sex": sex,
        "birth_date": datetime.date(opened_on.year - age, rng.randint(1, 12), rng.randint(1, 28))
        if known_birth
        else None,
        "age_band": "" if known_birth else AgeBand.for_age(age),
        "municipality": "みなと市" if org.slug == "demo-center" else "あおば町",
    }
    status = _status(rng, index)
    self_consulted = profile["first_consulter"] == "self"
    case = services.open_case(
        actor=actor,
        opened_on=opened_on,
        number=number,
        person_data=person_data,
        first_consulter=profile["first_consulter"],
        referral_route=rng.choice(ReferralRoute.values),
        primary_staff=actor if index % 2 else partner,
        secondary_staff=partner if index % 2 else actor,
        summary=profile["situation"],
        status=CaseStatus.ACTIVE,
        stage=SupportStage.INDIVIDUAL if self_consulted or index % 6 == 0 else SupportStage.FAMILY,
        person_contact=PersonContact.DIRECT
        if self_consulted or index % 6 == 0
        else (PersonContact.INDIRECT if index % 4 == 1 else PersonContact.NONE),
    )
    household = case.household
    assert household is not None  # open_case gives every case a household
    members = []
    for position, relation in enumerate(profile["household"]):
        name, kana = PARENT_GIVEN.get(relation, PARENT_GIVEN["other"])
        members.append(
            services.add_household_member(
                actor=actor,
                household=household,
                relation=relation if relation != "child" else "child",
                name=f"{family} {name}",
                name_kana=f"{family_kana} {kana}",
                age_band=AgeBand.for_age(min(age + 28, 89))
                if relation in {"mother", "father"}
                else "",
                health_or_care_needs="要介護1、通院中"
                if index % 4 == 0 and relation in {"mother", "father"}
                else "",
                is_key_person=position == 0,
                lives_with_person=True,
            )
        )
    services.save_intake(
        actor=actor,
        case=case,
        taken_on=opened_on + datetime.timedelta(days=7),
        wishes=profile["situation"],
        current_state=profile["situation"],
        trigger=profile["economic_issue"] or "家族が将来のことを心配して",
        work_history=WorkHistory.PART_TIME
        if profile["worked_before"]
        else (WorkHistory.NONE if profile["worked_before"] is False else WorkHistory.UNKNOWN),
        medical_history=profile["illness"],
        onset_age=max(14, age - rng.randint(2, 15)),
        duration=rng.choice(
            [
                DurationBand.UNDER_3Y,
                DurationBand.UNDER_5Y,
                DurationBand.UNDER_10Y,
                DurationBand.UNDER_20Y,
            ]
        ),
        going_out=rng.choice(
            [GoingOut.NEIGHBOURHOOD, GoingOut.HOBBY_ONLY, GoingOut.HOME, GoingOut.ROOM]
        ),
    )
    giver = members[0] if members else None
    consent_services.record_consent(
        actor=actor,
        case=case,
        kind="personal_information",
        given_by="family" if giver else "person",
        given_by_member=giver,
        given_on=min(opened_on + datetime.timedelta(days=7), today),
        scope="相談記録・連絡先・家族構成を、支援のために当センター内で扱うこと",
    )
    closing = status == CaseStatus.CLOSED
    end = (
        min(today, opened_on + datetime.timedelta(days=rng.randint(200, 700))) if closing else today
    )
    day = opened_on + datetime.timedelta(days=7)
    visit = 0
    while day < end:
        kind = rng.random()
        staff = [actor]
        lone = ""
        if kind < 0.15:
            channel, outcome, reached = Channel.HOME_VISIT, Outcome.THROUGH_DOOR, Reached.FAMILY
            text = VISIT_NOTES[visit % len(VISIT_NOTES)]
            visit += 1
            if "応答なし" in text:
                outcome, reached = Outcome.NO_RESPONSE, Reached.NOBODY
            elif "居間" in text:
                outcome, reached = Outcome.MET, Reached.PERSON_AND_FAMILY
            staff = [actor, partner] if visit % 3 else [actor]
            lone = (
                ""
                if visit % 3
                else "同行予定の職員が急な用事のため。母の在宅を確認して短時間で実施"
            )
        elif kind < 0.25:
            channel, outcome, reached, text = (
                Channel.LETTER,
                Outcome.LEFT_NOTE,
                Reached.NOBODY,
                LETTER_NOTES[0],
            )
        elif kind < 0.4 and (self_consulted or index % 6 == 0):
            text = rng.choice(PERSON_NOTES)
            channel = (
                Channel.ONLINE
                if "オンライン" in text
                else (Channel.EMAIL if "メール" in text else Channel.OFFICE)
            )
            outcome = {Channel.EMAIL: Outcome.NO_REPLY, Channel.ONLINE: Outcome.TALKED}.get(
                channel, Outcome.MET
            )
            reached = Reached.NOBODY if channel == Channel.EMAIL else Reached.PERSON
        else:
            text = rng.choice(FAMILY_NOTES)
            channel = Channel.PHONE if "電話" in text else Channel.OFFICE
            outcome = Outcome.TALKED if channel == Channel.PHONE else Outcome.MET
            reached = Reached.FAMILY
        next_action = rng.choice(NEXT_ACTIONS)
        contact_services.record_contact(
            actor=actor,
            case=case,
            staff=staff,
            with_members=members[:1] if reached != Reached.NOBODY else [],
            occurred_at=_local(day, rng.choice([10, 11, 14, 15, 16])),
            duration_minutes=rng.choice([15, 30, 45, 60]),
            channel=channel,
            with_person=reached in {Reached.PERSON, Reached.PERSON_AND_FAMILY},
            reached=reached,
            outcome=outcome,
            summary=text,
            next_action=next_action,
            next_action_on=day + datetime.timedelta(days=14) if next_action else None,
            lone_visit_reason=lone,
        )
        day += datetime.timedelta(days=rng.randint(10, 35))
    if status != CaseStatus.ACTIVE:
        case.refresh_from_db()
        services.change_case(
            actor=actor,
            case=case,
            expected_version=case.version,
            status=status,
            closed_on=end if closing else None,
            close_reason=rng.choice(
                [CloseReason.GOAL_REACHED, CloseReason.REFERRED, CloseReason.DECLINED]
            )
            if closing
            else "",
        )
    return case


def load(organizations: dict) -> None:
    """Demo cases for both demo organizations, and a few inquiries waiting in the queue."""
    rng = random.Random(20250401)  # the same demo data on every machine
    today = timezone.localdate()
    center = organizations["demo-center"]
    staff = _staff(center)
    for index, profile in enumerate(DEMO_PROFILES):
        load_case(center, staff["caseworker"], staff["supervisor"], profile, index, rng, today)
    npo = organizations["demo-npo"]
    npo_staff = _staff(npo)["other-caseworker"]
    for index, profile in enumerate(DEMO_PROFILES[:3]):
        load_case(npo, npo_staff, npo_staff, profile, index + 40, rng, today)
    if not Inquiry.objects.for_organization(center).exists():
        for about, relation, channel, kana in [
            (
                "30代の息子が仕事を辞めてから部屋にこもりがち。どこに相談すればよいか分からない。",
                "mother",
                InquiryChannel.PHONE,
                "あおき たくや",
            ),
            (
                "近所の高齢の方の家に、長く姿を見ない息子さんがいるようで気になっている。",
                "neighbour",
                InquiryChannel.PHONE,
                "",
            ),
            (
                "自分のことで相談したい。人と話すのが久しぶりで、まずはメールでやりとりしたい。",
                "self",
                InquiryChannel.EMAIL,
                "",
            ),
        ]:
            services.record_inquiry(
                actor=staff["caseworker"],
                received_at=timezone.now() - datetime.timedelta(days=rng.randint(0, 5)),
                channel=channel,
                caller_relation=relation,
                about=about,
                caller_name="青木 和子" if relation == "mother" else "",
                person_name_kana=kana,
                person_name="青木 拓也" if kana else "",
                preferred_contact="email" if channel == InquiryChannel.EMAIL else "phone",
            )
