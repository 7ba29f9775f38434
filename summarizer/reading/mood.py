"""How a sentence reports: a happening, a statement, a call or visit, a plan or threat, background, or off topic."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from summarizer.reading.text import fold

Mood = Literal["happening", "statement", "diplomacy", "plan", "background", "off_topic"]
_CLAUSE_END = re.compile(r"[,،;؛:.!?؟\"“”«»]")


@dataclass(frozen=True, slots=True)
class _Cues:
    window: int
    modal: re.Pattern[str]
    background: re.Pattern[str]
    openers: frozenset[str]
    past_perfect: re.Pattern[str]
    reporting: re.Pattern[str]
    opinion: re.Pattern[str]
    diplomacy: re.Pattern[str]
    inchoative: re.Pattern[str]
    context: re.Pattern[str]
    place_ar: re.Pattern[str]
    place_en: re.Pattern[str]
    off_topic: re.Pattern[str]


def folded_cue(cue: str) -> str:
    """A cue as folded text; a trailing space (the word ends there) is kept."""
    return fold(cue) + (" " if cue.endswith(" ") else "")


def _pattern(cues: list[str]) -> re.Pattern[str]:
    """Cues at a word start (after one optional proclitic و ف ب ل ك or ال); a cue ending in a space or a
    phrase matches as written, a single word as a word start."""
    alts = "|".join(re.escape(c) for c in sorted({folded_cue(c) for c in cues}, key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])(?:[وفبلك]|ال|وال)?(?:{alts})")


@cache
def _cues() -> _Cues:
    data_all = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    data = data_all["mood"]

    def both(key: str) -> list[str]:
        return [*data[key]["ar"], *data[key]["en"]]

    bg = data["background"]
    return _Cues(
        window=int(data["window"]),
        modal=_pattern(both("modal")),
        background=_pattern([*bg["ar"], *bg["en"]]),
        openers=frozenset(fold(w) for w in bg["ar_openers"]),
        past_perfect=_pattern(bg["en_past_perfect"]),
        reporting=_pattern(bg["en_reporting"]),
        opinion=_pattern(both("opinion")),
        diplomacy=_pattern(both("diplomacy")),
        inchoative=_pattern(both("inchoative")),
        context=_pattern(both("context")),
        place_ar=re.compile(
            r"(?<![^\W\d_])(?:[وفبلك]|ال|وال|بال)?(?:"
            + "|".join(re.escape(fold(w)) for w in data_all["place_phrases"]["ar"])
            + r")\s+(?!(?:من|في|على|الى|عن|ان|التي|الذي)\b)[^\W\d_]{3,}"
        ),
        place_en=re.compile(
            r"\b(?:" + "|".join(data_all["place_phrases"]["en"]) + r")\s+(?:the\s+)?[A-Z][a-z'-]+(?:[\s-][A-Z][a-z'-]+)*"
        ),
        off_topic=_pattern(both("off_topic")),
    )


@dataclass(frozen=True, slots=True)
class Marks:
    """Where a folded sentence has modal, context and inchoative cues and clause breaks, read once, so
    each trigger is placed against them cheaply."""

    modal: tuple[tuple[int, int], ...]
    context: tuple[tuple[int, int], ...]
    begun: tuple[tuple[int, int], ...]
    breaks: tuple[int, ...]  # ends of clause-break characters
    window: int

    def _before(self, cues: tuple[tuple[int, int], ...], start: int, window: int) -> bool:
        """A cue in the same clause as ``start``, at most ``window`` characters before it."""
        cut = self.breaks[bisect_right(self.breaks, start) - 1] if self.breaks and self.breaks[0] <= start else 0
        lo = max(0, start - window, cut)
        return any(lo <= s and e <= start for s, e in cues)

    def is_modal(self, start: int) -> bool:
        """Planned, predicted, threatened or conditional ("ستدافع في حال تعرضت لهجوم", "vowed to capture")."""
        return self._before(self.modal, start, self.window)

    def is_context(self, start: int) -> bool:
        """What came before the happening ("بعد معارك ضارية", "after days of clashes")."""
        return self._before(self.context, start, 35)

    def is_begun(self, start: int) -> bool:
        """Only begun or under way ("بدأت التوغل", "began to enter", "تتقدم")."""
        return any(s == start for s, _ in self.begun) or self._before(self.begun, start, 25)


def marks(folded: str) -> Marks:
    c = _cues()

    def spans(p: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
        return tuple(m.span() for m in p.finditer(folded))

    return Marks(
        modal=spans(c.modal),
        context=spans(c.context),
        begun=spans(c.inchoative),
        breaks=tuple(m.end() for m in _CLAUSE_END.finditer(folded)),
        window=c.window,
    )


def mood_of(sentence: str, folded: str | None = None, happening_at: int | None = None) -> Mood:
    """How the sentence reports, before its triggers are weighed (see facts.read): off topic, a call or
    visit, background, an opinion or position (a statement), else a candidate happening. An opinion
    counts only when said before the first happening the sentence reports (``happening_at``):
    "X was killed, the monitor said, blaming Russia" stays a happening."""
    c = _cues()
    f = fold(sentence) if folded is None else folded
    end = len(f) if happening_at is None else happening_at
    if c.off_topic.search(f):
        return "off_topic"
    if c.diplomacy.search(f):
        return "diplomacy"
    first = re.match(r"\W*([^\W\d_]+)", f)
    if (first and first.group(1) in c.openers) or c.background.search(f):
        return "background"
    pp = c.past_perfect.search(f)
    if pp and not c.reporting.search(f, 0, pp.start()):
        return "background"
    if c.opinion.search(f, 0, end):
        return "statement"
    return "happening"


def is_off_topic(sentence: str) -> bool:
    return _cues().off_topic.search(fold(sentence)) is not None


_LEANS_AR = re.compile(
    r"^\W*(?:و|ف)?(?:كما\s+)?(?:اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت|اشار|اشارت|قال|قالت|اعلن|اعلنت|ذكر|ذكرت|نفي|نفت)"
    r"(?:\s+(?:ان|انه|انها|ايضا|في|الي|ل)\b|\s*:|\s+[^\W\d_]*(?:ه|ها)\b)"
)
_LEANS_EN = re.compile(
    r"^\W*(?:(?:he|she|it|they)\s+(?:added|said|also said|went on)\b)|,\s*(?:he|she|it|they)\s+(?:added|said)\W*$"
)


def leans_on_speaker(sentence: str) -> bool:
    """The sentence names no speaker of its own and leans on the one before ("وأضافت أن ...", "كما
    أعلنت سيطرتها ...", "He added that ...", "..., it said.")."""
    f = fold(sentence)
    return bool(_LEANS_AR.match(f) or _LEANS_EN.search(f))


def glued_heading(sentence: str) -> tuple[int, int] | None:
    """A short sub-heading glued to the sentence it heads ("تصعيد عسكري حاد وتشهد سوريا تصعيداً
    عسكرياً ..."; "Aleppo airport The opposition said ..."): the heading's end and where the sentence
    starts, or None."""
    words = list(re.finditer(r"\S+", sentence))
    for n in range(2, min(7, len(words) - 3)):
        head, nxt = words[:n], words[n]
        if re.search(r"[.,:;!?،؛؟\"“”«»]", " ".join(w.group() for w in head)):
            return None
        if nxt.group()[0] == "و" and len(nxt.group()) > 3:
            stems = {fold(w.group())[:3] for w in head if len(w.group()) >= 3}
            after = {fold(w.group()).removeprefix("و")[:3] for w in words[n : n + 12]}
            if len(stems) >= 2 and len(stems & after) >= 2:
                return head[-1].end(), nxt.start()
        elif (
            re.match(r"(?:The|A|An|In|On|At|Syrian|Opposition|Russian|Government|Rebel)\b", nxt.group())
            and all(w.group()[:1].isupper() or w.group().islower() for w in head)
            and head[-1].group()[:1].islower()
        ):
            return head[-1].end(), nxt.start()
    return None


_NOT_PLACES = re.compile(r"^(?:in|at|of|on|from)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def names_a_place(sentence: str) -> bool:
    """The sentence names a place by a phrase the gazetteer need not know ("مخيم جباليا", "شمال القطاع",
    "in El Fasher", "near Nasser Hospital"); a month or weekday after "in" is no place."""
    c = _cues()
    if c.place_ar.search(fold(sentence)):
        return True
    return any(not _NOT_PLACES.match(m.group()) for m in c.place_en.finditer(sentence))


def talks_at(sentence: str) -> int | None:
    """Where the first cue of a call, a visit or talks stands in the folded sentence; None without one."""
    m = _cues().diplomacy.search(fold(sentence))
    return m.start() if m else None
