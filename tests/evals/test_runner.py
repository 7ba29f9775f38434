"""The eval command: gates, prompt versions, a broken checker and a broken prompt fail it; replay is offline."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from summarizer.checking import verify
from summarizer.cli import main
from summarizer.config import load_settings
from summarizer.engines import prompts
from summarizer.evals.runner import MANIFEST, Options, gate, prompt_problems, recordings_dir, write_manifest
from tests.fakes.answers import faithful
from tests.fakes.openai_server import FakeOpenAI

THRESHOLDS = {
    "metrics": {
        "schema_validity": {"min": 1.0},
        "evidence_exact_rate": {"min": 1.0},
        "claim_support_rate": {"min": 0.9, "tolerance": 0.05},
        "checker_recall_ar": {"min": 0.95},
        "checker_false_alarm_ar": {"max": 0.05},
        "checker_recall_en-about-ar": {"min": 0.95},
    }
}


@pytest.fixture
def files(tmp_path: Path, mini: Path) -> dict[str, Path]:
    thresholds = tmp_path / "thresholds.json"
    thresholds.write_text(json.dumps(THRESHOLDS), "utf-8")
    return {"datasets": mini, "thresholds": thresholds, "baseline": tmp_path / "baseline.json", "out": tmp_path / "out"}


def run_eval(files: dict[str, Path], *extra: str) -> int:
    args = ["eval", *extra]
    for name, path in files.items():
        args += [f"--{name}", str(path)]
    return main(args)


@pytest.fixture(autouse=True)
def _fresh_prompts() -> Iterator[None]:
    prompts.load.cache_clear()
    yield
    prompts.load.cache_clear()


def test_gate_floors_ceilings_and_tolerance() -> None:
    rules = {"a": {"min": 0.9, "tolerance": 0.02}, "b": {"max": 0.05, "tolerance": 0.01}}
    assert gate({"a": 0.95, "b": 0.02}, {"a": 0.96, "b": 0.02}, rules) == []
    assert gate({"a": 0.85, "b": 0.02}, {}, rules) == ["a = 0.850 is below its threshold 0.900"]
    assert gate({"a": 0.92, "b": 0.06}, {"a": 0.95}, rules)[0].startswith("a = 0.920 moved 0.030 the wrong way")
    assert gate({"a": 0.95, "b": 0.04}, {"b": 0.02}, rules) == [
        "b = 0.040 moved 0.020 the wrong way from the baseline 0.020 (tolerance 0.010)"
    ]


def test_prompt_versions_against_the_baseline() -> None:
    now = {"summarize": {"version": "v2", "sha256": "b"}}
    assert prompt_problems(now, {"summarize": {"version": "v2", "sha256": "b"}}) == []
    [edited] = prompt_problems(now, {"summarize": {"version": "v2", "sha256": "a"}})
    assert "was edited but is still version 'v2'" in edited and "--update-baseline" in edited
    [bumped] = prompt_problems(now, {"summarize": {"version": "v1", "sha256": "a"}})
    assert "baseline was measured with 'v1'" in bumped


def test_offline_eval_passes_writes_reports_and_gates_on_its_baseline(files: dict[str, Path]) -> None:
    assert run_eval(files, "--update-baseline") == 0
    assert run_eval(files) == 0
    result = json.loads((files["out"] / "result.json").read_text("utf-8"))
    assert result["passed"] and result["engine"] == "extractive"
    assert result["metrics"]["checker_recall_ar"] == 1.0 and result["metrics"]["checker_false_alarm_ar"] == 0.0
    assert result["prompts"]["summarize"]["version"] == "summarize-v2"
    assert "<svg" in (files["out"] / "report.html").read_text("utf-8")
    assert "| Checker recall, Arabic | 1.000 | 1.000 | +0.000 | ≥ 0.95 | ok |" in (files["out"] / "report.md").read_text("utf-8")


def test_a_broken_checker_fails_the_eval(files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    assert run_eval(files, "--update-baseline") == 0
    monkeypatch.setattr(verify, "number_issues", lambda *args: [])  # numbers no longer checked
    assert run_eval(files) == 1
    failures = json.loads((files["out"] / "result.json").read_text("utf-8"))["failures"]
    assert any(f.startswith("checker_recall_ar = ") and "is below its threshold" in f for f in failures), failures


def _prompts_copy(tmp_path: Path, edit: str = "", drop: str = "") -> Path:
    directory = tmp_path / "prompts"
    shutil.copytree(prompts.prompts_dir(), directory)
    path = directory / "summarize.toml"
    text = path.read_text("utf-8")
    assert drop in text
    path.write_text(text.replace(drop, "") + edit, "utf-8")
    return directory


def test_editing_a_prompt_without_a_new_baseline_fails(
    files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_eval(files, "--update-baseline") == 0
    monkeypatch.setenv("SUMMARIZER_PROMPTS_DIR", str(_prompts_copy(tmp_path, edit="\n# tweaked\n")))
    assert run_eval(files) == 1
    err = capsys.readouterr().err
    assert "prompts/summarize.toml was edited but is still version 'summarize-v2'" in err
    assert "uv run summarizer eval --engine llm --update-baseline" in err


# ---------------------------------------------------------------- the LLM engine, recorded and replayed

RULE = "a quote copied character for\n  character from that article's text"


def obedient_model(request: dict[str, Any]) -> str:
    """A fake model that follows its system prompt: told to copy quotes exactly, it does; not told, it
    paraphrases them (here: reorders each quote's words), and re-asks do not change its mind."""
    answer = json.loads(faithful(request))
    if RULE not in request["messages"][0]["content"]:
        for part in answer["summary"].values():
            for b in part["bullets"]:
                for ev in b["evidence"]:
                    ev["quote"] = " ".join(reversed(ev["quote"].split()))
        for e in answer["events"]:
            for ev in e["evidence"]:
                ev["quote"] = " ".join(reversed(ev["quote"].split()))
    return json.dumps(answer, ensure_ascii=False)


@pytest.fixture
def llm_env(monkeypatch: pytest.MonkeyPatch, fake_llm: FakeOpenAI) -> FakeOpenAI:
    fake_llm.default = obedient_model
    for name, value in {
        "MODEL": "openai/fake-model",
        "API_BASE": fake_llm.base_url,
        "API_KEY": "k",
        "LLM_RETRIES": "0",
        "LLM_TIMEOUT": "5",
    }.items():
        monkeypatch.setenv(f"SUMMARIZER_{name}", value)
    return fake_llm


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAI]:
    fake = FakeOpenAI().start()
    yield fake
    fake.stop()


def test_llm_eval_records_then_replays_offline_and_a_broken_prompt_fails(
    files: dict[str, Path], tmp_path: Path, llm_env: FakeOpenAI, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    recordings = tmp_path / "recordings"
    files = {**files, "recordings": recordings}
    assert run_eval(files, "--engine", "llm", "--responses", "record", "--update-baseline") == 0
    recorded = json.loads((files["out"] / "result.json").read_text("utf-8"))
    calls = llm_env.calls
    answers = [p for p in (recordings / "openai__fake-model").glob("*.json") if p.name != "manifest.json"]
    assert calls >= 1 and len(answers) == calls
    manifest = json.loads((recordings / "openai__fake-model" / "manifest.json").read_text("utf-8"))
    assert manifest["model"] == "openai/fake-model" and manifest["cases"] == []

    llm_env.stop()  # replay needs no provider at all
    assert run_eval(files, "--engine", "llm") == 0
    replayed = json.loads((files["out"] / "result.json").read_text("utf-8"))
    assert replayed["metrics"] == recorded["metrics"] and replayed["engine"] == "llm"

    # a prompt that no longer asks for exact quotes: nothing recorded for it, and live it fails the gates
    broken = _prompts_copy(tmp_path, drop=RULE)
    monkeypatch.setenv("SUMMARIZER_PROMPTS_DIR", str(broken))
    assert run_eval(files, "--engine", "llm") == 2
    assert "no recorded response" in capsys.readouterr().err
    fake = FakeOpenAI(default=obedient_model).start()
    try:
        monkeypatch.setenv("SUMMARIZER_API_BASE", fake.base_url)
        assert run_eval(files, "--engine", "llm", "--responses", "live") == 1
    finally:
        fake.stop()
    failures = json.loads((files["out"] / "result.json").read_text("utf-8"))["failures"]
    assert any(f.startswith("schema_validity = 0.000 is below") for f in failures), failures
    assert any("prompts/summarize.toml was edited" in f for f in failures), failures


def test_the_offline_eval_replays_recorded_models_beside_it_and_fails_when_they_are_stale(
    files: dict[str, Path], tmp_path: Path, llm_env: FakeOpenAI, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    files = {**files, "recordings": tmp_path / "recordings"}
    assert run_eval(files, "--engine", "llm", "--responses", "record", "--update-baseline") == 0
    llm_env.stop()
    for name in ("MODEL", "API_BASE", "API_KEY"):
        monkeypatch.delenv(f"SUMMARIZER_{name}")
    capsys.readouterr()
    assert run_eval(files) == 0  # the offline engine, and beside it the recorded model, offline
    err = capsys.readouterr().err
    assert "eval llm (openai/fake-model, recorded answers, not gated)" in err
    assert "schema_validity = 1.000 (offline engine 1.000)" in err
    assert (files["out"] / "openai__fake-model" / "report.md").is_file()
    # a prompt changed since recording: the replay cannot answer, and the eval says so and fails
    monkeypatch.setenv("SUMMARIZER_PROMPTS_DIR", str(_prompts_copy(tmp_path, drop=RULE)))
    assert run_eval(files) == 1
    err = capsys.readouterr().err
    assert "eval llm (openai/fake-model, recorded answers): FAILED" in err and "no recorded response" in err


def test_recording_more_cases_adds_them_to_the_manifest_unless_the_output_cap_changed(tmp_path: Path, mini: Path) -> None:
    settings = load_settings(model="openai/m", llm_max_tokens=700, data_dir=tmp_path / "d")
    options = Options(engine="llm", responses="record", datasets=mini, recordings=tmp_path / "rec")

    def cases() -> list[str]:
        return list(json.loads((recordings_dir(options, "openai/m") / MANIFEST).read_text("utf-8"))["cases"])

    write_manifest(Options(**{**options.__dict__, "cases": ("written-1",)}), settings)
    write_manifest(Options(**{**options.__dict__, "cases": ("seeds-2", "written-1")}), settings)
    assert cases() == ["written-1", "seeds-2"]
    write_manifest(Options(**{**options.__dict__, "cases": ("seeds-3",)}), settings.model_copy(update={"llm_max_tokens": 900}))
    assert cases() == ["seeds-3"]  # recorded under another cap: the earlier answers no longer replay alike


def test_the_report_lists_no_held_out_item(files: dict[str, Path]) -> None:
    path = files["datasets"] / "cases" / "mini.jsonl"
    case = json.loads(path.read_text("utf-8"))
    case.update(id="mini-held", exhaustive=True)  # a held-out id: its misses are measured, not shown
    path.write_text(json.dumps(case, ensure_ascii=False) + "\n", "utf-8")
    run_eval(files, "--update-baseline")
    report = (files["out"] / "report.md").read_text("utf-8")
    result = json.loads((files["out"] / "result.json").read_text("utf-8"))
    assert result["metrics"]["event_precision@held_out"] < 1.0
    assert result["details"]["held_out_items_not_listed"]["unmatched_served_events"] > 0
    assert result["details"]["unmatched_served_events"] == [] and "mini-held" not in report
    assert "the held-out half is reported as figures, never item by item" in report
