"""How a sentence reports: a happening, a statement, a call or visit, a plan or threat, background, or off topic."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from summarizer.reading.lexicon import alternation
from summarizer.reading.text import fold

Mood = Literal["happening", "statement", "diplomacy", "plan", "background", "off_topic"]
_FRAME_WINDOW = 40  # characters from a framing verb to its link ("تأتي الهجمات الأخيرة على البلدة بعد")
_CLAUSE_END = re.compile(r"[,،;؛:.!?؟\"“”«»]")
# an English relative clause set off by a comma, to the clause's end ("Russia, whose contractors withdrew from
# the Tripoli front in May, is ..."): what it tells describes the noun before it, however long it is
_SCARE_QUOTES = re.compile(r"[\"“«](?:[^\W\d_]+(?:\s+[^\W\d_]+){0,2})[\"”»]")
_QUOTES_JOINED = re.compile(r"[\"“”«»]\s+(?:حتي|حتى|ثم|until|then)\s+[\"“”«»]")
_SET_OFF = re.compile(r"(?<=,) (?:whose|which|who|where|home to) [^,،;؛:.!?؟\"“”«»]*")


@dataclass(frozen=True, slots=True)
class _Cues:
    window: int
    modal: re.Pattern[str]
    attitude: re.Pattern[str]
    negation: re.Pattern[str]
    negation_window: int
    framing: re.Pattern[str]
    ahead: re.Pattern[str]
    told_place: re.Pattern[str]
    wide_area: re.Pattern[str]
    relative: re.Pattern[str]
    relative_window: int
    links: re.Pattern[str]
    background: re.Pattern[str]
    openers: frozenset[str]
    past_perfect: re.Pattern[str]
    reporting: re.Pattern[str]
    commentary: re.Pattern[str]
    opinion: re.Pattern[str]
    formal: re.Pattern[str]
    diplomacy: re.Pattern[str]
    interview: re.Pattern[str]
    repels: re.Pattern[str]
    inchoative: re.Pattern[str]
    context: re.Pattern[str]
    before_named: tuple[str, ...]
    place_ar: re.Pattern[str]
    place_en: re.Pattern[str]
    off_topic: re.Pattern[str]


def folded_cue(cue: str) -> str:
    """A cue as folded text; a trailing space (the word ends there) is kept."""
    return fold(cue) + (" " if cue.endswith(" ") else "")


def _pattern(cues: list[str]) -> re.Pattern[str]:
    """Cues at a word start (after one optional proclitic و ف ب ل ك or ال); a cue ending in a space or a
    phrase matches as written, a single word as a word start."""
    folded = [folded_cue(c) for c in cues]
    alts = alternation(folded)  # the cues longest first, as a trie
    # lookaheads of the letters a match can start with, and a cue can: a position no cue can start at
    # fails on one character test instead of on every proclitic and every branch of the trie
    firsts = {c[0] for c in folded}
    starts = _charset(firsts | set("وفبلكا"))
    return re.compile(rf"(?={starts})(?<![^\W\d_])(?:[وفبلك]|ال|وال)?(?={_charset(firsts)})(?:{alts})")


def _charset(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


@cache
def _cues() -> _Cues:
    data_all = json.loads(resources.files("summarizer.data").joinpath("events.json").read_text("utf-8"))
    data = data_all["mood"]

    def both(key: str) -> list[str]:
        return [*data[key]["ar"], *data[key]["en"]]

    bg = data["background"]
    return _Cues(
        window=int(data["window"]),
        modal=_pattern(both("modal")),
        attitude=_pattern(both("attitude")),
        negation=_pattern(both("negation")),
        negation_window=int(data["negation"]["window"]),
        framing=_pattern(both("framing")),
        ahead=_pattern(both("ahead")),
        relative=_pattern(both("relative")),
        relative_window=int(data["relative"]["window"]),
        told_place=re.compile(
            r"(?<![^\W\d_])(?:[وفبل]?(?:"
            + "|".join(re.escape(fold(w)) for w in both("told_place"))
            # "التابعة للميناء": ل before the article writes لل
            + r")|[وف]?لل(?:"
            + "|".join(re.escape(fold(w)[2:]) for w in both("told_place") if fold(w).startswith("ال"))
            + r"))(?![^\W\d_])"
        ),
        wide_area=re.compile(
            r"(?<![^\W\d_])[و]?(?:" + "|".join(re.escape(fold(w)) for w in both("wide_area")) + r")(?![^\W\d_])"
        ),
        links=_pattern([*data["framing"]["links_ar"], *data["framing"]["links_en"]]),
        background=_pattern([*bg["ar"], *bg["en"]]),
        openers=frozenset(fold(w) for w in bg["ar_openers"]),
        past_perfect=_pattern(bg["en_past_perfect"]),
        reporting=_pattern(bg["en_reporting"]),
        opinion=_pattern(both("opinion")),
        formal=_pattern(both("formal")),
        commentary=_pattern(both("commentary")),
        diplomacy=_pattern(both("diplomacy")),
        interview=_pattern(both("interview")),
        repels=_pattern(both("repels")),
        inchoative=_pattern(both("inchoative")),
        context=_pattern(both("context")),
        before_named=tuple(folded_cue(c) for c in both("before_named")),
        place_ar=re.compile(
            r"(?<![^\W\d_])(?:[وفبلك]|ال|وال|بال)?(?:"
            + "|".join(re.escape(fold(w)) for w in data_all["place_phrases"]["ar"])
            + r")\s+(?!(?:من|في|على|الى|عن|ان|التي|الذي)\b)[^\W\d_]{3,}"
        ),
        place_en=re.compile(
            r"\b(?:" + "|".join(data_all["place_phrases"]["en"]) + r")\s+(?:the\s+)?[A-Z][a-z'-]+(?:[\s-][A-Z][a-z'-]+)*"
        ),
        off_topic=_pattern(both("off_topic")),
    )


@dataclass(slots=True)  # not frozen: built for every sentence that has a cue, read, never changed
class Marks:
    """Where a folded sentence has modal, context and inchoative cues and clause breaks, read once, so
    each trigger is placed against them cheaply."""

    modal: tuple[tuple[int, int], ...]
    attitude: tuple[tuple[int, int], ...]
    negated: tuple[tuple[int, int], ...]
    negation_window: int
    relative: tuple[tuple[int, int], ...]
    relative_window: int
    set_off: tuple[tuple[int, int], ...]  # English relative clauses set off by a comma, whole
    context: tuple[tuple[int, int], ...]
    framed: tuple[tuple[int, int], ...]  # a framing verb's clause, before its link (told) and after it (context)
    begun: tuple[tuple[int, int], ...]
    breaks: tuple[int, ...]  # ends of clause-break characters
    window: int

    def _before(self, cues: tuple[tuple[int, int], ...], start: int, window: int) -> bool:
        """A cue in the same clause as ``start``, at most ``window`` characters before it."""
        if not cues:  # most sentences have none of a kind
            return False
        cut = self.breaks[bisect_right(self.breaks, start) - 1] if self.breaks and self.breaks[0] <= start else 0
        lo = max(0, start - window, cut)
        return any(lo <= s and e <= start for s, e in cues)

    def is_modal(self, start: int) -> bool:
        """Planned, predicted, threatened or conditional ("ستدافع في حال تعرضت لهجوم", "vowed to capture"),
        or expected or feared anywhere after a verb of expecting or fearing in the same clause."""
        return self._before(self.modal, start, self.window) or self._before(self.attitude, start, start)

    def is_relative(self, start: int) -> bool:
        """In a relative clause describing a noun ("قوات المعارضة التي اجتاحت حلب", ", which killed")."""
        return self._before(self.relative, start, self.relative_window)

    def is_set_off(self, start: int) -> bool:
        """In an English relative clause set off by a comma ("Turkey, whose drones turned the battle for
        Tripoli, has ..."): it describes the noun before it, what the sentence reports is elsewhere."""
        return any(lo <= start < hi for lo, hi in self.set_off)

    def is_negated(self, start: int) -> bool:
        """Said not to have happened ("no reports of injuries", "دون وقوع إصابات")."""
        return self._before(self.negated, start, self.negation_window)

    def is_context(self, start: int) -> bool:
        """What came before the happening ("بعد معارك ضارية", "after days of clashes"), or what was told
        before, set against it ("وتأتي الهجمات بعد ...", "the attacks come days after ...")."""
        return self._before(self.context, start, 35) or any(lo <= start < hi for lo, hi in self.framed)

    def is_begun(self, start: int) -> bool:
        """Only begun or under way ("بدأت التوغل", "began to enter", "تتقدم")."""
        if any(s == start for s, _ in self.begun):
            return True
        # a beginning that is itself planned ("ستواصل التقدم حتى تحرير"): nothing under way yet
        return self._before(tuple(c for c in self.begun if not self.is_modal(c[0])), start, 25)


def before_named(folded: str, at: int) -> bool:
    """Whether a happening named with the article at ``at`` ("the strikes", "الغارات", its proclitics
    included) follows "before the", "قبل": what the sentence sets its report against, not its report."""
    return folded.endswith(_cues().before_named, 0, at)


def marks(folded: str) -> Marks:
    c = _cues()

    def spans(p: re.Pattern[str]) -> tuple[tuple[int, int], ...]:
        return tuple([m.span() for m in p.finditer(folded)])

    # quoted words joined by a short link ('"ستواصل التقدم" حتى "تحرير" ...') are one clause of one statement
    joined = {e for m in _QUOTES_JOINED.finditer(folded) for e in (m.start() + 1, m.end())}
    # a word or three set in quotes ('أن يعلن المجلس "التحرير الكامل"', 'the "liberation" of'): no clause of their own
    joined |= {e for m in _SCARE_QUOTES.finditer(folded) for e in (m.start() + 1, m.end())}
    breaks = tuple([m.end() for m in _CLAUSE_END.finditer(folded) if m.end() not in joined])
    framed = []
    for m in c.framing.finditer(folded):
        link = c.links.search(folded, m.end(), m.end() + _FRAME_WINDOW)
        if link is None or any(m.end() <= b <= link.start() for b in breaks):
            continue
        framed.append((max((b for b in breaks if b <= m.start()), default=0), link.start()))
        # what follows the link, to the clause's end, is what it is set against ("في ظل تصاعد المواجهات منذ
        # أيام", "amid heavy fighting in ..."): context, no report of its own
        framed.append((link.end(), min((b for b in breaks if b > link.end()), default=len(folded))))
    return Marks(
        modal=spans(c.modal),
        attitude=spans(c.attitude),
        negated=spans(c.negation),
        negation_window=c.negation_window,
        relative=spans(c.relative),
        relative_window=c.relative_window,
        set_off=spans(_SET_OFF) if ", " in folded else (),
        context=spans(c.context),
        framed=tuple(framed),
        begun=spans(c.inchoative),
        breaks=breaks,
        window=c.window,
    )


def mood_of(
    sentence: str, folded: str | None = None, happening_at: int | None = None, *, topical: bool = False
) -> Mood:
    """How the sentence reports, before its triggers are weighed (see facts.read): off topic, a call or
    visit, background, an opinion or position (a statement), else a candidate happening. An opinion
    counts only when said before the first happening the sentence reports (``happening_at``):
    "X was killed, the monitor said, blaming Russia" stays a happening. ``topical``: the sentence reports
    fighting, so a word of another story in it ("a strike on the stadium") does not make it off topic."""
    c = _cues()
    f = fold(sentence) if folded is None else folded
    end = len(f) if happening_at is None else happening_at
    if not topical and c.off_topic.search(f):
        return "off_topic"
    if _talks(c, f) is not None:
        return "diplomacy"
    first = re.match(r"\W*([^\W\d_]+)", f)
    if (first and first.group(1) in c.openers) or c.background.search(f):
        return "background"
    pp = c.past_perfect.search(f)
    # "X had been killed ..., medical sources said": the saying after its clause backshifts it too
    if pp and not c.reporting.search(f, 0, pp.start()) and not _said_after(c, f, pp.end()):
        return "background"
    if c.commentary.search(f):  # "Analysts said ...", "ويرى محللون ...": a reading of the news, no event
        return "plan"
    # a cue that opens before the happening counts, even one naming it ("called the raids a crime")
    opinion = c.opinion.search(f, 0, end + _CUE_REACH)
    if opinion is not None and opinion.start() < end:
        return "statement"
    return "happening"


def on_record(folded: str) -> bool:
    """Whether a folded sentence says where its speaker spoke on record ("في بيان", "in a televised speech")."""
    return _cues().formal.search(folded) is not None


def other_story_words(folded: str) -> int:
    """How many different words of another story (sport, markets, weather, disease) a folded sentence uses."""
    return len({m.group(0) for m in _cues().off_topic.finditer(folded)})


_LEANS_AR = re.compile(
    r"^\W*(?:و|ف)?(?:كما\s+)?(?:اضاف|اضافت|تابع|تابعت|اوضح|اوضحت|اكد|اكدت|اشار|اشارت|قال|قالت|اعلن|اعلنت|ذكر|ذكرت|نفي|نفت)"
    r"(?:\s+(?:ان|انه|انها|ايضا|في|الي|ل)\b|\s*:|\s+[^\W\d_]*(?:ه|ها)\b)"
)
# English: opening on the speaker before ("He added that ...", "Separately, it said ..."), or closing on it ("..., it said.")
_LEANS_EN_OPENS = re.compile(
    r"^\W*(?:(?:separately|later|meanwhile|earlier|elsewhere|in a separate statement),?\s+)?"
    r"(?:he|she|it|they)\s+(?:added|said|also said|went on)\b"
)
_LEANS_EN_CLOSES = re.compile(r",\s*(?:he|she|it|they)\s+(?:added|said)\W*$")


def leans_on_speaker(sentence: str) -> bool:
    """The sentence names no speaker of its own and leans on the one before ("وأضافت أن ...", "كما
    أعلنت سيطرتها ...", "He added that ...", "..., it said.")."""
    # a word ending in ta marbuta ("وأعلنت وزارة الصحة") is a noun naming the speaker, no pronoun suffix:
    # keep it apart from ه, which folding would make it
    f = fold(sentence.replace("ة", "ت"))
    return bool(_LEANS_AR.match(f) or _LEANS_EN_OPENS.match(f) or _LEANS_EN_CLOSES.search(f))


def opens_on_speaker(sentence: str) -> bool:
    """An English sentence opens on the speaker of the one before ("He said Islamic State ... were suspects"):
    whoever else it names later is spoken of, not speaking. (Arabic's "وأضاف أن" is read by leans_on_speaker.)"""
    return _LEANS_EN_OPENS.match(fold(sentence)) is not None


_CUE_REACH = 40  # how far past the happening's start a cue that opens before it may run ("called the raids")
_FUNCTION_WORDS = frozenset(
    {"the", "a", "an", "of", "over", "in", "on", "at", "to", "from", "for", "by", "with", "into", "and", "or", "as",
     "than", "that", "its", "their", "his", "her"}
)  # fmt: skip


def _stem(word: str) -> str:
    """A word's first three letters after و and the article, for comparing a heading's words with its sentence's."""
    return fold(word).removeprefix("و").removeprefix("ال")[:3]


def glued_heading(sentence: str) -> tuple[int, int] | None:
    """A short sub-heading glued to the sentence it heads ("تصعيد عسكري حاد وتشهد سوريا تصعيداً
    عسكرياً ..."; "Aleppo airport The opposition said ..."): the heading's end and where the sentence
    starts, or None."""
    words = list(re.finditer(r"\S+", sentence))
    for n in range(2, min(7, len(words) - 3)):
        head, nxt = words[:n], words[n]
        if re.search(r"[.,:;!?،؛؟\"“”«»]", " ".join(w.group() for w in head)):
            return None
        if nxt.group()[0] == "و" and len(nxt.group()) > 3:
            # stems without و and the article: "حزب الله" and "اللبنانية" share no stem
            stems = {st for w in head if len(st := _stem(w.group())) >= 3}
            after = {_stem(w.group()) for w in words[n : n + 12]}
            if len(stems) >= 2 and len(stems & after) >= 2:
                return head[-1].end(), nxt.start()
        elif (
            re.match(r"(?:The|A|An|In|On|At|Syrian|Opposition|Russian|Government|Rebel)\b", nxt.group())
            and all(w.group()[:1].isupper() or w.group().islower() for w in head)
            and head[-1].group()[:1].islower()
            # "Israeli troops took over the Syrian side": a heading never ends on a function word
            and head[-1].group() not in _FUNCTION_WORDS
        ):
            return head[-1].end(), nxt.start()
    return None


_NOT_PLACES = re.compile(r"^(?:in|at|of|on|from)\s+(?:the\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def names_a_place(sentence: str) -> bool:
    """The sentence names a place by a phrase the gazetteer need not know ("مخيم جباليا", "شمال القطاع",
    "in El Fasher", "near Nasser Hospital"); a month or weekday after "in" is no place."""
    c = _cues()
    if c.place_ar.search(fold(sentence)):
        return True
    return any(not _NOT_PLACES.match(m.group()) for m in c.place_en.finditer(sentence))


def _said_after(c: _Cues, folded: str, start: int) -> bool:
    """Whether the sentence ends on an inverted attribution (", medical sources in Aden said.") after ``start``."""
    comma = folded.rfind(", ", start)
    return comma >= 0 and len(folded) - comma <= _TRAILING_SAID and c.reporting.search(folded, comma) is not None


_TRAILING_SAID = 70  # characters of a closing ", the ministry of health in Gaza said."


def talks_at(sentence: str) -> int | None:
    """Where the first cue of a call, a visit or talks stands in the folded sentence; None without one."""
    return _talks(_cues(), fold(sentence))


# a truce announced by whoever announces it ("أعلنت وزارة الداخلية وقفاً لإطلاق النار", "the council declared
# a ceasefire"): talks concluded, not a call for one ("دعت إلى وقف لإطلاق النار")
_TRUCE_ANNOUNCED = re.compile(
    r"(?<![^\W\d_])[وف]?(?:اعلن|اعلنت|اعلنوا|اعلنا)(?:\s+[^\s.،,؛]+){0,4}?\s+(?:وقفا?|هدنه)\s+(?:ل|ب)?اطلاق\s+النار"
    r"|(?<![^\W\d_])(?:announced|declared)\s+(?:a|an)\s+(?:immediate\s+|new\s+|unilateral\s+)?(?:ceasefire|truce)"
)


# "واستدعت الكوادر الطبية في الإجازات", "استدعاء جنود الاحتياط": staff or reservists called in, no envoy summoned
_CALLED_IN = re.compile(
    r"(?<![^\W\d_])[وف]?(?:استدع|تستدع|يستدع)[^\W\d_]*(?:\s+[^\W\d_]+){0,2}?\s+(?:ال)?(?:كوادر|طواقم|اطباء|احتياط|ممرض|موظف|عمال)"
)


_SEARCHING = re.compile(r"[وفل]?بحثا عن")  # folded "بحثاً عن": searching for (بحثا alone: the two discussed)


def _talks(c: _Cues, folded: str) -> int | None:
    """The first diplomacy cue outside the words that say how a reporter reached a source."""
    called_in = [m.span() for m in _CALLED_IN.finditer(folded)] if "ستدع" in folded else []
    for m in c.diplomacy.finditer(folded):
        if any(lo <= m.start() < hi for lo, hi in called_in):
            continue
        if _SEARCHING.match(folded, m.start()):
            continue  # "بحثاً عن الألغام": searching for mines, no talks
        if not any(i.start() <= m.start() < i.end() for i in c.interview.finditer(folded)):
            return m.start()
    if (t := _TRUCE_ANNOUNCED.search(folded)) is not None:
        return t.start()
    return None


# The reported words start with the speaker acting: a complementizer carrying the speaker's pronoun and a
# verb ("إنه استهدف", "أنها سيطرت", "بأنهم قتلوا"), or the speaker's own forces as subject ("قواته وسعت",
# "مقاتلينا", "its fighters", "our troops"), or "it/they/we" and a verb ("said it had targeted", "said they
# killed"). Passives and copulas ("it had been", "it was") are no act of the speaker's.
_OWN_AR = re.compile(
    r"(?<![^\W\d_])(?:ان|بان|لان)(?:ه|ها|هم|نا)\s+(?:قد\s+)?(?!(?:من|غير|لا|لم|لن|ليس|ليست|كان|كانت|في|علي|الي|عن|مع)\b)"
    r"[^\W\d_]{3,}"
    # "13 من جنوده", "two of its soldiers", "the toll among its soldiers": its own people counted are who it
    # lost, not who acted
    r"|(?<![^\W\d_])(?<!من )(?<!صفوف )(?:ال)?(?:قوات|مقاتلي|مقاتلو|عناصر|طايرات|طيران|وحدات|جنود|دفاعات|مسيرات|صواريخ|سلاح)"
    r"(?:ه|ها|هم|نا)(?![^\W\d_])"
)
_OWN_EN = re.compile(
    r"(?<![^\W\d_])(?:it|they|we)\s+(?:had\s+|has\s+|have\s+)?(?:also\s+)?[\"“']?"
    r"(?!(?:been|not|no|was|were|is|are|be|would|will|could|can|may|might|must|should|did|does|do|had|has|have|"
    r"said|says|believed|believes|thinks|expects|expected|hopes|wants|needs|knew|knows|feared|fears|"
    # "called the attack a massacre and said it showed ...": what "it", the thing told, showed or meant
    r"showed|shows|proved|proves|meant|means|demonstrated|demonstrates|reflected|reflects|amounted|amounts|"
    r"constituted|constitutes|came|comes|marked|marks)\b)"
    r"[a-z]{2,}\b"
    r"|(?<![^\W\d_])(?<!of )(?<!among )(?:its|their|our)\s+(?:own\s+)?(?:forces|fighters|troops|jets|warplanes|aircraft|units|"
    r"soldiers|drones|navy|air force|air defences|air defenses|men|artillery|gunmen)\b"
)
# A military's words whose subject is bare troops ("the army said troops had entered the camp", "قال الجيش
# إن القوات تصدت للهجوم"), or a group's fighters named by the group's common noun ("the group's fighters had
# repelled"): the speaker's own.
_BARE_TROOPS = re.compile(
    r"(?<![^\W\d_])(?:ان|بان)\s+(?:ال)?(?:قوات|جنود|وحدات)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:said|says|stated|announced|reported|added)\s+(?:that\s+)?(?:on\s+[a-z]+\s+(?:that\s+)?)?"
    r"(?:troops|soldiers|forces|units)\s+(?:had\s+|have\s+|also\s+)*(?!been\b|not\b|were\b|are\b)[a-z]{3,}"
)
_GROUPS_OWN = re.compile(
    r"(?<![^\W\d_])the\s+(?:group|movement|militia|army|military|alliance|coalition|organisation|organization|"
    r"faction|force)'s\s+(?:own\s+)?(?:forces|fighters|troops|units|soldiers|drones|gunmen|men)\b"
)
_TROOPS = re.compile(
    r"(?<![^\W\d_])(?:ال)?(?:قوات|مقاتلي|مقاتلو|عناصر|وحدات|جنود)(?:ه|ها|هم|نا)(?![^\W\d_])"
    r"|(?<![^\W\d_])(?:its|their|our)\s+(?:own\s+)?(?:forces|fighters|troops|units|soldiers|men|gunmen)\b"
)
_OWN_WINDOW = 80  # characters from the speech cue: the speaker's name, "في بيان", "in a statement that"


def acts_itself(reported: str) -> bool:
    """The words reported after a speech cue tell of the speaker's own act ("قال الجيش في بيان إنه استهدف
    ...", "the RSF said its fighters repelled ...", "the group said it had fired rockets"): a party's
    own account. ``reported``: the text from the start of the cue."""
    f = fold(reported)[:_OWN_WINDOW]
    return bool(_OWN_AR.search(f) or _OWN_EN.search(f) or _GROUPS_OWN.search(f))


def bare_troops_act(reported: str) -> bool:
    """The words reported after a speech cue have bare troops acting ("said troops had entered", "إن القوات
    تصدت"): a military speaker's own forces (the caller knows the speaker is one)."""
    return _BARE_TROOPS.search(fold(reported)[:_OWN_WINDOW]) is not None


def troops_act(sentence: str) -> bool:
    """A party's own troops or fighters are the subject of what it tells ("its troops killed", "إن
    مقاتليه صدوا"): fighting on the ground."""
    return _TROOPS.search(fold(sentence)) is not None


def talks_ahead(sentence: str) -> bool:
    """A call, visit or talks still to come: set in a time ahead ("الأسبوع المقبل", "next week") or expected
    or planned ("من المتوقع أن يزور", "is expected to visit"), not an announced one of the day ("سيزور دمشق
    اليوم")."""
    c = _cues()
    f = fold(sentence)
    at = talks_at(sentence)
    if at is None:
        return False
    # a time ahead after a clause break dates what comes next, not the talks told ("أجرى اتصالاً هاتفياً
    # بنظيره، على أن يلتقي الوزراء غداً")
    ahead = any(m.start() < at or not _CLAUSE_END.search(f, at, m.start()) for m in c.ahead.finditer(f))
    return ahead or marks(f).is_modal(at)


def repels(sentence: str) -> bool:
    """The sentence tells of an attack repelled or foiled ("said they had repelled the assault", "تصدت")."""
    return _cues().repels.search(fold(sentence)) is not None


def names_a_told_place(sentence: str) -> bool:
    """The sentence names a place only as one told before ("in the area", "داخل المدرسة", "قرب السوق")."""
    return _cues().told_place.search(fold(sentence)) is not None


def names_a_wide_area(sentence: str) -> bool:
    """The sentence names an area wider than a region by a common noun ("across the country", "في أنحاء البلاد")."""
    return _cues().wide_area.search(fold(sentence)) is not None


# the wounded taken to a hospital: "نقلت إلى مستشفى رفيديا", "نُقل عدد منهم بطائرات عسكرية إلى مستشفيات القاهرة",
# "were taken to Nasser Hospital", "were flown to hospitals in Cairo"
_TAKEN_TO = re.compile(
    r"(?:نقل|نقلت|نقلوا|تم نقلهم|نُقلت|نُقل|نُقلوا|أسعفوا|أسعف)\s+(?:[^\s.،,]+\s+){0,4}?(?:إلى|الى)\s+(?:مستشفى|مستشفيات)"
    r"(?:\s+[^\s.،,]+){0,2}"
    r"|\b(?:taken|rushed|transferred|brought|flown|airlifted|evacuated|transported)\s+(?:\w+\s+){0,2}?to\s+(?:the\s+)?"
    r"(?:[A-Z][\w'-]*\s+){0,3}(?:hospital|Hospital)s?\b(?:\s+in\s+(?:[A-Z][\w'-]*\s*){1,3})?"
)


def without_hospital(sentence: str) -> str:
    """The sentence without where its wounded were taken ("نقلت إلى مستشفى رفيديا"): no place of theirs."""
    return _TAKEN_TO.sub(" ", sentence)


_HOSPITAL = re.compile(r"مستشف|[Hh]ospital")  # a sentence naming no hospital says none was reached: not scanned


def hospital_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence says its wounded were taken (see :func:`without_hospital`), as spans."""
    return [m.span() for m in _TAKEN_TO.finditer(sentence)] if _HOSPITAL.search(sentence) else []
