"""The pipeline's repeat short-cut: a request already served in full is answered from the store."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from summarizer.config import load_settings
from summarizer.errors import Conflict
from summarizer.schemas import SummarizeRequest
from summarizer.services import build
from tests.conftest import load_articles


def test_a_repeated_request_is_answered_from_the_store_without_touching_the_timeline(tmp_path: Path) -> None:
    services = build(load_settings(data_dir=tmp_path))
    try:
        articles = load_articles()[:2]
        request = SummarizeRequest.model_validate({"articles": articles})
        first = asyncio.run(services.pipeline.summarize(request))
        version, events = services.store.version, services.store.count("events")
        assert events and not first.meta.cached
        again = asyncio.run(services.pipeline.summarize(request))
        assert again.groups == first.groups and again.meta.cached
        assert (services.store.version, services.store.count("events")) == (version, events)
        # another language set is another request: it is worked out
        english = SummarizeRequest.model_validate({"articles": articles, "languages": ["en"]})
        assert not asyncio.run(services.pipeline.summarize(english)).meta.cached
        # a correction forgets the stored answer of every request with that article
        changed = [{**articles[0], "text": articles[0]["text"] + " Written again.", "correction": True}]
        asyncio.run(services.pipeline.summarize(SummarizeRequest.model_validate({"articles": changed})))
        with pytest.raises(Conflict):  # the old text is no longer what is stored: not answered from before
            asyncio.run(services.pipeline.summarize(request))
    finally:
        services.close()
