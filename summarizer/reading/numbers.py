"""Numbers and quantities in Arabic and English news text: numerals, what they count, casualty totals.

Conventions (decisions, not accidents):

- Digits in any script (ASCII, Arabic-Indic, Persian), "1,200", "1.5 million", "3 آلاف", and word numerals
  (ثلاثة/ثلاث، خمسة عشر/خمس عشرة، واحد وعشرين، ثلاثمئة/ثلاث مئة، نصف مليون، twenty-one, a hundred) are
  read. Arabic dual nouns are quantities of two ("إصابتين" = 2 injured, "قريتي" = 2 villages).
- Vague amounts have no value and are never reported: عشرات، مئات، آلاف and ملايين standing alone,
  dozens, hundreds, thousands, several. Nothing is invented for them.
- Not quantities: road and weapon names ("M5", "F-16"), clock times ("20:15", "الساعة 10"), days of a
  month ("6 مارس"), years (a bare 1900-2100 that counts nothing), labels ("القرار 2254", "اللواء 46"),
  digits glued to Latin letters ("3rd"), and "ال" + number with nothing counted ("اليوم الـ3") - an ordinal.
  Word ordinals ("لليوم الثالث") and word numerals with the article ("الدول الثلاث", "الاثنين" = Monday)
  are not read either.
- "one"/"واحد" and other weak words count only when a counted noun follows ("one of them" is not 1).
- ``counted`` is "killed"/"injured" when a death or injury verb or toll governs the number ("قتل 4
  مدنيين", "9 أشخاص قتلوا", "القضاء على 300 مسلح", "killed at least 15"); otherwise the category of the
  counted noun ("16 قرية" -> villages); "other" for known units outside the categories (years, months,
  km, %); None when nothing known is counted. A breakdown item ("بينهم 4 أطفال", "including four
  children", "183 منهم") keeps its noun's category and never takes the verb. Objects coordinated
  after a governed number share its verb ("قتل 4 مدنيين و3 جنود": both killed).
- ``casualties`` returns, per sentence, the first killed and the first injured figure that is not a
  breakdown item, plus the groups coordinated with it under the same verb: the happening's toll
  ("killing one soldier and two civilians" -> 3; "11 مقاتلاً وستة جنود قتلوا" -> 17). A breakdown
  ("بينهم 4 أطفال") never adds, and figures under separate verbs are not summed.
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal, NamedTuple, cast, get_args

from summarizer.reading.lexicon import alternation
from summarizer.reading.text import Folded, fold, fold_with_offsets

Counted = Literal[
    "killed", "injured", "civilians", "fighters", "soldiers", "children", "women", "people",
    "villages", "towns", "strikes", "km2", "hours", "days", "vehicles", "families", "other",
]  # fmt: skip

_COUNTED: frozenset[str] = frozenset(get_args(Counted))
_PERSONS: frozenset[str] = frozenset(
    {"killed", "injured", "civilians", "fighters", "soldiers", "children", "women", "people"}
)
_PLACES: frozenset[str] = frozenset({"villages", "towns"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number in a text: its span (the number, and its noun when ``counted`` is known), value, meaning."""

    start: int
    end: int
    text: str  # exactly ``original[start:end]``
    value: int | float
    approximate: bool  # نحو، حوالي، أكثر من، ما لا يقل عن، على الأقل، at least, about, more than...
    counted: Counted | None
    noun: Counted | None = None  # the counted noun's own category, also when a verb makes ``counted`` killed


# ---------------------------------------------------------------- tables

Kind = Literal[
    "unit", "ten", "teen_unit", "teen", "tens", "hundreds", "hundred",
    "multiplier", "multiplier_plural", "dual", "half", "article",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Numeral:
    value: float
    kind: Kind
    weak: bool


@dataclass(frozen=True, slots=True)
class _Tables:
    numerals: dict[str, _Numeral]
    proclitics: tuple[str, ...]  # longest first
    duals: dict[str, Counted]
    nouns: dict[str, Counted]
    noun_after: re.Pattern[str]
    coord_after: re.Pattern[str]
    noun_before: re.Pattern[str]
    nouns_before: dict[str, Counted]
    approx_before: re.Pattern[str]
    approx_not_time: re.Pattern[str]
    approx_after: re.Pattern[str]
    killed_before: re.Pattern[str]
    injured_before: re.Pattern[str]
    died_before: re.Pattern[str]
    died_later: re.Pattern[str]
    killed_after: re.Pattern[str]
    injured_after: re.Pattern[str]
    toll_killed: re.Pattern[str]
    toll_injured: re.Pattern[str]
    any_verb: re.Pattern[str]
    breakdown_before: re.Pattern[str]
    breakdown_after: re.Pattern[str]
    clause_break: re.Pattern[str]
    month_after: re.Pattern[str]
    month_before: re.Pattern[str]
    label_before: re.Pattern[str]
    clock_before: re.Pattern[str]
    clock_after: re.Pattern[str]
    no_toll: re.Pattern[str]


def _alt(phrases: Iterable[str]) -> str:
    """A regex alternation of folded phrases, longest first (as a trie)."""
    return alternation(p for p in {fold(p) for p in phrases} if p)


def _lead(*phrase_lists: Iterable[str], extra: str = "") -> str:
    """A lookahead of the letters a match can start with (``extra``, and the first letters of the folded
    phrases): a pattern led by it fails at any other position on one test instead of on every branch."""
    chars = set(extra) | {f[0] for phrases in phrase_lists for p in phrases if (f := fold(p))}
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


_B = r"(?<![^\W_])"  # start of a word
_E = r"(?![^\W_])"  # end of a word
_PRO = r"[وفبل]{0,2}"  # Arabic proclitics in front of a cue


def _ends_with(phrases: Iterable[str]) -> re.Pattern[str]:
    """A pattern for a window of text that ends (maybe with a space) with one of the phrases."""
    return re.compile(rf"{_B}{_PRO}(?:{_alt(phrases)}) ?$")


@cache
def _tables() -> _Tables:
    data = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))
    weak = {fold(w) for w in data["weak"]}
    numerals: dict[str, _Numeral] = {}
    for kind, by_value in data["numerals"].items():
        for value, words in by_value.items():
            for w in words:
                fw = fold(w)
                numerals[fw] = _Numeral(float(value), cast(Kind, kind), fw in weak)

    def categorised(table: dict[str, list[str]]) -> dict[str, Counted]:
        out: dict[str, Counted] = {}
        for cat, words in table.items():
            if cat not in _COUNTED:
                raise ValueError(f"numbers.json: unknown category {cat!r}")
            for w in words:
                out[fold(w)] = cast(Counted, cat)
        return out

    nouns = categorised(data["nouns"])
    nouns_before = categorised(data["nouns_before"])
    before_forms = {}
    for w, cat in nouns_before.items():
        before_forms[w] = cat
        if w.startswith("ال"):
            before_forms["ل" + w[1:]] = cat  # ل + الساعات -> للساعات
    adjectives = _alt(data["english_adjectives"])
    places = [w for w, cat in nouns.items() if cat in _PLACES]
    # "... ارتفع إلى", or the figure right after the toll's own word ("وبلغت حصيلة ضحايا الفيضانات 18")
    # (a day of a month may stand between: "حصيلة شهداء الجيش منذ اندلاع المعارك في 20 أيار الماضي إلى 163",
    # and a year: "ارتفاع حصيلة الشهداء منذ السابع من تشرين الأول 2023 إلى 42065";
    # and a day after its month: "the death toll since October 7 had risen to 35,000")
    gap = (
        rf"(?:[^\d.;]|\d{{1,2}}(?= (?:{_alt(data['months'])}))|(?<= )(?:19|20)\d\d(?=[ ,،])"
        rf"|(?<![^\W\d_])(?:{_alt(data['months'])})\.? \d{{1,2}}(?![\d,.]?\d))"
    )
    # or the figure right after the phrase ("وبلغ عدد القتلى 190")
    toll_tail = rf"(?:(?:{gap}{{0,180}} )? ?(?:{_alt(data['toll_links'])})| [^\W\d_]+|) ?$"
    all_verbs = data["killed_before"] + data["injured_before"] + data["died_before"]
    return _Tables(
        numerals=numerals,
        proclitics=tuple(sorted((fold(p) for p in data["proclitics"]), key=len, reverse=True)),
        duals=categorised(data["duals"]),
        nouns=nouns,
        noun_after=re.compile(
            # "خمسة من مقاتليهم", "five of their fighters": a partitive with its owner
            rf"[ -]?(?:من (?:ال)?|of (?:their|its|his|her) )?(?:(?:{adjectives}) ){{0,2}}(?P<noun>{_alt(nouns)})(?:ا|هم|ها|هما|ه)?{_E}"
        ),
        coord_after=re.compile(rf" (?:و ?|and )(?P<noun>{_alt(places)})ا?{_E}"),
        noun_before=re.compile(rf"{_B}[وف]?[بك]?(?P<noun>{_alt(before_forms)}) ?$"),
        nouns_before=before_forms,
        approx_before=re.compile(rf"{_B}{_PRO}(?:{_alt(data['approximate_before'])})(?: ?ب)? ?$"),
        approx_not_time=re.compile(rf"{_B}(?:{_alt(data['approximate_not_before_time'])}) ?$"),
        approx_after=re.compile(rf"(?: [^\W\d_]+){{0,2}}? (?:{_alt(data['approximate_after'])}){_E}"),
        killed_before=_ends_with(data["killed_before"]),
        injured_before=_ends_with(data["injured_before"]),
        died_before=_ends_with(data["died_before"]),
        died_later=re.compile(_alt(data["died_later"])),
        killed_after=re.compile(rf" (?:{_alt(data['killed_after'])}){_E}"),
        injured_after=re.compile(rf" (?:{_alt(data['injured_after'])}){_E}"),
        toll_killed=re.compile(rf"(?:{_alt(data['toll_killed'])}){toll_tail}"),
        toll_injured=re.compile(rf"(?:{_alt(data['toll_injured'])}){toll_tail}"),
        any_verb=re.compile(rf"{_B}{_PRO}(?:{_alt(all_verbs)}){_E}"),
        breakdown_before=re.compile(rf"{_B}(?:{_alt(data['breakdown_before'])}){_E}"),
        breakdown_after=re.compile(rf" ?,? (?:{_alt(data['breakdown_after'])}){_E}"),
        clause_break=re.compile(
            "|".join(
                re.escape(fold(c)) if not c[0].isalpha() else rf"{_B}{re.escape(fold(c))}{_E}"
                for c in data["clause_breaks"]
            )
        ),
        month_after=re.compile(rf" ?(?:{_alt(data['months'])}){_E}"),
        month_before=re.compile(rf"{_B}(?:{_alt(data['months'])})\.? ?$"),
        label_before=re.compile(rf"{_B}[وفبل]?(?:{_alt(data['label_before'])}) ?$"),
        clock_before=re.compile(rf"{_B}[وفبل]?(?:{_alt(data['clock_before'])}) ?$"),
        clock_after=re.compile(rf" ?(?:{_alt(data['clock_after'])}){_E}"),
        no_toll=re.compile(rf"{_B}{_PRO}(?:{_alt(data['no_toll'])}){_E}"),
    )


# ---------------------------------------------------------------- tokens and numerals

_TOKEN = re.compile(r"\d+(?:[,٬]\d{3})+(?!\d)(?:[.٫]\d+)?|\d+(?:[.٫]\d+)?|[^\W\d_]+")
_DIGIT_PREFIXES = frozenset(
    {"ب", "ل", "ك", "و", "ف", "ال", "وب", "ول", "وال", "بال", "لل", "فب", "فال", "ولل", "وبال", "فل", "وك"}
)


class _Tok(NamedTuple):  # a tuple: built for every word of every sentence
    start: int
    end: int
    text: str

    @property
    def is_digits(self) -> bool:
        return self.text[0].isdecimal()  # not isdigit(): superscripts (¹²³) are digits int() refuses


def _tokens(folded: str) -> list[_Tok]:
    # tuple.__new__ builds the named tuple without a call of its Python-level __new__
    return [_NEW(_Tok, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(folded)]


_NEW = tuple.__new__


MAX_DIGITS = 15  # a longer run of digits is an id, a phone number or noise, never a count


def _digits_value(s: str) -> int | float:
    s = s.replace(",", "").replace("٬", "").replace("٫", ".")
    return float(s) if "." in s else int(s)


def _norm(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _lookup(tok: _Tok, fo: Folded, original: str) -> tuple[_Numeral, str] | None:
    """The numeral a word token is, with the proclitic in front of it ('' when none)."""
    t = _tables()
    n = t.numerals.get(tok.text)
    # "وأحد" (and one of) folds like "واحد" (one): the hamza in the original tells them apart.
    if n is not None and not (tok.text.startswith("واحد") and original[fo.offsets[tok.start + 1]] in "أإ"):
        return n, ""
    # (three and up: الأحد and الاثنين are days of the week)
    if tok.text.startswith("ال") and (n := t.numerals.get(tok.text[2:])) is not None and n.kind in ("unit", "ten", "tens") and n.value >= 3:
        return n, "ال"  # "الأيام الثلاثة": a count only after its noun (see _contextualise)
    if tok.text.startswith("وال") and (n := t.numerals.get(tok.text[3:])) is not None and n.kind in ("ten", "tens"):
        return n, "و"  # "الساعات الأربع والعشرين": the tens joined to a definite unit
    return _after_proclitic(tok.text)


@lru_cache(maxsize=16384)  # words repeat across sentences; the answer depends on the word alone
def _after_proclitic(word: str) -> tuple[_Numeral, str] | None:
    """The numeral a word is after a proclitic ("وثلاثة"), with the proclitic."""
    t = _tables()
    for p in t.proclitics:
        if word.startswith(p) and len(word) > len(p) + 1:
            n = t.numerals.get(word[len(p) :])
            if n is not None:
                return n, p
    return None


def _dual(tok: _Tok) -> tuple[Counted, str] | None:
    return _dual_word(tok.text)


@lru_cache(maxsize=16384)  # words repeat across sentences; the answer depends on the word alone
def _dual_word(word: str) -> tuple[Counted, str] | None:
    t = _tables()
    cat = t.duals.get(word)
    if cat is not None:
        return cat, ""
    for p in t.proclitics:
        if word.startswith(p):
            cat = t.duals.get(word[len(p) :])
            if cat is not None:
                return cat, p
    for p in _DEFINITE:  # "الرجلان", "وللطفلين": the two men, the two children
        if word.startswith(p) and (cat := t.duals.get(word[len(p) :])) is not None:
            return cat, p
    return None


_DEFINITE = ("وال", "فال", "بال", "وبال", "ولل", "ال", "لل")


# Which numeral kinds may follow the number built so far ("state"), by connector: "sp" (space or
# hyphen), "wa" (Arabic و) or "and" (English).
_NEXT: dict[tuple[str, str], frozenset[str]] = {
    ("unit", "sp"): frozenset({"ten", "hundred", "multiplier", "multiplier_plural"}),
    ("unit", "wa"): frozenset({"tens"}),
    ("teen_unit", "sp"): frozenset({"ten"}),
    ("ten", "sp"): frozenset({"multiplier", "multiplier_plural"}),
    ("teen", "sp"): frozenset({"hundred", "multiplier", "multiplier_plural"}),
    ("tens", "sp"): frozenset({"unit", "multiplier", "multiplier_plural"}),
    ("tens_done", "sp"): frozenset({"multiplier", "multiplier_plural"}),
    ("hundreds", "sp"): frozenset({"unit", "ten", "teen", "tens", "multiplier", "multiplier_plural"}),
    ("hundreds", "wa"): frozenset({"unit", "teen_unit", "ten", "tens"}),
    ("hundreds", "and"): frozenset({"unit", "ten", "teen", "tens"}),
    ("mult", "sp"): frozenset({"unit", "ten", "teen", "tens", "hundreds", "hundred"}),
    ("mult", "wa"): frozenset({"unit", "teen_unit", "ten", "tens", "hundreds", "hundred"}),
    ("mult", "and"): frozenset({"unit", "ten", "teen", "tens", "hundreds"}),
    ("half", "sp"): frozenset({"article", "multiplier"}),
    ("article", "sp"): frozenset({"hundred", "multiplier"}),
}
_STARTS = frozenset(
    {
        "unit",
        "ten",
        "teen_unit",
        "teen",
        "tens",
        "hundreds",
        "hundred",
        "multiplier",
        "dual",
        "half",
        "article",
    }
)
_ENDS = frozenset({"unit", "ten", "teen", "tens", "tens_done", "hundreds", "mult"})


@dataclass(frozen=True, slots=True)
class _Run:
    first: int  # token indexes, inclusive
    last: int
    start: int  # folded offsets of the number itself (proclitic excluded)
    end: int
    pre_start: int  # folded offset where the text before the number ends (proclitic included)
    value: float
    weak: bool = False
    al_prefix: bool = False
    year_like: bool = False
    dual: Counted | None = None


def _connector(f: str, toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """How token ``j`` joins the next numeral candidate: (connector, index of that candidate)."""
    k = j + 1
    if k >= len(toks):
        return None
    if toks[k].text in ("و", "and") and k + 1 < len(toks):
        if f[toks[j].end : toks[k].start] == " " and f[toks[k].end : toks[k + 1].start] in (" ", ""):
            return ("wa" if toks[k].text == "و" else "and"), k + 1
        return None
    if f[toks[j].end : toks[k].start] in (" ", "-", " - ", "- ", " -"):
        return "sp", k
    return None


def _word_run(f: str, fo: Folded, original: str, toks: list[_Tok], i: int) -> _Run | None:
    """The longest well-formed word numeral starting at token ``i``."""
    found = _lookup(toks[i], fo, original)
    if found is None or found[0].kind not in _STARTS:
        return None
    num, prefix = found
    first_weak = num.weak
    total = cur = 0.0
    last_mult = float("inf")
    state = ""
    best: tuple[int, float] | None = None
    j, conn = i, "sp"
    while True:
        kind, v = num.kind, num.value
        if kind in ("multiplier", "multiplier_plural", "dual"):
            if v >= last_mult or (kind == "multiplier_plural" and not cur):
                break
            total += v if kind == "dual" else (cur or 1) * v
            cur, last_mult, state = 0.0, v, "mult"
        elif kind == "hundred":
            if state in ("unit", "teen", "article") and conn == "sp":
                cur *= v
            else:
                cur += v
            state = "hundreds"
        elif kind == "ten" and state in ("unit", "teen_unit") and conn == "sp":
            cur, state = cur + v, "teen"
        elif (kind, state) in (("tens", "unit"), ("unit", "tens")):  # واحد وعشرين, twenty-one
            cur, state = cur + v, "tens_done"
        elif kind == "half":
            cur, state = 0.5, "half"
        elif kind == "article":
            cur, state = cur or 1.0, "article"
        else:
            cur, state = cur + v, kind
        if state in _ENDS:
            best = (j, total + cur)
        nxt = _connector(f, toks, j)
        if nxt is None:
            break
        conn, k = nxt
        found = _lookup(toks[k], fo, original)
        if found is None:
            break
        num, p = found
        if p == "و" and conn == "sp" and f[toks[j].end : toks[k].start] == " ":
            conn = "wa"
        elif p:
            break
        if num.kind not in _NEXT.get((state, conn), frozenset()):
            break
        j = k
    if best is None:
        return None
    last, value = best
    start = toks[i].start + len(prefix)
    return _Run(
        i, last, start, toks[last].end, toks[i].start, value, weak=first_weak and last == i, al_prefix=prefix == "ال"
    )


def _digit_run(f: str, fo: Folded, original: str, toks: list[_Tok], i: int) -> _Run | None:
    t = toks[i]
    pre_start, al = t.start, False
    if i > 0 and toks[i - 1].end == t.start:  # glued to letters: a proclitic (بـ9, الـ24) or a name (M5)
        prev = toks[i - 1]
        if prev.is_digits or prev.text not in _DIGIT_PREFIXES:
            return None
        pre_start, al = prev.start, prev.text.endswith(("ال", "لل"))
    if sum(ch.isdecimal() for ch in t.text) > MAX_DIGITS:
        return None  # int() refuses over 4,300 digits; far fewer are already no figure
    before = f[pre_start - 2 : pre_start] if pre_start >= 2 else ""
    after = f[t.end : t.end + 2]
    # clock times 20:15, dates 1/12/2024, names F-16 / Su-24
    if (len(before) == 2 and before[1] in ":/" and before[0].isdecimal()) or (
        len(after) == 2 and after[0] in ":/" and after[1].isdecimal()
    ):
        return None
    if len(before) == 2 and before[1] == "-" and before[0].isalpha():
        return None
    value: float = _digits_value(t.text)
    end, last = t.end, i
    nxt = _connector(f, toks, i)
    if nxt is not None and nxt[0] == "sp":
        found = _lookup(toks[nxt[1]], fo, original)
        if found is not None and not found[1] and found[0].kind in ("multiplier", "multiplier_plural"):
            value *= found[0].value
            end, last = toks[nxt[1]].end, nxt[1]
    year_like = last == i and t.text.isdecimal() and len(t.text) == 4 and 1900 <= int(t.text) <= 2100
    return _Run(i, last, t.start, end, pre_start, value, al_prefix=al, year_like=year_like)


def _dual_run(toks: list[_Tok], fo: Folded, original: str, i: int) -> _Run | None:
    found = _dual(toks[i])
    if found is None:
        return None
    cat, prefix = found
    t = toks[i]
    last, end = i, t.end
    # "طفلين اثنين": the numeral only repeats the dual
    if i + 1 < len(toks) and toks[i + 1].start == t.end + 1:
        n = _lookup(toks[i + 1], fo, original)
        if n is not None and not n[1] and n[0].kind == "unit" and n[0].value == 2:
            last, end = i + 1, toks[i + 1].end
    return _Run(i, last, t.start + len(prefix), end, t.start, 2, dual=cat)


# ---------------------------------------------------------------- context


@dataclass(frozen=True, slots=True)
class _Found:
    quantity: Quantity
    breakdown: bool
    folded_end: int
    folded_start: int  # of the number, proclitic excluded
    governed: bool  # a verb or toll decided killed/injured
    joined: bool = False  # coordinated with the figure before it under one verb ("11 fighters and 6 soldiers")


_TOLL_BACK = 200  # characters back from a figure to the toll it gives ("The death toll from fighting between ... has risen to 75")
_GAP_WORDS = 7  # "532 civilians from the Alawite minority had been killed", "11 members of the security forces and paramilitaries had been killed"
# an Arabic sentence opening on the verb of killing, its subject of one to three words, then the count
_VERB_FIRST_KILLED = re.compile(r"(?<![^\W\d_])[وف]?(?:قتل|قتلت)(?: [^\W\d_]+){1,3} $")
_ACTIVE = frozenset({"killed", "wounded", "injured", "dead", "hurt"})
_GAP_WORD = re.compile(r" (?:من )?[^\W\d_]+(?= )")  # a word of a modifier between a counted noun and its verb
_LAST_GAP_WORD = re.compile(r" (?:من )?[^\W\d_]+(?=, )")  # the modifier's last word, before a breakdown
# a breakdown set off between a counted group and its verb: "12 people, including five children, were killed",
# "11 مدنياً، بينهم أربعة أطفال، قتلوا"
_ASIDE = re.compile(
    r" ?, (?:including|among them|many of them|most of them|mostly|(?:\d+|[a-z]+) of them|بينهم|بينهن|من بينهم|منهم|معظمهم|غالبيتهم|اغلبهم)"
    r"(?![^\W\d_])[^,.;]{1,60},(?: قد)?(?= )"
)


def _passive_role(f: str, at: int) -> Literal["killed", "injured"] | None:
    """A death or injury verb at ``at`` in a passive form ("were killed", "قتلوا"), not an active one whose
    subject may be another ("killed"): what stands past a gap or a breakdown may only be the former."""
    t = _tables()
    m = t.killed_after.match(f, at)
    if m is not None and m.group().strip() not in _ACTIVE:
        return "killed"
    m = t.injured_after.match(f, at)
    if m is not None and m.group().strip() not in _ACTIVE:
        return "injured"
    return None


def _role(f: str, run: _Run, end: int, cat: Counted | None) -> Literal["killed", "injured"] | None:
    """Whether a death or injury verb, or a toll, governs the number."""
    if cat is not None and cat not in _PERSONS:
        return None
    t = _tables()
    lo = max(0, run.pre_start - 60)
    hi = run.pre_start
    m = t.approx_before.search(f, lo, hi)
    if m is not None:
        hi = m.start()
    if t.killed_before.search(f, lo, hi):
        return "killed"
    if t.injured_before.search(f, lo, hi):
        return "injured"
    if cat is not None and _VERB_FIRST_KILLED.search(f, lo, hi):
        return "killed"  # "قتلت غارات إسرائيلية 19 شخصاً": the verb, its subject, then the people it killed
    if t.died_before.search(f, lo, hi) and t.died_later.search(f, end, end + 120):
        return "killed"
    after = end
    if cat is not None:  # "22 فلسطينياً على الأقل قتلوا", "six soldiers from the army were killed"
        a = t.approx_after.match(f, end)
        after = a.end() if a is not None else end
        # the verb right after the group governs it before any verb past a gap ("three soldiers died and four
        # others were injured": three dead); past a breakdown set off by commas, only a passive form does
        # ("Ten fighters, including two commanders, killed three soldiers": not ten dead)
        aside = _ASIDE.match(f, after)
        if aside is not None and (role := _passive_role(f, aside.end())) is not None:
            return role
        if t.killed_after.match(f, after):
            return "killed"
        if t.injured_after.match(f, after):
            return "injured"
        pos = after
        for _ in range(_GAP_WORDS):
            word = _GAP_WORD.match(f, pos) or _LAST_GAP_WORD.match(f, pos)
            if word is None:
                break
            pos = word.end()
            # past a gap only a passive form: "... militants killed" has another subject; past a gap and a
            # breakdown too ("50 fighters from both sides, 19 of them soldiers, had been killed")
            aside = _ASIDE.match(f, pos)
            if (role := _passive_role(f, aside.end() if aside is not None else pos)) is not None:
                return role
    if t.killed_after.match(f, after):
        return "killed"
    if t.injured_after.match(f, after):
        return "injured"
    if f.endswith(("from ", "من "), 0, run.pre_start):
        return None  # "the death toll from two car bombs ... rose to 46": what the toll is of, not the toll
    if t.toll_killed.search(f, max(0, lo - _TOLL_BACK), hi):
        return "killed"
    if t.toll_injured.search(f, max(0, lo - _TOLL_BACK), hi):
        return "injured"
    return None


def _is_breakdown(f: str, run: _Run, end: int) -> bool:
    t = _tables()
    # "... منهم", and "اثنين من القتلى" (two of the dead), whose noun is the dead already counted
    if t.breakdown_after.match(f, end) or t.breakdown_after.match(f, run.end):
        return True
    lo = max(0, run.pre_start - 80)
    last = None
    for m in t.breakdown_before.finditer(f, lo, run.pre_start):
        last = m
    if last is None:
        return False
    between = f[last.end() : run.pre_start]
    return not (t.clause_break.search(between) or t.any_verb.search(between))


def _contextualise(f: str, fo: Folded, original: str, run: _Run) -> _Found | None:
    t = _tables()
    start, end = run.start, run.end
    cat: Counted | None = run.dual
    if run.dual is None:
        m = t.noun_after.match(f, end)
        if m is not None and run.value <= 1 and ("of " in m.group() or "من " in m.group()):
            m = None  # "one of the fighters said": one person among them, no count
        glued = f[end : end + 1].isalpha() or (f[end : end + 1] == "-" and f[end + 1 : end + 2].isalpha())
        if m is None and glued:
            return None  # glued to letters that name nothing: 3rd, 2020م, two-thirds
        if m is not None:
            cat = t.nouns[m.group("noun")]
            end = m.end()
            if cat in _PLACES:
                c = t.coord_after.match(f, end)
                if c is not None:
                    end = c.end()
        elif run.al_prefix:
            b = t.noun_before.search(f, max(0, run.pre_start - 30), run.pre_start)
            if b is None:
                return None  # "اليوم الـ3", "اللواء الـ46": an ordinal or a label
            cat = t.nouns_before[b.group("noun")]
            start = b.start("noun")
    if run.weak and cat is None:
        return None
    lo = max(0, run.pre_start - 40)
    if t.label_before.search(f, lo, run.pre_start) or t.clock_before.search(f, lo, run.pre_start):
        return None
    if cat is None and t.clock_after.match(f, run.end):
        return None
    if (
        run.value <= 31
        and float(run.value).is_integer()
        and cat is None
        and (t.month_after.match(f, run.end) or t.month_before.search(f, lo, run.pre_start))
    ):
        return None  # a day of a month
    if cat == "fighters" and _FAMILY_AFTER.match(f, end):
        cat = "people"  # "six members of one family": a family's, not an armed group's
    cue = t.approx_before.search(f, lo, run.pre_start)
    over = cue is not None and t.approx_not_time.search(f, cue.start(), run.pre_start)
    if over and cat in ("hours", "days"):  # "over 24 hours" is a period, not an estimate
        cue = None
    approximate = bool(cue or t.approx_after.match(f, end))
    # "ما أدى إلى مقتل ثلاثة منهم": a figure the death verb governs is the toll, "of them" or not
    breakdown = _is_breakdown(f, run, end) and not (
        (t.breakdown_after.match(f, end) or t.breakdown_after.match(f, run.end))
        and t.killed_before.search(f, max(0, run.pre_start - 30), run.pre_start)
    )
    role = None if breakdown else _role(f, run, end, cat)
    if run.year_like and cat is None and role is None and not approximate:
        return None
    counted: Counted | None = role or cat
    o_start, o_end = _whole_word_end(original, *fo.span(start, end))
    q = Quantity(o_start, o_end, original[o_start:o_end], _norm(run.value), approximate, counted, cat)
    return _Found(q, breakdown, end, run.start, role is not None)


def _whole_word_end(original: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span over the diacritics and tatweel that close its last word ("شخصاً", not "شخصا")."""
    while end < len(original) and (unicodedata.category(original[end]) == "Mn" or original[end] == "\u0640"):
        end += 1
    return start, end


_FAMILY_AFTER = re.compile(r" of (?:a|one|the|his|her|their)(?: single| same)? family")
_COORDINATION = re.compile(r" ?(?:,|و|and|, and) ?")


def _recounted(q: Quantity, counted: Counted | None) -> Quantity:
    """``q`` counted as a verb it shares makes it ("killed"), keeping its noun's own category (fighters)."""
    return dataclasses.replace(q, counted=counted, noun=q.noun or q.counted)


def _shared_verb(f: str, prev: _Found, cur: _Found) -> _Found:
    """ "قتل 4 مدنيين و3 جنود", "killing one soldier and two civilians": coordinated objects share the verb."""
    q = cur.quantity
    if (
        prev.governed
        and not prev.breakdown
        and not cur.breakdown
        and not cur.governed
        and q.counted in _PERSONS - {"killed", "injured"}
        and _COORDINATION.fullmatch(f, prev.folded_end, cur.folded_start)
    ):
        return _Found(_recounted(q, prev.quantity.counted), False, cur.folded_end, cur.folded_start, True)
    return cur


_COORDINATED_BEFORE = re.compile(r"(?: (?:من )?[^\W\d_]+){0,3}? ?(?:,|و|and|, and) ?")


def _verb_after(f: str, prev: _Found, cur: _Found) -> _Found | None:
    """ "11 مقاتلاً من الحوثيين وستة جنود قتلوا": an earlier coordinated group shares a verb that follows.
    The earlier figure, now counted like the later one; None when they are not so joined."""
    q = prev.quantity
    if (
        cur.governed
        and not prev.governed
        and not prev.breakdown
        and not cur.breakdown
        and q.counted in _PERSONS - {"killed", "injured"}
        and _COORDINATED_BEFORE.fullmatch(f, prev.folded_end, cur.folded_start)
    ):
        return _Found(_recounted(q, cur.quantity.counted), False, prev.folded_end, prev.folded_start, True)
    return None


@lru_cache(maxsize=1 << 16)  # words repeat across sentences; the answer depends on the word alone
def _inert(word: str) -> bool:
    """A word no number starts with: no digit, no numeral (a proclitic aside), no dual."""
    t = _tables()
    return (
        not word[0].isdecimal()
        and word not in t.numerals
        and _after_proclitic(word) is None
        and _dual_word(word) is None
        and not (word.startswith("ال") and word[2:] in t.numerals and t.numerals[word[2:]].value >= 3)
    )


_RANGE_JOINT = re.compile(r"\s*(?:و|and|to|الي|حتي|او|or|-|–)\s*")
_LEAD = re.compile(r"\d+")


def _range_start(f: str, first: _Found, second: _Found) -> _Found | None:
    """The first figure of a range whose second has a multiplier ("60 و80 ألف", "2 and 3 million"), as that
    many thousands or millions of what the second counts; None when the two are no such range."""
    a, b = first.quantity, second.quantity
    if a.counted is not None or not isinstance(a.value, int) or not _RANGE_JOINT.fullmatch(f, first.folded_end, second.folded_start):
        return None
    lead = _LEAD.match(b.text)
    if lead is None or not a.text.isdigit():
        return None
    n = int(lead.group())
    unit = b.value / n if n else 0
    if unit not in (1000, 1_000_000) or not 0 < a.value < n:
        return None
    return dataclasses.replace(first, quantity=dataclasses.replace(a, value=int(a.value * unit), counted=b.counted, noun=b.noun))


@lru_cache(maxsize=4096)  # find_quantities and casualties read the same sentence
def _scan(text: str) -> tuple[_Found, ...]:
    fo = fold_with_offsets(text)
    f = fo.text
    toks = _tokens(f)
    out: list[_Found] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        if _inert(tok.text):  # most words: no run can start there
            i += 1
            continue
        if tok.is_digits:
            run = _digit_run(f, fo, text, toks, i)
        else:
            run = _word_run(f, fo, text, toks, i) or _dual_run(toks, fo, text, i)
        if run is None:
            i += 1
            continue
        found = _contextualise(f, fo, text, run)
        if found is None:
            i = run.last + 1
            continue
        if out and (ranged := _range_start(f, out[-1], found)) is not None:
            out[-1] = ranged  # "ما بين 60 و80 ألف أسرة", "between 2 and 3 million": the range's start shares its unit
        if out:
            found = _shared_verb(f, out[-1], found)
            earlier = _verb_after(f, out[-1], found)
            if earlier is not None:
                out[-1] = earlier
            if (
                not found.breakdown
                and not out[-1].breakdown
                and _COORDINATED_BEFORE.fullmatch(f, out[-1].folded_end, found.folded_start)
            ):
                found = dataclasses.replace(found, joined=True)
        out.append(found)
        i = run.last + 1
        while i < len(toks) and toks[i].start < found.folded_end:
            i += 1
    return tuple(out)


# ---------------------------------------------------------------- public API


def parse_number(token_text: str) -> int | float | None:
    """The value of a numeral written out in full: "15", "١٢", "1,200", "1.5 million", "خمسة عشر",
    "ثلاثمئة", "واحد وعشرين", "twenty-one", "a hundred", "بـ9", "الـ24". None when the text is not
    exactly one numeral, or is vague ("عشرات", "dozens")."""
    fo = fold_with_offsets(token_text)
    f = fo.text
    toks = _tokens(f)
    if not toks:
        return None
    i = 0
    if len(toks) > 1 and not toks[0].is_digits and toks[1].is_digits and toks[0].end == toks[1].start:
        if toks[0].text not in _DIGIT_PREFIXES:
            return None
        i = 1
    if toks[i].is_digits:
        run = _digit_run(f, fo, token_text, toks, i)
    else:
        run = _word_run(f, fo, token_text, toks, i) or _dual_run(toks, fo, token_text, i)
    if run is None or run.last != len(toks) - 1 or f[run.end :].strip(" .,") or f[: toks[0].start].strip():
        return None
    return _norm(run.value)


@cache
def _rounded() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))
    out = []
    for kind, table in (("vague", data["vague"]), ("ordinal", data["ordinals"])):
        for key, forms in table.items():
            if key == "about":
                continue
            alts = "|".join(re.escape(fold(f).lower()) for f in sorted(forms, key=len, reverse=True))
            out.append((f"{kind}:{key}", re.compile(rf"(?<![^\W\d_])(?:[وفبل]?(?:ال)?|لل)?(?:{alts})(?![^\W\d_])")))
    return tuple(out)


def round_amounts(text: str) -> frozenset[str]:
    """Amounts named without a figure and ordinals: "vague:hundreds" (مئات, hundreds), "ordinal:5" (الخامس,
    fifth). "tens of thousands" is that, not also tens and thousands."""
    folded = fold(text).lower()
    found: set[str] = set()
    for key, pattern in _rounded():
        for m in pattern.finditer(folded):
            folded = folded[: m.start()] + " " * (m.end() - m.start()) + folded[m.end() :]
            found.add(key)
    return frozenset(found)


def canonical(value: float) -> str:
    """A value as text that compares equal however it was written: 15.0 -> "15", 2.5 -> "2.5"."""
    return str(int(value)) if float(value).is_integer() else str(value)


def find_quantities(text: str) -> list[Quantity]:
    """The quantities of a text, in order and non-overlapping (see the module docstring)."""
    return [found.quantity for found in _scan(text)]


@dataclass(frozen=True, slots=True)
class _Singles:
    after_verb: re.Pattern[str]  # "مقتل جندي", "killed a senior commander"
    after_injury: re.Pattern[str]  # "إصابة ضابط", "wounding a soldier"
    before_verb: re.Pattern[str]  # "a soldier was killed"
    joined: re.Pattern[str]  # "... وسائقهم", "... and their driver": one more, after a counted group
    gap: re.Pattern[str]  # between a person named alone and a group joined to it ("قيادي في الكتائب واثنان")
    led: re.Pattern[str]  # a person named alone before a counted group: "a soldier and two civilians", "ضابط وجنديان"
    subject_first: re.Pattern[str]  # on the text as written: "إن الككلي قُتل", "أنه اغتيل"
    own_death: re.Pattern[str]  # "لقي سائق الشاحنة حتفه"
    named_en: re.Pattern[str]  # on the text as written: "Qusai Tamimi, 19, was shot dead", "Colonel X died"


_MARKS = "\u064b-\u0652"  # Arabic short vowels, tanween, shadda, sukun


def _as_written(word: str) -> str:
    """A pattern for an Arabic word as written: its own diacritics required, others allowed after any letter."""
    out = []
    for ch in word:
        out.append(re.escape(ch) if "\u064b" <= ch <= "\u0652" else f"{re.escape(ch)}[{_MARKS}]*?")
    return "".join(out)


_NAME_WORD = r"(?:(?:al|el|bin|ibn|abu|Abu|Al|El)[- ])?[A-Z][\w'-]+"  # a capitalised word of a person's name


@cache
def _singles() -> _Singles:
    data = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))
    d = data["single_victims"]
    ar, en = _alt(d["ar"]), _alt(d["en"])
    owned = r"(?:ه|ها|هم|هما)?"
    return _Singles(
        after_verb=re.compile(
            _lead(d["verbs_ar"], d["verbs_en"], extra="وفب")
            # "قتلت فيها امرأة": where, told between the verb and the one it killed
            + rf"(?:{_B}[وفب]?(?:{_alt(d['verbs_ar'])}) (?:(?:فيها|فيه|خلالها|خلاله) )?(?:ال)?(?:{ar}){owned}{_E}"
            rf"|{_B}(?:{_alt(d['verbs_en'])}) (?:a|an|one) (?:[a-z0-9-]+ ){{0,3}}?(?:\d+-)?(?:{en}){_E})"
        ),
        after_injury=re.compile(
            _lead(d["injury_verbs_ar"], d["injury_verbs_en"], extra="وفب")
            + rf"(?:{_B}[وفب]?(?:{_alt(d['injury_verbs_ar'])}) (?:ال)?(?:{ar}){owned}{_E}"
            rf"|{_B}(?:{_alt(d['injury_verbs_en'])}) (?:a|an|one) (?:[a-z0-9-]+ ){{0,3}}?(?:\d+-)?(?:{en}){_E})"
        ),
        before_verb=re.compile(
            rf"(?=[aot]){_B}(?:(?:a|an|one) (?:[a-z0-9-]+ ){{0,5}}?(?:{en}) (?:[a-z-]+ ){{0,3}}?"
            # "the governor of Daraa was killed": a definite one, right before the verb or after its place
            rf"|the (?:[a-z0-9-]+ ){{0,2}}?(?:{en})(?: of(?: the)? [a-z-]+(?: [a-z-]+)?)?(?:, [a-z' -]{{3,40}},)? )"
            rf"(?:{_alt(d['passive_en'])}){_E}"
        ),
        joined=re.compile(
            rf"(?: (?!بين|منهم|between |including |among )[^\W\d_]+){{0,5}}? (?:و(?!احد(?:ه|ة|هم|هما|ها){_E})|and (?:his|her|their|its|a|an|one) )(?:ال)?(?:{ar}|{en}){owned}{_E}"
        ),
        gap=re.compile(r"(?: [^\W\d_]+){0,9}? ?(?:و|and(?: (?:his|her|their|its))? ?)"),
        led=re.compile(rf"{_B}(?:a|an|one) (?:[a-z-]+ )?(?:{en}) and $|{_B}(?:ال)?(?:{ar}) و$"),
        subject_first=re.compile(
            rf"(?=[وفإأاب])(?<![^\W\d_])[وف]?(?:[إأا]ن|ب[أا]ن)(?:ه|ها)?\s+(?:\S+\s+){{0,4}}?"
            rf"(?:{'|'.join(_as_written(w) for w in d['subject_first_ar'])})[{_MARKS}]*(?![^\W\d_])"
        ),
        own_death=re.compile(rf"(?=[وفل]){_B}[وف]?(?:لقي|لقيت)(?: [^\W\d_]+){{0,5}} (?:{_alt(d['own_death_ar'])}){_E}"),
        # a person's name (two to five capitalised words, with al-/bin/abu particles), perhaps an age or a
        # title set off by commas, then a verb of one death ("was killed": one; "were killed" is no one's name)
        named_en=re.compile(
            rf"(?<![\w'-]){_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}(?:,\s[^,]{{1,70}},)?\s+(?:{_alt(d['passive_en'])})\b"
        ),
    )


# "..., wounding seven people before he was shot dead": the one a pronoun names, killed (folded)
_HE_DIED = re.compile(r"\b(?:he|she) (?:was|had been) (?:shot dead|killed|shot and killed|stabbed to death)\b")


def casualties(text: str) -> tuple[int | None, int | None]:
    """(killed, injured) stated in one sentence: the first figure of each that is not a breakdown item,
    with the groups coordinated with it under the same verb added ("11 مقاتلاً و6 جنود قتلوا",
    "killing four soldiers and two civilians": 17 and 6 killed, the happening's toll), and a person named
    alone counted one ("مقتل جندي", "a commander was killed", "قتل قيادي واثنان من مرافقيه": 3; "ثلاثة
    صحفيين وسائقهم": 4). None when no number is stated ("سقوط قتلى وجرحى", "dozens were killed")."""
    found_all = _scan(text)
    totals: dict[str, int] = {}
    ends: dict[str, int] = {}  # where the counted dead or wounded (and the groups joined to them) end
    starts: dict[str, int] = {}  # where the first counted group of each begins
    last: str | None = None  # the kind of the figure just counted, while coordinated groups may follow
    for found in found_all:
        q = found.quantity
        if found.joined and last is not None and not found.breakdown and q.counted in _PERSONS - {"killed", "injured", "people"}:
            # "بمقتل 23 عنصراً من قوات النظام و14 من مقاتلي الفصائل": a group joined to the counted dead is dead too
            totals[last] += int(q.value)
            ends[last] = found.folded_end
            continue
        if found.breakdown or q.counted not in ("killed", "injured"):
            last = None if not found.breakdown else last
            continue
        if found.joined and last == q.counted:
            totals[q.counted] += int(q.value)
            ends[q.counted] = found.folded_end
        elif q.counted not in totals:
            totals[q.counted] = int(q.value)
            ends[q.counted] = found.folded_end
            starts[q.counted] = found.folded_start
            last = q.counted
            continue
        else:
            last = None
    killed = totals.get("killed")
    fo = fold_with_offsets(text)
    f = fo.text
    if (raised := _raised().search(f)) is not None:
        # "..., raising the death toll to 12": the happening's new total is its toll
        later = [
            f.quantity for f in found_all if f.quantity.counted in ("killed", None) and f.folded_start >= raised.end()
        ]
        # "قتل جنديان، ليرتفع عدد قتلاه منذ بدء العملية إلى 40": a total over a span, not the happening's toll
        spanned = _SINCE.search(f, raised.end(), raised.end() + 60) is not None
        if later and not (spanned and killed is not None):
            return int(later[0].value), totals.get("injured")
    if killed is None or "killed" in ends:
        s = _singles()
        if killed is not None:
            killed += _joins(fo, text, ends["killed"])
            killed += s.led.search(f, max(0, starts["killed"] - 40), starts["killed"]) is not None
        elif (m := s.after_verb.search(f) or s.before_verb.search(f)) is None and not no_deaths_stated(text) and (
            s.subject_first.search(text) or s.own_death.search(f) or s.named_en.search(text) or _HE_DIED.search(f)
        ):
            # "إن الككلي قُتل", "لقي سائق الشاحنة حتفه", "Qusai Tamimi, 19, was shot dead": one person, named or a pronoun
            killed = 1
        elif m is not None and not no_deaths_stated(text):
            killed = 1 + _joins(fo, text, m.end())  # "killed a baby and a man": two
            for found in found_all:  # "قتل قيادي في الكتائب واثنان من مرافقيه": the group joined to him
                if found.folded_start >= m.end() and not found.breakdown:
                    if found.quantity.counted in (None, *(_PERSONS - {"injured"})) and s.gap.fullmatch(
                        f, m.end(), found.folded_start
                    ):
                        killed += int(found.quantity.value)
                    break
    return killed, _injured(fo, text, found_all, totals.get("injured"), ends.get("injured"), starts.get("injured"))


def _joins(fo: Folded, text: str, at: int) -> bool:
    """A person joined at ``at`` to the victims counted before ("... وسائقهم", "and their driver"), but not
    "واحد" (one: "مقتل شخص واحد" is one person), which folds like "وأحد" (and one of: "قيادي وأحد مرافقيه")."""
    j = _singles().joined.match(fo.text, at)
    if j is None:
        return False
    word = j.group().split()[-1]
    return not word.startswith("واحد") or text[fo.offsets[j.end() - len(word) + 1]] in "أإ"


def _injured(
    fo: Folded, text: str, found_all: tuple[_Found, ...], injured: int | None, end: int | None, start: int | None
) -> int | None:
    """The wounded in a folded sentence, with a person named alone counted one ("إصابة ضابط وجنديين": 3,
    "أصيب ضابط وجنديان": 3)."""
    s, f = _singles(), fo.text
    if injured is not None and end is not None and start is not None:
        return injured + _joins(fo, text, end) + (s.led.search(f, max(0, start - 40), start) is not None)
    m = s.after_injury.search(f)
    if m is None:
        return injured
    count = 1 + _joins(fo, text, m.end())
    for found in found_all:  # "إصابة ضابط وجنديين": the group joined to him
        if found.folded_start >= m.end() and not found.breakdown:
            if found.quantity.counted in (None, *(_PERSONS - {"killed"})) and s.gap.fullmatch(f, m.end(), found.folded_start):
                count += int(found.quantity.value)
            break
    return count


_OWNED = re.compile(r"(?:ه|ها|هم|هما)$")


def noun_category(word: str) -> Counted | None:
    """The category of one counted noun as written, an Arabic possessive ending allowed ("جنوده": soldiers)."""
    nouns = _tables().nouns
    w = fold(word).lower()
    for form in (w, w.removeprefix("ال"), _OWNED.sub("", w), _OWNED.sub("", w.removeprefix("ال"))):
        if form in nouns:
            return nouns[form]
    return None


def no_deaths_stated(text: str) -> bool:
    """Whether a text says nobody was killed ("دون سقوط ضحايا", "no casualties were reported"). Such a
    sentence has no toll: :func:`casualties` gives None for it, never 0."""
    return _tables().no_toll.search(fold(text).lower()) is not None


# ---------------------------------------------------------------- hedges and victims (for rendering)

Hedge = Literal["at_least", "about", "more_than", "up_to", "fewer_than"]
# the approximate phrases of numbers.json, by what they say of the figure (unlisted ones read "about")
_HEDGE_OF: dict[str, Hedge] = {
    **dict.fromkeys(["at least", "ما لا يقل عن", "لا يقل عن", "على الأقل", "على أقل تقدير"], "at_least"),
    **dict.fromkeys(
        ["more than", "over", "upwards of", "أكثر من", "ما يزيد على", "ما يزيد عن", "يزيد على", "يزيد عن",
         "ما يربو على", "or more"], "more_than"),
    **dict.fromkeys(["up to", "as many as"], "up_to"),
    **dict.fromkeys(["fewer than", "less than", "أقل من"], "fewer_than"),
}  # fmt: skip


def hedge(text: str, q: Quantity) -> Hedge | None:
    """How ``text`` hedges the figure ``q`` ("at least 300": at_least); None when it states it flat."""
    if not q.approximate:
        return None
    before = fold(text[max(0, q.start - 30) : q.start]).lower().rstrip()
    after = fold(text[q.end : q.end + 30]).lower().lstrip()
    for phrase, kind in sorted(_HEDGE_OF.items(), key=lambda p: -len(p[0])):
        f = fold(phrase).lower()
        if re.search(rf"{_B}[وفبل]{{0,2}}{re.escape(f)}$", before) or re.match(rf"{re.escape(f)}{_E}", after):
            return kind
    return "about"


def victims(q: Quantity) -> Counted | None:
    """Who a figure counts when its own words say (civilians, fighters, soldiers, children...): the noun
    that closes it ("15 civilians", "300 militants", "15 مدنياً"); None for a bare or generic count."""
    nouns = _tables().nouns
    for word in reversed(fold(q.text).lower().split()):
        # "15 مدنياً", "13 من جنوده", "5 من عناصرها": the noun without its case ending or possessive
        cat = nouns.get(word) or nouns.get(word.removesuffix("ا")) or next(
            (c for end in ("ه", "ها", "هم") if word.endswith(end) and (c := nouns.get(word[: -len(end)]))), None
        )
        if cat is not None:
            return cat if cat in _PERSONS - {"killed", "injured", "people"} else None
    return None


@cache
def _raised() -> re.Pattern[str]:
    data = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))
    d = data["toll_raised"]
    return re.compile(_lead(d["ar"], d["en"], extra="وف") + rf"{_B}[وف]?(?:{_alt([*d['ar'], *d['en']])})")


@cache
def _updates() -> re.Pattern[str]:
    data = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))
    d = data["toll_updates"]
    return re.compile(rf"{_B}{_PRO}(?:{_alt([*d['ar'], *d['en']])})")


_SINCE = re.compile(r"(?<![^\W\d_])(?:و?منذ|since|so far this|in total)(?![^\W\d_])")


def toll_update(text: str) -> bool:
    """The sentence raises a toll already given ("ارتفعت حصيلة الغارة إلى 11 قتيلاً", "the death toll rose to
    11"): the same happening counted again, not another one. A total over a span ("يرتفع عدد القتلى منذ
    بدء العملية إلى 16", "since Wednesday") counts many happenings: no update of one."""
    folded = fold(text)
    return _updates().search(folded) is not None and not _SINCE.search(folded) and casualties(text) != (None, None)
