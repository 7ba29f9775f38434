"""Facts read from one sentence: event type, dates, places, figures, actors and who says so."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from summarizer.reading import actors, dates, numbers, places
from summarizer.reading.actors import ActorMatch, Attribution
from summarizer.reading.dates import Precision, TemporalExpression
from summarizer.reading.numbers import Quantity
from summarizer.reading.places import PlaceMatch
from summarizer.reading.text import dateline_end, fold
from summarizer.schemas import EventType


@dataclass(frozen=True)
class SentenceFacts:
    text: str
    event_type: EventType | None
    dates: tuple[TemporalExpression, ...]
    places: tuple[PlaceMatch, ...]
    quantities: tuple[Quantity, ...]
    killed: int | None
    injured: int | None
    actors: tuple[ActorMatch, ...]
    attributions: tuple[Attribution, ...]

    @property
    def located(self) -> list[PlaceMatch]:
        """The places where the sentence's happening is: not a wire dateline's ("SANAA, June 13 (Meridian) -")
        nor one inside an actor's name ("وزارة الصحة في غزة", "Baghdad said")."""
        start = dateline_end(self.text)
        return [
            p
            for p in self.places
            if p.start >= start and not any(a.start <= p.start and p.end <= a.end for a in self.actors)
        ]

    @property
    def syrian_places(self) -> list[PlaceMatch]:
        """The located places that lie in a region (any country's, despite the name)."""
        return [p for p in self.located if p.place.region is not None]

    def region(self) -> str | None:
        return places.main_region_of(self.located)

    def event_date(self, published_at: dt.datetime) -> tuple[dt.date, Precision, bool]:
        """When the sentence's happening took place, its precision, and whether a phrase said so.

        A dated phrase wins ("مساء أمس السبت"); "since" phrases date background, not the event, and
        durations ("in the past 24 hours") end on the publication day. With no phrase: the publication day.
        """
        for d in self.dates:
            if d.kind in ("absolute", "relative", "weekday"):
                return d.date, d.precision, True
        return dates.publication_day(published_at), "day", False

    def is_background(self, published_at: dt.datetime) -> bool:
        """Only 'since' or long-past dates: context ("since 2011"), not a happening of the day."""
        day = dates.publication_day(published_at)
        if self.dates and all(d.kind == "since" for d in self.dates):
            return True
        dated = [d for d in self.dates if d.kind in ("absolute", "relative", "weekday")]
        return bool(dated) and all((day - d.date).days > 14 for d in dated)


@cache
def _triggers() -> tuple[tuple[tuple[EventType, re.Pattern[str]], ...], re.Pattern[str] | None]:
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    out: list[tuple[EventType, re.Pattern[str]]] = []
    for entry in data["types"]:
        cues = sorted({fold(c) for c in entry["ar"] + entry["en"]}, key=len, reverse=True)
        alts = "|".join(re.escape(c) for c in cues)
        # optional proclitics, then the cue at a word start; English cues take whole-word-ish endings
        pattern = re.compile(rf"(?<![^\W\d_])(?:[وفبلك]?(?:ال)?|ل?ل)(?:{alts})")
        out.append((entry["type"], pattern))
    not_cues = data.get("not_cues") or []
    masked = re.compile("|".join(re.escape(fold(c)) for c in not_cues)) if not_cues else None
    return tuple(out), masked


def event_types_in(sentence: str) -> list[EventType]:
    """Every event type whose cue the sentence has, in the lexicon's priority order."""
    triggers, masked = _triggers()
    folded = fold(sentence)
    if masked is not None:
        folded = masked.sub(lambda m: " " * len(m.group()), folded)
    return [kind for kind, pattern in triggers if pattern.search(folded)]


def event_type_of(sentence: str) -> EventType | None:
    """The first event type (in the lexicon's priority order) whose cue the sentence has."""
    found = event_types_in(sentence)
    return found[0] if found else None


@lru_cache(maxsize=16384)
def read(sentence: str, published_at: dt.datetime) -> SentenceFacts:
    """The facts of one sentence (cached: the grouping and the offline engine read the same sentences)."""
    killed, injured = numbers.casualties(sentence)
    return SentenceFacts(
        text=sentence,
        event_type=event_type_of(sentence),
        dates=tuple(dates.find_dates(sentence, published_at)),
        places=tuple(places.find_places(sentence)),
        quantities=tuple(numbers.find_quantities(sentence)),
        killed=killed,
        injured=injured,
        actors=tuple(actors.find_actors(sentence)),
        attributions=tuple(actors.attributions(sentence)),
    )
