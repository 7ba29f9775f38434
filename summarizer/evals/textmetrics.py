"""Reference-overlap metrics that work for Arabic: ROUGE with an Arabic-aware tokenizer, and chrF."""

from __future__ import annotations

from summarizer.grouping import stem
from summarizer.reading.text import words


class ArabicAwareTokenizer:
    """Google's rouge-score drops every non-Latin letter (Arabic scores 0 even against itself). This keeps
    letters of any script, folds spelling variants (alef forms, ta marbuta, diacritics, digits) and takes
    off Arabic proclitics and the article, so "والمعارضة" and "المعارضه" are one token."""

    def tokenize(self, text: str) -> list[str]:
        return [stem(w) for w in words(text)]


def rouge(prediction: str, reference: str) -> dict[str, float]:
    """ROUGE-1, ROUGE-2 and ROUGE-L F-measures, 0..1."""
    from rouge_score import rouge_scorer  # dev-only dependency, imported when the evals run

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], tokenizer=ArabicAwareTokenizer())
    scores = scorer.score(reference, prediction)
    return {name: s.fmeasure for name, s in scores.items()}


def chrf(prediction: str, reference: str) -> float:
    """sacrebleu's chrF (character 6-grams, beta 2), 0..1: needs no tokenizer, so it suits Arabic."""
    from sacrebleu.metrics.chrf import CHRF

    return float(CHRF().sentence_score(prediction, [reference]).score) / 100.0
