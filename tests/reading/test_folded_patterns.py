"""Patterns matched against folded text spell their Arabic words folded (a hamza on the line or a final alef
maqsura in one never matches: "دقائق" folds to "دقايق"), or give the folded spelling beside them."""

from __future__ import annotations

import re

import pytest

from summarizer.checking import figures, names, parties, verify
from summarizer.engines import extractive
from summarizer.reading import facts, mood
from summarizer.reading.text import fold

# each of these is only ever searched in folded text (fold(...) or a folded sentence)
FOLDED_PATTERNS = {
    "extractive._DAY_BEFORE_TOLD": extractive._DAY_BEFORE_TOLD,
    "facts._SOURCE_AT": facts._SOURCE_AT,
    "facts._BEGAN": facts._BEGAN,
    "facts._COMPARED": facts._COMPARED,
    "parties._AGENT_BEFORE": parties._AGENT_BEFORE,
    "facts._YEAR_PHRASE": facts._YEAR_PHRASE,
    "facts._A_TOWN": facts._A_TOWN,
    "facts._SUBMITS": facts._SUBMITS,
    "mood._QUOTES_JOINED": mood._QUOTES_JOINED,
    "mood._OWN_AR": mood._OWN_AR,
    "figures._HEDGE": figures._HEDGE,
    "verify.LOCATOR": verify.LOCATOR,
    "names._AR_PLACE_NOUN": names._AR_PLACE_NOUN,
    "names._FACILITY": names._FACILITY,
}


@pytest.mark.parametrize("name", sorted(FOLDED_PATTERNS))
def test_every_arabic_word_has_its_folded_spelling(name: str) -> None:
    pattern = FOLDED_PATTERNS[name].pattern
    words = set(re.findall(r"[\u0621-\u064A]+", pattern))
    unmatched = sorted(w for w in words if fold(w) != w and fold(w) not in words)
    assert unmatched == [], f"{name}: {unmatched} never match folded text"
