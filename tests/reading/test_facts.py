"""Sentence facts: where a sentence's happening is, leaving out datelines and places inside actors' names."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.reading import facts

MOMENT = dt.datetime(2024, 6, 13, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("sentence", "located", "region"),
    [
        (
            "SANAA, June 13 (Meridian) - The Houthis said they attacked a ship south-west of Hodeidah.",
            ["Hodeidah"],
            "hodeidah",
        ),
        ("وقالت وزارة الصحة في غزة إن 32 شخصا قتلوا في قصف على مخيم جباليا", ["مخيم جباليا"], "north-gaza"),
        ("واستدعت بغداد القائم بالأعمال الأمريكي", [], None),  # Baghdad speaks for the government
        ("ALEPPO, Syria, Nov 28 (Levant Wire) - An air strike hit al-Atarib.", ["al-Atarib"], "aleppo"),
        ("قصف مدفعي على حي الشجاعية شرق مدينة غزة", ["الشجاعية", "غزة"], "gaza"),
        ("بيروت، 23 أيلول (وكالة الساحل) - غارات عنيفة على النبطية", ["النبطية"], "nabatieh"),
        ("قتل قيادي في ضربة على سيارة في حي شرق بغداد", ["بغداد"], "baghdad"),  # a place: after شرق
    ],
)
def test_located_places_and_region(sentence: str, located: list[str], region: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert [m.text for m in f.located] == located
    assert f.region() == region
    assert [m.text for m in f.syrian_places] == [m.text for m in f.located if m.place.region is not None]
