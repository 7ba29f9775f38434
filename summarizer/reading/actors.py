"""Actors named in Arabic and English news text, and attribution: who says what, with which stance.

Matching: every variant in ``data/actors.json`` is folded and matched as whole words, longest first,
with Arabic proclitics glued in front (والمرصد، بالجيش، لرويترز; ل + ال as in للمرصد). A match's span
leaves a separable proclitic out ("المرصد" of "والمرصد") but keeps a fused one ("للمرصد"). Capitals
used for their government (دمشق، أنقرة، Moscow) are actors except after a place preposition (إلى، في، to,
in), a glued ب/ل ("بدمشق" is a place) or a visit verb ("سيزور عراقجي دمشق"). Acronyms (HTS, SDF, US)
match only in capitals. A bare "الدفاع المدني" / "وزارة الصحة" / "civil defence" is the unspecified body
unless a word beside it says the country (الدفاع المدني في غزة) or the places the text names all lie in
one country that has such a body; then it is that country's.

Stance: a cue word gives it.
- "denies": نفى، نفت، وهو ما نفته، denied, rejected the reports... A negated verb ("لم تنسحب") is not a
  denial: only a denial verb is.
- "claims": زعم، ادعى، اتهم، claimed, alleged - whoever the speaker is.
- speech verbs (قال، أفاد، ذكر، أعلن، أكد، said, reported, announced...) and source phrases (بحسب، حسب،
  وفق، according to) take their stance from the speaker: a party to the fighting (armed group,
  military, government, foreign government, or a person who belongs to one) "claims"; a monitor,
  rescuer, medium, international body or witness "reports". With no speaker found, a speech verb
  keeps its own default (أعلن/أكد/announced: claims; قال/أفاد/said: reports).
The speaker of an Arabic cue is the nearest actor after it (verb-subject order), else the nearest
before it; of an English cue the nearest before it ("the army said"), else after it (", said the
Observatory"); of a source phrase the actor after it. The speaker window stops at "أن/إن/that" and at
":" - what follows is the reported content, not the speaker.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from importlib import resources
from typing import Any, Literal, NamedTuple, cast, get_args

from summarizer.reading import places, speakers
from summarizer.reading.memo import per_text
from summarizer.reading.text import Folded, fold, fold_with_offsets

ActorKind = Literal[
    "armed_group", "military", "government", "monitor", "rescue", "media",
    "foreign_government", "international_org", "person",
]  # fmt: skip
Stance = Literal["reports", "claims", "denies"]

_KINDS: frozenset[str] = frozenset(get_args(ActorKind))
_SIDES = frozenset({"opposition", "government", "ally_government", "kurdish", "neutral"})
_PARTY_KINDS = frozenset({"armed_group", "military", "government", "foreign_government"})
# who tells of a happening (a monitor, an outlet, a rescuer), never a party to it
REPORTER_KINDS: frozenset[str] = frozenset({"media", "monitor", "rescue"})
_FIGHTING_SIDES = frozenset({"opposition", "government", "ally_government", "kurdish"})


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    kind: ActorKind
    name_ar: str
    name_en: str
    side: str | None  # "opposition", "government", "ally_government", "kurdish", "neutral", None


@dataclass(frozen=True, slots=True)
class ActorMatch:
    start: int
    end: int
    text: str  # exactly ``original[start:end]``
    actor: Actor


@dataclass(frozen=True, slots=True)
class Attribution:
    actor: Actor | None
    source_text: str  # the speaker as written: the actor's words, or an unlisted source ("a spokesman")
    stance: Stance
    start: int  # span of the cue phrase in the original text
    end: int


# ---------------------------------------------------------------- tables

CueClass = Literal["speech", "claims", "denies", "source", "ignore"]


@dataclass(frozen=True, slots=True)
class _Phrase:
    tokens: tuple[str, ...]
    chars: int
    ref: int  # an actor index, or a cue index
    acronym: bool = False
    place: bool = False
    elsewhere: tuple[tuple[str, int], ...] = ()  # country -> the actor this name means there ("the army")
    bare: bool = False  # the name says no country ("the army", "وزارة الدفاع"): whose it is, the text decides


@dataclass(frozen=True, slots=True)
class _Cue:
    klass: CueClass
    default: Stance


@dataclass(frozen=True, slots=True)
class _Tables:
    actors: tuple[Actor, ...]
    by_id: dict[str, Actor]
    party: frozenset[str]  # ids of actors that are parties to the fighting
    actor_index: dict[str, tuple[_Phrase, ...]]
    cue_index: dict[str, tuple[_Phrase, ...]]
    cues: tuple[_Cue, ...]
    proclitics: tuple[str, ...]
    place_preceders: frozenset[str]
    place_followers: frozenset[str]  # "[his Baghdad] home": an English site noun after a capital's name
    visit_verbs: frozenset[str]
    owner_words: tuple[tuple[str, ...], ...]  # "التابعة", ("belonging", "to"): folded words
    named_for_after: frozenset[str]  # "[the Saudi] Hospital": a place named for a country, no party to what hits it
    named_for_before: frozenset[str]  # "المستشفى [السعودي]"
    masculine_heads: frozenset[str]  # "جيش", "حزب": folded, without the article
    stop_words: frozenset[str]
    source_links: frozenset[str]
    generic_heads: frozenset[str]
    subject_words: frozenset[str]  # "local", "security", "two": before an English source's head
    person_titles: frozenset[str]  # "minister", "governor": before a named English speaker ("Health Minister X said")
    title_qualifiers: frozenset[str]  # "prime", "foreign", "deputy": words of a title before its head word
    name_particles: frozenset[str]  # "al", "bin": lower-case words inside a capitalised English name ("al-Zoubi")
    fillers: frozenset[str]  # words that may stand between a cue and its speaker ("قال الناطق باسم X")
    relatives: frozenset[str]  # "X، الذي قال"
    parents: dict[str, str]  # member_of (people) and part_of (institutions)
    names: dict[str, tuple[str, ...]]  # every folded surface name of an actor, capitals for governments included
    generic: frozenset[str]  # unnamed sources: "sources", "witnesses"
    forces: frozenset[str]  # a state's armed forces, named by naming the state
    references: dict[str, tuple[str, ...]]  # kind -> folded words that refer back to an actor of that kind
    home: dict[int, str]  # an actor named bare ("the army") -> the country whose body the bare name means by default
    by_country: dict[int, dict[str, int]]  # an unspecified body (وزارة الصحة) -> country -> that country's


_WORD = re.compile(r"[^\W\d_]+|\d+")


def _index(phrases: list[_Phrase]) -> dict[str, tuple[_Phrase, ...]]:
    out: dict[str, list[_Phrase]] = {}
    for p in phrases:
        out.setdefault(p.tokens[0], []).append(p)
    return {k: tuple(sorted(v, key=lambda p: (-len(p.tokens), -p.chars))) for k, v in out.items()}


def _phrase(
    text: str, ref: int, *, place: bool = False, elsewhere: tuple[tuple[str, int], ...] = (), bare: bool = False
) -> _Phrase | None:
    tokens = tuple(_WORD.findall(fold(text)))
    if not tokens:
        return None
    letters = [c for c in text if c.isalpha()]
    acronym = len(letters) >= 2 and all(c.isascii() and c.isupper() for c in letters)
    return _Phrase(tokens, sum(map(len, tokens)), ref, acronym, place, elsewhere, bare)


@cache
def _tables() -> _Tables:
    data = json.loads(resources.files("summarizer.data").joinpath("actors.json").read_text("utf-8"))
    actors: list[Actor] = []
    phrases: list[_Phrase] = []
    member_of: dict[str, str] = {}
    parents: dict[str, str] = {}
    names: dict[str, tuple[str, ...]] = {}
    index_of = {a["id"]: i for i, a in enumerate(data["actors"])}
    for i, a in enumerate(data["actors"]):
        if a["kind"] not in _KINDS or (a["side"] is not None and a["side"] not in _SIDES):
            raise ValueError(f"actors.json: bad kind or side for {a['id']!r}")
        actors.append(Actor(a["id"], cast(ActorKind, a["kind"]), a["name_ar"], a["name_en"], a["side"]))
        if "member_of" in a:
            member_of[a["id"]] = a["member_of"]
        if "part_of" in a:
            parents[a["id"]] = a["part_of"]
        names[a["id"]] = tuple(dict.fromkeys(fold(v) for v in [*a["variants"], *a.get("place_variants", [])]))
        other = a.get("elsewhere", {})
        elsewhere = tuple((cc, index_of[aid]) for cc, aid in other.get("by_country", {}).items())
        bare = set(other.get("variants", []))
        if not bare <= set(a["variants"]):
            raise ValueError(f"actors.json: {a['id']!r}: 'elsewhere' variants must be among its variants")
        for v in a["variants"]:
            p = _phrase(v, i, elsewhere=elsewhere if v in bare else (), bare=v in bare)
            if p is not None:
                phrases.append(p)
        for v in a.get("place_variants", []):
            p = _phrase(v, i, place=True)
            if p is not None:
                phrases.append(p)
    by_id = {a.id: a for a in actors}
    for pid, org in [*member_of.items(), *parents.items()]:
        if org not in by_id:
            raise ValueError(f"actors.json: {pid!r} is a member or part of unknown {org!r}")
    party = {a.id for a in actors if a.kind in _PARTY_KINDS}
    for a in actors:
        if a.kind == "person":
            belongs = member_of.get(a.id)
            if (belongs is not None and belongs in party) or (belongs is None and a.side in _FIGHTING_SIDES):
                party.add(a.id)

    cue_data = data["cues"]
    cues: list[_Cue] = []
    cue_phrases: list[_Phrase] = []

    def add(words: list[str], cue: _Cue) -> None:
        cues.append(cue)
        for w in words:
            p = _phrase(w, len(cues) - 1)
            if p is not None:
                cue_phrases.append(p)

    add(cue_data["speech"]["reports"], _Cue("speech", "reports"))
    add(cue_data["speech"]["claims"], _Cue("speech", "claims"))
    add(cue_data["claims"], _Cue("claims", "claims"))
    add(cue_data["denies"], _Cue("denies", "denies"))
    add(cue_data["sources"], _Cue("source", "reports"))
    add(cue_data["not_cues"], _Cue("ignore", "reports"))

    def folded_set(words: list[str]) -> frozenset[str]:
        return frozenset(fold(w) for w in words)

    return _Tables(
        actors=tuple(actors),
        by_id=by_id,
        party=frozenset(party),
        actor_index=_index(phrases),
        cue_index=_index(cue_phrases),
        cues=tuple(cues),
        proclitics=tuple(sorted((fold(p) for p in data["proclitics"]), key=len, reverse=True)),
        place_preceders=folded_set(data["place_preceders"]),
        place_followers=folded_set(data["place_followers"]["words"]),
        visit_verbs=frozenset(w for v in data["visit_verbs"] for w in _WORD.findall(fold(v))[-1:]),
        owner_words=tuple(tuple(_WORD.findall(fold(w).lower())) for w in data["owner_words"]),
        named_for_after=frozenset(fold(w).lower() for w in data["named_for"]["after"]),
        named_for_before=frozenset(fold(w).lower() for w in data["named_for"]["before"]),
        masculine_heads=folded_set(data["masculine_heads"]),
        stop_words=folded_set(cue_data["stop_words"]),
        source_links=folded_set(cue_data["source_links"]),
        generic_heads=folded_set(cue_data["generic_source_heads"]),
        subject_words=folded_set(cue_data["source_subject_words"]),
        person_titles=folded_set(cue_data["person_titles"]),
        title_qualifiers=folded_set(cue_data["title_qualifiers"]),
        name_particles=folded_set(cue_data["name_particles"]),
        fillers=folded_set(cue_data["speaker_fillers"] + cue_data["generic_source_heads"]),
        relatives=folded_set(cue_data["relative_pronouns"]),
        parents={**member_of, **parents},
        names=names,
        generic=frozenset(a["id"] for a in data["actors"] if a.get("generic")),
        forces=frozenset(a["id"] for a in data["actors"] if a.get("force")),
        home={i: a["elsewhere"]["home"] for i, a in enumerate(data["actors"]) if "home" in a.get("elsewhere", {})},
        by_country=_by_country(data["actors"]),
        references={
            kind: tuple(fold(w).lower() for w in words)
            for kind, words in data.get("references", {}).items()
            if kind != "about"
        },
    )


def _by_country(entries: list[dict[str, Any]]) -> dict[int, dict[str, int]]:
    """For each body whose parts are one per country (a civil defence, a health ministry): country -> part."""
    index = {a["id"]: i for i, a in enumerate(entries)}
    for a in entries:
        for aid in a.get("elsewhere", {}).get("by_country", {}).values():
            if aid not in index:
                raise ValueError(f"actors.json: {a['id']!r}: unknown actor {aid!r} in 'elsewhere'")
    out: dict[int, dict[str, int]] = {}
    for i, a in enumerate(entries):
        if "country" in a:
            parent = index[a["part_of"]]
            if a["country"] in out.setdefault(parent, {}):
                raise ValueError(f"actors.json: two {a['part_of']!r} bodies for country {a['country']!r}")
            out[parent][a["country"]] = i
    return out


def get_actor(actor_id: str) -> Actor | None:
    """The actor with this id in the lexicon, if any."""
    return _tables().by_id.get(actor_id)


def ancestors(actor_id: str) -> frozenset[str]:
    """The organisations an actor belongs to, transitively (Lavrov: Russian foreign ministry, Russia)."""
    parents = _tables().parents
    out: list[str] = []
    at = parents.get(actor_id)
    while at is not None and at not in out:
        out.append(at)
        at = parents.get(at)
    return frozenset(out)


def parent(actor_id: str) -> str | None:
    """The organisation an actor belongs to directly, if any."""
    return _tables().parents.get(actor_id)


def names(actor_id: str) -> tuple[str, ...]:
    """Every surface name of an actor, folded, in both languages (capitals used for governments included)."""
    return _tables().names.get(actor_id, ())


def is_title(words: Sequence[str]) -> bool:
    """Whether English words are a person's title and nothing else ("Prime Minister", "Health Minister", "Crown
    Prince"): title words (actors.json cues person_titles, title_qualifiers), at least one of them a head."""
    t = _tables()
    ws = [fold(w).lower() for w in words]
    return bool(ws) and all(w in t.person_titles or w in t.title_qualifiers for w in ws) and any(w in t.person_titles for w in ws)


def is_generic(actor_id: str) -> bool:
    """An unnamed source ("sources", "witnesses"): not a name a claim can get wrong."""
    return actor_id in _tables().generic


def refers_to_kind(text: str, kind: str) -> bool:
    """Whether a text refers back to an actor of this kind without naming it ("the monitor said")."""
    folded = " " + fold(text).lower() + " "
    return any(f" {w} " in folded or f" و{w} " in folded for w in _tables().references.get(kind, ()))


def is_force(actor_id: str) -> bool:
    """A state's armed forces ("Russian jets", "قوات النظام"): named when the state is."""
    return actor_id in _tables().forces


def is_party(actor: Actor) -> bool:
    """True for a party to the fighting: an armed group, military, government or foreign government, or a
    person belonging to one. Their statements are claims; a monitor's, rescuer's or medium's are reports."""
    return actor.id in _tables().party


# ---------------------------------------------------------------- tokens and matching

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[:;!?,]|\.(?=\s|$)")
# what may stand between two words of a name: a space, a hyphen, or a quote mark ('تنظيم "الدولة الإسلامية"')
_GAPS = frozenset({" ", "-", " -", "- ", " - ", ".", ". ", "'"} | {g for q in '"«»“”' for g in (f" {q}", f"{q} ", q)})


class _Tok(NamedTuple):  # a tuple: built for every word of every sentence
    start: int
    end: int
    text: str
    punct: bool  # not a word: not self.text[0].isalnum()


@dataclass(frozen=True, slots=True)
class _Hit:
    first: int  # token indexes, inclusive
    last: int
    start: int  # folded offsets
    end: int
    phrase: _Phrase
    prefix: str


@lru_cache(maxsize=4096)  # find_actors and attributions tokenise the same sentence
def _tokens(folded: str) -> tuple[_Tok, ...]:
    toks: list[_Tok] = []
    for m in _TOKEN.finditer(folded):
        # the dot of an abbreviation (U.S. said) is no sentence stop
        if m.group() == "." and toks and not toks[-1].punct and len(toks[-1].text) == 1:
            continue
        text = m.group()
        # tuple.__new__ builds the named tuple without a call of its Python-level __new__
        toks.append(_NEW(_Tok, (m.start(), m.end(), text, not text[0].isalnum())))
    return tuple(toks)


_NEW = tuple.__new__


@lru_cache(maxsize=16384)  # words repeat across sentences; the answer depends on the word alone
def _candidates(word: str, proclitics: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    """(word as looked up, proclitic stripped, offset where the match span starts) for one token."""
    out = [(word, "", 0)]
    for pre in ("", "و", "ف"):
        rest = word[len(pre) :]
        if rest.startswith("لل") and len(rest) > 3:  # ل + ال fused: للمرصد -> المرصد
            out.append(("ال" + rest[2:], pre + "ل", len(pre)))
    for p in proclitics:
        if word.startswith(p) and len(word) - len(p) >= 2:
            out.append((word[len(p) :], p, len(p)))
    return tuple(out)


def _match_at(
    f: str, toks: tuple[_Tok, ...], i: int, index: dict[str, tuple[_Phrase, ...]], proclitics: tuple[str, ...]
) -> _Hit | None:
    tok = toks[i]
    if tok.punct:
        return None
    best: _Hit | None = None
    for word, prefix, offset in _candidates(tok.text, proclitics):
        for phrase in index.get(word, ()):
            n = len(phrase.tokens)
            if best is not None and (n, phrase.chars) <= (len(best.phrase.tokens), best.phrase.chars):
                break
            j = i
            ok = True
            for k in range(1, n):
                j += 1
                if (
                    j >= len(toks)
                    or toks[j].text != phrase.tokens[k]
                    or f[toks[j - 1].end : toks[j].start] not in _GAPS
                ):
                    ok = False
                    break
            if ok:
                best = _Hit(i, j, tok.start + offset, toks[j].end, phrase, prefix)
                break
    return best


@lru_cache(maxsize=1 << 16)  # words repeat across sentences; the answer depends on the word alone
def _starts_actor(word: str) -> bool:
    """Whether a word (a proclitic stripped or not) is the first word of an actor's name."""
    t = _tables()
    return any(w in t.actor_index for w, _, _ in _candidates(word, t.proclitics))


@lru_cache(maxsize=1 << 16)
def starts_cue(word: str) -> bool:
    """Whether a word (و or ف stripped or not) is the first word of a speech or source cue."""
    return any(w in _tables().cue_index for w, _, _ in _candidates(word, _CUE_PROCLITICS))


_CUE_PROCLITICS = ("و", "ف")


def _scan(
    f: str,
    toks: tuple[_Tok, ...],
    index: dict[str, tuple[_Phrase, ...]],
    proclitics: tuple[str, ...],
    starts: Callable[[str], bool],
) -> list[_Hit]:
    """The names of ``index`` in the tokens, longest first, non-overlapping; ``starts`` tells whether a
    word can begin one (the index and proclitics' answer, kept per word)."""
    hits: list[_Hit] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        # most words start no name: skip them without a call (what _match_at would look up first)
        if tok.punct or not starts(tok.text):
            i += 1
            continue
        hit = _match_at(f, toks, i, index, proclitics)
        if hit is None:
            i += 1
            continue
        hits.append(hit)
        i = hit.last + 1
    return hits


def _strip_wa(word: str) -> str:
    return word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word


_PLACE_PREFIXES = frozenset({"ب", "ل", "وب", "ول", "فب", "فل"})


def _actor_hits(text: str, fo: Folded, toks: tuple[_Tok, ...]) -> list[_Hit]:
    t = _tables()
    out: list[_Hit] = []
    for hit in _scan(fo.text, toks, t.actor_index, t.proclitics, _starts_actor):
        if hit.phrase.acronym:
            s, e = fo.span(hit.start, hit.end)
            if not all(c.isupper() for c in text[s:e] if c.isalpha()):
                continue
        if hit.first == hit.last and (
            (hit.last + 1 < len(toks) and toks[hit.last + 1].text in t.named_for_after)
            or (hit.first > 0 and toks[hit.first - 1].text in t.named_for_before)
        ):
            continue  # "the Saudi Hospital", "المستشفى الإندونيسي": a place named for a country, no party
        if hit.phrase.place:
            if hit.prefix in _PLACE_PREFIXES:
                continue
            if hit.first > 0 and toks[hit.first - 1].text in t.place_preceders:
                continue
            if hit.last + 1 < len(toks) and toks[hit.last + 1].text in t.place_followers:
                continue  # "a drone attack on his Baghdad home": the city, not its government
            if any(_strip_wa(toks[k].text) in t.visit_verbs for k in range(max(0, hit.first - 2), hit.first)):
                continue  # "سيزور عراقجي دمشق"
        out.append(hit)
    if any(h.phrase.ref in t.by_country or h.phrase.elsewhere or h.phrase.bare for h in out):
        out = _with_country(text, out, fo.text)
    return out


@lru_cache(maxsize=4096)  # find_actors and attributions read the same sentence
def _read(text: str) -> tuple[Folded, tuple[_Tok, ...], tuple[_Hit, ...]]:
    """A text folded, its tokens and the actor names in it: read once for find_actors and attributions."""
    fo = fold_with_offsets(text)
    toks = _tokens(fo.text)
    return fo, toks, tuple(_actor_hits(text, fo, toks))


@lru_cache(maxsize=4096)  # find_actors and attributions read the same sentence
def _countries_named(text: str) -> frozenset[str]:
    return frozenset(m.place.country for m in places.find_places(text))


def _with_country(text: str, hits: list[_Hit], folded: str) -> list[_Hit]:
    """A name that says no country by itself read in the country its own phrase names ("الجيش المصري",
    "Turkey's defence ministry": Egypt's and Turkey's, never Syria's; a body of a country the lexicon has
    none for names no party), else in the one country the text's places lie in: a bare "الدفاع المدني" or
    "health ministry" near Khan Younis is Gaza's, "the army" near El Fasher Sudan's."""
    t = _tables()
    named = _countries_named(text)
    out: list[_Hit] = []
    for h in hits:
        parts = t.by_country.get(h.phrase.ref) or dict(h.phrase.elsewhere)
        own = speakers.country_qualifying(folded, h.start, h.end) if h.phrase.bare or parts else None
        if own is not None:
            if own in parts:
                h = replace(h, phrase=replace(h.phrase, ref=parts[own]))
            elif h.phrase.bare and t.home.get(h.phrase.ref) != own:
                continue  # the body of a country the lexicon has none for: no party it knows
            out.append(h)
            continue
        countries = sorted(named & parts.keys())
        if len(countries) == 1:
            h = replace(h, phrase=replace(h.phrase, ref=parts[countries[0]]))
        elif h.phrase.bare and named and t.home.get(h.phrase.ref) not in named:
            continue  # "وزارة الدفاع" beside Abu Salim: Libya's, a body the lexicon has none for, not Syria's
        out.append(h)
    return out


def _span(text: str, fo: Folded, start: int, end: int) -> tuple[int, int]:
    """The original span of a folded one, widened over the diacritics that close its last word."""
    s, e = fo.span(start, end)
    while e < len(text) and (unicodedata.category(text[e]) == "Mn" or text[e] == "\u0640"):
        e += 1
    return s, e


def _to_match(text: str, fo: Folded, hit: _Hit) -> ActorMatch:
    s, e = _span(text, fo, hit.start, hit.end)
    return ActorMatch(s, e, text[s:e], _tables().actors[hit.phrase.ref])


# ---------------------------------------------------------------- public API


@per_text()  # the grouping, the engine and the renderer read the same sentence
def find_actors(text: str) -> list[ActorMatch]:
    """The actors named in a text, in order, non-overlapping, the longest name winning."""
    fo, _, hits = _read(text)
    return [_to_match(text, fo, h) for h in hits]


_AFTER_WINDOW = 7  # tokens between a cue and its speaker, at most
_AFTER_FREE = 1  # of which not fillers ("ذكر المتحدث باسم المجلس شون سافيت")
_BEFORE_AR = 2  # "وكانت المعارضة قد قالت"
_BEFORE_EN = 8  # "The Observatory, a Britain-based monitor, said"
_PARTNER_WORDS = frozenset({"مع", "ومع", "with"})  # before a party: a partner of what is said, never its speaker
# folded prepositions: a verb of saying right after one is a noun ("على نقل حمزة": a transfer)
_PREPOSITIONS_AR = frozenset({"علي", "الي", "من", "في", "عن", "بعد", "قبل", "حول", "بشان", "اثر"})


@dataclass(frozen=True, slots=True)
class _Said:
    attribution: Attribution
    listed: bool  # False: no speaker could be named; counts for the stance only
    last: int  # last token of the cue


_PROCLITIC_ARTICLE = re.compile(r"^[وف]?(?:[بل]?ال|لل|[بل](?=..))?")  # "والجيش", "للجيش", "بحزب": the noun


def _masculine(word: str) -> bool:
    """Whether a folded Arabic word, its article and proclitics aside, is a masculine head the lexicon lists
    ("الجيش", "حزب"): a feminine verb ("اتهمت", "قالت") cannot have it as its subject."""
    heads = _tables().masculine_heads  # "لواء", "فريق" start like a proclitic: the word as written counts too
    return word.removeprefix("ال") in heads or _PROCLITIC_ARTICLE.sub("", word) in heads


def _speaker(
    toks: tuple[_Tok, ...], f: str, actor_hits: list[_Hit], cue: _Hit, last: int, source: bool
) -> _Hit | None:
    """The actor a cue attaches to (see the module docstring), or None."""
    t = _tables()
    arabic = not toks[cue.first].text.isascii()

    def after_ok(h: _Hit) -> bool:
        between = toks[last + 1 : h.first]
        if len(between) > _AFTER_WINDOW or any(x.punct or x.text in t.stop_words for x in between):
            return False
        if any(x.text in _PARTNER_WORDS for x in between):
            return False  # "أعلن المجلس ... اتفاقاً مع الدبيبة": who it was agreed with, not who speaks
        return sum(x.text not in t.fillers for x in between) <= _AFTER_FREE

    def before_ok(h: _Hit) -> bool:
        between = toks[h.last + 1 : cue.first]
        if len(between) > (_BEFORE_AR if arabic else _BEFORE_EN) + 1:
            return False
        if any(x.text in t.stop_words or (x.punct and x.text != ",") for x in between):
            return False
        if arabic and any(x.text == "," for x in between):
            # "بيسكوف، الذي قال": a relative clause; any other comma ends the speaker's clause
            rest = between[1:]
            return between[0].text == "," and bool(rest) and all(x.text in t.relatives for x in rest)
        return len(between) <= (_BEFORE_AR if arabic else _BEFORE_EN)

    after = next((h for h in actor_hits if h.first > last), None)
    after = after if after is not None and after_ok(after) else None
    if source:
        return after
    before = next((h for h in reversed(actor_hits) if h.last < cue.first), None)
    before = before if before is not None and before_ok(before) else None
    if arabic:
        # "وكان الجيش السوري أقرّ بدخول الفصائل": a subject right before an unprefixed verb wins
        if before is not None and before.last == cue.first - 1 and not cue.prefix:
            return before
        # "واتهمت الجيش باتخاذ ...": a feminine verb's subject is not a masculine name after it; that is its object
        if after is not None and toks[cue.last].text.endswith("ت") and _masculine(toks[after.first].text):
            after = None
        return after or before
    gap = f[max(0, cue.start - 2) : cue.start]
    # English names the speaker before the verb ("the factions said Syrian forces had withdrawn": not the
    # forces); after it only when inverted after a quote or a comma ('..., said the ministry')
    return (after or before) if ("," in gap or '"' in gap or "”" in gap) else before


# a name followed by "-backed" ("Turkish-backed fighters") names who backs them, not who acts or speaks
BACKER = re.compile(r"[-\s](?:backed|supported|allied|aligned|sponsored|funded|armed)(?![^\W\d_])")


@per_text()  # the grouping, the engine and the renderer read the same sentence
def _said(sentence: str) -> list[_Said]:
    t = _tables()
    fo, toks, hits = _read(sentence)
    f = fo.text
    # "Turkish-backed fighters said": the backer is not who speaks
    actor_hits = [h for h in hits if not BACKER.match(f, h.end)]
    cue_hits = _scan(f, toks, t.cue_index, _CUE_PROCLITICS, starts_cue)
    out: list[_Said] = []
    skip_until = -1
    for ci, cue_hit in enumerate(cue_hits):
        cue = t.cues[cue_hit.phrase.ref]
        if cue.klass == "ignore" or cue_hit.first <= skip_until:
            continue
        if cue_hit.first > 0 and not cue_hit.prefix and toks[cue_hit.first - 1].text in _PREPOSITIONS_AR:
            continue  # "اتفاق على نقل حمزة": after a preposition the word is a noun (a transfer), no verb of saying
        last = cue_hit.last
        if cue.klass == "source":  # "بحسب ما نقلته", "وفقا لما ذكرت": one cue
            nxt = cue_hits[ci + 1] if ci + 1 < len(cue_hits) else None
            if (
                nxt is not None
                and t.cues[nxt.phrase.ref].klass == "speech"
                and nxt.first == last + 2
                and toks[last + 1].text in t.source_links
            ):
                last = skip_until = nxt.last
        speaker = _speaker(toks, f, actor_hits, cue_hit, last, cue.klass == "source")
        actor = t.actors[speaker.phrase.ref] if speaker is not None else None
        if speaker is not None:
            s, e = _span(sentence, fo, speaker.start, speaker.end)
            source_text = sentence[s:e]
        else:
            source_text = _unlisted_source(sentence, fo, toks, last) or _unlisted_subject(sentence, fo, toks, cue_hit.first)
            if cue.klass == "source" and not source_text:
                continue  # "وفق اتفاق", "حسب الأصول": not an attribution
            if not source_text and out and out[-1].attribution.actor is not None:
                # "وأكد", "مضيفاً", "مؤكداً": a coordinated verb shares the previous verb's speaker
                actor = out[-1].attribution.actor
                source_text = out[-1].attribution.source_text
        stance: Stance
        if cue.klass in ("claims", "denies"):
            stance = cue.default
        elif actor is not None:
            stance = "claims" if is_party(actor) else "reports"
        else:
            stance = cue.default
        prev = out[-1] if out else None
        if (
            prev is not None
            and actor is not None
            and (prev.attribution.actor, prev.attribution.stance) == (actor, stance)
            and cue_hit.first - prev.last <= 4
        ):
            continue  # "حسب تصريحات نقلتها عنه وكالة...": the same attribution twice
        cs, ce = _span(sentence, fo, cue_hit.start, toks[last].end)
        out.append(_Said(Attribution(actor, source_text, stance, cs, ce), bool(actor or source_text), last))
    return out


def _unlisted_source(sentence: str, fo: Folded, toks: tuple[_Tok, ...], last: int) -> str:
    """An unlisted speaker right after a cue when it is headed by a source word ("مصادر طبية",
    "a spokesman for the group"); '' otherwise."""
    t = _tables()
    words: list[_Tok] = []
    for k in range(last + 1, min(len(toks), last + 6)):
        if toks[k].punct or toks[k].text in t.stop_words:
            break
        words.append(toks[k])
    if not words:
        return ""
    head = words[0].text
    if head in ("a", "an", "the") and len(words) > 1:
        head = words[1].text
    for p in ("وال", "ال", "و"):
        if head.startswith(p) and head[len(p) :] in t.generic_heads:
            head = head[len(p) :]
            break
    if head not in t.generic_heads:
        return ""
    s, e = _span(sentence, fo, words[0].start, words[-1].end)
    return sentence[s:e]


# at most this many English words before a source's head ("two security officials")
_SUBJECT_WORDS = 3


def _unlisted_subject(sentence: str, fo: Folded, toks: tuple[_Tok, ...], first: int) -> str:
    """An unlisted English speaker right before a speech verb when its head is a source word ("officials said
    on Sunday", "local officials said", "a spokesman told reporters"); '' otherwise (and for Arabic, whose
    verb comes first)."""
    t = _tables()
    if first == 0 or not toks[first].text.isascii() or toks[first - 1].punct:
        return ""
    head = toks[first - 1].text
    if not head.isascii():
        return ""
    k = first - 1
    if head not in t.generic_heads:
        # "Health Minister Mehmet Muezzinoglu said", "Interior Ministry spokesman Tariq Attia said": a name of one
        # to three capitalised words right after a title
        while k > 0 and first - k <= _SUBJECT_WORDS and _capitalised(sentence, fo, toks[k]) and not toks[k - 1].punct:
            k -= 1
            if toks[k].text in t.person_titles or toks[k].text in t.generic_heads:
                break
        else:
            return ""
    while k > 0 and first - k <= _SUBJECT_WORDS and _heads_a_source(sentence, fo, toks[k - 1]):
        k -= 1
    s, e = _span(sentence, fo, toks[k].start, toks[first - 1].end)
    return sentence[s:e]


def _capitalised(sentence: str, fo: Folded, tok: _Tok) -> bool:
    """Whether an English word is written with a capital in the sentence, or is a name's particle ("al-Zoubi")."""
    s, _ = _span(sentence, fo, tok.start, tok.end)
    return tok.text.isascii() and (sentence[s : s + 1].isupper() or tok.text in _tables().name_particles)


def _heads_a_source(sentence: str, fo: Folded, tok: _Tok) -> bool:
    """Whether an English word may open a source's name before its head: an article, a count or a source's
    adjective (actors.json's ``source_subject_words``: "local officials", "two security sources"), or a name
    written with a capital in the sentence ("Turkish", "Gaziantep")."""
    if tok.punct or not tok.text.isascii():
        return False
    if tok.text in _tables().subject_words:
        return True
    s, _ = _span(sentence, fo, tok.start, tok.end)
    return sentence[s : s + 1].isupper()


def attributions(sentence: str) -> list[Attribution]:
    """Who says what in one sentence: each cue with the speaker it attaches to and its stance, in order.
    A cue whose speaker cannot be named at all is left out (it still counts for :func:`stance_of`)."""
    return [s.attribution for s in _said(sentence) if s.listed]


_RANK: dict[Stance, int] = {"reports": 0, "claims": 1, "denies": 2}


def stance_of(sentence: str) -> Stance | None:
    """The sentence's dominant stance, denies > claims > reports; None when nothing is attributed."""
    best: Stance | None = None
    for said in _said(sentence):
        if best is None or _RANK[said.attribution.stance] > _RANK[best]:
            best = said.attribution.stance
    return best


def by_name(name: str) -> Actor | None:
    """The lexicon actor whose English or Arabic display name is exactly ``name`` (the first listed)."""
    return _by_display_name().get(name)


@cache
def _by_display_name() -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for actor in _tables().actors:
        out.setdefault(actor.name_en, actor)
        out.setdefault(actor.name_ar, actor)
    return out


def _named(name: str) -> list[_Phrase]:
    """The actor phrases that are exactly this name, a proclitic glued to it aside ("والجيش", "للجيش" are "الجيش")."""
    t = _tables()
    tokens = tuple(_WORD.findall(fold(name)))
    if not tokens:
        return []
    first = tokens[0]
    heads = [first, first[1:]] if len(first) > 3 and first[0] in "وفبل" else [first]
    if first.startswith(("لل", "ولل")) and len(first) > 4:
        heads.append("ال" + first.removeprefix("و")[2:])  # "للجيش" (ل + الجيش) is "الجيش"
    return [p for head in heads for p in t.actor_index.get(head, ()) if p.tokens == (head, *tokens[1:])]


def owned(text: str, match: ActorMatch) -> bool:
    """Whether a party is named as the owner of what was hit or taken ("مقر الفرقة 16 التابعة للجيش",
    "a base belonging to the army"): its target, not its doer."""
    before = _WORD.findall(fold(text[: match.start]).lower())[-3:]
    return any(tuple(before[-len(w) :]) == w for w in _tables().owner_words)


def country_dependent(name: str) -> bool:
    """Whether a name means a different body in each country ("the army", "وزارة الدفاع"): without a
    country to read it in, it names no party."""
    t = _tables()
    return any(p.bare or bool(t.by_country.get(p.ref)) for p in _named(name))


def in_country(name: str, country: str) -> Actor | None:
    """The actor a name that depends on its country means there ("الجيش" or "the army" near El Fasher:
    Sudan's; a bare "وزارة الصحة" in Gaza: Gaza's), or None when the name does not depend on it. For a
    sentence that names no place, the article's country decides (the engine passes it)."""
    t = _tables()
    for p in _named(name):
        parts = t.by_country.get(p.ref) or dict(p.elsewhere)
        if country in parts:
            return t.actors[parts[country]]
        if p.bare and t.home.get(p.ref) == country:  # "the defence ministry" in a report from Syria: Syria's
            return t.actors[p.ref]
    return None
