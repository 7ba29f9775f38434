"""Checks of an LLM answer's fields beyond quotes and figures: headline, topic, keywords, actors, stance, type."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from summarizer.articles import Article
from summarizer.checking.verify import Sources
from summarizer.reading import actors
from summarizer.reading.facts import event_types_in
from summarizer.reading.text import fold, words
from summarizer.schemas import AttributionOut, EventType, Evidence, Status

# what may be glued to the front of an Arabic word in the articles ("وحلب", "بالجيش", "للمرصد")
_PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "لل", "ولل", "وب", "ول", "فب")


def claim_problems(sources: Sources, where: str, text: str) -> list[str]:
    """A text served without quotes of its own (a headline, a topic label), checked by the claim checker
    against the group's sentences: it must be about what they state and contradict none of it."""
    return [f"{where} {i.kind}: {i.message} ({i.text[:80]!r})" for i in sources.check(text).issues]


def unsupported_problems(sources: Sources, where: str, text: str) -> list[str]:
    """A bullet must be about something the articles state, beyond agreeing with the figures of its quotes."""
    if any(i.kind == "unsupported" for i in sources.check(text).issues):
        return [f"{where} {text[:80]!r} states nothing the articles state"]
    return []


def article_vocabulary(articles: Iterable[Article]) -> frozenset[str]:
    """The folded words of the articles' titles and texts."""
    out: set[str] = set()
    for a in articles:
        out.update(words(a.text))
        if a.title:
            out.update(words(a.title))
    return frozenset(out)


def _in_vocabulary(word: str, vocabulary: frozenset[str]) -> bool:
    return any(p + word in vocabulary for p in _PROCLITICS) or any(
        word.startswith(p) and word[len(p) :] in vocabulary for p in _PROCLITICS if p
    )


def keyword_problems(
    where: str, keywords: Sequence[str], vocabulary: frozenset[str]
) -> list[tuple[int, str]]:
    """Keywords are words of the articles (an Arabic proclitic aside): (index, problem) of each that is not."""
    out = []
    for i, kw in enumerate(keywords):
        missing = [w for w in words(kw) if not _in_vocabulary(w, vocabulary)]
        if missing or not words(kw):
            out.append((i, f"{where}[{i}] {kw!r} is not a word of the articles"))
    return out


def _named(name: str, quotes: Sequence[str], family: frozenset[str], outlets: Iterable[str]) -> bool:
    """A name is named by the quotes: the lexicon finds the same actor (in either language) or one it belongs
    to, or its own words stand in a quote; or it is the outlet of a quoted article."""
    if fold(name) in {fold(o) for o in outlets}:
        return True
    if {m.actor.id for m in actors.find_actors(name)} & family:
        return True
    key = " ".join(words(name))
    return bool(key) and any(f" {key} " in f" {' '.join(words(q))} " for q in quotes)


def event_field_problems(
    where: str,
    *,
    event_type: EventType,
    actor_names: Sequence[str],
    status: Status,
    attribution: Sequence[AttributionOut],
    evidence: Sequence[Evidence],
    articles: Mapping[str, Article],
) -> list[str]:
    """An event's actors, attribution, stances, status and type checked against its own quotes."""
    problems: list[str] = []
    quotes = [ev.quote for ev in evidence]
    family: set[str] = set()
    for q in quotes:
        for m in actors.find_actors(q):
            family.add(m.actor.id)
            family |= actors.ancestors(m.actor.id)
    outlets = [s for ev in evidence if (s := articles[ev.article_id].source)]
    frozen = frozenset(family)
    for i, name in enumerate(actor_names):
        if not _named(name, quotes, frozen, outlets):
            problems.append(f"{where}.actors[{i}] {name!r} is not named in its evidence quotes")
    said = [a for q in quotes for a in actors.attributions(q)]
    stances = {a.stance for a in said} | {s for q in quotes if (s := actors.stance_of(q)) is not None}
    for i, att in enumerate(attribution):
        at = f"{where}.attribution[{i}]"
        if not _named(att.source, quotes, frozen, outlets):
            problems.append(
                f"{at}.source {att.source!r} is not named in its evidence quotes nor their outlet"
            )
        if att.stance == "denies" and "denies" not in stances:
            problems.append(f"{at}.stance 'denies' but no quote has a denial (نفى, denied...)")
        if att.stance == "claims" and "claims" not in stances:
            problems.append(f"{at}.stance 'claims' but no quote has a claim (أعلن, زعم, claimed...)")
    if status == "disputed":
        denying = [q for q in quotes if actors.stance_of(q) == "denies"]
        other_side = [q for q in quotes if q not in denying]
        if not denying or not (other_side or any(a.stance != "denies" for a in said)):
            problems.append(
                f"{where}.status 'disputed' needs both sides quoted: what one side says and another's denial"
            )
    if event_type != "other":
        found = {t for q in quotes for t in event_types_in(q)}
        if event_type not in found and not (event_type == "statement" and said):
            problems.append(
                f"{where}.event_type {event_type!r} is not what its quotes report"
                + (f" (they report: {', '.join(sorted(found))})" if found else "")
            )
    return problems
