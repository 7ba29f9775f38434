"""Benchmark: the offline engine over N articles built from the seed articles, against a naive baseline.

Prints articles per second, milliseconds per article and peak memory for the whole extractive pipeline
(prepare, group, read every sentence, summarize, events), side by side with a naive lead-3 baseline
(split sentences, take the first three) run on the same articles, and the ratio between the two.

    uv run python bench/offline_engine.py            # 1000 articles
    uv run python bench/offline_engine.py --n 200
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import resource
import time
from pathlib import Path
from typing import Any

from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.reading.text import split_sentences
from summarizer.schemas import ArticleIn

SEEDS = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "articles"


def build(n: int) -> list[ArticleIn]:
    """n articles: the seeds' paragraphs reshuffled per article, spread over 30 days (distinct texts)."""
    index = json.loads((SEEDS / "index.json").read_text("utf-8"))
    paragraphs = [
        p
        for e in index["articles"]
        if e["origin"] == "seed"
        for p in (SEEDS / e["file"]).read_text("utf-8").split("\n")
        if p.strip()
    ]
    out = []
    for i in range(n):
        k = 6 + i % 9
        body = "\n".join(paragraphs[(i * 7 + j * 13) % len(paragraphs)] for j in range(k))
        day = dt.datetime(2024, 11, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=i % 30)
        out.append(ArticleIn(id=f"b{i}", text=body, published_at=day.isoformat(), language="ar"))
    return out


def run_engine(items: list[ArticleIn]) -> int:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    groups = group_articles(prepare(items, settings.zone, max_chars=settings.max_article_chars))
    events = 0
    for g in groups:
        events += len(asyncio.run(engine.summarize_group(g, ["ar", "en"])).events)
    return events


def run_baseline(items: list[ArticleIn]) -> int:
    return sum(len(split_sentences(a.text)[:3]) for a in items)


def measure(fn: Any, items: list[ArticleIn]) -> tuple[float, float, int]:
    """Wall time of one run, and the process's peak resident memory after it (MiB)."""
    started = time.perf_counter()
    result = fn(items)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, peak, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    args = parser.parse_args()
    items = build(args.n)
    chars = sum(len(a.text) for a in items)
    run_engine(items[:20])  # warm the lexicon caches
    b_s, b_mb, _ = measure(run_baseline, items)  # first: its peak is the process before the engine ran
    e_s, e_mb, events = measure(run_engine, items)
    print(f"articles: {args.n} ({chars / args.n:.0f} characters on average), one process, one core")
    print(f"{'':24}{'articles/s':>12}{'ms/article':>12}{'peak RSS MiB':>14}")
    print(
        f"{'extractive engine':24}{args.n / e_s:12.1f}{1000 * e_s / args.n:12.2f}{e_mb:14.1f}   events: {events}"
    )
    print(f"{'baseline: lead-3 split':24}{args.n / b_s:12.1f}{1000 * b_s / args.n:12.2f}{b_mb:14.1f}")
    print(
        f"ratio engine/baseline time: {e_s / b_s:.1f}x; target under 10 ms/article: "
        f"{'met' if 1000 * e_s / args.n < 10 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
