"""The offline default engine: informative sentences as bullets, event sentences read into facts."""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from functools import cache, reduce
from typing import Literal

from summarizer.articles import Article
from summarizer.config import Settings
from summarizer.engines import render
from summarizer.engines.base import GroupResult, article_ids_of, event_id
from summarizer.grouping import ArticleGroup, sentence_keys, story_features
from summarizer.reading import actors, context, dates, facts, mood, numbers, places
from summarizer.reading import speakers as speakers_of
from summarizer.reading.mood import glued_heading, leans_on_speaker, names_a_place, talks_at
from summarizer.reading.text import Span, dateline_end, fold, is_heading, live_entries, near_duplicates, words
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
MAX_WITH_TOLLS = 10  # a day with many tolls and disputes: all of them, up to this many bullets
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
    paragraph: int = 0  # lines apart in the article's text are paragraphs apart
    joined_to: _Sentence | None = None  # a second report of one sentence: the report it is joined to
    # when its report stands: the article's publication, or on a live page the time of its entry
    as_of: dt.datetime | None = None

    @property
    def moment(self) -> dt.datetime:
        return self.as_of or self.article.published_at


class ExtractiveEngine:
    name: Literal["extractive"] = "extractive"
    model = "extractive"
    prompt_version: str | None = None

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._current: list[_Sentence] = []
        self._origin: dict[str, _Sentence] = {}  # event id -> the sentence that reports it
        self._fighting_only: set[str] = set()  # events that stand only in a report of fighting (_amid_fighting)
        self._placed_by: dict[str, str] = {}  # event id -> the sentence before it that places it
        self._story_counts: set[str] = set()  # ids of counts over the story's days, placed where the story is
        self._details: dict[str, str] = {}  # event id -> the sentence right before it, of which it may be a detail
        self._articles: dict[str, list[_Sentence]] = {}  # article id -> its sentences, in order (s.index)
        self._country: dict[str, str | None] = {}  # article id -> the country its places lie in

    async def summarize_group(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        return self.run(group, languages)

    # ------------------------------------------------------------------ reading

    def _sentences(self, group: ArticleGroup) -> list[_Sentence]:
        out: list[_Sentence] = []
        for a in group.articles:
            n = paragraph = 0
            # clock times of a live page, else the days a timeline is told under
            body = list(a.body)
            entries = live_entries(a.text, body, a.published_at) or dates.day_headings(a.text, body, a.published_at)
            as_of: dt.datetime | None = None
            for span in a.body:
                as_of = entries.get(span.start, as_of)
                heading = is_heading(a.text, span)
                opens_line = span.start == 0 or a.text[span.start - 1] == "\n"
                cut = glued_heading(span.of(a.text)) if opens_line and not heading else None
                parts = [(span, heading)]
                if cut is not None:  # "تصعيد عسكري حاد وتشهد سوريا ...": the heading is no sentence
                    parts = [
                        (Span(span.start, span.start + cut[0]), True),
                        (Span(span.start + cut[1], span.end), False),
                    ]
                for part, is_head in parts:
                    text = part.of(a.text)
                    if out and out[-1].article is a and "\n" in a.text[out[-1].span.end : part.start]:
                        paragraph += 1
                    out.append(
                        _Sentence(
                            a,
                            part,
                            n,
                            text,
                            sentence_keys(text),
                            is_head,
                            facts.read(text, as_of or a.published_at),
                            paragraph=paragraph,
                            as_of=as_of,
                        )
                    )
                    n += 1
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
        facts_bonus += 0.3 * bool(_FIGURE.search(s.text)) + 0.2 * bool(s.facts.actors)
        position = 1.0 / (1.0 + 0.25 * s.index)
        length = 1.0 if n_words <= 45 else 45 / n_words
        # context ("since 2011", "كان قد") weighs less; a sentence naming no happening is not read for dates
        maybe = s.facts.said_type is not None or s.facts.mood == "background"
        background = 0.3 if maybe and s.facts.is_background(s.moment) else 1.0
        return (central / max(n_articles, 1) + facts_bonus + position + 0.3 * repeats) * length * background

    def _summary(
        self,
        group: ArticleGroup,
        distinct: list[tuple[_Sentence, list[_Sentence]]],
        languages: list[Lang],
        events: list[Event],
        rendered: dict[Lang, list[str | None]],
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
                texts = rendered[lang]
                done = [t for t in texts if t is not None]
                made = render.summary_from_events(
                    events, lang, done if len(done) == len(texts) else None, lead=_lead_event(events, distinct)
                )
                if made is None:
                    summary.unavailable[lang] = (
                        f"no {'English' if lang == 'en' else 'Arabic'} article in this group and no event to render "
                        "from; the offline extractive engine does not translate"
                    )
                else:
                    setattr(summary, lang, made)
                continue
            mine = [(s, d) for s, d in distinct if s.article.language == lang]
            part = self._lang_summary(group, lang, mine, df, events)
            if part is None:
                summary.unavailable[lang] = (
                    "no informative sentence left once page chrome and headings were set aside"
                )
                continue
            setattr(summary, lang, part)
        return summary

    def _lang_summary(
        self,
        group: ArticleGroup,
        lang: Lang,
        mine: list[tuple[_Sentence, list[_Sentence]]],
        df: Counter[str],
        events: list[Event],
    ) -> LangSummary | None:
        """Headline: the day's most newsworthy happening; bullets: the best other sentences, the day's tolls
        and disputes always among them, no two saying the same thing, none repeating the headline."""
        n_articles = len({s.article.id for s, _ in mine})
        scores = {id(s): self._score(s, df, n_articles, len(d)) for s, d in mine}
        by_quote = {(s.article.id, s.text): (s, d) for s, d in mine}
        for s, d in mine:
            for x in d:
                by_quote.setdefault((x.article.id, x.text), (s, d))
        top = _headline_event(events, by_quote)
        headline_sentence = by_quote[top][0] if top else None
        must: list[tuple[_Sentence, list[_Sentence]]] = []  # tolls and disputes
        for e in events:
            if (
                e.fatalities is None
                and e.status != "disputed"
                and not any(a.stance == "denies" for a in e.attribution)
            ):
                continue
            hit = next(
                (by_quote[k] for ev in e.evidence if (k := (ev.article_id, ev.quote)) in by_quote), None
            ) or next(  # a second report of a sentence quotes only its words: the sentence says them
                (v for ev in e.evidence for (a, text), v in by_quote.items() if a == ev.article_id and ev.quote in text),
                None,
            )
            if hit is not None and hit[0] is not headline_sentence and all(hit[0] is not m[0] for m in must):
                must.append(hit)
        ranked = sorted(mine, key=lambda x: -scores[id(x[0])])
        chosen: list[tuple[_Sentence, list[_Sentence]]] = []
        taken = [headline_sentence.keys] if headline_sentence else []
        for n, (s, d) in enumerate([*must, *ranked]):
            if len(chosen) >= MAX_BULLETS and (n >= len(must) or len(chosen) >= MAX_WITH_TOLLS):
                break
            if s is headline_sentence or scores[id(s)] <= 0 or any(s is c for c, _ in chosen):
                continue
            if any(_same_thing(s.keys, k) for k in taken):
                continue
            chosen.append((s, d))
            taken.append(s.keys)
        if not chosen and headline_sentence is None:
            return None
        order = {id(s): n for n, (s, _) in enumerate(ranked)}
        chosen.sort(key=lambda x: order[id(x[0])])
        bullets = [
            Bullet(
                text=self._with_speaker(s, lang),
                evidence=[Evidence(article_id=x.article.id, quote=x.text) for x in [s, *d]],
            )
            for s, d in chosen
        ]
        if headline_sentence is not None:
            headline = _first_clause(headline_sentence.text)
        else:
            headline = self._headline(group, lang, chosen)
            bullets = [
                b for b in bullets if not _same_thing(sentence_keys(b.text), sentence_keys(headline))
            ] or bullets
        return LangSummary(headline=headline, bullets=bullets)

    def _with_speaker(self, s: _Sentence, lang: Lang) -> str:
        """A sentence that leans on the one before it for its speaker ("وأضافت أن ...", "He added") is
        prefixed with that speaker, as the earlier sentence names it."""
        if not leans_on_speaker(s.text) or s.index == 0:
            return s.text
        speaker = self._speaker_before(s, lang)
        return f"{speaker}: {s.text}" if speaker else s.text

    def _speaker_before(self, s: _Sentence, lang: Lang) -> str | None:
        """Who speaks in the sentences before ``s`` that it leans on: the speaker a sentence names, the office
        that opens it ("وأدانت وزارة الخارجية الأردنية"), or the party that opens it; past a sentence that
        leans on its own predecessor or names its speaker only by a reference ("The monitor said"), the one
        before that (at most _LEAN_BACK sentences). None when none is named: what the sentence spoke of is
        no speaker ("The monitor said Russian aircraft were ...": not the aircraft)."""
        previous: _Sentence | None = s
        for _ in range(_LEAN_BACK):
            previous = self._previous(previous) if previous is not None else None
            if previous is None:
                return None
            p = previous.facts
            named = [a for a in p.attributions if a.actor is not None] or [*p.attributions]
            if named:
                a = named[0]
                return (a.actor.name_ar if lang == "ar" else a.actor.name_en) if a.actor else a.source_text
            if (office := speakers_of.institution(previous.text)) is not None:
                return office.name(lang)
            # Arabic opens with its verb, then the subject ("وقالت الفصائل"); English with the subject
            opening = [m for m in p.actors if m.start <= (_SUBJECT_WITHIN if not previous.text.isascii() else 4)]
            if opening:
                return opening[0].text
            if not (leans_on_speaker(previous.text) or actors.stance_of(previous.text) is not None):
                return None
        return None

    def _day_before_told(self, s: _Sentence) -> dt.date | None:
        """"وقبل ذلك بليلة، أضرم محتجون ...", "A day earlier, drones struck ...": the day before the one the
        nearest dated sentence before it tells (three sentences back at most), or that day itself ("Hours after
        the shooting", "في اليوم نفسه"); None without such a phrase."""
        m = _DAY_BEFORE_TOLD.search(fold(s.text))
        if m is None:
            return None
        if m.group("same") and fold(s.text)[: m.start()].strip(" \t\"'«“،,وف"):
            return None  # the same day only as the sentence's opening words ("Hours after the shooting, ...")
        back = 0 if m.group("same") else 2 if m.group("two") or m.group("two2") else 1
        prev = self._previous(s)
        for _ in range(3):
            if prev is None:
                return None
            day, _, dated = prev.facts.event_date(prev.moment)
            if dated:
                return day - dt.timedelta(days=back)
            prev = self._previous(prev)
        return None

    def _previous(self, s: _Sentence) -> _Sentence | None:
        """The sentence before ``s`` in its article (for a second report of a sentence, the first)."""
        if s.joined_to is not None:
            return s.joined_to
        return self._articles[s.article.id][s.index - 1] if s.index > 0 else None

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

    def _events(self, s: _Sentence, dupes: list[_Sentence]) -> list[Event]:
        """The events a sentence reports: none for plans, threats, background, off-topic stories and
        happenings with neither a Syrian place nor a named party; a statement or a call for what is only
        said; one event per place for a list of captured places."""
        f = s.facts
        if s.heading or f.mood in ("plan", "off_topic"):
            return []
        if f.is_background(s.moment):
            return self._own_statement(s, dupes)
        if (m := _NO_COMMENT.search(folded := fold(s.text))) is not None and not _BUT.search(folded, m.end()):
            return []  # "ولم يصدر تعليق فوري من الجماعة", "the RSF did not comment on ...": nothing said
        if (made := _NO_CLAIM_MADE.match(folded)) is not None and (made.group("ar") is None or "مسوولي" in folded):
            return []  # "ولم تعلن جماعة الحوثي مسؤوليتها عن الهجوم", "No group has claimed the attack": no claim
        # a body named without its country in a report from elsewhere ("the defence ministry said", Quito) is
        # nobody we can name: no speaker, no party
        speakers = [a for a in f.attributions if a.actor is not None and self._known(s, a.source_text)]
        borrowed: _Sentence | None = None  # the sentence before whose speaker goes on, cited beside the event
        if not speakers and s.joined_to is None and mood.opens_on_speaker(s.text) and (before := self._previous(s)) is not None:
            # "He said Islamic State ... were suspects": the speaker of the sentence before goes on
            speakers = [a for a in before.facts.attributions if a.actor is not None and self._known(before, a.source_text)]
            borrowed = before if speakers else None
        named_actors = [m for m in f.actors if self._known(s, m.text)]
        # "killed ... in strikes on the town hall during a meeting of the crisis cell": the happening told
        # before the meeting is what the sentence reports
        talks = f.mood == "diplomacy" and not _told_before_talks(s.text, f)
        if talks and mood.talks_ahead(s.text):
            return []  # "ومن المتوقع أن يزور وفد أممي المدينة الأسبوع المقبل": talks to come, no event yet
        if f.mood == "statement" and _WARNS.search(folded) and f.event_type is None:
            return []  # "Turkey has warned that it will not accept ...": a threat, no happening yet
        if f.mood == "statement" or talks:
            if not speakers and not named_actors and leans_on_speaker(s.text):
                # "ونفى أن تكون الغارة ...": the speaker is the one the sentence before names
                before = self._previous(s)
                speakers = [a for a in before.facts.attributions if a.actor is not None] if before else []
            # an office named by body and country ("وأدانت وزارة الخارجية الأردنية") speaks for itself
            office = speakers_of.institution(s.text) if not speakers else None
            if not speakers and not named_actors and office is None:
                return self._group_statement(s, dupes)
            if (
                f.said_type is None
                and f.mood == "statement"
                and not (f.syrian_places and any(actors.is_party(a.actor) for a in speakers if a.actor))
                and not _official_position(s.text, f, speakers)
                and (
                    office is None
                    # an office named without its country ("وأمر النائب العام بفتح تحقيق", "وانتقد المتحدث العسكري
                    # في بيان") is its article's country's, as where it tells a happening (below)
                    or (
                        office.country is None
                        and not speakers_of.holder_named(s.text, office)
                        and self._country.get(s.article.id) is None
                    )
                )
            ):
                return []  # an opinion about no happening: only a party's position on a place, or a named body's
            event_type: EventType = "diplomacy" if f.mood == "diplomacy" else "statement"
            # with no attributed speaker, the party named first speaks only when it opens the sentence
            # ("ونددت الرئاسة الفلسطينية"); one named later is what is spoken of ("ووصف رئيس الجمهورية الغارات
            # ... على إسرائيل"): the office that opens it speaks (named from the quote), or nobody we can name
            subject = [
                m for m in named_actors[:1] if speakers or f.mood == "diplomacy" or speakers_of.opens(s.text, m.start, m.end)
            ]
            if not speakers and not subject and office is None:
                return self._group_statement(s, dupes)
            named = [self._local(s, a.actor, a.source_text).name_en for a in speakers if a.actor] or [
                self._local(s, m.actor, m.text).name_en for m in subject
            ]
            return [_citing(self._build(s, dupes, event_type, _location(s.text, f), list(dict.fromkeys(named))), borrowed)]
        if f.event_type is None or f.described_only:
            # an official's announcement whose only happening describes a noun ("أعلنت الرئاسة تشكيل لجنة
            # للتحقيق في أحداث الساحل التي قتل فيها مئات المدنيين") announces something else: its statement
            official = [
                a.actor for a in speakers if a.actor is not None and a.start <= _SUBJECT_WITHIN + 20
                and a.actor.kind in _OFFICIAL_KINDS and not actors.is_generic(a.actor.id)
            ]
            # an office that opens the sentence speaks too ("وأكد رئيس الوزراء معين عبد الملك أن ..."), when the
            # phrase or the article says whose it is
            office = speakers_of.institution(s.text) if not official and f.mood == "happening" else None
            if office is not None and f.described_only and not speakers_of.holder_named(s.text, office):
                office = None  # a named official's words tell no happening, whatever they describe
            if office is not None and (
                (
                    office.country is None
                    and self._country.get(s.article.id) is None
                    and not speakers_of.holder_named(s.text, office)
                )
                or not speakers_of.speaks(s.text, office)
            ):
                office = None
            if (
                f.mood != "happening"
                or not (official or office)
                or len(s.text.split()) < 8
                or _said_modal(s.text)
            ):
                # "القوات التي اقتحمت البلدة": a party's happening told in a relative clause; "aid workers who
                # entered the city" tell none
                if f.described_only and f.event_type is not None and any(actors.is_party(m.actor) for m in f.actors):
                    return self._happening_events(s, dupes, f, f.event_type)
                return []  # no official, a fragment, or a prediction or threat ("the war would go on")
            if not official:
                said = self._build(s, dupes, "statement", _location(s.text, f), [])
                self._fighting_only.add(said.id)  # a statement only in a report of fighting (_amid_fighting)
                return [said]
            # "قال وزير الخارجية إن العملية تستهدف ...", "the Kremlin spokesman said on Friday ...": what an
            # official body says is its statement
            return [_citing(self._build(s, dupes, "statement", _location(s.text, f), [official[0].name_en]), borrowed)]
        return self._happening_events(s, dupes, f, f.event_type)

    def _group_statement(self, s: _Sentence, dupes: list[_Sentence]) -> list[Event]:
        """"واتهمت حركة فتح ... بالوقوف وراء الاغتيال", "The Sinjar Resistance Units blamed ... for the
        strike": a group the lexicon does not know accuses, denies or condemns over a happening, or agrees
        a truce ("وأعلنت هيئة العمل الفلسطيني المشترك التوصل إلى وقف لإطلاق النار"); its statement or its
        diplomacy, its speaker unnamed, and only in a report of fighting (_amid_fighting). None without."""
        f = s.facts
        group = speakers_of.organisation(s.text) is not None or any(
            a.actor is None and speakers_of.is_group(a.source_text) for a in f.attributions
        )
        if not group or not (f.mood == "diplomacy" or (f.mood == "statement" and f.said_type is not None)):
            return []
        said = self._build(s, dupes, "diplomacy" if f.mood == "diplomacy" else "statement", _location(s.text, f), [])
        self._fighting_only.add(said.id)
        return [said]

    def _happening_events(
        self, s: _Sentence, dupes: list[_Sentence], f: facts.SentenceFacts, kind: EventType
    ) -> list[Event]:
        """The events of a sentence that tells a happening of this kind: none without a place, a named party
        or a toll; a toll first; one per place for a list of captured places."""
        # a place the gazetteer knows (a town, a region, a country) or a named party to the fighting
        syrian = [p for p in f.places if p.place.region is not None]
        placed = bool(f.places)
        parties = [
            self._local(s, m.actor, m.text) for m in f.actors if actors.is_party(m.actor) and self._known(s, m.text)
        ]
        toll = f.killed is not None or f.injured is not None
        # "clashes near the town's northern entrance": a place told before is a place, when the article told one
        if (
            not placed
            and not parties
            and not toll
            and not names_a_place(s.text)
            and not self._told_place(s)
            and not self._order_amid_fighting(s, kind)
        ):
            return []
        # a toll in a sentence about fighting or control is first of all a toll; a strike stays a strike
        event_type = kind
        if f.killed is not None and event_type in ("control_change", "clash", "other"):
            event_type = "casualties"
        named = list(dict.fromkeys(a.name_en for a in parties))
        if event_type == "control_change":
            listed = _listed_places(s.text, syrian)
            if len(listed) >= 2:
                return [self._build(s, dupes, event_type, p, named, split=True) for p in listed]
        return [self._build(s, dupes, event_type, _location(s.text, f), named)]

    def _order_amid_fighting(self, s: _Sentence, kind: EventType) -> bool:
        """An act of order or protest that only a report of fighting makes news (an arrest, a curfew, a
        closure, a resignation, a funeral: events.json's ``conflict_only`` cues), told with no place or party
        of its own ("Authorities declared a curfew", "وقدم وزير الداخلية اليوم استقالته", "By evening it said it
        had arrested nine people") in an article its context places: a happening of that story, where the story
        is. Without a place from its context it stays nobody's."""
        return kind == "other" and s.facts.conflict_only and self._context_places(s)

    def _told_place(self, s: _Sentence) -> bool:
        """The sentence names a place told before ("the town", "المدينة"), its article told one, and it names a
        day of its own ("on Monday evening"): a report of the day there, not a comment on the place."""
        return mood.names_a_told_place(s.text) and s.facts.event_date(s.moment)[2] and self._context_places(s)

    def _context_places(self, s: _Sentence) -> bool:
        """Whether the sentence's context (the sentence before it that places one, the lead, a dateline:
        :func:`context.placing`) gives it a place."""
        article = self._articles.get(s.article.id)
        return article is not None and s.index < len(article) and context.placing(article, s.index) is not None

    def _read(self, text: str, article: Article, as_of: dt.datetime | None = None) -> facts.SentenceFacts:
        """A text's facts as its article reads them: a place's home name counts in a report from its country;
        dated from its live entry's time when it has one."""
        country = self._country.get(article.id)
        home = country if country is not None and country in places.homes_in(text) else None
        return facts.read(text, as_of or article.published_at, home)

    def _local(self, s: _Sentence, actor: actors.Actor, name: str) -> actors.Actor:
        """The actor a name that depends on its country means in this sentence: a sentence naming no place
        reads "الجيش", "the army", "وزارة الصحة" as its article's country's (Sudan's army in a report from
        El Fasher, not Syria's)."""
        country = self._country.get(s.article.id)
        if country is None or any(p.place.country for p in s.facts.places):
            return actor
        return actors.in_country(name, country) or actor

    def _known(self, s: _Sentence, name: str) -> bool:
        """Whether a party's name says whose it is: a name that says no country ("the defence ministry") in a
        sentence naming no place names a party only in an article of a country whose body the lexicon knows
        by that name (``actors.in_country``: Syria's defence ministry in a report from Syria, Sudan's army in
        one from El Fasher), not in a report from Quito or Amman."""
        country = self._country.get(s.article.id)
        if s.facts.places or not actors.country_dependent(name):
            return True
        return country is not None and actors.in_country(name, country) is not None

    def _own_statement(self, s: _Sentence, dupes: list[_Sentence]) -> list[Event]:
        """A party's own account of what it did long ago or over weeks ("قال الجيش إن قواته وسعت عمليتها،
        مضيفاً أنه قتل 50 مسلحاً منذ انطلاقها قبل ثلاثة أسابيع"): no happening of the day, but the party's
        statement of the day, when the background is in its words (not "وكانت الفصائل قد قالت")."""
        f = s.facts
        own = f.own_account
        if own is None or own.actor is None or f.mood != "happening" or f.said_type is None:
            return []
        if any(d.start < own.end for d in f.dates):
            return []  # the saying itself is dated in the past
        name = self._local(s, own.actor, own.source_text).name_en
        return [self._statement_of(self._build(s, dupes, "statement", _location(s.text, f), [name]), own)]

    def _own_speaker(self, s: _Sentence) -> actors.Attribution | None:
        """The party whose own act the sentence (or report of a sentence) tells, if any: "and that the site
        struck was ...", "وأن قواته ..." go on with the words of the report before them."""
        own = s.facts.own_account
        if own is None and s.joined_to is not None and (_GOES_ON.match(fold(s.text)) or not s.facts.attributions):
            return self._own_speaker(s.joined_to)
        return own

    def _statement_of(self, e: Event, speaker: actors.Attribution) -> Event:
        """The event as its speaker's statement, dated by the day the speaker spoke."""
        s = self._origin[e.id]
        day, precision = s.facts.saying_day(s.moment)
        name = self._local(s, speaker.actor, speaker.source_text).name_en if speaker.actor else speaker.source_text
        statement = e.model_copy(
            update={
                "id": event_id("statement", e.evidence[:1]),
                "event_type": "statement",
                "date": day,
                "date_precision": precision,
                "actors": [name],
                "fatalities": None,
                "injured": None,
            }
        )
        self._origin[statement.id] = s
        return statement

    def _own_accounts(self, events: list[Event]) -> list[Event]:
        """A party's own account of a happening the article reports from another sentence ("the army said it
        targeted a command centre" after "a strike on a school killed 22"; "the RSF said it had liberated
        Zamzam" after "the RSF stormed Zamzam"): one more quote of that happening, not a second happening
        and no statement beside it (evals/conventions.md). Its own account counts as the happening when
        nothing else reports it, or when it names another place; an account of repelling an attack is the
        fighting it tells, one with a denial the party's statement (a counter-claim disputes, it does not
        tell again)."""
        own: dict[str, actors.Attribution] = {}
        for e in events:
            s = self._origin.get(e.id)
            if s is not None and e.event_type not in ("statement", "diplomacy"):
                a = self._own_speaker(s)
                if a is not None:
                    own[e.id] = a
        out = []
        # sentences whose own account is a statement (found so below, or said so by the sentence itself)
        told: dict[tuple[str, int], EventType] = {}
        # sentences whose own account went into the happening it tells, and that happening
        into: dict[tuple[str, int], str] = {}
        merged: dict[str, list[tuple[Event, actors.Attribution]]] = {}
        for e in events:
            s = self._origin.get(e.id)
            if e.event_type == "statement" and s is not None and s.facts.own_account is not None:
                told.setdefault((s.article.id, s.index), "statement")
        for e in events:
            s = self._origin.get(e.id)
            said = s.facts.said_type if s is not None else None
            if (
                e.event_type == "statement"
                and s is not None
                and (speaker := s.facts.own_account) is not None
                and speaker.actor is not None
                and said not in (None, "statement", "diplomacy")
                and not mood.repels(s.text)
                # "نفى الجيش الانسحاب، مضيفاً أن قواته لا تزال في مواقعها": a denial disputes the happening
                and not any(x.stance == "denies" for x in s.facts.attributions)
                and (o := self._told_elsewhere(e, s, speaker, own, events, kind=said)) is not None
            ):
                # "وقالت وزارة الدفاع الروسية إن طائراتها قصفت مستودعاً" after the strike's report, first served as the
                # ministry's statement: the strike's account (an act not read, 'said it had "cleansed"', stays one)
                into[(s.article.id, s.index)] = o.id
                merged.setdefault(o.id, []).append((e, speaker))
                continue
            a = own.get(e.id)
            if (
                a is not None
                and s is not None
                and s.facts.own_account is None
                and (kind := told.get((s.article.id, s.index))) is not None
                and (_same_kind(kind, e.event_type) or (kind == "statement" and _GOES_ON.search(fold(s.text))))
            ):
                # "..., and that the site struck was ...": the same account goes on
                if (target := into.get((s.article.id, s.index))) is not None:
                    merged[target].append((e, a))
                    continue
                e = self._statement_of(e, a)
            elif (
                a is not None
                and s is not None
                and a.actor is not None
                # a party's account of repelling an attack is its counter-claim, not the attacker's happening
                and not mood.repels(s.text)
                and (o := self._told_elsewhere(e, s, a, own, events)) is not None
            ):
                # the party's account of a happening told from another sentence is one more quote of that
                # happening: no second happening, and no statement beside it
                told[(s.article.id, s.index)] = e.event_type
                into[(s.article.id, s.index)] = o.id
                merged.setdefault(o.id, []).append((e, a))
                continue
            out.append(e)
        kept = {e.id for e in out}
        for target, accounts in merged.items():
            if target not in kept:  # the happening became a statement itself: each account stays its party's
                out.extend(self._statement_of(e, a) for e, a in accounts)
        out = [reduce(_with_account, (x for x, _ in merged.get(e.id, [])), e) for e in out]
        return self._one_statement_per_sentence(out)

    def _claims_taken(self, events: list[Event]) -> list[Event]:
        """A claim of responsibility for an attack the article reports from another sentence ("وتبنى تنظيم
        الدولة التفجير", "AQAP claimed the attack") is who claims that attack: one more quote of it, with the
        claimant among its sources, not a statement beside it (evals/conventions.md). The attack is the first
        the article told before the claim; a claim of an attack it tells as new is that attack already
        (reading/facts.py), and any other claim with none told stays its claimant's statement."""
        targets: dict[str, int] = {}
        for e in events:
            s = self._origin.get(e.id)
            folded = fold(s.text) if s is not None else ""
            if e.event_type != "statement" or s is None or not e.actors or not facts.CLAIMED.search(folded):
                continue
            if facts.NO_CLAIM.search(folded):
                continue  # "ولم تعلن جماعة الحوثي مسؤوليتها عن الهجوم": no claim made
            target = next(
                (
                    k
                    for k, o in enumerate(events)
                    if o.event_type in _ATTACKS
                    and (t := self._origin.get(o.id)) is not None
                    and t.article is s.article
                    and t.index < s.index
                    and 0 <= (e.date - o.date).days <= 2
                    # "claimed an attack on a police station in Raqqa": another attack, told elsewhere
                    and (e.region is None or o.region is None or e.region == o.region)
                ),
                None,
            )
            if target is not None:
                targets[e.id] = target
        if not targets:
            return events
        claims: dict[int, list[Event]] = {}
        for e in events:
            if e.id in targets:
                claims.setdefault(targets[e.id], []).append(e)
        out = []
        for k, e in enumerate(events):
            if e.id in targets:
                continue
            for c in claims.get(k, []):
                claimant = [AttributionOut(source=c.actors[0], stance="claims")]
                sources = [*e.attribution, *(a for a in claimant if a not in e.attribution)]
                e = _with_account(e, c).model_copy(update={"attribution": sources})
            out.append(e)
        return out

    def _amid_fighting(self, events: list[Event]) -> list[Event]:
        """An act other stories tell too (an arrest, a curfew, a closure: ``conflict_only`` in events.json) is
        a happening in an article that reports fighting from another sentence (a strike, a clash, a toll, a
        capture, a flight); in any other article it belongs to another story (a police arrest after a
        robbery, a curfew after a brawl). A position among articles that tell another story ("حادث تصادم", "a
        snowstorm") and name no fighting anywhere ("وأعلن المحافظ الحداد ثلاثة أيام") is that story's too; a
        flash with nothing but a position stays one."""
        lines = [x for sentences in self._articles.values() for x in sentences]
        another_story = any(x.facts.mood == "off_topic" for x in lines) and not any(
            x.facts.mood != "off_topic" and set(facts.event_types_in(x.text)) & _FIGHTING for x in lines
        )

        def gated(e: Event) -> bool:
            s = self._origin.get(e.id)
            if e.event_type in ("statement", "diplomacy") and another_story:
                return True
            return (e.event_type == "other" and s is not None and s.facts.conflict_only) or e.id in self._fighting_only

        fighting = {
            e.evidence[0].article_id for e in events if e.event_type not in ("statement", "diplomacy") and not gated(e)
        }
        return [e for e in events if not gated(e) or e.evidence[0].article_id in fighting]

    def _told_again(self, events: list[Event]) -> list[Event]:
        """A happening named as one already told ("وقالت التنسيقية إن القذائف سقطت على منازل المدنيين", "the
        strikes hit a residential building"), with no day of its own, after a report of its kind in the same
        article and place: a second account of that report, quoted by it, not a new event."""
        out: list[Event] = []
        for e in events:
            s = self._origin.get(e.id)
            earlier = None
            wounded = s is not None and self._wounded_count(s, e)
            # "The attack targeted positions in the Raghwan district": the strike told before, at its site
            attack = s is not None and _THE_ATTACK.search(fold(s.text)) is not None
            # "Paramedics took seven bodies ... from the scene": a toll at the place told before, the toll of the
            # happening told there (one with no toll yet)
            bare = (
                s is not None
                and e.event_type == "casualties"
                and e.fatalities is not None
                and not s.facts.places
                and not names_a_place(s.text)
                and mood.names_a_told_place(s.text)
            )
            # the last event told in each paragraph so far (a bare toll is that one's)
            last = (
                {u.paragraph: n for n, o in enumerate(out) if (u := self._origin.get(o.id)) is not None and u.article is s.article}
                if bare and s is not None
                else {}
            )
            if (
                s is not None
                and (s.facts.told_again or wounded or bare)
                and e.event_type not in ("statement", "diplomacy")
                # "By Wednesday morning the death toll from the first day had risen to 12": a day of its own
                # that is only when the raised count stood
                and (not s.facts.event_date(s.moment)[2] or (s.facts.told_again and bool(numbers.toll_update(s.text))))
                and not s.facts.cumulative
            ):
                matches = [
                    n
                    for n, o in enumerate(out)
                    if (t := self._origin.get(o.id)) is not None
                    and t.article is s.article
                    and t.index < s.index
                    and (
                        _same_kind(o.event_type, e.event_type)
                        or s.facts.toll_of == o.event_type
                        # "The attack targeted ...": a strike told before, named by the word for any attack
                        or (attack and e.event_type == "clash" and o.event_type == "strike")
                    )
                    and (e.region is None or e.region == o.region)
                    # "The attack targeted positions in the Raghwan district": the site of the attack told in
                    # its region with none
                    and (
                        e.location is None
                        or e.location == o.location
                        or (attack and o.location is None and e.region is not None)
                    )
                    # another count is another report, unless said to be the same one raised or the
                    # toll of a happening told with none ("قتلوا في المعارك")
                    and (
                        e.fatalities in (None, o.fatalities)
                        or numbers.toll_update(s.text)
                        or ((s.facts.toll_of is not None or bare) and o.fatalities is None)
                        # "the raids targeted ..., and that four guards were killed": the toll of the raids
                        # told before with none
                        or (s.facts.told_again and o.fatalities is None and o.event_type == e.event_type)
                        # "في حين قالت لجان التنسيق إن عدد القتلى بلغ 114", "while the ministry put the toll
                        # at 41": another source's count set against the one told, of the same happening
                        or (s.facts.told_again and o.fatalities is not None and _RIVAL_COUNT.match(fold(s.text)))
                    )
                    # the wounded of the happening told before, not another count of them
                    and (not wounded or o.injured in (None, e.injured))
                    # a bare toll is of the happening its own paragraph told, the nearest
                    and (not bare or (t.paragraph == s.paragraph and not s.facts.told_again and n == last[t.paragraph]))
                ]
                earlier = _naming_the_same_site(s.text, [(n, out[n]) for n in matches])
            if earlier is None and s is not None:
                earlier = self._tolled_before(s, e, out)
            if earlier is None and s is not None:
                earlier = self._toll_told_next(s, e, out)
            if earlier is None and s is not None:
                earlier = self._source_count(s, e, out)
            if earlier is None and s is not None:
                earlier = self._raised_at_its_site(s, e, out)
            if earlier is None and s is not None and self._only_named(s, e):
                continue  # "The Houthis say their attacks are in solidarity with ...": no report of one
            if earlier is None:
                out.append(e)
                continue
            if s is not None and self._undated_title(out[earlier]) and s.facts.event_date(s.moment)[2]:
                # "حصيلة تفجير القامشلي ترتفع إلى 48 قتيلاً" then the lead "ارتفع عدد قتلى التفجير ... صباح أمس
                # الأربعاء إلى 48": the title's report is the body's, which says the happening's kind and day
                out[earlier] = _absorb(e, out[earlier], latest=False)
                continue
            # a raised toll ("ارتفعت حصيلة الغارة إلى 14") is the latest count
            out[earlier] = _absorb(out[earlier], e, latest=s is not None and bool(numbers.toll_update(s.text)))
        return out

    def _undated_title(self, e: Event) -> bool:
        """Whether an event was read from its article's title line alone, which names no day of its own."""
        t = self._origin.get(e.id)
        return t is not None and _is_title_line(t) and not t.facts.event_date(t.moment)[2] and len(e.evidence) == 1

    def _next_or_same_day(self, events: list[Event]) -> list[Event]:
        """A happening told "the next day" ("وفي اليوم التالي اندلعت المواجهات", "The following morning, troops
        entered ...") or "on the same day" ("وفي اليوم نفسه"), naming no day of its own, is of the day after (or
        of) the one the article told last before it (within a few sentences), never after the report's own;
        with none told, its date stays as read. (Not _told_next_day: a happening told again the next day.)"""
        out: list[Event] = []
        for e in events:
            s = self._origin.get(e.id)
            m = _NEXT_OR_SAME_DAY.search(fold(s.text)) if s is not None else None
            if s is not None and m is not None and not s.facts.event_date(s.moment)[2]:
                before = self._day_told_before(s)
                after = 0 if m.group("same") else 1
                if before is not None and before + dt.timedelta(days=after) <= s.moment.date():  # never after the report
                    e = e.model_copy(update={"date": before + dt.timedelta(days=after), "date_precision": "day"})
            out.append(e)
        return out

    def _day_told_before(self, s: _Sentence) -> dt.date | None:
        """The day the nearest sentence before ``s`` in its article names for what it tells (up to
        _TOLD_DAY_WITHIN sentences back), or None."""
        mine = self._articles.get(s.article.id, [])
        for x in reversed([x for x in mine if s.index - _TOLD_DAY_WITHIN <= x.index < s.index]):
            day, precision, dated = x.facts.event_date(x.moment)
            if dated and precision == "day":
                return day
        return None

    def _dated_by_publication(self, e: Event) -> _Sentence | None:
        """The sentence of a happening (not a statement) that names no day, so that only its publication dates
        it; None for any other event."""
        s = self._origin.get(e.id)
        if s is None or e.event_type in ("statement", "diplomacy") or e.date != s.moment.date() or s.facts.dates:
            return None
        return s

    def _day_before_paper(self, article_id: str) -> dt.date | None:
        """The day before its publication, for a report of that day: its first happening is dated then ("تواصلت
        أمس الأربعاء المعارك"), and no sentence of it names the day it was published ("اليوم", "today")."""
        mine = self._articles.get(article_id, [])
        if not mine or mine[0].as_of is not None:
            return None  # a live page dates its entries by their times
        published = mine[0].article.published_at.date()
        # (a state that still held that morning is no report of the day: "ولم تعلن أي جهة مسؤوليتها حتى صباح اليوم")
        if any(
            d.date == published and d.precision == "day" and not facts.reached_day(x.text, d)
            for x in mine
            for d in x.facts.dates
        ):
            return None
        first = next(
            (
                x
                for x in mine
                if not x.heading and not _is_title_line(x) and x.facts.event_type is not None and x.facts.mood == "happening"
            ),
            None,
        )
        if first is None:
            return None
        day, precision, dated = first.facts.event_date(first.moment)
        return day if dated and precision == "day" and day == published - dt.timedelta(days=1) else None

    def _of_the_day_before(self, events: list[Event]) -> list[Event]:
        """In a report of the day before its publication (``_day_before_paper``: a next-day paper), a happening
        told in a sentence that names no day is of that day ("وفي بغداد، اندلعت اشتباكات في مدينة الصدر"),
        not of the publication's; what someone said keeps the publication's day (evals/conventions.md)."""
        papers: dict[str, dt.date | None] = {}
        out: list[Event] = []
        for e in events:
            s = self._dated_by_publication(e)
            # ("The day before the vote, ...": a day of its own)
            if s is not None and not _DAY_OF_ITS_OWN.search(fold(s.text)):
                aid = s.article.id
                if aid not in papers:
                    papers[aid] = self._day_before_paper(aid)
                if (day := papers[aid]) is not None:
                    e = e.model_copy(update={"date": day, "date_precision": "day"})
            out.append(e)
        return out

    def _told_next_day(self, events: list[Event]) -> list[Event]:
        """A report published the day after its happening ("أمس الثلاثاء", "on Sunday") goes on telling it in
        sentences that name no day ("واستهدفت السيارات المفخخة محطة وقود ...", "The drone hit living quarters
        at the site"): a later one of the same kind and place, dated only by the publication, is that happening
        told again, not one of the publication's day."""
        out: list[Event] = []
        for e in events:
            s = self._dated_by_publication(e)
            earlier = None
            # ("كما سقطت ثلاث قذائف هاون", "artillery also shelled": one more happening, not the same told again)
            if s is not None and not _ONE_MORE.search(fold(s.text)):
                earlier = next(
                    (
                        n
                        for n, o in enumerate(out)
                        if (t := self._origin.get(o.id)) is not None
                        and t.article is s.article
                        and t.index < s.index
                        and o.date == e.date - dt.timedelta(days=1)
                        and _same_kind(o.event_type, e.event_type)
                        and e.region in (None, o.region)
                        # a site of its own ("the airport and the central prison" beside the city entered) is
                        # another happening of that day
                        and (e.location is None or o.location is None or e.location == o.location)
                        and e.fatalities in (None, o.fatalities)
                    ),
                    None,
                )
            if earlier is None:
                out.append(e)
            else:
                out[earlier] = _absorb(out[earlier], e, latest=False)
        return out

    @staticmethod
    def _only_named(s: _Sentence, e: Event) -> bool:
        """Fighting or strikes only named as known ("their attacks", "the attacks have forced shipping
        companies to ..."), with no place, day or toll of their own, and no report of them told before:
        a campaign spoken of, not a happening reported."""
        return (
            s.facts.told_again
            and e.event_type in ("clash", "strike")
            and e.location is None
            and e.region is None
            and e.fatalities is None
            and e.injured is None
            and not s.facts.event_date(s.moment)[2]
        )

    def _toll_told_next(self, s: _Sentence, e: Event, out: list[Event]) -> int | None:
        """"Gunmen attacked a checkpoint in Arish on Monday. The ministry said four policemen were killed and
        seven wounded": a toll told in the sentence right after a strike or an attack told with none, naming no
        place, no day and no other happening of its own, is that happening's toll."""
        if (
            e.event_type != "casualties"
            or (e.fatalities is None and e.injured is None)
            or s.index == 0
            or s.facts.places
            or names_a_place(s.text)
            or s.facts.cumulative
            or s.facts.event_date(s.moment)[2]
            or _ANOTHER.search(fold(s.text))
        ):
            return None
        for n in range(len(out) - 1, -1, -1):
            o = out[n]
            t = self._origin.get(o.id)
            if t is None or t.article is not s.article or t.index != s.index - 1:
                continue
            if o.event_type in ("strike", "clash") and o.fatalities is None and o.injured is None and o.date <= e.date:
                return n
        return None

    def _source_count(self, s: _Sentence, e: Event, out: list[Event]) -> int | None:
        """"The Red Cross said the bodies of 29 children had been brought to a hospital", "The health ministry said
        112 people had been killed in the incident": a count a source gives further down the article, naming no
        place, no day or span and no other happening of its own, is that source's count of the first happening
        the article counted before it, on its day or earlier, in its region: not a happening of its own. So is a
        count said to have been given before the one told ("Rescuers had put the number of dead at 30 overnight"),
        whoever gave it and whenever."""
        if (
            s.joined_to is not None  # "the shelling resumed on Taldou, killing three": its own sentence's toll
            or e.event_type != "casualties"
            or (e.fatalities is None and e.injured is None)
            or e.location is not None
            or s.facts.cumulative
        ):
            return None
        folded = fold(s.text)
        earlier = _EARLIER_COUNT.search(folded) is not None
        if (
            # a source's count ("the health ministry said", "the media office put the number of dead at")
            not (s.facts.attributions or earlier or _GIVES_COUNT.search(folded))
            or (s.facts.dates and not earlier)  # "in the Friday strike", "over the past two days": a day or a span of its own
            or _ANOTHER.search(folded)
        ):
            return None
        return next(
            (
                n
                for n, o in enumerate(out)
                if (t := self._origin.get(o.id)) is not None
                and t.article is s.article
                and t.index < s.index
                and o.event_type in (*_TOLLED_KINDS, "casualties")
                # a count set against one told: the happening already has a toll
                and o.fatalities is not None
                # the count, dated by its report, of a happening told on that day or before it
                and o.date <= e.date
                and (e.region is None or e.region == o.region)
            ),
            None,
        )

    def _raised_at_its_site(self, s: _Sentence, e: Event, out: list[Event]) -> int | None:
        """A toll said to have risen, of a happening named by its site ("وزارة الصحة ترفع حصيلة غارة علمات إلى
        23 قتيلاً"), is the one report of its kind the article told at that site before, whatever it counted."""
        if e.event_type in ("statement", "diplomacy") or not numbers.toll_update(s.text):
            return None
        words = _site_words(s.text)
        naming = [
            n
            for n, o in enumerate(out)
            if (t := self._origin.get(o.id)) is not None
            and t.article is s.article
            and t.index < s.index
            and _same_kind(o.event_type, e.event_type)
            and o.date == e.date
            and words & _quote_words(o)
        ]
        return naming[0] if len(naming) == 1 else None

    def _tolled_before(self, s: _Sentence, e: Event, out: list[Event]) -> int | None:
        """The toll told first of the happening a later sentence tells with no toll of its own ("ارتفعت حصيلة
        الاشتباكات التي شهدتها العاصمة أمس إلى 32 قتيلاً" then "واندلعت المواجهات فجر السبت بين ...", "The death
        toll from Saturday's clashes rose to 32 ... The fighting broke out at dawn"): the same happening, on
        the same day and in the same place, not a second one."""
        if e.event_type in ("statement", "diplomacy"):
            return None
        for n in range(len(out) - 1, -1, -1):
            o = out[n]
            t = self._origin.get(o.id)
            if t is None or t.article is not s.article or o.event_type in ("statement", "diplomacy"):
                continue
            # the toll's sentence comes first; either event may have been built first
            toll, told, toll_s, told_s = (o, e, t, s) if t.index < s.index else (e, o, s, t)
            if (
                toll_s.index < told_s.index
                and told.fatalities is None
                and told.injured is None
                and toll.fatalities is not None
                # the toll of a happening of this kind ("حصيلة الاشتباكات", "killed in the fighting"), or a
                # raised toll ("rose to 27") followed by fighting or a strike
                and (
                    (toll_s.facts.toll_of is not None and _same_kind(toll_s.facts.toll_of, told.event_type))
                    # "Six people were killed when gunmen opened fire ..." then "armed men traded fire for hours"
                    or (toll_s.facts.toll_when is not None and _same_kind(toll_s.facts.toll_when, told.event_type))
                    or (told.event_type in _TOLLED_KINDS and bool(numbers.toll_update(toll_s.text)))
                )
                and o.date == e.date
                and (told.region is None or told.region == toll.region)
                and (told.location is None or told.location == toll.location)
            ):
                return n
        return None

    def _wounded_count(self, s: _Sentence, e: Event) -> bool:
        """A count of the wounded alone, in a sentence naming no place and no day of its own ("The ministry
        said 20 people were wounded, four of them seriously", "وأصيب 15 آخرون بجروح"): the wounded of the
        happening the article told before it, not a happening of its own ("In a separate incident, a man
        was wounded in al-Ram" names its place)."""
        # where the wounded were taken ("نقلت إلى مستشفى رفيديا", "taken to Nasser Hospital") is no place of theirs
        text = mood.without_hospital(s.text)
        return (
            e.event_type == "casualties"
            and e.fatalities is None
            and e.injured is not None
            and not (s.facts.places if text == s.text else facts.read(text, s.moment).places)
            and not names_a_place(text)
        )

    def _one_statement_per_sentence(self, events: list[Event]) -> list[Event]:
        """The reports of one sentence that are statements of one speaker ("the RSF said it had liberated
        Zamzam ..., and denied harming civilians") are one statement, quoting each report."""
        out: list[Event] = []
        seen: dict[tuple[str, int, tuple[str, ...]], int] = {}
        for e in events:
            s = self._origin.get(e.id)
            if s is None or e.event_type != "statement" or not e.actors:
                out.append(e)
                continue
            key = (s.article.id, s.index, tuple(e.actors))
            if key not in seen:
                seen[key] = len(out)
                out.append(e)
                continue
            first = out[seen[key]]
            evidence = _merged_evidence(first, e)
            out[seen[key]] = first.model_copy(update={"evidence": evidence, "article_ids": article_ids_of(evidence)})
        return out

    def _told_elsewhere(
        self,
        e: Event,
        s: _Sentence,
        a: actors.Attribution,
        own: dict[str, actors.Attribution],
        events: list[Event],
        kind: EventType | None = None,
    ) -> Event | None:
        """The happening another sentence of the article reports that the party's own account ``e`` tells
        again (the same kind, day and site, done by that party), or None; ``kind``: what the account tells,
        for an account served as a statement."""
        assert a.actor is not None
        return next(
            (
                o
                for o in events
                if o.id not in own
                and o.evidence[0].article_id == e.evidence[0].article_id
                and o.evidence[0].quote != e.evidence[0].quote
                and _same_kind(o.event_type, kind or e.event_type, ground=self._by_troops(e))
                # an account with no day of its own tells a happening of another day only when it comes after
                # that happening's report ("RSF said it had taken Singa" in the lead is not the account of "on
                # Tuesday RSF fighters had captured villages" told further down)
                and (o.date == e.date or (not s.facts.event_date(s.moment)[2] and self._told_before(o, s)))
                # no place, the same site, or only the region of the happening's site ("استهدف مستودعاً في النبطية"
                # after strikes on the town of Nabatieh)
                and (
                    (regional := e.location is None and e.region is not None and e.region == o.region)
                    or (e.region is None and e.location is None)
                    or (e.location is not None and e.location == o.location)
                )
                and self._done_by(o, a.actor)
                # the same target, or a place or happening named as one told before ("the town", "the strikes")
                and (
                    regional
                    or self._same_target(e, o)
                    or (e.region is None and (mood.names_a_told_place(s.text) or s.facts.told_again))
                )
            ),
            None,
        )

    def _told_before(self, o: Event, s: _Sentence) -> bool:
        """Whether the event's sentence comes before this sentence in their article."""
        t = self._origin.get(o.id)
        return t is not None and t.article is s.article and t.index < s.index

    def _same_target(self, e: Event, o: Event) -> bool:
        """The two events' sentences name a common target or site beyond the parties ("داخل المدرسة" and
        "غارة استهدفت مدرسة", "liberated Zamzam" and "stormed the Zamzam camp")."""
        a, b = self._origin.get(e.id), self._origin.get(o.id)
        if a is None or b is None:
            return False
        names = {k for x in (a, b) for m in x.facts.actors for k in sentence_keys(m.text)}
        return bool((a.keys & b.keys) - names - _cue_keys())

    def _by_troops(self, e: Event) -> bool:
        """The event's sentence has the party's own troops or fighters acting ("its troops had killed dozens",
        "إن قواته قتلت المئات"): fighting on the ground, not the account of a strike."""
        s = self._origin.get(e.id)
        return s is not None and mood.troops_act(s.text)

    def _done_by(self, e: Event, party: actors.Actor) -> bool:
        """The event's sentence names this party, or a body it belongs to or that belongs to it, among its
        parties ("an Israeli strike" for the Israeli army's account)."""
        s = self._origin.get(e.id)
        if s is None:
            return False
        mine = {party.id, *actors.ancestors(party.id)}
        return any(
            actors.is_party(m.actor) and mine & {m.actor.id, *actors.ancestors(m.actor.id)} for m in s.facts.actors
        )

    def _parts(self, s: _Sentence, spans: list[tuple[int, int]]) -> tuple[list[_Sentence], dict[int, int]]:
        """A sentence's reports, each read as a sentence of its own, and for each told as ", a day after ..."
        how many days before the report's day it was."""
        parts: list[_Sentence] = []
        back: dict[int, int] = {}  # part -> days before the report's day (", a day after an ambush killed 13")
        for a, b in spans:
            if parts and (after := facts.days_after(s.text, a, b)) is not None:
                back[len(parts)], a = after  # the happening itself, not "a day after": its own report
            text = s.text[a:b]
            before = parts[-1] if parts else None
            span = Span(s.span.start + a, s.span.start + b)
            parts.append(
                _Sentence(
                    s.article,
                    span,
                    s.index,
                    text,
                    s.keys,
                    False,
                    self._read(text, s.article, s.as_of),
                    paragraph=s.paragraph,
                    joined_to=before,
                    as_of=s.as_of,
                )
            )
        return parts, back

    def _clause_events(self, s: _Sentence, dupes: list[_Sentence]) -> list[Event]:
        """The events of a sentence that joins two reports of different kinds ("قال إن قواته انسحبت من
        المدينة، ونفى أن تكون خسرت معركة": a withdrawal and a denial; "the RSF pushed into the east, and
        thousands fled": a capture and a flight), one per report; else those of the whole sentence. A report
        with no date or region of its own has the sentence's; each quotes its own words (the first, with
        the sentence's repeats in other articles)."""
        whole = self._events(s, dupes)
        if s.facts.mood == "off_topic":
            return whole  # "heavy snow cut off roads, and rescue teams evacuated villages": each part is that story
        spans = facts.clauses(s.text)
        if len(spans) < 2 or s.heading:
            return whole
        parts, back = self._parts(s, spans)
        # a sentence told as background ("the longest operation since 2002, and it has displaced 40,000")
        # stays background in each of its reports, unless one names a recent day of its own
        background = s.facts.is_background(s.moment)

        def events_of(parts: list[_Sentence]) -> list[list[Event]]:
            return [self._events(p, []) if not background or p.facts.event_date(s.moment)[2] else [] for p in parts]

        found = events_of(parts)
        # "struck the airport on Thursday, killing at least three, hours after the Houthis fired a missile": a
        # toll naming no place or day of its own is the strike's told just before it, whatever follows it
        tolled = [
            n for n in range(1, len(parts))
            if found[n] and {e.event_type for e in found[n]} == {"casualties"} and not parts[n].facts.located
            and not parts[n].facts.event_date(s.moment)[2] and n not in back
            and any(e.event_type in ("strike", "clash") for e in found[n - 1])
        ]  # fmt: skip
        if tolled and len(parts) > 2:
            for n in reversed(tolled):
                spans[n - 1 : n + 1] = [(spans[n - 1][0], spans[n][1])]
            parts, back = self._parts(s, spans)
            found = events_of(parts)
        kinds = {e.event_type for events in found for e in events}
        # a strike and its toll are one happening, unless the toll names a day of its own that differs (a toll
        # whose only day is the day it was said, "and 27 were killed, MSF said on Saturday", is the fighting's)
        # the days each report names for its happening, not the day someone said it ("..., killing 104, activists
        # said on Thursday" is the toll of Wednesday's attack)
        days = [
            {d.date for d in p.facts.dates if d.kind in ("absolute", "relative", "weekday") and not p.facts.of_saying(d)}
            for p in parts
        ]
        tolls = [n for n, events in enumerate(found) if any(e.event_type == "casualties" for e in events)]
        others = [days[m] for m in range(len(parts)) if found[m] and m not in tolls]
        own_report = all(days[n] and all(o and o != days[n] for o in others) for n in tolls)
        # two reports of one kind at two places ("drones struck Port Sudan, and artillery shelled El Obeid")
        # are two happenings
        sites = [
            {
                e.location.en if e.location is not None and e.location.en else e.region
                for e in events
                if (e.location is not None or e.region is not None) and e.event_type not in ("statement", "diplomacy")
            }
            for events in found
        ]
        apart = sum(1 for x in sites if x) >= 2 and not set.intersection(*[x for x in sites if x])
        # "strikes killed 51 across Lebanon, as Hezbollah fired a missile at Tel Aviv": two countries, two happenings
        lands = [{m.place.country for m in p.facts.located} for p, events in zip(parts, found, strict=True) if events]
        apart = apart or (len(lands) >= 2 and all(lands) and not set.intersection(*lands))
        # two speakers in one sentence ("واتهمت حركة فتح ...، فيما نفى متحدث باسم تجمع ..."): two statements
        voices = {v for p, events in zip(parts, found, strict=True) if events and (v := _voice(p)) is not None}
        apart = apart or len(voices) >= 2
        # "أوامر إخلاء ...، ما دفع مئات العائلات إلى النزوح نحو غرب المدينة": a result of its own kind, or the toll
        # of a strike, is the same happening, wherever the people went
        results = [
            n for n in range(1, len(parts))
            if _RESULT.match(fold(parts[n].text)) and found[n]
            and (
                (caused := {e.event_type for e in found[n]}) <= (cause := {e.event_type for e in found[n - 1]})
                or (caused == {"casualties"} and bool(cause & {"strike", "clash"}))  # "ما أسفر عن مقتل خمسة"
                # "..., sending millions into shelters, the military said": who tells the whole sentence
                or (caused == {"statement"} and bool(cause - {"statement", "diplomacy"}))
            )
        ]
        if results and len(parts) == 2:
            apart = False
            if {e.event_type for e in found[1]} == {"statement"}:
                return whole
        # "أصيب جندي برصاصة ...، كما سقطت قذائف على أحياء في صيدا": "كما" tells one more happening
        apart = apart or any(p.text.startswith("كما ") and events for p, events in zip(parts, found, strict=True))
        # "أجرى فيدان اتصالاً هاتفياً بلافروف، على أن يلتقي الوزراء غداً": what is only planned is no support of
        # the happening told; each report quotes its own words
        planned = kinds == {e.event_type for e in whole} and any(
            not events and (p.facts.mood == "plan" or _PLANNED.match(p.text) is not None)
            for p, events in zip(parts, found, strict=True)
        )
        # ", a week after a bombing in Istanbul killed six", "a month after launching their biggest offensive yet": a
        # happening a week or more before the report is its background, no part of it
        long_before = [n for n, days_back in back.items() if found[n] and days_back >= _BACKGROUND_DAYS_BACK]
        for n in long_before:
            found[n] = []
        apart = apart or bool(long_before)
        if not apart and not planned and (
            kinds <= {e.event_type for e in whole}
            or (kinds & {"casualties"} and kinds & {"strike", "clash"} and not own_report)
            # "tanks entered the al-Joura district, and at least six people were killed": an entry and its toll are
            # one happening; a capture ("captured Khan Tuman and al-Zirbah, and 12 soldiers were
            # killed") stays a capture of each place beside its toll
            or (
                kinds & {"casualties"}
                and "control_change" in kinds
                and not own_report
                and all(
                    facts.capture_is_entry(p.text)
                    for p, events in zip(parts, found, strict=True)
                    if any(e.event_type == "control_change" for e in events)
                )
            )
        ):
            return whole  # nothing the whole sentence does not say, or a strike and its toll: one happening
        # what only the whole sentence reads (a denial whose speaker the first report names) stays, quoting
        # the report that says it
        said = [
            n
            for n, p in enumerate(parts)
            if p.facts.mood in ("statement", "diplomacy") and not _NO_COMMENT.search(fold(p.text))
        ]
        for e in whole:
            if e.event_type not in kinds and said:
                p = parts[said[0]]
                # its own words, then what else it cites (the sentence that places it)
                evidence = [Evidence(article_id=s.article.id, quote=p.text), *e.evidence[1 + len(dupes) :]]
                words = Bilingual(**{s.article.language: p.text})
                told = e.model_copy(
                    update={"evidence": evidence, "id": event_id(e.event_type, evidence), "description": words}
                )
                self._origin[told.id] = p
                found[parts.index(p)].append(told)
        day, precision, dated = s.facts.event_date(s.moment)
        out: list[Event] = []
        for n, (p, events) in enumerate(zip(parts, found, strict=True)):
            own = p.facts.event_date(s.moment)[2]
            for e in events:
                if n in back and e.event_type in ("statement", "diplomacy"):
                    continue  # "killed ..., hours after remarks in which he accused ...": what led to it, no news
                update: dict[str, object] = {}
                if n in back and not own and e.event_type not in ("statement", "diplomacy"):
                    update.update(date=day - dt.timedelta(days=back[n]), date_precision="day")
                elif not own and dated and e.event_type not in ("statement", "diplomacy"):
                    update.update(date=day, date_precision=precision)
                # a report naming places of its own ("across Lebanon") is not where the other one was; nor is the
                # place of a happening a week before ("بعد أسبوع من تفجير في إسطنبول") where the report's was
                if e.region is None and e.event_type not in ("statement", "diplomacy") and not p.facts.located and not long_before:
                    update.update(region=s.facts.region())
                if n == 0 and e.evidence[0].quote == p.text and dupes:
                    # the sentence's repeats in other articles say the first report too
                    quoted = [Evidence(article_id=x.article.id, quote=x.text) for x in dupes]
                    evidence = [e.evidence[0], *quoted, *e.evidence[1:]]
                    update.update(evidence=evidence, article_ids=article_ids_of(evidence))
                out.append(e.model_copy(update=update) if update else e)
        return out

    def _build(
        self,
        s: _Sentence,
        dupes: list[_Sentence],
        event_type: EventType,
        where: places.PlaceMatch | Bilingual | None,
        named: list[str],
        *,
        split: bool = False,
    ) -> Event:
        f = s.facts
        day, precision, dated = f.event_date(s.moment, saying=event_type in ("statement", "diplomacy"))
        if not dated and (shifted := self._day_before_told(s)) is not None:
            day, precision = shifted, "day"
        region = f.region()
        # (talks held or a call made "in New York" are placed there too: "The UN Security Council held an emergency
        # meeting in New York")
        spoken = context.spoken_at(f) if event_type in ("statement", "diplomacy") else None
        if spoken is not None and (spoken.place.region or spoken.place.seat) is not None:
            where = spoken  # "In Amman, officials condemned the attack on the base": where they spoke
        if isinstance(where, places.PlaceMatch):
            # a city abroad places its speaker in its seat ("said in Washington": District of Columbia)
            region = where.place.region or (where.place.seat if where is spoken else None) or region
            location: Bilingual | None = _place_name(s.text, where)
        else:
            location = where
            # not where the displaced went or came from ("..., sending thousands to shelter in Beirut")
            happened = places.main_region_of(context.happening_places(f, event_type))
            if happened != region:
                region, location = happened, None
        if region is None and event_type not in ("statement", "diplomacy"):
            region = context.capital_happened_in(f)  # "outside Ankara's main railway station", "in central Tehran"
        attribution = [
            AttributionOut(source=self._local(s, a.actor, a.source_text).name_en if a.actor else a.source_text, stance=a.stance)
            for a in f.attributions
        ]
        if not attribution and s.article.source:
            attribution = [AttributionOut(source=s.article.source, stance="reports")]
        evidence = [Evidence(article_id=x.article.id, quote=x.text) for x in [s, *dupes]]
        # the sentence told without its dateline ("ADEN, Feb 19 (Wire) - "): the reporter's city is no part of it
        told = s.text[dateline_end(s.text) :].lstrip() or s.text
        event = Event(
            # events split from one list of places share their quote: the place tells them apart
            id=event_id(
                f"{event_type}@{location.en or location.ar}" if split and location else event_type,
                evidence[:1],
            ),
            date=day,
            date_precision=precision,
            region=region,
            location=location,
            event_type=event_type,
            # parties to the fighting; monitors, rescuers and media are in the attribution
            actors=named,
            fatalities=f.killed if event_type not in ("statement", "diplomacy") else None,
            injured=f.injured if event_type not in ("statement", "diplomacy") else None,
            status="disputed" if any(a.stance == "denies" for a in attribution) else "reported",
            attribution=list({(a.source, a.stance): a for a in attribution}.values()),
            description=Bilingual(
                ar=told if s.article.language == "ar" else None,
                en=told if s.article.language == "en" else None,
            ),
            evidence=evidence,
            article_ids=article_ids_of(evidence),
        )
        self._origin[event.id] = s
        return event

    def _placed(self, e: Event) -> Event:
        """A happening whose sentence names no region, placed from its context (the sentence before it that
        places one, the lead, a dateline: :func:`context.placing`), that sentence cited after the event's own
        quotes; a summons about a happening too. A statement is placed where the happening it concerns is
        (evals/conventions.md): the one it names ("condemned the strike": where the strike was told), else the
        story its article leads with (_statements_of_the_lead). Never a call, a visit or talks, nor a toll counted
        over the whole story (one counted at a place told before, "the city's hospital", is that place's)."""
        s = self._origin.get(e.id)
        if e.region is not None or s is None:
            return e
        story_count = s.facts.cumulative and not mood.names_a_told_place(s.text)
        if story_count and not _story_days_count(s):
            return e  # a toll counted over a war or a wide area, not at a place told before ("the city's hospital")
        if e.event_type == "diplomacy" and "diplomacy" in facts.event_types_in(s.text):
            return e  # between capitals, not where the happening they discuss was
        if e.event_type == "diplomacy" and s.facts.said_type in (None, "diplomacy"):
            return e  # talks, a call, a visit: where they were held, which the sentence does not say
        # a statement is placed where the happening it concerns is (evals/conventions.md): the one its words
        # name ("condemned the strike": where the strike was told), else the story its sentence is told in
        if e.event_type == "statement" and context.spoken_at(s.facts) is not None:
            return e  # "ودعا مسؤول أممي في جنيف إلى ...": where the speaker was, a city no region holds
        # "سحب مسلحيها من شوارع العاصمة", "clashes in the capital": the capital of the article's country
        if (
            e.event_type not in ("statement", "diplomacy")
            and (_BARE_CAPITAL_AR.search(fold(s.text)) or _BARE_CAPITAL_EN.search(s.text))
            and (country := self._country.get(s.article.id)) is not None
            and (capital := places.capital_region(country)) is not None
        ):
            return e.model_copy(update={"region": capital})
        article = self._articles[s.article.id]
        # "وأدان ميقاتي الغارة" after a sentence about sirens in Galilee: where the strike was told, not there; a
        # statement that names no happening told is placed by the article's lead (_statements_of_the_lead)
        if e.event_type == "statement":
            found = self._where_told(article, s)
        else:
            found = context.placing(article, s.index, story=s.facts.cumulative)
        if found is None:
            return e
        if story_count and _fought_in_regions(article, found[0]) > 1:
            return e  # the story's fighting is told in two regions of its country: its count is of neither alone
        region, k = found
        self._placed_by[e.id] = article[k].text
        if story_count:
            self._story_counts.add(e.id)
        if (
            k == s.index - 1
            and e.event_type not in ("statement", "diplomacy")  # two speakers are two statements
            and (not names_a_place(s.text) or mood.names_a_told_place(s.text))
            and s.facts.own_account is None
        ):
            # told right after, of no place of its own, and not a party's account of its own deeds ("IS said
            # its fighters killed dozens of attackers"): perhaps a detail of the happening told before
            self._details[e.id] = article[k].text
        e = _citing(e, article[k])
        update: dict[str, object] = {"region": region}
        # "لكن ما جرى في الناصرية أمس الخميس تجاوز كل ما سبقه. فقد سقط 29 قتيلاً ...": the sentence of its
        # paragraph that places an undated report dates it too
        placing = article[k]
        if k < s.index and placing.paragraph == s.paragraph and not s.facts.event_date(s.moment)[2]:
            day, precision, dated = placing.facts.event_date(placing.moment)
            if dated and e.event_type not in ("statement", "diplomacy"):
                update.update(date=day, date_precision=precision)
        return e.model_copy(update=update)

    def _near_details(self, events: list[Event]) -> list[Event]:
        """"RSF shelling of a camp on the outskirts of El Fasher killed 18. The Abu Shouk camp was hit by more
        than 30 shells": a report told right after one of its kind and day, at a place a few kilometres from
        that one's, with no toll of its own and no word of another one ("another", "أخرى"), is perhaps a
        detail of it (``self._details``); so is one that its source goes on to explain ("وأوضحت المصادر أن
        قذيفتين سقطتا على منزل"), with no day of its own: it takes that happening's day."""
        told = {(e.evidence[0].quote, e.event_type): e for e in events}
        out: list[Event] = []
        for e in events:
            out.append(e)
            s = self._origin.get(e.id)
            if s is None or s.index == 0 or e.event_type in ("statement", "diplomacy") or e.fatalities is not None:
                continue
            p = self._articles[s.article.id][s.index - 1]
            if (
                p.facts.event_type != e.event_type
                or p.facts.mood != "happening"
                or p.moment != s.moment
                or _ANOTHER.search(fold(s.text))
                or s.facts.own_account is not None
            ):
                continue
            # the same place, or a site beside a town (a camp, a quarter, a hospital): two towns are two sites
            near = any(
                a.place.id == b.place.id
                or (
                    places.distance_km(a.place, b.place) <= _SAME_SITE_KM
                    and not (a.place.kind in _TOWNS and b.place.kind in _TOWNS)
                )
                for a in s.facts.located
                for b in p.facts.located
            )
            if near and s.facts.located and p.facts.located:
                self._details.setdefault(e.id, p.text)
            elif (
                _GOES_ON_SOURCE.search(fold(s.text))
                and not s.facts.event_date(s.moment)[2]
                and (first := told.get((p.text, e.event_type))) is not None
            ):
                self._details.setdefault(e.id, p.text)
                out[-1] = e.model_copy(update={"date": first.date, "date_precision": first.date_precision})
        return out

    def _statements_of_the_lead(self, events: list[Event]) -> list[Event]:
        """A statement its words do not place (no happening of a kind told before, no place, no speaker's city:
        "President Tayyip Erdogan condemned the bombing", "Washington stood with the Turkish people") concerns the
        story its article leads with: it is placed where the article's first happening placed was (evals/
        conventions.md), that happening's sentence cited, not by the sentence before it (a statement after a strike
        in another town is not that strike's)."""
        lead: dict[str, tuple[_Sentence, str]] = {}
        for e in events:
            s = self._origin.get(e.id)
            if s is None or e.event_type in ("statement", "diplomacy") or e.region is None:
                continue
            if s.article.id not in lead or s.index < lead[s.article.id][0].index:
                lead[s.article.id] = (s, e.region)
        out = []
        for e in events:
            s = self._origin.get(e.id)
            if (
                e.event_type == "statement"
                and e.region is None
                and s is not None
                and s.article.id in lead
                and context.spoken_at(s.facts) is None
            ):
                first, region = lead[s.article.id]
                # its own sentence leads ("... انسحبوا من بلدة مورك، ونفى ..."): its clause is the other event's
                e = _citing(e.model_copy(update={"region": region}), first if first.index != s.index else None)
            out.append(e)
        return out

    @staticmethod
    def _where_told(article: list[_Sentence], s: _Sentence) -> tuple[str, int] | None:
        """"وأدان ميقاتي الغارة", "condemned the strike": where the latest happening of the kind a statement
        speaks of was told (region, its sentence's index); None when the article told none."""
        kind = s.facts.said_type
        if kind in (None, "statement", "diplomacy"):
            return None
        for k in range(s.index - 1, -1, -1):
            f = article[k].facts
            if f.event_type == kind and f.mood == "happening" and (region := f.region()) is not None:
                return region, k
        return None

    @staticmethod
    def _mark_disputes(
        events: list[Event], denied: dict[str, EventType], placed_by: dict[str, str] | None = None
    ) -> list[Event]:
        """A denial of a kind of happening and a report of it in the same governorate, within a day: the
        report is disputed (``denied``: what each denying statement's id denies). A denial placed by the
        sentence before it (``placed_by``: its id -> that sentence) disputes only what that sentence reports."""
        placed_by = placed_by or {}
        denials = [e for e in events if any(a.stance == "denies" for a in e.attribution)]
        out = []
        for e in events:
            for d in denials:
                same = d is not e and e.region == d.region and e.region is not None
                if d.id in placed_by and e.evidence[0].quote != placed_by[d.id]:
                    continue
                kind = denied.get(d.id, d.event_type)
                if same and e.event_type == kind and abs((e.date - d.date).days) <= 1:
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

    def _titles_told(self, events: list[Event]) -> list[Event]:
        """An article's title line ("مقتل والي غرب دارفور في الجنينة") tells, undated, a happening its body
        tells with its day: the title's report joins the body's event of its kind and toll (and place, when
        both say one), which keeps its own day."""
        out = list(events)
        for e in events:
            s = self._origin.get(e.id)
            # a title in two parts ("... بالعباسية.. والسيسي يعلن الحداد"): each is the title line's
            # ``is``, not ``in``: a pydantic model's == compares every field
            if s is None or not _is_title_line(s) or not any(x is e for x in out):
                continue
            body = [
                b
                for b in out
                if b is not e
                and b.evidence[0].article_id == s.article.id
                and (
                    b.event_type == e.event_type
                    # '"داعش" يزعم إعدام 1700 من طلاب قاعدة سبايكر': a title telling a party's claim of a happening
                    # is the body's report of that happening
                    or (e.event_type == "statement" and s.facts.said_type == b.event_type and s.facts.said_type not in ("statement", "diplomacy"))
                )
                # a statement in the title is the body's by the same speaker
                and (e.event_type != "statement" or b.event_type != "statement" or (bool(e.actors) and e.actors == b.actors))
                and e.fatalities in (None, b.fatalities)
                and (e.location is None or b.location is None or e.location.en == b.location.en)
                and (t := self._origin.get(b.id)) is not None
                and t.index != 0
                and not _is_title_line(t)
            ]
            if body:
                at = out.index(body[0])
                out[at] = _absorb(body[0], e, latest=False)
                out.remove(e)
        return out

    @staticmethod
    def _one_per_happening(
        events: list[Event],
        placed: Collection[str] = (),
        details: Mapping[str, str] | None = None,
        counts: Collection[str] = (),
    ) -> list[Event]:
        """Inside one article, one event per happening: the same type, place and day, or the same toll on
        the same day, or a detail of a happening told just before (``details``: an event that names no place
        of its own, placed by the sentence right before it -> that sentence), is kept once (the
        best-supported), with the others' quotes and figures. ``placed``: ids of the events placed by the
        sentence before them (that quote does not count as support). ``counts``: ids of the counts over the
        story's days placed where the story is: one meets another report of its place only by its toll (the
        story's 255 dead are not the one adviser killed in Aleppo province)."""
        details = details or {}
        kept: list[Event] = []
        index: dict[tuple[object, ...], int] = {}
        for e in sorted(events, key=lambda e: _support(e, e.id in placed), reverse=True):
            article = e.evidence[0].article_id
            place: object = e.location.en or e.location.ar if e.location else e.region
            if e.id in counts:
                place = ("over the story", place)
            keys: list[tuple[object, ...]] = [
                (
                    article,
                    e.event_type,
                    place,
                    e.date,
                    # a statement's speaker; an unnamed one's words (two groups the lexicon does not know)
                    (tuple(e.actors) or (e.evidence[0].quote,)) if e.event_type in ("statement", "diplomacy") else (),
                )
            ]
            if e.fatalities is not None:
                keys.append((article, "toll", e.fatalities, e.date))
            # "32 killed in a strike on a block in Jabalia camp. Witnesses said warplanes hit three houses near
            # the camp's market": a report whose only place is the sentence telling a strike that day is that strike
            # (looked up, and kept, the other way round: events of one sentence never meet this way)
            told = [(article, "tells", e.event_type, e.date, e.evidence[0].quote)]
            found_by = [(article, "placed by", e.event_type, e.date, e.evidence[0].quote)]
            if e.id in details:
                told.append((article, "placed by", e.event_type, e.date, details[e.id]))
                found_by.append((article, "tells", e.event_type, e.date, details[e.id]))
            # two tolls are two reports, even of one kind, place and day; the same toll may still be the one,
            # and a toll said to have risen ("ارتفعت حصيلة الغارة إلى 11") is the same happening counted again
            raised = numbers.toll_update(e.evidence[0].quote)
            if raised and e.event_type in ("strike", "casualties") and place is not None:
                # "raised the toll from the Tammun strike to 10": the strike at that place that day
                other = "strike" if e.event_type == "casualties" else "casualties"
                keys.append((article, other, place, e.date, ()))
            hit = next(
                (
                    index[k]
                    for k in [*keys, *found_by]
                    if k in index
                    and (
                        None in (e.fatalities, kept[index[k]].fatalities)
                        or e.fatalities == kept[index[k]].fatalities
                        or (k[1] not in ("toll", "tells", "placed by") and (raised or numbers.toll_update(kept[index[k]].evidence[0].quote)))
                    )
                ),
                None,
            )
            keys += told
            if hit is None:
                for k in keys:
                    index[k] = len(kept)
                kept.append(e)
                continue
            k0 = kept[hit]
            # the raised toll is the latest count; otherwise the best-supported report's, else the other's
            kept[hit] = _absorb(
                k0,
                e,
                latest=raised and e.fatalities is not None,
                attribution=list({(a.source, a.stance): a for a in [*k0.attribution, *e.attribution]}.values()),
                actors=list(dict.fromkeys([*k0.actors, *e.actors])),
            )
            for k in keys:
                index.setdefault(k, hit)
        order = {e.id: n for n, e in enumerate(events)}
        return sorted(kept, key=lambda e: order[e.id])

    # ------------------------------------------------------------------ all together

    def run(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        """One group's summary and events. Groups run in parallel worker threads: each run works on its own
        copy of the engine, whose per-group state (the sentences, each event's sentence) no other run sees."""
        return copy.copy(self)._run(group, languages)

    def _run(self, group: ArticleGroup, languages: list[Lang]) -> GroupResult:
        sentences = self._sentences(group)
        self._current = sentences
        self._articles = {}
        for x in sentences:
            self._articles.setdefault(x.article.id, []).append(x)
        self._origin, self._placed_by, self._details, self._fighting_only = {}, {}, {}, set()
        self._story_counts = set()
        self._country = {aid: context.country_of(x.facts for x in mine) for aid, mine in self._articles.items()}
        for x in sentences:  # رفح in a report from Sinai is Egypt's: read again where the country matters
            country = self._country[x.article.id]
            if country is not None and country in places.homes_in(x.text):
                x.facts = self._read(x.text, x.article, x.as_of)
        distinct = self._distinct(sentences)
        off_topic = _off_topic_articles(sentences)
        events: list[Event] = []
        denied: dict[str, EventType] = {}
        for s, d in distinct:
            if s.article.id in off_topic:
                continue
            for e in self._clause_events(s, d):
                events.append(e)
                if e.event_type == "statement" and s.facts.said_type not in (None, "statement", "diplomacy"):
                    denied[e.id] = s.facts.said_type
        events = self._claims_taken(self._told_again(self._own_accounts(self._amid_fighting(self._next_or_same_day(events)))))
        # placed first: an event placed by its context is one happening with a report of its kind, place, day
        events = [self._placed(e) for e in self._titles_told(events)]
        events = self._near_details(events)
        events = self._one_per_happening(self._of_the_day_before(events), self._placed_by, self._details, self._story_counts)
        events = self._told_next_day(events)
        events = self._mark_disputes(events, denied, self._placed_by)
        events = self._statements_of_the_lead(events)
        described = [self._describe(e) for e in events]
        events = [e for e, _ in described]
        # what the rendering said of each event in a language no article of it is in, kept for the summary
        rendered = {lang: [r[lang] for _, r in described] for lang in LANGS}
        summary = self._summary(group, distinct, languages, events, rendered)
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
        if not regions and not events:  # a match, the weather: where its articles are (a dateline's city too)
            slugs = {r.slug for r in places.regions()}
            for a in group.articles:
                for key, n in story_features(a).items():
                    if key.startswith("place:") and key[6:] in slugs:
                        regions[key[6:]] += n
        ranked = sorted(kinds, key=lambda k: (-kinds[k] * render.weight_of(k), k))
        kind: EventType | None = ranked[0] if ranked else None
        keywords = " · ".join(_label_words(group.keywords, group.articles[0].published_at)[:3]) or None
        return render.topic_label(
            kind, [r for r, _ in regions.most_common(3)], Bilingual(ar=keywords, en=keywords)
        )

    @staticmethod
    def _describe(e: Event) -> tuple[Event, dict[Lang, str | None]]:
        """Fill the description language the article did not write, from the event's facts; and what was
        rendered, by language (None: the article's own words)."""
        d = e.description
        ar = None if d.ar else render.event_description(e, "ar")
        en = None if d.en else render.event_description(e, "en")
        described = e.model_copy(update={"description": Bilingual(ar=d.ar or ar, en=d.en or en)})
        return described, {"ar": ar, "en": en}


# a day told by another happening ("The day before the vote", "في اليوم التالي"): no day of the report's paper
_DAY_OF_ITS_OWN = re.compile(r"\b(?:day|night|morning|evening) (?:before|after)\b|اليوم (?:السابق|التالي)|الليله (?:السابقه|التاليه)|غداه|عشيه")
# the capital named by the word alone ("شوارع العاصمة", "in the capital"), not "العاصمة اللبنانية", "the capital, Beirut"
_BARE_CAPITAL_AR = re.compile(r"(?<![^\W\d_])[وفبل]?(?:ال|لل)عاصمه(?![^\W\d_])(?!\s+(?:ال)?[^\W\d_]+يه(?![^\W\d_]))")
_BARE_CAPITAL_EN = re.compile(r"\bthe capital\b(?!,?\s+[A-Z]|\s+of\b)")  # on the text as written: a name is capitalised
# a day told as the one after the day told before ("في اليوم التالي", "the next morning", "a day later"), or as that
# day itself ("وفي اليوم نفسه", "later that day")
_NEXT_OR_SAME_DAY = re.compile(
    r"(?<![^\W\d_])(?:اليوم التالي|الليله التاليه|صباح اليوم التالي|مساء اليوم التالي)(?![^\W\d_])"
    r"|\b(?:the )?(?:next|following) (?:day|morning|evening|night)\b|\ba day later\b"
    # "وفي اليوم نفسه، قُتل مدني", "on the same day", "later that day": the day told before itself
    r"|(?P<same>(?<![^\W\d_])(?:في )?(?:اليوم|الليله) (?:نفسه|نفسها|ذاته|ذاتها)(?![^\W\d_])"
    r"|\b(?:on |later )?(?:the same|that) (?:day|night|evening|afternoon)\b)"
)
_TOLD_DAY_WITHIN = 3  # sentences back to the day a "next day" or "same day" is counted from
# what tells one more happening ("كما سقطت ...", "Troops also shelled ..."): its own, not one told again
_ONE_MORE = re.compile(r"^\W*[وف]?كما\s|\balso\b")
_BACKGROUND_DAYS_BACK = 7  # ", a week after ...": a happening this many days before the report is its background
# "، على أن يلتقي الوزراء غداً": what is agreed or planned to follow, no report
_PLANNED = re.compile(r"على [اأإ]ن\s")
# a part of a place the gazetteer does not know, named before it ("حي الروضة في تعز", "the Hadba district of Mosul")
_PART_OF = re.compile(
    r"(?<![^\W\d_])(?:ب|ال)?(?P<ar_noun>حي|منطقة|ضاحية)\s+(?:[^\W\d_]+\s+){1,2}?"
    r"(?:في|ب|(?P<side>شمال|جنوب|شرق|غرب)ي?)\s*$"
    r"|\b(?:district|neighbourhood|neighborhood|quarter|suburb|area)\s+(?:of|in)\s+(?:the\s+)?$"
)
_SIDES = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}
_AREA_WORDS = re.compile(
    r"(?:قري?ة|قرى|بلدات|مناطق|منطقة|محيط|محيطة|أطراف|ضواحي|villages|towns|areas?|around|outskirts|near)\W*"
    r"(?:\S+\W+){0,3}\S{0,2}$"
)
_LIST_GAP = re.compile(
    r"^(?:\s*[,،]\s*|\s+)(?:و|and\s+)?(?:(?:بلدة|قرية|مدينة|بلدتي|قريتي|the town of|the village of)\s+)?$"
)


def _listed_places(text: str, syrian: list[places.PlaceMatch]) -> list[places.PlaceMatch]:
    """Towns and villages named one after another ("خان طومان وجب كاس والطلحية", "Saraqeb and Khan
    Sheikhoun"): each a place of its own; [] when the sentence names no such list."""
    specific = [p for p in syrian if p.place.kind != "governorate" and p.qualifier != "countryside"]
    run: list[places.PlaceMatch] = []
    best: list[places.PlaceMatch] = []
    for p in specific:
        if run and p.place.id in {r.place.id for r in run}:
            continue
        run = [*run, p] if run and _LIST_GAP.match(text[run[-1].end : p.start]) else [p]
        if len(run) > len(best):
            best = run
    return best if len(best) >= 2 else []


def _place_name(text: str, p: places.PlaceMatch) -> Bilingual:
    """A place as the event has it: its countryside when the text says the villages around it."""
    whole = p.place.kind == "governorate" or p.qualifier == "countryside"
    if p.qualifier == "countryside" or (
        whole and p.qualifier != "city" and _AREA_WORDS.search(text[: p.start])
    ):
        return Bilingual(ar=f"ريف {p.place.name_ar}", en=f"{p.place.name_en} countryside")
    return Bilingual(ar=p.place.name_ar, en=p.place.name_en)


def _location(text: str, f: facts.SentenceFacts) -> Bilingual | None:
    """The most specific place named in the event's own governorate (a governorate alone: none, the
    region says it)."""
    region = f.region()
    own = [p for p in f.syrian_places if p.place.region == region]
    specific = [p for p in own if p.place.kind != "governorate"] or own
    if not specific and region is None:
        # "a ship in the Gulf of Aden": a sea or strait is where, though no region holds it
        specific = [p for p in f.located if p.place.kind == "sea"]
    if not specific:
        return None
    p = specific[0]
    if f.killed is not None and len(specific) > 1:
        # "غارات على خان شيخون ومعرة النعمان وأريحا، ما أسفر عن مقتل خمسة مدنيين في أريحا": where the toll was
        toll = next((q for q in f.quantities if q.counted in _DEAD), None)
        p = next((x for x in specific if toll is not None and 0 <= x.start - toll.end <= _TOLL_PLACE_WITHIN), p)
    named = _place_name(text, p)
    if p.place.kind == "governorate" and named.en == p.place.name_en:
        return None
    if (part := _PART_OF.search(text[max(0, p.start - 60) : p.start])) is not None:
        # "منطقة الحلفايا في الخرطوم بحري", "the al-Halfaya district of Khartoum North": a part of the place
        # the gazetteer does not know; not the whole city
        if part.group("side"):  # "منطقة الحلفايا شمال الخرطوم بحري": an area north of it
            side = part.group("side")
            return Bilingual(ar=f"{part.group('ar_noun')} {side} {named.ar}", en=f"an area {_SIDES[side]} of {named.en}")
        return Bilingual(ar=f"{part.group('ar_noun') or 'منطقة'} في {named.ar}", en=f"a district of {named.en}")
    return named


# a clause telling what the report before it caused: "ما دفع ...", "مما أدى ...", "sending ...", "forcing ..."
_RESULT = re.compile(r"\W*(?:ما|مما) (?:ادي|اسفر|اجبر|دفع)|\W*(?:sending|forcing|prompting|driving)\b")
# "another strike", "a separate attack", "غارة أخرى", "كما استهدفت": a second happening, not a detail of the first
_ANOTHER = re.compile(
    r"\b(?:another|other|separate|separately|second|also|elsewhere)\b|(?<![^\W\d_])(?:اخري|اخر|ثانيه|كما|ايضا|منفصل|منفصله)(?![^\W\d_])"
)
# a count given before the one told ("had put the number of dead at 35", "had earlier put the toll at",
# "وكانت المنظمة قد تحدثت مساء أمس عن 44 قتيلاً", "وكانت وكالات أنباء قد نقلت أمس ... أن عدد القتلى")
_EARLIER_COUNT = re.compile(
    r"\bhad (?:earlier |initially |first )?(?:put|given|estimated) the (?:death toll|toll|number of (?:dead|deaths|those killed))"
    r"|^\W*و?كان(?:ت)?\s+(?:[^\W\d_]+\s+){1,4}قد\s+(?:تحدث|نقل|ذكر|اعلن|افاد|احصي|قدر|اورد|وثق)(?:ت)?(?![^\W\d_])"
)
# a count given by whoever the sentence names ("The government media office put the number of dead at more than 100")
_GIVES_COUNT = re.compile(
    r"\b(?:put|puts|estimated|estimates) the (?:death toll|toll|number of (?:dead|deaths|those killed|people killed))"
)
# the source of the sentence before goes on to explain ("وأوضحت المصادر أن", "The sources added that")
_GOES_ON_SOURCE = re.compile(
    r"^\W*(?:و|ف)?(?:اوضح|اضاف|تابع|اشار)(?:ت)?\s+(?:المصادر|المصدر|المراسل|الشهود|شهود العيان)(?![^\W\d_])"
    r"|^\W*(?:the|those|these) (?:same )?(?:sources?|witnesses|residents) (?:said|added|explained)\b"
)
_DEAD = frozenset({"killed", "civilians", "fighters", "soldiers", "children", "women", "people"})
_TOLL_PLACE_WITHIN = 40  # characters from a toll's figure to the place it names ("مقتل خمسة مدنيين في أريحا")
_SAME_SITE_KM = 6.0  # a site this close to a place is that place's, for a detail told right after its happening
_TOWNS = frozenset({"city", "town", "village", "area", "country", "foreign_city", "road"})


# a strike and the toll it took are one happening reported two ways; other kinds are told apart (a
# capture is no clash, a withdrawal no capture)
_KINDS_OF_ONE: tuple[frozenset[str], ...] = (frozenset({"strike", "casualties"}),)
# folded words that set a clause against what was told ("but", "لكن", "غير أن")
_CONTRAST = "but|however|لكن|لكنه|لكنها|غير ان|الا ان"
# a claim not made (folded): "لم تعلن", "لم يتبن"; "no group has claimed"
# a sentence that sets what it tells against what was told ("في حين قالت ...", "غير أن مسؤولاً قال ...", "while ...")
_RIVAL_COUNT = re.compile(rf"\W*(?:[وف]?(?:في حين|بينما|while|whereas|{_CONTRAST}))(?![^\W\d_])")
_ATTACKS: frozenset[str] = frozenset({"strike", "clash", "casualties"})
# an attack named as one told before: "The attack targeted ...", "وقال إن الهجوم استهدف ..."
_THE_ATTACK = re.compile(r"\b(?:the|this) (?:attack|assault)\b|(?<![^\W\d_])[وفب]?الهجوم(?![^\W\d_])")
# a report that goes on with the words of the one before it ("and that ...", "وأن ...", "وإن ...")
_GROUND: frozenset[str] = frozenset({"clash", "control_change"})  # fighting on the ground
_GOES_ON = re.compile(r"^\W*(?:and\s+)?that\b|^\W*و(?:ان|بان)(?![^\W\d_])|[,،]\s*(?:and\s+that\b|و(?:ان|بان)(?![^\W\d_]))")


@cache
def _cue_keys() -> frozenset[str]:
    """The content-word keys of every event cue ("سيطرة", "strike"), of the parties' common nouns ("الجماعة",
    "forces") and of nationality adjectives ("البريطانية"): words any two reports may share."""
    words = [*facts.cue_words(), *facts.shared_words(), *speakers_of.nationality_adjectives()]
    return frozenset(k for c in words for k in sentence_keys(c))


def _same_kind(a: str, b: str, *, ground: bool = False) -> bool:
    """Two event types one happening may be told as; ``ground``: the killing was by troops on the ground,
    which no strike is."""
    return a == b or (not ground and any(a in f and b in f for f in _KINDS_OF_ONE))


# a day counted back from the one told before: "قبل ذلك بليلة/بيوم/بيومين", "a day earlier", "the day before"
_DAY_BEFORE_TOLD = re.compile(
    r"(?<![^\W\d_])(?:[وف]?قبل ذلك ب(?:ليله|يوم|(?P<two>يومين))|(?:a|one) day (?:earlier|before)|the (?:day|night) before"
    r"|the previous (?:day|night)|في اليوم السابق|(?P<two2>two days) earlier"
    # "Hours after the shooting, Israel closed ...", "وتسلمت في اليوم نفسه ...": the same day as the one told
    r"|(?P<same>hours after the|later that day|later the same day|on the same day|(?:less than |about |some )?"
    r"(?:an hour|two hours|hours|minutes) (?:later|earlier)|shortly afterwards|في اليوم نفسه|في اليوم ذاته|"
    # "وقبل ذلك بساعات، حاول رتل ...": hours before the happening told, its day
    r"[وف]?قبل ذلك ب(?:ساعات|ساعه|ساعتين|دقايق)|"
    r"[وف]?بعد (?:اقل من |نحو )?(?:ساعات|ساعه|ساعتين|دقايق)(?: من)?))(?![^\W\d_])(?! (?:the|a|an|its|his|their)\b)"
)
# a warning or a threat: what it says is to come ("warned that those behind the attack would pay")
_WARNS = re.compile(
    r"(?<![^\W\d_])(?:warned|warns|threatened|threatens|vowed|vows|[وف]?(?:حذر|حذرت|هدد|هددت|توعد|توعدت))(?![^\W\d_])"
)
_NO_COMMENT = re.compile(
    r"(?:لم|لا)\s+(?:يصدر|تصدر|يعلق|تعلق|يرد|ترد)|did not (?:comment|respond)|declined to comment|no (?:immediate )?comment"
)
# a sentence whose news is that no one claimed the attack (folded; "حتى الآن، لم تعلن أي جهة مسؤوليتها",
# "No group has claimed the attack"): its Arabic form needs the word for responsibility beside it
_NO_CLAIM_MADE = re.compile(
    rf"\W*(?:(?:[وف]?(?:حتي (?:الان|ظهر|مساء|صباح)[^,.]{{0,20}},?\s*))?[وف]?(?P<ar>{facts.UNMADE_AR})(?![^\W\d_])"
    rf"|there (?:was|has been|is) no (?:immediate )?claim|{facts.UNMADE_EN})"
)
_BUT = re.compile(rf"(?<![^\W\d_])(?:{_CONTRAST})(?![^\W\d_])")
_TOLLED_KINDS = frozenset({"clash", "strike"})  # happenings a raised toll told before them counts
_FIGHTING = frozenset({"strike", "clash", "casualties", "control_change", "withdrawal", "reinforcement", "displacement"})
_LEAN_BACK = 3  # sentences back to the speaker a "وأضاف" / "He added" sentence leans on
_SUBJECT_WITHIN = 45  # characters from the sentence start to the body whose position it is ("ونددت الرئاسة ...")


def _voice(p: _Sentence) -> str | None:
    """Who speaks in a report of a sentence, when it names its speaker: its attributed source, or a group
    the lexicon does not know (speakers.organisation); None when it names none (it goes on with the
    speaker before it)."""
    if p.facts.mood != "statement":
        return None
    if p.facts.attributions:
        return p.facts.attributions[0].source_text
    span = speakers_of.organisation(p.text)
    return p.text[span[0] : span[1]] if span else None


# speakers whose words are a statement of their own: states, forces, armed groups, their people, the U.N.
_OFFICIAL_KINDS = frozenset(
    {"person", "government", "foreign_government", "military", "armed_group", "international_org"}
)


def _official_position(text: str, f: facts.SentenceFacts, speakers: list[actors.Attribution]) -> bool:
    """A named body's own position ("ونددت الرئاسة الفلسطينية بالعملية", "the U.N. relief chief said he was
    deeply alarmed"): a statement of its speaker; not an unnamed source's, nor a refusal to comment."""
    if _NO_COMMENT.search(fold(text)):
        return False
    named = [a.actor for a in speakers if a.actor is not None]
    named += [m.actor for m in f.actors if m.start <= _SUBJECT_WITHIN]
    return any(not actors.is_generic(a.id) for a in named)


def _said_modal(text: str) -> bool:
    """Whether what an official says is a prediction or a threat ("the war would go on"): a modal in its
    words, up to the Arabic comma that ends them and starts a clause of its own ("... إن يد الغدر طالت أبطال
    القوات المسلحة، مؤكداً أن مصر قادرة على ..."); a comma before the words said ("من جهته، قال ...") ends
    nothing."""
    folded = fold(text)
    said = _SAID_AR.search(folded) if not text.isascii() else None
    cut = folded.find(",", said.end()) if said is not None else -1
    return any(start < cut or cut < 0 for start, _ in mood.marks(folded).modal)


_SAID_AR = re.compile(r"(?<![^\W\d_])(?:ان|بان)(?![^\W\d_])")  # folded إن، أن، بأن: the words said begin


# summoned or invited to the talks named next ("بعد استدعائه إلى", "after being summoned to")
_SUMMONED = re.compile(r"(?:استدعا[يو]?(?:ه|هم)?|دعوته|دعوتهم)\s+(?:الي|ل)\s*$|\b(?:summoned|invited|called) to(?: an?| the)?\s*$")


def _told_before_talks(text: str, f: facts.SentenceFacts) -> bool:
    """Someone killed (not planned, not only said) is told before the sentence's first cue of talks, and so
    is the happening: "X was killed in strikes ... during a meeting", not "talks on the attacks"."""
    at = talks_at(text)
    if f.event_type is None or at is None:
        return False
    told = [t for t in facts.triggers(fold(text)) if not t.modal and not t.context and t.start < at]
    if any(t.kind == "casualties" for t in told) and any(t.kind == f.event_type for t in told):
        return True
    # "اعتقلت قسد قائد المجلس ... بعد استدعائه إلى اجتماع", "was arrested after being summoned to a meeting":
    # the meeting is how the arrest came about
    return any(t.kind == f.event_type for t in told) and _SUMMONED.search(fold(text[max(0, at - 30) : at])) is not None


def _support(e: Event, placed: bool = False) -> tuple[int, ...]:
    """How well an event is supported: its own words place it (``placed``: the sentence before it does,
    its last quote, which does not count as support), a toll, a named place, sources, repeats."""
    return (
        not placed,
        e.fatalities is not None,
        e.location is not None,
        len({ev.article_id for ev in e.evidence}),
        len(e.attribution),
        len(e.evidence) - placed,
    )


def _label_words(keywords: Collection[str], published_at: dt.datetime) -> list[str]:
    """A group's keywords fit for its label: no day, month or number ("Sunday", "Four", "الأحد")."""
    return [
        k
        for k in keywords
        if numbers.parse_number(k) is None
        and not dates.find_dates(k, published_at)
        and fold(k) not in dates.calendar_words()
    ]


def _merged_evidence(kept: Event, other: Event) -> list[Evidence]:
    """``kept``'s evidence, then the other report's quotes it does not have."""
    quotes = {(ev.article_id, ev.quote) for ev in kept.evidence}
    return [*kept.evidence, *(ev for ev in other.evidence if (ev.article_id, ev.quote) not in quotes)]


_STORY_DAYS = 7  # a count since a day at most this old is counted over the story's own days


def _story_days_count(s: _Sentence) -> bool:
    """A count over the story's own days ("حصيلة القتلى منذ الأحد", "since the operation began early on
    Monday", "since Friday") that names no wider area ("in Lebanon", "in north-east Syria"): the story's
    toll, placed where the story is. One since a month or a war ("since October 2023", "منذ بدء العدوان في
    الثامن من تموز") or with no day is not."""
    day = dates.publication_day(s.moment)
    spans = [d for d in s.facts.dates if d.precision == "day"]
    return (
        bool(spans)
        and len(spans) == len(s.facts.dates)
        and all(0 <= (day - d.date).days <= _STORY_DAYS for d in spans)
        and not s.facts.places
        and not mood.names_a_wide_area(s.text)
    )


def _fought_in_regions(article: list[_Sentence], region: str) -> int:
    """How many regions of ``region``'s country an article tells happenings in (a strike in Tel Aviv beside a
    raid on Jenin is another country's; clashes in Basra beside Baghdad's are the same story's country)."""
    home = places.get_place(region)
    country = home.country if home is not None else None
    return len(
        {
            m.place.region
            for x in article
            if x.facts.mood == "happening"
            for m in x.facts.located
            if m.place.region is not None and m.place.country == country
        }
    )


# the word a report names as where something happened ("الغارة على علمات", "حصيلة غارة علمات", "the strike on
# Almat"), folded
_SITE_WORD = re.compile(
    r"(?<![^\W\d_])(?:علي|في|بلده|مدينه|قريه|حي|غاره|قصف|تفجير|هجوم|on|in|at)\s+(?P<word>[^\W\d_]{4,})(?![^\W\d_])"
)


def _site_words(text: str) -> set[str]:
    """The words a sentence names as where something happened (see ``_SITE_WORD``), folded."""
    return {m.group("word") for m in _SITE_WORD.finditer(fold(text))}


_LONG_WORD = re.compile(r"[^\W\d_]{4,}")


def _quote_words(e: Event) -> set[str]:
    """The words of four letters or more an event's quotes say, folded."""
    return {w for ev in e.evidence for w in _LONG_WORD.findall(fold(ev.quote))}


def _naming_the_same_site(text: str, candidates: list[tuple[int, Event]]) -> int | None:
    """Of the reports a sentence may tell again (the first by default), the first whose words name the site the
    sentence names ("الغارة على علمات أدت إلى سقوط عشرين قتيلاً" is the strike told on "بلدة علمات", not the one
    on the southern suburbs told before it, though neither place is in the gazetteer's list), when only some do."""
    if len(candidates) < 2:
        return candidates[0][0] if candidates else None
    words = _site_words(text)
    naming = [n for n, o in candidates if words & _quote_words(o)]
    return naming[0] if naming and len(naming) < len(candidates) else candidates[0][0]


def _is_title_line(s: _Sentence) -> bool:
    """Whether a sentence is its article's first line standing alone as a title: a paragraph of its own,
    with no full stop (two dots are none)."""
    if s.paragraph != 0:
        return False
    first = s.article.text.lstrip().split("\n", 1)
    line = first[0].rstrip()
    # ("... قرب تكريت.." : two dots join an Arabic headline's parts, or end it; no full stop)
    return len(first) == 2 and (line.endswith("..") or not line.endswith((".", "!", "?", "؟"))) and (
        s.text.strip() in first[0]
    )


def _with_account(kept: Event, account: Event) -> Event:
    """``kept`` with a party's own account of it merged in as a quote. The toll and who tells it stay the
    report's: the party said what it aimed at, not the toll ("the health ministry and the Israeli army said
    a strike killed 7" would be untrue), and its words are there to read."""
    return _absorb(kept, account, latest=False, fatalities=kept.fatalities, injured=kept.injured)


def _citing(e: Event, before: _Sentence | None) -> Event:
    """An event with a sentence that names its speaker or its place cited after its own quotes."""
    if before is None:
        return e
    quote = Evidence(article_id=before.article.id, quote=before.text)
    evidence = e.evidence if quote in e.evidence else [*e.evidence, quote]
    return e.model_copy(update={"evidence": evidence, "article_ids": article_ids_of(evidence)})


def _absorb(kept: Event, other: Event, *, latest: bool, **more: object) -> Event:
    """``kept`` with another report of its happening merged in: the other's new quotes, its tolls where
    ``kept`` has none (or first, when ``latest``: a raised toll), and any ``more`` fields given."""
    evidence = _merged_evidence(kept, other)
    first, second = (other, kept) if latest else (kept, other)
    return kept.model_copy(
        update={
            "evidence": evidence,
            "article_ids": article_ids_of(evidence),
            "fatalities": first.fatalities if first.fatalities is not None else second.fatalities,
            "injured": first.injured if first.injured is not None else second.injured,
            **more,
        }
    )


def _off_topic_articles(sentences: list[_Sentence]) -> set[str]:
    """Articles about sports, markets or another country's politics: two or more such sentences and at
    least a sixth of the article."""
    total: Counter[str] = Counter(s.article.id for s in sentences)
    off: Counter[str] = Counter(s.article.id for s in sentences if s.facts.other_story)
    return {a for a, n in off.items() if n >= 2 and n * 6 >= total[a]}


_CITY_KINDS = frozenset({"city"})
# how newsworthy a happening is, for the headline: a capture or a pull-out before the fighting and tolls
_HEADLINE_WEIGHT: dict[str, float] = {
    "control_change": 6.0,
    "withdrawal": 5.0,
    "strike": 3.0,
    "casualties": 3.0,
    "clash": 2.5,
    "displacement": 2.0,
    "reinforcement": 1.5,
    "other": 0.5,
}


def _lead_event(events: list[Event], distinct: list[tuple[_Sentence, list[_Sentence]]]) -> Event | None:
    """The happening the articles' own summary leads with, for a summary rendered in another language."""
    top = _headline_event(events, {(x.article.id, x.text): (s, d) for s, d in distinct for x in [s, *d]})
    return next(
        (e for e in events if top is not None and any(ev.article_id == top[0] and ev.quote in top[1] for ev in e.evidence)),
        None,
    )


def _headline_event(
    events: list[Event], by_quote: dict[tuple[str, str], tuple[_Sentence, list[_Sentence]]]
) -> tuple[str, str] | None:
    """The quote (article, sentence) of the day's most newsworthy happening told in this language: a city
    taken outranks a toll from a distant strike; statements and calls never make a headline."""
    scored: list[tuple[float, tuple[str, str], _Sentence]] = []
    for e in events:
        weight = _HEADLINE_WEIGHT.get(e.event_type)
        if weight is None:
            continue
        key = next(
            ((ev.article_id, ev.quote) for ev in e.evidence if (ev.article_id, ev.quote) in by_quote), None
        ) or next(  # one report of a sentence that joins two quotes its own words: the sentence says them
            (k for ev in e.evidence[:1] for k in by_quote if k[0] == ev.article_id and ev.quote in k[1]), None
        )
        if key is None:
            continue
        s = by_quote[key][0]
        if s.heading or s.facts.mood != "happening" or len(s.text.split()) < 5:
            continue
        # a city taken, not a district or an area beside it ("an area north of Khartoum North")
        part = e.location is not None and (e.location.en or "").startswith(("a district of", "an area "))
        city = not part and any(
            p.place.kind in _CITY_KINDS and p.qualifier != "countryside" and p.place.region == e.region
            for p in s.facts.syrian_places
        )
        if part and e.event_type in ("control_change", "withdrawal"):
            weight = _HEADLINE_WEIGHT["strike"]  # a district changing hands weighs like a strike, not a town taken
        score = weight + 3.0 * (city and e.event_type in ("control_change", "withdrawal"))
        score += (
            min(e.fatalities or 0, 100) / 50 + 0.5 * (len(e.article_ids) - 1) + 0.5 * (e.location is not None)
        )
        # a claim one party makes and another denies is doubtful; a toll reported, or told by a neutral body,
        # stays news when the accused denies "targeting civilians"
        doubt = 1.0 if e.fatalities or any(a.stance == "reports" for a in e.attribution) else 3.0
        score -= 0.02 * s.index + doubt * (e.status == "disputed") + 2.0 * leans_on_speaker(s.text)
        score -= 2.0 * bool(_RECAP.match(fold(s.text)))
        scored.append((score, key, s))
    # an article's first happening is what its writer found most newsworthy ("18 killed across the Strip")
    leads = {a: min(s.index for _, _, s in scored if s.article.id == a) for a in {s.article.id for _, _, s in scored}}
    best = max(
        ((score + _LEAD_BONUS * (s.index == leads[s.article.id]), key) for score, key, s in scored),
        key=lambda x: x[0],
        default=None,
    )
    return best[1] if best else None


_LEAD_BONUS = 0.6  # what the article's first happening adds to its headline weight
_FIGURE = re.compile(r"\d")
_RECAP = re.compile(r"\W*(?:و|ف)?(?:في وقت سابق|جاء ذلك|ياتي ذلك|earlier|this came|it came)")


def _same_thing(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two sentences say the same thing: their content words overlap a lot, or one's are nearly all the
    other's."""
    if not a or not b:
        return False
    shared = len(a & b)
    return shared / len(a | b) >= NEAR_DUPLICATE - 0.15 or shared / min(len(a), len(b)) >= 0.8


def _first_clause(sentence: str, max_words: int = 28) -> str:
    """A long sentence cut at a clause break for a headline, without its dateline ("ALEPPO, Syria, Nov 29
    (Wire) - "): still the sentence's own words."""
    sentence = sentence[dateline_end(sentence) :].lstrip()
    if len(sentence.split()) <= max_words:
        return sentence
    for m in re.finditer(r"[،,؛;]", sentence):
        if len(sentence[: m.start()].split()) >= 8:
            return sentence[: m.start()].rstrip()
    return sentence
