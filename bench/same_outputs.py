"""Proof that a speed change changed no output: the offline engine and the checker over every eval input, as JSON.

Runs the extractive engine (prepare, group, engine.run) over every eval case and every eval article alone,
and over generated bench articles; runs the checker (verify_claims) over every eval statement and over the
engine's own bullets and events. Writes all of it as one JSON document (sorted keys), to compare byte for byte
with the same run on the code before the change:

    uv run python bench/same_outputs.py --write /tmp/before.json     # on the old code
    uv run python bench/same_outputs.py --compare /tmp/before.json   # on the new code: exit 1 on any difference

The old code, on today's eval data: ``git archive <rev> summarizer | tar -x -C /tmp/old``, then
``ln -s $PWD/evals /tmp/old/evals`` and run the first command with ``PYTHONPATH=/tmp/old`` (the line printed
names the package that ran). A difference is reported by its key only, never with the text, so held-out
or unseen items are not shown.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel

sys.path.insert(0, str(Path(__file__).resolve().parent))

import offline_engine

from summarizer.articles import prepare
from summarizer.checking.claims import split_claims
from summarizer.checking.verify import Sources, verify_claims
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.evals import datasets as ds
from summarizer.grouping import group_articles
from summarizer.schemas import LANGS, ArticleIn


def plain(x: Any) -> Any:
    """JSON-ready form of results: pydantic models, dataclasses, lists, dicts."""
    if isinstance(x, BaseModel):
        return x.model_dump(mode="json")
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: plain(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    return x


def engine_outputs(engine: ExtractiveEngine, items: list[ArticleIn]) -> list[dict[str, Any]]:
    settings = engine.settings
    articles = prepare(items, settings.zone, max_chars=settings.max_article_chars)
    sources = Sources(articles)
    out = []
    for g in group_articles(articles):
        r = engine.run(g, ["ar", "en"])
        served = [
            (b.text, b.evidence) for lang in LANGS if (p := getattr(r.summary, lang)) for b in p.bullets
        ]
        served += [
            (e.description.en or "", e.evidence) for e in r.events if e.description and e.description.en
        ]
        checks = verify_claims(sources, [(t, ev) for t, ev in served if t and ev])
        out.append({"group": g.id, "result": plain(r), "checks": plain(checks)})
    return out


def collect(bench_n: int) -> dict[str, Any]:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    data = ds.load()
    out: dict[str, Any] = {}
    for case in data.cases:
        out[f"case:{case.id}"] = engine_outputs(engine, data.request_articles(case.article_ids))
    for aid in sorted(data.articles):
        out[f"article:{aid}"] = engine_outputs(engine, [data.articles[aid]])
    for st in data.statements:
        sources = Sources(
            prepare(
                data.request_articles(st.article_ids), settings.zone, max_chars=settings.max_article_chars
            )
        )
        checks = verify_claims(sources, [(c, None) for c in split_claims(st.text) or [st.text]])
        out[f"statement:{st.id}"] = plain(checks)
    items = offline_engine.build(bench_n, seed=11)
    for k in range(0, len(items), 10):
        out[f"bench:{k}"] = engine_outputs(engine, items[k : k + 10])
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--write", type=Path)
    what.add_argument("--compare", type=Path)
    parser.add_argument("--bench", type=int, default=200, help="generated articles also run (default 200)")
    args = parser.parse_args()
    now = collect(args.bench)
    text = json.dumps(now, ensure_ascii=False, sort_keys=True, indent=0)
    if args.write:
        args.write.write_text(text, "utf-8")
        print(
            f"wrote {len(now)} items to {args.write} (the code of {Path(sys.modules['summarizer'].__file__ or '').parent})"
        )
        return
    before = json.loads(args.compare.read_text("utf-8"))
    if text == args.compare.read_text("utf-8"):
        print(
            f"same: {len(now)} items byte for byte (the code of {Path(sys.modules['summarizer'].__file__ or '').parent})"
        )
        return
    keys = sorted(set(before) | set(now))
    differ = [
        k for k in keys if json.dumps(before.get(k), sort_keys=True) != json.dumps(now.get(k), sort_keys=True)
    ]
    print(f"DIFFERENT: {len(differ)} of {len(keys)} items: {', '.join(differ[:30])}")
    sys.exit(1)


if __name__ == "__main__":
    main()
