"""The offline engine starts without litellm: it is imported only when an LLM model is configured."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from fastapi.testclient import TestClient
from summarizer.api.app import create_app
from summarizer.config import load_settings
with TestClient(create_app(load_settings(data_dir=sys.argv[1]))) as c:
    r = c.post("/summarize", json={"articles": [{"text": "قتل 4 مدنيين في إدلب.", "published_at": "2024-12-01"}]})
    assert r.status_code == 200, r.text
print("litellm" in sys.modules)
"""


def test_offline_engine_never_imports_litellm(tmp_path: object) -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


LLM_PROBE = """
import sys
from fastapi.testclient import TestClient
from summarizer.api.app import create_app
from summarizer.config import load_settings
app = create_app(load_settings(data_dir=sys.argv[1], model="openai/m", api_base="http://127.0.0.1:9/v1", api_key="k"))
before = "litellm" in sys.modules
with TestClient(app) as c:
    print(before, "litellm" in sys.modules)  # after start-up, before any request
"""


def test_an_llm_is_imported_at_start_up_not_on_the_first_request(tmp_path: object) -> None:
    out = subprocess.run(
        [sys.executable, "-c", LLM_PROBE, str(tmp_path)], capture_output=True, text=True, timeout=180
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False True"
