"""summarizer: grounded Arabic and English news summaries and timelines."""
