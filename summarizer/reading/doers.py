"""Who did a happening a sentence reports: the party named as the subject of its cue."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from summarizer.reading import actors, facts
from summarizer.reading.text import fold_with_offsets
from summarizer.schemas import EventType

# the happenings someone does to someone else; a toll's victims and a flight's people are no doers
_ACTS: frozenset[EventType] = frozenset({"control_change", "clash", "strike", "withdrawal", "other"})
# what may stand between a subject and its verb (folded): a date or an adverb ("on Saturday", "also"), an
# auxiliary ("had", "وكانت ... قد"), or the subject speaking of itself ("said on Wednesday they had",
# "قال ... إن قواته")
_EN_FILLER = (
    r"(?:forces|troops|fighters|soldiers|militants|jets|warplanes|aircraft|drones|also|later|then|reportedly|"
    r"again|had|has|have|were|was|on \w+|(?:said|says|announced|claimed)(?: on \w+)?(?: that)? (?:it|they|its \w+|their \w+))"
)
_EN_GAP = re.compile(rf"^\s*(?:{_EN_FILLER}\s+)*$")
_AR_FILLER = (
    r"(?:قد|مساء|صباح|فجر|ليل|اليوم|امس|ايضا|بدورها|بدوره|قواتها|قواته|عناصرها|عناصره|مقاتليها|مقاتليه|"
    r"(?:انها|انه|ان|بان|بانها|بانه)(?:\s+(?:قواتها|قواته|عناصرها|عناصره|مقاتليها|مقاتليه))?)"
)
_AR_GAP = re.compile(rf"^\s*(?:{_AR_FILLER}\s+)*$")
# the subject after an Arabic verb ("استعادت القوات الحكومية"): nothing between, or a date word
_AR_AFTER = re.compile(r"^\s+(?:(?:اليوم|امس|مساء|صباح|فجر)\s+)?$")
_EN_BY = re.compile(r"^\s+by\s+(?:the\s+)?$")
_PASSIVE = re.compile(r"(?:was|were|been|being)\s+$")
_JOINED = re.compile(
    r"^[\s\"“”«»']*(?:(?:(?:militia|militias|forces|fighters|troops)\s+)?and\s+(?:(?:its|their)\s+)?(?:allied\s+)?|و)?$"
)
# who only tells of a happening (a monitor, an outlet, a rescuer): "According to the monitor, a strike ..."
_REPORTERS = frozenset({"media", "monitor", "rescue"})
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=4096)
def doers(text: str) -> dict[EventType, tuple[str, ...]]:
    """For each kind of act the text reports (a capture, a strike, an attack repelled, an arrest): the
    actors named as doing it, "Syrian government forces regained control of Jableh" -> the government's
    forces, "وكانت فصائل المعارضة قد استعادت" -> the opposition. An act whose doer is not read has none."""
    folded = fold_with_offsets(text)
    f = folded.text
    found = [
        (bisect.bisect_left(folded.offsets, m.start), bisect.bisect_left(folded.offsets, m.end), m)
        for m in actors.find_actors(text)
        if not actors.is_generic(m.actor.id) and m.actor.kind not in _REPORTERS
    ]
    out: dict[EventType, list[str]] = {}
    # a kind's first cue is its verb ("repelled an army attack", "صدت هجوماً للحوثيين"): a later one is
    # more often a noun whose owner is the other side
    firsts: dict[EventType, facts.Trigger] = {}
    for t in sorted(facts.triggers(f), key=lambda t: t.start):
        firsts.setdefault(t.kind, t)
    for t in firsts.values():
        if t.kind not in _ACTS or t.modal or t.negated or t.relative or t.definite or t.the:
            continue
        word_end = f.find(" ", t.start)
        word_end = len(f) if word_end < 0 else word_end
        doer = None
        if _ARABIC.match(f, t.start):
            k = next((k for k, (s, _, _) in enumerate(found) if s >= word_end), None)
            if k is not None and _AR_AFTER.match(f[word_end : found[k][0]]):
                doer = k
        if doer is None:
            k = next((k for k in range(len(found) - 1, -1, -1) if found[k][1] <= t.start), None)
            if k is not None:
                gap = f[found[k][1] : t.start]
                if (_AR_GAP if _ARABIC.match(f, t.start) else _EN_GAP).match(gap) and not _PASSIVE.search(
                    gap
                ):
                    doer = k
        if doer is None and _PASSIVE.search(f, 0, t.start):  # "was captured by the army"
            k = next((k for k, (s, _, _) in enumerate(found) if s >= word_end), None)
            if k is not None and _EN_BY.match(f[word_end : found[k][0]]):
                doer = k
        if doer is None:
            continue
        # one party named in two names side by side ("Islamic State militants", "قوات النظام السوري"), or
        # two joined ("Kurdish YPG militia and allied rebel groups", "قوات النظام وروسيا")
        first, last = doer, doer
        while first > 0 and _JOINED.match(f[found[first - 1][1] : found[first][0]]):
            first -= 1
        while last + 1 < len(found) and _JOINED.match(f[found[last][1] : found[last + 1][0]]):
            last += 1
        named = out.setdefault(t.kind, [])
        named += [m.actor.id for _, _, m in found[first : last + 1] if m.actor.id not in named]
    return {k: tuple(v) for k, v in out.items()}


def related(a: str, b: str) -> bool:
    """One party, or parts of one (a state's forces and its ministry, a commander and his group)."""
    if a == b or a in actors.ancestors(b) or b in actors.ancestors(a):
        return True
    up_a, up_b = actors.parent(a), actors.parent(b)
    return up_a is not None and (
        up_a == up_b or up_a in actors.ancestors(b) or (up_b is not None and up_b in actors.ancestors(a))
    )
