"""Eval reports: Markdown for people, HTML with a chart of each metric against the baseline, JSON for tools."""

from __future__ import annotations

import dataclasses
import html
import json
from pathlib import Path
from typing import Any

from summarizer.evals.runner import Result
from summarizer.evals.scorers import METRIC_ORDER, metric_name

SETTING_NAMES = ("ar", "en", "en-about-ar")
LABELS = {
    "schema_validity": "Schema validity",
    "evidence_exact_rate": "Evidence quotes that are exact substrings",
    "claim_support_rate": "Served claims the checker supports",
    "event_recall": "Gold events found",
    "date_accuracy": "Date accuracy (gold events)",
    "date_f1": "Date-F1 (per case)",
    "region_accuracy": "Region accuracy (gold events)",
    "death_toll_accuracy": "Death-toll accuracy",
    "rouge1": "ROUGE-1 F (Arabic-aware)",
    "rouge2": "ROUGE-2 F (Arabic-aware)",
    "rougeL": "ROUGE-L F (Arabic-aware)",
    "chrf": "chrF",
    "language_purity": "Output-language purity",
    "checker_recall_ar": "Checker recall, Arabic",
    "checker_recall_en": "Checker recall, English",
    "checker_recall_en-about-ar": "Checker recall, English about Arabic",
    "checker_false_alarm_ar": "Checker false alarms, Arabic (lower is better)",
    "checker_false_alarm_en": "Checker false alarms, English (lower is better)",
    "checker_false_alarm_en-about-ar": "Checker false alarms, English about Arabic (lower is better)",
    "checker_precision": "Checker precision",
    "key_event_recall": "Key gold events found",
    "anchor_recall": "Gold events some served event cites (any type)",
    "event_precision": "Served events matching a gold event (exhaustive cases)",
    "event_f1": "Event F1 (exhaustive cases)",
    "off_topic_clean": "Off-topic articles with no served event",
    "non_event_rejection": "Listed non-event sentences served as no event",
    "checker_recall": "Checker recall, all settings",
    "checker_false_alarm": "Checker false alarms, all settings (lower is better)",
    "checker_invented_recall": "Checker: invented quotations caught",
    "checker_unverifiable_recall": "Checker: statements the text cannot decide, not passed as supported",
}
HEADLINE = (
    *METRIC_ORDER,
    *(f"checker_{kind}_{s}" for s in SETTING_NAMES for kind in ("recall", "false_alarm")),
    "checker_recall",
    "checker_false_alarm",
    "checker_invented_recall",
    "checker_unverifiable_recall",
    "checker_precision",
)


def label(name: str) -> str:
    """A metric's label; a scoped name (``event_recall@unseen/held_out``) shows its scope in brackets."""
    base, _, scope = name.partition("@")
    return LABELS.get(base, base) + (f" [{scope}]" if scope else "")


def _cell(metrics: dict[str, float], name: str) -> str:
    return f"{metrics[name]:.3f}" if name in metrics else "–"


def _scoped_table(result: Result, title: str, scopes: tuple[tuple[str, str], ...]) -> list[str]:
    """One row per headline metric, one column per scope; metrics with no value anywhere are left out."""
    lines = [title, "", "| metric | " + " | ".join(h for h, _ in scopes) + " |", "|---" + "|---:" * len(scopes) + "|"]
    for name in HEADLINE:
        cells = [_cell(result.metrics, metric_name(name, scope)) for _, scope in scopes]
        if any(c != "–" for c in cells):
            lines.append(f"| {label(name)} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _status(result: Result, name: str) -> str:
    return "FAIL" if any(f.startswith(f"{name} =") for f in result.failures) else "ok"


def _rule(rule: dict[str, float] | None) -> str:
    if not rule:
        return ""
    parts = []
    if "min" in rule:
        parts.append(f"≥ {rule['min']:.2f}")
    if "max" in rule:
        parts.append(f"≤ {rule['max']:.2f}")
    if "tolerance" in rule:
        parts.append(f"± {rule['tolerance']:.2f}")
    return " ".join(parts)


def _rows(result: Result) -> list[tuple[str, str, float, float | None, str, str]]:
    """The gated metrics (every metric is in result.json and in the scoped tables)."""
    rows = []
    for name, value in result.metrics.items():
        if name not in result.thresholds:
            continue
        rows.append(
            (
                name,
                label(name),
                value,
                result.baseline.get(name),
                _rule(result.thresholds.get(name)),
                _status(result, name),
            )
        )
    return rows


def markdown(result: Result) -> str:
    prompts = ", ".join(f"{n} `{p['version']}`" for n, p in result.prompts.items())
    lines = [
        f"# Eval report: {result.engine} ({result.model})",
        "",
        f"**{'PASSED' if result.passed else 'FAILED'}** in {result.seconds:.1f} s. Prompts: {prompts}. "
        f"Checker: `{result.checker}`. Data: {result.counts['articles']} articles, {result.counts['cases']} cases, "
        f"{result.counts['gold_events']} gold events, {result.counts['statements']} statements.",
        "",
    ]
    if result.failures:
        lines += ["## Failures", "", *[f"- {f}" for f in result.failures], ""]
    missed = result.details.get("targets_missed") or []
    if missed:
        lines += ["## Targets not reached yet (reported, not gated)", "", *[f"- {m}" for m in missed], ""]
    lines += _scoped_table(
        result,
        "## Headline: the held-out half",
        (("held-out", "held_out"), ("tuning", "tuning"), ("whole", "all")),
    )
    lines += [
        "Items fall in a half by a hash of their id (summarizer/evals/datasets.py). Event precision counts only "
        "cases annotated with every event (`exhaustive`); the seed story's cases list key events only.",
        "",
    ]
    lines += _scoped_table(
        result,
        "## The seed story against unseen stories",
        (
            ("seed held-out", "seed-story/held_out"),
            ("seed tuning", "seed-story/tuning"),
            ("seed story", "seed-story"),
            ("unseen held-out", "unseen/held_out"),
            ("unseen tuning", "unseen/tuning"),
            ("unseen", "unseen"),
        ),
    )
    for batch in result.details.get("batches") or []:
        lines += _scoped_table(
            result,
            f"## Batch {batch} (written after every tuning so far)",
            ((f"{batch} held-out", f"{batch}/held_out"), (f"{batch} tuning", f"{batch}/tuning"), (batch, batch)),
        )
    counts = result.details.get("scope_counts") or {}
    if counts:
        lines += ["| scope | cases | gold events | served events (exhaustive cases) | off-topic articles |", "|---|---:|---:|---:|---:|"]
        for scope, row in counts.items():
            lines.append(f"| {scope} | {row['cases']} | {row['gold_events']} | {row['served_events']} | {row['off_topic']} |")
        lines.append("")
    lines += ["## Gates", "", "| metric | value | baseline | Δ | gate | |", "|---|---:|---:|---:|---|---|"]
    for _, name_label, value, base, rule, status in _rows(result):
        delta = "" if base is None else f"{value - base:+.3f}".replace("-0.000", "+0.000")
        shown = "" if base is None else f"{base:.3f}"
        lines.append(f"| {name_label} | {value:.3f} | {shown} | {delta} | {rule} | {status} |")
    table = result.details.get("checker", {})
    if table:
        lines += [
            "",
            "## The checker on the perturbation set",
            "",
            "Changed statements carry one changed number, date, place, actor, stance (confirms/denies) or figure "
            "category (civilians/fighters); invented ones add a quotation. Rows: setting@scope. The seed story's "
            "statements were read while the checker was tuned, in both halves; the unseen ones were not.",
            "",
            "Unverifiable: faithful statements not flagged but with a claim its evidence cannot decide "
            "(reported, not gated).",
            "",
            "Undecidable: statements the text cannot decide (label `unverifiable`) that the checker did not pass "
            "as supported.",
            "",
            "| statements | n | recall | false alarms | precision | invented caught | faithful unverifiable "
            "| undecidable not passed |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for name, row in table.items():
            lines.append(
                f"| {name} | {int(row['statements'])} | {row['recall']:.3f} | {row['false_alarm_rate']:.3f} | "
                f"{row['precision']:.3f} | {row['invented_recall']:.3f} | {_unverifiable(row)} | {_undecidable(row)} |"
            )
    kinds = result.details.get("checker_by_change") or {}
    if kinds:
        lines += ["", "Changed statements caught, by what was changed:", "", "| change | " + " | ".join(SETTING_NAMES) + " |", "|---|---:|---:|---:|"]
        for change, row in kinds.items():
            lines.append(f"| {change} | " + " | ".join(row.get(k, "") for k in SETTING_NAMES) + " |")
    lines += ["", *_not_listed(result)]
    for key, title in (
        ("checker_misses", "Changed statements the checker missed"),
        ("checker_false_alarms", "Faithful statements the checker flagged"),
        ("unsupported_claims", "Served claims the checker does not support"),
        ("unmatched_served_events", "Served events with no gold match (exhaustive cases)"),
        ("failed_cases", "Cases with no response"),
    ):
        items = result.details.get(key) or []
        if items:
            lines += ["", f"## {title} ({len(items)})", "", *[f"- {i}" for i in items[:40]]]
    return "\n".join(lines) + "\n"


def _not_listed(result: Result) -> list[str]:
    """What the item lists below leave out: the held-out half's items, as counts only."""
    engine = result.details.get("held_out_items_not_listed") or {}
    checker = result.details.get("checker_held_out_not_listed") or {}
    if not engine and not checker:
        return []
    counts = [f"{n} {k.replace('_', ' ')}" for k, n in {**engine, **checker}.items()]
    return [
        f"Items listed below are the {result.details.get('listed_half', 'tuning')} half's only; the held-out half "
        f"is reported as figures, never item by item (held out, not listed: {', '.join(counts)}).",
    ]


def _unverifiable(row: dict[str, float]) -> str:
    """"3/50" faithful statements left unverifiable, or "" for a result written before they were counted."""
    if "faithful_unverifiable" not in row:
        return ""
    return f"{int(row['faithful_unverifiable'])}/{int(row.get('faithful', 0))}"


def _undecidable(row: dict[str, float]) -> str:
    """"4/5" undecidable statements not passed as supported, or "" when the scope has none."""
    if not row.get("unverifiable"):
        return ""
    n = int(row["unverifiable"])
    return f"{round(row['unverifiable_recall'] * n)}/{n}"


def _chart(result: Result) -> str:
    """Horizontal bars: this run (dark) over the baseline (light), one pair per metric, scale 0..1."""
    rows = _rows(result)
    label_w, bar_w, row_h = 360, 420, 34
    height = row_h * len(rows) + 30
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{label_w + bar_w + 90}" height="{height}" '
        'font-family="sans-serif" font-size="12" role="img" aria-label="metrics against the baseline">'
    ]
    for i, (_, label, value, base, _, status) in enumerate(rows):
        y = 20 + i * row_h
        color = "#b00020" if status == "FAIL" else "#1f5f99"
        parts.append(f'<text x="0" y="{y + 12}">{html.escape(label)}</text>')
        parts.append(f'<rect x="{label_w}" y="{y}" width="{bar_w * min(value, 1):.1f}" height="12" fill="{color}"/>')
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 11}">{value:.3f}</text>')
        if base is not None:
            parts.append(
                f'<rect x="{label_w}" y="{y + 14}" width="{bar_w * min(base, 1):.1f}" height="8" fill="#9db7d0"/>'
            )
            parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 23}" fill="#555">{base:.3f}</text>')
    parts.append(
        f'<text x="{label_w}" y="{height - 4}" fill="#555">dark: this run · light: baseline · red: failed gate</text>'
    )
    parts.append("</svg>")
    return "".join(parts)


def to_html(result: Result) -> str:
    md = html.escape(markdown(result))
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>summarizer eval</title>"
        "<style>body{font-family:sans-serif;max-width:1000px;margin:2em auto}pre{white-space:pre-wrap}</style>"
        f"</head><body><h1>Eval: {html.escape(result.engine)} ({html.escape(result.model)}) — "
        f"{'passed' if result.passed else 'FAILED'}</h1>{_chart(result)}<pre>{md}</pre></body></html>\n"
    )


def write(result: Result, out: Path) -> dict[str, Path]:
    out.mkdir(parents=True, exist_ok=True)
    paths = {"markdown": out / "report.md", "html": out / "report.html", "json": out / "result.json"}
    paths["markdown"].write_text(markdown(result), "utf-8")
    paths["html"].write_text(to_html(result), "utf-8")
    data: dict[str, Any] = dataclasses.asdict(result)
    data["passed"] = result.passed
    paths["json"].write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return paths
