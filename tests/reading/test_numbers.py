"""Numbers: numerals in any script and in words, what they count, approximations, traps, casualty totals."""

from __future__ import annotations

import itertools

import pytest

from summarizer.reading.numbers import (
    Quantity,
    casualties,
    find_quantities,
    no_deaths_stated,
    parse_number,
    toll_update,
    victims,
)
from summarizer.reading.text import split_sentences
from tests.conftest import load_seeds

# ---------------------------------------------------------------- parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15", 15),
        ("١٢", 12),
        ("۱۲", 12),
        ("٢٠٢٤", 2024),
        ("1,200", 1200),
        ("1.5", 1.5),
        ("1.5 million", 1_500_000),
        ("3 آلاف", 3000),
        ("300 ألف", 300_000),
        ("بـ9", 9),
        ("الـ24", 24),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("اثنين", 2),
        ("اثنان", 2),
        ("اثنتين", 2),
        ("خمسة عشر", 15),
        ("خمس عشرة", 15),
        ("أحد عشر", 11),
        ("اثنا عشر", 12),
        ("عشرون", 20),
        ("عشرين", 20),
        ("واحد وعشرين", 21),
        ("خمسة و عشرون", 25),
        ("مئة", 100),
        ("مائة", 100),
        ("ثلاثمئة", 300),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("مئتين", 200),
        ("ألف", 1000),
        ("ثلاثة آلاف", 3000),
        ("عشرة آلاف", 10_000),
        ("خمسة عشر ألفا", 15_000),
        ("ثلاثة آلاف وخمسمئة واثنان وعشرون", 3522),
        ("ألفين", 2000),
        ("نصف مليون", 500_000),
        ("two", 2),
        ("fifteen", 15),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a hundred", 100),
        ("three hundred", 300),
        ("three hundred and twenty-five", 325),
        ("one thousand two hundred", 1200),
        ("half a million", 500_000),
        ("a dozen", 12),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "عشرات",
        "مئات",
        "آلاف",
        "dozens",
        "hundreds",
        "thousands",
        "M5",
        "الثالث",
        "الاثنين",
        "قرية",
        "",
        "3rd",
        "five people",
    ],
)
def test_parse_number_refuses_what_is_not_one_numeral(text: str) -> None:
    assert parse_number(text) is None


def test_parse_number_gives_ints_for_whole_values() -> None:
    assert isinstance(parse_number("1.5 million"), int)
    assert isinstance(parse_number("1.5"), float)


# ---------------------------------------------------------------- find_quantities

Q = tuple[str, float, bool, str | None]  # text, value, approximate, counted


def _q(text: str) -> list[Q]:
    return [(q.text, q.value, q.approximate, q.counted) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # seed phrasing
        (
            "قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب",
            [("4 مدنيين", 4, False, "killed"), ("20 آخرون", 20, False, "injured")],
        ),
        (
            "استهدفت طائرات حربية مدينة إدلب بـ9 غارات جوية على الأقل منذ ساعات الصباح",
            [("9 غارات", 9, True, "strikes")],
        ),
        (
            "وقالت مصادر إعلامية إن 9 أشخاص قتلوا وأصيب 10 آخرون",
            [("9 أشخاص", 9, False, "killed"), ("10 آخرون", 10, False, "injured")],
        ),
        ("إضافة إلى نحو 25 قرية وبلدة في ريف إدلب الجنوبي", [("25 قرية وبلدة", 25, True, "villages")]),
        ("بمساحة تقدر بـ 400 كيلومتر مربع.", [("400 كيلومتر مربع", 400, True, "km2")]),
        ("بمساحة إجمالية تبلغ ما يزيد على 200 كم مربع.", [("200 كم مربع", 200, True, "km2")]),
        ("على مدار الساعات الـ48 الماضية", [("الساعات الـ48", 48, False, "hours")]),
        ("خلال الـ24 ساعة الماضية", [("24 ساعة", 24, False, "hours")]),
        ("استمرت لأكثر من 36 ساعة متواصلة", [("36 ساعة", 36, True, "hours")]),
        ("منذ حوالي ثلاث ساعات", [("ثلاث ساعات", 3, True, "hours")]),
        ("على مغادرة مدنهم وبلداتهم قبل 5 سنوات.", [("5 سنوات", 5, False, "other")]),
        (
            "وأضاف أن نحو 300 مسلح قُضي عليهم خلال الساعات الـ24 الماضية",
            [("300 مسلح", 300, True, "killed"), ("الساعات الـ24", 24, False, "hours")],
        ),
        ("أعلن مركز المصالحة الروسي، القضاء على 300 مسلح على الأقل", [("300 مسلح", 300, True, "killed")]),
        ("وجرى القضاء على ما لا يقل عن 300 مسلح", [("300 مسلح", 300, True, "killed")]),
        ("تواجه 300 مسلح في ريف حلب", [("300 مسلح", 300, False, "fighters")]),
        ("سيطرت على 16 قرية في منطقة حماة", [("16 قرية", 16, False, "villages")]),
        ("أكد المرصد مقتل 16 شخصا في الغارة", [("16 شخصا", 16, False, "killed")]),
        ("أسفرت العمليات العسكرية عن مقتل 327 شخصاً", [("327 شخصاً", 327, False, "killed")]),
        ("وأضافت أن عدد القتلى في إدلب وحلب ارتفع إلى 327.", [("327", 327, False, "killed")]),
        ("وقال ثلاثة سكان لرويترز", [("ثلاثة سكان", 3, False, "people")]),
        ("على مدى ثلاثة أشهر", [("ثلاثة أشهر", 3, False, "other")]),
        ("نزاعاً دامياً أودى بأكثر من نصف مليون شخص", [("نصف مليون شخص", 500_000, True, "killed")]),
        # duals: two of something, no numeral
        ("ما أسفر عن إصابتين في صفوف المدنيين", [("إصابتين", 2, False, "injured")]),
        ("بسطت الفصائل سيطرتها على مدينتي سراقب وخان شيخون", [("مدينتي", 2, False, "towns")]),
        ("السيطرة على قريتي الطلحية وأبو قنصة", [("قريتي", 2, False, "villages")]),
        ("أصيب طفلان", [("طفلان", 2, False, "injured")]),
        ("قتل طفلين اثنين", [("طفلين اثنين", 2, False, "killed")]),
        ("بإصابة اثنين إحداهما طفل", [("اثنين", 2, False, "injured")]),
        # breakdown items keep their own noun
        (
            "لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم، فيما أصيب 5 مدنيين بينهم طفلان",
            [
                ("15 مدنيا", 15, False, "killed"),
                ("4 أطفال", 4, False, "children"),
                ("امرأتان", 2, False, "women"),
                ("5 مدنيين", 5, False, "injured"),
                ("طفلان", 2, False, "children"),
            ],
        ),
        (
            "عن مقتل 327 شخصاً، 183 منهم من هيئة تحرير الشام، و100 من عناصر الجيش السوري",
            [
                ("327 شخصاً", 327, False, "killed"),
                ("183", 183, False, None),
                ("100 من عناصر", 100, False, "fighters"),
            ],
        ),
        # word numerals and scripts
        (
            "قتل واحد وعشرين عنصرا، وأصيب ثلاثمائة آخرون",
            [("واحد وعشرين عنصرا", 21, False, "killed"), ("ثلاثمائة آخرون", 300, False, "injured")],
        ),
        ("خمس عشرة قرية", [("خمس عشرة قرية", 15, False, "villages")]),
        ("أحد عشر طفلا", [("أحد عشر طفلا", 11, False, "children")]),
        ("١٢ طفلا و ۱۲ امرأة", [("١٢ طفلا", 12, False, "children"), ("۱۲ امرأة", 12, False, "women")]),
        ("نحو ١٬٢٠٠ مسلح", [("١٬٢٠٠ مسلح", 1200, True, "fighters")]),
        ("3 آلاف سيارة", [("3 آلاف سيارة", 3000, False, "vehicles")]),
        ("20% من السكان و 30 في المئة", [("20%", 20, False, "other"), ("30 في المئة", 30, False, "other")]),
        ("300 من المسلحين", [("300 من المسلحين", 300, False, "fighters")]),
        # English
        (
            "killed 15 civilians, including four children, and wounded five",
            [
                ("15 civilians", 15, False, "killed"),
                ("four children", 4, False, "children"),
                ("five", 5, False, "injured"),
            ],
        ),
        ("at least 300 militants were killed", [("300 militants", 300, True, "killed")]),
        ("Twenty-one people were killed", [("Twenty-one people", 21, False, "killed")]),
        ("The death toll rose to 327", [("327", 327, False, "killed")]),
        (
            "Rebels seized 16 villages and towns in 24 hours",
            [("16 villages and towns", 16, False, "villages"), ("24 hours", 24, False, "hours")],
        ),
        ("an area of about 400 square kilometres", [("400 square kilometres", 400, True, "km2")]),
        ("more than 1.5 million people", [("1.5 million people", 1_500_000, True, "people")]),
        ("nine air strikes hit the city", [("nine air strikes", 9, False, "strikes")]),
        ("over 300 people", [("300 people", 300, True, "people")]),
        ("over 24 hours", [("24 hours", 24, False, "hours")]),
        ("a 24-hour truce", [("24-hour", 24, False, "hours")]),
        ("one civilian was wounded", [("one civilian", 1, False, "injured")]),
        # coordinated objects share the verb
        (
            "قتل 4 مدنيين و3 جنود، وأصيب 20 آخرون و5 أطفال",
            [
                ("4 مدنيين", 4, False, "killed"),
                ("3 جنود", 3, False, "killed"),
                ("20 آخرون", 20, False, "injured"),
                ("5 أطفال", 5, False, "injured"),
            ],
        ),
        (
            "killing one soldier and two civilians",
            [("one soldier", 1, False, "killed"), ("two civilians", 2, False, "killed")],
        ),
        ("قتل 4 مدنيين في 3 قرى", [("4 مدنيين", 4, False, "killed"), ("3 قرى", 3, False, "villages")]),
    ],
)
def test_find_quantities(sentence: str, expected: list[Q]) -> None:
    assert _q(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        'قطعت الطريق الدولي بين دمشق وحلب المعروف بـ"M5"',
        "على جزء من طريق حلب-حماة (M5)",
        "20:15",
        "15:03أعلن مركز المصالحة الروسي",
        "وقف لإطلاق النار منذ 6 مارس/آذار 2020",
        "في آذار /مارس عام 2020",
        "وتشهد سوريا منذ العام 2011 نزاعاً دامياً",
        "التي كانت تحت سيطرة دمشق منذ عام 2016.",
        "المعارك تتواصل لليوم الثالث على التوالي",
        "في اليوم الـ3 من المعارك",
        "اللواء 46 والقرار 2254",
        'ولمتابعة كل ما يخص "عرب 48"',
        "قال الجيش السوري إن العشرات من جنوده قتلوا",
        "السيطرة على عشرات القرى",
        "آلاف المركبات المدنية غادرت مدينة حلب",
        "ودفع الملايين إلى النزوح",
        "أسفرت عن سقوط قتلى وجرحى",
        "التنسيق بين الدول الثلاث الضامنة",
        "يوم الاثنين",
        "لست أدري",
        "وأحد الجنود قال",
        "dozens were killed and hundreds wounded",
        "thousands fled on December 6, 2024 at 10 pm",
        "one of the fighters said",
        "F-16 jets, the 3rd day, two-thirds",
        "في الساعة 10 صباحا",
    ],
)
def test_not_quantities(sentence: str) -> None:
    assert find_quantities(sentence) == []


def test_spans_are_exact_slices_of_the_original() -> None:
    text = "وأعلنت  الفصائلُ السيطرةَ على ١٦ قريةً، بـ۹ غاراتٍ وإصابتين، و أكثرَ من خمسةَ عشرَ مدنيّاً"
    qs = find_quantities(text)
    assert [q.text for q in qs] == ["١٦ قريةً", "۹ غاراتٍ", "إصابتين", "خمسةَ عشرَ مدنيّاً"]
    for q in qs:
        assert text[q.start : q.end] == q.text
    assert [q.value for q in qs] == [16, 9, 2, 15]
    assert qs[-1].approximate and qs[-1].counted == "civilians"


def test_quantities_are_ordered_and_do_not_overlap() -> None:
    qs = find_quantities("قتل 4 مدنيين بينهم طفلان وأصيب 20 آخرون خلال الساعات الـ24 الماضية بـ9 غارات")
    assert [q.text for q in qs] == ["4 مدنيين", "طفلان", "20 آخرون", "الساعات الـ24", "9 غارات"]
    for a, b in itertools.pairwise(qs):
        assert a.end <= b.start


def test_quantity_is_frozen() -> None:
    q = find_quantities("16 قرية")[0]
    assert isinstance(q, Quantity)
    with pytest.raises(AttributeError):
        q.value = 17  # type: ignore[misc]


# ---------------------------------------------------------------- casualties


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب شمال سوريا جراء غارات", (4, 20)),
        (
            "والخميس، لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم، فيما أصيب 5 مدنيين بينهم طفلان؛ جراء غارة",
            (15, 5),
        ),
        ("ما أسفر عن إصابتين في صفوف المدنيين.", (None, 2)),
        (
            "أسفرت العمليات العسكرية عن مقتل 327 شخصاً، 183 منهم من هيئة تحرير الشام والفصائل المسلحة، و100 من عناصر الجيش السوري والمجموعات الموالية له، إضافة إلى 44 مدنياً، وفق آخر حصيلة للمرصد.",
            (327, None),
        ),
        ("وقالت مصادر إعلامية إن 9 أشخاص قتلوا وأصيب 10 آخرون جراء غارة", (9, 10)),
        ("من جانبه، أكد المرصد السوري لحقوق الإنسان مقتل 16 شخصا في الغارة على دوار الباسل", (16, None)),
        ("أفاد مراسل الجزيرة بسقوط قتلى وجرحى إثر غارات", (None, None)),
        ("قال الجيش السوري إن العشرات من جنوده قتلوا في هجوم كبير", (None, None)),
        ("وأفاد الدفاع المدني السوري بإصابة اثنين إحداهما طفل في الأتارب", (None, 2)),
        ("وأضاف أن نحو 300 مسلح قُضي عليهم خلال الساعات الـ24 الماضية", (300, None)),
        ("حيث تم القضاء على ما لا يقل عن 400 مسلح.", (400, None)),
        ("وأضافت أن عدد القتلى في إدلب وحلب ارتفع إلى 327.", (327, None)),
        ("نزاعاً دامياً أودى بأكثر من نصف مليون شخص", (500_000, None)),
        ("سيطرت الفصائل على 16 قرية خلال 24 ساعة", (None, None)),
        ("استهدفت مدينة إدلب بـ9 غارات جوية", (None, None)),
        ("killed 15 civilians, including four children, and wounded five", (15, 5)),
        ("at least 300 militants were killed", (300, None)),
        ("Airstrikes killed nine people and injured 20 others in Idlib.", (9, 20)),
        ("The death toll rose to 327, the Observatory said.", (327, None)),
        ("Twenty-one people were killed and a hundred wounded.", (21, 100)),
        ("Dozens were killed.", (None, None)),
        ("مقتل ثلاثة جنود بينهم ضابط", (3, None)),
        ("سقط 12 قتيلا و30 جريحا", (12, 30)),
        ("killing one soldier and two civilians", (3, None)),  # groups killed together: the toll is their sum
        ("قال الجيش إن 9 مسلحين من التنظيم وأربعة جنود قتلوا في الهجوم", (13, None)),
        ("قتل 4 مدنيين و3 جنود وأصيب 20 آخرون", (7, 20)),
        ("قتل 6 أشخاص في قصف على دير البلح، وقتل 2 آخران في رفح", (6, None)),  # two verbs: not summed
        ("قتل 9 مدنيين بينهم 3 أطفال وامرأة", (9, None)),  # a breakdown never adds
        # the verb after the counted noun, past "at least" or a short modifier
        ("قالت الوزارة إن 40 شخصاً على الأقل قتلوا في القصف", (40, None)),
        ("ثمانية مدنيين من سكان الحي قتلوا وأصيب ثلاثة آخرون", (8, 3)),
        ("9 مقاتلين من الفصائل وأربعة جنود حكوميين قتلوا في المعارك", (13, None)),  # both groups were killed: 13
        ("5 منازل على الأقل دمرت في القصف", (None, None)),
        ("41 civilians from the coastal villages had been killed, the monitor said", (41, None)),
        ("three soldiers said militants killed a shepherd", (1, None)),  # another subject's verb: the shepherd, not the three
        ("Two Israeli soldiers were killed near the border fence on Friday", (2, None)),  # a nationality between
        ("قضى 4 أطفال في قصف على مخيم للنازحين", (4, None)),
        # a person named alone is one of the dead, and a group or a person joined to him adds
        ("وأعلن الجيش مقتل ضابط في اشتباك قرب الحدود", (1, None)),
        ("A senior militia commander was killed in a drone strike near Qaim.", (1, None)),
        ("قتل قائد ميداني في الفصيل وثلاثة من مرافقيه في كمين", (4, None)),
        ("The drone strike killed two paramedics and their driver.", (3, None)),
        ("قتل المدنيين جريمة لا تغتفر", (None, None)),  # the killing of civilians, no one counted
        ("قصفت مسيرة مجموعة من الشبان قرب الحاجز، ما أدى إلى مقتل أربعة منهم", (4, None)),  # the verb's figure
        ("قتل 20 شخصا، 8 منهم أطفال", (20, None)),  # "8 of them": a breakdown still
        ("وقال المستشفى إنه استقبل سبع جثث وعشرات الجرحى", (7, None)),  # bodies are the dead
        ("The death toll from Monday's strike on the bakery in Kassala town rose to 23, medics said", (23, None)),
    ],
)
def test_casualties(sentence: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(sentence) == expected


# ---------------------------------------------------------------- whole seed articles


def test_seed_articles_spans() -> None:
    sentences = [s.of(a["text"]) for a in load_seeds() for s in split_sentences(a["text"])]
    assert len(sentences) > 80
    found = [(s, find_quantities(s)) for s in sentences]
    for s, qs in found:
        for q in qs:
            assert s[q.start : q.end] == q.text
    # the seed figures a reader would check are all there
    texts = {q.text for _, qs in found for q in qs}
    assert {
        "4 مدنيين",
        "20 آخرون",
        "9 غارات",
        "25 قرية وبلدة",
        "400 كيلومتر مربع",
        "327 شخصاً",
        "16 قرية",
    } <= texts
    assert not {"M5", "2020", "2011", "2016", "20:15", "48"} & texts


# ---------------------------------------------------------------- martyrdom verbs and "no casualties"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("استشهد 25 فلسطينيا في غارات على وسط القطاع", (25, None)),
        ("ارتقى 12 شهيدا بينهم أطفال في قصف على المخيم", (12, None)),
        ("وأسفر القصف عن استشهاد ثمانية مواطنين وإصابة 14 آخرين", (8, 14)),
        ("استشهد خمسة فلسطينيين وأصيب عشرة آخرون برصاص قوات الاحتلال", (5, 10)),
        ("ارتفعت حصيلة الشهداء منذ الصباح إلى 40", (40, None)),
        ("وبلغ عدد الشهداء 17 شهيدا حسب مصادر طبية", (17, None)),
        ("ثلاثة فلسطينيين استشهدوا في القصف", (3, None)),
        ("Health officials said 25 Palestinians were martyred in the strikes", (25, None)),
        ("Nine people lost their lives when the building collapsed", (9, None)),
        ("At least 30 Lebanese were killed in the raids", (30, None)),
        ("سقطت 3 قذائف على أطراف البلدة دون سقوط ضحايا", (None, None)),
        ("The shelling caused no casualties, the army said", (None, None)),
        ("وصل 30 فلسطينيا إلى المعبر صباح اليوم", (None, None)),  # people, not a toll
        # a group joined to the counted dead by "و" is dead too, whatever its own words
        ("وأفاد المرصد بمقتل 23 عنصراً من قوات النظام و14 من مقاتلي الفصائل في المعارك", (37, None)),
        ("قتل 41 مقاتلاً من الطرفين، بينهم 27 من الفصائل", (41, None)),  # a breakdown adds nothing
        ("أسفر القصف عن مقتل سبعة مدنيين وإصابة 15 آخرين", (7, 15)),
        # the victims' nationality between the figure and the noun, and who else is counted
        ("Three Jordanian police officers were killed and five wounded on Monday", (3, 5)),
        ("Two Egyptian conscripts were killed in North Sinai", (2, None)),
        ("Security forces killed 12 protesters in the city centre on Friday", (12, None)),
        ("The blast killed 15 pilgrims near the shrine", (15, None)),
    ],
)
def test_casualties_across_the_region(sentence: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        ("سقطت 3 قذائف على أطراف البلدة دون سقوط ضحايا", True),
        ("وانفجرت العبوة ولم ترد أنباء عن سقوط ضحايا", True),
        ("The shelling caused no casualties, the army said", True),
        ("no one was killed in the fire", True),
        ("سقوط ضحايا في القصف", False),
        ("casualties were reported", False),
    ],
)
def test_no_deaths_stated(sentence: str, stated: bool) -> None:
    assert no_deaths_stated(sentence) is stated


def test_coordinated_groups_sharing_a_verb_keep_their_own_nouns() -> None:
    for sentence in (
        "وأفادت المصادر أن 11 مقاتلاً من الحوثيين وستة جنود قتلوا في المعارك",
        "Officials said 11 fighters and six soldiers were killed in the clashes.",
        "The strike ended up killing one soldier and two civilians.",
    ):
        found = [(q.value, q.counted, q.noun) for q in find_quantities(sentence)]
        assert all(counted == "killed" for _, counted, _ in found), (sentence, found)
        assert {noun for _, _, noun in found} in ({"fighters", "soldiers"}, {"soldiers", "civilians"}), found


@pytest.mark.parametrize(
    ("text", "raised"),
    [
        ("وقالت وزارة الصحة إن حصيلة القصف على البلدة ارتفعت إلى 14 قتيلاً", True),
        ("وارتفع عدد ضحايا الغارة إلى تسعة قتلى و30 جريحاً", True),
        ("The death toll from Friday's strike on the market rose to 14, medics said", True),
        ("Officials said the number of dead had climbed to 30 by the evening", True),
        ("قتل خمسة أشخاص في غارة على البلدة", False),
        ("Prices rose to a record high in the city's markets", False),
        ("وبذلك يرتفع عدد القتلى في المحافظة منذ بدء الهجوم إلى 40", False),
        ("The toll since the offensive began last week rose to 40", False),
    ],
)
def test_a_toll_said_to_have_risen(text: str, raised: bool) -> None:
    assert toll_update(text) is raised


# ---------------------------------------------------------------- tolls phrased as outlets phrase them (issue 9)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a day after its month between the toll and its figure is no figure of its own
        ("The health ministry said the death toll since October 7 had risen to 35,091, with 78,000 wounded.", (35091, 78000)),
        ("The death toll since Oct. 7 has climbed to 1,200, the agency said.", (1200, None)),
        # one person, named or a pronoun, subject first: the passive's damma says so
        ("وقال مصدر في الشرطة إن العقيد سالم قُتل ليل الخميس قرب منزله", (1, None)),
        ("وأكدت العائلة أنه قُتِلَ برصاص قناص عند الحاجز", (1, None)),
        ("وذكرت الوكالة أن رئيس البلدية اغتيل صباح اليوم", (1, None)),
        ("لقي سائق الشاحنة حتفه عندما انفجر لغم على الطريق", (1, None)),
        ("ولقيت معلمة حتفها في القصف", (1, None)),
        # verb first, the singular verb stands before a plural subject: no figure, no "one"
        ("قُتل عشرات المدنيين في القصف على السوق", (None, None)),
        # the killer is no victim, but whom he killed is one ("his wife": a person named alone)
        ("وقالت الشرطة إن المتهم قتل زوجته", (1, None)),
        ("وقالت الشرطة إن المتهم قتل", (None, None)),  # active, no damma: the killer, no toll given
        ("لقي ثلاثة عمال حتفهم في الانفجار", (3, None)),
        # an age is no count, and an age-described person shot dead is one
        ("A 19-year-old man was shot dead by police near the camp, the ministry said", (1, None)),
        ("Officials said a 17-year-old boy was shot and killed at the checkpoint", (1, None)),
        ("A woman was stabbed to death in the market", (1, None)),
        # bodies are the dead
        ("وأفاد مسعفون بانتشال جثث سبعة مهاجرين من الشاطئ", (7, None)),
        ("ووصلت إلى المستشفى جثامين خمسة شبان، بينهم شقيقان", (5, None)),
        ("Rescuers recovered the bodies of 11 miners after the collapse", (11, None)),
        # a toll named in the construct state, its figure far after it
        ("ارتفع عدد قتلى الانفجار الذي وقع في سوق الخضار وسط المدينة صباح اليوم الأحد إلى 31", (31, None)),
        ("وبلغت حصيلة ضحايا الفيضانات 18", (18, None)),
        ("ارتفع عدد جرحى الحادث إلى 40", (None, 40)),
        # "between officers and soldiers" says who the dead were, not one more of them
        ("ارتفعت حصيلة قتلى الهجوم إلى 14 بين ضابط وجندي", (14, None)),
        ("قتل خمسة جنود وضابط في الكمين", (6, None)),
        ("قتل ثلاثة مسعفين وسائقهم في الغارة", (4, None)),
        # ... unless the one named is among a breakdown of the group ("بينهم ثلاثة أطفال وامرأة")
        ("قتل سبعة مدنيين بينهم ثلاثة أطفال وامرأة وأصيب 14 بالصاروخ", (7, 14)),
        ("The missile killed seven civilians including three children and a woman", (7, None)),
        # a named commander with a long title, then his escort; a group with a long description, then a passive
        ("إثر مقتل القائد في الأمن الوطني الفلسطيني أبو أشرف العرموشي وأربعة من مرافقيه في كمين", (5, None)),
        ("At least 11 members of the security forces and paramilitaries had been killed and 34 wounded", (11, 34)),
        # deaths announced, and the wounded who died
        ("وأعلنت الوزارة وفاة طفلين متأثرين بجروحهما", (2, None)),
        ("وتوفي أربعة مصابين في المستشفى", (4, None)),
        # a clause that gives the happening's new total: that total is the toll
        ("وتوفي ثلاثة جرحى متأثرين بإصاباتهم، ما يرفع الحصيلة إلى 12", (12, None)),
        ("وقضى طفل آخر متأثراً بجروحه لترتفع حصيلة الغارة إلى 9 قتلى", (9, None)),
        ("Two soldiers died of their wounds on Sunday, raising the death toll to seven.", (7, None)),
        ("Another civilian died in hospital, bringing the death toll from the strike to 15.", (15, None)),
        ("The toll rose to 9 after two of the wounded died in hospital.", (9, None)),
        ("توفي الرئيس السابق عن 80 عاماً", (None, None)),  # an age, no toll
        # a toll named with what it is of, at length, and with the day its span began
        ("The death toll from three days of fighting between the army and rival militias in the eastern port city "
         "and its southern suburbs has risen to 58, with more than 120 wounded, the ministry said.", (58, 120)),
        ("وارتفعت حصيلة قتلى الجيش منذ بدء المعارك في 14 تموز الماضي إلى 61 عسكرياً", (61, None)),
        # and with the year of that day
        ("وأعلنت الوزارة ارتفاع حصيلة الشهداء منذ الثامن من آب 2023 إلى 2150", (2150, None)),
    ],
)
def test_tolls_as_outlets_phrase_them(sentence: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(sentence) == expected


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("Four farmers were shot dead near the border fence on Friday.", 4),
        ("Two policemen were gunned down at a checkpoint outside the city.", 2),
        # the verb first, its subject, then the people it killed
        ("قتلت غارات روسية 14 مدنياً في ريف إدلب.", 14),
        ("وقتل القناصة ثلاثة مدنيين قرب الجسر.", 3),
        # a count of strikes after the verb is no toll
        ("قتلت 5 غارات المنطقة وأحرقت المحاصيل.", None),
    ],
)
def test_tolls_of_shootings_and_of_verb_first_sentences(text: str, killed: int | None) -> None:
    assert casualties(text)[0] == killed


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a person named alone, joined to a counted group before or after it, is one more of the dead
        ("A landmine killed two shepherds and a boy near the village.", 3),
        ("A medic and three patients were killed when the clinic was hit.", 4),
        ("The shell hit their home, killing a man and his three daughters.", 4),
        # the verb of a toll split by its subject: "أودى القصف بحياة"
        ("أودى القصف بحياة سبعة مدنيين بينهم طفلان.", 7),
    ],
)
def test_people_named_alone_beside_a_counted_group_and_a_split_verb(text: str, killed: int) -> None:
    assert casualties(text)[0] == killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the verb right after a group governs it, not one past the next group
        ("Four fighters died and six others were wounded in the ambush.", (4, 6)),
        ("Two soldiers were killed and five civilians injured when the shell landed.", (2, 5)),
        # people named alone by their role, and bodies found
        ("Gunmen shot dead a village teacher near the school on Sunday.", (1, None)),
        ("Six men were found dead on the road to the airport.", (6, None)),
        ("قتل رجلان في قصف على البلدة.", (2, None)),
        ("قتل مختار القرية برصاص مجهولين.", (1, None)),
    ],
)
def test_verbs_next_to_their_group_and_victims_named_by_role(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل عنصران من قوات الأمن في الكمين.", (2, None)),
        ("وأصيب عنصران من الشرطة في الاشتباك.", (None, 2)),
        ("قتل مقاتلان من الجماعة بقذيفة.", (2, None)),
        ("وأصيب ضابطان في الهجوم.", (None, 2)),
        ("قتل مدنيان في القصف.", (2, None)),
    ],
)
def test_duals_of_fighters_are_counted(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Houthis said five of their fighters were killed and six wounded.", (5, 6)),
        ("وقال الحوثيون إن خمسة من مقاتليهم قتلوا وأصيب ستة آخرون.", (5, 6)),
        # one of them is no count; "two of the wounded" is a breakdown of a group told
        ("one of their commanders said the town had fallen", (None, None)),
        ("four children and two women were among the dead and two of the wounded were children", (None, None)),
    ],
)
def test_a_partitive_with_its_owner_counts_its_group(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a breakdown set off by commas between the group and its verb
        ("Fourteen people, including six children, were killed when the shell hit the school.", (14, None)),
        ("At least 40 people, many of them women, were wounded in the market attack.", (None, 40)),
        ("قال الدفاع المدني إن 9 مدنيين على الأقل، بينهم طفلان، قتلوا في القصف على البلدة.", (9, None)),
        ("وكان خمسة أكراد، بينهم امرأتان، قد قُتلوا في الهجوم الأسبوع الماضي.", (5, None)),
        # past the breakdown an active verb has another object: not the group's toll
        ("Ten gunmen, including two commanders, killed three policemen at the checkpoint.", (3, None)),
        # single victims by role, age or office, and one joined to another
        ("The shell killed a seven-year-old girl and a man in the village of Kafr Zeita.", (2, None)),
        ("A rocket hit a house in Nahariya, killing a 70-year-old resident.", (1, None)),
        ("قُتل محافظ المدينة في انفجار عبوة ناسفة استهدفت موكبه صباح اليوم.", (1, None)),
        ("أعلنت الشرطة مقتل أحد عناصرها وإصابة اثنين آخرين في الهجوم.", (1, 2)),
        # nationalities counted as people
        ("Three Syrians and two Turks were killed when the truck was shelled.", (5, None)),
        ("قتل أربعة سوريين في القصف على المعبر.", (4, None)),
        # "one family" and "one of them" add nobody; "and one of their escorts" does
        ("قضى تسعة أفراد من عائلة واحدة بغارة على منزلهم.", (9, None)),
        ("قتل ثلاثة مسلحين وأحدهم قيادي في الجماعة.", (3, None)),
        ("قتل ثلاثة مسلحين وأحد مرافقيهم في الكمين.", (4, None)),
        # the wounded named one at a time, and one named before a counted group
        ("انفجرت عبوة بدورية، ما أسفر عن إصابة ضابط وجنديين.", (None, 3)),
        ("قتل جنديان وأصيب ضابط في الهجوم.", (2, 1)),
        ("قُتل ضابط وجنديان في الكمين.", (3, None)),
        ("The blast killed two soldiers, wounding a police officer.", (2, 1)),
        # "شخص واحد" is one person ("واحد" folds like "وأحد", and one of)
        ("أسفرت الغارات عن مقتل شخص واحد وإصابة تسعة آخرين.", (1, 9)),
        ("أصيب جندي واحد في الاشتباك.", (None, 1)),
        # "two of the dead": a breakdown of a toll told before, unless a death verb governs it
        ("وأوضح الجهاز أن اثنين من القتلى مدنيان كانا في سيارة على الطريق.", (None, None)),
        ("Two of the dead were children, the agency said.", (None, None)),
        ("ما أدى إلى مقتل ثلاثة من عناصر الأمن.", (3, None)),
    ],
)
def test_breakdowns_set_off_single_victims_and_nationalities(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


def test_a_single_victim_told_subject_first_after_inna() -> None:
    assert casualties("وقالت الوزارة إن شاباً من أهالي القرية استشهد برصاص مستوطنين قرب منزله.") == (1, None)
    assert casualties("وقالت الوزارة إن خمسة شبان استشهدوا برصاص الجيش.") == (5, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a toll is of ("the toll from two car bombs") is not the toll, told far from it
        ("The death toll from two car bombs that tore through the centre of the border town on Saturday rose to 46.", (46, None)),
        # a victim named by age alone
        ("Troops shot and killed a 17-year-old in the town of Qabatiya on Tuesday.", (1, None)),
    ],
)
def test_what_a_toll_is_of_and_a_victim_named_by_age(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "value", "noun"),
    [
        ("خلال الأيام الثلاثة الماضية", 3, "days"),
        ("خلال الساعات الأربع والعشرين الماضية", 24, "hours"),
    ],
)
def test_a_definite_numeral_after_its_noun_counts(text: str, value: int, noun: str) -> None:
    [q] = find_quantities(text)
    assert (q.value, q.noun) == (value, noun)


@pytest.mark.parametrize("text", ["قصفت الطائرات البلدة يوم الأحد", "عاد الأطفال الثلاثة إلى منازلهم", "يوم الاثنين الماضي"])
def test_days_of_the_week_and_a_definite_numeral_with_no_counted_noun_before_it_are_no_figures(text: str) -> None:
    assert find_quantities(text) == []


def test_a_breakdown_after_the_group_s_modifier() -> None:
    assert casualties("At least 30 fighters from both sides, 12 of them soldiers, were killed in the battle.") == (30, None)
    assert casualties("Ten fighters from the militia, including two commanders, killed three soldiers.") == (3, None)


def test_a_definite_dual_of_days_is_two_days() -> None:
    [q] = find_quantities("عبر الآلاف الحدود خلال اليومين الماضيين")
    assert (q.value, q.noun) == (2, "days")


@pytest.mark.parametrize(
    ("text", "value"),
    [("ويتنازع الرجلان على السلطة منذ الانتخابات", 2), ("وأصيب الطفلان بشظايا", 2), ("ونقل الجريحان إلى المستشفى", 2)],
)
def test_a_definite_dual_counts_two(text: str, value: int) -> None:
    assert [q.value for q in find_quantities(text)][:1] == [value]


@pytest.mark.parametrize(
    ("text", "who"),
    [
        ("أعلن الجيش مقتل 13 من جنوده في اشتباكات ليلية", "soldiers"),
        ("وقتل 5 من عناصرها في الكمين", "fighters"),
        ("قتل 15 مدنياً في الغارة", "civilians"),
        ("قتل 4 من أبنائهم في القصف", None),  # a possessive on a word that is no victims' noun says nothing
    ],
)
def test_victims_named_with_a_possessive_are_still_named(text: str, who: str | None) -> None:
    [q] = [q for q in find_quantities(text) if q.counted == "killed"]
    assert victims(q) == who


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        # a victim and a relative joined to them are two; a relative named alone is one
        ("ما أدى إلى مقتل رجل ونجله في القصف على القرية.", 2),
        ("وقتلت امرأة وزوجها بقذيفة سقطت على منزلهما.", 2),
        ("A mortar round killed a woman and her son on Tuesday.", 2),
        ("The strike killed a man and his two daughters.", 3),
        ("The son of the former governor was killed in the attack.", 1),
    ],
)
def test_relatives_named_with_a_victim_are_counted(sentence: str, killed: int) -> None:
    assert casualties(sentence)[0] == killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one person named, perhaps with an age or a title set off by commas, and a verb of one death
        ("Samir Haddad, 23, was shot dead by troops near the village of Beit Ummar on Friday.", (1, None)),
        ("Major General Faris al-Hamdani died of his wounds in hospital on Sunday.", (1, None)),
        # a longer title set off by commas ("the second-ranking police officer in the province")
        (
            "Colonel Ahmad al-Khatib, the deputy commander of the border guard in Mafraq province, died of a "
            "gunshot wound on Thursday night.",
            (1, None),
        ),
        # the one a pronoun names, killed after what he did
        ("A gunman opened fire at a bus stop on Tuesday, wounding three people before he was shot dead by police.", (1, 3)),
        # where, told between the verb and the one it killed
        ("واندلعت اشتباكات في حي باب التبانة فجر اليوم، قُتلت فيها امرأة وأصيب ستة أشخاص.", (1, 6)),
        # two people named are no one person's name; a count of people is its own figure
        ("Samir Haddad and his brother were killed in the strike.", (None, None)),
        ("Four police officers were killed on Sunday.", (4, None)),
    ],
)
def test_one_person_named_in_english_is_one_killed(text: str, expected: tuple[int | None, int | None]) -> None:
    assert casualties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll phrase right after a verb of reaching, and a toll named by who was killed
        ("وبلغ عدد القتلى 37 شخصاً وفق مصادر طبية.", (37, None)),
        ("وقالت الوزارة إن عدد الذين قتلوا منذ بدء الاشتباكات يوم الأحد بلغ 37 شخصاً.", (37, None)),
        # the wounded counted in the past perfect
        ("The army said 64 soldiers had been wounded since Saturday.", (None, 64)),
    ],
)
def test_a_toll_phrase_after_reaching_and_the_wounded_in_the_past_perfect(
    text: str, expected: tuple[int | None, int | None]
) -> None:
    assert casualties(text) == expected
