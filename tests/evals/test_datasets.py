"""Eval datasets: the committed files load and cross-check; their JSON schemas are the models'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.evals import datasets as ds


def test_committed_datasets_load_and_cover_every_setting() -> None:
    data = ds.load()
    assert {s.setting for s in data.statements} == set(ds.SETTINGS)
    for setting in ds.SETTINGS:
        mine = [s for s in data.statements if s.setting == setting]
        changed = [s for s in mine if s.change in ("number", "date", "place", "actor", "stance", "category")]
        assert len([s for s in mine if s.label == "supported"]) >= 40 and len(changed) >= 80, setting
    assert {a.language for a in data.articles.values()} == {"ar", "en"}
    assert all(c.events and set(c.summaries) == {"ar", "en"} for c in data.cases if data.collection(c.article_ids) == "seed-story")


def test_committed_schemas_are_the_models() -> None:
    for name, schema in ds.json_schemas().items():
        committed = json.loads((ds.SCHEMAS / name).read_text("utf-8"))
        assert committed == schema, f"evals/schema/{name} is stale: run python -m summarizer.evals.datasets --schemas"


def test_cross_file_problems_are_named(mini: Path) -> None:
    path = mini / "cases" / "mini.jsonl"
    case = json.loads(path.read_text("utf-8"))
    case["events"][0]["anchor"] = "words that are not in the article"
    path.write_text(json.dumps(case, ensure_ascii=False) + "\n", "utf-8")
    with pytest.raises(ds.DatasetError, match="anchor is not an exact substring of article 002"):
        ds.load(mini)


def test_a_malformed_line_names_file_and_line(mini: Path) -> None:
    path = mini / "statements" / "mini.jsonl"
    path.write_text(path.read_text("utf-8") + '{"id": "z", "setting": "fr"}\n', "utf-8")
    with pytest.raises(ds.DatasetError, match=r"mini.jsonl:7: setting"):
        ds.load(mini)
