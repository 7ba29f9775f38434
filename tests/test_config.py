"""Settings from SUMMARIZER_* variables; a bad value stops start-up naming the variable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from summarizer.config import load_settings
from summarizer.errors import ConfigError


def test_defaults_are_the_offline_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    s = load_settings()
    assert s.model == "extractive" and s.engine == "extractive"
    assert s.timezone == "UTC" and str(s.data_dir) == "data"


def test_environment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZER_MODEL", "openai/gpt-4o-mini")
    monkeypatch.setenv("SUMMARIZER_TIMEZONE", "Asia/Damascus")
    monkeypatch.setenv("SUMMARIZER_LLM_MAX_CONCURRENCY", "7")
    s = load_settings()
    assert s.engine == "llm" and s.zone.key == "Asia/Damascus" and s.llm_max_concurrency == 7


@pytest.mark.parametrize(
    ("var", "value", "words"),
    [
        ("SUMMARIZER_TIMEZONE", "Mars/Olympus", "unknown time zone"),
        ("SUMMARIZER_LLM_TIMEOUT", "soon", "valid number"),
        ("SUMMARIZER_LLM_MAX_CONCURRENCY", "0", "greater than or equal to 1"),
        ("SUMMARIZER_API_BASE", "localhost:8000", "not an http(s) URL"),
        ("SUMMARIZER_FALLBACK", "maybe", "'none' or 'extractive'"),
        ("SUMMARIZER_MODEL", "  ", "empty"),
        ("SUMMARIZER_DATABASE_URL", "mysql://u@db/news", "postgresql://user:password@host:5432/name"),
        ("SUMMARIZER_DATABASE_URL", "postgresql://u:hunter2@db:5432", "names no database"),
        ("SUMMARIZER_DATABASE_URL", "postgresql://u:hunter2@db:port/x", "malformed"),
        ("SUMMARIZER_QUEUE_URL", "mysql://u:hunter2@db/q", "not a postgresql:// URL"),
    ],
)
def test_bad_values_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, var: str, value: str, words: str
) -> None:
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert var in info.value.message and words in info.value.message
    assert "hunter2" not in info.value.message  # a password in any URL is never echoed


def test_a_database_url_selects_postgres(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().database_url is None  # SQLite in the data dir
    monkeypatch.setenv("SUMMARIZER_DATABASE_URL", "postgresql://news:pw@db.internal:5432/summarizer")
    s = load_settings()
    assert s.database_url == "postgresql://news:pw@db.internal:5432/summarizer" and "pw@" not in repr(s)


def test_serve_refuses_to_start_on_a_bad_value(tmp_path: object) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "serve"],
        env={"SUMMARIZER_TIMEZONE": "Nowhere/Land", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "SUMMARIZER_TIMEZONE='Nowhere/Land'" in proc.stderr


def test_serve_refuses_to_start_an_llm_without_its_key(tmp_path: object) -> None:
    """Not a 502 on every request: the start stops, naming the variable to set."""
    proc = subprocess.run(
        [sys.executable, "-m", "summarizer.cli", "serve"],
        env={
            "SUMMARIZER_MODEL": "openai/local-model",
            "SUMMARIZER_API_BASE": "http://127.0.0.1:9/v1",
            "SUMMARIZER_DATA_DIR": str(tmp_path),
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2, proc.stderr
    assert "needs an API key" in proc.stderr and "SUMMARIZER_API_KEY" in proc.stderr
