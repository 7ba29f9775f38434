"""Benchmark: LLM tokens per article, the engine's way against a naive one, with a scripted fake model.

The engine sends one call per group (sentences repeated across articles sent once, articles as JSON lines,
a compact bounded schema) and re-asks only the failing items. The naive baseline sends one call per raw
article with the same instructions, the full pydantic schema (descriptions, titles) and, on a re-ask, the
whole conversation again. Tokens are counted offline with litellm's o200k tokenizer; a request's prompt
tokens are its messages plus the JSON schema it carries.

Scripted fake: every answer is faithful (quotes the prompt's own lines), except that the first answer of
every third group (``--reask-every``) carries an invented bullet, which the engine re-asks once.

    uv run python bench/tokens.py                 # seeds, all eval articles, one 8+ article group
    uv run python bench/tokens.py --reask-every 0 # no re-asks
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the scripted answers live with the test fakes

from summarizer.articles import Article, prepare  # noqa: E402
from summarizer.config import load_settings  # noqa: E402
from summarizer.engines import prompts  # noqa: E402
from summarizer.engines.answer_schema import full_schema  # noqa: E402
from summarizer.engines.cache import ResultCache  # noqa: E402
from summarizer.engines.client import Completion, Message, _litellm  # noqa: E402
from summarizer.engines.llm import LANG_NAMES, LLMEngine  # noqa: E402
from summarizer.errors import SummarizerError  # noqa: E402
from summarizer.grouping import ArticleGroup, group_articles  # noqa: E402
from summarizer.reading import places  # noqa: E402
from summarizer.schemas import ArticleIn  # noqa: E402
from tests.conftest import load_articles  # noqa: E402
from tests.fakes.answers import faithful  # noqa: E402

MODEL = "gpt-4o-mini"  # o200k, the tokenizer of today's OpenAI models


def tokens(text: str) -> int:
    return int(_litellm().token_counter(model=MODEL, text=text))


def request_tokens(messages: list[Message], schema: dict[str, Any]) -> int:
    text = "\n".join(m["content"] for m in messages)
    return tokens(text) + tokens(json.dumps(schema, ensure_ascii=False, separators=(",", ":")))


@dataclass
class Count:
    calls: int = 0
    prompt: int = 0
    completion: int = 0
    first_prompt: int = 0
    first_completion: int = 0

    def add(self, prompt: int, completion: int, first: bool) -> None:
        self.calls += 1
        self.prompt += prompt
        self.completion += completion
        if first:
            self.first_prompt += prompt
            self.first_completion += completion


def _invent(answer: str) -> str:
    """The faithful answer with one invented bullet: what a third of real answers look like."""
    data = json.loads(answer)
    for lang, text in (
        ("en", "Talks are expected to resume next week."),
        ("ar", "يتوقع استئناف المحادثات قريبا"),
    ):
        bullets = data["summary"][lang]["bullets"]
        bullets[-1:] = [bullets[-1], {"text": text, "evidence": bullets[0]["evidence"]}]
    return json.dumps(data, ensure_ascii=False)


@dataclass
class ScriptedModel:
    """A Completer: faithful answers built from the request; every n-th group's first answer is re-asked."""

    reask_every: int
    count: Count = field(default_factory=Count)
    seen: int = 0

    async def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        first = len(messages) == 2
        answer = faithful({"messages": messages})
        if first:
            self.seen += 1
            if self.reask_every and self.seen % self.reask_every == 0:
                answer = _invent(answer)
        p, c = request_tokens(messages, schema), tokens(answer)
        self.count.add(p, c, first)
        return Completion(text=answer, input_tokens=p, output_tokens=c)


def naive(articles: list[Article], reask_every: int, languages: list[str]) -> Count:
    """One call per raw article: the same system prompt, the article whole in the old tag format, the full
    schema; a re-ask resends the conversation with the answer and the errors."""
    t = prompts.load("summarize")
    langs = ", ".join(LANG_NAMES[lang] for lang in languages)
    system = t.render("system", regions=", ".join(r.slug for r in places.regions()), languages=langs)
    schema = full_schema()
    count = Count()
    for n, a in enumerate(articles, start=1):
        block = f'<article id="{a.id}" published_at="{a.published_at.isoformat()}" language="{a.language}">\n{a.text}\n</article>'
        user = t.render(
            "user", count=1, day=a.day.isoformat(), timezone="UTC", languages=langs, articles=block
        )
        messages: list[Message] = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        answer = faithful({"messages": _as_json_lines(messages, a)})
        count.add(request_tokens(messages, schema), tokens(answer), True)
        if reask_every and n % reask_every == 0:
            errors = "- summary.en.bullets[1].text states nothing the articles state"
            messages = [
                *messages,
                {"role": "assistant", "content": _invent(answer)},
                {"role": "user", "content": t.render("reask", errors=errors)},
            ]
            count.add(request_tokens(messages, schema), tokens(answer), False)
    return count


def _as_json_lines(messages: list[Message], a: Article) -> list[Message]:
    """The scripted answers read articles as JSON lines: give them the naive prompt's article that way."""
    record = {"id": a.id, "published_at": a.published_at.isoformat(), "text": a.text}
    return [messages[0], {"role": "user", "content": json.dumps(record, ensure_ascii=False)}]


def engine_count(groups: list[ArticleGroup], reask_every: int, languages: list[str]) -> Count:
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(model="openai/bench", data_dir=Path(tmp), llm_reasks=1)
        model = ScriptedModel(reask_every)
        engine = LLMEngine(settings, model, ResultCache(Path(tmp), enabled=False), prompts.load("summarize"))

        async def run() -> None:
            for g in groups:
                # the languages its articles are written in: the scripted model writes no translation
                langs = [lang for lang in languages if any(a.language == lang for a in g.articles)]
                try:
                    r = await engine.summarize_group(g, langs)  # type: ignore[arg-type]
                    for f in r.flags:
                        if f.kind == "reask" and "--verbose" in sys.argv:
                            print(f"(group {g.id}: {f.message[:300]})", file=sys.stderr)
                except SummarizerError as e:
                    print(f"(group {g.id}: {e.message[:120]})", file=sys.stderr)

        asyncio.run(run())
        return model.count


def row(name: str, articles: int, groups: int, ours: Count, base: Count) -> str:
    def per(x: int) -> str:
        return f"{x / articles:.0f}"

    return (
        f"| {name} | {articles} | {groups} | {per(ours.first_prompt)} | {per(base.first_prompt)} | "
        f"**{ours.first_prompt / base.first_prompt:.2f}** | {per(ours.prompt)} | {per(base.prompt)} | "
        f"**{ours.prompt / base.first_prompt:.2f}** | {per(ours.first_completion)} | {per(ours.completion)} | "
        f"{per(base.first_completion)} | {per(base.completion)} | {ours.calls} | {base.calls} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--reask-every", type=int, default=3, help="every n-th group's first answer is re-asked")
    ap.add_argument("--verbose", action="store_true", help="print why each re-ask was made")
    args = ap.parse_args()
    settings = load_settings()
    languages = ["ar", "en"]
    every = load_articles()
    seeds = [a for a in every if a["id"][:1].isdigit()]
    offensive = [a for a in every if a["id"][:1].isdigit() or a["id"].startswith("en-")]

    def prep(items: list[dict[str, Any]]) -> list[Article]:
        return prepare([ArticleIn(**a) for a in items], settings.zone, max_chars=settings.max_article_chars)

    sets: list[tuple[str, list[Article], list[ArticleGroup]]] = []
    for name, items in (("seeds (grouped by day)", seeds), ("all eval articles (grouped)", every)):
        arts = prep(items)
        sets.append((name, arts, group_articles(arts)))
    # groups of 8+ articles: the offensive story, every eval article, those written for the evals
    big = [prep(offensive), prep(every), prep([a for a in every if not a["id"][:1].isdigit()])]
    forced = [
        ArticleGroup(id=f"g_bench{i}", day=max(a.day for a in arts), articles=tuple(arts), keywords=())
        for i, arts in enumerate(big)
    ]
    sizes = "+".join(str(len(g.articles)) for g in forced)
    sets.append((f"three groups of 8+ articles ({sizes})", [a for arts in big for a in arts], forced))
    print(
        "| articles | n | groups | prompt/article, 1st attempt | naive | ratio | prompt/article, all attempts "
        "| naive | ratio to naive 1st | completion/article 1st | all | naive 1st | naive all | calls | naive |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, arts, groups in sets:
        ours = engine_count(groups, args.reask_every, languages)
        base = naive(arts, args.reask_every, languages)
        print(row(name, len(arts), len(groups), ours, base))
    print(
        f"\nRe-asks: every {args.reask_every}rd group's (and naive: article's) first answer; 'all attempts' ratio"
        " is against the naive baseline's first attempts. Tokens: o200k via litellm.token_counter."
    )


if __name__ == "__main__":
    main()
