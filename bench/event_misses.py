"""List one half's event errors for classification by cause: served events with no gold match (exhaustive
cases), gold events missed, and listed non-event sentences served as events.

    uv run python bench/event_misses.py                 # the tuning half (the only half to tune on)
    uv run python bench/event_misses.py --skip-batch unseen-4
    uv run python bench/event_misses.py --tolls         # only toll mismatches of found gold events

Batches given with --skip-batch (default: unseen-4, the lead's untuned measure) are never run or printed,
nor is any case whose id starts with ``u4-``; the held-out half is never run.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.evals import datasets as ds
from summarizer.evals import matching
from summarizer.pipeline import Pipeline
from summarizer.schemas import Event, SummarizeRequest
from summarizer.timeline.store import Store


def toll_mismatches(case_id: str, gold: list[ds.GoldEvent], events: list[Event], texts: dict[str, str]) -> None:
    """Print each found gold event with a gold toll whose served toll differs from it (as the scorer counts): gold, served, and the served sentence."""
    for g in gold:
        found = matching.match_gold(g, events, texts)
        if g.fatalities is None or found is None or found.fatalities == g.fatalities:
            continue
        quotes = " || ".join(ev.quote[:160] for ev in found.evidence)
        print(f"TOLL {case_id}/{g.article_id}: gold {g.fatalities} served {found.fatalities} ({g.event_type}) | {quotes}")


async def run(half: str, skip: set[str], tolls: bool = False) -> None:
    data = ds.load()
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "x.sqlite3")
        pipeline = Pipeline(settings, store, engine)
        for case in data.cases:
            batches = {data.entries[a].batch for a in case.article_ids}
            if ds.half_of(case.id) != half or batches & skip or case.id.startswith("u4-"):
                continue
            req = SummarizeRequest(articles=data.request_articles(case.article_ids), languages=["ar", "en"])
            resp = await pipeline.summarize(req)
            texts = {a: data.articles[a].text for a in case.article_ids}
            events = matching.as_reports([e for g in resp.groups for e in g.events])
            if tolls:
                toll_mismatches(case.id, case.events, events, texts)
                continue
            for g in case.events:
                found = matching.match_gold(g, events, texts)
                if found is None:
                    near = [e for e in events if matching.gold_overlap(e, g, texts) > 0]
                    why = f" (overlaps {', '.join(e.event_type for e in near)})" if near else ""
                    print(f"MISS {case.id}/{g.article_id}: {g.event_type} {g.date}{why} | {g.anchor[:110]}")
            if case.exhaustive:
                for e in events:
                    if not matching.served_correct(e, case.events, texts):
                        near = [g.event_type for g in case.events if matching.gold_overlap(e, g, texts) > 0]
                        why = f" (gold there: {', '.join(near)})" if near else ""
                        print(
                            f"FP   {case.id}/{matching.article_of(e)}: {e.event_type} {e.date}{why} | "
                            f"{e.evidence[0].quote[:110]}"
                        )
            for n in case.non_events:
                if any(matching.hits_non_event(e, [n], texts) for e in events):
                    kinds = [e.event_type for e in events if matching.hits_non_event(e, [n], texts)]
                    print(f"NONE {case.id}/{n.article_id}: {n.kind} as {kinds} | {n.anchor[:110]}")
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--half", choices=["tuning"], default="tuning")
    parser.add_argument("--skip-batch", nargs="*", default=["unseen-4"])
    parser.add_argument("--tolls", action="store_true", help="print only toll mismatches of found gold events")
    args = parser.parse_args()
    asyncio.run(run(args.half, set(args.skip_batch), args.tolls))


if __name__ == "__main__":
    main()
