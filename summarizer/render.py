"""English (and Arabic) text rendered from extracted facts with gazetteer and lexicon names: no translation."""

from __future__ import annotations

from summarizer.schemas import Event
from summarizer.text import script_counts

_VERB_EN = {
    "strike": "Strike",
    "control_change": "Change of control",
    "withdrawal": "Withdrawal",
    "reinforcement": "Reinforcements",
    "casualties": "Casualties",
    "clash": "Fighting",
    "displacement": "Displacement",
    "diplomacy": "Diplomatic contact",
    "statement": "Statement",
    "other": "Event",
}
_STANCE_EN = {"reports": "reported by", "claims": "claimed by", "denies": "denied by"}


def event_description_en(event: Event) -> str:
    """E.g. "Strike in Atarib (Aleppo governorate): 15 killed, 5 injured; reported by Syrian Civil Defence."."""
    parts = [_VERB_EN[event.event_type]]
    where = event.location.en if event.location and event.location.en else None
    region = event.region.replace("-", " ").title() if event.region else None
    if where and region and where.lower() != region.lower():
        parts.append(f"in {where} ({region} governorate)")
    elif where or region:
        parts.append(f"in {where or region}")
    text = " ".join(parts)
    figures = []
    if event.fatalities is not None:
        figures.append(f"{event.fatalities} killed")
    if event.injured is not None:
        figures.append(f"{event.injured} injured")
    if figures:
        text += ": " + ", ".join(figures)
    if event.actors:
        text += f"; involving {', '.join(event.actors[:3])}"
    if event.attribution:
        by: dict[str, list[str]] = {}
        for a in event.attribution:
            # a speaker the lexicon does not know keeps its Arabic words in `attribution`, not in English text
            source = a.source if not script_counts(a.source)[0] else "a source quoted in Arabic"
            by.setdefault(_STANCE_EN[a.stance], []).append(source)
        text += "; " + "; ".join(f"{k} {', '.join(dict.fromkeys(v))}" for k, v in by.items())
    if event.status == "disputed":
        text += " (disputed)"
    return text + "."
