"""A lexicon's words as one regex alternation shaped as a trie: the matches of longest-first alternatives, tried in a few steps."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # the key marking that a word ends at a node


def alternation(words: Iterable[str]) -> str:
    """A regex (no group of its own to number) matching exactly what the alternatives ``w1|w2|...`` of
    ``words``, escaped and sorted longest first, match, in the same order of preference.

    Sorted longest first, the alternatives that match at one position are prefixes of one another, and the
    engine tries them longest first (and shorter ones on backtracking). The trie tries them in that same
    order (a node's longer continuations before the word that ends there), but reads each character once
    instead of once per alternative: a lexicon of hundreds of cues costs a few steps per word start."""
    unique = set(words)
    if not unique:
        raise ValueError("alternation of no words")
    if _END in unique:
        raise ValueError("alternation with an empty word")
    root: _Node = {}
    for w in unique:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[_END] = {}
    return _emit(root)


def _emit(node: _Node) -> str:
    ends = _END in node
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    if len(branches) == 1 and not ends:
        return branches[0]
    return "(?:" + "|".join(branches) + ")" + ("?" if ends else "")
