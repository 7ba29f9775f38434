"""Happenings kept at write time are exactly what a full merge of the same reports gives, in any arrival order,
through corrections too; reads filter and page them in the store."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.articles import Article
from summarizer.schemas import AttributionOut, Bilingual, Event, Evidence, Group, LangSummary, Summary, Topic
from summarizer.timeline import index, query
from summarizer.timeline.merge import merge
from summarizer.timeline.store import Store

BASE = dt.datetime(2024, 11, 26, 6, tzinfo=dt.UTC)
SITES = {"aleppo": ["Aleppo International Airport", "Basel roundabout"], "idlib": ["Saraqib"], None: []}
WORDS = {
    "strike": "An air strike hit {place}{when}, killing {toll} people.",
    "casualties": "The toll in {place} rose to {toll} killed{when}.",
    "control_change": "Fighters entered {place}{when} and took control.",
    "withdrawal": "Government forces withdrew from {place}{when}.",
    "statement": "The army denied it had withdrawn from {place}{when}.",
}


@dataclass(frozen=True)
class Spec:
    """One article reporting one event, written for the test."""

    n: int
    kind: str
    region: str | None
    site: int | None
    day: int  # days after BASE
    stated: bool
    published: int  # hours after BASE
    toll: int | None
    speaker: int
    outlet: int


specs = st.builds(
    Spec,
    n=st.integers(0, 10_000),
    kind=st.sampled_from(sorted(WORDS)),
    region=st.sampled_from(["aleppo", "idlib", None]),
    site=st.sampled_from([None, 0, 1]),
    day=st.integers(0, 8),  # wider than the window twice over: a late report replays only its neighbourhood
    stated=st.booleans(),
    published=st.integers(0, 120),
    toll=st.sampled_from([None, 5, 9]),
    speaker=st.integers(0, 2),
    outlet=st.integers(0, 2),
)


def _article_and_group(s: Spec, version: int = 0) -> tuple[Article, Group]:
    sites = SITES[s.region]
    site = sites[s.site % len(sites)] if s.site is not None and sites else None
    place = site or (s.region or "Syria").capitalize()
    day = (BASE + dt.timedelta(days=s.day)).date()
    when = f" on {day.day} November 2024" if s.stated and day.month == 11 else ""
    toll = None if s.toll is None else s.toll + version
    text = WORDS[s.kind].format(place=place, when=when, toll=toll if toll is not None else "several")
    aid = f"a{s.n}"
    published = BASE + dt.timedelta(days=s.day, hours=s.published % 30)
    article = Article(
        id=aid, text=text, published_at=published, date_only=False, day=published.date(), language="en",
        source=["Outlet A", "Outlet B", None][s.outlet],
    )  # fmt: skip
    speaker = ["Observatory", "Civil Defence", "Army"][s.speaker]
    stance = "denies" if s.kind == "statement" else "reports"
    event = Event(
        id=f"e_{s.n}", date=day, date_precision="day", region=s.region,
        location=Bilingual(en=site) if site else None, event_type=s.kind,  # type: ignore[arg-type]
        actors=["Army"] if s.kind in ("withdrawal", "control_change") else [], fatalities=toll, injured=None,
        status="reported", attribution=[AttributionOut(source=speaker, stance=stance)],
        description=Bilingual(en=text), evidence=[Evidence(article_id=aid, quote=text)], article_ids=[aid],
    )  # fmt: skip
    group = Group(
        id=f"g{s.n}", day=published.date(), topic=Topic(label=Bilingual(en=place), keywords=[]),
        article_ids=[aid], summary=Summary(en=LangSummary(headline="h", bullets=[])), events=[event],
    )  # fmt: skip
    return article, group


def _save(store: Store, s: Spec, version: int = 0) -> None:
    article, group = _article_and_group(s, version)
    store.save([article], [group], engine="x", model="x", prompt_version=None, corrections=[article.id])


def _kept(store: Store) -> list[dict[str, object]]:
    found, cursor = query.happenings(store, query.Query(limit=query.MAX_LIMIT))
    assert cursor is None
    return [h.model_dump() for h in found]


def _full(store: Store) -> list[dict[str, object]]:
    old = store.superseded()
    return [index.with_history(h, old).model_dump() for h in merge(store.reports())]


def _unique(items: list[Spec]) -> list[Spec]:
    return list({s.n: s for s in items}.values())


arrivals = (st.lists(specs, min_size=1, max_size=14).map(_unique), st.data())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(*arrivals)
def test_kept_happenings_equal_a_full_merge_in_any_arrival_order(reports: list[Spec], data: st.DataObject) -> None:
    _arrive_in_any_order(reports, data)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(*arrivals)
def test_kept_happenings_equal_a_full_merge_in_any_arrival_order_on_postgres(
    reports: list[Spec], data: st.DataObject
) -> None:
    """The same on Postgres (conftest runs it there only), with fewer examples: each opens two databases."""
    _arrive_in_any_order(reports, data)


def _arrive_in_any_order(reports: list[Spec], data: st.DataObject) -> None:
    arrival = data.draw(st.permutations(reports))
    corrected = data.draw(st.lists(st.sampled_from(reports), max_size=3).map(_unique))
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "s.sqlite3", clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC))
        for s in arrival:
            _save(store, s)
            assert _kept(store) == _full(store)
        for s in corrected:  # a correction moves the old version to the history: its neighbourhood re-merges
            _save(store, s, version=1)
            assert _kept(store) == _full(store)
        # the same reports stored newest first give the same happenings, with the same ids
        other = Store(Path(tmp) / "o.sqlite3", clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC))
        for s in sorted(reports, key=lambda s: -s.day * 100 - s.published % 30):
            _save(other, s)
        if not corrected:
            assert _kept(other) == _kept(store)


def test_a_report_two_happenings_could_take_joins_the_first_founded_in_any_order(tmp_path: Path) -> None:
    first = Spec(1, "strike", "idlib", 0, 1, True, 1, 5, 0, 0)  # stated 27 November
    second = Spec(2, "strike", "idlib", 0, 2, True, 1, 5, 1, 1)  # stated 28 November: another happening
    either = Spec(3, "strike", "idlib", 0, 2, False, 10, 5, 2, 2)  # dated by its publication: fits both
    for n, arrival in enumerate(itertools.permutations([first, second, either])):
        store = Store(tmp_path / f"{n}.sqlite3", clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC))
        for s in arrival:
            _save(store, s)
        kept = _kept(store)
        assert kept == _full(store)
        assert [(h["id"], h["reports"]) for h in kept] == [("h_1", ["e_1", "e_3"]), ("h_2", ["e_2"])]


def test_a_late_report_rewrites_only_the_happenings_near_its_day(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3", clock=lambda: dt.datetime(2024, 12, 5, tzinfo=dt.UTC))
    for n in range(30):  # one bucket, a happening a day (a toll of its own), published in order
        _save(store, Spec(n, "strike", "aleppo", None, n, False, n, n % 2 * 4 + 5, 0, 0))
    rows = dict(store._db.execute("SELECT id, rowid FROM happenings").fetchall())
    # of day 14 with the odd days' toll, published before all of them: it founds a happening that day 13's
    # report (same toll, a day off) now joins; day 14's and every other happening stay as they were
    article, group = _article_and_group(Spec(100, "strike", "aleppo", None, 14, False, 0, 9, 1, 1))
    article = dataclasses.replace(article, published_at=BASE - dt.timedelta(hours=1))
    store.save([article], [group], engine="x", model="x", prompt_version=None)
    assert _kept(store) == _full(store)
    after = dict(store._db.execute("SELECT id, rowid FROM happenings").fetchall())
    rewritten = {h for h in after if rows.get(h) != after[h]} | (rows.keys() - after.keys())
    assert rewritten == {"h_100", "h_13"}


def test_events_a_regrouped_result_drops_show_in_the_history_of_its_article_s_other_happenings(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "s.sqlite3")
    article, group = _article_and_group(Spec(1, "strike", "aleppo", 0, 1, True, 1, 5, 0, 0))
    _, other = _article_and_group(Spec(1, "strike", "aleppo", 1, 1, True, 1, 9, 0, 0))
    both = [*group.events, other.events[0].model_copy(update={"id": "e_1b"})]
    store.save([article], [group.model_copy(update={"events": both})], engine="x", model="x", prompt_version=None)
    assert len(_kept(store)) == 2
    store.save([article], [group], engine="x", model="x", prompt_version=None)  # e_1b is no longer found
    [kept] = _kept(store)
    assert _kept(store) == _full(store)
    assert sorted((f["value"], f["corrected_at"] is not None) for f in kept["figures"]) == [(5, False), (9, True)]


def test_a_store_from_before_happenings_were_kept_is_indexed_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    for n in range(6):
        _save(store, Spec(n, "strike", "aleppo", n % 2, n % 3, True, n, 5, 0, 0))
    expected = _kept(store)
    store._db.executescript("DROP TABLE happenings; DROP INDEX events_happening; ALTER TABLE events DROP COLUMN happening;")
    store.close()
    assert _kept(Store(path)) == expected and expected


def test_filters_and_pages_run_on_the_stored_happenings(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    for n in range(12):
        _save(store, Spec(n, ["strike", "withdrawal"][n % 2], ["aleppo", "idlib"][n % 3 % 2], None, n % 5, True,
                          n, n, 0, 0))  # fmt: skip
    everything = _kept(store)
    pages: list[dict[str, object]] = []
    cursor = None
    while True:
        page, cursor = query.happenings(store, query.Query(limit=2, cursor=cursor))
        pages.extend(h.model_dump() for h in page)
        if cursor is None:
            break
    assert pages == everything
    aleppo, _ = query.happenings(store, query.Query(region="aleppo", event_types=("strike",)))
    assert aleppo and all(h.region == "aleppo" and h.event_type == "strike" for h in aleppo)
    assert len(aleppo) == sum(1 for h in everything if h["region"] == "aleppo" and h["event_type"] == "strike")
    army, _ = query.happenings(store, query.Query(actor="Army", limit=1))
    assert len(army) == 1 and army[0].event_type == "withdrawal"


def test_a_repeated_save_leaves_the_timeline_alone(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    spec = Spec(1, "strike", "idlib", 0, 1, True, 3, 5, 0, 0)
    _save(store, spec)
    version = store.version
    _save(store, spec)
    assert store.version == version
    since = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
    assert len(query.happenings(store, query.Query(since=since))[0]) == 1
