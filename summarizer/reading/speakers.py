"""Speakers named by their office and country ("وأدانت وزارة الخارجية الأردنية", "Egypt's health ministry said")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Literal

from summarizer.reading import places
from summarizer.reading.lexicon import alternation
from summarizer.reading.text import entry_time_end, fold, fold_with_offsets

Lang = Literal["ar", "en"]
SUBJECT_WITHIN = 45  # folded characters from an Arabic sentence's start (its opener aside) to its speaker
_WORDS_BEFORE = 2  # words before an Arabic office that speaks: its verb ("وقالت"), maybe a particle
_SPEAKER_WORDS = 6  # words from an Arabic verb of saying to the party its speaker belongs to, at most


@dataclass(frozen=True, slots=True)
class Body:
    en: str
    ar: str
    feminine: bool
    of_place: bool  # an office of a place (محافظ مأرب): named with its place, not a country


@dataclass(frozen=True, slots=True)
class Institution:
    """A body ("foreign ministry") and its country (ISO 3166-1 alpha-2), None when the phrase names none;
    for an office of a place (a governor), the place."""

    body: Body
    country: str | None
    start: int  # span of the phrase in the sentence as written
    end: int
    text: str  # the phrase as written
    place: places.Place | None = None

    def name(self, lang: Lang) -> str:
        """The speaker in ``lang``: "Jordanian foreign ministry", "وزارة الخارجية الأردنية", "the governor of
        Marib"; with no country, the body alone ("the president"; in Arabic the words as written)."""
        if self.place is not None:
            if lang == "en":
                return f"the {self.body.en} of {self.place.name_en}"
            return f"{self.body.ar} {self.place.name_ar}"
        nat = _tables().nationalities.get(self.country) if self.country else None
        if lang == "en":
            return f"{nat.en} {self.body.en}" if nat else f"the {self.body.en}"
        if nat is None:
            return self.text if not self.text.isascii() else self.body.ar
        return f"{self.body.ar} {nat.ar_f if self.body.feminine else nat.ar_m}"


@dataclass(frozen=True, slots=True)
class _Nationality:
    ar_m: str
    ar_f: str
    en: str


@dataclass(frozen=True, slots=True)
class _Tables:
    ar: re.Pattern[str]  # a body, then maybe its adjective of nationality
    en: re.Pattern[str]  # maybe an adjective or a genitive, then a body, then maybe "of <country>"
    opener_ar: re.Pattern[str]
    stops_ar: frozenset[str]  # words after which what is said, or the verb's object, begins
    bodies_ar: dict[str, Body]
    bodies_en: dict[str, Body]
    adjectives_ar: dict[str, str]  # folded adjective -> country
    adjectives_en: dict[str, str]
    nationalities: dict[str, _Nationality]
    verbs_en: re.Pattern[str]
    groups_ar: re.Pattern[str]  # the head of a named group right after an Arabic verb (حركة، متحدث باسم)
    groups_en: frozenset[str]  # the last word of an English group's capitalised name (Units, Movement)
    spokes_en: re.Pattern[str]  # a phrase saying whose spokesman speaks ("a spokesman for")


@cache
def _country_names() -> dict[str, str]:
    """Every folded gazetteer name of a country -> its code (مصر، Egypt)."""
    data = json.loads(resources.files("summarizer.data").joinpath("gazetteer.json").read_text("utf-8"))
    return {
        fold(name): p["country"]
        for p in data["places"]
        if p.get("kind") == "country"
        for name in [*p["ar"], *p["en"]]
    }


@cache
def _country_names_longest_first() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(_country_names().items(), key=lambda x: -len(x[0])))


@cache
def _tables() -> _Tables:
    data = json.loads(resources.files("summarizer.data").joinpath("speakers.json").read_text("utf-8"))
    bodies_ar: dict[str, Body] = {}
    bodies_en: dict[str, Body] = {}
    for b in data["bodies"]:
        body = Body(b["en"], b["ar"], b["ar_gender"] == "f", bool(b.get("of_place")))
        bodies_ar.update((fold(v), body) for v in b["ar_variants"])
        bodies_en.update((fold(v), body) for v in b["en_variants"])
    nationalities: dict[str, _Nationality] = {}
    adjectives_ar: dict[str, str] = {}
    adjectives_en: dict[str, str] = {}
    for cc, n in data["nationalities"].items():
        nationalities[cc] = _Nationality(n["ar_m"], n["ar_f"], n["en"][0])
        adjectives_ar.update((fold(w), cc) for w in [n["ar_m"], n["ar_f"], *n.get("ar_more", [])])
        adjectives_en.update((fold(w), cc) for w in n["en"])
    countries_en = alternation([n for n in _country_names() if n.isascii()])
    return _Tables(
        ar=re.compile(
            rf"(?<![^\W\d_])[وفبل]?(?P<body>{alternation(list(bodies_ar))})(?: (?P<adj>{alternation(list(adjectives_ar))}))?"
            r"(?![^\W\d_])"
        ),
        en=re.compile(
            rf"(?<![^\W\d_])(?:(?P<adj>{alternation(list(adjectives_en))}) |(?:the )?(?P<gen>{countries_en})'s )?"
            # "the rival government", "the interim government": which of a country's bodies, no country
            r"(?:(?:rival|interim|transitional|caretaker|outgoing|new|de facto|internationally recogni[sz]ed) )?"
            rf"(?P<body>{alternation(list(bodies_en))})(?: of (?:the )?(?P<of>{countries_en}))?(?![^\W\d_])"
        ),
        stops_ar=frozenset(fold(w) for w in data["stops_ar"]),
        opener_ar=re.compile(rf"(?:{alternation([fold(o) for o in data['openers_ar']])})(?![^\W\d_]) ?,? ?"),
        bodies_ar=bodies_ar,
        bodies_en=bodies_en,
        adjectives_ar=adjectives_ar,
        adjectives_en=adjectives_en,
        nationalities=nationalities,
        verbs_en=re.compile(
            # "the government in Tripoli condemned": where the body sits may stand between it and its verb
            rf"(?:,[^,]{{0,80}},| (?:in|based in) [^\W\d_]+(?: [^\W\d_]+)?)?,? (?:also |has |had |on \w+ )?"
            rf"(?:{alternation(data['verbs_en'])})(?![^\W\d_])"
        ),
        groups_ar=re.compile(rf"(?:{alternation([fold(w) for w in data['organisations']['ar']])})(?![^\W\d_])"),
        groups_en=frozenset(data["organisations"]["en"]),
        spokes_en=re.compile(rf"(?:{alternation([fold(w) for w in data['organisations']['en_spokes']])}) "),
    )


def _country_after(f: str, end: int) -> str | None:
    """A country named as a genitive right after a body: "وزارة الصحة في مصر", "بالأردن"."""
    m = re.match(r" (?:في |ب)(?:ال)?", f[end:])
    if m is None:
        return None
    pattern, codes = _country_name_pattern(m.group().endswith("ال"))
    found = pattern.match(f, end + m.end())
    return codes[found.group()] if found else None


@cache
def _country_name_pattern(the: bool) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern of every country name, longest first (after the article: each without its own), and the
    code of each name as the pattern matches it."""
    codes: dict[str, str] = {}
    for name, cc in _country_names_longest_first():
        codes.setdefault(name.removeprefix("ال") if the else name, cc)
    alts = "|".join(re.escape(n) for n in sorted(codes, key=lambda n: -len(n)))
    return re.compile(rf"(?:{alts})(?![^\W\d_])"), codes


_ADJ_AFTER_AR = re.compile(r" ([^\W\d_]+)")
_BEFORE_EN = re.compile(r"(?:^|[^\w'])(?:the )?([^\W\d_]+(?: [^\W\d_]+)?)(?:'s)? $")
_OF_AFTER_EN = re.compile(r" of (?:the )?([^\W\d_]+(?: [^\W\d_]+)?)")


def country_qualifying(folded: str, start: int, end: int) -> str | None:
    """The country a folded text names right at a body that says none by itself: an Arabic adjective of
    nationality or a genitive after it ("الجيش المصري", "وزارة الدفاع التركية", "وزارة الصحة في مصر"), an
    English adjective or genitive before it or "of" after it ("the Egyptian army", "Turkey's defence
    ministry", "the defence ministry of Turkey"); None when nothing there names one."""
    t = _tables()
    m = _ADJ_AFTER_AR.match(folded, end)
    if m is not None and m.group(1) in t.adjectives_ar:
        return t.adjectives_ar[m.group(1)]
    after = _country_after(folded, end)
    if after is not None:
        return after
    names = _country_names()
    b = _BEFORE_EN.search(folded, max(0, start - 40), start)
    if b is not None:
        words = b.group(1)
        for w in (words, words.split(" ")[-1]):
            if w in t.adjectives_en:
                return t.adjectives_en[w]
            if w in names and folded[b.end(1) : b.end(1) + 2] == "'s":
                return names[w]
    o = _OF_AFTER_EN.match(folded, end)
    if o is not None:
        for w in (o.group(1), o.group(1).split(" ")[0]):
            if w in names:
                return names[w]
    return None


def _place_at(sentence: str, start: int, end: int) -> places.Place | None:
    """The gazetteer place named right after an office (محافظ مأرب, governor of Marib) or right before it
    (the Marib governor, Marib's governor); None if none is."""
    for p in places.find_places(sentence):
        if 0 <= p.start - end <= 4 or 0 <= start - p.end <= 1 or sentence[p.end : start].strip() in ("'s", "’s"):
            return p.place
    return None


def opens(sentence: str, start: int, end: int) -> bool:
    """Whether the words at ``sentence[start:end]`` are where a speaker stands: in Arabic right after the
    opening verb ("ونددت الرئاسة الفلسطينية", "من جهته، قال ..."), in English at the start or before a verb
    of saying ("The army said", "..., the Jordanian foreign ministry said"); a party named later in the
    sentence is what is spoken of ("ووصف مسؤولون الغارة بأنها رسالة من إسرائيل")."""
    t = _tables()
    fo = fold_with_offsets(sentence)
    f = fo.text
    fs = next((i for i, o in enumerate(fo.offsets) if o >= start), len(f))
    fe = next((i for i, o in enumerate(fo.offsets) if o >= end), len(f))
    if not sentence.isascii():
        opener = t.opener_ar.match(f, entry_time_end(f))
        at = opener.end() if opener else entry_time_end(f)
        between = f[at:fs]
        # an office set beside the name that opens the sentence ("ودان نبيل العربي، الأمين العام للجامعة
        # العربية، في بيان"): the name and its comma stand where the office would
        if (named := _NAME_THEN_COMMA_AR.fullmatch(between)) is not None and not any(
            w in t.stops_ar for w in named.group(1).split()[1:]
        ) and _FIRST_NAME_AR.fullmatch(named.group(1).split()[1]):
            between = named.group(1)
        words = between.split()
        # quotes around a name are part of it ('وتبنى تنظيم "ولاية سيناء" الموالي لتنظيم الدولة'); a comma or
        # a colon ends the speaker's phrase
        if fs < at or len(words) > _SPEAKER_WORDS or re.search(r"[,.:;]", between):
            return False
        # past the verb, only a speaker's title ("وقال مستشار لقائد الدعم السريع"), never what is said
        return not any(w in t.stops_ar for w in words[1:])
    return fs <= 4 + _opening_end_en(f) or t.verbs_en.match(f, fe) is not None


# the opening verb and a name of two or three words, then the comma before the office set beside it
_NAME_THEN_COMMA_AR = re.compile(r"(\S+(?:\s+[^\W\d_]+){2,3})\s*,\s*")
# a first name: no article, no plural ending ("مسؤولون الغارة" is no name)
_FIRST_NAME_AR = re.compile(r"(?!ال)[^\W\d_]{2,}(?<!ون)(?<!ين)(?<!ات)")
_HOLDER_EN = re.compile(r"^(?:,?\s+(?:[A-Z][\w'’-]*|al-\w+|bin|ibn)){1,4}(?=\s|,)")
_SPOKES_EN = re.compile(r"^\s+(?:spokesman|spokeswoman|spokesperson)(?![^\W\d_])")
# words after an Arabic office that end its holder's name: what is said, where or when it was said
_AFTER_NAME_AR = frozenset(
    fold(w) for w in ("في", "من", "عن", "أمام", "لدى", "خلال", "عقب", "اليوم", "أمس", "مساء", "صباح", "إن", "أن", "بأن")
)


def _after_holder_en(rest: str) -> str | None:
    """What follows an English office's spokesman and holder's name ("[ spokesman] Bahram Qasemi| condemned
    ..."), None when no capitalised name follows the office."""
    spokes = _SPOKES_EN.match(rest)
    if spokes is not None:
        rest = rest[spokes.end() :]
    holder = _HOLDER_EN.match(rest)
    return rest[holder.end() :] if holder is not None else None


def _holder_speaks(sentence: str, end: int) -> bool:
    """Whether an English office at ``sentence[:end]`` is followed by its spokesman or its holder's name and
    then a verb of saying ("Canada's foreign minister Stephane Dion said", "foreign ministry spokesman
    Bahram Qasemi condemned"); the name must be there: "the foreign ministry building said" is no speaker."""
    after = _after_holder_en(sentence[end:])
    return after is not None and _tables().verbs_en.match(" " + fold(after)) is not None


def holder_named(sentence: str, office: Institution) -> bool:
    """Whether the office's holder is named right after it ("رئيس الحكومة فؤاد السنيورة", "Prime Minister
    Hani al-Mulki", "foreign ministry spokesman Bahram Qasemi"): a named official, who is somebody we can
    name even when the phrase says no country."""
    rest = sentence[office.end :]
    if sentence.isascii():
        return _after_holder_en(rest) is not None
    t = _tables()
    words: list[str] = []
    for w in fold(rest).split():
        bare = w.strip("\"'«»()")
        if not words and bare in t.adjectives_ar:
            continue  # a nationality adjective before the name ("رئيس الحكومة اللبنانية فؤاد السنيورة")
        if not bare or bare in t.stops_ar or bare in _AFTER_NAME_AR:
            break
        words.append(bare)
        if not w[-1:].isalpha() or len(words) == 4:
            break
    # a first name and a family name at least; a first name never takes the article
    return len(words) >= 2 and not words[0].startswith("ال")


def speaks(sentence: str, office: Institution) -> bool:
    """Whether the office is said to speak: in Arabic the sentence opens with a verb of saying before it
    ("وأكد رئيس الوزراء", not "وقررت الحكومة"), in English a verb of saying follows it ("the prime minister
    said"), not a verb of acting ("Army units crossed ...")."""
    from summarizer.reading import actors  # actors reads speakers' tables: imported here, not at the top

    t = _tables()
    if not sentence.isascii():
        f = fold(sentence)
        opener = t.opener_ar.match(f)
        first = f[opener.end() if opener else 0 :].split(maxsplit=1)
        return bool(first) and actors.starts_cue(first[0])
    # the office's holder may be named between ("Prime Minister Najib Mikati declared ...")
    rest = _HOLDER_EN.sub("", sentence[office.end :], count=1)
    return t.verbs_en.match(" " + fold(rest)) is not None  # fold strips the leading space


_JOINS_AR = re.compile(r"(?:فيما|بينما|في حين|لكن|غير ان|الا ان) ")
# what may open an English sentence before its speaker: a day, a connective, where the speaker was ("In
# Tehran, ", "In the Saudi capital Riyadh, ")
_LEAD_EN = re.compile(
    r"(?:(?:(?:late|early) )?on \w+(?: \w+)?, |meanwhile, |later, |but |however, |in a statement, "
    r"|in (?:the )?(?:[^\W\d_][\w'’-]* ){0,3}[^\W\d_][\w'’-]*, )"
)


def _opening_end_en(f: str) -> int:
    """Where an English sentence's speaker may stand, past a live page's entry time and an opening phrase."""
    at = entry_time_end(f)
    lead = _LEAD_EN.match(f, at)
    return lead.end() if lead else at


_NAME_EN = re.compile(r"(?:(?:[A-Z][\w'’-]*|al-\w+|of|the|and|for|in) ){0,7}[A-Z][\w'’-]*")  # a capitalised name


@lru_cache(maxsize=4096)
def organisation(sentence: str) -> tuple[int, int] | None:
    """A named group or body the actor lexicon may not know, standing where a speaker stands: in Arabic
    right after the opening verb ("واتهمت حركة فتح ..."، "فيما نفى متحدث باسم تجمع ..."), in English a
    capitalised name ending in a group's head word before a verb of saying ("The Sinjar Resistance Units
    blamed ...") or a spokesman of one ("A spokesman for the coalition denied ..."). Its span as written."""
    t = _tables()
    fo = fold_with_offsets(sentence)
    f = fo.text
    if not sentence.isascii():
        opener = t.opener_ar.match(f) or _JOINS_AR.match(f)
        at = opener.end() if opener else 0
        verb = re.match(r"\s*[^\W\d_]+\s+", f[at:])  # the verb that opens it (the caller knows its mood)
        if verb is None:
            return None
        start = at + verb.end()
        head = t.groups_ar.match(f, start)
        if head is None:
            return None
        end = head.end()
        for _ in range(2):  # the name runs on to what is said, a comma or two words
            w = re.match(r" ([^\s,.:;؛،]+)", f[end:])
            if w is None or w.group(1) in t.stops_ar:
                break
            end += w.end()
        return fo.span(start, end)
    at = _opening_end_en(f)
    verb = t.verbs_en.search(f, at)
    if verb is None or verb.start() - at > 90:
        return None
    start, end = fo.span(at, verb.start())
    return (start, end) if is_group(sentence[start:end]) else None


def office_countries(text: str, office: Institution) -> set[str | None]:
    """The countries a text gives the office's body wherever it names it (None for one it names with no
    country): {None} for "أعلن رئيس الوزراء ...", {"LB"} for "the Lebanese foreign minister"."""
    t = _tables()
    f = fold(text)
    if not text.isascii():
        return {
            t.adjectives_ar.get(m.group("adj") or "") or _country_after(f, m.end())
            for m in t.ar.finditer(f)
            if t.bodies_ar[m.group("body")] == office.body
        }
    return {
        t.adjectives_en.get(m.group("adj") or "") or _country_names().get(m.group("gen") or m.group("of") or "")
        for m in t.en.finditer(f)
        if t.bodies_en[m.group("body")] == office.body
    }


def is_group(phrase: str) -> bool:
    """Whether a speaker's phrase names a group or its spokesman by the head words of ``organisations``
    ("متحدث باسم التحالف", "a spokesman for the coalition", "the Sinjar Resistance Units")."""
    t = _tables()
    f = fold(phrase)
    if not phrase.isascii():
        return t.groups_ar.match(f) is not None
    words = phrase.split()
    return t.spokes_en.match(f) is not None or (
        _NAME_EN.fullmatch(phrase) is not None and len(words) >= 2 and any(w in t.groups_en for w in words)
    )


# words that may stand between an opening verb and its subject, or open a sentence before its verb
_NOT_VERBS_AR = frozenset(fold(w) for w in ("كما", "قد", "لقد", "أيضا", "أيضاً", "اليوم", "أمس", "بدوره", "بدورها"))


def _verb_agrees(word: str, feminine: bool) -> bool:
    """Whether a folded Arabic verb in the past tense that opens a sentence can have a body of this gender as
    its subject: "قالت"/"دانت" a feminine one (وزارة، الرئاسة), "قال"/"طالب" a masculine one (الجيش، الرئيس).
    A verb of the other gender ("وطالب الحكومة", "ودعت الرئيس") acts on the body: its speaker is someone
    else. Words that are no past-tense verb (a particle, a present tense) agree with either."""
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    if word in _NOT_VERBS_AR or len(bare) < 3 or bare[0] in ("ي", "ت", "ن"):
        return True
    return word.endswith("ت") == feminine


@lru_cache(maxsize=4096)
def institution(sentence: str) -> Institution | None:
    """The office that speaks in a sentence, named by body and country rather than by a name: in Arabic the
    body right after the opening verb ("وأدانت وزارة الخارجية الأردنية", "من جهته، قال الرئيس المصري"), in
    English a body with its adjective or genitive before a verb of saying ("the Jordanian foreign ministry
    said", "Egypt's health ministry said", "the foreign ministry of Jordan condemned") or after "according
    to". The country is None when the phrase names none ("ووصف رئيس الجمهورية"); an office of a place is
    named with its place (محافظ مأرب) and is no speaker without one, unless its holder is named ("Governor Ali
    Yerlikaya condemned")."""
    t = _tables()
    fo = fold_with_offsets(sentence)
    f = fo.text
    found: tuple[Body, str | None, int, int] | None = None
    if not sentence.isascii():
        opener = t.opener_ar.match(f, entry_time_end(f))
        at = opener.end() if opener else entry_time_end(f)
        m = t.ar.search(f, at, at + SUBJECT_WITHIN + 30)
        if m is None or m.start() > at + SUBJECT_WITHIN or len(f[at : m.start()].split()) > _WORDS_BEFORE:
            return None
        words = f[at : m.start()].split()
        if words and not _verb_agrees(words[-1], t.bodies_ar[m.group("body")].feminine):
            return None  # "وطالب الحكومة بالكف عن العنف": the body is what the verb acts on, not who speaks
        country = t.adjectives_ar.get(m.group("adj") or "") or _country_after(f, m.end())
        found = (t.bodies_ar[m.group("body")], country, m.start("body"), m.end())
    else:
        opening = _opening_end_en(f)
        for m in t.en.finditer(f):
            before = f[max(0, m.start() - 20) : m.start()]
            if not (
                t.verbs_en.match(f, m.end())
                or before.endswith(("according to ", "according to the "))
                or m.start() <= 4 + opening
                or _holder_speaks(sentence, fo.span(m.start(), m.end())[1])
            ):
                continue
            named = m.group("gen") or m.group("of")
            country = t.adjectives_en.get(m.group("adj") or "") or (_country_names().get(named) if named else None)
            found = (t.bodies_en[m.group("body")], country, m.start(), m.end())
            break
    if found is None:
        return None
    body, country, fs, fe = found
    s, e = fo.span(fs, fe)
    place = None
    if body.of_place:
        place = _place_at(sentence, s, e)
        if place is not None:
            country = place.country
        elif not holder_named(sentence, Institution(body, country, s, e, sentence[s:e], None)):
            return None  # "the governor said": of where, the phrase does not say; "Governor Ali Yerlikaya" is named
    return Institution(body, country, s, e, sentence[s:e], place)


@dataclass(frozen=True, slots=True)
class _Term:
    body: str  # a body's English name ("prime minister")
    country: str
    start: str  # ISO dates; end "" while in office
    end: str


@cache
def _terms() -> dict[str, tuple[_Term, ...]]:
    data = json.loads(resources.files("summarizer.data").joinpath("speakers.json").read_text("utf-8"))
    out: dict[str, list[_Term]] = {}
    for h in data["holders"]:
        out.setdefault(h["actor"], []).append(_Term(h["office"], h["country"], h["from"], h["to"] or ""))
    return {a: tuple(ts) for a, ts in out.items()}


def office_held(actor_id: str, text: str, day: str) -> bool:
    """Whether the text names, with its country, an office the actor held on that day (ISO date): "Israel's
    prime minister" for Netanyahu in 2025, not in 2022."""
    terms = [t for t in _terms().get(actor_id, ()) if t.start <= day and (not t.end or day <= t.end)]
    if not terms:
        return False
    bodies = {b.en: b for b in [*_tables().bodies_ar.values(), *_tables().bodies_en.values()]}
    for term in terms:
        body = bodies.get(term.body)
        if body is not None and term.country in office_countries(text, Institution(body, None, 0, 0, "")):
            return True
    return False


def nationality_adjectives() -> frozenset[str]:
    """Every nationality adjective of the data, folded ("البريطانيه", "british")."""
    t = _tables()
    return frozenset(t.adjectives_ar) | frozenset(t.adjectives_en)
