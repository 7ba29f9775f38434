"""The offline default engine: informative sentences as bullets, event sentences read into facts."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from summarizer.articles import Article
from summarizer.config import Settings
from summarizer.engines import render
from summarizer.engines.base import GroupResult, article_ids_of, event_id
from summarizer.grouping import ArticleGroup, sentence_keys, story_features
from summarizer.reading import actors, facts, places
from summarizer.reading.text import Span, is_heading, near_duplicates, words
from summarizer.schemas import (
    LANGS,
    AttributionOut,
    Bilingual,
    Bullet,
    Event,
    EventType,
    Evidence,
    Lang,
    LangSummary,
    Summary,
)

MAX_BULLETS = 6
NEAR_DUPLICATE = 0.6  # Jaccard of word sets at or above which two sentences say the same thing
NOTE = (
    "extractive engine: a summary in the articles' own language quotes their sentences; a summary, event "
    "description or label in the other language is rendered from the extracted facts (type, place, date, "
    "figures, sources) with gazetteer and lexicon names, not translated"
)


@dataclass
class _Sentence:
    article: Article
    span: Span
    index: int  # position in the article's body
    text: str
    keys: frozenset[str]
    heading: bool
    facts: facts.SentenceFacts


class ExtractiveEngine:
    name: Literal["extractive"] = "extractive"
    model = "extractive"
    prompt_version: str | None = None

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    async def summarize_group(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        return self.run(group, languages)

    # ------------------------------------------------------------------ reading

    def _sentences(self, group: ArticleGroup) -> list[_Sentence]:
        out: list[_Sentence] = []
        for a in group.articles:
            for i, span in enumerate(a.body):
                text = span.of(a.text)
                keys = sentence_keys(text)
                out.append(
                    _Sentence(
                        a, span, i, text, keys, is_heading(a.text, span), facts.read(text, a.published_at)
                    )
                )
        return out

    @staticmethod
    def _distinct(sentences: list[_Sentence]) -> list[tuple[_Sentence, list[_Sentence]]]:
        """Each distinct sentence with the near-duplicates that repeat it (in other articles too)."""
        owners = near_duplicates([s.keys for s in sentences], NEAR_DUPLICATE)
        repeats: dict[int, list[_Sentence]] = {}
        for n, owner in enumerate(owners):
            if owner != n:
                repeats.setdefault(owner, []).append(sentences[n])
        return [(s, repeats.get(n, [])) for n, s in enumerate(sentences) if owners[n] == n]

    # ------------------------------------------------------------------ summary

    def _score(self, s: _Sentence, df: Counter[str], n_articles: int, repeats: int) -> float:
        n_words = len(s.text.split())
        if s.heading or n_words < 6 or s.text.rstrip().endswith(("?", "؟")):
            return 0.0
        central = sum(df[k] for k in s.keys) / (len(s.keys) + 5)
        facts_bonus = 0.6 * bool(s.facts.event_type) + 0.3 * min(len(s.facts.syrian_places), 2)
        facts_bonus += 0.3 * bool(s.facts.quantities) + 0.2 * bool(s.facts.attributions)
        position = 1.0 / (1.0 + 0.25 * s.index)
        length = 1.0 if n_words <= 45 else 45 / n_words
        background = 0.3 if s.facts.is_background(s.article.published_at) else 1.0
        return (central / max(n_articles, 1) + facts_bonus + position + 0.3 * repeats) * length * background

    def _summary(
        self,
        group: ArticleGroup,
        distinct: list[tuple[_Sentence, list[_Sentence]]],
        languages: list[Lang],
        events: list[Event],
    ) -> Summary:
        df: Counter[str] = Counter()
        for s, dupes in distinct:
            df.update(s.keys)
            for d in dupes:
                df.update(d.keys)
        summary = Summary()
        for lang in LANGS:
            if lang not in languages:
                summary.unavailable[lang] = "not requested"
                continue
            if not any(a.language == lang for a in group.articles):
                rendered = render.summary_from_events(events, lang)
                if rendered is None:
                    summary.unavailable[lang] = (
                        f"no {'English' if lang == 'en' else 'Arabic'} article in this group and no event to render "
                        "from; the offline extractive engine does not translate"
                    )
                else:
                    setattr(summary, lang, rendered)
                continue
            mine = [(s, d) for s, d in distinct if s.article.language == lang]
            n_articles = len({s.article.id for s, _ in mine})
            scored = sorted(
                ((self._score(s, df, n_articles, len(d)), s, d) for s, d in mine), key=lambda x: -x[0]
            )
            chosen = [(s, d) for score, s, d in scored[:MAX_BULLETS] if score > 0]
            bullets = [
                Bullet(
                    text=s.text, evidence=[Evidence(article_id=x.article.id, quote=x.text) for x in [s, *d]]
                )
                for s, d in chosen
            ]
            if not bullets:
                summary.unavailable[lang] = (
                    "no informative sentence left once page chrome and headings were set aside"
                )
                continue
            setattr(summary, lang, LangSummary(headline=self._headline(group, lang, chosen), bullets=bullets))
        return summary

    @staticmethod
    def _headline(group: ArticleGroup, lang: Lang, chosen: list[tuple[_Sentence, list[_Sentence]]]) -> str:
        for a in group.articles:
            if a.language == lang and a.title:
                return a.title
        for a in group.articles:  # a heading line that opens the article (e.g. "X : we hold Aleppo")
            spans = a.body
            if (
                a.language == lang
                and spans
                and is_heading(a.text, spans[0])
                and len(words(spans[0].of(a.text))) >= 4
            ):
                return spans[0].of(a.text)
        return chosen[0][0].text if chosen else ""

    # ------------------------------------------------------------------ events

    def _event(self, s: _Sentence, dupes: list[_Sentence]) -> Event | None:
        f = s.facts
        if f.event_type is None or s.heading or f.is_background(s.article.published_at):
            return None
        day, precision, _ = f.event_date(s.article.published_at)
        region = f.region()
        # the most specific place named in the event's own governorate
        own = [p for p in f.syrian_places if p.place.region == region]
        specific = [p for p in own if p.place.kind != "governorate"] or own
        location = Bilingual(ar=specific[0].place.name_ar, en=specific[0].place.name_en) if specific else None
        # a toll in a sentence about fighting or control is first of all a toll; a strike stays a strike
        event_type = f.event_type
        if f.killed is not None and event_type in ("control_change", "clash", "statement", "other"):
            event_type = "casualties"
        attribution = [
            AttributionOut(source=a.actor.name_en if a.actor else a.source_text, stance=a.stance)
            for a in f.attributions
        ]
        if not attribution and s.article.source:
            attribution = [AttributionOut(source=s.article.source, stance="reports")]
        evidence = [Evidence(article_id=x.article.id, quote=x.text) for x in [s, *dupes]]
        event = Event(
            id=event_id(event_type, evidence[:1]),
            date=day,
            date_precision=precision,
            region=region,
            location=location,
            event_type=event_type,
            # parties to the fighting; monitors, rescuers and media are in the attribution
            actors=list(dict.fromkeys(m.actor.name_en for m in f.actors if actors.is_party(m.actor))),
            fatalities=f.killed,
            injured=f.injured,
            status="disputed" if any(a.stance == "denies" for a in attribution) else "reported",
            attribution=list({(a.source, a.stance): a for a in attribution}.values()),
            description=Bilingual(
                ar=s.text if s.article.language == "ar" else None,
                en=s.text if s.article.language == "en" else None,
            ),
            evidence=evidence,
            article_ids=article_ids_of(evidence),
        )
        return event

    @staticmethod
    def _mark_disputes(events: list[Event]) -> list[Event]:
        """A denial and a claim of the same type of happening in the same governorate, within a day: disputed."""
        denials = [e for e in events if any(a.stance == "denies" for a in e.attribution)]
        out = []
        for e in events:
            for d in denials:
                same = d is not e and e.region == d.region and e.region is not None
                if same and e.event_type == d.event_type and abs((e.date - d.date).days) <= 1:
                    denial = [a for a in d.attribution if a.stance == "denies"]
                    e = e.model_copy(
                        update={
                            "status": "disputed",
                            "attribution": list(
                                {(a.source, a.stance): a for a in [*e.attribution, *denial]}.values()
                            ),
                        }
                    )
            out.append(e)
        return out

    # ------------------------------------------------------------------ all together

    def run(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        sentences = self._sentences(group)
        distinct = self._distinct(sentences)
        events = [e for s, d in distinct if (e := self._event(s, d)) is not None]
        events = self._mark_disputes(events)
        events = [self._describe(e) for e in events]
        summary = self._summary(group, distinct, languages, events)
        label = self._label(group, events)
        return GroupResult(
            summary=summary, events=events, topic_label=label, keywords=list(group.keywords), notes=[NOTE]
        )

    @staticmethod
    def _label(group: ArticleGroup, events: list[Event]) -> Bilingual:
        """What the group reports and where, in both languages; for a group with no event (a match, the
        weather), the governorates its articles name."""
        regions = Counter(e.region for e in events if e.region)
        kinds = Counter(e.event_type for e in events)
        if not regions:
            slugs = {r.slug for r in places.regions()}
            for a in group.articles:
                for key, n in story_features(a).items():
                    if key.startswith("place:") and key[6:] in slugs:
                        regions[key[6:]] += n
        ranked = sorted(kinds, key=lambda k: (-kinds[k] * render.weight_of(k), k))
        kind: EventType | None = ranked[0] if ranked else None
        keywords = " · ".join(group.keywords[:3]) or None
        return render.topic_label(
            kind, [r for r, _ in regions.most_common(3)], Bilingual(ar=keywords, en=keywords)
        )

    @staticmethod
    def _describe(e: Event) -> Event:
        """Fill the description language the article did not write, from the event's facts."""
        d = e.description
        return e.model_copy(
            update={
                "description": Bilingual(
                    ar=d.ar or render.event_description(e, "ar"), en=d.en or render.event_description(e, "en")
                )
            }
        )
