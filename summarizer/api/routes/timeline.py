"""GET /timeline and GET /regions: merged events with filters, pages and CSV; the regions known."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from summarizer.api.auth import ReadCaller
from summarizer.api.deps import ServicesDep
from summarizer.config import Settings
from summarizer.errors import InputError, NotFound
from summarizer.offload import run_cpu
from summarizer.reading import places
from summarizer.schemas import (
    Bilingual,
    ErrorResponse,
    EventType,
    RegionOut,
    RegionsResponse,
    Status,
    TimelineResponse,
)
from summarizer.timeline import export
from summarizer.timeline import query as tl

router = APIRouter(tags=["timeline"])


def region_out(r: places.Region) -> RegionOut:
    return RegionOut(
        slug=r.slug,
        name=Bilingual(ar=r.name_ar, en=r.name_en),
        iso=r.iso,
        country=r.country,
        lat=r.lat,
        lon=r.lon,
        aliases=list(r.aliases),
    )


def _in_window(day: dt.date, value: str, name: str, settings: Settings) -> None:
    if not settings.in_window(day):
        raise InputError(
            f"{name}={value!r} is outside the dates this service keeps ({settings.window_text()}); "
            "leave it out to mean no bound",
            field=name,
        )


def _day(value: str | None, name: str, settings: Settings) -> dt.date | None:
    if value is None:
        return None
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{name}={value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-30", field=name
        ) from None
    _in_window(day, value, name, settings)
    return day


def _moment(value: str | None, settings: Settings) -> dt.datetime | None:
    if value is None:
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise InputError(
            f"since={value!r} is not an ISO 8601 time; use e.g. 2024-12-01T12:00:00Z", field="since"
        ) from None
    _in_window(moment.date(), value, "since", settings)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


@router.get(
    "/timeline",
    responses={
        200: {
            "model": TimelineResponse,
            "content": {"text/csv": {}, "application/geo+json": {}},
            "description": "JSON; CSV with format=csv or format=acled; GeoJSON with format=geojson",
        },
        401: {"model": ErrorResponse},
        403: {"model": ErrorResponse},
        404: {"model": ErrorResponse},
        422: {"model": ErrorResponse},
        429: {"model": ErrorResponse},
    },
)
async def timeline(
    services: ServicesDep,
    caller: ReadCaller,
    region: Annotated[
        str | None,
        Query(max_length=200, description="Region slug, ISO 3166-2 code (any case) or name, Arabic or English"),
    ] = None,
    date_from: Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Last day, YYYY-MM-DD")] = None,
    event_type: Annotated[
        list[EventType] | None, Query(alias="type", description="Event type; repeat for several")
    ] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor id or name, Arabic or English")
    ] = None,
    status: Annotated[Status | None, Query(description="reported or disputed")] = None,
    min_sources: Annotated[int, Query(ge=1, le=1000, description="At least this many distinct sources")] = 1,
    since: Annotated[str | None, Query(description="Only events changed after this time (ISO 8601)")] = None,
    lang: Annotated[Literal["ar", "en"] | None, Query(description="Keep only this language's texts")] = None,
    limit: Annotated[int, Query(ge=1, le=tl.MAX_LIMIT, description="Events per page")] = 100,
    cursor: Annotated[
        str | None, Query(max_length=tl.MAX_CURSOR, description="next_cursor of the previous page")
    ] = None,
    format: Annotated[
        Literal["json", "csv", "geojson", "acled"],
        Query(description="json; csv for spreadsheets; geojson (RFC 7946) for maps; acled for ACLED-style rows"),
    ] = "json",
) -> Response:
    """Happenings merged from every report so far: one event per thing that happened, with its evidence,
    sources, figures and disputes. Poll with since= to get only what changed."""
    found: places.Region | None = None
    if region is not None:
        found = places.resolve_region(region)
        if found is None:
            raise NotFound(
                f"unknown region {region!r}; use a slug, an ISO 3166-2 code or a name that GET /regions lists "
                f"(e.g. aleppo, SY-HM, حماة, gaza, LB-JA); a name two regions share (Tripoli) needs the slug",
                field="region",
            )
    start, end = _day(date_from, "from", services.settings), _day(date_to, "to", services.settings)
    if start and end and start > end:
        raise InputError(f"from={start} is after to={end}; swap them", field="from")
    query = tl.Query(
        region=found.slug if found else None,
        date_from=start,
        date_to=end,
        event_types=tuple(event_type or ()),
        actor=actor,
        status=status,
        min_sources=min_sources,
        since=_moment(since, services.settings),
        lang=lang,
        limit=limit,
        cursor=cursor,
    )
    if format == "csv":  # from the stored JSON, without building a model per row
        bodies, next_cursor = await run_cpu(tl.page_json, services.store, query)
        headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
        text = await run_cpu(export.csv_from_json, bodies)
        return Response(text, media_type="text/csv; charset=utf-8", headers=headers)
    if format != "json":
        events, next_cursor = await run_cpu(tl.happenings, services.store, query)
        headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
        text, media_type = await run_cpu(export.render, format, events)
        return Response(text, media_type=media_type, headers=headers)
    bodies, next_cursor = await run_cpu(tl.page_json, services.store, query)
    # each happening's JSON is stored once per version: spliced in, not rebuilt per request
    shell = TimelineResponse(region=region_out(found) if found else None, events=[], next_cursor=next_cursor)
    head, tail = shell.model_dump_json().split('"events":[]', 1)
    return Response(f'{head}"events":[{",".join(bodies)}]{tail}', media_type="application/json")


@router.get("/regions", responses={404: {"model": ErrorResponse}})
async def regions(
    caller: ReadCaller,
    country: Annotated[
        str | None, Query(max_length=8, description="Only this country's regions: ISO 3166-1 alpha-2 code, e.g. LB")
    ] = None,
) -> RegionsResponse:
    """The regions the gazetteer knows (first-level subdivisions, ISO 3166-2), Syria's first."""
    found = places.regions(country)
    if country is not None and not found:
        known = ", ".join(places.countries())
        raise NotFound(f"no regions for country {country!r}; known countries: {known}", field="country")
    return RegionsResponse(regions=[region_out(r) for r in found])
