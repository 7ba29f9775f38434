"""Checks of what a claim says a party did with a report: said, confirmed, denied, alleged, declined."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import lru_cache

from summarizer.checking.figures import parties_related
from summarizer.checking.issues import Issue
from summarizer.checking.names import QUOTED_ANY, STANCE_CONCEPTS, readable_content, stopwords_of, vocabulary
from summarizer.checking.sentences import Sentence, roots
from summarizer.grouping import sentence_keys
from summarizer.reading import actors
from summarizer.reading.checkable import Facts, concept_at, concepts_in, read, stances_in
from summarizer.reading.text import fold, words


@lru_cache(maxsize=4096)
def said_content(text: str, published_at: dt.datetime) -> frozenset[str]:
    """What a statement says that can be compared across languages (see readable_content), its speakers' names
    aside: "الدفاع المدني" names the Civil Defence, not civilians."""
    f = read(text, published_at)
    masked = list(text)
    speakers = {a.source_text for a in actors.attributions(text)}
    for m in f.actors.values():
        # a speaker's name, and a name said with who speaks ("مصدر في الدفاع المدني"); not what is spoken of
        # ("تلاحق فلول المجموعات الإرهابية": terrorist, in the words quoted)
        if any(m.text in s or s in m.text for s in speakers):
            masked[m.start : m.end] = " " * (m.end - m.start)
    return frozenset(readable_content(f) - (set(f.concepts) - set(concepts_in("".join(masked)))))


UNDECIDED_BELOW = 0.5  # a claim whose evidence shares less of its content than this is unverifiable


def undecided_by(cf: Facts, ev: list[Facts]) -> str:
    """Why evidence that contradicts nothing in a claim still cannot decide it: it shares too little of what
    the claim says, counting its figures, places, actors and dates with its words (same language) or its
    glossary concepts; "" if it can."""
    facts = readable_content(cf) - set(cf.concepts) | {d.date.isoformat() for d in cf.dates}
    have_facts = set().union(*(readable_content(f) | {d.date.isoformat() for d in f.dates} for f in ev))
    shared = len(facts & have_facts)
    shares = []
    same = [f for f in ev if f.language == cf.language]
    if same and cf.keys:
        mine_keys = roots(cf.keys)
        keys = frozenset().union(*(roots(f.keys) for f in same))
        shares.append((len(mine_keys & keys) + shared) / (len(mine_keys) + len(facts)))
    mine = set(cf.concepts) - STANCE_CONCEPTS
    concepts = frozenset().union(*(f.concepts for f in ev))
    if not shares and (mine or facts):  # across languages the glossary's concepts stand in for words
        shares.append((len(mine & concepts) + shared) / (len(mine) + len(facts)))
    said = frozenset().union(*(f.stances for f in ev))
    if "confirms" in cf.stances and not said & {"confirms", "attributed"}:
        return "its evidence states it, but not that anyone confirmed it"
    if not shares:
        return "it says nothing the checker can compare with its evidence"
    if max(shares) < UNDECIDED_BELOW:
        return f"its evidence shares only {max(shares):.0%} of what it says"
    return ""


_NO_COMMENT = re.compile(
    r"(?<![^\W\d_])(?:(?:did not|didn't|has not|had not|have not|declined to|refused to)\s+(?:immediately\s+)?"
    r"(?:comment|respond)|no immediate comment|[وف]?(?:لم|ولم)\s+(?:يعلق|تعلق|يصدر|تصدر|يرد|ترد))(?![^\W\d_])"
)


def stance_issues(
    claim: str, cf: Facts, ev: list[Facts], texts: list[str], denied_next: bool = False, answered: bool = False
) -> list[Issue]:
    """How the claim states it against how its evidence does: a denial made a confirmation ("the army
    confirmed" where it denied), a denial nobody made, or a disputed claim stated as fact: alleged, denied,
    answered by a denial in the next sentence, or a party's own quoted words ("scored 'a direct hit'")."""
    said: frozenset[str] = frozenset().union(*(f.stances for f in ev)) if ev else frozenset()
    mine = cf.stances
    if "negates" in said and "denies" not in said and texts:
        # "did not comment", "لم يعلق": a negation that declines to speak is no denial
        said = said - {"negates"} | frozenset().union(*(stances_in(_NO_COMMENT.sub(" ", fold(t).lower())) for t in texts))
    if "denies" in mine and "denies" not in said:
        # a negation is a denial only when its sentence is about the claim's denier or names no party: "Tel
        # Aviv will not be safe", a Houthi vow, is no Israeli denial
        parties = {a for f in ev for a, m in f.actors.items() if not actors.is_generic(a)}
        deniers = {a for a in cf.actors if not actors.is_generic(a)}
        if parties and deniers and not parties_related(deniers, parties):
            said = said - {"negates"}
    if {"confirms", "denies"} <= said and "confirms" in mine and _confirms_after_denial(texts):
        said = said - {"confirms"}  # "نفى ... أن تكون وحداته سلّمت مواقعها، مؤكداً أنها انسحبت": what it denied stays denied
    conflict = stance_conflict(mine, said, denied_next)
    if conflict is not None:
        return [conflict]
    if "confirms" in mine and not mine & {"denies", "negates"} and denied_next and "confirms" not in said:
        # "Hezbollah acknowledged firing the rocket" where the next sentence has the party deny any link
        return [Issue("stance", "confirmed", "the sentence after its evidence has the party deny it")]
    if mine - {"negates"}:
        return []
    if _NO_COMMENT.search(fold(claim).lower()):
        return []  # "لم يعلّق الحزب على مصيره", "the group did not comment": no fact stated to dispute
    why = ""
    if "alleges" in said and not _alleged_apart(claim, texts):
        why = "its evidence has this only as an allegation"
    elif "denies" in said or answered:
        why = "its evidence has this disputed by a denial"
    elif not QUOTED_ANY.search(claim) and _repeats_quoted(cf, texts):
        why = "its evidence has these words only as a speaker's own, quoted"
    return [Issue("stance", cf.language, f"stated as fact, but {why}")] if why else []


# read on folded text (نفى folds to نفي)
DENIAL = re.compile(r"(?<![^\W\d_])(?:denied|denies|deny|rejected|dismissed|[وف]?(?:نفي|نفت|نفوا|ينفي|تنفي|نفاه|نفته|نفاها))(?![^\W\d_])")


def _alleged_apart(claim: str, texts: Sequence[str]) -> bool:
    """Whether what the claim says stands before the allegation in its evidence, not after it ("Islamic State
    seized Tikrit in June 2014 and is accused of killing hundreds of recruits" for "IS captured Tikrit in
    2014"): the allegation is of something else. Same-language evidence only (its words are compared)."""
    mine = sentence_keys(fold(claim).lower())
    for t in texts:
        at = concept_at(t, "allege")
        if at is None:
            continue
        f = fold(t).lower()
        before, after = sentence_keys(f[:at]), sentence_keys(f[at:])
        if not (mine & before) or len(mine & after) >= len(mine & before):
            return False
    return True


def _confirms_after_denial(texts: Sequence[str]) -> bool:
    """Whether every confirming word of the evidence comes after a denial, past its clause ("نفى قائد أن
    تكون وحداته قد سلّمت مواقعها، مؤكداً أنها انسحبت", "denied ..., saying ..."): it confirms something else."""
    seen = False
    for t in texts:
        f = fold(t).lower()
        m = DENIAL.search(f)
        head = f if m is None else f[: (f.find(",", m.end()) + 1) or len(f)]
        if "confirms" in stances_in(head):
            return False
        seen = seen or (m is not None and "confirms" in stances_in(f[len(head) :]))
    return seen


# words that open what an Arabic denial denies: the denier stands before them
_DENIED_OPENS = frozenset({"اي", "ان", "انه", "انها", "انهم", "ما", "وجود", "صحه", "علاقه", "مسووليه"})


def denier_named(claim: str, sentence: Sentence) -> bool:
    """Whether who denies in a sentence (the words before an English denial, after an Arabic one) is named in
    the claim: by the same words, or as the same actor."""
    text = fold(sentence.plain).lower()
    m = DENIAL.search(text)
    if m is None:
        return False
    arabic = sentence.facts.language == "ar"
    if arabic:  # the denier right after the verb, up to what is denied ("ونفى الحزب أي علاقة ...")
        after = words(text[m.end() :])[:3]
        cut = next((i for i, w in enumerate(after) if w in _DENIED_OPENS), len(after))
        who = " ".join(after[:cut])
    else:
        who = " ".join(words(text[: m.start()])[-3:])
    mine = vocabulary(claim)
    if any(w in mine for w in words(who) if len(w) > 2 and w.removeprefix("ال") not in stopwords_of(sentence.facts.language)):
        return True
    theirs = {a.actor.id for a in actors.find_actors(who)}
    if theirs & read(claim, sentence.article.published_at).actor_family:
        return True
    # "ونفى الحزب ..." for "Hezbollah denied": the word that refers back to a party of the claim's kind
    return not theirs and any(
        not actors.is_generic(m.actor.id) and actors.refers_to_kind(who, m.actor.kind) for m in actors.find_actors(claim)
    )


def stance_conflict(mine: frozenset[str], said: frozenset[str], denied_next: bool = False) -> Issue | None:
    # a denial may be a negated statement ("said it had not targeted civilians")
    if "confirms" in mine and not mine & {"denies", "negates"} and said & {"denies", "negates"} and "confirms" not in said:
        return Issue("stance", "confirmed", "its evidence reports a denial, not a confirmation")
    # "X said ..., which Y denied": the denial may be the next sentence's
    if "denies" in mine and not said & {"denies", "negates"} and not denied_next:
        return Issue("stance", "denied", "its evidence reports no denial")
    return None


def _repeats_quoted(cf: Facts, texts: list[str]) -> bool:
    """Whether a claim repeats most of the words its evidence quotes (two at least)."""
    for t in texts:
        for m in QUOTED_ANY.finditer(t):
            if m.group(1).istitle():  # a name ("Deterrence of Aggression"), not a speaker's words
                continue
            keys = sentence_keys(m.group(1))
            if len(keys) >= 2 and len(keys & cf.keys) * 3 >= len(keys) * 2:
                return True
    return False


