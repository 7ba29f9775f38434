"""Topic groups within a day hold across languages; stories that only name the same cities stand apart."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from summarizer.articles import prepare
from summarizer.grouping import group_articles
from summarizer.schemas import ArticleIn
from tests.conftest import load_articles, topics


def test_each_story_is_one_group_per_day_across_languages() -> None:
    arts = prepare([ArticleIn(**a) for a in load_articles()], ZoneInfo("UTC"), max_chars=10**6)
    topic = topics()
    groups = group_articles(arts)
    by_day: dict[str, list[list[str]]] = {}
    for g in groups:
        by_day.setdefault(g.day.isoformat(), []).append(sorted(g.article_ids))
    for day, day_groups in by_day.items():
        for ids in day_groups:
            assert len({topic[i] for i in ids}) == 1, (day, ids)  # nothing off-topic joins the offensive
        offensive = [ids for ids in day_groups if topic[ids[0]] == "offensive"]
        assert len(offensive) <= 1, (day, offensive)  # one group for the story, both languages in it
    assert by_day["2024-12-01"][0] == ["000", "001", "004", "en-06", "en-07", "en-08", "en-09"]
    assert ["002", "en-02", "en-03"] in by_day["2024-11-29"]
    assert ["off-en-03"] in by_day["2024-12-01"] and ["off-ar-02"] in by_day["2024-11-29"]


def test_grouping_does_not_depend_on_other_days() -> None:
    arts = prepare([ArticleIn(**a) for a in load_articles()], ZoneInfo("UTC"), max_chars=10**6)
    whole = {g.id for g in group_articles(arts)}
    by_day = {g.id for day in {a.day for a in arts} for g in group_articles([a for a in arts if a.day == day])}
    assert whole == by_day  # so posting day by day yields the same groups, ids and cache keys
