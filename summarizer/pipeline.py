"""The pipeline: validate, group by day and topic, run the engine per group concurrently, store, respond."""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from summarizer import metrics
from summarizer.articles import Article, prepare
from summarizer.config import Settings
from summarizer.engines import client
from summarizer.engines.base import Engine, GroupResult
from summarizer.engines.extractive import ExtractiveEngine
from summarizer.errors import SummarizerError, UpstreamError, UpstreamTimeout
from summarizer.grouping import ArticleGroup, group_articles
from summarizer.offload import run_cpu
from summarizer.schemas import Flag, Group, Lang, Meta, SummarizeRequest, SummarizeResponse, Topic, Usage
from summarizer.timeline.store import MadeBy, Store, clash_error


@dataclass
class _Outcome:
    group: ArticleGroup
    result: GroupResult | None
    error: SummarizerError | None
    engine: Engine | None = None  # the engine that made result
    degraded: bool = False


def made_by(engine: Engine) -> MadeBy:
    return engine.name, engine.model, engine.prompt_version


def label(engine: Engine) -> str:
    return "extractive" if engine.name == "extractive" else f"llm:{engine.model}"



def admitted(
    request: SummarizeRequest, settings: Settings, store: Store, owner: str, *, max_articles: int
) -> list[Article]:
    """A request's articles, cleaned and checked as every way in checks them (/summarize, /jobs): limits
    (422), then clashes with stored articles (409)."""
    s = settings
    articles = prepare(
        request.articles,
        s.zone,
        max_chars=s.max_article_chars,
        max_articles=max_articles,
        years=(s.min_year, s.max_year),
    )
    corrections = [item.id for item in request.articles if item.correction and item.id]
    clashes = store.clashes(articles, owner=owner, corrections=corrections)
    if clashes:
        raise clash_error(clashes)
    return articles


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
        self,
        request: SummarizeRequest,
        progress: Callable[[int, int], None] | None = None,
        *,
        owner: str = "",
    ) -> SummarizeResponse:
        """Summarize a request; ``progress(done, total)`` is told the group count, then each group done.
        ``owner`` (the API key's id, '' without keys) is who the articles belong to."""
        s = self.settings
        digest = self._digest(request, owner)
        # with caching off (SUMMARIZER_CACHE=false) every request is worked out afresh
        stored = await run_cpu(self.store.answer, digest) if s.cache else None
        if stored is not None:  # a repeat: answered from the store, the timeline untouched
            repeat = SummarizeResponse.model_validate_json(stored)
            # each LLM-made group is a result-cache hit (the engine's own cache is not even asked)
            llm_made = sum(1 for v in repeat.meta.made_by.values() if v.startswith("llm:"))
            if llm_made:
                metrics.CACHE.labels("hit").inc(llm_made)
            if progress is not None:
                progress(0, len(repeat.groups))
                progress(len(repeat.groups), len(repeat.groups))
            return repeat.model_copy(update={"meta": repeat.meta.model_copy(update={"cached": True, "usage": Usage()})})
        loop = asyncio.get_running_loop()
        deadline = loop.time() + s.request_timeout
        articles = await run_cpu(admitted, request, s, self.store, owner, max_articles=s.max_articles)
        corrections = [item.id for item in request.articles if item.correction and item.id]
        groups = await run_cpu(group_articles, articles)
        languages = list(request.languages)
        finished = 0
        if progress is not None:
            progress(0, len(groups))
        # with a fallback, the LLM gets the deadline less a reserve, so the offline engine can always serve
        reserve = min(s.fallback_reserve, s.request_timeout / 2) if self.fallback is not None else 0.0

        async def run(group: ArticleGroup) -> _Outcome:
            try:
                result = await self._primary(group, languages, deadline - reserve)
                outcome = _Outcome(group, result, None, self.engine)
            except UpstreamError as e:
                if self.fallback is None:
                    outcome = _Outcome(group, None, e)
                else:
                    result = await _call(self.fallback, group, languages)
                    result.flags.append(
                        Flag(
                            group_id=group.id,
                            kind="fallback",
                            message=f"served by the offline engine because: {e.message}",
                        )
                    )
                    outcome = _Outcome(group, result, None, self.fallback, degraded=True)
            except SummarizerError as e:
                outcome = _Outcome(group, None, e)
            nonlocal finished
            finished += 1
            if progress is not None:
                progress(finished, len(groups))
            return outcome

        tasks = [asyncio.ensure_future(run(g)) for g in groups]
        try:
            async with asyncio.timeout_at(deadline):
                outcomes = await asyncio.gather(*tasks)
        except TimeoutError:
            for t in tasks:
                t.cancel()
            done = [t.result() for t in tasks if t.done() and not t.cancelled() and t.exception() is None]
            await run_cpu(
                self._store, articles, [o for o in done if o.result is not None], owner, corrections
            )
            raise UpstreamTimeout(
                f"summarizing took longer than the request deadline of {s.request_timeout:g} s "
                f"({len(done)} of {len(groups)} groups finished and were stored); retry to resume, "
                "or raise SUMMARIZER_REQUEST_TIMEOUT"
            ) from None

        served = [o for o in outcomes if o.result is not None]
        failed = [o for o in outcomes if o.error is not None]
        # what succeeded is kept even when the request fails, so a retry loses nothing
        built = await run_cpu(self._store, articles, served, owner, corrections)
        if failed:
            first = failed[0].error
            assert first is not None
            raise type(first)(
                first.message
                + (f" ({len(failed)} of {len(groups)} groups failed)" if len(groups) > 1 else ""),
                field=first.field,
            )
        response = await run_cpu(self._response, served, built)
        if s.cache and not response.meta.degraded and len(served) == len(groups):
            ids = [a.id for a in articles]
            await run_cpu(self.store.remember, digest, ids, response.model_dump_json())
        return response

    def _digest(self, request: SummarizeRequest, owner: str) -> str:
        """What makes a request the same request: its articles and languages, who sends them, the engine, model
        and prompt version, and the settings that read articles."""
        s = self.settings
        key = [request.model_dump_json(), owner, *map(str, made_by(self.engine)), str(s.zone),
               str(s.max_article_chars), str(s.max_articles), str(s.min_year), str(s.max_year)]  # fmt: skip
        return hashlib.sha256("\x1f".join(key).encode()).hexdigest()

    async def _primary(self, group: ArticleGroup, languages: list[Lang], budget: float) -> GroupResult:
        """The configured engine within ``budget`` (a loop time): its LLM calls see it as their deadline."""
        token = client.DEADLINE.set(budget)
        try:
            async with asyncio.timeout_at(budget):
                return await _call(self.engine, group, languages)
        except TimeoutError:
            raise UpstreamTimeout(
                f"LLM provider for {self.engine.model!r} did not finish within the time the request deadline "
                "leaves it"
            ) from None
        finally:
            client.DEADLINE.reset(token)

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

    def _store(
        self, articles: list[Article], outcomes: list[_Outcome], owner: str, corrections: list[str]
    ) -> list[Group]:
        groups = self._groups(outcomes)
        if not groups:
            return groups
        self.store.save(
            articles,
            groups,
            engine=self.engine.name,
            model=self.engine.model,
            prompt_version=self.engine.prompt_version,
            made_by={o.group.id: made_by(o.engine) for o in outcomes if o.engine is not None},
            owner=owner,
            corrections=corrections,
        )
        return groups

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
                made_by={o.group.id: label(o.engine) for o in outcomes if o.engine is not None},
            ),
        )


async def _call(engine: Engine, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
    """An engine on one group; the offline engine's CPU work runs in the worker pool, off the event loop."""
    if isinstance(engine, ExtractiveEngine):
        return await run_cpu(engine.run, group, languages)
    return await engine.summarize_group(group, languages)
