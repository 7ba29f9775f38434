"""Batches as jobs: a /summarize body worked through group by group, in-process or on queue workers."""
