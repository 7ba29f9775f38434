"""Places (checking/placing.py): where it happened, sides, and places referred back to."""

from __future__ import annotations

import pytest

from summarizer.articles import Article
from summarizer.checking.placing import TOLD_BACK, names_a_happening
from summarizer.checking.verify import Sources
from summarizer.schemas import Evidence
from tests.checking.support import ARTICLES, _article, _kinds, _one, _sources


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The army announced a temporary withdrawal from Aleppo.", True),
        ("The army announced a temporary withdrawal from Idlib.", False),  # Idlib is only where it fought
        ("The factions said they took Aleppo city and the whole of Idlib province.", True),
        ("The factions said they took Idlib city and the whole of Aleppo province.", False),
    ],
)
def test_a_place_keeps_its_role(claim: str, supported: bool) -> None:
    moment = ARTICLES["sun"].published_at
    text = (
        "وأعلن الجيش السوري انسحابه مؤقتا من حلب استعدادا لهجوم مضاد، مشيرا إلى أنه شارك في اشتباكات بإدلب. "
        "وأعلنت الفصائل السيطرة على أجزاء واسعة من مدينة حلب وكامل محافظة إدلب."
    )
    sources = Sources([Article("t", text, moment, False, moment.date(), "ar")])
    assert sources.check(claim).supported is supported, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("Thousands fled towards the Zamzam camp south of El Fasher", []),  # "the city" is El Fasher
        ("Thousands fled towards the Zamzam camp south of Nyala", ["place"]),  # another state's city
        ("Thousands fled towards the Kalma camp south of El Fasher", ["place"]),  # another camp
    ],
)
def test_a_city_its_evidence_calls_the_city(claim: str, kinds: list[str]) -> None:
    sources, quote = _one("Residents said thousands fled towards the Zamzam camp south of the city.")
    assert [i.kind for i in sources.check_against(claim, quote)] == kinds


def test_a_claim_keeps_no_dateline_place() -> None:
    text = "Israeli strikes on Beit Lahia in the northern Gaza Strip killed at least 70 people, officials said."
    sources, quote = _one(text)
    lead = "GAZA, Oct 20 (Meridian) - " + text
    assert sources.check_against(lead, quote) == []
    [issue] = sources.check_against("Israeli strikes on Rafah killed at least 70 people, officials said.", quote)
    assert issue.kind == "place"


@pytest.mark.parametrize(
    "dateline", ["MUKALLA, Yemen (Harbour Desk) — ", "BAGHDAD (Harbour Desk) — ", "عدن (Harbour Desk) - "]
)
def test_a_lead_quoted_with_a_dateline_naming_its_own_outlet_keeps_no_dateline_place(dateline: str) -> None:
    text = "Militants stormed a police post near Zinjibar, killing four officers, a security source said."
    moment = ARTICLES["sun"].published_at
    article = Article("x", dateline + text, moment, False, moment.date(), "en", source="Harbour Desk")
    sources, quote = Sources([article]), [Evidence(article_id="x", quote=dateline + text)]
    assert sources.check_against(dateline + text, quote) == []
    [issue] = sources.check_against("Militants stormed a police post near Mukalla, killing four officers.", quote)
    assert issue.kind == "place"


def test_a_crossing_named_after_its_town_is_another_place() -> None:
    sources = _sources("قتل خمسة أشخاص في قصف على منازل في بلدة بيت حانون.")
    assert _kinds(sources, "Five people were killed in shelling of homes in Beit Hanoun.") == []
    assert "place" in _kinds(sources, "Five people were killed in shelling of homes at the Beit Hanoun crossing.")


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # "غرب المدينة" after a sentence naming the city: the side is the city's, though "Taiz" in English
        # is read as its governorate
        ("Houthi shelling of army positions on the Dabab front west of Taiz wounded four soldiers.", []),
        ("Houthi shelling of army positions on the Dabab front east of Taiz wounded four soldiers.", ["place"]),
        ("قصف الحوثيون مواقع للجيش في جبهة الضباب غرب تعز، ما أدى إلى إصابة أربعة جنود.", []),
        ("قصف الحوثيون مواقع للجيش في جبهة الضباب جنوب تعز، ما أدى إلى إصابة أربعة جنود.", ["place"]),
    ],
)
def test_the_side_of_a_city_named_like_its_governorate(claim: str, kinds: list[str]) -> None:
    sources = _sources(
        "سقطت قذيفة على سوق في حي الروضة شمالي مدينة تعز مساء السبت من دون إصابات. "
        "وقالت مصادر في القوات الحكومية إن الحوثيين قصفوا مواقع للجيش في جبهة الضباب غرب المدينة، ما أدى إلى إصابة أربعة جنود."
    )
    assert set(_kinds(sources, claim)) == set(kinds), sources.check(claim)  # a wrong side may be told twice


@pytest.mark.parametrize(
    ("lang", "claim", "kinds"),
    [
        # "the hospital" with no place stands where the lead says, when the lead names one place
        ("en", "The Israeli army denied firing at the hospital in Tubas.", []),
        ("en", "The army denied that its soldiers fired at the Tubas hospital.", []),
        ("en", "The Israeli army denied firing at the hospital in Qalqilya.", ["place"]),
        ("ar", "نفى الجيش الإسرائيلي إطلاق النار على المستشفى في طوباس.", []),
        ("ar", "نفى الجيش الإسرائيلي إطلاق النار على المستشفى في قلقيلية.", ["place"]),
    ],
)
def test_a_site_said_without_its_place_stands_where_the_lead_says(lang: str, claim: str, kinds: list[str]) -> None:
    sources = (
        _sources(
            "Israeli troops raided Tubas before dawn on Tuesday, residents said. "
            "Bulldozers tore up several roads and water pipes, and shops stayed shut until the afternoon. "
            "Witnesses said soldiers fired tear gas near the main hospital. The army denied firing at the hospital.",
            "en",
        )
        if lang == "en"
        else _sources(
            "اقتحمت قوات إسرائيلية مدينة طوباس فجر الثلاثاء، بحسب سكان. "
            "وجرفت الآليات عددا من الشوارع وشبكات المياه، وبقيت المحال مغلقة حتى العصر. "
            "وقال شهود إن الجنود أطلقوا الغاز المسيل للدموع قرب المستشفى الحكومي. ونفى الجيش الإسرائيلي إطلاق النار على المستشفى."
        )
    )
    assert _kinds(sources, claim) == kinds, sources.check(claim)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("A young man was shot dead by settlers in Burin near Huwara.", []),  # Huwara only locates, as told before
        ("A young man was shot dead by settlers in Burin near Halhul.", ["place"]),  # named nowhere in the article
    ],
)
def test_a_town_that_only_locates_after_near_may_stand_anywhere_in_the_article(claim: str, kinds: list[str]) -> None:
    quote = "A young man was shot dead by settlers in the village of Burin on Sunday, medics said."
    sources, evidence = _article(f"Settlers attacked Huwara overnight, residents said. {quote}", quote)
    assert [i.kind for i in sources.check_against(claim, evidence)] == kinds


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("About 50,000 people have left the Hajin pocket since January, most of them for al-Hol camp.", []),
        ("About 50,000 people have left the Dhiban pocket since January, most of them for al-Hol camp.", ["place"]),
    ],
)
def test_evidence_naming_only_the_claims_places_may_refer_back_to_its_lead(claim: str, kinds: list[str]) -> None:
    quote = "About 50,000 people have left the pocket since January, most of them for al-Hol camp, aid groups said."
    sources, evidence = _article(f"The SDF said on Saturday it had taken the last streets of Hajin. {quote}", quote)
    assert [i.kind for i in sources.check_against(claim, evidence)] == kinds


def test_evidence_that_names_no_place_stands_where_its_article_s_lead_is() -> None:
    sources = _sources(
        "MOSUL, Iraq (Tigris Wire) - Protesters burned tyres outside the provincial council in Mosul on Friday. "
        "\"We have no water, no power and no jobs,\" said one protester.",
        "en",
    )
    assert "place" not in _kinds(sources, "Protesters in Mosul said they had no water, no power and no jobs.")
    assert "place" in _kinds(sources, "Protesters in Kirkuk said they had no water, no power and no jobs.")


DESERT_TOWN = (
    "القوات الحكومية تستعيد البلدة الصحراوية بعد أسابيع من القتال\n\n"
    "حمص – وكالة البادية\n\n"
    "قال الجيش اليوم إنه استعاد مدينة تدمر في ريف حمص الشرقي بعد معارك استمرت ثلاثة أسابيع.\n\n"
    "وذكر مرصد محلي أن مسلحي التنظيم انسحبوا من المدينة باتجاه بلدة السخنة ثم نحو دير الزور."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # "من المدينة" beside places the claim names refers back to the lead's town, though a dateline line
        # ("حمص – وكالة البادية") comes before the lead
        ("The fighters pulled out of Palmyra towards al-Sukhnah and then Deir ez-Zor, a monitor said.", False),
        ("The fighters pulled out of Rastan towards al-Sukhnah and then Deir ez-Zor, a monitor said.", True),
    ],
)
def test_the_city_beside_named_places_is_the_leads(claim: str, flagged: bool) -> None:
    sources = _sources(DESERT_TOWN)
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # "الجنينة" is a place only in context; once the article names the city, its bare name is the city
        ("Activists fear Geneina could become the scene of ethnic cleansing if nobody intervenes.", False),
        ("Activists fear Nyala could become the scene of ethnic cleansing if nobody intervenes.", True),
    ],
)
def test_a_name_that_needs_context_in_an_article_that_gave_it(claim: str, flagged: bool) -> None:
    text = (
        "قُتل والي الولاية مساء أمس في مدينة الجنينة بعد ساعات من تصريحات تلفزيونية.\n\n"
        "وعبر آلاف السكان الحدود خلال اليومين الماضيين.\n\n"
        "ويشهد الإقليم موجة عنف قبلي تغذيها الحرب بين الجيش والدعم السريع في الخرطوم.\n\n"
        "ويخشى ناشطون من أن تتحول الجنينة إلى ساحة تطهير عرقي إذا لم يتدخل أحد."
    )
    sources = _sources(text)
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # invented: the evidence goes on from the sentence before, and Baghdad is only where an officer came from
        ("قُتل 17 متظاهراً على الأقل برصاص قوات الأمن قرب جسر النصر في الكوت يوم الجمعة.", False),
        ("قُتل 17 متظاهراً على الأقل برصاص قوات الأمن قرب جسر النصر في البصرة يوم الجمعة.", True),
    ],
)
def test_where_someone_was_sent_from_is_not_where_it_happened(claim: str, flagged: bool) -> None:
    text = (
        "منذ بدأت الاحتجاجات في ساحة التحرير مطلع الشهر، لم تتوقف المسيرات في المحافظات. "
        "غير أن ما شهدته الكوت يوم الجمعة كان الأعنف حتى الآن. "
        "فقد سقط ما لا يقل عن 17 قتيلاً برصاص قوات الأمن قرب جسر النصر، بعد ساعات من وصول ضابط كبير أُرسل من بغداد."
    )
    quote = "فقد سقط ما لا يقل عن 17 قتيلاً برصاص قوات الأمن قرب جسر النصر، بعد ساعات من وصول ضابط كبير أُرسل من بغداد."
    sources, evidence = _article(text, quote)
    kinds = [i.kind for i in sources.check_against(claim, evidence)]
    assert ("place" in kinds) is flagged, kinds


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # invented: the article's lead places Burj al-Barajneh in Beirut's southern suburbs; the evidence says Beirut
        ("قال الجيش الإسرائيلي إنه نفذ ضربة على برج البراجنة استهدفت قيادياً في الحزب.", False),
        ("قال الجيش الإسرائيلي إنه نفذ ضربة على الغبيري استهدفت قيادياً في الحزب.", True),  # not in the article
        # a town the article places in a governorate is not where evidence naming that governorate happened
        ("قال الجيش الإسرائيلي إنه نفذ ضربة على بنت جبيل استهدفت قيادياً في الحزب.", True),
    ],
)
def test_a_place_its_article_puts_inside_the_evidences_place(claim: str, flagged: bool) -> None:
    sources = _sources(
        "استهدفت غارة مساء الأحد مبنى في منطقة برج البراجنة بالضاحية الجنوبية لبيروت. "
        "وكانت غارة سابقة قد أصابت بلدة بنت جبيل في محافظة الجنوب. "
        "وقال الجيش الإسرائيلي إنه نفذ ضربة في بيروت استهدفت قيادياً في الحزب."
    )
    assert ("place" in _kinds(sources, claim)) is flagged, sources.check(claim)


def test_a_camp_or_school_named_again_by_its_kind_is_the_one_the_article_named() -> None:
    ar = _sources(
        "الفاشر - قُتل تسعة مدنيين أمس الأحد جراء قصف مدفعي طال مخيم أبو شوك للنازحين شمال مدينة الفاشر، عاصمة "
        "ولاية شمال دارفور، بحسب متطوعين. ودفع القصف مئات الأسر إلى مغادرة أطراف المخيم نحو وسط الفاشر. "
        "من جهته، أدان حاكم إقليم دارفور في تدوينة مساء الأحد ما وصفه باستهداف النازحين. "
        "في المقابل، نفت قوات الدعم السريع استهداف المدنيين، واتهمت الجيش باتخاذ محيط المخيم منصة لإطلاق المدفعية."
    )
    said = "اتهمت قوات الدعم السريع الجيش باستخدام محيط مخيم أبو شوك لإطلاق قذائفه، نافية استهداف المدنيين."
    assert _kinds(ar, said) == []
    # a camp the article never names is still another place
    assert "place" in _kinds(ar, said.replace("أبو شوك", "زمزم"))


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # an area is named by a place in one of its regions: Azzun lies in Qalqilya, in the West Bank
        ("Settlers burned cars in the West Bank village of Azzun on Tuesday night.", False),
        ("Settlers burned cars in the Gaza Strip village of Azzun on Tuesday night.", True),
    ],
)
def test_an_area_is_named_by_a_place_it_holds(claim: str, flagged: bool) -> None:
    sources = _sources("Settlers burned cars in the village of Azzun, east of Qalqilya, on Tuesday night, residents said.", "en")
    assert ("place" in _kinds(sources, claim)) is flagged, sources.check(claim).issues


def test_a_place_named_inside_another_s_name_is_named() -> None:
    sources = _sources("قتل 27 شخصاً في انفجار سيارة مفخخة في الضاحية الجنوبية لبيروت.")
    assert _kinds(sources, "A car bomb killed 27 people in Beirut.") == []
    assert "place" in _kinds(sources, "A car bomb killed 27 people in Sidon.")


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("The Islamic State affiliate in Sinai claimed the attack.", []),
        ("The Islamic State affiliate in Derna claimed the attack.", ["place"]),
    ],
)
def test_a_place_named_in_a_party_name_is_named(claim: str, kinds: list[str]) -> None:
    sources = _sources("وتبنى تنظيم ولاية سيناء الهجوم على النقطة العسكرية في بيان نشره على الإنترنت.")
    assert _kinds(sources, claim) == kinds


SURUC = (
    "A suicide bomber killed 32 people at a cultural centre in the border town of Suruç on Monday, officials said.\n\n"
    "The young activists had gathered to plan a trip to help rebuild Kobani across the border in Syria.\n\n"
    "Police in Gaziantep detained two men on Tuesday.\n\n"
    "Prime Minister Ahmet Davutoglu said in Ankara on Tuesday that Islamic State was probably behind the attack.\n\n"
    "In Yemen, Israeli jets struck the port of Hodeidah on Saturday, setting fuel tanks ablaze.\n\n"
    "Britain's foreign secretary spoke in London on Sunday.\n\n"
    "The National Security Council said in Washington that the United States had not been involved in "
    "Saturday's strikes."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # a place that names the happening its evidence refers back to ("the attack") is the article's
        ("Davutoglu said Islamic State was probably responsible for the Suruç bombing.", []),
        ("The National Security Council said Washington had not taken part in the strikes on Hodeidah.", []),
        # a place the article never names stays unnamed
        ("Davutoglu said Islamic State was probably responsible for the Diyarbakir bombing.", ["place"]),
        # and a place that says where something else was is not named by a happening told back
        ("Davutoglu said in Hodeidah that Islamic State was probably behind the attack.", ["place"]),
    ],
)
def test_a_place_that_names_the_happening_told_back_is_named(claim: str, kinds: list[str]) -> None:
    assert _kinds(_sources(SURUC, "en"), claim) == kinds


@pytest.mark.parametrize(
    ("claim", "place", "names"),
    [
        ("Islamic State was behind the Suruç bombing.", "Suruç", True),
        ("The Suruç death toll rose to 32.", "Suruç", True),
        ("Washington took no part in the Israeli strikes on Hodeidah.", "Hodeidah", True),
        ("أعلن التنظيم مسؤوليته عن تفجير سروج.", "سروج", True),
        ("لم تعلن أي جهة مسؤوليتها عن الهجوم على بلدة سروج.", "بلدة سروج", True),  # the noun with its article
        ("NATO condemned the shelling of Akcakale.", "Akcakale", True),
        ("An officer was killed during the Nuseirat rescue operation.", "Nuseirat", True),
        ("The prime minister spoke in Ankara on Tuesday.", "Ankara", False),
    ],
)
def test_a_place_names_a_happening_by_its_noun(claim: str, place: str, names: bool) -> None:
    start = claim.index(place)
    assert names_a_happening(claim, start, start + len(place)) is names


def test_evidence_refers_back_to_a_happening_told() -> None:
    assert TOLD_BACK.search("the council said it had not been involved in saturday's strikes")
    assert TOLD_BACK.search("قال إن التنظيم يقف وراء الهجوم")
    assert TOLD_BACK.search("nato envoys condemned the shelling")
    assert not TOLD_BACK.search("the council met in washington on sunday")
