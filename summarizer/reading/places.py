"""Places: the bilingual gazetteer of the region's first-level subdivisions, towns and sites, and the matcher."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from typing import Any, Literal, NamedTuple, get_args

from summarizer.reading.text import fold, fold_with_offsets

PlaceKind = Literal[
    "governorate",
    "city",
    "town",
    "village",
    "district",
    "airport",
    "road",
    "military_site",
    "landmark",
    "area",
    "country",
    "foreign_city",
    "camp",
    "crossing",
    "sea",
]
Qualifier = Literal["countryside", "city", "governorate"]
_KINDS: dict[str, PlaceKind] = {k: k for k in get_args(PlaceKind)}
_QUALIFIERS: frozenset[str] = frozenset(get_args(Qualifier))


@dataclass(frozen=True, slots=True)
class Region:
    """A first-level subdivision (ISO 3166-2): a Syrian or Iraqi governorate, an Israeli district, a Turkish
    province, a Sudanese state..."""

    slug: str
    iso: str  # ISO 3166-2 code, e.g. "SY-HL", "PS-GZA"
    name_ar: str
    name_en: str
    aliases: tuple[str, ...]  # every Arabic and English variant, the names included, as written in the data
    country: str  # ISO 3166-1 alpha-2
    lat: float  # the capital's or an approximate centre's coordinates, WGS84 degrees
    lon: float

    @property
    def name(self) -> str:
        """The English display name."""
        return self.name_en


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry (a governorate is a place too, of kind 'governorate')."""

    id: str
    kind: PlaceKind
    name_ar: str
    name_en: str
    region: str | None  # region slug; None for a country, roads across regions, the Gaza Strip, cities abroad
    country: str  # ISO 3166-1 alpha-2
    lat: float  # WGS84 degrees, approximate (a town's centre, a road's midpoint, a country's capital)
    lon: float
    # a city abroad: the region a speaker there is placed in ("said in Washington": US-DC); its name alone
    # places no happening there, as "Washington" mostly stands for a government
    seat: str | None = None


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A place named in a text; ``text == original[start:end]`` (the name only, without و/ب/ل/ف/ك)."""

    start: int
    end: int
    text: str
    place: Place
    qualifier: str | None  # "countryside" (ريف X, X countryside), "city" (مدينة X, the city of X), else None
    direction: str | None  # "north", ..., "north-west" (شمال X, ريف X الشمالي, northern X), else None


# ------------------------------------------------------------------ tokens

_AR, _LAT, _HYPHEN, _PUNCT = 0, 1, 2, 3
_TOKEN_RE = re.compile(
    r"(?P<a>[\u0621-\u063a\u0641-\u064a\u066e-\u06d3\u06fa-\u06ff]+)"
    r"|(?P<acr>[a-z](?:\.[a-z])+\.?)"
    r"|(?P<l>[^\W_\u0600-\u06ff]+(?:'[^\W_\u0600-\u06ff]+)*)"
    r"|(?P<h>-)"
    r"|(?P<p>[^\w\s])"
)


class _Tok(NamedTuple):
    text: str  # folded; Latin: "'s" and acronym dots removed
    start: int  # [start, end) in the folded text
    end: int
    kind: int


_NEW = tuple.__new__


def _tokenize(folded: str) -> list[_Tok]:
    """Tokens of a folded text. A hyphen between two Latin words is dropped (Deir ez-Zor == Deir ez Zor)."""
    raw: list[_Tok] = []
    hyphens = False
    for m in _TOKEN_RE.finditer(folded):
        group = m.lastgroup
        s, e = m.start(), m.end()
        t = m.group()
        # tuple.__new__ builds the named tuple without a call of its Python-level __new__
        if group == "a":
            raw.append(_NEW(_Tok, (t, s, e, _AR)))
        elif group == "acr":
            raw.append(_NEW(_Tok, (t.replace(".", ""), s, e, _LAT)))
        elif group == "l":
            if t.endswith("'s") and len(t) > 2:
                t, e = t[:-2], e - 2
            raw.append(_NEW(_Tok, (t, s, e, _LAT)))
        elif group == "h":
            raw.append(_NEW(_Tok, ("-", s, e, _HYPHEN)))
            hyphens = True
        else:
            raw.append(_NEW(_Tok, (t, s, e, _PUNCT)))
    if not hyphens:
        return raw
    out: list[_Tok] = []
    for i, tok in enumerate(raw):
        if (
            tok.kind == _HYPHEN
            and out
            and out[-1].kind == _LAT
            and i + 1 < len(raw)
            and raw[i + 1].kind == _LAT
        ):
            continue
        out.append(tok)
    return out


def _is_word(tok: _Tok) -> bool:
    return tok.kind in (_AR, _LAT)


# ------------------------------------------------------------------ the loaded gazetteer


@dataclass(frozen=True, slots=True)
class _Alias:
    rest: tuple[str, ...]  # folded tokens after the first one
    article: int  # 0: the name has no article; 1: article required; 2: article optional
    entry: _Entry
    context: bool  # counts only in a place context
    exact: str | None  # case-sensitive English form (dots removed), e.g. "US"
    home: bool = False  # counts in an article about the place's country too (ar_home, en_home)


@dataclass(frozen=True, slots=True)
class _Entry:
    place: Place
    not_before: frozenset[str]
    not_after: frozenset[str]  # words right before the name that show it is a common word (الظروف القاهرة)
    context_before: frozenset[str]
    ambiguity: Literal["word", "place"]
    article_required: bool  # الضالع never matches as bare ضالع ('implicated'), البقاع never as بقاع


_NO_ARTICLE, _ARTICLE_REQUIRED, _ARTICLE_OPTIONAL = 0, 1, 2


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    regions: tuple[Region, ...]
    region_keys: Mapping[str, str | None]  # normalised slug / ISO / alias -> slug; None: names two regions
    governorate_places: Mapping[str, Place]  # slug -> the region as a place (kind 'governorate')
    governorate_regions: Mapping[str, Region]  # slug -> region
    city_of: Mapping[str, Place]  # slug -> the capital sharing its name
    countryside_of: Mapping[str, str]  # slug -> the governorate "<name> countryside" means
    by_id: Mapping[str, Place]  # every place, the regions and their capitals included
    index: Mapping[str, tuple[_Alias, ...]]  # first-token core -> aliases
    proclitics: tuple[str, ...]
    qualifiers_ar: Mapping[str, str]
    shared_qualifiers_ar: frozenset[str]
    qualifiers_en: Mapping[str, str]
    fillers_en: frozenset[str]
    directions_before_ar: Mapping[str, str]
    directions_after_ar: Mapping[str, str]
    directions_en: Mapping[str, str]
    triggers: frozenset[str]
    connectors: frozenset[str]
    chain_words: frozenset[str]
    outlet_words: frozenset[str]  # with ل/ب/و: an outlet's name the place follows (لوكالة جبل مرة)
    street_words: frozenset[str]  # a street named after a town (Zawiya Street)
    gov_level_ids: frozenset[str]  # regions and the capitals sharing their names
    holds: Mapping[str, frozenset[str]]  # an area -> the regions it is made of (the West Bank's governorates)
    capitals: Mapping[str, str]  # ISO 3166-1 alpha-2 -> the slug of the region holding the country's capital


def _folded_words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(v) for v in values)


def _folded_map(values: Mapping[str, str]) -> dict[str, str]:
    return {fold(k): v for k, v in values.items()}


def _region_key(text: str) -> str:
    return " ".join(t.text for t in _tokenize(fold(text)) if _is_word(t))


def _strs(obj: Mapping[str, Any], key: str) -> list[str]:
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        where = obj.get("id") or obj.get("slug")
        raise ValueError(f"gazetteer: {key!r} must be a list of strings in {where}")
    return value


def _first_name(*lists: Sequence[str]) -> str:
    for names in lists:
        if names:
            return names[0]
    return ""


def _coordinates(obj: Mapping[str, Any]) -> tuple[float, float]:
    lat, lon = obj.get("lat"), obj.get("lon")
    if not isinstance(lat, int | float) or not isinstance(lon, int | float) or not (-90 <= lat <= 90):
        raise ValueError(f"gazetteer: lat/lon missing or out of range in {obj.get('id') or obj.get('slug')}")
    return float(lat), float(lon)


class _IndexBuilder:
    def __init__(self, min_core: int) -> None:
        self.min_core = min_core
        self.index: dict[str, list[_Alias]] = {}
        self.owners: dict[tuple[str, tuple[str, ...], bool], dict[str, bool]] = {}  # key -> {id: context}

    def add(self, name: str, entry: _Entry, *, context: bool, exact: bool = False, home: bool = False) -> None:
        toks = [t for t in _tokenize(fold(name)) if t.kind != _PUNCT or t.text == "-"]
        if not toks or not _is_word(toks[0]):
            raise ValueError(f"gazetteer: bad name {name!r} in {entry.place.id}")
        first = toks[0].text
        rest = tuple(t.text for t in toks[1:])
        article = _NO_ARTICLE
        if toks[0].kind == _AR and first.startswith("ال") and len(first) > 3:
            first = first[2:]
            optional = len(first) >= self.min_core and not entry.article_required
            article = _ARTICLE_OPTIONAL if optional else _ARTICLE_REQUIRED
        exact_form = name.replace(".", "") if exact else None
        key = (first, rest, exact)
        owners = self.owners.setdefault(key, {})
        pid = entry.place.id
        if pid in owners:
            aliases = self.index[first]
            for n, old in enumerate(aliases):  # سلمية + السلمية: one alias, article optional
                if old.rest == rest and old.entry is entry and old.article != article:
                    aliases[n] = _Alias(rest, _ARTICLE_OPTIONAL, entry, old.context and context, old.exact)
            return
        # a name may be shared by several places when at most one of them counts it without context
        # (أريحا: Ariha in Idlib, Jericho only with a West Bank place beside it; طرابلس: Lebanon's or Libya's)
        plain = [other for other, ctx in owners.items() if not ctx]
        if plain and not context:
            raise ValueError(f"gazetteer: {name!r} names both {plain[0]} and {pid}")
        owners[pid] = context
        self.index.setdefault(first, []).append(_Alias(rest, article, entry, context, exact_form, home))

    def add_names(self, obj: Mapping[str, Any], entry: _Entry) -> None:
        for name in _strs(obj, "ar") + _strs(obj, "en"):
            self.add(name, entry, context=False)
        for name in _strs(obj, "en_exact"):
            self.add(name, entry, context=False, exact=True)
        for name in _strs(obj, "ar_context") + _strs(obj, "en_context"):
            self.add(name, entry, context=True)
        for name in _strs(obj, "ar_home") + _strs(obj, "en_home"):
            self.add(name, entry, context=True, home=True)


def _entry(obj: Mapping[str, Any], place: Place) -> _Entry:
    ambiguity = obj.get("ambiguity", "word")
    if ambiguity not in ("word", "place"):
        raise ValueError(f"gazetteer: bad ambiguity {ambiguity!r} for {place.id}")
    return _Entry(
        place,
        _folded_words(_strs(obj, "not_before")),
        _folded_words(_strs(obj, "not_after")),
        _folded_words(_strs(obj, "context_before")),
        "place" if ambiguity == "place" else "word",
        bool(obj.get("article_required", False)),
    )


def _load(data: Mapping[str, Any]) -> _Gazetteer:
    grammar: Mapping[str, Any] = data["grammar"]
    builder = _IndexBuilder(int(grammar["min_core_without_article"]))
    regions: list[Region] = []
    region_keys: dict[str, str | None] = {}
    gov_places: dict[str, Place] = {}
    city_of: dict[str, Place] = {}
    countryside_of: dict[str, str] = {}
    by_id: dict[str, Place] = {}

    def add_place(place: Place) -> None:
        if place.id in by_id:
            raise ValueError(f"gazetteer: duplicate id {place.id}")
        by_id[place.id] = place

    for g in data["regions"]:
        slug, iso, country = str(g["slug"]), str(g["iso"]), str(g["country"])
        if not iso.startswith(country + "-"):
            raise ValueError(f"gazetteer: {slug}: ISO code {iso} is not in country {country}")
        ar_all = _strs(g, "ar") + _strs(g, "ar_context") + _strs(g, "ar_home") + _strs(g, "ar_lookup")
        en_all = (
            _strs(g, "en") + _strs(g, "en_exact") + _strs(g, "en_context") + _strs(g, "en_home") + _strs(g, "en_lookup")
        )
        if not ar_all or not en_all:
            raise ValueError(f"gazetteer: region {slug} needs an Arabic and an English name")
        names = tuple(dict.fromkeys(ar_all + en_all))
        contextual = _strs(g, "ar_context") + _strs(g, "en_context") + _strs(g, "ar_home") + _strs(g, "en_home")
        shared = set(contextual) if g.get("ambiguity") == "place" else set()
        lat, lon = _coordinates(g)
        regions.append(Region(slug, iso, ar_all[0], en_all[0], names, country, lat, lon))
        place = Place(slug, "governorate", ar_all[0], en_all[0], slug, country, lat, lon)
        gov_places[slug] = place
        add_place(place)
        builder.add_names(g, _entry(g, place))
        for key in {_region_key(k) for k in [slug, iso, *names] if k not in shared}:  # Tripoli: no answer
            region_keys[key] = slug if region_keys.get(key, slug) == slug else None
        if g.get("city"):
            city_of[slug] = Place(f"{slug}-city", "city", ar_all[0], en_all[0], slug, country, lat, lon)
            add_place(city_of[slug])
        if g.get("countryside"):
            countryside_of[slug] = str(g["countryside"])

    slugs = set(gov_places)
    if sum(r.country == "SY" for r in regions) != 14 or any(v not in slugs for v in countryside_of.values()):
        raise ValueError("gazetteer: expected Syria's 14 governorates")

    holds: dict[str, frozenset[str]] = {}
    for p in data["places"]:
        pid, kind = str(p["id"]), str(p["kind"])
        gov = p.get("region")
        if kind not in _KINDS or kind == "governorate":
            raise ValueError(f"gazetteer: bad kind {kind!r} for {pid}")
        if gov is not None and gov not in slugs:
            raise ValueError(f"gazetteer: unknown region {gov!r} for {pid}")
        country = str(p["country"]) if "country" in p else gov_places[gov].country if gov else "SY"
        if gov is not None and gov_places[gov].country != country:
            raise ValueError(f"gazetteer: {pid} is in {gov} but says country {country}")
        seat = p.get("seat")
        if seat is not None and (kind != "foreign_city" or seat not in slugs or gov_places[seat].country != country):
            raise ValueError(f"gazetteer: the seat {seat!r} of {pid} must be a region of its country, for a city abroad")
        ar, en, en_exact = _strs(p, "ar"), _strs(p, "en"), _strs(p, "en_exact")
        ar_ctx = _strs(p, "ar_context") + _strs(p, "ar_home")
        en_ctx = _strs(p, "en_context") + _strs(p, "en_home")
        lat, lon = _coordinates(p)
        place = Place(
            pid,
            _KINDS[kind],
            _first_name(ar, ar_ctx),
            _first_name(en, en_exact, en_ctx),
            gov,
            country,
            lat,
            lon,
            None if seat is None else str(seat),
        )
        add_place(place)
        builder.add_names(p, _entry(p, place))
        if "holds" in p:
            held = frozenset(_strs(p, "holds"))
            if kind != "area" or not held or not held <= slugs:
                raise ValueError(f"gazetteer: 'holds' of {pid} must list regions, for an area")
            holds[pid] = held

    gov_level = frozenset(slugs | {c.id for c in city_of.values()})

    def words(key: str) -> frozenset[str]:
        return _folded_words(grammar[key])

    return _Gazetteer(
        regions=tuple(regions),
        region_keys=region_keys,
        governorate_places=gov_places,
        governorate_regions={r.slug: r for r in regions},
        city_of=city_of,
        countryside_of=countryside_of,
        by_id=by_id,
        index={k: tuple(v) for k, v in builder.index.items()},
        proclitics=tuple(sorted({fold(x) for x in grammar["proclitics"]}, key=len, reverse=True)),
        qualifiers_ar=_checked_qualifiers(_folded_map(grammar["qualifiers_ar"])),
        shared_qualifiers_ar=words("shared_qualifiers_ar"),
        qualifiers_en=_checked_qualifiers(_folded_map(grammar["qualifiers_en"])),
        fillers_en=words("fillers_en"),
        directions_before_ar=_folded_map(grammar["directions_before_ar"]),
        directions_after_ar=_folded_map(grammar["directions_after_ar"]),
        directions_en=_folded_map(grammar["directions_en"]),
        triggers=words("triggers"),
        connectors=words("connectors"),
        chain_words=words("chain_words"),
        outlet_words=frozenset(p + w for w in words("outlet_words") for p in ("", "ل", "ب", "و")),
        street_words=words("street_words"),
        gov_level_ids=gov_level,
        holds=holds,
        capitals={k: v for k, v in data["capitals"].items() if k != "about"},
    )


def _checked_qualifiers(mapping: dict[str, str]) -> dict[str, str]:
    bad = set(mapping.values()) - _QUALIFIERS
    if bad:
        raise ValueError(f"gazetteer: unknown qualifiers {sorted(bad)}")
    return mapping


@cache
def _gaz() -> _Gazetteer:
    raw = resources.files("summarizer.data").joinpath("gazetteer.json").read_text("utf-8")
    return _load(json.loads(raw))


@lru_cache(maxsize=1 << 16)
def _readings(word: str) -> tuple[tuple[int, bool, str], ...]:
    """Readings of an Arabic word as proclitics + article? + core: (proclitic length, article?, core)."""
    out: list[tuple[int, bool, str]] = []
    for p in ("", *_gaz().proclitics):
        if not word.startswith(p):
            continue
        rest = word[len(p) :]
        if len(rest) < 2:
            continue
        out.append((len(p), False, rest))
        if p.endswith("ل"):
            if rest.startswith("ل") and len(rest) > 2:  # ل + ال -> لل
                out.append((len(p), True, rest[1:]))
        elif rest.startswith("ال") and len(rest) > 3:
            out.append((len(p), True, rest[2:]))
    return tuple(out)


@lru_cache(maxsize=1 << 16)  # words repeat across sentences; the answer depends on the word alone
def _starts_ar(word: str) -> tuple[tuple[int, bool, tuple[_Alias, ...]], ...]:
    """The readings of an Arabic word that start a gazetteer name: (proclitic length, article?, aliases)."""
    index = _gaz().index
    return tuple((plen, art, index[core]) for plen, art, core in _readings(word) if index.get(core))


@lru_cache(maxsize=1 << 16)
def _starts_lat(word: str) -> tuple[tuple[int, bool, tuple[_Alias, ...]], ...]:
    """A Latin word as the start of gazetteer names: at most one reading, the word itself."""
    aliases = _gaz().index.get(word)
    return ((0, False, aliases),) if aliases else ()


def _bare_cores(tok: _Tok) -> set[str]:
    """The word and its cores without article (بمدينة -> مدينه); the word itself for Latin."""
    if tok.kind == _AR:
        return {core for _, art, core in _readings(tok.text) if not art} | {tok.text}
    return {tok.text}


# ------------------------------------------------------------------ matching


@dataclass
class _Cand:
    i: int  # first token
    j: int  # one past the last token
    start: int  # folded span
    end: int
    entry: _Entry
    context: bool
    prefix: str  # proclitics on the first token (و, ب, وب...)
    home: bool = False  # a name that counts in an article about its place's country


def _candidates(
    toks: Sequence[_Tok], original: str, orig_span: Callable[[int, int], tuple[int, int]]
) -> list[_Cand]:
    out: list[_Cand] = []
    n = len(toks)
    texts: list[str] | None = None
    gaz = _gaz()
    outlets, streets = gaz.outlet_words, gaz.street_words
    for i, tok in enumerate(toks):
        if tok.kind == _AR:
            starts = _starts_ar(tok.text)
        elif tok.kind == _LAT:
            starts = _starts_lat(tok.text)
        else:
            continue
        for plen, art, aliases in starts:
            for alias in aliases:
                if art and alias.article == _NO_ARTICLE:
                    continue
                if not art and alias.article == _ARTICLE_REQUIRED:
                    continue
                k = len(alias.rest)
                if i + 1 + k > n:
                    continue
                if k:
                    texts = texts or [t.text for t in toks]
                    if tuple(texts[i + 1 : i + 1 + k]) != alias.rest:
                        continue
                j = i + 1 + k
                start = tok.start + plen
                if art and plen and tok.text[plen - 1] == "ل":
                    start -= 1  # للأتارب: keep the lam that carries the article
                end = toks[j - 1].end
                if alias.exact is not None:
                    s, e = orig_span(start, end)
                    if original[s:e].replace(".", "") != alias.exact:
                        continue
                if j < n and _is_word(toks[j]) and toks[j].text in alias.entry.not_before:
                    continue
                if not plen and i > 0 and _is_word(toks[i - 1]) and toks[i - 1].text in alias.entry.not_after:
                    continue
                if not plen and i > 0 and toks[i - 1].text in outlets:
                    continue  # "لوكالة جبل مرة", "شبكة حضرموت الإخبارية": an outlet's name, not where it happened
                if j < n and toks[j].text in streets:
                    continue  # "Zawiya Street", "Hamra Street": a street named after a town, not the town
                out.append(_Cand(i, j, start, end, alias.entry, alias.context, tok.text[:plen], alias.home))
    return out


def _region_ok(a: Place, b: Place) -> bool:
    return a.country == b.country and (a.region is None or b.region is None or a.region == b.region)


def _two_regions(a: Place, b: Place) -> bool:
    """Two first-level regions of one country, coordinated ("إلى أربيل والسليمانية": Iraq's, not a district of
    Aleppo named like one)."""
    return a.country == b.country and a.kind == b.kind == "governorate"


def _next_place(c: _Cand, toks: Sequence[_Tok], by_start: Mapping[int, _Cand]) -> tuple[_Cand, bool] | None:
    """The counted place right after ``c`` across connector words: (place, reached by coordination only)."""
    gaz = _gaz()
    k, steps, crossed, chained = c.j, 0, False, False
    while k < len(toks) and steps < 4 and _is_word(toks[k]):
        nxt = by_start.get(k)
        if nxt is not None:
            return nxt, not crossed and (chained or nxt.prefix.startswith("و"))
        if toks[k].text in gaz.chain_words and not chained:
            chained = True
        elif _bare_cores(toks[k]) & gaz.connectors:
            crossed = True
        else:
            return None
        k += 1
        steps += 1
    return None


def _prev_place(c: _Cand, toks: Sequence[_Tok], by_end: Mapping[int, _Cand]) -> _Cand | None:
    """A counted place coordinated right before ``c`` (حلب والباب, Nubl and Zahraa)."""
    if c.prefix.startswith("و"):
        return by_end.get(c.i)
    if c.i > 0 and toks[c.i - 1].text in _gaz().chain_words:
        return by_end.get(c.i - 1)
    return None


_QUOTES = frozenset('"«»“”\'')


def _triggered(c: _Cand, toks: Sequence[_Tok]) -> bool:
    gaz = _gaz()
    extra = c.entry.context_before
    if c.prefix and any(ch in extra for ch in c.prefix):
        return True
    k = c.i - 1
    # 'تحرير "سرت"', 'the "liberation" of Sirte': a quote mark between keeps the word before
    while k > 0 and toks[k].text in _QUOTES:
        k -= 1
    if k < 0 or not _is_word(toks[k]):
        return False
    cores = _bare_cores(toks[k])
    if cores & gaz.triggers or cores & extra:
        return True
    return toks[k].text == "of" and k > 0 and toks[k - 1].text in gaz.triggers


def _resolve_context(
    cands: list[_Cand], toks: Sequence[_Tok], home: str | None = None
) -> tuple[list[_Cand], list[_Cand]]:
    """The names kept (the context-only ones that stand in a place context, see the gazetteer's 'about', or
    name a place of the ``home`` country by a home name), and the context-only names left out."""
    accepted = [c for c in cands if not c.context]
    pending = [c for c in cands if c.context]
    changed = True
    while pending and changed:
        changed = False
        by_start: dict[int, _Cand] = {}
        by_end: dict[int, _Cand] = {}
        for c in accepted:
            if c.i not in by_start or c.j > by_start[c.i].j:
                by_start[c.i] = c
            if c.j not in by_end or c.i < by_end[c.j].i:
                by_end[c.j] = c
        still: list[_Cand] = []
        for c in pending:
            if _context_ok(c, toks, by_start, by_end, home):
                accepted.append(c)
                changed = True
            else:
                still.append(c)
        pending = still
    return accepted, pending


def _context_ok(
    c: _Cand,
    toks: Sequence[_Tok],
    by_start: Mapping[int, _Cand],
    by_end: Mapping[int, _Cand],
    home: str | None = None,
) -> bool:
    place = c.entry.place
    nxt = _next_place(c, toks, by_start)
    if nxt is not None and not nxt[1]:  # X بريف حلب / X in Y: Y must be where X is
        if not _region_ok(place, nxt[0].entry.place):
            return False
        if place.region is not None:
            return True
    if c.home and place.country == home:  # رفح in a report from Sinai, "the southern suburbs" from Beirut
        return True
    neighbours = [p for p in (_prev_place(c, toks, by_end), nxt[0] if nxt else None) if p is not None]
    for other in neighbours:  # coordinated with a place
        if c.entry.ambiguity == "word" or _region_ok(place, other.entry.place) or _two_regions(place, other.entry.place):
            return True
    if c.entry.ambiguity == "place":  # only the entry's own words (العاصمة الليبية طرابلس, Libya's Tripoli)
        return _own_context(c, toks)
    return _triggered(c, toks)


def _own_context(c: _Cand, toks: Sequence[_Tok]) -> bool:
    extra = c.entry.context_before
    if not extra:
        return False
    if c.prefix and any(ch in extra for ch in c.prefix):
        return True
    return any(_is_word(toks[k]) and _bare_cores(toks[k]) & extra for k in range(max(0, c.i - 3), c.i))


def _select(cands: list[_Cand]) -> list[_Cand]:
    """Non-overlapping, longest first, then a name its context confirmed (Jericho beside a West Bank place
    over Idlib's Ariha), then in text order."""
    taken: set[int] = set()
    chosen: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), not c.context, c.start)):
        span = range(c.i, c.j)
        if any(t in taken for t in span):
            continue
        taken.update(span)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


# ------------------------------------------------------------------ qualifiers and directions


def _combine(first: str, second: str) -> str:
    if first in ("north", "south") and second in ("east", "west"):
        return f"{first}-{second}"
    if second in ("north", "south") and first in ("east", "west"):
        return f"{second}-{first}"
    return first


def _ar_direction_before(toks: Sequence[_Tok], k: int) -> str | None:
    """شمال حلب, شمال غرب سوريا (north-west), شمال وشرق حماة (north: the first named)."""
    dirs = _gaz().directions_before_ar

    def read(idx: int) -> tuple[str, str] | None:
        if idx < 0 or toks[idx].kind != _AR:
            return None
        for plen, art, core in _readings(toks[idx].text):
            if not art and core in dirs:
                return dirs[core], toks[idx].text[:plen]
        return None

    last = read(k)
    if last is None:
        return None
    before = read(k - 1)
    if before is None:
        return last[0]
    if last[1] == "":
        return _combine(before[0], last[0])
    if last[1] == "و":
        return before[0]
    return last[0]


def _ar_before(toks: Sequence[_Tok], c: _Cand) -> tuple[str | None, str | None, str | None]:
    """(qualifier, the qualifier word, direction) from the words before an Arabic name."""
    gaz = _gaz()
    k = c.i - 1
    qualifier = word = None
    if k >= 0 and toks[k].kind == _AR:
        for _, art, core in _readings(toks[k].text):
            if not art and core in gaz.qualifiers_ar:
                qualifier, word = gaz.qualifiers_ar[core], core
                k -= 1
                break
    return qualifier, word, _ar_direction_before(toks, k)


def _ar_direction_after(toks: Sequence[_Tok], j: int) -> str | None:
    """ريف حماة الشمالي, ريف حلب الشمالي الغربي (north-west), ريف إدلب الجنوبي والشرقي (south)."""
    dirs = _gaz().directions_after_ar
    if j >= len(toks) or toks[j].kind != _AR or toks[j].text not in dirs:
        return None
    first = dirs[toks[j].text]
    if j + 1 < len(toks) and toks[j + 1].kind == _AR and toks[j + 1].text in dirs:
        return _combine(first, dirs[toks[j + 1].text])
    return first


def _en_directions(words: Sequence[str]) -> str | None:
    dirs = _gaz().directions_en
    found: list[str] = []
    for w in words:
        if w in dirs:
            found.append(dirs[w])
        elif found:
            break
    if not found:
        return None
    return _combine(found[0], found[1]) if len(found) > 1 else found[0]


def _en_context(toks: Sequence[_Tok], c: _Cand) -> tuple[str | None, str | None]:
    """(qualifier, direction) from the English words around a name: city of X, northern X countryside."""
    gaz = _gaz()
    vocab = gaz.fillers_en | gaz.qualifiers_en.keys() | gaz.directions_en.keys()
    before: list[str] = []
    k = c.i - 1
    while k >= 0 and len(before) < 6 and toks[k].kind == _LAT and toks[k].text in vocab:
        before.append(toks[k].text)
        k -= 1
    before.reverse()
    after: list[str] = []
    k = c.j
    post_vocab = vocab - gaz.fillers_en
    while k < len(toks) and len(after) < 3 and toks[k].kind == _LAT and toks[k].text in post_vocab:
        after.append(toks[k].text)
        k += 1
    quals_after = [gaz.qualifiers_en[w] for w in after if w in gaz.qualifiers_en and w != "rural"]
    if quals_after:
        qualifier: str | None = quals_after[0]
        direction = _en_directions(before) or _en_directions(after)
    else:
        quals_before = [gaz.qualifiers_en[w] for w in before if w in gaz.qualifiers_en]
        qualifier = quals_before[-1] if quals_before else None
        direction = _en_directions(before)
    return qualifier, direction


@dataclass
class _Read:
    cand: _Cand
    qualifier: str | None
    word: str | None  # the Arabic qualifier word, for sharing with a coordinated name
    direction: str | None


def _read_context(chosen: list[_Cand], toks: Sequence[_Tok]) -> list[_Read]:
    gaz = _gaz()
    reads: list[_Read] = []
    for c in chosen:
        if toks[c.i].kind == _LAT:
            qualifier, direction = _en_context(toks, c)
            reads.append(_Read(c, qualifier, None, direction))
            continue
        qualifier = word = direction = None
        if not c.prefix:
            qualifier, word, direction = _ar_before(toks, c)
        direction = direction or _ar_direction_after(toks, c.j)
        reads.append(_Read(c, qualifier, word, direction))
    for prev, cur in pairwise(reads):  # ريفي حلب وإدلب, مدينتي سراقب وخان شيخون
        if (
            cur.qualifier is None
            and cur.cand.i == prev.cand.j
            and cur.cand.prefix.startswith("و")
            and prev.word in gaz.shared_qualifiers_ar
        ):
            cur.qualifier, cur.word = prev.qualifier, prev.word
    return reads


def _final_place(place: Place, qualifier: str | None) -> Place:
    gaz = _gaz()
    if place.kind != "governorate" or place.region is None:
        return place
    if qualifier == "city" and place.region in gaz.city_of:
        return gaz.city_of[place.region]
    if qualifier == "countryside" and place.region in gaz.countryside_of:
        return gaz.governorate_places[gaz.countryside_of[place.region]]
    return place


# ------------------------------------------------------------------ public API


def capital_region(country: str) -> str | None:
    """The slug of the region holding a country's capital (gazetteer 'capitals'), if the gazetteer says."""
    return _gaz().capitals.get(country.upper())


def regions(country: str | None = None) -> list[Region]:
    """Every region, or one country's (ISO 3166-1 alpha-2, any case), in a stable order: Syria's 14
    governorates first (north-west first), then the other countries as in the gazetteer file."""
    all_regions = _gaz().regions
    if country is None:
        return list(all_regions)
    code = country.strip().upper()
    return [r for r in all_regions if r.country == code]


def countries() -> list[str]:
    """The countries the gazetteer has regions for (ISO 3166-1 alpha-2), in the file's order."""
    return list(dict.fromkeys(r.country for r in _gaz().regions))


def get_place(place_id: str) -> Place | None:
    """The place with this id (a region's slug is a place id too, its capital '<slug>-city'), if any."""
    return _gaz().by_id.get(place_id)


def coordinates(place_id_or_region: str) -> tuple[float, float] | None:
    """(lat, lon) of a place id, a region slug or ISO 3166-2 code, or any name of a region; None if unknown."""
    place = _gaz().by_id.get(place_id_or_region)
    if place is not None:
        return place.lat, place.lon
    region = resolve_region(place_id_or_region)
    return (region.lat, region.lon) if region is not None else None


_NONE: tuple[tuple[PlaceMatch, ...], frozenset[str]] = ((), frozenset())


@lru_cache(maxsize=4096)  # the grouping, the engine and the renderer read the same sentence
def _matched(text: str, home: str | None) -> tuple[tuple[PlaceMatch, ...], frozenset[str]]:
    """The places named in ``text`` (read in an article about the ``home`` country, if given), and the
    countries whose home names it holds unconfirmed (read in an article about one, it names more)."""
    if not text:
        return _NONE
    folded = fold_with_offsets(text)
    toks = _tokenize(folded.text)
    cands = _candidates(toks, text, folded.span)
    if not cands:
        return _NONE
    homes: frozenset[str] = frozenset()
    if any(c.context for c in cands):
        cands, left = _resolve_context(cands, toks, home)
        homes = frozenset(c.entry.place.country for c in left if c.home)
    out: list[PlaceMatch] = []
    for r in _read_context(_select(cands), toks):
        s, e = folded.span(r.cand.start, r.cand.end)
        qualifier = r.qualifier if r.qualifier != "governorate" else None
        place = _final_place(r.cand.entry.place, qualifier)
        out.append(PlaceMatch(s, e, text[s:e], place, qualifier, r.direction))
    return tuple(out), homes


def find_places(text: str, home: str | None = None) -> list[PlaceMatch]:
    """Every place named in ``text``, in order, non-overlapping (the longest name wins). ``home``: the
    country the text's article is about (ISO 3166-1 alpha-2); there a place's home names count without
    other context and win over a namesake abroad (رفح in a report from Sinai is Egypt's Rafah)."""
    found, homes = _matched(text, None)
    if home is None or home not in homes:
        return list(found)
    return list(_matched(text, home)[0])


def homes_in(text: str) -> frozenset[str]:
    """The countries for which an article about them would read more places in ``text`` (home names that
    nothing else confirms): :func:`find_places` with such a ``home`` differs."""
    return _matched(text, None)[1]


def place_region(match: PlaceMatch) -> str | None:
    """The region slug of a match, or None (a country as a whole, roads across regions, the Gaza Strip)."""
    return match.place.region


def main_region(text: str) -> str | None:
    """The governorate most named in ``text`` (governorates and places in them count alike; ties: first)."""
    return main_region_of(find_places(text))


def main_region_of(matches: list[PlaceMatch]) -> str | None:
    """:func:`main_region` for matches already found."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for n, m in enumerate(matches):
        slug = place_region(m)
        if slug is None:
            continue
        counts[slug] = counts.get(slug, 0) + 1
        first.setdefault(slug, n)
    if not counts:
        return None
    return max(counts, key=lambda s: (counts[s], -first[s]))


def sides_in(text: str) -> frozenset[str]:
    """The compass sides a text names, in either language, wherever they stand ("ريف حلب الغربي", "south
    and west of the city", "جنوب المدينة وغربها", "north-western"): north, south, east, west."""
    g = _gaz()
    table = {**g.directions_before_ar, **g.directions_after_ar, **g.directions_en}
    out: set[str] = set()
    for word in re.findall(r"[^\W\d_]+", fold(text).lower()):
        for form in (word, word.removeprefix("و"), word.removesuffix("ها"), word.removeprefix("و").removesuffix("ها")):
            found = table.get(form) or table.get(form + "ي")  # غربها -> غرب, شمالها -> شمال
            if found:
                out.update(found.split("-"))
                break
    return frozenset(out)


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' coordinates, in kilometres."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(b.lon - a.lon) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# a settlement referred back to by its kind ("the town", "البلدة", "the city's neighbourhoods"), in a folded,
# lower-cased text; group 1 (English) or 2 (Arabic) is the kind, when one is named
PLACE_BACK = re.compile(
    r"(?<![^\W\d_])(?:the (city|town|village|camp|pocket|enclave)(?:'s)?|the (?:city's |town's )?(?:neighbourhoods|districts)"
    r"|[وفبل]?(?:ال|لل)(مدينه|بلده|قريه|مخيم|جيب|احياء))(?![^\W\d_])"
)


def holds(place_id: str) -> frozenset[str]:
    """The regions an area is made of (the West Bank: its governorates); empty for any other place."""
    return _gaz().holds.get(place_id, frozenset())


def same_place(place_id: str) -> str:
    """A governorate and its capital share a name (Idlib, مدينة إدلب): as a place they are one."""
    return place_id.removesuffix("-city")


def regions_named(match: PlaceMatch) -> set[str]:
    """The governorates a place name stands for: its own, a city abroad's seat ("Washington": US-DC), or for a road
    ("طريق حلب-حماة") each end's."""
    own = match.place.region or match.place.seat
    out = {own} if own else set()
    if match.place.kind == "road":
        for part in re.split(r"[-–—/\s]+", match.text):
            if (r := resolve_region(part)) is not None:
                out.add(r.slug)
    return out


def resolve_region(name: str) -> Region | None:
    """The region a name, slug or ISO 3166-2 code stands for (any spelling, case, diacritics, alef form).

    Qualified names resolve too ("ريف حماة", "northern Hama countryside", "Idlib province", "Gaza City"); a
    town's name does not (use ``find_places`` and ``place_region`` for that), nor a text naming two regions,
    nor a name two regions share ("Tripoli").
    """
    gaz = _gaz()
    key = _region_key(name)
    if key in gaz.region_keys:
        slug = gaz.region_keys[key]
    else:
        found = {m.place.region for m in find_places(name) if m.place.id in gaz.gov_level_ids}
        slug = found.pop() if len(found) == 1 else None
    return None if slug is None else gaz.governorate_regions[slug]
