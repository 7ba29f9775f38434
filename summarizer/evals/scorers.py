"""Scorers: what an engine's responses and the checker's verdicts are worth against the gold files."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import mean
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from summarizer.articles import Article, prepare
from summarizer.checking.claims import split_claims
from summarizer.checking.grounding import language_ok
from summarizer.checking.verify import Sources, verify_claims
from summarizer.evals import matching, textmetrics
from summarizer.evals.datasets import (
    CHANGES,
    COLLECTIONS,
    HALVES,
    SETTINGS,
    Case,
    Datasets,
    Statement,
    half_of,
)
from summarizer.schemas import LANGS, Evidence, Lang, SummarizeResponse

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


@dataclass
class Tally:
    """Counts from some cases, added up per scope (collection x half) before they become ratios."""

    cases: int = 0
    valid: int = 0
    quotes: int = 0
    exact: int = 0
    claims: int = 0
    supported: int = 0
    fields: int = 0
    pure: int = 0
    gold: int = 0
    matched: int = 0
    anchored: int = 0  # gold events some served event cites, whatever its type (the rule before types counted)
    key_gold: int = 0
    key_matched: int = 0
    date_ok: int = 0
    region_ok: int = 0
    tolls: int = 0
    toll_ok: int = 0
    tolls_found: int = 0  # gold tolls whose event was found
    served: int = 0  # served events of exhaustively annotated cases
    served_ok: int = 0
    off_topic: int = 0  # off-topic articles
    off_topic_clean: int = 0  # ... that no served event cites
    non_events: int = 0
    non_events_served: int = 0
    date_f1: list[float] = field(default_factory=list)
    rouge1: list[float] = field(default_factory=list)
    rouge2: list[float] = field(default_factory=list)
    rougeL: list[float] = field(default_factory=list)
    chrf: list[float] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for f in dataclasses.fields(self):
            mine = getattr(self, f.name)
            if isinstance(mine, list):
                mine.extend(getattr(other, f.name))
            else:
                setattr(self, f.name, mine + getattr(other, f.name))

    def metrics(self) -> dict[str, float]:
        """Ratios with a denominator; a metric with nothing to count in this scope is left out."""
        pairs = {
            "schema_validity": (self.valid, self.cases),
            "evidence_exact_rate": (self.exact, self.quotes),
            "claim_support_rate": (self.supported, self.claims),
            "event_recall": (self.matched, self.gold),
            "anchor_recall": (self.anchored, self.gold),
            "key_event_recall": (self.key_matched, self.key_gold),
            "event_precision": (self.served_ok, self.served),
            "date_accuracy": (self.date_ok, self.gold),
            "region_accuracy": (self.region_ok, self.gold),
            "death_toll_accuracy": (self.toll_ok, self.tolls),
            # the same three among the gold events that were found: how often a served event's field is wrong
            "date_accuracy_found": (self.date_ok, self.matched),
            "region_accuracy_found": (self.region_ok, self.matched),
            "death_toll_accuracy_found": (self.toll_ok, self.tolls_found),
            "off_topic_clean": (self.off_topic_clean, self.off_topic),
            "non_event_rejection": (self.non_events - self.non_events_served, self.non_events),
            "language_purity": (self.pure, self.fields),
        }
        out = {name: hits / total for name, (hits, total) in pairs.items() if total}
        if "event_precision" in out and "event_recall" in out:
            p, r = out["event_precision"], out["event_recall"]
            out["event_f1"] = 2 * p * r / (p + r) if p + r else 0.0
        lists = {"date_f1": self.date_f1, "rouge1": self.rouge1, "rouge2": self.rouge2, "rougeL": self.rougeL, "chrf": self.chrf}
        out.update({name: mean(values) for name, values in lists.items() if values})
        return out


METRIC_ORDER = (
    "schema_validity", "evidence_exact_rate", "claim_support_rate", "event_recall", "anchor_recall", "key_event_recall",
    "event_precision", "event_f1", "date_accuracy", "date_f1", "region_accuracy", "death_toll_accuracy",
    "date_accuracy_found", "region_accuracy_found", "death_toll_accuracy_found",
    "off_topic_clean", "non_event_rejection", "rouge1", "rouge2", "rougeL", "chrf", "language_purity",
)  # fmt: skip


def scope_name(collection: str, half: str) -> str:
    """'all', 'held_out', 'unseen', 'unseen/held_out'...: the scope a suffixed metric name carries."""
    parts = [p for p in (collection, half) if p != "all"]
    return "/".join(parts) or "all"


def metric_name(name: str, scope: str) -> str:
    """``event_recall`` for the whole data, ``event_recall@held_out`` or ``event_recall@unseen/held_out`` for a part."""
    return name if scope == "all" else f"{name}@{scope}"


SCOPES: tuple[tuple[str, str], ...] = tuple((c, h) for c in ("all", *COLLECTIONS) for h in ("all", *HALVES))


def scopes_of(data: Datasets) -> tuple[tuple[str, str], ...]:
    """:data:`SCOPES` and, for each batch the articles name, the batch whole and by half ('unseen-2/held_out')."""
    return SCOPES + tuple((b, h) for b in data.batches() for h in ("all", *HALVES))


def _in_scope(scope: tuple[str, str], half: str, collection: str, batch: str | None) -> bool:
    """An item of this half, collection and batch counts in the scope (group, half): group is 'all', its
    collection or its batch."""
    group, h = scope
    return group in ("all", collection, batch) and h in ("all", half)


# Failure details name items. Only the tuning half's are listed (in report.md and result.json): the held-out
# half is reported as aggregate figures, so that whoever reads the report to tune cannot read held-out misses.
LISTED_HALF = "tuning"


def _case_tally(o: CaseOutcome, data: Datasets) -> tuple[Tally, list[str], list[str], list[str]]:
    """One case's counts, its failure, its unsupported claims and its served events with no gold match."""
    t = Tally(cases=1)
    case = o.case
    t.gold = len(case.events)
    t.key_gold = sum(g.key for g in case.events)
    t.tolls = sum(g.fatalities is not None for g in case.events)
    t.non_events = len(case.non_events)
    off = [a for a in case.article_ids if data.off_topic(a)]
    t.off_topic = len(off)
    if o.response is None:
        t.date_f1.append(0.0)
        return t, [f"{case.id}: {o.error}"], [], []
    failures: list[str] = []
    try:
        SummarizeResponse.model_validate(o.response.model_dump(mode="json"))
        t.valid = 1
    except ValidationError as err:
        failures.append(f"{case.id}: response does not fit the schema: {err.errors()[0]['msg']}")
    texts = {aid: data.articles[aid].text for aid in case.article_ids}
    events = [e for g in o.response.groups for e in g.events]
    bullets = [b for g in o.response.groups for lang in LANGS if (p := getattr(g.summary, lang)) for b in p.bullets]
    for item in [*events, *bullets]:
        for ev in item.evidence:
            t.quotes += 1
            t.exact += ev.article_id in texts and ev.quote in texts[ev.article_id]
    events = matching.as_reports(events)
    sources = Sources(_articles(data, case.article_ids))
    served = list(_texts(o.response))
    checked = verify_claims(sources, [(text, ev) for _, text, ev in served if ev])
    t.claims = len(checked)
    t.supported = sum(c.supported for c in checked)
    unsupported = [
        f"{case.id}: {c.text[:140]} [{'; '.join(i.message for i in c.issues)[:200]}]" for c in checked if not c.supported
    ]
    for lang, text, _ in served:
        t.fields += 1
        t.pure += language_ok(text, lang)
    paired = matching.assign(case.events, events, texts)
    for gi, g in enumerate(case.events):
        found = paired.found.get(gi)
        t.anchored += any(matching.gold_overlap(e, g, texts) > 0 for e in events)
        if g.fatalities is not None:
            t.toll_ok += found is not None and found.fatalities == g.fatalities
            t.tolls_found += found is not None
        if found is None:
            continue
        t.matched += 1
        t.key_matched += g.key
        t.date_ok += found.date == g.date
        t.region_ok += matching.region_iso(found.region) == matching.region_iso(g.region)
    wrong: list[str] = []
    if case.exhaustive:
        for ei, e in enumerate(events):
            t.served += 1
            if ei in paired.served:
                t.served_ok += 1
            else:
                quote = e.evidence[0].quote[:120] if e.evidence else ""
                wrong.append(f"{case.id}/{matching.article_of(e)}: {e.event_type} {e.date} {quote!r}")
    cited = {matching.article_of(e) for e in events}
    t.off_topic_clean = sum(a not in cited for a in off)
    t.non_events_served = sum(any(matching.hits_non_event(e, [n], texts) for e in events) for n in case.non_events)
    t.date_f1.append(_f1({g.date for g in case.events}, {e.date for e in events}))
    for lang, reference in case.summaries.items():
        prediction = _summary_text(o.response, lang)
        if not prediction:
            for values in (t.rouge1, t.rouge2, t.rougeL, t.chrf):
                values.append(0.0)
            continue
        r = textmetrics.rouge(prediction, reference)
        t.rouge1.append(r["rouge1"])
        t.rouge2.append(r["rouge2"])
        t.rougeL.append(r["rougeL"])
        t.chrf.append(textmetrics.chrf(prediction, reference))
    return t, failures, unsupported, wrong


def score_cases(outcomes: Sequence[CaseOutcome], data: Datasets) -> Scores:
    """Every engine metric for the whole data and each scope (collection, half, both), as ``name@scope``."""
    s = Scores()
    scopes = scopes_of(data)
    totals = {scope_name(c, h): Tally() for c, h in scopes}
    failures: list[str] = []
    unsupported: list[str] = []
    wrong: list[str] = []
    withheld = {"failed_cases": 0, "unsupported_claims": 0, "unmatched_served_events": 0}
    for o in outcomes:
        t, f, u, w = _case_tally(o, data)
        half, collection = half_of(o.case.id), data.collection(o.case.article_ids)
        if half == LISTED_HALF:
            failures += f
            unsupported += u
            wrong += w
        else:
            for key, items in (("failed_cases", f), ("unsupported_claims", u), ("unmatched_served_events", w)):
                withheld[key] += len(items)
        batch = data.batch(o.case.article_ids)
        for part in scopes:
            if _in_scope(part, half, collection, batch):
                totals[scope_name(*part)].add(t)
    table: dict[str, dict[str, float]] = {}
    for scope, tally in totals.items():
        table[scope] = tally.metrics()
        for name, value in table[scope].items():
            s.metrics[metric_name(name, scope)] = value
    whole = totals["all"]
    s.details.update(
        {
            "cases": whole.cases,
            "engine_scopes": table,
            "scope_counts": {
                k: {"cases": t.cases, "gold_events": t.gold, "served_events": t.served, "off_topic": t.off_topic}
                for k, t in totals.items()
            },
            "failed_cases": failures,
            "listed_half": LISTED_HALF,
            "batches": data.batches(),
            "held_out_items_not_listed": withheld,
            "evidence_quotes": whole.quotes,
            "claims_checked": whole.claims,
            "unsupported_claims": unsupported[:30],
            "unmatched_served_events": wrong[:60],
            "gold_events": whole.gold,
            "gold_tolls": whole.tolls,
        }
    )
    return s


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


def statement_half(statement: Statement) -> str:
    """A statement's half: by the id of the faithful statement it copies, or its own (see datasets.half_of)."""
    return half_of(statement.of or statement.id)


def score_checker(data: Datasets) -> Scores:
    """The checker's recall on changed statements and its false alarms on faithful ones, per setting and scope."""
    s = Scores()
    sources: dict[tuple[str, ...], Sources] = {}
    rows: list[tuple[Statement, bool, str, str, str, str | None]] = []
    undecided: set[str] = set()  # ids of statements with a claim its evidence cannot decide
    for st in data.statements:
        key = tuple(st.article_ids)
        if key not in sources:
            sources[key] = Sources(_articles(data, st.article_ids))
        # as /verify reads a summary: split into claims; the statement holds when every claim does
        checks = verify_claims(sources[key], [(c, None) for c in split_claims(st.text) or [st.text]])
        why = "; ".join(f"{i.kind}: {i.message}" for c in checks for i in c.issues)
        if any(c.verdict == "unverifiable" for c in checks):
            undecided.add(st.id)
        flag = not all(c.supported for c in checks)
        half, collection = statement_half(st), data.collection(st.article_ids)
        rows.append((st, flag, why, half, collection, data.batch(st.article_ids)))
    table: dict[str, dict[str, float]] = {}
    for group, half in scopes_of(data):
        scope = scope_name(group, half)
        for setting in (*SETTINGS, "all"):
            sel = [
                r for r in rows
                if setting in ("all", r[0].setting) and _in_scope((group, half), r[3], r[4], r[5])
            ]  # fmt: skip
            if not sel:
                continue
            changed = [r for r in sel if r[0].label == "unsupported" and r[0].change != "invented"]
            faithful = [r for r in sel if r[0].label == "supported"]
            invented = [r for r in sel if r[0].change == "invented"]
            undecidable = [r for r in sel if r[0].label == "unverifiable"]
            flagged = [r for r in sel if r[1]]
            true_flags = sum(1 for r in flagged if r[0].label != "supported")
            row = {
                "statements": len(sel),
                "recall": _ratio(sum(r[1] for r in changed), len(changed)),
                "false_alarm_rate": sum(r[1] for r in faithful) / len(faithful) if faithful else 0.0,
                "precision": _ratio(true_flags, len(flagged)),
                "invented_recall": _ratio(sum(r[1] for r in invented), len(invented)),
                # reported, not gated: faithful statements not flagged but with a claim left unverifiable
                "faithful_unverifiable": float(sum(1 for r in faithful if not r[1] and r[0].id in undecided)),
                "faithful": float(len(faithful)),
                # statements the text cannot decide: not passed as supported (flagged, or left unverifiable)
                "unverifiable_recall": _ratio(sum(r[1] or r[0].id in undecided for r in undecidable), len(undecidable)),
                "unverifiable": float(len(undecidable)),
            }
            table[setting if scope == "all" else f"{setting}@{scope}"] = row
            suffix = "" if setting == "all" else f"_{setting}"
            if changed:
                s.metrics[metric_name(f"checker_recall{suffix}", scope)] = row["recall"]
            if faithful:
                s.metrics[metric_name(f"checker_false_alarm{suffix}", scope)] = row["false_alarm_rate"]
            if invented:
                s.metrics[metric_name(f"checker_invented_recall{suffix}", scope)] = row["invented_recall"]
            if undecidable:
                s.metrics[metric_name(f"checker_unverifiable_recall{suffix}", scope)] = row["unverifiable_recall"]
            if setting == "all" and flagged:
                s.metrics[metric_name("checker_precision", scope)] = row["precision"]
    by_kind: dict[str, dict[str, str]] = {}
    for change in CHANGES:
        for group in (*COLLECTIONS, *data.batches()):
            for setting in SETTINGS:
                sel = [
                    r for r in rows if r[0].setting == setting and r[0].change == change and group in (r[4], r[5])
                ]  # fmt: skip
                if sel:
                    by_kind.setdefault(f"{change} ({group})", {})[setting] = f"{sum(r[1] for r in sel)}/{len(sel)}"

    def missed(r: tuple[Statement, bool, str, str, str, str | None]) -> bool:
        return r[0].label == "unsupported" and not r[1]

    def false_alarm(r: tuple[Statement, bool, str, str, str, str | None]) -> bool:
        return r[0].label == "supported" and r[1]

    listed = [r for r in rows if r[3] == LISTED_HALF]
    hidden = [r for r in rows if r[3] != LISTED_HALF]
    s.details.update(
        {
            "checker": table,
            "checker_by_change": by_kind,
            "checker_misses": [f"{r[0].id} ({r[0].change}): {r[0].text}" for r in listed if missed(r)],
            "checker_false_alarms": [f"{r[0].id}: {r[0].text} [{r[2][:300]}]" for r in listed if false_alarm(r)],
            "checker_held_out_not_listed": {
                "misses": sum(missed(r) for r in hidden),
                "false_alarms": sum(false_alarm(r) for r in hidden),
            },
        }
    )
    return s
