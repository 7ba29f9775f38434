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


# invented copy, published on a Saturday (tests.checking.support.DAM): the lead names the evening before, two
# sentences about something else follow, then the undated toll
LEAD_DATED = (
    "Within an hour on Friday evening, the port city faced two attacks at once. "
    "The question on Saturday was how the government would answer. "
    "The first attack began at about 7 p.m. near the ferry terminal. "
    "Police said six people were killed and 14 wounded in the shooting."
)


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        # the lead dates an undated sentence told further down
        ("Police said the shooting on Friday evening killed six people.", []),
        ("Police said the shooting killed six people on Saturday.", []),  # the publication day still stands
        ("Police said the shooting on Thursday killed six people.", ["date"]),
    ],
)
def test_an_undated_sentence_is_dated_by_its_articles_lead(claim: str, kinds: list[str]) -> None:
    assert _kinds(_sources(LEAD_DATED, "en"), claim) == kinds
