"""Text handling: matching normalisation with offsets back to the original, sentences, language, chrome."""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

Lang = Literal["ar", "en"]

# Arabic diacritics (harakat, tanwin, shadda, sukun, superscript alef, Quranic marks) and tatweel.
_DROP = (
    set(range(0x0610, 0x061B)) | set(range(0x064B, 0x0660)) | {0x0670, 0x0640} | set(range(0x06D6, 0x06EE))
)
_DROP |= {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0xFEFF}  # zero-width and direction marks
_MAP: dict[int, str] = {
    ord("أ"): "ا",
    ord("إ"): "ا",
    ord("آ"): "ا",
    ord("ٱ"): "ا",
    ord("ى"): "ي",
    ord("ة"): "ه",
    ord("ؤ"): "و",
    ord("ئ"): "ي",
    ord("ک"): "ك",
    ord("ی"): "ي",
    ord("“"): '"',
    ord("”"): '"',
    ord("„"): '"',
    ord("«"): '"',
    ord("»"): '"',
    ord("″"): '"',
    ord("‘"): "'",
    ord("’"): "'",
    ord("‚"): "'",
    ord("`"): "'",
    ord("´"): "'",
    ord("–"): "-",
    ord("—"): "-",
    ord("‐"): "-",
    ord("−"): "-",
    ord("،"): ",",
    ord("؛"): ";",
    ord("؟"): "?",
    ord("٪"): "%",
}
for _i in range(10):
    _MAP[0x0660 + _i] = str(_i)  # Arabic-Indic digits
    _MAP[0x06F0 + _i] = str(_i)  # Persian digits


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text; ``offsets[i]`` is where folded character ``i`` came from."""

    text: str
    # len(text) + 1 entries; the last is len(original). A range when folding moved nothing (most sentences):
    # indexed alike, built without one integer per character
    offsets: Sequence[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the folded text back to the original text."""
        if start >= end:
            o = self.offsets[start]
            return o, o
        return self.offsets[start], self.offsets[end - 1] + 1


def _fold_char(ch: str) -> str:
    """The folded form of one character: '' (dropped), ' ' (space) or one character."""
    cp = ord(ch)
    if cp in _DROP:
        return ""
    mapped = _MAP.get(cp)
    if mapped is not None:
        return mapped
    if ch.isspace():
        return " "
    if cp < 0x0600 or cp > 0x06FF:
        low = ch.lower()
        if len(low) == 1:
            if unicodedata.combining(low):
                return ""
            return low
    return ch


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character: one character in, one out
    ("\x00" marks a dropped one), so positions in the translated text are positions in the original."""

    def __missing__(self, cp: int) -> str:
        folded = _fold_char(chr(cp)) or "\x00"
        self[cp] = folded
        return folded


_TABLE = _FoldTable()
_RUNS = re.compile(r"[^\x00 ]+| +")
_CACHE_MAX_CHARS = 2000  # sentences are folded by every reader; whole articles are not worth keeping


def fold_with_offsets(text: str) -> Folded:
    """Fold ``text`` for matching and keep the map to the original.

    Folding drops diacritics, tatweel and invisible marks; unifies alef forms, ى/ي, ة/ه, hamza seats,
    quote and dash styles; turns Arabic-Indic and Persian digits into ASCII; lower-cases Latin; and
    collapses every run of white space (NBSP included) into one space. Every kept character maps to
    exactly one original character, so a match in the folded text is an exact span of the original.
    """
    if len(text) <= _CACHE_MAX_CHARS:
        return _fold_cached(text)
    return _fold(text)


@lru_cache(maxsize=8192)
def _fold_cached(text: str) -> Folded:
    return _fold(text)


def _fold(text: str) -> Folded:
    t = text.translate(_TABLE)
    if "\x00" not in t and "  " not in t and not t.startswith(" ") and not t.endswith(" "):
        return Folded(t, range(len(text) + 1))
    out: list[str] = []
    offsets: list[int] = []
    last_space = True  # no leading space
    for m in _RUNS.finditer(t):
        run = m.group()
        if run[0] == " ":
            if not last_space:
                out.append(" ")
                offsets.append(m.start())
                last_space = True
            continue
        out.append(run)
        offsets.extend(range(m.start(), m.end()))
        last_space = False
    if out and out[-1] == " ":
        out.pop()
        offsets.pop()
    offsets.append(len(text))
    return Folded("".join(out), tuple(offsets))


def fold(text: str) -> str:
    """The folded form of ``text`` (see :func:`fold_with_offsets`), without the offsets."""
    # what fold_with_offsets does, one call less: every reader folds every sentence it is given
    return (_fold_cached(text) if len(text) <= _CACHE_MAX_CHARS else _fold(text)).text


def find_exact_or_folded(haystack: str, needle: str) -> tuple[int, int] | None:
    """Where ``needle`` stands in ``haystack``: exactly, else after folding both; None if nowhere.

    The span returned is always of ``haystack``, so ``haystack[s:e]`` is the exact original wording.
    """
    if not needle.strip():
        return None
    i = haystack.find(needle)
    if i >= 0:
        return i, i + len(needle)
    fh = fold_with_offsets(haystack)
    fn = fold(needle)
    if not fn:
        return None
    j = fh.text.find(fn)
    if j < 0:
        return None
    return fh.span(j, j + len(fn))


# ---------------------------------------------------------------- language


def script_counts(text: str) -> tuple[int, int]:
    """How many Arabic-script and Latin letters ``text`` has."""
    ar = lat = 0
    for ch in text:
        cp = ord(ch)
        if 0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0xFB50 <= cp <= 0xFEFF:
            if ch.isalpha():
                ar += 1
        elif ch.isascii() and ch.isalpha():
            lat += 1
    return ar, lat


def detect_language(text: str) -> Lang:
    """'ar' or 'en' by the share of Arabic-script letters (reliable for news; langdetect is not)."""
    ar, lat = script_counts(text)
    return "ar" if ar >= lat else "en"


# ---------------------------------------------------------------- sentences

_CLOSERS = "\"'”’»)]›"
# A sentence ends at . ! ? ؟ … (or a run of them, e.g. "..") followed by optional closers, then space.
_END = re.compile(r"(?:\.{1,3}|[!?؟…]+)[" + re.escape(_CLOSERS) + r"]*(?=\s|$)")
_LOWER_NEXT = re.compile(r"\s+(?!(?:al|el|ad|as|ash|az|at|an|ar)-)[a-z]")
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "gen",
    "col",
    "lt",
    "sgt",
    "u.s",
    "u.n",
    "u.k",
    "no",
    "vs",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "etc",
}


@dataclass(frozen=True, slots=True)
class Span:
    """A [start, end) span of an article's original text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[Span]:
    """Sentence spans of ``text``: split at line breaks and at sentence-final punctuation.

    Handles runs such as ".." and "...", closing quotes after the stop, headings with no final stop
    (each line is its own unit), and one-paragraph articles. Abbreviations such as "U.S." and "Mr.",
    decimals such as "3.5", and a stop followed by a lower-case word ("2 p.m. on Saturday") do not end a
    sentence.
    """
    spans: list[Span] = []
    for line in re.finditer(r"[^\n\r]+", text):
        ls, le = line.start(), line.end()
        start = ls
        for m in _END.finditer(text, ls, le):
            if m.group(0).startswith(".") and len(m.group(0).rstrip(_CLOSERS)) == 1:
                word = re.search(r"([\w.]+)$", text[start : m.start()])
                w = word.group(1) if word else ""
                if w.lower() in _ABBREV or (len(w) == 1 and w.isascii() and w.isalpha()):
                    continue
                # "shortly before 2 p.m. on Saturday": an English sentence goes on in lower case
                if _LOWER_NEXT.match(text, m.end(), le):
                    continue
            s, e = _trim(text, start, m.end())
            if e > s:
                spans.append(Span(s, e))
            start = m.end()
        s, e = _trim(text, start, le)
        if e > s:
            spans.append(Span(s, e))
    return spans


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Folded word tokens of ``text`` (letters and digits, Arabic and Latin)."""
    return _WORD.findall(fold(text))


# ---------------------------------------------------------------- page chrome


@cache
def _chrome_patterns() -> re.Pattern[str]:
    """chrome.json's patterns as one alternation: each sentence is searched once."""
    data = json.loads(resources.files("summarizer.data").joinpath("chrome.json").read_text("utf-8"))
    return re.compile("|".join(f"(?:{p})" for p in data["patterns"]))


_LETTER = re.compile(r"[^\W\d_]")


def is_chrome(sentence: str) -> bool:
    """True when a sentence is page furniture (promo lines, share buttons, bare clock times...)."""
    folded = fold(sentence)
    if not _LETTER.search(folded):  # no letters at all: times, numbers, punctuation
        return True
    return _chrome_patterns().search(folded) is not None


_HEADING_WORDS = 12
_TITLE_WORDS = 18


def is_heading(text: str, span: Span) -> bool:
    """True when a span is a short line with no final punctuation, standing alone on its line."""
    s = span.of(text)
    before = text[: span.start].rstrip(" \t")
    # the article's title, its first line, may run longer than a sub-heading
    if s[-1:] in ".!?؟…" + _CLOSERS or len(words(s)) > (_TITLE_WORDS if not before.strip() else _HEADING_WORDS):
        return False
    after = text[span.end :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


@cache
def _tail_markers() -> tuple[re.Pattern[str], ...]:
    data = json.loads(resources.files("summarizer.data").joinpath("chrome.json").read_text("utf-8"))
    return tuple(re.compile(p) for p in data["tail_markers"])


_HEADLINE = re.compile(r"([^\n]*)\n[ \t]*\n")


def headline_of(text: str) -> str | None:
    """The article's first line when a blank line sets it off (its headline), else None."""
    m = _HEADLINE.match(text)
    return m.group(1) if m is not None else None


def content_sentences(text: str) -> list[Span]:
    """The sentences of an article's body: page chrome dropped, and nothing after a tail marker
    (a "read also" line, a live-blog header) kept. A marker that opens the page ("تغطية مباشرة | ...": the
    page is the live coverage), before its text or right under its headline, is its title's chrome, not its end."""
    kept: list[Span] = []
    # a first line set off by a blank line is the headline
    headline = len(title) if (title := headline_of(text)) is not None else -1
    for span in split_sentences(text):
        folded = fold(span.of(text))
        if any(p.search(folded) for p in _tail_markers()):
            if all(k.end <= headline for k in kept):
                continue
            break
        if not is_chrome(span.of(text)):
            kept.append(span)
    return kept


def near_duplicates(keysets: list[frozenset[str]], threshold: float = 0.6) -> list[int]:
    """For each sentence (given as its set of content-word keys), the index of the first sentence it
    repeats (Jaccard of keys at or above ``threshold``), or its own index when it is new.

    An inverted index of keys means only sentences that share words are compared.
    """
    owner: list[int] = []
    firsts: list[int] = []
    index: dict[str, list[int]] = {}
    for n, keys in enumerate(keysets):
        overlap: dict[int, int] = {}
        for k in keys:
            for i in index.get(k, ()):
                overlap[i] = overlap.get(i, 0) + 1
        match = n
        for i in sorted(overlap):
            first = keysets[firsts[i]]
            if overlap[i] / (len(first) + len(keys) - overlap[i]) >= threshold:
                match = firsts[i]
                break
        owner.append(match)
        if match == n:
            for k in keys:
                index.setdefault(k, []).append(len(firsts))
            firsts.append(n)
    return owner


# A wire dateline: the filing city in capitals, then any of its country, the day and the outlet, then a dash
# ("MOSCOW/TEHRAN, Nov 29 (Levant Wire) -", "ADEN, Yemen (Gulf Ledger) —", "BEIRUT (AP) —", "GAZA CITY, Gaza
# Strip —"). With neither day nor outlet nor country, only a long dash after a name of 3+ capitals.
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+)*(?:, [A-Z][A-Za-z.]*(?: [A-Za-z.]+){0,3})?"
    # "MOSCOW, Nov 29 (Levant Wire) -", and with no outlet "BEIRUT, Dec 3 -", "JENIN, West Bank, Jan 22 -"
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?: (?P<outlet>\([^)]{1,40}\)))? [-–—](?= )"
    r"|(?:, [A-Z][a-z]{2,8}\.? \d{1,2})? ?(?P<outlet2>\([A-Z][^)]{0,39}\)) ?[-–—]"
    r"|, [A-Z][A-Za-z.]*(?: [A-Za-z.]+){0,3} [–—])"
    r"|[A-Z][A-Z'.-]{2,}(?: [A-Z][A-Z'.-]+)* (?:[–—]|-(?= )))"
)
# "بيروت، 23 أيلول (وكالة الساحل) -", "غزة (وكالة الساحل) -": the city, its day (or, for a city of at most
# three words, none), the outlet, a dash
_DATELINE_AR = re.compile(
    r"^(?:[\u0621-\u0652 /]{2,40}[،,] ?[\d\u0660-\u0669]{1,2} [\u0621-\u0652/ ]{2,20}"
    r"|[\u0621-\u0652/]{2,20}(?: [\u0621-\u0652/]{2,20}){0,2}) ?(?P<outlet>\([^)]{1,40}\)) ?[-–—]"
    # "صنعاء - "وكالة اليمن اليوم":", "بيروت - «الأخبار» -": a city, a dash, then the outlet in quotes and a colon or dash
    r"|^[\u0621-\u0652]{2,20}(?: [\u0621-\u0652]{2,20}){0,2} ?[-–—] ?(?P<outlet3>[\"«“][^\"»”\n]{1,40}[\"»”]) ?[:：\-–—]"
    # "غزة - استشهد ...", "خان يونس – ...": a city of at most three words and a dash, no day, no outlet
    r"|^[\u0621-\u0652]{2,20}(?: [\u0621-\u0652]{2,20}){0,2} ?[-–—](?= )"
)


def _outlet_span(m: re.Match[str]) -> tuple[int, int]:
    for group in ("outlet", "outlet2", "outlet3"):
        if group in m.re.groupindex and m.group(group) is not None:
            return m.span(group)
    return (0, 0)


@lru_cache(maxsize=8192)  # every reader of a sentence asks where its dateline ends
def dateline_end(text: str) -> int:
    """Where a wire dateline ("MOSCOW/TEHRAN, Nov 29 (Levant Wire) -", "ADEN, Yemen (Gulf Ledger) —", "BEIRUT
    (AP) —", "BEIRUT - ", "بيروت، 23 أيلول (وكالة الساحل) -", "غزة (وكالة الساحل) -", "غزة - ") that opens a text ends; 0 if none. Where a report was filed is not where its happening took place."""
    m = _DATELINE.match(text) or _DATELINE_AR.match(text)
    return m.end() if m else 0


@lru_cache(maxsize=8192)
def dateline_outlet(text: str) -> tuple[int, int]:
    """The span of a wire dateline's outlet ("(Jordan Valley Wire)", "(وكالة الأنباء الأردنية)"), (0, 0) if
    none: an outlet's name names no place ("QUITO, April 16 (Jordan Valley Wire) -" is not a report from Jordan)."""
    m = _DATELINE.match(text) or _DATELINE_AR.match(text)
    return _outlet_span(m) if m else (0, 0)


# a live page's entry opens with its clock time: "18:30 - ...", "23:40 GMT — ...", "10:05 ت.غ - ..."
_ENTRY = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:GMT|UTC|ت\.?غ)?\s*[-–—]\s")
# an entry's clock time on a line of its own, its words on the next ("23:10" then "أعلن المجلس ...")
_CLOCK_LINE = re.compile(r"([01]?\d|2[0-3])[:.]([0-5]\d)\s*(?:GMT|UTC|ت\.?غ)?")


def entry_time_end(text: str) -> int:
    """Where a live page's entry time that opens a text ends ("16:20 - رحبت ...": after "- "), or 0."""
    m = _ENTRY.match(text)
    return m.end() if m is not None else 0


_ZONE_SLACK = dt.timedelta(hours=4)  # the region's clocks are UTC+2 to UTC+4


def live_entries(text: str, spans: Sequence[Span], published_at: dt.datetime) -> dict[int, dt.datetime]:
    """On a live page (two or more lines opening with a clock time, "18:30 - ...", or standing alone on a line
    before the entry's words), each entry's moment, by
    the start of the span that opens it: that clock time on the publication's day in its zone, or on the
    day before when it is later than the publication (an entry of 23:40 on a page published at 02:10), or at
    the publication when it is at most four hours later (local clock times on a page published in UTC).
    Any other article: none."""
    found: dict[int, dt.datetime] = {}
    for span in spans:
        if span.start != 0 and text[span.start - 1] != "\n":
            continue
        m = _ENTRY.match(text, span.start) or _CLOCK_LINE.fullmatch(span.of(text))
        if m is None:
            continue
        moment = published_at.replace(hour=int(m.group(1)), minute=int(m.group(2)), second=0, microsecond=0)
        if moment > published_at:
            # a few hours later: the page's clock is local and its publication time is given in UTC (entries
            # of 11:30 "GMT+3" on a page published at 11:10 UTC), not an entry of the day before
            late = moment - published_at <= _ZONE_SLACK
            moment = published_at if late else moment - dt.timedelta(days=1)
        found[span.start] = moment
    return found if len(found) >= 2 else {}
