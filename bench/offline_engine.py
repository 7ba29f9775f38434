"""Benchmark: the offline engine over N generated articles, against a naive lead-3 baseline.

The articles are generated, Arabic and English in turn, from sentence templates filled with varied
places (from the gazetteer), parties, figures, days and sources, about 1,500 characters each, spread
over 30 days; no sentence appears twice in the whole set or in the warm-up's (checked), nor does any of the reports
a sentence joins that the engine reads on their own ("..., وفق مصدر طبي." once only), so the per-sentence caches of
the reading modules get no hit from one article to the next. Prints articles per second, milliseconds per
article and peak memory for the whole extractive pipeline (prepare, group, read every sentence,
summarize, events), side by side with a naive lead-3 baseline (split sentences, take the first three)
on the same articles, and the ratio between the two.

    uv run python bench/offline_engine.py            # 1000 articles
    uv run python bench/offline_engine.py --n 200
    uv run python bench/offline_engine.py --collector default   # CPython's garbage collector thresholds

The garbage collector is set as the service sets it at start-up (summarizer/collector.py: young collections
rarer; the engine makes no reference cycles, and the run prints how many objects the collector freed), for
this engine and the other one alike; ``--collector default`` keeps CPython's thresholds.

Against another revision's engine, on the same articles (built here, from this tree's gazetteer), in
alternating rounds so load from other work weighs on both alike; the old code runs in a child process
with ``PYTHONPATH`` set to its checkout (only its ``summarizer`` package is needed):

    git archive 8bf5b58 summarizer | tar -x -C /tmp/engine-8bf5b58
    uv run python bench/offline_engine.py --against /tmp/engine-8bf5b58 --rounds 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path
from typing import Any

from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.reading.text import split_sentences
from summarizer.schemas import ArticleIn

TARGET_CHARS = 1500

# {party} {place} {n} {m} {day} {source} {who}: filled per sentence
TEMPLATES: dict[str, list[str]] = {
    "en": [
        "{party} said on {day} they had captured the village of {place} after {n} hours of fighting.",
        "An air strike on {place} killed {n} civilians and wounded {m} on {day}, {source} said.",
        "{source} said {n} fighters were killed in clashes near {place} on {day}.",
        "Residents said {n} families fled {place} on {day} as shelling intensified, according to {source}.",
        "The army said it sent {n} armoured vehicles as reinforcements to the {place} front on {day}.",
        "{who} said in a phone call on {day} that the situation around {place} was worrying.",
        "Government forces withdrew from positions near {place} on {day}, {source} reported.",
        "Since {day}, at least {n} people have been killed in the fighting around {place}, {source} said.",
        "{who} warned that {party} would push towards {place} within {n} days.",
        "Local media reported that {party} entered {place} on {day} and took {n} prisoners.",
        "Drone strikes hit a market in {place} on {day}, killing {n} people, {source} said.",
        "{who} described the fighting around {place} as a violation of a ceasefire agreed {n} years ago.",
        "Aid groups said {n} trucks of food reached {place} on {day}, the first in {m} weeks.",
        "Shops in {place} reopened on {day} and about {n} residents returned, {source} reported.",
    ],
    "ar": [
        "قالت {party} {day} إنها سيطرت على قرية {place} بعد معارك استمرت {n} ساعة.",
        "قتل {n} مدنيين وأصيب {m} آخرون في غارة على {place} {day}، بحسب {source}.",
        "وأفاد {source} بمقتل {n} مقاتلين في اشتباكات قرب {place} {day}.",
        "ونزحت {n} عائلة من {place} {day} مع اشتداد القصف، وفق {source}.",
        "وأرسل الجيش {n} آلية عسكرية تعزيزات إلى جبهة {place} {day}.",
        "وبحث {who} في اتصال هاتفي {day} الأوضاع في محيط {place}.",
        "وانسحبت القوات الحكومية من مواقع قرب {place} {day}، بحسب {source}.",
        "ومنذ {day}، قتل {n} شخصا على الأقل في المعارك حول {place}، بحسب {source}.",
        "وحذر {who} من أن {party} ستتقدم نحو {place} خلال {n} أيام.",
        "وذكرت وسائل إعلام محلية أن {party} دخلت {place} {day} وأسرت {n} عنصرا.",
        "واستهدفت طائرة مسيرة سوقا في {place} {day} ما أدى إلى مقتل {n} أشخاص، بحسب {source}.",
        "ووصف {who} المعارك حول {place} بأنها خرق لهدنة أعلنت قبل {n} سنوات.",
        "وقالت منظمات إغاثة إن {n} شاحنة غذاء وصلت إلى {place} {day}، للمرة الأولى منذ {m} أسابيع.",
        "وأعادت المحال في {place} فتح أبوابها {day} وعاد نحو {n} من السكان، بحسب {source}.",
    ],
}
FILL: dict[str, dict[str, list[str]]] = {
    "en": {
        "party": [
            "opposition factions",
            "Hayat Tahrir al-Sham",
            "government forces",
            "Kurdish-led forces",
            "the Syrian army",
            "rebel fighters",
            "allied militias",
        ],
        "day": [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "Sunday evening",
            "Saturday morning",
            "Friday night",
        ],
        "source": [
            "the Syrian Observatory for Human Rights",
            "the civil defence",
            "a local council",
            "state media",
            "a medical source",
            "the White Helmets",
            "activists",
        ],
        "who": [
            "The foreign minister",
            "A Kremlin spokesman",
            "The Iranian foreign minister",
            "The Turkish foreign minister",
            "A UN envoy",
            "The defence minister",
            "A senior official",
        ],
    },
    "ar": {
        "party": [
            "فصائل المعارضة",
            "هيئة تحرير الشام",
            "القوات الحكومية",
            "قوات سوريا الديمقراطية",
            "الجيش السوري",
            "الفصائل المسلحة",
            "المليشيات الموالية",
        ],
        "day": [
            "الاثنين",
            "الثلاثاء",
            "الأربعاء",
            "الخميس",
            "الجمعة",
            "السبت",
            "الأحد",
            "مساء الأحد",
            "صباح السبت",
            "ليلة الجمعة",
        ],
        "source": [
            "المرصد السوري لحقوق الإنسان",
            "الدفاع المدني",
            "مجلس محلي",
            "الإعلام الرسمي",
            "مصدر طبي",
            "الخوذ البيضاء",
            "ناشطين",
        ],
        "who": [
            "وزير الخارجية",
            "المتحدث باسم الكرملين",
            "وزير الخارجية الإيراني",
            "وزير الخارجية التركي",
            "المبعوث الأممي",
            "وزير الدفاع",
            "مسؤول رفيع",
        ],
    },
}


def _places() -> dict[str, list[str]]:
    data = json.loads(resources.files("summarizer.data").joinpath("gazetteer.json").read_text("utf-8"))
    entries = [
        p
        for p in data["places"]
        if (p.get("region") or p.get("governorate"))
        and p["kind"] in ("town", "city", "village")
        and p["ar"]
        and p["en"]
    ]
    return {"ar": [p["ar"][0] for p in entries], "en": [p["en"][0] for p in entries]}


def readings(sentence: str) -> set[str]:
    """The texts the engine reads for one sentence: the sentence, and each report it joins (facts.clauses)
    when it joins several."""
    from summarizer.reading.facts import clauses  # here: an older engine a child runs may have none

    return {sentence, *(sentence[a:b] for a, b in clauses(sentence))}


def build(n: int, seed: int = 7, avoid: frozenset[str] = frozenset()) -> list[ArticleIn]:
    """n articles (Arabic and English in turn) of about TARGET_CHARS characters, no sentence or report a
    sentence joins read twice, none of ``avoid`` (the warm-up's) among them."""
    rng = random.Random(seed)
    names = _places()
    seen: set[str] = set(avoid)
    out = []
    for i in range(n):
        lang = "ar" if i % 2 == 0 else "en"
        sentences: list[str] = []
        size = 0
        while size < TARGET_CHARS:
            template = rng.choice(TEMPLATES[lang])
            values = {k: rng.choice(v) for k, v in FILL[lang].items()}
            text = template.format(
                place=rng.choice(names[lang]), n=rng.randint(2, 480), m=rng.randint(2, 90), **values
            )
            text = text[0].upper() + text[1:] if lang == "en" else text
            read = readings(text)
            if not read.isdisjoint(seen):
                continue
            seen |= read
            sentences.append(text)
            size += len(text) + 1
        paragraphs = [" ".join(sentences[k : k + 3]) for k in range(0, len(sentences), 3)]
        day = dt.datetime(2024, 11, 1, 12, tzinfo=dt.UTC) + dt.timedelta(days=i % 30, minutes=i)
        out.append(
            ArticleIn(id=f"b{i}", text="\n".join(paragraphs), published_at=day.isoformat(), language=lang)
        )
    return out


def run_engine(items: list[ArticleIn]) -> int:
    """The articles as the service takes them: requests of at most ``max_articles`` (100 by default)."""
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    events = 0
    for k in range(0, len(items), settings.max_articles):
        batch = items[k : k + settings.max_articles]
        groups = group_articles(prepare(batch, settings.zone, max_chars=settings.max_article_chars))
        # engine.run is what `await engine.summarize_group` does (asyncio.run per group would time the loop)
        events += sum(len(engine.run(g, ["ar", "en"]).events) for g in groups)
    return events


def run_baseline(items: list[ArticleIn]) -> int:
    return sum(len(split_sentences(a.text)[:3]) for a in items)


def measure(fn: Any, items: list[ArticleIn]) -> tuple[float, float, float, int]:
    """Wall and CPU time of one run, and the process's peak resident memory after it (MiB). On a shared
    machine the wall time includes waiting for a core; the CPU time is the process's own."""
    started, cpu = time.perf_counter(), time.process_time()
    result = fn(items)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return seconds, cpu, peak, result


_YOUNG = "BENCH_GC_YOUNG"  # the young generation's threshold a child process sets, as its parent did


def set_collector(young: int | None) -> None:
    """The young generation's threshold (None: CPython's own); the older ones are left alone."""
    if young is not None:
        gc.set_threshold(young, *gc.get_threshold()[1:])


def freed() -> int:
    """How many objects the garbage collector has freed in this process so far (all generations)."""
    return sum(g["collected"] for g in gc.get_stats())


def worker(path: Path) -> None:
    """In a child process (with another revision's code on PYTHONPATH): the engine over the articles of
    ``path``, after warming on its warm-up articles; prints the measure as JSON."""
    data = json.loads(path.read_text("utf-8"))
    items = [ArticleIn.model_validate(a) for a in data["items"]]
    set_collector(int(os.environ[_YOUNG]) if os.environ.get(_YOUNG) else None)
    run_engine([ArticleIn.model_validate(a) for a in data["warm"]])
    before = freed()
    s, cpu, mb, events = measure(run_engine, items)
    package = str(Path(sys.modules["summarizer"].__file__ or "").parent)
    print(
        json.dumps(
            {"seconds": s, "cpu": cpu, "peak": mb, "events": events, "package": package, "freed": freed() - before}
        )
    )


def in_child(path: Path, other: Path | None, young: int | None) -> tuple[float, float, float, int]:
    """One measure in a fresh process (no reading cached from an earlier round): of this tree's engine, or
    of the one in ``other`` (a checkout holding a ``summarizer`` package), with the collector's young
    threshold ``young`` (None: CPython's)."""
    env = {**os.environ, "PYTHONPATH": str(other.resolve())} if other else dict(os.environ)
    env[_YOUNG] = "" if young is None else str(young)
    out = subprocess.run(
        [sys.executable, __file__, "--worker", str(path)], env=env, check=True, capture_output=True, text=True
    )
    r = json.loads(out.stdout.strip().splitlines()[-1])
    mine = Path(sys.modules["summarizer"].__file__ or "").parent  # this process's package
    expected = other.resolve() / "summarizer" if other else mine
    if Path(r["package"]) != expected:
        raise SystemExit(f"the child ran the engine of {r['package']}, not of {expected}")
    if r["freed"]:
        print(f"note: the collector freed {r['freed']} objects in a run of the engine at {r['package']}")
    return r["seconds"], r["cpu"], r["peak"], r["events"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument(
        "--against", type=Path, help="a checkout of another revision: its engine, same articles"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="alternating rounds with --against (best CPU kept)"
    )
    parser.add_argument(
        "--collector",
        choices=["service", "default"],
        default="service",
        help="the garbage collector's thresholds: as the service sets them (default), or CPython's",
    )
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    from summarizer import collector  # here: a child running another revision's engine may have none

    young = collector.YOUNG_THRESHOLD if args.collector == "service" else None
    warm = build(20, seed=99)  # other sentences: warms the lexicons, not the per-sentence caches
    warm_read = frozenset(r for a in warm for s in split_sentences(a.text) for r in readings(s.of(a.text)))
    items = build(args.n, avoid=warm_read)
    chars = sum(len(a.text) for a in items)
    sentences = sum(len(split_sentences(a.text)) for a in items)
    set_collector(young)
    run_engine(warm)
    b_s, b_cpu, b_mb, _ = measure(run_baseline, items)  # first: its peak is the process before the engine ran
    rows: list[tuple[str, float, float, float]] = []
    ours: list[tuple[float, float, float, int]] = []
    theirs: list[tuple[float, float, float, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.json"
        if args.against or args.rounds > 1:
            dump = {
                "items": [a.model_dump(mode="json") for a in items],
                "warm": [a.model_dump(mode="json") for a in warm],
            }
            path.write_text(json.dumps(dump), "utf-8")
        if args.rounds == 1 and not args.against:
            before = freed()
            ours.append(measure(run_engine, items))
            if freed() > before:
                print(f"note: the collector freed {freed() - before} objects in the run")
        for _ in range(args.rounds if args.rounds > 1 or args.against else 0):
            ours.append(in_child(path, None, young))
            if args.against:
                theirs.append(in_child(path, args.against, young))
    e_s, e_cpu, e_mb, events = min(ours, key=lambda m: m[1])
    print(
        f"articles: {args.n} generated, Arabic and English ({chars / args.n:.0f} characters and "
        f"{sentences / args.n:.1f} sentences on average, no sentence repeated), one process, one core"
    )
    print(
        f"garbage collector: young threshold {gc.get_threshold()[0]}, "
        + ("as the service sets it (summarizer/collector.py)" if young else "CPython's default")
        + (", for both engines" if args.against else "")
    )
    rows.append(("extractive engine", e_s, e_cpu, e_mb))
    if theirs:
        o_s, o_cpu, o_mb, o_events = min(theirs, key=lambda m: m[1])
        rows.append((f"engine at {args.against.name}"[:23], o_s, o_cpu, o_mb))
    rows.append(("baseline: lead-3 split", b_s, b_cpu, b_mb))
    print(f"{'':24}{'articles/s':>12}{'ms/article':>12}{'CPU ms/art.':>12}{'peak RSS MiB':>14}")
    for name, s, cpu, mb in rows:
        print(f"{name:24}{args.n / s:12.1f}{1000 * s / args.n:12.2f}{1000 * cpu / args.n:12.2f}{mb:14.1f}")
    if len(ours) > 1:
        print(
            f"rounds: {len(ours)}, best CPU of each kept; ours per round (CPU ms/article): "
            + ", ".join(f"{1000 * m[1] / args.n:.2f}" for m in ours)
            + "; theirs: "
            + ", ".join(f"{1000 * m[1] / args.n:.2f}" for m in theirs)
        )
    print(f"events: {events}; ratio engine/baseline CPU time: {e_cpu / b_cpu:.1f}x")
    if theirs:
        print(f"events of the other engine: {o_events}; ratio ours/theirs CPU time: {e_cpu / o_cpu:.2f}x")
    print(
        f"target under 10 ms/article: wall {'met' if 1000 * e_s / args.n < 10 else 'NOT met'}, "
        f"CPU {'met' if 1000 * e_cpu / args.n < 10 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
