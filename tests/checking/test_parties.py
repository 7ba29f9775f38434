"""Parties (checking/parties.py): who is named, who did it, and who said or denied it."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.articles import Article
from summarizer.checking.verify import Sources
from tests.checking.support import _article, _kinds, _one, _sources


def test_the_army_near_el_fasher_is_sudans() -> None:
    sources, quote = _one("وقالت الفرقة السادسة مشاة التابعة للجيش السوداني إنها صدت هجوماً لقوات الدعم السريع على الفاشر.")
    claim = "The army's Sixth Infantry Division said it repelled a Rapid Support Forces attack on El Fasher."
    assert sources.check_against(claim, quote) == []
    issues = sources.check_against("The RSF said it repelled an army attack on Nyala.", quote)
    assert sorted(i.kind for i in issues) == ["actor", "place"]  # the speaker is the division, not the RSF


def test_a_speaker_the_lexicon_does_not_know_still_keeps_its_words() -> None:
    sources = _sources(
        "قال الجيش الإسرائيلي إنه قصف مواقع في المنطقة. وأفاد الهلال الأزرق بأن طواقمه نقلت 30 مصابا إلى مستشفيات ميدانية."
    )
    assert sources.check("The Blue Crescent said its crews took 30 wounded people to field hospitals.").supported
    check = sources.check("The Israeli army said its crews took 30 wounded people to field hospitals.")
    assert "actor" in [i.kind for i in check.issues], check


@pytest.mark.parametrize(
    ("lang", "claim", "kinds"),
    [
        # a country named by its people's adjective in the evidence: "Lebanese", "اللبناني"
        ("en", "The minister told Lebanon's foreign minister by phone that the talks would resume.", []),
        ("en", "The minister told Iraq's foreign minister by phone that the talks would resume.", ["actor"]),
        ("ar-en", "The minister told Lebanon's foreign minister by phone that the talks would resume.", []),
        # Jordan's foreign ministry is a body the lexicon knows: the wrong party, like Iraq's above
        ("ar-en", "The minister told Jordan's foreign minister by phone that the talks would resume.", ["actor"]),
    ],
)
def test_a_country_is_named_by_its_adjective(lang: str, claim: str, kinds: list[str]) -> None:
    sources = (
        _sources("The minister told his Lebanese counterpart by phone that the talks would resume next week.", "en")
        if lang == "en"
        else _sources("وقال الوزير لنظيره اللبناني في اتصال هاتفي إن المحادثات ستستأنف الأسبوع المقبل.")
    )
    assert [i.kind for i in sources.check(claim).issues] == kinds, sources.check(claim)


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        # a party named only to describe something ("HTS-led", "fired by", "التي أطلقها") may be named in the
        # sentence next to the evidence; another party, or the same one as the speaker, may not
        ("en", "HTS-led factions seized the town of Saraqib on Wednesday.", False),
        ("en", "Factions led by Hayat Tahrir al-Sham seized the town of Saraqib on Wednesday.", False),
        ("en", "Turkish-backed factions seized the town of Saraqib on Wednesday.", True),
        ("en", "Hezbollah-led factions seized the town of Saraqib on Wednesday.", True),
        ("ar", "قال الجيش الإسرائيلي إن الدفاعات الجوية اعترضت معظم الصواريخ التي أطلقها حزب الله.", False),
        ("ar-en", "The Israeli army said air defences intercepted most of the rockets fired by Hezbollah.", False),
        ("ar", "قال الجيش الإسرائيلي إن الدفاعات الجوية اعترضت معظم الصواريخ التي أطلقها الحوثيون.", True),
        ("ar-en", "The Israeli army said air defences intercepted most of the rockets fired by Hamas.", True),
        ("ar", "قال حزب الله إن الدفاعات الجوية اعترضت معظم الصواريخ.", True),
    ],
)
def test_a_party_named_to_describe_may_stand_next_to_the_evidence(lang: str, claim: str, flagged: bool) -> None:
    sources = (
        _sources(
            "Rebel factions seized the town of Saraqib on Wednesday after a day of clashes with government forces. "
            "Their alliance, which includes Hayat Tahrir al-Sham, said 40 of its fighters had been killed since Monday.",
            "en",
        )
        if lang == "en"
        else _sources(
            "وأعلن حزب الله أنه أطلق صواريخ على بلدة المطلة ردا على الغارات. "
            "وقال الجيش الإسرائيلي إن الدفاعات الجوية اعترضت معظم الصواريخ، من دون إصابات."
        )
    )
    check = sources.check(claim)
    assert ("actor" in [i.kind for i in check.issues]) is flagged, check


OFFICE_AR = (
    "الموصل، 12 آذار - أعلن رئيس الوزراء حيدر العبادي اليوم استعادة الجانب الأيسر من مدينة الموصل بالكامل. "
    "ورحب وزير الخارجية اللبناني بالإعلان في بيان."
)
OFFICE_EN = (
    "MOSUL, March 12 - Prime Minister Haider al-Abadi announced on Sunday that the eastern side of Mosul had been "
    "fully retaken. The Lebanese foreign minister welcomed the announcement in a statement."
)


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        # the claim adds the office's country; the evidence names the office with none
        ("ar", "أعلن رئيس الوزراء العراقي حيدر العبادي استعادة الجانب الأيسر من الموصل.", False),
        ("en", "Iraqi Prime Minister Haider al-Abadi announced that eastern Mosul had been retaken.", False),
        # another country's office where the evidence names one with its country
        ("ar", "ورحب وزير الخارجية الأردني بالإعلان في بيان.", True),
        ("en", "The Jordanian foreign minister welcomed the announcement.", True),
    ],
)
def test_an_office_s_country_may_be_added_but_not_swapped(lang: str, claim: str, flagged: bool) -> None:
    sources = _sources(OFFICE_EN, "en") if lang == "en" else _sources(OFFICE_AR)
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


def test_an_acronym_stands_for_its_name_spelt_out_with_small_words() -> None:
    sources = _sources(
        "The International Organization for Migration said 4,000 people fled the town of Tawila on Sunday.", "en"
    )
    assert _kinds(sources, "The IOM said 4,000 people fled Tawila on Sunday.") == []
    assert _kinds(sources, "The ICRC said 4,000 people fled Tawila on Sunday.") != []


BORDER_TOWN = (
    "Turkish-backed Syrian fighters said they had entered the outskirts of Ras al-Ain. "
    "The Kurdish-led Syrian Democratic Forces said they had repelled the assault and still held the town."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("Turkish-backed rebels said they had reached the outskirts of Ras al-Ain.", False),
        ("The Turkish army said it had reached the outskirts of Ras al-Ain.", True),  # the backer did not say it
        ("The SDF said it had entered the outskirts of Ras al-Ain.", True),
    ],
)
def test_a_group_backed_by_a_country_is_not_the_country(claim: str, flagged: bool) -> None:
    sources = _sources(BORDER_TOWN, "en")
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("when", "claim", "flagged"),
    [
        # the office and its country name whoever held it that day (speakers.json 'holders')
        (dt.datetime(2025, 3, 18, 9, tzinfo=dt.UTC), "Netanyahu said the strikes were only the beginning.", False),
        (dt.datetime(2025, 3, 18, 9, tzinfo=dt.UTC), "Putin said the strikes were only the beginning.", True),
        # in June 2022 Israel's prime minister was someone else
        (dt.datetime(2022, 6, 1, 9, tzinfo=dt.UTC), "Netanyahu said the strikes were only the beginning.", True),
    ],
)
def test_an_office_names_its_holder_of_the_day(when: dt.datetime, claim: str, flagged: bool) -> None:
    text = 'Israeli jets struck targets across the territory overnight. Israel\'s prime minister said the strikes were "only the beginning".'
    sources = Sources([Article("en", text, when, False, when.date(), "en")])  # type: ignore[arg-type]
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("The SDF said a Turkish drone struck a car near the bridge on Tuesday, killing three people.", False),
        # the party named as who acts did not confirm what another reports
        ("Turkey confirmed that one of its drones struck a car near the bridge on Tuesday, killing three people.", True),
    ],
)
def test_who_acts_in_a_report_did_not_confirm_it(claim: str, flagged: bool) -> None:
    sources = _sources("A Turkish drone struck a car near the bridge on Tuesday afternoon, killing three people, the SDF said.", "en")
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # invented: the post is the army's, which the article's lead names; the claim says who claimed it
        ("The Islamic State claimed the attack on the army post near Arish.", False),
        ("Hamas claimed the attack on the army post near Arish.", True),
    ],
)
def test_a_site_of_a_party_named_in_the_lead_is_no_actor_of_the_claim(claim: str, flagged: bool) -> None:
    quote = "The Islamic State group claimed the attack in a statement on its news agency."
    text = (
        "Gunmen attacked a checkpoint of the army near Arish at dawn on Friday, killing nine soldiers. "
        "The attackers used a car bomb and then opened fire. " + quote
    )
    sources, _ = _article(text, quote)
    kinds = _kinds(sources, claim)
    assert ("actor" in kinds) is flagged, sources.check(claim)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # invented: settlers are not the army, though both names say Israeli
        ("Israeli settlers set fire to cars in the village of Jit on Friday night.", False),
        ("Israeli soldiers set fire to cars in the village of Jit on Friday night.", True),
    ],
)
def test_another_partys_name_does_not_name_the_state(claim: str, flagged: bool) -> None:
    sources = _sources("Dozens of Israeli settlers set fire to cars in the village of Jit on Friday night, medics said.", "en")
    assert ("actor" in _kinds(sources, claim)) is flagged, sources.check(claim)


def test_a_drone_named_by_its_side_a_group_named_again_and_a_when_clause() -> None:
    ar = _sources(
        "بعقوبة - قُتل ضابط وأربعة جنود من الجيش العراقي فجر اليوم الاثنين في هجوم شنّه مسلحون من تنظيم الدولة "
        "الإسلامية على نقطة عسكرية قرب العظيم شمالي ديالى.\n"
        "وأعلن الجيش إرسال تعزيزات إلى المنطقة، فيما شاركت قوات من الحشد الشعبي في تمشيط البساتين.\n"
        "وتبنى التنظيم الهجوم في بيان نشره على تطبيق تلغرام بعد ظهر اليوم، زاعماً أن عناصره قتلوا سبعة جنود.\n"
        "وكانت طائرة مسيّرة حوثية قد استهدفت يوم الجمعة موقعاً للجيش في مديرية رغوان، ما أدى إلى إصابة 3 جنود."
    )
    # "حوثية": the Houthis' drone
    assert _kinds(ar, "On Friday, a Houthi drone struck an army position in Raghwan district, wounding three soldiers.") == []
    # "وتبنى التنظيم": the group the article named, though the sentence before names other armed groups
    assert _kinds(ar, "زعم تنظيم الدولة في بيان على تلغرام أن مقاتليه قتلوا سبعة جنود في الهجوم.") == []
    # the soldiers are not the attackers of the "when" clause's
    claim = "An officer and four soldiers died early on Monday when Islamic State militants attacked a post near al-Adhaim."
    assert _kinds(ar, claim) == []


_ROLES_AR = (
    "وقال الجيش السوداني إن قواته صدت هجوما لقوات الدعم السريع على الأحياء الشرقية لمدينة الأبيض. "
    "وكانت فصائل المعارضة قد استعادت بلدة كفرنبل مساء الأربعاء بعد معارك مع القوات الحكومية. "
    "وفي غرب كردفان، صدّ الجيش هجوماً شنّته قوات الدعم السريع على مدينة بابنوسة فجر الجمعة."
)
_ROLES_EN = (
    "The Syrian Democratic Forces said they had retaken the village of Hajin from Islamic State fighters on Wednesday. "
    "Houthi fighters repelled an assault by government forces on their positions near the port."
)


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        # who did it, said the other way round: both parties are in the evidence, their roles are swapped
        ("ar", "The Sudanese army said it repelled an RSF attack on eastern El Obeid.", False),
        ("ar", "The RSF said it repelled an army attack on eastern El Obeid.", True),
        ("ar", "Opposition factions regained Kafr Nabl on Wednesday evening.", False),
        ("ar", "Government forces regained Kafr Nabl on Wednesday evening.", True),
        # the verb's subject repelled it; the attack after the verb is the other side's ("هجوماً شنّته ...")
        ("ar", "The army repelled an RSF attack on Babanusa early on Friday.", False),
        ("ar", "The RSF repelled an army attack on Babanusa early on Friday.", True),
        ("ar", "An army attack on Babanusa was repelled by the RSF early on Friday.", True),
        ("en", "The SDF said it had retaken Hajin from Islamic State on Wednesday.", False),
        ("en", "Islamic State said it had retaken Hajin from the SDF on Wednesday.", True),
        ("en", "The Houthis repelled a government assault near the port.", False),
        ("en", "Government forces repelled a Houthi assault near the port.", True),
        # the doer named, the act told without one: nothing to contradict
        ("en", "Fighting took place near the port between the Houthis and government forces.", False),
    ],
)
def test_who_did_it_is_who_its_evidence_says(lang: str, claim: str, flagged: bool) -> None:
    sources = _sources(_ROLES_AR if lang == "ar" else _ROLES_EN, lang)
    check = sources.check(claim)
    assert (not check.supported) is flagged, check.issues
    if flagged:
        assert "actor" in _kinds(sources, claim)


def test_who_did_it_may_not_be_another_party_of_the_article() -> None:
    # the evidence says who attacked; a party the article names elsewhere (who retook the village a day later)
    # did not; a swap of who withdrew and who entered is caught too
    text = (
        "On Monday, the RSF attacked the village of Kazgil, about 30 km south of El Obeid, and took control of it. "
        "On Tuesday, the SAF said it had retaken Kazgil."
    )
    sources, _ = _one(text)
    assert sources.check("On Monday the RSF attacked Kazgil, a village south of El Obeid, and seized it.").supported
    check = sources.check("On Monday the SAF attacked Kazgil, a village south of El Obeid, and seized it.")
    assert not check.supported and "actor" in [i.kind for i in check.issues]
    arabic, _ = _one("انسحب الجيش السوري من البلدة مساء الخميس، فيما دخلتها فصائل تقودها هيئة تحرير الشام.")
    assert arabic.check("انسحب الجيش السوري من البلدة مساء الخميس، فيما دخلتها فصائل تقودها هيئة تحرير الشام.").supported
    swapped = arabic.check("انسحبت فصائل تقودها هيئة تحرير الشام من البلدة مساء الخميس، فيما دخلها الجيش السوري.")
    assert not swapped.supported and "actor" in [i.kind for i in swapped.issues]


def test_the_national_army_near_a_libyan_town_is_the_lna() -> None:
    sources, _ = _one("قال المتحدث باسم الجيش الوطني إن قواته تقدمت في محيط سرت مساء السبت.")
    assert sources.check("An LNA spokesman said its forces advanced around Sirte on Saturday evening.").supported


# invented report from Libya: the national army named in a sentence that names no place
LIBYA = (
    "بنغازي - قُتل ثلاثة مسعفين بغارة بطائرة مسيرة على سيارة إسعاف قرب مدينة درنة مساء الأحد. "
    "وقال المتحدث باسم الجيش الوطني إن الغارة أصابت آلية تقل مسلحين، نافياً استهداف أي سيارة إسعاف."
)


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("An LNA spokesman denied targeting an ambulance, saying the strike hit a vehicle carrying gunmen.", True),
        ("A Government of National Accord spokesman denied targeting an ambulance, saying the strike hit a vehicle carrying gunmen.", False),
    ],
)
def test_the_national_army_in_a_report_from_libya_is_the_lna(claim: str, supported: bool) -> None:
    sources, _ = _article(LIBYA, LIBYA.split(". ")[1])
    assert sources.check(claim).supported is supported, sources.check(claim)


# invented report: the army named once, then its reinforcements and its own words without its name
OMDURMAN = (
    "أم درمان - قال الجيش السوداني إنه استعاد السيطرة على حي الملازمين بعد معارك مع قوات الدعم السريع. "
    "ووصلت إلى المدينة مساء اليوم تعزيزات عسكرية قادمة من قاعدة وادي سيدنا، وفق مصادر محلية."
)
# invented report: the government named, its army only as "our armed forces" in an official's words
RAQQA = (
    "الرقة - قالت الحكومة السورية إن الوضع في المدينة تحت السيطرة. "
    "ونقلت وكالة الأنباء الرسمية عن مصدر رسمي قوله إن \"وحدات من قواتنا المسلحة تلاحق فلول المجموعات الإرهابية\" في الرقة."
)


@pytest.mark.parametrize(
    ("text", "quote", "claim", "supported"),
    [
        (OMDURMAN, 1, "Army reinforcements reached the city from the Wadi Seidna base in the evening.", True),
        (RAQQA, 1, "The state news agency quoted an official as saying army units were chasing \"terrorist\" remnants in Raqqa.", True),
        (RAQQA, 1, "The state news agency quoted an official as saying Nusra Front units were chasing \"terrorist\" remnants in Raqqa.", False),
    ],
)
def test_an_army_said_without_its_name_is_the_one_the_article_names(text: str, quote: int, claim: str, supported: bool) -> None:
    sources, _ = _article(text, text.split(". ")[quote])
    assert sources.check(claim).supported is supported, sources.check(claim)


BRIGADES = (
    "أطلق مسلحون من كتائب قادمة من مصراتة النار على المحتجين قرب مقارها في جنوب المدينة. "
    "وانسحبت الكتائب صباح السبت من مقارها وسلمتها للجيش، بحسب رئاسة الأركان."
)
REBELS = (
    "Turkish-backed Syrian rebels crossed the border at dawn with tanks in support. "
    "Rebels say they have taken three villages on the road to the town since noon."
)

SETTLERS = (
    "Dozens of Israeli settlers stormed the village on Thursday night, burning homes and cars. "
    "The Israeli military said soldiers reached the village within minutes."
)


@pytest.mark.parametrize(
    ("text", "lang", "claim", "flagged"),
    [
        # the evidence names the party by its noun alone; the article named it in full around that noun
        (BRIGADES, "ar", "انسحبت كتائب مصراتة يوم السبت من مقارها وسلمتها للجيش.", False),
        (BRIGADES, "ar", "انسحبت كتائب حزب الله يوم السبت من مقارها وسلمتها للجيش.", True),
        (REBELS, "en", "Turkish-backed rebels say they have taken three villages on the road to the town.", False),
        (REBELS, "en", "Russian-backed rebels say they have taken three villages on the road to the town.", True),
        # a noun the evidence qualifies otherwise names another party: settlers are no soldiers
        (SETTLERS, "en", "Israeli soldiers stormed the village on Thursday night, burning homes.", True),
    ],
)
def test_a_party_the_evidence_calls_by_its_noun_is_the_one_the_article_named_in_full(
    text: str, lang: str, claim: str, flagged: bool
) -> None:
    sources = _sources(text, lang)
    assert ("actor" in _kinds(sources, claim)) is flagged, sources.check(claim).issues


def test_a_leader_named_in_the_evidence_names_his_group() -> None:
    # invented copy: a group's leader by his name, a claim naming him by his group
    sources, quote = _one("Speaking at the White House, the president said Qurayshi had set off a bomb in the house.")
    assert sources.check_against("The Islamic State leader set off a bomb in the house, the president said.", quote) == []
    issues = sources.check_against("The Hezbollah leader set off a bomb in the house, the president said.", quote)
    assert [i.kind for i in issues] == ["actor"], issues
