"""The `summarizer` command: serve the API, summarize files, run the evals, print the LLM's JSON schema."""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.errors import ConfigError, InputError, SummarizerError


def _read_articles(paths: list[Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    """Articles from JSON (an object with "articles", a list, or one article), JSONL, or plain .txt."""
    out: list[dict[str, Any]] = []
    for path in paths:
        try:
            raw = path.read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{path}: cannot read ({e.strerror})", field=str(path)) from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text", field=str(path)) from None
        suffix = path.suffix.lower()
        if suffix == ".txt":
            if not args.published_at:
                raise InputError(
                    f"{path}: a .txt file carries no publication time; pass --published-at "
                    "(e.g. 2024-12-01T12:00:00+03:00) or send JSON with published_at",
                    field="--published-at",
                )
            item: dict[str, Any] = {"text": raw, "published_at": args.published_at}
            if args.source:
                item["source"] = args.source
            if args.language:
                item["language"] = args.language
            out.append(item)
        elif suffix == ".jsonl":
            for n, line in enumerate(raw.splitlines(), 1):
                if line.strip():
                    out.append(_parse_json(line, f"{path}:{n}"))
        else:
            data = _parse_json(raw, str(path))
            if isinstance(data, dict) and "articles" in data:
                data = data["articles"]
            out.extend(data if isinstance(data, list) else [data])
    return out


def _parse_json(raw: str, where: str) -> Any:
    try:
        return json.loads(raw)
    except json.JSONDecodeError as e:
        raise InputError(
            f"{where}: not valid JSON ({e.msg} at line {e.lineno} column {e.colno})", field=where
        ) from None


async def _summarize(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from summarizer.config import load_settings
    from summarizer.schemas import SummarizeRequest
    from summarizer.services import build

    settings = load_settings()
    items = _read_articles(args.files, args)
    try:
        request = SummarizeRequest.model_validate({"articles": items, "languages": args.languages})
    except ValidationError as e:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg'].removeprefix('Value error, ')}"
            for err in e.errors()
        )
        raise InputError(problems) from None
    services = build(settings)
    try:
        show = len(args.files) > 1 and not args.quiet
        with tqdm(desc="groups", unit="group", file=sys.stderr, disable=not show) as bar:

            def progress(done: int, total: int) -> None:
                bar.total = total
                bar.update(done - bar.n)

            response = await services.pipeline.summarize(request, progress=progress)
    finally:
        services.close()
    sys.stdout.write(response.model_dump_json(indent=2) + "\n")
    return 0


def loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> int:
    from summarizer.config import load_settings
    from summarizer.keys import KeyRing

    settings = load_settings()  # a bad value stops here, before the app is even imported
    keys = KeyRing.load(settings.keys_file)
    if not keys and not loopback_host(args.host) and not (settings.allow_no_keys or args.allow_no_keys):
        print(
            f"summarizer: refusing to serve {args.host} without API keys: anyone who can reach it could post, "
            "overwrite and read. Make a key (`summarizer keys add --scope read,write`) and set "
            "SUMMARIZER_KEYS_FILE, or pass --allow-no-keys (SUMMARIZER_ALLOW_NO_KEYS=true) to serve it open.",
            file=sys.stderr,
        )
        return 2
    if settings.engine == "llm":  # a missing provider key stops here, with the variable to set
        from summarizer.engines.client import check_credentials

        check_credentials(settings)
    import uvicorn

    from summarizer import logs
    from summarizer.api.app import create_app

    logs.setup(args.log_level)  # every line from here on is one JSON object
    logs.log.info(
        "summarizer: engine=%s model=%s data=%s keys=%s", settings.engine, settings.model, settings.data_dir,
        len(keys) if keys else "off",
        extra={"engine": settings.engine, "model": settings.model, "data_dir": str(settings.data_dir),
               "keys": len(keys) if keys else 0},
    )  # fmt: skip
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_config=None, access_log=False)
    return 0


def _keys(args: argparse.Namespace) -> int:
    from summarizer.config import load_settings
    from summarizer.keys import KeyRing, parse_scopes

    settings = load_settings()
    path = args.file or settings.keys_file
    if path is None:
        print("summarizer keys: set SUMMARIZER_KEYS_FILE or pass --file", file=sys.stderr)
        return 2
    ring = KeyRing.load(path)
    if args.keys_command == "list":
        for r in ring.records():
            print(f"{r.id}\t{','.join(sorted(r.scopes))}\t{r.name}")
        return 0
    try:
        scopes = parse_scopes(args.scope)
    except ValueError as e:
        print(f"summarizer keys: {e}", file=sys.stderr)
        return 2
    key = ring.add(path, scopes, args.name or "")
    print(key)
    print(
        f"summarizer keys: stored the hash of a key with scopes {','.join(sorted(scopes))} in {path}; "
        "the key above is shown this once",
        file=sys.stderr,
    )
    return 0


def _schema(args: argparse.Namespace) -> int:
    from summarizer.engines.llm import schema_json

    sys.stdout.write(schema_json() + "\n")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from summarizer.config import load_settings
    from summarizer.evals import report
    from summarizer.evals.runner import EvalError, Options, replay_recorded, run

    overrides: dict[str, Any] = {"model": "extractive"} if args.engine == "extractive" else {}
    settings = load_settings(**overrides)
    if args.engine == "llm" and settings.engine != "llm":
        print(
            "summarizer eval: --engine llm needs SUMMARIZER_MODEL (a litellm model id; for a replay, the one "
            "the responses were recorded with)",
            file=sys.stderr,
        )
        return 2
    options = Options(engine=settings.engine, responses=args.responses, update_baseline=args.update_baseline)
    if args.cases:
        options.cases = tuple(args.cases)
    for name in ("datasets", "baseline", "thresholds", "recordings", "out"):
        if getattr(args, name) is not None:
            setattr(options, name, getattr(args, name))
    try:
        result = run(options, settings)
    except EvalError as e:
        print(f"summarizer eval: {e}", file=sys.stderr)
        return 2
    except ImportError as e:  # rouge-score and sacrebleu come with the dev dependencies
        print(f"summarizer eval: {e.name} is missing; run it with the dev dependencies: uv run --frozen summarizer eval", file=sys.stderr)
        return 2
    paths = report.write(result, options.out)
    verdict = "passed" if result.passed else f"FAILED ({len(result.failures)} problems)"
    print(f"eval {result.engine} ({result.model}): {verdict} in {result.seconds:.1f} s", file=sys.stderr)
    for name in ("checker_recall_ar", "checker_recall_en", "checker_recall_en-about-ar", "claim_support_rate", "date_accuracy"):
        if name in result.metrics:
            print(f"  {name} = {result.metrics[name]:.3f}", file=sys.stderr)
    for f in result.failures:
        print(f"  FAIL {f}", file=sys.stderr)
    print("  report: " + ", ".join(str(p) for p in paths.values()), file=sys.stderr)
    stale = False
    if result.engine == "extractive" and not args.cases:
        # beside the offline engine: each recorded LLM's answers replayed offline (shown, not gated)
        for llm in replay_recorded(options, settings):
            if not llm.metrics:
                stale = True
                print(f"eval llm ({llm.model}, recorded answers): FAILED: {llm.failures[0]}", file=sys.stderr)
                continue
            llm_paths = report.write(llm, options.out / llm.model.replace("/", "__"))
            print(
                f"eval llm ({llm.model}, recorded answers, not gated) in {llm.seconds:.1f} s:",
                file=sys.stderr,
            )
            for name in _LLM_FIGURES:
                if name in llm.metrics:
                    offline = result.metrics.get(name)
                    beside = f" (offline engine {offline:.3f})" if offline is not None else ""
                    print(f"  {name} = {llm.metrics[name]:.3f}{beside}", file=sys.stderr)
            print(f"  report: {llm_paths['markdown']}", file=sys.stderr)
    return 0 if result.passed and not stale else 1


_LLM_FIGURES = (
    "schema_validity",
    "evidence_exact_rate",
    "claim_support_rate",
    "event_recall",
    "date_accuracy",
    "language_purity",
    "chrf",
)


def _worker(args: argparse.Namespace) -> int:
    from summarizer.config import load_settings
    from summarizer.jobs.runner import queue_url

    settings = load_settings()
    if queue_url(settings) is None:
        raise ConfigError(
            "no Postgres queue: set SUMMARIZER_DATABASE_URL (or SUMMARIZER_QUEUE_URL) to a postgresql:// URL; "
            "without one, jobs run inside `summarizer serve`"
        )
    from summarizer import logs
    from summarizer.jobs import queue  # procrastinate loads only here

    logs.setup("info")
    asyncio.run(queue.work(settings, heartbeat=args.heartbeat, stalled_after=args.stalled_after, wait=not args.once))
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="summarizer", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the REST API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--allow-no-keys",
        action="store_true",
        help="serve a non-loopback address without API keys (SUMMARIZER_ALLOW_NO_KEYS)",
    )
    serve.add_argument(
        "--log-level", default="info", choices=["critical", "error", "warning", "info", "debug"]
    )
    summ = sub.add_parser("summarize", help="summarize JSON, JSONL or .txt article files; print JSON")
    summ.add_argument("files", nargs="+", type=Path)
    summ.add_argument("--published-at", help="publication time for .txt files (ISO 8601)")
    summ.add_argument("--source", help="source name for .txt files")
    summ.add_argument("--language", choices=["ar", "en"], help="language of .txt files (default: detected)")
    summ.add_argument("--languages", nargs="+", default=["ar", "en"], choices=["ar", "en"])
    summ.add_argument("--quiet", action="store_true", help="no progress bar")
    keys = sub.add_parser("keys", help="make or list API keys (their salted hashes go to SUMMARIZER_KEYS_FILE)")
    keys_sub = keys.add_subparsers(dest="keys_command", required=True)
    add = keys_sub.add_parser("add", help="make a key and print it once")
    add.add_argument("--scope", default="read", help="comma-separated: read, write, verify, admin")
    add.add_argument("--name", help="who or what the key is for")
    add.add_argument("--file", type=Path, help="default: SUMMARIZER_KEYS_FILE")
    lst = keys_sub.add_parser("list", help="list key ids and scopes (never the keys)")
    lst.add_argument("--file", type=Path, help="default: SUMMARIZER_KEYS_FILE")
    sub.add_parser("schema", help="print the JSON schema the LLM is asked to fill")
    worker = sub.add_parser(
        "worker", help="run posted jobs from the Postgres queue (SUMMARIZER_QUEUE_URL); any number, any machine"
    )
    worker.add_argument(
        "--heartbeat", type=float, default=10.0, help="seconds between this worker's heartbeats (default 10)"
    )
    worker.add_argument(
        "--stalled-after",
        type=float,
        default=30.0,
        help="seconds without a heartbeat after which a worker counts as dead and its jobs run again (default 30)",
    )
    worker.add_argument("--once", action="store_true", help="stop when the queue is empty instead of waiting")
    ev = sub.add_parser(
        "eval",
        help="run evals/ against the engine; write a report; exit 1 when a metric fails its gate",
    )
    ev.add_argument("--engine", choices=["extractive", "llm"], help="default: SUMMARIZER_ENGINE (extractive)")
    ev.add_argument(
        "--responses",
        choices=["replay", "record", "live"],
        default="replay",
        help="llm only: replay recorded responses (no network), record them from the provider, or call it live",
    )
    ev.add_argument("--update-baseline", action="store_true", help="make this run the committed baseline")
    ev.add_argument("--out", type=Path, help="report folder (default: evals/reports)")
    ev.add_argument("--datasets", type=Path, help="default: evals/datasets")
    ev.add_argument("--baseline", type=Path, help="default: evals/baseline.json")
    ev.add_argument("--thresholds", type=Path, help="default: evals/thresholds.json")
    ev.add_argument("--recordings", type=Path, help="default: evals/recordings")
    ev.add_argument("--cases", nargs="+", help="only the cases whose id starts with these (e.g. written)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        if args.command == "serve":
            return _serve(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "keys":
            return _keys(args)
        if args.command == "eval":
            return _eval(args)
        if args.command == "worker":
            return _worker(args)
        return asyncio.run(_summarize(args))
    except ConfigError as e:
        print(f"summarizer: {e.message}", file=sys.stderr)
        return 2
    except InputError as e:
        print(f"summarizer: {e.message}", file=sys.stderr)
        return 2
    except SummarizerError as e:
        print(f"summarizer: {e.code}: {e.message}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
