"""The service's garbage collector setting: young collections rarer, a higher setting kept, the others alone."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from summarizer import collector
from summarizer.api.app import create_app
from summarizer.articles import prepare
from summarizer.config import load_settings
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.grouping import group_articles
from summarizer.schemas import ArticleIn
from tests.conftest import load_articles


@pytest.fixture
def thresholds() -> Iterator[None]:
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)


@pytest.mark.usefixtures("thresholds")
def test_configure_raises_the_young_threshold_and_leaves_the_older_ones() -> None:
    gc.set_threshold(700, 10, 10)
    collector.configure()
    assert gc.get_threshold() == (collector.YOUNG_THRESHOLD, 10, 10)
    gc.set_threshold(collector.YOUNG_THRESHOLD * 2, 5, 7)  # set higher by whoever runs the process: kept
    collector.configure()
    assert gc.get_threshold() == (collector.YOUNG_THRESHOLD * 2, 5, 7)


@pytest.mark.usefixtures("thresholds")
def test_the_service_sets_it_at_start_up(tmp_path: object) -> None:
    gc.set_threshold(700, 10, 10)
    with TestClient(create_app(load_settings(data_dir=str(tmp_path)))):
        assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD


def test_reading_makes_no_cycles_for_the_collector_to_free() -> None:
    """The reason for the setting: once its lexicons are loaded, the engine's garbage is all freed by
    reference counting (the seed story's articles: the first five load the lexicons, the rest are read)."""
    settings = load_settings()
    engine = ExtractiveEngine(settings)
    items = [ArticleIn(text=a["text"], published_at=a["published_at"]) for a in load_articles(None)]
    assert len(items) > 10

    def run(batch: list[ArticleIn]) -> int:
        groups = group_articles(prepare(batch, settings.zone, max_chars=settings.max_article_chars))
        return sum(len(engine.run(g, ["ar", "en"]).events) for g in groups)

    run(items[:5])
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        assert run(items[5:]) > 0  # something was read
        assert gc.collect() == 0
    finally:
        if was:
            gc.enable()
