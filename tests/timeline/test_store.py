"""The SQLite store: upserts are idempotent, edited articles replace their events, filters hold."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from summarizer.articles import Article
from summarizer.errors import Conflict
from summarizer.schemas import Bilingual, Event, Evidence, Group, LangSummary, Summary, Topic
from summarizer.timeline.store import Store


def _article(text: str = "قتل 4 مدنيين في إدلب.") -> Article:
    moment = dt.datetime(2024, 12, 1, 9, tzinfo=dt.UTC)
    return Article(id="a1", text=text, published_at=moment, date_only=False, day=moment.date(), language="ar")


def _event(quote: str, region: str | None, day: int) -> Event:
    return Event(
        id=f"e_{quote}_{region}",
        date=dt.date(2024, 11, day),
        date_precision="day",
        region=region,
        location=None,
        event_type="strike",
        actors=[],
        fatalities=None,
        injured=None,
        status="reported",
        attribution=[],
        description=Bilingual(ar=quote),
        evidence=[Evidence(article_id="a1", quote=quote)],
        article_ids=["a1"],
    )


def _group(events: list[Event]) -> Group:
    return Group(
        id="g1",
        day=dt.date(2024, 12, 1),
        topic=Topic(label=Bilingual(ar="إدلب"), keywords=[]),
        article_ids=["a1"],
        summary=Summary(ar=LangSummary(headline="h", bullets=[])),
        events=events,
    )


def test_saving_twice_changes_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    group = _group([_event("قتل", "idlib", 30), _event("غارة", "aleppo", 29)])
    for _ in range(2):
        store.save([_article()], [group], engine="extractive", model="extractive", prompt_version=None)
    assert (store.count("articles"), store.count("groups"), store.count("events")) == (1, 1, 2)


def ids(store: Store, **window: dt.date) -> list[str]:
    return sorted(r.event.id for r in store.reports(**window))


def test_reports_carry_provenance_and_filter_by_date(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3", clock=lambda: dt.datetime(2024, 12, 2, tzinfo=dt.UTC))
    events = [_event("c", "idlib", 30), _event("a", "idlib", 28), _event("b", "aleppo", 29)]
    store.save([_article()], [_group(events)], engine="extractive", model="extractive", prompt_version=None)
    assert ids(store, date_from=dt.date(2024, 11, 29), date_to=dt.date(2024, 11, 29)) == ["e_b_aleppo"]
    [report] = [r for r in store.reports() if r.event.id == "e_a_idlib"]
    assert report.published_at == dt.datetime(2024, 12, 1, 9, tzinfo=dt.UTC)
    assert report.sources == frozenset()  # no outlet named: the article adds evidence, not a source
    assert report.stored_at == dt.datetime(2024, 12, 2, tzinfo=dt.UTC)


def test_a_regrouped_result_replaces_events_it_no_longer_has(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.sqlite3")
    store.save(
        [_article()], [_group([_event("old", "idlib", 30)])], engine="x", model="x", prompt_version=None
    )
    store.save(
        [_article("قتل 5 مدنيين.")],
        [_group([_event("new", "idlib", 30)])],
        engine="x",
        model="x",
        prompt_version=None,
    )
    assert ids(store) == ["e_new_idlib"]


def test_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    store = Store(path)
    store.save([_article()], [_group([_event("q", "hama", 30)])], engine="x", model="x", prompt_version=None)
    store.close()
    assert [r.event.region for r in Store(path).reports()] == ["hama"]


def test_save_refuses_unannounced_changes_inside_its_transaction(tmp_path: Path) -> None:

    store = Store(tmp_path / "s.sqlite3")
    store.save(
        [_article()], [_group([_event("old", "idlib", 30)])], engine="x", model="x", prompt_version=None
    )
    changed = _article("قتل 5 مدنيين.")
    group = _group([_event("new", "idlib", 30)])
    with pytest.raises(Conflict) as info:  # what a racing request would meet after its own check passed
        store.save([changed], [group], engine="x", model="x", prompt_version=None, corrections=[])
    assert "'a1'" in info.value.message and ids(store) == ["e_old_idlib"]
    with pytest.raises(Conflict):
        store.save(
            [_article()], [group], engine="x", model="x", prompt_version=None, owner="k2", corrections=["a1"]
        )
    store.save([changed], [group], engine="x", model="x", prompt_version=None, corrections=["a1"])
    assert ids(store) == ["e_new_idlib"]
    assert (store.count("article_history"), store.count("event_history")) == (1, 1)
