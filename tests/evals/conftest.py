"""A small eval dataset written here (two seed articles, one case, a few statements), in a temp folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarizer.evals import datasets as ds

SEEDS = ds.DATASETS / "articles"
ATARIB = "لقي 15 مدنيا بينهم 4 أطفال وامرأتان حتفهم"
IDLIB = "قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب"

STATEMENTS = [
    {"id": "f1", "setting": "ar", "article_ids": ["002"], "text": "قتل 15 مدنيا في غارة على الأتارب يوم الخميس", "label": "supported"},
    {"id": "f1-n", "setting": "ar", "article_ids": ["002"], "text": "قتل 16 مدنيا في غارة على الأتارب يوم الخميس", "label": "unsupported", "change": "number", "of": "f1"},
    {"id": "f1-d", "setting": "ar", "article_ids": ["002"], "text": "قتل 15 مدنيا في غارة على الأتارب يوم الجمعة", "label": "unsupported", "change": "date", "of": "f1"},
    {"id": "x1", "setting": "en-about-ar", "article_ids": ["000"], "text": "Four civilians were killed and 20 injured in Idlib city.", "label": "supported"},
    {"id": "x1-p", "setting": "en-about-ar", "article_ids": ["000"], "text": "Four civilians were killed and 20 injured in Hama city.", "label": "unsupported", "change": "place", "of": "x1"},
    {"id": "x1-n", "setting": "en-about-ar", "article_ids": ["000"], "text": "Twenty civilians were killed in Idlib city.", "label": "unsupported", "change": "number", "of": "x1"},
]


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    root = tmp_path / "datasets"
    (root / "articles").mkdir(parents=True)
    index = json.loads((SEEDS / "index.json").read_text("utf-8"))
    index["articles"] = [a for a in index["articles"] if a["id"] in ("000", "002")]
    for a in index["articles"]:
        shutil.copy(SEEDS / a["file"], root / "articles" / a["file"])
    (root / "articles" / "index.json").write_text(json.dumps(index, ensure_ascii=False), "utf-8")
    case = {
        "id": "mini",
        "about": "the Atarib strike and the Idlib toll",
        "article_ids": ["000", "002"],
        "events": [
            {"article_id": "002", "anchor": ATARIB, "date": "2024-11-28", "region": "aleppo", "event_type": "strike", "fatalities": 15},
            {"article_id": "000", "anchor": IDLIB, "date": "2024-12-01", "region": "idlib", "event_type": "strike", "fatalities": 4, "injured": 20},
        ],
        "summaries": {
            "ar": "قتل 4 مدنيين وأصيب 20 في غارات على مدينة إدلب، وقتل 15 مدنيا في غارة على الأتارب.",
            "en": "Air strikes killed four civilians in Idlib city and 15 in al-Atarib.",
        },
    }
    (root / "cases").mkdir()
    (root / "cases" / "mini.jsonl").write_text(json.dumps(case, ensure_ascii=False) + "\n", "utf-8")
    (root / "statements").mkdir()
    (root / "statements" / "mini.jsonl").write_text(
        "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in STATEMENTS), "utf-8"
    )
    return root
