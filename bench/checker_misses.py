"""List the checker's tuning-half false alarms and misses, with its reason, for classification by cause.

    uv run python bench/checker_misses.py                # lists, then counts per setting
    uv run python bench/checker_misses.py --counts       # counts only (tuning half)
    uv run python bench/checker_misses.py --counts --held-out   # also the held-out half's counts (never its items)

Statements of a batch given with --skip-batch (default: none) are never checked or printed; the tuning
halves of unseen-5 and unseen-6 are open to tuning since 3 December; held-out statements are only counted.
"""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from summarizer.articles import prepare
from summarizer.checking.claims import split_claims
from summarizer.checking.verify import Sources, verify_claims
from summarizer.evals import datasets as ds
from summarizer.evals.scorers import statement_half


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-batch", action="append", default=None)
    parser.add_argument("--counts", action="store_true")
    parser.add_argument("--held-out", action="store_true", help="also count (never list) the held-out half")
    args = parser.parse_args()
    skip = set(args.skip_batch or [])
    data = ds.load()
    sources: dict[tuple[str, ...], Sources] = {}
    counts: dict[tuple[str, str], list[int]] = {}  # (half, setting) -> [faithful, flagged, changed, caught]
    for st in data.statements:
        batch = data.batch(st.article_ids)
        if (batch in skip) or any(data.entries[a].batch in skip for a in st.article_ids):
            continue
        half = statement_half(st)
        if half != "tuning" and not args.held_out:
            continue
        key = tuple(st.article_ids)
        if key not in sources:
            sources[key] = Sources(prepare(data.request_articles(st.article_ids), ZoneInfo("UTC"), max_chars=10**7))
        checks = verify_claims(sources[key], [(c, None) for c in split_claims(st.text) or [st.text]])
        flag = not all(c.supported for c in checks)
        row = counts.setdefault((half, st.setting), [0, 0, 0, 0])
        if st.label == "supported":
            row[0] += 1
            row[1] += flag
        elif st.label == "unsupported" and st.change != "invented":
            row[2] += 1
            row[3] += flag
        if half != "tuning" or args.counts:
            continue
        why = "; ".join(f"{i.kind}: {i.message}" for c in checks for i in c.issues)
        if st.label == "supported" and flag:
            print(f"FA  {st.id} [{batch}] {st.text}\n      -> {why[:400]}")
        elif st.label == "unsupported" and st.change != "invented" and not flag:
            print(f"MISS {st.id} ({st.change}) [{batch}] {st.text}\n      note: {st.note}")
    for (half, setting), (f, fl, c, ca) in sorted(counts.items()):
        print(f"{half:9} {setting:12} false alarms {fl}/{f} = {fl / max(f, 1):.3f}   recall {ca}/{c} = {ca / max(c, 1):.3f}")


if __name__ == "__main__":
    main()
