"""Exports: CSV (BOM, evidence, formula injection), GeoJSON per RFC 7946, ACLED columns and categories."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from typing import Any

import pytest

from summarizer.schemas import AttributionOut, Bilingual, Evidence, Figure, TimelineEvent
from summarizer.timeline import export, geo

T0 = dt.datetime(2024, 12, 1, 9, 0, tzinfo=dt.UTC)


def happening(**over: Any) -> TimelineEvent:
    fields: dict[str, Any] = {
        "id": "ev1",
        "date": dt.date(2024, 11, 30),
        "date_precision": "day",
        "region": "idlib",
        "location": Bilingual(ar="إدلب", en="Idlib"),
        "event_type": "strike",
        "actors": ["Russia", "Syrian opposition"],
        "fatalities": 4,
        "injured": 20,
        "status": "reported",
        "attribution": [AttributionOut(source="Syrian Civil Defence", stance="reports")],
        "description": Bilingual(ar="غارة على إدلب", en="Strike in Idlib: 4 killed"),
        "evidence": [Evidence(article_id="a1", quote="قتل 4 مدنيين في غارة")],
        "article_ids": ["a1"],
        "sources": 1,
        "source_names": ["Outlet A"],
        "first_reported": T0,
        "updated_at": T0,
        "figures": [Figure(kind="fatalities", value=4, source="Outlet A", reported_at=T0, article_id="a1")],
        "reports": ["r1"],
    }
    fields.update(over)
    return TimelineEvent(**fields)


def rows_of(text: str) -> list[dict[str, str]]:
    assert text.startswith(export.BOM)
    return list(csv.DictReader(io.StringIO(text.removeprefix(export.BOM))))


# ------------------------------------------------------------------ CSV


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_a_spreadsheet_would_run_are_escaped(start: str) -> None:
    evil = start + "HYPERLINK(\"http://x\")"
    assert export.safe_cell(evil) == "'" + evil
    row = rows_of(export.to_csv([happening(description=Bilingual(ar=None, en=evil))]))[0]
    assert row["description_en"] == "'" + evil


def test_plain_cells_and_numbers_are_unchanged() -> None:
    assert export.safe_cell("Idlib") == "Idlib"
    assert export.safe_cell("إدلب = حلب") == "إدلب = حلب"
    assert export.safe_cell(4) == 4 and export.safe_cell(None) == ""


def test_csv_has_bom_evidence_and_arabic() -> None:
    two = happening(evidence=[Evidence(article_id="a1", quote="قتل 4"), Evidence(article_id="b2", quote="4 killed")])
    row = rows_of(export.to_csv([two]))[0]
    assert list(row) == list(export.CSV_COLUMNS)
    assert row["evidence"] == "a1: قتل 4\nb2: 4 killed"
    assert row["location_ar"] == "إدلب" and row["fatalities"] == "4"


def test_csv_from_stored_json_is_the_csv_of_the_events() -> None:
    from summarizer.timeline.index import in_language

    evil = happening(
        id="ev2", location=None, actors=[], fatalities=None, injured=None, region=None,
        description=Bilingual(ar=None, en="=cmd()"), article_ids=["-a2", "b3"], source_names=[],
        attribution=[AttributionOut(source="@someone", stance="denies")],
        first_reported=T0.replace(microsecond=123400), updated_at=T0 + dt.timedelta(hours=5),
    )  # fmt: skip
    events = [happening(), evil]
    for lang in (None, "ar", "en"):
        shown = [in_language(h, lang) for h in events]
        text = export.csv_from_json(h.model_dump_json() for h in shown)
        assert text == export.to_csv(shown)
    rows = rows_of(text)
    assert rows[1]["description_en"] == "'=cmd()" and rows[1]["article_ids"] == "'-a2; b3"
    assert rows[1]["attribution"] == "'@someone (denies)" and rows[1]["fatalities"] == ""


# ------------------------------------------------------------------ GeoJSON


def check_rfc7946(doc: dict[str, Any]) -> None:
    """The parts of RFC 7946 a FeatureCollection of points must meet."""
    assert doc["type"] == "FeatureCollection" and isinstance(doc["features"], list)
    assert "crs" not in doc  # removed in RFC 7946: WGS 84 always
    for f in doc["features"]:
        assert f["type"] == "Feature" and set(f) <= {"type", "id", "geometry", "properties", "bbox"}
        assert isinstance(f["id"], str | int) and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is None:
            continue
        assert g["type"] == "Point" and len(g["coordinates"]) == 2
        lon, lat = g["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_is_a_feature_collection_with_lon_lat_order() -> None:
    doc = json.loads(export.geojson_text([happening(), happening(id="ev2", region=None, location=None)]))
    check_rfc7946(doc)
    idlib, nowhere = doc["features"]
    lon, lat = idlib["geometry"]["coordinates"]
    assert 35.5 < lon < 42.5 and 32 < lat < 37.5  # Syria: longitude first, then latitude
    assert lon > lat  # in Syria longitude (~36) exceeds latitude (~35.9) for Idlib: the order is [lon, lat]
    assert idlib["id"] == "ev1" and idlib["properties"]["fatalities"] == 4
    assert idlib["properties"]["geo_precision"] == 3
    assert nowhere["geometry"] is None and nowhere["properties"]["geo_precision"] is None


def test_a_named_town_is_placed_at_the_town() -> None:
    town = happening(region="aleppo", location=Bilingual(ar="الأتارب", en="al-Atarib"))
    point = geo.event_point(town)
    aleppo = geo.region_point("aleppo")
    assert point is not None and aleppo is not None and point.precision == 1
    assert (point.lat, point.lon) != (aleppo.lat, aleppo.lon)
    assert abs(point.lat - aleppo.lat) < 0.5 and abs(point.lon - aleppo.lon) < 0.5  # west of Aleppo city
    # a place named in another region than the event's is not trusted: the region's point is used
    elsewhere = happening(region="daraa", location=Bilingual(ar=None, en="al-Atarib"))
    assert geo.event_point(elsewhere) == geo.region_point("daraa")


def test_every_governorate_has_a_point_inside_syria() -> None:
    from summarizer.reading import places

    syria = [r for r in places.regions() if r.country == "SY"]
    assert len(syria) == 14
    for r in syria:
        p = geo.region_point(r.slug)
        assert p is not None, r.slug
        assert 35.5 < p.lon < 42.5 and 32.3 < p.lat < 37.4, r.slug


# ------------------------------------------------------------------ ACLED

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
    "actor2", "country", "iso", "admin1", "location", "latitude", "longitude", "geo_precision", "source",
    "notes", "fatalities",
]  # fmt: skip
ACLED_TYPES = {
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Strategic developments", "Protests",
    "Riots",
}  # fmt: skip


def test_acled_rows_have_acleds_columns() -> None:
    row = rows_of(export.to_acled([happening()]))[0]
    assert set(ACLED_COLUMNS) <= set(row)
    assert row["event_date"] == "2024-11-30" and row["year"] == "2024" and row["time_precision"] == "1"
    assert row["country"] == "Syria" and row["iso"] == "760" and row["admin1"] == "Idlib"
    assert row["event_id_cnty"] == "SYR-ev1" and row["region"] == "Middle East"
    assert row["disorder_type"] == "Political violence"
    nowhere = rows_of(export.to_acled([happening(region=None, location=None)]))[0]
    assert nowhere["country"] == "" and nowhere["latitude"] == "" and nowhere["geo_precision"] == ""
    assert row["actor1"] == "Russia" and row["actor2"] == "Syrian opposition"
    assert float(row["latitude"]) == pytest.approx(35.93, abs=0.01)
    assert row["fatalities"] == "4" and row["source"] == "Outlet A" and row["notes"].startswith("Strike")


def test_every_event_type_maps_to_an_acled_category() -> None:
    from typing import get_args

    from summarizer.schemas import EventType

    mapping = export.acled_mapping()
    assert set(mapping["types"]) == set(get_args(EventType))
    for t in get_args(EventType):
        event_type, _ = export.acled_category(happening(event_type=t))
        assert event_type in ACLED_TYPES and event_type in mapping["disorder_type"]


def test_acled_categories_follow_the_words() -> None:
    shelling = happening(description=Bilingual(ar=None, en="Artillery shelling hit the town"))
    assert export.acled_category(shelling) == ("Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert export.acled_category(happening(description=Bilingual(en="An air raid")))[1] == "Air/drone strike"
    toll = happening(event_type="casualties", evidence=[Evidence(article_id="a1", quote="قتل 3 مدنيين")])
    assert export.acled_category(toll)[0] == "Violence against civilians"
    other_toll = happening(event_type="casualties", evidence=[Evidence(article_id="a1", quote="قتل 3 عناصر")],
                           description=Bilingual(en="3 fighters killed"))  # fmt: skip
    assert export.acled_category(other_toll)[0] == "Strategic developments"
    assert rows_of(export.to_acled([happening(date_precision="month")]))[0]["time_precision"] == "3"

