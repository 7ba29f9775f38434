"""Text rendered from extracted facts with gazetteer and lexicon names, in English or Arabic: no translation."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Any

from summarizer.checking.grounding import language_ok
from summarizer.grouping import sentence_keys
from summarizer.reading import actors, checkable, dates, doers, numbers, places, speakers
from summarizer.reading.text import dateline_end, fold, script_counts
from summarizer.schemas import Bilingual, Bullet, Event, EventType, Lang, LangSummary

MAX_RENDERED_BULLETS = 6
MAX_NAMED = 2  # speakers named per stance in a rendered sentence
REPEATS = 0.45  # word overlap (Jaccard) at which a bullet repeats the headline


@cache
def _phrasing() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("summarizer.data").joinpath("render.json").read_text("utf-8")
    )
    return data


def _p(key: str, lang: Lang, **values: object) -> str:
    return str(_phrasing()["phrases"][key][lang]).format(**values)


def _foreign(text: str, lang: Lang) -> bool:
    """Would ``text`` put the other script into a ``lang`` sentence?"""
    ar, lat = script_counts(text)
    return bool(lat) if lang == "ar" else bool(ar)


def _speaker_name(name: str, lang: Lang) -> str | None:
    """A speaker's name in ``lang`` without the aside a lexicon name carries ("Syrian Civil Defence (White
    Helmets)": the Syrian Civil Defence)."""
    found = _name(name, lang)
    return re.sub(r"\s*\([^)]*\)", "", found).strip() or found if found else None


def _name(name: str, lang: Lang) -> str | None:
    """An actor or source name in ``lang`` (from the lexicon, with its English article), or None if only the
    other script is known."""
    actor = actors.by_name(name)
    if actor is not None:
        return _actor_name(actor, lang)
    return _source_in(name, lang) if _foreign(name, lang) else name


@cache
def _sources(lang: Lang) -> tuple[tuple[str, str], ...]:
    """(folded source words in the other language, their name in ``lang``), longest first (render.json)."""
    table: dict[str, str] = _phrasing()["sources"]["ar_to_en" if lang == "en" else "en_to_ar"]
    return tuple(sorted(((fold(k).lower(), v) for k, v in table.items()), key=lambda kv: -len(kv[0])))


def _source_in(name: str, lang: Lang) -> str | None:
    """An unlisted source said in the other language by what it is ("مصادر طبية في المدينة": medical
    sources), or None when it is not one the table knows."""
    folded = fold(name).lower()
    for words in dict.fromkeys((folded, folded.removeprefix("و"))):  # "ومصادر طبية": its conjunction aside
        for key, value in _sources(lang):
            if words == key or words.startswith(key + " "):
                return value
    return None


@cache
def _articles() -> dict[str, str]:
    """Actor id -> the English article its name takes in running text ("the", "a"), from render.json."""
    table: dict[str, Any] = _phrasing()["articles_en"]
    return {actor_id: word for word in ("the", "a") for actor_id in table[word]}


def _actor_name(actor: actors.Actor, lang: Lang) -> str:
    """A lexicon actor named in running text: "the Syrian Observatory for Human Rights", "a military source",
    "Hezbollah"; in Arabic as the lexicon writes it."""
    if lang == "ar":
        return actor.name_ar
    article = _articles().get(actor.id)
    return f"{article} {actor.name_en}" if article else actor.name_en


def _office_name(office: speakers.Institution, lang: Lang) -> str:
    """An office named by body and country in running text: "the Jordanian foreign ministry"."""
    name = office.name(lang)
    return name if lang == "ar" or name.startswith("the ") else "the " + name


@lru_cache(maxsize=1024)  # a handful of slugs, named several times per event
def _region(slug: str) -> places.Region | None:
    return places.resolve_region(slug)


def _region_name(slug: str, lang: Lang) -> str:
    region = _region(slug)
    if region is None:
        return slug
    return region.name_ar if lang == "ar" else region.name_en


def _unit(slug: str, lang: Lang) -> str:
    """What the region's country calls it: governorate, state (Sudan), province (Turkey, Iran), district."""
    region = _region(slug)
    units: dict[str, dict[str, str]] = _phrasing()["units"]
    return units.get(region.country if region else "", units["default"])[lang]


def topic_label(kind: EventType | None, regions: list[str], fallback: Bilingual) -> Bilingual:
    """A group's label in both languages from what it reports and where ("Change of control in Aleppo,
    Hama"), only what when no place is known, only where when it reports no event; the fallback (keywords)
    when neither is known, if written in the label's language."""
    out: dict[str, str | None] = {}
    for lang in ("ar", "en"):
        where = _p("list_sep", lang).join(_region_name(r, lang) for r in regions)
        if kind is not None and where:
            out[lang] = f"{_phrasing()['event_type'][kind][lang]} {_p('in', lang, place=where)}"
        elif where:
            out[lang] = where
        elif kind is not None:  # "Strike": what it reports, in the label's language, where no place is known
            out[lang] = _phrasing()["event_type"][kind][lang]
        else:  # its keywords, when they are in the label's language ("Other reports" over English in Arabic)
            words = getattr(fallback, lang)
            out[lang] = words if words and language_ok(words, lang) else _p("other_reports", lang)
    return Bilingual(ar=out["ar"], en=out["en"])


@dataclass(frozen=True)
class _Reading:
    """What the event's own quote says, read with the reading layer, as the rendering needs it."""

    facts: checkable.Names  # its places and actors (its concepts: checkable.names_concept(quote, ...))
    quote: str
    toll: numbers.Quantity | None
    injured: numbers.Quantity | None


def _reading(event: Event) -> _Reading:
    """The quote that states the event's toll (else its first quote), read."""
    chosen = event.evidence[0].quote
    for ev in event.evidence:
        killed, injured = numbers.casualties(ev.quote)
        if (event.fatalities is not None and killed == event.fatalities) or (
            event.fatalities is None and event.injured is not None and injured == event.injured
        ):
            chosen = ev.quote
            break
    quantities = numbers.find_quantities(chosen)

    def of(kind: str, value: int | None) -> numbers.Quantity | None:
        return next((q for q in quantities if q.counted == kind and q.value == value), None)

    return _Reading(checkable.names(chosen), chosen, of("killed", event.fatalities), of("injured", event.injured))


def _figure(
    q: numbers.Quantity | None, n: int, quote: str, lang: Lang, *, counted: bool = True, who: str | None = None
) -> str:
    """"at least 300 fighters", "ما لا يقل عن 300 من المقاتلين": the figure as its quote hedges and counts it
    (``who``: the victims' key in render.json when the caller knows better, "families"); English groups
    thousands ("about 55,000 people")."""
    ph = _phrasing()
    how = numbers.hedge(quote, q) if q is not None else None
    who = who or (numbers.victims(q) if q is not None and counted else None)
    shown = f"{n:,}" if lang == "en" and n >= 10_000 else n
    figure = str(ph["victims"]["one" if n == 1 else who or "none"][lang]).format(n=shown)
    return (str(ph["hedge"][how][lang]) + " " if how else "") + figure


def _the_place(name: str) -> str:
    """An English place name as running text says it: "the Red Sea", "the Gaza Strip", "Khan Tuman"."""
    table = _phrasing()["places_the_en"]
    words = name.split()
    if words[0] in ("the", "The") or name.startswith("al-"):
        return name
    if (len(words) > 2 and words[0] in table["first"] and words[1] == "of") or (
        len(words) > 1 and words[-1] in table["last"]
    ):
        return "the " + name
    return name


def _place(event: Event, r: _Reading, lang: Lang) -> tuple[str | None, bool]:
    """Where, with the detail its quote gives ("the northern Hama countryside", "Khan Tuman (Aleppo
    governorate)"), and whether only a governorate or its countryside is named; a toll over several
    governorates names them all ("Aleppo and Idlib")."""
    ph = _phrasing()
    region = event.region
    # a wire dateline's city ("KHARTOUM, Sept 12 (Wire) -") is where the report was filed, not a place it tells
    opening = dateline_end(r.quote)
    named = list(dict.fromkeys(m.place.region for m in sorted(r.facts.places.values(), key=lambda m: m.start)
                               if m.place.region and m.start >= opening))  # fmt: skip
    place = getattr(event.location, lang) if event.location else None
    if place and lang == "en":
        place = _the_place(place)
    if region is not None and region not in named:  # its quote does not name it ("Damascus" for the government)
        region, place = None, None
    level = _level(event.location)
    broad = not place or region is None or level is not None
    if event.event_type in ("casualties", "strike") and len(named) > 1 and broad:
        names = [_region_name(g, lang) for g in named]
        return _p("and", lang).join([_p("list_sep", lang).join(names[:-1]), names[-1]]), True
    if region is None:
        return place, True
    here = [m for m in r.facts.places.values() if m.place.region == region]
    side = next((m for m in here if m.qualifier == "countryside"), None)
    detail = None
    if side is not None:
        key = "countryside_side" if side.direction else "countryside"
        direction = ph["directions"].get(side.direction or "", {}).get(lang, "")
        detail = _p(key, lang, region=_region_name(region, lang), side=direction)
    if not broad:  # a town or site: in its countryside as the quote puts it, else in its governorate
        if detail is not None:
            return _p("place_in_detail", lang, place=place, detail=detail), False
        unit, name = _unit(region, lang), _region_name(region, lang)
        # "River Nile State", "ولاية نهر النيل": the name holds its unit already, said once
        name = name.removeprefix(unit + " ") if lang == "ar" else re.sub(rf"\s+{re.escape(unit)}$", "", name, flags=re.I)
        return _p("place_in_region", lang, place=place, region=name, unit=unit), False
    if detail is None and level == "countryside":
        detail = _p("countryside", lang, region=_region_name(region, lang))
    if detail is None and level == "city":
        detail = _p("city", lang, region=_region_name(region, lang))
    if detail is not None:
        return detail, True
    if any(m.qualifier == "city" or m.place.id == f"{region}-city" for m in here):
        return _p("city", lang, region=_region_name(region, lang)), True
    near = next((m for m in here if m.direction and m.place.kind == "governorate"), None)
    if near is not None and near.direction in ph["directions"]:
        side_noun = ph["directions"][near.direction][f"{lang}_noun"]
        return _p("side_of", lang, region=_region_name(region, lang), side=side_noun), True
    return _region_name(region, lang), True


def _level(location: Bilingual | None) -> str | None:
    """"governorate", "countryside" or "city" when a location names only a governorate, its countryside or
    its capital ("Hama", "ريف حماة", "Idlib city"); None for a town or site."""
    for name in (location.en, location.ar) if location else ():
        m = next(iter(places.find_places(name)), None) if name else None
        if m is None or m.place.region is None:
            continue
        if m.qualifier == "countryside":
            return "countryside"
        if m.qualifier == "city" or m.place.id.endswith("-city"):
            return "city"
        return "governorate" if m.place.kind == "governorate" else None
    return None


def _doer(event: Event, r: _Reading, lang: Lang, before: int) -> str | None:
    """Who did it: the first armed party its quote names that is not only reporting or claiming it (the one
    denying it may be the one said to have done it)."""
    # the party the quote names as the subject of the act ("YPG militia and allied rebel groups said they had
    # taken Tal Abyad from Islamic State": not Islamic State, named after the place)
    subjects = [a for aid in doers.doers(r.quote).get(event.event_type, ()) if (a := actors.get_actor(aid)) is not None]
    if subjects:
        names = [_actor_name(a, lang) for a in subjects[:2]]
        return _p("and", lang).join(names) if len(names) > 1 else names[0]
    speakers = {a.source for a in event.attribution if a.stance != "denies"}
    found = sorted(r.facts.actors.values(), key=lambda m: m.start)
    # named before the place it acted on ("Opposition factions captured Khan Tuman"); one named after it is
    # more often its target ("reinforcements sent to the Hama countryside to stop the factions' advance")
    armed = [
        m.actor
        for m in found
        if m.actor.kind in ("armed_group", "military") and m.start < before and not actors.owned(r.quote, m)
    ]
    # a speaker is the doer only when nobody else is named ("the army said it withdrew", "HTS said it took
    # ..."), and a ministry or a military source speaks for forces, it is not one
    doer = next((a for a in armed if a.name_en not in speakers), None)
    forces = [a for a in armed if not any(w in a.id for w in ("source", "ministry", "spokes"))]
    doer = doer or (forces[0] if len(forces) == 1 or (forces and forces[0].kind == "armed_group") else None)
    if doer is None:
        return None
    return _actor_name(doer, lang)


def _tolled(event: Event, r: _Reading, lang: Lang, place: str | None) -> str:
    """"a strike killed at least 15 civilians and wounded 5 people in ...", or only the injured when no toll."""
    strike = event.event_type == "strike"
    if event.fatalities is None:
        assert event.injured is not None
        figure = _figure(r.injured, event.injured, r.quote, lang)
        text = _p("strike_injured" if strike else "injured_one" if event.injured == 1 else "injured", lang, figure=figure)
        return text + (" " + _p("in", lang, place=place) if place else "")
    # "one person was killed", "12 people were killed"
    killed = "strike_killed" if strike else "killed_one" if event.fatalities == 1 else "killed"
    text = _p(killed, lang, figure=_figure(r.toll, event.fatalities, r.quote, lang))
    if event.injured is not None:
        figure = _figure(r.injured, event.injured, r.quote, lang, counted=False)
        text += _p("and_wounded" if strike else "and_injured", lang, figure=figure)
    return text + (" " + _p("in", lang, place=place) if place else "")


def _displaced(r: _Reading, lang: Lang) -> str | None:
    """"about 100,000 people", "more than 500 families": how many its quote says were displaced, hedged as
    it hedges them; None when it gives no count of people or families."""
    q = next(
        (q for q in numbers.find_quantities(r.quote) if q.counted in _MOVED and isinstance(q.value, int) and q.value > 1),
        None,
    )
    if q is None:  # "مئات العائلات", "thousands of people": a count in words
        folded = fold(r.quote).lower()
        counts = _phrasing()["vague_counts"]
        return next((v[lang] for k, v in counts.items() if k != "about" and fold(k).lower() in folded), None)
    who = "families" if q.counted == "families" else numbers.victims(q) or "people_displaced"
    return _figure(q, int(q.value), r.quote, lang, who=who)


_MOVED = frozenset({"people", "families", "civilians", "children"})


def _core(event: Event, r: _Reading, lang: Lang) -> tuple[str | None, str | None]:
    """Who did what where, as far as the quote says it (a clause in English, a noun phrase in Arabic), or
    None and only where, when the quote does not say what happened there."""
    ph = _phrasing()
    kind = event.event_type
    place, broad = _place(event, r, lang)
    if (event.fatalities is not None or event.injured is not None) and kind in ("casualties", "strike", "clash"):
        return _tolled(event, r, lang, place), place
    if kind == "displacement" and (moved := _displaced(r, lang)) is not None:
        # "the displacement of about 100,000 people was reported in ...": how many, as the quote counts them
        return (_p("displaced_figure_in", lang, figure=moved, place=place) if place else _p(
            "displaced_figure", lang, figure=moved)), place
    verbs: dict[str, Any] = ph["verbs"].get(kind, {})
    # the verb's cue must come before the place it acts on ("took control of Khan Tuman"), not after it
    # ("reinforcements sent to the Hama countryside to stop the factions' advance")
    at = [m.start for m in r.facts.places.values() if event.region is None or m.place.region == event.region]
    said = r.quote[: max(at)] if at else r.quote
    doer = _doer(event, r, lang, max(at) if at else len(r.quote)) or _p("someone", lang)
    back = places.PLACE_BACK.search(fold(r.quote).lower()) if place is None and kind in _TAKEN else None
    back_place = ph["phrases"]["back_places"].get(back.group(1) or back.group(2) or "") if back else None
    if back_place is not None and doer != _p("someone", lang):
        # "وكانت الفصائل قد استعادت البلدة": who took or left the place its quote refers back to, named so
        picked = _verb(verbs, said, r.quote, lang, doer, broad=False)
        if picked is not None:
            return str(picked[0][lang]).format(doer=picked[1], place=back_place[lang]), None
    picked = _verb(verbs, said, r.quote, lang, doer, broad=broad)
    if picked is None or (place is None and "{place}" in str(picked[0][lang])):
        return None, place
    return str(picked[0][lang]).format(doer=picked[1], place=place or ""), place


# what was taken or left may be named as its quote refers back to it ("البلدة"): render.json 'back_places'
_TAKEN = frozenset({"control_change", "withdrawal"})


def _verb(
    verbs: dict[str, Any], said: str, quote: str, lang: Lang, doer: str, *, broad: bool
) -> tuple[dict[str, str], str] | None:
    """The first phrasing whose concept the quote names before its place ("<concept>_area" phrasings serve
    a governorate or countryside only), with who did it: for a repelled attack, who repelled it."""
    for key, v in verbs.items():
        if key != "*" and (key.endswith("_area") != broad or not checkable.names_concept(said, key.removesuffix("_area"))):
            continue
        if key.startswith("repelled"):  # who repelled it, not who attacked ("صدّ الجيش هجوماً للدعم")
            repellers = [a for i in doers.doers(quote).get("repel", ()) if (a := actors.get_actor(i))]
            if not repellers:
                continue
            return v, _p("and", lang).join(_actor_name(a, lang) for a in repellers[:2])
        return v, doer
    return None


def _span(r: _Reading, event: Event, lang: Lang) -> str | None:
    """The time span a toll covers, as the quote states it: "over 24 hours", "since Wednesday"."""
    moment = dt.datetime.combine(event.date, dt.time(12), tzinfo=dt.UTC)
    for d in dates.find_dates(r.quote, moment):
        if d.kind == "duration" and checkable.names_concept(d.text, "hours"):
            n = re.search(r"\d+", fold(d.text))
            if n is not None:
                return _p("over_hours", lang, n=n.group())
        if d.kind == "since" and d.precision == "day" and d.date.weekday() == _weekday(d.text):
            return _p("since", lang, day=_phrasing()["weekdays"][d.date.weekday()][lang])
        if d.kind == "since" and d.precision == "day" and re.search(r"\d", d.text):  # "since 1 August"
            return _p("since", lang, day=f"{d.date.day} {_phrasing()['months'][lang][d.date.month - 1]}")
    return None


def _weekday(text: str) -> int | None:
    """The weekday a phrase names ("since Wednesday", "منذ الأربعاء"), so a span is only said as it was."""
    folded = fold(text).lower()
    for n, day in enumerate(_phrasing()["weekdays"]):
        if day["en"].lower() in folded or fold(day["ar"]) in folded:
            return n
    return None


def _speakers(event: Event, stance: str, lang: Lang) -> str | None:
    """Who reports, claims or denies it, named in ``lang`` (at most MAX_NAMED). A speaker the lexicon knows
    is named only when one of the event's quotes names it, a denier only when a quote has its denial (one
    made in another sentence, not among the quotes, is left out); an outlet or an unlisted speaker stays,
    as "a source quoted in Arabic" when it has no name in ``lang``."""
    said = [a.source for a in event.attribution if a.stance == stance]
    if not said:
        return None
    if stance == "denies":
        known = {a.actor.id for ev in event.evidence for a in actors.attributions(ev.quote)
                 if a.actor and a.stance == "denies"}  # fmt: skip
    else:
        known = set().union(*(checkable.names(ev.quote).actor_family for ev in event.evidence))
    said = [s for s in said if (actor := actors.by_name(s)) is None or actor.id in known]
    named = list(dict.fromkeys(n for s in said if (n := _speaker_name(s, lang))))[:MAX_NAMED]
    if not named:
        return _p("unnamed_source", lang) if said else None
    return _p("and", lang).join([_p("list_sep", lang).join(named[:-1]), named[-1]]) if len(named) > 1 else named[0]


def _statement_speaker(event: Event, lang: Lang, said: str | None, reports: str | None) -> str | None:
    """Who made a statement, named in ``lang``: a speaker its quote attributes it to, else the office its
    quote opens with and that office's country ("وأدانت وزارة الخارجية الأردنية": Jordanian foreign
    ministry), else the party the engine found speaking ("The army denied ...": the Israeli army, read in
    its article's country), else a source that reports it, else the office alone ("رئيس الجمهورية")."""
    unnamed = _p("unnamed_source", lang)
    quote = event.evidence[0].quote if event.evidence else ""
    office = speakers.institution(quote) if quote else None
    # an office that opens the quote with its country is more precise than the country or body said to
    # speak ("قال وزير الخارجية الإسرائيلي": Israeli foreign minister, not Israel); a person named stays
    person = said is not None and any(
        (a := actors.by_name(n)) is not None and a.kind == "person" for n in event.actors
    )
    if office is not None and office.country is not None and not person:
        return _office_name(office, lang)
    if said and said != unnamed:
        return said
    for name in event.actors[:1]:
        if actors.by_name(name) is not None and (found := _speaker_name(name, lang)):
            return found
    if reports and reports != unnamed and fold(re.sub(r"^(?:the|a) ", "", reports)) in fold(quote):
        return reports  # a source the quote names; the outlet that carried the article is no speaker
    if office is not None and not _foreign(office.name(lang), lang):
        return _office_name(office, lang)
    return said or reports


def event_description(event: Event, lang: Lang, *, short: bool = False) -> str:
    """Who did what, where, how many, over what time and according to whom, as far as the event's quotes
    say it, e.g. "Russian reconciliation centre said at least 300 fighters were killed in Aleppo and Idlib
    over 24 hours." What a rendering cannot say truthfully it leaves out (``short``: without attribution)."""
    r = _reading(event)
    core, place = _core(event, r, lang)
    if core is not None and event.fatalities is not None and (span := _span(r, event, lang)):
        core += " " + span
    claims, reports, denies = (_speakers(event, stance, lang) for stance in ("claims", "reports", "denies"))
    if short:  # what, where and how many; a claim still a claim
        if core is None:
            return _capital(_p("reports_from", lang, place=place) if place else _p("report", lang))
        return _capital(_p("claimed", lang, who=claims, what=core) if claims and not reports else core)
    if event.event_type == "statement":  # what was said is in its quotes; the rendering says who said it
        speaker = _statement_speaker(event, lang, claims or denies, reports)
        text = _p("statement_by", lang, who=speaker) if speaker else str(_phrasing()["event_type"]["statement"][lang])
        return _capital(text) + "."
    if core is None:  # nothing it can say truthfully of what happened: where, who spoke, or only a report
        if claims:
            text = _p("attributed_from", lang, place=place, who=claims) if place else _p("attributed", lang, who=claims)
        elif place:
            text = _p("reports_from", lang, place=place)
        else:
            text, reports = (_p("attributed", lang, who=reports), None) if reports else (_p("report", lang), None)
    elif claims and not reports:  # a claim stays a claim ("HTS said they took ..." when they claim their own)
        own = lang == "en" and core.startswith(claims + " ")
        # "the Sudanese Armed Forces (SAF) took ...": the acronym goes with the name, not with "they"
        rest = re.sub(r"^\([^()]*\)\s+", "", core[len(claims) + 1 :])
        text = _p("claimed", lang, who=claims, what="they " + rest if own else core)
    else:
        text = core
    if reports:  # in English before the figures, which would otherwise read as the source's own
        text = _p("according_to", lang, who=reports, what=text)
    if denies:
        text += _p("denied", lang, who=denies)
    if event.status == "disputed" and not denies:
        text += _p("disputed", lang)
    return _capital(text) + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def weight_of(kind: EventType) -> float:
    """How much a kind of event weighs in a summary (a capture more than a statement)."""
    return float(_phrasing()["event_type"][kind]["weight"])


def _weight(event: Event) -> float:
    w = weight_of(event.event_type)
    return w + 3 * (event.fatalities is not None) + 0.5 * len(event.article_ids) + (event.region is not None)


def summary_from_events(
    events: list[Event], lang: Lang, rendered: Sequence[str] | None = None, *, lead: Event | None = None
) -> LangSummary | None:
    """A summary in ``lang`` whose bullets are the most telling events, each rendered from its facts and
    citing that event's evidence; None when there are no events to render. ``rendered``: each event's
    ``event_description(e, lang)``, in order, when the caller has made them already; ``lead``: the
    happening to lead with, when the caller has weighed the sentences that tell them."""
    texts = {id(e): t for e, t in zip(events, rendered, strict=True)} if rendered is not None else {}
    ranked = sorted(events, key=lambda e: (-_weight(e), e.date, e.id))
    # the headline is the leading happening (a city taken before a toll elsewhere; never a statement), said
    # once: its bullet is left out; with nothing else to tell, it stays the one bullet under a plain headline
    happenings = [e for e in ranked if e.event_type not in ("statement", "diplomacy")]
    top = max(happenings, key=lambda e: weight_of(e.event_type), default=None) if len(events) > 1 else None
    if top is not None and lead is not None and any(e is lead for e in happenings):
        top = lead
    bullets: list[Bullet] = []
    top_text = (texts.get(id(top)) or event_description(top, lang)) if top is not None else None
    seen: set[str] = {top_text} if top_text is not None else set()
    for e in ranked:
        text = texts[id(e)] if id(e) in texts else event_description(e, lang)
        if text in seen:
            continue
        seen.add(text)
        bullets.append(Bullet(text=text, evidence=e.evidence[:2]))
        if len(bullets) == MAX_RENDERED_BULLETS:
            break
    if not bullets and top is None:
        return None
    if top_text is not None:
        headline = top_text
    else:  # only statements: where and how many
        regions = list(dict.fromkeys(_region_name(e.region, lang) for e in ranked if e.region))
        if regions:
            headline = _p("headline", lang, n=len(events), regions=_p("list_sep", lang).join(regions[:4]))
        else:
            headline = _p("headline_one", lang, n=len(events))
    head = sentence_keys(headline)
    kept = [b for b in bullets if not _repeats(head, sentence_keys(b.text))]  # the headline already says them
    return LangSummary(headline=headline, bullets=kept or bullets)


def _repeats(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two rendered sentences say much the same: their content words overlap a lot, or one's are
    nearly all the other's."""
    shared = len(a & b)
    return bool(a and b) and (shared / len(a | b) >= REPEATS or shared / min(len(a), len(b)) >= 0.8)
