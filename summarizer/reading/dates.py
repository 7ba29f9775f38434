"""Temporal expressions in Arabic and English news, resolved against the article's publication time."""

from __future__ import annotations

import contextlib
import datetime
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal, TypeVar

from summarizer.reading.memo import per_text
from summarizer.reading.text import Folded, Span, fold, fold_with_offsets

Precision = Literal["day", "month", "year"]
PartOfDay = Literal["dawn", "morning", "noon", "afternoon", "evening", "night"]
Kind = Literal["absolute", "relative", "weekday", "duration", "since"]
_Mode = Literal["bare", "past", "next"]
_Unit = Literal["day", "month", "year"]

_PARTS: tuple[PartOfDay, ...] = ("dawn", "morning", "noon", "afternoon", "evening", "night")
_UNITS: tuple[_Unit, ...] = ("day", "month", "year")

# A day and month with no year is read as the latest such date at or before the publication day, unless
# it falls at most this many days after it (clock slop, an event announced for later this month).
FUTURE_GRACE_DAYS = 31

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class TemporalExpression:
    """A date found in a text: its exact span of the original text and what it resolves to."""

    start: int
    end: int
    text: str  # == original[start:end]
    date: datetime.date  # month precision: the 1st of the month; year precision: January 1
    precision: Precision
    part_of_day: PartOfDay | None
    kind: Kind


def agree(a: datetime.date, pa: Precision, b: datetime.date, pb: Precision) -> bool:
    """Two dates agree at the coarser of their precisions (November 2024 agrees with 30 November)."""
    if "year" in (pa, pb):
        return a.year == b.year
    if "month" in (pa, pb):
        return (a.year, a.month) == (b.year, b.month)
    return a == b


# a page published before this local hour reports the evening and night just past as "this evening"
_SMALL_HOURS_END = 6
_OVERNIGHT_BEFORE = 12  # a page published before this hour tells of last night as "ليلاً", "overnight"


def publication_day(published_at: datetime.datetime) -> datetime.date:
    """The publisher's local day: ``published_at`` read in its own offset (a naive time is UTC)."""
    return published_at.date()


# ---------------------------------------------------------------- vocabulary


@dataclass(frozen=True, slots=True)
class _Vocab:
    weekdays: dict[str, int]
    wd_after: dict[str, frozenset[str]]
    wd_before: dict[str, frozenset[str]]
    mods: dict[str, _Mode]
    months: dict[str, int]
    months_ambiguous: frozenset[str]
    months_en: frozenset[str]
    part_before: dict[str, PartOfDay]
    part_after: dict[str, PartOfDay]
    en_pre: dict[str, PartOfDay]
    en_post: dict[str, PartOfDay]
    rel: dict[str, int]
    rel_after_part: dict[str, int]
    today_after: frozenset[str]
    today_before: frozenset[str]
    phrases: dict[str, tuple[int, PartOfDay, bool, bool]]  # offset, part, since only, overnight
    periods: dict[str, tuple[_Unit, int]]
    units: dict[str, tuple[_Unit, int]]  # folded unit word -> (unit, size)
    ar_unit_sg: frozenset[str]
    ar_unit_du: frozenset[str]
    ar_unit_pl: frozenset[str]
    ar_before: frozenset[str]
    ar_since: frozenset[str]
    ar_approx: frozenset[str]
    ar_one: frozenset[str]
    ar_not_followed: frozenset[str]
    en_after: frozenset[str]
    en_approx: frozenset[str]
    en_units: frozenset[str]
    cardinals: dict[str, int]
    ordinals: dict[str, int]
    ord_suffixes: frozenset[str]
    year_noun: frozenset[str]
    year_prep: frozenset[str]
    year_since: frozenset[str]
    dur: dict[str, frozenset[str]]
    conn: dict[str, frozenset[str]]


def calendar_words() -> frozenset[str]:
    """Every weekday and month name of the temporal lexicon, folded ("march" and "may" too, which are read
    as dates only beside a day)."""
    v = _vocab()
    return frozenset(v.weekdays) | frozenset(v.months)


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


def _part(name: str) -> PartOfDay:
    for p in _PARTS:
        if p == name:
            return p
    raise ValueError(f"unknown part of day {name!r} in temporal.json")


def _unit(name: str) -> _Unit:
    for u in _UNITS:
        if u == name:
            return u
    raise ValueError(f"unknown unit {name!r} in temporal.json")


def _parts(table: Mapping[str, list[str]]) -> dict[str, PartOfDay]:
    return {fold(w): _part(name) for name, ws in table.items() for w in ws}


@cache
def _vocab() -> _Vocab:
    data: dict[str, Any] = json.loads(
        resources.files("summarizer.data").joinpath("temporal.json").read_text("utf-8")
    )
    weekdays = {fold(w): e["weekday"] for e in data["weekdays"] for w in e["ar"] + e["en"]}
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    months_en: set[str] = set()
    for e in data["months"]:
        for w in e["ar"] + e["en"]:
            months[fold(w)] = e["month"]
        ambiguous |= _folded(e["ambiguous"])
        months_en |= _folded(e["en"])
    mods_data = data["weekday_modifiers"]
    mods: dict[str, _Mode] = {}
    for key, mode in (("ar_past", "past"), ("en_past", "past"), ("ar_next", "next"), ("en_next", "next")):
        for w in mods_data[key]:
            mods[fold(w)] = "past" if mode == "past" else "next"
    pod = data["parts_of_day"]
    rd = data["relative_days"]
    ago = data["ago"]
    units: dict[str, tuple[_Unit, int]] = {}
    sg: set[str] = set()
    du: set[str] = set()
    pl: set[str] = set()
    en_units: set[str] = set()
    for e in ago["units"]:
        u = _unit(e["unit"])
        size = int(e.get({"day": "days", "month": "months", "year": "years"}[u], 1))
        for key, bucket in (("ar_singular", sg), ("ar_dual", du), ("ar_plural", pl), ("en", en_units)):
            for w in e[key]:
                units[fold(w)] = (u, size)
                bucket.add(fold(w))
    ordinals = {fold(w): n for w, n in data["ordinals"]["ar"].items()}
    years = data["years"]
    dur = {k: _folded(v) for k, v in data["durations"].items() if k != "about"}
    conn = {k: _folded(v) for k, v in data["connectors"].items() if k != "about"}
    blockers = data["weekday_blockers"]
    return _Vocab(
        weekdays=weekdays,
        wd_after={fold(k): _folded(v) for k, v in blockers["after"].items()},
        wd_before={fold(k): _folded(v) for k, v in blockers["before"].items()},
        mods=mods,
        months=months,
        months_ambiguous=frozenset(ambiguous),
        months_en=frozenset(months_en),
        part_before=_parts(pod["ar_before"]),
        part_after=_parts(pod["ar_after"]),
        en_pre=_parts(pod["en_before"]),
        en_post=_parts(pod["en_after"]),
        rel={fold(w): e["offset"] for key in ("ar", "en") for e in rd[key] for w in e["words"]},
        rel_after_part={fold(w): e["offset"] for e in rd["ar_after_part"] for w in e["words"]},
        today_after=_folded(data["today_blockers"]["after"]) | frozenset(ordinals),
        today_before=_folded(data["today_blockers"]["before"]),
        phrases={
            fold(e["text"]): (e["offset"], _part(e["part"]), bool(e.get("since_only", False)), bool(e.get("overnight", False)))
            for e in data["day_phrases"]
        },
        periods={fold(e["text"]): (_unit(e["unit"]), e["offset"]) for e in data["relative_periods"]},
        units=units,
        ar_unit_sg=frozenset(sg),
        ar_unit_du=frozenset(du),
        ar_unit_pl=frozenset(pl),
        ar_before=_folded(ago["ar_before"]),
        ar_since=_folded(ago["ar_since"]),
        ar_approx=_folded(ago["ar_approx"]),
        ar_one=_folded(ago["ar_one"]),
        ar_not_followed=_folded(ago["ar_not_followed_by"]),
        en_after=_folded(ago["en_after"]),
        en_approx=_folded(ago["en_approx"]),
        en_units=frozenset(en_units),
        cardinals={fold(w): n for key in ("ar", "en") for w, n in data["cardinals"][key].items()},
        ordinals=ordinals,
        ord_suffixes=_folded(data["ordinals"]["en_suffixes"]),
        year_noun=_folded(years["noun"]),
        year_prep=_folded(years["preposition"]),
        year_since=_folded(years["since"]),
        dur=dur,
        conn=conn,
    )


def _look(table: Mapping[str, _T], token: str | None) -> _T | None:
    """``table[token]``, also when the token carries Arabic proclitics (و ف ب ل, لل for ل+ال)."""
    if token is None:
        return None
    if token in table:
        return table[token]
    t = token
    if t[:1] in ("و", "ف"):
        t = t[1:]
        if t in table:
            return table[t]
    if t.startswith("لل") and "ا" + t[1:] in table:
        return table["ا" + t[1:]]
    if t[:1] in ("ب", "ل") and t[1:] in table:
        return table[t[1:]]
    return None


# ---------------------------------------------------------------- grammar


@dataclass(frozen=True, slots=True)
class _Day:
    """A day named from the reference day: an offset (أمس = -1), a weekday, or both."""

    rel: int | None
    weekday: int | None
    mode: _Mode
    part: PartOfDay | None
    # "ليلاً", "overnight" with no day named: the night just past on a page published before noon
    overnight: bool = False


@dataclass(frozen=True, slots=True)
class _Calendar:
    """A calendar date, month or year, possibly with the year left to infer."""

    year: int | None
    month: int | None
    day: int | None
    mode: _Mode


@dataclass(frozen=True, slots=True)
class _Shift:
    """So many days / months / years from the reference day (قبل 5 سنوات, الشهر الماضي)."""

    unit: _Unit
    amount: int


@dataclass(frozen=True, slots=True)
class _Window:
    """A window ending at publication (خلال الساعات الـ24 الماضية)."""


_Spec = _Day | _Calendar | _Shift | _Window


@dataclass(frozen=True, slots=True)
class _Cand:
    start: int  # folded offsets
    end: int
    spec: _Spec
    since: bool = False


@dataclass(frozen=True, slots=True)
class _Ctx:
    original: str
    folded: Folded

    @property
    def text(self) -> str:
        return self.folded.text


_Handler = Callable[["re.Match[str]", _Ctx], "_Cand | None"]

_PRE = "(?<!\\w)"
_POST = "(?!\\w)"
_YEAR = r"(?:19|20)\d\d"
_SINCE_BEFORE = re.compile(r"(?:^|\W)(?P<s>[وف]?منذ|since)\s$")
# a span's beginning named as the start of something, then its day
_SINCE_BEGAN = re.compile(
    r"(?:^|\W)(?:[وف]?منذ\s+(?:بدء|بدايه|انطلاق|اندلاع)\s+(?:[^\W\d_]+\s+){1,3}(?:في|يوم)"
    r"|since\s+(?:the\s+(?:start|beginning|outbreak)\s+of\s+(?:[^\W\d_]+\s+){1,3}(?:on|in)"
    r"|(?:[^\W\d_]+\s+){1,3}(?:began|started|erupted)\s+(?:on|in)))\s$"
)
_WORD_AFTER = re.compile(r"\s?,?\s?([^\W_]+)")
_WORD_BEFORE = re.compile(r"([^\W_]+)\W{0,3}$")
_LETTER_NEXT = re.compile(r"\s?[^\W\d_]")


def _alt(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie (one branch per first letter, longest first)."""
    trie: dict[str, Any] = {}
    for w in set(words):
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return "(?:" + build(trie) + ")"


def _pro(words: Iterable[str]) -> str:
    """Words that may carry Arabic proclitics: و/ف, then ب (or ل, which turns ال into لل)."""
    ws = set(words)
    defs = [w for w in ws if w.startswith("ال")]
    rest = [w for w in ws if not w.startswith("ال")]
    alts: list[str] = []
    if defs:
        alts.append("[وف]?ب?" + _alt(defs))
        alts.append("[وف]?ل" + _alt(w[1:] for w in defs))
    if rest:
        alts.append("[وف]?" + _alt(rest))
    return "(?:" + "|".join(alts) + ")"


def _is_arabic(word: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in word)


class _Grammar:
    """The compiled patterns and their handlers, built once from the vocabulary."""

    def __init__(self, v: _Vocab) -> None:
        self.v = v
        self.wd_words = {w: w for w in v.weekdays}
        self.month_words = {w: w for w in v.months}
        self.since_words = {w: w for w in v.year_since | v.ar_since}
        wd_ar = _pro(w for w in v.weekdays if _is_arabic(w))
        wd_en = _alt(w for w in v.weekdays if not _is_arabic(w))
        mod_ar = _alt(w for w in v.mods if _is_arabic(w))
        mod_en = _alt(w for w in v.mods if not _is_arabic(w))
        day_word = _pro(v.conn["ar_day"])
        rel_ar = _pro([w for w in v.rel if _is_arabic(w)] + list(v.rel_after_part))
        rel_en = _alt(w for w in v.rel if not _is_arabic(w))
        link = _alt(v.conn["ar_night_link"])
        of_ar = _alt(v.conn["ar_of"])
        months_ar = [w for w in v.months if _is_arabic(w)]
        month_ar = _pro(months_ar)
        month_ar_plain = _alt(months_ar)
        month_en = _alt(w for w in v.months if not _is_arabic(w))
        month_word = _pro(v.conn["ar_month"])
        noun_cue = _pro(v.year_noun)
        cards_ar = [w for w in v.cardinals if _is_arabic(w)]
        cards_en = [w for w in v.cardinals if not _is_arabic(w)]
        pair = rf"(?:\s?[/\-]\s?(?P<m2>{month_ar_plain})|\s?\(\s?(?P<m2p>{month_ar_plain})\s?\))?"
        year_tail = rf"(?:(?:\s?,)?\s(?:{noun_cue}\s)?(?P<y>{_YEAR})|\s(?P<mod>{mod_ar}))?"
        d = v.dur
        cards_def = _alt("ال" + c for c in cards_ar)
        num = r"\d{1,3}"

        self.rules: list[tuple[re.Pattern[str], _Handler]] = [
            (
                re.compile(
                    _PRE
                    + rf"(?:(?P<part>{_pro(v.part_before)})\s)?"
                    + rf"(?:(?P<yawm>{day_word})\s)?"
                    + rf"(?:(?P<rel>{rel_ar})(?:(?:\s?,)?\s(?:{day_word}\s)?(?P<rwd>{wd_ar})"
                    + rf"|\s?\(\s?(?P<rwdp>{wd_ar})\s?\))?"
                    + rf"|(?P<wd>{wd_ar})(?:\s(?P<mod>{mod_ar}))?"
                    + rf"(?:(?:\s?[-/]\s?|\s{link}\s|\s)(?P<wd2>{wd_ar}))?)"
                    + rf"(?:\s(?P<adv>{_alt(v.part_after)}))?"
                    + _POST
                ),
                self._ar_day,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:(?P<pre>{_alt(v.en_pre)})\s)?"
                    + rf"(?:(?P<rel>{rel_en})(?:(?:\s?,)?\s(?P<rwd>{wd_en})|\s?\(\s?(?P<rwdp>{wd_en})\s?\))?"
                    + rf"|(?:(?P<mod>{mod_en})\s)?(?P<wd>{wd_en}))"
                    + rf"(?:\s(?P<post>{_alt(v.en_post)}))?"
                    + _POST
                ),
                self._en_day,
            ),
            (re.compile(_PRE + rf"(?P<ph>{_pro(v.phrases)})" + _POST), self._phrase),
            (re.compile(_PRE + rf"(?P<per>{_pro(v.periods)})" + _POST), self._period),
            (
                re.compile(
                    _PRE
                    + rf"(?P<lead>{_pro(v.ar_before | v.ar_since)})\s(?:{_alt(v.ar_approx)}\s)?"
                    + rf"(?:(?P<n>{num}|{_alt(cards_ar)})\s(?P<upl>{_alt(v.ar_unit_pl)})"
                    + rf"|(?P<udu>{_alt(v.ar_unit_du)})"
                    + rf"|(?P<usg>{_alt(v.ar_unit_sg)})(?:\s(?P<one>{_alt(v.ar_one)}))?)"
                    + _POST
                    + rf"(?!\s{_alt(v.ar_not_followed)}{_POST})(?!\s?\d)"
                ),
                self._ago_ar,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:{_alt(v.en_approx)}\s)?(?P<n>{num}|{_alt(cards_en)})\s(?P<u>{_alt(v.en_units)})"
                    + rf"\s{_alt(v.en_after)}"
                    + _POST
                ),
                self._ago_en,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?P<cue>{noun_cue}|{_alt(v.year_prep)}|{_pro(v.year_since)})\s(?P<y>{_YEAR})"
                    + _POST
                ),
                self._year,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:(?:{day_word}\s)?{wd_ar}(?:\s?,)?\s(?:{_alt(v.conn['ar_corresponding'])}\s)?"
                    + rf"|{day_word}\s|[وف](?=ال|\d))?"
                    + rf"(?:(?P<dn>(?:ال\s?)?\d{{1,2}})(?:\s{of_ar})?|(?P<ord>{_pro(v.ordinals)})\s{of_ar})\s"
                    + rf"(?:{month_word}\s)?(?P<m1>{month_ar}){pair}{year_tail}"
                    + _POST
                ),
                self._ar_date,
            ),
            (
                re.compile(_PRE + rf"(?:(?P<mw>{month_word})\s)?(?P<m1>{month_ar}){pair}{year_tail}" + _POST),
                self._ar_month,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:{wd_en},?\s)?"
                    + rf"(?:(?P<d1>\d{{1,2}})(?:{_alt(v.ord_suffixes)})?\s(?:{_alt(v.conn['en_of'])}\s)?"
                    + rf"(?P<m1>{month_en})\.?(?:,?\s(?P<y1>{_YEAR}))?"
                    + rf"|(?P<m2>{month_en})\.?\s(?P<d2>\d{{1,2}})(?:{_alt(v.ord_suffixes)})?"
                    + rf"(?:,?\s(?P<y2>{_YEAR}))?"
                    + rf"|(?P<m3>{month_en})\.?,?\s(?P<y3>{_YEAR})"
                    + rf"|(?P<m4>{month_en}))"
                    + _POST
                ),
                self._en_date,
            ),
            (
                re.compile(
                    r"(?<![\w/.\-])[وف]?(?:(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>"
                    + _YEAR
                    + r")|(?P<iy>"
                    + _YEAR
                    + r")(?P<isep>[/\-])(?P<im>\d{1,2})(?P=isep)(?P<id>\d{1,2}))(?![\w/]|[.\-]\d)"
                ),
                self._numeric,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:{_pro(d['ar_prepositions'])}\s)?"
                    + rf"(?:{_alt(d['ar_units_definite'])}(?:\s(?:ال\s?)?{num}|\s{cards_def})?"
                    + rf"(?:\s{_alt(d['ar_few'])})?\s{_alt(d['ar_past'])}"
                    + rf"|ال\s?{num}\s{_alt(d['ar_units_indefinite'])}\s{_alt(d['ar_past'])}"
                    + rf"|{_alt(d['ar_last'])}\s(?:{num}|{_alt(cards_ar)})\s{_alt(d['ar_units_indefinite'])})"
                    + _POST
                ),
                self._window,
            ),
            (
                re.compile(
                    _PRE
                    + rf"(?:{_alt(d['en_prepositions'])}\s)?the\s{_alt(d['en_past'])}\s"
                    + rf"(?:(?:{num}|{_alt(cards_en)}|{_alt(d['en_few'])})\s)?{_alt(d['en_units'])}"
                    + _POST
                ),
                self._window,
            ),
        ]
        # Per rule, what a text must contain for the rule to be worth running (a cheap C-level search).
        stems = [w[2:] if w.startswith("ال") else w for w in [*v.weekdays, *v.rel, *v.rel_after_part]]
        four_digits = re.compile(r"\d{4}")
        needles: list[tuple[str, ...] | re.Pattern[str]] = [
            tuple(w for w in stems if _is_arabic(w)),
            tuple(w for w in [*v.weekdays, *v.rel] if not _is_arabic(w)),
            tuple(v.phrases),
            tuple(v.periods),
            tuple(v.ar_before | v.ar_since),
            tuple(v.en_after),
            four_digits,
            tuple(months_ar),
            tuple(months_ar),
            tuple(w for w in v.months if not _is_arabic(w)),
            four_digits,
            tuple(d["ar_past"] | d["ar_last"]),
            tuple(d["en_units"]),
        ]
        assert len(needles) == len(self.rules)
        # One pass over a text finds the rules whose needle words occur: at each position, the longest needle
        # word there; the words that are its prefixes occur there too, so a word found stands for the rules
        # of every needle word it starts with. A needle that is a pattern is searched for itself.
        rules_of: dict[str, set[int]] = {}
        self.always: frozenset[int] = frozenset(
            i for i, n in enumerate(needles) if not isinstance(n, re.Pattern) and (not n or "" in n)
        )
        for i, n in enumerate(needles):
            if not isinstance(n, re.Pattern):
                for w in n:
                    if w:
                        rules_of.setdefault(w, set()).add(i)
        self.rules_at: dict[str, frozenset[int]] = {
            w: frozenset(r for k in range(1, len(w) + 1) for r in rules_of.get(w[:k], ())) for w in rules_of
        }
        # led by a lookahead of the needle words' first letters: other positions fail on one test
        firsts = "".join(re.escape(c) for c in sorted({w[0] for w in rules_of}))
        self.needle_words = re.compile(f"(?=[{firsts}])(?=(" + _alt(rules_of) + "))")
        self.needle_patterns = [(i, n) for i, n in enumerate(needles) if isinstance(n, re.Pattern)]

    # ------------------------------------------------------------ helpers

    def _word_after(self, ctx: _Ctx, pos: int) -> str | None:
        m = _WORD_AFTER.match(ctx.text, pos)
        return m.group(1) if m else None

    def _word_before(self, ctx: _Ctx, pos: int) -> str | None:
        m = _WORD_BEFORE.search(ctx.text[max(0, pos - 24) : pos])
        return m.group(1) if m else None

    def _wd_blocked(self, ctx: _Ctx, token: str, start: int, end: int) -> bool:
        word = _look(self.wd_words, token)
        if word is None:
            return True
        after = self._word_after(ctx, end)
        before = self._word_before(ctx, start)
        blocked_before = self.v.wd_before.get(word, frozenset())
        return (after is not None and after in self.v.wd_after.get(word, frozenset())) or (
            # "لسوق الجمعة", "بسوق الجمعة": the word before with its proclitic
            before is not None and (before in blocked_before or (before[:1] in "لبوف" and before[1:] in blocked_before))
        )

    def _today_blocked(self, ctx: _Ctx, start: int, end: int) -> bool:
        after = self._word_after(ctx, end)
        before = self._word_before(ctx, start)
        return (after is not None and after in self.v.today_after) or (
            before is not None and before in self.v.today_before
        )

    def _capitalised(self, ctx: _Ctx, start: int) -> bool:
        s, _ = ctx.folded.span(start, start + 1)
        return ctx.original[s : s + 1].isupper()

    # ------------------------------------------------------------ handlers

    def _ar_day(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        v = self.v
        part = _look(v.part_before, m["part"])
        end = m.end()
        adv = _look(v.part_after, m["adv"])
        if m["rel"] is not None:
            offset = _look(v.rel, m["rel"])
            if offset is None:
                offset = _look(v.rel_after_part, m["rel"])
                if offset is None or (part is None and m["yawm"] is None):
                    return None
            wd_tok = m["rwd"] or m["rwdp"]
            wd = _look(v.weekdays, wd_tok)
            if wd is None and offset == 0 and self._today_blocked(ctx, m.start(), m.end("rel")):
                return None
            return _Cand(m.start(), end, _Day(offset, wd, "bare", part or adv))
        wd = _look(v.weekdays, m["wd"])
        if wd is None or self._wd_blocked(ctx, m["wd"], m.start("wd"), m.end("wd")):
            return None
        mode: _Mode = v.mods.get(m["mod"], "bare") if m["mod"] else "bare"
        if m["wd2"] is not None:
            wd2 = _look(v.weekdays, m["wd2"])
            if not (part == "night" and wd2 == (wd + 1) % 7):
                end = m.end("mod") if m["mod"] else m.end("wd")
                adv = None
            elif wd2 is not None:
                wd = wd2  # "ليل الاثنين الثلاثاء": the night that ends on Tuesday, dated Tuesday (see _nights)
        return _Cand(m.start(), end, _Day(None, wd, mode, part or adv))

    def _en_day(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        v = self.v
        part = v.en_pre.get(m["pre"]) if m["pre"] else None
        post = v.en_post.get(m["post"]) if m["post"] else None
        if m["rel"] is not None:
            wd = _look(v.weekdays, m["rwd"] or m["rwdp"])
            return _Cand(m.start(), m.end(), _Day(v.rel[m["rel"]], wd, "bare", part or post))
        mode: _Mode = v.mods.get(m["mod"], "bare") if m["mod"] else "bare"
        return _Cand(m.start(), m.end(), _Day(None, v.weekdays[m["wd"]], mode, part or post))

    def _phrase(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        entry = _look(self.v.phrases, m["ph"])
        if entry is None:
            return None
        offset, part, since_only, overnight = entry
        if since_only and not self._since_before(ctx, m.start()):
            return None
        return _Cand(m.start(), m.end(), _Day(offset, None, "bare", part, overnight))

    def _period(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        entry = _look(self.v.periods, m["per"])
        if entry is None:
            return None
        return _Cand(m.start(), m.end(), _Shift(entry[0], entry[1]))

    def _count(self, token: str) -> int | None:
        if token.isdecimal():  # not isdigit(): superscripts are digits int() refuses
            return int(token) if len(token) <= 4 else None
        return self.v.cardinals.get(token)

    def _ago_ar(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        v = self.v
        if m["upl"] is not None:
            n = self._count(m["n"])
            unit_word = m["upl"]
        elif m["udu"] is not None:
            n, unit_word = 2, m["udu"]
        else:
            n, unit_word = 1, m["usg"]
            if m["one"] is None and _LETTER_NEXT.match(ctx.text, m.end()):
                return None  # قبل يوم الانتخابات: "before election day", not "a day ago"
        if not n:
            return None
        unit, size = v.units[unit_word]
        since = _look(self.since_words, m["lead"]) is not None
        return _Cand(m.start(), m.end(), _Shift(unit, -n * size), since)

    def _ago_en(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        n = self._count(m["n"])
        if not n:
            return None
        unit, size = self.v.units[m["u"]]
        return _Cand(m.start(), m.end(), _Shift(unit, -n * size))

    def _year(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        cue = m["cue"]
        start = m.start("y") if cue in self.v.year_prep else m.start()
        since = _look(self.since_words, cue) is not None
        return _Cand(start, m.end(), _Calendar(int(m["y"]), None, None, "bare"), since)

    def _month_of(self, m: re.Match[str], ctx: _Ctx, contextual: bool) -> int | None:
        """The month named by m1 (and its paired name), or None when the reading is not a month."""
        v = self.v
        month = _look(v.months, m["m1"])
        if month is None:
            return None
        second = m["m2"] or m["m2p"]
        if second is not None:
            if v.months.get(second) != month:
                return None
            contextual = True
        bare = _look(self.month_words, m["m1"])
        if bare in v.months_ambiguous and not (contextual or m["y"] or m["mod"]):
            return None
        return month

    def _ar_date(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        month = self._month_of(m, ctx, True)
        if month is None:
            return None
        if m["dn"] is not None:
            day = int("".join(ch for ch in m["dn"] if ch.isdecimal()))
        else:
            found = _look(self.v.ordinals, m["ord"])
            if found is None:
                return None
            day = found
        year = int(m["y"]) if m["y"] else None
        if not _valid(year, month, day):
            return None
        mode: _Mode = self.v.mods.get(m["mod"], "bare") if m["mod"] else "bare"
        return _Cand(m.start(), m.end(), _Calendar(year, month, day, mode))

    def _ar_month(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        month = self._month_of(m, ctx, m["mw"] is not None)
        if month is None:
            return None
        year = int(m["y"]) if m["y"] else None
        mode: _Mode = self.v.mods.get(m["mod"], "bare") if m["mod"] else "bare"
        return _Cand(m.start(), m.end(), _Calendar(year, month, None, mode))

    def _en_date(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        v = self.v
        for mg, dg, yg in (("m1", "d1", "y1"), ("m2", "d2", "y2"), ("m3", None, "y3"), ("m4", None, None)):
            token = m[mg]
            if token is None:
                continue
            if not self._capitalised(ctx, m.start(mg)):
                return None  # "may", "march" as ordinary words
            day = int(m[dg]) if dg and m[dg] else None
            year = int(m[yg]) if yg and m[yg] else None
            if token in v.months_ambiguous and day is None and year is None:
                return None
            month = v.months[token]
            if not _valid(year, month, day):
                return None
            return _Cand(m.start(), m.end(), _Calendar(year, month, day, "bare"))
        return None

    def _numeric(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        if m["y"] is not None:
            a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
            day, month = (b, a) if b > 12 >= a else (a, b)  # day first unless that cannot be
        else:
            year, month, day = int(m["iy"]), int(m["im"]), int(m["id"])
        if not _valid(year, month, day):
            return None
        return _Cand(m.start(), m.end(), _Calendar(year, month, day, "bare"))

    def _window(self, m: re.Match[str], ctx: _Ctx) -> _Cand | None:
        return _Cand(m.start(), m.end(), _Window())

    def _since_before(self, ctx: _Ctx, start: int) -> bool:
        return _SINCE_BEFORE.search(ctx.text[max(0, start - 12) : start]) is not None

    # ------------------------------------------------------------ scanning

    def candidates(self, ctx: _Ctx) -> list[_Cand]:
        found: list[tuple[int, _Cand]] = []
        text = ctx.text
        wanted = set(self.always)
        for word in self.needle_words.finditer(text):
            wanted |= self.rules_at[word.group(1)]
        wanted.update(i for i, needle in self.needle_patterns if i not in wanted and needle.search(text))
        for index, (pattern, handler) in enumerate(self.rules):
            if index not in wanted:
                continue
            pos = 0
            while (m := pattern.search(text, pos)) is not None:
                cand = handler(m, ctx)
                # A rejected or shortened reading must not swallow what follows ("الجمعة السبت").
                pos = max(cand.end if cand is not None else 0, m.start() + 1)
                if cand is None:
                    continue
                if not cand.since:
                    window = ctx.text[max(0, cand.start - 12) : cand.start]
                    sm = _SINCE_BEFORE.search(window)
                    if sm is not None:
                        cand = _Cand(cand.start - (len(window) - sm.start("s")), cand.end, cand.spec, True)
                    elif _SINCE_BEGAN.search(ctx.text[max(0, cand.start - 60) : cand.start]) is not None:
                        # "منذ بدء العدوان في الثامن من تموز", "since the offensive began on 27 November": the
                        # day the span begins, not the day of what is reported
                        cand = _Cand(cand.start, cand.end, cand.spec, True)
                found.append((index, cand))
        found.sort(key=lambda ic: (-(ic[1].end - ic[1].start), ic[1].start, ic[0]))
        chosen: list[_Cand] = []
        for _, cand in found:
            if all(cand.end <= c.start or cand.start >= c.end for c in chosen):
                chosen.append(cand)
        chosen.sort(key=lambda c: c.start)
        return chosen


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if day is None:
        return 1 <= month <= 12
    try:
        datetime.date(year if year is not None else 2024, month, day)  # 2024: leap, so 29 Feb passes
    except ValueError:
        return False
    return True


@cache
def _grammar() -> _Grammar:
    return _Grammar(_vocab())


# ---------------------------------------------------------------- resolution


def _at_or_before(ref: datetime.date, weekday: int) -> datetime.date:
    return ref - datetime.timedelta(days=(ref.weekday() - weekday) % 7)


def _strictly_before(ref: datetime.date, weekday: int) -> datetime.date:
    return ref - datetime.timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1)


def _strictly_after(ref: datetime.date, weekday: int) -> datetime.date:
    return ref + datetime.timedelta(days=(weekday - ref.weekday() - 1) % 7 + 1)


def _resolve_day(spec: _Day, ref: datetime.date) -> tuple[datetime.date, Kind]:
    if spec.rel is None:
        assert spec.weekday is not None
        if spec.mode == "past":
            return _strictly_before(ref, spec.weekday), "weekday"
        if spec.mode == "next":
            return _strictly_after(ref, spec.weekday), "weekday"
        return _at_or_before(ref, spec.weekday), "weekday"
    day = ref + datetime.timedelta(days=spec.rel)
    if spec.weekday is None or day.weekday() == spec.weekday:
        return day, "relative"
    # The weekday named contradicts the relative word: the weekday wins, on the side the word points to.
    if spec.rel == 0:
        diff = (spec.weekday - ref.weekday()) % 7
        if diff in (1, 6):  # "today, Sunday" one day off: the publisher's day, not the stamp's
            return ref + datetime.timedelta(days=1 if diff == 1 else -1), "weekday"
        return _at_or_before(ref, spec.weekday), "weekday"
    if spec.rel < 0:
        return _strictly_before(ref, spec.weekday), "weekday"
    return _strictly_after(ref, spec.weekday), "weekday"


def _resolve_calendar(spec: _Calendar, ref: datetime.date) -> tuple[datetime.date, Precision]:
    if spec.month is None:
        assert spec.year is not None
        return datetime.date(spec.year, 1, 1), "year"
    month = spec.month
    if spec.day is None:
        if spec.year is not None:
            year = spec.year
        elif spec.mode == "past":
            year = ref.year if month < ref.month else ref.year - 1
        elif spec.mode == "next":
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = ref.year if month <= ref.month else ref.year - 1
        return datetime.date(year, month, 1), "month"
    if spec.year is not None:
        return datetime.date(spec.year, month, spec.day), "day"
    options: list[datetime.date] = []
    for y in range(ref.year + 2, ref.year - 9, -1):  # latest first; wide enough for 29 February
        try:
            options.append(datetime.date(y, month, spec.day))
        except ValueError:
            continue
    if spec.mode == "past":
        return next(d for d in options if d < ref), "day"
    if spec.mode == "next":
        return next(d for d in reversed(options) if d > ref), "day"
    limit = ref + datetime.timedelta(days=FUTURE_GRACE_DAYS)
    return next(d for d in options if d <= limit), "day"


def _resolve_shift(spec: _Shift, ref: datetime.date) -> tuple[datetime.date, Precision]:
    if spec.unit == "day":
        return ref + datetime.timedelta(days=spec.amount), "day"
    if spec.unit == "month":
        index = ref.year * 12 + ref.month - 1 + spec.amount
        return datetime.date(index // 12, index % 12 + 1, 1), "month"
    return datetime.date(ref.year + spec.amount, 1, 1), "year"


def _reference_day(cands: list[_Cand], day: datetime.date) -> datetime.date:
    """The publisher's day. A relative day given with its weekday ("اليوم الأحد", "أمس السبت",
    "today, Sunday") that is exactly one day off the stamp's day means the stamp was read in another
    zone (or the text was written the day before): when all such anchors agree, they move the reference."""
    shifts: set[int] = set()
    for c in cands:
        if isinstance(c.spec, _Day) and c.spec.rel is not None and c.spec.weekday is not None:
            diff = (c.spec.weekday - (day + datetime.timedelta(days=c.spec.rel)).weekday()) % 7
            shifts.add({0: 0, 1: 1, 6: -1}.get(diff, 99))
    if len(shifts) == 1 and shifts.isdisjoint({0, 99}):
        try:
            return day + datetime.timedelta(days=shifts.pop())
        except OverflowError:  # the calendar's first or last day
            return day
    return day


_DIACRITIC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]*")


@per_text()  # the grouping, the engine and the renderer read the same sentence
def find_dates(text: str, published_at: datetime.datetime) -> list[TemporalExpression]:
    """Every temporal expression of ``text`` in order (non-overlapping; the longest wins), resolved
    against the publication time in the publisher's own offset, never against the wall clock.

    Call it on a whole article rather than sentence by sentence when you can: an "اليوم الأحد" anywhere
    in the text corrects the publication day for every other expression (see :func:`_reference_day`).
    """
    folded = fold_with_offsets(text)
    ctx = _Ctx(text, folded)
    cands = _grammar().candidates(ctx)
    if not cands:
        return []
    ref = _reference_day(cands, publication_day(published_at))
    small_hours = published_at.hour < _SMALL_HOURS_END
    out: list[TemporalExpression] = []
    for c in cands:
        part: PartOfDay | None = None
        precision: Precision = "day"
        kind: Kind
        spec = c.spec
        try:
            if isinstance(spec, _Day):
                date, kind = _resolve_day(spec, ref)
                part = spec.part
                if spec.rel == 0 and spec.weekday is None and part in ("evening", "night") and small_hours:
                    # "this evening", "قبيل منتصف الليل" on a page published at 00:40: the evening just past
                    date -= datetime.timedelta(days=1)
                elif spec.overnight:
                    if published_at.hour >= _OVERNIGHT_BEFORE:
                        continue  # later in the day, which night is meant is not said: no day named
                    # "غادرت مئات العائلات المدينة ليلاً" in a morning paper: the night just past, dated by its evening
                    date -= datetime.timedelta(days=1)
            elif isinstance(spec, _Calendar):
                date, precision = _resolve_calendar(spec, ref)
                kind = "absolute"
            elif isinstance(spec, _Shift):
                date, precision = _resolve_shift(spec, ref)
                kind = "relative"
            else:
                date, kind = ref, "duration"
        except (OverflowError, ValueError, StopIteration):
            continue  # a step past year 1 or 9999 ("أمس" on 0001-01-01): no such day to name

        if c.since:
            kind = "since"
        start, end = folded.span(c.start, c.end)
        tail = _DIACRITIC.match(text, end)  # keep the word's last diacritics (غداً, مساءً)
        if tail is not None:
            end = tail.end()
        out.append(TemporalExpression(start, end, text[start:end], date, precision, part, kind))
    return _ranges(text, _nights(text, out))


# a range of days in one month: "between 8 and 10 May", "8-10 May", "بين 8 و10 أيار", "between May 8 and 10"
_RANGE_BEFORE = re.compile(r"(?<!\d)(\d{1,2})\s*(?:and|to|-|–|until|through|و|الى|إلى|حتى)\s*$")
_RANGE_OPENS = re.compile(r"(?:\b(?:between|from|of)|(?<![^\W\d_])(?:بين|من))\s+(?:\S+\s+){0,3}$", re.I)
_RANGE_AFTER = re.compile(r"^\s*(?:and|to|-|–|until|through)\s*(\d{1,2})(?![\d:/.,]\d)(?!\d)")


def _ranges(text: str, found: list[TemporalExpression]) -> list[TemporalExpression]:
    """The other end of a range of days a date phrase names only one end of in words ("between 8 and 10
    May": the 8th too), as a date of its own, so that neither end reads as a figure; the range's start is
    a "since" (a span begins there), its end dates what it reports."""
    out: list[TemporalExpression] = []
    for e in found:
        if e.kind != "absolute" or e.precision != "day":
            out.append(e)
            continue
        base = max(0, e.start - 16)
        head = text[base : e.start] + ("و" if e.text.startswith("و") else "")  # "بين 8 و10 أيار"
        before = _RANGE_BEFORE.search(head)
        first = int(before.group(1)) if before else 0
        opens = before is not None and _RANGE_OPENS.search(text[max(0, e.start - 40) : base + before.start()])
        if before and opens and 1 <= first < e.date.day:
            start = base + before.start()
            out.append(
                TemporalExpression(start, start + len(before.group(1)), before.group(1), e.date.replace(day=first), "day", None, "since")
            )
        after = _RANGE_AFTER.match(text[e.end : e.end + 16])
        last = int(after.group(1)) if after else 0
        end_day = None
        if after and e.date.day < last <= 31:
            with contextlib.suppress(ValueError):  # "May 30 to 31" in a month of 30 days: no such day
                end_day = e.date.replace(day=last)
        if end_day is None or after is None:
            out.append(e)
            continue
        # the range's start is where its span begins ("since"), its end the day it is reported on
        out.append(TemporalExpression(e.start, e.end, e.text, e.date, e.precision, e.part_of_day, "since"))
        start = e.end + after.start(1)
        out.append(TemporalExpression(start, start + len(after.group(1)), after.group(1), end_day, "day", None, e.kind))
    return out


# "overnight Monday into Tuesday", "on the night of Monday to Tuesday", "Monday night into Tuesday": one night
_NIGHT_BEFORE = re.compile(r"(?:overnight|night of|night from|overnight from|overnight on)\s+(?:the\s+)?$", re.I)
_NIGHT_LINK = re.compile(r"^\s*(?:night\s+)?(?:in)?to\s+(?:the\s+)?$|^\s*night\s+(?:in)?to\s+$", re.I)


def _nights(text: str, found: list[TemporalExpression]) -> list[TemporalExpression]:
    """A night named by its two days is one expression dated on its second day: what outlets report
    "overnight Monday into Tuesday" ("ليل الاثنين الثلاثاء") mostly happened after midnight, and the
    wires date it on the day the night ends (the Arabic pair is read so by the grammar)."""
    out: list[TemporalExpression] = []
    for e in found:
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == e.kind == "weekday"
            and (e.date - last.date).days == 1
            and _NIGHT_LINK.match(text[last.end : e.start])
            and (
                last.part_of_day == "night"
                or _NIGHT_BEFORE.search(text[max(0, last.start - 25) : last.start])
                or "night" in text[last.end : e.start].lower()
            )
        ):
            out[-1] = TemporalExpression(last.start, e.end, text[last.start : e.end], e.date, e.precision, "night", e.kind)
            continue
        out.append(e)
    return out


def resolve_date(text: str, published_at: datetime.datetime) -> TemporalExpression | None:
    """The first expression of ``text`` that names a date (a duration only when there is nothing else)."""
    found = find_dates(text, published_at)
    for expr in found:
        if expr.kind != "duration":
            return expr
    return found[0] if found else None


_LETTER = re.compile(r"[^\W\d_]")
_HEADING_MAX = 40  # characters of a line that is only a day ("FRIDAY, OCT. 21", "السبت 22 تشرين الأول")


def only_a_day(line: str, found: Sequence[TemporalExpression]) -> bool:
    """Whether a line is one date phrase and nothing else but punctuation and figures ("FRIDAY, OCT. 21",
    "الجمعة 21 تشرين الأول"), given the date phrases found in it."""
    if len(found) != 1:
        return False
    d = found[0]
    return not _LETTER.search(line[: d.start] + line[d.end :])


def day_headings(text: str, spans: Iterable[Span], published_at: datetime.datetime) -> dict[int, datetime.datetime]:
    """In a timeline told day by day under lines that are only a day ("FRIDAY, OCT. 21", "الجمعة 21 تشرين
    الأول"), the moment each heading's day ends (the publication for its own day), by the start of the span
    that opens it: what follows it, up to the next such line, is told as of that day. Two or more such
    lines make a timeline; a day after the publication is none. Any other article: none."""
    found: dict[int, datetime.datetime] = {}
    today = publication_day(published_at)
    for span in spans:
        start, end = span.start, span.end
        if start != 0 and text[start - 1] != "\n":
            continue
        line_end = text.find("\n", start)
        line = text[start : len(text) if line_end < 0 else line_end]
        if len(line.strip()) > _HEADING_MAX or end < start + len(line.rstrip()):
            continue
        days = [d for d in find_dates(line, published_at) if d.precision == "day"]
        if not only_a_day(line, days):
            continue  # a line with words besides its day, or two days
        day = days[0].date
        if day > today:
            continue
        ends = datetime.datetime.combine(day, datetime.time(23, 59), tzinfo=published_at.tzinfo)
        found[start] = min(ends, published_at)
    return found if len(found) >= 2 else {}
