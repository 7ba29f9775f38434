"""The pipeline: validate, group by day and topic, run the engine per group concurrently, store, respond."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

from summarizer import metrics
from summarizer.articles import Article, prepare
from summarizer.config import Settings
from summarizer.engines.base import Engine, GroupResult
from summarizer.errors import SummarizerError, UpstreamError, UpstreamTimeout
from summarizer.grouping import ArticleGroup, group_articles
from summarizer.schemas import Flag, Group, Meta, SummarizeRequest, SummarizeResponse, Topic, Usage
from summarizer.timeline.store import Store


@dataclass
class _Outcome:
    group: ArticleGroup
    result: GroupResult | None
    error: SummarizerError | None
    degraded: bool = False


class Pipeline:
    """Owns one request's flow; the engine does the per-group work, the store keeps what was served."""

    def __init__(
        self, settings: Settings, store: Store, engine: Engine, fallback: Engine | None = None
    ) -> None:
        self.settings = settings
        self.store = store
        self.engine = engine
        self.fallback = fallback

    async def summarize(
        self, request: SummarizeRequest, progress: Callable[[int, int], None] | None = None
    ) -> SummarizeResponse:
        """Summarize a request; ``progress(done, total)`` is told the group count, then each group done."""
        s = self.settings
        articles = prepare(request.articles, s.zone, max_chars=s.max_article_chars, max_articles=s.max_articles)
        groups = group_articles(articles)
        languages = list(request.languages)
        finished = 0
        if progress is not None:
            progress(0, len(groups))

        async def run(group: ArticleGroup) -> _Outcome:
            try:
                outcome = _Outcome(group, await self.engine.summarize_group(group, languages), None)
            except UpstreamError as e:
                if self.fallback is None:
                    outcome = _Outcome(group, None, e)
                else:
                    result = await self.fallback.summarize_group(group, languages)
                    result.flags.append(
                        Flag(
                            group_id=group.id,
                            kind="fallback",
                            message=f"served by the offline engine because: {e.message}",
                        )
                    )
                    outcome = _Outcome(group, result, None, degraded=True)
            except SummarizerError as e:
                outcome = _Outcome(group, None, e)
            nonlocal finished
            finished += 1
            if progress is not None:
                progress(finished, len(groups))
            return outcome

        tasks = [asyncio.ensure_future(run(g)) for g in groups]
        try:
            async with asyncio.timeout(s.request_timeout):
                outcomes = await asyncio.gather(*tasks)
        except TimeoutError:
            for t in tasks:
                t.cancel()
            done = [t.result() for t in tasks if t.done() and not t.cancelled() and t.exception() is None]
            await asyncio.to_thread(
                self._store, articles, self._groups([o for o in done if o.result is not None])
            )
            raise UpstreamTimeout(
                f"summarizing took longer than the request deadline of {s.request_timeout:g} s "
                f"({len(done)} of {len(groups)} groups finished and were stored); retry to resume, "
                "or raise SUMMARIZER_REQUEST_TIMEOUT"
            ) from None

        served = [o for o in outcomes if o.result is not None]
        failed = [o for o in outcomes if o.error is not None]
        # what succeeded is kept even when the request fails, so a retry loses nothing
        built = self._groups(served)
        await asyncio.to_thread(self._store, articles, built)
        if failed:
            first = failed[0].error
            assert first is not None
            raise type(first)(
                first.message
                + (f" ({len(failed)} of {len(groups)} groups failed)" if len(groups) > 1 else ""),
                field=first.field,
            )
        return self._response(served, built)

    @staticmethod
    def _groups(outcomes: list[_Outcome]) -> list[Group]:
        out = []
        for o in outcomes:
            assert o.result is not None
            r = o.result
            out.append(
                Group(
                    id=o.group.id,
                    day=o.group.day,
                    topic=Topic(label=r.topic_label, keywords=r.keywords),
                    article_ids=o.group.article_ids,
                    summary=r.summary,
                    events=sorted(r.events, key=lambda e: (e.date, e.id)),
                )
            )
        return out

    def _store(self, articles: list[Article], groups: list[Group]) -> None:
        if not groups:
            return
        self.store.save(
            articles,
            groups,
            engine=self.engine.name,
            model=self.engine.model,
            prompt_version=self.engine.prompt_version,
        )

    def _response(self, outcomes: list[_Outcome], groups: list[Group]) -> SummarizeResponse:
        usage = Usage()
        flags: list[Flag] = []
        notes: list[str] = []
        for o in outcomes:
            assert o.result is not None
            usage.add(o.result.usage)
            flags.extend(o.result.flags)
            notes.extend(n for n in o.result.notes if n not in notes)
        degraded = any(o.degraded for o in outcomes)
        metrics.summarized(self.engine.name, [o.degraded for o in outcomes], [f.kind for f in flags])
        return SummarizeResponse(
            groups=groups,
            meta=Meta(
                engine=self.engine.name,
                model=self.engine.model,
                prompt_version=self.engine.prompt_version,
                cached=bool(outcomes) and all(o.result is not None and o.result.cached for o in outcomes),
                degraded=degraded,
                usage=usage,
                notes=notes,
                flags=flags,
            ),
        )
