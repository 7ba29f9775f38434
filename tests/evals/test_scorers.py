"""Engine scoring on a small case: precision needs exhaustive gold, off-topic articles must stay eventless, scopes add up."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.evals import datasets as ds
from summarizer.evals.runner import _run_cases
from summarizer.evals.scorers import score_cases, score_checker


def _edit(path: Path, **changes: object) -> None:
    case = json.loads(path.read_text("utf-8"))
    case.update(changes)
    path.write_text(json.dumps(case, ensure_ascii=False) + "\n", "utf-8")


def _score(root: Path) -> tuple[dict[str, float], dict[str, object]]:
    settings = load_settings()
    data = ds.load(root)
    scores = score_cases(asyncio.run(_run_cases(data, ExtractiveEngine(settings), settings)), data)
    return scores.metrics, scores.details


def test_precision_only_for_exhaustive_cases_and_every_miss_is_listed(mini: Path) -> None:
    metrics, _ = _score(mini)
    assert "event_precision" not in metrics and metrics["event_recall"] > 0
    _edit(mini / "cases" / "mini.jsonl", exhaustive=True)
    metrics, details = _score(mini)
    counts = details["scope_counts"]["all"]  # type: ignore[index]
    wrong = details["unmatched_served_events"]
    assert counts["served_events"] > len(wrong) > 0  # two gold events only: the engine serves more
    assert metrics["event_precision"] == pytest.approx(1 - len(wrong) / counts["served_events"])
    half = ds.half_of("mini")
    assert metrics[f"event_precision@seed-story/{half}"] == metrics["event_precision"]
    assert not any(name.endswith("/" + ({"tuning", "held_out"} - {half}).pop()) for name in metrics)


def test_an_off_topic_article_that_yields_events_is_counted(mini: Path) -> None:
    index_path = mini / "articles" / "index.json"
    index = json.loads(index_path.read_text("utf-8"))
    for entry in index["articles"]:
        entry["off_topic"] = entry["id"] == "000"  # not off-topic at all: the engine serves its Idlib strike
    index_path.write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    metrics, _ = _score(mini)
    assert metrics["off_topic_clean"] == 0.0


def test_the_checker_table_counts_faithful_statements_left_unverifiable(mini: Path) -> None:
    path = mini / "statements" / "mini.jsonl"
    # true to 002, but its Arabic evidence shares too little of the claim's content to decide it
    vague = {"id": "x2", "setting": "en-about-ar", "article_ids": ["002"], "label": "supported",
             "text": "SANA said troops were holding back the factions around Aleppo and Idlib and inflicting heavy losses on them."}  # fmt: skip
    before = score_checker(ds.load(mini)).details["checker"]["en-about-ar"]  # type: ignore[index]
    path.write_text(path.read_text("utf-8") + json.dumps(vague) + "\n", "utf-8")
    after = score_checker(ds.load(mini)).details["checker"]["en-about-ar"]  # type: ignore[index]
    assert (before["faithful"], after["faithful"]) == (1, 2)
    assert after["faithful_unverifiable"] == before["faithful_unverifiable"] + 1


def _in_batch(root: Path, batch: str) -> None:
    index_path = root / "articles" / "index.json"
    index = json.loads(index_path.read_text("utf-8"))
    for entry in index["articles"]:
        entry.update(collection="unseen", batch=batch)
    index_path.write_text(json.dumps(index, ensure_ascii=False), "utf-8")


def test_a_batch_is_a_scope_of_its_own_beside_its_collection(mini: Path) -> None:
    _in_batch(mini, "unseen-9")
    _edit(mini / "cases" / "mini.jsonl", exhaustive=True)
    metrics, details = _score(mini)
    half = ds.half_of("mini")
    for scope in ("unseen-9", f"unseen-9/{half}", "unseen", f"unseen/{half}"):
        assert metrics[f"event_recall@{scope}"] == metrics["event_recall"], scope
    assert details["batches"] == ["unseen-9"]
    assert details["scope_counts"][f"unseen-9/{half}"]["cases"] == 1  # type: ignore[index]
    checker = score_checker(ds.load(mini)).metrics
    assert checker["checker_recall@unseen-9"] == checker["checker_recall@unseen"] == checker["checker_recall"]


def test_failure_details_list_the_tuning_half_only(mini: Path) -> None:
    _edit(mini / "cases" / "mini.jsonl", exhaustive=True)
    _, listed = _score(mini)
    assert ds.half_of("mini") == "tuning" and listed["unmatched_served_events"]
    _edit(mini / "cases" / "mini.jsonl", id="mini-held")
    assert ds.half_of("mini-held") == "held_out"
    metrics, hidden = _score(mini)
    assert metrics["event_precision@held_out"] < 1.0  # still measured...
    assert hidden["unmatched_served_events"] == [] and hidden["unsupported_claims"] == []  # ...never listed
    withheld = hidden["held_out_items_not_listed"]
    assert withheld["unmatched_served_events"] == len(listed["unmatched_served_events"])  # type: ignore[index,arg-type]
    # the checker: x1's changed copies are held out, f1's are tuned on; a held-out miss is counted, not shown
    path = mini / "statements" / "mini.jsonl"
    faithful_copy = {"id": "x1-same", "setting": "en-about-ar", "article_ids": ["000"], "label": "unsupported",
                     "change": "number", "of": "x1", "text": "Four civilians were killed and 20 injured in Idlib city."}  # fmt: skip
    path.write_text(path.read_text("utf-8") + json.dumps(faithful_copy) + "\n", "utf-8")
    details = score_checker(ds.load(mini)).details
    assert not any(m.startswith("x1") for m in details["checker_misses"])  # type: ignore[union-attr]
    assert details["checker_held_out_not_listed"]["misses"] >= 1  # type: ignore[index]


def test_statements_the_text_cannot_decide_are_scored_apart(mini: Path) -> None:
    path = mini / "statements" / "mini.jsonl"
    before = score_checker(ds.load(mini))
    undecidable = {"id": "f1-u", "setting": "ar", "article_ids": ["002"], "label": "unverifiable", "of": "f1",
                   "text": "قتل 15 مدنيا في غارة على الأتارب يوم الخميس ونقل الجرحى إلى مستشفى في تركيا"}  # fmt: skip
    path.write_text(path.read_text("utf-8") + json.dumps(undecidable, ensure_ascii=False) + "\n", "utf-8")
    after = score_checker(ds.load(mini))
    for name in ("checker_recall_ar", "checker_false_alarm_ar"):  # neither a changed nor a faithful statement
        assert after.metrics[name] == before.metrics[name]
    row = after.details["checker"]["ar"]  # type: ignore[index]
    assert row["unverifiable"] == 1 and after.metrics["checker_unverifiable_recall_ar"] == row["unverifiable_recall"]
    assert "checker_unverifiable_recall_ar" not in before.metrics
    changed = {**undecidable, "id": "f1-u2", "change": "number"}
    path.write_text(path.read_text("utf-8") + json.dumps(changed, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(ds.DatasetError, match="unverifiable statement changes nothing"):
        ds.load(mini)
