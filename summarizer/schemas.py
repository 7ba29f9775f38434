"""Pydantic models: the REST contract (requests, responses) and the JSON the LLM is asked to fill."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

Lang = Literal["ar", "en"]
LANGS: tuple[Lang, ...] = ("ar", "en")
Precision = Literal["day", "month", "year"]
Stance = Literal["reports", "claims", "denies"]
Status = Literal["reported", "disputed"]
EventType = Literal[
    "control_change",  # a side takes, enters or loses a place
    "withdrawal",  # forces pull out or redeploy
    "reinforcement",  # forces sent in
    "strike",  # air, missile or artillery strike
    "clash",  # fighting between forces
    "casualties",  # a toll reported without a single strike or clash
    "statement",  # an official position, claim or denial
    "diplomacy",  # calls, visits and meetings between governments
    "displacement",  # people fleeing or returning
    "other",
]

NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ------------------------------------------------------------------ requests


def valid_unicode(v: object) -> object:
    """Refuse text that cannot be written as UTF-8 (a lone surrogate such as "\\ud800" in the JSON) or stored
    by every database (a NUL character: Postgres refuses it in text)."""
    if isinstance(v, list | tuple):
        for item in v:
            valid_unicode(item)
    if isinstance(v, str):
        if (at := v.find("\x00")) >= 0:
            raise ValueError(
                f"has a NUL character (\\u0000) at character {at}, which is not text; remove it"
            )
        try:
            v.encode("utf-8")
        except UnicodeEncodeError as e:
            raise ValueError(
                f"has an unpaired surrogate (\\u{ord(v[e.start]):04x}) at character {e.start}, which is not "
                "valid Unicode; send the text as UTF-8"
            ) from None
    return v


class Input(Strict):
    """A request model: every string in it must be valid Unicode."""

    @field_validator("*")
    @classmethod
    def _unicode(cls, v: object) -> object:
        return valid_unicode(v)


def parse_published_at(value: str) -> tuple[dt.datetime, bool]:
    """An ISO 8601 date or date-time as an aware datetime (naive means UTC) and whether it was a date."""
    text = value.strip()
    try:
        if len(text) == 10:
            d = dt.date.fromisoformat(text)
            return dt.datetime(d.year, d.month, d.day, tzinfo=dt.UTC), True
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"{value!r} is not an ISO 8601 date or date-time; send e.g. 2024-12-01 or 2024-12-01T12:00:00+03:00"
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment, False


class ArticleIn(Input):
    """One article as a client submits it."""

    id: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)] | None = Field(
        None, description="The client's id; default: a hash of the content."
    )
    text: str = Field(description="The article text, as published. Quotes are exact substrings of it.")
    published_at: str = Field(
        description="ISO 8601 date or date-time; naive means UTC. Relative dates are resolved from it.",
        examples=["2024-12-01T12:00:00+03:00"],
    )
    title: str | None = Field(None, max_length=1000)
    source: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    language: Lang | None = Field(None, description="ar or en; detected from the script when absent.")
    correction: bool = Field(
        False,
        description="This text corrects an article already posted under the same id: the earlier version and "
        "its events stay in the history. Without it, other text under a stored id is a 409.",
    )

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("is empty or only white space; send the article's text")
        return v

    @field_validator("published_at")
    @classmethod
    def _iso(cls, v: str) -> str:
        parse_published_at(v)
        return v


class SummarizeRequest(Input):
    articles: list[ArticleIn] = Field(min_length=1, description="The articles to summarize.")
    languages: list[Lang] = Field(default_factory=lambda: list(LANGS), min_length=1)

    @field_validator("languages")
    @classmethod
    def _unique(cls, v: list[Lang]) -> list[Lang]:
        return list(dict.fromkeys(v))


# ------------------------------------------------------------------ shared parts


class Evidence(Input):
    article_id: str
    quote: NonBlank = Field(description="Exact words copied from that article's text.")


class Bilingual(Strict):
    ar: str | None = None
    en: str | None = None


class AttributionOut(Strict):
    source: NonBlank
    stance: Stance


# ------------------------------------------------------------------ what the LLM fills
# Every string and list is bounded (the schema sent to the model carries the bounds, so a looping model
# ends inside them); the engine adds an enum of the group's article ids to article_id.

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=400)]


class LLMEvidence(Evidence):
    article_id: Annotated[str, StringConstraints(max_length=200)]
    quote: Text


class LLMBilingual(Bilingual):
    ar: Annotated[str, StringConstraints(max_length=400)] | None = None
    en: Annotated[str, StringConstraints(max_length=400)] | None = None


class LLMAttribution(AttributionOut):
    source: Short
    stance: Stance


class LLMBullet(Strict):
    text: Text
    evidence: list[LLMEvidence] = Field(min_length=1, max_length=3)


class LLMLangSummary(Strict):
    headline: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    bullets: list[LLMBullet] = Field(max_length=8)


class LLMSummary(Strict):
    ar: LLMLangSummary | None
    en: LLMLangSummary | None


class LLMEvent(Strict):
    date: dt.date = Field(
        description="When it happened (not when reported); first of month/year if less precise."
    )
    date_precision: Precision
    region: Annotated[str, StringConstraints(max_length=40)] | None = Field(
        description="Syrian governorate slug such as hama or aleppo; null if none."
    )
    location: LLMBilingual | None
    event_type: EventType
    actors: list[Short] = Field(max_length=6)
    fatalities: int | None = Field(ge=0, le=1_000_000)
    injured: int | None = Field(ge=0, le=1_000_000)
    status: Status
    attribution: list[LLMAttribution] = Field(max_length=4)
    description: LLMBilingual
    evidence: list[LLMEvidence] = Field(min_length=1, max_length=3)


class LLMGroupOutput(Strict):
    """The JSON object the model returns for one group of articles."""

    topic: LLMBilingual
    keywords: list[Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]] = (
        Field(max_length=12)
    )
    summary: LLMSummary
    events: list[LLMEvent] = Field(max_length=12)


# ------------------------------------------------------------------ responses


class Bullet(Strict):
    text: str
    evidence: list[Evidence] = Field(min_length=1)


class LangSummary(Strict):
    headline: str
    bullets: list[Bullet]


class Summary(Strict):
    ar: LangSummary | None = None
    en: LangSummary | None = None
    unavailable: dict[Lang, str] = Field(
        default_factory=dict, description="Why a language is null; a missing language is never faked."
    )


class Topic(Strict):
    label: Bilingual
    keywords: list[str]


class Event(Strict):
    id: str
    date: dt.date
    date_precision: Precision
    region: str | None
    location: Bilingual | None
    event_type: EventType
    actors: list[str]
    fatalities: int | None
    injured: int | None
    status: Status
    attribution: list[AttributionOut]
    description: Bilingual
    evidence: list[Evidence] = Field(min_length=1)
    article_ids: list[str]


class Group(Strict):
    id: str
    day: dt.date
    topic: Topic
    article_ids: list[str]
    summary: Summary
    events: list[Event]


class Usage(Strict):
    llm_calls: int = 0
    input_tokens: int = 0
    output_tokens: int = 0

    def add(self, other: Usage) -> None:
        self.llm_calls += other.llm_calls
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens


class Flag(Strict):
    """Something dropped or doubtful, said out loud instead of served silently."""

    group_id: str | None = None
    kind: Literal[
        "dropped_bullet", "dropped_event", "dropped_field", "repaired_quote", "fallback", "language", "reask"
    ]
    message: str


class Meta(Strict):
    engine: Literal["extractive", "llm"]
    model: str
    prompt_version: str | None
    cached: bool
    degraded: bool
    usage: Usage
    notes: list[str] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    made_by: dict[str, str] = Field(
        default_factory=dict,
        description="Group id -> the engine that made it ('extractive' or 'llm:<model>'): a group the fallback "
        "served says extractive, here and in the store.",
    )


class SummarizeResponse(Strict):
    groups: list[Group]
    meta: Meta


class RegionOut(Strict):
    slug: str
    name: Bilingual
    iso: str | None = Field(None, description="ISO 3166-2 code, e.g. SY-HL, PS-GZA")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code, e.g. SY, LB")
    lat: float | None = Field(None, description="Latitude of the capital or an approximate centre (WGS84)")
    lon: float | None = Field(None, description="Longitude of the capital or an approximate centre (WGS84)")
    aliases: list[str] = Field(default_factory=list)


class Figure(Strict):
    """One report of a figure: kept with who gave it and when, never averaged with the others."""

    kind: Literal["fatalities", "injured"]
    value: int
    source: str | None = Field(
        description="Who gave it: the speaker its quote names, else the outlet; null when the article names neither."
    )
    reported_at: dt.datetime
    article_id: str
    corrected_at: dt.datetime | None = Field(
        None, description="When a correction of its article withdrew this figure; null while it stands."
    )


class TimelineEvent(Event):
    """One happening: every report of it merged, with its evidence, sources, figures and disputes."""

    sources: int = Field(description="Distinct sources (outlets) that report it.")
    source_names: list[str]
    first_reported: dt.datetime = Field(description="Publication time of the earliest report.")
    updated_at: dt.datetime = Field(description="When this service last learned something about it.")
    figures: list[Figure] = Field(
        description="Every reported toll, oldest first; fatalities/injured are the latest."
    )
    reports: list[str] = Field(description="Ids of the per-article events merged into this one.")


class TimelineResponse(Strict):
    region: RegionOut | None
    events: list[TimelineEvent]
    next_cursor: str | None = Field(None, description="Pass as cursor= for the next page; null on the last.")


class StoredArticle(Strict):
    """GET /articles/{id}: an article as stored, so a quote can be read in its context."""

    id: str
    text: str
    published_at: dt.datetime
    language: Lang
    title: str | None = None
    source: str | None = None
    url: str | None = None


class RegionsResponse(Strict):
    regions: list[RegionOut]


class HealthResponse(Strict):
    status: Literal["ok"]
    engine: Literal["extractive", "llm"]
    model: str
    prompt_version: str | None


class ReadyResponse(Strict):
    status: Literal["ready"]
    engine: Literal["extractive", "llm"]
    model: str


# ------------------------------------------------------------------ verification

IssueKind = Literal["number", "category", "date", "place", "actor", "stance", "quote", "unsupported"]
ClaimVerdict = Literal["supported", "unverifiable", "unsupported", "contradicted"]
Verdict = Literal["supported", "contradicted", "not_enough_info"]


class VerifyBullet(Input):
    text: NonBlank
    evidence: list[Evidence] = Field(
        default_factory=list,
        description="Quotes the bullet cites; checked as given. Without any, the checker finds its evidence.",
    )


class VerifyRequest(Input):
    articles: list[ArticleIn] = Field(min_length=1, description="The sources, as for /summarize.")
    summary: str | None = Field(None, description="Free text, Arabic or English: split into claims.")
    bullets: list[VerifyBullet] | None = Field(
        None, min_length=1, description="Claims, each with its evidence."
    )
    judge: bool = Field(False, description="Also ask the configured LLM for meaning-level verdicts.")

    @model_validator(mode="after")
    def _one_of(self) -> VerifyRequest:
        if (self.summary is None) == (self.bullets is None):
            raise ValueError("send exactly one of summary (free text) or bullets (claims with evidence)")
        if self.summary is not None and not self.summary.strip():
            raise ValueError("summary is empty; send the text to verify")
        return self


class IssueOut(Strict):
    kind: IssueKind
    text: str = Field(description="The claim's words at fault.")
    message: str


class ClaimOut(Strict):
    text: str
    supported: bool = Field(description="Deterministic verdict: every number, date, place, actor and quote holds.")
    verdict: ClaimVerdict = Field(
        description="supported; unverifiable (no problem found, but its evidence does not decide it); unsupported "
        "(nothing in the sources states it); contradicted (its evidence states another figure, date, place, actor "
        "or stance)."
    )
    evidence: list[Evidence] = Field(description="The source sentences (exact words) the claim was checked against.")
    issues: list[IssueOut]


class JudgeVerdict(Strict):
    claim: int = Field(description="Index into claims.")
    verdict: Verdict
    reason: str


class JudgeOut(Strict):
    """Meaning-level verdicts of an LLM, reported apart from the deterministic ones and never mixed in."""

    model: str
    prompt_version: str
    verdicts: list[JudgeVerdict]


class VerifyMeta(Strict):
    checker: str
    claims: int
    supported: int
    unverifiable: int = Field(0, description="Claims its evidence does not decide: they do not make the text unfaithful.")
    notes: list[str] = Field(default_factory=list)


class VerifyResponse(Strict):
    faithful: bool = Field(
        description="True when no claim is unsupported or contradicted by the deterministic checker "
        "(unverifiable claims do not count against it)."
    )
    claims: list[ClaimOut]
    judge: JudgeOut | None = None
    meta: VerifyMeta


class ErrorBody(Strict):
    code: str
    message: str
    fields: list[dict[str, str]] = Field(default_factory=list)


class ErrorResponse(Strict):
    error: ErrorBody
