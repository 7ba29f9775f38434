"""What a text states that can be checked, as language-independent values: its figures (what they count,
whose they are), places (their sides and roles), actors, dates, content words and glossary concepts."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from summarizer.grouping import sentence_keys
from summarizer.reading import actors, dates, numbers, places
from summarizer.reading.dates import TemporalExpression
from summarizer.reading.facts import clauses, event_type_of
from summarizer.reading.text import detect_language, fold
from summarizer.schemas import EventType, Lang

_DATED = ("absolute", "relative", "weekday", "since")
# a figure, not the digits of a name glued to its letters ("K1", "M4", "F-16", "T-4")
_DECADE_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_DECADES = re.compile(
    r"(?<![^\W\d_])(?:(?P<n>a|one|two|three|four|five) decades?|عقد من الزمن|عقدين)(?![^\W\d_])", re.IGNORECASE
)
_NUMBER = re.compile(r"(?<![a-z\d])(?<![a-z]-)\d+(?:[.,]\d+)?(?![a-z\d])")

# the words right before a place that give it a role in the happening
_ROLES = {
    # a withdrawal, at most three words, then "from"/"out of"/"من": where forces left
    "left": re.compile(
        r"(?:withdr\w*|pull\w*\s+(?:out|back)|retreat\w*|انسحاب\w*|انسحب\w*|[وف]?انسحب\w*)"
        r"(?:\s+[^\s]+){0,3}?\s+(?:from|of|من)(?:\s+the)?(?:\s+(?:city|town)\s+of|\s+مدينه)?\s*(?:ال)?$"
    ),
    # "the whole of", "all of", "كامل", "بأكملها": what was taken entire
    "whole": re.compile(
        r"(?:(?:the\s+)?(?:whole|entire(?:ty)?|all)(?:\s+of)?(?:\s+the)?|[وب]?كامل)"
        r"(?:\s+(?:province|governorate|city)\s+of|\s+محافظه|\s+مدينه)?\s*(?:ال)?$"
    ),
}


@dataclass(frozen=True, slots=True)
class Facts:
    """What a text states that can be checked, as language-independent values."""

    numbers: Mapping[str, str]  # value ("1200", "4") -> as written; digits inside dates and names left out
    counted: Mapping[str, frozenset[str]]  # value -> what it counts ("civilians", "strikes"...), where known
    categories: Mapping[str, frozenset[str]]  # value -> who it counts (civilians, fighters, soldiers, children,
    # women, people), also when a verb makes it a toll ("قتل 300 مسلح") or it is "of" them ("8 of its soldiers")
    rounded: frozenset[str]  # amounts without a figure and ordinals ("vague:hundreds", "ordinal:5")
    owners: Mapping[str, frozenset[str]]  # value -> actors named between it and the next figure
    all_numbers: frozenset[str]  # every value the text states, dates' digits included
    killed: int | None
    injured: int | None
    places: Mapping[str, places.PlaceMatch]  # place id -> where the text names it
    directions: Mapping[str, frozenset[str | None]]  # place id -> the sides named ("ريف حلب الغربي": west)
    sides: frozenset[str]  # every compass side the text names, bound to a place or not
    roles: Mapping[str, frozenset[str]]  # role -> places in it: where forces left ("انسحابه من حلب"), what
    # was taken whole ("كامل محافظة إدلب", "the whole of Idlib province")
    actors: Mapping[str, actors.ActorMatch]  # actor id -> where the text names it
    stances: frozenset[str]  # how it is stated: "denies", "confirms", "alleges" (claimed, زعم), "attributed"
    # (anyone said it; none of these: stated as fact), and "negates" (a negation: "not", "لم", "عدم")
    dates: tuple[TemporalExpression, ...]
    keys: frozenset[str]  # content-word stems, comparable within one language
    concepts: frozenset[str]  # glossary concepts named, comparable across languages
    language: Lang
    event_type: EventType | None

    @property
    def regions(self) -> frozenset[str]:
        return frozenset(m.place.region for m in self.places.values() if m.place.region)

    @property
    def actor_family(self) -> frozenset[str]:
        """Actors named, with the organisations they belong to (a source naming Lavrov names Russia)."""
        return _family(self.actors)


def _family(named: Mapping[str, actors.ActorMatch]) -> frozenset[str]:
    return _family_of(frozenset(named))


@lru_cache(maxsize=4096)  # the rendering asks it of the same quotes' actors once per stance and language
def _family_of(ids: frozenset[str]) -> frozenset[str]:
    out = set(ids)
    for a in ids:
        out |= actors.ancestors(a)
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class Names:
    """The places and actors a text names, as ``Facts`` has them, without the rest of a full reading (what
    the rendering of an event needs from its quote)."""

    places: Mapping[str, places.PlaceMatch]  # place id -> where the text names it
    actors: Mapping[str, actors.ActorMatch]  # actor id -> where the text names it

    @property
    def actor_family(self) -> frozenset[str]:
        return _family(self.actors)


@lru_cache(maxsize=4096)  # the rendering and a full reading of one quote share it
def _found(text: str) -> tuple[tuple[actors.ActorMatch, ...], tuple[places.PlaceMatch, ...]]:
    """The actors a text names, and the places it names outside an actor's name."""
    found_actors = tuple(actors.find_actors(text))
    # "Iran-backed militias", "the Russian defence ministry": an actor's name is not a place of its own
    found_places = tuple(
        m for m in places.find_places(text) if not any(a.start <= m.start and m.end <= a.end for a in found_actors)
    )
    return found_actors, found_places


@lru_cache(maxsize=4096)
def names(text: str) -> Names:
    """The places and actors of ``read(text, ...)``, read alone."""
    found_actors, found_places = _found(text)
    return Names(
        places={m.place.id: m for m in reversed(found_places)}, actors={m.actor.id: m for m in reversed(found_actors)}
    )


@lru_cache(maxsize=8192)
def read(text: str, published_at: dt.datetime) -> Facts:
    """The checkable facts of one text; relative dates resolved against ``published_at``."""
    found_dates = tuple(d for d in dates.find_dates(text, published_at) if d.kind in _DATED)
    found_actors, found_places = _found(text)
    # digits that belong to a date ("30 November"), a place ("M5") or a name do not count as figures
    spans = [(d.start, d.end) for d in found_dates]  # a duration's figure ("the past 24 hours") is a figure
    spans += [(m.start, m.end) for m in found_places] + [(m.start, m.end) for m in found_actors]
    decades = list(_DECADES.finditer(text))
    spans += [m.span() for m in decades]
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    plain = "".join(masked)
    stated: dict[str, str] = {}
    counted: dict[str, set[str]] = {}
    for m in _NUMBER.finditer(fold(plain)):
        stated.setdefault(m.group().replace(",", ""), m.group())
    quantities = sorted(numbers.find_quantities(plain), key=lambda q: q.start)
    owners: dict[str, set[str]] = {}
    # "wounding 17, Lebanon's health ministry said": who says it does not own the figure
    speakers = {a.actor.id for a in actors.attributions(text) if a.actor is not None} if quantities else set()
    joints: list[tuple[int, int]] | None = None  # read only for a figure with a party after it
    for i, q in enumerate(quantities):
        stated.setdefault(numbers.canonical(q.value), q.text)
        if q.counted is not None:
            counted.setdefault(numbers.canonical(q.value), set()).add(q.counted)
        # "183 fighters from HTS, 100 members of the army": a figure owns the words up to the next one, in its
        # clause ("killing three people and wounding dozens, hours after the Houthis fired ...": not theirs)
        end = quantities[i + 1].start if i + 1 < len(quantities) else len(text)
        if not any(q.end <= a.start < end for a in found_actors):
            continue
        joints = clauses(text) if joints is None else joints
        end = min([end, *(b for a, b in joints if a <= q.start < b)])
        # "... died when IS militants attacked a post": who acts in the clause that says when is not theirs
        when = _WHEN.search(text, q.end, end)
        end = when.start() if when is not None else end
        named = {
            a.actor.id
            for a in found_actors
            if q.end <= a.start < end
            and not actors.is_generic(a.actor.id)
            and a.actor.id not in speakers
            # "three soldiers were killed in clashes with IS fighters": the side fought, not whose they were
            and not _FOUGHT.search(fold(text[max(0, a.start - 40) : a.start]).lower())
        }
        if named:
            owners.setdefault(numbers.canonical(q.value), set()).update(named)
    directions: dict[str, set[str | None]] = {}
    for p in found_places:
        directions.setdefault(p.place.id, set()).add(p.direction)
    every = {n.replace(",", "") for n in _NUMBER.findall(fold(text))}
    categories: dict[str, set[str]] = {}
    for q in numbers.find_quantities(text):  # unmasked: the counted noun may be an actor's ("300 militants")
        every.add(numbers.canonical(q.value))
        category = q.noun if q.noun in _WHO else _category_after(text, q.end)
        if category == "fighters" and _FAMILY.match(text, q.end):
            category = "people"  # "seven members of one family", "سبعة أفراد من عائلة واحدة"
        if category in _WHO and numbers.canonical(q.value) in stated:
            categories.setdefault(numbers.canonical(q.value), set()).add(category)
    for m in decades:  # "more than a decade", "two decades", "عقدين": ten years each, as a claim may say
        years = str(10 * (_DECADE_COUNT[m.group("n").lower()] if m.group("n") else 2 if m.group() == "عقدين" else 1))
        stated.setdefault(years, m.group())
        every.add(years)
    killed, injured = numbers.casualties(text)
    # a toll added up from groups killed together ("11 fighters and six soldiers were killed": 17) is stated
    for total, kind in ((killed, "killed"), (injured, "injured")):
        if total is not None and numbers.canonical(total) not in stated:
            stated[numbers.canonical(total)] = str(total)
            counted.setdefault(numbers.canonical(total), set()).add(kind)
    return Facts(
        numbers=stated,
        counted={k: frozenset(v) for k, v in counted.items()},
        categories={k: frozenset(v) for k, v in categories.items()},
        rounded=numbers.round_amounts(plain),
        owners={k: frozenset(v) for k, v in owners.items()},
        all_numbers=frozenset(every | set(stated)),
        killed=killed,
        injured=injured,
        places={m.place.id: m for m in reversed(found_places)},
        directions={k: frozenset(v) for k, v in directions.items()},
        sides=_sides_outside_names(text, found_places),
        roles={
            role: frozenset(
                places.same_place(m.place.id) for m in found_places if pattern.search(fold(text[: m.start]).lower())
            )
            for role, pattern in _ROLES.items()
        },
        actors={m.actor.id: m for m in reversed(found_actors)},
        stances=stances_in(text),
        dates=found_dates,
        keys=sentence_keys(plain),  # the content's words; names, dates and places count as shared facts
        concepts=concepts_in(text),
        language=detect_language(text),
        event_type=event_type_of(text),
    )


def _sides_outside_names(text: str, found: Sequence[places.PlaceMatch]) -> frozenset[str]:
    """The compass sides a text names, less those that are part of a place's name ("ولاية شمال دارفور",
    "South Lebanon", "the northern Gaza Strip"): a place so named is checked as a place."""
    masked = list(text)
    for m in found:
        if m.direction is None and places.sides_in(m.text):
            masked[m.start : m.end] = " " * (m.end - m.start)
    return places.sides_in("".join(masked))


_FAMILY = re.compile(
    r"\s*(?:members|people|[وف]?(?:أفراد|افراد))?\s*(?:of|from|من)\s+(?:(?:a|one|the same|the|his|her|their)\s+)?"
    r"(?:famil|household|(?:ال)?(?:عائل|أسر|اسر))",
    re.I,
)


_WHO = frozenset({"civilians", "fighters", "soldiers", "children", "women", "people"})
_AFTER = re.compile(r"[^\W\d_][\w'-]*|[.,;:!?،؛()\"«»]")
_LINKS = frozenset({"of", "its", "their", "his", "her", "our", "the", "were", "was", "are", "من", "ال"})


def _category_after(text: str, end: int) -> str | None:
    """Who a figure counts when the number reader does not say: the first word after it, within three, that
    names people ("eight of its soldiers", "100 من عناصرها", "four Israeli soldiers", "ثلاثة صحفيين")."""
    who = _who()
    for n, m in enumerate(_AFTER.finditer(text, end)):
        word = m.group()
        if n >= 4 or not word[0].isalpha():
            return None
        folded = fold(word).lower()
        for form in (folded, folded.removeprefix("ال"), folded.removeprefix("و")):
            category = who.get(form) or numbers.noun_category(form)
            if category is not None:
                return category
        if folded not in _LINKS and not word[0].isupper():
            return None
    return None


def who_category(word: str) -> str | None:
    """Who one word names when it counts people ("مسعف", "paramedics": civilians), from the glossary or the
    number reader's nouns; None if neither knows it."""
    folded = fold(word).lower()
    return _who().get(folded) or numbers.noun_category(folded)


@cache
def _who() -> dict[str, str]:
    data = json.loads(resources.files("summarizer.data").joinpath("glossary.json").read_text("utf-8"))
    return {fold(w).lower(): category for category, ws in data["who"].items() for w in ws}


_WHEN = re.compile(r"(?<![^\W\d_])(?:when|as|after|while|before|عندما|حين|حينما|بعد أن|إثر)(?![^\W\d_])")
# a party named as the side fought ("in clashes with", "fighting against", "في اشتباكات مع مسلحي")
_FOUGHT = re.compile(
    r"(?<![^\W\d_])(?:clash(?:es)?|fighting|fights?|battles?|gunfights?|firefights?|exchanges? of fire"
    r"|[وب]?(?:ال)?(?:اشتباكات?|معارك|مواجهات|قتال))\s+(?:with|against|مع|ضد)(?:\s+\S+){0,2}\s*$"
)
# "according to", "بحسب" with a speaker the actor lexicon does not know ("بحسب لجان المقاومة")
_SOURCED = re.compile(r"(?<![^\W\d_])(?:according to|citing|quoted|(?:[وف]?(?:ب|ل)?حسب|وفقا?|نقلا عن))(?![^\W\d_])")
_STANCES = {"deny": "denies", "confirm": "confirms", "allege": "alleges", "attribute": "attributed"}
# a denial is often a negated statement ("said it had nothing to do with", "أكدت عدم تورطها")
_NEGATION = re.compile(
    r"(?<![^\W\d_])(?:not|no|nothing|never|none|neither|nor|[وف]?(?:لا|لم|لن|ليس|ليست|عدم|بعدم|غير))(?![^\W\d_])|n't"
)


# "dismissed the security director", "sacked two commanders": someone removed from office, no denial ("fire" is
# left out: troops fire at officers too)
_REMOVED = re.compile(
    r"\b(?:dismiss|sack)(?:es|ed|ing|s)?\s+(?:the|a|an|its|his|her|their|two|three|several)?\s*(?:[\w-]+\s+){0,3}?"
    r"(?:director|chief|head|commander|governor|minister|officers?|officials?|mayor|general|ambassador|envoy)s?\b",
    re.I,
)
_OTHER_DENIAL = re.compile(r"\b(?:deni|deny|reject|refut)", re.I)


def stances_in(text: str) -> frozenset[str]:
    """How a text states what it says: denied, confirmed, alleged, attributed to someone, or (empty) as fact."""
    concepts = concepts_in(text)
    out = {stance for cid, stance in _STANCES.items() if cid in concepts}
    if "denies" in out and _REMOVED.search(text) and not _OTHER_DENIAL.search(text):
        out.discard("denies")
    said = actors.stance_of(text)
    if said == "denies":
        out.add("denies")
    folded = fold(text).lower()
    if said is not None or out or _SOURCED.search(folded):
        out.add("attributed")
    if _NEGATION.search(folded):
        out.add("negates")
    return frozenset(out)


@cache
def _glossary() -> tuple[tuple[str, re.Pattern[str]], ...]:
    data = json.loads(resources.files("summarizer.data").joinpath("glossary.json").read_text("utf-8"))
    out = []
    for c in data["concepts"]:
        ar = "|".join(re.escape(fold(w).rstrip()) + (r"(?![^\W\d_])" if w.endswith(" ") else "") for w in c["ar"])
        en = "|".join(re.escape(w.rstrip()) + (r"(?![^\W\d_])" if w.endswith(" ") else "") for w in c["en"])
        out.append((c["id"], re.compile(rf"(?<![^\W\d_])(?:(?:[وفبلك]?(?:ال)?|لل)(?:{ar})|(?:{en}))")))
    return tuple(out)


@cache
def _concept_patterns() -> dict[str, tuple[re.Pattern[str], ...]]:
    out: dict[str, list[re.Pattern[str]]] = {}
    for cid, pattern in _glossary():
        out.setdefault(cid, []).append(pattern)
    return {cid: tuple(ps) for cid, ps in out.items()}


def names_concept(text: str, cid: str) -> bool:
    """``cid in concepts_in(text)``, reading the text for that one concept only (the rendering asks for a
    verb's concept or two, not for all of them)."""
    patterns = _concept_patterns().get(cid, ())
    if not patterns:
        return False
    folded = fold(text).lower()
    return any(p.search(folded) for p in patterns)


@lru_cache(maxsize=8192)
def concept_at(text: str, concept: str) -> int | None:
    """Where in the folded text a glossary concept is first named ("accused": allege), or None."""
    folded = fold(text).lower()
    for cid, pattern in _glossary():
        if cid == concept and (m := pattern.search(folded)) is not None:
            return m.start()
    return None


def concepts_in(text: str) -> frozenset[str]:
    """The glossary concepts a text names, in either language ("انسحاب" and "pulled out": withdraw)."""
    folded = fold(text).lower()
    return frozenset(cid for cid, pattern in _glossary() if pattern.search(folded))
