"""Claims split from a summary (checking/claims.py): sentences, bullets, clauses and concessions."""

from __future__ import annotations

from summarizer.checking.claims import split_claims
from summarizer.checking.verify import verify_claims
from tests.checking.support import _sources


def test_split_claims_reads_sentences_bullets_and_clauses() -> None:
    text = "- Rebels entered Aleppo on Friday.\n- 15 were killed in al-Atarib; 5 were injured.\nقتل 4 مدنيين في إدلب. OK"
    assert split_claims(text) == [
        "Rebels entered Aleppo on Friday.",
        "15 were killed in al-Atarib",
        "5 were injured.",
        "قتل 4 مدنيين في إدلب.",
    ]


def test_a_concession_is_a_claim_of_its_own() -> None:
    text = "At least 19 fighters were killed, medics said, though the main hospital later put the toll at 26."
    assert split_claims(text) == ["At least 19 fighters were killed, medics said", "the main hospital later put the toll at 26."]
    source = "Medics said at least 19 fighters were killed in two days. A later tally from the main hospital put the number at 26."
    sources = _sources(source, "en")
    checks = verify_claims(sources, [(c, None) for c in split_claims(text)])
    assert all(c.supported for c in checks), [c.issues for c in checks]
