"""Text rendered from extracted facts with gazetteer and lexicon names, in English or Arabic: no translation."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from summarizer.reading import actors, places
from summarizer.reading.text import script_counts
from summarizer.schemas import Bilingual, Bullet, Event, EventType, Lang, LangSummary

MAX_RENDERED_BULLETS = 6


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


def _name(name: str, lang: Lang) -> str | None:
    """An actor or source name in ``lang`` (from the lexicon), or None if only the other script is known."""
    actor = actors.by_name(name)
    if actor is not None:
        return actor.name_ar if lang == "ar" else actor.name_en
    return None if _foreign(name, lang) else name


def _region_name(slug: str, lang: Lang) -> str:
    region = next((r for r in places.regions() if r.slug == slug), None)
    if region is None:
        return slug
    return region.name_ar if lang == "ar" else region.name_en


def topic_label(kind: EventType | None, regions: list[str], fallback: Bilingual) -> Bilingual:
    """A group's label in both languages from what it reports and where ("Change of control in Aleppo,
    Hama"), or only where when it reports no event; the fallback (keywords) when neither is known."""
    out: dict[str, str | None] = {}
    for lang in ("ar", "en"):
        where = _p("list_sep", lang).join(_region_name(r, lang) for r in regions)
        if kind is not None and where:
            out[lang] = f"{_phrasing()['event_type'][kind][lang]} {_p('in', lang, place=where)}"
        elif where:
            out[lang] = where
        else:
            out[lang] = getattr(fallback, lang)
    return Bilingual(ar=out["ar"], en=out["en"])


def event_description(event: Event, lang: Lang, *, short: bool = False) -> str:
    """E.g. "Strike in al-Atarib (Aleppo governorate): 15 killed, 5 injured; reported by Syrian Civil Defence."
    (``short``: what, where and how many only, for headlines)."""
    ph = _phrasing()
    text = str(ph["event_type"][event.event_type][lang])
    place = getattr(event.location, lang) if event.location else None
    region = _region_name(event.region, lang) if event.region else None
    if place and region and place != region:
        text += " " + _p("in_region", lang, place=place, region=region)
    elif place or region:
        text += " " + _p("in", lang, place=place or region)
    figures = []
    if event.fatalities is not None:
        figures.append(_p("killed", lang, n=event.fatalities))
    if event.injured is not None:
        figures.append(_p("injured", lang, n=event.injured))
    if figures:
        text += _p("figures_sep", lang) + _p("list_sep", lang).join(figures)
    if short:
        return text
    named = [n for a in event.actors[:3] if (n := _name(a, lang))]
    if named:
        text += _p("clause_sep", lang) + _p("involving", lang, actors=_p("list_sep", lang).join(named))
    if event.attribution:
        by: dict[str, list[str]] = {}
        for a in event.attribution:
            # a speaker the lexicon does not know keeps its own words in `attribution`, not in rendered text
            by.setdefault(str(ph["stance"][a.stance][lang]), []).append(
                _name(a.source, lang) or _p("unnamed_source", lang)
            )
        text += _p("clause_sep", lang) + _p("clause_sep", lang).join(
            f"{k} {_p('list_sep', lang).join(dict.fromkeys(v))}" for k, v in by.items()
        )
    if event.status == "disputed":
        text += _p("disputed", lang)
    return text + "."


def weight_of(kind: EventType) -> float:
    """How much a kind of event weighs in a summary (a capture more than a statement)."""
    return float(_phrasing()["event_type"][kind]["weight"])


def _weight(event: Event) -> float:
    w = weight_of(event.event_type)
    return w + 3 * (event.fatalities is not None) + 0.5 * len(event.article_ids) + (event.region is not None)


def summary_from_events(events: list[Event], lang: Lang) -> LangSummary | None:
    """A summary in ``lang`` whose bullets are the most telling events, each rendered from its facts and
    citing that event's evidence; None when there are no events to render."""
    ranked = sorted(events, key=lambda e: (-_weight(e), e.date, e.id))
    bullets: list[Bullet] = []
    seen: set[str] = set()
    for e in ranked:
        text = event_description(e, lang)
        if text in seen:
            continue
        seen.add(text)
        bullets.append(Bullet(text=text, evidence=e.evidence[:2]))
        if len(bullets) == MAX_RENDERED_BULLETS:
            break
    if not bullets:
        return None
    first = event_description(ranked[0], lang, short=True)
    regions = list(dict.fromkeys(_region_name(e.region, lang) for e in events if e.region))
    more = len(events) - 1
    headline = (
        _p("headline", lang, first=first, more=more, regions=_p("list_sep", lang).join(regions[:4]))
        if more and regions
        else _p("headline_one", lang, first=first)
    )
    return LangSummary(headline=headline, bullets=bullets)
