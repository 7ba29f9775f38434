"""The claim checker: split a text into claims, align each with the source sentences that best support it,
and check its numbers (and whom they count), dates, places, actors, stance and quotes against that evidence,
in Arabic and English; a claim its evidence cannot decide is unverifiable, not supported."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Any, cast

from summarizer.articles import Article, prepare
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.grouping import sentence_keys
from summarizer.offload import run_cpu
from summarizer.reading import actors, dates, doers, places
from summarizer.reading import speakers as speakers_of
from summarizer.reading.checkable import Facts, concept_at, concepts_in, read, stances_in, who_category
from summarizer.reading.dates import TemporalExpression
from summarizer.reading.mood import leans_on_speaker
from summarizer.reading.text import (
    dateline_end,
    detect_language,
    find_exact_or_folded,
    fold,
    split_sentences,
    words,
)
from summarizer.schemas import (
    ClaimOut,
    ClaimVerdict,
    Evidence,
    IssueKind,
    IssueOut,
    JudgeOut,
    Lang,
    VerifyMeta,
    VerifyRequest,
    VerifyResponse,
)

if TYPE_CHECKING:
    from summarizer.engines.judge import Judge

CHECKER = "deterministic-v4"  # v2: stance, figure categories, translated quotes, unverifiable; v3: English claims on Arabic figures said without numerals, hedged round figures, camps, denials said as negatives; v4: inflected English words align, Arabic duals counted with who they are, the speaker is the words after an Arabic verb of saying and the clause that says the claim, moves keep their compass sides, a two-day night is either day, an armed group's figure counts fighters, a translated quote is looked for in its evidence (speakers' names aside), a negation is a denial only in the denier's sentence, a country by its adjective, who the victims were (women, children) with or without a figure, who denies, 'did not comment' is no denial, civilians vs the military without a figure
# Alignment weights, set by measuring the checker on evals/datasets/statements (see the eval report)
MIN_RELEVANCE = 1.0  # below this no source sentence is about the claim at all
CANDIDATES = 8  # best-aligned sentences tried as evidence
NEAR_BEST = 0.6  # a candidate's relevance must be at least this share of the best one's
ISSUE_COST = 4.0  # relevance a candidate may trade for one problem less
CONCEPT_SHARE = 2.0  # a shared glossary concept counts as this share of a shared word
LEX_WEIGHT = 12.0  # how much shared words weigh against shared facts when aligning within a language
_BULLET = re.compile(r"^\s*(?:[-*•·▪–—]|\d{1,2}[.)])\s+")
_QUOTED = re.compile(r"[«\"“]([^«»\"“”]{6,300})[»\"”]")


@dataclass(frozen=True)
class Issue:
    kind: IssueKind
    text: str  # the claim's words at fault (the whole claim for "unsupported")
    message: str


# ---------------------------------------------------------------- claims


_CLAUSES = re.compile(r"\s*(?:[;؛]|,\s+(?:but|while|whereas|though|although)\s+|,\s+and\s+(?=(?:the|a|an|its|their)\s|[A-Z])|،\s*(?:لكن|ولكن|إلا أن|فيما|بينما|في حين)\s+)\s*")


def split_claims(text: str) -> list[str]:
    """A summary's claims: its sentences and bullet lines, with clauses split at semicolons and at a contrast
    ("..., but the army denied ...", "...، فيما نفى الجيش ..."): each side has its own evidence."""
    out: list[str] = []
    for span in split_sentences(text):
        line = _BULLET.sub("", span.of(text))
        for part in _CLAUSES.split(line):
            part = part.strip()
            if len(words(part)) >= 2:
                out.append(part)
    return out


@dataclass(frozen=True)
class _Sentence:
    article: Article
    index: int  # position among the article's body sentences
    text: str

    @property
    def plain(self) -> str:
        """The text without a wire dateline ("MOSCOW/TEHRAN, Nov 29 (Levant Wire) -"): where it was filed
        is not what happened; a line that holds only a dateline and its outlet states nothing."""
        end = dateline_end(self.text)
        rest = self.text[end:]
        if end and len(rest.split()) <= 5 and not re.search(r"[\d.!?؟]", rest):
            return " " * len(self.text)  # "عتق (اليمن) – شبكة حضرموت الإخبارية": where and who filed it, nothing more
        return " " * end + rest

    @property
    def facts(self) -> Facts:
        return read(self.plain, self.article.published_at)


@dataclass(frozen=True)
class ClaimCheck:
    """The verdict on one claim: its evidence (exact words of the sources) and what they do not support."""

    text: str
    evidence: list[Evidence]
    issues: list[Issue]
    relevance: float
    undecided: str = ""  # with no issue: why its evidence cannot decide it ("" when it does)

    @property
    def supported(self) -> bool:
        """No problem found (an unverifiable claim included: nothing in its evidence says otherwise)."""
        return not self.issues

    @property
    def verdict(self) -> ClaimVerdict:
        if any(i.kind in _CONTRADICTIONS for i in self.issues):
            return "contradicted"
        if self.issues:
            return "unsupported"
        return "unverifiable" if self.undecided else "supported"


# problems where the evidence states something else (the rest: nothing states the claim or its quote)
_CONTRADICTIONS = frozenset({"number", "category", "date", "place", "actor", "stance"})


class Sources:
    """The articles a text is checked against, read once, sentence by sentence."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.articles = {a.id: a for a in articles}
        names = sorted({a.source for a in articles if a.source}, key=len, reverse=True)
        self._outlets = re.compile("|".join(re.escape(n) for n in names), re.I) if names else None
        self.sentences: list[_Sentence] = [
            _Sentence(a, i, span.of(a.text)) for a in articles for i, span in enumerate(a.body)
        ]
        self._by_article: dict[str, list[_Sentence]] = {}
        self._doers_of: dict[str, frozenset[str]] = {}
        for s in self.sentences:
            self._by_article.setdefault(s.article.id, []).append(s)

    def _doers(self, article_id: str) -> frozenset[str]:
        """The actors an article names as doing a happening ("Israeli warplanes struck", "the Israeli strikes",
        "مقاتلات أمريكية"), with the bodies they belong to."""
        if article_id not in self._doers_of:
            out: set[str] = set()
            for x in self._by_article.get(article_id, []):
                for aid, m in x.facts.actors.items():
                    if _qualifies_happening(x.plain, m, agents=True):
                        out |= {aid, *actors.ancestors(aid)}
            self._doers_of[article_id] = frozenset(out)
        return self._doers_of[article_id]

    def _neighbour(self, s: _Sentence, step: int) -> _Sentence | None:
        same = self._by_article[s.article.id]
        i = s.index + step
        return same[i] if 0 <= i < len(same) else None

    def check(self, claim: str) -> ClaimCheck:
        """Align a claim with its best-supporting sentences, then check it against them."""
        lang = detect_language(claim)
        scored = []
        for s in self.sentences:
            r = _relevance(claim, lang, s)
            if r > 0:
                scored.append((r, s))
        scored.sort(key=lambda x: -x[0])
        if not scored or scored[0][0] < MIN_RELEVANCE:
            quote_issues, _ = self._quotes(claim)
            return ClaimCheck(
                claim,
                [],
                [*quote_issues, Issue("unsupported", claim, "no source sentence states this")],
                scored[0][0] if scored else 0.0,
            )
        best = scored[0][0]
        tried: list[tuple[int, float, list[_Sentence], list[Issue]]] = []
        for r, s in scored[:CANDIDATES]:
            if r < best * NEAR_BEST:
                break
            windows = [[s]]
            for step in (-1, 1):
                n = self._neighbour(s, step)
                # the candidate is the core; a neighbour more about the claim is a candidate of its own
                if n is not None and _relevance(claim, lang, n) <= r and _may_join(claim, s, n):
                    windows.append([n, s] if step < 0 else [s, n])
            for w in windows:
                issues = self._issues(claim, w, s)
                # a one-sentence window wins a tie; a two-sentence window must remove every issue
                if len(w) > 1 and issues:
                    continue
                tried.append((len(issues), -r, w, issues))
        # the evidence that explains the claim best: relevant, and with few problems
        tried.sort(key=lambda t: (t[0] * ISSUE_COST + t[1], t[0], len(t[2])))
        _, neg_r, window, issues = tried[0]
        # a denial where the claim has a confirmation (or the reverse) in the sentence most about it stands,
        # whatever evidence explains the rest of the claim best
        if not any(i.kind == "stance" for i in issues):
            for r, top in scored:
                if r < best:
                    break
                if _stance_conflict(read(claim, top.article.published_at).stances, top.facts.stances):
                    window, issues = [top], self._issues(claim, [top], top)
                    break
        evidence = [Evidence(article_id=s.article.id, quote=s.text) for s in window]
        quote_issues, unread = self._quotes(claim, window)
        undecided = unread or _undecided(read(claim, window[0].article.published_at), [s.facts for s in window])
        return ClaimCheck(claim, evidence, [*quote_issues, *issues], -neg_r, undecided)

    def check_against(self, claim: str, evidence: Sequence[Evidence]) -> list[Issue]:
        """Check a claim against the quotes it cites (each already an exact substring of its article)."""
        pseudo = [
            _Sentence(self.articles[ev.article_id], -1, ev.quote)
            for ev in evidence
            if ev.article_id in self.articles
        ]
        if not pseudo:
            return [Issue("unsupported", claim, "it cites no evidence from these articles")]
        return [*self._quotes(claim, pseudo)[0], *self._issues(claim, pseudo)]

    def _quotes(self, claim: str, near: Sequence[_Sentence] = ()) -> tuple[list[Issue], str]:
        """Words a claim puts in quotation marks must be the sources' own: verbatim in a source of their
        language, or, translated, the readable content (glossary concepts, figures, places, actors) of a
        quotation or attributed statement in the sources (in its evidence or next to it, when it has
        evidence). Also why a quote cannot be decided ("" if none)."""
        out = []
        undecided = ""
        for m in _QUOTED.finditer(claim):
            quoted = m.group(1).strip()
            lang = detect_language(quoted)
            same = [a for a in self.articles.values() if a.language == lang]
            if same:
                if not any(find_exact_or_folded(a.text, quoted) for a in same):
                    out.append(Issue("quote", quoted, "these quoted words are not in the sources"))
                continue
            found = self._translated(quoted, near)
            if found is None:
                undecided = f"the quoted words {quoted!r} name nothing the checker can find in another language"
            elif not found:
                out.append(Issue("quote", quoted, "no quotation or statement in the sources says this"))
        return out, undecided

    def _translated(self, quoted: str, near: Sequence[_Sentence] = ()) -> bool | None:
        """Whether a quotation the sources would have in another language is there: half its readable content
        at least in one quoted span or attributed sentence, among the evidence and the sentences next to it
        when there is evidence ("not a single civilian was harmed" is not said by whoever mentions
        civilians elsewhere). None when it has no readable content, or is a name."""
        if quoted.istitle() or not self.sentences:
            return None
        qf = read(quoted, self.sentences[0].article.published_at)
        wanted = _readable(qf)
        if not wanted:
            return None
        pool = self.sentences
        if near:
            pool = list(near)
            if len(wanted) > 1:  # one word found next to the evidence is too little to tell
                for x in near:
                    pool += [n for step in (-1, 1) if x.index >= 0 and (n := self._neighbour(x, step)) is not None]
        for s in pool:
            spans = [m.group(1) for m in _QUOTED_ANY.finditer(s.text)]
            if not spans and "attributed" not in s.facts.stances:
                continue
            for span in spans or [s.plain]:
                if len(wanted & _said_content(span, s.article.published_at)) * 2 >= len(wanted):
                    return True
        return False

    def _issues(self, claim: str, window: list[_Sentence], core: _Sentence | None = None) -> list[Issue]:
        art = window[0].article
        filed = dateline_end(claim)  # a lead quoted with its dateline: where it was filed is not a claim
        claim = " " * filed + claim[filed:]
        if self._outlets is not None:  # "reported by Al Jazeera": the outlet is the article's own metadata
            claim = self._outlets.sub(lambda m: " " * len(m.group()), claim)
        cf = read(claim, art.published_at)
        issues: list[Issue] = []
        # what the core sentence says wins; a joined neighbour, then the sentence before, fill only what it
        # leaves unsaid ("the same town", "he said"), so they cannot lend another town, figure or speaker
        core = core or window[0]
        cores = list(window) if core.index < 0 else [core]
        rest = [w for w in window if w not in cores]
        prev = self._context(window)

        # ...unless the claim sums up both: then what the neighbour supplies counts with the core
        summed = _supplies(cf, [x.facts for x in cores], [x.facts for x in rest])

        def slot(has: Callable[[Facts], object]) -> list[_Sentence]:
            for chosen in (cores, cores + rest):
                if any(has(x.facts) for x in chosen):
                    return cores + rest if summed else chosen
            return cores + rest + prev

        counted = slot(lambda f: f.numbers or f.rounded)
        issues += _number_issues(cf, [x.facts for x in counted], [x.plain for x in counted], claim)
        if not any(i.kind in ("number", "category") for i in issues):
            issues += _dual_issues(claim, cf, [x.facts for x in window], [x.plain for x in window])
        if not any(i.kind in ("number", "category") for i in issues):
            issues += _victim_issues(cf, [x.facts for x in window])
        placed = slot(lambda f: f.regions)
        located = {
            places.same_place(pid)
            for pid, m in cf.places.items()
            if _LOCATOR.search(fold(claim[: m.start]).lower())
        }
        # evidence that names no place, or only places the claim names too ("خرجوا من الجيب إلى مخيم الهول" for
        # "left the Baghouz pocket for al-Hol camp"), may refer back to the place its lead names
        claimed = {places.same_place(pid) for pid in cf.places}
        # where someone was sent from ("قائد عسكري أُرسل من بغداد") is not where the evidence happens
        own = {id(x): {pid for pid, pm in x.facts.places.items() if not _SENT_FROM.search(fold(x.plain[: pm.start]))} for x in placed}
        unplaced = not any(places.same_place(pid) not in claimed for x in placed for pid in own[id(x)])
        # a dateline line ("حمص – شبكة بادية الشام", "GAZA (Reuters) -") is not the lead
        lead = [x for x in self._by_article.get(art.id, []) if len(x.plain.split()) > _LINE_WORDS][:2]
        lead_places = {places.same_place(p) for x in lead for p in x.facts.places}
        referred: set[str] = set()
        if unplaced and any(_PLACE_BACK.search(fold(x.plain).lower()) for x in placed):
            # "شرقي المدينة", "the city's market", "انسحبوا من المدينة باتجاه السخنة": evidence that only refers
            # back to a place (beside places the claim names) means the one its article's lead names
            referred = lead_places
        elif unplaced and any(_THERE.search(fold(x.plain).lower()) for x in placed):
            # "Israel launched the operation there": the place the sentence before names
            before = [n for x in placed[:1] if x.index >= 0 and (n := self._neighbour(x, -1)) is not None]
            located = {places.same_place(p) for x in before for p in x.facts.places}
        elif unplaced and any(_SITE_BACK.search(fold(x.plain).lower()) for x in placed):
            located = lead_places if len(lead_places) == 1 else located
        elif not any(own[id(x)] for x in placed):
            # a quote, a comment that names no place at all: where the lead is, or the sentence it goes on from
            before = [n for x in placed[:1] if x.index >= 0 and (n := self._neighbour(x, -1)) is not None]
            located = located | lead_places | {places.same_place(p) for x in before for p in x.facts.places}
        # "محيط المخيم", "the school": the camp or school named with the claim's place elsewhere in the article
        # ("مخيم أبو شوك", "a school in Nuseirat camp")
        back_nouns = {noun for x in placed for m in _BACK_NOUN.finditer(fold(x.plain).lower()) if (noun := m.group(1) or m.group(2))}
        if back_nouns:
            kind = _nouns_pattern(frozenset(back_nouns))
            with_kind = [x for x in self._by_article.get(art.id, []) if kind.search(fold(x.plain).lower())]
            located = located | {places.same_place(pid) for pid in cf.places if any(pid in x.facts.places for x in with_kind)}
        named = {places.same_place(p) for x in self._by_article.get(art.id, []) for p in x.facts.places}
        if located:  # "the Zamzam camp south of El Fasher": a town that only locates may stand anywhere in the article
            # unless the evidence locates by another town ("غرب محافظة مأرب" where the claim has غرب تعز)
            theirs = {
                places.same_place(pid)
                for x in placed
                for pid, pm in x.facts.places.items()
                if _LOCATOR.search(fold(_strip_kind(x.plain[: pm.start])).lower())
            }
            located &= theirs or named
        located |= referred
        # "حارة حريك بالضاحية الجنوبية لبيروت" in its article: the claim's place lies where its evidence says
        located |= _located_by_article(cf, placed, self._by_article.get(art.id, []))
        # a name that needs context to be a place ("أن تتحول الجنينة"), in an article that names that place
        located |= {
            key
            for pid, m in cf.places.items()
            if (key := places.same_place(pid)) in named and _name_stands(m.place, [x.plain for x in placed])
        }
        issues += _place_issues(cf, [x.facts for x in placed], [x.text for x in placed], located)
        if not any(i.kind == "place" for i in issues):
            issues += _movement_issues(claim, [x.plain for x in window])
        # speakers are often split over a joined pair ("X said ..." / "it added ..."): the pair counts whole,
        # unless the core names another actor of the same kind in the claimed one's place
        speakers = cores + rest if any(x.facts.actors for x in cores + rest) else cores + rest + prev
        # one statement over two sentences: the same speaker before goes on naming the parties
        if prev and prev[0] not in speakers and _continues(prev[0], cores):
            speakers = [*speakers, prev[0]]
        # who reports it (a monitor, an agency, a rescuer) is often named once, in the sentence before
        if any(m.actor.kind in _REPORTERS for m in cf.actors.values()) and not any(
            m.actor.kind in _REPORTERS for x in speakers for m in x.facts.actors.values()
        ):
            speakers = speakers + [p for p in prev if p not in speakers]
        family = frozenset().union(*(x.facts.actor_family for x in self._by_article.get(art.id, [])))
        issues += self._background_named(
            claim,
            cf,
            cores,
            _actor_issues(
                cf, [x.facts for x in speakers], [x.plain for x in speakers], cores, family, claim, self._doers(art.id)
            ),
        )
        issues += _speaker_issues(claim, cores)
        if not any(i.kind == "actor" for i in issues):
            issues += _doer_issues(claim, cf, cores)
        if not any(i.kind == "actor" for i in issues):
            issues += _denier_issues(claim, cores)
        if not any(i.kind in ("place", "actor") for i in issues):
            issues += _name_issues(claim, cf, [x.plain for x in cores + rest + prev], art.text)
        issues += _stance_issues(claim, cf, [x.facts for x in cores], [x.plain for x in cores], *self._answer(claim, window))
        dated = [x.facts for x in slot(lambda f: f.dates)]
        issues += _date_issues(cf, dated, window, self._earlier_dates(window))
        return issues

    def _background_named(self, claim: str, cf: Facts, cores: list[_Sentence], issues: list[Issue]) -> list[Issue]:
        """Actor issues less those of a party the claim names only to describe something ("HTS-led factions",
        "the rockets Hezbollah fired", "الصواريخ التي أطلقها حزب الله") that a sentence next to its evidence
        names: background its article gives once, not the claim's happening; a site of the party's ("the attack
        on the army post") may stand anywhere in the article."""
        if not issues or len(cores) != 1 or cores[0].index < 0:
            return issues
        near: set[str] = set()
        for step in (-1, 1):
            if (n := self._neighbour(cores[0], step)) is not None:
                near |= n.facts.actor_family
        article = self._by_article.get(cores[0].article.id, [])
        anywhere = {a for x in article for a in x.facts.actor_family}
        kinds = {mm.actor.kind for x in article for mm in x.facts.actors.values()}
        out = []
        for issue in issues:
            ids = [a for a, m in cf.actors.items() if m.text == issue.text and _describes(claim, m.start, m.end)]
            # "the army post": the army the article names, whichever country's
            sites = [a for a, m in cf.actors.items() if m.text == issue.text and _SITE_OF.match(claim, m.end)]
            anywhere |= {a for a, m in cf.actors.items() if a in sites and m.actor.kind in kinds and _unqualified(m.text, m.actor.kind)}
            if issue.kind == "actor" and ids and all(a in (anywhere if a in sites else near) for a in ids):
                continue
            out.append(issue)
        return out

    def _context(self, window: list[_Sentence]) -> list[_Sentence]:
        """The sentence before the evidence: who said it is often named there ("وأضاف المرصد...")."""
        first = window[0]
        if first.index < 0:
            return []
        prev = self._neighbour(first, -1)
        return [prev] if prev is not None else []

    def _answer(self, claim: str, window: list[_Sentence]) -> tuple[bool, bool]:
        """Whether the sentence after the evidence has the claim's denier deny something ("X said ..., which
        Hamas denied" / "Hamas denied ..."), and whether it answers the evidence with a denial ("... said the
        Houthis." / "But Central Command denied ..."): what it answers is disputed."""
        last = window[-1]
        n = self._neighbour(last, 1) if last.index >= 0 else None
        if n is None or "denies" not in n.facts.stances:
            return False, False
        return _denier_named(claim, n), bool(_CONTRAST.match(fold(n.plain).lower()))

    def _earlier_dates(self, window: list[_Sentence]) -> list[TemporalExpression]:
        """For an undated sentence: the dates of the two sentences before it (the lead usually dates it)."""
        first = window[0]
        if first.index < 0:
            return []
        out: list[TemporalExpression] = []
        for step in (-1, -2):
            n = self._neighbour(first, step)
            if n is not None:
                out.extend(n.facts.dates)
        return out


# ---------------------------------------------------------------- alignment


def _relevance(claim: str, lang: Lang, s: _Sentence) -> float:
    cf = read(claim, s.article.published_at)
    sf = s.facts
    lexical = 0.0
    if lang == sf.language and cf.keys:
        mine = _roots(cf.keys)
        lexical = len(mine & _roots(sf.keys)) / len(mine)
    elif cf.concepts:  # across languages the glossary stands in for shared words
        theirs = set(sf.concepts)
        if sf.stances & {"denies", "negates"}:  # a denial is often a negated statement ("قالت إنها لم تستهدف")
            theirs.add("deny")
        lexical = CONCEPT_SHARE * len(cf.concepts & theirs) / len(cf.concepts)
    shared: float = len(set(cf.places) & set(sf.places))
    if not shared and cf.regions & sf.regions:
        shared += 0.5
    shared += len(set(cf.actors) & sf.actor_family)
    shared += len(set(cf.numbers) & sf.all_numbers)
    shared += len({d.date for d in cf.dates} & {d.date for d in sf.dates})
    same_type = 0.5 if cf.event_type is not None and cf.event_type == sf.event_type else 0.0
    return LEX_WEIGHT * lexical + shared + same_type


_EN_SUFFIX = re.compile(r"(?:ing|ed|es|e|s)$")


@lru_cache(maxsize=1 << 14)
def _roots(keys: frozenset[str]) -> frozenset[str]:
    """Keys with an English word's inflection off ("matched" and "match", "figures" and "figure"), so a
    paraphrase that inflects a word otherwise still shares it; Arabic keys as they are."""
    return frozenset(_EN_SUFFIX.sub("", k) if k.isascii() and len(k) > 4 else k for k in keys)


def _syrian_places(f: Facts) -> set[str]:
    return {i for i, m in f.places.items() if m.place.region and m.place.kind != "governorate"}


def _may_join(claim: str, core: _Sentence, neighbour: _Sentence) -> bool:
    """Two sentences are read as one piece of evidence only if the neighbour adds context, not a report of
    its own: it names no town and states no figure the claim does not (else one place's toll, or another
    day's date, could lend support to a claim about something else)."""
    if neighbour.index == core.index - 1 and leans_on_speaker(core.text):
        return True  # "Separately, it said ...", "وأضاف أن ...": the sentence before names who speaks
    cf = read(claim, core.article.published_at)
    nf = neighbour.facts
    claimed = {places.same_place(i) for i in cf.places}
    towns = {places.same_place(i) for i in _syrian_places(core.facts) | _syrian_places(nf)}
    if towns <= claimed and set(nf.numbers) <= set(cf.numbers):
        return True
    # a claim that sums up a sentence and the one elaborating it ("killed 14 and wounded 66"): the neighbour
    # joins when it gives the claim a figure the core lacks, and names no town the claim does not
    # (a neighbour dated otherwise than the core reports another day's happening)
    other_day = {d.date for d in nf.dates} - {d.date for d in core.facts.dates}
    return towns <= claimed and not other_day and _supplies(cf, [core.facts], [nf])


def _supplies(cf: Facts, core: list[Facts], rest: list[Facts]) -> bool:
    """Whether sentences joined to the core state a figure of the claim that the core does not, counting what
    the core counts no figure of (the wounded of a strike whose lead gives its dead: not another toll of the
    dead, where the core has its own)."""
    if not rest:
        return False
    have = {v for f in core for v in f.all_numbers}
    counts = {role for f in core for roles in f.counted.values() for role in roles}
    theirs = {v for f in rest for v in f.numbers}
    return any(
        value not in have and value in theirs and (roles := cf.counted.get(value)) and not roles & counts
        for value in cf.numbers
    )


# ---------------------------------------------------------------- checks


@cache
def _numbers_data() -> dict[str, Any]:
    return cast(dict[str, Any], json.loads(resources.files("summarizer.data").joinpath("numbers.json").read_text("utf-8")))


@cache
def _arabic_numerals() -> dict[str, frozenset[str]]:
    """Arabic word numerals by value (folded), from data/numbers.json."""
    out: dict[str, frozenset[str]] = {}
    for kind in _numbers_data()["numerals"].values():
        for value, written in kind.items():
            ar = {fold(w) for w in written if re.search(r"[\u0600-\u06ff]", w)}
            out[value] = out.get(value, frozenset()) | frozenset(ar)
    return out


def _unstated_in_arabic(value: str, written: str, ev: list[Facts], texts: Sequence[str], counted: bool = False) -> bool:
    """A figure an Arabic source states without a numeral of its own, for an English claim: one, by a singular
    noun ("مقتل شخص": "killed one person"); two, by a dual after a casualty verb ("قتل مسعفان": "two
    paramedics were killed"); or a number as an adjective with the article ("مخيمات اللاجئين الثمانية": "the
    eight refugee camps", "الساعات الأربع والعشرين": "the past 24 hours")."""
    if not ev or any(f.language != "ar" for f in ev):
        return False
    worded = re.fullmatch(r"[a-z -]+", written.lower()) is not None
    folded = " ".join(fold(t) for t in texts)
    if value == "1":
        return worded
    if value == "2" and (_DUAL_COUNTED.search(folded) or _DUAL_TIME.search(folded)):
        return True
    if value == "2" and not counted and _DUAL_FEMININE.search(folded):  # two families, two strikes: not a toll
        return True
    numerals = _arabic_numerals()
    tokens = set(words(folded))
    if any(f"ال{w}" in tokens or f"وال{w}" in tokens for w in numerals.get(value, ())):
        return True
    if re.fullmatch(r"\d{1,2}", value) and _age_in_arabic(int(value), folded):
        return True
    if re.fullmatch(r"[2-9][1-9]", value):  # "الأربع والعشرين"
        units, tens = numerals.get(str(int(value) % 10), ()), numerals.get(str(int(value) - int(value) % 10), ())
        return any(re.search(rf"(?<!\w)ال{u} وال{t}(?!\w)", folded) for u in units for t in tens)
    return False


@cache
def _arabic_ordinals() -> dict[int, frozenset[str]]:
    """Arabic ordinals by value, folded, "first" among them (الحادي, الحادية: the unit of eleven)."""
    arabic = re.compile(r"[\u0600-\u06ff]")
    out = {int(v): frozenset(fold(w) for w in ws if arabic.search(w)) for v, ws in _numbers_data()["ordinals"].items() if v.isdigit()}
    return {**out, 1: frozenset(fold(w) for w in ("الحادي", "الحادية"))}


def _age_in_arabic(value: int, folded: str) -> bool:
    """An age an Arabic source states by an ordinal ("طفل في الحادية عشرة من عمره": an 11-year-old child,
    "في العاشرة من عمرها": ten)."""
    ordinals = _arabic_ordinals()
    unit, teen = (value - 10, r" عشره?") if 11 <= value <= 19 else (value, "")
    return any(re.search(rf"(?<!\w)في {o}{teen} من عمر", folded) for o in ordinals.get(unit, ()) if value >= 2)


# a dual noun right after a casualty verb: "قتل مسعفان", "أصيب جنديان" (a stem of four letters at least, so that
# plurals such as "شبان" do not count)
_DUAL_COUNTED = re.compile(r"(?<!\w)[وف]?(?:قتل|مقتل|اصيب|جرح|اعتقل|استشهد|خطف)\s+\w{4,}ان(?!\w)")


# a feminine noun's dual, which no plural shares ("عائلتين": two families, "غارتان": two strikes, "مرتين":
# twice); not "ستين" (sixty), nor a name in "ستان" (باكستان)
_DUAL_FEMININE = re.compile(r"(?<!\w)(?![وفبل]{0,2}(?:ال)?ستين(?!\w))\w{2,}(?:تين|(?<!س)تان)(?!\w)")


_DUAL_NOUN = re.compile(r"(?<!\w)[وف]?(?:قتل|مقتل|اصيب|جرح|اعتقل|استشهد|خطف)\s+(\w{4,})ان(?!\w)")


def _dual_issues(claim: str, cf: Facts, ev: list[Facts], texts: Sequence[str]) -> list[Issue]:
    """Two people its Arabic evidence counts by a dual noun ("قتل مسعفان"): an Arabic claim that counts two
    others by theirs ("قتل مقاتلان"), or an English one that calls them otherwise ("two fighters" for two
    paramedics); and a claim's dual its evidence counts by a figure other than two."""
    if not ev or any(f.language != "ar" for f in ev):
        return []
    theirs = {m.group(1) for t in texts for m in _DUAL_NOUN.finditer(fold(t))}
    have = {v for f in ev for v in f.numbers}
    said = ", ".join(sorted(f"{t}ان" for t in theirs))
    if cf.language == "en":
        who = {c for t in theirs if (c := _dual_category(t)) is not None}
        mine = cf.categories.get("2", frozenset())
        if who and mine and "2" not in have and not _same_kind_of_people(mine, who):
            written = cf.numbers.get("2", "two")
            return [Issue("category", written, f"in its evidence two counts {said}, not {', '.join(sorted(mine))}")]
        return []
    for noun in (m.group(1) for m in _DUAL_NOUN.finditer(fold(claim))):
        if noun in theirs or "2" in have:
            continue
        if theirs:
            return [Issue("category", f"{noun}ان", f"in its evidence two counts {said}, not {noun}ان")]
        killed = {v for f in ev for v, roles in f.counted.items() if roles & {"killed", "injured"}}
        if killed:
            return [Issue("number", f"{noun}ان", f"its evidence does not say two (it says {', '.join(sorted(killed))})")]
    return []


_VICTIMS = frozenset({"children", "women"})


_CIVIL = frozenset({"civilians", "children", "women"})
_ARMED = frozenset({"fighters", "soldiers"})


def _victim_issues(cf: Facts, ev: list[Facts]) -> list[Issue]:
    """Who the victims were, said without a figure: "most of the victims were children" where its evidence
    says women (and names no children); "an Iraqi civilian was killed" where it has an army officer killed
    (and names no civilian)."""
    said = frozenset().union(*(f.concepts for f in ev)) if ev else frozenset()
    mine, theirs = cf.concepts & _VICTIMS, said & _VICTIMS
    if mine and theirs and not mine & theirs:
        return [Issue("category", ", ".join(sorted(mine)), f"its evidence says {', '.join(sorted(theirs))}, not {', '.join(sorted(mine))}")]
    if "killed" in cf.concepts and cf.concepts & _CIVIL and not cf.concepts & _ARMED and said & _ARMED and not said & _CIVIL:
        return [Issue("category", ", ".join(sorted(cf.concepts & _CIVIL)), f"its evidence says {', '.join(sorted(said & _ARMED))}")]
    return []


def _dual_category(stem: str) -> str | None:
    """Who a dual noun's stem counts ("مسعف": civilians, "جندي": soldiers), if the lexicons know it."""
    return who_category(stem)


# two units of time said by a dual: "خلال اليومين الماضيين" (the past two days), "ساعتين"
_DUAL_TIME = re.compile(r"(?<!\w)[وفبل]?(?:ال)?(?:يومين|يومان|ساعتين|ساعتان|اسبوعين|اسبوعان|شهرين|شهران|عامين|عامان|سنتين|سنتان|ليلتين)(?!\w)")


_HEDGE = re.compile(
    r"(?:nearly|almost|about|around|some|roughly|approximately|close to|nigh on|قرابة|نحو|حوالي|زهاء|ما يقارب|قرابه|حوالى)\s*$"
)


def _rounded_from(value: str, written: str, claim: str, have: set[str]) -> bool:
    """A hedged round figure that is its evidence's figure rounded: "nearly 500" for 492, "about 1,300" for
    1,296 (rounded at the place of the claim's last non-zero digit, so "about 330" is not 300)."""
    at = fold(claim).lower().find(fold(written).lower())
    if at < 0 or not _HEDGE.search(fold(claim[:at]).lower()) or not value.isdigit() or len(value) > 12:
        return False
    n = int(value)
    zeros = len(value) - len(value.rstrip("0"))
    if n < 20 or zeros == 0:
        return False
    unit = 10**zeros
    return any(h.isdigit() and len(h) <= 12 and int(h) != n and round(int(h) / unit) * unit == n for h in have)


def _name_stands(place: places.Place, texts: Sequence[str]) -> bool:
    """Whether the place's display name stands as a word in the texts, whatever it means there."""
    names = [fold(n).lower() for n in (place.name_ar, place.name_en) if n]
    folded = " ".join(fold(t).lower() for t in texts)
    return any(re.search(rf"(?<![^\W\d_])[وفبل]?{re.escape(n)}(?![^\W\d_])", folded) for n in names)


def _year_of_a_date(value: str, cf: Facts, ev: list[Facts], texts: Sequence[str]) -> bool:
    """A claim's year that counts nothing, which its evidence gives in a date."""
    if not (value.isdigit() and len(value) == 4) or not _FIRST_YEAR <= int(value) <= _LAST_YEAR or cf.counted.get(value):
        return False
    return any(value in f.all_numbers for f in ev) or any(re.search(rf"(?<!\d){value}(?!\d)", t) for t in texts)


_FIRST_YEAR, _LAST_YEAR = 1900, 2100
_HOURS_IN = {"days": 24, "weeks": 168}


def _same_span(value: str, cf: Facts, ev: list[Facts]) -> bool:
    """A span of days or weeks its evidence gives in hours or days (two days: 48 hours), or the other way."""
    if not value.isdigit() or len(value) > 12:  # int() refuses thousands of digits
        return False
    hours = {int(value) * _HOURS_IN.get(unit, 1) for unit in cf.counted.get(value, ()) if unit in (*_HOURS_IN, "hours")}
    return any(
        int(v) * _HOURS_IN.get(unit, 1) in hours
        for f in ev
        for v, units in f.counted.items()
        if v.isdigit() and len(v) <= 12
        for unit in units
        if unit in (*_HOURS_IN, "hours")
    )


def _number_issues(cf: Facts, ev: list[Facts], texts: Sequence[str] = (), claim: str = "") -> list[Issue]:
    have: set[str] = set()
    for f in ev:
        have |= set(f.numbers)  # figures, not the day of a date ("6 مارس" does not say six months)
    out = []
    for value, written in cf.numbers.items():
        if value in have or _rounded_from(value, written, claim, have):
            continue
        if _year_of_a_date(value, cf, ev, texts):  # "the 2020 port explosion" by "the Aug. 4, 2020 explosion"
            continue
        if _same_span(value, cf, ev):  # "في غضون يومين" by "خلال 48 ساعة"
            continue
        if (
            value == "2"
            and any(f"{m.group(1)}ان" == fold(written) for m in _DUAL_NOUN.finditer(fold(claim)))
            and any(_DUAL_NOUN.search(fold(t)) for t in texts)
        ):
            continue  # "مقاتلان" against "مسعفان": two of whom, _dual_issues says
        if not (cf.language == "en" and _unstated_in_arabic(value, written, ev, texts, bool(cf.counted.get(value)))):
            said = ", ".join(sorted(have, key=lambda v: float(v))[:8]) or "no number"
            out.append(Issue("number", written, f"{written} is not stated by its evidence (which says {said})"))
    for value, mine in cf.owners.items():
        owned = {a for f in ev for a in f.owners.get(value, ())}
        if value in have and owned and not _related(mine, owned):
            written = cf.numbers.get(value, value)
            out.append(Issue("number", written, f"in its evidence {written} is said of others ({', '.join(sorted(owned))})"))
    rounded = {r for f in ev for r in f.rounded}
    for r in sorted(cf.rounded - rounded):
        kind, _, what = r.partition(":")
        if kind == "ordinal" and any(what in f.all_numbers for f in ev):  # "السادس من مارس" is "6 مارس"
            continue
        out.append(Issue("number", what, f"its evidence does not say {what.replace('-', ' ')}"))
    # "15 wounded" where its evidence counts 15 dead: the claim's only casualty word against the figure's
    casualty = {"killed"} & cf.concepts | ({"injured"} if "wounded" in cf.concepts else set())
    if len(casualty) == 1:
        for value, written in cf.numbers.items():
            roles = {k for f in ev for k in f.counted.get(value, ())} & {"killed", "injured"}
            if roles and not roles & casualty:
                out.append(Issue("number", written, f"in its evidence {written} were {min(roles)}, not {min(casualty)}"))
                break
    armed_words = any(f.concepts & {"fighters", "soldiers"} for f in ev)
    for value, mine_who in cf.categories.items():
        theirs_who = {k for f in ev for k in f.categories.get(value, ())}
        owned_by = {a.kind for f in ev for o in f.owners.get(value, ()) if (a := actors.get_actor(o)) is not None}
        group_owned = bool(owned_by) and owned_by <= {"armed_group"}
        # calling the dead fighters or soldiers where the evidence counts them otherwise, or names no such side
        # (a figure its evidence says of an armed group's or an army's members counts fighters or soldiers:
        # "قياديين اثنين في حركة حماس" are two Hamas commanders)
        armed = (
            mine_who & {"fighters", "soldiers"}
            and not theirs_who & {"fighters", "soldiers"}
            and not armed_words
            and not owned_by & {"armed_group", "military"}
        )
        # "five civilians" where its evidence counts the bodies of five of the military and no civilians
        civil_words = any(f.concepts & {"civilians", "children", "women"} for f in ev)
        armed = armed or (
            mine_who & {"civilians", "children", "women"}
            and not theirs_who
            and armed_words
            and not civil_words
        )
        # "seven women" where its evidence counts seven children
        victims = mine_who & _VICTIMS and theirs_who & _VICTIMS and not mine_who & theirs_who
        if value in have and (armed or victims or not _same_kind_of_people(mine_who, theirs_who, group_owned)):
            written = cf.numbers.get(value, value)
            out.append(
                Issue(
                    "category",
                    written,
                    f"in its evidence {written} counts {', '.join(sorted(theirs_who))}, not {', '.join(sorted(mine_who))}",
                )
            )
    for value, kinds in cf.counted.items():
        theirs = [k for f in ev for k in f.counted.get(value, ())]
        if value in have and theirs and not any(_compatible(mine, t) for mine in kinds for t in theirs):
            written = cf.numbers.get(value, value)
            out.append(
                Issue(
                    "number",
                    written,
                    f"in its evidence {value} counts {', '.join(sorted(set(theirs)))}, not {', '.join(sorted(kinds))}",
                )
            )
    first: dict[str, Issue] = {}
    for issue in out:  # one problem per figure, the first found
        first.setdefault(issue.text, issue)
    return list(first.values())


_CIVIL_OR_ARMED = {"civilians": "civil", "children": "civil", "women": "civil", "fighters": "armed", "soldiers": "armed"}


def _same_kind_of_people(mine: frozenset[str], theirs: set[str], group_owned: bool = False) -> bool:
    """Whether one figure may count both: civilians, children and women are not fighters or soldiers ("300
    civilians" where the evidence counts 300 militants); "people" may be either; and a figure its evidence says
    of an armed group's members ("183 منهم من هيئة تحرير الشام") is not a state's soldiers."""
    if group_owned and "soldiers" in mine and "fighters" not in mine:
        return False
    a = {_CIVIL_OR_ARMED[k] for k in mine if k in _CIVIL_OR_ARMED}
    b = {_CIVIL_OR_ARMED[k] for k in theirs if k in _CIVIL_OR_ARMED}
    return not a or not b or bool(a & b)


_CONTRAST = re.compile(r"\s*(?:[وف]?لكن|غير ان|الا ان|but|however|yet)(?![^\W\d_])")
_QUOTED_ANY = re.compile(r"[«\"“]([^«»\"“”]{3,300})[»\"”]")


# names the lexicons do not know: an English capitalised name, an Arabic name after a kind of place
_EN_NAME = re.compile(r"(?<![\w'-])[A-Z][\w'-]*(?:(?:\s+|-)(?:(?:al|el|ad|as|ash|ar|bin|bint|de|of)[-\s])?[A-Z][\w'-]*)*")
_AR_PLACE_NOUN = re.compile(
    r"(?<![^\W\d_])[وفب]?(?:بلده|مدينه|مخيم|حي|قريه|منطقه|جبهه|محافظه|ولايه|مطار|ميناء|سجن|معسكر|جبل|وادي|"
    r"مستشفى|مستشفي|معبر|قاعده)\s+((?!و)[^\W\d_]{2,})(?:\s+((?:ال)?[^\W\d_]{2,}))?"
)
# "south of El Fasher", "غرب حلب": a town that locates another is checked against the whole article
_LOCATOR = re.compile(
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of|edge of|outskirts of)|outside|near|close to|"
    r"(?:[وفب]?(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|ى)?)|[وف]?(?:بالقرب من|قرب))(?:\s+the)?\s*$"
)
_FACILITY = re.compile(r"[وفب]?(مطار|ميناء|سجن|معسكر|مستشفى|مستشفي|معبر|قاعده)\s")
_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
_LEADING_STOP = re.compile(
    r"^(?:(?:The|A|An|In|On|At|But|And|After|Before|During|When|While|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|"
    r"Ten|Eleven|Twelve|Dozens|Hundreds|Thousands|Several|Some|Many|Most)\s+)+"
)
_NAME_SKIP = frozenset({"al", "el", "ad", "as", "ash", "ar", "bin", "bint", "de", "of"})


def _name_issues(claim: str, cf: Facts, texts: list[str], article: str) -> list[Issue]:
    """A name the gazetteer and the actor lexicon do not know must still stand in its evidence (same language):
    "Deir al-Balah" where the evidence has Beit Lahia, "مخيم النصيرات" where it has مخيم المغازي. A name that
    only locates another ("south of El Fasher") may stand anywhere in the article; an acronym may stand
    spelled out ("UKMTO": United Kingdom Maritime Trade Operations)."""
    if not texts or detect_language(" ".join(texts)) != cf.language:
        return []
    filed = dateline_end(claim)  # where a wire story was filed names nothing
    claim = " " * filed + claim[filed:]
    known = [(m.start, m.end) for m in cf.places.values()] + [(m.start, m.end) for m in cf.actors.values()]
    known += [(d.start, d.end) for d in cf.dates]
    stop = _stopwords(cf.language)

    near, anywhere = _vocabulary(" ".join(texts)), _vocabulary(article)
    initials = _initials(" ".join(texts))

    def missing(name: str, have: frozenset[str]) -> bool:
        ws = [w.removeprefix("ال") for w in words(fold(name).lower()) if w not in _NAME_SKIP]
        ws = [re.sub(r"(?<=\d)s$|(?<=\d[a-z])s$", "", w) for w in ws]  # "B-52s", "F-15Es" by "B-52", "F-15E"
        ws = [w for w in ws if w not in stop and w not in _DIRECTIONS and len(w) > 2]
        if re.fullmatch(r"[A-Z]{2,}s?", name) and (name.lower() in initials or name[:-1].lower() in initials):
            return False  # "UKMTO", "RPGs" (rocket-propelled grenades)
        # a word of the name counts when the evidence has it, or a word it begins ("Israeli" by "Israel")
        return bool(ws) and not all(w in have or any(h[:5] == w[:5] and len(h) >= 5 for h in have) for w in ws)

    if cf.language == "en":
        for m in _EN_NAME.finditer(claim):
            name = _LEADING_STOP.sub("", m.group())  # "The UKMTO agency" at the start of a sentence
            start = m.start() + len(m.group()) - len(name)  # "Three American soldiers": the name is "American"
            if any(a <= start < b for a, b in known) or not name or name.lower() in stop:
                continue
            if not claim[: m.start()].strip() and " " not in name and not name.isupper():
                continue  # "Rescuers said", "Eleven civilians": one capitalised word opening the sentence
            have = anywhere if _LOCATOR.search(claim[: m.start()]) else near
            if missing(name, have):
                kind: IssueKind = "place" if _after_preposition(claim, m.start()) else "actor"
                return [Issue(kind, name, f"{name} is not named in its evidence")]
        return []
    fc = fold(claim)
    # in Arabic only a swap: the evidence names another place of a kind ("مخيم المغازي") where the claim names
    # this one; a bare Arabic word after "مدينة" is too often not a name at all
    theirs = {m.group(1) for t in texts for m in _AR_PLACE_NOUN.finditer(fold(t))}
    for m in _AR_PLACE_NOUN.finditer(fc):
        facility = _FACILITY.match(m.group())
        if facility and facility.group(1) not in near and f"ال{facility.group(1)}" not in near:
            # "مطار الخرطوم" where the evidence has the presidential palace in Khartoum: the site is the claim
            return [Issue("place", m.group(), f"{m.group()} is not named in its evidence")]
        if not theirs - {m.group(1)}:
            continue
        first, second = m.group(1), m.group(2)
        name = first if first.startswith("ال") or not second else f"{first} {second}"
        # "منطقة عسكرية", "جبهة القتال": an adjective or a common noun, not a name
        if re.search(r"(?:ي|يه|يين|يون)$", first) or concepts_in(name) or name in stop:
            continue
        have = anywhere if _LOCATOR.search(fc[: m.start()]) else near
        if missing(name, have):
            return [Issue("place", name, f"{name} is not named in its evidence")]
    return []


@lru_cache(maxsize=1024)
def _vocabulary(text: str) -> frozenset[str]:
    """A text's folded words, Arabic ones also without their article."""
    ws = words(fold(text).lower())
    return frozenset(ws) | {w.removeprefix("ال") for w in ws}


@lru_cache(maxsize=1024)
def _initials(text: str) -> frozenset[str]:
    """The initials of each run of capitalised words, an acronym among them whole ("UK Maritime Trade
    Operations": ukmto), the small words between them left out ("International Organization for Migration":
    iom; "Government of National Accord": gna)."""
    out = set()
    for m in re.finditer(r"(?:[A-Z][\w'-]*\s+(?:(?:of|for|the|and|on)\s+){0,2}){1,7}[A-Z][\w'-]*", text):
        capitalised = [w for w in m.group().split() if w[0].isupper()]
        letters = "".join(w if w.isupper() else w[0] for w in capitalised).lower()  # "UK Maritime..."
        out |= {letters[i:j] for i in range(len(letters)) for j in range(i + 2, len(letters) + 1)}
    # a common noun's too, its hyphenated parts each a word ("rocket-propelled grenades": rpg)
    parts = [w[0] for w in re.findall(r"[a-z]+", text.lower())]
    out |= {"".join(parts[i : i + 3]) for i in range(len(parts) - 2)}  # three letters at least: two match by chance
    return frozenset(out)


def _after_preposition(text: str, start: int) -> bool:
    return re.search(r"(?:\b(?:in|near|at|to|towards|from|into|of|outside|around)\s+(?:the\s+)?)$", text[:start]) is not None


@cache
def _stopwords(lang: str) -> frozenset[str]:
    data = json.loads(resources.files("summarizer.data").joinpath("stopwords.json").read_text("utf-8"))
    return frozenset(fold(w).lower() for w in data[lang])


def _readable(f: Facts) -> set[str]:
    """What of a text can be compared across languages: concepts, figures, places and actors."""
    return (
        set(f.concepts) - _STANCE_CONCEPTS
        | set(f.numbers)
        | {places.same_place(p) for p in f.places}
        | set(f.actor_family)
    )


@lru_cache(maxsize=4096)
def _said_content(text: str, published_at: dt.datetime) -> frozenset[str]:
    """What a statement says that can be compared across languages (see _readable), its speakers' names
    aside: "الدفاع المدني" names the Civil Defence, not civilians."""
    f = read(text, published_at)
    masked = list(text)
    for m in f.actors.values():
        masked[m.start : m.end] = " " * (m.end - m.start)
    return frozenset(_readable(f) - (set(f.concepts) - set(concepts_in("".join(masked)))))


_STANCE_CONCEPTS = frozenset({"deny", "confirm", "allege", "attribute", "announce", "statement"})
UNDECIDED_BELOW = 0.5  # a claim whose evidence shares less of its content than this is unverifiable


def _undecided(cf: Facts, ev: list[Facts]) -> str:
    """Why evidence that contradicts nothing in a claim still cannot decide it: it shares too little of what
    the claim says, counting its figures, places, actors and dates with its words (same language) or its
    glossary concepts; "" if it can."""
    facts = _readable(cf) - set(cf.concepts) | {d.date.isoformat() for d in cf.dates}
    have_facts = set().union(*(_readable(f) | {d.date.isoformat() for d in f.dates} for f in ev))
    shared = len(facts & have_facts)
    shares = []
    same = [f for f in ev if f.language == cf.language]
    if same and cf.keys:
        mine_keys = _roots(cf.keys)
        keys = frozenset().union(*(_roots(f.keys) for f in same))
        shares.append((len(mine_keys & keys) + shared) / (len(mine_keys) + len(facts)))
    mine = set(cf.concepts) - _STANCE_CONCEPTS
    concepts = frozenset().union(*(f.concepts for f in ev))
    if not shares and (mine or facts):  # across languages the glossary's concepts stand in for words
        shares.append((len(mine & concepts) + shared) / (len(mine) + len(facts)))
    said = frozenset().union(*(f.stances for f in ev))
    if "confirms" in cf.stances and not said & {"confirms", "attributed"}:
        return "its evidence states it, but not that anyone confirmed it"
    if not shares:
        return "it says nothing the checker can compare with its evidence"
    if max(shares) < UNDECIDED_BELOW:
        return f"its evidence shares only {max(shares):.0%} of what it says"
    return ""


_NO_COMMENT = re.compile(
    r"(?<![^\W\d_])(?:(?:did not|didn't|has not|had not|have not|declined to|refused to)\s+(?:immediately\s+)?"
    r"(?:comment|respond)|no immediate comment|[وف]?(?:لم|ولم)\s+(?:يعلق|تعلق|يصدر|تصدر|يرد|ترد))(?![^\W\d_])"
)


def _stance_issues(
    claim: str, cf: Facts, ev: list[Facts], texts: list[str], denied_next: bool = False, answered: bool = False
) -> list[Issue]:
    """How the claim states it against how its evidence does: a denial made a confirmation ("the army
    confirmed" where it denied), a denial nobody made, or a disputed claim stated as fact: alleged, denied,
    answered by a denial in the next sentence, or a party's own quoted words ("scored 'a direct hit'")."""
    said: frozenset[str] = frozenset().union(*(f.stances for f in ev)) if ev else frozenset()
    mine = cf.stances
    if "negates" in said and "denies" not in said and texts:
        # "did not comment", "لم يعلق": a negation that declines to speak is no denial
        said = said - {"negates"} | frozenset().union(*(stances_in(_NO_COMMENT.sub(" ", fold(t).lower())) for t in texts))
    if "denies" in mine and "denies" not in said:
        # a negation is a denial only when its sentence is about the claim's denier or names no party: "Tel
        # Aviv will not be safe", a Houthi vow, is no Israeli denial
        parties = {a for f in ev for a, m in f.actors.items() if not actors.is_generic(a)}
        deniers = {a for a in cf.actors if not actors.is_generic(a)}
        if parties and deniers and not _related(deniers, parties):
            said = said - {"negates"}
    if {"confirms", "denies"} <= said and "confirms" in mine and _confirms_after_denial(texts):
        said = said - {"confirms"}  # "نفى ... أن تكون وحداته سلّمت مواقعها، مؤكداً أنها انسحبت": what it denied stays denied
    conflict = _stance_conflict(mine, said, denied_next)
    if conflict is not None:
        return [conflict]
    if "confirms" in mine and not mine & {"denies", "negates"} and denied_next and "confirms" not in said:
        # "Hezbollah acknowledged firing the rocket" where the next sentence has the party deny any link
        return [Issue("stance", "confirmed", "the sentence after its evidence has the party deny it")]
    if mine - {"negates"}:
        return []
    if _NO_COMMENT.search(fold(claim).lower()):
        return []  # "لم يعلّق الحزب على مصيره", "the group did not comment": no fact stated to dispute
    why = ""
    if "alleges" in said and not _alleged_apart(claim, texts):
        why = "its evidence has this only as an allegation"
    elif "denies" in said or answered:
        why = "its evidence has this disputed by a denial"
    elif not _QUOTED_ANY.search(claim) and _repeats_quoted(cf, texts):
        why = "its evidence has these words only as a speaker's own, quoted"
    return [Issue("stance", cf.language, f"stated as fact, but {why}")] if why else []


# read on folded text (نفى folds to نفي)
_DENIAL = re.compile(r"(?<![^\W\d_])(?:denied|denies|deny|rejected|dismissed|[وف]?(?:نفي|نفت|نفوا|ينفي|تنفي|نفاه|نفته|نفاها))(?![^\W\d_])")


def _alleged_apart(claim: str, texts: Sequence[str]) -> bool:
    """Whether what the claim says stands before the allegation in its evidence, not after it ("Islamic State
    seized Tikrit in June 2014 and is accused of killing hundreds of recruits" for "IS captured Tikrit in
    2014"): the allegation is of something else. Same-language evidence only (its words are compared)."""
    mine = sentence_keys(fold(claim).lower())
    for t in texts:
        at = concept_at(t, "allege")
        if at is None:
            continue
        f = fold(t).lower()
        before, after = sentence_keys(f[:at]), sentence_keys(f[at:])
        if not (mine & before) or len(mine & after) >= len(mine & before):
            return False
    return True


def _confirms_after_denial(texts: Sequence[str]) -> bool:
    """Whether every confirming word of the evidence comes after a denial, past its clause ("نفى قائد أن
    تكون وحداته قد سلّمت مواقعها، مؤكداً أنها انسحبت", "denied ..., saying ..."): it confirms something else."""
    seen = False
    for t in texts:
        f = fold(t).lower()
        m = _DENIAL.search(f)
        head = f if m is None else f[: (f.find(",", m.end()) + 1) or len(f)]
        if "confirms" in stances_in(head):
            return False
        seen = seen or (m is not None and "confirms" in stances_in(f[len(head) :]))
    return seen


# words that open what an Arabic denial denies: the denier stands before them
_DENIED_OPENS = frozenset({"اي", "ان", "انه", "انها", "انهم", "ما", "وجود", "صحه", "علاقه", "مسووليه"})


def _denier_named(claim: str, sentence: _Sentence) -> bool:
    """Whether who denies in a sentence (the words before an English denial, after an Arabic one) is named in
    the claim: by the same words, or as the same actor."""
    text = fold(sentence.plain).lower()
    m = _DENIAL.search(text)
    if m is None:
        return False
    arabic = sentence.facts.language == "ar"
    if arabic:  # the denier right after the verb, up to what is denied ("ونفى الحزب أي علاقة ...")
        after = words(text[m.end() :])[:3]
        cut = next((i for i, w in enumerate(after) if w in _DENIED_OPENS), len(after))
        who = " ".join(after[:cut])
    else:
        who = " ".join(words(text[: m.start()])[-3:])
    mine = _vocabulary(claim)
    if any(w in mine for w in words(who) if len(w) > 2 and w.removeprefix("ال") not in _stopwords(sentence.facts.language)):
        return True
    theirs = {a.actor.id for a in actors.find_actors(who)}
    if theirs & read(claim, sentence.article.published_at).actor_family:
        return True
    # "ونفى الحزب ..." for "Hezbollah denied": the word that refers back to a party of the claim's kind
    return not theirs and any(
        not actors.is_generic(m.actor.id) and actors.refers_to_kind(who, m.actor.kind) for m in actors.find_actors(claim)
    )


def _stance_conflict(mine: frozenset[str], said: frozenset[str], denied_next: bool = False) -> Issue | None:
    # a denial may be a negated statement ("said it had not targeted civilians")
    if "confirms" in mine and not mine & {"denies", "negates"} and said & {"denies", "negates"} and "confirms" not in said:
        return Issue("stance", "confirmed", "its evidence reports a denial, not a confirmation")
    # "X said ..., which Y denied": the denial may be the next sentence's
    if "denies" in mine and not said & {"denies", "negates"} and not denied_next:
        return Issue("stance", "denied", "its evidence reports no denial")
    return None


def _repeats_quoted(cf: Facts, texts: list[str]) -> bool:
    """Whether a claim repeats most of the words its evidence quotes (two at least)."""
    for t in texts:
        for m in _QUOTED_ANY.finditer(t):
            if m.group(1).istitle():  # a name ("Deterrence of Aggression"), not a speaker's words
                continue
            keys = sentence_keys(m.group(1))
            if len(keys) >= 2 and len(keys & cf.keys) * 3 >= len(keys) * 2:
                return True
    return False


def _related(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> bool:
    """Whether two sets of actors share one, or one's organisation (HTS and the opposition factions)."""
    wide_a = set(a) | {up for x in a for up in actors.ancestors(x)}
    wide_b = set(b) | {up for x in b for up in actors.ancestors(x)}
    return bool(wide_a & wide_b)


_PERSONS = frozenset({"killed", "injured", "civilians", "fighters", "soldiers", "children", "women", "people"})
_EXCLUSIVE = (frozenset({"killed", "injured"}), frozenset({"civilians", "fighters"}), frozenset({"civilians", "soldiers"}))


def _compatible(a: str, b: str) -> bool:
    """Could one figure count both? "4 killed" and "4 civilians" yes; "100 civilians" and "100 fighters" no."""
    if a == b or "other" in (a, b):
        return True
    if a in _PERSONS and b in _PERSONS:
        return not any(a in group and b in group for group in _EXCLUSIVE)
    return False


def _place_issues(
    cf: Facts, ev: list[Facts], texts: Sequence[str] = (), located: set[str] | frozenset[str] = frozenset()
) -> list[Issue]:
    ids: set[str] = set()
    regions: set[str] = set()
    for f in ev:
        ids |= {places.same_place(i) for i in f.places}
        for m in f.places.values():
            regions |= places.regions_named(m)
    # places the evidence refers back to ("the hospital" of the lead's Jenin camp): their governorates stand too
    back_to = [bp for pid in sorted(located) if (bp := places.get_place(pid)) is not None]
    regions |= {bp.region for bp in back_to if bp.region}
    countries = {m.place.country for f in ev for m in f.places.values()}
    if not any(f.places for f in ev):  # "داخل البلاد" for "inside Sudan": the country of the place it refers back to
        countries |= {bp.country for bp in back_to}
    acting = {a for f in ev for a in f.actor_family}
    out = []
    for role, what in (("left", "the withdrawal from"), ("whole", "all of")):
        given = {p for f in ev for p in f.roles.get(role, ())}
        for p in sorted(cf.roles.get(role, frozenset()) - given):
            if given:  # its evidence gives that role to another place
                out.append(Issue("place", p, f"its evidence has {what} {', '.join(sorted(given))}, not {p}"))
    stated = {side for f in ev for side in f.sides}
    if cf.sides and stated and not (cf.sides & stated):
        out.append(
            Issue("place", "/".join(sorted(cf.sides)), f"its evidence says {', '.join(sorted(stated))}, not {', '.join(sorted(cf.sides))}")
        )
    sides: dict[str, set[str | None]] = {}
    for f in ev:
        for pid, ds in f.directions.items():
            sides.setdefault(places.same_place(pid), set()).update(ds)
    for pid, m in cf.places.items():
        theirs = sides.get(places.same_place(pid), set())
        mine = {d for d in cf.directions.get(pid, ()) if d is not None}
        # "غرب المدينة" where a sentence before names the city on another side: the side is the city's
        # (an English "Taiz" may be read as the governorate named like its city)
        back = mine & _sides_of_the_city(texts) if mine and m.place.kind in ("city", "governorate") else set()
        if mine and theirs and None not in theirs and not (mine & theirs) and not back:
            out.append(
                Issue("place", m.text, f"its evidence names {m.text} on another side ({', '.join(sorted(d for d in theirs if d))})")
            )
            continue
        if pid == "syria" or places.same_place(pid) in ids | located:
            continue
        if m.text.isascii() and m.text.islower():  # "rockets hit the base": a common word, not the town of Hit
            continue
        if m.place.kind == "governorate" and m.place.region in regions:
            continue
        if m.place.kind == "country" and m.place.country in countries:  # Russia, by "Moscow"
            continue
        if m.place.kind == "country" and pid.replace("-", "_") in acting:  # "U.S.", by "الأمريكية"
            continue
        if m.place.kind == "country" and _demonym_in(m.place, texts):  # "Lebanon's" by "his Lebanese counterpart"
            continue
        if m.place.region in regions and _site_named(m.place, texts):  # "the university hospital" in Aleppo
            continue
        if _city_referred(m.place, ev, texts):  # "the Zamzam camp south of the city" for El Fasher
            continue
        if _named_after(m.place, [*(e.place for f in ev for e in f.places.values()), *back_to]):  # "Jabalia" by "مخيم جباليا"
            continue
        if _said_in(m.text, texts):  # "سفيرها لدى طهران": named, though read there as who acts
            continue
        if _camp_of_named_town(m.place, [e.place for f in ev for e in f.places.values()], texts):
            continue  # "the Jenin refugee camp" by "In Jenin, ... the city's refugee camp"
        named = ", ".join(sorted({mm.text for f in ev for mm in f.places.values()})) or "no place"
        out.append(Issue("place", m.text, f"{m.text} is not named in its evidence (which names {named})"))
    return out


_SIDES_EN = r"(north|south|east|west)(?:ern|wards?)?"
_SIDE_AR = r"(?:ال)?(شمال|جنوب|شرق|غرب)"
_MOVES = {
    # "head south", "towards the north", "باتجاه الجنوب", "والتوجه شمال النهر"
    "to": re.compile(
        rf"(?<![^\W\d_])(?:(?:towards?|into|head(?:ed|ing|s)?|mov(?:ed|ing|es?))\s+(?:the\s+)?{_SIDES_EN}"
        rf"|(?:fled|flee|fleeing)\s+{_SIDES_EN}"
        rf"|(?:نحو|الى|باتجاه|التوجه|توجه|يتوجه|للتوجه|والتوجه)\s+{_SIDE_AR})(?![^\W\d_])"
    ),
    # "fled the north", "from the south", "من شمال القطاع"
    "from": re.compile(
        rf"(?<![^\W\d_])(?:(?:from|fled|left|leave|leaving|fleeing)\s+the\s+{_SIDES_EN}|from\s+{_SIDES_EN}"
        rf"|(?:من)\s+{_SIDE_AR})(?![^\W\d_])"
    ),
}
_AR_SIDES = {"شمال": "north", "جنوب": "south", "شرق": "east", "غرب": "west"}


def _moves(text: str) -> dict[str, set[str]]:
    """Where a text has people or forces go ("towards the south", "باتجاه الجنوب") and come from ("fled the
    north", "من شمال القطاع"), as compass sides."""
    folded = fold(text).lower()
    out: dict[str, set[str]] = {}
    for role, pattern in _MOVES.items():
        for m in pattern.finditer(folded):
            side = next(g for g in m.groups() if g)
            out.setdefault(role, set()).add(_AR_SIDES.get(side, side))
    return out


def _movement_issues(claim: str, texts: Sequence[str]) -> list[Issue]:
    """A move whose direction the claim turns round: "fled the south towards the north" where its evidence
    has them flee the north towards the south, "head south of the river" for "التوجه شمال النهر"."""
    mine = _moves(claim)
    theirs: dict[str, set[str]] = {}
    for t in texts:
        for role, sides in _moves(t).items():
            theirs.setdefault(role, set()).update(sides)
    for role, sides in mine.items():
        if theirs.get(role) and not sides & theirs[role]:
            what = "towards" if role == "to" else "from"
            return [
                Issue("place", " ".join(sorted(sides)), f"its evidence has the move {what} the {', '.join(sorted(theirs[role]))}")
            ]
    return []


def _demonym_in(place: places.Place, texts: Sequence[str]) -> bool:
    """Whether a text names a country by its people's adjective: "Lebanese" (Lebanon), "Iraqi", "Sudanese";
    "اللبناني" (لبنان), "السوري" (سوريا), "اليمنية" (اليمن)."""
    folded = " ".join(fold(t).lower() for t in texts)
    en = re.sub(r"[^a-z]", "", place.name_en.lower())
    if len(en) >= 4 and re.search(rf"(?<![a-z]){re.escape(en[:4])}[a-z]*(?:ese|ian|i|n|ish)(?![a-z])", folded):
        return True
    ar = fold(place.name_ar).removeprefix("ال").rstrip("ا")
    ar = ar.removesuffix("ي") if len(ar) > 3 else ar  # سوريا: سوري
    if len(ar) < 3 or not re.fullmatch(r"[\u0600-\u06ff]+", ar):
        return False
    return re.search(rf"(?<![^\W\d_])[وفبل]?(?:ال)?{re.escape(ar)}(?:ي|يه|يون|يين|يه)(?![^\W\d_])", folded) is not None


_SIDE_OF_CITY = re.compile(
    r"(?<![^\W\d_])(?:(north|south|east|west)(?:ern)?\s+(?:of\s+)?the\s+(?:city|town)"
    r"|(شمال|جنوب|شرق|غرب)(?:ي)?\s+(?:ال)?(?:مدينه|بلده))(?![^\W\d_])"
)


def _sides_of_the_city(texts: Sequence[str]) -> set[str]:
    """The compass sides a text gives "the city" it refers back to ("غرب المدينة", "east of the city")."""
    out = set()
    for t in texts:
        for m in _SIDE_OF_CITY.finditer(fold(t).lower()):
            side = m.group(1) or m.group(2)
            out.add(_AR_SIDES.get(side, side))
    return out


_CITY_WORDS = ("the city", "المدينة", "للمدينة", "بالمدينة")
_SITE_KINDS = frozenset({"camp", "crossing", "landmark", "military_site", "airport", "area", "district"})
# a line of so many words or fewer is a dateline or a byline, not a sentence of the lead
_LINE_WORDS = 5


_CAMP_WORD = re.compile(r"(?<![^\W\d_])(?:camps?|[وفبل]?(?:ال)?مخيم(?:ها|ه)?)(?![^\W\d_])")


def _camp_of_named_town(place: places.Place, theirs: Sequence[places.Place], texts: Sequence[str]) -> bool:
    """A camp named after a town its evidence names, where the evidence speaks of a camp ("In Jenin, ... the
    city's refugee camp" for "the Jenin camp")."""
    if place.kind != "camp" or not any(_CAMP_WORD.search(fold(t).lower()) for t in texts):
        return False
    mine = set(words(fold(place.name_ar)))
    return any(
        o.region == place.region and o.kind in ("town", "city", "governorate") and set(words(fold(o.name_ar))) < mine
        for o in theirs
    )


def _said_in(name: str, texts: Sequence[str]) -> bool:
    """Whether a place's name as the claim writes it stands word for word in the evidence (four letters at
    least), however the evidence's reading took it (a capital that speaks for its state)."""
    folded = fold(name).lower()
    if len(folded.replace(" ", "")) < 4:
        return False
    pattern = re.compile(rf"(?<![^\W\d_])[وفبل]?{re.escape(folded)}(?![^\W\d_])")
    return any(pattern.search(fold(t[dateline_end(t) :]).lower()) for t in texts)  # where it was filed names nothing


def _city_referred(place: places.Place, ev: list[Facts], texts: Sequence[str]) -> bool:
    """A city its evidence calls "the city" while naming only sites of its region (camps, districts,
    hospitals...), no other town: the sites are where the city is."""
    if place.kind != "city" or place.region is None:
        return False
    near = [m.place for f in ev for m in f.places.values() if m.place.region == place.region]
    if not near or any(p.kind not in _SITE_KINDS for p in near):
        return False
    folded = " " + " ".join(fold(t).lower() for t in texts) + " "
    return any(f" {w} " in folded or f" {w}." in folded or f" {w}," in folded for w in map(fold, _CITY_WORDS))


def _named_after(place: places.Place, theirs: Sequence[places.Place]) -> bool:
    """A town and the camp of its region that carries its name: "Jabalia" and "Jabalia camp" (مخيم جباليا)
    name the same spot, either way round (an airport or a crossing named after its city is another place)."""
    for other in theirs:
        if other.region != place.region or other.region is None or other.id == place.id:
            continue
        if {place.kind, other.kind} == {"camp", "town"} or {place.kind, other.kind} == {"camp", "city"}:
            mine, its = set(words(fold(place.name_ar))), set(words(fold(other.name_ar)))
            if mine and its and (mine < its or its < mine):
                return True
    return False


def _site_named(place: places.Place, texts: Sequence[str]) -> bool:
    """A site whose own words (its name without its city's) all stand in the evidence."""
    if place.kind not in ("landmark", "military_site", "airport", "area") or not texts:
        return False
    folded = set(words(" ".join(texts)))
    city = {w for r in places.regions() if r.slug == place.region for w in words(f"{r.name_ar} {r.name_en}")}
    for name in (place.name_ar, place.name_en):
        own = [w for w in words(name) if w not in city and len(w) > 2 and w not in ("the", "ال")]
        if own and all(w in folded or w.removeprefix("ال") in {x.removeprefix("ال") for x in folded} for w in own):
            return True
    return False


def _actor_issues(
    cf: Facts,
    ev: list[Facts],
    texts: list[str],
    core: list[_Sentence] | None = None,
    article_family: frozenset[str] = frozenset(),
    claim: str = "",
    doers: frozenset[str] = frozenset(),
) -> list[Issue]:
    """Each actor the claim names must be named by its evidence: the same one, one of its parts ("Russia"
    by "the Russian defence ministry"), or, for a force, its government ("Russian jets" by "روسيا"); an
    office's country is the claim's to add when its evidence names the office with none (_office_named)."""
    family: set[str] = set()
    named: set[str] = set()
    for f in ev:
        family |= f.actor_family
        named |= set(f.actors)
    folded = " " + " ".join(fold(t) for t in texts) + " "
    core_family: set[str] = set()
    for x in core or []:
        core_family |= x.facts.actor_family
    core_text = " " + " ".join(fold(x.plain) for x in core or []) + " "
    claimed = set(cf.actors)
    day = core[0].article.published_at.date().isoformat() if core else ""
    ev_concepts = frozenset().union(*(f.concepts for f in ev)) if ev else frozenset()
    out = []
    for aid, m in cf.actors.items():
        if actors.is_generic(aid):
            continue
        if _unqualified(m.text, m.actor.kind) and any(mm.actor.kind == m.actor.kind for f in ev for mm in f.actors.values()):
            continue  # "the army": whichever army its evidence names
        if aid in article_family and any(
            mm.actor.kind == m.actor.kind and _unqualified(mm.text, mm.actor.kind) for f in ev for mm in f.actors.values()
        ):
            continue  # its evidence says "الجيش", "the army": the one the article names, which the claim names
        if _office_named(claim, m, texts):
            continue  # "رئيس الوزراء العراقي" by "أعلن رئيس الوزراء عادل عبد المهدي": the office, its country added
        if day and m.actor.kind == "person" and any(speakers_of.office_held(aid, t, day) for t in texts):
            continue  # "Netanyahu said" by "Israel's prime minister said", on a day of his term
        if _common_noun(m.text) and concepts_in(m.text) & ev_concepts:
            continue  # "militants" by "مسلحين": a common noun its evidence uses too, whoever the lexicon takes it for
        if (
            aid in article_family
            and m.actor.kind != "person"  # "وأضاف", "he said" do not tell which person
            and not any(mm.actor.kind == m.actor.kind for x in core or [] for mm in x.facts.actors.values())
            and any(_refers(x.plain, m.actor.kind) for x in core or [])
        ):
            continue  # its evidence refers back to it ("the military said"), named elsewhere in the article
        if aid in doers and _qualifies_happening(claim, m) and any(_TOLD_HAPPENING.search(fold(x.plain)) for x in core or []):
            continue  # "Saudi Arabia condemned the Israeli strikes" by "... condemned the strikes": told before
        mine = actors.ancestors(aid)
        if aid not in core_family and core is not None and not _named_in(aid, core_text) and not (mine & core_family):
            # the core names another of the same kind where the claim names this one: a swap, not context
            swapped = [
                mm for x in core for a, mm in x.facts.actors.items()
                if a not in claimed and aid not in actors.ancestors(a) and mm.actor.kind == m.actor.kind
                # "the army", "الجيش": whichever army the story is about, however its sentence resolved it
                and not _unqualified(mm.text, mm.actor.kind)
            ]
            if swapped:
                out.append(Issue("actor", m.text, f"{m.text} is not named in its evidence, which names {swapped[0].text} here"))
                continue
        if aid in family:
            continue
        up = actors.parent(aid)
        if actors.is_force(aid) and up in named:  # "Russian jets" by "طائرات ... روسيا"
            continue
        if actors.is_force(aid) and up is not None and _named_in(up, _without_others(folded, ev, up)):
            continue  # "Israeli soldiers" by "جنود إسرائيليين", not by "Israeli settlers"
        if _named_in(aid, folded):
            continue  # named inside a longer name ("نظام الأسد") or as its capital ("موسكو")
        if _same_word(m.text, folded):
            continue  # "the army" by "Sudan's army": one common word, said of whichever army the story is about
        shown = ", ".join(sorted({mm.text for f in ev for mm in f.actors.values()})) or "nobody"
        out.append(Issue("actor", m.text, f"{m.text} is not named in its evidence (which names {shown})"))
    if not out and (swapped_office := _office_swapped(claim, texts)) is not None:
        out.append(swapped_office)
    return out


_REPORTERS = frozenset({"media", "monitor", "rescue"})

# a party named to describe something else: "HTS-led", "Iran-backed", "led by", "which ... fired", "the rockets
# Hezbollah fired", "التي أطلقها", "الذي تقوده"
_DESCRIBING_AFTER = re.compile(
    r"-(?:led|backed|allied|aligned|affiliated|run|controlled|held)(?![\w-])"
)
# "the attack on the army post": a site of the party's, not what the party did
_SITE_OF = re.compile(r"\s+(?:post|posts|outpost|outposts|checkpoint|checkpoints|base|bases|barracks|positions)(?![\w-])")
_DESCRIBING_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:led|backed|supported|run|controlled|held|fired|launched)\s+by(?:\s+the)?"
    r"|(?<![^\W\d_])(?:التي|الذي|الذين|اللتين|اللذين)\s+[^\W\d_]+)\s+$"
)


def _doer_issues(claim: str, cf: Facts, core: list[_Sentence]) -> list[Issue]:
    """Who did it must be who its evidence says did it: "Houthi forces repelled a government attack" is not
    supported by "القوات الحكومية صدت هجوماً للحوثيين", which names both parties the other way round."""
    mine = doers.doers(claim)
    if not mine:
        return []
    theirs: dict[str, set[str]] = {}
    for x in core:
        for kind, ids in doers.doers(x.plain).items():
            theirs.setdefault(kind, set()).update(ids)
    named = frozenset().union(*(x.facts.actor_family for x in core))
    out = []
    for kind, ids in mine.items():
        other = theirs.get(kind)
        if not other or any(doers.related(a, b) for a in ids for b in other):
            continue
        # a swap: the claim's doer is in its evidence, in another part (the target, the side that lost)
        swapped = sorted(a for a in ids if any(doers.related(a, b) for b in named))
        if swapped:
            said = cf.actors[swapped[0]].text if swapped[0] in cf.actors else swapped[0]
            by = ", ".join(sorted(a.name_en if (a := actors.get_actor(b)) else b for b in other))
            out.append(Issue("actor", said, f"{said} is not who did it in its evidence, which says {by} did"))
    return out


def _describes(claim: str, start: int, end: int) -> bool:
    """Whether the claim names a party (at start:end) only to describe something else."""
    return (
        _DESCRIBING_AFTER.match(claim, end) is not None
        or _SITE_OF.match(claim, end) is not None
        or _DESCRIBING_BEFORE.search(claim[:start]) is not None
    )



def _continues(before: _Sentence, core: list[_Sentence]) -> bool:
    """Whether the sentence before quotes the same speaker as the evidence (Ignasyuk, then his centre)."""
    theirs = {a for x in core for a in _speakers(x.plain)}
    mine = _speakers(before.plain)
    # the same speaker, or one of its own people (not merely of the same country)
    return any(a == b or a in actors.ancestors(b) or b in actors.ancestors(a) for a in mine for b in theirs)


def _speakers(text: str) -> set[str]:
    """Who a text says said it (named actors only: "sources" name nobody)."""
    return {
        a.actor.id for a in actors.attributions(text) if a.actor is not None and not actors.is_generic(a.actor.id)
    }


def _speaker_issues(claim: str, core: list[_Sentence]) -> list[Issue]:
    """A claim's speaker that its evidence sentence does not even name, where that sentence has a speaker of
    its own: the words are put in another's mouth ("the Defence Ministry said" for the Observatory's words)."""
    theirs: set[str] = set()
    named: set[str] = set()
    parts: list[str] = []
    # two statements in one sentence ("the army said ..., while Hamas said ..."): the part that says what a
    # claim of one speaker says has its speaker (a claim that says both keeps the whole sentence)
    one = len(_speakers(claim)) == 1 and len([p for p in _EV_CLAUSES.split(fold(claim)) if p.strip()]) == 1
    for x in core:
        part = _clause_about(claim, x) if one else x.plain
        theirs |= _speakers(part)
        named |= read(part, x.article.published_at).actor_family if part != x.plain else x.facts.actor_family
        parts.append(part)
    if not theirs:
        # a speaker the lexicon does not know, named right after the verb ("وأفاد الهلال الأحمر الفلسطيني"):
        # a claim's named speaker that the sentence does not name puts the words in another's mouth
        found = next(((m, fold(p)) for p in parts if (m := _AR_SAID_BY.search(fold(p)))), None)
        if found is None or any(_refers(found[0].group(1), kind) for kind in _REFERRED_KINDS):
            return []  # "وقال المتحدث": a word that refers back to a speaker named before
        other = found[0].group(1)
        # who speaks is the words after the verb, up to what is said ("وقالت الفرقة السادسة التابعة للجيش
        # السوداني إنها ..."): a claim's speaker named only later in the sentence is the one spoken of
        phrase = " " + _speaker_phrase(found[1][found[0].start(1) :]) + " "
        in_phrase = {m.actor.id: m.actor.kind for m in actors.find_actors(phrase)}
        family = set(in_phrase) | {up for a in in_phrase for up in actors.ancestors(a)}
        unqualified = {
            a.actor.id for a in actors.attributions(claim) if a.actor is not None and _unqualified(a.source_text, a.actor.kind)
        }
        for aid in sorted(_speakers(claim)):
            if aid in family or _named_in(aid, phrase, adjectives=False):
                continue
            actor = actors.get_actor(aid)
            if aid in unqualified and actor is not None and actor.kind in in_phrase.values():
                continue  # "the army said": whichever army speaks in its evidence
            return [Issue("actor", actor.name_en if actor else aid, f"its evidence attributes this to {other}")]
        return []
    text = " " + " ".join(fold(p) for p in parts) + " "
    kinds = {a.kind for t in theirs if (a := actors.get_actor(t)) is not None}
    unqualified = {
        a.actor.id for a in actors.attributions(claim) if a.actor is not None and _unqualified(a.source_text, a.actor.kind)
    }
    # "Turkey's defence ministry confirmed ..." where a news agency reports it: a party named in the sentence
    # as who acts did not confirm it
    confirming = "confirms" in stances_in(fold(claim).lower())
    out = []
    for aid in sorted(_speakers(claim)):
        if aid in theirs or actors.ancestors(aid) & theirs:
            continue
        if not confirming and (aid in named or _named_in(aid, text, adjectives=False)):
            continue
        if aid in unqualified and (a := actors.get_actor(aid)) is not None and a.kind in kinds:
            continue  # "the army said": whichever army its evidence has speak
        actor = actors.get_actor(aid)
        if actor is not None and any(actors.refers_to_kind(p, actor.kind) for p in parts):
            continue  # "the monitor said ...": the sentence refers back to its speaker
        who = ", ".join(sorted(a.name_en for t in theirs if (a := actors.get_actor(t)) is not None))
        name = actors.get_actor(aid)
        out.append(Issue("actor", name.name_en if name else aid, f"its evidence attributes this to {who}"))
    return out


_EV_CLAUSES = re.compile(r"\s*(?:[;؛]|[,،]\s*(?:while|whereas|but|[وف]?(?:في حين|فيما|بينما|لكن|غير ان))\s+)\s*")


def _clause_about(claim: str, sentence: _Sentence) -> str:
    """The clause of an evidence sentence (split at a contrast: "..., في حين قالت ...") that shares most of
    the claim's figures, words and concepts; the whole sentence when it has one clause."""
    parts = [p for p in _EV_CLAUSES.split(fold(sentence.plain)) if p.strip()]
    if len(parts) < 2:
        return sentence.plain
    cf = read(claim, sentence.article.published_at)
    mine = _roots(cf.keys)

    def score(part: str) -> float:
        f = read(part, sentence.article.published_at)
        lexical = len(mine & _roots(f.keys)) if f.language == cf.language else 0
        return 2 * len(set(cf.numbers) & set(f.numbers)) + len(cf.concepts & f.concepts) + lexical

    best = max(parts, key=score)
    return best if score(best) > max(score(p) for p in parts if p is not best) else sentence.plain


def _denier_issues(claim: str, core: list[_Sentence]) -> list[Issue]:
    """Who denies: "the Sudanese army denied any role" where its evidence has the RSF deny it ("ونفت قوات
    الدعم السريع ...", the army named only as the one it accuses). The denier is the words right after an
    Arabic denial or before an English one; one the lexicon does not know decides nothing."""
    mine = [a for a in actors.attributions(claim) if a.actor is not None and a.stance == "denies"]
    if not mine:
        return []
    for x in core:
        text = fold(x.plain).lower()
        m = _DENIAL.search(text)
        if m is None:
            continue
        arabic = x.facts.language == "ar"
        who = " ".join(words(text[m.end() :])[:4] if arabic else words(text[: m.start()])[-4:])
        theirs = [a.actor for a in actors.find_actors(who) if not actors.is_generic(a.actor.id)]
        if not theirs or _denier_named(claim, x):
            return []
        for a in mine:
            assert a.actor is not None
            if actors.is_generic(a.actor.id) or _related({a.actor.id}, {t.id for t in theirs}):
                continue
            if _unqualified(a.source_text, a.actor.kind) and a.actor.kind in {t.kind for t in theirs}:
                continue  # "the army denied": whichever army denies in its evidence
            names = ", ".join(sorted(t.name_en for t in theirs))
            return [Issue("actor", a.source_text, f"its evidence has {names} deny this, not {a.source_text}")]
        return []
    return []


_REFERRED_KINDS = (
    "person", "monitor", "media", "military", "government", "foreign_government", "rescue", "armed_group", "international_org"
)
_AR_SAID_BY = re.compile(
    r"(?<![^\W\d_])[وف]?(?:قال|قالت|افاد|افادت|ذكر|ذكرت|اعلن|اعلنت|اكد|اكدت)\s+((?:ال)[^\W\d_]{3,}(?:\s+(?:ال)[^\W\d_]{3,}){0,2})"
)
_ARTICLE = re.compile(r"^(?:the\s+|[وف]?ال)")
_SAID_THAT = frozenset({"ان", "انه", "انها", "انهم", "بان", "بانه", "بانها", "عن", "في", "ل", "على"})


def _speaker_phrase(folded: str) -> str:
    """The words naming who speaks, from the first after an Arabic verb of saying up to what is said ("إن",
    "أنها", a comma), eight at most."""
    out = []
    for token in re.findall(r"[^\W\d_]+|[،,:؛.]", folded)[:8]:
        if not token[0].isalpha() or token in _SAID_THAT:
            break
        out.append(token)
    return " ".join(out)


_SENT_FROM = re.compile(
    r"(?:(?<![^\W\d_])(?:sent|dispatched|flown in|brought in|arrived|coming) from|(?<![^\W\d_])[وف]?(?:ارسل|ارسلت|اوفد|اوفدت|قادم|قادمه|قادمين|القادم|القادمه|القادمين|وصل|وصلت) من)(?:\s+\S+)?\s*$"
)
_THERE = re.compile(r"(?<![^\W\d_])(?:there|هناك|هنالك)(?![^\W\d_])")
_PLACE_BACK = re.compile(
    r"(?<![^\W\d_])(?:the (?:city|town|village|camp|pocket|enclave)(?:'s)?|the (?:city's |town's )?(?:neighbourhoods|districts)"
    r"|[وفبل]?(?:ال|لل)(?:مدينه|بلده|قريه|مخيم|جيب|احياء))(?![^\W\d_])"
)
# a site the article named before ("the hospital", "المستشفى"): it stands where its lead says, when the lead
# names one place only
_SITE_BACK = re.compile(
    r"(?<![^\W\d_])(?:the (?:hospital|school|market|mosque)(?:'s)?|[وفبل]?(?:ال|لل)(?:مستشفي|مدرسه|سوق|مسجد))(?![^\W\d_])"
)
# a site or settlement named again by its kind ("the camp", "داخل المدرسة"): the noun, folded
_BACK_NOUN = re.compile(
    r"(?<![^\w])the (camp|school|hospital|market|mosque|refinery|port|airport|base)(?![^\W\d_])"
    r"|(?<![^\W\d_])[وفبل]?(?:ال|لل)(مخيم|مدرسه|مستشفي|سوق|مسجد|مصفاه|ميناء|مطار|قاعده)(?![^\W\d_])"
)


@lru_cache(maxsize=64)
def _nouns_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """Any of these nouns as a word, with or without its article ("camp", "مخيم", "المخيم", "بمدرسة")."""
    alt = "|".join(sorted(map(re.escape, nouns)))
    return re.compile(rf"(?<![^\W\d_])(?:[وفبل]?(?:ال|لل)?)(?:{alt})s?(?![^\W\d_])")


_KIND_BEFORE = re.compile(r"(?:\s+(?:محافظة|مدينة|ولاية|province|city|governorate|town)\s*)$")


_WIDE = frozenset({"governorate", "country", "road"})
_IN_PLACE = re.compile(r"\s*[,،]?\s*(?:[وف]?في\s|ب(?=\S|$)|(?:in|of)\s)")  # in it: not "near", "north of"


def _located_by_article(cf: Facts, placed: Sequence[_Sentence], article: Sequence[_Sentence]) -> set[str]:
    """The claim's places that a sentence of their article places in one its evidence names, right after the
    name ("منطقة حارة حريك بالضاحية الجنوبية لبيروت", "the Shati camp in Gaza City"); a name that holds the
    evidence's place counts ("الضاحية الجنوبية لبيروت" for بيروت). Near or beside a place is not in it."""
    theirs = {places.same_place(pid) for x in placed for pid in x.facts.places}
    if not theirs:
        return set()
    names = [
        fold(n).lower() for pid in theirs if (pl := places.get_place(pid)) is not None for n in (pl.name_ar, pl.name_en) if n
    ]
    out: set[str] = set()
    for pid in cf.places:
        key = places.same_place(pid)
        if key in theirs:
            continue
        for x in article:
            here = [pm for qid, pm in x.facts.places.items() if places.same_place(qid) == key]
            for pm in here:
                for qid, qm in x.facts.places.items():
                    if not 0 <= qm.start - pm.end <= 40 or qm.place.kind in _WIDE:
                        continue  # in a governorate or a country: not yet at the evidence's place
                    between = fold(x.plain[pm.end : qm.start]).lower()
                    if not _IN_PLACE.match(between):
                        continue
                    if places.same_place(qid) in theirs or any(n in fold(qm.text).lower() for n in names):
                        out.add(key)
    return out


def _strip_kind(prefix: str) -> str:
    """The text before a place without its kind ("غرب محافظة" -> "غرب"), so a locator stays next to it."""
    return _KIND_BEFORE.sub(" ", prefix)


def _office_named(claim: str, m: actors.ActorMatch, texts: Sequence[str]) -> bool:
    """Whether the actor is only the country of an office the claim names ("رئيس الوزراء العراقي", "Iraqi
    Prime Minister") and an evidence sentence names that office with no country, or the same."""
    office = speakers_of.institution(claim) if claim else None
    if office is None or office.country is None or not (office.start <= m.start < office.end or m.start <= office.start < m.end):
        return False
    return any(speakers_of.office_countries(t, office) & {None, office.country} for t in texts)


def _office_swapped(claim: str, texts: Sequence[str]) -> Issue | None:
    """An office the claim gives one country ("the Jordanian foreign minister") where its evidence names
    the same office only with another's ("وزير الخارجية اللبناني")."""
    office = speakers_of.institution(claim) if claim else None
    if office is None or office.country is None:
        return None
    theirs = set().union(*(speakers_of.office_countries(t, office) for t in texts)) if texts else set()
    if not theirs or theirs & {None, office.country}:
        return None
    return Issue("actor", office.text, f"{office.text} is not named in its evidence, which names another country's")


# the nouns of a happening someone did: "strikes", "the order", "الغارات" (Arabic folded, without its article)
_HAPPENING_EN = r"(?:strikes?|raids?|attacks?|bombardment|bombing|shelling|orders?|operation|offensive|incursion|assault)"
_HAPPENING_AR = r"(?:غارات|ضربات|غاره|ضربه|قصف|هجوم|هجمات|عمليه|اعتداءات|عدوان)"
# the happening named by whoever did it: "the Israeli strikes", "Israel's evacuation order", "الضربات الأمريكية"
_HAPPENING_AFTER = re.compile(rf"(?:'s)?\s+(?:(?:air|drone|missile|artillery|ground|evacuation)\s+)?{_HAPPENING_EN}\b", re.I)
_HAPPENING_BEFORE = re.compile(rf"(?<!\w)(?:ال)?{_HAPPENING_AR}(?:\s+\w+)?\s*$")
# the happening named again, as one told before: "condemned the strikes", "since the evacuation order", "الغارات"
_TOLD_HAPPENING = re.compile(rf"\bthe\s+(?:[a-z-]+\s+)?{_HAPPENING_EN}\b|(?<!\w)[وفب]?ال{_HAPPENING_AR}(?!\w)", re.I)


_AGENT_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?:warplanes|jets|aircraft|drones|forces|troops|army|military)\b|(?:[a-z-]+\s+)?(?:struck|hit|shelled|"
    r"bombed|fired|attacked|raided|targeted|launched|carried out)\b)",
    re.I,
)
_AGENT_BEFORE = re.compile(
    r"(?<!\w)(?:(?:ال)?(?:مقاتلات|طائرات|طيران|مسيرات|قوات|جيش)(?:\s+\w+)?|[وف]?(?:شن|شنت|قصف|قصفت|استهدف|استهدفت|"
    r"اغار|اغارت|هاجم|هاجمت)(?:\s+\w+)?)\s*$"
)


def _qualifies_happening(text: str, m: actors.ActorMatch, *, agents: bool = False) -> bool:
    """The text names the actor as whoever did a happening it names ("the Israeli strikes", "Israel's order",
    "الضربات الأمريكية البريطانية"), not as one acting or speaking in it; ``agents``: or as whose aircraft or
    forces acted ("Israeli warplanes", "مقاتلات أمريكية")."""
    before = fold(text[: m.start])
    if _HAPPENING_AFTER.match(text, m.end) or _HAPPENING_BEFORE.search(before):
        return True
    return agents and (bool(_AGENT_AFTER.match(text, m.end)) or bool(_AGENT_BEFORE.search(before)))


def _refers(text: str, kind: str) -> bool:
    """Whether a text refers back to an actor of a kind ("the party", "الحزب،"), punctuation aside."""
    return actors.refers_to_kind(re.sub(r"[^\w\s]", " ", text), kind)


def _unqualified(mention: str, kind: str) -> bool:
    """A mention by the one common word that refers to its kind ("the army", "الجيش"), not by a name."""
    return len([w for w in words(mention) if w != "the"]) == 1 and actors.refers_to_kind(mention, kind)


def _common_noun(mention: str) -> bool:
    """One word that is not a name: lowercase English ("militants"), or Arabic with the article ("المسلحين")."""
    ws = [w for w in words(mention) if w != "the"]
    return len(ws) == 1 and ((ws[0].isascii() and ws[0].islower()) or fold(ws[0]).startswith("ال"))


def _same_word(mention: str, folded: str) -> bool:
    """Whether an actor named by one common word ("the army", "الجيش") has that word in the evidence."""
    ws = [w for w in words(mention) if w != "the"]
    if len(ws) != 1:
        return False
    w = _ARTICLE.sub("", fold(ws[0]).lower())
    return len(w) > 2 and re.search(rf"(?<![^\W\d_])(?:[وفبل]?(?:ال)?)?{re.escape(w)}(?![^\W\d_])", folded) is not None


def _without_others(folded: str, ev: list[Facts], actor_id: str) -> str:
    """The folded evidence with the names of other parties blanked out ("Israeli settlers" does not name Israel)."""
    for f in ev:
        for a, mm in f.actors.items():
            if a != actor_id and actor_id not in actors.ancestors(a):
                name = fold(mm.text)
                folded = folded.replace(name, " " * len(name))
    return folded


def _named_in(actor_id: str, folded: str, adjectives: bool = True) -> bool:
    """Whether any of an actor's names stands as whole words in a folded text, or a one-word name as an
    Arabic adjective of it ("اسرائيليين" of اسرائيل, "عراقيه" of العراق)."""
    for n in actors.names(actor_id):
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(n)}(?![^\W\d_])", folded):
            if not actors.BACKER.match(folded, m.end()):  # "Turkish-backed fighters" are not Turkey's
                return True
        stem = n.removeprefix("ال").rstrip("ا")
        nisba = rf"(?<![^\W\d_])[وفبل]?(?:ال)?{re.escape(stem)}ي"
        if adjectives and " " not in n and len(stem) >= 3 and not stem.isascii() and re.search(nisba, folded):
            return True
    return False


_ONE_DAY = dt.timedelta(days=1)
_NIGHT = re.compile(r"(?<![^\W\d_])(?:ليل|ليله|night|overnight)(?![^\W\d_])")
_WEEKDAYS = re.compile(
    r"(?<![^\W\d_])(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)(?![^\W\d_])"
    r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day"
)


def _night_of_two_days(text: str) -> bool:
    """Whether a date names a night by the two days it spans ("ليل الجمعة السبت", "the night of Friday to
    Saturday")."""
    folded = fold(text).lower()
    return _NIGHT.search(folded) is not None and len(_WEEKDAYS.findall(folded)) >= 2


# weekday numbers (Monday 0) by the start of their Arabic (folded, without the article) or English names
_WEEKDAY_NUMBER = {
    "اثنين": 0, "ثلاثاء": 1, "اربعاء": 2, "خميس": 3, "جمعه": 4, "سبت": 5, "احد": 6,
    "mon": 0, "tues": 1, "wednes": 2, "thurs": 3, "fri": 4, "satur": 5, "sun": 6,
}  # fmt: skip


def _days_of_the_night(day: dt.date, text: str) -> list[dt.date]:
    """Both days of a night named by the two days it spans ("ليل الاثنين الثلاثاء": Monday evening and
    Tuesday's small hours), whichever of the two its date was read as: the day before or after it that the
    text names."""
    named = set()
    for w in _WEEKDAYS.findall(fold(text).lower()):
        key = w.removeprefix("ال").removesuffix("day")
        named |= {n for k, n in _WEEKDAY_NUMBER.items() if key == k}
    return [day + step for step in (-_ONE_DAY, _ONE_DAY) if (day + step).weekday() in named]


def _date_issues(
    cf: Facts, ev: list[Facts], window: list[_Sentence], earlier: list[TemporalExpression]
) -> list[Issue]:
    stated = [d for f in ev for d in f.dates]
    if stated:
        allowed = [(d.date, d.precision, d.text) for d in stated]
        # "ليل الجمعة السبت", "Thursday to Friday": a night or span named by two days is either day's
        allowed += [
            (day, d.precision, d.text)
            for d in stated
            if d.precision == "day" and len(_WEEKDAYS.findall(fold(d.text).lower())) >= 2
            for day in _days_of_the_night(d.date, d.text)
        ]
    else:
        published = dates.publication_day(window[0].article.published_at)
        allowed = [(published, "day", "the publication day")]
        allowed += [(d.date, d.precision, d.text) for d in earlier]
    out = []
    for d in cf.dates:
        if any(dates.agree(d.date, d.precision, day, precision) for day, precision, _ in allowed):
            continue
        said = "; ".join(f"{text!r} means {day}" for day, _, text in allowed[:4])
        out.append(Issue("date", d.text, f"{d.text!r} means {d.date}, but its evidence dates it: {said}"))
    return out


# ---------------------------------------------------------------- requests


def verify_claims(
    sources: Sources, claims: Sequence[tuple[str, Sequence[Evidence] | None]]
) -> list[ClaimCheck]:
    """Check each claim: against the evidence it cites when it cites some, else against what aligns best."""
    out = []
    for text, cited in claims:
        if not cited:
            out.append(sources.check(text))
            continue
        issues: list[Issue] = []
        grounded: list[Evidence] = []
        for ev in cited:
            article = sources.articles.get(ev.article_id)
            span = find_exact_or_folded(article.text, ev.quote) if article is not None else None
            if article is None or span is None:
                where = "is not one of the articles" if article is None else "does not contain these words"
                issues.append(Issue("quote", ev.quote, f"article {ev.article_id!r} {where}"))
            else:
                grounded.append(Evidence(article_id=ev.article_id, quote=article.text[span[0] : span[1]]))
        if grounded:
            issues += sources.check_against(text, grounded)
        elif not issues:
            issues.append(Issue("unsupported", text, "it cites no evidence"))
        out.append(ClaimCheck(text, grounded, issues, 0.0))
    return out


async def verify(request: VerifyRequest, settings: Settings, judge: Judge | None) -> VerifyResponse:
    """POST /verify: the deterministic verdicts, and the LLM judge's apart when asked for and configured."""
    articles = await run_cpu(
        prepare,
        request.articles,
        settings.zone,
        max_chars=settings.max_article_chars,
        max_articles=settings.max_articles,
        years=(settings.min_year, settings.max_year),
    )
    if request.summary is not None:
        items: list[tuple[str, Sequence[Evidence] | None]] = [(c, None) for c in split_claims(request.summary)]
        if not items:
            raise InputError("summary has no sentence to check; send at least one full sentence", field="summary")
    else:
        assert request.bullets is not None
        items = [(b.text, b.evidence) for b in request.bullets]

    def run() -> list[ClaimCheck]:
        return verify_claims(Sources(articles), items)

    checks = await run_cpu(run)
    notes: list[str] = []
    verdicts: JudgeOut | None = None
    if request.judge and judge is None:
        notes.append("judge not run: no LLM is configured (set SUMMARIZER_MODEL to a litellm model id)")
    elif request.judge and judge is not None:
        try:
            verdicts = await judge(articles, [c.text for c in checks])
        except SummarizerError as e:
            notes.append(f"judge failed, deterministic verdicts only: {e.message}")
    claims = [
        ClaimOut(
            text=c.text,
            supported=c.verdict == "supported",
            verdict=c.verdict,
            evidence=c.evidence,
            issues=[IssueOut(kind=i.kind, text=i.text, message=i.message) for i in c.issues],
        )
        for c in checks
    ]
    supported = sum(c.supported for c in claims)
    unverifiable = sum(c.verdict == "unverifiable" for c in claims)
    return VerifyResponse(
        faithful=supported + unverifiable == len(claims),
        claims=claims,
        judge=verdicts,
        meta=VerifyMeta(
            checker=CHECKER, claims=len(claims), supported=supported, unverifiable=unverifiable, notes=notes
        ),
    )
