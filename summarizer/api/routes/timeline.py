"""GET /timeline and GET /regions: stored events by governorate and date; the governorates known."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.concurrency import run_in_threadpool

from summarizer import places
from summarizer.api.deps import ServicesDep
from summarizer.errors import InputError, NotFound
from summarizer.schemas import Bilingual, ErrorResponse, Event, RegionOut, RegionsResponse, TimelineResponse

router = APIRouter(tags=["timeline"])


def region_out(r: places.Region) -> RegionOut:
    return RegionOut(
        slug=r.slug, name=Bilingual(ar=r.name_ar, en=r.name_en), iso=r.iso, aliases=list(r.aliases)
    )


def _day(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(
            f"{name}={value!r} is not a date; use YYYY-MM-DD, e.g. 2024-11-30", field=name
        ) from None


def _in_language(e: Event, lang: Literal["ar", "en"] | None) -> Event:
    if lang is None:
        return e
    other = "en" if lang == "ar" else "ar"
    keep = {other: None}
    return e.model_copy(
        update={
            "description": e.description.model_copy(update=keep),
            "location": e.location.model_copy(update=keep) if e.location else None,
        }
    )


@router.get("/timeline", responses={404: {"model": ErrorResponse}, 422: {"model": ErrorResponse}})
async def timeline(
    services: ServicesDep,
    region: Annotated[str | None, Query(description="Governorate slug or alias, Arabic or English")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="First day, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="Last day, YYYY-MM-DD")] = None,
    lang: Annotated[Literal["ar", "en"] | None, Query(description="Keep only this language's texts")] = None,
) -> TimelineResponse:
    found: places.Region | None = None
    if region is not None:
        found = places.resolve_region(region)
        if found is None:
            known = ", ".join(r.slug for r in places.regions())
            raise NotFound(f"unknown region {region!r}; known regions: {known}", field="region")
    start, end = _day(date_from, "from"), _day(date_to, "to")
    if start and end and start > end:
        raise InputError(f"from={start} is after to={end}; swap them", field="from")
    events = await run_in_threadpool(
        services.store.events, region=found.slug if found else None, date_from=start, date_to=end
    )
    return TimelineResponse(
        region=region_out(found) if found else None, events=[_in_language(e, lang) for e in events]
    )


@router.get("/regions")
async def regions() -> RegionsResponse:
    return RegionsResponse(regions=[region_out(r) for r in places.regions()])
