"""Eval halves are stable and both non-empty; served events match gold by article, overlap and type; regions compare as ISO codes."""

from __future__ import annotations

import datetime as dt
import zlib

import pytest

from summarizer.evals import datasets as ds
from summarizer.evals import matching
from summarizer.evals.scorers import Tally, metric_name, scope_name, statement_half
from summarizer.schemas import Event, Evidence

TEXT = "Shelling killed 12 people in Khan Younis on Tuesday. The army said it was not targeting the hospital."


def test_half_is_a_stable_hash_of_the_id() -> None:
    for key in ("unseen-gaza-2024-08", "ar-f01", "x"):
        assert ds.half_of(key) == ds.half_of(key) == ("tuning" if zlib.crc32(key.encode()) % 2 == 0 else "held_out")
    assert {ds.half_of(f"item-{i}") for i in range(20)} == {"tuning", "held_out"}


def test_committed_data_has_both_halves_everywhere() -> None:
    data = ds.load()
    for collection in ds.COLLECTIONS:
        cases = [c for c in data.cases if data.collection(c.article_ids) == collection]
        statements = [s for s in data.statements if data.collection(s.article_ids) == collection]
        assert {ds.half_of(c.id) for c in cases} == set(ds.HALVES), collection
        assert {statement_half(s) for s in statements} == set(ds.HALVES), collection
    changed = [s for s in data.statements if s.of]
    assert changed and all(statement_half(s) == ds.half_of(s.of or "") for s in changed)


def test_unseen_articles_are_many_bilingual_and_fully_annotated() -> None:
    data = ds.load()
    unseen = [e for e in data.entries.values() if e.collection == "unseen"]
    assert len(unseen) >= 36 and {e.language for e in unseen} == {"ar", "en"}
    assert sum(e.off_topic for e in unseen) >= 6
    cases = [c for c in data.cases if data.collection(c.article_ids) == "unseen"]
    assert cases and all(c.exhaustive for c in cases)
    gold_articles = {g.article_id for c in cases for g in c.events}
    assert all((e.id in gold_articles) != e.off_topic for e in unseen)
    assert all(matching.region_iso(g.region) == g.region for c in cases for g in c.events if g.region)
    assert len([s for s in data.statements if data.collection(s.article_ids) == "unseen"]) >= 150


def test_the_second_unseen_batch_is_a_balanced_scope_of_its_own() -> None:
    data = ds.load()
    assert "unseen-2" in data.batches()
    entries = [e for e in data.entries.values() if e.batch == "unseen-2"]
    assert len(entries) >= 28 and all(e.collection == "unseen" and e.id.startswith("u2-") for e in entries)
    assert {e.language for e in entries if e.off_topic} == {"ar", "en"}
    cases = [c for c in data.cases if data.batch(c.article_ids) == "unseen-2"]
    assert all(c.exhaustive and c.id.startswith("u2-") for c in cases)
    for half in ds.HALVES:
        mine = [c for c in cases if ds.half_of(c.id) == half]
        assert len(mine) >= 10 and any(data.off_topic(a) for c in mine for a in c.article_ids), half
    statements = [s for s in data.statements if data.batch(s.article_ids) == "unseen-2"]
    for setting in ds.SETTINGS:
        mine = [s for s in statements if s.setting == setting]
        assert len(mine) >= 40 and {statement_half(s) for s in mine} == set(ds.HALVES), setting
        assert {s.label for s in mine} == {"supported", "unsupported", "unverifiable"}, setting


def _batch_scope(data: ds.Datasets, batch: str, prefix: str, articles: int) -> tuple[list[ds.Case], list[ds.Statement]]:
    """A written batch's cases and statements, after what every such batch must be: its own articles (ids
    with its prefix) in the 'unseen' collection, off-topic ones in both languages, exhaustive cases covering
    every article, regions as ISO codes."""
    entries = [e for e in data.entries.values() if e.batch == batch]
    assert len(entries) >= articles and all(e.collection == "unseen" and e.id.startswith(f"{prefix}-") for e in entries)
    assert {e.language for e in entries if e.off_topic} == {"ar", "en"}
    cases = [c for c in data.cases if data.batch(c.article_ids) == batch]
    assert all(c.exhaustive and c.id.startswith(f"{prefix}-") for c in cases)
    assert {a for c in cases for a in c.article_ids} == {e.id for e in entries}
    assert all(matching.region_iso(g.region) == g.region for c in cases for g in c.events if g.region)
    statements = [s for s in data.statements if data.batch(s.article_ids) == batch]
    assert all(s.id.startswith(prefix) for s in statements)
    return cases, statements


def test_the_third_unseen_batch_is_a_balanced_scope_of_its_own() -> None:
    data = ds.load()
    assert {"unseen-2", "unseen-3", "unseen-4", "unseen-5"} <= set(data.batches())
    cases, statements = _batch_scope(data, "unseen-3", "u3", 30)
    for half in ds.HALVES:
        mine = [c for c in cases if ds.half_of(c.id) == half]
        assert len(mine) >= 12 and any(data.off_topic(a) for c in mine for a in c.article_ids), half
        assert {data.entries[c.article_ids[0]].language for c in mine} == {"ar", "en"}, half
        assert sum(len(c.events) for c in mine) >= 60, half
    assert all(s.id.startswith(("u3ar-", "u3en-", "u3xa-")) for s in statements)
    for setting in ds.SETTINGS:
        mine_s = [s for s in statements if s.setting == setting]
        assert len(mine_s) >= 40 and {statement_half(s) for s in mine_s} == set(ds.HALVES), setting
        assert {s.label for s in mine_s} == {"supported", "unsupported", "unverifiable"}, setting
        assert {s.change for s in mine_s if s.change} >= {"number", "category", "stance", "place", "actor", "date"}, setting


def test_the_fourth_unseen_batch_is_a_balanced_scope_of_its_own() -> None:
    data = ds.load()
    assert "unseen-4" in data.batches()
    cases, statements = _batch_scope(data, "unseen-4", "u4", 28)
    for half in ds.HALVES:
        mine = [c for c in cases if ds.half_of(c.id) == half]
        assert len(mine) >= 12 and {data.entries[a].language for c in mine for a in c.article_ids if data.off_topic(a)} == {"ar", "en"}, half
        assert {data.entries[c.article_ids[0]].language for c in mine} == {"ar", "en"}, half
        assert sum(len(c.events) for c in mine) >= 50, half
    assert all(s.id.startswith(("u4ar-", "u4en-", "u4xa-")) for s in statements)
    for setting in ds.SETTINGS:
        mine_s = [s for s in statements if s.setting == setting]
        assert len(mine_s) >= 40 and {statement_half(s) for s in mine_s} == set(ds.HALVES), setting
        assert {(statement_half(s), s.label) for s in mine_s} == {(h, lab) for h in ds.HALVES for lab in ("supported", "unsupported", "unverifiable")}, setting
        assert {s.change for s in mine_s if s.change} == set(ds.CHANGES), setting


@pytest.mark.parametrize(
    ("batch", "prefix", "cases", "events", "statements", "labels"),
    [
        # unseen-5 and unseen-6 (3 December): written by someone who read no engine code, lexicon or test
        ("unseen-5", "u5", 7, 40, 12, {"supported", "unsupported"}),
        ("unseen-6", "u6", 6, 35, 14, {"supported", "unsupported", "unverifiable"}),
        # unseen-7 (4 December): written by someone who read no engine code, lexicon or test
        ("unseen-7", "u7", 6, 35, 14, {"supported", "unsupported", "unverifiable"}),
        # unseen-8 (4 December, fifth session): the same, measured blind on the whole batch before it was read
        ("unseen-8", "u8", 8, 55, 20, {"supported", "unsupported"}),
        # unseen-9 (4 December, sixth session): the same, measured blind on the whole batch before it was read
        ("unseen-9", "u9", 7, 50, 20, {"supported", "unsupported"}),
        # unseen-10 (4 December, seventh session): the same, written to evals/conventions.md, measured blind
        ("unseen-10", "u10", 8, 80, 24, {"supported", "unsupported"}),
        # unseen-11 (4 December, ninth session): the same, measured blind; its tuning half is the smaller (6 cases)
        ("unseen-11", "u11", 6, 50, 30, {"supported", "unsupported"}),
        # unseen-12 (4 December, ninth session): the same, written with the running-toll convention, measured blind
        ("unseen-12", "u12", 7, 60, 30, {"supported", "unsupported"}),
        # unseen-13 (4 December, tenth session): the same, measured blind; its held-out half is the smaller (6 cases)
        ("unseen-13", "u13", 6, 50, 30, {"supported", "unsupported"}),
    ],
)
def test_a_written_batch_is_a_scope_of_its_own_in_both_halves(
    batch: str, prefix: str, cases: int, events: int, statements: int, labels: set[str]
) -> None:
    data = ds.load()
    assert batch in data.batches()
    mine, said = _batch_scope(data, batch, prefix, 18)
    for half in ds.HALVES:
        in_half = [c for c in mine if ds.half_of(c.id) == half]
        assert len(in_half) >= cases and {data.entries[c.article_ids[0]].language for c in in_half} == {"ar", "en"}, half
        assert sum(len(c.events) for c in in_half) >= events, half
    for setting in ds.SETTINGS:
        mine_s = [s for s in said if s.setting == setting]
        assert len(mine_s) >= statements and {statement_half(s) for s in mine_s} == set(ds.HALVES), setting
        assert labels <= {s.label for s in mine_s}, setting


@pytest.mark.parametrize(
    ("batch", "articles", "off_topic", "least", "statements", "one_half"),
    [
        # unseen-14 (5 December, fourteenth session): measured blind in two parts; its one off-topic article is
        # English (the Arabic one was not finished in time)
        ("unseen-14", 11, ["en"], {"tuning": (5, 45), "held_out": (5, 45)}, 32, {}),
        # unseen-15 (5 December, fifteenth session): measured blind in two parts of six articles, each with an
        # off-topic story; both fell in the held-out half
        ("unseen-15", 12, ["ar", "en"], {"tuning": (7, 70), "held_out": (5, 20)}, 30, {}),
        # unseen-16 (5 December, sixteenth session): measured blind as one batch; both off-topic stories fell in the
        # tuning half, and four of its five held-out stories retell stories earlier batches hold in their tuning half
        ("unseen-16", 12, ["ar", "en"], {"tuning": (7, 45), "held_out": (5, 45)}, 30, {}),
        # unseen-17 (5 December, seventeenth session): measured blind as one batch; both off-topic stories fell in the
        # tuning half, and so did all 15 of its Arabic faithful statements (the stable hash of their ids), so its
        # Arabic checker figures are the tuning half's alone
        ("unseen-17", 12, ["ar", "en"], {"tuning": (5, 33), "held_out": (7, 64)}, 30, {"ar": "tuning"}),
        # unseen-18 (5 December, eighteenth session): measured blind as one batch; one off-topic story in each half, and
        # all 15 English statements about its Arabic articles fell in the held-out half (the stable hash of their ids)
        ("unseen-18", 12, ["ar", "en"], {"tuning": (5, 29), "held_out": (7, 46)}, 30, {"en-about-ar": "held_out"}),
        # unseen-19 (6 December, nineteenth session): measured blind as one batch; one off-topic story in each half,
        # and only three cases (one of them the Arabic off-topic story) in the tuning half
        ("unseen-19", 12, ["ar", "en"], {"tuning": (3, 20), "held_out": (9, 49)}, 30, {}),
    ],
)
def test_a_blind_batch_is_a_scope_of_its_own_in_both_halves(
    batch: str,
    articles: int,
    off_topic: list[str],
    least: dict[str, tuple[int, int]],
    statements: int,
    one_half: dict[str, str],
) -> None:
    # checked here rather than by _batch_scope: these batches' off-topic stories and halves differ from its shape
    data = ds.load()
    prefix = "u" + batch.removeprefix("unseen-") + "-"
    entries = [e for e in data.entries.values() if e.batch == batch]
    assert len(entries) == articles and all(e.collection == "unseen" and e.id.startswith(prefix) for e in entries)
    assert sorted(e.language for e in entries if e.off_topic) == off_topic
    cases = [c for c in data.cases if data.batch(c.article_ids) == batch]
    assert all(c.exhaustive and c.id.startswith(prefix) for c in cases)
    assert {a for c in cases for a in c.article_ids} == {e.id for e in entries}
    assert all(matching.region_iso(g.region) == g.region for c in cases for g in c.events if g.region)
    for half, (least_cases, least_events) in least.items():
        mine = [c for c in cases if ds.half_of(c.id) == half]
        assert len(mine) >= least_cases and {data.entries[c.article_ids[0]].language for c in mine} == {"ar", "en"}, half
        assert sum(len(c.events) for c in mine) >= least_events, half
    said = [s for s in data.statements if data.batch(s.article_ids) == batch]
    for setting in ds.SETTINGS:
        mine_s = [s for s in said if s.setting == setting]
        halves = {one_half[setting]} if setting in one_half else set(ds.HALVES)
        assert len(mine_s) == statements and {statement_half(s) for s in mine_s} == halves, setting
        assert {s.label for s in mine_s} == {"supported", "unsupported"}, setting


def test_unseen_19_is_the_newest_batch() -> None:
    assert ds.load().batches()[-1] == "unseen-19"


def _event(kind: str, quote: str, article: str = "a") -> Event:
    return Event.model_validate(
        {
            "id": "e", "date": dt.date(2024, 1, 16), "date_precision": "day", "region": None, "location": None,
            "event_type": kind, "actors": [], "fatalities": 12, "injured": None, "status": "reported",
            "attribution": [], "description": {"ar": None, "en": "x"}, "evidence": [Evidence(article_id=article, quote=quote)],
            "article_ids": [article],
        }
    )  # fmt: skip


def _gold(kind: str, anchor: str) -> ds.GoldEvent:
    return ds.GoldEvent(article_id="a", anchor=anchor, date=dt.date(2024, 1, 16), region="PS-KYS", event_type=kind)


def test_match_needs_same_article_overlap_and_a_compatible_type() -> None:
    texts = {"a": TEXT, "b": TEXT}
    gold = _gold("strike", "killed 12 people in Khan Younis")
    assert matching.match_gold(gold, [_event("casualties", "Shelling killed 12 people")], texts) is not None
    assert matching.match_gold(gold, [_event("diplomacy", "Shelling killed 12 people")], texts) is None
    assert matching.match_gold(gold, [_event("strike", "The army said it was not")], texts) is None
    assert matching.match_gold(gold, [_event("strike", "Shelling killed 12 people", article="b")], texts) is None
    same = _event("strike", "in Khan Younis on Tuesday")
    assert matching.match_gold(gold, [_event("clash", "Shelling killed 12 people in Khan Younis"), same], texts) is same
    assert matching.assign([gold], [_event("other", "Khan Younis")], texts).served == {0}
    assert matching.assign([gold], [_event("strike", "The army said")], texts).served == frozenset()
    denial = ds.NonEvent(article_id="a", anchor="not targeting the hospital", kind="denial")
    assert matching.hits_non_event(_event("statement", "The army said it was not targeting"), [denial], texts) == [denial]


def test_regions_compare_as_iso_codes() -> None:
    assert matching.region_iso("PS-GZA") == "PS-GZA"
    assert matching.region_iso("hama") == "SY-HM" == matching.region_iso("SY-HM")
    assert matching.region_iso(None) is None and matching.region_iso("nowhere-at-all") is None


def test_precision_counts_and_empty_scopes() -> None:
    t = Tally(cases=1, gold=4, matched=3, served=5, served_ok=2, off_topic=2, off_topic_clean=1)
    m = t.metrics()
    assert m["event_recall"] == 0.75 and m["event_precision"] == 0.4 and m["off_topic_clean"] == 0.5
    assert abs(m["event_f1"] - 2 * 0.4 * 0.75 / 1.15) < 1e-9
    assert "death_toll_accuracy" not in m and "rouge1" not in m  # nothing to count: left out, not 1.0
    both = Tally(cases=1, gold=1, matched=1)
    both.add(t)
    assert both.metrics()["event_recall"] == 0.8
    assert metric_name("event_recall", scope_name("unseen", "held_out")) == "event_recall@unseen/held_out"
    assert metric_name("event_recall", scope_name("all", "all")) == "event_recall"


def test_matching_is_one_to_one_within_an_article() -> None:
    """Two served events for one happening: one found, one wrong; one served event for two happenings told
    in one sentence: one found, one missed; one event citing two articles may stand for each one's gold."""
    texts = {"a": TEXT, "b": TEXT}
    gold = _gold("strike", "killed 12 people in Khan Younis")
    twice = matching.assign([gold], [_event("strike", "Shelling killed 12 people"), _event("strike", "12 people in Khan")], texts)
    assert set(twice.found) == {0} and len(twice.served) == 1
    both = [gold, _gold("casualties", "Shelling killed 12")]
    once = matching.assign(both, [_event("strike", "Shelling killed 12 people in Khan Younis")], texts)
    assert len(once.found) == 1 and once.served == {0}
    merged = _event("strike", "Shelling killed 12 people").model_copy(
        update={"evidence": [Evidence(article_id="a", quote="Shelling killed 12"), Evidence(article_id="b", quote="Shelling killed 12")]}
    )
    gold_b = ds.GoldEvent(article_id="b", anchor="Shelling killed 12 people", date=dt.date(2024, 1, 16), region="PS-KYS", event_type="strike")
    assert set(matching.assign([gold, gold_b], [merged], texts).found) == {0, 1}


def test_split_events_of_one_sentence_pair_with_the_gold_they_agree_with() -> None:
    """Of two events split from one sentence (equal overlap), each pairs with the gold event of its region."""
    texts = {"a": TEXT}
    g1 = ds.GoldEvent(article_id="a", anchor=TEXT[:40], date=dt.date(2024, 1, 16), region="PS-KYS", event_type="strike")
    g2 = ds.GoldEvent(article_id="a", anchor=TEXT[:40], date=dt.date(2024, 1, 16), region="PS-RFH", event_type="strike")
    first = _event("strike", TEXT[:40]).model_copy(update={"region": "PS-RFH"})
    second = _event("strike", TEXT[:40]).model_copy(update={"region": "PS-KYS"})
    paired = matching.assign([g1, g2], [first, second], texts)
    assert paired.found[0] is second and paired.found[1] is first
