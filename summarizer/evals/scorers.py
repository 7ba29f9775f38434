"""Scorers: what an engine's responses and the checker's verdicts are worth against the gold files."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from summarizer.articles import Article, prepare
from summarizer.checking.grounding import language_ok
from summarizer.checking.verify import Sources, split_claims, verify_claims
from summarizer.evals import textmetrics
from summarizer.evals.datasets import SETTINGS, Case, Datasets, GoldEvent, Statement
from summarizer.schemas import LANGS, Event, Evidence, Lang, SummarizeResponse

UTC = ZoneInfo("UTC")


@dataclass
class CaseOutcome:
    case: Case
    response: SummarizeResponse | None
    error: str | None = None


@dataclass
class Scores:
    metrics: dict[str, float] = field(default_factory=dict)
    details: dict[str, object] = field(default_factory=dict)


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def _articles(data: Datasets, ids: Sequence[str]) -> list[Article]:
    return prepare(data.request_articles(list(ids)), UTC, max_chars=10**7)


# ---------------------------------------------------------------- engine outputs


def _texts(response: SummarizeResponse) -> Iterable[tuple[Lang, str, list[Evidence]]]:
    """Every served text with its language and cited evidence: headlines and bullets, event descriptions."""
    for group in response.groups:
        for lang in LANGS:
            part = getattr(group.summary, lang)
            if part is None:
                continue
            yield lang, part.headline, []
            for b in part.bullets:
                yield lang, b.text, b.evidence
        for e in group.events:
            for lang in LANGS:
                text = getattr(e.description, lang)
                if text:
                    yield lang, text, e.evidence


def score_cases(outcomes: Sequence[CaseOutcome], data: Datasets) -> Scores:
    s = Scores()
    valid = 0
    quotes = exact = 0
    claims = supported = 0
    fields = pure = 0
    gold = matched = date_ok = region_ok = 0
    tolls = toll_ok = 0
    date_f1: list[float] = []
    rouge: dict[str, list[float]] = {"rouge1": [], "rouge2": [], "rougeL": []}
    chrf: list[float] = []
    failures: list[str] = []
    unsupported: list[str] = []
    for o in outcomes:
        if o.response is None:
            failures.append(f"{o.case.id}: {o.error}")
            date_f1.append(0.0)
            gold += len(o.case.events)
            tolls += sum(e.fatalities is not None for e in o.case.events)
            continue
        try:
            SummarizeResponse.model_validate(o.response.model_dump(mode="json"))
            valid += 1
        except ValidationError as err:
            failures.append(f"{o.case.id}: response does not fit the schema: {err.errors()[0]['msg']}")
        texts = {aid: data.articles[aid].text for aid in o.case.article_ids}
        events = [e for g in o.response.groups for e in g.events]
        bullets = [b for g in o.response.groups for lang in LANGS if (p := getattr(g.summary, lang)) for b in p.bullets]
        for item in [*events, *bullets]:
            for ev in item.evidence:
                quotes += 1
                exact += ev.article_id in texts and ev.quote in texts[ev.article_id]
        sources = Sources(_articles(data, o.case.article_ids))
        served = [(lang, text, ev) for lang, text, ev in _texts(o.response)]
        checked = verify_claims(sources, [(text, ev) for _, text, ev in served if ev])
        claims += len(checked)
        supported += sum(c.supported for c in checked)
        unsupported += [f"{o.case.id}: {c.text[:140]} [{'; '.join(i.message for i in c.issues)[:200]}]" for c in checked if not c.supported]
        for lang, text, _ in served:
            fields += 1
            pure += language_ok(text, lang)
        # gold events, each found by its anchor sentence among the events' evidence
        gold += len(o.case.events)
        for g in o.case.events:
            found = _match(g, events, texts)
            if g.fatalities is not None:
                tolls += 1
                toll_ok += found is not None and found.fatalities == g.fatalities
            if found is None:
                continue
            matched += 1
            date_ok += found.date == g.date
            region_ok += found.region == g.region
        date_f1.append(_f1({g.date for g in o.case.events}, {e.date for e in events}))
        for lang, reference in o.case.summaries.items():
            prediction = _summary_text(o.response, lang)
            if not prediction:
                for v in rouge.values():
                    v.append(0.0)
                chrf.append(0.0)
                continue
            for name, value in textmetrics.rouge(prediction, reference).items():
                rouge[name].append(value)
            chrf.append(textmetrics.chrf(prediction, reference))
    n = len(outcomes)
    s.metrics.update(
        {
            "schema_validity": _ratio(valid, n),
            "evidence_exact_rate": _ratio(exact, quotes),
            "claim_support_rate": _ratio(supported, claims),
            "event_recall": _ratio(matched, gold),
            "date_accuracy": _ratio(date_ok, gold),
            "date_f1": mean(date_f1) if date_f1 else 0.0,
            "region_accuracy": _ratio(region_ok, gold),
            "death_toll_accuracy": _ratio(toll_ok, tolls),
            "rouge1": mean(rouge["rouge1"]) if rouge["rouge1"] else 0.0,
            "rouge2": mean(rouge["rouge2"]) if rouge["rouge2"] else 0.0,
            "rougeL": mean(rouge["rougeL"]) if rouge["rougeL"] else 0.0,
            "chrf": mean(chrf) if chrf else 0.0,
            "language_purity": _ratio(pure, fields),
        }
    )
    s.details.update(
        {
            "cases": n,
            "failed_cases": failures,
            "evidence_quotes": quotes,
            "claims_checked": claims,
            "unsupported_claims": unsupported[:30],
            "gold_events": gold,
            "gold_tolls": tolls,
        }
    )
    return s


def _match(g: GoldEvent, events: Sequence[Event], texts: dict[str, str]) -> Event | None:
    """The served event whose evidence covers the gold anchor (same event type preferred)."""
    text = texts[g.article_id]
    a0 = text.index(g.anchor)
    a1 = a0 + len(g.anchor)
    hits: list[tuple[int, int, Event]] = []
    for e in events:
        for ev in e.evidence:
            if ev.article_id != g.article_id:
                continue
            q0 = text.find(ev.quote)
            if q0 < 0:
                continue
            overlap = min(a1, q0 + len(ev.quote)) - max(a0, q0)
            if overlap > 0:
                hits.append((e.event_type == g.event_type, overlap, e))
    if not hits:
        return None
    return max(hits, key=lambda h: (h[0], h[1]))[2]


def _f1(gold: set[object], predicted: set[object]) -> float:
    if not gold and not predicted:
        return 1.0
    tp = len(gold & predicted)
    if tp == 0:
        return 0.0
    p, r = tp / len(predicted), tp / len(gold)
    return 2 * p * r / (p + r)


def _summary_text(response: SummarizeResponse, lang: Lang) -> str:
    lines = []
    for g in response.groups:
        part = getattr(g.summary, lang)
        if part is not None:
            lines.append(part.headline)
            lines.extend(b.text for b in part.bullets)
    return "\n".join(lines)


# ---------------------------------------------------------------- the checker


def split_of(statement: Statement) -> str:
    """A stable half of the statements ('dev' or 'held-out'), a changed copy in its original's half."""
    key = statement.of or statement.id
    return "dev" if zlib.crc32(key.encode()) % 2 == 0 else "held-out"


def score_checker(data: Datasets) -> Scores:
    """The checker's recall on changed statements and its false alarms on faithful ones, per setting."""
    s = Scores()
    sources: dict[tuple[str, ...], Sources] = {}
    rows: list[tuple[Statement, bool, str]] = []
    for st in data.statements:
        key = tuple(st.article_ids)
        if key not in sources:
            sources[key] = Sources(_articles(data, st.article_ids))
        # as /verify reads a summary: split into claims; the statement holds when every claim does
        checks = verify_claims(sources[key], [(c, None) for c in split_claims(st.text) or [st.text]])
        why = "; ".join(f"{i.kind}: {i.message}" for c in checks for i in c.issues)
        rows.append((st, not all(c.supported for c in checks), why))
    table: dict[str, dict[str, float]] = {}
    misses: list[str] = []
    false_alarms: list[str] = []
    for setting in (*SETTINGS, "all"):
        for half in ("all", "dev", "held-out"):
            sel = [r for r in rows if setting in ("all", r[0].setting) and half in ("all", split_of(r[0]))]
            changed = [r for r in sel if r[0].label == "unsupported" and r[0].change != "invented"]
            faithful = [r for r in sel if r[0].label == "supported"]
            invented = [r for r in sel if r[0].change == "invented"]
            flagged = [r for r in sel if r[1]]
            true_flags = sum(1 for r in flagged if r[0].label == "unsupported")
            name = setting if half == "all" else f"{setting}/{half}"
            table[name] = {
                "statements": len(sel),
                "recall": _ratio(sum(r[1] for r in changed), len(changed)),
                "false_alarm_rate": sum(r[1] for r in faithful) / len(faithful) if faithful else 0.0,
                "precision": _ratio(true_flags, len(flagged)),
                "invented_recall": _ratio(sum(r[1] for r in invented), len(invented)),
            }
    by_kind: dict[str, dict[str, str]] = {}
    for change in ("number", "date", "place", "actor", "invented"):
        for setting in SETTINGS:
            sel = [r for r in rows if r[0].setting == setting and r[0].change == change]
            if sel:
                by_kind.setdefault(change, {})[setting] = f"{sum(r[1] for r in sel)}/{len(sel)}"
    s.details["checker_by_change"] = by_kind
    for st, was_flagged, why in rows:
        if st.label == "unsupported" and not was_flagged:
            misses.append(f"{st.id} ({st.change}): {st.text}")
        if st.label == "supported" and was_flagged:
            false_alarms.append(f"{st.id}: {st.text} [{why[:300]}]")
    for setting in SETTINGS:
        if table[setting]["statements"]:
            s.metrics[f"checker_recall_{setting}"] = table[setting]["recall"]
            s.metrics[f"checker_false_alarm_{setting}"] = table[setting]["false_alarm_rate"]
    s.metrics["checker_precision"] = table["all"]["precision"]
    s.details.update({"checker": table, "checker_misses": misses, "checker_false_alarms": false_alarms})
    return s
