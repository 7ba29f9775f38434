"""Facts read from one sentence: event type, dates, places, figures, actors and who says so."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Literal, NamedTuple

from summarizer.reading import actors, dates, mood, numbers, places, speakers
from summarizer.reading.actors import ActorMatch, Attribution
from summarizer.reading.dates import Precision, TemporalExpression
from summarizer.reading.lexicon import alternation
from summarizer.reading.mood import Mood
from summarizer.reading.numbers import Quantity
from summarizer.reading.places import PlaceMatch
from summarizer.reading.text import dateline_end, dateline_outlet, fold
from summarizer.schemas import EventType

# a verb of beginning right before a "since" phrase: the happening began that day
_BEGAN = re.compile(
    r"(?<![^\W\d_])(?:[وف]?(?:بدا|بدات|بدأ|بدأت|انطلق|انطلقت|اندلع|اندلعت)|began|begun|started|broke out|erupted)"
    r"(?![^\W\d_])"
)
_BEGAN_WINDOW = 40
_SINCE = re.compile(r"(?<![^\W\d_])(?:و?منذ|since)(?![^\W\d_])")
_DENIAL_OF_OTHERS = re.compile(r"(?:وهو ما|وهذا ما|الامر الذي|which|something|a claim)(?:\s+\S+){0,3}\s*$")
# a superlative before "since" in its clause: what follows compares, it does not count a span
_COMPARED = re.compile(
    r"(?<![^\W\d_])(?:اكثر(?!\s+من\s+(?:\d|مي|ماي|الف|الاف|عشر|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|مليون))|اعنف|اسوا|اكبر|اشد|اخطر|اعلي|deadliest|worst|biggest|largest|heaviest|bloodiest|"
    r"fiercest|highest|most(?! of)|first)(?![^\W\d_])[^,،;؛.]*$"
)
_SINCE_WORD = re.compile(r"\bsince\b|(?<![^\W\d_])منذ(?![^\W\d_])")
# a clause that raises a running total ("..., bringing to 52 the number of troops killed since ...", "ليرتفع عدد
# قتلاه منذ بدء العملية إلى 40"): its "since" spans the total, not the happening the sentence reports
_RAISING = re.compile(
    r"(?<![^\W\d_])(?:bringing|raising|taking|pushing|[لف]?ترتفع|[لف]?يرتفع|ما يرفع|مما يرفع|[لف]?يصل|[لف]?تصل|"
    r"[لف]?يبلغ|[لف]?تبلغ)(?![^\W\d_])[^.;؛]*$"
)
# a breakdown of a count before a place: "including 8 in", "بينهم 8 في", "منهم خمسة في"
_PART_OF_COUNT = re.compile(
    r"(?:\bincluding|\bamong them|(?<![^\W\d_])(?:بينهم|منهم|من بينهم))\s+[^,،;؛.]{0,25}?(?:\d|ثلاث|اربع|خمس|ست|سبع|ثمان|تسع|عشر|two|three|four|five|six|seven|eight|nine|ten)[^,،;؛.]*$"
)
# a locative word right before a name: the place ("in eastern Baghdad", "في العاصمة بغداد"), not who speaks
_LOCATIVE = re.compile(
    # "car bombs struck Baghdad", "هجمات ضربت بغداد": the capital an attack hit is where it was
    r"(?:\b(?:in|at|near|inside|outside|across|around|into|struck|strikes?|striking|hit|hits|hitting|rocked|rocks|rocking|"
    r"shook|shakes|shaking|pounded|pounds|pounding|bombed|bombing|shelled|shelling|targeted|targeting)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|"
    r"south-western|downtown)\s+)?"
    r"|(?<![^\W\d_])(?:في|داخل|قرب|وسط|شرق|غرب|شمال|جنوب|شرقي|غربي|شمالي|جنوبي|ضواحي|اطراف|محيط|ضربت|تضرب|هزت|تهز)\s+"
    r"(?:العاصمه\s+)?)$"
)
# where a source is ("medical sources in Aden said", "مصادر طبية في عدن"): not where the happening is, when the
# sentence names another place
_SOURCE_AT = re.compile(
    r"(?<![^\W\d_])(?:sources?|officials?|doctors|medics|staff|nurses|witnesses|residents|activists|مصادر|مصدر|مسوول|"
    r"مسوولون|مسوولين|اطباء|طاقم|طواقم|كوادر|شهود|ناشطون|ناشطين)(?:\s+[^\W\d_]+)?\s+(?:in|at|في)"
    # "مصدر طبي في مستشفى العريش": the hospital the source speaks from
    r"(?:\s+(?:مستشفي|مستشفيات|an?|the))?\s*$"
)
# where someone came from or was sent from ("قائد عسكري أُرسل من بغداد", "a convoy arriving from Misrata"): not
# where the happening is
_CAME_FROM = re.compile(
    r"(?:\b(?:arrived|arriving|sent|dispatched|flown in|coming|came|deployed)\s+from"
    r"|(?<![^\W\d_])(?:ارسل|ارسلت|ارسلوا|قادم|قادما|قادمه|قادمين|قادمون|القادم|القادمه|القادمين|وصل|وصلت|وصلوا|عاد|عادت)\s+من"
    # "دخلت الشاحنة العاصمة من جهة محافظة ديالى", "entered the city from the direction of": the way in
    r"|(?<![^\W\d_])من\s+(?:جهه|ناحيه|اتجاه)|\bfrom\s+the\s+direction\s+of)"
    r"(?:\s+(?:the|مدينه|العاصمه|محافظه))?\s*$"
)
_AND = re.compile(r"\s*(?:,|،)?\s*(?:and|و)\s*|\s*[,،]\s*")
_RELATIVE = re.compile(r"\b(?:that|which|who|whose)\b|(?<![^\W\d_])(?:التي|الذي|الذين|اللتين|اللذين)(?![^\W\d_])")
_BREAK = re.compile(r"[,،;؛:.()\"“”«»]")
# a comment set off after the report ("...، وهو مشهد لم يكن أحد يتخيله قبل شهرين", ", a scene unthinkable a year
# ago"): its date is the comment's
_COMMENT = re.compile(r"[,،]\s*(?:[وف](?:هو|هي|هذا|هذه|ذلك)|which (?:was|is)|in what (?:was|is)|a (?:scene|move|step|sight))(?![^\W\d_])")
# a sentence opening with a campaign going on ("وتشهد", "وتشن", "ويخوض"): what it counts is the campaign's
_ONGOING = re.compile(r"[وف]?(?:تشهد|يشهد|تشن|يشن|تخوض|يخوض|تتعرض|يتعرض|تواصل|يواصل|تفرض|يفرض)(?![^\W\d_])")
_OPENING = 8  # characters of a sentence's opening words ("وبذلك ", "and so ")
_KNOWN_EN = ("the ", "their ", "its ", "his ", "her ", "our ", "'s ")  # what names a happening as known
# after a happening named as known, the copula and what it was said to be ("were \"the inevitable consequence\"",
# "are in solidarity with", "was a violation of", "was part of"), not what it did ("were killed", "was carried out")
_CHARACTERISED = re.compile(r"\w*\s+(?:were|was|are|is)\s+(?:not\s+)?(?:a|an|the|part|in|aimed|meant|intended|[\"“'])(?:\s|\b|$)")
# right before a cue, what makes it a name given to a happening: 'were a "massacre"', 'بأنه "مجزرة"', 'called the
# attack a massacre'
# ('it was a "heinous attack"': an adjective or two may stand before the cue)
_CALLED = re.compile(
    r"(?:\b(?:were|was|is|are|as|it|(?:called|calls|calling|branded|termed)(?:\s+[^\W\d_]+){0,3}?)\s+(?:a|an)\s+[\"“']?"
    r"(?:[^\W\d_]+\s+){0,2}|(?<![^\W\d_])بانه(?:ا|م)?\s+[\"“«]?)$"
)
# a live entry's source before a colon: "19:30 - وزارة الصحة: ارتفعت الحصيلة ...", "Health ministry: 40 killed"
_SOURCE_COLON = re.compile(r"^\W*(?:\d{1,2}:\d{2}\s*[-–]\s*)?[^:،,.\d]{3,40}:")
# the ministry an article told of, giving the count ("according to the ministry", "بحسب الوزارة")
_BY_THE_MINISTRY = re.compile(
    r"\b(?:according to|said|says) the (?:health )?ministry\b|(?<![^\W\d_])(?:بحسب|وفق|حسب|وفقا ل)\s*الوزاره(?![^\W\d_])"
)
# "وأفادت الشرطة بأنها اعتقلت": what a speaker reports, not what something is called ("وصفت القصف بأنه")
_REPORTED_THAT = re.compile(
    r"(?<![^\W\d_])[وف]?(?:افاد|قال|اعلن|ذكر|اكد|اوضح|اضاف|صرح)(?:ت|وا)?\s+(?:[^\W\d_]+\s+){0,3}?بانه(?:ا|م)?\s+$"
)
_RECENT_DAYS = 14  # a span or a day at most this old is the current news, not background
_SAYING_WINDOW = 50  # characters from a speech cue to its date ("قالت الحكومة العراقية في بيان اليوم")
# what opens the words reported, after which a date is the happening's
_REPORTED = re.compile(r"(?<![^\W\d_])(?:إن|أن|بأن|that)(?![^\W\d_])|[:\"“«]")
_ABOUT_NAMED = re.compile(r"(?<![^\W\d_])(?:ان|بان|that) (?:ال|the )$")
_FIGURE = re.compile(r"\d")
# a year named as a time ("in early 2014", "in June 2014", "since 2019", "في تموز 2014", "مطلع عام 2014"): a
# preposition or a part of the year, then up to three words or a day (a month, "عام", "15 نيسان"), then the year
_YEAR = re.compile(r"(?:19|20)\d\d(?!\d)")  # the year _YEAR_PHRASE ends in, alone
_YEAR_PHRASE = re.compile(
    r"(?<![^\W\d_])(?:in|since|during|until|early|late|mid|spring|summer|autumn|fall|winter|في|منذ|خلال|حتي|"
    r"عام|العام|سنه|مطلع|اواخر|اوايل|منتصف|بدايه|نهايه|ربيع|صيف|خريف|شتاء)\W+(?:(?:[^\W\d_]+|\d{1,2})\W+){0,3}?"
    r"((?:19|20)\d\d)(?!\d)"
)
_POSSESSOR = re.compile(r"['’]s?\s")
_POSSESSED_WITHIN = 30  # characters from a possessor to the place it holds ("Gaza's central Nuseirat camp")
_NOT_HAPPENINGS: frozenset[EventType] = frozenset({"statement", "diplomacy"})
# happenings only war reports tell: a toll or a flight is told of floods and quakes too
_FIGHTING: frozenset[EventType] = frozenset({"strike", "clash", "control_change", "withdrawal", "reinforcement"})
# a place the sentence says was left unnamed ("without naming Tower 22", "دون أن يسمي قاعدة التنف") is not where
# anything it reports happened
_UNNAMED = re.compile(
    r"(?:\bwithout (?:naming|mentioning|specifying)|(?<![^\W\d_])(?:دون|من دون|بدون) (?:أن (?:يسمي|تسمي|يذكر|تذكر|يحدد|تحدد)|تسمية|ذكر|تحديد))"
    r"\s+(?:\S+\s+){0,2}$"
)


def _raising(folded: str, since: int) -> Literal["opening", "beside"] | None:
    """Whether a span phrase at ``since`` is inside a raised running total ("ليرتفع عدد قتلاه منذ ...",
    "raising its death toll since the war began to 60"), and where that total stands: opening the sentence
    ("وبذلك ترتفع حصيلة الشهداء منذ ...": the sentence is the total) or beside the day's happening."""
    r = _RAISING.search(folded, max(0, since - 60), since)
    if r is None:
        return None
    return "opening" if r.start() <= _OPENING else "beside"


class SentenceFacts:
    """What one sentence states. Its kind of happening, mood, places and actors are read at once (the
    grouping wants them for every sentence); dates, figures and who says so when first asked for (the
    engine wants them for the sentences that can be events or bullets)."""

    def __init__(self, text: str, published_at: dt.datetime, home: str | None = None) -> None:
        self.text = text
        self.published_at = published_at
        self._background_at: tuple[dt.datetime, bool] | None = None  # see is_background
        folded = fold(text)
        hits = triggers(folded)
        # the happening reported (planned, threatened or only said: None)
        happening = _happening(hits)
        self.event_type: EventType | None = _kind(happening)
        # the only happening told is in a relative clause ("لجنة للتحقيق في أحداث الساحل التي قتل فيها مئات")
        # ("عدد الذين قتلوا منذ ... بلغ 190", "the number of those killed": the relative clause is the toll)
        self.described_only: bool = happening is not None and happening.relative and not _COUNT_OF_WHO.search(folded)
        # the happening is named as one already told ("وقالت إن القذائف سقطت على منازل", "the strikes hit a
        # building"): a second account of it, when the article told it before
        self.told_again: bool = happening is not None and happening.definite
        # a toll of a happening named as one already told ("تسعة أشخاص قتلوا في المعارك", "were killed in the
        # fighting", "قضوا جراء القصف"): the kind of that happening, whose toll the sentence gives
        self.toll_of: EventType | None = _toll_of(happening, hits) or _toll_from(happening, folded)
        self.told_again = self.told_again or self.toll_of is not None
        # "Six people were killed when gunmen opened fire on ...", "قتل ستة عندما تحولت تظاهرة إلى اشتباكات": the kind of
        # the happening the toll's own sentence tells it of
        self.toll_when: EventType | None = _toll_when(happening, hits, folded)
        # an arrest, a curfew, a closure: a happening only in a report of fighting (see events.json)
        self.conflict_only: bool = happening is not None and happening.gated
        # the first cue's kind in priority order, whatever the mood (a denial's subject)
        self.said_type: EventType | None = hits[0].kind if hits else None
        self.mood: Mood = _mood(text, folded, hits)
        # words of another story (sport, markets, weather): what an article's topic is weighed by, even where
        # the sentence reports fighting all the same (see below)
        self.other_story: bool = self.mood == "off_topic"
        outlet_start, outlet_end = dateline_outlet(text)  # the outlet's name in a dateline names no place
        unnamed = "without" in text or "دون" in text
        self.places: tuple[PlaceMatch, ...] = tuple(
            p
            for p in places.find_places(text, home)
            if not (outlet_start <= p.start and p.end <= outlet_end)
            and not (unnamed and _UNNAMED.search(text, max(0, p.start - 60), p.start))
        )
        # nor a party ("QUITO, April 16 (Jordan Valley Wire) -" names no Jordan), nor is the city it was filed from
        # ("BAGHDAD (Tigris Desk) -", "طهران -": no Iraqi government or Iran in the report)
        filed = dateline_end(text)
        self.actors: tuple[ActorMatch, ...] = tuple(
            m
            for m in actors.find_actors(text)
            if not (outlet_start <= m.start and m.end <= outlet_end) and m.end > filed
        )
        if (
            self.mood == "off_topic"
            and happening is not None
            and happening.kind in _FIGHTING
            and not happening.negated
            and mood.other_story_words(folded) == 1
            and (
                any(m.actor.kind in ("military", "armed_group") for m in self.actors)
                or any(t.kind == "casualties" and not (t.modal or t.negated or t.context) for t in hits)
            )
        ):
            # "Israeli shelling hit the stadium", "مقاتلين مدربين": one word of another story in a report of an
            # army's or armed group's fighting, or of someone killed in it ("استشهد رقيب ... عندما انفجرت عبوة
            # ... بحماية مهرجان الفحيص"); a match report uses several; the article is weighed by its words
            self.mood = _mood(text, folded, hits, topical=True)

    @cached_property
    def dates(self) -> tuple[TemporalExpression, ...]:
        """The sentence's date phrases (its dateline's only when the body names none); "since" after a verb
        of beginning dates the beginning ("وبدأ الهجوم منذ يوم الأربعاء", "the fighting began since
        Wednesday"): a day, not a span."""
        found = dates.find_dates(self.text, self.published_at)
        # a dateline's day ("REYHANLI, Turkey, May 12 (Amanos Wire) -") is when it was filed: it dates the
        # sentence only when the body names no day of its own
        filed = dateline_end(self.text)
        if any(d.start >= filed for d in found):
            found = [d for d in found if d.start >= filed]
        # "the deadliest attack on Turkish soil this year", "the bloodiest day this month": the span a superlative
        # compares over, not when anything happened
        # ("the first deadly attack on shipping since the group began targeting vessels in November": a span too)
        if any(d.precision in ("year", "month") for d in found):
            found = [d for d in found if not self._compared_over(d)]
        return tuple(
            replace(d, kind="absolute")
            # (not "since the assault began on Tuesday": there the span begins with what began)
            if d.kind == "since"
            and _SINCE.match(fold(d.text).lower())
            and _BEGAN.search(fold(self.text[max(0, d.start - _BEGAN_WINDOW) : d.start]))
            else d
            for d in found
        )

    def _compared_over(self, d: TemporalExpression) -> bool:
        """Whether a month or year is the span a comparison before it runs over ("the deadliest attack this year",
        "the first deadly attack since ... November")."""
        if d.precision not in ("year", "month"):
            return False
        before = fold(self.text[max(0, d.start - 90) : d.start])
        compared = _COMPARED.search(before)
        return compared is not None and (d.kind == "relative" or _SINCE_WORD.search(before, compared.start()) is not None)

    @cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        return tuple(numbers.find_quantities(self.text))

    @cached_property
    def _casualties(self) -> tuple[int | None, int | None]:
        return numbers.casualties(self.text)

    @property
    def killed(self) -> int | None:
        return self._casualties[0]

    @property
    def injured(self) -> int | None:
        return self._casualties[1]

    @cached_property
    def attributions(self) -> tuple[Attribution, ...]:
        # a wire dateline ("QUITO, April 16 (Jordan Valley Wire) -") names who reports, not who speaks
        start = dateline_end(self.text)
        return tuple(actors.attributions(" " * start + self.text[start:] if start else self.text))

    @cached_property
    def own_account(self) -> Attribution | None:
        """A party to the fighting telling of its own act ("قال الجيش إنه استهدف ...", "the RSF said its
        fighters ...", "the group said it had fired ..."): the party's words, or None. What the party says
        it did is its claim; a report of the same happening from elsewhere is the happening."""
        for a in self.attributions:
            if a.actor is None or a.stance == "denies" or not actors.is_party(a.actor):
                continue
            if mood.acts_itself(self.text[a.start :]) or (
                a.actor.kind == "military" and mood.bare_troops_act(self.text[a.start :])
            ):
                return a
        return None

    @cached_property
    def located(self) -> list[PlaceMatch]:
        """The places where the sentence's happening is: not a wire dateline's ("SANAA, June 13 (Meridian) -"),
        one inside an actor's name ("وزارة الصحة في غزة", "Baghdad said") nor where someone came from ("أُرسل
        من بغداد")."""
        start = dateline_end(self.text)
        found = [
            p
            for p in self.places
            if p.start >= start
            and not any(
                a.start <= p.start
                # "U.S." as a place and "U.S" as the actor's name: one name, its abbreviation's dot aside
                and p.end - (self.text[p.end - 1 : p.end] == ".") <= a.end
                # "in eastern Baghdad", "في بغداد": a capital named alone after a locative word is the place, not
                # its government ("وزارة الصحة في غزة" stays a body's name)
                and not ((a.start, a.end) == (p.start, p.end) and _LOCATIVE.search(fold(self.text[max(0, p.start - 30) : p.start]) + " "))
                for a in self.actors
            )
        ]
        # "killed 19 people across the Gaza Strip, including 8 in Khan Younis": a part of the count is no
        # place of the whole, when the sentence names another
        whole = [p for p in found if not _PART_OF_COUNT.search(self.text, max(0, p.start - 40), p.start)]
        kept = []
        came: PlaceMatch | None = None  # the last place someone came from
        for p in whole or found:
            # "arrived from Sulaimaniya and Erbil": each place of the list is where they came from
            if _CAME_FROM.search(fold(self.text[max(0, p.start - 30) : p.start])) or (
                came is not None and _AND.fullmatch(self.text, came.end, p.start)
            ):
                came = p
            else:
                kept.append(p)
        # "..., medical sources in Aden said", "a claim officials in Irbil rejected": where the source is, not
        # where the happening was (the sentences around it say that)
        # ..., and where its wounded were taken ("نُقل عدد منهم إلى مستشفيات القاهرة", "flown to hospitals in Cairo")
        taken = mood.hospital_spans(self.text)
        kept = [
            p for p in kept
            if not _SOURCE_AT.search(fold(self.text[max(0, p.start - 40) : p.start]).lower())
            and not any(a <= p.start < b for a, b in taken)
        ]  # fmt: skip
        # "Gaza's Nuseirat camp", "Sudan's El Fasher": the possessor holds the place named next, which says where
        inner = [
            p
            for n, p in enumerate(kept)
            if not (
                _POSSESSOR.match(self.text, p.end)
                and n + 1 < len(kept)
                and kept[n + 1].start - p.end <= _POSSESSED_WITHIN
                and kept[n + 1].place.region is not None
            )
        ]
        return inner

    @property
    def syrian_places(self) -> list[PlaceMatch]:
        """The located places that lie in a region (any country's, despite the name)."""
        return [p for p in self.located if p.place.region is not None]

    def region(self) -> str | None:
        return places.main_region_of(self.located)

    def event_date(self, published_at: dt.datetime, *, saying: bool = False) -> tuple[dt.date, Precision, bool]:
        """When the sentence's happening took place, its precision, and whether a phrase said so.

        A dated phrase wins ("مساء أمس السبت"); "since" phrases date background, not the event, and
        durations ("in the past 24 hours") end on the publication day. With no phrase: the publication day.
        A cumulative toll ("since Wednesday ... 327 killed") is dated on the day it is reported. ``saying``:
        the event is the statement itself, dated by the day the speaker spoke when the sentence names it.
        """
        if self.cumulative:
            # the day the count was reported ("The ICRC said on Monday that 125 had been killed since Wednesday",
            # "وأعلنت اللجنة أمس أن الحصيلة منذ الأربعاء بلغت 125"), else the publication's (evals/conventions.md)
            told = [d for d in self.dates if d.kind in ("relative", "weekday", "absolute") and d.precision == "day" and self.of_saying(d)]
            today = dates.publication_day(published_at)
            if told and told[0].date <= today:
                return told[0].date, "day", True
            return today, "day", False
        dated = [d for d in self.dates if d.kind in ("absolute", "relative", "weekday")]
        if not dated:
            return dates.publication_day(published_at), "day", False
        # a wire dateline's day ("اللاذقية، 7 آذار (وكالة الساحل) -") is the report's, not the happening's
        start = dateline_end(self.text)
        dated = [d for d in dated if d.start >= start] or dated
        # "the clashes are the gravest test for the government that took power in December": a day told in a
        # relative clause about something else dates that, not the happening
        dated = [d for d in dated if not self._describes_other(d)]
        # "declared Friday a day of national mourning", "a general strike on Tuesday": the day declared, not when
        dated = [
            d
            for d in dated
            if not _DECLARED_DAY.search(fold(self.text[d.end : d.end + 30]).lower())
            and not _DAY_OF_DECLARED.search(fold(self.text[max(0, d.start - 30) : d.start]).lower())
        ]
        # "أعلن عصر أمس حظر التجول ... ثم مدد سريانه حتى العاشرة صباح اليوم": the day a span reached is not the
        # happening's when the sentence names another ("clashes went on until dawn on Friday" names only that one)
        dated = [d for d in dated if not reached_day(self.text, d)] or dated
        # "أجرى فيدان اتصالاً هاتفياً بلافروف، على أن يلتقي الوزراء في الدوحة غداً السبت": a day after the
        # report's dates what is planned, not what the sentence reports as done
        today = dates.publication_day(published_at)
        dated = [d for d in dated if d.date <= today]
        if not dated:
            return today, "day", False
        # "MSF said on Saturday that ... on Friday": the day of the saying dates a statement, the other one
        # the happening reported
        said = [self.of_saying(d) for d in dated]
        wanted = [d for d, s in zip(dated, said, strict=True) if s == saying]
        if not wanted:
            # only the day of the saying is named ("..., killed 70, the ministry said on Tuesday"): the
            # happening was that day or before it, and a sentence it is joined to may say which
            return dated[0].date, dated[0].precision, False
        return wanted[0].date, wanted[0].precision, True

    def _describes_other(self, d: TemporalExpression) -> bool:
        """Whether a date phrase lies in a relative clause ("that took power in December", "التي تسلمت السلطة
        في كانون الأول") or a comment set off after the report ("، وهو مشهد لم يكن أحد يتخيله قبل شهرين")
        whose noun is no happening and which tells none."""
        before = self.text[max(0, d.start - 60) : d.start]
        m = max(
            [*_RELATIVE.finditer(before), *_COMMENT.finditer(before)], key=lambda r: r.start(), default=None
        )  # the last one
        if m is None or _BREAK.search(before, m.end()):
            return False
        at = d.start - len(before) + m.start()  # where the relative word stands in the sentence
        antecedent = self.text[max(0, at - 25) : at]
        return not event_types_in(before[m.end() :]) and not event_types_in(antecedent)

    def saying_day(self, published_at: dt.datetime) -> tuple[dt.date, Precision]:
        """When the speaker spoke: a date phrase of the saying ("said on Saturday that"), else the
        publication day; never a date inside the words reported (those date what is told)."""
        start = dateline_end(self.text)
        for d in self.dates:
            if d.kind in ("absolute", "relative", "weekday") and d.start >= start and self.of_saying(d):
                return d.date, d.precision
        return dates.publication_day(published_at), "day"

    def of_saying(self, d: TemporalExpression) -> bool:
        """Whether a date phrase dates the saying: it stands between a speech cue and what is said ("said on
        Saturday that", "activists said on Thursday"), not what is said."""
        for a in self.attributions:
            if a.stance == "denies" or not 0 <= d.start - a.end <= _SAYING_WINDOW:
                continue
            # "Israel, which says it will protect the Druze, struck Damascus on Wednesday": a clause break
            # between the saying and the day puts the day in another clause
            if _REPORTED.search(self.text, a.end, d.start) is None and not _BREAK.search(self.text, a.end, d.start):
                return True
        return False

    @cached_property
    def cumulative(self) -> bool:
        """A toll, or a count of people displaced or of strikes, over a recent span that runs to the day of the report
        ("since Wednesday, 327 killed", "received more than 130 wounded since Friday", "about 100,000 people
        had fled their homes since Wednesday"); a toll or a displacement over a longer span is the count the day
        reports ("at least 112 civilians killed since 1 August"), the span said with it, unless the sentence tells
        a campaign going on ("وتشن قوات حفتر منذ نيسان هجوماً ..., أوقع أكثر من ألف قتيل"); a count of strikes
        over a longer span is background."""
        folded = fold(self.text)
        # "the deadliest attack on the city in months", "من أكثر الهجمات دموية منذ أشهر": a comparison, no span
        if not any(
            not _COMPARED.search(folded, max(0, m.start() - 60), m.start())
            # a raised running total told beside the day's happening is the war's; one that is the sentence
            # ("وبذلك ترتفع حصيلة الشهداء منذ بدء العدوان إلى 425") is the day's count
            and _raising(folded, m.start()) in (None, "opening")
            for m in _SINCE.finditer(folded)
        ):
            return False
        # a toll, or a count of people displaced ("about 100,000 people had fled their homes since Wednesday")
        # or of strikes ("its aircraft had carried out 17 air strikes around Tikrit since last Wednesday")
        if self.killed is None and self.injured is None and not (
            self.event_type in ("displacement", "strike") and _FIGURE.search(folded)
        ):
            return False
        day = dates.publication_day(self.published_at)
        if all((day - d.date).days <= _RECENT_DAYS for d in self.dates if d.kind == "since"):
            return True
        # a toll or a displacement counted over a longer span is the count reported that day ("Since 1 August,
        # at least 112 civilians have been killed", "نحو 63 ألف شخص خرجوا من الجيب منذ كانون الثاني"), unless
        # the span is that of a campaign the sentence describes, going on ("وتشن قوات حفتر منذ نيسان هجوماً
        # ..., أوقع أكثر من ألف قتيل", "وتشهد المدن اقتحامات منذ تشرين الأول، قتل خلالها ..."): background
        return (self.killed is not None or self.event_type == "displacement") and not _ONGOING.match(folded)

    @property
    def sourced_count(self) -> bool:
        """A running toll a named source gives as a figure ("Gaza's health ministry says more than 38,000
        people have been killed since October"): the source's report of the day, whatever its span
        (evals/conventions.md, "Running tolls")."""
        return (
            self.cumulative
            and self.killed is not None
            # a body the lexicon knows, or a named one it does not ("وقالت لجنة أطباء غرب دارفور إن ...")
            and (
                any(a.actor is not None and a.stance != "denies" for a in self.attributions)
                or speakers.organisation(self.text) is not None
                # a live entry opening on its source ("19:30 - وزارة الصحة: ارتفعت الحصيلة ..."), or the ministry
                # the article told of ("..., according to the ministry")
                or (
                    (colon := _SOURCE_COLON.match(self.text)) is not None
                    and any(m.end <= colon.end() for m in self.actors)
                )
                or _BY_THE_MINISTRY.search(fold(self.text)) is not None
            )
            and not _WAR_SUBJECT.match(fold(self.text))
        )

    @staticmethod
    def _raised_total(folded: str) -> bool:
        """The sentence opens on a raised running total, its span inside ("وبذلك ترتفع حصيلة الشهداء منذ ...")."""
        return any(_raising(folded, m.start()) == "opening" for m in _SINCE.finditer(folded))

    def is_background(self, published_at: dt.datetime) -> bool:
        """Context, not a happening of the day: background wording ("كان قد", "had been", "last year")
        unless a recent day is named, or only 'since' or long-past dates ("since 2011"). Kept for the last
        publication time asked: the engine asks again of the same sentence."""
        last = self._background_at
        if last is not None and last[0] == published_at:
            return last[1]
        answer = self._is_background(published_at)
        self._background_at = (published_at, answer)
        return answer

    def _is_background(self, published_at: dt.datetime) -> bool:
        """See :meth:`is_background`."""
        day = dates.publication_day(published_at)
        # a date that dates a noun or a comment ("..., وهو مشهد لم يكن أحد يتخيله قبل شهرين") is not the report's
        dated = [d for d in self.dates if d.kind in ("absolute", "relative", "weekday") and not self._describes_other(d)]
        recent = any(
            0 <= (day - d.date).days <= _RECENT_DAYS and d.precision == "day" for d in dated
        )
        folded = fold(self.text)
        # the phrase ends in a year: a sentence naming none (most) skips its slower search
        if _YEAR.search(folded) and any(int(y) < day.year for y in _YEAR_PHRASE.findall(folded)):
            # "the group seized the city in early 2014": a year before the report's; so is a war-long toll
            # ("more than 38,000 killed since October 2023") no one is said to give; one a named source gives
            # is that source's report of the day
            return not recent and not self.sourced_count
        if self.mood == "background":  # "منذ العام 2011 ... أودى بأكثر من 500 ألف": no toll of the day
            # but a raised running total that is the sentence, counted this year ("وبذلك ترتفع حصيلة شهداء
            # الجيش منذ اندلاع المعارك في 20 أيار إلى 163"), or one a named source gives, is the day's count
            return not recent and not (self.cumulative and (self._raised_total(folded) or self.sourced_count))
        # "The war, which began on April 15, has killed more than 12,000 people": a war's toll told in passing, no
        # one said to count it (evals/conventions.md, "Running tolls")
        if not recent and _WAR_SUBJECT.match(folded) and not self.attributions and self.killed is not None:
            return True
        if self.cumulative:  # "since Wednesday, 327 killed", "since 1 August, 112 killed": the day's count
            return False
        # "since 2011", "have fled since Wednesday": background; "since noon today": the day's news
        if self.dates and all(d.kind == "since" for d in self.dates):
            return any(d.date != day for d in self.dates)
        return bool(dated) and all((day - d.date).days > 14 for d in dated)


@cache
def cue_words() -> tuple[str, ...]:
    """Every event cue of the lexicon, as written ("سيطرة", "strike")."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    return tuple(c for t in data["types"] for c in [*t["ar"], *t["en"]])


@cache
def shared_words() -> tuple[str, ...]:
    """The parties' common nouns ("الجماعة", "forces"; events.json 'shared_words'): words any two reports of
    the fighting may share whoever did what where."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    return (*data["shared_words"]["ar"], *data["shared_words"]["en"])


_GAP = " … "


@cache
def _triggers() -> tuple[tuple[EventType, ...], re.Pattern[str], re.Pattern[str] | None, frozenset[int]]:
    """The event types in priority order, one pattern for all their cues (group ``t<i>`` for the i-th
    type), the pattern of words that look like cues but are not, and the ranks of the cue lists that are
    a happening only in a report of fighting (``conflict_only``)."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    kinds: list[EventType] = []
    groups = []
    firsts: set[str] = set()
    gated = set()
    for n, entry in enumerate(data["types"]):
        every = entry["ar"] + entry["en"]
        cues = [mood.folded_cue(c) for c in every if _GAP not in c]
        # a cue whose words others may part ("أطلق … النار": "وأطلق مسلحون النار"): one to three words between
        gapped = [
            r"\s+(?:[^\s.،,؛;:]+\s+){1,3}?".join(re.escape(fold(part.strip())) + r"(?![^\W\d_])" for part in c.split(_GAP))
            for c in every
            if _GAP in c
        ]
        # the type's cues longest first, as a trie
        groups.append(f"(?P<t{n}>" + "|".join([*gapped, alternation(cues)]) + ")")
        firsts.update(c[0] for c in cues)
        firsts.update(fold(c)[0] for c in every if _GAP in c)
        kinds.append(entry["type"])
        if entry.get("conflict_only"):
            gated.add(n)
    # optional proclitics, then the cue at a word start; English cues take whole-word-ish endings. The
    # lookahead of the cues' first letters drops a reading of the proclitics no cue can follow at once,
    # instead of trying each type's cues after it
    guard = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    # and of the letters a match can start with (a proclitic's or a cue's): other positions fail at once
    starts = "(?=[" + "".join(re.escape(c) for c in sorted(firsts | set("وفبلكا"))) + "])"
    pattern = re.compile(rf"{starts}(?<![^\W\d_])(?P<pro>[وفبلك]?(?:ال)?|ل?ل){guard}(?:{'|'.join(groups)})")
    not_cues = data.get("not_cues") or []
    masked = re.compile("|".join(re.escape(fold(c)) for c in not_cues)) if not_cues else None
    return tuple(kinds), pattern, masked, frozenset(gated)


_Subject = tuple[re.Pattern[str], re.Pattern[str]]  # (before, after) patterns of who does an act (:func:`_enters`)


class _Movers(NamedTuple):
    """Who, as the subject of a cue of entering, storming or leaving, makes it no capture or no flight."""

    movers: _Subject  # who enters without taking a place (events.json 'movers')
    deliveries: _Subject  # who delivers (its 'deliveries'): an aid delivery, amid fighting
    crowds: _Subject  # who storms a building without taking a place (its 'crowds')
    assailants: _Subject  # who storms a place to attack it, not to take it (its 'assailants')
    fighters: _Subject  # who withdraws when they leave (its 'fighters_ar')


@cache
def _movers() -> _Movers:
    """(before, after) patterns of each kind of subject (:class:`_Movers`) of an entry, storming or leaving
    cue: standing before it (with a "from ..."/"من ..." phrase of up to five words between) or, in Arabic,
    right after it ("دخلت قافلة مساعدات")."""
    data = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))["movers"]
    # "gunmen in army uniforms then stormed": a phrase of who they are, then an adverb of sequence, between
    of = r"(?:\s+(?:from|of|carrying|with|in|wearing|من|تضم|تحمل)(?:\s+[^\s.،,؛;:]+){1,5}?)?(?:\s+(?:then|later|also|ثم))?"

    def pair(ws: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
        words = alternation([fold(w) for w in ws])
        return (
            re.compile(rf"(?<![^\W\d_])[وفب]?(?:ال)?(?:{words}){of}\s+$"),
            re.compile(rf"\s+(?:ال)?(?:{words})(?![^\W\d_])"),
        )

    return _Movers(
        pair([*data["ar"], *data["en"]]),
        pair([*data["deliveries_ar"], *data["deliveries_en"]]),
        pair([*data["crowds_ar"], *data["crowds_en"]]),
        pair(data["assailants_en"]),  # Arabic storming cues name their subject (اقتحمت قوات): troops
        pair(data["fighters_ar"]),
    )


_ENTERS = ("دخل", "دخول", "enter")  # the entry cues' stems (events.json control_change: "دخلت", "entered", ...)
_STORMS = ("storm", "اقتحم")  # the storming cues' stems (events.json control_change: "stormed", "اقتحمت قوات")
# a town, a village or a quarter right after a storming cue: what the storming may take, whoever storms it
_A_TOWN = re.compile(r"\s+(?:the\s+|a\s+)?(?:village|town|city|district|neighbourhood|camp)\b|\s+(?:ال)?(?:قريه|بلده|مدينه|حي|مخيم)(?![^\W\d_])")
# what "تقدم" submits, a few words after it ("تقدم لبنان أمس بشكوى", "تقدمت الحكومة بطلب"): no advance (folded)
_SUBMITS = re.compile(
    r"\S*(?:\s+[^\s.،,؛;:]+){0,5}?\s+ب(?:شكوي|شكاوي|طلب|مشروع|اقتراح|مقترح|مبادره|مذكره|احتجاج|التعازي|الشكر|استقالته)(?![^\W\d_])"
)
_TAKES = ("captur", "seiz")  # the capture cues that take people too ("the captured soldiers", "seized two men")


@cache
def _captives() -> re.Pattern[str]:
    """After a capture cue, up to two words (a figure, "two", "several") then people (numbers.json nouns):
    people taken, not a place ("the release of the captured soldiers", "seized two fighters")."""
    nouns = json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8"))["nouns"]
    people = [w for k in ("civilians", "fighters", "soldiers", "children", "women", "people") for w in nouns[k]]
    return re.compile(rf"\w*\s+(?:[^\W_]+\s+){{0,2}}?(?:{alternation([fold(w) for w in people])})\b")


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: EventType
    start: int  # in the folded sentence
    modal: bool  # planned, threatened, conditional, or a purpose ("للسيطرة", "to capture")
    begun: bool  # only begun or under way ("بدأت التوغل", "began to enter")
    context: bool  # what came before the happening ("بعد معارك ضارية", "after days of clashes")
    negated: bool = False  # said not to have happened ("no reports of injuries"): no plan either
    definite: bool = False  # "القذائف سقطت", "the strikes hit": a happening named as one already told
    relative: bool = False  # in a relative clause describing a noun ("القوات التي اجتاحت المدينة")
    gated: bool = False  # an act other stories tell too (an arrest, a curfew): a happening only amid fighting
    the: bool = False  # after "the": a noun ("the advance"), where an Arabic masdar with ال still reports ("السيطرة على")


# a count told of a war, its subject ("وتسببت الحرب المندلعة منذ ... في مقتل", "The war, which began in April 2023,
# has killed"): told in passing about the war, whoever estimates it (evals/conventions.md, "Running tolls")
_WAR_SUBJECT = re.compile(
    r"\W*(?:[وف]?(?:تسببت|اسفرت|ادت|خلفت|اودت|حصدت|قتلت)\s+)?[وف]?(?:ال)?(?:حرب|نزاع|صراع)(?![^\W\d_])"
    r"|\W*(?:the\s+)?(?:war|conflict)\b"
)

# a count of those a relative clause names ("عدد الذين قتلوا", "the number of those killed"): a toll, not a description
_COUNT_OF_WHO = re.compile(r"(?<![^\W\d_])[وب]?(?:عدد|حصيله) (?:الذين|اللواتي|من) |\bnumber of (?:those|people who)\b")

# English: the happening named, maybe who or what it is for, then a modal verb ("strikes could follow", "more
# attacks would come", "a funeral would be held", "Funerals for the victims will be held")
_MODAL_AFTER = re.compile(
    r"[^\W\d_]*(?:\s+(?:for|of)\s+(?:[^\W\d_]+\s+){0,2}?[^\W\d_]+)?\s+(?:could|would|might|may|will)\s+"
    r"(?:follow|come|resume|continue|happen|take place|be held)\b"
)


@lru_cache(maxsize=8192)  # a sentence's reading, its checking and who did it ask for the same cues
def triggers(folded: str) -> tuple[Trigger, ...]:
    """Every event cue of a folded sentence, in the lexicon's priority order, then in text order."""
    kinds, pattern, masked, gated = _triggers()
    unmasked = folded  # who enters is read in the words themselves ("دخلت قافلة مساعدات")
    if masked is not None:
        folded = masked.sub(lambda m: " " * len(m.group()), folded)
    out: list[tuple[int, Trigger]] = []
    cues: mood.Marks | None = None
    called_from: int | None = None  # where a happening's characterisation starts ("the killings were ...")
    for m in pattern.finditer(folded):
        cues = cues or mood.marks(folded)
        rank = int((m.lastgroup or "t0")[1:])
        kind = kinds[rank]
        at = m.start()
        pro = m.group("pro")
        start = at + len(pro)
        purpose = (kind in ("control_change", "withdrawal") or rank in gated) and (
            pro.removeprefix("و").removeprefix("ف") in ("ل", "لل") or folded.endswith("to ", 0, at)
        )
        if kind == "control_change" and _HOLDS.match(folded, start) and cues.is_relative(at):
            continue  # "الجهاز الذي يسيطر على المطار": who holds a place, no capture
        amid_fighting = False
        # "A delegation ... entered Arsal to negotiate": no capture
        if kind == "control_change" and folded.startswith(_ENTERS, start) and _enters(_movers().movers, unmasked, at, m.end()):
            if not _enters(_movers().deliveries, unmasked, at, m.end()):
                continue
            kind, amid_fighting = "other", True  # "a convoy of trucks carrying flour entered Taiz": aid, amid fighting
        if kind == "control_change" and folded.startswith(_STORMS, start) and _enters(_movers().crowds, unmasked, at, m.end()):
            kind, amid_fighting = "other", True  # "protesters stormed the council building": no capture; amid fighting, news
        elif (
            kind == "control_change"
            and folded.startswith(_STORMS, start)
            and _enters(_movers().assailants, unmasked, at, m.end())
            and not _A_TOWN.match(folded, m.end())
        ):
            kind = "clash"  # "three suicide bombers stormed a power station": an attack on a site, no capture
        if kind == "displacement" and folded.startswith("غادر", start) and _enters(_movers().fighters, folded, at, m.end()):
            kind = "withdrawal"  # "آخر قوات المتمردين غادرت العاصمة": fighters leaving withdraw
        if kind == "control_change" and folded.startswith("تقدم", start) and _SUBMITS.match(folded, m.end()):
            continue  # "وتقدم لبنان أمس بشكوى إلى مجلس الأمن": a complaint submitted, no advance
        if kind == "control_change" and folded.startswith(_TAKES, start) and _captives().match(folded, m.end()):
            continue  # "the release of the captured soldiers", "seized two fighters": people taken, no place
        begun = cues.is_begun(start)
        # "began to enter" is under way, not planned: "to enter" is no purpose after a verb of beginning
        negated = cues.is_negated(at)
        # "more drone strikes could follow", "attacks may resume": a modal right after the happening named
        modal = (purpose or cues.is_modal(at) or _MODAL_AFTER.match(folded, m.end()) is not None) and not begun
        # named as one known ("الغارات", "the strikes", "their attacks", "the group's attacks")
        definite = pro.endswith("ال") or folded.endswith(_KNOWN_EN, 0, at)
        # "إحدى المصابتين", "the wounded were taken to hospital": victims already told, no report of a toll
        told = kind == "casualties" and definite and not _FIGURE.search(folded)
        # "before the strikes" (the cue "the strike" holds its article): what the report is set against
        the = 4 if folded.startswith("the ", start) else 0
        named_before = (definite or the > 0) and mood.before_named(folded, start + the if the else at)
        # "the killings were \"the inevitable consequence\" of ...", "their attacks are in solidarity with ...": a
        # happening named as known, then what it was (a speaker's reading of it, no report)
        characterised = (definite or the > 0) and _CHARACTERISED.match(folded, m.end()) is not None
        # what follows in that clause is what the happening was said to be ("the killings were \"the inevitable
        # consequence\" of the attacks"): no report either
        within = called_from is not None and not any(called_from <= b <= at for b in cues.breaks)
        if characterised and called_from is None:
            called_from = m.end()
        # what a happening told is called ('the strikes were a "massacre"', 'وصفت القصف بأنه "مجزرة"'): a name, no report
        window = folded[max(0, at - 30) : at]
        called = (
            (" a " in window or " an " in window or "بانه" in window)
            and _CALLED.search(window) is not None
            and not _REPORTED_THAT.search(window)
        )
        context = cues.is_context(at) or told or cues.is_set_off(at) or named_before or characterised or called or within
        trigger = Trigger(
            kind, start, modal or negated, begun, context, negated, definite, cues.is_relative(at), rank in gated or amid_fighting,
            folded.endswith("the ", 0, at),
        )
        out.append((rank, trigger))
    out.sort(key=lambda x: (x[0], x[1].start))
    return tuple(t for _, t in out)


def capture_is_entry(sentence: str) -> bool:
    """Whether a sentence's first capture cue is only an entry ("tanks entered the district", "دخلت القوات
    الحي"), not a capture told as done ("captured", "سيطرت على") or a storming ("stormed the village")."""
    folded = fold(sentence)
    cue = next((t for t in triggers(folded) if t.kind == "control_change"), None)
    return cue is not None and folded.startswith(_ENTERS, cue.start)


def _enters(who: _Subject, folded: str, at: int, end: int) -> bool:
    """Whether the entry cue at ``at:end`` has one of ``who`` (:func:`_movers`) for its subject."""
    before, after = who
    return before.search(folded, max(0, at - 80), at) is not None or after.match(folded, end) is not None


def event_types_in(sentence: str) -> list[EventType]:
    """Every event type whose cue the sentence has, in the lexicon's priority order."""
    return list(dict.fromkeys(t.kind for t in triggers(fold(sentence))))


def event_type_of(sentence: str) -> EventType | None:
    """The first event type (in the lexicon's priority order) whose cue the sentence has."""
    hits = triggers(fold(sentence))
    return hits[0].kind if hits else None


def _happening(hits: Sequence[Trigger]) -> Trigger | None:
    """The happening reported, among the cues that are neither planned nor only said nor context ("بعد
    معارك", "after clashes"): a completed capture outranks the fighting around it; otherwise the first
    cue in the sentence ("آلاف المركبات غادرت حلب بعد دخول المقاتلين" is a departure); a toll caused by a
    strike is the strike."""
    said = [t for t in hits if not t.modal and t.kind not in _NOT_HAPPENINGS]
    real = [t for t in said if not t.context]
    # what a relative clause tells describes a noun: the happening is the main clause's, if it tells one
    real = [t for t in real if not t.relative] or real
    if not real:
        return None
    # "have slowed the advance": a capture named as a noun outranks nothing
    capture = next((t for t in real if t.kind == "control_change" and not t.begun and not t.the), None)
    if capture is not None:
        return capture
    first = min(real, key=lambda t: t.start)
    # a verb and the happening it is said of, named as one already told, as its subject ("ودمرت الغارات مبنى",
    # "destroyed by the strikes"): the happening told, whose result the verb gives
    subject = next(
        (t for t in real if t.definite and t.kind in _TOLLED and t.kind != first.kind and 0 < t.start - first.start <= _VERB_SUBJECT),
        None,
    )
    if subject is not None and first.kind == "clash":
        return subject
    # "غادرت آخر حافلات المقاتلين الأحياء": a departure whose subject is fighters is their withdrawal
    if first.kind == "displacement":
        fighters = next((t for t in real if t.kind == "withdrawal" and 0 < t.start - first.start <= _VERB_SUBJECT), None)
        if fighters is not None:
            return fighters
    if first.kind == "casualties":
        strike = next((t for t in said if t.kind == "strike"), None)
        # "مقتل 13 من جنوده في اشتباكات ..., بينهم سبعة حين أصاب صاروخ": killed in the fighting, which a later
        # missile was part of, not a strike's toll
        fight = next((t for t in real if t.kind == "clash" and t.start > first.start), None)
        if strike is not None and fight is not None and fight.start < strike.start:
            return first
        return strike or first
    return first


# an accusation of a killing ("اتهم ناشطون مسلحين بقتل 12 مدنياً", "accused troops of killing five"): the
# deaths are the happening reported, as the accusers tell it
_ACCUSED = re.compile(
    r"(?<![^\W\d_])[وف]?(?:اتهم|اتهمت|اتهموا|يتهم|تتهم|يتهمون)(?![^\W\d_])|\b(?:accused|accuses|blamed|blames)\b"
)


def _accuses_of_killing(sentence: str, folded: str, hits: Sequence[Trigger]) -> bool:
    """An accusation whose object is a counted killing, and no other opinion in the sentence."""
    acc = _ACCUSED.search(folded)
    if acc is None or not any(t.kind == "casualties" and t.start > acc.end() and not t.modal for t in hits):
        return False
    return numbers.casualties(sentence)[0] is not None


# a claim not made (folded): "لم تعلن", "لم يتبن"; "no group has claimed"
UNMADE_AR = r"لم\s+(?:تعلن|يعلن|تتبن|يتبن)"
UNMADE_EN = r"no (?:group|one|faction) (?:has |had )?(?:yet |immediately )?claimed"
# a claim of responsibility (folded): "وتبنى التنظيم", "أعلن مسؤوليته عن", "claimed responsibility", "claimed the attack"
CLAIMED = re.compile(
    r"(?<![^\W\d_])[وف]?(?:تبن(?:ي|ت|اه|ته|وا)|يتبني|تتبني)(?![^\W\d_])|مسووليت(?:ه|ها|هم) عن"
    r"|\bclaim(?:ed|s|ing) (?:responsibility|the (?:attack|attacks|bombing|bombings|blast|blasts|assault|strike|killing))\b"
)
# ... and no claim: denied, or not made ("نفت الجماعة مسؤوليتها عن", "ولم تعلن الجماعة مسؤوليتها", "has not claimed")
NO_CLAIM = re.compile(
    rf"(?<![^\W\d_])[وف]?(?:نفي|نفت|ينفي|تنفي|{UNMADE_AR})(?![^\W\d_])"
    rf"|\b(?:denied|denies|not claimed|not yet claimed|did not claim|{UNMADE_EN})\b"
)


def _claims_a_new_attack(folded: str, hits: Sequence[Trigger]) -> bool:
    """A claim of responsibility for a strike or an attack it tells as new ("هجوماً", "a missile attack"), not
    one named as told ("claimed the attack": that one's account)."""
    claim = CLAIMED.search(folded)
    if claim is None or NO_CLAIM.search(folded):
        return False
    after = sorted((t for t in hits if t.start >= claim.end() and not t.modal and not t.context), key=lambda t: t.start)
    return bool(after) and after[0].kind in _TOLLED and not after[0].definite and not after[0].the


# the present of control ("يسيطر على", "تسيطر على"): in a relative clause, who holds a place
_HOLDS = re.compile(r"[يت]سيطر(?:ون|ان)?\s")
_TOLLED: frozenset[EventType] = frozenset({"clash", "strike"})
_VERB_SUBJECT = 12  # folded characters from a verb to its subject ("دمرت الغارات")


def _toll_of(happening: Trigger | None, hits: Sequence[Trigger]) -> EventType | None:
    """The kind of the happening already told that a toll counts ("قتلوا في المعارك", "killed in the
    fighting"): a definite fighting or strike cue after the death cue, neither planned nor context."""
    if happening is None or happening.kind != "casualties":
        return None
    return next(
        (t.kind for t in hits if t.kind in _TOLLED and t.definite and t.start > happening.start and not t.modal and not t.context),
        None,
    )


# "killed ... when gunmen opened fire", "قتل ... عندما تحولت التظاهرة إلى اشتباكات": the happening a toll was of,
# told after it in the same sentence
_WHEN = re.compile(r"\b(?:when|as|after)\s|(?<![^\W\d_])(?:عندما|حين|حينما|بعدما|اثر|جراء|اثناء)\s")
_WHEN_WITHIN = 120  # characters from the connector to the happening's cue


def _toll_when(happening: Trigger | None, hits: Sequence[Trigger], folded: str) -> EventType | None:
    """The kind of fighting or strike a toll is told of in a clause of its own sentence ("killed ... when gunmen
    opened fire"): a cue after a connector (when, as, عندما، إثر) after the death cue, neither planned nor context."""
    if happening is None or happening.kind != "casualties":
        return None
    return next(
        (
            t.kind for t in hits
            if t.kind in _TOLLED and t.start > happening.start and not t.modal and not t.context
            and _WHEN.search(folded, max(happening.start, t.start - _WHEN_WITHIN), t.start) is not None
        ),
        None,
    )  # fmt: skip


# "the death toll from the attack", "حصيلة ضحايا الهجوم": the toll of a happening named as one told
_TOLL_FROM = re.compile(
    r"(?:death toll|the toll|number of (?:the )?dead)\s+(?:from|of|in)\s+(?:the|that|this|\w+day's)\s+(?:\w+\s+)?$"
    r"|(?:حصيله|عدد)\s+(?:(?:ضحايا|قتلي|القتلي|الضحايا)\s+)?$"
)


def _toll_from(happening: Trigger | None, folded: str) -> EventType | None:
    """The kind of the happening a toll is said to be of ("The death toll from the attack rose to nine", "ارتفعت
    حصيلة ضحايا التفجير إلى 12"): a definite fighting or strike cue right after a word for the toll."""
    if happening is None or happening.kind not in _TOLLED or happening.modal:
        return None
    before = folded[max(0, happening.start - 40) : happening.start]
    # the English pattern names "the" itself; an Arabic cue is definite by its article ("التفجير", "الغارة")
    definite = happening.definite or before.isascii() or folded.startswith("ال", happening.start)
    return happening.kind if definite and _TOLL_FROM.search(before) else None


def _kind(t: Trigger | None) -> EventType | None:
    """A capture only begun is fighting, not yet control."""
    if t is None:
        return None
    return "clash" if t.kind == "control_change" and t.begun else t.kind


def _mood(sentence: str, folded: str, hits: Sequence[Trigger], *, topical: bool = False) -> Mood:
    happening = _happening(hits)
    first = min(
        (t.start for t in hits if not t.modal and not t.context and t.kind not in _NOT_HAPPENINGS),
        default=None,
    )
    # "قالت الحكومة إن الضربة اعتداء على السيادة", "said the strike was a violation": the happening named is
    # what the words are about, so an opinion after it still makes the sentence a statement
    if first is not None and _ABOUT_NAMED.search(folded, 0, first):
        first = None
    m = mood.mood_of(sentence, folded, first, topical=topical)
    if m == "statement" and _accuses_of_killing(sentence, folded, hits):
        return "happening"  # "اتهم ناشطون عناصر بقتل 12 مدنياً": the killing, as they tell it
    if m == "statement" and _claims_a_new_attack(folded, hits):
        return "happening"  # "تبنى التنظيم هجوماً على حاجز لقسد في ذيبان": the attack, as its claimant tells it
    if m != "happening":
        return m
    # a denial before the happening ("نفى الجيش الانسحاب"), or a speaker's own denial after it ("..., ونفى
    # أن تكون الغارة أصابت مدنيين", "and denied targeting civilians"): a statement; a denial of what
    # others said ("وهو ما نفته الوزارة", "which the ministry denied") leaves the happening, disputed
    for t in hits:
        if t.kind == "statement" and (first is None or t.start < first or not _DENIAL_OF_OTHERS.search(folded, 0, t.start)):
            return "statement"
    if any(not t.negated and not t.context for t in hits) and happening is None:
        return "plan"
    # "قال نصر الله في بيان إن الحزب سيواصل عملياته": words said on record that tell no happening, nor one to come
    if first is None and not hits and mood.on_record(folded):
        return "statement"
    return m


# a day named as what is declared ("declared Friday a day of national mourning", "أعلن يوم الجمعة يوم حداد") or
# for a strike or a mourning to come ("a general strike on Tuesday", "إضراب عام يوم الثلاثاء")
_DECLARED_DAY = re.compile(r"^\W*(?:,\s*)?(?:a (?:national |public )?day of|a (?:public|national) holiday|يوم حداد|يوما للحداد|يوم عطله|يوم غضب)")
_DAY_OF_DECLARED = re.compile(r"(?:(?:general|commercial|national|public|labour|labor) strike|mourning|protest|حداد|اضراب(?: عام)?|اضراب شامل)\s+(?:on|يوم|ابتداء من)?\s*$")


# Where a sentence joins a second report to a first: "، ونفى ..."، "، فيما ..."، "، لكن ..."، ", and thousands
# fled ...", ", sending thousands ...", ", killing ..." (a capture's toll; a strike's stays one happening). The second report starts at the end of the match; "، وإنه ..." goes on
# with the words of the same speaker, no second report.
_CLAUSE_JOINT = re.compile(
    # every joint starts at a space or a comma: other positions fail on that one lookahead
    r"(?=[\s،,;؛])"
    r"(?:\s*[،,;؛]\s*(?=(?:[وف](?!ي\b|ق\b|[اأإ]ن(?:ه|ها|هم)?\b)(?<!و(?=فق\b|فقا\b|راء\b))[^\W\d_]{2,}|فيما|بينما|في حين|لكن|غير أن|إلا أن|على أن)(?![^\W\d_]))"
    r"|\s*[،,;؛]?\s+(?=(?:فيما|بينما|في حين)\s)"
    # "اندلعت المواجهات في ذيبان، قبل أن تعلن قسد يوم الأربعاء عزل الخبيل": what came after, a report of its own
    r"|\s*[،,]?\s+(?=قبل [اأ]ن\s)"
    r"|\s*[،,]\s*(?=كما (?![اأإ]ن|قال|قالت|ذكر|ذكرت|افاد|افادت|اكد|اكدت|اعلن|اعلنت|اشار|اشارت)[^\W\d_]{3,})"
    r"|\s*[,;]\s+(?=(?:and|while|whereas|but)\s+(?!that\s)[^\W\d_]|(?:sending|forcing|prompting|driving|killing)\s)"
    # "A GNA spokesman accused the LNA of war crimes; the LNA denied killing anyone": two reports, two speakers
    r"|\s*;\s+(?=the\s)"
    # ", a day after an ambush killed 13", ", a week after a bombing in Istanbul killed six", "، غداة هجوم ...": an
    # earlier happening told as the report's background
    # ", hours after the Houthis fired a missile": an earlier one the same day (not "، بعد ساعات من بدء
    # عملية": in Arabic a noun follows, what led to it)
    r"|\s*,\s+(?=(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d{1,2}) (?:days?|weeks?|months?|years?)"
    r"|days|weeks|months|years|(?:just |only )?hours|minutes) after\s)"
    r"|\s*[،,]\s*(?=(?:بعد يوم|بعد يومين|بعد [اأ]سبوع|بعد [اأ]سبوعين|بعد [اأ]يام|بعد [اأ]شهر|بعد شهرين|بعد شهر|بعد عامين"
    r"|بعد عام|بعد سنتين|بعد سنة|بعد [^\W\d_]+ (?:سنوات|[اأ]عوام)|غداه|غداة"
    # "، بعد ساعات من احتجاز الردع آمر اللواء": an earlier happening the same day (not "بعد ساعات من بدء عملية":
    # what began is the happening itself)
    r"|بعد ساعات من(?=\s+(?!بدء|بداية|انطلاق|اندلاع)[^\W\d_]))\s)"
    # ", as Hezbollah fired a missile at Tel Aviv": a second report told alongside (not "as well", "as a result")
    r"|\s*,\s+(?=as\s+(?!well\b|a\s+result\b|part\b|many\b|much\b|long\b|soon\b|of\b|if\b|though\b|usual\b|expected\b|"
    r"agreed\b|planned\b|such\b|in\b|a\b|an\b)[^\W\d_]+\s+[^\W\d_]+)"
    r"|\s*[،,]\s*(?=(?:ما|مما) (?:[اأ]د[ىي]|[اأ]سفر|[اأ]جبر|دفع)))"
)


def clauses(sentence: str) -> list[tuple[int, int]]:
    """The spans of the reports a sentence joins ("قال إن قواته انسحبت من المدينة، ونفى أن تكون خسرت
    معركة": the withdrawal, then the denial); one span for a sentence that joins none. Whether a second
    report is a happening of its own is for the reader of each span to say."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _CLAUSE_JOINT.finditer(sentence):
        if m.start() - start >= 12:
            out.append((start, m.start()))
            start = m.end()
    out.append((start, len(sentence)))
    return out if len(out) > 1 and out[-1][1] - out[-1][0] >= 12 else [(0, len(sentence))]


@lru_cache(maxsize=16384)
def read(sentence: str, published_at: dt.datetime, home: str | None = None) -> SentenceFacts:
    """The facts of one sentence (cached: the grouping and the offline engine read the same sentences);
    ``home``: the country its article is about, where a place's home names count (``places.find_places``)."""
    return SentenceFacts(sentence, published_at, home)


# a clause telling a happening the days (or hours) before the report's: ", a day after ...", "، غداة ..."
_DAYS_AFTER = re.compile(
    r"\W*(a|one|two|three|four|five|six|seven|eight|nine|ten|several|many|\d{1,2}|(?:just |only )?hours|minutes|days"
    r"|weeks|months|years|بعد يومين|بعد يوم|بعد [اأ]سبوعين|بعد [اأ]سبوع|بعد [اأ]يام|بعد [اأ]شهر|بعد شهرين|بعد شهر"
    r"|بعد عامين|بعد عام|بعد سنتين|بعد سنة|بعد (?:\w+ )?(?:سنوات|[اأ]عوام)|غداة|بعد ساعات)(?: (days?|weeks?|months?|years?))?"
    r"\s+(?:after|من)?\s*"
)
_DAYS_BACK = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "several": 3, "many": 3, "days": 3, "weeks": 14, "months": 60, "years": 730,
    "بعد يوم": 1, "بعد يومين": 2, "بعد اسبوع": 7, "بعد اسبوعين": 14, "بعد ايام": 3, "بعد اشهر": 60,
    "بعد شهر": 30, "بعد شهرين": 60, "بعد عام": 365, "بعد عامين": 730, "بعد سنة": 365, "بعد سنتين": 730,
    "غداة": 1,
}  # fmt: skip  # hours after: 0; the Arabic keys without the hamza, which the text may write or not
_UNIT_DAYS = {None: 1, "day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}


def days_after(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """For a clause of ``sentence[start:end]`` opening on ", a day after ..." ("، غداة ...", "بعد يومين من",
    ", a week after ..."):
    how many days before the report's its happening was, and where the happening's own words start."""
    m = _DAYS_AFTER.match(sentence, start, end)
    if m is None:
        return None
    key = m.group(1).replace("أ", "ا")
    if key.isdigit():
        back = int(key)
    elif key.startswith("بعد") and key.endswith(("سنوات", "اعوام")):
        back = 3 * 365  # "بعد سبع سنوات من"
    else:
        back = _DAYS_BACK.get(key, 0)
    return back * _UNIT_DAYS[m.group(2)], m.end()


# a day reached, not a day of its own: "حتى صباح اليوم", "until Thursday morning", "as of this morning"
_UNTIL = re.compile(
    r"(?<![^\W\d_])(?:حتي|لغايه|until|till|as of)(?:\s+(?:الساعه\s+)?(?:\d{1,2}(?::\d\d)?|(?:الواحده|الثانيه|الثالثه"
    r"|الرابعه|الخامسه|السادسه|السابعه|الثامنه|التاسعه|العاشره|الحاديه عشره|الثانيه عشره)(?:\s+والنصف)?))?\s*$"
)


def reached_day(text: str, d: TemporalExpression) -> bool:
    """Whether a date phrase is the end a span or state reached ("حتى صباح اليوم", "until this morning",
    "حتى العاشرة صباح اليوم"), not the day a happening took place."""
    return _UNTIL.search(fold(text[max(0, d.start - 20) : d.start]).lower()) is not None
