"""Checks of where a claim says it happened: its places, their sides and kinds, and places referred back to."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from summarizer.checking.issues import Issue
from summarizer.checking.sentences import Sentence
from summarizer.reading import actors, places
from summarizer.reading.checkable import Facts
from summarizer.reading.text import dateline_end, fold, words

LOCATOR = re.compile(
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|edge of|outskirts of)|outside|near|close to|"
    r"(?:[وفب]?(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|ى)?)|[وف]?(?:بالقرب من|قرب))(?:\s+the)?\s*$"
)


def place_issues(
    cf: Facts, ev: list[Facts], texts: Sequence[str] = (), located: set[str] | frozenset[str] = frozenset()
) -> list[Issue]:
    ids: set[str] = set()
    regions: set[str] = set()
    for f in ev:
        ids |= {places.same_place(i) for i in f.places}
        for m in f.places.values():
            regions |= places.regions_named(m)
    # places the evidence refers back to ("the hospital" of the lead's Jenin camp): their governorates stand too
    back_to = [bp for pid in sorted(located) if (bp := places.get_place(pid)) is not None]
    regions |= {bp.region for bp in back_to if bp.region}
    countries = {m.place.country for f in ev for m in f.places.values()}
    # "داخل البلاد" for "inside Sudan": the country of the place it refers back to (a city abroad where talks
    # were held, "في جدة", is no country the evidence is about)
    if not any(m.place.kind != "foreign_city" for f in ev for m in f.places.values()):
        countries |= {bp.country for bp in back_to}
    acting = {a for f in ev for a in f.actor_family}
    out = []
    for role, what in (("left", "the withdrawal from"), ("whole", "all of")):
        given = {p for f in ev for p in f.roles.get(role, ())}
        for p in sorted(cf.roles.get(role, frozenset()) - given):
            if given:  # its evidence gives that role to another place
                out.append(Issue("place", p, f"its evidence has {what} {', '.join(sorted(given))}, not {p}"))
    stated = {side for f in ev for side in f.sides}
    if cf.sides and stated and not (cf.sides & stated):
        out.append(
            Issue("place", "/".join(sorted(cf.sides)), f"its evidence says {', '.join(sorted(stated))}, not {', '.join(sorted(cf.sides))}")
        )
    sides: dict[str, set[str | None]] = {}
    for f in ev:
        for pid, ds in f.directions.items():
            sides.setdefault(places.same_place(pid), set()).update(ds)
    for pid, m in cf.places.items():
        theirs = sides.get(places.same_place(pid), set())
        mine = {d for d in cf.directions.get(pid, ()) if d is not None}
        # "غرب المدينة" where a sentence before names the city on another side: the side is the city's
        # (an English "Taiz" may be read as the governorate named like its city)
        back = mine & _sides_of_the_city(texts) if mine and m.place.kind in ("city", "governorate") else set()
        if mine and theirs and None not in theirs and not (mine & theirs) and not back:
            out.append(
                Issue("place", m.text, f"its evidence names {m.text} on another side ({', '.join(sorted(d for d in theirs if d))})")
            )
            continue
        if pid == "syria" or places.same_place(pid) in ids | located:
            continue
        if m.text.isascii() and m.text.islower():  # "rockets hit the base": a common word, not the town of Hit
            continue
        if m.place.kind == "governorate" and m.place.region in regions:
            continue
        if places.holds(pid) & regions:  # "the West Bank village of Jit": by Jit, in a West Bank governorate
            continue
        if m.place.kind == "country" and m.place.country in countries:  # Russia, by "Moscow"
            continue
        if m.place.kind == "country" and pid.replace("-", "_") in acting:  # "U.S.", by "الأمريكية"
            continue
        if m.place.kind == "country" and _demonym_in(m.place, texts):  # "Lebanon's" by "his Lebanese counterpart"
            continue
        if m.place.region in regions and _site_named(m.place, texts):  # "the university hospital" in Aleppo
            continue
        if _city_referred(m.place, ev, texts):  # "the Zamzam camp south of the city" for El Fasher
            continue
        if _named_after(m.place, [*(e.place for f in ev for e in f.places.values()), *back_to]):  # "Jabalia" by "مخيم جباليا"
            continue
        if _inside_a_name(m.place, ev):  # "Beirut" by "الضاحية الجنوبية لبيروت", a place named inside another's
            continue
        if _in_a_party_name(pid, texts):  # "Sinai" by "ولاية سيناء", the group named for the place
            continue
        if _said_in(m.text, texts):  # "سفيرها لدى طهران": named, though read there as who acts
            continue
        if _camp_of_named_town(m.place, [e.place for f in ev for e in f.places.values()], texts):
            continue  # "the Jenin refugee camp" by "In Jenin, ... the city's refugee camp"
        named = ", ".join(sorted({mm.text for f in ev for mm in f.places.values()})) or "no place"
        out.append(Issue("place", m.text, f"{m.text} is not named in its evidence (which names {named})"))
    return out


_SIDES_EN = r"(north|south|east|west)(?:ern|wards?)?"
_SIDE_AR = r"(?:ال)?(شمال|جنوب|شرق|غرب)"
_MOVES = {
    # "head south", "towards the north", "باتجاه الجنوب", "والتوجه شمال النهر"
    "to": re.compile(
        rf"(?<![^\W\d_])(?:(?:towards?|into|head(?:ed|ing|s)?|mov(?:ed|ing|es?))\s+(?:the\s+)?{_SIDES_EN}"
        rf"|(?:fled|flee|fleeing)\s+{_SIDES_EN}"
        rf"|(?:نحو|الى|باتجاه|التوجه|توجه|يتوجه|للتوجه|والتوجه)\s+{_SIDE_AR})(?![^\W\d_])"
    ),
    # "fled the north", "from the south", "من شمال القطاع"
    "from": re.compile(
        rf"(?<![^\W\d_])(?:(?:from|fled|left|leave|leaving|fleeing)\s+the\s+{_SIDES_EN}|from\s+{_SIDES_EN}"
        rf"|(?:من)\s+{_SIDE_AR})(?![^\W\d_])"
    ),
}
_AR_SIDES = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}


def _moves(text: str) -> dict[str, set[str]]:
    """Where a text has people or forces go ("towards the south", "باتجاه الجنوب") and come from ("fled the
    north", "من شمال القطاع"), as compass sides."""
    folded = fold(text).lower()
    out: dict[str, set[str]] = {}
    for role, pattern in _MOVES.items():
        for m in pattern.finditer(folded):
            side = next(g for g in m.groups() if g)
            out.setdefault(role, set()).add(_AR_SIDES.get(side, side))
    return out


def movement_issues(claim: str, texts: Sequence[str]) -> list[Issue]:
    """A move whose direction the claim turns round: "fled the south towards the north" where its evidence
    has them flee the north towards the south, "head south of the river" for "التوجه شمال النهر"."""
    mine = _moves(claim)
    theirs: dict[str, set[str]] = {}
    for t in texts:
        for role, sides in _moves(t).items():
            theirs.setdefault(role, set()).update(sides)
    for role, sides in mine.items():
        if theirs.get(role) and not sides & theirs[role]:
            what = "towards" if role == "to" else "from"
            return [
                Issue("place", " ".join(sorted(sides)), f"its evidence has the move {what} the {', '.join(sorted(theirs[role]))}")
            ]
    return []


def _demonym_in(place: places.Place, texts: Sequence[str]) -> bool:
    """Whether a text names a country by its people's adjective: "Lebanese" (Lebanon), "Iraqi", "Sudanese";
    "اللبناني" (لبنان), "السوري" (سوريا), "اليمنية" (اليمن)."""
    folded = " ".join(fold(t).lower() for t in texts)
    en = re.sub(r"[^a-z]", "", place.name_en.lower())
    if len(en) >= 4 and re.search(rf"(?<![a-z]){re.escape(en[:4])}[a-z]*(?:ese|ian|i|n|ish)(?![a-z])", folded):
        return True
    ar = fold(place.name_ar).removeprefix("ال").rstrip("ا")
    ar = ar.removesuffix("ي") if len(ar) > 3 else ar  # سوريا: سوري
    if len(ar) < 3 or not re.fullmatch(r"[\u0600-\u06ff]+", ar):
        return False
    return re.search(rf"(?<![^\W\d_])[وفبل]?(?:ال)?{re.escape(ar)}(?:ي|يه|يون|يين|يه)(?![^\W\d_])", folded) is not None


_SIDE_OF_CITY = re.compile(
    r"(?<![^\W\d_])(?:(north|south|east|west)(?:ern)?\s+(?:of\s+)?the\s+(?:city|town)"
    r"|(شمال|جنوب|شرق|غرب)(?:ي)?\s+(?:ال)?(?:مدينه|بلده))(?![^\W\d_])"
)


def _sides_of_the_city(texts: Sequence[str]) -> set[str]:
    """The compass sides a text gives "the city" it refers back to ("غرب المدينة", "east of the city")."""
    out = set()
    for t in texts:
        for m in _SIDE_OF_CITY.finditer(fold(t).lower()):
            side = m.group(1) or m.group(2)
            out.add(_AR_SIDES.get(side, side))
    return out


_CITY_WORDS = ("the city", "المدينة", "للمدينة", "بالمدينة")
_SITE_KINDS = frozenset({"camp", "crossing", "landmark", "military_site", "airport", "area", "district"})
# a line of so many words or fewer is a dateline or a byline, not a sentence of the lead
LINE_WORDS = 5


_CAMP_WORD = re.compile(r"(?<![^\W\d_])(?:camps?|[وفبل]?(?:ال)?مخيم(?:ها|ه)?)(?![^\W\d_])")


def _camp_of_named_town(place: places.Place, theirs: Sequence[places.Place], texts: Sequence[str]) -> bool:
    """A camp named after a town its evidence names, where the evidence speaks of a camp ("In Jenin, ... the
    city's refugee camp" for "the Jenin camp")."""
    if place.kind != "camp" or not any(_CAMP_WORD.search(fold(t).lower()) for t in texts):
        return False
    mine = set(words(fold(place.name_ar)))
    return any(
        o.region == place.region and o.kind in ("town", "city", "governorate") and set(words(fold(o.name_ar))) < mine
        for o in theirs
    )


def _said_in(name: str, texts: Sequence[str]) -> bool:
    """Whether a place's name as the claim writes it stands word for word in the evidence (four letters at
    least), however the evidence's reading took it (a capital that speaks for its state)."""
    folded = fold(name).lower()
    if len(folded.replace(" ", "")) < 4:
        return False
    pattern = re.compile(rf"(?<![^\W\d_])[وفبل]?{re.escape(folded)}(?![^\W\d_])")
    return any(pattern.search(fold(t[dateline_end(t) :]).lower()) for t in texts)  # where it was filed names nothing


def _city_referred(place: places.Place, ev: list[Facts], texts: Sequence[str]) -> bool:
    """A city its evidence calls "the city" while naming only sites of its region (camps, districts,
    hospitals...), no other town: the sites are where the city is."""
    if place.kind != "city" or place.region is None:
        return False
    near = [m.place for f in ev for m in f.places.values() if m.place.region == place.region]
    if not near or any(p.kind not in _SITE_KINDS for p in near):
        return False
    folded = " " + " ".join(fold(t).lower() for t in texts) + " "
    return any(f" {w} " in folded or f" {w}." in folded or f" {w}," in folded for w in map(fold, _CITY_WORDS))


def _in_a_party_name(pid: str, texts: Sequence[str]) -> bool:
    """A place named inside the name of a party the evidence names ("ولاية سيناء", "Benghazi Revolutionaries
    Shura Council"): the reading leaves it to the party, but the words name the place."""
    same = places.same_place(pid)
    for t in texts:
        names = [(a.start, a.end) for a in actors.find_actors(t)]
        for m in places.find_places(t):
            if places.same_place(m.place.id) == same and any(a <= m.start and m.end <= b for a, b in names):
                return True
    return False


def _inside_a_name(place: places.Place, ev: Sequence[Facts]) -> bool:
    """A place whose own name stands inside the name of another the evidence names ("الضاحية الجنوبية
    لبيروت", "the southern suburbs of Beirut"): the evidence names it too."""
    names = [re.escape(fold(n).lower()) for n in (place.name_ar, place.name_en) if n]
    if not names:
        return False
    pattern = re.compile(rf"(?<![^\W\d_])[وبلف]?(?:{'|'.join(names)})(?![^\W\d_])")
    return any(
        mm.place.id != place.id and mm.text != place.name_ar and pattern.search(fold(mm.text).lower())
        for f in ev
        for mm in f.places.values()
    )


def _named_after(place: places.Place, theirs: Sequence[places.Place]) -> bool:
    """A town and the camp of its region that carries its name: "Jabalia" and "Jabalia camp" (مخيم جباليا)
    name the same spot, either way round (an airport or a crossing named after its city is another place)."""
    for other in theirs:
        if other.region != place.region or other.region is None or other.id == place.id:
            continue
        if {place.kind, other.kind} == {"camp", "town"} or {place.kind, other.kind} == {"camp", "city"}:
            mine, its = set(words(fold(place.name_ar))), set(words(fold(other.name_ar)))
            if mine and its and (mine < its or its < mine):
                return True
    return False


def _site_named(place: places.Place, texts: Sequence[str]) -> bool:
    """A site whose own words (its name without its city's) all stand in the evidence."""
    if place.kind not in ("landmark", "military_site", "airport", "area") or not texts:
        return False
    folded = set(words(" ".join(texts)))
    city = {w for r in places.regions() if r.slug == place.region for w in words(f"{r.name_ar} {r.name_en}")}
    for name in (place.name_ar, place.name_en):
        own = [w for w in words(name) if w not in city and len(w) > 2 and w not in ("the", "ال")]
        if own and all(w in folded or w.removeprefix("ال") in {x.removeprefix("ال") for x in folded} for w in own):
            return True
    return False


SENT_FROM = re.compile(
    r"(?:(?<![^\W\d_])(?:sent|dispatched|flown in|brought in|arrived|coming) from|(?<![^\W\d_])[وف]?(?:ارسل|ارسلت|اوفد|اوفدت|قادم|قادمه|قادمين|القادم|القادمه|القادمين|وصل|وصلت) من)(?:\s+\S+)?\s*$"
)
THERE = re.compile(r"(?<![^\W\d_])(?:there|هناك|هنالك)(?![^\W\d_])")
# a site the article named before ("the hospital", "المستشفى"): it stands where its lead says, when the lead
# names one place only
SITE_BACK = re.compile(
    r"(?<![^\W\d_])(?:the (?:hospital|school|market|mosque)(?:'s)?|[وفبل]?(?:ال|لل)(?:مستشفي|مدرسه|سوق|مسجد))(?![^\W\d_])"
)
# a site or settlement named again by its kind ("the camp", "داخل المدرسة"): the noun, folded
BACK_NOUN = re.compile(
    r"(?<![^\w])the (camp|school|hospital|market|mosque|refinery|port|airport|base)(?![^\W\d_])"
    r"|(?<![^\W\d_])[وفبل]?(?:ال|لل)(مخيم|مدرسه|مستشفي|سوق|مسجد|مصفاه|ميناء|مطار|قاعده)(?![^\W\d_])"
)


# a place that names a happening ("the Suruç bombing", "the Israeli strikes on Hodeidah", "تفجير سروج"), and
# evidence that refers back to a happening told before ("the bombing", "the strikes", "الهجوم")
_NAMES_AFTER = re.compile(
    r"^(?:'s)?\s*(?:\w+\s+)?(?:bombings?|attacks?|strikes?|raids?|ramming|blasts?|massacre|explosions?|shooting"
    r"|death toll|toll|killings|operation|offensive|shelling|clashes|fighting)\b"
)
_NAMES_BEFORE = re.compile(
    r"(?:\b(?:strikes?|raids?|attacks?|bombings?|shelling|assault|offensive)\s+(?:on|in|of|against)(?:\s+the)?"
    r"|(?<![^\W\d_])(?:ال)?(?:تفجير|تفجيرات|هجوم|غاره|غارات|ضربات|مجزره|حصيله|اقتحام|قصف)(?:\s+(?:علي|في))?)\s*$"
)
TOLD_BACK = re.compile(
    r"\b(?:the|\w+day's) (?:bombing|attack|attacks|strike|strikes|raid|raids|ramming|blast|massacre|explosion|shooting|operation|shelling"
    r"|(?:death )?toll)\b|(?<![^\W\d_])(?:التفجير|الهجوم|الغاره|الغارات|الضربات|المجزره|العمليه|الاقتحام|القصف|الحصيله)(?![^\W\d_])"
)


def names_a_happening(claim: str, start: int, end: int) -> bool:
    """Whether the claim's place at ``claim[start:end]`` names a happening ("the Suruç bombing", "strikes on
    Hodeidah", "تفجير سروج") rather than saying where something else was. (Folding strips the outer spaces of
    the text around it; the patterns expect none.)"""
    return _NAMES_AFTER.match(fold(claim[end : end + 40]).lower()) is not None or (
        _NAMES_BEFORE.search(fold(claim[max(0, start - 40) : start]).lower()) is not None
    )


@lru_cache(maxsize=64)
def nouns_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """Any of these nouns as a word, with or without its article ("camp", "مخيم", "المخيم", "بمدرسة")."""
    alt = "|".join(sorted(map(re.escape, nouns)))
    return re.compile(rf"(?<![^\W\d_])(?:[وفبل]?(?:ال|لل)?)(?:{alt})s?(?![^\W\d_])")


_KIND_BEFORE = re.compile(r"(?:\s+(?:محافظة|مدينة|ولاية|province|city|governorate|town)\s*)$")


_WIDE = frozenset({"governorate", "country", "road"})
_IN_PLACE = re.compile(r"\s*[,،]?\s*(?:[وف]?في\s|ب(?=\S|$)|(?:in|of)\s)")  # in it: not "near", "north of"


def located_by_article(cf: Facts, placed: Sequence[Sentence], article: Sequence[Sentence]) -> set[str]:
    """The claim's places that a sentence of their article places in one its evidence names, right after the
    name ("منطقة حارة حريك بالضاحية الجنوبية لبيروت", "the Shati camp in Gaza City"); a name that holds the
    evidence's place counts ("الضاحية الجنوبية لبيروت" for بيروت). Near or beside a place is not in it."""
    theirs = {places.same_place(pid) for x in placed for pid in x.facts.places}
    if not theirs:
        return set()
    names = [
        fold(n).lower() for pid in theirs if (pl := places.get_place(pid)) is not None for n in (pl.name_ar, pl.name_en) if n
    ]
    out: set[str] = set()
    for pid in cf.places:
        key = places.same_place(pid)
        if key in theirs:
            continue
        for x in article:
            here = [pm for qid, pm in x.facts.places.items() if places.same_place(qid) == key]
            for pm in here:
                for qid, qm in x.facts.places.items():
                    if not 0 <= qm.start - pm.end <= 40 or qm.place.kind in _WIDE:
                        continue  # in a governorate or a country: not yet at the evidence's place
                    between = fold(x.plain[pm.end : qm.start]).lower()
                    if not _IN_PLACE.match(between):
                        continue
                    if places.same_place(qid) in theirs or any(n in fold(qm.text).lower() for n in names):
                        out.add(key)
    return out


def strip_kind(prefix: str) -> str:
    """The text before a place without its kind ("غرب محافظة" -> "غرب"), so a locator stays next to it."""
    return _KIND_BEFORE.sub(" ", prefix)
