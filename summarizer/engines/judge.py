"""The optional LLM judge of /verify: meaning-level verdicts on claims, kept apart from the checker's."""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import ValidationError

from summarizer.articles import Article
from summarizer.engines.client import Completer
from summarizer.engines.prompts import PromptTemplate
from summarizer.errors import UpstreamBadOutput
from summarizer.schemas import JudgeOut, JudgeVerdict, Strict

SCHEMA_NAME = "claim_verdicts"


class JudgeReply(Strict):
    verdicts: list[JudgeVerdict]


class Judge:
    def __init__(self, client: Completer, template: PromptTemplate, model: str) -> None:
        self.client = client
        self.template = template
        self.model = model

    async def __call__(self, articles: Sequence[Article], claims: Sequence[str]) -> JudgeOut:
        t = self.template
        rendered = "\n\n".join(
            t.render(
                "article",
                id=a.id,
                published_at=a.published_at.isoformat(),
                body="\n".join(span.of(a.text) for span in a.body),
            )
            for a in articles
        )
        numbered = "\n".join(f"{i}. {c}" for i, c in enumerate(claims))
        messages = [
            {"role": "system", "content": t.render("system")},
            {"role": "user", "content": t.render("user", articles=rendered, claims=numbered)},
        ]
        completion = await self.client.complete(
            messages, schema=JudgeReply.model_json_schema(), schema_name=SCHEMA_NAME
        )
        try:
            reply = JudgeReply.model_validate_json(completion.text)
        except ValidationError as e:
            raise UpstreamBadOutput(f"judge model {self.model!r} gave verdicts that do not fit the schema: {e.errors()[0]['msg']}") from None
        verdicts = {v.claim: v for v in reply.verdicts if 0 <= v.claim < len(claims)}
        if len(verdicts) != len(claims):
            missing = sorted(set(range(len(claims))) - set(verdicts))
            raise UpstreamBadOutput(f"judge model {self.model!r} gave no verdict for claims {missing}")
        return JudgeOut(
            model=self.model, prompt_version=t.version, verdicts=[verdicts[i] for i in range(len(claims))]
        )
