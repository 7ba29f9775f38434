"""The offline engine reports happenings only: short articles written for these tests, in both languages."""

from __future__ import annotations

import asyncio

import pytest

from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines.base import GroupResult
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.reading.mood import glued_heading, leans_on_speaker, names_a_told_place
from summarizer.schemas import ArticleIn, Event

SATURDAY = "2024-11-30T18:00:00+03:00"
FIGHTING = ("control_change", "strike", "clash", "casualties", "withdrawal", "reinforcement", "displacement")


def run(*texts: str, published_at: str = SATURDAY) -> list[GroupResult]:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    items = [ArticleIn(id=f"t{n}", text=t, published_at=published_at) for n, t in enumerate(texts)]
    groups = group_articles(prepare(items, settings.zone, max_chars=10**6))
    return [asyncio.run(engine.summarize_group(g, ["ar", "en"])) for g in groups]


def events(*texts: str, published_at: str = SATURDAY) -> list[Event]:
    return [e for r in run(*texts, published_at=published_at) for e in r.events]


def quoting(evs: list[Event], words: str) -> list[Event]:
    return [e for e in evs if any(words in ev.quote for ev in e.evidence)]


# ------------------------------------------------------------------ speech, calls, plans, background

SPEECH_EN = (
    "Opposition fighters captured the town of Saraqeb in Idlib province on Saturday, a war monitor said. "
    "The Russian foreign ministry described the attack on Aleppo as a violation of Syrian sovereignty. "
    "Iran's foreign minister accused Israel and the United States of standing behind the offensive in Aleppo."
)
SPEECH_AR = (
    "سيطرت فصائل المعارضة على بلدة سراقب في ريف إدلب السبت، بحسب المرصد السوري لحقوق الإنسان. "
    "ووصفت الخارجية الروسية الهجوم على حلب بأنه انتهاك لسيادة سوريا. "
    "واتهم وزير الخارجية الإيراني إسرائيل والولايات المتحدة بالوقوف وراء الهجوم على حلب."
)


@pytest.mark.parametrize("text", [SPEECH_EN, SPEECH_AR])
def test_speech_is_a_statement_and_the_capture_a_happening(text: str) -> None:
    evs = events(text)
    captures = [e for e in evs if e.event_type == "control_change"]
    assert len(captures) == 1 and captures[0].location and captures[0].location.en == "Saraqeb"
    for words in ("described", "accused", "ووصفت", "واتهم"):
        for e in quoting(evs, words):
            assert e.event_type == "statement", (e.event_type, words)
            assert e.actors or e.attribution


CALL_EN = (
    "President Bashar al-Assad discussed the attacks on Aleppo in a phone call with the Iraqi prime minister "
    "on Saturday. Government troops shelled the town of al-Atarib, killing three civilians, the civil "
    "defence said."
)
CALL_AR = (
    "بحث الرئيس بشار الأسد في اتصال هاتفي مع رئيس الوزراء العراقي الهجمات على حلب السبت. "
    "وقصفت قوات النظام بلدة الأتارب ما أسفر عن مقتل ثلاثة مدنيين، بحسب الدفاع المدني السوري."
)


@pytest.mark.parametrize("text", [CALL_EN, CALL_AR])
def test_a_phone_call_is_no_fighting(text: str) -> None:
    evs = events(text)
    call = quoting(evs, "phone call") + quoting(evs, "اتصال هاتفي")
    assert call and all(e.event_type in ("diplomacy", "statement") for e in call)
    assert all(e.fatalities is None for e in call)
    assert [e.event_type for e in evs if e.event_type in FIGHTING] == ["strike"]


PLANS_EN = (
    "The army will launch a counter-attack to retake Aleppo in the coming days, a military source said. "
    "Kurdish forces warned they would fight back if their areas in Aleppo were attacked. "
    "The defence ministry said it plans to send reinforcements to Hama."
)
PLANS_AR = (
    "قال مصدر عسكري إن الجيش سيشن هجوما مضادا لاستعادة حلب خلال الأيام المقبلة. "
    "وحذرت القوات الكردية من أنها ستدافع عن مناطقها في حلب في حال تعرضت لهجوم. "
    "وأعلنت وزارة الدفاع أنها تعتزم إرسال تعزيزات إلى حماة."
)


@pytest.mark.parametrize("text", [PLANS_EN, PLANS_AR])
def test_predictions_threats_and_plans_are_no_events(text: str) -> None:
    assert [e.event_type for e in events(text) if e.event_type in FIGHTING] == []


BACKGROUND_EN = (
    "Government forces had retaken the whole of Aleppo in 2016 after a long siege. "
    "Since 2016 the city has been held by the army. "
    "Earlier this year, clashes in the Idlib countryside killed dozens of fighters."
)
BACKGROUND_AR = (
    "وكانت قوات النظام قد استعادت السيطرة على كامل مدينة حلب عام 2016 بعد حصار طويل. "
    "ومنذ عام 2016 تخضع المدينة لسيطرة الجيش. "
    "كان قد قتل العشرات في اشتباكات بريف إدلب في وقت سابق من هذا العام."
)


@pytest.mark.parametrize("text", [BACKGROUND_EN, BACKGROUND_AR])
def test_background_is_not_dated_as_new_events(text: str) -> None:
    assert events(text) == []


# ------------------------------------------------------------------ lists and tolls

LIST_EN = "Opposition factions seized Khan Tuman, al-Zirbah and Abu Qansa on Friday, local media reported."
LIST_AR = "وسيطرت فصائل المعارضة الجمعة على بلدات خان طومان والزربة وأبو قنصة، بحسب وسائل إعلام محلية."


@pytest.mark.parametrize("text", [LIST_EN, LIST_AR])
def test_a_list_of_captured_places_is_one_event_per_place(text: str) -> None:
    evs = events(text)
    assert sorted(e.location.en for e in evs if e.location and e.location.en) == [
        "Abu Qansa",
        "Khan Tuman",
        "al-Zirbah",
    ]
    assert {e.event_type for e in evs} == {"control_change"}
    assert {str(e.date) for e in evs} == {"2024-11-29"}
    assert len({e.id for e in evs}) == 3


TOLL_EN = (
    "Since Wednesday, at least 327 people have been killed in the fighting in Idlib and Aleppo, the Syrian "
    "Observatory for Human Rights said on Saturday."
)
TOLL_AR = "ومنذ الأربعاء، قتل 327 شخصا على الأقل في المعارك في إدلب وحلب، بحسب المرصد السوري لحقوق الإنسان."


@pytest.mark.parametrize(("text", "span"), [(TOLL_EN, "Since Wednesday"), (TOLL_AR, "ومنذ الأربعاء")])
def test_a_cumulative_toll_is_dated_on_the_day_it_is_reported(text: str, span: str) -> None:
    [toll] = [e for e in events(text) if e.fatalities is not None]
    assert toll.fatalities == 327
    assert (str(toll.date), toll.date_precision) == ("2024-11-30", "day")
    assert span in toll.evidence[0].quote  # the span said in the text travels with the event


def test_one_happening_is_one_event_inside_an_article() -> None:
    text = (
        "Opposition fighters captured the town of Saraqeb on Saturday, the Syrian Observatory for Human "
        "Rights said. Saraqeb was captured by the opposition after heavy fighting, local media reported. "
        "A strike on Maarat al-Numan killed 12 people on Saturday, the civil defence said. "
        "The civil defence said 12 people were killed in Maarat al-Numan by the strike."
    )
    evs = events(text)
    assert len([e for e in evs if e.event_type == "control_change"]) == 1
    assert len([e for e in evs if e.fatalities == 12]) == 1
    quotes = [ev.quote for e in evs for ev in e.evidence]
    assert len(quotes) == len(set(quotes))


# ------------------------------------------------------------------ off-topic stories

MATCH_EN = (
    "Orontes SC beat Qasioun 2-1 in Hama on Friday with a penalty in stoppage time. Qasioun took the lead "
    "when their striker headed in a corner, and the home side struck the crossbar twice before the "
    "equaliser. The coach said the fans carried the team in the last minutes of the match."
)
MATCH_AR = (
    "فاز فريق العاصي على ضيفه قاسيون بهدفين مقابل هدف في مباراة الدوري على ملعب حماة الجمعة. "
    "وتقدم قاسيون بهدف من رأسية مهاجمه، قبل أن يعادل أصحاب الأرض ويسجلوا هدف الفوز من ركلة جزاء. "
    "وقال مدرب الفريق إن اللاعبين قاتلوا حتى الدقيقة الأخيرة من المباراة."
)
CRISIS_EN = (
    "South Korean lawmakers voted to lift martial law on Wednesday after troops entered the National "
    "Assembly in Seoul. Protesters clashed with police outside parliament, and the opposition called for "
    "the president's impeachment."
)
CRISIS_AR = (
    "صوت نواب البرلمان الكوري الجنوبي على رفع الأحكام العرفية بعد أن دخلت قوات الجيش مبنى البرلمان في سيول. "
    "واشتبك محتجون مع الشرطة أمام البرلمان، فيما طالبت المعارضة بعزل الرئيس."
)


FARES_EN = (
    "A price war among budget airlines flying from Sharjah intensified on Tuesday. The fare battle is also "
    "fuelled by the football season in neighbouring Qatar, and analysts expect a legal battle over slots."
)
FARES_AR = "واشتعلت حرب الأسعار بين تجار التمور في مزاد بريدة أمس الأحد مع انطلاق الموسم."
# a desert rally's stage and a harvest's export season: an "attack" in either is no fighting
RALLY_EN = (
    "Qatari driver Nasser Al-Attiyah launched an attack on the dunes near Ha'il on Tuesday to win the ninth stage of "
    "the Dakar Rally. His co-driver said they had lost time in the first timed section, and the podium in the "
    "overall standings changed again."
)
HARVEST_AR = (
    "تراجعت أسعار زيت الزيتون التونسي مع انطلاق موسم الجني في صفاقس.\n\nويقول فلاح من المهدية إن \"هجوم "
    "المنتجين\" من تركيا واليونان أنهك المزارعين في الأسابيع الأخيرة.\n\nوتتوقع وزارة الفلاحة صابة قياسية، فيما تراجعت "
    "الصادرات نحو إيطاليا."
)

# a satellite's launch: the "most advanced" craft took nothing, and "blasted off" is no blast
SPACE_EN = (
    "Jordan's most advanced weather satellite blasted off from a launch pad in French Guiana on Monday.\n\nEngineers "
    "at the space centre in Amman said it reached orbit an hour later and would send its first images within days."
)
SPACE_AR = (  # the rocket that carried it up ("صاروخاً") was read as a strike
    "أطلقت وكالة الفضاء المصرية صاروخاً يحمل قمراً جديداً لرصد المحاصيل من قاعدة في كازاخستان أمس الخميس.\n\n"
    "وقال رائد فضاء مصري سابق إن المركبة الفضائية بلغت المدار الأرضي بعد ساعة من الإطلاق."
)


@pytest.mark.parametrize(
    "text", [MATCH_EN, MATCH_AR, CRISIS_EN, CRISIS_AR, FARES_EN, FARES_AR, RALLY_EN, HARVEST_AR, SPACE_EN, SPACE_AR]
)
def test_sports_and_foreign_politics_yield_no_events(text: str) -> None:
    assert events(text, published_at="2024-12-04T12:00:00+03:00") == []


def test_words_said_in_parliament_are_no_other_story() -> None:
    # "in parliament" is where a prime minister speaks of the war too; a vote in parliament still weighs another story
    text = (
        "An Israeli strike on a school in Nuseirat killed 30 people on Thursday, the health ministry said.\n\n"
        "Speaking in parliament on Friday, Prime Minister Benjamin Netanyahu called the deaths \"a tragic mistake\" and "
        "promised an inquiry."
    )
    said = [e for e in events(text, published_at="2024-06-07T12:00:00+03:00") if e.event_type == "statement"]
    assert [e.evidence[0].quote[:30] for e in said] == ["Speaking in parliament on Frid"]


# ------------------------------------------------------------------ summaries


def test_a_sentence_leaning_on_its_speaker_is_prefixed_with_that_speaker() -> None:
    text = (
        "The Syrian Observatory for Human Rights said opposition fighters captured the town of Saraqeb on "
        "Saturday after a day of heavy fighting. He added that at least 40 fighters were killed in the "
        "fighting around the town on Saturday. Government aircraft struck the town of Maarat al-Numan, "
        "killing six civilians and wounding ten, the civil defence said on Saturday."
    )
    [r] = run(text)
    assert r.summary.en is not None
    added = [b for b in r.summary.en.bullets if "He added" in b.text]
    assert added and added[0].text.startswith("Syrian Observatory for Human Rights: He added")
    assert added[0].evidence[0].quote.startswith("He added")


def test_a_glued_sub_heading_is_split_off_and_never_a_bullet() -> None:
    text = (
        "تصعيد عسكري حاد وتشهد محافظة إدلب تصعيدا عسكريا حادا، حيث سيطرت الفصائل على بلدة سراقب السبت. "
        "وقتل خمسة مدنيين في قصف على مدينة معرة النعمان السبت، بحسب الدفاع المدني السوري."
    )
    [r] = run(text)
    assert r.summary.ar is not None
    texts = [r.summary.ar.headline, *(b.text for b in r.summary.ar.bullets)]
    assert not any(t.startswith("تصعيد عسكري حاد") for t in texts)
    assert glued_heading("Airport falls The opposition said on Saturday it took the airport.") == (13, 14)
    assert glued_heading("The opposition said on Saturday it took the airport.") is None
    # a sentence whose words only look like its own first words ("حزب الله" and "اللبنانية") has no heading
    assert glued_heading('واتهم حزب الله وحركة أمل في بيان مشترك "مجموعات من حزب القوات اللبنانية" بنشر قناصة') is None


@pytest.mark.parametrize(
    ("sentence", "leans"),
    [
        ("وأضافت أن عدد القتلى ارتفع إلى 327.", True),
        ("كما أعلنت سيطرتها على عدة مناطق.", True),
        ("He added that the road was cut.", True),
        ("The road was cut, it said.", True),
        ("وأضاف المرصد أن الفصائل سيطرت على 16 قرية.", False),
        ("The monitor said the road was cut.", False),
        # a noun in ta marbuta names the speaker; it is no pronoun suffix
        ("وأعلنت وزارة الصحة مقتل خمسة أشخاص في القصف.", False),
        ("وأكدت هيئة الإسعاف نقل الجرحى إلى المستشفى.", False),
        ("وأكدت قيادته أن القوات انسحبت.", True),
    ],
)
def test_which_sentences_lean_on_an_earlier_speaker(sentence: str, leans: bool) -> None:
    assert leans_on_speaker(sentence) is leans


# ------------------------------------------------------------------ two reports joined in one sentence

JOINED = [
    # a withdrawal and its speaker's denial of something else: two events, the denial quoting its own words
    (
        "وقال متحدث باسم الفصائل إن مقاتليه انسحبوا من بلدة مورك شمال حماة يوم السبت، ونفى أن تكون قواته قد "
        "خسرت أي معركة.",
        {"withdrawal": "انسحبوا", "statement": "ونفى أن تكون"},
    ),
    # a capture and the killing that came with it
    (
        "Gunmen stormed the village of Tal Rifaat on Saturday, killing at least 14 people, residents said.",
        {"control_change": "stormed the village", "casualties": "killing at least 14"},
    ),
    # a capture and the flight it caused
    (
        "Residents said the rebels had pushed into the western quarters of Hama on Saturday, and thousands of "
        "families fled towards Salamiyah.",
        {"control_change": "pushed into", "displacement": "thousands of families fled"},
    ),
    # a government's words about a strike ("the strike was ..."), then a summons: a statement and a call
    (
        'وقالت الحكومة العراقية في بيان إن الضربة على بغداد "انتهاك خطير"، واستدعت السفير الإيراني.',
        {"statement": "انتهاك خطير", "diplomacy": "واستدعت السفير"},
    ),
]


@pytest.mark.parametrize(("text", "kinds"), JOINED)
def test_one_sentence_joining_two_reports_gives_one_event_each(text: str, kinds: dict[str, str]) -> None:
    evs = events(text)
    assert sorted(e.event_type for e in evs) == sorted(kinds)
    for e in evs:
        assert any(kinds[e.event_type] in ev.quote for ev in e.evidence), (e.event_type, e.evidence)
        assert all(ev.quote in text for ev in e.evidence)
    quotes = [ev.quote for e in evs for ev in e.evidence]
    assert len(quotes) == len(set(quotes))  # no two events share evidence
    assert all(str(e.date) == "2024-11-30" for e in evs)  # the sentence's day, or the report's


@pytest.mark.parametrize(
    "text",
    [
        # a strike and its toll: one happening, however the sentence joins them
        "Warplanes struck a market in Maarat al-Numan on Saturday, and at least 11 civilians were killed.",
        # the same kind twice: one event for the sentence
        "قتل 4 مدنيين في إدلب، وأصيب 20 آخرون بجروح.",
        # the toll's own day is the strike's
        "يوم الخميس، قتل 9 مدنيين، فيما أصيب 12 آخرون جراء غارة على بلدة سرمين، حسب الدفاع المدني.",
    ],
)
def test_a_happening_and_its_toll_stay_one_event(text: str) -> None:
    assert len(events(text)) == 1


def test_a_toll_reported_on_a_later_day_is_a_report_of_its_own() -> None:
    evs = events(
        "Fierce fighting erupted on Friday between the army and the factions in Morek, and at least 19 people "
        "were killed, a local hospital said on Saturday."
    )
    got = sorted((e.event_type, str(e.date), e.fatalities) for e in evs)
    assert got == [("casualties", "2024-11-30", 19), ("clash", "2024-11-29", None)]
    assert all(e.region == "SY-HM" or e.region == "hama" for e in evs), [e.region for e in evs]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a named body's own position is its statement
        ("ونددت الحكومة اليمنية بالعملية واعتبرتها تصعيداً خطيراً.", ["statement"]),
        ("The U.N. humanitarian chief said he was deeply alarmed by the attack on the camp.", ["statement"]),
        # nobody commenting is no statement; the channel's claim after "لكن" is the strike it reports
        (
            'ولم يصدر تعليق فوري من الجيش على الحادث، لكن إذاعة محلية قالت إن "طائرات مسيرة" قصفت مواقع في '
            "منطقة الصلو جنوب تعز.",
            ["strike"],
        ),
        ("The RSF did not comment on the reports of shelling in Kadugli.", []),
        # the words of one speaker go on after "وإنه": no second report
        (
            'وقال الجيش الإسرائيلي إنه استهدف "مواقع لحزب الله" في بلدة الخيام، وإنه لم يكن على علم بوجود مدنيين '
            "في المبنى.",
            ["strike"],
        ),
        # not yet certain whether someone was killed: no toll happening
        ("The prime minister said it was not yet certain whether the commander had been killed.", []),
        # a strike that killed people at a meeting is a strike, not talks
        ("قتل رئيس بلدية صور وأربعة آخرون في غارة إسرائيلية استهدفت اجتماعاً للمجلس البلدي.", ["strike"]),
    ],
)
def test_positions_comments_and_continued_words(text: str, kinds: list[str]) -> None:
    assert sorted(e.event_type for e in events(text)) == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # what an official body says is its statement, with its speaker
        ('وقال وزير الخارجية الإسرائيلي إن العملية في طولكرم تستهدف "بنية تحتية" للفصائل المسلحة.', ["statement"]),
        ("Kremlin spokesman Dmitry Peskov said on Friday that Moscow was following events closely.", ["statement"]),
        # ... not a prediction, not an unnamed resident's words
        ("Israel's defence minister said the campaign would go on until residents could return.", []),
        # a comma before the words said ends none of them: "ستستمر" is still what is said
        ("من جهته، قال وزير الدفاع الإسرائيلي إن العملية في طولكرم ستستمر حتى عودة السكان إلى الشمال.", []),
        ("Residents said the streets of the old town were empty and shops were closed.", []),
        # a foiled infiltration and destroyed vehicles are fighting
        ("وأعلن الجيش الحكومي أنه أحبط محاولة تسلل للحوثيين في جبهة رحبة فجر اليوم.", ["clash"]),
    ],
)
def test_what_officials_say_and_what_they_report(text: str, kinds: list[str]) -> None:
    evs = events(text)
    assert sorted(e.event_type for e in evs) == kinds
    assert all(e.actors for e in evs if e.event_type == "statement")


NAMED_OFFICIALS_EN = (
    "A car bomb exploded outside a police station in the town of Karak on Sunday, killing four officers. "
    "King Abdullah condemned the bombing and ordered the security services to hunt down those behind it. "
    "Canada's foreign minister Stephane Dion said he was saddened by the loss of a Canadian tourist."
)
NAMED_OFFICIALS_AR = (
    "انفجرت سيارة مفخخة قرب مركز للشرطة في مدينة الكرك صباح الأحد، ما أسفر عن مقتل أربعة من عناصر الأمن. "
    'وقال رئيس الحكومة هاني الملقي في كلمة أمام مجلس النواب إن "يد الغدر" طالت رجال الأمن، '
    'مؤكداً أن الأجهزة الأمنية "قادرة على ملاحقة الفاعلين".'
)


@pytest.mark.parametrize(
    ("text", "words"),
    [(NAMED_OFFICIALS_EN, ("King Abdullah", "Stephane Dion")), (NAMED_OFFICIALS_AR, ("هاني الملقي",))],
)
def test_an_official_the_lexicon_does_not_know_speaks_when_named_by_office_and_name(
    text: str, words: tuple[str, ...]
) -> None:
    """A title and a name before the verb ("Canada's foreign minister Stephane Dion said") are a named
    official's: a statement, though the phrase names no country the lexicon knows; a modal in a clause of
    its own after the Arabic comma ("مؤكداً أن الأجهزة قادرة على ...") makes no prediction of the words."""
    evs = events(text)
    assert [e.event_type for e in evs if e.event_type in FIGHTING] in (["casualties"], ["strike"])
    for w in words:
        said = quoting(evs, w)
        assert [e.event_type for e in said] == ["statement"], w


# ------------------------------------------------------------------ groups the lexicon does not know

GROUPS_AR = (
    "قصفت طائرات حربية بلدة كفرنبل في ريف إدلب الجنوبي صباح السبت، ما أسفر عن مقتل أربعة مدنيين. "
    "واتهمت نقابة الأطباء الأحرار قوات الحكومة بالوقوف وراء القصف، "
    "فيما نفى ناطق باسم لواء الشمال أي علاقة لقواته بالغارة."
)
GROUPS_EN = (
    "Drones struck a market in the town of Saraqeb in Idlib province on Saturday, killing six people, medics said. "
    "The Free Doctors' Union blamed government forces for the attack. "
    "A spokesman for the Joint Operations Room denied any role in the strike."
)


@pytest.mark.parametrize(("text", "words"), [(GROUPS_AR, ("واتهمت", "فيما نفى")), (GROUPS_EN, ("blamed", "denied"))])
def test_a_group_the_lexicon_does_not_know_has_its_statement_beside_the_happening(
    text: str, words: tuple[str, str]
) -> None:
    evs = events(text)
    said = [e for e in evs if e.event_type == "statement"]
    assert len(said) == 2  # two groups, two statements, even in one sentence
    for w in words:
        assert len([e for e in quoting(said, w)]) == 1
    assert not any(e.actors for e in said)  # nobody the lexicon can name
    assert [e.event_type for e in evs if e.event_type != "statement"] in (["strike"], ["casualties"])


@pytest.mark.parametrize(
    "text",
    [
        # the same words in an article that reports no fighting: another story's quarrel
        "The Free Doctors' Union blamed the health ministry for the strike that closed clinics in Idlib on Saturday.",
        "واتهمت نقابة المعلمين الوزارة بالوقوف وراء الإضراب في مدارس إدلب.",
        # people, not a named group, and a group that says nothing about a happening
        "Saraqeb was shelled on Saturday. Residents blamed the army for the shelling.",
        "قصف الجيش بلدة كفرنبل السبت. وأعربت نقابة المحامين عن قلقها.",
    ],
)
def test_no_statement_of_an_unknown_group_outside_a_report_of_fighting_or_about_nothing(text: str) -> None:
    evs = events(text)
    assert not [e for e in evs if e.event_type == "statement" and not e.actors]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # a truce agreed by a body the lexicon does not know, and the gunfire that went on after it
        (
            "اندلعت اشتباكات عنيفة في مخيم عين الحلوة قرب صيدا صباح السبت. "
            "وأعلنت لجنة المصالحة في المخيم التوصل إلى اتفاق لوقف القتال عند الظهر، "
            "غير أن إطلاق نار متقطعاً استمر في أحياء المخيم حتى المساء.",
            {"clash", "diplomacy"},
        ),
        (
            "Fierce clashes broke out in the Ain al-Hilweh camp near Sidon on Saturday morning. "
            "The Camp Reconciliation Committee agreed a ceasefire with both factions at noon.",
            {"clash", "diplomacy"},
        ),
        # "كما" tells one more happening: a wounded policeman and shells on a market are two
        (
            "أصيب شرطي برصاصة عند حاجز في بلدة جاسم بريف درعا صباح السبت، كما سقطت قذيفتان على سوق البلدة.",
            {"casualties", "strike"},
        ),
    ],
)
def test_a_truce_gunfire_and_one_more_happening(text: str, kinds: set[str]) -> None:
    assert {e.event_type for e in events(text)} >= kinds


def test_a_ceasefire_is_no_gunfire() -> None:
    evs = events("قال سكان إن وقف إطلاق النار في مدينة جاسم بريف درعا صمد طوال ليل الجمعة.")
    assert not [e for e in evs if e.event_type == "clash"]


@pytest.mark.parametrize(
    "text",
    [
        "مقتل رئيس بلدية جاسم في ريف درعا بعد ساعات من اتهامه مسلحين بـ\"الترهيب\"\n\n"
        "قُتل رئيس بلدية جاسم أحمد العلي، مساء أمس الجمعة، في بلدة جاسم، بعد ساعات من تصريحات لإذاعة محلية اتهم "
        "فيها مسلحين بترهيب السكان.\n\n"
        "وقتل خمسة عناصر من قوات الأمن في هجوم على حاجز قرب مدينة درعا اليوم السبت.",
        "Jasim mayor killed in Daraa hours after accusing gunmen of intimidation\n\n"
        "The mayor of Jasim, Ahmed al-Ali, was shot dead on Friday evening in the town of Jasim, hours after he told "
        "a local radio station that gunmen were intimidating residents.\n\n"
        "Five members of the security forces were killed in an attack on a checkpoint near the city of Daraa on "
        "Saturday.",
    ],
)
def test_an_undated_title_is_the_same_happening_as_its_dated_lead(text: str) -> None:
    evs = events(text)
    mayor = [e for e in evs if e.fatalities == 1]
    assert len(mayor) == 1  # not one event for the title (today) and one for the lead (Friday)
    assert mayor[0].date.isoformat() == "2024-11-29"
    assert [e.fatalities for e in evs if e.date.isoformat() == "2024-11-30"] == [5]



@pytest.mark.parametrize(
    "text",
    [
        "حصيلة تفجير سوق الهال في جرابلس ترتفع إلى 23 قتيلاً..\n\n"
        "ارتفع عدد قتلى التفجير بسيارة مفخخة الذي ضرب سوق الهال في مدينة جرابلس مساء أمس الجمعة إلى 23 قتيلاً، "
        "بحسب مصادر طبية.",
        "حصيلة تفجير الباب ترتفع إلى 23 قتيلاً..\n\n"
        "ارتفعت حصيلة التفجير الذي ضرب سوق الهال في مدينة الباب مساء أمس الجمعة إلى 23 قتيلاً، بحسب الدفاع "
        "المدني.",
    ],
)
def test_a_raised_toll_in_the_title_takes_the_kind_and_day_the_lead_tells(text: str) -> None:
    # the title, undated, tells the raised toll; the lead tells what happened and when: one bombing, on Friday
    evs = [e for e in events(text) if e.fatalities is not None]
    assert [(e.event_type, e.date.isoformat(), e.fatalities) for e in evs] == [("strike", "2024-11-29", 23)]
    assert len(evs[0].evidence) == 2


@pytest.mark.parametrize(
    "text",
    [
        # a warning or a threat about what is to come: no happening, no statement event
        "Jets struck the town of Tal Abyad on Saturday. Ankara has warned that it will not accept a militia on its border.",
        "قصفت طائرات حربية بلدة تل أبيض السبت. وحذرت أنقرة من أنها لن تقبل بوجود ميليشيا على حدودها.",
        "A car bomb killed 12 people in Reyhanli on Saturday. The prime minister warned that those behind the attack "
        "would pay a heavy price.",
        # refugees a town is home to are no flight
        "A car bomb killed 12 people in Reyhanli on Saturday. Reyhanli, home to thousands of Syrian refugees, lies "
        "across the border from Idlib province.",
    ],
)
def test_warnings_and_a_town_s_refugees_are_no_events(text: str) -> None:
    kinds = [e.event_type for e in events(text)]
    assert "statement" not in kinds and "displacement" not in kinds, kinds
    assert kinds  # the happening itself is still reported


@pytest.mark.parametrize(
    "text",
    [
        "An Israeli drone fired on a group of men in the village of Tammun on Saturday, medics said. The military said "
        "an aircraft struck an armed cell in the Tammun area. The health ministry later raised the toll from the "
        "Tammun strike to 10 dead.",
        "أطلقت طائرة مسيّرة صواريخ على مجموعة من الشبان في بلدة طمون السبت. وارتفعت حصيلة الغارة على طمون إلى 10 قتلى.",
    ],
)
def test_a_toll_raised_for_a_strike_told_before_is_that_strike(text: str) -> None:
    evs = [e for e in events(text) if e.event_type in ("strike", "casualties")]
    assert len(evs) == 1 and evs[0].fatalities == 10, [(e.event_type, e.fatalities) for e in evs]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli forces raided the Nur Shams camp on Saturday.\n\n"
        "An Israeli drone fired on a group of men in the village of Tammun on Saturday. Paramedics took seven bodies "
        "and three wounded men from the scene.",
        "اقتحمت القوات الإسرائيلية مخيم نور شمس السبت.\n\n"
        "وأطلقت طائرة مسيّرة صاروخاً على مجموعة من الشبان في بلدة طمون السبت. وقُتل سبعة شبان وأصيب ثلاثة في المكان.",
    ],
)
def test_a_toll_at_the_scene_is_the_toll_of_the_happening_its_paragraph_told(text: str) -> None:
    evs = [e for e in events(text) if e.fatalities == 7]
    assert len(evs) == 1 and evs[0].location is not None and evs[0].location.en == "Tammun"
    assert len({ev.quote for ev in evs[0].evidence}) >= 2


def test_a_happening_told_the_next_day_is_dated_after_the_day_told_before() -> None:
    text = (
        "اعتقلت قوات سوريا الديمقراطية الأحد الماضي قائد مجلس دير الزور العسكري بعد استدعائه إلى اجتماع في الحسكة. "
        "وفي اليوم التالي اندلعت المواجهات في بلدة ذيبان بريف دير الزور، قبل أن تعلن قسد يوم الأربعاء عزله من منصبه."
    )
    evs = events(text, published_at="2023-09-03T10:00:00+03:00")
    [clash] = [e for e in evs if e.event_type == "clash"]
    assert clash.date.isoformat() == "2023-08-28"  # the Monday after Sunday's arrest, not Wednesday
    [arrest] = [e for e in evs if e.evidence[0].quote.startswith("اعتقلت")]
    assert (arrest.event_type, arrest.date.isoformat()) == ("other", "2023-08-27")  # summoned to a meeting: an arrest
    assert [e.date.isoformat() for e in evs if e.event_type == "statement"] == ["2023-08-30"]


def test_looting_is_a_happening_only_amid_fighting() -> None:
    fighting = (
        "RSF fighters seized the city of Wad Madani in Gezira state on Monday after the army withdrew. "
        "Residents said fighters had looted shops and a pharmaceutical warehouse in Wad Madani on Tuesday."
    )
    assert [e.event_type for e in quoting(events(fighting, published_at="2023-12-20T10:00:00+02:00"), "looted")] == ["other"]
    crime = "Thieves looted a jewellery shop in Amman on Tuesday, police said, and two suspects were arrested."
    assert events(crime, published_at="2023-12-20T10:00:00+02:00") == []


@pytest.mark.parametrize(
    "text",
    [
        "Six people were killed and 32 wounded in Beirut on Thursday when gunmen opened fire on a protest march. "
        "Witnesses said snipers fired from rooftops, and armed men from both sides then traded fire for several hours.",
        "قتل ستة أشخاص وأصيب 32 آخرون في بيروت اليوم الخميس عندما تحولت تظاهرة إلى اشتباكات مسلحة. "
        "وقال شهود إن قناصة أطلقوا النار من أسطح المباني، ثم تبادل مسلحون من الطرفين إطلاق النار لساعات.",
    ],
)
def test_a_toll_told_with_its_fighting_and_the_fighting_told_next_are_one_happening(text: str) -> None:
    evs = [e for e in events(text, published_at="2021-10-14T20:00:00+03:00") if e.event_type != "statement"]
    assert [(e.fatalities, e.injured) for e in evs] == [(6, 32)], [(e.event_type, e.evidence[0].quote[:40]) for e in evs]


def test_a_plot_planned_in_advance_is_no_plan_to_come() -> None:
    # "planned in advance" describes what was done; "planned to" and "the planned offensive" are still plans
    text = (
        "Rockets struck the eastern Ghouta suburbs of Zamalka and Ein Tarma on Wednesday, killing hundreds. "
        "Russia's foreign ministry said the reports looked like a provocation planned in advance by the rebels."
    )
    evs = events(text, published_at="2013-08-22T12:00:00+03:00")
    assert [e.actors for e in evs if e.event_type == "statement"] == [["Russian foreign ministry"]]
    later = "Russia's foreign ministry said the army planned to shell the suburbs of Damascus on Friday."
    assert [e for e in events(later, published_at="2013-08-22T12:00:00+03:00") if e.event_type != "statement"] == []


@pytest.mark.parametrize(
    "text",
    [
        "A bomb exploded outside a church in the Abbasiya district of Cairo on Friday, killing two people. "
        "On the same day, a policeman was killed by a roadside bomb near a checkpoint in Giza.",
        "انفجرت قنبلة أمام كنيسة في حي العباسية بالقاهرة يوم الجمعة، ما أسفر عن مقتل شخصين. "
        "وفي اليوم نفسه، قُتل شرطي بانفجار عبوة ناسفة قرب نقطة أمنية في الجيزة.",
    ],
)
def test_a_happening_told_on_the_same_day_is_of_the_day_told_before(text: str) -> None:
    evs = events(text, published_at="2016-12-11T12:00:00+02:00")
    assert {e.date.isoformat() for e in evs if e.event_type != "statement"} == {"2016-12-09"}


def test_a_deputy_prime_minister_calling_the_bombing_heinous_is_a_statement() -> None:
    # 'wrote on Twitter that it was a "heinous attack"': the attack is named and called, no second attack
    text = (
        "A suicide bomber killed 51 people at a wedding in Gaziantep on Saturday. "
        'Deputy Prime Minister Mehmet Simsek wrote on Twitter that it was a "heinous attack" aimed at dividing the country.'
    )
    evs = events(text, published_at="2016-08-21T12:00:00+03:00")
    assert sorted(e.event_type for e in evs) == ["statement", "strike"], [(e.event_type, e.evidence[0].quote[:40]) for e in evs]


def test_a_title_telling_a_partys_claim_is_the_bodys_report_of_it() -> None:
    # an Arabic headline ending on two dots is still the title; its claimed killing is the one the body reports
    text = (
        '"داعش" يزعم إعدام 1700 من طلاب قاعدة سبايكر قرب تكريت..\n\n'
        'نشر تنظيم "الدولة الإسلامية" مساء السبت صوراً قال إنها توثق إعدام 1700 من طلاب القوة الجوية قرب '
        "قاعدة سبايكر شمالي تكريت."
    )
    evs = events(text, published_at="2014-06-16T08:00:00+03:00")
    assert [(e.event_type, e.fatalities) for e in evs] == [("casualties", 1700)]
    assert len(evs[0].evidence) >= 2  # the title is quoted by it


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "اندلعت اشتباكات بين الجيش اللبناني ومسلحين في طرابلس شمال لبنان أمس. "
            "واندلعت اشتباكات عنيفة في شوارع العاصمة بعد الظهر بين مسلحين من حزب الله وأنصار تيار المستقبل.",
            "شوارع العاصمة",
        ),
        (
            "Clashes broke out between the Lebanese army and gunmen in Tripoli in northern Lebanon on Friday. "
            "Hezbollah gunmen clashed with Future Movement supporters in the streets of the capital in the afternoon.",
            "streets of the capital",
        ),
    ],
)
def test_the_capital_named_by_the_word_alone_is_its_countrys(text: str, words: str) -> None:
    evs = events(text, published_at="2008-05-10T12:00:00+03:00")
    [there] = [e for e in evs if words in e.evidence[0].quote]
    assert there.region == "beirut", [(e.event_type, e.region, e.evidence[0].quote[:40]) for e in evs]


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        ("وكانت المسيرات قد أصابت أمس مستودعات الوقود التابعة للميناء.", True),  # ل before the article: لل
        ("Drones hit fuel depots at the port on Monday.", True),
        ("وقصفت الطائرات مخازن المدينة.", True),
        ("Drones hit fuel depots at Port Sudan on Monday.", False),  # a name, not a place told before
    ],
)
def test_a_place_told_before_is_named_by_its_common_noun(sentence: str, told: bool) -> None:
    assert names_a_told_place(sentence) is told


def test_a_strike_on_the_port_told_the_day_before_is_a_happening_of_the_story() -> None:
    text = (
        "ضربت مسيرات مطار بورتسودان وفندقاً قرب القصر الرئاسي صباح اليوم الثلاثاء لليوم الثالث على التوالي. "
        "وكانت المسيرات قد أصابت أمس الاثنين مستودعات الوقود التابعة للميناء، ما أدى إلى اندلاع حريق ضخم."
    )
    evs = events(text, published_at="2025-05-06T12:00:00+03:00")
    assert "2025-05-05" in {e.date.isoformat() for e in evs if e.event_type == "strike"}
