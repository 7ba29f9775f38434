"""A summary split into the claims that are checked one by one: sentences, bullets, clauses."""

from __future__ import annotations

import re

from summarizer.reading.text import split_sentences, words

_BULLET = re.compile(r"^\s*(?:[-*•·▪–—]|\d{1,2}[.)])\s+")


_CLAUSES = re.compile(r"\s*(?:[;؛]|,\s+(?:but|while|whereas|though|although)\s+|,\s+and\s+(?=(?:the|a|an|its|their)\s|[A-Z])|،\s*(?:لكن|ولكن|إلا أن|فيما|بينما|في حين)\s+)\s*")


def split_claims(text: str) -> list[str]:
    """A summary's claims: its sentences and bullet lines, with clauses split at semicolons and at a contrast
    ("..., but the army denied ...", "...، فيما نفى الجيش ..."): each side has its own evidence."""
    out: list[str] = []
    for span in split_sentences(text):
        line = _BULLET.sub("", span.of(text))
        for part in _CLAUSES.split(line):
            part = part.strip()
            if len(words(part)) >= 2:
                out.append(part)
    return out
