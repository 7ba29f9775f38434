"""Recorded LLM responses: record them from a live provider once, replay them offline (CI has no network)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from summarizer import errors
from summarizer.engines.client import Completer, Completion, Message
from summarizer.errors import SummarizerError, UpstreamUnavailable


class MissingRecording(UpstreamUnavailable):
    code = "no_recording"


def request_key(model: str, messages: list[Message], schema: dict[str, Any]) -> str:
    """What identifies one request: the model, the exact messages (so the prompt) and the schema."""
    raw = json.dumps(
        {"model": model, "messages": messages, "schema": schema}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(raw.encode()).hexdigest()


class RecordingClient:
    """Passes calls to a live client and writes each response to ``directory``."""

    def __init__(self, inner: Completer, directory: Path, model: str) -> None:
        self.inner = inner
        self.directory = directory
        self.model = model
        directory.mkdir(parents=True, exist_ok=True)

    async def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        key = request_key(self.model, messages, schema)
        try:
            completion = await self.inner.complete(messages, schema=schema, schema_name=schema_name)
        except SummarizerError as e:  # a refusal is the model's behaviour too (a prompt over its context...)
            error = {
                "model": self.model,
                "schema_name": schema_name,
                "error": type(e).__name__,
                "message": e.message,
            }
            (self.directory / f"{key}.json").write_text(
                json.dumps(error, ensure_ascii=False, indent=1), "utf-8"
            )
            raise
        record = {
            "model": self.model,
            "schema_name": schema_name,
            "text": completion.text,
            "input_tokens": completion.input_tokens,
            "output_tokens": completion.output_tokens,
            "finish_reason": completion.finish_reason,
        }
        (self.directory / f"{key}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1), "utf-8")
        return completion


class ReplayClient:
    """Answers from recordings only; a request never recorded (a changed prompt) fails and says what to run."""

    def __init__(self, directory: Path, model: str) -> None:
        self.directory = directory
        self.model = model
        self.hits = 0
        self.missing = 0

    async def complete(
        self, messages: list[Message], *, schema: dict[str, Any], schema_name: str
    ) -> Completion:
        key = request_key(self.model, messages, schema)
        path = self.directory / f"{key}.json"
        if not path.is_file():
            self.missing += 1
            raise MissingRecording(
                f"no recorded response for this {schema_name} request to {self.model!r} in {self.directory} "
                "(the prompt, schema, model or articles changed since recording): record again with a provider "
                "configured: uv run summarizer eval --engine llm --responses record"
            )
        record = json.loads(path.read_text("utf-8"))
        self.hits += 1
        if "error" in record:
            kind = getattr(errors, record["error"], None)
            cls = (
                kind if isinstance(kind, type) and issubclass(kind, SummarizerError) else errors.UpstreamError
            )
            raise cls(record["message"])
        return Completion(
            text=record["text"],
            input_tokens=record["input_tokens"],
            output_tokens=record["output_tokens"],
            finish_reason=record.get("finish_reason"),
        )
