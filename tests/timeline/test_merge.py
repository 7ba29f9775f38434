"""Merging reports into happenings: one event per thing that happened, its sources, figures and disputes."""

from __future__ import annotations

import asyncio
import datetime as dt
import random

import pytest

from summarizer.config import load_settings
from summarizer.schemas import AttributionOut, Bilingual, Event, Evidence, SummarizeRequest, TimelineEvent
from summarizer.services import build
from summarizer.timeline.merge import Report, merge
from tests.conftest import load_articles


@pytest.fixture(scope="module")
def happenings(tmp_path_factory: pytest.TempPathFactory) -> list[TimelineEvent]:
    """The offline engine over the seeds and the written articles, merged as /timeline serves them."""
    services = build(load_settings(data_dir=tmp_path_factory.mktemp("data")))
    try:
        request = SummarizeRequest.model_validate({"articles": load_articles()})
        asyncio.run(services.pipeline.summarize(request))
        return merge(services.store.reports())
    finally:
        services.close()


def _at(hs: list[TimelineEvent], event_type: str, place: str) -> list[TimelineEvent]:
    return [h for h in hs if h.event_type == event_type and h.location and h.location.en and place in h.location.en]


def test_the_airport_capture_is_one_event_with_evidence_from_each_report(happenings: list[TimelineEvent]) -> None:
    [airport] = _at(happenings, "control_change", "Aleppo International Airport")
    # 001 only recalls the capture in the past perfect ("وكانت ... قد قالت"): background, not a report of it
    assert {"004", "en-04"} <= {e.article_id for e in airport.evidence}
    assert airport.sources >= 3 and airport.first_reported.date() == dt.date(2024, 11, 30)


def test_the_basel_roundabout_strike_is_one_event_across_languages(happenings: list[TimelineEvent]) -> None:
    [basel] = _at(happenings, "strike", "Basel roundabout")
    assert {"001", "004", "en-07"} <= set(basel.article_ids)
    assert basel.fatalities == 16 and basel.location and basel.location.ar == "دوار الباسل"


def test_the_hama_withdrawal_is_one_disputed_event(happenings: list[TimelineEvent]) -> None:
    [hama] = [h for h in happenings if h.event_type == "withdrawal" and h.region == "hama"]
    stances = {a.stance for a in hama.attribution}
    assert hama.status == "disputed" and "denies" in stances and stances & {"reports", "claims"}
    assert {"004", "en-06"} <= set(hama.article_ids)


def test_a_toll_that_rises_keeps_its_history(happenings: list[TimelineEvent]) -> None:
    [toll] = [h for h in happenings if [f.value for f in h.figures] == [255, 327]]
    assert toll.fatalities == 327  # the latest report, never an average
    assert [f.reported_at.date() for f in toll.figures] == [dt.date(2024, 11, 29), dt.date(2024, 11, 30)]
    assert {f.source for f in toll.figures} == {"Syrian Observatory for Human Rights"}


def _report(eid: str, day: int, *, region: str | None, place: str | None, toll: int | None, stance: str = "reports",
            published: int = 1, source: str = "A", kind: str = "strike", parties: tuple[str, ...] = ()) -> Report:
    event = Event(
        id=eid, date=dt.date(2024, 11, day) if day > 1 else dt.date(2024, 12, day), date_precision="day", region=region,
        location=Bilingual(en=place) if place else None, event_type=kind, actors=list(parties), fatalities=toll,  # type: ignore[arg-type]
        injured=None, status="reported", attribution=[AttributionOut(source=source, stance=stance)],  # type: ignore[arg-type]
        description=Bilingual(en=eid), evidence=[Evidence(article_id=eid, quote=eid)], article_ids=[eid],
    )  # fmt: skip
    moment = dt.datetime(2024, 12, published, tzinfo=dt.UTC)
    return Report(event, moment, frozenset({source}), moment)


def test_merging_is_the_same_in_any_order_and_keeps_strikes_apart() -> None:
    reports = [
        _report("e_1", 28, region="aleppo", place="al-Atarib", toll=15),
        _report("e_2", 29, region="aleppo", place="al-Atarib", toll=15, source="B", published=2),
        _report("e_3", 28, region="aleppo", place="Aleppo", toll=9),  # another strike in the governorate
        _report("e_4", 28, region="aleppo", place="Aleppo", toll=9, source="C"),  # ... reported again
        _report("e_5", 26, region="aleppo", place="al-Atarib", toll=15),  # three days before: another one
        _report("e_6", 28, region="idlib", place="Saraqeb", toll=15, stance="denies", source="D"),
    ]
    first = merge(reports)
    for _ in range(5):
        random.shuffle(reports)
        assert merge(reports) == first
    assert sorted(h.reports for h in first) == [["e_1", "e_2"], ["e_3", "e_4"], ["e_5"], ["e_6"]]
    atarib = next(h for h in first if h.reports == ["e_1", "e_2"])
    assert atarib.sources == 2 and atarib.id == "h_1" and atarib.date == dt.date(2024, 11, 28)


def test_a_claim_and_its_denial_are_one_disputed_event() -> None:
    army = ("Syrian army",)
    claim = _report("e_1", 30, region="hama", place="Hama", toll=None, stance="claims", kind="withdrawal", parties=army)
    denial = _report(
        "e_2", 1, region="hama", place="حماة", toll=None, stance="denies", source="B", kind="withdrawal", parties=army
    )
    [h] = merge([claim, denial])
    assert h.status == "disputed" and {a.stance for a in h.attribution} == {"claims", "denies"}
    assert h.sources == 2 and h.reports == ["e_1", "e_2"]
