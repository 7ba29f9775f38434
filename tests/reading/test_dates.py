"""Temporal expressions: spans, dates, precision, part of day and kind, resolved from publication time."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from importlib import resources
from typing import Any

import pytest

from summarizer.reading.dates import (
    TemporalExpression,
    day_headings,
    find_dates,
    publication_day,
    resolve_date,
)
from summarizer.reading.text import Span, fold

# Publication times of the seed articles (evals/datasets/articles/index.json).
P000 = "2024-12-01T12:00:00+03:00"  # Sunday, Arab48
P001 = "2024-12-01T14:00:00+03:00"  # Sunday, Al Jazeera
P002 = "2024-11-29T20:30:00+03:00"  # Friday
P003 = "2024-11-30T18:00:00+03:00"  # Saturday, Al Ghad
P004 = "2024-12-01T11:00:00+03:00"  # Sunday
TUE = "2024-12-03T10:00:00+03:00"  # Tuesday
UTC_SAT_LATE = "2024-11-30T22:30:00Z"  # Saturday in UTC, already Sunday 01:30 in Damascus

Row = tuple[str, str, str, str | None, str]  # span text, date, precision, part of day, kind


def rows(text: str, published_at: str) -> list[Row]:
    return [
        (e.text, e.date.isoformat(), e.precision, e.part_of_day, e.kind)
        for e in find_dates(text, dt.datetime.fromisoformat(published_at))
    ]


# ---------------------------------------------------------------- the seeds' own sentences

SEED_SENTENCES: list[tuple[str, str, list[Row]]] = [
    (
        "وكما أعلنت مساء أمس السبت، توسيع نطاق سيطرتها في ريف حماة الشمالي.",
        P000,
        [("مساء أمس السبت", "2024-11-30", "day", "evening", "relative")],
    ),
    (
        "وقالت الخارجية الإيرانية إن الوزير عباس عراقجي سيزور دمشق اليوم الأحد، وسيتوجه من هناك إلى أنقرة.",
        P000,
        [("اليوم الأحد", "2024-12-01", "day", None, "relative")],
    ),
    (
        "قال وزير الخارجية والمغتربين السوري بسام صباغ، اليوم، إنه يعمل على استعادة الأمن.",
        P000,
        [("اليوم", "2024-12-01", "day", None, "relative")],
    ),
    (
        "وبدأ هذا الهجوم، بشكل مفاجئ منذ يوم الأربعاء الماضي، حيث أثار مخاوف إقليمية ودولية.",
        P000,
        [("منذ يوم الأربعاء الماضي", "2024-11-27", "day", None, "since")],
    ),
    (
        "ويأتي ذلك بعد انسحاب القوات السورية من مدينة حلب، التي كانت تحت سيطرة دمشق منذ عام 2016.",
        P000,
        [("منذ عام 2016", "2016-01-01", "year", None, "since")],
    ),
    (
        "وأوضح أنه كان على اتصال بالعواصم الإقليمية على مدار الساعات الـ48 الماضية.",
        P000,
        [("على مدار الساعات الـ48 الماضية", "2024-12-01", "day", None, "duration")],
    ),
    (
        "استهدفت طائرات حربية مدينة إدلب بـ9 غارات جوية على الأقل منذ ساعات الصباح.",
        P000,
        [("منذ ساعات الصباح", "2024-12-01", "day", "morning", "since")],
    ),
    (
        "وكانت المعارضة المسلحة أعلنت الأربعاء الماضي بدء ما سمتها معركة ردع العدوان.",
        P001,
        [("الأربعاء الماضي", "2024-11-27", "day", None, "weekday")],
    ),
    (
        "وهذا التقدم هو الأول من نوعه منذ مارس/آذار 2020 عندما اتفقت روسيا وتركيا على وقف لإطلاق النار.",
        P001,
        [("منذ مارس/آذار 2020", "2020-03-01", "month", None, "since")],
    ),
    (
        "وقد بدأ الأهالي في العودة بعدما أجبروا على مغادرة مدنهم وبلداتهم في الشمال السوري قبل 5 سنوات.",
        P001,
        [("قبل 5 سنوات", "2019-01-01", "year", None, "relative")],
    ),
    (
        "وأضاف أن نحو 300 مسلح قُضي عليهم خلال الساعات الـ24 الماضية، وأن العملية العسكرية مستمرة.",
        P001,
        [("خلال الساعات الـ24 الماضية", "2024-12-01", "day", None, "duration")],
    ),
    (
        "وصفت بالعنيفة بين قوات المعارضة والقوات التابعة لوزارة الدفاع السورية، خلال الأيام الماضية.",
        P001,
        [("خلال الأيام الماضية", "2024-12-01", "day", None, "duration")],
    ),
    (
        "دخلت فصائل المعارضة السورية المسلحة إلى مدينة حلب، الجمعة، بعد معارك ضارية مع قوات النظام.",
        P002,
        [("الجمعة", "2024-11-29", "day", None, "weekday")],
    ),
    (
        "والخميس، لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم، فيما أصيب 5 مدنيين بينهم طفلان.",
        P002,
        [("والخميس", "2024-11-28", "day", None, "weekday")],
    ),
    (
        'وقال الناطق باسم "إدارة العمليات العسكرية"، حسن عبد الغني، في بيان فجر الجمعة: "نعلن عن تحرير"',
        P002,
        [("فجر الجمعة", "2024-11-29", "day", "dawn", "weekday")],
    ),
    (
        'حسب تصريحات نقلتها عنه وكالة الأنباء الإيرانية "إرنا"، مساء الخميس.',
        P002,
        [("مساء الخميس", "2024-11-28", "day", "evening", "weekday")],
    ),
    (
        "بإصابة اثنين إحداهما طفل في الأتارب، بعد تعرضها إلى القصف بعد منتصف ليلة اليوم الجمعة.",
        P002,
        [("بعد منتصف ليلة اليوم الجمعة", "2024-11-29", "day", "night", "relative")],
    ),
    (
        "أول اختراق لخطوط التماس منذ اتفاق وقف إطلاق النار في آذار /مارس عام 2020، أدت إلى السيطرة",
        P002,
        [("آذار /مارس عام 2020", "2020-03-01", "month", None, "absolute")],
    ),
    (
        "وقالت إدارة العمليات إن الميدان يشهد تقدما واسعا للثوار، وخلال الساعات القليلة الماضية.",
        P002,
        [("وخلال الساعات القليلة الماضية", "2024-11-29", "day", None, "duration")],
    ),
    (
        "القضاء على 300 مسلح على الأقل في محافظتي حلب وإدلب شمالي سوريا، خلال الـ24 ساعة الماضية، وذلك",
        P003,
        [("خلال الـ24 ساعة الماضية", "2024-11-30", "day", None, "duration")],
    ),
    (
        "ومنذ بدء الهجوم الأربعاء، أسفرت العمليات العسكرية عن مقتل 327 شخصاً، 183 منهم من هيئة تحرير الشام.",
        P003,
        [("الأربعاء", "2024-11-27", "day", None, "weekday")],
    ),
    (
        "الهجوم المباغت جاء في وقت كان يسري في إدلب منذ 6 مارس/آذار 2020 وقف لإطلاق النار.",
        P003,
        [("منذ 6 مارس/آذار 2020", "2020-03-06", "day", None, "since")],
    ),
    (
        "وتشهد سوريا منذ العام 2011 نزاعاً دامياً أودى بأكثر من نصف مليون شخص.",
        P003,
        [("منذ العام 2011", "2011-01-01", "year", None, "since")],
    ),
    (
        "أكدت هيئة تحرير الشام، صباح الأحد، سيطرتها على بلدة خناصر جنوب حلب، الأحد.",
        P004,
        [
            ("صباح الأحد", "2024-12-01", "day", "morning", "weekday"),
            ("الأحد", "2024-12-01", "day", None, "weekday"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "published_at", "expected"), SEED_SENTENCES)
def test_seed_sentences(text: str, published_at: str, expected: list[Row]) -> None:
    assert rows(text, published_at) == expected


SEED_EXPECTED: dict[str, list[tuple[str, str, str | None, str]]] = {
    "000": [
        ("منذ ساعات الصباح", "2024-12-01", "morning", "since"),
        ("مساء أمس السبت", "2024-11-30", "evening", "relative"),
        ("اليوم", "2024-12-01", None, "relative"),
        ("اليوم الأحد", "2024-12-01", None, "relative"),
        ("على مدار الساعات الـ48 الماضية", "2024-12-01", None, "duration"),
        ("منذ يوم الأربعاء الماضي", "2024-11-27", None, "since"),
        ("منذ عام 2016", "2016-01-01", None, "since"),
    ],
    "001": [
        ("خلال الأيام الماضية", "2024-12-01", None, "duration"),
        ("قبل 5 سنوات", "2019-01-01", None, "relative"),
        ("الساعات الماضية", "2024-12-01", None, "duration"),
        ("اليوم الأحد", "2024-12-01", None, "relative"),
        ("خلال الساعات الـ24 الماضية", "2024-12-01", None, "duration"),
        ("على مدار الساعات الـ48 الماضية", "2024-12-01", None, "duration"),
        ("الأربعاء الماضي", "2024-11-27", None, "weekday"),
        ("منذ مارس/آذار 2020", "2020-03-01", None, "since"),
    ],
    "002": [
        ("الجمعة", "2024-11-29", None, "weekday"),
        ("الجمعة", "2024-11-29", None, "weekday"),
        ("الجمعة", "2024-11-29", None, "weekday"),
        ("مساء الخميس", "2024-11-28", "evening", "weekday"),
        ("فجر الجمعة", "2024-11-29", "dawn", "weekday"),
        ("وخلال الساعات القليلة الماضية", "2024-11-29", None, "duration"),
        ("آذار /مارس عام 2020", "2020-03-01", None, "absolute"),
        ("بعد منتصف ليلة اليوم الجمعة", "2024-11-29", "night", "relative"),
        ("والخميس", "2024-11-28", None, "weekday"),
    ],
    "003": [
        ("خلال الـ24 ساعة الماضية", "2024-11-30", None, "duration"),
        ("على مدار الساعات الـ24 الماضية", "2024-11-30", None, "duration"),
        ("خلال الساعات الماضية", "2024-11-30", None, "duration"),
        ("الأربعاء", "2024-11-27", None, "weekday"),
        ("منذ 6 مارس/آذار 2020", "2020-03-06", None, "since"),
        ("منذ العام 2011", "2011-01-01", None, "since"),
    ],
    "004": [
        ("صباح الأحد", "2024-12-01", "morning", "weekday"),
        ("الأحد", "2024-12-01", None, "weekday"),
        ("خلال الساعات الماضية", "2024-12-01", None, "duration"),
    ],
}


def test_whole_seed_articles(seeds: list[dict[str, Any]]) -> None:
    """Every expression of every seed, and nothing else: no M5, 48, 327, 20:15, لليوم الثالث, أحد..."""
    for seed in seeds:
        found = find_dates(seed["text"], dt.datetime.fromisoformat(seed["published_at"]))
        got = [(e.text, e.date.isoformat(), e.part_of_day, e.kind) for e in found]
        assert got == SEED_EXPECTED[seed["id"]], seed["id"]
        for e in found:
            assert seed["text"][e.start : e.end] == e.text
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


# ---------------------------------------------------------------- Arabic phrasing

ARABIC: list[tuple[str, str, list[Row]]] = [
    # weekdays, with and without يوم / اليوم / الماضي / المقبل
    ("قال الجمعة إن روسيا تريد", P002, [("الجمعة", "2024-11-29", "day", None, "weekday")]),
    ("قتل مدنيان يوم السبت في غارة", P000, [("يوم السبت", "2024-11-30", "day", None, "weekday")]),
    ("بدأ الهجوم يوم الأربعاء", P002, [("يوم الأربعاء", "2024-11-27", "day", None, "weekday")]),
    ("اجتماع الأحد المقبل", P000, [("الأحد المقبل", "2024-12-08", "day", None, "weekday")]),
    ("اجتماع الاثنين القادم", P000, [("الاثنين القادم", "2024-12-02", "day", None, "weekday")]),
    # الماضي is strictly before the publication day, even on the same weekday
    ("منذ الجمعة الماضي", P002, [("منذ الجمعة الماضي", "2024-11-22", "day", None, "since")]),
    ("الأحد الماضي", P000, [("الأحد الماضي", "2024-11-24", "day", None, "weekday")]),
    # relative days
    ("وأمس قتل 4 مدنيين", P000, [("وأمس", "2024-11-30", "day", None, "relative")]),
    ("قال بالأمس إن", P000, [("بالأمس", "2024-11-30", "day", None, "relative")]),
    ("شهدت البارحة اشتباكات", P000, [("البارحة", "2024-11-30", "day", None, "relative")]),
    ("يوم أمس", P000, [("يوم أمس", "2024-11-30", "day", None, "relative")]),
    ("أول أمس", P000, [("أول أمس", "2024-11-29", "day", None, "relative")]),
    ("وقع أول من أمس", P000, [("أول من أمس", "2024-11-29", "day", None, "relative")]),
    ("قبل يومين", P000, [("قبل يومين", "2024-11-29", "day", None, "relative")]),
    ("قبل ثلاثة أيام", P000, [("قبل ثلاثة أيام", "2024-11-28", "day", None, "relative")]),
    ("قبل ٣ أيام", P000, [("قبل ٣ أيام", "2024-11-28", "day", None, "relative")]),
    ("قبل أسبوع.", P000, [("قبل أسبوع", "2024-11-24", "day", None, "relative")]),
    ("منذ يومين", P000, [("منذ يومين", "2024-11-29", "day", None, "since")]),
    ("منذ 13 عاماً", P000, [("منذ 13 عاماً", "2011-01-01", "year", None, "since")]),
    ("هذا الصباح", P000, [("هذا الصباح", "2024-12-01", "day", "morning", "relative")]),
    ("الليلة الماضية", P000, [("الليلة الماضية", "2024-11-30", "day", "night", "relative")]),
    ("يصل غداً", P000, [("غداً", "2024-12-02", "day", None, "relative")]),
    ("يصل غدا", P000, [("غدا", "2024-12-02", "day", None, "relative")]),
    ("يوم غد", P000, [("يوم غد", "2024-12-02", "day", None, "relative")]),
    ("صباح الغد", P000, [("صباح الغد", "2024-12-02", "day", "morning", "relative")]),
    ("غداً الاثنين", P000, [("غداً الاثنين", "2024-12-02", "day", None, "relative")]),
    # parts of day
    ("صباح اليوم", P000, [("صباح اليوم", "2024-12-01", "day", "morning", "relative")]),
    ("فجر اليوم", P000, [("فجر اليوم", "2024-12-01", "day", "dawn", "relative")]),
    ("ظهر أمس", P000, [("ظهر أمس", "2024-11-30", "day", "noon", "relative")]),
    ("بعد ظهر الخميس", P000, [("بعد ظهر الخميس", "2024-11-28", "day", "afternoon", "weekday")]),
    ("مساء اليوم الأحد", P000, [("مساء اليوم الأحد", "2024-12-01", "day", "evening", "relative")]),
    ("مساءً أمس", P000, [("مساءً أمس", "2024-11-30", "day", "evening", "relative")]),
    ("ليلة الخميس", P002, [("ليلة الخميس", "2024-11-28", "day", "night", "weekday")]),
    ("ليلة أمس", P000, [("ليلة أمس", "2024-11-30", "day", "night", "relative")]),
    # "ليل X Y": the night from X into Y is dated by Y (outlets' overnight happenings mostly fall after
    # midnight; the seeds' "after midnight on Friday" and the wires date them so)
    ("ليل الخميس الجمعة", P002, [("ليل الخميس الجمعة", "2024-11-29", "day", "night", "weekday")]),
    ("ليلة السبت على الأحد", P000, [("ليلة السبت على الأحد", "2024-12-01", "day", "night", "weekday")]),
    # an adverb after the day, tanwin kept in the span
    ("وصل الأحد مساءً إلى", P000, [("الأحد مساءً", "2024-12-01", "day", "evening", "weekday")]),
    ("اليوم صباحاً", P000, [("اليوم صباحاً", "2024-12-01", "day", "morning", "relative")]),
    # calendar dates: Gregorian, Levantine, paired, ordinal days, numeric
    ("في 6 مارس/آذار 2020", P003, [("6 مارس/آذار 2020", "2020-03-06", "day", None, "absolute")]),
    ("في 30 نوفمبر/تشرين الثاني", P000, [("30 نوفمبر/تشرين الثاني", "2024-11-30", "day", None, "absolute")]),
    ("تشرين الثاني/نوفمبر", P000, [("تشرين الثاني/نوفمبر", "2024-11-01", "month", None, "absolute")]),
    ("كانون الأول", P000, [("كانون الأول", "2024-12-01", "month", None, "absolute")]),
    ("1 ديسمبر 2024", P000, [("1 ديسمبر 2024", "2024-12-01", "day", None, "absolute")]),
    ("الخامس من كانون الأول", P000, [("الخامس من كانون الأول", "2024-12-05", "day", None, "absolute")]),
    (
        "في الحادي عشر من سبتمبر 2001",
        P000,
        [("الحادي عشر من سبتمبر 2001", "2001-09-11", "day", None, "absolute")],
    ),
    (
        "الثامن والعشرين من تشرين الثاني",
        P000,
        [("الثامن والعشرين من تشرين الثاني", "2024-11-28", "day", None, "absolute")],
    ),
    ("الأحد 1 ديسمبر 2024", P000, [("الأحد 1 ديسمبر 2024", "2024-12-01", "day", None, "absolute")]),
    ("يوم 28 نوفمبر", P000, [("يوم 28 نوفمبر", "2024-11-28", "day", None, "absolute")]),
    ("في شهر نيسان", P000, [("شهر نيسان", "2024-04-01", "month", None, "absolute")]),
    ("نيسان 2020", P000, [("نيسان 2020", "2020-04-01", "month", None, "absolute")]),
    ("مارس الماضي", P000, [("مارس الماضي", "2024-03-01", "month", None, "absolute")]),
    ("آذار المقبل", P000, [("آذار المقبل", "2025-03-01", "month", None, "absolute")]),
    ("30/11/2024", P000, [("30/11/2024", "2024-11-30", "day", None, "absolute")]),
    ("2024-11-30", P000, [("2024-11-30", "2024-11-30", "day", None, "absolute")]),
    ("٣٠/١١/٢٠٢٤", P000, [("٣٠/١١/٢٠٢٤", "2024-11-30", "day", None, "absolute")]),
    # years need a cue
    ("عام 2020", P000, [("عام 2020", "2020-01-01", "year", None, "absolute")]),
    ("عام ٢٠٢٠", P000, [("عام ٢٠٢٠", "2020-01-01", "year", None, "absolute")]),
    # two years named by the dual ("in the years 2019 and 2021"): the first dates the sentence
    ("في عامي 2019 و2021", P000, [("عامي 2019", "2019-01-01", "year", None, "absolute")]),
    ("منذ 2011", P000, [("منذ 2011", "2011-01-01", "year", None, "since")]),
    ("العام الماضي", P000, [("العام الماضي", "2023-01-01", "year", None, "relative")]),
    ("منذ الشهر الماضي", P000, [("منذ الشهر الماضي", "2024-11-01", "month", None, "since")]),
    # durations
    ("خلال الـ24 ساعة الماضية", P003, [("خلال الـ24 ساعة الماضية", "2024-11-30", "day", None, "duration")]),
    ("في الساعات الـ24 الماضية", P003, [("في الساعات الـ24 الماضية", "2024-11-30", "day", None, "duration")]),
    (
        "خلال الأيام الثلاثة الماضية",
        P003,
        [("خلال الأيام الثلاثة الماضية", "2024-11-30", "day", None, "duration")],
    ),
    ("خلال آخر 48 ساعة", P003, [("خلال آخر 48 ساعة", "2024-11-30", "day", None, "duration")]),
    # diacritics in the text do not matter
    ("مَسَاءَ أَمْسِ السَّبْتِ", P000, [("مَسَاءَ أَمْسِ السَّبْتِ", "2024-11-30", "day", "evening", "relative")]),
]


@pytest.mark.parametrize(("text", "published_at", "expected"), ARABIC)
def test_arabic(text: str, published_at: str, expected: list[Row]) -> None:
    assert rows(text, published_at) == expected


# ---------------------------------------------------------------- English equivalents

ENGLISH: list[tuple[str, str, list[Row]]] = [
    ("Rebels entered Aleppo on Saturday.", P000, [("Saturday", "2024-11-30", "day", None, "weekday")]),
    (
        "Air strikes hit Idlib late on Monday.",
        P000,
        [("late on Monday", "2024-11-25", "day", "night", "weekday")],
    ),
    ("Fighting resumed early Sunday.", P000, [("early Sunday", "2024-12-01", "day", "morning", "weekday")]),
    (
        "The army said on Saturday evening",
        P000,
        [("Saturday evening", "2024-11-30", "day", "evening", "weekday")],
    ),
    ("Clashes on Friday night", P000, [("Friday night", "2024-11-29", "day", "night", "weekday")]),
    ("He said yesterday that", P000, [("yesterday", "2024-11-30", "day", None, "relative")]),
    ("two days ago", P000, [("two days ago", "2024-11-29", "day", None, "relative")]),
    ("3 days ago", P000, [("3 days ago", "2024-11-28", "day", None, "relative")]),
    ("three years ago", P000, [("three years ago", "2021-01-01", "year", None, "relative")]),
    ("last Wednesday", P000, [("last Wednesday", "2024-11-27", "day", None, "weekday")]),
    ("next Sunday", P000, [("next Sunday", "2024-12-08", "day", None, "weekday")]),
    (
        "the offensive launched since Wednesday",
        P000,
        [("since Wednesday", "2024-11-27", "day", None, "since")],
    ),
    ("since last Wednesday", P000, [("since last Wednesday", "2024-11-27", "day", None, "since")]),
    ("on 1 December 2024", P000, [("1 December 2024", "2024-12-01", "day", None, "absolute")]),
    ("on December 1, 2024", P000, [("December 1, 2024", "2024-12-01", "day", None, "absolute")]),
    ("Sunday, December 1, 2024", P000, [("Sunday, December 1, 2024", "2024-12-01", "day", None, "absolute")]),
    ("on Dec. 1", P000, [("Dec. 1", "2024-12-01", "day", None, "absolute")]),
    ("the 1st of December", P000, [("1st of December", "2024-12-01", "day", None, "absolute")]),
    ("a ceasefire in March 2020", P000, [("March 2020", "2020-03-01", "month", None, "absolute")]),
    ("in December", P000, [("December", "2024-12-01", "month", None, "absolute")]),
    ("held by Damascus since 2016", P000, [("since 2016", "2016-01-01", "year", None, "since")]),
    ("a war that began in 2011", P000, [("2011", "2011-01-01", "year", None, "absolute")]),
    ("this morning", P000, [("this morning", "2024-12-01", "day", "morning", "relative")]),
    ("last night", P000, [("last night", "2024-11-30", "day", "night", "relative")]),
    ("in the past 24 hours", P000, [("in the past 24 hours", "2024-12-01", "day", None, "duration")]),
    ("over the last two days", P000, [("over the last two days", "2024-12-01", "day", None, "duration")]),
    ("yesterday (Saturday)", P000, [("yesterday (Saturday)", "2024-11-30", "day", None, "relative")]),
    ("11/30/2024", P000, [("11/30/2024", "2024-11-30", "day", None, "absolute")]),  # day > 12: month first
]


@pytest.mark.parametrize(("text", "published_at", "expected"), ENGLISH)
def test_english(text: str, published_at: str, expected: list[Row]) -> None:
    assert rows(text, published_at) == expected


# ---------------------------------------------------------------- traps

TRAPS: list[tuple[str, str, list[Row]]] = [
    # A bare weekday is the latest such day at or before publication: "الجمعة" in a Friday article is that
    # Friday, "الخميس" the day before, "السبت" in a Friday article the previous week's Saturday.
    ("الجمعة", P002, [("الجمعة", "2024-11-29", "day", None, "weekday")]),
    ("والخميس", P002, [("والخميس", "2024-11-28", "day", None, "weekday")]),
    ("السبت", P002, [("السبت", "2024-11-23", "day", None, "weekday")]),
    # أمس contradicting its weekday (Tuesday article, yesterday was Monday): the weekday wins, the nearest
    # such day strictly before publication; nothing is invented from "Monday".
    ("وقعت الغارة أمس السبت", TUE, [("أمس السبت", "2024-11-30", "day", None, "weekday")]),
    # The publisher's day: stamped Saturday 22:30 UTC, the article says today is Sunday -> Sunday, and
    # its other relative words follow the publisher's day too.
    ("سيزور دمشق اليوم الأحد", UTC_SAT_LATE, [("اليوم الأحد", "2024-12-01", "day", None, "relative")]),
    (
        "قال اليوم الأحد إن غارات أمس أسفرت",
        UTC_SAT_LATE,
        [
            ("اليوم الأحد", "2024-12-01", "day", None, "relative"),
            ("أمس", "2024-11-30", "day", None, "relative"),
        ],
    ),
    (
        "Araghchi will visit Damascus today, Sunday, after talks yesterday",
        UTC_SAT_LATE,
        [
            ("today, Sunday", "2024-12-01", "day", None, "relative"),
            ("yesterday", "2024-11-30", "day", None, "relative"),
        ],
    ),
    # "أمس السبت" in a Saturday-UTC article: also one day off, so the publisher is already on Sunday.
    ("مساء أمس السبت", UTC_SAT_LATE, [("مساء أمس السبت", "2024-11-30", "day", "evening", "relative")]),
    # Without "today, Sunday" the stamp's own day holds.
    ("غارات أمس", UTC_SAT_LATE, [("أمس", "2024-11-29", "day", None, "relative")]),
    # Anchors that disagree correct nothing globally; each is resolved on its own.
    (
        "اليوم الأحد ... اليوم السبت",
        UTC_SAT_LATE,
        [
            ("اليوم الأحد", "2024-12-01", "day", None, "weekday"),
            ("اليوم السبت", "2024-11-30", "day", None, "relative"),
        ],
    ),
    # More than one day off: the weekday named, at or before publication.
    ("اليوم الأربعاء", P003, [("اليوم الأربعاء", "2024-11-27", "day", None, "weekday")]),
    # "بعد منتصف ليلة اليوم الجمعة": Friday, night.
    (
        "بعد منتصف ليلة اليوم الجمعة",
        P002,
        [("بعد منتصف ليلة اليوم الجمعة", "2024-11-29", "day", "night", "relative")],
    ),
    # Day and month without a year: the latest at or before publication ...
    ("28 نوفمبر", "2024-12-10T09:00:00+03:00", [("28 نوفمبر", "2024-11-28", "day", None, "absolute")]),
    ("30 ديسمبر", "2025-01-05T09:00:00+03:00", [("30 ديسمبر", "2024-12-30", "day", None, "absolute")]),
    ("20 يناير", P000, [("20 يناير", "2024-01-20", "day", None, "absolute")]),
    ("29 فبراير", "2025-03-01T09:00:00+03:00", [("29 فبراير", "2024-02-29", "day", None, "absolute")]),
    # ... unless it is at most FUTURE_GRACE_DAYS (31) ahead: an event announced for later this month.
    ("15 ديسمبر", P000, [("15 ديسمبر", "2024-12-15", "day", None, "absolute")]),
    # A month without a year: the latest at or before the publication month.
    ("كانون الأول", "2024-11-20T09:00:00+03:00", [("كانون الأول", "2023-12-01", "month", None, "absolute")]),
    # A rejected reading does not swallow what follows it.
    (
        "الجمعة السبت",
        P000,
        [("الجمعة", "2024-11-29", "day", None, "weekday"), ("السبت", "2024-11-30", "day", None, "weekday")],
    ),
    ("قبل يوم الأحد", P000, [("يوم الأحد", "2024-12-01", "day", None, "weekday")]),
    ("مارس الضغوط يوم السبت", P000, [("يوم السبت", "2024-11-30", "day", None, "weekday")]),
    # Proclitics: ل + ال gives لل.
    ("للخميس", P002, [("للخميس", "2024-11-28", "day", None, "weekday")]),
]


@pytest.mark.parametrize(("text", "published_at", "expected"), TRAPS)
def test_traps(text: str, published_at: str, expected: list[Row]) -> None:
    assert rows(text, published_at) == expected


NOT_DATES = [
    "أسفرت العمليات العسكرية عن مقتل 327 شخصاً",
    "سيطرتها الكاملة على جزء من طريق حلب-حماة (M5)",
    "استمرت لأكثر من 36 ساعة متواصلة و48 ساعة",
    "القضاء على 300 مسلح على الأقل",
    "بمساحة تقدر بـ 400 كيلومتر مربع و200 كم مربع",
    "20:15",
    "تحديثات جديدة 17:57 15:03",
    "نشرت الصحيفة اليومية تقريرا",
    "المعارك المتواصلة لليوم الثالث على التوالي",
    "وصل في اليوم التالي",
    "في ذلك اليوم",
    "في مثل هذا اليوم من عام",
    "قتل أحد الأشخاص في الغارة",
    "أحد المدنيين",
    "اللاعبون الأحد عشر",
    "اتفق كلا الاثنين",
    "مارس الضغوط على الحكومة",
    "على باب الهوى",
    "قال والده إن أب الضحية",
    "سيارة نيسان بيضاء",
    "قناة الغد",
    "بين 2011 و2024",
    "تجاوز العدد 2024 شخصاً",
    "سيتحرك خلال الساعات المقبلة",
    "في السنوات الماضية",
    "منذ حوالي ثلاث ساعات",
    "قبل يوم الانتخابات",
    "قبل يومين من الانتخابات",
    "31/02/2024",
    "at least 10 may have died",
    "a march on the capital",
    "tens of thousands",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert rows(text, P000) == []


def test_one_of_is_not_sunday_but_the_weekday_is() -> None:
    assert rows("قتل أحد المدنيين يوم السبت", P000) == [("يوم السبت", "2024-11-30", "day", None, "weekday")]


def test_tripolis_souq_al_juma_is_no_friday() -> None:
    assert rows("أعلن المجلس الاجتماعي لسوق الجمعة التوصل إلى اتفاق", P000) == []
    assert rows("اشتباكات في سوق الجمعة", P000) == []


# ---------------------------------------------------------------- API


def test_publication_day_uses_the_stamps_own_offset() -> None:
    assert publication_day(dt.datetime(2024, 11, 30, 22, 30)) == dt.date(2024, 11, 30)  # naive = UTC
    assert publication_day(dt.datetime.fromisoformat("2024-12-01T01:30:00+03:00")) == dt.date(2024, 12, 1)
    assert publication_day(dt.datetime.fromisoformat("2024-11-30T22:30:00+00:00")) == dt.date(2024, 11, 30)


def test_naive_published_at_is_utc() -> None:
    found = find_dates("أمس", dt.datetime(2024, 12, 1, 23, 0))
    assert [e.date for e in found] == [dt.date(2024, 11, 30)]


def test_resolution_never_uses_the_wall_clock() -> None:
    found = find_dates("أمس الأربعاء و28 نوفمبر", dt.datetime.fromisoformat("2019-11-28T10:00:00+02:00"))
    assert [(e.text, e.date) for e in found] == [
        ("أمس الأربعاء", dt.date(2019, 11, 27)),
        ("و28 نوفمبر", dt.date(2019, 11, 28)),  # spans are whole words, proclitic included
    ]


def test_longest_expression_wins_and_spans_do_not_overlap() -> None:
    text = "في آذار /مارس عام 2020، ومساء أمس السبت"
    found = find_dates(text, dt.datetime.fromisoformat(P000))
    assert [e.text for e in found] == ["آذار /مارس عام 2020", "ومساء أمس السبت"]
    assert [text[e.start : e.end] for e in found] == [e.text for e in found]


def test_resolve_date_prefers_a_date_over_a_duration() -> None:
    pub = dt.datetime.fromisoformat(P001)
    best = resolve_date("خلال الساعات الـ24 الماضية، أعلنت الأربعاء الماضي", pub)
    assert best is not None and (best.text, best.date, best.kind) == (
        "الأربعاء الماضي",
        dt.date(2024, 11, 27),
        "weekday",
    )
    only = resolve_date("خلال الساعات الـ24 الماضية", pub)
    assert only is not None and only.kind == "duration" and only.date == dt.date(2024, 12, 1)
    assert resolve_date("لا تاريخ هنا", pub) is None


def test_results_are_frozen() -> None:
    e = find_dates("أمس", dt.datetime.fromisoformat(P000))[0]
    assert isinstance(e, TemporalExpression)
    with pytest.raises(AttributeError):
        e.date = dt.date(2000, 1, 1)  # type: ignore[misc]


def test_vocabulary_file_covers_every_weekday_and_month() -> None:
    data = json.loads(resources.files("summarizer.data").joinpath("temporal.json").read_text("utf-8"))
    assert sorted(e["weekday"] for e in data["weekdays"]) == list(range(7))
    assert sorted(e["month"] for e in data["months"]) == list(range(1, 13))
    for e in data["months"]:
        assert set(e["ambiguous"]) <= set(e["ar"] + e["en"]), e["month"]
    assert sorted(set(data["ordinals"]["ar"].values())) == list(range(1, 32))
    # entries are written in ordinary Arabic: folding changes some of them, so they are folded on load
    assert any(fold(w) != w for e in data["months"] for w in e["ar"])


def test_a_300_character_sentence_with_five_dated_phrases() -> None:
    sentence = (
        "وأفاد الدفاع المدني بإصابة اثنين في الأتارب بعد تعرضها إلى القصف بعد منتصف ليلة اليوم الجمعة، "
        "والخميس لقي 15 مدنيا حتفهم، فيما قالت مصادر إن الهجوم بدأ منذ يوم الأربعاء الماضي، وإن 300 مسلح "
        "قتلوا خلال الساعات الـ24 الماضية في ريف حلب الغربي منذ 6 مارس/آذار 2020 وقف لإطلاق النار هناك"
    )
    assert 280 <= len(sentence) <= 320
    pub = dt.datetime.fromisoformat(P002)
    assert len(find_dates(sentence, pub)) == 5  # speed is measured in bench/, not here


@pytest.mark.parametrize(
    "text",
    [
        "اندلعت اشتباكات عنيفة في المدينة ليل الاثنين الثلاثاء",
        "دوت انفجارات قوية ليلة الاثنين إلى الثلاثاء في أحياء العاصمة",
        "Heavy clashes broke out overnight Monday into Tuesday in the capital",
        "Explosions shook the city on the night of Monday to Tuesday",
        "Gunmen attacked a checkpoint Monday night into Tuesday",
    ],
)
def test_a_night_named_by_its_two_days_is_dated_on_the_second(text: str) -> None:
    published = dt.datetime(2025, 5, 13, 15, 0, tzinfo=dt.UTC)  # a Tuesday
    found = [d for d in find_dates(text, published) if d.kind == "weekday"]
    assert [(d.date, d.part_of_day) for d in found] == [(dt.date(2025, 5, 13), "night")]


@pytest.mark.parametrize(
    ("text", "day"),
    [("Heavy fighting raged on Monday night", 12), ("قصفت الطائرات المدينة ليل الاثنين", 12)],
)
def test_a_night_named_by_one_day_keeps_that_day(text: str, day: int) -> None:
    published = dt.datetime(2025, 5, 13, 15, 0, tzinfo=dt.UTC)
    assert [d.date for d in find_dates(text, published)] == [dt.date(2025, 5, day)]


# ---------------------------------------------------------------- a page published in the small hours

@pytest.mark.parametrize(
    ("text", "published_at", "day"),
    [
        ("قبيل منتصف الليل بقليل سقطت قذائف على البلدة", "2021-03-10T01:15:00+02:00", "2021-03-09"),
        ("Shortly before midnight, shells hit the town", "2021-03-10T01:15:00+02:00", "2021-03-09"),
        ("سقطت قذائف على البلدة مساء اليوم", "2021-03-10T02:30:00+03:00", "2021-03-09"),
        ("Shells hit the town this evening", "2021-03-10T05:10:00+00:00", "2021-03-09"),
        # later in the day, the evening is the day's own; the morning is the page's day at any hour
        ("سقطت قذائف على البلدة مساء اليوم", "2021-03-10T21:30:00+03:00", "2021-03-10"),
        ("Shells hit the town this morning", "2021-03-10T01:15:00+02:00", "2021-03-10"),
    ],
)
def test_the_evening_named_on_a_page_of_the_small_hours_is_the_one_just_past(
    text: str, published_at: str, day: str
) -> None:
    found = resolve_date(text, dt.datetime.fromisoformat(published_at))
    assert found is not None and found.date.isoformat() == day, found


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Between the afternoons of 8 and 10 May, 109 people were killed.", "2024-05-08", "2024-05-10"),
        ("Two soldiers were killed between May 8 and 10.", "2024-05-08", "2024-05-10"),
        ("قتل 109 أشخاص بين 8 و10 أيار.", "2024-05-08", "2024-05-10"),
    ],
)
def test_a_range_of_days_names_both_ends_and_ends_on_its_last(text: str, start: str, end: str) -> None:
    found = [(d.kind, d.date.isoformat()) for d in find_dates(text, dt.datetime(2024, 5, 10, 12, tzinfo=dt.UTC))]
    assert found == [("since", start), ("absolute", end)]


def test_a_figure_before_a_date_is_no_range() -> None:
    found = find_dates("Gunmen killed 5 and wounded 10 on 12 May.", dt.datetime(2024, 5, 12, 12, tzinfo=dt.UTC))
    assert [d.date.isoformat() for d in found] == ["2024-05-12"]


def test_a_timeline_told_under_day_lines_is_dated_by_them() -> None:
    published = dt.datetime.fromisoformat("2019-03-10T20:00:00+02:00")
    text = (
        "A summary of the week's fighting.\n\nTHURSDAY, MARCH 7\n\n- Shelling hit the market.\n\n"
        "الجمعة 8 آذار\n\n- وقتل ثلاثة.\n\nSunday\n\n- Talks resumed."
    )
    spans = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    found = day_headings(text, spans, published)
    assert [(text[s : s + 8], m.date(), m.hour) for s, m in found.items()] == [
        ("THURSDAY", dt.date(2019, 3, 7), 23),
        ("الجمعة 8", dt.date(2019, 3, 8), 23),
        ("Sunday\n\n", dt.date(2019, 3, 10), 20),  # the publication's own day: as of the publication
    ]


@pytest.mark.parametrize(
    "text",
    [
        # one such line is no timeline; a line with words besides its day, or a day to come, is no heading
        "THURSDAY, MARCH 7\n\n- Shelling hit the market.",
        "Fighting on Thursday\n\n- Shelling hit the market.\n\nClashes on Friday\n\n- Three were killed.",
        "MONDAY, MARCH 11\n\n- Talks are due.\n\nTUESDAY, MARCH 12\n\n- A vote is due.",
    ],
)
def test_no_timeline_without_two_lines_that_are_only_past_days(text: str) -> None:
    published = dt.datetime.fromisoformat("2019-03-10T20:00:00+02:00")
    spans = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    assert day_headings(text, spans, published) == {}


@pytest.mark.parametrize(
    ("text", "published_at", "expected"),
    [
        # "ليلاً", "overnight" with no day: in a morning paper, the night just past, dated by its evening
        ("غادرت مئات العائلات المدينة ليلاً", "2024-12-01T09:00:00+02:00", [("ليلاً", "2024-11-30", "day", "night", "relative")]),
        ("Jets struck the town overnight", "2024-12-01T09:00:00+02:00", [("overnight", "2024-11-30", "day", "night", "relative")]),
        # later in the day, which night is meant is not said
        ("غادرت مئات العائلات المدينة ليلاً", "2024-12-01T18:00:00+02:00", []),
        ("Jets struck the town overnight", "2024-12-01T18:00:00+02:00", []),
        # a day named with it dates it
        ("قصفت الطائرات البلدة يوم الخميس ليلاً", "2024-12-01T09:00:00+02:00", [("يوم الخميس ليلاً", "2024-11-28", "day", "night", "weekday")]),
    ],
)
def test_a_bare_night_is_last_night_only_in_a_morning_paper(text: str, published_at: str, expected: list[Row]) -> None:
    assert rows(text, published_at) == expected
