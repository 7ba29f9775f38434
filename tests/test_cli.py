"""The `summarizer` command: summarize files (JSON, JSONL, .txt), schema, and its errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.cli import main


@pytest.fixture(autouse=True)
def _data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_DATA_DIR", str(tmp_path / "data"))


def test_summarize_txt_json_and_jsonl(
    tmp_path: Path, seeds: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text(seeds[2]["text"], encoding="utf-8")
    js = tmp_path / "b.json"
    js.write_text(json.dumps({"articles": seeds[:2]}, ensure_ascii=False), encoding="utf-8")
    jl = tmp_path / "c.jsonl"
    jl.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in seeds[3:]), encoding="utf-8")
    code = main(["summarize", str(txt), str(js), str(jl), "--published-at", "2024-11-29T20:30:00+03:00"])
    out = capsys.readouterr()
    assert code == 0, out.err
    body = json.loads(out.out)
    assert [g["day"] for g in body["groups"]] == ["2024-11-29", "2024-11-30", "2024-12-01"]
    assert body["meta"]["engine"] == "extractive"
    assert "groups" in out.err  # the progress bar, on stderr, for many files


def test_txt_without_a_publication_time_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("قتل 4 مدنيين.", encoding="utf-8")
    assert main(["summarize", str(txt)]) == 2
    assert "--published-at" in capsys.readouterr().err


def test_bad_json_file_names_the_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"articles": [', encoding="utf-8")
    assert main(["summarize", str(bad)]) == 2
    assert "bad.json: not valid JSON" in capsys.readouterr().err


def test_invalid_article_names_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "a.json"
    f.write_text(json.dumps([{"text": "نص", "published_at": "soon"}]), encoding="utf-8")
    assert main(["summarize", str(f)]) == 2
    assert "articles.0.published_at" in capsys.readouterr().err


def test_schema_is_the_llm_output_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema["required"]) == {"topic", "keywords", "summary", "events"}
    assert schema["additionalProperties"] is False
