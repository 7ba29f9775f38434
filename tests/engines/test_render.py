"""Rendered event descriptions: who did what, where, how many, over what time and according to whom, in both
languages, saying nothing its quote does not (sentences written for these tests, not copied from news)."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.engines.render import event_description
from summarizer.schemas import AttributionOut, Bilingual, Event, EventType, Evidence, Stance


def _event(quote: str, kind: EventType, *, region: str | None, location: tuple[str, str] | None = None,
           killed: int | None = None, injured: int | None = None, actors: tuple[str, ...] = (),
           said: tuple[tuple[str, Stance], ...] = (), day: int = 30) -> Event:
    return Event(
        id="e_test", date=dt.date(2024, 11, day), date_precision="day", region=region,
        location=Bilingual(ar=location[1], en=location[0]) if location else None, event_type=kind,
        actors=list(actors), fatalities=killed, injured=injured, status="reported",
        attribution=[AttributionOut(source=s, stance=st) for s, st in said], description=Bilingual(),
        evidence=[Evidence(article_id="t1", quote=quote)], article_ids=["t1"],
    )  # fmt: skip


def test_a_claimed_toll_stays_a_claim_with_its_hedge_victims_places_and_span() -> None:
    e = _event(
        "Moscow said its jets had killed at least 250 militants in Aleppo and Idlib provinces over the past 24 hours.",
        "casualties", region="aleppo", killed=250, actors=("Russia",), said=(("Russia", "claims"),),
    )  # fmt: skip
    assert event_description(e, "en") == "Russia said at least 250 fighters were killed in Aleppo and Idlib over 24 hours."
    assert event_description(e, "ar") == "روسيا: مقتل ما لا يقل عن 250 من المقاتلين في حلب وإدلب خلال 24 ساعة."


def test_an_arabic_toll_keeps_more_than_civilians_since_and_the_source() -> None:
    e = _event(
        "قال الدفاع المدني السوري إن أكثر من 12 مدنياً قتلوا في قصف على مدينة سراقب منذ الأربعاء.",
        "strike", region="idlib", location=("Saraqeb", "سراقب"), killed=12,
        said=(("Syrian Civil Defence (White Helmets)", "reports"),),
    )  # fmt: skip
    en = event_description(e, "en")
    assert en == (
        "According to the Syrian Civil Defence, a strike killed more than 12 civilians in Saraqeb "
        "(Idlib governorate) since Wednesday."
    )
    ar = event_description(e, "ar")
    assert ar.startswith("مقتل أكثر من 12 من المدنيين في قصف في سراقب") and "منذ الأربعاء" in ar
    assert ar.endswith("بحسب الدفاع المدني السوري.")


def test_a_flat_toll_is_not_hedged_and_injuries_are_kept() -> None:
    e = _event("A drone strike on the town of Saraqeb killed 7 soldiers and wounded 3 on Saturday.", "strike",
               region="idlib", location=("Saraqeb", "سراقب"), killed=7, injured=3)  # fmt: skip
    en = event_description(e, "en")
    assert en.startswith("A strike killed 7 soldiers and wounded 3 people in Saraqeb")
    assert "at least" not in en and "about" not in en
    assert event_description(e, "ar").startswith("مقتل 7 من الجنود في قصف وإصابة 3")


def test_who_took_which_town_keeps_the_countryside_it_lies_in() -> None:
    e = _event(
        "Opposition factions captured the village of Khan Tuman in the western Aleppo countryside on Friday.",
        "control_change", region="aleppo", location=("Khan Tuman", "خان طومان"), actors=("Syrian opposition factions",),
        day=29,
    )  # fmt: skip
    assert event_description(e, "en") == (
        "Syrian opposition factions took control of Khan Tuman in the western Aleppo countryside."
    )
    assert event_description(e, "ar") == "سيطرة فصائل المعارضة السورية المسلحة على خان طومان في ريف حلب الغربي."


def test_gains_in_a_countryside_never_say_the_city_fell() -> None:
    e = _event(
        "وقالت الفصائل إنها سيطرت على عدة قرى في ريف حماة الشمالي خلال الليل.", "control_change", region="hama",
        location=("Hama", "حماة"), actors=("Syrian opposition factions",), said=(("Syrian opposition factions", "claims"),),
    )  # fmt: skip
    en = event_description(e, "en")
    assert en == "Syrian opposition factions said they took control of areas in the northern Hama countryside."
    assert "ريف حماة الشمالي" in event_description(e, "ar")


def test_a_city_under_threat_is_not_rendered_as_taken() -> None:
    e = _event("The army rushed troops north of Hama as the factions drew closer to the city.", "control_change",
               region="hama", location=("Hama", "حماة"), actors=("Syrian army",))  # fmt: skip
    en = event_description(e, "en")
    assert "control" not in en and "took" not in en and "entered" not in en and "Hama" in en
    assert "سيطرة" not in event_description(e, "ar")


def test_a_withdrawal_and_its_denial_say_who_left_and_who_denies() -> None:
    e = _event(
        "The Syrian Observatory said Syrian army units pulled out of the city of Hama; the army denied it.", "withdrawal", region="hama",
        location=("Hama", "حماة"), actors=("Syrian army",),
        said=(("Syrian Observatory for Human Rights", "reports"), ("Syrian army", "denies")),
    )  # fmt: skip
    assert event_description(e, "en") == (
        "According to the Syrian Observatory for Human Rights, the Syrian army withdrew from the city of Hama; the "
        "Syrian army denied it."
    )
    ar = event_description(e, "ar")
    assert ar.startswith("انسحاب الجيش السوري من مدينة حماة") and "الجيش السوري" in ar.split("؛")[1]


def test_injuries_without_a_toll_are_said_as_injuries() -> None:
    e = _event("Rescuers said two people were wounded when shells hit al-Atarib on Friday.", "strike",
               region="aleppo", location=("al-Atarib", "الأتارب"), injured=2, day=29)  # fmt: skip
    assert event_description(e, "en") == "A strike wounded 2 people in al-Atarib (Aleppo governorate)."
    assert event_description(e, "ar") == "إصابة 2 في قصف في الأتارب (محافظة حلب)."


def test_a_statement_says_who_spoke_and_nothing_of_what_happened() -> None:
    e = _event("The Syrian army said on Saturday that the attack on Aleppo broke the truce.", "statement",
               region="aleppo", location=("Aleppo", "حلب"), said=(("Syrian army", "claims"),))  # fmt: skip
    assert event_description(e, "en") == "A statement by the Syrian army was quoted."
    assert event_description(e, "ar") == "تصريح منسوب إلى الجيش السوري."


def test_a_speaker_its_quotes_do_not_name_is_left_out() -> None:
    e = _event("A monitor said army columns left Hama for Homs.", "withdrawal", region="hama", location=("Hama", "حماة"),
               said=(("Syrian Observatory for Human Rights", "reports"), ("Syrian army", "denies")))  # fmt: skip
    en = event_description(e, "en")
    assert "denied" not in en and "Observatory" not in en and "Hama" in en


def test_a_town_is_placed_in_its_region_by_what_its_country_calls_it() -> None:
    sudan = _event(
        "قتل 9 مدنيين على الأقل في قصف مدفعي على سوق في مدينة الفاشر بولاية شمال دارفور.",
        "strike", region="north-darfur", location=("El Fasher", "الفاشر"), killed=9,
    )  # fmt: skip
    assert "El Fasher (North Darfur state)" in event_description(sudan, "en")
    assert "(ولاية شمال دارفور)" in event_description(sudan, "ar")
    turkey = _event(
        "قتل 3 أشخاص في انفجار سيارة مفخخة في بلدة الريحانية بولاية هاتاي جنوب تركيا.",
        "strike", region="hatay", location=("Reyhanli", "الريحانية"), killed=3,
    )  # fmt: skip
    assert "Reyhanli (Hatay province)" in event_description(turkey, "en")
    syria = _event(
        "قتل 4 مدنيين في قصف على بلدة الأتارب.", "strike", region="aleppo", location=("al-Atarib", "الأتارب"), killed=4,
    )  # fmt: skip
    assert "(Aleppo governorate)" in event_description(syria, "en")


def test_names_take_the_english_article_they_take_in_running_text() -> None:
    """A body's name takes "the" ("the United Nations"), a source "a" ("a military source"), a person or a
    party named like Hezbollah none; an office named by body and country takes "the"; Arabic takes none."""
    un = _event("The United Nations said on Monday that aid convoys could not reach the north of the strip.",
                "statement", region="aleppo", said=(("United Nations", "claims"),))  # fmt: skip
    assert event_description(un, "en") == "A statement by the United Nations was quoted."
    assert event_description(un, "ar") == "تصريح منسوب إلى الأمم المتحدة."
    hez = _event("Hezbollah said on Monday it would answer any attack on the southern villages.", "statement",
                 region="aleppo", said=(("Hezbollah", "claims"),))  # fmt: skip
    assert event_description(hez, "en") == "A statement by Hezbollah was quoted."
    src = _event("A military source said on Monday that two soldiers were wounded near the airport of Aleppo.",
                 "casualties", region="aleppo", injured=2, said=(("military source", "reports"),))  # fmt: skip
    assert event_description(src, "en").startswith("According to a military source, 2 soldiers were injured")
    office = _event("وأدانت وزارة الخارجية الأردنية القصف الذي استهدف قافلة المساعدات قرب الحدود.", "statement",
                    region="aleppo")  # fmt: skip
    assert event_description(office, "en") == "A statement by the Jordanian foreign ministry was quoted."


def test_the_party_that_owns_what_was_taken_is_not_who_took_it() -> None:
    e = _event(
        "أعلنت قوات الدعم السريع مساء الخميس سيطرتها على مقر اللواء الرابع التابع للجيش السوداني في مدينة نيالا.",
        "control_change", region="south-darfur", location=("Nyala", "نيالا"), actors=("Rapid Support Forces (RSF)",),
        said=(("Rapid Support Forces (RSF)", "claims"),), day=26,
    )  # fmt: skip
    en = event_description(e, "en")
    assert en.startswith("The Rapid Support Forces said they took control of Nyala"), en
    assert "Armed Forces" not in en
    e = _event(
        "The RSF said it had overrun a base belonging to the army on the edge of Nyala on Thursday.",
        "control_change", region="south-darfur", location=("Nyala", "نيالا"), actors=("Rapid Support Forces (RSF)",),
        said=(("Rapid Support Forces (RSF)", "claims"),), day=26,
    )  # fmt: skip
    assert "Armed Forces" not in event_description(e, "en")


def test_who_took_it_is_the_subject_not_the_side_it_was_taken_from() -> None:
    # both parties speak through the quote; the one named after the town is who lost it
    e = _event(
        "Kurdish YPG fighters and allied rebel groups said on Monday they had taken full control of the town of "
        "Ain Issa from Islamic State, closing a road into Raqqa.",
        "control_change", region="raqqa", location=("Ain Issa", "عين عيسى"),
        actors=("Kurdish forces", "Syrian opposition factions", "Islamic State"),
        said=(("Kurdish forces", "claims"), ("Syrian opposition factions", "claims")), day=18,
    )  # fmt: skip
    en, ar = event_description(e, "en"), event_description(e, "ar")
    assert "Islamic State took" not in en and "Kurdish forces and" in en, en
    assert "سيطرة تنظيم الدولة" not in ar and "سيطرة القوات الكردية" in ar, ar


def test_arrests_are_said_as_arrests() -> None:
    e = _event(
        "واعتقلت القوات الإسرائيلية 12 فلسطينياً خلال مداهمات ليلية في مدينة نابلس، بحسب نادي الأسير.",
        "other", region="nablus", location=("Nablus", "نابلس"), day=20,
    )  # fmt: skip
    assert "arrests were reported in the city of nablus" in event_description(e, "en").lower(), event_description(e, "en")


@pytest.mark.parametrize(
    ("quote", "said"),
    [
        ("وشيّع آلاف من أهالي مدينة نابلس بعد ظهر اليوم جثامين الشبان الخمسة.", "there were funerals in"),
        ("Hundreds of protesters took to the streets of Nablus on Tuesday evening.", "there were protests in"),
        ("وأعلنت السلطات حظر التجول في مدينة نابلس حتى إشعار آخر.", "there was a curfew in"),
        ("The curfew imposed on Nablus was lifted at noon on Tuesday.", "there was a curfew in"),  # not "declared"
        ("Israeli bulldozers demolished four homes in Nablus on Tuesday.", "there were demolitions in"),
        ("Rescue teams found the bodies of three men in an orchard near Nablus.", "bodies were found in"),
    ],
)
def test_an_other_happening_says_what_its_quote_names_it(quote: str, said: str) -> None:
    # curfews, funerals, protests: what the quote names, in words true whether it began or ended that day
    e = _event(quote, "other", region="nablus", location=("Nablus", "نابلس"), day=20)
    described = event_description(e, "en").lower()
    assert said in described and "nablus" in described, described


def test_an_other_happening_its_quote_names_no_act_of_is_only_a_report() -> None:
    e = _event("وشهدت مدينة نابلس حركة غير اعتيادية بعد ظهر اليوم.", "other", region="nablus", location=("Nablus", "نابلس"), day=20)
    assert event_description(e, "en").lower().startswith("report"), event_description(e, "en")


def test_a_town_referred_back_to_is_named_as_the_quote_names_it() -> None:
    e = _event(
        'وكانت فصائل "الجبهة الوطنية للتحرير" قد استعادت البلدة فجر الخميس بعد هجوم معاكس.',
        "control_change", region="hama", day=21,
    )  # fmt: skip
    assert event_description(e, "en") == "The National Liberation Front took control of the town.", event_description(e, "en")
    assert event_description(e, "ar") == "سيطرة الجبهة الوطنية للتحرير على البلدة."


def test_who_repelled_an_attack_is_said_not_the_attacker() -> None:
    e = _event(
        "وأعلنت الجبهة الوطنية للتحرير أن مقاتليها صدّوا محاولة تقدم للقوات الحكومية نحو قرية تقع غرب البلدة ليل الجمعة.",
        "clash", region="hama", actors=("National Liberation Front",),
        said=(("National Liberation Front", "claims"),), day=22,
    )  # fmt: skip
    en = event_description(e, "en")
    assert "repelled an attack" in en and "National Liberation Front" in en and "Syrian army" not in en, en


def test_a_region_whose_name_holds_its_unit_says_it_once() -> None:
    e = _event(
        "Drones struck a power station in Atbara on Wednesday night, cutting electricity to the city.",
        "strike", region="river-nile", location=("Atbara", "عطبرة"), day=20,
    )  # fmt: skip
    en, ar = event_description(e, "en"), event_description(e, "ar")
    assert "(River Nile state)" in en and "State state" not in en, en
    assert "ولاية ولاية" not in ar, ar


def test_a_sea_a_strip_or_a_crossing_takes_the_english_article() -> None:
    """A place named by a sea, a strait or a strip takes "the" in English ("in the Red Sea"); a town does not."""
    sea = _event("وقالت الجماعة إنها استهدفت مدمرة أمريكية في البحر الأحمر.", "strike", region=None,
                 location=("Red Sea", "البحر الأحمر"))  # fmt: skip
    assert "in the Red Sea" in event_description(sea, "en"), event_description(sea, "en")
    assert "the البحر" not in event_description(sea, "ar")
    strait = _event("وقالت الهيئة إن سفينة أبلغت عن انفجار قرب مضيق هرمز.", "strike", region=None,
                    location=("Strait of Hormuz", "مضيق هرمز"))  # fmt: skip
    assert "the Strait of Hormuz" in event_description(strait, "en"), event_description(strait, "en")
    town = _event("وقالت مصادر محلية إن قذائف سقطت على بلدة الأتارب.", "strike", region="aleppo",
                  location=("al-Atarib", "الأتارب"))  # fmt: skip
    assert "the al-Atarib" not in event_description(town, "en")


def test_a_displacement_says_how_many_as_its_quote_counts_and_hedges_them() -> None:
    moved = _event("قالت منظمة الهجرة إن أكثر من 500 عائلة نزحت من بلدة سنجة منذ السبت.", "displacement",
                   region="sennar", location=("Singa", "سنجة"))  # fmt: skip
    en = event_description(moved, "en")
    assert "more than 500 families" in en and "Singa" in en, en
    people = _event("About 55,000 people have fled the town of Singa since Saturday, aid groups said.",
                    "displacement", region="sennar", location=("Singa", "سنجة"))  # fmt: skip
    assert "نحو 55000 شخص" in event_description(people, "ar"), event_description(people, "ar")
    words = _event("وأفاد مراسل الوكالة بأن مئات العائلات غادرت أحياء المدينة الشرقية ليلاً.", "displacement",
                   region=None, said=(("مراسل الوكالة", "reports"),))  # fmt: skip
    en = event_description(words, "en")
    assert "hundreds of families" in en and "the agency's correspondent" in en, en
    assert "quoted in Arabic" not in en


def test_an_unlisted_source_is_said_by_what_it_is_or_left_unnamed() -> None:
    medics = _event("وقالت مصادر طبية في المدينة إن 4 أشخاص قتلوا في القصف على السوق.", "strike", region="idlib",
                    killed=4, said=(("مصادر طبية في المدينة", "reports"),))  # fmt: skip
    assert "medical sources" in event_description(medics, "en"), event_description(medics, "en")
    odd = _event("وقال أبو محمد إن 4 أشخاص قتلوا في القصف على السوق.", "strike", region="idlib", killed=4,
                 said=(("أبو محمد", "reports"),))  # fmt: skip
    assert "a source quoted in Arabic" in event_description(odd, "en"), event_description(odd, "en")


def test_a_count_since_a_dated_day_says_its_span_and_not_the_datelines_city() -> None:
    toll = _event("KHARTOUM, Sept 12 (Wire) - Since 1 August, at least 112 civilians have been killed in North "
                  "Kordofan, according to health authorities.", "casualties", region="north-kordofan",
                  killed=112)  # fmt: skip
    ar = event_description(toll, "ar")
    assert "منذ 1 آب/أغسطس" in ar and "الخرطوم" not in ar, ar


def test_one_killed_is_said_in_the_singular() -> None:
    e = _event("Kiumars Pourhashemi, an adviser with Iran's Revolutionary Guards, was killed in Aleppo province.",
               "casualties", region="aleppo", location=None, day=28, killed=1)  # fmt: skip
    described = event_description(e, "en")
    assert "one person was killed" in described.lower() and "were" not in described, described
