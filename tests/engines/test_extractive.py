"""The offline engine on the seed articles: the timeline facts a newsroom would check first."""

from __future__ import annotations

import asyncio

import pytest

from summarizer.articles import prepare
from summarizer.checking.grounding import language_ok
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.reading.text import is_chrome, script_counts
from summarizer.schemas import ArticleIn, Event, Group, Topic
from tests.conftest import load_articles, load_seeds, topics


@pytest.fixture(scope="module")
def groups() -> list[Group]:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    arts = prepare([ArticleIn(**a) for a in load_seeds()], settings.zone, max_chars=10**6)
    out = []
    for g in group_articles(arts):
        r = asyncio.run(engine.summarize_group(g, ["ar", "en"]))
        out.append(
            Group(
                id=g.id,
                day=g.day,
                topic=Topic(label=r.topic_label, keywords=r.keywords),
                article_ids=g.article_ids,
                summary=r.summary,
                events=r.events,
            )
        )
    return out


def events(groups: list[Group], region: str) -> list[Event]:
    return [e for g in groups for e in g.events if e.region == region]


def quoted(e: Event, words: str) -> bool:
    return any(words in ev.quote for ev in e.evidence)


def test_hama_saturday_evening_expansion_is_dated_saturday(groups: list[Group]) -> None:
    hits = [e for e in events(groups, "hama") if quoted(e, "مساء أمس السبت")]
    assert len(hits) == 1
    assert (str(hits[0].date), hits[0].date_precision, hits[0].event_type) == (
        "2024-11-30",
        "day",
        "control_change",
    )


def test_hama_sixteen_villages_on_sunday(groups: list[Group]) -> None:
    hits = [e for e in events(groups, "hama") if quoted(e, "16 قرية")]
    assert len(hits) == 1 and str(hits[0].date) == "2024-12-01" and hits[0].event_type == "control_change"


def test_hama_withdrawal_is_disputed_with_both_sides(groups: list[Group]) -> None:
    withdrawals = [e for e in events(groups, "hama") if e.event_type == "withdrawal"]
    assert withdrawals and all(e.status == "disputed" for e in withdrawals)
    reported = next(e for e in withdrawals if quoted(e, "انسحاب الجيش السوري من مدينة حماة"))
    stances = {(a.source, a.stance) for a in reported.attribution}
    assert ("Syrian Observatory for Human Rights", "reports") in stances
    assert any(stance == "denies" and "army" in source.lower() for source, stance in stances)


def test_idlib_four_civilians_killed_on_sunday(groups: list[Group]) -> None:
    hits = [e for e in events(groups, "idlib") if e.fatalities == 4]
    assert len(hits) == 1
    e = hits[0]
    assert str(e.date) == "2024-12-01" and e.injured == 20 and e.event_type == "strike"
    assert ("Syrian Civil Defence (White Helmets)", "reports") in {
        (a.source, a.stance) for a in e.attribution
    }


def test_aleppo_thursday_strike_on_atarib(groups: list[Group]) -> None:
    hits = [e for e in events(groups, "aleppo") if e.fatalities == 15]
    assert len(hits) == 1
    e = hits[0]
    assert (str(e.date), e.event_type, e.injured) == ("2024-11-28", "strike", 5)
    assert e.location is not None and e.location.en is not None and "Atarib" in e.location.en
    assert "killed 15 civilians" in (e.description.en or "") and "Atarib" in (e.description.en or "")


def test_every_quote_is_exact_and_nothing_is_chrome(groups: list[Group]) -> None:
    texts = {a["id"]: a["text"] for a in load_seeds()}
    for g in groups:
        bullets = [b for lang in ("ar", "en") if (s := getattr(g.summary, lang)) for b in s.bullets]
        for b in bullets:
            assert not is_chrome(b.text)
        for ev in [ev for b in bullets for ev in b.evidence] + [ev for e in g.events for ev in e.evidence]:
            assert ev.quote in texts[ev.article_id]
            assert not is_chrome(ev.quote)
            for chrome in ("تلجرام", "البث المباشر", "مشاركة :", "انقر للتحديثات", "20:15"):
                assert chrome not in ev.quote


def test_repeated_paragraphs_become_one_bullet_with_both_sources(groups: list[Group]) -> None:
    sunday = next(g for g in groups if str(g.day) == "2024-12-01")
    assert sunday.summary.ar is not None
    quotes = [b.text for b in sunday.summary.ar.bullets]
    assert len(quotes) == len(set(quotes))
    lavrov = [e for e in sunday.events if quoted(e, "لافروف") and quoted(e, "هاكان فيدان")]
    assert len(lavrov) == 1 and set(lavrov[0].article_ids) == {"000", "001"}


def test_english_descriptions_are_rendered_and_said_so(groups: list[Group]) -> None:
    for g in groups:
        for e in g.events:
            assert e.description.en and script_counts(e.description.en)[0] == 0, e.description.en


def test_events_are_stable_across_runs(groups: list[Group]) -> None:
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    arts = prepare([ArticleIn(**a) for a in load_seeds()], settings.zone, max_chars=10**6)
    again = [
        e.id for g in group_articles(arts) for e in asyncio.run(engine.summarize_group(g, ["ar"])).events
    ]
    assert again == [e.id for g in groups for e in g.events]


def test_topic_labels_are_in_both_languages_and_off_topic_stories_report_no_events() -> None:
    settings = load_settings()
    arts = prepare([ArticleIn(**a) for a in load_articles()], settings.zone, max_chars=10**6)
    engine = ExtractiveEngine(settings)
    labels = {}
    topic = topics()
    for g in group_articles(arts):
        result = asyncio.run(engine.summarize_group(g, ["ar", "en"]))
        label = result.topic_label
        assert label.ar and label.en and language_ok(label.ar, "ar") and language_ok(label.en, "en"), label
        labels[tuple(g.article_ids)] = label
        if topic[g.article_ids[0]] != "offensive":  # a match that "struck the crossbar" is no strike
            assert result.events == [], [e.description.en for e in result.events]
    assert labels[("en-01",)].en == "Strike in Aleppo" and labels[("en-01",)].ar == "غارة أو قصف في حلب"
    assert labels[("off-ar-02",)].en == "Idlib"  # a harvest story: only where
