"""A lexicon's trie alternation matches what the plain longest-first alternation of its words matches."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.reading import mood
from summarizer.reading.lexicon import alternation
from summarizer.reading.text import fold
from tests.conftest import load_seeds

_WORDS = st.lists(st.text(alphabet="abc ال", min_size=1, max_size=5), min_size=1, max_size=12)
_TEXT = st.text(alphabet="abc الو.", max_size=40)


def _plain(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=400, deadline=None)
@given(words=_WORDS, text=_TEXT)
def test_the_trie_finds_the_spans_the_longest_first_alternatives_find(words: list[str], text: str) -> None:
    for shape in ("{}", r"(?<![^\W\d_])(?:و|ال)?(?:{})", r"(?:{})(?![^\W\d_])", r"(?:{}) ?[ab]"):
        plain = re.compile(shape.format(_plain(words)))
        trie = re.compile(shape.format(alternation(words)))
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_the_trie_prefers_the_longest_word_and_backtracks_to_a_shorter_one() -> None:
    pattern = re.compile(f"(?:{alternation(['قصف', 'قصفت', 'قص'])})ت? ا")
    assert pattern.match("قصفت ا").group() == "قصفت ا"  # the longest first
    assert pattern.match("قصف ا").group() == "قصف ا"
    assert pattern.match("قصب") is None
    with pytest.raises(ValueError):
        alternation(["a", ""])


def test_the_event_and_mood_cues_read_the_seeds_as_the_plain_alternation_does() -> None:
    """Every cue list of events.json, as the readers build it (on the trie, with first-letter lookaheads)
    and as the plain longest-first alternatives of the same cues, finds the same spans in every line of the
    seed articles."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    lists = [[*t["ar"], *t["en"]] for t in data["types"]]
    lists += [[*v["ar"], *v["en"]] for v in data["mood"].values() if isinstance(v, dict) and "en" in v]
    lines = [fold(line) for a in load_seeds() for line in a["text"].split("\n") if line.strip()]
    hits = 0
    for cues in lists:
        trie = mood._pattern(cues)
        # without the first-letter lookaheads either: they only skip positions no cue can start at
        plain = re.compile(r"(?<![^\W\d_])(?:[وفبلك]|ال|وال)?(?:" + _plain([mood.folded_cue(c) for c in cues]) + ")")
        for line in lines:
            found = [m.span() for m in trie.finditer(line)]
            assert found == [m.span() for m in plain.finditer(line)]
            hits += len(found)
    assert hits > 50  # the cues do occur in the seeds: the comparison is not of empty lists
