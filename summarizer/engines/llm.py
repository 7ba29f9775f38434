"""The LLM engine: render the template, call the model, validate, ground, re-ask with the errors, cache."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import ValidationError

from summarizer import metrics
from summarizer.articles import Article
from summarizer.checking.grounding import event_fact_problems, ground_evidence, language_ok
from summarizer.checking.verify import Sources
from summarizer.config import Settings
from summarizer.engines.base import GroupResult, article_ids_of, event_id
from summarizer.engines.cache import ResultCache, cache_key
from summarizer.engines.client import Completer, Message
from summarizer.engines.prompts import PromptTemplate
from summarizer.errors import UpstreamBadOutput
from summarizer.grouping import ArticleGroup, sentence_keys
from summarizer.reading import places
from summarizer.reading.text import near_duplicates
from summarizer.schemas import (
    LANGS,
    Bilingual,
    Bullet,
    Event,
    Evidence,
    Flag,
    Lang,
    LangSummary,
    LLMEvent,
    LLMGroupOutput,
    LLMLangSummary,
    Summary,
    Usage,
)

SCHEMA_NAME = "group_summary"
LANG_NAMES = {"ar": "Arabic", "en": "English"}


def output_schema() -> dict[str, Any]:
    """The JSON schema the model is asked to fill (also printed by `summarizer schema`)."""
    return LLMGroupOutput.model_json_schema()


def _strip_fences(text: str) -> str:
    """Models often wrap JSON in ```json fences or add a word before it; keep the object only."""
    t = text.strip()
    fence = re.match(r"^```(?:json)?\s*(.*?)\s*```$", t, re.S)
    if fence:
        return fence.group(1)
    if not t.startswith("{") and "{" in t:
        return t[t.index("{") : t.rindex("}") + 1]
    return t


def validation_problems(err: ValidationError) -> list[str]:
    out = []
    for e in err.errors()[:20]:
        loc = ".".join(str(p) for p in e["loc"]) or "(root)"
        out.append(f"{loc}: {e['msg']}")
    return out


class Grounded:
    """The outcome of checking one parsed output: what can be served, and what is wrong with the rest."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.flags: list[Flag] = []
        self.summary = Summary()
        self.events: list[Event] = []


def ground_output(out: LLMGroupOutput, group: ArticleGroup, languages: list[Lang]) -> Grounded:
    """Check every bullet and event against its evidence; keep what holds, list what does not."""
    arts: Mapping[str, Article] = {a.id: a for a in group.articles}
    sources = Sources(group.articles)
    g = Grounded()
    latest_day = max(a.published_at.date() for a in group.articles)
    for lang in LANGS:
        part: LLMLangSummary | None = getattr(out.summary, lang)
        if lang not in languages:
            g.summary.unavailable[lang] = "not requested"
            continue
        if part is None:
            g.problems.append(f"summary.{lang} is null but {LANG_NAMES[lang]} was requested")
            g.summary.unavailable[lang] = f"the model gave no {LANG_NAMES[lang]} summary"
            continue
        if not language_ok(part.headline, lang):
            g.problems.append(f"summary.{lang}.headline is not written in {LANG_NAMES[lang]}")
        bullets: list[Bullet] = []
        for i, b in enumerate(part.bullets):
            where = f"summary.{lang}.bullets[{i}]"
            evidence, check = ground_evidence(b.evidence, arts, where)
            if check.ok and not language_ok(b.text, lang):
                check.problems.append(f"{where}.text is not written in {LANG_NAMES[lang]}")
            if check.ok:
                check.problems += _claim_problems(sources, f"{where}.text", b.text, evidence)
            if check.ok:
                bullets.append(Bullet(text=b.text, evidence=evidence))
            else:
                g.problems.extend(check.problems)
                g.flags.append(
                    Flag(group_id=group.id, kind="dropped_bullet", message="; ".join(check.problems))
                )
            g.flags.extend(Flag(group_id=group.id, kind="repaired_quote", message=r) for r in check.repairs)
        if bullets:
            setattr(g.summary, lang, LangSummary(headline=part.headline, bullets=bullets))
        else:
            g.summary.unavailable[lang] = "no bullet of the model's summary was supported by the articles"
    for i, ev in enumerate(out.events):
        event = _ground_event(ev, f"events[{i}]", arts, sources, latest_day, g, group.id)
        if event is not None:
            g.events.append(event)
    return g


def _claim_problems(sources: Sources, where: str, text: str, evidence: list[Evidence]) -> list[str]:
    """The claim checker of /verify, on a served text and the quotes it cites."""
    return [f"{where} {i.kind}: {i.message}" for i in sources.check_against(text, evidence)]


def _ground_event(
    ev: LLMEvent,
    where: str,
    arts: Mapping[str, Article],
    sources: Sources,
    latest_day: dt.date,
    g: Grounded,
    group_id: str,
) -> Event | None:
    evidence, check = ground_evidence(ev.evidence, arts, where)
    region = ev.region
    if region is not None:
        known = places.resolve_region(region)
        if known is None:
            check.problems.append(
                f"{where}.region {region!r} is not a Syrian governorate; use one of "
                f"{', '.join(r.slug for r in places.regions())} or null"
            )
        else:
            region = known.slug
    if ev.date > latest_day:
        check.problems.append(f"{where}.date {ev.date} is after the articles were published ({latest_day})")
    if check.ok:
        check.problems.extend(
            event_fact_problems(
                where,
                day=ev.date,
                precision=ev.date_precision,
                region=region,
                location=ev.location,
                fatalities=ev.fatalities,
                injured=ev.injured,
                evidence=evidence,
                articles=arts,
            )
        )
        for lang in LANGS:
            text = getattr(ev.description, lang)
            if text:
                check.problems += _claim_problems(sources, f"{where}.description.{lang}", text, evidence)
    g.flags.extend(Flag(group_id=group_id, kind="repaired_quote", message=r) for r in check.repairs)
    if not check.ok:
        g.problems.extend(check.problems)
        g.flags.append(Flag(group_id=group_id, kind="dropped_event", message="; ".join(check.problems)))
        return None
    return Event(
        id=event_id(ev.event_type, evidence),
        date=ev.date,
        date_precision=ev.date_precision,
        region=region,
        location=ev.location,
        event_type=ev.event_type,
        actors=ev.actors,
        fatalities=ev.fatalities,
        injured=ev.injured,
        status=ev.status,
        attribution=ev.attribution,
        description=ev.description,
        evidence=evidence,
        article_ids=article_ids_of(evidence),
    )


class LLMEngine:
    name: Literal["llm"] = "llm"

    def __init__(
        self, settings: Settings, client: Completer, cache: ResultCache, template: PromptTemplate
    ) -> None:
        self.settings = settings
        self.client = client
        self.cache = cache
        self.template = template
        self.model = settings.model
        self.prompt_version: str | None = template.version
        self._schema = output_schema()

    def messages(self, group: ArticleGroup, languages: list[Lang]) -> list[Message]:
        t = self.template
        langs = ", ".join(LANG_NAMES[lang] for lang in languages)
        system = t.render("system", regions=", ".join(r.slug for r in places.regions()), languages=langs)
        # a sentence that repeats an earlier one (agency copy in several outlets) is sent once
        sentences = [(a, span.of(a.text)) for a in group.articles for span in a.body]
        owners = near_duplicates([sentence_keys(text) for _, text in sentences])
        kept: dict[str, list[str]] = {}
        for n, (a, text) in enumerate(sentences):
            if owners[n] == n:
                kept.setdefault(a.id, []).append(text)
        rendered = []
        for a in group.articles:
            body = "\n".join(kept.get(a.id, []))
            rendered.append(
                t.render(
                    "article",
                    id=a.id,
                    published_at=a.published_at.isoformat(),
                    language=a.language,
                    source=a.source or "unknown",
                    title=f"{a.title}\n" if a.title else "",
                    body=body,
                )
            )
        user = t.render(
            "user",
            count=len(group.articles),
            day=group.day.isoformat(),
            timezone=self.settings.timezone,
            languages=langs,
            articles="\n\n".join(rendered),
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    async def summarize_group(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        key = cache_key(
            model=self.model,
            template_sha=self.template.sha256,
            schema=self._schema,
            languages=list(languages),
            article_fingerprints=[a.fingerprint() for a in group.articles],
            api_base=self.settings.api_base,
        )
        hit = self.cache.get(key)
        metrics.CACHE.labels("hit" if hit is not None else "miss").inc()
        if hit is not None:
            return _from_cache(hit)
        messages = self.messages(group, languages)
        usage = Usage()
        flags: list[Flag] = []
        attempts = self.settings.llm_reasks + 1
        last_problems: list[str] = []
        for attempt in range(attempts):
            completion = await self.client.complete(messages, schema=self._schema, schema_name=SCHEMA_NAME)
            usage.add(
                Usage(
                    llm_calls=1, input_tokens=completion.input_tokens, output_tokens=completion.output_tokens
                )
            )
            grounded: Grounded | None = None
            try:
                out = LLMGroupOutput.model_validate_json(_strip_fences(completion.text))
            except ValidationError as e:
                last_problems = validation_problems(e)
            else:
                grounded = ground_output(out, group, languages)
                last_problems = grounded.problems
            final = attempt == attempts - 1
            if grounded is not None and (not grounded.problems or (final and _servable(grounded, languages))):
                result = GroupResult(
                    summary=grounded.summary,
                    events=grounded.events,
                    topic_label=out.topic,
                    keywords=out.keywords or list(group.keywords),
                    usage=usage,
                    flags=flags + grounded.flags,
                )
                self.cache.set(key, _to_cache(result))
                return result
            if not final:
                flags.append(
                    Flag(
                        group_id=group.id,
                        kind="reask",
                        message=f"attempt {attempt + 1}: " + "; ".join(last_problems)[:500],
                    )
                )
                messages = [
                    *messages,
                    {"role": "assistant", "content": completion.text},
                    {
                        "role": "user",
                        "content": self.template.render(
                            "reask", errors="\n".join(f"- {p}" for p in last_problems)
                        ),
                    },
                ]
        raise UpstreamBadOutput(
            f"model {self.model!r} gave no usable answer for group {group.id} after {attempts} attempts: "
            + "; ".join(last_problems)[:1000]
        )


def _servable(g: Grounded, languages: list[Lang]) -> bool:
    """After the last re-ask, what survived is served (with flags) if every requested language has bullets."""
    return all(getattr(g.summary, lang) is not None for lang in languages)


def _to_cache(r: GroupResult) -> dict[str, Any]:
    return {
        "summary": r.summary.model_dump(mode="json"),
        "events": [e.model_dump(mode="json") for e in r.events],
        "topic_label": r.topic_label.model_dump(mode="json"),
        "keywords": r.keywords,
        "flags": [f.model_dump(mode="json") for f in r.flags],
    }


def _from_cache(d: dict[str, Any]) -> GroupResult:
    return GroupResult(
        summary=Summary.model_validate(d["summary"]),
        events=[Event.model_validate(e) for e in d["events"]],
        topic_label=Bilingual.model_validate(d["topic_label"]),
        keywords=list(d["keywords"]),
        flags=[Flag.model_validate(f) for f in d["flags"]],
        cached=True,
    )


def schema_json() -> str:
    return json.dumps(output_schema(), ensure_ascii=False, indent=2)
