"""Count and list the offline engine's events on evaluation articles (default: the five Arabic seeds).

Prints, per article, each event (type, date, region, fatalities, first evidence quote), then totals: events,
events per type, statement-like events, in-article duplicates (same type, place and day) and evidence
quotes shared by two events of one article.

    uv run python bench/seed_events.py                 # the seeds
    uv run python bench/seed_events.py --origin written
    uv run python bench/seed_events.py --ids 002 003 --quiet
    uv run python bench/seed_events.py --gold tuning   # gold events (evals/datasets/cases) missed or wrong
"""

from __future__ import annotations

import argparse
import asyncio
import json
from collections import Counter
from pathlib import Path

from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.evals.datasets import GoldEvent, half_of
from summarizer.evals.matching import as_reports, assign
from summarizer.grouping import group_articles
from summarizer.schemas import ArticleIn, Event

ARTICLES = Path(__file__).resolve().parents[1] / "evals" / "datasets" / "articles"
CASES = ARTICLES.parent / "cases"


def load(origin: str, ids: list[str]) -> list[ArticleIn]:
    index = json.loads((ARTICLES / "index.json").read_text("utf-8"))
    out = []
    for e in index["articles"]:
        if (ids and e["id"] not in ids) or (not ids and e["origin"] != origin):
            continue
        fields = {k: e[k] for k in ("id", "published_at", "source", "language", "title")}
        out.append(ArticleIn(text=(ARTICLES / e["file"]).read_text("utf-8"), **fields))
    return out


def events_of(items: list[ArticleIn]) -> list[Event]:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    groups = group_articles(prepare(items, settings.zone, max_chars=10**6))
    return [e for g in groups for e in asyncio.run(engine.summarize_group(g, ["ar", "en"])).events]


def gold(half: str) -> None:
    """Each gold event the engine misses, or finds with the wrong date, region or toll (cases of one half
    only: look at the tuning half, never tune on the held-out one)."""
    for f in sorted(CASES.glob("*.jsonl")):
        for line in f.read_text("utf-8").splitlines():
            case = json.loads(line)
            if half != "all" and half_of(case["id"]) != half:
                continue
            items = load("", case["article_ids"])
            events = as_reports(events_of(items))
            texts = {a.id: a.text for a in items}
            paired = assign([GoldEvent.model_validate(g) for g in case["events"]], events, texts)
            for gi, g in enumerate(case["events"]):
                e = paired.found.get(gi)
                head = f"{g['article_id']} {g['event_type']:14} {g['date']} | {g['anchor'][:60]}"
                if e is None:
                    print("MISS ", head)
                    continue
                got = (str(e.date), e.region, e.fatalities)
                want = (g["date"], g["region"], g.get("fatalities", e.fatalities))
                got = (
                    got[0],
                    g["region"] if g["region"] and len(g["region"]) > 2 and "-" in g["region"] else got[1],
                    got[2],
                )
                if got != want:
                    print(f"WRONG {head} | got {e.event_type} {got}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--origin", default="seed")
    parser.add_argument("--ids", nargs="*", default=[])
    parser.add_argument("--quiet", action="store_true")
    parser.add_argument("--gold", choices=["tuning", "held_out", "all"], help="list gold misses in that half")
    args = parser.parse_args()
    if args.gold:
        gold(args.gold)
        return
    events = events_of(load(args.origin, args.ids))
    by_article: dict[str, list[Event]] = {}
    for e in events:
        by_article.setdefault(e.evidence[0].article_id, []).append(e)
    duplicates = shared = 0
    for aid, mine in sorted(by_article.items()):
        keys = Counter(
            (
                e.event_type,
                e.location.en if e.location else e.region,
                e.date,
                tuple(e.actors) if e.event_type in ("statement", "diplomacy") else (),
            )
            for e in mine
        )
        duplicates += sum(n - 1 for n in keys.values())
        if not args.quiet:
            print("  duplicates:", [k for k, n in keys.items() if n > 1])
        quotes = Counter(ev.quote for e in mine for ev in e.evidence if ev.article_id == aid)
        shared += sum(n - 1 for n in quotes.values())
        if args.quiet:
            continue
        print(f"== {aid}: {len(mine)} events")
        for e in mine:
            place = e.location.en if e.location else e.region
            print(
                f"  {e.event_type:15} {e.date} {place or '-':22} {e.fatalities or '':>4} | {e.evidence[0].quote[:90]}"
            )
    kinds = Counter(e.event_type for e in events)
    print(f"events: {len(events)}; by type: {dict(kinds.most_common())}")
    print(f"in-article duplicates (type, place, day): {duplicates}; shared evidence quotes: {shared}")


if __name__ == "__main__":
    main()
