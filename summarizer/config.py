"""Settings read from SUMMARIZER_* environment variables, validated once at start-up."""

from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer.errors import ConfigError

EXTRACTIVE = "extractive"


class Settings(BaseSettings):
    """Everything configurable. Provider keys come from the providers' own variables
    (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...), read by litellm, not from here."""

    model_config = SettingsConfigDict(env_prefix="SUMMARIZER_", extra="ignore", frozen=True)

    model: str = Field(
        EXTRACTIVE,
        description="'extractive' (offline, default) or a litellm model id such as openai/gpt-4o-mini.",
    )
    api_base: str | None = Field(
        None, description="Base URL of an OpenAI-compatible server (vLLM, Ollama...)."
    )
    api_key: SecretStr | None = Field(None, description="Key for api_base servers that want one.")
    data_dir: Path = Field(Path("data"), description="Where the SQLite store and the response cache live.")
    database_url: str | None = Field(
        None,
        repr=False,  # it may hold a password
        description="The store's database: postgresql://user:password@host:5432/name (several replicas may "
        "share it; migrations run on start); default: the SQLite file data_dir/summarizer.sqlite3.",
    )
    timezone: str = Field("UTC", description="IANA zone in which a publication day starts.")
    llm_timeout: float = Field(60.0, gt=0, le=600, description="Seconds one LLM call may take.")
    llm_retries: int = Field(2, ge=0, le=5, description="Retries of a failed LLM call (errors, timeouts).")
    llm_retry_wait: float = Field(
        0.5, ge=0, le=30, description="First back-off in seconds; doubles per retry."
    )
    llm_reasks: int = Field(2, ge=0, le=5, description="Re-asks when output fails schema or evidence checks.")
    llm_max_concurrency: int = Field(4, ge=1, le=64, description="LLM calls in flight at once.")
    llm_max_tokens: int = Field(4096, ge=256, le=65536, description="Output token cap per LLM call.")
    fallback: Literal["none", "extractive"] = Field(
        "none",
        description="On a provider that keeps failing: 'none' answers 502/503/504; "
        "'extractive' serves the offline engine's result with meta.degraded=true.",
    )
    request_timeout: float = Field(180.0, gt=0, le=3600, description="Deadline for one /summarize request.")
    max_articles: int = Field(100, ge=1, le=10000, description="Articles per request.")
    max_article_chars: int = Field(100_000, ge=100, description="Characters per article text.")
    max_body_bytes: int = Field(5_000_000, ge=1000, description="Bytes per request body (413 above).")
    cache: bool = Field(True, description="Cache validated LLM results on disk.")
    prompts_dir: Path | None = Field(None, description="Prompt templates; default: the shipped prompts/.")
    min_year: int = Field(
        1900, ge=2, le=9998, description="Earliest year a publication time or query may name."
    )
    max_year: int = Field(
        2100, ge=2, le=9998, description="Latest year a publication time or query may name."
    )
    cpu_workers: int = Field(
        2, ge=1, le=64, description="Threads that read, summarize offline, merge and verify."
    )
    llm_retry_after_max: float = Field(
        30.0, ge=0, le=600, description="Longest Retry-After (seconds) of a provider that is honoured."
    )
    fallback_reserve: float = Field(
        30.0, gt=0, le=3600, description="Seconds of the request deadline kept back for the fallback engine."
    )
    keys_file: Path | None = Field(
        None, description="API keys (salted hashes with scopes); see `summarizer keys`."
    )
    allow_no_keys: bool = Field(
        False, description="Serve a non-loopback address without API keys (anyone may post and read)."
    )
    rate_per_minute: int = Field(
        120, ge=1, le=100_000, description="Requests per minute per key (or client address)."
    )
    rate_burst: int = Field(30, ge=1, le=100_000, description="Requests a key may send at once before 429.")
    cors_origins: str = Field("", description="Comma-separated origins allowed by CORS; empty: CORS off.")
    job_max_articles: int = Field(1000, ge=1, le=100_000, description="Articles per POST /jobs batch.")
    job_retention_days: float = Field(
        7.0, gt=0, le=3650, description="Days a finished job stays readable at GET /jobs/{id}, from its finish."
    )
    callback_attempts: int = Field(3, ge=1, le=10, description="Tries of a job's callback before it is failed.")
    callback_wait: float = Field(
        2.0, ge=0, le=300, description="Seconds before a callback's second try; doubles per try."
    )
    callback_timeout: float = Field(10.0, gt=0, le=120, description="Seconds one callback POST may take.")
    callback_private: bool = Field(
        False, description="Let job callbacks reach loopback and private addresses (off: public hosts only)."
    )
    queue_url: str | None = Field(
        None,
        repr=False,  # it may hold a password
        description="postgresql://... : jobs go to this Postgres queue (procrastinate), run by `summarizer "
        "worker` processes; unset: jobs run inside the service.",
    )

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {v!r}; use an IANA name such as UTC or Asia/Damascus"
            ) from None
        return v

    @field_validator("model")
    @classmethod
    def _model_id(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("empty; use 'extractive' or a litellm model id such as openai/gpt-4o-mini")
        return v

    @field_validator("api_base")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("http://", "https://")):
            raise ValueError(f"{v!r} is not an http(s) URL, e.g. http://127.0.0.1:8000/v1")
        return v

    @field_validator("queue_url")
    @classmethod
    def _postgres(cls, v: str | None) -> str | None:
        if v is not None and not v.startswith(("postgresql://", "postgres://")):
            raise ValueError("is not a postgresql:// URL, e.g. postgresql://user:password@db:5432/summarizer")
        return v or None

    @field_validator("database_url")
    @classmethod
    def _database(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        v = v.strip()
        scheme = v.split("://", 1)[0] if "://" in v else ""
        if scheme not in ("postgresql", "postgres", "postgresql+psycopg", "sqlite"):
            raise ValueError(
                "not a database URL this service knows; use postgresql://user:password@host:5432/name "
                "(or leave it unset for the SQLite file in SUMMARIZER_DATA_DIR)"
            )
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(v)
        except (ArgumentError, ValueError) as e:
            raise ValueError(f"malformed database URL ({e})") from None
        if scheme != "sqlite" and not url.database:
            raise ValueError("names no database; use postgresql://user:password@host:5432/name")
        return v

    @field_validator("max_year")
    @classmethod
    def _window(cls, v: int, info: ValidationInfo) -> int:
        low = info.data.get("min_year")
        if isinstance(low, int) and v < low:
            raise ValueError(f"is before SUMMARIZER_MIN_YEAR={low}; make the window at least one year")
        return v

    @cached_property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def origins(self) -> list[str]:
        return [o.strip() for o in self.cors_origins.split(",") if o.strip()]

    def in_window(self, day: dt.date) -> bool:
        return self.min_year <= day.year <= self.max_year

    def window_text(self) -> str:
        return f"{self.min_year}-01-01 to {self.max_year}-12-31"

    @property
    def engine(self) -> Literal["extractive", "llm"]:
        return "extractive" if self.model == EXTRACTIVE else "llm"


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment (and ``overrides``); a bad value raises ConfigError naming it."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as e:
        problems = []
        for err in e.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            value = err.get("input")
            if isinstance(value, str):  # never echo a password in a URL (database, queue, provider)
                value = re.sub(r"://([^:/@]*):[^@]*@", r"://\1:***@", value)
            problems.append(f"SUMMARIZER_{field.upper()}={value!r}: {err['msg']}")
        raise ConfigError("bad configuration: " + "; ".join(problems)) from None
