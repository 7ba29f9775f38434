"""Eval datasets as files: articles, cases with gold facts and reference summaries, statements to verify.

Splits. Every case and every statement belongs to one of two halves, ``tuning`` and ``held_out``, chosen by
a stable hash of its id: ``tuning`` when ``zlib.crc32(key.encode("utf-8")) % 2 == 0``, else ``held_out``
(:func:`half_of`). A case's key is its id; a statement's key is the id of the faithful statement it copies
(``of``), or its own id, so a changed copy always sits in its original's half. The rule never looks at the
data, so adding items never moves an existing one. Engine and checker authors may read failures of the
``tuning`` half; the report's headline is the ``held_out`` half.

Collections. Articles carry ``collection``: ``seed-story`` (the late-2024 north-west Syria offensive the
engine and checker were written against, with the off-topic stories written beside it) or ``unseen``
(other stories, written after that tuning, see index.json ``about``). ``off_topic`` articles must yield no event.
An unseen article may also name its ``batch`` (``unseen-2``: written after every tuning so far); the scorers
report each batch as a scope of its own (``unseen-2``, ``unseen-2/held_out``...), beside its collection's.
"""

from __future__ import annotations

import datetime as dt
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from summarizer.schemas import ArticleIn, EventType, Lang, Precision

DATASETS = Path(__file__).resolve().parents[2] / "evals" / "datasets"

Setting = Literal["ar", "en", "en-about-ar"]
SETTINGS: tuple[Setting, ...] = ("ar", "en", "en-about-ar")
Change = Literal["number", "date", "place", "actor", "stance", "category", "invented"]
CHANGES: tuple[Change, ...] = ("number", "date", "place", "actor", "stance", "category", "invented")
Half = Literal["tuning", "held_out"]
HALVES: tuple[Half, ...] = ("tuning", "held_out")
Collection = Literal["seed-story", "unseen"]
COLLECTIONS: tuple[Collection, ...] = ("seed-story", "unseen")
NonEventKind = Literal["statement", "background", "prediction", "denial", "other"]


def half_of(key: str) -> Half:
    """The stable half of an item id (see the module docstring): crc32 even -> tuning, odd -> held_out."""
    return "tuning" if zlib.crc32(key.encode("utf-8")) % 2 == 0 else "held_out"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArticleEntry(_Strict):
    """One line of articles/index.json: where the text is and what a client would send with it."""

    id: str
    file: str
    published_at: str
    source: str | None = None
    language: Lang
    title: str | None = None
    origin: Literal["seed", "written"]
    topic: str | None = Field(None, description="A free label for what the story is about (e.g. 'offensive', 'sport').")
    collection: Collection = Field(
        "seed-story", description="'seed-story': the story the engine was tuned on; 'unseen': written after that."
    )
    batch: str | None = Field(
        None,
        description="The batch of unseen material it was written in (e.g. 'unseen-2'), reported as its own scope so "
        "figures on material written after every tuning so far can be quoted apart.",
    )
    off_topic: bool = Field(False, description="The article reports no conflict event: an engine should serve none.")


class ArticleIndex(_Strict):
    about: str
    articles: list[ArticleEntry]


class GoldEvent(_Strict):
    """A happening an engine should report, found by the sentence that states it (its anchor)."""

    article_id: str
    anchor: str = Field(description="Exact words of that article from the sentence that reports the event.")
    date: dt.date
    precision: Precision = "day"
    region: str | None = Field(
        description="ISO 3166-2 code of the first-level region (PS-GZA, LB-NA, SD-DN, SY-HM...), or in the seed "
        "cases a Syrian governorate slug (aleppo, idlib...); null when the text names none."
    )
    event_type: EventType
    fatalities: int | None = None
    injured: int | None = None
    key: bool = Field(True, description="A key event a summary must report; false for minor ones an engine may skip.")
    also: list[str] = Field(
        default_factory=list,
        description="Exact words of other sentences of the same article that report this same event (a second "
        "account, a breakdown of its victims): a served event citing them is this event, not a new one.",
    )
    note: str | None = None

    @property
    def anchors(self) -> list[str]:
        return [self.anchor, *self.also]


class NonEvent(_Strict):
    """A sentence that reads like news but reports no event: a serving engine should not make an event of it."""

    article_id: str
    anchor: str = Field(description="Exact words of that article from the sentence.")
    kind: NonEventKind = Field(description="statement (comment only), background, prediction/threat, denial, other.")
    note: str | None = None


class Case(_Strict):
    """One request's worth of articles with what a faithful output contains."""

    id: str
    about: str
    article_ids: list[str] = Field(min_length=1)
    events: list[GoldEvent] = Field(default_factory=list)
    exhaustive: bool = Field(
        False, description="Every event in the case's articles is annotated, so a served event with no gold match is wrong."
    )
    non_events: list[NonEvent] = Field(default_factory=list)
    summaries: dict[Lang, str] = Field(default_factory=dict, description="Reference summaries by language.")


class Statement(_Strict):
    """A claim about some articles, and whether they support it. Changed copies name their original.

    ``unverifiable``: a claim the articles neither support nor contradict (a detail they do not give); a checker
    should report it as unverifiable, never as supported. It may name the faithful statement it adds to (``of``).
    """

    id: str
    setting: Setting
    article_ids: list[str] = Field(min_length=1)
    text: str = Field(min_length=1)
    label: Literal["supported", "unsupported", "unverifiable"]
    change: Change | None = None
    of: str | None = Field(None, description="For a changed statement: the id of the faithful one it copies.")
    note: str | None = None


@dataclass(frozen=True)
class Datasets:
    articles: dict[str, ArticleIn]
    entries: dict[str, ArticleEntry]
    cases: list[Case]
    statements: list[Statement]

    def request_articles(self, ids: list[str]) -> list[ArticleIn]:
        return [self.articles[i] for i in ids]

    def collection(self, article_ids: Sequence[str]) -> Collection:
        """``unseen`` when every article is, else ``seed-story``."""
        return "unseen" if all(self.entries[a].collection == "unseen" for a in article_ids) else "seed-story"

    def off_topic(self, article_id: str) -> bool:
        return self.entries[article_id].off_topic

    def batch(self, article_ids: Sequence[str]) -> str | None:
        """The batch every one of these articles was written in (``unseen-2``...), or None."""
        batches = {self.entries[a].batch for a in article_ids}
        return batches.pop() if len(batches) == 1 else None

    def batches(self) -> list[str]:
        """Every batch some article names, in order of writing ("unseen-9" before "unseen-10")."""
        return sorted({e.batch for e in self.entries.values() if e.batch}, key=_batch_order)


def _batch_order(batch: str) -> tuple[str, int]:
    """A batch's name and number ("unseen-10": ("unseen", 10)), so that numbers sort as numbers."""
    name, _, number = batch.rpartition("-")
    return (name, int(number)) if name and number.isdigit() else (batch, 0)


class DatasetError(ValueError):
    """A dataset file is malformed; the message names the file, the line and the fix."""


def _jsonl(path: Path, model: type[_Strict]) -> list[Any]:
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(model.model_validate_json(line))
        except ValidationError as e:
            first = e.errors()[0]
            loc = ".".join(str(p) for p in first["loc"])
            raise DatasetError(f"{path}:{n}: {loc}: {first['msg']}") from None
    return out


def load(root: Path = DATASETS) -> Datasets:
    """Load and cross-check every dataset file under ``root``."""
    index_path = root / "articles" / "index.json"
    try:
        index = ArticleIndex.model_validate_json(index_path.read_text("utf-8"))
    except ValidationError as e:
        raise DatasetError(f"{index_path}: {e.errors()[0]['loc']}: {e.errors()[0]['msg']}") from None
    articles: dict[str, ArticleIn] = {}
    entries: dict[str, ArticleEntry] = {}
    for entry in index.articles:
        if entry.id in articles:
            raise DatasetError(f"{index_path}: article id {entry.id!r} appears twice")
        text = (root / "articles" / entry.file).read_text("utf-8")
        articles[entry.id] = ArticleIn(
            id=entry.id,
            text=text,
            published_at=entry.published_at,
            source=entry.source,
            title=entry.title,
            language=entry.language,
        )
        entries[entry.id] = entry
    cases: list[Case] = [c for f in sorted((root / "cases").glob("*.jsonl")) for c in _jsonl(f, Case)]
    statements: list[Statement] = [
        s for f in sorted((root / "statements").glob("*.jsonl")) for s in _jsonl(f, Statement)
    ]
    problems = check(articles, cases, statements)
    for case in cases:
        if len({entries[a].collection for a in case.article_ids if a in entries}) > 1:
            problems.append(f"cases {case.id}: mixes articles of the seed story and unseen ones; keep them in separate cases")
    if problems:
        raise DatasetError("; ".join(problems[:10]) + (f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""))
    return Datasets(articles, entries, cases, statements)


def _ids_and_articles(what: str, items: list[Case] | list[Statement], articles: dict[str, ArticleIn]) -> list[str]:
    """Ids used twice, and articles the index does not have."""
    problems: list[str] = []
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            problems.append(f"{what}: id {item.id!r} appears twice")
        seen.add(item.id)
        problems += [
            f"{what} {item.id}: article {a!r} is not in articles/index.json" for a in item.article_ids if a not in articles
        ]
    return problems


def check(articles: dict[str, ArticleIn], cases: list[Case], statements: list[Statement]) -> list[str]:
    """Cross-file problems: unknown articles, anchors that are not exact words, dangling or duplicate ids."""
    problems = _ids_and_articles("cases", cases, articles) + _ids_and_articles("statements", statements, articles)
    for case in cases:
        anchored: list[tuple[str, int, GoldEvent | NonEvent]] = [
            *(("events", i, e) for i, e in enumerate(case.events)),
            *(("non_events", i, n) for i, n in enumerate(case.non_events)),
        ]
        for what, i, ev in anchored:
            if ev.article_id not in case.article_ids:
                problems.append(f"cases {case.id}: {what}[{i}].article_id {ev.article_id!r} is not one of the case's articles")
            else:
                also = ev.also if isinstance(ev, GoldEvent) else []
                problems += [
                    f"cases {case.id}: {what}[{i}].anchor is not an exact substring of article {ev.article_id}: {a[:80]!r}"
                    for a in [ev.anchor, *also]
                    if a not in articles[ev.article_id].text
                ]
    ids = {s.id for s in statements}
    for s in statements:
        if s.label == "supported" and (s.change or s.of):
            problems.append(f"statements {s.id}: a supported statement has no change and no 'of'")
        if s.label == "unverifiable" and s.change is not None:
            problems.append(f"statements {s.id}: an unverifiable statement changes nothing the text says: no change")
        if s.label == "unsupported" and s.change is None:
            problems.append(f"statements {s.id}: an unsupported statement names its change ({', '.join(CHANGES)})")
        if s.of is not None and s.of not in ids:
            problems.append(f"statements {s.id}: 'of' {s.of!r} is not a statement id")
        langs = {articles[a].language for a in s.article_ids if a in articles}
        want: dict[Setting, set[str]] = {"ar": {"ar"}, "en": {"en"}, "en-about-ar": {"ar"}}
        if langs and langs != want[s.setting]:
            problems.append(f"statements {s.id}: setting {s.setting!r} needs {'/'.join(want[s.setting])} articles")
    return problems


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON schema of each dataset file, as committed under evals/schema/."""
    return {
        "articles-index.schema.json": ArticleIndex.model_json_schema(),
        "case.schema.json": Case.model_json_schema(),
        "statement.schema.json": Statement.model_json_schema(),
    }


def write_schemas(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, schema in json_schemas().items():
        path = directory / name
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n", "utf-8")
        out.append(path)
    return out


SCHEMAS = DATASETS.parent / "schema"

if __name__ == "__main__":  # python -m summarizer.evals.datasets [--schemas]: check the files, print counts
    import sys

    if "--schemas" in sys.argv:
        for path in write_schemas(SCHEMAS):
            print(f"wrote {path}")
    data = load()
    print(f"{len(data.articles)} articles, {len(data.cases)} cases, {len(data.statements)} statements: ok")
