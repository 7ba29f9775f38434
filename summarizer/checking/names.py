"""Checks of the proper names a claim uses that the readers do not know: each must be in its evidence."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources

from summarizer.checking.issues import Issue
from summarizer.checking.placing import LOCATOR
from summarizer.reading import actors, places
from summarizer.reading.checkable import Facts, concepts_in
from summarizer.reading.text import dateline_end, detect_language, fold, words
from summarizer.schemas import IssueKind

CONTRAST = re.compile(r"\s*(?:[وف]?لكن|غير ان|الا ان|but|however|yet)(?![^\W\d_])")
QUOTED_ANY = re.compile(r"[«\"“]([^«»\"“”]{3,300})[»\"”]")


# names the lexicons do not know: an English capitalised name, an Arabic name after a kind of place
_EN_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:(?:\s+|-)(?:(?:al|el|ad|as|ash|ar|bin|bint|de|of)[-\s])?[A-Z][\w'-]*)*")
_AR_PLACE_NOUN = re.compile(
    r"(?<![^\W\d_])[وفب]?(?:بلده|مدينه|مخيم|حي|قريه|منطقه|جبهه|محافظه|ولايه|مطار|ميناء|سجن|معسكر|جبل|وادي|"
    r"مستشفى|مستشفي|معبر|قاعده)\s+((?!و)[^\W\d_]{2,})(?:\s+((?:ال)?[^\W\d_]{2,}))?"
)
# "south of El Fasher", "غرب حلب": a town that locates another is checked against the whole article
_FACILITY = re.compile(r"[وفب]?(مطار|ميناء|سجن|معسكر|مستشفى|مستشفي|معبر|قاعده)\s")
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
_LEADING_STOP = re.compile(
    r"^(?:(?:The|A|An|In|On|At|By|From|Until|Since|But|And|After|Before|During|When|While|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|"
    r"Ten|Eleven|Twelve|Dozens|Hundreds|Thousands|Several|Some|Many|Most)\s+)+"
)
_NAME_SKIP = frozenset({"al", "el", "ad", "as", "ash", "ar", "bin", "bint", "de", "of"})


def name_issues(claim: str, cf: Facts, texts: list[str], article: str) -> list[Issue]:
    """A name the gazetteer and the actor lexicon do not know must still stand in its evidence (same language):
    "Deir al-Balah" where the evidence has Beit Lahia, "مخيم النصيرات" where it has مخيم المغازي. A name that
    only locates another ("south of El Fasher") may stand anywhere in the article; an acronym may stand
    spelled out ("UKMTO": United Kingdom Maritime Trade Operations)."""
    if not texts or detect_language(" ".join(texts)) != cf.language:
        return []
    filed = dateline_end(claim)  # where a wire story was filed names nothing
    claim = " " * filed + claim[filed:]
    known = [(m.start, m.end) for m in cf.places.values()] + [(m.start, m.end) for m in cf.actors.values()]
    known += [(d.start, d.end) for d in cf.dates]
    stop = stopwords_of(cf.language)

    near, anywhere = vocabulary(" ".join(texts)), vocabulary(article)
    initials = _initials(" ".join(texts))

    def missing(name: str, have: frozenset[str]) -> bool:
        ws = [w.removeprefix("ال") for w in words(fold(name).lower()) if w not in _NAME_SKIP]
        ws = [re.sub(r"(?<=\d)s$|(?<=\d[a-z])s$", "", w) for w in ws]  # "B-52s", "F-15Es" by "B-52", "F-15E"
        ws = [w for w in ws if w not in stop and w not in _DIRECTIONS and len(w) > 2]
        if re.fullmatch(r"[A-Z]{2,}s?", name) and (name.lower() in initials or name[:-1].lower() in initials):
            return False  # "UKMTO", "RPGs" (rocket-propelled grenades)
        # a word of the name counts when the evidence has it, or a word it begins ("Israeli" by "Israel")
        return bool(ws) and not all(w in have or any(h[:5] == w[:5] and len(h) >= 5 for h in have) for w in ws)

    if cf.language == "en":
        for m in _EN_NAME.finditer(claim):
            name = _LEADING_STOP.sub("", m.group())  # "The UKMTO agency" at the start of a sentence
            start = m.start() + len(m.group()) - len(name)  # "Three American soldiers": the name is "American"
            if any(a <= start < b for a, b in known) or not name or name.lower() in stop:
                continue
            if any(start < a and b == m.end() and actors.is_title(claim[start:a].split()) for a, b in known):
                continue  # "Prime Minister Ahmet Davutoglu": a known party's name after a title, checked as that party
            if not claim[: m.start()].strip() and " " not in name and not name.isupper():
                continue  # "Rescuers said", "Eleven civilians": one capitalised word opening the sentence
            # a region the matcher leaves to its context ("fled Blue Nile for Sennar") is a place the story
            # may have named anywhere, like one that only locates another
            region = places.resolve_region(name) is not None
            have = anywhere if region or LOCATOR.search(claim[: m.start()]) else near
            if missing(name, have):
                kind: IssueKind = "place" if region or _after_preposition(claim, m.start()) else "actor"
                return [Issue(kind, name, f"{name} is not named in its evidence")]
        return []
    fc = fold(claim)
    # in Arabic only a swap: the evidence names another place of a kind ("مخيم المغازي") where the claim names
    # this one; a bare Arabic word after "مدينة" is too often not a name at all
    theirs = {m.group(1) for t in texts for m in _AR_PLACE_NOUN.finditer(fold(t))}
    for m in _AR_PLACE_NOUN.finditer(fc):
        facility = _FACILITY.match(m.group())
        if facility and facility.group(1) not in near and f"ال{facility.group(1)}" not in near:
            # "مطار الخرطوم" where the evidence has the presidential palace in Khartoum: the site is the claim
            return [Issue("place", m.group(), f"{m.group()} is not named in its evidence")]
        if not theirs - {m.group(1)}:
            continue
        first, second = m.group(1), m.group(2)
        name = first if first.startswith("ال") or not second else f"{first} {second}"
        # "منطقة عسكرية", "جبهة القتال": an adjective or a common noun, not a name
        if re.search(r"(?:ي|يه|يين|يون)$", first) or concepts_in(name) or name in stop:
            continue
        have = anywhere if LOCATOR.search(fc[: m.start()]) else near
        if missing(name, have):
            return [Issue("place", name, f"{name} is not named in its evidence")]
    return []


@lru_cache(maxsize=1024)
def vocabulary(text: str) -> frozenset[str]:
    """A text's folded words, Arabic ones also without their article."""
    ws = words(fold(text).lower())
    return frozenset(ws) | {w.removeprefix("ال") for w in ws}


@lru_cache(maxsize=1024)
def _initials(text: str) -> frozenset[str]:
    """The initials of each run of capitalised words, an acronym among them whole ("UK Maritime Trade
    Operations": ukmto), the small words between them left out ("International Organization for Migration":
    iom; "Government of National Accord": gna)."""
    out = set()
    for m in re.finditer(r"(?:[A-Z][\w'-]*\s+(?:(?:of|for|the|and|on)\s+){0,2}){1,7}[A-Z][\w'-]*", text):
        capitalised = [w for w in m.group().split() if w[0].isupper()]
        letters = "".join(w if w.isupper() else w[0] for w in capitalised).lower()  # "UK Maritime..."
        out |= {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}
    # a common noun's too, its hyphenated parts each a word ("rocket-propelled grenades": rpg)
    parts = [w[0] for w in re.findall(r"[a-z]+", text.lower())]
    out |= {"".join(parts[i : i + 3]) for i in range(len(parts) - 2)}  # three letters at least: two match by chance
    return frozenset(out)


def _after_preposition(text: str, start: int) -> bool:
    return re.search(r"(?:\b(?:in|near|at|to|towards|from|into|of|outside|around)\s+(?:the\s+)?)$", text[:start]) is not None


@cache
def stopwords_of(lang: str) -> frozenset[str]:
    data = json.loads(resources.files("summarizer.data").joinpath("stopwords.json").read_text("utf-8"))
    return frozenset(fold(w).lower() for w in data[lang])


STANCE_CONCEPTS = frozenset({"deny", "confirm", "allege", "attribute", "announce", "statement"})


def readable_content(f: Facts) -> set[str]:
    """What of a text can be compared across languages: concepts, figures, places and actors."""
    return (
        set(f.concepts) - STANCE_CONCEPTS
        | set(f.numbers)
        | {places.same_place(p) for p in f.places}
        | set(f.actor_family)
    )
