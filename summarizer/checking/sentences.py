"""A source sentence as the checks read it, and the word roots claims and sentences are aligned by."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.articles import Article
from summarizer.reading.checkable import Facts, read
from summarizer.reading.text import dateline_end


@dataclass(frozen=True)
class Sentence:
    """One body sentence of an article, read without its wire dateline."""

    article: Article
    index: int  # position among the article's body sentences
    text: str

    @property
    def plain(self) -> str:
        """The text without a wire dateline ("MOSCOW/TEHRAN, Nov 29 (Levant Wire) -"): where it was filed
        is not what happened; a line that holds only a dateline and its outlet states nothing."""
        end = dateline_end(self.text)
        rest = self.text[end:]
        if end and len(rest.split()) <= 5 and not re.search(r"[\d.!?؟]", rest):
            return " " * len(self.text)  # "عتق (اليمن) – شبكة حضرموت الإخبارية": where and who filed it, nothing more
        return " " * end + rest

    @property
    def facts(self) -> Facts:
        return read(self.plain, self.article.published_at)


_EN_SUFFIX = re.compile(r"(?:ing|ed|es|e|s)$")


@lru_cache(maxsize=1 << 14)
def roots(keys: frozenset[str]) -> frozenset[str]:
    """Keys with an English word's inflection off ("matched" and "match", "figures" and "figure"), so a
    paraphrase that inflects a word otherwise still shares it; Arabic keys as they are."""
    return frozenset(_EN_SUFFIX.sub("", k) if k.isascii() and len(k) > 4 else k for k in keys)
