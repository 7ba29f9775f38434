"""Events whose sentence names no place are placed from their context, and cite the sentence that places them."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from summarizer.articles import Article, prepare
from summarizer.checking.grounding import event_fact_problems
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import ArticleGroup, group_articles
from summarizer.schemas import ArticleIn, Event

# invented wire copy (no real report's sentences)
GAZA = """غارة على منزل في حي الشجاعية

غزة، 4 آذار (وكالة المتوسط) - قتل تسعة فلسطينيين على الأقل اليوم الاثنين في غارة جوية إسرائيلية على منزل في حي الشجاعية شرق مدينة غزة، وفق الدفاع المدني.

وقال الجيش الإسرائيلي إنه استهدف "مسلحين" في المبنى، ونفى أن تكون الغارة قد أصابت مدنيين.

وفي مخيم النصيرات وسط القطاع، أصيب خمسة أشخاص في قصف مدفعي مساء أمس الأحد.

وقالت مصادر طبية إن بين المصابين طفلين.

ودعا مسؤول أممي في جنيف إلى وقف فوري لإطلاق النار.
"""

SUDAN = """Shelling hits market in El Fasher

PORT SUDAN, May 6 (Nile Desk) - Shelling hit the main market of El Fasher, the capital of North Darfur, on Monday, killing at least eleven people, local activists said.

The Rapid Support Forces denied shelling the market.

Many in Port Sudan fear the siege will reach them too.

A day earlier, drones struck fuel depots in the city, the army said.
"""


def _run(text: str, language: str, published: str) -> tuple[list[Event], dict[str, Article]]:
    settings = load_settings()
    item = ArticleIn(
        id="a1",
        text=text,
        language=language,
        published_at=published,
        source="Wire",
        title=None,  # type: ignore[arg-type]
    )
    articles = prepare([item], settings.zone, max_chars=10**6)
    groups: list[ArticleGroup] = group_articles(articles)
    engine = ExtractiveEngine(settings)
    events = [e for g in groups for e in asyncio.run(engine.summarize_group(g, ["ar", "en"])).events]
    return events, {a.id: a for a in articles}


def _by_quote(events: list[Event], words: str) -> Event:
    hits = [e for e in events if words in e.evidence[0].quote]
    assert len(hits) == 1, [e.evidence[0].quote for e in events]
    return hits[0]


def test_a_denial_naming_no_place_is_placed_by_the_lead_and_cites_it() -> None:
    events, articles = _run(GAZA, "ar", "2024-03-04T12:00:00+02:00")
    # the army's own account of the strike and its denial are one statement of the army's
    denial = next(e for e in events if any("ونفى أن تكون الغارة" in ev.quote for ev in e.evidence))
    assert denial.event_type == "statement"
    assert denial.region == "gaza"
    assert any("حي الشجاعية" in ev.quote for ev in denial.evidence[1:])
    problems = event_fact_problems(
        "events[0]",
        day=denial.date,
        precision=denial.date_precision,
        region=denial.region,
        location=denial.location,
        fatalities=denial.fatalities,
        injured=denial.injured,
        evidence=denial.evidence,
        articles=articles,
    )
    assert not [p for p in problems if ".region" in p], problems


def test_a_camp_places_its_paragraph_not_the_lead_and_an_official_abroad_his_seat() -> None:
    events, _ = _run(GAZA, "ar", "2024-03-04T12:00:00+02:00")
    shelling = _by_quote(events, "مخيم النصيرات")
    assert shelling.region == "deir-al-balah"
    # "ودعا مسؤول أممي في جنيف": where the speaker was (evals/conventions.md), not Gaza
    assert _by_quote(events, "في جنيف").region == "geneva-canton"


def test_the_outlets_city_and_a_sentence_reporting_nothing_do_not_place_a_happening() -> None:
    events, _ = _run(SUDAN, "en", "2024-05-06T18:00:00+00:00")
    denial = _by_quote(events, "denied shelling the market")
    assert denial.region == "north-darfur"
    drones = _by_quote(events, "drones struck fuel depots")
    assert (
        drones.region == "north-darfur"
    )  # not Port Sudan: the fear of residents there reports no happening (a protest would: 'other'), the dateline is the desk's
    assert all(e.region != "red-sea-sudan" for e in events)


def test_a_placed_denial_disputes_only_what_the_sentence_that_places_it_reports() -> None:
    events, _ = _run(SUDAN, "en", "2024-05-06T18:00:00+00:00")
    assert _by_quote(events, "Shelling hit the main market").status == "disputed"
    assert _by_quote(events, "drones struck fuel depots").status == "reported"


def test_every_served_region_is_named_by_the_events_own_quotes() -> None:
    for text, lang, published in (
        (GAZA, "ar", "2024-03-04T12:00:00+02:00"),
        (SUDAN, "en", "2024-05-06T18:00:00+00:00"),
    ):
        events, articles = _run(text, lang, published)
        assert events
        for e in events:
            problems = event_fact_problems(
                "e",
                day=e.date,
                precision=e.date_precision,
                region=e.region,
                location=e.location,
                fatalities=e.fatalities,
                injured=e.injured,
                evidence=e.evidence,
                articles=articles,
            )
            assert not [p for p in problems if ".region" in p], (e.evidence[0].quote, problems)


def test_parallel_groups_do_not_share_state() -> None:
    """Groups run in worker threads at once: each run keeps its own sentences and events."""
    from concurrent.futures import ThreadPoolExecutor

    settings = load_settings()
    engine = ExtractiveEngine(settings)
    groups = []
    for n, (text, lang, published) in enumerate(
        ((GAZA, "ar", "2024-03-04T12:00:00+02:00"), (SUDAN, "en", "2024-05-06T18:00:00+00:00"))
    ):
        item = ArticleIn(id=f"a{n}", text=text, language=lang, published_at=published, source="Wire")  # type: ignore[arg-type]
        groups += group_articles(prepare([item], settings.zone, max_chars=10**6))
    alone = [[e.model_dump() for e in engine.run(g, ["ar", "en"]).events] for g in groups]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _ in range(5):
            together = list(
                pool.map(lambda g: [e.model_dump() for e in engine.run(g, ["ar", "en"]).events], groups)
            )
            assert together == alone
    assert dt.date(2024, 3, 4) in {e["date"] for e in alone[0]}


# invented wire copy: a report from Egypt's North Sinai, whose Rafah shares its name with Gaza's
SINAI = """هجوم على حاجز للجيش في شمال سيناء

العريش، 9 تموز (وكالة الوادي) - قتل خمسة جنود مصريين على الأقل اليوم الأحد في هجوم شنه مسلحون على حاجز أمني قرب رفح، وفق مصادر أمنية.

وقالت المصادر إن المسلحين استخدموا سيارة مفخخة قبل أن يشتبكوا مع قوة الحاجز.

وأغلقت السلطات الطريق الدولي بين العريش والشيخ زويد.
"""

BEIRUT = """Strikes on Beirut suburbs

BEIRUT, Oct 3 (Cedar Desk) - Israeli jets struck buildings in the southern suburbs overnight, killing at least four people, Lebanon's health ministry said.

Rescue teams searched the rubble of a building in Haret Hreik on Thursday morning.
"""


def test_a_name_shared_with_a_place_abroad_is_read_as_the_one_of_the_articles_country() -> None:
    events, articles = _run(SINAI, "ar", "2017-07-09T12:00:00+02:00")
    attack = _by_quote(events, "قتل خمسة جنود")
    assert attack.region == "north-sinai"
    assert attack.location is not None and attack.location.en == "Egyptian Rafah"
    problems = event_fact_problems(
        "e",
        day=attack.date,
        precision=attack.date_precision,
        region=attack.region,
        location=attack.location,
        fatalities=attack.fatalities,
        injured=attack.injured,
        evidence=attack.evidence,
        articles=articles,
    )
    assert problems == []
    events, _ = _run(BEIRUT, "en", "2024-10-03T12:00:00+00:00")
    assert _by_quote(events, "struck buildings in the southern suburbs").region == "mount-lebanon"


# invented wire copy: two tolls counted since a recent day, one at a place told before, one over the story
NYALA = """Fighting in Nyala

PORT SUDAN, June 9 (Nile Desk) - Heavy fighting broke out in Nyala, the capital of South Darfur, on Saturday, residents said.

Doctors at the city's teaching hospital said they had treated more than 90 wounded people since Saturday.

Across the country, at least 400 people have been killed since Friday, a monitoring group said.
"""


def test_a_toll_counted_since_a_recent_day_at_a_place_told_before_is_placed_there() -> None:
    events, _ = _run(NYALA, "en", "2024-06-09T18:00:00+00:00")
    assert _by_quote(events, "the city's teaching hospital").region == "south-darfur"
    story = [e for e in events if "Across the country" in e.evidence[0].quote]
    assert all(e.region is None for e in story), story


# invented wire copy: fire launched from one country's region at another's town
NORTH_EN = """Rockets on Kiryat Shmona

HAIFA, Oct 8 (Coast Desk) - Dozens of rockets fired from southern Lebanon hit Kiryat Shmona on Tuesday evening, wounding three people, medics said.
"""

NORTH_AR = """صواريخ على نهاريا

حيفا، 8 تشرين الأول (وكالة الساحل) - سقطت صواريخ أطلقت من جنوب لبنان على مدينة نهاريا مساء الثلاثاء، ما أدى إلى إصابة شخصين.
"""


def test_where_fire_came_from_is_not_the_site_of_the_strike() -> None:
    events, _ = _run(NORTH_EN, "en", "2024-10-08T20:00:00+00:00")
    assert _by_quote(events, "hit Kiryat Shmona").region == "israel-northern"
    events, _ = _run(NORTH_AR, "ar", "2024-10-08T20:00:00+00:00")
    assert _by_quote(events, "على مدينة نهاريا").region == "israel-northern"


@pytest.mark.parametrize(
    "text",
    [
        "لكن ما جرى في مدينة الرمادي أمس الخميس فاق كل التوقعات. فقد قُتل 14 شخصاً على الأقل برصاص قوات الأمن قرب "
        "مبنى المحافظة، بعد ساعات من وصول ضابط كبير أُرسل من بغداد لتهدئة الشارع.",
        "But what happened in Ramadi on Thursday went beyond anything before. At least 14 people were killed by "
        "security forces near the governorate building, hours after a senior officer sent from Baghdad arrived to "
        "calm the streets.",
    ],
)
def test_what_happened_where_places_and_dates_the_report_after_it_and_not_where_an_officer_came_from(text: str) -> None:
    events, _ = _run(text, "en" if text.isascii() else "ar", "2024-11-29T20:00:00+03:00")
    [toll] = [e for e in events if e.fatalities == 14]
    assert toll.region == "anbar"
    assert toll.date.isoformat() == "2024-11-28"


@pytest.mark.parametrize(
    "text",
    [
        "وقبل ذلك بليلة، أحرق محتجون مقر حزب في مدينة الرمادي، وهو مشهد لم يكن أحد يتوقعه قبل عام. "
        "وقتل ثلاثة محتجين برصاص قوات الأمن في المدينة.",
    ],
)
def test_a_date_in_a_comment_after_the_report_does_not_make_it_background(text: str) -> None:
    events, _ = _run(text, "ar", "2024-11-29T20:00:00+03:00")
    assert [e for e in events if e.event_type == "other" and e.date.year == 2024]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("قتل ثلاثة محتجين برصاص الأمن في الرمادي أمس الخميس. وقبل ذلك بليلة، أضرم محتجون النار في مقر حزب بمدينة الرمادي.",
         "2024-11-27"),
        ("Protesters were shot dead in Ramadi on Thursday. A day earlier, crowds set fire to a party office in Ramadi.",
         "2024-11-27"),
        # minutes after the happening told before: its day (the Arabic word for minutes has a hamza, folded away)
        ("قتل ثلاثة محتجين برصاص الأمن في الرمادي أمس الخميس. وبعد دقائق، أضرم محتجون النار في مقر حزب بمدينة الرمادي.",
         "2024-11-28"),
        # hours before it: the same day
        ("قتل ثلاثة محتجين برصاص الأمن في الرمادي أمس الخميس. وقبل ذلك بساعات، أضرم محتجون النار في مقر حزب بمدينة الرمادي.",
         "2024-11-28"),
        ("Protesters were shot dead in Ramadi on Thursday. Hours earlier, crowds set fire to a party office in Ramadi.",
         "2024-11-28"),
        # "the day before the vote" counts from the vote, not from the sentence before: no shift
        ("Protesters were shot dead in Ramadi on Thursday. The day before the vote, crowds set fire to a party office in "
         "Ramadi.",
         "2024-11-29"),
    ],
)
def test_a_day_counted_back_from_the_day_told_before(text: str, day: str) -> None:
    events, _ = _run(text, "en" if text.isascii() else "ar", "2024-11-29T20:00:00+03:00")
    [burned] = [e for e in events if e.event_type == "other"]
    assert burned.date.isoformat() == day


# invented copy: a strike in Baalbek, then sirens in Galilee, then who said what (evals/conventions.md: a
# statement is placed where the happening it concerns is, or where the sentence puts its speaker)
STATEMENTS = """Strike kills seven in Baalbek

BEIRUT, Nov 2 (Cedar Wire) - An Israeli air strike on a house in the city of Baalbek killed seven people on Saturday, the health ministry said.

Sirens sounded across the Galilee in the evening as rockets were fired from Lebanon.

Prime Minister Najib Mikati condemned the strike and called on the world to act.

The U.N. mission urged all sides to stop the fighting at once.

In Amman, the Jordanian foreign ministry said it was following events closely.
"""


# invented wire copy: speakers in capitals abroad, and a government named by its capital
ABROAD = """Strike kills five in Marib

ADEN, Jan 18 (South Wire) - A missile struck a military camp in Marib on Saturday, killing five soldiers, officials said.

President Hadi, from his residence in the Saudi capital Riyadh, condemned the attack as cowardly.

In Tehran, a foreign ministry spokesman condemned the attack and accused Riyadh of escalation.

The State Department, in a statement in Washington, called on all sides to show restraint.

Washington condemned the strike on the camp.
"""


@pytest.mark.parametrize(
    ("text", "lang", "published", "regions", "spoken"),
    [
        (
            STATEMENTS,
            "en",
            "2024-11-02T20:00:00+02:00",
            {
                # "condemned the strike" after the sirens in Galilee: the strike's region, not the sentence before's
                "Mikati condemned": "baalbek-hermel",
                # words about the fighting, naming no place and no happening: the story's region
                "urged all sides": "baalbek-hermel",
                # "In Amman, ...": where the speaker spoke
                "In Amman": "amman",
            },
            ("In Amman", "Amman"),
        ),
        (
            ABROAD,
            "en",
            "2020-01-18T20:00:00+03:00",
            {
                # a city abroad places its speaker in its seat
                "from his residence": "riyadh-province",
                "In Tehran": "tehran-province",
                "in a statement in Washington": "district-of-columbia",
                # "Washington" standing for the government places nothing there: the attack it concerns does
                "Washington condemned": "marib",
            },
            ("in a statement in Washington", "Washington"),
        ),
    ],
)
def test_a_statement_is_placed_where_the_happening_it_concerns_was_told_or_where_its_speaker_was(
    text: str, lang: str, published: str, regions: dict[str, str], spoken: tuple[str, str]
) -> None:
    events, _ = _run(text, lang, published)
    assert {words: _by_quote(events, words).region for words in regions} == regions
    said = _by_quote(events, spoken[0])
    assert said.location is not None and said.location.en == spoken[1]


# invented wire copy: a car bomb leads, a strike in another governorate follows, then words of sympathy that name
# neither: they concern the story the article leads with, not the strike told right before them
LEAD_THEN_ELSEWHERE = {
    "en": """Car bomb kills nine in al-Bab

GAZIANTEP, March 3 (Border Desk) - A car bomb exploded near a market in the town of al-Bab on Monday, killing nine people, local officials said.

In Idlib, an air strike on a bakery wounded four people in the afternoon, rescuers said.

The U.S. State Department expressed its condolences to the families of the victims.
""",
    "ar": """مقتل تسعة بانفجار سيارة مفخخة في الباب

غازي عنتاب، 3 آذار (وكالة الحدود) - قتل تسعة أشخاص بانفجار سيارة مفخخة قرب سوق في مدينة الباب يوم الاثنين، بحسب مسؤولين محليين.

وفي إدلب، أصيب أربعة أشخاص بغارة جوية على مخبز بعد الظهر، وفق فرق الإنقاذ.

وأعربت وزارة الخارجية الأمريكية عن تضامنها مع عائلات الضحايا.
""",
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_statement_naming_no_happening_is_placed_by_the_lead_not_by_the_sentence_before(language: str) -> None:
    events, _ = _run(LEAD_THEN_ELSEWHERE[language], language, "2025-03-03T20:00:00+03:00")
    assert {e.region for e in events if e.event_type == "strike"} == {"aleppo", "idlib"}
    [said] = [e for e in events if e.event_type == "statement"]
    assert said.region == "aleppo", said
    # the lead that places it is cited after its own words
    assert said.evidence[0].quote.startswith(("The U.S.", "وأعربت")) and len(said.evidence) == 2
    assert "al-Bab" in said.evidence[1].quote or "الباب" in said.evidence[1].quote


# invented wire copy: a toll counted since the evening before, in a story told in one region; the same story
# with a car bomb in another city of the country; a count across the country since long ago
TRIPOLI = {
    "en": """Clashes in Tripoli

TRIPOLI, May 14 (Coast Desk) - Armed groups fought with heavy weapons in the Libyan capital Tripoli on Tuesday, residents said.

{elsewhere}The health ministry said 8 people had been killed and 26 wounded since Monday evening.

Across the country, 40 people have been killed since October 2023, a monitor said.
""",
    "ar": """اشتباكات في طرابلس

طرابلس، 14 أيار (وكالة الساحل) - اندلعت اشتباكات عنيفة بالأسلحة الثقيلة في العاصمة الليبية طرابلس يوم الثلاثاء، وفق سكان.

{elsewhere}وقالت وزارة الصحة إن عدد القتلى منذ مساء الاثنين ارتفع إلى 8 قتلى و26 جريحاً.

وقال مرصد محلي إن 40 شخصاً قتلوا في أنحاء البلاد منذ الأحد.
""",
}
ELSEWHERE = {
    "en": "In Misrata, a car bomb wounded two soldiers near a checkpoint on Tuesday, a security source said.\n\n",
    "ar": "وفي مصراتة، أصيب جنديان بانفجار سيارة مفخخة قرب حاجز أمني الثلاثاء، بحسب مصدر أمني.\n\n",
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_toll_counted_over_the_storys_days_is_where_the_story_is_and_one_across_the_country_nowhere(
    language: str,
) -> None:
    events, _ = _run(TRIPOLI[language].format(elsewhere=""), language, "2024-05-14T20:00:00+02:00")
    [toll] = [e for e in events if e.fatalities == 8]
    assert toll.region == "tripoli-libya", toll
    wide = [e for e in events if e.fatalities == 40]
    assert all(e.region is None for e in wide), wide


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_toll_over_the_days_of_a_story_told_in_two_regions_is_of_neither(language: str) -> None:
    text = TRIPOLI[language].format(elsewhere=ELSEWHERE[language])
    events, _ = _run(text, language, "2024-05-14T20:00:00+02:00")
    [toll] = [e for e in events if e.fatalities == 8]
    assert toll.region is None, toll
    # the car bomb is Misrata's, the clashes Tripoli's
    assert {e.region for e in events if e.fatalities != 8 and e.region} >= {"misrata", "tripoli-libya"}


# invented wire copy: one death at the story's place, and the story's count since a recent day
ALEPPO_COUNT = """Fighting in Aleppo

ALEPPO, Nov 29 (Levant Wire) - Opposition factions entered the city of Aleppo on Friday after heavy battles, residents said.

A commander of a pro-government militia was killed in Aleppo province, state media said.

A monitoring group said at least 120 people had been killed since Wednesday.
"""


def test_the_storys_count_placed_where_the_story_is_does_not_absorb_one_death_there() -> None:
    events, _ = _run(ALEPPO_COUNT, "en", "2024-11-29T20:00:00+00:00")
    [count] = [e for e in events if e.fatalities == 120]
    assert count.region == "aleppo"
    assert not any("commander" in ev.quote for ev in count.evidence), count.evidence
    assert [e for e in events if "commander" in e.evidence[0].quote]


# invented wire copy: filed from the capital about a strike the heading places in a province
FILED_AWAY = """Air strike on a market in Yemen's Saada kills 12

SANAA, Aug 10 (Mountain Wire) - An air strike on a crowded market in northern Yemen killed 12 people on Thursday, the health ministry said.
"""


def test_the_heading_places_a_story_filed_from_another_city_of_its_country() -> None:
    events, _ = _run(FILED_AWAY, "en", "2018-08-10T12:00:00+03:00")
    [strike] = [e for e in events if e.fatalities == 12]
    assert strike.region == "saada"
