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
# repelling an attack is the other side's act than the attack: its own role ("repelled an army attack")
_REPELS = re.compile(r"(?:repel|foil|thwart|[وف]?(?:صد|تصد))")
# what may stand between a subject and its verb (folded): a date or an adverb ("on Saturday", "also"), an
# auxiliary ("had", "وكانت ... قد"), or the subject speaking of itself ("said on Wednesday they had",
# "قال ... إن قواته")
_EN_FILLER = (
    r"(?:forces?|troops|fighters?|soldiers?|militants?|units?|jets|warplanes|aircraft|drones?|also|later|then|"
    r"reportedly|again|had|has|have|were|was|on \w+|(?:said|says|announced|claimed)(?: on \w+)?(?: that)? "
    r"(?:it|they|its \w+|their \w+))"
)
# "X's attack"; ", said its fighters had" after an appositive ("The Jenin Brigade, a local unit of ..., said")
_EN_GAP = re.compile(rf"^(?:'s|,(?=\s*(?:said|says|announced|claimed)\b))?\s*(?:{_EN_FILLER}\s+)*$")
# a pronoun in a clause after its subject: "Islamic State lost al-Shafa two weeks after it had retaken ..."
_EN_PRONOUN = re.compile(
    r"^[^,;:.]{0,80}\b(?:after|when|before|once|as|since|because|and|but|while) (?:it|they) (?:had |has |have )?$"
)
_AR_FORCES = r"(?:قواتها|قواته|عناصرها|عناصره|مقاتليها|مقاتليه)(?:\s+والقوات\s+(?:المسانده|الحليفه|الرديفه)\s+(?:لها|له))?"
_AR_FILLER = (
    rf"(?:قد|مساء|صباح|فجر|ليل|اليوم|امس|ايضا|بدورها|بدوره|يوم\s+\S+|{_AR_FORCES}|"
    rf"(?:انها|انه|ان|بان|بانها|بانه)(?:\s+{_AR_FORCES})?)"
)
# a day set off by commas ("أعلن الجيش، يوم السبت، أن قواته"), no other aside: an apposition may name another
_AR_DAY = r"[،,]\s*(?:يوم\s+)?(?:السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|امس|اليوم)\s*[،,]\s*"
_AR_GAP = re.compile(rf"^[\s\"“”«»']*(?:{_AR_DAY})?(?:{_AR_FILLER}\s+)*$")
# the subject after an Arabic verb ("استعادت القوات الحكومية", "هجوماً لقوات الدعم"): nothing between, a day or a
# verb of carrying out; or forces led by the party ("انسحبت فصائل تقودها الهيئة"): the party that leads them
_AR_AFTER = re.compile(
    r"^\s+(?:(?:اليوم|امس|مساء|صباح|فجر|شنته|شنها|شنتها|نفذته|نفذها|نفذتها)\s+)?"
    r"(?:(?:فصايل|قوات|مقاتلون|مقاتلين|مسلحون|مسلحين|عناصر)\s+(?:تقودها|يقودها|بقياده)\s+)?ل?$"
)
# an Arabic cue that is a noun, the object of the verb before it ("صدّ الجيش هجوماً"): its doer is never the
# subject before it, only the one after it ("هجوماً لقوات الدعم", "هجوماً شنّته قوات الدعم")
_AR_NOUNS = frozenset(
    {"هجوم", "هجوما", "هجمات", "هجمه", "غاره", "غارات", "غارتين",
     "ضربه", "ضربات", "اشتباكات", "اشتباك", "معارك", "مواجهات"}
)  # fmt: skip
_EN_BY = re.compile(r"^\s+by\s+(?:the\s+)?$")
_PASSIVE = re.compile(r"(?:was|were|been|being)\s+$")
_JOINED = re.compile(
    r"^[\s\"“”«»']*(?:(?:(?:militia|militias|forces|fighters|troops)\s+)?and\s+(?:(?:its|their)\s+)?(?:allied\s+)?|و)?[\s\"“”«»']*$"
)
_ARABIC = re.compile(r"[\u0600-\u06FF]")


@lru_cache(maxsize=4096)
def doers(text: str) -> dict[str, tuple[str, ...]]:
    """For each kind of act the text reports (a capture, a strike, an attack, an attack repelled, an arrest:
    its event type, "repel" for repelling): the actors named as doing it, in text order. "Syrian government
    forces regained control of Jableh" -> the government's forces, "وكانت فصائل المعارضة قد استعادت" -> the
    opposition, "a counter-attack by Islamic State fighters ... was repelled" -> Islamic State for the
    attack. An act whose doer is not read has none."""
    folded = fold_with_offsets(text)
    f = folded.text
    found = [
        (bisect.bisect_left(folded.offsets, m.start), bisect.bisect_left(folded.offsets, m.end), m)
        for m in actors.find_actors(text)
        if not actors.is_generic(m.actor.id) and m.actor.kind not in actors.REPORTER_KINDS  # "According to the monitor, a strike"
    ]
    out: dict[str, list[str]] = {}
    # a role's first cue is its verb ("seized the town after the army's advance"): a later one is more
    # often a noun whose owner is the other side
    firsts: dict[str, facts.Trigger] = {}
    for t in sorted(facts.triggers(f), key=lambda t: t.start):
        if t.kind not in _ACTS or t.modal or t.negated or t.relative or t.definite or t.the:
            continue
        if any(s <= t.start < e for s, e, _ in found):  # "الجبهة الوطنية للتحرير": a name, no liberation
            continue
        firsts.setdefault("repel" if t.kind == "clash" and _REPELS.match(f, t.start) else t.kind, t)
    for role, t in firsts.items():
        word_end = f.find(" ", t.start)
        word_end = len(f) if word_end < 0 else word_end
        after = next((k for k, (s, _, _) in enumerate(found) if s >= word_end), None)
        before = next((k for k in range(len(found) - 1, -1, -1) if found[k][1] <= t.start), None)
        doer = None
        if _ARABIC.match(f, t.start) and after is not None and _AR_AFTER.match(f[word_end : found[after][0]]):
            doer = after
        if doer is None and before is not None:
            gap = f[found[before][1] : t.start]
            if _ARABIC.match(f, t.start):
                doer = before if _AR_GAP.match(gap) and f[t.start : word_end] not in _AR_NOUNS else None
            elif (_EN_GAP.match(gap) or _EN_PRONOUN.match(gap)) and not _PASSIVE.search(gap):
                doer = before
                if gap.startswith(","):  # "The Jenin Brigade, a unit of the al-Quds Brigades, said": who opens it
                    opens = [k for k in range(before) if f.startswith(",", found[k][1])]
                    doer = opens[-1] if opens else before
        if doer is None and after is not None and _EN_BY.match(f[word_end : found[after][0]]):
            # "was captured by the army", "a counter-attack by Islamic State fighters"
            doer = after if _PASSIVE.search(f, 0, t.start) or t.kind == "clash" else None
        if doer is None:
            continue
        # one party named in two names side by side ("Islamic State militants", "قوات النظام السوري"), or
        # two joined ("Kurdish YPG militia and allied rebel groups", "قوات النظام وروسيا")
        first, last = doer, doer
        while first > 0 and _JOINED.match(f[found[first - 1][1] : found[first][0]]):
            first -= 1
        while last + 1 < len(found) and _JOINED.match(f[found[last][1] : found[last + 1][0]]):
            last += 1
        named = out.setdefault(role, [])
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
