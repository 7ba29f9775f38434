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


@functools.cache
def _data() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        resources.files("summarizer.data").joinpath("coordinates.json").read_text("utf-8")
    )
    return raw


def _own_point(obj: object) -> tuple[float, float] | None:
    """The (lat, lon) a gazetteer entry carries, when it carries them."""
    lat, lon = getattr(obj, "lat", None), getattr(obj, "lon", None)
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def region_point(slug: str) -> Point | None:
    """A region's point: the gazetteer's, else the stand-in for Syria's governorates (coordinates.json)."""
    region = places.resolve_region(slug)
    own = _own_point(region)
    if own is not None:
        return Point(lat=own[0], lon=own[1], precision=3)
    c = _data()["governorates"].get(slug)
    return Point(lat=float(c["lat"]), lon=float(c["lon"]), precision=3) if c else None


def place_point(name: str, region: str | None) -> Point | None:
    """The point of the first place named in ``name`` (of ``region`` when one is given) that has coordinates:
    precision 1 for a town or site, 2 for a district, road or area."""
    for match in places.find_places(name):
        place = match.place
        if region is not None and place.region != region:
            continue
        own = _own_point(place)
        if own is not None and place.kind != "governorate":
            return Point(lat=own[0], lon=own[1], precision=1 if place.kind in _SITES else 2)
    return None


def event_point(event: Event) -> Point | None:
    """The happening's place when the gazetteer locates it, else its region's point; None when neither is known."""
    if event.location is not None:
        for name in (event.location.en, event.location.ar):
            point = place_point(name, event.region) if name else None
            if point is not None:
                return point
    return region_point(event.region) if event.region else None


def outline() -> list[tuple[float, float]]:
    """A rough outline of Syria, (lon, lat) pairs, to orient a map: not a boundary."""
    return [(float(lon), float(lat)) for lon, lat in _data()["outline"]]


def label_side(slug: str) -> str:
    """Where a map writes the governorate's name: below (default), above, left or right of its dot."""
    return str(_data()["governorates"].get(slug, {}).get("label", "below"))


def country_of(region: places.Region) -> str:
    """The ISO 3166-1 alpha-2 code of a region's country (every region is Syrian until the gazetteer says)."""
    return str(getattr(region, "country", "SY"))
