"""Where a happening is: not where its displaced went or came from; the context that places a sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.reading import context, facts

WHEN = dt.datetime(2024, 9, 28, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("sentence", "kind", "kept"),
    [
        # invented sentences
        (
            "Jets struck the southern suburbs again, sending hundreds of families to seek shelter in central Beirut.",
            "strike",
            [],
        ),
        (
            "Jets struck the southern suburbs again, sending hundreds of families to seek shelter in central Beirut.",
            "displacement",
            ["Beirut"],
        ),
        ("قصفت المدفعية أطراف حمص، ونزحت عشرات العائلات باتجاه حماة.", "strike", ["حمص"]),
        (
            "Troops advanced toward Hama after heavy fighting.",
            "control_change",
            ["Hama"],
        ),  # no one fled: a front
    ],
)
def test_places_of_the_displaced_are_not_where_a_strike_was(
    sentence: str, kind: str, kept: list[str]
) -> None:
    f = facts.read(sentence, WHEN)
    assert [p.text for p in context.happening_places(f, kind)] == kept


class _Line:
    def __init__(self, text: str, paragraph: int, heading: bool = False) -> None:
        self.facts = facts.read(text, WHEN)
        self.paragraph = paragraph
        self.heading = heading


def test_placing_walks_back_to_a_happening_and_stops_at_a_sub_heading() -> None:
    lines = [
        _Line("KHAN YOUNIS, Sept 28 (Desk) - A drone strike on a tent in al-Mawasi killed six people.", 0),
        _Line("Crowds protested in Ramallah against the war.", 1),
        _Line("The army denied targeting civilians.", 1),
        _Line("Reactions", 2, heading=True),
        _Line("The army denied targeting civilians.", 3),
    ]
    assert context.placing(lines, 2) == ("khan-younis", 0)  # the protest reports no happening
    assert (
        context.placing(lines, 4) is None
    )  # a new section: the lead above the sub-heading does not place it


def test_a_timeline_s_day_line_is_no_sub_heading() -> None:
    """"FRIDAY, SEPT. 27" over a timeline's entries opens no new section: "the city" is still the lead's."""
    lines = [
        _Line("KIRKUK, Sept 28 (Desk) - Gunmen attacked police posts across Kirkuk, killing nine officers.", 0),
        _Line("FRIDAY, SEPT. 27", 1, heading=True),
        _Line("- Coalition aircraft struck positions inside the city in the afternoon.", 2),
        _Line("Reactions", 3, heading=True),
        _Line("- Aircraft struck positions inside the city again.", 4),
    ]
    assert context.placing(lines, 2) == ("kirkuk", 0)
    assert context.placing(lines, 4) is None  # a heading with words is a section


def test_a_place_of_another_country_in_the_sentence_rules_the_context_out() -> None:
    lines = [
        _Line("An air strike on Bint Jbeil killed three people, the health ministry said.", 0),
        _Line("Hezbollah said it fired dozens of rockets at Israel in response.", 0),
    ]
    assert context.placing(lines, 1) is None


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # invented sentences: where the displaced fled from is where the flight happened
        ("فرّت مئات الأسر من حي الشجاعية نحو دير البلح خلال الليل.", ["الشجاعية"]),
        ("Thousands fled from Jabalia towards Gaza City as the tanks advanced.", ["Jabalia"]),
        ("Families left Tyre for Sidon and Beirut overnight.", ["Tyre"]),  # not where they went
        ("Some 90,000 residents of eastern Rafah have gone, most heading towards al-Mawasi.", ["Rafah"]),
        ("نزح المئات باتجاه مدينة صيدا.", ["صيدا"]),  # only where they went: that is all it says
        # nor a place named after where they went ("وقرى في محيط ...")
        ("فرّت عائلات كثيرة نحو مدينة النبطية وقرى في محيط صور.", ["النبطية", "صور"]),
    ],
)
def test_a_flight_is_placed_where_people_fled_from(sentence: str, kept: list[str]) -> None:
    f = facts.read(sentence, WHEN)
    assert [p.text for p in context.happening_places(f, "displacement")] == kept


@pytest.mark.parametrize(
    "sentence",
    [
        # invented sentences naming a site wider than one first-level region, or outside any
        "Air strikes hit homes across the Gaza Strip overnight, medics said.",
        "وقُتل ثلاثة شبان برصاص القوات الإسرائيلية في شمال الضفة الغربية.",
        "Gunmen attacked a checkpoint in Sinai, killing four soldiers.",
        "اندلعت اشتباكات عنيفة في إقليم دارفور أمس.",
    ],
)
def test_a_sentence_naming_a_wider_site_is_not_placed_by_the_sentence_before(sentence: str) -> None:
    lines = [
        _Line("KHAN YOUNIS, Sept 28 (Desk) - A drone strike on a tent in al-Mawasi killed six people.", 0),
        _Line(sentence, 0),
    ]
    assert context.placing(lines, 1) is None


def test_a_country_named_in_a_title_does_not_stop_placing() -> None:
    lines = [
        _Line("Shelling hit the market in Wad Madani on Monday, killing nine people.", 0),
        _Line("The UN coordinator in Sudan condemned the attack on civilians.", 0),
    ]
    assert context.placing(lines, 1) == ("gezira", 0)


@pytest.mark.parametrize(
    ("text", "countries"),
    [
        ("وأعلن حزب الله أن مقاتليه استهدفوا موقع المالكية الإسرائيلي بالصواريخ", {"IL"}),
        ("Hezbollah said it targeted an Israeli army post near the border", {"IL"}),
        ("استهدف الطيران الإسرائيلي مواقع لحزب الله", set()),  # an Israeli strike on Hezbollah's sites
        ("Israeli strikes hit Hezbollah positions", set()),
        ("Settlers from an Israeli settlement near Nablus attacked the village", set()),  # in the West Bank
    ],
)
def test_a_site_named_by_a_countrys_adjective(text: str, countries: set[str]) -> None:
    assert context.sites_of(text) == countries


@pytest.mark.parametrize(
    ("sentence", "spoken"),
    [
        # invented sentences: where the speaker was when speaking
        ("In Amman, officials condemned the attack on the border post.", "Amman"),
        ("Iraq's prime minister, speaking in Baghdad, said the strike on Erbil broke the law.", "Baghdad"),
        ("وقال وزير الخارجية في مؤتمر صحفي في بيروت إن الغارات على الجنوب تصعيد خطير.", "بيروت"),
        ("وفي دمشق، دانت وزارة الخارجية الهجوم على حلب.", "دمشق"),
        ("ودان الرئيس، من مقر إقامته في العاصمة المؤقتة عدن، الهجوم على المعسكر.", "عدن"),
        ("12:40 - In Baghdad, the foreign ministry summoned the ambassador.", "Baghdad"),
        # a city abroad after a bare "in": where someone is, though no region holds it
        ("ودعا مسؤول أممي في جنيف إلى وقف فوري لإطلاق النار.", "جنيف"),
        ("Officials in London condemned the shelling of the camp.", "London"),
        ("ودعا المتحدث باسم الخارجية، في مؤتمر صحفي بواشنطن أمس، الطرفين إلى التهدئة.", "واشنطن"),
        # a seat or a target is not where anyone spoke
        ("Officials in Amman condemned the attack.", None),
        ("وقالت الحكومة في طرابلس إن الغارة على مرزق جريمة.", None),
        ("The army condemned the strike on Aleppo.", None),
        ("In eastern Aleppo, the army said it had advanced.", None),
    ],
)
def test_where_a_speaker_spoke(sentence: str, spoken: str | None) -> None:
    found = context.spoken_at(facts.read(sentence, WHEN))
    assert (found.text if found else None) == spoken
