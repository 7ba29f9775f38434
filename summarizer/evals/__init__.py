"""Evals: datasets with gold facts, scorers, reports against a committed baseline."""
