"""Grounding: every quote is an exact substring of its article; numbers and languages agree with evidence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from summarizer.articles import Article
from summarizer.reading import context, dates, numbers, places
from summarizer.reading.checkable import read
from summarizer.reading.text import find_exact_or_folded, fold, script_counts
from summarizer.schemas import Bilingual, Evidence, Lang, Precision

MAX_QUOTE_CHARS = 600


@dataclass
class Check:
    """What a check found: problems (the item cannot be served as is) and repairs made on the way."""

    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def ground_evidence(
    evidence: Sequence[Evidence], articles: Mapping[str, Article], where: str
) -> tuple[list[Evidence], Check]:
    """Each quote located in its own article. A quote that matches only after folding (quote marks,
    white space, diacritics, alef forms) is replaced by the article's exact words and reported as repaired."""
    check = Check()
    fixed: list[Evidence] = []
    for i, ev in enumerate(evidence):
        at = f"{where}.evidence[{i}]"
        article = articles.get(ev.article_id)
        if article is None:
            check.problems.append(
                f"{at}.article_id {ev.article_id!r} is not one of this group's articles ({', '.join(articles)})"
            )
            continue
        if len(ev.quote) > MAX_QUOTE_CHARS:
            check.problems.append(
                f"{at}.quote is {len(ev.quote)} characters; quote at most {MAX_QUOTE_CHARS}"
            )
            continue
        span = find_exact_or_folded(article.text, ev.quote)
        if span is None:
            check.problems.append(f"{at}.quote is not in article {ev.article_id!r}: {ev.quote[:120]!r}")
            continue
        exact = article.text[span[0] : span[1]]
        if exact != ev.quote:
            check.repairs.append(f"{at}.quote restored to the article's exact wording")
        fixed.append(Evidence(article_id=ev.article_id, quote=exact))
    return fixed, check


def _home_places(evidence: list[Evidence], articles: Mapping[str, Article]) -> list[places.PlaceMatch]:
    """The places the quotes name by a home name, read as their article reads them (in a report about the
    place's country, :func:`context.article_country`)."""
    out: list[places.PlaceMatch] = []
    for ev in evidence:
        homes = places.homes_in(ev.quote)
        if homes and (home := context.article_country(articles[ev.article_id])) in homes:
            out += places.find_places(ev.quote, home)
    return out


def event_fact_problems(
    where: str,
    *,
    day: dt.date,
    precision: Precision,
    region: str | None,
    location: Bilingual | None,
    fatalities: int | None,
    injured: int | None,
    evidence: list[Evidence],
    articles: Mapping[str, Article],
) -> list[str]:
    """An event's date, region, place and figures checked against its own evidence quotes, dates resolved
    against each quote's article publication time."""
    problems: list[str] = []
    quoted = [read(ev.quote, articles[ev.article_id].published_at) for ev in evidence]
    # date: a dated phrase in the evidence must give it; with none, the day of publication or the one before
    published = [dates.publication_day(articles[ev.article_id].published_at) for ev in evidence]
    resolved = [(d.date, d.text) for f in quoted for d in f.dates if d.kind in ("absolute", "relative", "weekday")]
    if resolved:
        if not any(dates.agree(day, precision, d, "day") for d, _ in resolved):
            said = "; ".join(f"{text!r} means {d}" for d, text in resolved)
            problems.append(f"{where}.date {day} does not agree with its evidence: {said}")
    elif not any(0 <= (p - day).days <= 1 for p in published) and precision == "day":
        problems.append(
            f"{where}.date {day} is not stated by its evidence, which was published on "
            f"{', '.join(sorted({str(p) for p in published}))}; quote the words that date it"
        )
    ids = {i for f in quoted for i in f.places}
    regions = {r for f in quoted for m in f.places.values() for r in places.regions_named(m)}
    for m in _home_places(evidence, articles):  # رفح in a report from Sinai: Egypt's Rafah
        ids.add(m.place.id)
        regions.update(places.regions_named(m))
    if region is not None and region not in regions:
        problems.append(
            f"{where}.region {region!r} is not named in its evidence; quote the words that place it or give null"
        )
    if location is not None:
        for lang in ("ar", "en"):
            name = getattr(location, lang)
            if not name:
                continue
            named = {places.same_place(m.place.id) for m in places.find_places(name)}
            folded_quotes = " ".join(fold(ev.quote) for ev in evidence)
            if not (named & {places.same_place(i) for i in ids}) and fold(name) not in folded_quotes:
                problems.append(f"{where}.location.{lang} {name!r} is not named in its evidence")
    have = {n for f in quoted for n in f.all_numbers}  # digits or words ("خمسة عشر", "fifteen": 15)
    for label, value in (("fatalities", fatalities), ("injured", injured)):
        if value is not None and numbers.canonical(value) not in have:
            problems.append(f"{where}.{label} {value} is not a figure its evidence states")
    return problems


def language_ok(text: str, lang: Lang) -> bool:
    """Arabic fields written in Arabic script, English fields in Latin (a few names of the other script allowed)."""
    ar, lat = script_counts(text)
    if ar + lat == 0:
        return True
    share = ar / (ar + lat) if lang == "ar" else lat / (ar + lat)
    return share >= 0.6
