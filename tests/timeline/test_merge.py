"""Merging reports into happenings: one event per thing that happened, its sources, figures and disputes."""

from __future__ import annotations

import asyncio
import datetime as dt
import random

import pytest

from summarizer.articles import prepare
from summarizer.checking.verify import Sources, verify_claims
from summarizer.config import load_settings
from summarizer.engines.render import event_description
from summarizer.schemas import (
    ArticleIn,
    AttributionOut,
    Bilingual,
    Event,
    Evidence,
    SummarizeRequest,
    TimelineEvent,
)
from summarizer.services import build
from summarizer.timeline.merge import Report, merge
from tests.conftest import load_articles


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> list[Report]:
    """The offline engine's reports of the seeds and the written articles, as the store keeps them."""
    services = build(load_settings(data_dir=tmp_path_factory.mktemp("data")))
    try:
        request = SummarizeRequest.model_validate({"articles": load_articles()})
        asyncio.run(services.pipeline.summarize(request))
        return services.store.reports()
    finally:
        services.close()


@pytest.fixture(scope="module")
def happenings(stored: list[Report]) -> list[TimelineEvent]:
    """Those reports merged as /timeline serves them."""
    return merge(stored)


def _at(hs: list[TimelineEvent], event_type: str, place: str) -> list[TimelineEvent]:
    return [
        h
        for h in hs
        if h.event_type == event_type and h.location and h.location.en and place in h.location.en
    ]


def test_the_airport_capture_is_one_event_with_evidence_from_each_report(
    happenings: list[TimelineEvent],
) -> None:
    [airport] = _at(happenings, "control_change", "Aleppo International Airport")
    # 001 only recalls the capture in the past perfect ("وكانت ... قد قالت"): background, not a report of it
    assert {"004", "en-04"} <= {e.article_id for e in airport.evidence} and len(airport.reports) >= 2
    # outlets only: 004 names none, so it adds evidence but no source
    assert airport.source_names == ["Levant Wire"] and airport.first_reported.date() == dt.date(2024, 11, 30)


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


def _report(
    eid: str,
    day: int,
    *,
    region: str | None,
    place: str | None,
    toll: int | None,
    stance: str = "reports",
    published: int = 1,
    source: str = "A",
    kind: str = "strike",
    parties: tuple[str, ...] = (),
    quote: str | None = None,
) -> Report:
    event = Event(
        id=eid, date=dt.date(2024, 11, day) if day > 1 else dt.date(2024, 12, day), date_precision="day", region=region,
        location=Bilingual(en=place) if place else None, event_type=kind, actors=list(parties), fatalities=toll,  # type: ignore[arg-type]
        injured=None, status="reported", attribution=[AttributionOut(source=source, stance=stance)],  # type: ignore[arg-type]
        description=Bilingual(en=eid), evidence=[Evidence(article_id=eid, quote=quote or eid)], article_ids=[eid],
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
    claim = _report(
        "e_1", 30, region="hama", place="Hama", toll=None, stance="claims", kind="withdrawal", parties=army
    )
    denial = _report(
        "e_2",
        1,
        region="hama",
        place="حماة",
        toll=None,
        stance="denies",
        source="B",
        kind="withdrawal",
        parties=army,
    )
    [h] = merge([claim, denial])
    assert h.status == "disputed" and {a.stance for a in h.attribution} == {"claims", "denies"}
    assert h.sources == 2 and h.reports == ["e_1", "e_2"]


# ---------------------------------------------------------------- issue 9: merging that cannot chain


def test_thursdays_and_fridays_atarib_strikes_are_two_events(happenings: list[TimelineEvent]) -> None:
    atarib = _at(happenings, "strike", "al-Atarib")
    days = sorted(h.date for h in atarib)
    assert days == [dt.date(2024, 11, 28), dt.date(2024, 11, 29)]
    thursday, friday = sorted(atarib, key=lambda h: h.date)
    assert thursday.fatalities == 15 and friday.fatalities is None and friday.injured == 2


def test_the_opposition_entering_aleppo_city_is_its_own_event(happenings: list[TimelineEvent]) -> None:
    on_friday = [h for h in happenings if h.date == dt.date(2024, 11, 29) and h.event_type == "control_change"]
    [entry] = [h for h in on_friday if h.description.en and "entered the city of Aleppo" in h.description.en]
    assert len(entry.reports) >= 2 and {"002", "en-02"} <= set(entry.article_ids)
    assert entry.description.ar and "دخول" in entry.description.ar and "مدينة حلب" in entry.description.ar
    # the scientific research area, taken the same day, is another happening
    quotes = " ".join(ev.quote for ev in entry.evidence)
    assert "البحوث العلمية" not in quotes and "scientific research" not in quotes


def test_no_entry_is_titled_or_joined_by_a_statement(
    stored: list[Report], happenings: list[TimelineEvent]
) -> None:
    kind = {r.event.id: r.event.event_type for r in stored}
    for h in happenings:
        kinds = {kind[r] for r in h.reports}
        if h.event_type != "statement":
            assert kind[h.reports[0]] != "statement" or len(kinds) > 1, h.id
            stated = [r for r in h.reports if kind[r] == "statement"]
            # a statement attached to a happening is a denial of it: attribution only
            assert all(any(a.stance == "denies" for a in next(x.event for x in stored if x.event.id == r).attribution)
                       for r in stated), h.id  # fmt: skip
        assert (
            h.description.en and not h.description.en.startswith("A statement")
        ) or h.event_type == "statement"


def test_hama_is_not_rendered_as_taken_before_5_december(happenings: list[TimelineEvent]) -> None:
    import re

    taken = re.compile(r"(took control of|captured|entered|seized) (the city of )?Hama\b")
    early = [h for h in happenings if h.date < dt.date(2024, 12, 5) and h.description.en]
    assert early and not [
        h.description.en for h in early if h.description.en and taken.search(h.description.en)
    ]
    assert not any("Change of control" in (h.description.en or "") for h in happenings)
    taken_ar = re.compile(r"(?:سيطرة|دخول) [^،.؛]*(?:على|إلى) (?:مدينة )?حماة(?=[\s.،؛(]|$)")
    assert not [h.description.ar for h in early if h.description.ar and taken_ar.search(h.description.ar)]
    assert not any("تغيّر في السيطرة" in (h.description.ar or "") for h in happenings)


def test_the_toll_in_each_description_is_its_fatalities(happenings: list[TimelineEvent]) -> None:
    tolled = [h for h in happenings if h.fatalities is not None]
    assert len(tolled) >= 5
    for h in tolled:
        # one is said in words ("one person was killed", "شخص واحد")
        en, ar = ("one", "واحد") if h.fatalities == 1 else (str(h.fatalities), str(h.fatalities))
        assert h.description.en and en in h.description.en, h.description.en
        assert h.description.ar and ar in h.description.ar, h.description.ar


def test_source_names_are_outlets(happenings: list[TimelineEvent]) -> None:
    articles = load_articles()
    outlets = {a["source"] for a in articles if a.get("source")}
    ids = {a["id"] for a in articles}
    named = {n for h in happenings for n in h.source_names}
    assert named and named <= outlets and not named & ids
    assert all(h.sources == len(h.source_names) for h in happenings)
    givers = {f.source for h in happenings for f in h.figures}
    assert not givers & ids  # a figure's giver is a speaker or an outlet, never an article id


def test_a_figure_whose_article_names_no_giver_has_no_source() -> None:
    e = _report("e_1", 28, region="aleppo", place="al-Atarib", toll=15).event
    bare = e.model_copy(update={"attribution": []})
    moment = dt.datetime(2024, 12, 1, tzinfo=dt.UTC)
    [h] = merge([Report(bare, moment, frozenset(), moment)])
    assert [(f.value, f.source, f.article_id) for f in h.figures] == [(15, None, "e_1")]


def test_every_english_rendering_passes_the_checker(stored: list[Report], happenings: list[TimelineEvent]) -> None:
    """Each happening's description, and each stored event rendered on its own, against its own quotes."""
    settings = load_settings()
    articles = prepare(
        [ArticleIn.model_validate(a) for a in load_articles()],
        settings.zone,
        max_chars=settings.max_article_chars,
        max_articles=len(load_articles()),
    )
    sources = Sources(articles)
    texts = [(h.description.en, h.evidence) for h in happenings if h.description.en]
    texts += [(event_description(r.event, "en"), r.event.evidence) for r in stored]
    failed = [(c.text, c.issues) for c in verify_claims(sources, texts) if c.issues]
    assert len(texts) == len(happenings) + len(stored) and failed == []


def test_stated_days_that_differ_do_not_merge() -> None:
    thursday = _report(
        "e_1", 28, region="aleppo", place="al-Atarib", toll=None, quote="A strike hit al-Atarib on Thursday."
    )
    friday = _report("e_2", 29, region="aleppo", place="al-Atarib", toll=None, source="B", published=2,
                     quote="A strike hit al-Atarib on Friday.")  # fmt: skip
    undated = _report("e_3", 29, region="aleppo", place="al-Atarib", toll=None, source="C", published=2)
    merged = merge([thursday, friday, undated])
    # the undated report agrees with the first it meets in publication order, and never links the two days
    assert sorted(h.reports for h in merged) == [["e_1", "e_3"], ["e_2"]]


def test_a_report_joins_only_what_agrees_with_the_whole_happening() -> None:
    site = _report("e_1", 28, region="aleppo", place="al-Atarib", toll=15)
    loose = _report(
        "e_2", 28, region="aleppo", place=None, toll=15, source="B", published=2
    )  # same toll: joins
    other = _report(
        "e_3", 28, region="aleppo", place="Saraqeb", toll=15, source="C", published=3
    )  # another site
    again = _report(
        "e_4", 29, region="aleppo", place="al-Atarib", toll=9, source="D", published=3
    )  # toll differs
    merged = merge([site, loose, other, again])
    assert sorted(h.reports for h in merged) == [["e_1", "e_2"], ["e_3"], ["e_4"]]


def test_a_denial_statement_attaches_and_other_statements_stand_alone() -> None:
    army = ("Syrian army",)
    claim = _report("e_1", 30, region="hama", place=None, toll=None, stance="claims", kind="withdrawal", parties=army,
                    quote="The Observatory said the army withdrew from Hama.")  # fmt: skip
    denial = _report("e_2", 30, region="hama", place=None, toll=None, stance="denies", kind="statement", source="B",
                     published=2, quote="The army denied withdrawing from Hama.")  # fmt: skip
    remark = _report("e_3", 30, region="hama", place=None, toll=None, kind="statement", source="C", published=2,
                     quote="The minister praised the troops in Hama.")  # fmt: skip
    merged = merge([remark, denial, claim])
    withdrawal = next(h for h in merged if h.event_type == "withdrawal")
    assert withdrawal.reports == ["e_1", "e_2"] and withdrawal.status == "disputed"
    assert (
        withdrawal.id == "h_1"
        and withdrawal.description.en
        and not withdrawal.description.en.startswith("A statement")
    )
    assert [h.reports for h in merged if h.event_type == "statement"] == [["e_3"]]


def test_the_seeds_merge_the_same_in_any_order(stored: list[Report], happenings: list[TimelineEvent]) -> None:
    shuffled = list(stored)
    random.Random(9).shuffle(shuffled)
    assert merge(shuffled) == happenings
    assert merge(list(reversed(stored))) == happenings


def test_a_running_toll_joins_by_its_counter_even_when_dated_by_publication() -> None:
    first = _report("e_1", 29, region=None, place=None, toll=255, kind="casualties", source="SOHR")
    later = _report("e_2", 30, region=None, place=None, toll=327, kind="casualties", source="SOHR", published=2)
    other = _report("e_3", 30, region=None, place=None, toll=300, kind="casualties", source="Russia", published=2)
    merged = merge([later, other, first])
    assert sorted(h.reports for h in merged) == [["e_1", "e_2"], ["e_3"]]
    toll = next(h for h in merged if h.reports == ["e_1", "e_2"])
    assert toll.fatalities == 327 and [f.value for f in toll.figures] == [255, 327]
