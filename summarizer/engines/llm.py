"""The LLM engine: render the template, call the model, validate, ground every field, re-ask the failing
items with their errors, keep what holds across attempts, cache."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ValidationError

from summarizer import metrics
from summarizer.articles import Article
from summarizer.checking.fields import (
    Wording,
    article_vocabulary,
    claim_problems,
    event_field_problems,
    instruction_problems,
    keyword_problems,
    unsupported_problems,
    without_instructions,
    wording_problems,
)
from summarizer.checking.grounding import event_fact_problems, ground_evidence, language_ok
from summarizer.checking.verify import Sources
from summarizer.config import Settings
from summarizer.engines.answer_schema import answer_schema, full_schema
from summarizer.engines.base import GroupResult, article_ids_of, event_id
from summarizer.engines.cache import ResultCache, cache_key
from summarizer.engines.client import Completer, Message
from summarizer.engines.prompts import PromptTemplate
from summarizer.errors import UpstreamBadOutput
from summarizer.grouping import ArticleGroup, sentence_keys
from summarizer.offload import run_cpu
from summarizer.reading import places
from summarizer.reading.text import near_duplicates
from summarizer.schemas import (
    LANGS,
    AttributionOut,
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
MAX_BULLETS = 10  # per language, over all attempts
MAX_EVENTS = 30
SHORTER = ((4, 6), (2, 3))  # bullets and events asked for after a reply was cut at max_tokens


def output_schema() -> dict[str, Any]:
    """The answer's full JSON schema (printed by `summarizer schema`); the model gets a compact one."""
    return full_schema()


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


def _item(value: Any) -> str:
    """A failing item as the re-ask shows it: its JSON, cut short."""
    raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return raw if len(raw) <= 600 else raw[:600] + "..."


@dataclass
class Grounded:
    """One parsed answer checked: what holds (to keep), and each failing item with its problems."""

    headlines: dict[Lang, str] = field(default_factory=dict)
    bullets: dict[Lang, list[Bullet]] = field(default_factory=dict)
    topic: dict[Lang, str] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # each failing item: (its flag kind, its JSON, its problems)
    failures: list[tuple[str, str, list[str]]] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def problems(self) -> list[str]:
        return [p for _, _, ps in self.failures for p in ps]

    def fail(self, kind: str, item: Any, problems: list[str]) -> None:
        self.failures.append((kind, _item(item), problems))


@dataclass
class Kept:
    """What held, over every attempt for one group."""

    headlines: dict[Lang, str] = field(default_factory=dict)
    bullets: dict[Lang, list[Bullet]] = field(default_factory=dict)
    topic: dict[Lang, str] = field(default_factory=dict)
    keywords: list[str] = field(default_factory=list)
    events: dict[str, Event] = field(default_factory=dict)

    def add(self, g: Grounded) -> None:
        for lang, h in g.headlines.items():
            self.headlines.setdefault(lang, h)
        for lang, bullets in g.bullets.items():
            have = self.bullets.setdefault(lang, [])
            for b in bullets:
                if len(have) < MAX_BULLETS and all(b.text != x.text for x in have):
                    have.append(b)
        for lang, label in g.topic.items():
            self.topic.setdefault(lang, label)
        for kw in g.keywords:
            if kw not in self.keywords and len(self.keywords) < 12:
                self.keywords.append(kw)
        for e in g.events:
            if len(self.events) < MAX_EVENTS:
                self.events.setdefault(e.id, e)

    def gaps(self, languages: list[Lang]) -> list[str]:
        return [
            f"summary.{lang} has no bullet the articles support: give at least one, with its quote"
            for lang in languages
            if not self.bullets.get(lang)
        ]

    def servable(self, languages: list[Lang]) -> bool:
        """Served (with flags) when every requested language has a supported bullet."""
        return all(self.bullets.get(lang) for lang in languages)

    def result(
        self, group: ArticleGroup, languages: list[Lang], usage: Usage, flags: list[Flag]
    ) -> GroupResult:
        summary = Summary()
        for lang in LANGS:
            if lang not in languages:
                summary.unavailable[lang] = "not requested"
                continue
            bullets = self.bullets.get(lang)
            if not bullets:
                summary.unavailable[lang] = "no bullet of the model's summary was supported by the articles"
                continue
            headline = self.headlines.get(lang)
            if headline is None:  # the model's headline did not hold: the first supported bullet heads it
                headline = bullets[0].text
                flags.append(
                    Flag(
                        group_id=group.id,
                        kind="dropped_field",
                        message=f"summary.{lang}.headline replaced by the first bullet: the model's did not hold",
                    )
                )
            setattr(summary, lang, LangSummary(headline=headline, bullets=bullets))
        return GroupResult(
            summary=summary,
            events=list(self.events.values()),
            topic_label=Bilingual(ar=self.topic.get("ar"), en=self.topic.get("en")),
            keywords=self.keywords or list(group.keywords),
            usage=usage,
            flags=flags,
        )


@dataclass
class Context:
    """What every check of one group's answers reads: the articles, once."""

    group: ArticleGroup
    articles: Mapping[str, Article]
    sources: Sources
    vocabulary: frozenset[str]
    wording: Wording
    latest: dt.datetime

    @classmethod
    def of(cls, group: ArticleGroup) -> Context:
        checked = without_instructions(group.articles)
        sources = Sources(checked)
        return cls(
            group=group,
            articles={a.id: a for a in group.articles},
            sources=sources,
            vocabulary=article_vocabulary(checked),
            wording=Wording.of(s.facts for s in sources.sentences),
            latest=max(a.published_at for a in group.articles),
        )

    @property
    def latest_day(self) -> dt.date:
        return self.latest.date()

    def unquoted_problems(self, where: str, text: str) -> list[str]:
        """A headline or topic label: checked as a claim, and worded as the articles word it."""
        return claim_problems(self.sources, where, text) or wording_problems(
            where, text, self.wording, self.latest
        )

    def quoted_problems(self, where: str, text: str, evidence: list[Evidence]) -> list[str]:
        """A bullet or event description: checked against its quotes, about what they state, in their words."""
        problems = _claim_problems(self.sources, where, text, evidence)
        problems = problems or unsupported_problems(self.sources, where, text)
        published = self.articles[evidence[0].article_id].published_at
        return problems or wording_problems(
            where, text, Wording.of_quotes(evidence, self.articles), published
        )


def ground_output(out: LLMGroupOutput, ctx: Context, languages: list[Lang]) -> Grounded:
    """Check every field of an answer against the articles; keep what holds, list what does not and why."""
    g = Grounded()
    for lang in LANGS:
        part: LLMLangSummary | None = getattr(out.summary, lang)
        if lang not in languages or part is None:
            continue
        where = f"summary.{lang}"
        problems = (
            [] if language_ok(part.headline, lang) else [f"{where}.headline is not in {LANG_NAMES[lang]}"]
        )
        problems = problems or ctx.unquoted_problems(f"{where}.headline", part.headline)
        if problems:
            g.fail("dropped_field", {"headline": part.headline}, problems)
        else:
            g.headlines[lang] = part.headline
        for i, b in enumerate(part.bullets):
            at = f"{where}.bullets[{i}]"
            evidence, check = ground_evidence(b.evidence, ctx.articles, at)
            check.problems += instruction_problems(at, evidence, ctx.articles)
            if check.ok and not language_ok(b.text, lang):
                check.problems.append(f"{at}.text is not written in {LANG_NAMES[lang]}")
            if check.ok:
                check.problems += ctx.quoted_problems(f"{at}.text", b.text, evidence)
            if check.ok:
                g.bullets.setdefault(lang, []).append(Bullet(text=b.text, evidence=evidence))
                g.repairs += check.repairs
            else:
                g.fail("dropped_bullet", b.model_dump(mode="json"), check.problems)
    for lang in LANGS:
        label = getattr(out.topic, lang)
        if not label:
            continue
        problems = [] if language_ok(label, lang) else [f"topic.{lang} is not in {LANG_NAMES[lang]}"]
        problems = problems or ctx.unquoted_problems(f"topic.{lang}", label)
        if problems:
            g.fail("dropped_field", {"topic": {lang: label}}, problems)
        else:
            g.topic[lang] = label
    bad = dict(keyword_problems("keywords", out.keywords, ctx.vocabulary))
    g.keywords = [kw for i, kw in enumerate(out.keywords) if i not in bad]
    if bad:
        g.fail("dropped_field", {"keywords": [out.keywords[i] for i in bad]}, list(bad.values()))
    for i, ev in enumerate(out.events):
        event = _ground_event(ev, f"events[{i}]", ctx, g)
        if event is not None:
            g.events.append(event)
    return g


def _claim_problems(sources: Sources, where: str, text: str, evidence: list[Evidence]) -> list[str]:
    """The claim checker of /verify, on a served text and the quotes it cites."""
    return [f"{where} {i.kind}: {i.message}" for i in sources.check_against(text, evidence)]


def _ground_event(ev: LLMEvent, where: str, ctx: Context, g: Grounded) -> Event | None:
    evidence, check = ground_evidence(ev.evidence, ctx.articles, where)
    check.problems += instruction_problems(where, evidence, ctx.articles)
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
    if ev.date > ctx.latest_day:
        check.problems.append(
            f"{where}.date {ev.date} is after the articles were published ({ctx.latest_day})"
        )
    location = Bilingual(ar=ev.location.ar, en=ev.location.en) if ev.location is not None else None
    description = Bilingual(ar=ev.description.ar, en=ev.description.en)
    attribution = [AttributionOut(source=a.source, stance=a.stance) for a in ev.attribution]
    if check.ok:
        check.problems.extend(
            event_fact_problems(
                where,
                day=ev.date,
                precision=ev.date_precision,
                region=region,
                location=location,
                fatalities=ev.fatalities,
                injured=ev.injured,
                evidence=evidence,
                articles=ctx.articles,
            )
        )
        check.problems.extend(
            event_field_problems(
                where,
                event_type=ev.event_type,
                actor_names=ev.actors,
                status=ev.status,
                attribution=attribution,
                evidence=evidence,
                articles=ctx.articles,
            )
        )
        for lang in LANGS:
            text = getattr(description, lang)
            if text:
                check.problems += ctx.quoted_problems(f"{where}.description.{lang}", text, evidence)
    if not check.ok:
        g.fail("dropped_event", ev.model_dump(mode="json"), check.problems)
        return None
    g.repairs += check.repairs
    return Event(
        id=event_id(ev.event_type, evidence),
        date=ev.date,
        date_precision=ev.date_precision,
        region=region,
        location=location,
        event_type=ev.event_type,
        actors=list(ev.actors),
        fatalities=ev.fatalities,
        injured=ev.injured,
        status=ev.status,
        attribution=attribution,
        description=description,
        evidence=evidence,
        article_ids=article_ids_of(evidence),
    )


def _flag(group_id: str, kind: str, message: str) -> Flag:
    return Flag.model_validate({"group_id": group_id, "kind": kind, "message": message})


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

    def messages(self, group: ArticleGroup, languages: list[Lang]) -> list[Message]:
        """System and user messages; each article one line of JSON, so its text can neither close nor forge
        the block it stands in, and a sentence repeated from an earlier article is sent once."""
        t = self.template
        langs = ", ".join(LANG_NAMES[lang] for lang in languages)
        system = t.render("system", regions=", ".join(r.slug for r in places.regions()), languages=langs)
        sentences = [(a, span.of(a.text)) for a in group.articles for span in a.body]
        owners = near_duplicates([sentence_keys(text) for _, text in sentences])
        kept: dict[str, list[str]] = {}
        for n, (a, text) in enumerate(sentences):
            if owners[n] == n:
                kept.setdefault(a.id, []).append(text)
        lines = []
        for a in group.articles:
            record: dict[str, str] = {
                "id": a.id,
                "published_at": a.published_at.isoformat(),
                "language": a.language,
            }
            if a.source:
                record["source"] = a.source
            if a.title:
                record["title"] = a.title
            record["text"] = "\n".join(kept.get(a.id, []))
            lines.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
        user = t.render(
            "user",
            count=len(group.articles),
            day=group.day.isoformat(),
            timezone=self.settings.timezone,
            languages=langs,
            articles="\n".join(lines),
        )
        return [{"role": "system", "content": system}, {"role": "user", "content": user}]

    async def summarize_group(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        schema = answer_schema(group.article_ids)
        key = cache_key(
            model=self.model,
            template_sha=self.template.sha256,
            schema=schema,
            languages=list(languages),
            article_fingerprints=[a.fingerprint() for a in group.articles],
            api_base=self.settings.api_base,
        )
        hit = self.cache.get(key)
        metrics.CACHE.labels("hit" if hit is not None else "miss").inc()
        if hit is not None:
            return _from_cache(hit)
        base = self.messages(group, languages)
        messages = base
        ctx: Context | None = None
        kept = Kept()
        usage = Usage()
        flags: list[Flag] = []
        attempts = self.settings.llm_reasks + 1
        shorter = iter(SHORTER)
        problems: list[str] = []
        for attempt in range(attempts):
            final = attempt == attempts - 1
            completion = await self.client.complete(messages, schema=schema, schema_name=SCHEMA_NAME)
            usage.add(
                Usage(
                    llm_calls=1, input_tokens=completion.input_tokens, output_tokens=completion.output_tokens
                )
            )
            if completion.finish_reason == "length":  # a cut reply is never parsed as if whole
                problems = [
                    f"the reply was cut at max_tokens ({self.settings.llm_max_tokens}) after "
                    f"{completion.output_tokens} tokens"
                ]
                limits = next(shorter, None)
                if final or limits is None:
                    break
                flags.append(
                    _flag(group.id, "reask", f"attempt {attempt + 1}: {problems[0]}; asked for less")
                )
                schema = answer_schema(group.article_ids, max_bullets=limits[0], max_events=limits[1])
                reask = self.template.render("shorter", bullets=limits[0], events=limits[1])
                messages = [*base, {"role": "user", "content": reask}]
                continue
            try:
                out = LLMGroupOutput.model_validate_json(_strip_fences(completion.text))
            except ValidationError as e:
                problems = validation_problems(e)
                failures = [f"- the reply is not valid JSON for the schema: {p}" for p in problems]
            else:
                if ctx is None:
                    ctx = await run_cpu(Context.of, group)
                grounded = await run_cpu(ground_output, out, ctx, languages)
                kept.add(grounded)
                problems = grounded.problems + kept.gaps(languages)
                failures = [f"- {item}\n  " + "\n  ".join(ps) for _, item, ps in grounded.failures]
                failures += [f"- {gap}" for gap in kept.gaps(languages)]
                flags += [_flag(group.id, "repaired_quote", r) for r in grounded.repairs]
                if not problems or final:
                    if final:
                        flags += [_flag(group.id, kind, "; ".join(ps)) for kind, _, ps in grounded.failures]
                    if kept.servable(languages):
                        result = kept.result(group, languages, usage, flags)
                        self.cache.set(key, _to_cache(result))
                        return result
            if final:
                break
            flags.append(_flag(group.id, "reask", f"attempt {attempt + 1}: " + "; ".join(problems)[:500]))
            reask = self.template.render("reask", errors="\n".join(failures))
            messages = [*base, {"role": "user", "content": reask}]
        raise UpstreamBadOutput(
            f"model {self.model!r} gave no usable answer for group {group.id} after {attempt + 1} attempts: "
            + "; ".join(problems)[:1000]
        )


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
