"""Grounding: every quote is an exact substring of its article; numbers and languages agree with evidence."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from summarizer.articles import Article
from summarizer.schemas import Evidence, Lang
from summarizer.text import find_exact_or_folded, fold, script_counts

MAX_QUOTE_CHARS = 600


@dataclass
class Check:
    """What a check found: problems (the item cannot be served as is) and repairs made on the way."""

    problems: list[str] = field(default_factory=list)
    repairs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def ground_evidence(
    evidence: list[Evidence], articles: Mapping[str, Article], where: str
) -> tuple[list[Evidence], Check]:
    """Each quote located in its own article. A quote that matches only after folding (quote marks,
    white space, diacritics, alef forms) is replaced by the article's exact words and reported as repaired."""
    check = Check()
    fixed: list[Evidence] = []
    for i, ev in enumerate(evidence):
        at = f"{where}.evidence[{i}]"
        article = articles.get(ev.article_id)
        if article is None:
            check.problems.append(
                f"{at}.article_id {ev.article_id!r} is not one of this group's articles ({', '.join(articles)})"
            )
            continue
        if len(ev.quote) > MAX_QUOTE_CHARS:
            check.problems.append(
                f"{at}.quote is {len(ev.quote)} characters; quote at most {MAX_QUOTE_CHARS}"
            )
            continue
        span = find_exact_or_folded(article.text, ev.quote)
        if span is None:
            check.problems.append(f"{at}.quote is not in article {ev.article_id!r}: {ev.quote[:120]!r}")
            continue
        exact = article.text[span[0] : span[1]]
        if exact != ev.quote:
            check.repairs.append(f"{at}.quote restored to the article's exact wording")
        fixed.append(Evidence(article_id=ev.article_id, quote=exact))
    return fixed, check


_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def numbers_in(text: str) -> set[str]:
    """Digit numbers in a text, in any script, normalised ("١٢" and "12" are the same; "1,200" is 1200)."""
    return {n.replace(",", "") for n in _NUMBER.findall(fold(text))}


def unsupported_numbers(claim: str, evidence: list[Evidence]) -> set[str]:
    """Numbers written in digits in a claim that none of its evidence quotes contains."""
    have: set[str] = set()
    for ev in evidence:
        have |= numbers_in(ev.quote)
    return numbers_in(claim) - have


def language_ok(text: str, lang: Lang) -> bool:
    """Arabic fields written in Arabic script, English fields in Latin (a few names of the other script allowed)."""
    ar, lat = script_counts(text)
    if ar + lat == 0:
        return True
    share = ar / (ar + lat) if lang == "ar" else lat / (ar + lat)
    return share >= 0.6
