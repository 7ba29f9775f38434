"""Dates (checking/days.py), and nights named by the two days they span."""

from __future__ import annotations

import pytest

from tests.checking.support import _kinds, _sources


@pytest.mark.parametrize(
    ("text", "claim", "kinds"),
    [
        # a night named by its two days is either day's, whichever of the two the date was read as
        ("ar", "The commander was killed on Thursday evening in an ambush near Sarmin.", []),
        ("ar", "The commander was killed on Friday in an ambush near Sarmin.", []),
        ("ar", "The commander was killed on Wednesday in an ambush near Sarmin.", ["date"]),
        ("ar", "قتل القائد مساء الخميس في كمين قرب سرمين.", []),
        ("ar", "قتل القائد يوم الثلاثاء في كمين قرب سرمين.", ["date"]),
        ("en", "The commander was killed on Thursday evening in an ambush near Sarmin.", []),
        ("en", "قتل القائد مساء الخميس في كمين قرب سرمين.", []),
        ("en", "The commander was killed on Saturday in an ambush near Sarmin.", ["date"]),
    ],
)
def test_both_days_of_a_night_named_by_two_days(text: str, claim: str, kinds: list[str]) -> None:
    sources = (
        _sources("قتل قائد ميداني في كمين قرب بلدة سرمين ليل الخميس الجمعة، بحسب مصادر محلية.")
        if text == "ar"
        else _sources("A field commander was killed in an ambush near the town of Sarmin on the night of Thursday to Friday.", "en")
    )
    assert _kinds(sources, claim) == kinds, sources.check(claim)
