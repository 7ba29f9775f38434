"""The eval run: engine over the cases, checker over the statements, gates against thresholds and baseline."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import json
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from summarizer.checking.verify import CHECKER
from summarizer.config import Settings
from summarizer.engines import prompts
from summarizer.engines.base import Engine
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import SummarizerError
from summarizer.evals import datasets as ds
from summarizer.evals.scorers import CaseOutcome, score_cases, score_checker
from summarizer.pipeline import Pipeline
from summarizer.schemas import SummarizeRequest
from summarizer.timeline.store import Store

EVALS = ds.DATASETS.parent
Responses = Literal["live", "record", "replay"]
TEMPLATES = ("summarize", "judge")


class EvalError(Exception):
    """The eval cannot run as asked (bad files, missing recordings); the message says what to do."""


@dataclass
class Options:
    engine: Literal["extractive", "llm"] = "extractive"
    responses: Responses = "replay"
    datasets: Path = ds.DATASETS
    baseline: Path = EVALS / "baseline.json"
    thresholds: Path = EVALS / "thresholds.json"
    recordings: Path = EVALS / "recordings"
    out: Path = EVALS / "reports"
    update_baseline: bool = False
    cases: tuple[str, ...] = ()  # run only the cases whose id starts with one of these


@dataclass
class Result:
    engine: str
    model: str
    prompts: dict[str, dict[str, str]]
    checker: str
    counts: dict[str, int]
    metrics: dict[str, float]
    baseline: dict[str, float]
    thresholds: dict[str, dict[str, float]]
    failures: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return not self.failures


def template_records(settings: Settings) -> dict[str, dict[str, str]]:
    out = {}
    for name in TEMPLATES:
        t = prompts.load(name, settings.prompts_dir)
        out[name] = {"version": t.version, "sha256": t.sha256}
    return out


def prompt_problems(current: dict[str, dict[str, str]], recorded: dict[str, dict[str, str]]) -> list[str]:
    """A template edited since the baseline was measured fails the eval until a new baseline is made."""
    out = []
    redo = "run `uv run summarizer eval --engine llm --update-baseline` (with a provider, or --responses record)"
    for name, now in current.items():
        was = recorded.get(name)
        if was is None:
            out.append(f"prompts/{name}.toml ({now['version']}) has no baseline: {redo}")
        elif now["version"] == was["version"] and now["sha256"] != was["sha256"]:
            out.append(
                f"prompts/{name}.toml was edited but is still version {now['version']!r}: give it a new version "
                f"and {redo}"
            )
        elif now["version"] != was["version"]:
            out.append(
                f"prompts/{name}.toml is version {now['version']!r} but the baseline was measured with "
                f"{was['version']!r}: {redo}"
            )
    return out


def gate(metrics: dict[str, float], baseline: dict[str, float], thresholds: dict[str, dict[str, float]]) -> list[str]:
    """A metric fails below its floor (above its ceiling) or when it moves the wrong way past its tolerance."""
    out = []
    for name, rule in thresholds.items():
        if name not in metrics:
            continue
        value = metrics[name]
        lower_is_better = "max" in rule
        if "min" in rule and value < rule["min"]:
            out.append(f"{name} = {value:.3f} is below its threshold {rule['min']:.3f}")
        if "max" in rule and value > rule["max"]:
            out.append(f"{name} = {value:.3f} is above its threshold {rule['max']:.3f}")
        tol = rule.get("tolerance")
        if tol is not None and name in baseline:
            drop = (value - baseline[name]) if lower_is_better else (baseline[name] - value)
            if drop > tol + 1e-9:
                out.append(
                    f"{name} = {value:.3f} moved {drop:.3f} the wrong way from the baseline {baseline[name]:.3f} "
                    f"(tolerance {tol:.3f})"
                )
    return out


def _engine(options: Options, settings: Settings) -> tuple[Engine, Any]:
    if options.engine == "extractive":
        return ExtractiveEngine(settings), None
    from summarizer.engines.cache import ResultCache
    from summarizer.engines.client import Completer, LLMClient, check_credentials
    from summarizer.engines.llm import LLMEngine
    from summarizer.evals.replay import RecordingClient, ReplayClient

    # the eval measures the model's first answer: a replayed re-ask would depend on the checker's wording
    settings = settings.model_copy(update={"llm_reasks": 0})
    directory = options.recordings / settings.model.replace("/", "__")
    client: Completer
    if options.responses != "replay":
        check_credentials(settings)  # before the first case, not as a failure on each
    if options.responses == "replay":
        client = ReplayClient(directory, settings.model)
    elif options.responses == "record":
        client = RecordingClient(LLMClient(settings), directory, settings.model)
    else:
        client = LLMClient(settings)
    cache = ResultCache(Path(tempfile.mkdtemp()) / "cache", enabled=False)
    return LLMEngine(settings, client, cache, prompts.load("summarize", settings.prompts_dir)), client


async def _run_cases(data: ds.Datasets, engine: Engine, settings: Settings) -> list[CaseOutcome]:
    outcomes = []
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "eval.sqlite3")
        try:
            pipeline = Pipeline(settings, store, engine)
            for case in data.cases:
                request = SummarizeRequest(articles=data.request_articles(case.article_ids), languages=["ar", "en"])
                try:
                    outcomes.append(CaseOutcome(case, await pipeline.summarize(request)))
                except SummarizerError as e:
                    outcomes.append(CaseOutcome(case, None, f"{e.code}: {e.message}"))
        finally:
            store.close()
    return outcomes


def load_json(path: Path, default: Any) -> Any:
    return json.loads(path.read_text("utf-8")) if path.is_file() else default


def run(options: Options, settings: Settings) -> Result:
    started = time.perf_counter()
    try:
        data = ds.load(options.datasets)
    except (ds.DatasetError, OSError) as e:
        raise EvalError(f"datasets under {options.datasets}: {e}") from None
    if options.cases:
        data = dataclasses.replace(data, cases=[c for c in data.cases if c.id.startswith(options.cases)])
        if not data.cases:
            raise EvalError(f"no case id starts with {', '.join(options.cases)}")
    engine, client = _engine(options, settings)
    if options.responses == "record" and options.engine == "llm":
        write_manifest(options, settings)
    outcomes = asyncio.run(_run_cases(data, engine, settings))
    if getattr(client, "missing", 0):
        first = next(o.error for o in outcomes if o.error)
        raise EvalError(first or "responses were not recorded")
    cases = score_cases(outcomes, data)
    checker = score_checker(data)
    metrics = {**cases.metrics, **checker.metrics}
    baseline_file = load_json(options.baseline, {"prompts": {}, "engines": {}})
    key = engine.name
    recorded = baseline_file["engines"].get(key, {})
    gates = load_json(options.thresholds, {"metrics": {}})
    thresholds = gates["metrics"]
    current_prompts = template_records(settings)
    result = Result(
        engine=key,
        model=engine.model,
        prompts=current_prompts,
        checker=CHECKER,
        counts={
            "articles": len(data.articles),
            "cases": len(data.cases),
            "gold_events": sum(len(c.events) for c in data.cases),
            "statements": len(data.statements),
        },
        metrics=metrics,
        baseline=recorded.get("metrics", {}),
        thresholds=thresholds,
        details={**cases.details, **checker.details},
    )
    result.details["targets_missed"] = [
        f"{name} = {metrics[name]:.3f}, target {target:.2f}"
        for name, target in gates.get("targets", {}).items()
        if name in metrics and (metrics[name] > target if "false_alarm" in name else metrics[name] < target)
    ]
    result.failures += prompt_problems(current_prompts, baseline_file.get("prompts", {}))
    result.failures += gate(metrics, result.baseline, thresholds)
    if options.update_baseline:
        update_baseline(options, baseline_file, result)
    result.seconds = time.perf_counter() - started
    return result


MANIFEST = "manifest.json"


def recordings_dir(options: Options, model: str) -> Path:
    return options.recordings / model.replace("/", "__")


def write_manifest(options: Options, settings: Settings) -> None:
    """What a recording is of: the model, the cases run, the output cap; a replay runs the same cases."""
    directory = recordings_dir(options, settings.model)
    directory.mkdir(parents=True, exist_ok=True)
    cases = list(options.cases)
    before = load_json(directory / MANIFEST, {})
    same = before.get("datasets") == _where(options.datasets) and before.get("llm_max_tokens") == settings.llm_max_tokens
    if cases and same and before.get("cases"):  # recording more cases adds them: earlier recordings still replay
        cases = list(dict.fromkeys([*before["cases"], *cases]))
    manifest = {
        "model": settings.model,
        "datasets": _where(options.datasets),
        "cases": cases,
        "llm_max_tokens": settings.llm_max_tokens,
        "recorded": dt.date.today().isoformat(),
    }
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")


def _where(path: Path) -> str:
    """A datasets folder as a manifest names it: relative to the repository when inside it."""
    resolved = path.resolve()
    root = EVALS.parent.resolve()
    return str(resolved.relative_to(root)) if resolved.is_relative_to(root) else str(resolved)


def recorded_models(options: Options) -> list[dict[str, Any]]:
    """The manifests of the LLM answers recorded under ``options.recordings`` on ``options.datasets``."""
    if not options.recordings.is_dir():
        return []
    manifests = [json.loads(m.read_text("utf-8")) for m in sorted(options.recordings.glob(f"*/{MANIFEST}"))]
    return [m for m in manifests if m.get("datasets") == _where(options.datasets)]


def replay_recorded(options: Options, settings: Settings) -> list[Result]:
    """Replay every recorded model over the cases it was recorded on, offline: its figures are shown beside
    the offline engine's, not gated (a small local model misses every floor); a prompt or schema changed
    since recording shows as missing recordings."""
    out = []
    for manifest in recorded_models(options):
        replay = dataclasses.replace(
            options,
            engine="llm",
            responses="replay",
            cases=tuple(manifest.get("cases", ())),
            update_baseline=False,
        )
        model_settings = settings.model_copy(  # as recorded: the output cap shapes the requests and re-asks
            update={"model": manifest["model"], "llm_max_tokens": manifest.get("llm_max_tokens", settings.llm_max_tokens)}
        )
        try:
            result = run(replay, model_settings)
        except EvalError as e:
            result = Result(
                engine="llm",
                model=manifest["model"],
                prompts={},
                checker=CHECKER,
                counts={},
                metrics={},
                baseline={},
                thresholds={},
                failures=[str(e)],
            )
        out.append(result)
    return out


def update_baseline(options: Options, baseline_file: dict[str, Any], result: Result) -> None:
    """Record this run as the baseline of its engine. Only an LLM run may vouch for the prompts' versions."""
    baseline_file.setdefault("engines", {})[result.engine] = {
        "model": result.model,
        "checker": result.checker,
        "made": dt.date.today().isoformat(),
        "metrics": {k: round(v, 4) for k, v in result.metrics.items()},
    }
    if result.engine == "llm" or not baseline_file.get("prompts"):
        baseline_file["prompts"] = result.prompts
    options.baseline.write_text(json.dumps(baseline_file, ensure_ascii=False, indent=2) + "\n", "utf-8")
    # the new baseline is the reference: only the absolute thresholds still gate this run
    result.baseline = baseline_file["engines"][result.engine]["metrics"]
    result.failures = prompt_problems(result.prompts, baseline_file["prompts"]) + gate(
        result.metrics, {}, result.thresholds
    )
