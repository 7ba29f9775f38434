"""Timeline exports for analysts: CSV for spreadsheets, GeoJSON (RFC 7946) for maps, ACLED-style rows."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
from collections.abc import Iterable, Sequence
from importlib import resources
from typing import Any

from summarizer.reading import places
from summarizer.schemas import TimelineEvent
from summarizer.timeline import geo

BOM = "\ufeff"  # Excel reads UTF-8 (Arabic) only when the file starts with it
_FORMULA_START = frozenset(("=", "+", "-", "@", "\t", "\r"))

CSV_COLUMNS = (
    "id", "date", "date_precision", "region", "location_ar", "location_en", "event_type", "actors",
    "fatalities", "injured", "status", "attribution", "sources", "source_names", "first_reported",
    "updated_at", "description_ar", "description_en", "evidence", "article_ids",
)  # fmt: skip


def safe_cell(value: object) -> str | int | float:
    """A cell a spreadsheet shows as text: one starting with = + - @, tab or CR gets a leading apostrophe
    (OWASP's advice against formula injection); numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, str):  # most cells: checked first
        return "'" + value if value[:1] in _FORMULA_START else value
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int | float):
        return value
    text = str(value)
    return "'" + text if text[:1] in _FORMULA_START else text


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    out.write(BOM)
    w = csv.writer(out)
    w.writerow(header)
    for row in rows:
        w.writerow([safe_cell(v) for v in row])
    return out.getvalue()


def evidence_text(h: TimelineEvent) -> str:
    """Every quote with the article it comes from, one per line."""
    return "\n".join(f"{e.article_id}: {e.quote}" for e in h.evidence)


def to_csv(events: list[TimelineEvent]) -> str:
    """One row per happening, lists joined with "; ", evidence one quote per line; UTF-8 with a BOM."""
    return _table(
        CSV_COLUMNS,
        (
            [
                h.id, h.date.isoformat(), h.date_precision, h.region,
                h.location.ar if h.location else None, h.location.en if h.location else None,
                h.event_type, "; ".join(h.actors), h.fatalities, h.injured, h.status,
                "; ".join(f"{a.source} ({a.stance})" for a in h.attribution), h.sources,
                "; ".join(h.source_names), h.first_reported.isoformat(), h.updated_at.isoformat(),
                h.description.ar, h.description.en, evidence_text(h), "; ".join(h.article_ids),
            ]
            for h in events
        ),
    )  # fmt: skip


def _moment(text: str) -> str:
    """A stored (JSON) time as ``datetime.isoformat`` writes it, as to_csv does ("Z" becomes "+00:00")."""
    return dt.datetime.fromisoformat(text).isoformat()


def csv_from_json(bodies: Iterable[str]) -> str:
    """What to_csv gives for these happenings, read from their stored JSON (as the timeline keeps it) with
    json.loads: no model is built per row, so a page costs about what its JSON costs. Only free text and
    client-given ids go through safe_cell; ids made here, days, kinds, statuses, counts and times cannot
    start a formula."""
    out = io.StringIO()
    out.write(BOM)
    w = csv.writer(out)
    w.writerow(CSV_COLUMNS)
    cell = safe_cell
    for body in bodies:
        h = json.loads(body)
        where, said = h["location"] or {}, h["description"]
        w.writerow(
            (
                h["id"], h["date"], h["date_precision"], h["region"] or "", cell(where.get("ar")),
                cell(where.get("en")), h["event_type"], cell("; ".join(h["actors"])), cell(h["fatalities"]),
                cell(h["injured"]), h["status"],
                cell("; ".join(f"{a['source']} ({a['stance']})" for a in h["attribution"])), h["sources"],
                cell("; ".join(h["source_names"])), _moment(h["first_reported"]), _moment(h["updated_at"]),
                cell(said["ar"]), cell(said["en"]),
                cell("\n".join(f"{e['article_id']}: {e['quote']}" for e in h["evidence"])),
                cell("; ".join(h["article_ids"])),
            )
        )  # fmt: skip
    return out.getvalue()


def to_geojson(events: list[TimelineEvent]) -> dict[str, Any]:
    """An RFC 7946 FeatureCollection: each happening a Point at its place ([longitude, latitude], WGS 84),
    or a null geometry when no place is known; the event's fields as properties."""
    features = []
    for h in events:
        point = geo.event_point(h)
        props = h.model_dump(mode="json", exclude={"id"})
        props["geo_precision"] = point.precision if point else None
        features.append(
            {
                "type": "Feature",
                "id": h.id,
                "geometry": {"type": "Point", "coordinates": [point.lon, point.lat]} if point else None,
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_text(events: list[TimelineEvent]) -> str:
    return json.dumps(to_geojson(events), ensure_ascii=False)


@functools.cache
def acled_mapping() -> dict[str, Any]:
    mapping: dict[str, Any] = json.loads(
        resources.files("summarizer.data").joinpath("acled.json").read_text("utf-8")
    )
    return mapping


def acled_category(h: TimelineEvent) -> tuple[str, str]:
    """ACLED's (event_type, sub_event_type) for a happening, by the data file's rules."""
    rule = acled_mapping()["types"][h.event_type]
    text = " ".join(
        [h.description.en or "", h.description.ar or "", *(e.quote for e in h.evidence)]
    ).casefold()
    for alt in rule.get("when_text", []):
        if any(w.casefold() in text for w in alt["words"]):
            return str(alt["event_type"]), str(alt["sub_event_type"])
    return str(rule["event_type"]), str(rule["sub_event_type"])


def acled_row(h: TimelineEvent) -> dict[str, object]:
    m = acled_mapping()
    event_type, sub_event_type = acled_category(h)
    point = geo.event_point(h)
    region = places.resolve_region(h.region) if h.region else None
    country = m["countries"].get(region.country) if region else None
    parties = h.actors or [a.source for a in h.attribution if a.stance != "reports"]
    return {
        "event_id_cnty": f"{country['iso3'] if country else 'XXX'}-{h.id}",
        "event_date": h.date.isoformat(),
        "year": h.date.year,
        "time_precision": m["time_precision"][h.date_precision],
        "disorder_type": m["disorder_type"][event_type],
        "event_type": event_type,
        "sub_event_type": sub_event_type,
        "actor1": parties[0] if parties else None,
        "assoc_actor_1": None,
        "inter1": None,
        "actor2": parties[1] if len(parties) > 1 else None,
        "assoc_actor_2": "; ".join(parties[2:]) or None,
        "inter2": None,
        "interaction": None,
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else None,
        "iso": country["iso"] if country else None,
        "region": country["region"] if country else None,
        "country": country["name"] if country else None,
        "admin1": region.name_en if region else None,
        "admin2": None,
        "admin3": None,
        "location": (h.location.en or h.location.ar) if h.location else (region.name_en if region else None),
        "latitude": point.lat if point else None,
        "longitude": point.lon if point else None,
        "geo_precision": point.precision if point else None,
        "source": "; ".join(h.source_names),
        "source_scale": None,
        "notes": h.description.en or h.description.ar,
        "fatalities": h.fatalities or 0,
        "tags": "disputed" if h.status == "disputed" else None,
        "timestamp": int(h.updated_at.timestamp()),
    }


def to_acled(events: list[TimelineEvent]) -> str:
    """Rows with ACLED's column names and categories (data/acled.json), as CSV with a BOM."""
    columns: list[str] = acled_mapping()["columns"]
    return _table(columns, ([acled_row(h)[c] for c in columns] for h in events))


def render(fmt: str, events: list[TimelineEvent]) -> tuple[str, str]:
    """The body and media type of an export: csv, geojson or acled."""
    if fmt == "csv":
        return to_csv(events), "text/csv; charset=utf-8"
    if fmt == "geojson":
        return geojson_text(events), "application/geo+json"
    if fmt == "acled":
        return to_acled(events), "text/csv; charset=utf-8"
    raise ValueError(f"unknown export format {fmt!r}")
