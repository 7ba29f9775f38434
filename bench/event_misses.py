"""List one half's event errors for classification by cause: served events with no gold match (exhaustive
cases), gold events missed, and listed non-event sentences served as events; with ``--found``, also each
found gold event whose region, date or death toll differs from the served one (gold vs served, the anchor,
and the served event's place and quotes).

    uv run python bench/event_misses.py                 # the tuning half (the only half to tune on)
    uv run python bench/event_misses.py --skip-batch unseen-6   # leave a batch out
    uv run python bench/event_misses.py --found region  # only the region mismatches of found events

Batches given with --skip-batch (default: none) are never run or printed. The tuning halves of unseen-5
and unseen-6 are open to tuning since 3 December (unseen-6's from 09:10 UTC, after its figures on merging
were taken); the held-out half is never run.
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


def _mismatches(case_id: str, g: ds.GoldEvent, e: Event, kinds: set[str]) -> None:
    """Print a found gold event's region / date / toll mismatches with the served event."""
    where = f"{case_id}/{g.article_id}"
    said = f"served {e.event_type} at {e.location.en if e.location else None!r}"
    quotes = " || ".join(ev.quote[:160] for ev in e.evidence[:3])
    gold_iso, served_iso = matching.region_iso(g.region), matching.region_iso(e.region)
    if "region" in kinds and gold_iso != served_iso:
        print(f"REGION {where}: gold {gold_iso} served {served_iso} ({said}) | {g.anchor[:160]} || quotes: {quotes}")
    if "date" in kinds and e.date != g.date:
        print(f"DATE   {where}: gold {g.date} served {e.date} ({said}) | {g.anchor[:160]}")
    if "toll" in kinds and g.fatalities is not None and e.fatalities != g.fatalities:
        print(f"TOLL   {where}: gold {g.fatalities} served {e.fatalities} ({said}) | {g.anchor[:160]}")


async def run(half: str, skip: set[str], found_kinds: set[str] | None = None) -> None:
    data = ds.load()
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "x.sqlite3")
        pipeline = Pipeline(settings, store, engine)
        for case in data.cases:
            batches = {data.entries[a].batch for a in case.article_ids}
            if ds.half_of(case.id) != half or batches & skip:
                continue
            req = SummarizeRequest(articles=data.request_articles(case.article_ids), languages=["ar", "en"])
            resp = await pipeline.summarize(req)
            texts = {a: data.articles[a].text for a in case.article_ids}
            events = matching.as_reports([e for g in resp.groups for e in g.events])
            paired = matching.assign(case.events, events, texts)
            for gi, g in enumerate(case.events):
                found = paired.found.get(gi)
                if found is not None and found_kinds:
                    _mismatches(case.id, g, found, found_kinds)
                if found_kinds:
                    continue
                if found is None:
                    near = [e for e in events if matching.gold_overlap(e, g, texts) > 0]
                    why = f" (overlaps {', '.join(e.event_type for e in near)})" if near else ""
                    print(f"MISS {case.id}/{g.article_id}: {'KEY ' if g.key else ''}{g.event_type} {g.date}{why} | {g.anchor[:110]}")
            if found_kinds:
                continue
            if case.exhaustive:
                for ei, e in enumerate(events):
                    if ei not in paired.served:
                        near = [g for g in case.events if matching.gold_overlap(e, g, texts) > 0]
                        same = [g.event_type for g in near if matching.compatible(e.event_type, g.event_type)]
                        other = [g.event_type for g in near if not matching.compatible(e.event_type, g.event_type)]
                        why = f" (duplicate: its gold {', '.join(same)} is paired with another event)" if same else ""
                        why += f" (gold there of another type: {', '.join(other)})" if other else ""
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
    parser.add_argument("--skip-batch", nargs="*", default=[])
    parser.add_argument(
        "--found",
        nargs="+",
        choices=["region", "date", "toll"],
        help="list only the found gold events whose region / date / toll differs from the served event's",
    )
    args = parser.parse_args()
    asyncio.run(run(args.half, set(args.skip_batch), set(args.found) if args.found else None))


if __name__ == "__main__":
    main()
