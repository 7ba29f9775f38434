"""Benchmark: the /verify checker over the eval statements, against a naive word-overlap checker.

Run: uv run python bench/verify.py
Prints time per claim for both, side by side, and what each catches (recall on changed statements,
false alarms on faithful ones), so speed is weighed against what it buys.
"""

from __future__ import annotations

import time
from zoneinfo import ZoneInfo

from summarizer.articles import prepare
from summarizer.checking.claims import split_claims
from summarizer.checking.verify import Sources, verify_claims
from summarizer.evals import datasets as ds
from summarizer.grouping import sentence_keys


def naive(sources: Sources, claim: str) -> bool:
    """Supported when some sentence shares at least 60% of the claim's content words (same language)."""
    keys = sentence_keys(claim)
    if not keys:
        return True
    return any(len(keys & s.facts.keys) / len(keys) >= 0.6 for s in sources.sentences)


def main() -> None:
    data = ds.load()
    statements = data.statements
    groups: dict[tuple[str, ...], Sources] = {}
    for st in statements:
        key = tuple(st.article_ids)
        if key not in groups:
            groups[key] = Sources(prepare(data.request_articles(st.article_ids), ZoneInfo("UTC"), max_chars=10**7))
    started = time.perf_counter()
    read = set()
    for s in groups.values():  # read every sentence once, as a server would have by its second request
        for sentence in s.sentences:
            _ = sentence.facts
            read.add(sentence.article.id)
    cold = time.perf_counter() - started
    print(f"reading the articles first (places, actors, figures, dates): {1000 * cold / len(read):.0f} ms per article")
    results = {}
    for name, check in (
        ("checker", lambda src, text: all(c.supported for c in verify_claims(src, [(x, None) for x in split_claims(text) or [text]]))),
        ("naive word overlap", naive),
    ):
        started = time.perf_counter()
        verdicts = [(st, check(groups[tuple(st.article_ids)], st.text)) for st in statements]
        seconds = time.perf_counter() - started
        changed = [ok for st, ok in verdicts if st.change in ("number", "date", "place", "actor")]
        faithful = [ok for st, ok in verdicts if st.label == "supported"]
        results[name] = seconds
        print(
            f"{name:20} {1000 * seconds / len(statements):7.2f} ms/statement   "
            f"recall {sum(not ok for ok in changed) / len(changed):.3f}   "
            f"false alarms {sum(not ok for ok in faithful) / len(faithful):.3f}"
        )
    print(f"statements: {len(statements)}; time ratio checker/naive: {results['checker'] / results['naive word overlap']:.1f}x")


if __name__ == "__main__":
    main()
