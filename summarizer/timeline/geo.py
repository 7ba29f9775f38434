"""Where a happening is on a map: a point and how precise it is, from the gazetteer's coordinates."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from summarizer.reading import places
from summarizer.schemas import Event

# ACLED's geo_precision: 1 the named town or site itself, 2 near it or a larger area, 3 only the region
GeoPrecision = Literal[1, 2, 3]
_SITES = frozenset({"city", "town", "village", "airport", "military_site", "landmark"})


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    precision: GeoPrecision


def region_point(slug: str) -> Point | None:
    """A region's point (its capital or centre, from the gazetteer), precision 3."""
    region = places.resolve_region(slug)
    return Point(lat=region.lat, lon=region.lon, precision=3) if region is not None else None


def place_point(name: str, region: str | None) -> Point | None:
    """The point of the first place named in ``name`` (in ``region`` when one is given), below the region
    level: precision 1 for a town or site, 2 for a district, road or area."""
    for match in places.find_places(name):
        place = match.place
        if place.kind == "governorate" or (region is not None and place.region != region):
            continue
        return Point(lat=place.lat, lon=place.lon, precision=1 if place.kind in _SITES else 2)
    return None


def event_point(event: Event) -> Point | None:
    """The happening's place when the gazetteer locates it, else its region's point; None when neither is known."""
    if event.location is not None:
        for name in (event.location.en, event.location.ar):
            point = place_point(name, event.region) if name else None
            if point is not None:
                return point
    return region_point(event.region) if event.region else None


@functools.cache
def _map() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(resources.files("summarizer.data").joinpath("map.json").read_text("utf-8"))
    return raw


def outline() -> list[tuple[float, float]]:
    """A rough outline of Syria, (lon, lat) pairs, to orient a map: not a boundary."""
    return [(float(lon), float(lat)) for lon, lat in _map()["outline"]]


def label_side(slug: str) -> str:
    """Where a map writes the governorate's name: below (default), above, left or right of its dot."""
    return str(_map()["labels"].get(slug, "below"))

