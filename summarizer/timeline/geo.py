"""Where a happening is on a map: a point and how precise it is, from the service's coordinate data."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from summarizer.reading import places
from summarizer.schemas import Event

# ACLED's geo_precision: 1 the named town or site itself, 2 near it or a district, 3 only the governorate
GeoPrecision = Literal[1, 2, 3]


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


@functools.cache
def _governorates() -> dict[str, Point]:
    return {
        slug: Point(lat=float(c["lat"]), lon=float(c["lon"]), precision=3)
        for slug, c in _data()["governorates"].items()
    }


def outline() -> list[tuple[float, float]]:
    """A rough outline of Syria, (lon, lat) pairs, to orient a map: not a boundary."""
    return [(float(lon), float(lat)) for lon, lat in _data()["outline"]]


def label_side(slug: str) -> str:
    """Where a map writes the governorate's name: below (default), above, left or right of its dot."""
    return str(_data()["governorates"].get(slug, {}).get("label", "below"))


def region_point(slug: str) -> Point | None:
    """A governorate's administrative centre."""
    return _governorates().get(slug)


def event_point(event: Event) -> Point | None:
    """The happening's point: its governorate's centre (precision 3); None when no governorate is known."""
    return region_point(event.region) if event.region else None


def country_of(region: places.Region) -> str:
    """The ISO 3166-1 alpha-2 code of a region's country (every region is Syrian until the gazetteer says)."""
    return str(getattr(region, "country", "SY"))
