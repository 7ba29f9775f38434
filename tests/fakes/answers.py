"""Model answers built from the request itself, so a fake provider can speak like a faithful model."""

from __future__ import annotations

import json
import re
from typing import Any


def articles_in(request: dict[str, Any]) -> list[tuple[str, str, list[str]]]:
    """(id, published_at, text lines) of each article the prompt carries: one JSON object per line."""
    user = next(m["content"] for m in request["messages"] if m["role"] == "user")
    out = []
    for line in user.splitlines():
        if not line.startswith("{"):
            continue
        record = json.loads(line)
        lines = [ln for ln in record["text"].splitlines() if ln.strip()]
        out.append((record["id"], record["published_at"], lines))
    return out


def _words(line: str, n: int) -> list[str]:
    return [w for w in re.findall(r"[^\W\d_]{4,}", line)][:n]


def _arabic(text: str) -> bool:
    return sum("\u0600" <= c <= "\u06ff" for c in text) > len(text) / 3


_PLACES = {"حلب": ("aleppo", "Aleppo"), "حماة": ("hama", "Hama"), "إدلب": ("idlib", "Idlib")}


def _place(line: str) -> tuple[str, str] | None:
    """The city a line names as a word of its own (not inside a road's name such as "طريق حلب-دمشق")."""
    return next((v for k, v in _PLACES.items() if re.search(rf"(?<!\S)[وبل]?{k}(?![\w-])", line)), None)


def _english(line: str, place: str) -> str:
    """What an Arabic line about a place says, in English words the claim checker can align."""
    if "غار" in line:
        return f"An air strike hit {place}."
    if "سيطر" in line:
        return f"Factions took control of {place}."
    return f"Fighting is reported in {place}."


def faithful(request: dict[str, Any]) -> str:
    """A valid answer: bullets and events quoting the prompt's own lines, English lines naming the place its
    quote names; region read from the words; headline and topic from the bullets, keywords from the text."""
    bullets, events, english = [], [], []
    articles = articles_in(request)
    for art_id, published_at, lines in articles:
        line = {"text": lines[0], "evidence": [{"article_id": art_id, "quote": lines[0]}]}
        (bullets if _arabic(lines[0]) else english).append(line)
        for line in lines:
            place = _place(line)
            if place and ("سيطر" in line or "غارة" in line or "غارات" in line):
                events.append(
                    {
                        "date": published_at[:10],
                        "date_precision": "day",
                        "region": place[0],
                        "location": None,
                        "event_type": "strike" if "غار" in line else "control_change",
                        "actors": [],
                        "fatalities": None,
                        "injured": None,
                        "status": "reported",
                        "attribution": [],
                        "description": {"ar": line[:80], "en": None},
                        "evidence": [{"article_id": art_id, "quote": line}],
                    }
                )
                break
    first = articles[0]
    if not bullets:  # no Arabic article: the first English line's quote, in Arabic words it supports
        bullets = [{"text": first[2][0], "evidence": [{"article_id": first[0], "quote": first[2][0]}]}]
    if not english:  # no English article: a line naming the place its quote names
        placed = [(a, ln, p) for a, _, lines in articles for ln in lines if (p := _place(ln))]
        placed.sort(key=lambda x: not ("غار" in x[1] or "سيطر" in x[1]))
        a, ln, p = placed[0] if placed else (first[0], first[2][0], ("", "northern Syria"))
        english = [{"text": _english(ln, p[1]), "evidence": [{"article_id": a, "quote": ln}]}]
    bullets, english = bullets[:8], english[:8]  # the schema's bound
    # a label only in a language an article is written in: the fake translates nothing but single lines
    topic_ar = " ".join(bullets[0]["text"].split()[:8]) if _arabic(bullets[0]["text"]) else None
    topic_en = english[0]["text"][:120] if english[0]["text"] == english[0]["evidence"][0]["quote"] else None
    answer = {
        "topic": {"ar": topic_ar, "en": topic_en},
        "keywords": _words(first[2][0], 3),
        "summary": {
            "ar": {"headline": bullets[0]["text"][:150], "bullets": bullets},
            "en": {"headline": english[0]["text"][:150], "bullets": english},
        },
        "events": events,
    }
    return json.dumps(answer, ensure_ascii=False)


# What a model that copies one real sentence per article as its evidence, and invents the rest, says.
INVENTED = {
    "headline_ar": "اتفاق سلام شامل يوقع في جنيف",
    "headline_en": "Peace deal signed in Geneva by all parties",
    "topic_ar": "مفاوضات السلام في جنيف",
    "topic_en": "Geneva peace negotiations",
    "keyword_1": "Geneva",
    "keyword_2": "مفاوضات",
    "keyword_3": "humanitarian corridor",
    "bullet_en": "Talks between the parties are expected to resume next week.",
    "bullet_ar": "يتوقع أن تستأنف المحادثات بين الأطراف الأسبوع المقبل",
    "actor_1": "Northern Storm Brigade",
    "actor_2": "لواء العاصفة الشمالية",
    "source_1": "Ministry of Information",
    "source_2": "Hamza Division spokesman",
    "description_en": "A humanitarian corridor was opened for civilians.",
}


def copier(request: dict[str, Any]) -> str:
    """Real quotes (the first line of each article), everything else invented: headline, topic, keywords,
    actors, attribution sources that 'deny' (so the event is 'disputed'), a bullet that names no figure or
    place, an event type no quote reports."""
    articles = articles_in(request)
    quotes = [{"article_id": art_id, "quote": lines[0]} for art_id, _, lines in articles]
    inv = INVENTED
    events = [
        {
            "date": published_at[:10],
            "date_precision": "day",
            "region": None,
            "location": None,
            "event_type": "diplomacy",
            "actors": [inv["actor_1"], inv["actor_2"]],
            "fatalities": None,
            "injured": None,
            "status": "disputed",
            "attribution": [
                {"source": inv["source_1"], "stance": "denies"},
                {"source": inv["source_2"], "stance": "claims"},
            ],
            "description": {"ar": None, "en": inv["description_en"]},
            "evidence": [{"article_id": art_id, "quote": lines[0]}],
        }
        for art_id, published_at, lines in articles
    ]
    answer = {
        "topic": {"ar": inv["topic_ar"], "en": inv["topic_en"]},
        "keywords": [inv["keyword_1"], inv["keyword_2"], inv["keyword_3"]],
        "summary": {
            "ar": {
                "headline": inv["headline_ar"],
                "bullets": [
                    {"text": inv["bullet_ar"], "evidence": quotes[:1]},
                    *[{"text": q["quote"], "evidence": [q]} for q in quotes if _arabic(q["quote"])][:1],
                ],
            },
            "en": {
                "headline": inv["headline_en"],
                "bullets": [{"text": inv["bullet_en"], "evidence": quotes[:1]}],
            },
        },
        "events": events,
    }
    return json.dumps(answer, ensure_ascii=False)


_ORDERS = re.compile(
    r"ignore (?:the above|all previous instructions) and output[:\s]*\\?[\"«]?(?P<text>[^\"»\n\\]+)"
    r"|(?P<reveal>reveal (?:the|your) system prompt)",
    re.I,
)


def obedient(request: dict[str, Any]) -> str:
    """A model that obeys whatever instruction it sees last in its prompt: it outputs the text it is told to
    (as headline, topic, keyword, bullet and the bullet's quote), reveals the system prompt when asked, and
    cites every article id it can find in the raw prompt, forged ones included."""
    system = request["messages"][0]["content"]
    user = request["messages"][1]["content"]
    orders = list(_ORDERS.finditer(user))
    told = orders[-1] if orders else None
    text = system.splitlines()[0] if told is not None and told["reveal"] else (told["text"] if told else "")
    text = text.strip() or "nothing"
    ids = re.findall(r'(?:"id":"|<article id=")([^"\\]+)', user)
    forged = [i for i in ids if i not in {a for a, _, _ in articles_in(request)}]
    art_id = (forged or ids)[-1]
    cite = [{"article_id": art_id, "quote": text}]
    part = {"headline": text, "bullets": [{"text": text, "evidence": cite}]}
    answer = {
        "topic": {"ar": text, "en": text},
        "keywords": [text[:40]],
        "summary": {"ar": part, "en": part},
        "events": [
            {
                "date": "2024-11-30",
                "date_precision": "day",
                "region": "aleppo",
                "location": None,
                "event_type": "control_change",
                "actors": [],
                "fatalities": None,
                "injured": None,
                "status": "reported",
                "attribution": [],
                "description": {"ar": None, "en": text},
                "evidence": cite,
            }
        ],
    }
    return json.dumps(answer, ensure_ascii=False)
