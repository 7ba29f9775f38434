"""The claim checker: split a text into claims, align each with the source sentences that best support it,
and check its numbers (and whom they count), dates, places, actors, stance and quotes against that evidence,
in Arabic and English; a claim its evidence cannot decide is unverifiable, not supported."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.articles import Article, prepare
from summarizer.checking.claims import split_claims
from summarizer.checking.days import date_issues
from summarizer.checking.figures import dual_issues, name_stands, number_issues, victim_issues
from summarizer.checking.issues import Issue
from summarizer.checking.names import CONTRAST, QUOTED_ANY, name_issues, readable_content
from summarizer.checking.parties import (
    SITE_OF,
    actor_issues,
    continues,
    denier_issues,
    describes,
    doer_issues,
    qualifies_happening,
    speaker_issues,
    speakers_named,
    unqualified_mention,
)
from summarizer.checking.placing import (
    BACK_NOUN,
    LINE_WORDS,
    LOCATOR,
    SENT_FROM,
    SITE_BACK,
    THERE,
    TOLD_BACK,
    located_by_article,
    movement_issues,
    names_a_happening,
    nouns_pattern,
    place_issues,
    strip_kind,
)
from summarizer.checking.sentences import Sentence, roots
from summarizer.checking.stances import (
    denier_named,
    said_content,
    stance_conflict,
    stance_issues,
    undecided_by,
)
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.offload import run_cpu
from summarizer.reading import actors, places
from summarizer.reading.checkable import Facts, read
from summarizer.reading.dates import TemporalExpression
from summarizer.reading.mood import leans_on_speaker
from summarizer.reading.text import dateline_end, detect_language, find_exact_or_folded, fold, headline_of
from summarizer.schemas import (
    ClaimOut,
    ClaimVerdict,
    Evidence,
    IssueOut,
    JudgeOut,
    Lang,
    VerifyMeta,
    VerifyRequest,
    VerifyResponse,
)

if TYPE_CHECKING:
    from summarizer.engines.judge import Judge

CHECKER = "deterministic-v21"  # v21 (5 December, eighteenth session): an undated evidence sentence may be dated by its article's lead (the first sentences up to one naming a day), beside the two sentences before it and the publication day; the reading it checks with knows Islamic State's leaders as its members (a claim naming "the Islamic State leader" where the evidence names Qurayshi), a capital before an English site noun as the city ("his Baghdad home"), a canton, governorate or area before a capital's or channel's name as the place ("مقاطعة الجزيرة"), "رئاسة الجمهورية" as the presidency, "بأنها" after a verb of saying as what was reported (not a name given), words of space news as another story and "most advanced" as no advance; v20 (5 December, seventeenth session): a party the lexicon knows named after a title ("Prime Minister Ahmet Davutoglu") is checked as that party, the title no name to find in its evidence; a headline takes no stance that overrules the denial told below it, and one dismissed from office ("dismissed the security director") is no denial; the reading it checks with knows a titled unlisted English speaker ("Health Minister X said"), two years in the Arabic dual, a capital held as a city abroad as the place of a happening in it; v19 (5 December, sixteenth session): a place that names a happening ("the Suruç bombing", "the strikes on Hodeidah", "تفجير سروج") is named when its article names it and the evidence refers back to a happening told ("the attack", "Saturday's strikes", "the death toll"); the reading it checks with knows unlisted English sources before their verb ("officials said"), Turkey's parties and leaders, executions as killings, looting amid fighting; a day opening a claim after a preposition ('By Saturday morning') is no name; an Arabic verb of saying after a preposition ('على نقل حمزة') is a noun and a party after 'مع' never speaks; v18 (5 December, fifteenth session): the reading it checks with knows 21 more armed groups and parties (Ansar al-Sharia, Jaish al-Adl, Sinai Province, the Mahdi Army ...), a party named as the side fought ("killed in clashes with IS fighters") owns no figure, a place named inside a party's name ("ولاية سيناء") is named, a town whose name is a common word counts in its streets, near it or at its outskirts ("في شوارع سرت", "قرب حديثة"), and a governor speaks with his place as a possessive ("Marib's governor"); v17 (5 December, fourteenth session): the reading it checks with knows 17 more governments by their country's name (France, Britain, Pakistan ...), "the coalition" as the Saudi-led one in Yemen and the US-led one in Iraq and Syria, the city a wire dateline names as no party, Arabic place names that are common words after في/إلى/من (تدمر, الرمادي, دوما ...), "للجيش" as the army of the article's country, and a characterised happening ("were a \"massacre\"", "بأنه \"مجزرة\"") as a name given to it; v16 (5 December, thirteenth session): the reading it checks with reads one killed where a pronoun names the one ("before he was shot dead") and where the place is told between the verb and the one killed ("قُتلت فيها امرأة"); v15 (5 December, twelfth session): the aircraft before a strike verb ("طائرات ... قصفت") are its agent in folded text too, a capital an attack hit ("struck Baghdad") is a place, and English "Gaza" alone is the Strip (Gaza City the governorate), and a place named inside another place's name ("الضاحية الجنوبية لبيروت") is named; v14 (5 December, eleventh session): a city abroad names its seat, the region a speaker there is placed in ("said in Washington": District of Columbia; Riyadh, Jeddah, N'Djamena, Addis Ababa, Islamabad, Abu Dhabi, Dubai, Manama, Beijing, Berlin, Vienna, Rome are places), Saudi Arabia's provinces on the Yemeni border are regions, an English speaker may stand after an opening phrase ("In Tehran, Iran's foreign ministry spokesman condemned"); the reading it checks with reads an appeal and an order to investigate as positions, words said on record that tell no happening as a statement, 'targeted' as a strike, the victims' nationality between a figure and its noun ("Three Jordanian police officers"), generic armed men outside Syria as nobody's opposition, Egypt and Jordan by their country's name, no speaker in a wire dateline's outlet, and a day declared ('declared Friday a day of mourning') as no day of the declaration; v13 (4 December, tenth session): the reading it checks with reads a toll phrase right after a verb of reaching ("وبلغ عدد القتلى 190"), a toll named by who was killed ("عدد الذين قتلوا ... بلغ"), the wounded in the past perfect, "أودى بحياة" as a toll, fighters leaving as a withdrawal; v12 (4 December, tenth session): one person named in English with a verb of one death ("Qusai Tamimi, 19, was shot dead") is one killed, and that one is no figure to find in evidence that tells the death by name; v11 (4 December, tenth session): a region the place matcher leaves to its context ("fled Blue Nile for Sennar") is a place the article may name anywhere, not an unknown party; words a claim says a speaker expressed ("أعربت ... عن قلق بالغ", "expressed") are attributed, not stated as fact; UNHCR by its full name ("المفوضية السامية للأمم المتحدة لشؤون اللاجئين"); a count of which the war is the subject is background; v10 (4 December, ninth session): a party the evidence calls by its head noun alone ("Rebels say", "وانسحبت الكتائب") is the one the article names in full around that noun; al-Qaeda and its branches and the Syrian National Coalition are actors; a toll whose span names its year is read; fighters leaving or pulled out ("حافلات المقاتلين", "سحب مسلحيها") withdraw, bombings named as a noun ("التفجيرات") are strikes, offices of Kuwait, Saudi Arabia, Qatar and 13 more countries are named by their adjective, mourning declared is a position, a live page entry time before the verb ("16:20 - رحبت ...") leaves its speaker where a speaker stands; v9 (4 December, eighth session): an office speaks with its holder named between it and the verb ("Canada's foreign minister Stephane Dion said"), a king is an office, six cities abroad where statements are made and talks held (Geneva, New York, Brussels, Paris, London, Doha) are places; v8 (4 December, seventh session): a reason put down to a speaker ("وعزا ... إلى") is attributed; v7 (4 December, sixth session): a name that depends on its country ("الجيش الوطني") read in the country the article is about when its sentence names no place, people forced or driven from their homes are the displaced, a figure the claim gives that its core states of something else (six strikes, not six children) may be taken from another sentence of the article (not another speaker's), a quoted object's words keep their concepts (only speakers' names are set aside), an army said as 'قواتنا المسلحة' or 'تعزيزات عسكرية' is the one the article names or whose government it names; v6 (4 December, fifth session): days of fighting counted by the day reached ("a third day"), a doer its evidence does not name where it names who did it, forces led by a party ("فصائل تقودها"), the national army near a Libyan town is the LNA; v5 (4 December): who did an act must be who its evidence says did it (reading/doers.py), an area (the West Bank) holds its regions; v2: stance, figure categories, translated quotes, unverifiable; v3: English claims on Arabic figures said without numerals, hedged round figures, camps, denials said as negatives; v4: inflected English words align, Arabic duals counted with who they are, the speaker is the words after an Arabic verb of saying and the clause that says the claim, moves keep their compass sides, a two-day night is either day, an armed group's figure counts fighters, a translated quote is looked for in its evidence (speakers' names aside), a negation is a denial only in the denier's sentence, a country by its adjective, who the victims were (women, children) with or without a figure, who denies, 'did not comment' is no denial, civilians vs the military without a figure
# Alignment weights, set by measuring the checker on evals/datasets/statements (see the eval report)
MIN_RELEVANCE = 1.0  # below this no source sentence is about the claim at all
CANDIDATES = 8  # best-aligned sentences tried as evidence
NEAR_BEST = 0.6  # a candidate's relevance must be at least this share of the best one's
ISSUE_COST = 4.0  # relevance a candidate may trade for one problem less
CONCEPT_SHARE = 2.0  # a shared glossary concept counts as this share of a shared word
LEX_WEIGHT = 12.0  # how much shared words weigh against shared facts when aligning within a language
_QUOTED = re.compile(r"[«\"“]([^«»\"“”]{6,300})[»\"”]")


# ---------------------------------------------------------------- claims


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
        self.sentences: list[Sentence] = [
            Sentence(a, i, span.of(a.text)) for a in articles for i, span in enumerate(a.body)
        ]
        self._by_article: dict[str, list[Sentence]] = {}
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
                    if qualifies_happening(x.plain, m, agents=True):
                        out |= {aid, *actors.ancestors(aid)}
            self._doers_of[article_id] = frozenset(out)
        return self._doers_of[article_id]

    def _giving_figures(self, claim: str, core: Sentence, scored: list[tuple[float, Sentence]]) -> list[Sentence]:
        """Other candidates of the core's article, not next to it, that state a figure of the claim's the core
        does not state (and name no town the claim does not)."""
        cf = read(claim, core.article.published_at)
        missing = [v for v in cf.numbers if not _states(core.facts, v, cf)]
        if not missing:
            return []
        return [
            t
            for _, t in scored[:CANDIDATES]
            if t.article.id == core.article.id
            and abs(t.index - core.index) > 1
            and any(_states(t.facts, v, cf) for v in missing)
            and _may_join(claim, core, t)
            # not another speaker's words ("the NSC said ... 48 hours" for the foreign ministry's claim)
            and speakers_named(t.text) <= set(cf.actors) | speakers_named(core.text)
        ]

    def _neighbour(self, s: Sentence, step: int) -> Sentence | None:
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
        tried: list[tuple[int, float, list[Sentence], list[Issue]]] = []
        for r, s in scored[:CANDIDATES]:
            if r < best * NEAR_BEST:
                break
            windows = [[s]]
            for step in (-1, 1):
                n = self._neighbour(s, step)
                # the candidate is the core; a neighbour more about the claim is a candidate of its own
                if n is not None and _relevance(claim, lang, n) <= r and _may_join(claim, s, n):
                    windows.append([n, s] if step < 0 else [s, n])
            # a figure the claim gives that the core lacks, told elsewhere in its article ("killed 14, six
            # of them children" from the strike's sentence and an activist's two paragraphs down)
            windows += [sorted([s, t], key=lambda x: x.index) for t in self._giving_figures(claim, s, scored)]
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
            # (not a headline: it names the happening more fully than any sentence, and takes no stance on it)
            body = [(r, t) for r, t in scored if not _in_headline(t)]
            for r, top in body:
                if r < body[0][0]:
                    break
                if stance_conflict(read(claim, top.article.published_at).stances, top.facts.stances):
                    window, issues = [top], self._issues(claim, [top], top)
                    break
        evidence = [Evidence(article_id=s.article.id, quote=s.text) for s in window]
        quote_issues, unread = self._quotes(claim, window)
        undecided = unread or undecided_by(read(claim, window[0].article.published_at), [s.facts for s in window])
        return ClaimCheck(claim, evidence, [*quote_issues, *issues], -neg_r, undecided)

    def check_against(self, claim: str, evidence: Sequence[Evidence]) -> list[Issue]:
        """Check a claim against the quotes it cites (each already an exact substring of its article)."""
        pseudo = [
            Sentence(self.articles[ev.article_id], -1, ev.quote)
            for ev in evidence
            if ev.article_id in self.articles
        ]
        if not pseudo:
            return [Issue("unsupported", claim, "it cites no evidence from these articles")]
        return [*self._quotes(claim, pseudo)[0], *self._issues(claim, pseudo)]

    def _quotes(self, claim: str, near: Sequence[Sentence] = ()) -> tuple[list[Issue], str]:
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

    def _translated(self, quoted: str, near: Sequence[Sentence] = ()) -> bool | None:
        """Whether a quotation the sources would have in another language is there: half its readable content
        at least in one quoted span or attributed sentence, among the evidence and the sentences next to it
        when there is evidence ("not a single civilian was harmed" is not said by whoever mentions
        civilians elsewhere). None when it has no readable content, or is a name."""
        if quoted.istitle() or not self.sentences:
            return None
        qf = read(quoted, self.sentences[0].article.published_at)
        wanted = readable_content(qf)
        if not wanted:
            return None
        pool = self.sentences
        if near:
            pool = list(near)
            if len(wanted) > 1:  # one word found next to the evidence is too little to tell
                for x in near:
                    pool += [n for step in (-1, 1) if x.index >= 0 and (n := self._neighbour(x, step)) is not None]
        for s in pool:
            spans = [m.group(1) for m in QUOTED_ANY.finditer(s.text)]
            if not spans and "attributed" not in s.facts.stances:
                continue
            for span in spans or [s.plain]:
                if len(wanted & said_content(span, s.article.published_at)) * 2 >= len(wanted):
                    return True
        return False

    def _issues(self, claim: str, window: list[Sentence], core: Sentence | None = None) -> list[Issue]:
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

        def slot(has: Callable[[Facts], object]) -> list[Sentence]:
            for chosen in (cores, cores + rest):
                if any(has(x.facts) for x in chosen):
                    return cores + rest if summed else chosen
            return cores + rest + prev

        counted = slot(lambda f: f.numbers or f.rounded)
        issues += number_issues(cf, [x.facts for x in counted], [x.plain for x in counted], claim)
        if not any(i.kind in ("number", "category") for i in issues):
            issues += dual_issues(claim, cf, [x.facts for x in window], [x.plain for x in window])
        if not any(i.kind in ("number", "category") for i in issues):
            issues += victim_issues(cf, [x.facts for x in window])
        placed = slot(lambda f: f.regions)
        located = {
            places.same_place(pid)
            for pid, m in cf.places.items()
            if LOCATOR.search(fold(claim[: m.start]).lower())
        }
        # evidence that names no place, or only places the claim names too ("خرجوا من الجيب إلى مخيم الهول" for
        # "left the Baghouz pocket for al-Hol camp"), may refer back to the place its lead names
        claimed = {places.same_place(pid) for pid in cf.places}
        # where someone was sent from ("قائد عسكري أُرسل من بغداد") is not where the evidence happens, nor a city
        # abroad where talks were held ("واستؤنفت المحادثات في جدة")
        own = {
            id(x): {
                pid
                for pid, pm in x.facts.places.items()
                if pm.place.kind != "foreign_city" and not SENT_FROM.search(fold(x.plain[: pm.start]))
            }
            for x in placed
        }
        unplaced = not any(places.same_place(pid) not in claimed for x in placed for pid in own[id(x)])
        # a dateline line ("حمص – شبكة بادية الشام", "GAZA (Reuters) -") is not the lead
        lead = [x for x in self._by_article.get(art.id, []) if len(x.plain.split()) > LINE_WORDS][:2]
        lead_places = {places.same_place(p) for x in lead for p in x.facts.places}
        referred: set[str] = set()
        if unplaced and any(places.PLACE_BACK.search(fold(x.plain).lower()) for x in placed):
            # "شرقي المدينة", "the city's market", "انسحبوا من المدينة باتجاه السخنة": evidence that only refers
            # back to a place (beside places the claim names) means the one its article's lead names
            referred = lead_places
        elif unplaced and any(THERE.search(fold(x.plain).lower()) for x in placed):
            # "Israel launched the operation there": the place the sentence before names
            before = [n for x in placed[:1] if x.index >= 0 and (n := self._neighbour(x, -1)) is not None]
            located = {places.same_place(p) for x in before for p in x.facts.places}
        elif unplaced and any(SITE_BACK.search(fold(x.plain).lower()) for x in placed):
            located = lead_places if len(lead_places) == 1 else located
        elif not any(own[id(x)] for x in placed):
            # a quote, a comment that names no place at all: where the lead is, or the sentence it goes on from
            before = [n for x in placed[:1] if x.index >= 0 and (n := self._neighbour(x, -1)) is not None]
            located = located | lead_places | {places.same_place(p) for x in before for p in x.facts.places}
        # "محيط المخيم", "the school": the camp or school named with the claim's place elsewhere in the article
        # ("مخيم أبو شوك", "a school in Nuseirat camp")
        back_nouns = {noun for x in placed for m in BACK_NOUN.finditer(fold(x.plain).lower()) if (noun := m.group(1) or m.group(2))}
        if back_nouns:
            kind = nouns_pattern(frozenset(back_nouns))
            with_kind = [x for x in self._by_article.get(art.id, []) if kind.search(fold(x.plain).lower())]
            located = located | {places.same_place(pid) for pid in cf.places if any(pid in x.facts.places for x in with_kind)}
        named = {places.same_place(p) for x in self._by_article.get(art.id, []) for p in x.facts.places}
        if located:  # "the Zamzam camp south of El Fasher": a town that only locates may stand anywhere in the article
            # unless the evidence locates by another town ("غرب محافظة مأرب" where the claim has غرب تعز)
            theirs = {
                places.same_place(pid)
                for x in placed
                for pid, pm in x.facts.places.items()
                if LOCATOR.search(fold(strip_kind(x.plain[: pm.start])).lower())
            }
            located &= theirs or named
        located |= referred
        # "حارة حريك بالضاحية الجنوبية لبيروت" in its article: the claim's place lies where its evidence says
        located |= located_by_article(cf, placed, self._by_article.get(art.id, []))
        # "the Suruç bombing" for evidence that says "the bombing": the happening its article names at that place
        if any(TOLD_BACK.search(fold(x.plain).lower()) for x in placed):
            located |= {
                key for pid, m in cf.places.items()
                if (key := places.same_place(pid)) in named and names_a_happening(claim, m.start, m.end)
            }  # fmt: skip
        # a name that needs context to be a place ("أن تتحول الجنينة"), in an article that names that place
        located |= {
            key
            for pid, m in cf.places.items()
            if (key := places.same_place(pid)) in named and name_stands(m.place, [x.plain for x in placed])
        }
        issues += place_issues(cf, [x.facts for x in placed], [x.text for x in placed], located)
        if not any(i.kind == "place" for i in issues):
            issues += movement_issues(claim, [x.plain for x in window])
        # speakers are often split over a joined pair ("X said ..." / "it added ..."): the pair counts whole,
        # unless the core names another actor of the same kind in the claimed one's place
        speakers = cores + rest if any(x.facts.actors for x in cores + rest) else cores + rest + prev
        # one statement over two sentences: the same speaker before goes on naming the parties
        if prev and prev[0] not in speakers and continues(prev[0], cores):
            speakers = [*speakers, prev[0]]
        # who reports it (a monitor, an agency, a rescuer) is often named once, in the sentence before
        if any(m.actor.kind in actors.REPORTER_KINDS for m in cf.actors.values()) and not any(
            m.actor.kind in actors.REPORTER_KINDS for x in speakers for m in x.facts.actors.values()
        ):
            speakers = speakers + [p for p in prev if p not in speakers]
        family = frozenset().union(*(x.facts.actor_family for x in self._by_article.get(art.id, [])))
        issues += self._background_named(
            claim,
            cf,
            cores,
            actor_issues(
                cf, [x.facts for x in speakers], [x.plain for x in speakers], cores, family, claim, self._doers(art.id)
            ),
        )
        issues += speaker_issues(claim, cores)
        if not any(i.kind == "actor" for i in issues):
            issues += doer_issues(claim, cf, cores)
        if not any(i.kind == "actor" for i in issues):
            issues += denier_issues(claim, cores)
        if not any(i.kind in ("place", "actor") for i in issues):
            issues += name_issues(claim, cf, [x.plain for x in cores + rest + prev], art.text)
        issues += stance_issues(claim, cf, [x.facts for x in cores], [x.plain for x in cores], *self._answer(claim, window))
        dated = [x.facts for x in slot(lambda f: f.dates)]
        issues += date_issues(cf, dated, window, self._earlier_dates(window))
        return issues

    def _background_named(self, claim: str, cf: Facts, cores: list[Sentence], issues: list[Issue]) -> list[Issue]:
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
            ids = [a for a, m in cf.actors.items() if m.text == issue.text and describes(claim, m.start, m.end)]
            # "the army post": the army the article names, whichever country's
            sites = [a for a, m in cf.actors.items() if m.text == issue.text and SITE_OF.match(claim, m.end)]
            anywhere |= {a for a, m in cf.actors.items() if a in sites and m.actor.kind in kinds and unqualified_mention(m.text, m.actor.kind)}
            if issue.kind == "actor" and ids and all(a in (anywhere if a in sites else near) for a in ids):
                continue
            out.append(issue)
        return out

    def _context(self, window: list[Sentence]) -> list[Sentence]:
        """The sentence before the evidence: who said it is often named there ("وأضاف المرصد...")."""
        first = window[0]
        if first.index < 0:
            return []
        prev = self._neighbour(first, -1)
        return [prev] if prev is not None else []

    def _answer(self, claim: str, window: list[Sentence]) -> tuple[bool, bool]:
        """Whether the sentence after the evidence has the claim's denier deny something ("X said ..., which
        Hamas denied" / "Hamas denied ..."), and whether it answers the evidence with a denial ("... said the
        Houthis." / "But Central Command denied ..."): what it answers is disputed."""
        last = window[-1]
        n = self._neighbour(last, 1) if last.index >= 0 else None
        if n is None or "denies" not in n.facts.stances:
            return False, False
        return denier_named(claim, n), bool(CONTRAST.match(fold(n.plain).lower()))

    def _earlier_dates(self, window: list[Sentence]) -> list[TemporalExpression]:
        """For an undated sentence: the dates of the two sentences before it and of its article's lead (the
        first sentences up to the one that names a day: "Within an hour on Tuesday evening, ..."), which usually
        dates it."""
        first = window[0]
        if first.index < 0:
            return []
        out: list[TemporalExpression] = []
        for step in (-1, -2):
            n = self._neighbour(first, step)
            if n is not None:
                out.extend(n.facts.dates)
        for lead in self._by_article[first.article.id][: min(first.index, _LEAD_SENTENCES)]:
            if lead.facts.dates:
                out.extend(d for d in lead.facts.dates if d not in out)
                break
        return out


_LEAD_SENTENCES = 4  # a headline, a dateline or byline, and the lead's first sentences


# ---------------------------------------------------------------- alignment


def _in_headline(s: Sentence) -> bool:
    """Whether a sentence is (a part of) its article's headline."""
    head = headline_of(s.article.text)
    return head is not None and s.index <= 1 and s.text.strip() in head


def _relevance(claim: str, lang: Lang, s: Sentence) -> float:
    cf = read(claim, s.article.published_at)
    sf = s.facts
    lexical = 0.0
    if lang == sf.language and cf.keys:
        mine = roots(cf.keys)
        lexical = len(mine & roots(sf.keys)) / len(mine)
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


def _syrian_places(f: Facts) -> set[str]:
    return {i for i, m in f.places.items() if m.place.region and m.place.kind != "governorate"}


def _may_join(claim: str, core: Sentence, neighbour: Sentence) -> bool:
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


def _states(f: Facts, value: str, cf: Facts) -> bool:
    """Whether a sentence states a figure of the claim's as what the claim counts with it, where both say
    ("ستة أطفال" is not stated by "ست غارات")."""
    mine = cf.counted.get(value, frozenset()) | cf.categories.get(value, frozenset())
    theirs = f.counted.get(value, frozenset()) | f.categories.get(value, frozenset())
    return value in f.all_numbers and (not mine or not theirs or bool(mine & theirs))


def _supplies(cf: Facts, core: list[Facts], rest: list[Facts]) -> bool:
    """Whether sentences joined to the core state a figure of the claim that the core does not, counting what
    the core counts no figure of (the wounded of a strike whose lead gives its dead: not another toll of the
    dead, where the core has its own)."""
    if not rest:
        return False
    counts = {role for f in core for roles in f.counted.values() for role in roles}
    theirs = {v for f in rest for v in f.numbers}
    return any(
        not any(_states(f, value, cf) for f in core)  # not stated, or stated counting something else
        and value in theirs
        and (roles := cf.counted.get(value))
        and not roles & counts
        for value in cf.numbers
    )


# ---------------------------------------------------------------- checks


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
