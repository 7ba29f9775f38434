"""Model answers built from the request itself, so a fake provider can speak like a faithful model."""

from __future__ import annotations

import json
import re
from typing import Any

_ARTICLE = re.compile(r'<article id="([^"]+)" published_at="([^"]+)"[^>]*>\n(.*?)\n</article>', re.S)


def articles_in(request: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(id, published_at, body lines) of each article the prompt carries."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    return [(i, p, [ln for ln in body.splitlines() if ln.strip()]) for i, p, body in _ARTICLE.findall(user)]


def _arabic(text: str) -> bool:
    return sum("\u0600" <= c <= "\u06ff" for c in text) > len(text) / 3


def faithful(request: dict[str, Any]) -> str:
    """A valid answer: bullets and events quoting the prompt's own lines; region read from the words."""
    bullets, events, english = [], [], []
    for art_id, published_at, lines in articles_in(request):
        line = {"text": lines[0], "evidence": [{"article_id": art_id, "quote": lines[0]}]}
        (bullets if _arabic(lines[0]) else english).append(line)
        for line in lines:
            region = (
                "aleppo"
                if "حلب" in line
                else "hama"
                if "حماة" in line
                else "idlib"
                if "إدلب" in line
                else None
            )
            if region and ("سيطر" in line or "غارة" in line or "غارات" in line):
                events.append(
                    {
                        "date": published_at[:10],
                        "date_precision": "day",
                        "region": region,
                        "location": None,
                        "event_type": "strike" if "غار" in line else "control_change",
                        "actors": [],
                        "fatalities": None,
                        "injured": None,
                        "status": "reported",
                        "attribution": [],
                        "description": {"ar": line[:80], "en": "Fighting reported."},
                        "evidence": [{"article_id": art_id, "quote": line}],
                    }
                )
                break
    first = articles_in(request)[0]
    if not bullets:  # no Arabic article: a bullet that states nothing the quote does not
        bullets = [{"text": "تتواصل التطورات.", "evidence": [{"article_id": first[0], "quote": first[2][0]}]}]
    answer = {
        "topic": {"ar": "هجوم الفصائل في شمال غرب سوريا", "en": "Opposition offensive in north-west Syria"},
        "keywords": ["حلب", "حماة"],
        "summary": {
            "ar": {"headline": "تطورات المعارك في الشمال السوري", "bullets": bullets},
            "en": {
                "headline": "Fighting in north-west Syria",
                "bullets": english
                or [
                    {
                        "text": "Fighting is reported in northern Syria.",
                        "evidence": [{"article_id": first[0], "quote": first[2][0]}],
                    }
                ],
            },
        },
        "events": events,
    }
    return json.dumps(answer, ensure_ascii=False)
