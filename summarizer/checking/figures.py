"""Checks of a claim's figures: how many, of whom, over what span, and Arabic numbers said in words."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any, cast

from summarizer.checking.issues import Issue
from summarizer.reading import actors, places
from summarizer.reading.checkable import Facts, who_category
from summarizer.reading.text import fold, words


@cache
def _numbers_data() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8")))


@cache
def _arabic_numerals() -> dict[str, frozenset[str]]:
    """Arabic word numerals by value (folded), from data/numbers.json."""
    out: dict[str, frozenset[str]] = {}
    for kind in _numbers_data()["numerals"].values():
        for value, written in kind.items():
            ar = {fold(w) for w in written if re.search(r"[\u0600-\u06ff]", w)}
            out[value] = out.get(value, frozenset()) | frozenset(ar)
    return out


def _unstated_in_arabic(value: str, written: str, ev: list[Facts], texts: Sequence[str], counted: bool = False) -> bool:
    """A figure an Arabic source states without a numeral of its own, for an English claim: one, by a singular
    noun ("مقتل شخص": "killed one person"); two, by a dual after a casualty verb ("قتل مسعفان": "two
    paramedics were killed"); or a number as an adjective with the article ("مخيمات اللاجئين الثمانية": "the
    eight refugee camps", "الساعات الأربع والعشرين": "the past 24 hours")."""
    if not ev or any(f.language != "ar" for f in ev):
        return False
    worded = re.fullmatch(r"[a-z -]+", written.lower()) is not None
    folded = " ".join(fold(t) for t in texts)
    if value == "1":
        return worded
    if value == "2" and (_DUAL_COUNTED.search(folded) or _DUAL_TIME.search(folded)):
        return True
    if value == "2" and not counted and _DUAL_FEMININE.search(folded):  # two families, two strikes: not a toll
        return True
    numerals = _arabic_numerals()
    tokens = set(words(folded))
    if any(f"ال{w}" in tokens or f"وال{w}" in tokens for w in numerals.get(value, ())):
        return True
    if re.fullmatch(r"\d{1,2}", value) and _age_in_arabic(int(value), folded):
        return True
    if re.fullmatch(r"[2-9][1-9]", value):  # "الأربع والعشرين"
        units, tens = numerals.get(str(int(value) % 10), ()), numerals.get(str(int(value) - int(value) % 10), ())
        return any(re.search(rf"(?<!\w)ال{u} وال{t}(?!\w)", folded) for u in units for t in tens)
    return False


@cache
def _arabic_ordinals() -> dict[int, frozenset[str]]:
    """Arabic ordinals by value, folded, "first" among them (الحادي, الحادية: the unit of eleven)."""
    arabic = re.compile(r"[\u0600-\u06ff]")
    out = {int(v): frozenset(fold(w) for w in ws if arabic.search(w)) for v, ws in _numbers_data()["ordinals"].items() if v.isdigit()}
    return {**out, 1: frozenset(fold(w) for w in ("الحادي", "الحادية"))}


def _age_in_arabic(value: int, folded: str) -> bool:
    """An age an Arabic source states by an ordinal ("طفل في الحادية عشرة من عمره": an 11-year-old child,
    "في العاشرة من عمرها": ten)."""
    ordinals = _arabic_ordinals()
    unit, teen = (value - 10, r" عشره?") if 11 <= value <= 19 else (value, "")
    return any(re.search(rf"(?<!\w)في {o}{teen} من عمر", folded) for o in ordinals.get(unit, ()) if value >= 2)


# a dual noun right after a casualty verb: "قتل مسعفان", "أصيب جنديان" (a stem of four letters at least, so that
# plurals such as "شبان" do not count)
_DUAL_COUNTED = re.compile(r"(?<!\w)[وف]?(?:قتل|مقتل|اصيب|جرح|اعتقل|استشهد|خطف)\s+\w{4,}ان(?!\w)")


# a feminine noun's dual, which no plural shares ("عائلتين": two families, "غارتان": two strikes, "مرتين":
# twice); not "ستين" (sixty), nor a name in "ستان" (باكستان)
_DUAL_FEMININE = re.compile(r"(?<!\w)(?![وفبل]{0,2}(?:ال)?ستين(?!\w))\w{2,}(?:تين|(?<!س)تان)(?!\w)")


_DUAL_NOUN = re.compile(r"(?<!\w)[وف]?(?:قتل|مقتل|اصيب|جرح|اعتقل|استشهد|خطف)\s+(\w{4,})ان(?!\w)")


def dual_issues(claim: str, cf: Facts, ev: list[Facts], texts: Sequence[str]) -> list[Issue]:
    """Two people its Arabic evidence counts by a dual noun ("قتل مسعفان"): an Arabic claim that counts two
    others by theirs ("قتل مقاتلان"), or an English one that calls them otherwise ("two fighters" for two
    paramedics); and a claim's dual its evidence counts by a figure other than two."""
    if not ev or any(f.language != "ar" for f in ev):
        return []
    theirs = {m.group(1) for t in texts for m in _DUAL_NOUN.finditer(fold(t))}
    have = {v for f in ev for v in f.numbers}
    said = ", ".join(sorted(f"{t}ان" for t in theirs))
    if cf.language == "en":
        who = {c for t in theirs if (c := _dual_category(t)) is not None}
        mine = cf.categories.get("2", frozenset())
        if who and mine and "2" not in have and not _same_kind_of_people(mine, who):
            written = cf.numbers.get("2", "two")
            return [Issue("category", written, f"in its evidence two counts {said}, not {', '.join(sorted(mine))}")]
        return []
    for noun in (m.group(1) for m in _DUAL_NOUN.finditer(fold(claim))):
        if noun in theirs or "2" in have:
            continue
        if theirs:
            return [Issue("category", f"{noun}ان", f"in its evidence two counts {said}, not {noun}ان")]
        killed = {v for f in ev for v, roles in f.counted.items() if roles & {"killed", "injured"}}
        if killed:
            return [Issue("number", f"{noun}ان", f"its evidence does not say two (it says {', '.join(sorted(killed))})")]
    return []


_VICTIMS = frozenset({"children", "women"})


_CIVIL = frozenset({"civilians", "children", "women"})
_ARMED = frozenset({"fighters", "soldiers"})


def victim_issues(cf: Facts, ev: list[Facts]) -> list[Issue]:
    """Who the victims were, said without a figure: "most of the victims were children" where its evidence
    says women (and names no children); "an Iraqi civilian was killed" where it has an army officer killed
    (and names no civilian)."""
    said = frozenset().union(*(f.concepts for f in ev)) if ev else frozenset()
    mine, theirs = cf.concepts & _VICTIMS, said & _VICTIMS
    if mine and theirs and not mine & theirs:
        return [Issue("category", ", ".join(sorted(mine)), f"its evidence says {', '.join(sorted(theirs))}, not {', '.join(sorted(mine))}")]
    if "killed" in cf.concepts and cf.concepts & _CIVIL and not cf.concepts & _ARMED and said & _ARMED and not said & _CIVIL:
        return [Issue("category", ", ".join(sorted(cf.concepts & _CIVIL)), f"its evidence says {', '.join(sorted(said & _ARMED))}")]
    return []


def _dual_category(stem: str) -> str | None:
    """Who a dual noun's stem counts ("مسعف": civilians, "جندي": soldiers), if the lexicons know it."""
    return who_category(stem)


# two units of time said by a dual: "خلال اليومين الماضيين" (the past two days), "ساعتين"
_DUAL_TIME = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:يومين|يومان|ساعتين|ساعتان|اسبوعين|اسبوعان|شهرين|شهران|عامين|عامان|سنتين|سنتان|ليلتين)(?!\w)")


_HEDGE = re.compile(
    r"(?:nearly|almost|about|around|some|roughly|approximately|close to|nigh on|قرابة|نحو|حوالي|زهاء|ما يقارب|قرابه|حوالى)\s*$"
)


def _rounded_from(value: str, written: str, claim: str, have: set[str]) -> bool:
    """A hedged round figure that is its evidence's figure rounded: "nearly 500" for 492, "about 1,300" for
    1,296 (rounded at the place of the claim's last non-zero digit, so "about 330" is not 300)."""
    at = fold(claim).lower().find(fold(written).lower())
    if at < 0 or not _HEDGE.search(fold(claim[:at]).lower()) or not value.isdigit() or len(value) > 12:
        return False
    n = int(value)
    zeros = len(value) - len(value.rstrip("0"))
    if n < 20 or zeros == 0:
        return False
    unit = 10**zeros
    return any(h.isdigit() and len(h) <= 12 and int(h) != n and round(int(h) / unit) * unit == n for h in have)


def name_stands(place: places.Place, texts: Sequence[str]) -> bool:
    """Whether the place's display name stands as a word in the texts, whatever it means there."""
    names = [fold(n).lower() for n in (place.name_ar, place.name_en) if n]
    folded = " ".join(fold(t).lower() for t in texts)
    return any(re.search(rf"(?<![^\W\d_])[وفبل]?{re.escape(n)}(?![^\W\d_])", folded) for n in names)


def _year_of_a_date(value: str, cf: Facts, ev: list[Facts], texts: Sequence[str]) -> bool:
    """A claim's year that counts nothing, which its evidence gives in a date."""
    if not (value.isdigit() and len(value) == 4) or not _FIRST_YEAR <= int(value) <= _LAST_YEAR or cf.counted.get(value):
        return False
    return any(value in f.all_numbers for f in ev) or any(re.search(rf"(?<!\d){value}(?!\d)", t) for t in texts)


_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_HOURS_IN = {"days": 24, "weeks": 168}


def _same_span(value: str, cf: Facts, ev: list[Facts]) -> bool:
    """A span of days or weeks its evidence gives in hours or days (two days: 48 hours), or the other way."""
    if not value.isdigit() or len(value) > 12:  # int() refuses thousands of digits
        return False
    hours = {int(value) * _HOURS_IN.get(unit, 1) for unit in cf.counted.get(value, ()) if unit in (*_HOURS_IN, "hours")}
    return any(
        int(v) * _HOURS_IN.get(unit, 1) in hours
        for f in ev
        for v, units in f.counted.items()
        if v.isdigit() and len(v) <= 12
        for unit in units
        if unit in (*_HOURS_IN, "hours")
    )


def _nth_day(value: str, cf: Facts, texts: Sequence[str]) -> bool:
    """A span of days its evidence counts by the day it has reached ("three days of fighting" by "for a
    third day", "لليوم الثالث", "في يومها الثالث")."""
    if "days" not in cf.counted.get(value, ()) or not value.isdigit() or len(value) > 2:
        return False
    nth = _nth_day_pattern(int(value))
    return nth is not None and any(nth.search(fold(t).lower()) for t in texts)


@cache
def _nth_day_pattern(n: int) -> re.Pattern[str] | None:
    """"third day", "اليوم الثالث", "يومها الثالث" for n = 3; None when numbers.json has no ordinal for n."""
    words = [fold(w).lower() for w in _numbers_data()["ordinals"].get(str(n), ())]
    if not words:
        return None
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(
        rf"(?<![^\W\d_])(?:{alt})\s+(?:straight\s+|consecutive\s+|successive\s+)?day(?![^\W\d_])"
        rf"|(?<![^\W\d_])[وفبل]?(?:ال|لل)?يوم(?:ها|ه|هم)?\s+(?:{alt})(?![^\W\d_])"
    )


_ONE_WRITTEN = re.compile(r"(?<![\d.,])1(?![\d.,])")  # a figure 1 written as such


def number_issues(cf: Facts, ev: list[Facts], texts: Sequence[str] = (), claim: str = "") -> list[Issue]:
    have: set[str] = set()
    for f in ev:
        have |= set(f.numbers)  # figures, not the day of a date ("6 مارس" does not say six months)
    out = []
    for value, written in cf.numbers.items():
        if value in have or _rounded_from(value, written, claim, have):
            continue
        if value == written == "1" and not _ONE_WRITTEN.search(claim) and any(f.event_type == "casualties" for f in ev):
            continue  # one person killed, named ("X was shot dead"), against a death its evidence tells by name
        if _year_of_a_date(value, cf, ev, texts):  # "the 2020 port explosion" by "the Aug. 4, 2020 explosion"
            continue
        if _same_span(value, cf, ev) or _nth_day(value, cf, texts):  # "في غضون يومين" by "خلال 48 ساعة"
            continue
        if (
            value == "2"
            and any(f"{m.group(1)}ان" == fold(written) for m in _DUAL_NOUN.finditer(fold(claim)))
            and any(_DUAL_NOUN.search(fold(t)) for t in texts)
        ):
            continue  # "مقاتلان" against "مسعفان": two of whom, dual_issues says
        if not (cf.language == "en" and _unstated_in_arabic(value, written, ev, texts, bool(cf.counted.get(value)))):
            said = ", ".join(sorted(have, key=lambda v: float(v))[:8]) or "no number"
            out.append(Issue("number", written, f"{written} is not stated by its evidence (which says {said})"))
    for value, mine in cf.owners.items():
        owned = {a for f in ev for a in f.owners.get(value, ())}
        if value in have and owned and not parties_related(mine, owned):
            written = cf.numbers.get(value, value)
            out.append(Issue("number", written, f"in its evidence {written} is said of others ({', '.join(sorted(owned))})"))
    rounded = {r for f in ev for r in f.rounded}
    for r in sorted(cf.rounded - rounded):
        kind, _, what = r.partition(":")
        if kind == "ordinal" and any(what in f.all_numbers for f in ev):  # "السادس من مارس" is "6 مارس"
            continue
        out.append(Issue("number", what, f"its evidence does not say {what.replace('-', ' ')}"))
    # "15 wounded" where its evidence counts 15 dead: the claim's only casualty word against the figure's
    casualty = {"killed"} & cf.concepts | ({"injured"} if "wounded" in cf.concepts else set())
    if len(casualty) == 1:
        for value, written in cf.numbers.items():
            roles = {k for f in ev for k in f.counted.get(value, ())} & {"killed", "injured"}
            if roles and not roles & casualty:
                out.append(Issue("number", written, f"in its evidence {written} were {min(roles)}, not {min(casualty)}"))
                break
    armed_words = any(f.concepts & {"fighters", "soldiers"} for f in ev)
    for value, mine_who in cf.categories.items():
        theirs_who = {k for f in ev for k in f.categories.get(value, ())}
        owned_by = {a.kind for f in ev for o in f.owners.get(value, ()) if (a := actors.get_actor(o)) is not None}
        group_owned = bool(owned_by) and owned_by <= {"armed_group"}
        # calling the dead fighters or soldiers where the evidence counts them otherwise, or names no such side
        # (a figure its evidence says of an armed group's or an army's members counts fighters or soldiers:
        # "قياديين اثنين في حركة حماس" are two Hamas commanders)
        armed = (
            mine_who & {"fighters", "soldiers"}
            and not theirs_who & {"fighters", "soldiers"}
            and not armed_words
            and not owned_by & {"armed_group", "military"}
        )
        # "five civilians" where its evidence counts the bodies of five of the military and no civilians
        civil_words = any(f.concepts & {"civilians", "children", "women"} for f in ev)
        armed = armed or (
            mine_who & {"civilians", "children", "women"}
            and not theirs_who
            and armed_words
            and not civil_words
        )
        # "seven women" where its evidence counts seven children
        victims = mine_who & _VICTIMS and theirs_who & _VICTIMS and not mine_who & theirs_who
        if value in have and (armed or victims or not _same_kind_of_people(mine_who, theirs_who, group_owned)):
            written = cf.numbers.get(value, value)
            out.append(
                Issue(
                    "category",
                    written,
                    f"in its evidence {written} counts {', '.join(sorted(theirs_who))}, not {', '.join(sorted(mine_who))}",
                )
            )
    for value, kinds in cf.counted.items():
        theirs = [k for f in ev for k in f.counted.get(value, ())]
        if value in have and theirs and not any(concepts_compatible(mine, t) for mine in kinds for t in theirs):
            written = cf.numbers.get(value, value)
            out.append(
                Issue(
                    "number",
                    written,
                    f"in its evidence {value} counts {', '.join(sorted(set(theirs)))}, not {', '.join(sorted(kinds))}",
                )
            )
    first: dict[str, Issue] = {}
    for issue in out:  # one problem per figure, the first found
        first.setdefault(issue.text, issue)
    return list(first.values())


_CIVIL_OR_ARMED = {"civilians": "civil", "children": "civil", "women": "civil", "fighters": "armed", "soldiers": "armed"}


def _same_kind_of_people(mine: frozenset[str], theirs: set[str], group_owned: bool = False) -> bool:
    """Whether one figure may count both: civilians, children and women are not fighters or soldiers ("300
    civilians" where the evidence counts 300 militants); "people" may be either; and a figure its evidence says
    of an armed group's members ("183 منهم من هيئة تحرير الشام") is not a state's soldiers."""
    if group_owned and "soldiers" in mine and "fighters" not in mine:
        return False
    a = {_CIVIL_OR_ARMED[k] for k in mine if k in _CIVIL_OR_ARMED}
    b = {_CIVIL_OR_ARMED[k] for k in theirs if k in _CIVIL_OR_ARMED}
    return not a or not b or bool(a & b)


def parties_related(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two sets of actors share one, or one's organisation (HTS and the opposition factions)."""
    wide_a = set(a) | {up for x in a for up in actors.ancestors(x)}
    wide_b = set(b) | {up for x in b for up in actors.ancestors(x)}
    return bool(wide_a & wide_b)


_PERSONS = frozenset({"killed", "injured", "civilians", "fighters", "soldiers", "children", "women", "people"})
_EXCLUSIVE = (frozenset({"killed", "injured"}), frozenset({"civilians", "fighters"}), frozenset({"civilians", "soldiers"}))


def concepts_compatible(a: str, b: str) -> bool:
    """Could one figure count both? "4 killed" and "4 civilians" yes; "100 civilians" and "100 fighters" no."""
    if a == b or "other" in (a, b):
        return True
    if a in _PERSONS and b in _PERSONS:
        return not any(a in group and b in group for group in _EXCLUSIVE)
    return False
