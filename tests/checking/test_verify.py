"""The checker as a whole: alignment with evidence, windows of sentences, verdicts, requests, mixed cases."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from summarizer.articles import prepare
from summarizer.checking import verify as verify_module
from summarizer.checking.claims import split_claims
from summarizer.checking.verify import Sources, verify, verify_claims
from summarizer.config import Settings
from summarizer.schemas import ArticleIn, Evidence, VerifyRequest
from tests.checking.support import ARTICLES, ATARIB, DAM, PORT_AR, PORT_EN, _kinds, _sources
from tests.checking.test_grounding import IDLIB_TOLL, SATURDAY_EVENING
from tests.conftest import load_seeds


@pytest.fixture(scope="module")
def seeds() -> Sources:
    arts = prepare([ArticleIn(**a) for a in load_seeds()], ZoneInfo("UTC"), max_chars=10**6)
    return Sources(arts)


@pytest.mark.parametrize(
    ("claim", "evidence", "kinds"),
    [
        ("15 civilians were killed in Atarib on Thursday", ATARIB, []),
        ("Fifteen civilians were killed in al-Atarib", ATARIB, []),  # word numeral, English spelling
        ("خمسة عشر مدنياً قتلوا في الأتارب", ATARIB, []),
        ("16 civilians were killed in Atarib", ATARIB, ["number"]),
        ("15 civilians were wounded in Atarib", ATARIB, ["number"]),  # the dead counted as wounded
        ("15 civilians were killed in Idlib", ATARIB, ["place"]),  # a toll moved to another place
        ("15 civilians were killed in Atarib on Friday", ATARIB, ["date"]),  # والخميس: Thursday
        ("Four killed and 20 injured in Idlib city", IDLIB_TOLL, []),
        ("20 killed in Idlib city", IDLIB_TOLL, ["number"]),  # the injured count given as the dead
        ("Four killed in Saraqib", IDLIB_TOLL, ["place"]),
        ("Control expanded in the northern Hama countryside", SATURDAY_EVENING, []),
        ("Control expanded in the northern Hama countryside on Saturday evening", SATURDAY_EVENING, []),
        ("Control expanded in the northern Hama countryside on Friday", SATURDAY_EVENING, ["date"]),
        ("Rebels expanded in the northern Hama countryside", SATURDAY_EVENING, ["actor"]),  # not named there
        ("Russian jets killed four people in Idlib city", IDLIB_TOLL, ["actor"]),  # nobody named
    ],
)
def test_claim_against_cited_evidence(claim: str, evidence: Evidence, kinds: list[str]) -> None:
    sources = Sources(list(ARTICLES.values()))
    issues = sources.check_against(claim, [evidence])
    assert [i.kind for i in issues] == kinds, issues


@pytest.mark.parametrize(
    ("claim", "supported", "kinds"),
    [
        ("قتل 15 مدنيا في غارة على الأتارب يوم الخميس", True, set()),
        # the Atarib toll moved: whichever sentence it aligns with, the place or the figure is missing
        ("قتل 15 مدنيا في غارة على معرة النعمان", False, {"number", "place"}),
        ("Four civilians were killed and 20 injured in Idlib city on Sunday, the civil defence said.", True, set()),
        ("Twenty civilians were killed in Idlib city on Sunday.", False, {"number"}),
        ("Four civilians were killed in Idlib city on Saturday.", False, {"date"}),
        ("Four civilians were killed in Hama city on Sunday.", False, {"place"}),
        ("Four civilians were killed in Idlib city, Iran's foreign ministry said.", False, {"actor", "number"}),
        ("Turkey closed the Bab al-Hawa crossing.", False, {"place", "actor", "unsupported"}),
    ],
)
def test_alignment_finds_the_sentence_and_what_it_does_not_say(
    seeds: Sources, claim: str, supported: bool, kinds: set[str]
) -> None:
    check = seeds.check(claim)
    assert check.supported is supported, check.issues
    if supported:
        quote = check.evidence[0]
        assert quote.quote in seeds.articles[quote.article_id].text  # evidence is the sources' own words
    else:
        assert kinds & {i.kind for i in check.issues}, check.issues


def test_quoted_words_must_be_the_sources(seeds: Sources) -> None:
    ok = seeds.check("قال المرصد إن «أرتالاً عسكرية للجيش انسحبت من حماة إلى حمص»")
    bad = seeds.check("قال المرصد إن «أرتالاً عسكرية للجيش انسحبت من حماة إلى دمشق»")
    assert "quote" not in [i.kind for i in ok.issues]
    assert "quote" in [i.kind for i in bad.issues]


def test_cited_quotes_that_are_not_in_the_article_are_quote_issues(seeds: Sources) -> None:
    [check] = verify_claims(
        seeds, [("قتل 4 مدنيين في إدلب", [Evidence(article_id="000", quote="قتل 40 مدنيا في إدلب")])]
    )
    assert [i.kind for i in check.issues] == ["quote"]


def test_nothing_aligned_is_unsupported(seeds: Any) -> None:
    check = seeds.check("The central bank cut interest rates by half a point.")
    assert [i.kind for i in check.issues] == ["unsupported"] and check.evidence == []


@pytest.mark.parametrize(
    ("lang", "claim", "issue"),
    [
        ("en", 'The group said its missiles had "wiped out the radar platform".', False),
        ("en", 'The group said its missiles had "hit three warships".', True),  # not the source's words
        ("ar-en", 'The group said its missiles "destroyed the radar platform completely".', False),  # translated
        ("ar-en", 'Port officials said the shelling "wounded 30 children at a hospital".', True),  # no such quotation
    ],
)
def test_quotations_must_be_in_the_sources_in_either_language(lang: str, claim: str, issue: bool) -> None:
    sources = _sources(PORT_EN, "en") if lang == "en" else _sources(PORT_AR)
    check = sources.check(claim)
    assert ("quote" in [i.kind for i in check.issues]) is issue, check


def test_a_quotation_with_nothing_readable_is_unverifiable_not_supported() -> None:
    check = _sources(PORT_AR).check('The group said its missiles hit "the blue hangar by the old lighthouse".')
    assert check.verdict == "unverifiable" and check.undecided and not check.issues


def test_cited_evidence_checks_quotes_too() -> None:
    sources = _sources(PORT_EN, "en")
    cited = [Evidence(article_id="en", quote="The group said its missiles had \"wiped out the radar platform\"")]
    assert sources.check_against('The group said its missiles "wiped out the radar platform".', cited) == []
    issues = sources.check_against('The group said its missiles "wiped out two radar platforms".', cited)
    assert [i.kind for i in issues] == ["quote", "number"]


def test_a_claim_its_evidence_cannot_decide_is_unverifiable() -> None:
    sources = _sources(PORT_EN, "en")
    assert sources.check("Shelling hit the container quay at dawn on Saturday.").verdict == "supported"
    vague = sources.check("Shelling at dawn on Saturday also flattened the customs office and several cranes nearby.")
    assert vague.verdict == "unverifiable" and vague.supported, vague
    assert sources.check("Shelling killed nine dock workers at dawn on Saturday.").verdict == "contradicted"
    assert sources.check("The central bank cut interest rates by half a point.").verdict == "unsupported"


def test_unverifiable_claims_leave_the_text_faithful() -> None:
    request = VerifyRequest(
        articles=[ArticleIn(id="q", text=PORT_EN, published_at=DAM.isoformat(), language="en")],
        summary="Shelling hit the container quay at dawn on Saturday. "
        "Shelling at dawn on Saturday also flattened the customs office and several cranes nearby.",
    )
    body = asyncio.run(verify(request, Settings(), None))
    assert [c.verdict for c in body.claims] == ["supported", "unverifiable"]
    assert body.faithful and body.meta.unverifiable == 1 and body.meta.supported == 1
    request.summary = "Shelling killed nine dock workers at dawn on Saturday."
    body = asyncio.run(verify(request, Settings(), None))
    assert not body.faithful and body.claims[0].verdict == "contradicted"


UNSEEN = json.loads((Path(__file__).parent / "data" / "unseen.json").read_text("utf-8"))


def test_unseen_stories_few_false_alarms_and_changes_caught() -> None:
    """The statements of data/unseen.json (Gaza, Lebanon, Sudan, Yemen): faithful paraphrases hold, changed
    numbers, dates, places, actors, stances, categories and quotes are caught, in each language setting."""
    articles = {a["id"]: ArticleIn(**a) for a in UNSEEN["articles"]}
    by_setting: dict[str, list[tuple[bool, bool]]] = {}
    missed = []
    for sid, setting, aid, text, change in UNSEEN["statements"]:
        sources = Sources(prepare([articles[aid]], ZoneInfo("UTC"), max_chars=10**6))
        checks = verify_claims(sources, [(c, None) for c in split_claims(text) or [text]])
        flagged = any(c.verdict in ("unsupported", "contradicted") for c in checks)
        by_setting.setdefault(setting, []).append((change is not None, flagged))
        if flagged is (change is None):
            missed.append(sid)
    for setting, rows in by_setting.items():
        faithful = [f for changed, f in rows if not changed]
        changed = [f for was, f in rows if was]
        assert sum(faithful) / len(faithful) <= 0.05, (setting, missed)
        assert sum(changed) / len(changed) >= 0.9, (setting, missed)


# Arabic sources stating a figure without a numeral of their own, and a town by the camp named after it
JABALIA_AR = (
    "غزة - قالت مصادر طبية إن 21 شخصاً قتلوا في قصف على منازل في مخيم جباليا، "
    "وهو أحد مخيمات اللاجئين الثمانية في القطاع.\n\n"
    "وقتل مسعفان قرب المخيم خلال الساعات الأربع والعشرين الماضية.\n\n"
    "وقال الجيش إنه رد على صاروخ أطلق من المخيم وأدى إلى مقتل شخص في بلدة قريبة."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("Medics said 21 people were killed in shelling of homes in Jabalia.", []),  # the camp's town
        ("Medics said 21 people were killed in shelling of homes in Beit Lahia.", ["place"]),
        ("Jabalia camp is one of the eight refugee camps in the Strip.", []),  # الثمانية: the eight
        ("Jabalia camp is one of the seven refugee camps in the Strip.", ["number"]),
        ("Jabalia camp is one of the 8 refugee camps in the Strip.", []),
        ("Jabalia camp is one of the 9 refugee camps in the Strip.", ["number"]),
        ("Two paramedics were killed near the camp over the past 24 hours.", []),  # مسعفان, الأربع والعشرين
        ("Three paramedics were killed near the camp over the past 24 hours.", ["number"]),
        ("Two paramedics were killed near the camp over the past 48 hours.", ["number"]),
        ("The army said it responded to a rocket from the camp that killed one person in a nearby town.", []),
        ("The army said it responded to a rocket from the camp that killed three people in a nearby town.", ["number"]),
    ],
)
def test_english_claims_on_arabic_figures_and_camps(claim: str, kinds: list[str]) -> None:
    assert sorted(set(_kinds(_sources(JABALIA_AR), claim))) == kinds


def test_everyday_news_words_align_across_languages() -> None:
    # glossary concepts (fear, war, school, fuel, ...) let an English claim find its Arabic sentence
    sources = _sources(
        "قتل ثلاثة أشخاص في قصف على بلدة حدودية.\n\nويخشى مسؤولون محليون أن تتحول الاشتباكات إلى حرب مفتوحة.\n\n"
        "وحذر مدير مدرسة من نفاد الوقود."
    )
    assert sources.check("Local officials fear the clashes could turn into open war.").verdict == "supported"
    assert sources.check("A school head warned that fuel was running out.").verdict == "supported"



def test_people_forced_from_their_homes_align_with_an_arabic_flight() -> None:
    sources = _sources(
        "قتل ثلاثة أشخاص في قصف على بلدة حدودية.\n\nوأجبرت الجرافات عشرات العائلات على مغادرة منازلها في الحي الشرقي."
    )
    assert sources.check("Dozens of families were forced out of their homes in the eastern district.").supported
    assert sources.check("Dozens of families were driven from their homes.").supported


def test_an_inflected_paraphrase_aligns_with_the_sentence_it_paraphrases() -> None:
    """"matched" and "figures" find "match" and "figure": the inflected paraphrase is what the claim is about,
    not a sentence that merely shares "saying"."""
    sources = _sources(
        "The office said the figure it published did not match its own record. "
        "Rescuers kept digging through the night, saying more people were under the rubble.",
        "en",
    )
    claim = "The toll confirmed, saying the figures matched its records."
    denial, rescuers = sources.sentences
    assert verify_module._relevance(claim, "en", denial) > verify_module._relevance(claim, "en", rescuers)


FRONT_AR = (
    "وقالت الكتيبة الرابعة التابعة للجيش السوداني إنها صدت هجوما لقوات الدعم السريع على المحور الغربي لمدينة "
    "الفاشر يوم الأحد، في حين قالت قوات الدعم السريع إن مقاتليها أسقطوا طائرتين مسيرتين فوق المدينة. "
    "ودخلت قافلة مساعدات أممية إلى معسكر زمزم للنازحين بعد توقف دام أسبوعا."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # the speaker is the words after the verb, not whoever the sentence names later
        ("The army said it repelled an RSF attack on the western front of El Fasher on Sunday.", False),
        ("The Sudanese army said it repelled an RSF attack on the western front of El Fasher on Sunday.", False),
        ("The RSF said it repelled an army attack on the western front of El Fasher on Sunday.", True),
        # two speakers in one sentence: the clause that says it has the speaker
        ("The RSF said its fighters shot down two drones over the city.", False),
        ("The army said its fighters shot down two drones over the city.", True),
        # "أممية" is the UN's; "معسكر زمزم" is the Zamzam camp
        ("A UN aid convoy entered the Zamzam camp after a week-long halt.", False),
        ("A Turkish aid convoy entered the Zamzam camp after a week-long halt.", True),
        ("A UN aid convoy entered the Abu Shouk camp after a week-long halt.", True),
    ],
)
def test_english_claims_on_arabic_speakers_convoys_and_camps(claim: str, flagged: bool) -> None:
    check = _sources(FRONT_AR).check(claim)
    assert (check.verdict == "contradicted") is flagged, check


NIGHT_AR = (
    "شنت طائرات حربية أكثر من 20 غارة على أطراف المدينة ليل الجمعة السبت، وفق الوكالة الوطنية. "
    "ودعا الجيش سكان 12 قرية إلى إخلاء منازلهم والتوجه شمال النهر. "
    "وقالت الوكالة إن نحو 9000 شخص فروا من جنوب المنطقة نحو الشمال منذ الصباح. "
    "وقال الجيش إنه استهدف قياديين اثنين في حركة حماس."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a night named by the two days it spans is either day's
        ("Warplanes carried out more than 20 strikes on the edges of the city overnight from Friday to Saturday.", []),
        ("Warplanes carried out more than 20 strikes on the edges of the city on Saturday.", []),
        ("Warplanes carried out more than 20 strikes on the edges of the city on Sunday.", ["date"]),
        # where people are told to go, and where they fled from and to, keep their sides
        ("The army told residents of 12 villages to leave their homes and head north of the river.", []),
        ("The army told residents of 12 villages to leave their homes and head south of the river.", ["place"]),
        ("About 9,000 people fled the south of the area towards the north since the morning.", []),
        ("About 9,000 people fled the north of the area towards the south since the morning.", ["place"]),
        # two commanders of an armed group are its fighters, though the Arabic noun is not in the lexicon
        ("The army said it targeted two Hamas commanders.", []),
    ],
)
def test_nights_moves_and_an_armed_groups_commanders(claim: str, kinds: list[str]) -> None:
    check = _sources(NIGHT_AR).check(claim)
    assert [i.kind for i in check.issues] == kinds, check


SCHOOL_AR = (
    "وقال الدفاع المدني إن 14 شخصا قتلوا في غارة إسرائيلية على مدرسة تؤوي نازحين في وادي هلال. "
    "وقال الجيش الإسرائيلي إنه استهدف \"غرفة عمليات للمسلحين\" داخل المدرسة، ونفى أن تكون الغارة قد أصابت نازحين. "
    "وأكد الجيش الإسرائيلي أنه نفذ الغارة ردا على هجوم بطائرة مسيرة. "
    "وتوعدت الجماعة المسلحة بالرد، قائلة إن \"المدينة لن تكون آمنة\". "
    "وتوعد مسؤول أمني بملاحقة \"فلول النظام\" في القرى المجاورة."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a translated quotation is looked for in the claim's evidence, not wherever a word of it stands
        ('The Israeli army said it had targeted "an operations room for militants" inside the school.', []),
        ('The Israeli army said it had targeted "an arms depot" inside the school.', ["quote"]),
        ('The Israeli army denied the strike hit displaced people, saying "not one civilian was harmed".', ["quote"]),
        # a negation in another party's sentence is no denial of the claim's denier
        ("The Israeli army denied it carried out the strike in response to a drone attack.", ["stance"]),
        ("The Israeli army denied that the strike had hit displaced people.", []),
        # "Saudi" is Saudi Arabia; "the regime" is a word of "فلول النظام"
        ("Saudi strikes killed 14 people at a school sheltering displaced people.", ["actor"]),
        ('A security official vowed to pursue "remnants of the regime" in nearby villages.', []),
    ],
)
def test_translated_quotes_denials_and_names(claim: str, kinds: list[str]) -> None:
    check = _sources(SCHOOL_AR).check(claim)
    assert [i.kind for i in check.issues] == kinds, check


def test_a_present_tense_arabic_verb_of_control_is_control() -> None:
    """"تسيطر" is control as "سيطرت" is: an English claim of control finds the sentence that says it."""
    sources = _sources(
        "وأعلنت الفصائل السيطرة على مطار حلب الدولي بحسب المرصد السوري. "
        "وأكد المرصد السوري أن قوات سوريا الديمقراطية تسيطر على بلدتي نبل والزهراء شمال حلب."
    )
    check = sources.check("The Observatory said the SDF controlled Nubl and Zahraa north of Aleppo.")
    assert check.verdict == "supported" and "تسيطر" in check.evidence[0].quote, check


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a side that is part of a place's name is not a side the claim states
        ("نزح آلاف من مدينة الفاشر في ولاية شمال دارفور.", []),
        # "قتيلاً" counts the dead: a toll of 11 dead and 40 wounded is not read as 11 wounded
        ("ارتفعت حصيلة الغارة إلى 11 قتيلاً و40 جريحاً.", []),
        ("ارتفعت حصيلة الغارة إلى 11 جريحاً.", ["number"]),
        # a statement said to be attributed to someone is not stated as fact
        ("تصريح منسوب إلى قوات الدعم السريع.", []),
    ],
)
def test_sides_in_names_the_dead_and_attributed_statements(claim: str, kinds: list[str]) -> None:
    sources = _sources(
        "وقالت الأمم المتحدة إن آلاف الأشخاص نزحوا من الأحياء الغربية لمدينة الفاشر خلال يومين. "
        "وأضافت الوزارة أن حصيلة الغارة ارتفعت إلى 11 قتيلاً و40 جريحاً بعد انتشال جثث من تحت الأنقاض. "
        "وقالت قوات الدعم السريع إنها سيطرت على البلدة، لكن الجيش نفى ذلك."
    )
    check = sources.check(claim)
    assert [i.kind for i in check.issues] == kinds, check


MARKET_EN = (
    "Shelling by the Rapid Support Forces hit the crowded cattle market in Omdurman on Monday, doctors said. "
    "Doctors said most of the victims were women and traders. "
    "Omdurman has been largely under army control since early 2024."
)
TOLL_EN = "Doctors said four children and two women were among the dead."


@pytest.mark.parametrize(
    ("source", "claim", "kinds"),
    [
        # "army" without "the" is an army too ("army shelling", "under army control")
        (MARKET_EN, "Army shelling hit the crowded cattle market in Omdurman on Monday.", ["actor"]),
        (MARKET_EN, "RSF shelling hit the crowded cattle market in Omdurman on Monday.", []),
        # who the victims were, with or without a figure
        (MARKET_EN, "Doctors said most of the victims were women and traders.", []),
        (MARKET_EN, "Doctors said most of the victims were children.", ["category"]),
        (TOLL_EN, "Doctors said four children and two women were among the dead.", []),
        (TOLL_EN, "Doctors said four women were among the dead.", ["category"]),
    ],
)
def test_a_bare_army_and_who_the_victims_were(source: str, claim: str, kinds: list[str]) -> None:
    sources = _sources(source, "en")
    assert [i.kind for i in sources.check(claim).issues] == kinds, sources.check(claim)


CAMP_DENIAL_AR = (
    "ونفت قوات الدعم السريع في بيان أي علاقة لها بقصف معسكر زمزم، وقالت إن الجيش يتخذ من المعسكر دروعا بشرية. "
    "وأفادت مصادر طبية بأنها استقبلت خمس جثث لعسكريين خلال اليومين الماضيين. "
    "ولم يعلق الجيش على البيان، لكنه قال إن 6 من جنوده قتلوا في المعارك يوم السبت."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # who denies is the party right after the Arabic verb, not one the sentence names as accused
        ("نفت قوات الدعم السريع أي علاقة لها بقصف معسكر زمزم.", []),
        ("نفى الجيش السوداني أي علاقة له بقصف معسكر زمزم.", ["actor"]),
        # claiming an attack (تبنت) is no denial of it
        ("تبنت قوات الدعم السريع قصف معسكر زمزم.", ["stance"]),
        # the bodies of five of the military: two days by a dual; soldiers, not civilians
        ("Doctors received the bodies of five soldiers over the past two days.", []),
        ("Doctors received the bodies of five civilians over the past two days.", ["category"]),
        # "لم يعلق" declines to comment: it is no denial of what the army then says
        ("أقر الجيش بمقتل 6 من جنوده في المعارك يوم السبت.", []),
    ],
)
def test_deniers_claims_of_attacks_and_the_bodies_of_soldiers(claim: str, kinds: list[str]) -> None:
    check = _sources(CAMP_DENIAL_AR).check(claim)
    assert [i.kind for i in check.issues] == kinds, check


@pytest.mark.parametrize(
    ("source", "claim", "kinds"),
    [
        # "hit" in lowercase is a verb, not the town of Hit
        ("en", "Two rockets hit the Ain al-Asad air base in Anbar on Monday, wounding five soldiers.", []),
        # "members of one family" are people, not an armed group's members
        ("en", "A strike on a house in Baalbek killed seven members of one family.", []),
        # a civilian killed where its evidence has an army officer killed
        ("en", "An army officer was killed when militants attacked a checkpoint in Diyala.", []),
        ("en", "A civilian was killed in an attack on a checkpoint in Diyala.", ["category"]),
        # welcoming is the opposite of denying having agreed
        ("ar", "رحب الشيخ بدخول القوات الحكومية إلى المدينة.", ["stance"]),
    ],
)
def test_verbs_that_are_towns_families_officers_and_welcomes(source: str, claim: str, kinds: list[str]) -> None:
    sources = (
        _sources(
            "Two rockets hit the Ain al-Asad air base in Anbar on Monday, wounding five soldiers. "
            "A strike on a house in Baalbek killed seven members of one family. "
            "An army officer was killed and two soldiers were wounded when militants attacked a checkpoint in Diyala.",
            "en",
        )
        if source == "en"
        else _sources("ونفى الشيخ أن يكون قد وافق على دخول القوات الحكومية إلى المدينة.")
    )
    assert [i.kind for i in sources.check(claim).issues] == kinds, sources.check(claim)


MARKET_EN = (
    "A drone strike on a market in the town of Kafr Nabl on Friday killed at least nine people, the local council said. "
    "The council said 31 people were wounded, six of them seriously, and that shops were still burning at night."
)
MARKET_AR = (
    "قتل سبعة أشخاص في قصف مدفعي استهدف سوقا شعبيا في مدينة معرة النعمان صباح الجمعة، بحسب مصادر طبية. "
    "وأضافت المصادر أن 23 شخصا أصيبوا بجروح، بينهم أربعة أطفال، نقل بعضهم إلى مشاف في إدلب."
)


@pytest.mark.parametrize(
    ("source", "claim", "kinds"),
    [
        # a claim summing up a lead (the dead) and the sentence after it (the wounded)
        ("en", "A drone strike on a market in Kafr Nabl killed nine people and wounded 31, the council said.", []),
        ("en", "At least nine people were killed and 31 wounded when a drone hit Kafr Nabl's market on Friday.", []),
        # ...but the next sentence lends no figure the lead says otherwise, nor one the claim miscounts
        ("en", "A drone strike on a market in Kafr Nabl killed 31 people.", ["number"]),
        ("en", "A drone strike on a market in Kafr Nabl killed nine people and wounded 40.", ["number"]),
        ("ar", "قتل سبعة أشخاص وأصيب 23 آخرون في قصف مدفعي على سوق في معرة النعمان.", []),
        ("ar", "أسفر قصف على سوق في معرة النعمان صباح الجمعة عن سبعة قتلى و23 جريحا.", []),
        ("ar-en", "Shelling of a market in Maarat al-Numan killed seven people and wounded 23, medical sources said.", []),
        ("ar", "قتل 23 شخصا في قصف مدفعي على سوق في معرة النعمان.", ["number"]),
        ("ar", "قتل سبعة أشخاص وأصيب 30 آخرون في قصف مدفعي على سوق في معرة النعمان.", ["number"]),
        ("ar-en", "Shelling of a market in Maarat al-Numan killed 23 people, medical sources said.", ["number"]),
    ],
)
def test_a_claim_may_sum_up_a_lead_and_the_sentence_after_it(source: str, claim: str, kinds: list[str]) -> None:
    sources = _sources(MARKET_EN, "en") if source == "en" else _sources(MARKET_AR)
    assert _kinds(sources, claim) == kinds, sources.check(claim)


def test_a_figure_glued_to_a_name_is_no_figure_and_a_byline_line_places_nothing() -> None:
    sources = _sources(
        "مأرب (اليمن) – شبكة حضرموت الإخبارية\n\n"
        "وأفادت القوات الحكومية بأنها سيطرت على قاعدة تي فور الجوية قرب المدينة.",
    )
    # "T4" holds no figure; the outlet's name (حضرموت) on the byline line is not where anything happened
    assert "number" not in _kinds(sources, "Government forces said they took the T4 air base near Marib.")
    assert "place" in _kinds(sources, "Government forces said they took an air base in Hadramawt.")


MUSEUM_AR = (
    "أعلن الجيش استعادة مدينة تدمر بعد عشرة أشهر من سيطرة تنظيم \"الدولة الإسلامية\" عليها. "
    "وأعلنت الخارجية استدعاء سفيرها لدى طهران للتشاور. "
    "وكان ثلاثة رعاة قد قُتلوا الأحد بانفجار لغم قرب المدينة، في هجوم نسبه الجيش إلى تنظيم الدولة الإسلامية. "
    "ونفى التنظيم أي علاقة له بالانفجار."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a name with quote marks inside it is still its name
        ("استعاد الجيش مدينة تدمر من تنظيم الدولة الإسلامية.", []),
        ("استعاد الجيش مدينة تدمر من هيئة تحرير الشام.", ["actor"]),
        # a capital read as who acts is still the place it names
        ("استدعت الخارجية سفيرها في طهران للتشاور.", []),
        ("استدعت الخارجية سفيرها في أنقرة للتشاور.", ["place"]),
        # the denial is the next sentence's, by the word that refers back to the group
        ("نفى تنظيم الدولة الإسلامية أي علاقة له بانفجار اللغم الذي قتل ثلاثة رعاة.", []),
        ("نفى الجيش أي علاقة له بانفجار اللغم الذي قتل ثلاثة رعاة.", ["stance"]),
    ],
)
def test_names_with_quotes_capitals_and_a_denial_by_a_word_that_refers_back(claim: str, kinds: list[str]) -> None:
    assert sorted(set(_kinds(_sources(MUSEUM_AR), claim))) == kinds


TULKARM_EN = (
    "09:35 - Residents of the camp's eastern neighbourhood said soldiers had ordered families to leave their homes. "
    "Gunmen and troops traded fire with rifles and rocket-propelled grenades near the camp entrance. "
    "It was the heaviest fighting in the area in more than a decade, residents said. "
    "Hamas condemned the raid as a crime against civilians. "
    "In Tulkarm, the governor said about 9,000 people had now left the city's refugee camp. "
    "Israel launched the operation there on Jan. 21, two days after the ceasefire began. "
    "At least 40 people have been killed in the northern West Bank this month, according to the U.N. humanitarian office."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # faithful paraphrases an LLM summary would write
        ("Gunmen and troops exchanged fire with rifles and RPGs near the camp entrance.", False),
        ("It was the worst fighting in the area in over ten years, residents said.", False),
        ("Hamas condemned the raid as a crime against civilians.", False),
        ("About 9,000 people have left the Tulkarm refugee camp, the governor said.", False),
        ("Israel launched the operation in Tulkarm on January 21.", False),
        ("At least 40 people were killed in the northern West Bank this month, the UN humanitarian office said.", False),
        # and what they could get wrong
        ("Gunmen and troops exchanged fire with rifles and IEDs near the camp entrance.", True),
        ("It was the worst fighting in the area in over twenty years, residents said.", True),
        ("About 9,000 people have left the Nur Shams camp, the governor said.", True),
        ("Israel launched the operation in Nablus on January 21.", True),
    ],
)
def test_paraphrases_of_a_live_page_and_what_they_get_wrong(claim: str, flagged: bool) -> None:
    sources = _sources(TULKARM_EN, "en")
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


DARFUR_CITY = (
    "قوات شبه عسكرية تعلن السيطرة على مقر فرقة للجيش في نيالا\n\n"
    "نيالا – وكالة الوادي للأنباء\n\n"
    "أعلنت قوات الدعم السريع مساء أمس سيطرتها على مقر الفرقة في مدينة نيالا، ثانية كبرى مدن البلاد.\n\n"
    "وتضررت مبان إدارية ومخازن خلال المعارك التي استمرت أسابيع.\n\n"
    "ودعت منظمات إغاثة الطرفين إلى فتح ممرات آمنة للمدنيين.\n\n"
    "واستؤنفت المحادثات بين الطرفين في جدة بعد توقف دام أشهرا.\n\n"
    "واندلعت الحرب في 15 نيسان الماضي، وأدت إلى نزوح أكثر من خمسة ملايين شخص داخل البلاد."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # an ordinal before a superlative without its article ("ثانية كبرى"), and "the country" for the
        # country of the lead's city
        ("Nyala is Sudan's second-largest city.", False),
        ("The war, which began on April 15, has displaced more than five million people inside Sudan.", False),
        ("The war, which began on April 15, has displaced more than five million people inside Egypt.", True),
    ],
)
def test_a_bare_ordinal_and_the_country_referred_back_to(claim: str, flagged: bool) -> None:
    sources = _sources(DARFUR_CITY)
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


def test_a_range_of_thousands_a_flight_and_a_speaker_named_the_sentence_before() -> None:
    # "ما بين 40 و50 ألف أسرة فرّت": 40,000 to 50,000 families, who fled (فرّت) — the sentence about them, not
    # the headline that shares only "displacement"
    ar = _sources(
        "الدعم السريع تعلن السيطرة على المخيم ونزوح عشرات الآلاف نحو طويلة.\n"
        "وأفادت المنظمة الدولية للهجرة بأن ما بين 40 و50 ألف أسرة فرّت من المخيم منذ الجمعة نحو بلدة طويلة."
    )
    assert _kinds(ar, "IOM said 40,000 to 50,000 families had fled towards Tawila since Friday.") == []
    # "Separately, it said ...": the sentence before says who speaks
    en = _sources(
        "The Israeli military said its jets had struck weapons depots around Tyre.\n"
        "Separately, it said air defences intercepted a missile fired from Lebanon towards Haifa.",
        "en",
    )
    assert _kinds(en, "Israel said it intercepted a missile fired from Lebanon towards Haifa.") == []
    # a single victim with several words before its noun is one
    one = _sources("An Israeli police special forces officer was killed during the operation, the army said.", "en")
    assert _kinds(one, "One police officer was killed during the operation, the army said.") == []


def test_paraphrases_of_unseen_reports_that_state_what_their_sources_say() -> None:
    # sentences written for this test, in the manner of wire and Arabic agency copy
    en = _sources(
        "Israeli warplanes struck air defence sites near Tehran before dawn on Saturday.\n"
        "The strikes on the port killed at least three people and wounded dozens, hours after Houthi forces "
        "fired a missile at Tel Aviv.\n"
        "An air strike on a home in Deir al-Balah killed six members of one family early on Tuesday.\n"
        "Qatar condemned the strikes on Saturday as a breach of Iran's sovereignty.\n"
        "A drone attack on Tower 22 in Jordan killed three US soldiers last Sunday.",
        "en",
    )
    # the doer of a happening named with it ("the Israeli strikes"), where its evidence names it again
    assert _kinds(en, "Qatar denounced the Israeli strikes as a breach of Iran's sovereignty.") == []
    # ... but only a party the article names doing it
    assert "actor" in _kinds(en, "Qatar denounced the Saudi strikes as a breach of Iran's sovereignty.")
    # a figure does not belong to a party named in the next clause of its sentence
    assert _kinds(en, "At least three people were killed when the port was struck.") == []
    # members of a family are people, not an armed group's members
    assert _kinds(en, "Six members of a single family were killed in Deir al-Balah early on Tuesday.") == []
    # "Three American soldiers": "Three" is no name of its own
    assert _kinds(en, "Three American soldiers were killed at Tower 22 in Jordan last Sunday.") == []
    ar = _sources(
        "شنت مقاتلات أمريكية غارات على ميناء الحديدة أمس الجمعة.\n"
        "وقالت وزارة الصحة إن الغارات أسفرت عن مقتل شخص واحد وإصابة تسعة آخرين.\n"
        "وقُتل ثلاثة أشخاص بينهم طفل في الحادية عشرة من عمره في اشتباكات غربي مدينة الزاوية."
    )
    # "الغارات الأمريكية" by "الغارات", the article naming American jets striking; "شخص واحد" is one person
    assert _kinds(ar, "قُتل شخص وأصيب تسعة في الغارات الأمريكية على الحديدة.") == []
    assert _kinds(ar, "قُتل شخصان وأصيب تسعة في الغارات الأمريكية على الحديدة.") == ["number"]
    # an age told by an ordinal
    assert _kinds(ar, "Three people, including an 11-year-old child, were killed in clashes in Zawiya.") == []
    assert "number" in _kinds(ar, "Three people, including a 12-year-old child, were killed in clashes in Zawiya.")


# invented report: a strike's toll in one paragraph, who its victims were two paragraphs down, and another
# speaker's figure further on (two paragraphs from the first speaker's)
SPREAD = (
    "وشنت الطائرات الحربية صباح اليوم خمس غارات على سوق البلدة، ما أدى إلى مقتل 11 شخصاً على الأقل.\n\n"
    "وتواصلت الاشتباكات في محيط البلدة حتى المساء.\n\n"
    "وقال مسعف في البلدة إن خمسة أطفال كانوا بين القتلى.\n\n"
    "وفي موسكو، قالت الخارجية الروسية إنها تتابع التطورات عن كثب.\n\n"
    "وعاد الهدوء الحذر إلى أحياء البلدة مع حلول الليل.\n\n"
    "وقال مجلس الأمن القومي الأميركي إنه كان على اتصال بالعواصم الإقليمية خلال الساعات الـ48 الماضية."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        # the victims' figure is told further on: the two sentences support the claim together
        ("Air strikes on the town's market killed at least 11 people this morning, including five children.", True),
        ("Air strikes on the town's market killed at least 11 people this morning, including seven children.", False),
        # a figure from another speaker's words does not support a claim put in this one's mouth
        ("The Russian foreign ministry said it had been in contact with regional capitals over the past 48 hours.", False),
    ],
)
def test_a_figure_told_further_on_joins_its_happening_but_not_another_speakers_words(claim: str, supported: bool) -> None:
    check = _sources(SPREAD).check(claim)
    assert check.supported is supported, check
