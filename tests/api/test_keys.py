"""API keys, scopes, rate limits, CORS, and who may start the server where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from summarizer import cli
from summarizer.api.limits import RateLimiter
from summarizer.errors import RateLimited
from summarizer.keys import KeyRing, parse_scopes
from tests.api.conftest import MakeClient
from tests.api.test_hostile import TEXT, assert_shape

ARTICLE = {"id": "k1", "text": TEXT, "published_at": "2024-12-01T10:00:00+03:00"}


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    path = tmp_path / "keys.json"
    ring = KeyRing.load(path)
    made = {
        scopes: ring.add(path, parse_scopes(scopes))
        for scopes in ("read", "read,write", "write", "verify", "admin")
    }
    return path, made


def test_the_keys_file_holds_only_salted_hashes(keys: tuple[Path, dict[str, str]]) -> None:
    path, made = keys
    stored = path.read_text("utf-8")
    for key in made.values():
        assert key.split("_")[2] not in stored and key not in stored
    rows = json.loads(stored)["keys"]
    assert len({r["salt"] for r in rows}) == len(rows) == 5
    assert path.stat().st_mode & 0o077 == 0  # not readable by others
    ring = KeyRing.load(path)
    assert all(ring.check(k) is not None for k in made.values())
    assert ring.check(made["read"][:-1] + "x") is None and ring.check("smz_nope_nope") is None


def test_without_keys_loopback_needs_none(client: TestClient) -> None:
    assert client.post("/summarize", json={"articles": [ARTICLE]}).status_code == 200


def test_scopes(make_client: MakeClient, keys: tuple[Path, dict[str, str]]) -> None:
    path, made = keys
    client = make_client(keys_file=path)
    body = {"articles": [ARTICLE]}
    assert client.get("/health").status_code == 200  # liveness needs no key
    assert_shape(client.post("/summarize", json=body), 401)
    assert_shape(client.get("/timeline"), 401)
    r = client.post("/summarize", json=body, headers={"Authorization": "Bearer smz_000000000000_wrong"})
    assert assert_shape(r, 401)["code"] == "unauthorized" and r.headers["www-authenticate"] == "Bearer"
    assert_shape(client.post("/summarize", json=body, headers={"X-API-Key": made["read"]}), 403)
    assert client.post("/summarize", json=body, headers={"X-API-Key": made["read,write"]}).status_code == 200
    assert client.get("/timeline", headers={"Authorization": f"Bearer {made['read']}"}).status_code == 200
    assert client.get("/regions", headers={"Authorization": f"Bearer {made['read']}"}).status_code == 200
    assert_shape(client.get("/timeline", headers={"X-API-Key": made["write"]}), 403)
    verify = {"articles": [ARTICLE], "summary": "قتل 4 مدنيين."}
    assert_shape(client.post("/verify", json=verify, headers={"X-API-Key": made["read,write"]}), 403)
    assert client.post("/verify", json=verify, headers={"X-API-Key": made["verify"]}).status_code == 200
    assert client.get("/timeline", headers={"X-API-Key": made["admin"]}).status_code == 200


def test_articles_belong_to_the_key_that_posted_them(
    make_client: MakeClient, keys: tuple[Path, dict[str, str]]
) -> None:
    path, made = keys
    client = make_client(keys_file=path)
    mine, theirs = {"X-API-Key": made["read,write"]}, {"X-API-Key": made["write"]}
    assert client.post("/summarize", json={"articles": [ARTICLE]}, headers=mine).status_code == 200
    before = client.get("/timeline", headers=mine).json()["events"]
    other = {**ARTICLE, "text": "قتل 40 مدنيا في غارة على مدينة حلب.", "correction": True}
    err = assert_shape(
        client.post("/summarize", json={"articles": [other]}, headers=theirs), 409, "articles.id"
    )
    assert "'k1'" in err["message"] and "another client" in err["message"]
    # even the same text: the id is taken
    assert_shape(client.post("/summarize", json={"articles": [ARTICLE]}, headers=theirs), 409)
    assert client.get("/timeline", headers=mine).json()["events"] == before
    assert client.post("/summarize", json={"articles": [ARTICLE]}, headers=mine).status_code == 200


def test_rate_limit_is_per_key_with_retry_after(
    make_client: MakeClient, keys: tuple[Path, dict[str, str]]
) -> None:
    path, made = keys
    client = make_client(keys_file=path, rate_per_minute=60, rate_burst=3)
    a, b = {"X-API-Key": made["read"]}, {"X-API-Key": made["admin"]}
    assert [client.get("/regions", headers=a).status_code for _ in range(3)] == [200] * 3
    r = client.get("/regions", headers=a)
    assert assert_shape(r, 429)["code"] == "rate_limited"
    assert 1 <= int(r.headers["retry-after"]) <= 2
    assert client.get("/regions", headers=b).status_code == 200  # another key has its own bucket


def test_the_bucket_refills() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=60, burst=2, clock=lambda: now[0])
    limiter.take("k")
    limiter.take("k")
    with pytest.raises(RateLimited) as info:
        limiter.take("k")
    assert info.value.retry_after == pytest.approx(1.0)
    now[0] = 1.0
    limiter.take("k")


def test_cors_is_off_unless_configured(make_client: MakeClient) -> None:
    preflight = {"Origin": "https://newsroom.example", "Access-Control-Request-Method": "GET"}
    off = make_client()
    assert "access-control-allow-origin" not in off.options("/timeline", headers=preflight).headers
    assert (
        "access-control-allow-origin"
        not in off.get("/regions", headers={"Origin": "https://x.example"}).headers
    )
    on = make_client(cors_origins="https://newsroom.example")
    r = on.get("/regions", headers={"Origin": "https://newsroom.example"})
    assert r.headers["access-control-allow-origin"] == "https://newsroom.example"
    assert (
        "access-control-allow-origin"
        not in on.get("/regions", headers={"Origin": "https://evil.example"}).headers
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.5", "::"])
def test_serve_refuses_an_open_address_without_keys(
    host: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_DATA_DIR", str(tmp_path))
    started: list[str] = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, **kw: started.append(host))
    assert cli.main(["serve", "--host", host]) == 2
    assert "refusing to serve" in capsys.readouterr().err and started == []
    assert cli.main(["serve", "--host", host, "--allow-no-keys"]) == 0
    monkeypatch.setenv("SUMMARIZER_ALLOW_NO_KEYS", "true")
    assert cli.main(["serve", "--host", host]) == 0
    assert started == [host, host]


def test_serve_with_keys_or_on_loopback_starts(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARIZER_DATA_DIR", str(tmp_path))
    started: list[str] = []
    monkeypatch.setattr("uvicorn.run", lambda app, host, **kw: started.append(host))
    assert cli.main(["serve"]) == 0  # the two-command start: loopback, no key
    path = tmp_path / "keys.json"
    monkeypatch.setenv("SUMMARIZER_KEYS_FILE", str(path))
    assert cli.main(["keys", "add", "--scope", "read,write"]) == 0
    assert cli.main(["serve", "--host", "0.0.0.0"]) == 0
    assert started == ["127.0.0.1", "0.0.0.0"]


def test_keys_cli_prints_the_key_once(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "keys.json"
    assert cli.main(["keys", "add", "--scope", "read,verify", "--name", "desk", "--file", str(path)]) == 0
    key = capsys.readouterr().out.strip()
    assert KeyRing.load(path).check(key) is not None
    assert cli.main(["keys", "list", "--file", str(path)]) == 0
    listed = capsys.readouterr().out
    assert "read,verify" in listed and "desk" in listed and key not in listed
    assert cli.main(["keys", "add", "--scope", "root", "--file", str(path)]) == 2
