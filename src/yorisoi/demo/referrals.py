"""Synthetic demo network: the center's agency directory, a support council, consents to share,
referrals at each stage, and one referral from the center waiting at the partner NPO.

Every name is invented. Loading twice adds nothing (the directory is the marker).
"""

import datetime

from django.utils import timezone

from yorisoi.agencies import services as agency_services
from yorisoi.agencies.models import Agency
from yorisoi.cases.models import Case
from yorisoi.consents import services as consent_services
from yorisoi.organizations.models import Membership
from yorisoi.referrals import services

# (name, category, area, contact person, phone, what they offer)
DIRECTORY = [
    (
        "みなと市地域包括支援センター",
        "community_care",
        "みなと市中央",
        "包括 一郎",
        "000-1000-0001",
        "高齢の親の介護・生活の相談。8050世帯の訪問にも同行できる。",
    ),
    (
        "みなと市福祉事務所 保護課",
        "public_assistance",
        "みなと市",
        "保護 二葉",
        "000-1000-0002",
        "生活保護の相談・申請。",
    ),
    (
        "みなと市くらし相談センター",
        "needs_based",
        "みなと市",
        "暮 三郎",
        "000-1000-0003",
        "生活困窮者自立相談支援。家計相談、就労準備支援。",
    ),
    (
        "ハローワークみなと",
        "hello_work",
        "みなと市",
        "職業 四季",
        "000-1000-0004",
        "職業相談、職業訓練の案内。若年者担当の窓口あり。",
    ),
    (
        "みなと地域若者サポートステーション",
        "youth_station",
        "みなと市",
        "若者 五月",
        "000-1000-0005",
        "15〜49歳の就労に向けた相談、職場体験、コミュニケーション講座。",
    ),
    (
        "みなと保健センター",
        "health_center",
        "みなと市",
        "保健 六花",
        "000-1000-0006",
        "こころの健康相談、家庭訪問。",
    ),
    (
        "県精神保健福祉センター",
        "mental_health_center",
        "県庁所在地",
        "精神 七海",
        "000-1000-0007",
        "精神科医による相談、家族教室。",
    ),
    (
        "みなと心療クリニック",
        "medical",
        "みなと市",
        "医療 八重",
        "000-1000-0008",
        "思春期・青年期の外来。初診は予約制。",
    ),
    (
        "みなと市社会福祉協議会",
        "social_welfare_council",
        "みなと市",
        "社協 九太",
        "000-1000-0009",
        "ボランティア、居場所づくり、貸付の相談。",
    ),
    (
        "みなと家族会「ひだまり」",
        "family_association",
        "みなと市",
        "家族 十和",
        "000-1000-0010",
        "月1回の家族のつどい。",
    ),
    (
        "居場所「ゆるり」",
        "ibasho",
        "みなと市北",
        "居場 百合",
        "000-1000-0011",
        "火・金の午後に開く居場所。何もしなくてよい。",
    ),
]
COUNCIL_MEMBERS = {
    "みなと市地域包括支援センター",
    "みなと市くらし相談センター",
    "みなと市社会福祉協議会",
}


def _case(org, number):
    return Case.objects.for_organization(org).filter(number=number).first()


def load(organizations) -> None:
    center, npo = organizations["demo-center"], organizations["demo-npo"]
    if Agency.objects.for_organization(center).exists():
        return
    caseworker = Membership.objects.get(organization=center, user__username="caseworker")
    supervisor = Membership.objects.get(organization=center, user__username="supervisor")
    today = timezone.localdate()
    agencies = {}
    for name, category, area, person, phone, offers in DIRECTORY:
        agencies[name] = agency_services.add_agency(
            actor=caseworker,
            name=name,
            category=category,
            area=area,
            contact_person=person,
            phone=phone,
            offers=offers,
            shared=category in {"hello_work", "youth_station", "health_center"},
        )
    partner = agency_services.add_agency(
        actor=supervisor,
        name="NPO法人 あおばの森",
        category="partner_npo",
        area="あおば町",
        contact_person="日溜 彩",
        offers="訪問支援、居場所、就労体験。このシステムで紹介を受けられる。",
        linked_organization=npo,
    )
    council = agency_services.constitute_council(
        actor=supervisor,
        name="みなと市重層的支援会議",
        legal_basis="social_welfare_106_6",
        established_on=today.replace(month=4, day=1)
        if today.month >= 4
        else today.replace(year=today.year - 1, month=4, day=1),
        confidentiality="設置時に構成員へ守秘義務を説明し、各機関から誓約書を受け取った。",
        members=[agencies[n] for n in COUNCIL_MEMBERS],
    )
    weeks_ago = lambda n: today - datetime.timedelta(weeks=n)  # noqa: E731

    # A referral with consent whose follow-up is now due ("did support start?").
    case = _case(center, "DEMO-004")
    if case is not None:
        station = agencies["みなと地域若者サポートステーション"]
        consent_services.record_consent(
            actor=caseworker,
            case=case,
            kind="sharing",
            given_by="person",
            given_on=weeks_ago(8),
            scope="サポステへのつなぎのため、氏名・連絡先と相談の経過を伝えること",
            agency=station,
            purposes=["referral", "coordination"],
            items=["identity", "consultation"],
        )
        services.refer(
            actor=caseworker,
            case=case,
            agency=station,
            referred_on=weeks_ago(6),
            reason="本人が働くことに関心を持ち始めたため、職場体験の説明を受けに行く。",
            purpose="referral",
            channel="accompany",
            items=["identity", "consultation"],
        )
    # Sharing within the support council, without consent, recorded with its legal basis.
    case = _case(center, "DEMO-007")
    if case is not None:
        services.refer(
            actor=caseworker,
            case=case,
            agency=agencies["みなと市地域包括支援センター"],
            referred_on=weeks_ago(2),
            reason="母親の介護が必要になりつつあり、世帯全体の支援を支援会議で検討する。",
            purpose="coordination",
            channel="meeting",
            items=["household", "consultation"],
            basis="council",
            council=council,
        )
    # A referral without personal information: only the leaflet of the family association.
    case = _case(center, "DEMO-002")
    if case is not None:
        referral = services.refer(
            actor=caseworker,
            case=case,
            agency=agencies["みなと家族会「ひだまり」"],
            referred_on=weeks_ago(10),
            reason="母親に家族会の案内を渡した。",
            purpose="referral",
            channel="document",
        )
        services.record_follow_up(
            actor=caseworker,
            referral=referral,
            support_started="yes",
            note="母親が家族会に2回参加した。",
            on=weeks_ago(5),
        )
    # A referral to the partner NPO on this installation, waiting for its answer.
    case = _case(center, "DEMO-010")
    if case is not None:
        consent_services.record_consent(
            actor=caseworker,
            case=case,
            kind="sharing",
            given_by="person",
            given_on=weeks_ago(1),
            scope="あおばの森の訪問支援を受けるため、氏名・連絡先、家族構成、相談の経過を伝えること",
            agency=partner,
            purposes=["referral"],
            items=["identity", "household", "consultation"],
        )
        services.refer(
            actor=caseworker,
            case=case,
            agency=partner,
            referred_on=today,
            reason="あおば町に転居予定。転居後の訪問支援をお願いしたい。",
            purpose="referral",
            channel="system",
            items=["identity", "household", "consultation"],
        )
    # A referral received from the health center, consent not yet confirmed with the person.
    case = _case(center, "DEMO-012")
    if case is not None:
        services.receive_referral(
            actor=caseworker,
            case=case,
            received_on=weeks_ago(1),
            from_agency=agencies["みなと保健センター"],
            from_person="保健 六花",
            what_they_said="母親から保健センターに相談があった。本人への説明はまだ。",
            sender_consent="not_confirmed",
        )
