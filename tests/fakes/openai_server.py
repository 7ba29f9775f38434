"""A fake OpenAI-compatible chat server on loopback, answering from a scripted queue; counts its calls."""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Cut:
    """A reply cut at max_tokens: the content so far, finish_reason "length"."""

    content: str


Reply = (
    str
    | Cut
    | tuple[int, dict[str, Any]]
    | tuple[int, dict[str, Any], dict[str, str]]
    | Callable[[dict[str, Any]], str]
)
ECHO = "{headers}"  # in an error reply's body: replaced by the request's headers, as careless providers do


def completion_body(content: str, model: str = "fake-model", finish_reason: str = "stop") -> dict[str, Any]:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 1733050000,
        "model": model,
        "choices": [
            {"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": finish_reason}
        ],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
    }


@dataclass
class FakeOpenAI:
    """Replies in order: a string is the assistant's content; (status, body) or (status, body, headers) an
    HTTP error (ECHO in the body's text is replaced by the request's headers); a callable gets the request
    JSON and returns content. When the queue is empty, `default` (if set) answers."""

    replies: deque[Reply] = field(default_factory=deque)
    default: Reply | None = None
    delay: float = 0.0
    requests: list[dict[str, Any]] = field(default_factory=list)
    max_in_flight: int = 0
    _in_flight: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    @property
    def calls(self) -> int:
        return len(self.requests)

    def push(self, *replies: Reply) -> None:
        self.replies.extend(replies)

    def start(self) -> FakeOpenAI:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with fake._lock:
                    fake.requests.append(body)
                    fake._in_flight += 1
                    fake.max_in_flight = max(fake.max_in_flight, fake._in_flight)
                    reply = fake.replies.popleft() if fake.replies else fake.default
                extra: dict[str, str] = {}
                if fake.delay:
                    time.sleep(fake.delay)
                with fake._lock:
                    fake._in_flight -= 1
                if reply is None:
                    status, payload = 500, {"error": {"message": "fake server: no scripted reply left"}}
                elif isinstance(reply, tuple):
                    status, payload = reply[0], reply[1]
                    extra = reply[2] if len(reply) == 3 else {}
                    seen = json.dumps(dict(self.headers.items()))
                    payload = json.loads(json.dumps(payload).replace(ECHO, seen.replace('"', "'")))
                elif isinstance(reply, Cut):
                    status, payload = 200, completion_body(reply.content, body.get("model", "fake-model"), "length")
                else:
                    content = reply(body) if callable(reply) else reply
                    status, payload = 200, completion_body(content, body.get("model", "fake-model"))
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    for name, value in extra.items():
                        self.send_header(name, value)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up waiting (a hung-provider test): nothing to answer

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
