"""Grouping articles by publication day, then by topic within the day: shared words within a language, or
shared places, actors and kinds of event across languages (single link)."""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

from summarizer.articles import Article
from summarizer.reading import facts, places
from summarizer.reading.text import dateline_end, fold, words

TOPIC_THRESHOLD = 0.12  # Jaccard of keyword sets at or above which two articles share a topic
KEYWORDS_PER_ARTICLE = 40
STORY_THRESHOLD = 0.2  # Jaccard of story features (places, actors, event kinds) for a topic across languages
FEATURES_PER_ARTICLE = 25


@dataclass(frozen=True)
class ArticleGroup:
    id: str
    day: dt.date
    articles: tuple[Article, ...]
    keywords: tuple[str, ...]  # surface forms, most shared first

    @property
    def article_ids(self) -> list[str]:
        return [a.id for a in self.articles]


@cache
def stopwords() -> frozenset[str]:
    data = json.loads(resources.files("summarizer.data").joinpath("stopwords.json").read_text("utf-8"))
    return frozenset(fold(w) for w in data["ar"] + data["en"])


_WORD = re.compile(r"[^\W\d_]+")
_PREFIX = re.compile(r"^(?:وال|بال|فال|كال|لل|ال|و)(?=\w{3,})")


@lru_cache(maxsize=1 << 16)  # a vocabulary, not a corpus: words repeat across articles and requests
def stem(word: str) -> str:
    """A light key for a folded word: proclitics and the article off (والمعارضه -> معارضه)."""
    return _PREFIX.sub("", word)


@lru_cache(maxsize=1 << 16)
def _surface_key(word: str) -> str:
    return stem(fold(word))


def sentence_keys(sentence: str) -> frozenset[str]:
    """The content-word keys of one sentence (for near-duplicate detection)."""
    stop = stopwords()
    return frozenset(stem(w) for w in words(sentence) if w not in stop and not w.isdigit() and len(w) > 2)


def _count_keys(texts: Iterable[str]) -> Counter[str]:
    """Content-word keys of some texts, counted (numbers and function words left out)."""
    stop = stopwords()
    counts: Counter[str] = Counter()
    seen = counts.get  # not counts[k] += 1: a Counter's missing key is a Python-level call
    for text in texts:
        for w in words(text):
            if w in stop or w.isdigit() or len(w) < 3:
                continue
            k = stem(w)
            counts[k] = seen(k, 0) + 1
    return counts


def keywords(article: Article) -> Counter[str]:
    """Content-word keys of an article's body, counted (numbers and function words left out)."""
    return _count_keys(span.of(article.text) for span in article.body)


def dateline_keys(article: Article) -> Counter[str]:
    """The keys of where and by whom an article was filed ("TEL AVIV, Oct 2 (Coastal Wire) -"), counted."""
    return _count_keys(text[: dateline_end(text)] for span in article.body[:1] if (text := span.of(article.text)))

def story_features(article: Article) -> Counter[str]:
    """What an article is about, in terms no language owns: the Syrian places it names (a city and its
    governorate as one), the actors, and the kinds of event its sentences report. A football match in Hama
    names Hama but no actor or offensive; the Arabic and English reports of one battle share all three."""
    counts: Counter[str] = Counter()
    for span in article.body:
        f = facts.read(span.of(article.text), article.published_at)
        for m in f.places:
            if m.place.region:
                counts["place:" + places.same_place(m.place.id)] += 1
        for a in f.actors:
            counts["actor:" + a.actor.id] += 1
        if f.said_type is not None:
            counts["event:" + f.said_type] += 1
    return counts


def _surface_forms(articles: list[Article], wanted: set[str]) -> dict[str, str]:
    """For each wanted key, its most frequent written form (so labels read حماة, not the folded حماه)."""
    forms: dict[str, Counter[str]] = {}
    for a in articles:
        for word in _WORD.findall(a.text):
            key = _surface_key(word)
            if key in wanted:
                forms.setdefault(key, Counter())[word] += 1
    return {k: c.most_common(1)[0][0] for k, c in forms.items()}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _root(parent: list[int], i: int) -> int:
    """Union-find root, halving the path on the way."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def group_id(day: dt.date, article_ids: list[str]) -> str:
    raw = day.isoformat() + "|" + "|".join(sorted(article_ids))
    return "g_" + hashlib.sha256(raw.encode()).hexdigest()[:16]


def group_articles(articles: list[Article]) -> list[ArticleGroup]:
    """Groups by (day, topic), ordered by day, then by size (largest first)."""
    by_day: dict[dt.date, list[Article]] = {}
    for a in articles:
        by_day.setdefault(a.day, []).append(a)
    groups: list[ArticleGroup] = []
    for day in sorted(by_day):
        day_articles = sorted(by_day[day], key=lambda a: (a.published_at, a.id))
        counts = [keywords(a) for a in day_articles]
        tops = [{k for k, _ in c.most_common(KEYWORDS_PER_ARTICLE)} for c in counts]
        stories = [{k for k, _ in story_features(a).most_common(FEATURES_PER_ARTICLE)} for a in day_articles]
        parent = list(range(len(day_articles)))
        for i in range(len(day_articles)):
            for j in range(i + 1, len(day_articles)):
                same_words = _jaccard(tops[i], tops[j]) >= TOPIC_THRESHOLD
                same_story = _jaccard(stories[i], stories[j]) >= STORY_THRESHOLD and len(stories[i] & stories[j]) >= 3
                if same_words or same_story:
                    parent[_root(parent, j)] = _root(parent, i)
        clusters: dict[int, list[int]] = {}
        for i in range(len(day_articles)):
            clusters.setdefault(_root(parent, i), []).append(i)
        day_groups = []
        for members in clusters.values():
            arts = [day_articles[i] for i in members]
            shared = Counter(k for j in members for k in tops[j])
            total: Counter[str] = Counter()
            for i in members:
                # a key shared by several articles outranks one repeated inside one article
                total.update({k: v + 100 * shared[k] for k, v in counts[i].items()})
            # a dateline's words group nothing apart and tell no topic: shown only if the text uses them too
            filed = sum((dateline_keys(day_articles[i]) for i in members), Counter[str]())
            used = Counter[str]()
            for i in members:
                used.update(counts[i])
            # the 8 most counted of the words the text uses beyond its datelines (nlargest: as a stable sort
            # would rank them, without sorting every word of the group)
            top = heapq.nlargest(8, (k for k in total if used[k] > filed[k]), key=total.__getitem__)
            forms = _surface_forms(arts, set(top))
            kws = tuple(forms.get(k, k) for k in top)
            ids = [a.id for a in arts]
            day_groups.append(ArticleGroup(group_id(day, ids), day, tuple(arts), kws))
        groups.extend(sorted(day_groups, key=lambda g: (-len(g.articles), g.id)))
    return groups
