"""Grounding: quotes located; an event's date, region, place and figures checked against its own evidence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from summarizer.articles import Article
from summarizer.checking.grounding import event_fact_problems, ground_evidence
from summarizer.schemas import Bilingual, Evidence

SUNDAY = dt.datetime(2024, 12, 1, 12, tzinfo=dt.timezone(dt.timedelta(hours=3)))
FRIDAY = dt.datetime(2024, 11, 29, 20, 30, tzinfo=dt.timezone(dt.timedelta(hours=3)))
ARTICLES = {
    "sun": Article(
        "sun",
        "وكما أعلنت مساء أمس السبت، توسيع نطاق سيطرتها في ريف حماة الشمالي. "
        "قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب شمال سوريا.",
        SUNDAY,
        False,
        SUNDAY.date(),
        "ar",
    ),
    "fri": Article(
        "fri",
        "والخميس، لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم، فيما أصيب خمسة مدنيين، "
        "جراء غارة على أحياء سكنية في مدينة الأتارب.",
        FRIDAY,
        False,
        FRIDAY.date(),
        "ar",
    ),
}
SATURDAY_EVENING = Evidence(
    article_id="sun", quote="وكما أعلنت مساء أمس السبت، توسيع نطاق سيطرتها في ريف حماة الشمالي"
)
IDLIB_TOLL = Evidence(article_id="sun", quote="قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب")
ATARIB = Evidence(article_id="fri", quote=ARTICLES["fri"].text)


def problems(evidence: Evidence, **fields: Any) -> list[str]:
    base: dict[str, Any] = {
        "day": evidence and dt.date(2024, 11, 30),
        "precision": "day",
        "region": None,
        "location": None,
        "fatalities": None,
        "injured": None,
    }
    base.update(fields)
    return event_fact_problems("events[0]", evidence=[evidence], articles=ARTICLES, **base)


@pytest.mark.parametrize(
    ("evidence", "fields", "expect"),
    [
        (SATURDAY_EVENING, {"day": dt.date(2024, 11, 30), "region": "hama"}, None),
        (SATURDAY_EVENING, {"day": dt.date(2024, 12, 1), "region": "hama"}, "means 2024-11-30"),
        (
            SATURDAY_EVENING,
            {"day": dt.date(2024, 11, 30), "region": "aleppo"},
            "region 'aleppo' is not named",
        ),
        (SATURDAY_EVENING, {"day": dt.date(2024, 11, 1), "precision": "month", "region": "hama"}, None),
        (IDLIB_TOLL, {"day": dt.date(2024, 12, 1), "region": "idlib", "fatalities": 4, "injured": 20}, None),
        (
            IDLIB_TOLL,
            {"day": dt.date(2024, 11, 30), "region": "idlib"},
            None,
        ),  # undated: the day before is fine
        (IDLIB_TOLL, {"day": dt.date(2024, 11, 25), "region": "idlib"}, "not stated by its evidence"),
        (IDLIB_TOLL, {"day": dt.date(2024, 12, 1), "fatalities": 40}, "fatalities 40 is not a figure"),
        (IDLIB_TOLL, {"day": dt.date(2024, 12, 1), "injured": 4}, None),  # 4 is stated (if as the killed)
        (IDLIB_TOLL, {"day": dt.date(2024, 12, 1), "location": Bilingual(en="Idlib")}, None),
        (
            IDLIB_TOLL,
            {"day": dt.date(2024, 12, 1), "location": Bilingual(en="Saraqib")},
            "location.en 'Saraqib'",
        ),
        (
            ATARIB,
            {
                "day": dt.date(2024, 11, 28),
                "region": "aleppo",
                "fatalities": 15,
                "injured": 5,
                "location": Bilingual(ar="الأتارب", en="Atarib"),
            },
            None,
        ),
        (ATARIB, {"day": dt.date(2024, 11, 29), "region": "aleppo", "fatalities": 15}, "means 2024-11-28"),
        (ATARIB, {"day": dt.date(2024, 11, 28), "region": "idlib", "fatalities": 15}, "region 'idlib'"),
        (ATARIB, {"day": dt.date(2024, 11, 28), "fatalities": 16}, "fatalities 16"),
    ],
)
def test_event_facts_against_evidence(evidence: Evidence, fields: dict[str, Any], expect: str | None) -> None:
    found = problems(evidence, **fields)
    if expect is None:
        assert found == []
    else:
        assert any(expect in p for p in found), found


def test_ground_evidence_repairs_and_refuses() -> None:
    evs = [
        Evidence(article_id="sun", quote="قتل 4 مدنيين وأصيب  20 آخرون"),  # double space: repaired
        Evidence(article_id="sun", quote="قتل 40 مدنيا"),  # not there
        Evidence(article_id="nope", quote="قتل 4 مدنيين"),  # not an article of the group
    ]
    fixed, check = ground_evidence(evs, ARTICLES, "bullets[0]")
    assert [e.quote for e in fixed] == ["قتل 4 مدنيين وأصيب 20 آخرون"]
    assert len(check.repairs) == 1 and len(check.problems) == 2
    assert "is not in article 'sun'" in check.problems[0] and "'nope' is not one of" in check.problems[1]
