"""Where a happening took place when its own sentence names no place: its paragraph, the paragraph before, the lead, a dateline."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import Protocol

from summarizer.articles import Article
from summarizer.reading import dates, facts, mood, places
from summarizer.reading.facts import SentenceFacts, triggers
from summarizer.reading.places import PlaceMatch
from summarizer.reading.text import dateline_end, fold
from summarizer.schemas import Event

_SAID_ONLY = (None, "statement", "diplomacy")
_FIRED = frozenset({"strike", "casualties"})
_NOT_A_SITE = frozenset({"road", "country"})  # a country is also named in titles ("the UN coordinator in Sudan")


class Line(Protocol):
    """One sentence of an article as the engine holds it."""

    @property
    def facts(self) -> SentenceFacts: ...
    @property
    def heading(self) -> bool: ...
    @property
    def paragraph(self) -> int: ...


@cache
def _movement() -> re.Pattern[str]:
    """The words before a place that make it where displaced people went or came from (events.json
    'movement'), then up to two words, at the end of the text before the place; group ``cue``: that word."""
    data = _movement_words()
    ar = "|".join(re.escape(fold(c)) for c in data["ar"])
    en = "|".join(re.escape(c.lower()) for c in data["en"])
    return re.compile(rf"(?:(?<![^\W\d_])[وف]?(?P<ar>{ar})|\b(?P<en>{en}))(?:\W+[^\W\d_]+){{0,2}}\W*$")


@cache
def _movement_words() -> dict[str, list[str]]:
    data: dict[str, list[str]] = json.loads(
        resources.files("summarizer.data").joinpath("events.json").read_text("utf-8")
    )["movement"]
    return data


@cache
def _origins() -> frozenset[str]:
    data = _movement_words()
    return frozenset([fold(c) for c in data["origin_ar"]] + [c.lower() for c in data["origin_en"]])


def _cue(f: SentenceFacts, p: PlaceMatch) -> str | None:
    """The movement word a place follows (the nearest one: "from Jabalia towards Gaza City": towards)."""
    before = fold(f.text[max(0, p.start - 80) : p.start]).lower()
    m = _movement().search(before)
    if m is None:
        return None
    inner = _movement().search(before, m.end("ar") if m.group("ar") else m.end("en"))
    while inner is not None:  # a nearer cue inside the words between
        m = inner
        inner = _movement().search(before, m.end("ar") if m.group("ar") else m.end("en"))
    return m.group("ar") or m.group("en")


# "في العاصمة السعودية الرياض", "in the Iraqi capital Baghdad": the capital's name follows
_CAPITAL = r"(?: (?:ال)?عاصمه(?: [^\W\d_]+)?| the (?:[^\W\d_]+ )?capital,?)?(?: the)? ?$"
# the bare locative before where someone is ("في مؤتمر صحفي بواشنطن": ب joined to the name)
_IN = re.compile(rf"(?<![^\W\d_])(?:(?:في|من|in|from){_CAPITAL}|ب$)")


@cache
def _spoken() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The words before a place that make it where a speaker spoke (events.json 'spoken_at'), at the end of
    the folded text before it: anywhere in the sentence, and at its very start (then a comma follows)."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))["spoken_at"]
    words = "|".join([re.escape(fold(w)) for w in data["ar"]] + [re.escape(w.lower()) for w in data["en"]])
    opening = "|".join([re.escape(fold(w)) for w in data["opening_ar"]] + [re.escape(w) for w in data["opening_en"]])
    return (
        re.compile(rf"(?<![^\W\d_])(?:{words}){_CAPITAL}"),
        re.compile(rf"^\W*(?:\d{{1,2}}[:.]\d{{2}}\W+)?و?(?:{opening}){_CAPITAL}"),
    )


def spoken_at(f: SentenceFacts) -> PlaceMatch | None:
    """Where the sentence places its speaker when speaking ("In Amman, officials condemned ...", "..., speaking
    in Baghdad, said", "وقال من مقر إقامته في عدن"); a city abroad after a bare "in"/"في" is where someone is
    ("officials in London", "مسؤول أممي في جنيف", "في مؤتمر صحفي بواشنطن"), placed in its seat. None if it places nobody."""
    anywhere, opening = _spoken()
    for p in f.places:
        before = fold(f.text[: p.start]).lower()
        if (
            anywhere.search(before)
            or (opening.match(before) and f.text[p.end : p.end + 1] in (",", "،"))
            or (p.place.kind == "foreign_city" and _IN.search(before))
        ):
            return p
    return None


# where a happening is, before a city's name: "in", "outside", "central", "near", "في", "وسط", "ب" joined to it
_AT = re.compile(
    r"(?<![^\W\d_])(?:in|inside|outside|near|central|downtown|across|into|at|في|داخل|وسط|قرب|بالقرب من|شمال|جنوب|شرق|غرب)"
    r"(?: (?:the )?(?:city|capital) of| (?:مدينه|العاصمه))?\s*$|(?<![^\W\d_])ب$"
)


def capital_happened_in(f: SentenceFacts) -> str | None:
    """The region of a capital of the region's countries that the gazetteer holds only as a city abroad (Ankara,
    Tehran: most often named for its government), when the sentence tells a happening in it ("outside Ankara's
    main railway station", "in central Tehran", "وسط أنقرة"), not one speaking ("Ankara denied")."""
    for p in f.located:
        seat = p.place.seat
        if seat is None or p.place.region is not None or places.capital_region(p.place.country) != seat:
            continue
        if _AT.search(fold(f.text[max(0, p.start - 30) : p.start]).lower()):
            return seat
    return None


def happening_places(f: SentenceFacts, event_type: str) -> list[PlaceMatch]:
    """The sentence's located places, less, for any happening but the displacement itself, those named
    after its displacement cue as where people fled to or from ("strikes on the suburbs, sending thousands
    to seek shelter in central Beirut", "ونزح آلاف السكان من الجنوب باتجاه صيدا"); for the displacement,
    where people fled from when the sentence names it ("من الجنوب"), else all. For a strike or a toll, where
    the fire came from is not the site when the sentence names another place ("a drone launched from
    southern Lebanon hit Nahariya", "صواريخ أطلقت من جنوب لبنان على كريات شمونة")."""
    located = f.located
    if not located:
        return located
    if event_type == "displacement":  # where they fled from, when the sentence says it; else not where to
        cues = [(p, _cue(f, p)) for p in located]
        from_ = [p for p, c in cues if c in _origins()]
        to = min((p.start for p, c in cues if c is not None and c not in _origins()), default=len(f.text))
        # "150,000 have left eastern Rafah, most heading towards al-Mawasi"; not what follows where they went
        unmoved = [p for p, c in cues if c is None and p.start < to]
        return from_ or unmoved or located
    moved = [p for p in located if _cue(f, p) is not None]
    if not moved:  # most sentences: no place after "to", "from", "نحو"...; no need to read the cues again
        return located
    fled = [t.start for t in triggers(fold(f.text)) if t.kind == "displacement"]
    gone = {id(p) for p in moved if fled and len(fold(f.text[: p.start])) > min(fled)}
    if event_type in _FIRED:  # "rockets fired from southern Lebanon at Kiryat Shmona": where the fire came
        # from is not where it hit, when the sentence names another place
        origins = {id(p) for p in moved if _cue(f, p) in _origins()}
        if len(origins | gone) < len(located):
            gone |= origins
    return [p for p in located if id(p) not in gone]


def country_of(sentences: Iterable[SentenceFacts]) -> str | None:
    """The country most of an article's places lie in (a dateline's included), if more than half do: the
    country the article is about, where a place's home names count (``places.find_places(text, home)``)."""
    countries = Counter(p.place.country for f in sentences for p in f.places if p.place.country)
    if not countries:
        return None
    country, n = countries.most_common(1)[0]
    return country if n * 2 > sum(countries.values()) else None


@lru_cache(maxsize=256)  # the checker asks it for each claim that names a country-dependent party
def article_country(article: Article) -> str | None:
    """:func:`country_of` an article's body sentences."""
    return country_of(facts.read(span.of(article.text), article.published_at) for span in article.body)


def _dateline_region(f: SentenceFacts) -> str | None:
    """The region of the place a wire dateline names ("غزة، 10 آب (وكالة الساحل) -", "KHAN YOUNIS, Jan 16")."""
    end = dateline_end(f.text)
    if not end:
        return None
    return places.main_region_of([p for p in f.places if p.end <= end])


def _compatible(region: str, f: SentenceFacts) -> bool:
    """A region does not contradict the sentence: it names no place of another country ("rockets on
    northern Israel" is not placed in the Lebanese town of the sentence before), nor a site of one
    ("استهدفوا موقع المالكية الإسرائيلي")."""
    where = places.get_place(region)
    if where is None:
        return False
    start = dateline_end(f.text)
    if any(country != where.country for country in sites_of(f.text)):
        return False
    return all(p.place.country == where.country for p in f.places if p.start >= start)


@cache
def _site_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(country, pattern) for the sites a text names with a country's adjective (gazetteer 'sites_of_country')."""
    data = json.loads(resources.files("summarizer.data").joinpath("gazetteer.json").read_text("utf-8"))
    g = data["grammar"]["sites_of_country"]
    site_ar = "|".join(re.escape(fold(w)) for w in sorted(g["site_ar"], key=len, reverse=True))
    site_en = "|".join(re.escape(fold(w)) for w in sorted(g["site_en"], key=len, reverse=True))
    out = []
    for country, adj in g["adjectives"].items():
        ar = "|".join(re.escape(fold(w)) for w in adj["ar"])
        en = "|".join(re.escape(fold(w)) for w in adj["en"])
        out.append(
            (
                country,
                re.compile(
                    rf"(?<![^\W\d_])(?:[وبل]|ال|وال|بال|لل)?(?:{site_ar})(?:\s+[^\W\d_]+){{0,2}}?\s+(?:{ar})(?![^\W\d_])"
                    rf"|\b(?:{en})\s+(?:(?:army|military)\s+)?(?:{site_en})\b"
                ),
            )
        )
    return tuple(out)


@lru_cache(maxsize=4096)
def sites_of(text: str) -> frozenset[str]:
    """The countries (ISO 3166-1 alpha-2) whose sites the text names by the country's adjective."""
    folded = fold(text)
    return frozenset(country for country, pattern in _site_patterns() if pattern.search(folded))


def _wide_site(f: SentenceFacts) -> bool:
    """The sentence names its own site, wider than a first-level region or outside any ("across the Gaza
    Strip", "in the northern West Bank", "في جنوب سيناء"... , "north of Jerusalem"): its happening is there, not
    in the region an earlier sentence names."""
    return any(p.place.region is None and p.place.kind not in _NOT_A_SITE for p in f.located)


# "لكن ما جرى في الناصرية أمس الخميس تجاوز كل ما سبقه", "what happened in Jenin on Monday": a sentence that
# names where things happened, before the sentences that tell them
_WHAT_HAPPENED = re.compile(
    r"(?<![^\W\d_])(?:ما (?:جري|يجري|حدث|يحدث)|الاحداث|احداث|what (?:happened|took place)|the events|the violence|"
    r"the unrest)(?: [^\W\d_]+)? (?:في|ب|in|at)(?![^\W\d_])"
)


def _happening_region(f: SentenceFacts) -> str | None:
    """The region of a sentence that reports a happening (said or seen), or says where things happened
    ("ما جرى في الناصرية"): crowds celebrating in a city, a visit or a phone call place nothing else."""
    if f.said_type in _SAID_ONLY and not _WHAT_HAPPENED.search(fold(f.text)):
        return None
    return f.region()


# a settlement named by its common noun and a proper name: "the southern town of Maaysrah", "في بلدة بوداي"
_TOWN = re.compile(
    r"\b(?:town|village|city|hamlet|camp) of (?P<en>[A-Z][\w'-]+)"
    r"|(?<![^\W\d_])[وفب]?(?:بلده|قريه|مدينه|مخيم)\s+(?!(?:ال)?(?:مجاوره|قريبه|نفسها|ذاتها)(?![^\W\d_]))(?P<ar>[^\W\d_]{3,})"
)


def _unknown_town(f: SentenceFacts) -> bool:
    """The sentence names a town, village or camp the gazetteer does not know (and no place it knows)."""
    if f.located:
        return False
    return any(
        m.group("en") or m.group("ar") for m in _TOWN.finditer(f.text if f.text.isascii() else fold(f.text))
    )


def placing(article: Sequence[Line], n: int, *, story: bool = False) -> tuple[str, int] | None:
    """(region slug, index of the sentence that names it) for the n-th sentence of an article, which names
    no region of its own; None when nothing fits. In order: its own dateline; the nearest earlier sentence
    of its paragraph, then of the paragraph before (of any paragraph when it names a place told before: "the
    city"), that places a happening; the lead paragraph and the
    heading above it; an earlier dateline. A sub-heading ends the search (a new section), and a place of
    another country in the sentence rules a region out. ``story``: a count over the story's days is where
    the story is (its lead, heading, dateline), not where the sentence before it was.

    The sentence that names the region is returned so that it can be cited beside the event's own."""
    own = article[n].facts
    if _wide_site(own):
        return None
    dated = _dateline_region(own)
    if dated is not None and _compatible(dated, own):
        # "SANAA (Wire) - A strike in northern Yemen ..." under "... in Yemen's Saada": the heading says where
        # the story is, the dateline where the reporter was
        home = places.get_place(dated)
        for k in range(n):
            if not article[k].heading:
                continue
            titled = article[k].facts.region()
            other = places.get_place(titled) if titled is not None else None
            if (
                titled is not None
                and other is not None
                and titled != dated
                and home is not None
                and other.country == home.country
                and _compatible(titled, own)
            ):
                return titled, k
        return dated, n
    earlier: list[int] = []
    for k in range(n - 1, -1, -1):
        day_line = dates.only_a_day(article[k].facts.text, article[k].facts.dates)
        if article[k].heading and not day_line and any(not article[j].heading for j in range(k)):
            break  # a sub-heading: what comes before it is another section (a timeline's day is none)
        earlier.append(k)
    mine = article[n].paragraph
    before = max((article[k].paragraph for k in earlier if article[k].paragraph < mine), default=None)
    lead = min((article[k].paragraph for k in earlier if not article[k].heading), default=None)
    # "غرب المدينة", "the town's hospital": the place told last, however many paragraphs back; a town the
    # gazetteer does not know ("In the southern town of Maaysrah") is not where the sentence before was
    told = mood.names_a_told_place(own.text)
    near = [k for k in earlier if told or (not story and article[k].paragraph in (mine, before))]
    unknown = not told and _unknown_town(own)
    if unknown:
        near = []
    top = [k for k in earlier if k not in near and (article[k].paragraph == lead or article[k].heading)]
    for k in [*near, *top]:  # the lead and the heading place the story, whatever their verbs
        f = article[k].facts
        story = article[k].paragraph == lead or article[k].heading
        region = f.region() if story else _happening_region(f)
        if unknown and len({m.place.country for m in f.located}) > 1:
            continue  # a lead telling happenings in two countries does not say which one the town is in
        if region is not None and _compatible(region, own):
            return region, k
    for k in [] if unknown else earlier:  # where a report was filed is not where an unknown town is
        region = _dateline_region(article[k].facts)
        if region is not None and _compatible(region, own):
            return region, k
    return None


@lru_cache(maxsize=8192)
def regions_in(quote: str) -> frozenset[str]:
    """The regions a quote names (a road's ends included), wherever they stand in it."""
    return frozenset(r for m in places.find_places(quote) for r in places.regions_named(m))


def placing_quotes(e: Event) -> set[tuple[str, str]]:
    """(article id, quote) of the quotes an event cites only for where it was: its own sentence (its first
    quote) names no place of its region, and a later quote of that article does (the sentence before that
    placed it). Such a quote supports the region, not the happening: it reports another one, or none."""
    if e.region is None or len(e.evidence) < 2:
        return set()
    first = e.evidence[0]
    if e.region in regions_in(first.quote):
        return set()
    return {
        (ev.article_id, ev.quote)
        for ev in e.evidence[1:]
        if ev.article_id == first.article_id and ev.quote != first.quote and e.region in regions_in(ev.quote)
    }
