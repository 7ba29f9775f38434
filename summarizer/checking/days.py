"""Checks of when a claim says it happened, a night over two days included."""

from __future__ import annotations

import datetime as dt
import re

from summarizer.checking.issues import Issue
from summarizer.checking.sentences import Sentence
from summarizer.reading import dates
from summarizer.reading.checkable import Facts
from summarizer.reading.dates import TemporalExpression
from summarizer.reading.text import fold

_ONE_DAY = dt.timedelta(days=1)
_NIGHT = re.compile(r"(?<![^\W\d_])(?:ليل|ليله|night|overnight)(?![^\W\d_])")
_WEEKDAYS = re.compile(
    r"(?<![^\W\d_])(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?![^\W\d_])"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
)


def _night_of_two_days(text: str) -> bool:
    """Whether a date names a night by the two days it spans ("ليل الجمعة السبت", "the night of Friday to
    Saturday")."""
    folded = fold(text).lower()
    return _NIGHT.search(folded) is not None and len(_WEEKDAYS.findall(folded)) >= 2


# weekday numbers (Monday 0) by the start of their Arabic (folded, without the article) or English names
_WEEKDAY_NUMBER = {
    "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6,
    "mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6,
}  # fmt: skip


def _days_of_the_night(day: dt.date, text: str) -> list[dt.date]:
    """Both days of a night named by the two days it spans ("ليل الاثنين الثلاثاء": Monday evening and
    Tuesday's small hours), whichever of the two its date was read as: the day before or after it that the
    text names."""
    named = set()
    for w in _WEEKDAYS.findall(fold(text).lower()):
        key = w.removeprefix("ال").removesuffix("day")
        named |= {n for k, n in _WEEKDAY_NUMBER.items() if key == k}
    return [day + step for step in (-_ONE_DAY, _ONE_DAY) if (day + step).weekday() in named]


def date_issues(
    cf: Facts, ev: list[Facts], window: list[Sentence], earlier: list[TemporalExpression]
) -> list[Issue]:
    stated = [d for f in ev for d in f.dates]
    if stated:
        allowed = [(d.date, d.precision, d.text) for d in stated]
        # "ليل الجمعة السبت", "Thursday to Friday": a night or span named by two days is either day's
        allowed += [
            (day, d.precision, d.text)
            for d in stated
            if d.precision == "day" and len(_WEEKDAYS.findall(fold(d.text).lower())) >= 2
            for day in _days_of_the_night(d.date, d.text)
        ]
    else:
        published = dates.publication_day(window[0].article.published_at)
        allowed = [(published, "day", "the publication day")]
        allowed += [(d.date, d.precision, d.text) for d in earlier]
    out = []
    for d in cf.dates:
        if any(dates.agree(d.date, d.precision, day, precision) for day, precision, _ in allowed):
            continue
        said = "; ".join(f"{text!r} means {day}" for day, _, text in allowed[:4])
        out.append(Issue("date", d.text, f"{d.text!r} means {d.date}, but its evidence dates it: {said}"))
    return out
