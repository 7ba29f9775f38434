"""The readers at the edges: the calendar's first and last days, superscript digits, absurd digit runs."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.reading import checkable, dates, facts, numbers
from summarizer.reading.text import content_sentences, fold, words

FIRST = dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=14)))
LAST = dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.timezone(dt.timedelta(hours=-12)))
STEPS = ["أمس", "غدا", "قبل أسبوع", "الأسبوع المقبل", "yesterday", "tomorrow", "next month", "last year",
         "الشهر الماضي", "قبل 5 سنوات", "after 3 days", "اليوم الأحد", "السبت الماضي", "next Friday",
         "12 ديسمبر", "December 12", "in 9999 years", "منذ 9999 عاما"]  # fmt: skip


@pytest.mark.parametrize("when", [FIRST, LAST], ids=["year-1", "year-9999"])
@pytest.mark.parametrize("phrase", STEPS)
def test_steps_past_the_calendar_are_left_unresolved_not_raised(phrase: str, when: dt.datetime) -> None:
    found = dates.find_dates(f"قتل 4 مدنيين {phrase} في حلب", when)
    for expr in found:
        assert dt.date.min <= expr.date <= dt.date.max
    facts.read(f"Four people were killed {phrase} in Aleppo.", when)  # the whole sentence reader too


def test_a_step_inside_the_calendar_still_resolves() -> None:
    [expr] = dates.find_dates("أمس", dt.datetime(2, 1, 1, tzinfo=dt.UTC))
    assert expr.date == dt.date(1, 12, 31)
    assert dates.find_dates("أمس", FIRST) == []  # the day before 1 January of year 1 does not exist


def test_superscript_digits_are_not_numbers() -> None:
    assert "¹²³".isdigit() and not "¹²³".isdecimal()  # the trap: isdigit() accepts what int() refuses
    assert numbers.find_quantities("قتل ¹²³ مدنيين في حلب") == []
    assert numbers.casualties("killed ² people and injured ³") == (None, None)
    assert numbers.parse_number("²⁰") is None
    found = dates.find_dates("في ¹² ديسمبر", dt.datetime(2024, 12, 20, tzinfo=dt.UTC))
    assert [(e.text, e.precision) for e in found] == [("ديسمبر", "month")]  # the month, not a 12th


def test_other_scripts_decimal_digits_still_count() -> None:
    assert numbers.casualties("قتل ١٢ مدنيا") == (12, None)


@pytest.mark.parametrize("n", [16, 4301, 20_000])
def test_absurd_digit_runs_are_ignored(n: int) -> None:
    run = "9" * n
    assert numbers.find_quantities(f"killed {run} people in Aleppo") == []
    assert numbers.casualties(f"قتل {run} مدنيا") == (None, None)
    assert numbers.parse_number(run) is None
    dates.find_dates(f"قبل {run} أيام", dt.datetime(2024, 12, 1, tzinfo=dt.UTC))


def test_fifteen_digits_are_still_a_number() -> None:
    assert numbers.parse_number("123456789012345") == 123456789012345


# Property: whatever the text and whatever the publication time, reading it raises nothing.
_PIECE = st.one_of(
    st.sampled_from([*"0123456789٠١٢٣٤٥٦٧٨٩¹²³⁴⁰½ ,.-/:؛،", "\n"]),
    st.sampled_from(
        ["قتل", "أمس", "غدا", "قبل", "أسبوع", "ديسمبر", "killed", "next", "month", "ago", "9" * 30]
    ),
    st.characters(codec="utf-8"),
)
_TEXT = st.lists(_PIECE, max_size=30).map(" ".join)
_MOMENT = st.datetimes(
    min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31), timezones=st.timezones()
).filter(lambda m: m.utcoffset() is not None)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_TEXT, moment=_MOMENT)
def test_readers_never_raise(text: str, moment: dt.datetime) -> None:
    dates.find_dates(text, moment)
    numbers.find_quantities(text)
    numbers.casualties(text)
    numbers.parse_number(text)
    facts.read(text, moment)
    checkable.read(text, moment)
    content_sentences(text)
    fold(text)
    words(text)
