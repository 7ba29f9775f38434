"""The internal article: validated input with its id, language, publication moment and local day."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import cached_property
from zoneinfo import ZoneInfo

from summarizer.errors import InputError
from summarizer.reading.text import Span, content_sentences, detect_language
from summarizer.schemas import ArticleIn, Lang, parse_published_at


@dataclass(frozen=True)
class Article:
    id: str
    text: str  # exactly as submitted: every quote is a substring of this
    published_at: dt.datetime  # aware
    date_only: bool  # the client sent a date with no time
    day: dt.date  # publication day in the configured zone
    language: Lang
    title: str | None = None
    source: str | None = None
    url: str | None = None

    @cached_property
    def body(self) -> tuple[Span, ...]:
        """Body sentences, page chrome left out (computed once; every engine and the grouping read them)."""
        return tuple(content_sentences(self.text))

    def fingerprint(self) -> str:
        """What identifies this article's content for caching (id, text, time, language)."""
        raw = "\x1f".join(
            [self.id, self.text, self.published_at.isoformat(), self.language, self.source or ""]
        )
        return hashlib.sha256(raw.encode()).hexdigest()


def content_id(text: str) -> str:
    return "a_" + hashlib.sha256(text.strip().encode()).hexdigest()[:16]


def from_input(item: ArticleIn, zone: ZoneInfo) -> Article:
    moment, date_only = parse_published_at(item.published_at)
    day = moment.date() if date_only else moment.astimezone(zone).date()
    return Article(
        id=item.id or content_id(item.text),
        text=item.text,
        published_at=moment,
        date_only=date_only,
        day=day,
        language=item.language or detect_language(item.text),
        title=item.title,
        source=item.source,
        url=item.url,
    )


YEARS = (1900, 2100)  # the default window of publication years (SUMMARIZER_MIN_YEAR, SUMMARIZER_MAX_YEAR)


def prepare(
    items: list[ArticleIn],
    zone: ZoneInfo,
    *,
    max_chars: int,
    max_articles: int | None = None,
    years: tuple[int, int] = YEARS,
) -> list[Article]:
    """Validate limits that depend on settings, assign ids, and drop exact resubmissions in one request."""
    if max_articles is not None and len(items) > max_articles:
        raise InputError(
            f"articles has {len(items)} items, more than the limit of {max_articles}; "
            "send them in several requests or raise SUMMARIZER_MAX_ARTICLES",
            field="articles",
        )
    seen: dict[str, Article] = {}
    for i, item in enumerate(items):
        if len(item.text) > max_chars:
            raise InputError(
                f"articles[{i}].text has {len(item.text)} characters, more than the limit of {max_chars}; "
                "split the article or raise SUMMARIZER_MAX_ARTICLE_CHARS",
                field=f"articles[{i}].text",
            )
        moment, _ = parse_published_at(item.published_at)
        if not years[0] <= moment.year <= years[1]:
            raise InputError(
                f"articles[{i}].published_at {item.published_at!r} is outside the years {years[0]}-{years[1]}; "
                "send the article's real publication time (or widen SUMMARIZER_MIN_YEAR/SUMMARIZER_MAX_YEAR)",
                field=f"articles[{i}].published_at",
            )
        art = from_input(item, zone)
        prior = seen.get(art.id)
        if prior is not None and prior.text != art.text:
            raise InputError(
                f"articles[{i}].id {art.id!r} is used by another article with different text; "
                "give each article its own id",
                field=f"articles[{i}].id",
            )
        seen.setdefault(art.id, art)
    return list(seen.values())
