"""Profiles for the synthetic demo cases, modelled on the structure of the handbook's table of
30 fictional cases (age band, first consulter, household, work history, illness, economic
situation). Only the structure and the mix carry over; every name and story is invented.

How the handbook table (seed 000, chapter 5) was read:

* The table marks four columns with a circle or leaves them blank: co-resident family,
  work history, illness/disability, economic issue. In the text extraction every cell is
  followed by one space, so the position of each circle can be recovered from the spacing;
  the reading agrees with the three cases printed in full (cases 1, 6 and 8).
* A circle in the household column only says that the person lives with family; which
  members is taken from the full case text (cases 1, 6, 8) or otherwise guessed.
* A circle in the illness or economic column says nothing about *what* the illness or the
  difficulty is; the phrases here are invented unless a full case text gives them.
  (The handbook counts an illness of a co-resident family member in that column too.)
* A blank work-history cell is read as ``False``.  The handbook only marks the column where
  leaving a job or a link to employment support matters, so ``False`` means "not marked".
* Sex is known only from the full case texts (cases 1, 6, 8) and, for case 28, from the
  pattern label (full-time housewife); everything else is ``"unknown"``.
* Anything else that is not in the table is marked ``# guessed``.
"""

DEMO_PROFILES = [
    # --- 長期化したひきこもり状態 (cases 1-4) ---
    {
        "case": 1,
        "pattern": "ひきこもり状態の長期化",
        "age_band": "40s",
        "sex": "male",  # from the full case text
        "first_consulter": "mother",
        "household": ["mother", "father"],  # from the full case text
        "worked_before": True,
        "illness": "",
        "economic_issue": "",
        "points": [1, 2, 6, 7, 12, 22, 35, 39],
        "situation": "勤め先を離れてから長い年月を自宅で過ごしている40代の男性。市の広報で窓口を知った母親が電話をくれたことから始まり、家族との面談を重ねつつ、本人が会ってもよいと思える時期と場所を待っている。",
    },
    {
        "case": 2,
        "pattern": "ひきこもり状態の長期化",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "peer_group",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [1, 4, 5, 7, 16, 24, 26],
        "situation": "10代の後半から家で過ごす生活が続いている20代の人。オンラインの当事者会に参加しており、その運営者が本人の了解を得て窓口に連絡をくれたため、当事者会と一緒に最初の面談の準備を進めている。",
    },
    {
        "case": 3,
        "pattern": "ひきこもり状態の長期化",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [6, 7, 8, 10, 12, 16, 26, 35],
        "situation": "学校を終えてから10年あまり、家の中で穏やかに過ごしている30代の人。母親が定期的に相談に通っており、本人とはまだ直接会えていないため、訪問するかどうか、いつどのように伝えるかを母親と一緒に考えている。",
    },
    {
        "case": 4,
        "pattern": "ひきこもり状態の長期化",
        "age_band": "50s",  # guessed: the table gives the age as unknown
        "sex": "unknown",
        "first_consulter": "neighbour",
        "household": [],
        "worked_before": None,  # guessed: cell blank, and the consulter knows little of the person's past
        "illness": "",
        "economic_issue": "",
        "points": [7, 8, 36, 49],
        "situation": "しばらく姿を見かけない一人暮らしの人がいると、近所の住民から連絡があった。年齢も暮らしぶりもほとんど分からないため、手紙を添えた訪問で様子をうかがいながら、急いで対応すべき状態かどうかを見極めている。",
    },
    # --- 相談期間の長期化 (cases 5-7) ---
    {
        "case": 5,
        "pattern": "相談期間の長期化",
        "age_band": "40s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [7, 8, 9, 10, 15, 18, 24, 30, 32, 39],
        "situation": "母親からの相談が数年にわたって続いている40代の人。面談の約束が見送りになったり、本人の希望が途中で変わったりすることもあるが、家族の疲れにも目を配りながら、途切れずに関わり続けている。",
    },
    {
        "case": 6,
        "pattern": "相談期間の長期化",
        "age_band": "20s",
        "sex": "female",  # from the full case text
        "first_consulter": "school",  # the table says スクールカウンセラー
        "household": ["mother", "father"],  # from the full case text
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [3, 6, 10, 12, 35],
        "situation": "高校に通いづらくなった頃から自宅で過ごす時間が長くなった20代の女性。在学中にスクールカウンセラーから保護者の同意を得て紹介があり、返事のない時期も含めて、手紙と訪問で少しずつ関係を育んでいる。",
    },
    {
        "case": 7,
        "pattern": "相談期間の長期化",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "parents",
        "household": [],
        "worked_before": False,
        "illness": "",
        "economic_issue": "高齢の親からの仕送りで生活",  # guessed: wording (table only marks the column)
        "points": [5, 6, 10, 16, 17, 28, 29, 31],
        "situation": "実家の近くで一人暮らしをしている50代の人で、暮らしの費用は高齢の両親が支えている。両親の相談から関わりが始まり、担当者の交代をはさみながらも、今の生活を大きく変えたくないという本人の気持ちを尊重して見守っている。",
    },
    # --- 複数機関によるチーム支援 (cases 8-11) ---
    {
        "case": 8,
        "pattern": "複数機関によるチーム支援",
        "age_band": "50s",
        "sex": "male",  # from the full case text
        "first_consulter": "care_manager",
        "household": ["father"],  # from the full case text
        "worked_before": False,
        "illness": "",
        "economic_issue": "父の年金に頼った暮らし",  # from the full case text
        "points": [1, 3, 15, 33, 35, 38, 40, 44, 45],
        "situation": "高齢の父親と二人で暮らす50代の男性で、父親の介護サービスが始まった際にケアマネジャーが本人の了解を得て窓口につないだ。介護や生活の担当者と定期的に集まり、父親の暮らしと本人の今後を一緒に考えている。",
    },
    {
        "case": 9,
        "pattern": "複数機関によるチーム支援",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "food_bank",
        "household": [],
        "worked_before": False,
        "illness": "精神科の通院が途切れている",  # guessed: wording (table only marks the column)
        "economic_issue": "食料の確保にも困る家計",  # guessed: wording (table only marks the column)
        "points": [2, 3, 6, 10, 15, 17, 22, 31, 35, 45],
        "situation": "一人で暮らす20代の人で、体調に波があり通院も途切れがちになっている。フードバンクで食品を受け取る際にスタッフが声をかけ、本人の同意のもとで相談窓口と暮らしの困りごとの担当者につながった。",
    },
    {
        "case": 10,
        "pattern": "複数機関によるチーム支援",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "parents",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "適応障害の診断歴あり",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [1, 2, 7, 10, 22],
        "situation": "就職して数年で体調を崩して退職し、その後は自宅で休んでいる20代の人。両親の相談から始まり、医療機関や就労支援の担当者と役割を分けながら、本人が選んだ小さな目標から一つずつ取り組んでいる。",
    },
    {
        "case": 11,
        "pattern": "複数機関によるチーム支援",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "sibling",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",
        "economic_issue": "",
        "points": [3, 5, 7, 8, 16, 30, 39, 44, 46],
        "situation": "仕事を辞めたあと高齢の母親と暮らしている30代の人。離れて住むきょうだいが先行きを案じて相談してきたもので、家族の間で望むペースが異なるなか、地域の関係機関や制度を組み合わせて支える体制を整えている。",
    },
    # --- 一人暮らし・本人以外に関わる人がいない (cases 12-14) ---
    {
        "case": 12,
        "pattern": "一人暮らし・身近な支え手がいない",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "employment_support",
        "household": [],
        "worked_before": True,
        "illness": "",
        "economic_issue": "貯えが減り家賃の支払いが心配",  # guessed: wording (table only marks the column)
        "points": [2, 6, 10, 16, 20, 21, 26],
        "situation": "離職後に貯えが少なくなり、一人暮らしを続けながら就労支援の窓口を訪れた30代の人で、まだ気持ちの準備が整わない様子だったため担当者から紹介があった。どんな暮らし方を望むのかを本人と一緒に確かめながら進めている。",
    },
    {
        "case": 13,
        "pattern": "一人暮らし・身近な支え手がいない",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "neighbour",
        "household": [],
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [1, 4, 5, 7, 8, 26, 34, 50],
        "situation": "一人で暮らす50代の人のことを、近所の住民が気にかけて連絡してくれた。本人とはまだ連絡がついておらず、周りの方の善意の声かけが本人の負担にならないよう調整しながら、接点づくりの準備をしている。",
    },
    {
        "case": 14,
        "pattern": "一人暮らし・身近な支え手がいない",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "medical_social_worker",
        "household": ["father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [2, 21, 22, 37, 47],
        "situation": "父親と二人で暮らす30代の人で、父親の入院をきっかけに病院の医療ソーシャルワーカーから連絡があった。父親のほかに身近な人がいないため、居場所に少しずつ顔を出すことから始め、次の段階に移った後もゆるやかなつながりを保っている。",
    },
    # --- 自治体の区域を越えたやり取り (cases 15-17) ---
    {
        "case": 15,
        "pattern": "地域を越えた連携が必要",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "sibling",
        "household": [],
        "worked_before": True,
        "illness": "",
        "economic_issue": "離職後の収入がなく支払いが滞りがち",  # guessed: wording (table only marks the column)
        "points": [1, 14, 21, 41, 42],
        "situation": "他県で一人暮らしをしている20代の人で、仕事を辞めてから連絡が少なくなり、遠方のきょうだいが相談してきた。きょうだいとの間に残るぎこちなさにも配慮しつつ、本人が住む地域の窓口と情報を整理してやり取りしている。",
    },
    {
        "case": 16,
        "pattern": "地域を越えた連携が必要",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "visiting_nurse",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",
        "economic_issue": "母の年金が主な収入",  # guessed: wording (table only marks the column)
        "points": [9, 33, 41],
        "situation": "母親と暮らす50代の人で、母親の療養のために訪れていた訪問看護師が本人の様子に気づいた。住民票の自治体と実際に暮らす自治体が異なるため、両方の窓口が連携し、親亡き後の生活や収入の見通しを一緒に考えている。",
    },
    {
        "case": 17,
        "pattern": "地域を越えた連携が必要",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "sibling",
        "household": [],
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [16, 35, 38],
        "situation": "遠くの町で一人暮らしをしている50代の人について、別の地域に住むきょうだいから相談があった。これまでの家族との関係を丁寧に聞き取りつつ、本人自身の思いを中心に置いて関わり方を考えている。",
    },
    # --- 本人または家族の疾患・障害 (cases 18-21) ---
    {
        "case": 18,
        "pattern": "本人や家族に疾患・障害",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "welfare_commissioner",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",  # table cell blank although the case sits in the illness pattern
        "economic_issue": "",
        "points": [6, 7, 23, 35, 38, 40],
        "situation": "母親と暮らす50代の人で、心身の不調がうかがえるものの受診には至っていない。家庭全体の様子を気にかけた地域の民生委員が窓口に連絡し、家族の中で誰が鍵になる人かを見極めながら、本人に会えない段階から関係づくりを進めている。",
    },
    {
        "case": 19,
        "pattern": "本人や家族に疾患・障害",
        "age_band": "40s",
        "sex": "unknown",
        "first_consulter": "care_manager",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",  # table cell blank although the case sits in the illness pattern
        "economic_issue": "",
        "points": [3, 15, 33, 44],
        "situation": "介護が必要になった母親と暮らす40代の人。母親を担当するケアマネジャーから本人の同意を得たうえで連絡があり、介護や障害福祉など複数の制度の担当者と情報を分かち合いながら、これからの暮らしに備えている。",
    },
    {
        "case": 20,
        "pattern": "本人や家族に疾患・障害",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "parents",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "発達障害の診断あり",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [6, 7, 11, 16, 19, 24, 25, 32, 35],
        "situation": "両親と暮らす30代の人で、大人になってから発達障害の診断を受けた。今は両親を通じて本人の気持ちを確かめている段階で、支援を望まない時期があっても両親の相談を続け、本人の状況を丁寧に見守っている。",
    },
    {
        "case": 21,
        "pattern": "本人や家族に疾患・障害",
        "age_band": "10s",
        "sex": "unknown",
        "first_consulter": "parents",
        "household": [
            "mother",
            "father",
            "sibling",
        ],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "起立性調節障害の診断あり",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [4, 5, 7, 21, 25, 26, 47],
        "situation": "中学を卒業したあと、朝に体調が整わない日が続き家で過ごしている10代の人。両親が地域の案内を見て相談に訪れ、医療機関とも連携しながら、同世代が集まる居場所を利用する準備を進めている。",
    },
    # --- 自傷行為・自殺企図・希死念慮 (cases 22-24) ---
    {
        "case": 22,
        "pattern": "自傷・自殺企図・希死念慮",
        "age_band": "10s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": [
            "mother",
            "sibling",
        ],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [14, 27, 36],
        "situation": "高校に通えなくなった10代の人について、消えてしまいたいと話すことがあると母親から相談があった。まず安全を確かめて急ぎの対応が要るかを判断し、聞き取った内容をシートに整理して、見直しを重ねながら関わっている。",
    },
    {
        "case": 23,
        "pattern": "自傷・自殺企図・希死念慮",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": [],
        "worked_before": False,
        "illness": "うつ病で通院中",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [8, 49],
        "situation": "一人暮らしをしながらうつ病の治療を続けている30代の人。離れて暮らす母親から、連絡がつかず心配だと相談があり、担当者が一人で抱え込まないよう職場内で支え合いながら対応している。",
    },
    {
        "case": 24,
        "pattern": "自傷・自殺企図・希死念慮",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "self",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",
        "economic_issue": "",
        "points": [15, 27, 36, 48, 49, 50],
        "situation": "高齢の母親と暮らす50代の人が、自分から電話で相談してきた。生きることがつらいと話す日もあり、同意を得て関係機関と情報を共有しつつ、対応する職員の心身の負担にも配慮した体制で関わっている。",
    },
    # --- 家族への暴力 (cases 25-27) ---
    {
        "case": 25,
        "pattern": "家族への暴力",
        "age_band": "10s",
        "sex": "unknown",
        "first_consulter": "school",  # the table says SC (school counsellor)
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "発達障害の疑い（未受診）",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [11, 36, 43],
        "situation": "学校を長く休んでいる10代の人で、気持ちが高ぶると家族に手が出てしまうことがある。スクールカウンセラーからの紹介で関わりが始まり、家族の安全を確かめながら、保護者への相談支援を続けている。",
    },
    {
        "case": 26,
        "pattern": "家族への暴力",
        "age_band": "50s",
        "sex": "unknown",
        "first_consulter": "father",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": True,
        "illness": "",
        "economic_issue": "",
        "points": [43],
        "situation": "仕事を離れてから両親と暮らしている50代の人。強い口調になったり物に当たったりする場面が増えたと高齢の父親から相談があり、家族の安全を第一にしながら、家庭での関わり方を一緒に考えている。",
    },
    {
        "case": 27,
        "pattern": "家族への暴力",
        "age_band": "30s",
        "sex": "unknown",
        "first_consulter": "parents",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [42, 43],
        "situation": "両親と暮らす30代の人で、家族との言い争いが激しくなる時期がある。両親からの相談を受け、家族の間の緊張を和らげる工夫と、危険を感じたときの避難先の確認を並行して進めている。",
    },
    # --- single-case patterns (cases 28-30) ---
    {
        "case": 28,
        "pattern": "専業主婦",
        "age_band": "20s",
        "sex": "female",  # inferred from the pattern label (full-time housewife)
        "first_consulter": "self",
        "household": [
            "spouse"
        ],  # inferred from the pattern label; table only marks co-resident family
        "worked_before": False,
        "illness": "不安障害の診断あり",  # guessed: wording (table only marks the column)
        "economic_issue": "",
        "points": [2, 13, 22],
        "situation": "配偶者と暮らし家のことを担っている20代の女性で、外に出ることへの不安が強く、人とのつながりが薄れてきている。SNSの相談窓口に自分から連絡し、望む暮らし方を確かめながら小さな一歩を重ねている。",
    },
    {
        "case": 29,
        "pattern": "性の多様性（LGBTQ+/SOGIE）",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": ["mother", "father"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [1, 6, 11, 13, 16, 20, 25, 38, 47],
        "situation": "両親と暮らす20代の人で、自分の性のあり方を周りに話せないまま生きづらさを感じてきた。母親の相談から関わりが始まり、本人とはメールでやり取りしながら、安心して過ごせる居場所を一緒に探している。",
    },
    {
        "case": 30,
        "pattern": "メタバースでの交流",
        "age_band": "20s",
        "sex": "unknown",
        "first_consulter": "mother",
        "household": ["mother"],  # guessed: members (table only marks co-resident family)
        "worked_before": False,
        "illness": "",
        "economic_issue": "",
        "points": [27, 47, 49],
        "situation": "母親と暮らす20代の人で、外出はほとんどしないが、仮想空間の交流の場には自分のアバターで参加している。母親の相談をきっかけに、オンラインの居場所を使った関わりを試し、振り返りを重ねている。",
    },
]
