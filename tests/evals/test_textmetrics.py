"""ROUGE that sees Arabic, and chrF."""

from __future__ import annotations

import pytest

from summarizer.evals.textmetrics import ArabicAwareTokenizer, chrf, rouge

AR = "قتل أربعة مدنيين وأصيب عشرون آخرون في مدينة إدلب"


def test_arabic_scores_itself_perfectly_not_zero() -> None:
    assert rouge(AR, AR) == {"rouge1": 1.0, "rouge2": 1.0, "rougeL": 1.0}
    assert chrf(AR, AR) == pytest.approx(1.0)


def test_tokenizer_folds_spelling_and_proclitics() -> None:
    tok = ArabicAwareTokenizer()
    assert tok.tokenize("والمعارضة") == tok.tokenize("المعارضه") == ["معارضه"]
    assert tok.tokenize("Four KILLED") == ["four", "killed"]


def test_partial_overlap_is_between() -> None:
    other = "قتل 4 مدنيين في إدلب"
    r = rouge(other, AR)
    assert 0.2 < r["rouge1"] < 1.0 and r["rouge2"] < r["rouge1"]
    assert 0.0 < chrf(other, AR) < 1.0
    assert rouge("Fighting in Aleppo", AR)["rouge1"] == 0.0
