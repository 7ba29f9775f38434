"""The claim checker: split a text into claims, align each with the source sentences that best support it,
and check its numbers, dates, places, actors and quotes against that evidence, in Arabic and English."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.articles import Article, prepare
from summarizer.config import Settings
from summarizer.errors import InputError, SummarizerError
from summarizer.offload import run_cpu
from summarizer.reading import actors, dates, places
from summarizer.reading.checkable import Facts, read
from summarizer.reading.dates import TemporalExpression
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

CHECKER = "deterministic-v1"
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


_CLAUSES = re.compile(r"\s*(?:[;؛]|,\s+(?:but|while|whereas)\s+|,\s+and\s+(?=(?:the|a|an|its|their)\s|[A-Z])|،\s*(?:لكن|ولكن|إلا أن|فيما|بينما|في حين)\s+)\s*")


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
        is not what happened."""
        end = dateline_end(self.text)
        return " " * end + self.text[end:]

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

    @property
    def supported(self) -> bool:
        return not self.issues


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
        for s in self.sentences:
            self._by_article.setdefault(s.article.id, []).append(s)

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
        quote_issues = self._quotes(claim)
        if not scored or scored[0][0] < MIN_RELEVANCE:
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
        evidence = [Evidence(article_id=s.article.id, quote=s.text) for s in window]
        return ClaimCheck(claim, evidence, [*quote_issues, *issues], -neg_r)

    def check_against(self, claim: str, evidence: Sequence[Evidence]) -> list[Issue]:
        """Check a claim against the quotes it cites (each already an exact substring of its article)."""
        pseudo = [
            _Sentence(self.articles[ev.article_id], -1, ev.quote)
            for ev in evidence
            if ev.article_id in self.articles
        ]
        if not pseudo:
            return [Issue("unsupported", claim, "it cites no evidence from these articles")]
        return self._issues(claim, pseudo)

    def _quotes(self, claim: str) -> list[Issue]:
        """Words a claim puts in quotation marks must be the sources' own (same language only)."""
        out = []
        for m in _QUOTED.finditer(claim):
            quoted = m.group(1).strip()
            lang = detect_language(quoted)
            same = [a for a in self.articles.values() if a.language == lang]
            if same and not any(find_exact_or_folded(a.text, quoted) for a in same):
                out.append(Issue("quote", quoted, "these quoted words are not in the sources"))
        return out

    def _issues(self, claim: str, window: list[_Sentence], core: _Sentence | None = None) -> list[Issue]:
        art = window[0].article
        if self._outlets is not None:  # "reported by Al Jazeera": the outlet is the article's own metadata
            claim = self._outlets.sub(lambda m: " " * len(m.group()), claim)
        filed = dateline_end(claim)  # a lead quoted with its dateline: where it was filed is not a claim
        claim = " " * filed + claim[filed:]
        cf = read(claim, art.published_at)
        issues: list[Issue] = []
        # what the core sentence says wins; a joined neighbour, then the sentence before, fill only what it
        # leaves unsaid ("the same town", "he said"), so they cannot lend another town, figure or speaker
        core = core or window[0]
        cores = list(window) if core.index < 0 else [core]
        rest = [w for w in window if w not in cores]
        prev = self._context(window)

        def slot(has: Callable[[Facts], object]) -> list[_Sentence]:
            for chosen in (cores, cores + rest):
                if any(has(x.facts) for x in chosen):
                    return chosen
            return cores + rest + prev

        issues += _number_issues(cf, [x.facts for x in slot(lambda f: f.numbers or f.rounded)])
        placed = slot(lambda f: f.regions)
        issues += _place_issues(cf, [x.facts for x in placed], [x.text for x in placed])
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
        issues += _actor_issues(cf, [x.facts for x in speakers], [x.plain for x in speakers], cores)
        issues += _speaker_issues(claim, cores)
        dated = [x.facts for x in slot(lambda f: f.dates)]
        issues += _date_issues(cf, dated, window, self._earlier_dates(window))
        return issues

    def _context(self, window: list[_Sentence]) -> list[_Sentence]:
        """The sentence before the evidence: who said it is often named there ("وأضاف المرصد...")."""
        first = window[0]
        if first.index < 0:
            return []
        prev = self._neighbour(first, -1)
        return [prev] if prev is not None else []

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
        lexical = len(cf.keys & sf.keys) / len(cf.keys)
    elif cf.concepts:  # across languages the glossary stands in for shared words
        lexical = CONCEPT_SHARE * len(cf.concepts & sf.concepts) / len(cf.concepts)
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


def _may_join(claim: str, core: _Sentence, neighbour: _Sentence) -> bool:
    """Two sentences are read as one piece of evidence only if the neighbour adds context, not a report of
    its own: it names no town and states no figure the claim does not (else one place's toll, or another
    day's date, could lend support to a claim about something else)."""
    cf = read(claim, core.article.published_at)
    nf = neighbour.facts
    towns = {places.same_place(i) for i in _syrian_places(core.facts) | _syrian_places(nf)}
    return towns <= {places.same_place(i) for i in cf.places} and set(nf.numbers) <= set(cf.numbers)


# ---------------------------------------------------------------- checks


def _number_issues(cf: Facts, ev: list[Facts]) -> list[Issue]:
    have: set[str] = set()
    for f in ev:
        have |= set(f.numbers)  # figures, not the day of a date ("6 مارس" does not say six months)
    out = []
    for value, written in cf.numbers.items():
        if value not in have:
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


def _place_issues(cf: Facts, ev: list[Facts], texts: Sequence[str] = ()) -> list[Issue]:
    ids: set[str] = set()
    regions: set[str] = set()
    for f in ev:
        ids |= {places.same_place(i) for i in f.places}
        for m in f.places.values():
            regions |= places.regions_named(m)
    countries = {m.place.country for f in ev for m in f.places.values()}
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
        if mine and theirs and None not in theirs and not (mine & theirs):
            out.append(
                Issue("place", m.text, f"its evidence names {m.text} on another side ({', '.join(sorted(d for d in theirs if d))})")
            )
            continue
        if pid == "syria" or places.same_place(pid) in ids:
            continue
        if m.place.kind == "governorate" and m.place.region in regions:
            continue
        if m.place.kind == "country" and m.place.country in countries:  # Russia, by "Moscow"
            continue
        if m.place.region in regions and _site_named(m.place, texts):  # "the university hospital" in Aleppo
            continue
        if _city_referred(m.place, ev, texts):  # "the Zamzam camp south of the city" for El Fasher
            continue
        named = ", ".join(sorted({mm.text for f in ev for mm in f.places.values()})) or "no place"
        out.append(Issue("place", m.text, f"{m.text} is not named in its evidence (which names {named})"))
    return out


_CITY_WORDS = ("the city", "المدينة", "للمدينة", "بالمدينة")
_SITE_KINDS = frozenset({"camp", "crossing", "landmark", "military_site", "airport", "area", "district"})


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
    cf: Facts, ev: list[Facts], texts: list[str], core: list[_Sentence] | None = None
) -> list[Issue]:
    """Each actor the claim names must be named by its evidence: the same one, one of its parts ("Russia"
    by "the Russian defence ministry"), or, for a force, its government ("Russian jets" by "روسيا")."""
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
    out = []
    for aid, m in cf.actors.items():
        if actors.is_generic(aid):
            continue
        mine = actors.ancestors(aid)
        if aid not in core_family and core is not None and not _named_in(aid, core_text) and not (mine & core_family):
            # the core names another of the same kind where the claim names this one: a swap, not context
            swapped = [
                mm for x in core for a, mm in x.facts.actors.items()
                if a not in claimed and aid not in actors.ancestors(a) and mm.actor.kind == m.actor.kind
            ]
            if swapped:
                out.append(Issue("actor", m.text, f"{m.text} is not named in its evidence, which names {swapped[0].text} here"))
                continue
        if aid in family:
            continue
        up = actors.parent(aid)
        if actors.is_force(aid) and up in named:  # "Russian jets" by "طائرات ... روسيا"
            continue
        if _named_in(aid, folded):
            continue  # named inside a longer name ("نظام الأسد") or as its capital ("موسكو")
        shown = ", ".join(sorted({mm.text for f in ev for mm in f.actors.values()})) or "nobody"
        out.append(Issue("actor", m.text, f"{m.text} is not named in its evidence (which names {shown})"))
    return out


_REPORTERS = frozenset({"media", "monitor", "rescue"})



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
    for x in core:
        theirs |= _speakers(x.plain)
        named |= x.facts.actor_family
    if not theirs:
        return []
    text = " " + " ".join(fold(x.plain) for x in core) + " "
    out = []
    for aid in sorted(_speakers(claim)):
        if aid in named or _named_in(aid, text) or actors.ancestors(aid) & theirs:
            continue
        actor = actors.get_actor(aid)
        if actor is not None and any(actors.refers_to_kind(x.plain, actor.kind) for x in core):
            continue  # "the monitor said ...": the sentence refers back to its speaker
        who = ", ".join(sorted(a.name_en for t in theirs if (a := actors.get_actor(t)) is not None))
        name = actors.get_actor(aid)
        out.append(Issue("actor", name.name_en if name else aid, f"its evidence attributes this to {who}"))
    return out


def _named_in(actor_id: str, folded: str) -> bool:
    """Whether any of an actor's names stands as whole words in a folded text."""
    return any(re.search(rf"(?<![^\W\d_]){re.escape(n)}(?![^\W\d_])", folded) for n in actors.names(actor_id))


def _date_issues(
    cf: Facts, ev: list[Facts], window: list[_Sentence], earlier: list[TemporalExpression]
) -> list[Issue]:
    stated = [d for f in ev for d in f.dates]
    if stated:
        allowed = [(d.date, d.precision, d.text) for d in stated]
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
            supported=c.supported,
            evidence=c.evidence,
            issues=[IssueOut(kind=i.kind, text=i.text, message=i.message) for i in c.issues],
        )
        for c in checks
    ]
    supported = sum(c.supported for c in claims)
    return VerifyResponse(
        faithful=supported == len(claims),
        claims=claims,
        judge=verdicts,
        meta=VerifyMeta(checker=CHECKER, claims=len(claims), supported=supported, notes=notes),
    )
