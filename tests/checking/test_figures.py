"""Figures (checking/figures.py): numbers, whom they count, and spans, against a claim's evidence."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.checking.verify import Sources
from summarizer.schemas import Evidence
from tests.checking.support import ARTICLES, ATARIB, PORT_AR, PORT_EN, _kinds, _one, _sources


def test_a_figure_belongs_to_whom_it_is_said_of() -> None:
    text = "وقتل 327 شخصا، 183 منهم من هيئة تحرير الشام، و100 من عناصر الجيش السوري."
    moment = ARTICLES["sun"].published_at
    article = Article("t", text, moment, False, moment.date(), "ar")
    sources = Sources([article])
    quote = [Evidence(article_id="t", quote=text)]
    assert sources.check_against("قتل 183 من عناصر هيئة تحرير الشام", quote) == []
    [issue] = sources.check_against("قتل 183 من عناصر الجيش السوري", quote)
    assert issue.kind == "number" and "hts" in issue.message


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        ("ar", "قتل 7 مدنيين في قصف رصيف الحاويات.", False),
        ("ar", "قتل 7 مسلحين في قصف رصيف الحاويات.", True),  # the toll's workers made fighters
        ("en", "Shelling of the container quay killed seven dock workers, port officials said.", False),
        ("en", "Medics said 40 fighters of the group were among the wounded in a week of clashes.", False),
        ("en", "Medics said 40 civilians were among the wounded in a week of clashes.", True),
        ("en", "Medics said 12 fighters were among the wounded.", True),  # "12 of its civilians"
        ("ar-en", "Seven civilians were killed in the shelling of the container quay.", False),
        ("ar-en", "Seven militants were killed in the shelling of the container quay.", True),
    ],
)
def test_the_category_of_a_figure_is_checked(lang: str, claim: str, flagged: bool) -> None:
    sources = _sources(PORT_EN, "en") if lang == "en" else _sources(PORT_AR)
    kinds = _kinds(sources, claim)
    assert ("category" in kinds) is flagged, sources.check(claim)


def test_a_toll_verb_does_not_hide_who_was_counted() -> None:
    sources = _sources("Troops killed 30 militants in the hills on Saturday, the army said.", "en")
    assert sources.check("The army said troops killed 30 militants in the hills.").supported
    check = sources.check("The army said troops killed 30 civilians in the hills.")
    assert [i.kind for i in check.issues] == ["category"] and check.verdict == "contradicted"


HEDGE_AR = "قالت السلطات إن 492 شخصاً قتلوا في الغارات على القرى الحدودية، وإن 1296 منزلاً تضرر."


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("Nearly 500 people were killed in the strikes on the border villages.", False),  # 492, rounded
        ("Some 1,300 houses were damaged, the authorities said.", False),
        ("Nearly 600 people were killed in the strikes on the border villages.", True),
        ("About 490 people were killed in the strikes on the border villages.", False),
        ("About 480 people were killed in the strikes on the border villages.", True),  # not 492 at any place
        ("500 people were killed in the strikes on the border villages.", True),  # a bare round figure states it
        ("قتل نحو 500 شخص في الغارات على القرى الحدودية.", False),
    ],
)
def test_a_hedged_round_figure_is_its_evidence_rounded(claim: str, flagged: bool) -> None:
    assert ("number" in _kinds(_sources(HEDGE_AR), claim)) is flagged


def test_a_toll_added_up_from_groups_killed_together_is_stated() -> None:
    sources = _sources("وقالت مصادر محلية إن 9 مسلحين وأربعة جنود قتلوا في اشتباك قرب السد يوم الأحد.")
    assert "number" not in _kinds(sources, "13 people were killed in a clash near the dam.")
    assert "number" in _kinds(sources, "14 people were killed in a clash near the dam.")


AMBULANCE_AR = (
    "وقتل مسعفان في غارة استهدفت مركزهم في وادي هلال صباح اليوم السبت، بحسب الهيئة الصحية. "
    "وقالت الهيئة إن فرقها أجلت ثلاثة جرحى إلى المستشفى."
)


@pytest.mark.parametrize(
    ("lang", "claim", "kinds"),
    [
        # two counted by an Arabic dual ("مسعفان"): another dual, or other people in English, is a category swap
        ("ar", "قتل مسعفان في الغارة على مركزهم صباح السبت.", []),
        ("ar", "قتل مقاتلان في الغارة على مركزهم صباح السبت.", ["category"]),
        ("ar", "قتل صحفيان في الغارة على مركزهم صباح السبت.", ["category"]),
        ("ar-en", "Two paramedics were killed in the strike on their centre on Saturday morning.", []),
        ("ar-en", "Two people were killed in the strike on their centre on Saturday morning.", []),
        ("ar-en", "Two fighters were killed in the strike on their centre on Saturday morning.", ["category"]),
        ("ar-en", "Two soldiers were killed in the strike on their centre on Saturday morning.", ["category"]),
    ],
)
def test_two_counted_by_an_arabic_dual_keep_who_they_are(lang: str, claim: str, kinds: list[str]) -> None:
    assert _kinds(_sources(AMBULANCE_AR), claim) == kinds, _sources(AMBULANCE_AR).check(claim)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a feminine noun's dual says two: "عائلتين" two families, "غارتين" two strikes
        ("Nine people from two families were killed in a strike on a house in Sarmin.", []),
        ("Nine people from three families were killed in a strike on a house in Sarmin.", ["number"]),
        ("Warplanes carried out two strikes on the western edge of Sarmin at dawn.", []),
        ("Warplanes carried out four strikes on the western edge of Sarmin at dawn.", ["number"]),
    ],
)
def test_a_feminine_dual_counts_two(claim: str, kinds: list[str]) -> None:
    sources = _sources(
        "قتل تسعة أشخاص من عائلتين في غارة على منزل في بلدة سرمين. "
        "وشنت الطائرات الحربية غارتين على الأطراف الغربية للبلدة فجرا."
    )
    assert _kinds(sources, claim) == kinds, sources.check(claim)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # a year that counts nothing, given in its evidence's date
        ("The 2020 port explosion killed more than 215 people.", False),
        ("The 2019 port explosion killed more than 215 people.", True),
    ],
)
def test_a_year_is_read_off_its_evidences_date(claim: str, flagged: bool) -> None:
    sources = _sources("The judge is investigating the Aug. 4, 2020 explosion at the port that killed more than 215 people.", "en")
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("The missile was the second to hit the city in two days.", False),  # 48 hours
        ("الصاروخ هو الثاني الذي يضرب المدينة في غضون يومين.", False),
        ("The missile was the second to hit the city in three days.", True),
    ],
)
def test_a_span_in_days_or_hours(claim: str, flagged: bool) -> None:
    sources = _sources("والصاروخ هو الثاني الذي يضرب المدينة خلال 48 ساعة، بعد صاروخ سقط فجر الأحد قرب محطة وقود.")
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize("digits", [4, 40, 5000])
def test_a_figure_of_any_length_is_an_issue_not_a_crash(digits: int) -> None:
    # A run of thousands of digits once reached int() (which refuses over 4,300) and served a 500 from /verify
    sources = Sources(list(ARTICLES.values()))
    issues = sources.check_against("15 civilians were killed in Atarib " + "9" * digits, [ATARIB])
    assert "number" in [i.kind for i in issues], issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # invented: a count of families is not a count of children, and "two families" is the dual عائلتين
        ("About 2,100 families fled villages near Kadugli last week, the agency said.", False),
        ("About 2,100 children fled villages near Kadugli last week, the agency said.", True),
        ("Nine people from two families were killed when a shell hit their house in Kadugli.", False),
    ],
)
def test_families_are_counted_as_families(claim: str, flagged: bool) -> None:
    sources = _sources(
        "أفادت الوكالة بنزوح نحو 2100 أسرة من قرى في محيط مدينة كادقلي خلال الأسبوع الماضي. "
        "وقُتل تسعة أشخاص من عائلتين عندما سقطت قذيفة على منزلهما في كادقلي."
    )
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("Troops fought militants around Arsal for three days, the army said.", True),
        ("Troops fought militants around Arsal for five days, the army said.", False),
    ],
)
def test_days_of_fighting_may_be_counted_by_the_day_reached(claim: str, supported: bool) -> None:
    sources, _ = _one("Troops fought militants in and around Arsal for a third day on Monday, the army said.")
    assert sources.check(claim).supported is supported


def test_days_counted_by_the_arabic_day_reached() -> None:
    sources, _ = _one("تواصلت الاشتباكات في محيط عرسال لليوم الثالث على التوالي يوم الاثنين.")
    assert sources.check("Clashes around Arsal went on for three days.").supported


def test_one_person_named_as_killed_is_no_figure_against_a_death_told_by_name() -> None:
    # invented copy: an Arabic report of one commander's killing, named, with no figure
    sources = _sources("وجاءت الاشتباكات بعد يوم من مقتل القائد سالم العبيدي، رئيس جهاز الأمن، مساء الاثنين في معسكر الزاوية.")
    check = sources.check("Salem al-Obeidi, head of the security apparatus, was killed on Monday evening.")
    assert not [i for i in check.issues if i.kind == "number"], check


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قُتل ثلاثة جنود في اشتباكات مع مسلحي تنظيم الدولة في منطقة الليثي اليوم، بحسب مصدر عسكري.", "ar"),
        ("Three soldiers died in fighting with Islamic State in the Laithi district, a military source said.", "en"),
    ],
)
def test_the_side_fought_does_not_own_the_dead(text: str, lang: str) -> None:
    sources = _sources(text, lang)
    assert "category" not in _kinds(sources, "Three soldiers died in fighting with Islamic State in the Laithi district.")
    assert "category" in _kinds(sources, "Three civilians died in fighting with Islamic State in the Laithi district.")
