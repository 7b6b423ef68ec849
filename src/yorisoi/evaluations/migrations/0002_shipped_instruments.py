"""The two instruments shipped with yorisoi, for every organization.

The wording is yorisoi's own. Each level describes a state the person or family may be in
today; none is a step anyone is asked to climb. Running this again adds nothing: an
instrument whose code is already shipped is left as it is (a later change ships as a new
version in a new migration, so scores given with this one keep their meaning).
"""

import datetime

from django.db import migrations

PUBLISHED_ON = datetime.date(2025, 4, 1)

MIYAGI = {
    "code": "miyagi",
    "name": "ひきこもり評価尺度（宮城県センター版の構成）",
    "description": (
        "初回面接のとき、年度末、支援を終えるときに記録します。"
        "本人については「自立に向けた行動」と「コミュニケーション」をそれぞれ10段階で、"
        "家族については本人への関わり方や受け止め方を10項目（当てはまれば1点）で記録します。"
        "段階はそのときの様子を書き留めるためのもので、上の段階へ進むことを求めるものではありません。"
        "宮城県ひきこもり地域支援センターの評価尺度の構成にならい、文言は独自に書き起こしています。"
    ),
    "items": [
        {
            "code": "behaviour",
            "group": "本人",
            "label": "自立に向けた行動レベル",
            "levels": [
                "自分の部屋で過ごす時間がほとんどで、家族と顔を合わせることも少ない",
                "自分の部屋を中心に過ごし、食事や入浴のときに家の中を行き来している",
                "居間など、家族と同じ場所で過ごす時間がある",
                "身の回りのことや家の用事を、自分のペースでしている",
                "人の少ない時間などに、近所へ短く出かけることがある",
                "買い物や趣味の用事で、ひとりで出かけることがある",
                "相談の場や居場所に、家族や支援者と一緒に出向くことがある",
                "相談の場や居場所に、ひとりで通うことがある",
                "学びや活動、短い時間の仕事など、家の外で決まって過ごす場がある",
                "自分で選んだ場で、自分なりの暮らしの流れができている",
            ],
        },
        {
            "code": "communication",
            "group": "本人",
            "label": "コミュニケーションレベル",
            "levels": [
                "家族とも言葉を交わすことがほとんどない",
                "家族とは、メモや短い返事などでやりとりしている",
                "家族と、必要なことを言葉で伝え合っている",
                "家族と、日々の出来事や雑談を話すことがある",
                "支援者と、手紙やメール、SNSなど顔を合わせない方法でやりとりがある",
                "支援者と、電話や扉越しに言葉を交わすことがある",
                "支援者と、顔を合わせて少しの時間話すことがある",
                "支援者に、顔を合わせて自分の気持ちや考えを話すことがある",
                "家族や支援者のほかにも、居場所の仲間などと言葉を交わすことがある",
                "場面に合わせて、いろいろな人と自分なりにやりとりしている",
            ],
        },
        *(
            {"code": f"family-{number}", "group": "家族", "label": label, "levels": None}
            for number, label in enumerate(
                [
                    "家族が相談の場を定期的に利用している",
                    "本人を責めたり問い詰めたりしないよう心がけている",
                    "あいさつや日々の声かけを続けている",
                    "家族自身が自分の体調や休息を大切にしている",
                    "本人についての心配や考えを、家族の間で話し合っている",
                    "困ったときに相談できる窓口や支援先を知っている",
                    "本人のペースや気持ちを尊重して関わっている",
                    "家族会や学習会など、家族のための場に参加している",
                    "家族が自分の楽しみや息抜きの時間を持っている",
                    "本人の小さな変化や得意なことに目を向けている",
                ],
                start=1,
            )
        ),
    ],
}

TSUNAGARI = {
    "code": "tsunagari",
    "name": "つながりの状態（5領域・4段階）",
    "description": (
        "本人と一緒に、5つの領域それぞれについて、いまの状態に近いものを1〜4から選びます。"
        "国が示した「つながり指標」の5領域にならった構成で、文言は独自に書き起こしています。"
        "どの段階にも良し悪しはなく、本人の考えをそのまま書き留めます。"
    ),
    "items": [
        {
            "code": "motivation",
            "group": "本人",
            "label": "意欲",
            "levels": [
                "やってみたいことは、いまは特に思い浮かばない",
                "少し気になることや、興味のあることがある",
                "やってみたいことがあり、考えたり調べたりしている",
                "やってみたいことに、自分のペースで取り組んでいる",
            ],
        },
        {
            "code": "self-esteem",
            "group": "本人",
            "label": "自己肯定感",
            "levels": [
                "自分のことを良いと思える場面は、いまはあまりない",
                "ときどき、自分にも良いところがあると思える",
                "自分の良いところや得意なことを、いくつか挙げられる",
                "自分のことを、おおむね大切に思えている",
            ],
        },
        {
            "code": "relationships",
            "group": "本人",
            "label": "対人関係",
            "levels": [
                "いまは人と関わることを、できるだけ控えていたい",
                "限られた人となら、関わることができる",
                "安心できる人が何人かいて、やりとりがある",
                "いろいろな人と、自分なりの距離で関わっている",
            ],
        },
        {
            "code": "participation",
            "group": "本人",
            "label": "社会参加",
            "levels": [
                "いまは家の中で過ごすことが中心",
                "家の外にも、ときどき出かける場所がある",
                "居場所や活動など、決まって通う場がある",
                "自分で選んだ学びや活動、仕事などの場に加わっている",
            ],
        },
        {
            "code": "consultation",
            "group": "本人",
            "label": "相談",
            "levels": [
                "いまは誰かに相談することは考えていない",
                "相談してみようかと思える相手や場所がある",
                "必要なときに、家族や支援者に相談している",
                "困りごとに合わせて、相談先を自分で選んで使っている",
            ],
        },
    ],
}


def ship(apps, schema_editor):
    Instrument = apps.get_model("evaluations", "Instrument")
    InstrumentVersion = apps.get_model("evaluations", "InstrumentVersion")
    Item = apps.get_model("evaluations", "Item")
    Level = apps.get_model("evaluations", "Level")
    for spec in (MIYAGI, TSUNAGARI):
        if Instrument.objects.filter(organization__isnull=True, code=spec["code"]).exists():
            continue
        instrument = Instrument.objects.create(
            organization=None,
            code=spec["code"],
            name=spec["name"],
            description=spec["description"],
        )
        version = InstrumentVersion.objects.create(
            instrument=instrument, number=1, published_on=PUBLISHED_ON
        )
        for order, item_spec in enumerate(spec["items"], start=1):
            item = Item.objects.create(
                version=version,
                code=item_spec["code"],
                label=item_spec["label"],
                kind="level" if item_spec["levels"] else "yes_no",
                group=item_spec["group"],
                order=order,
                rated_by_default=True,
            )
            Level.objects.bulk_create(
                Level(item=item, value=value, text=text)
                for value, text in enumerate(item_spec["levels"] or [], start=1)
            )


class Migration(migrations.Migration):

    dependencies = [("evaluations", "0001_initial")]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
