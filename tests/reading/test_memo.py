"""The speed work's shortcuts give what the long way gives: the per-text memo, the rendering's light reading
of a quote, its one-concept glossary question, and the summary that reuses rendered descriptions."""

from __future__ import annotations

import datetime as dt

from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines import render
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.reading import checkable
from summarizer.reading.memo import per_text
from summarizer.reading.text import split_sentences
from summarizer.schemas import LANGS, ArticleIn
from tests.conftest import load_seeds

MOMENT = dt.datetime(2024, 11, 30, 12, tzinfo=dt.UTC)


def _seed_sentences() -> list[str]:
    return [s.of(a["text"]) for a in load_seeds() for s in split_sentences(a["text"])]


def test_per_text_gives_each_caller_its_own_list_and_reads_a_text_once_while_it_is_kept() -> None:
    calls: list[str] = []

    @per_text(maxsize=2)
    def letters(text: str) -> list[str]:
        calls.append(text)
        return list(text)

    first = letters("ab")
    first.append("z")  # a caller's list is its own: the memo keeps a tuple
    assert letters("ab") == ["a", "b"]
    assert calls == ["ab"]
    letters("cd")
    letters("ef")  # the memo holds two texts: "ab", the least recently used, is dropped
    assert letters("ab") == ["a", "b"]
    assert calls == ["ab", "cd", "ef", "ab"]


def test_the_renderings_light_reading_names_what_a_full_reading_names() -> None:
    sentences = _seed_sentences()
    assert len(sentences) > 50
    for text in sentences:
        full, light = checkable.read(text, MOMENT), checkable.names(text)
        assert dict(light.places) == dict(full.places)
        assert dict(light.actors) == dict(full.actors)
        assert light.actor_family == full.actor_family


def test_asking_for_one_concept_answers_as_the_whole_glossary_does() -> None:
    ids = {cid for cid, _ in checkable._glossary()}
    named = 0
    for text in _seed_sentences()[:60]:
        every = checkable.concepts_in(text)
        named += len(every)
        for cid in ids | {"no-such-concept"}:
            assert checkable.names_concept(text, cid) == (cid in every), (cid, text)
    assert named > 0


def test_a_summary_from_rendered_descriptions_is_the_summary_rendered_again() -> None:
    settings = load_settings()
    articles = prepare([ArticleIn(**a) for a in load_seeds()], settings.zone, max_chars=settings.max_article_chars)
    engine = ExtractiveEngine(settings)
    checked = 0
    for group in group_articles(articles):
        events = engine.run(group, ["ar", "en"]).events
        for lang in LANGS:
            texts = [render.event_description(e, lang) for e in events]
            assert render.summary_from_events(events, lang, texts) == render.summary_from_events(events, lang)
            checked += bool(events)
    assert checked > 0
