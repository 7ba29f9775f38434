"""Sentence-level measure of the offline engine on wire phrasings written by helpers who read none of the
engine: each report's kind (matching.compatible), day, region found and toll, and the non-events left alone.

    uv run python bench/phrasings.py                      # set b: bench/data/phrasings-b.jsonl, never tuned on
    uv run python bench/phrasings.py tests/engines/data/phrasings.jsonl   # set a: tuned on (a regression suite)

Set b (120 reports, 40 non-events, Arabic and English) was written on 3 December after the lexicon work of that
day and is a measure: fix nothing by reading its misses; write new sentences of your own instead. Every sentence
is dated as if published on Wednesday 12 June 2024 at 18:00 (+03:00).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
from collections import Counter
from pathlib import Path

from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.evals import matching
from summarizer.pipeline import Pipeline
from summarizer.schemas import ArticleIn, Event, SummarizeRequest
from summarizer.timeline.store import Store

PUBLISHED = "2024-06-12T18:00:00+03:00"
SET_B = Path(__file__).parent / "data" / "phrasings-b.jsonl"


async def _events(pipeline: Pipeline, text: str, n: int) -> list[Event]:
    article = ArticleIn(id=f"p{n}", text=text, published_at=PUBLISHED)
    resp = await pipeline.summarize(SummarizeRequest(articles=[article], languages=["ar", "en"]))
    return [e for g in resp.groups for e in g.events]


async def run(path: Path) -> Counter[str]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    settings = load_settings()
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "p.sqlite3")
        pipeline = Pipeline(settings, store, ExtractiveEngine(settings))
        for n, row in enumerate(rows):
            served = await _events(pipeline, row["text"], n)
            if row["kind"] == "none":
                counts["non-events"] += 1
                counts["non-events left alone"] += not [e for e in served if e.event_type not in ("statement", "diplomacy")]
                continue
            counts["reports"] += 1
            hit = [e for e in served if matching.compatible(e.event_type, row["kind"])]
            if not hit:
                continue
            e = hit[0]
            counts["found"] += 1
            counts["dated right"] += str(e.date) == row["day"]
            counts["placed in a region"] += e.region is not None
            if row.get("killed") is not None:
                counts["tolls stated"] += 1
                counts["tolls right"] += e.fatalities == row["killed"]
        store.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", type=Path, default=SET_B)
    args = parser.parse_args()
    c = asyncio.run(run(args.path))
    print(f"{args.path}:")
    print(f"  reports found with a compatible kind: {c['found']}/{c['reports']} = {c['found'] / max(1, c['reports']):.3f}")
    for key in ("dated right", "placed in a region"):
        print(f"  {key} (of found): {c[key]}/{c['found']}")
    print(f"  tolls right (of found with a stated toll): {c['tolls right']}/{c['tolls stated']}")
    print(f"  non-events left alone: {c['non-events left alone']}/{c['non-events']}")


if __name__ == "__main__":
    main()
