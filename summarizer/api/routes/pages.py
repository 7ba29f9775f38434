"""GET /: the newsroom's timeline page, server-rendered in Arabic (RTL) or English, with map and evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import math
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, cast, get_args
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from summarizer.api.auth import KEY_COOKIE, Principal, require
from summarizer.api.deps import ServicesDep
from summarizer.errors import Forbidden, Unauthorized
from summarizer.offload import run_cpu
from summarizer.reading import places
from summarizer.schemas import Bilingual, EventType, Lang, Status, TimelineEvent
from summarizer.timeline import geo
from summarizer.timeline import query as tl

router = APIRouter(include_in_schema=False)

HERE = Path(__file__).resolve().parents[1]
STATIC_DIR = HERE / "static"
templates = Jinja2Templates(directory=str(HERE / "templates"))

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
STATUSES: tuple[str, ...] = get_args(Status)
PAGE_LIMIT = tl.MAX_LIMIT

MAP_WIDTH = 520.0  # every country is drawn this wide (Syria's size at 80 pixels per degree), labels stay legible
MAP_PAD = 0.6  # degrees of margin around the country's regions


@dataclass(frozen=True)
class Projection:
    """An equirectangular projection of one country's extent, x stretched by cos(latitude)."""

    lon0: float
    lat1: float
    xscale: float
    yscale: float
    width: int
    height: int

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return round((lon - self.lon0) * self.xscale, 1), round((self.lat1 - lat) * self.yscale, 1)


@functools.cache
def projection(country: str) -> Projection:
    """The map's frame for a country: the box around its regions' points, MAP_WIDTH wide."""
    pts = [(r.lon, r.lat) for r in places.regions(country)]
    if country == "SY":
        pts += geo.outline()
    lon0, lon1 = min(p[0] for p in pts) - MAP_PAD, max(p[0] for p in pts) + MAP_PAD
    lat0, lat1 = min(p[1] for p in pts) - MAP_PAD, max(p[1] for p in pts) + MAP_PAD
    stretch = math.cos(math.radians((lat0 + lat1) / 2))
    scale = MAP_WIDTH / ((lon1 - lon0) * stretch)
    return Projection(
        lon0=lon0,
        lat1=lat1,
        xscale=scale * stretch,
        yscale=scale,
        width=round((lon1 - lon0) * scale * stretch),
        height=round((lat1 - lat0) * scale),
    )


def map_country(f: Filters, counts: dict[str, int]) -> str:
    """The country the map shows: the selected region's, else the one with the most events (Syria when none)."""
    if f.region is not None:
        return f.region.country
    by_country: dict[str, int] = {}
    for slug, n in counts.items():
        r = places.resolve_region(slug)
        if r is not None:
            by_country[r.country] = by_country.get(r.country, 0) + n
    return max(sorted(by_country), key=lambda c: by_country[c], default="SY")


@functools.cache
def strings() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resources.files("summarizer.data").joinpath("ui.json").read_text("utf-8"))
    return data


@functools.cache
def asset_url(name: str) -> str:
    """/static/<name>?v=<hash of its content>: browsers may cache it for good and still see changes."""
    digest = hashlib.sha256((STATIC_DIR / name).read_bytes()).hexdigest()[:12]
    return f"/static/{name}?v={digest}"


@dataclass
class Filters:
    """The page's choices, validated leniently: what is wrong is ignored and said on the page."""

    lang: Lang = "ar"
    region: places.Region | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    types: list[EventType] = field(default_factory=list)
    status: Status | None = None
    problems: list[str] = field(default_factory=list)

    def params(self, **changes: Any) -> list[tuple[str, str]]:
        values: dict[str, Any] = {
            "lang": self.lang,
            "region": self.region.slug if self.region else None,
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "type": self.types,
            "status": self.status,
        }
        values.update(changes)
        out: list[tuple[str, str]] = []
        for key, value in values.items():
            for v in value if isinstance(value, list) else [value]:
                if v not in (None, ""):
                    out.append((key, str(v)))
        return out

    def link(self, **changes: Any) -> str:
        return "/?" + urlencode(self.params(**changes))

    def export_link(self, fmt: str) -> str:
        kept = [(k, v) for k, v in self.params() if k != "lang"]
        return "/timeline?" + urlencode([*kept, ("limit", str(PAGE_LIMIT)), ("format", fmt)])


def _day(value: str | None, name: str, problems: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}={value!r}: YYYY-MM-DD")
        return None


def read_filters(
    lang: str | None, region: str | None, date_from: str | None, date_to: str | None,
    types: list[str], status: str | None,
) -> Filters:  # fmt: skip
    f = Filters(lang="en" if lang == "en" else "ar")
    if region:
        f.region = places.resolve_region(region)
        if f.region is None:
            f.problems.append(f"region={region!r}")
    f.date_from = _day(date_from, "from", f.problems)
    f.date_to = _day(date_to, "to", f.problems)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        f.problems.append(f"from={f.date_from} > to={f.date_to}")
        f.date_from, f.date_to = f.date_to, f.date_from
    f.types = [cast(EventType, t) for t in dict.fromkeys(types) if t in EVENT_TYPES]
    f.problems.extend(f"type={t!r}" for t in types if t and t not in EVENT_TYPES)
    if status:
        if status in STATUSES:
            f.status = cast(Status, status)
        else:
            f.problems.append(f"status={status!r}")
    return f


def pick(text: Bilingual | None, lang: Lang) -> tuple[str, Lang] | None:
    """The text in the page's language, else in the other one (marked with its own lang and dir)."""
    if text is None:
        return None
    other: Lang = "en" if lang == "ar" else "ar"
    for want in (lang, other):
        value = getattr(text, want)
        if value:
            return value, want
    return None


def region_groups(lang: Lang) -> list[tuple[str, list[places.Region]]]:
    """The regions for the picker, by country (Syria first, as the gazetteer orders them)."""
    names = strings()["countries"]
    groups: dict[str, list[places.Region]] = {}
    for r in places.regions():
        groups.setdefault(r.country, []).append(r)
    return [(names.get(code, {}).get(lang, code), rs) for code, rs in groups.items()]


@dataclass(frozen=True)
class MapDot:
    slug: str
    name: str
    x: float
    y: float
    r: float
    count: int
    selected: bool
    href: str
    label_x: float
    label_y: float
    anchor: str  # SVG text-anchor; the map is drawn left to right in both languages
    labelled: bool  # names written on the map: all of Syria's (placed by hand), elsewhere those with events


def outline_path(country: str) -> str:
    """The SVG path of the rough outline of Syria drawn under the dots (other countries have none yet)."""
    if country != "SY":
        return ""
    proj = projection(country)
    points = [proj.xy(lon, lat) for lon, lat in geo.outline()]
    return "M" + " L".join(f"{x},{y}" for x, y in points) + " Z"


def _label(x: float, y: float, r: float, side: str) -> tuple[float, float, str]:
    if side == "left":
        return x - r - 4, y + 5, "end"
    if side == "right":
        return x + r + 4, y + 5, "start"
    if side == "above":
        return x, y - r - 5, "middle"
    return x, y + r + 15, "middle"


def map_dots(f: Filters, counts: dict[str, int], country: str) -> list[MapDot]:
    proj = projection(country)
    most = max((counts.get(r.slug, 0) for r in places.regions(country)), default=0)
    dots = []
    for r in places.regions(country):
        point = geo.region_point(r.slug)
        if point is None:
            continue
        n = counts.get(r.slug, 0)
        x, y = proj.xy(point.lon, point.lat)
        radius = round(6 + (18 * math.sqrt(n / most) if most else 0), 1)
        label_x, label_y, anchor = _label(x, y, radius, geo.label_side(r.slug))
        dots.append(
            MapDot(
                slug=r.slug,
                name=r.name_ar if f.lang == "ar" else r.name_en,
                x=x,
                y=y,
                r=radius,
                count=n,
                selected=f.region is not None and f.region.slug == r.slug,
                href=f.link(region=None if f.region and f.region.slug == r.slug else r.slug),
                label_x=label_x,
                label_y=label_y,
                anchor=anchor,
                labelled=country == "SY" or n > 0 or (f.region is not None and f.region.slug == r.slug),
            )
        )
    return sorted(dots, key=lambda d: -d.r)  # small dots drawn last, over the big ones


def _events(services: Any, f: Filters) -> tuple[list[TimelineEvent], dict[str, int], bool]:
    base = tl.Query(
        date_from=f.date_from,
        date_to=f.date_to,
        event_types=tuple(f.types),
        status=f.status,
        limit=PAGE_LIMIT,
    )
    everywhere, more = tl.happenings(services.store, base)
    counts: dict[str, int] = {}
    for h in everywhere:
        if h.region:
            counts[h.region] = counts.get(h.region, 0) + 1
    if f.region is None:
        return everywhere, counts, more is not None
    here, more_here = tl.happenings(services.store, dataclasses.replace(base, region=f.region.slug))
    return here, counts, more_here is not None


_read = require("read")
KEY_COOKIE_SECONDS = 12 * 3600


async def page_caller(request: Request) -> Principal | None:
    """The page's reader under GET /timeline's key rules, or None when a key is missing or may not read."""
    try:
        return await _read(request)
    except (Unauthorized, Forbidden):
        return None


def page_context(f: Filters) -> dict[str, Any]:
    """What every page's frame (base.html) needs: filters, language and direction, words, assets."""
    return {
        "f": f,
        "lang": f.lang,
        "dir": "rtl" if f.lang == "ar" else "ltr",
        "other_lang": "en" if f.lang == "ar" else "ar",
        "t": {k: v[f.lang] for k, v in strings()["labels"].items()},
        "asset": asset_url,
    }


def key_page(request: Request, lang: str | None, *, wrong: bool) -> HTMLResponse:
    """A 401 page asking for a read key (keys are on and the browser has none that reads)."""
    context = page_context(read_filters(lang, None, None, None, [], None)) | {"wrong": wrong}
    return templates.TemplateResponse(request, "key.html", context, status_code=401)


@router.post("/session", include_in_schema=False)
async def remember_key(request: Request, services: ServicesDep) -> Response:
    """The key form: a key that may read is kept in an HttpOnly, same-site cookie; an empty one is forgotten."""
    services.limiter.take(f"session:{request.client.host if request.client else ''}")  # no guessing at speed
    form = parse_qs((await request.body())[:4096].decode("utf-8", "replace"))
    key = (form.get("key") or [""])[0].strip()
    lang = (form.get("lang") or [""])[0] or None
    target = "/?" + urlencode({"lang": lang}) if lang in ("ar", "en") else "/"
    if not key:
        response: Response = RedirectResponse(target, status_code=303)
        response.delete_cookie(KEY_COOKIE, path="/")
        return response
    record = services.keys.check(key) if services.keys else None
    if services.keys and (record is None or not record.allows("read")):
        return key_page(request, lang, wrong=True)
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(
        KEY_COOKIE, key, max_age=KEY_COOKIE_SECONDS, path="/", httponly=True, samesite="strict",
        secure=request.url.scheme == "https",
    )  # fmt: skip
    return response


@router.get("/", response_class=HTMLResponse)
async def timeline_page(
    request: Request,
    services: ServicesDep,
    caller: Annotated[Principal | None, Depends(page_caller)],  # GET /timeline's key rules
    lang: str | None = None,
    region: str | None = None,
    date_from: Annotated[str | None, Query(alias="from")] = None,
    date_to: Annotated[str | None, Query(alias="to")] = None,
    event_type: Annotated[list[str] | None, Query(alias="type")] = None,
    status: str | None = None,
) -> HTMLResponse:
    if caller is None:
        return key_page(request, lang, wrong=False)
    f = read_filters(lang, region, date_from, date_to, event_type or [], status)
    events, counts, truncated = await run_cpu(_events, services, f)
    country = map_country(f, counts)
    ui = strings()
    context = page_context(f) | {
        "type_label": {k: v[f.lang] for k, v in ui["event_types"].items()},
        "status_label": {k: v[f.lang] for k, v in ui["status"].items()},
        "stance_label": {k: v[f.lang] for k, v in ui["stance"].items()},
        "precision_label": {k: v[f.lang] for k, v in ui["precision"].items()},
        "region_groups": region_groups(f.lang),
        "region_name": {r.slug: (r.name_ar if f.lang == "ar" else r.name_en) for r in places.regions()},
        "events": events,
        "truncated": truncated,
        "dots": map_dots(f, counts, country),
        "map_size": (projection(country).width, projection(country).height),
        "outline": outline_path(country),
        "event_types": EVENT_TYPES,
        "statuses": STATUSES,
        "pick": lambda text: pick(text, f.lang),
    }
    return templates.TemplateResponse(
        request, "index.html", context, status_code=422 if f.problems else 200
    )
