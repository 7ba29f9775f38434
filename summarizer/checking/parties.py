"""Checks of who a claim names: the parties, who did it, who said or denied it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.checking.figures import parties_related
from summarizer.checking.issues import Issue
from summarizer.checking.sentences import Sentence, roots
from summarizer.checking.stances import DENIAL, denier_named
from summarizer.reading import actors, context, doers
from summarizer.reading import speakers as speakers_of
from summarizer.reading.checkable import Facts, concepts_in, read, stances_in
from summarizer.reading.text import fold, words


def actor_issues(
    cf: Facts,
    ev: list[Facts],
    texts: list[str],
    core: list[Sentence] | None = None,
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
        if unqualified_mention(m.text, m.actor.kind) and any(mm.actor.kind == m.actor.kind for f in ev for mm in f.actors.values()):
            continue  # "the army": whichever army its evidence names
        if aid in article_family and any(
            mm.actor.kind == m.actor.kind and unqualified_mention(mm.text, mm.actor.kind) for f in ev for mm in f.actors.values()
        ):
            continue  # its evidence says "الجيش", "the army": the one the article names, which the claim names
        if core and any(aid in _in_article_country([mm.text for mm in x.facts.actors.values()], x) for x in core):
            continue  # "الجيش الوطني" in a report from Libya: the LNA, however its sentence alone reads it
        if _office_named(claim, m, texts):
            continue  # "رئيس الوزراء العراقي" by "أعلن رئيس الوزراء عادل عبد المهدي": the office, its country added
        if day and m.actor.kind == "person" and any(speakers_of.office_held(aid, t, day) for t in texts):
            continue  # "Netanyahu said" by "Israel's prime minister said", on a day of his term
        if _common_noun(m.text) and concepts_in(m.text) & ev_concepts:
            continue  # "militants" by "مسلحين": a common noun its evidence uses too, whoever the lexicon takes it for
        if (
            (aid in article_family or (actors.is_force(aid) and actors.parent(aid) in article_family))
            and m.actor.kind != "person"  # "وأضاف", "he said" do not tell which person
            and not any(mm.actor.kind == m.actor.kind for x in core or [] for mm in x.facts.actors.values())
            and any(_refers(x.plain, m.actor.kind) for x in core or [])
        ):
            continue  # its evidence refers back to it ("the military said", "قواتنا المسلحة"), named elsewhere in the
            # article, or its state is (the army of the government the article names)
        if aid in doers and qualifies_happening(claim, m) and any(_TOLD_HAPPENING.search(fold(x.plain)) for x in core or []):
            continue  # "Saudi Arabia condemned the Israeli strikes" by "... condemned the strikes": told before
        mine = actors.ancestors(aid)
        if aid not in core_family and core is not None and not _named_in(aid, core_text) and not (mine & core_family):
            # the core names another of the same kind where the claim names this one: a swap, not context
            swapped = [
                mm for x in core for a, mm in x.facts.actors.items()
                if a not in claimed and aid not in actors.ancestors(a) and mm.actor.kind == m.actor.kind
                # "the army", "الجيش": whichever army the story is about, however its sentence resolved it
                and not unqualified_mention(mm.text, mm.actor.kind)
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
        if core and _named_by_its_noun(m.text, core_text, core[0].article.text):
            continue  # "كتائب مصراتة" by "وانسحبت الكتائب", the article having named "كتائب قادمة من مصراتة"
        shown = ", ".join(sorted({mm.text for f in ev for mm in f.actors.values()})) or "nobody"
        out.append(Issue("actor", m.text, f"{m.text} is not named in its evidence (which names {shown})"))
    if not out and (swapped_office := _office_swapped(claim, texts)) is not None:
        out.append(swapped_office)
    return out


# a party named to describe something else: "HTS-led", "Iran-backed", "led by", "which ... fired", "the rockets
# Hezbollah fired", "التي أطلقها", "الذي تقوده"
_DESCRIBING_AFTER = re.compile(
    r"-(?:led|backed|allied|aligned|affiliated|run|controlled|held)(?![\w-])"
)
# "the attack on the army post": a site of the party's, not what the party did
SITE_OF = re.compile(r"\s+(?:post|posts|outpost|outposts|checkpoint|checkpoints|base|bases|barracks|positions)(?![\w-])")
_DESCRIBING_BEFORE = re.compile(
    r"(?:(?<![^\W\d_])(?:led|backed|supported|run|controlled|held|fired|launched)\s+by(?:\s+the)?"
    r"|(?<![^\W\d_])(?:التي|الذي|الذين|اللتين|اللذين)\s+[^\W\d_]+)\s+$"
)


def doer_issues(claim: str, cf: Facts, core: list[Sentence]) -> list[Issue]:
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
        # a swap: the claim's doer is in its evidence, in another part (the target, the side that lost); or a
        # party its evidence does not name at all, where the evidence names who did it
        swapped = sorted(a for a in ids if any(doers.related(a, b) for b in named)) or sorted(
            a for a in ids if not actors.is_generic(a) and not actors.country_dependent(_said_as(cf, a))
        )
        if swapped:
            said = _said_as(cf, swapped[0])
            by = ", ".join(sorted(a.name_en if (a := actors.get_actor(b)) else b for b in other))
            out.append(Issue("actor", said, f"{said} is not who did it in its evidence, which says {by} did"))
    return out


def _said_as(cf: Facts, actor_id: str) -> str:
    """The words the claim names a party with ("government forces"), else its id."""
    return cf.actors[actor_id].text if actor_id in cf.actors else actor_id


def describes(claim: str, start: int, end: int) -> bool:
    """Whether the claim names a party (at start:end) only to describe something else."""
    return (
        _DESCRIBING_AFTER.match(claim, end) is not None
        or SITE_OF.match(claim, end) is not None
        or _DESCRIBING_BEFORE.search(claim[:start]) is not None
    )


def continues(before: Sentence, core: list[Sentence]) -> bool:
    """Whether the sentence before quotes the same speaker as the evidence (Ignasyuk, then his centre)."""
    theirs = {a for x in core for a in speakers_named(x.plain)}
    mine = speakers_named(before.plain)
    # the same speaker, or one of its own people (not merely of the same country)
    return any(a == b or a in actors.ancestors(b) or b in actors.ancestors(a) for a in mine for b in theirs)


def speakers_named(text: str) -> set[str]:
    """Who a text says said it (named actors only: "sources" name nobody, nor do generic ones)."""
    return {
        a.actor.id for a in actors.attributions(text) if a.actor is not None and not actors.is_generic(a.actor.id)
    }


def _in_article_country(names: Sequence[str], sentence: Sentence) -> set[str]:
    """The actors that names depending on their country mean in the country the article is about, where the
    sentence names no place to say it ("المتحدث باسم الجيش الوطني" in a report from Libya: the LNA)."""
    names = [n for n in names if actors.country_dependent(n)]
    if not names or (country := context.article_country(sentence.article)) is None:
        return set()
    return {actor.id for name in names if (actor := actors.in_country(name, country)) is not None}


def _speaker_names(text: str) -> list[str]:
    """The words that name who speaks in a text, as written ("المتحدث باسم الجيش الوطني")."""
    return [a.source_text for a in actors.attributions(text) if a.actor is not None]


def speaker_issues(claim: str, core: list[Sentence]) -> list[Issue]:
    """A claim's speaker that its evidence sentence does not even name, where that sentence has a speaker of
    its own: the words are put in another's mouth ("the Defence Ministry said" for the Observatory's words)."""
    theirs: set[str] = set()
    named: set[str] = set()
    parts: list[str] = []
    # two statements in one sentence ("the army said ..., while Hamas said ..."): the part that says what a
    # claim of one speaker says has its speaker (a claim that says both keeps the whole sentence)
    one = len(speakers_named(claim)) == 1 and len([p for p in _EV_CLAUSES.split(fold(claim)) if p.strip()]) == 1
    for x in core:
        part = _clause_about(claim, x) if one else x.plain
        theirs |= speakers_named(part) | _in_article_country(_speaker_names(part), x)
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
            a.actor.id for a in actors.attributions(claim) if a.actor is not None and unqualified_mention(a.source_text, a.actor.kind)
        }
        for aid in sorted(speakers_named(claim)):
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
        a.actor.id for a in actors.attributions(claim) if a.actor is not None and unqualified_mention(a.source_text, a.actor.kind)
    }
    # "Turkey's defence ministry confirmed ..." where a news agency reports it: a party named in the sentence
    # as who acts did not confirm it
    confirming = "confirms" in stances_in(fold(claim).lower())
    out = []
    for aid in sorted(speakers_named(claim)):
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


def _clause_about(claim: str, sentence: Sentence) -> str:
    """The clause of an evidence sentence (split at a contrast: "..., في حين قالت ...") that shares most of
    the claim's figures, words and concepts; the whole sentence when it has one clause."""
    parts = [p for p in _EV_CLAUSES.split(fold(sentence.plain)) if p.strip()]
    if len(parts) < 2:
        return sentence.plain
    cf = read(claim, sentence.article.published_at)
    mine = roots(cf.keys)

    def score(part: str) -> float:
        f = read(part, sentence.article.published_at)
        lexical = len(mine & roots(f.keys)) if f.language == cf.language else 0
        return 2 * len(set(cf.numbers) & set(f.numbers)) + len(cf.concepts & f.concepts) + lexical

    best = max(parts, key=score)
    return best if score(best) > max(score(p) for p in parts if p is not best) else sentence.plain


def denier_issues(claim: str, core: list[Sentence]) -> list[Issue]:
    """Who denies: "the Sudanese army denied any role" where its evidence has the RSF deny it ("ونفت قوات
    الدعم السريع ...", the army named only as the one it accuses). The denier is the words right after an
    Arabic denial or before an English one; one the lexicon does not know decides nothing."""
    mine = [a for a in actors.attributions(claim) if a.actor is not None and a.stance == "denies"]
    if not mine:
        return []
    for x in core:
        text = fold(x.plain).lower()
        m = DENIAL.search(text)
        if m is None:
            continue
        arabic = x.facts.language == "ar"
        who = " ".join(words(text[m.end() :])[:4] if arabic else words(text[: m.start()])[-4:])
        theirs = [a.actor for a in actors.find_actors(who) if not actors.is_generic(a.actor.id)]
        if not theirs or denier_named(claim, x):
            return []
        for a in mine:
            assert a.actor is not None
            if actors.is_generic(a.actor.id) or parties_related({a.actor.id}, {t.id for t in theirs}):
                continue
            if unqualified_mention(a.source_text, a.actor.kind) and a.actor.kind in {t.kind for t in theirs}:
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
    r"(?<!\w)(?:(?:ال)?(?:مقاتلات|طايرات|طيران|مسيرات|قوات|جيش)(?:\s+\w+)?|[وف]?(?:شن|شنت|قصف|قصفت|استهدف|استهدفت|"
    r"اغار|اغارت|هاجم|هاجمت)(?:\s+\w+)?)\s*$"
)


def qualifies_happening(text: str, m: actors.ActorMatch, *, agents: bool = False) -> bool:
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


def unqualified_mention(mention: str, kind: str) -> bool:
    """A mention by the one common word that refers to its kind ("the army", "الجيش"), not by a name."""
    return len([w for w in words(mention) if w != "the"]) == 1 and actors.refers_to_kind(mention, kind)


def _common_noun(mention: str) -> bool:
    """One word that is not a name: lowercase English ("militants"), or Arabic with the article ("المسلحين")."""
    ws = [w for w in words(mention) if w != "the"]
    return len(ws) == 1 and ((ws[0].isascii() and ws[0].islower()) or fold(ws[0]).startswith("ال"))


def _named_by_its_noun(mention: str, core_text: str, article: str) -> bool:
    """Whether the evidence refers to the claim's party by its head noun alone ("Rebels say", "وانسحبت
    الكتائب") and the article names it in full around that noun ("Turkish-backed Syrian rebels", "كتائب
    قادمة من مصراتة"): every other word of the claim's name within four words of the noun, in one sentence.
    The head is an English name's last word, an Arabic name's first; the evidence's must stand bare (after
    "the", "ال" or nothing), not qualified by other words ("Israeli settlers" is no "Israeli soldiers")."""
    ws = [_ARTICLE.sub("", fold(w).lower()) for w in words(mention)]
    ws = [w for w in ws if len(w) > 2]
    if len(ws) < 2:
        return False
    noun = ws[-1] if mention.isascii() else ws[0]
    bare = r"(?:^|[^\w\s]\s*|\bthe )" if mention.isascii() else r"(?<![^\W\d_])[وفبل]?ال"
    if not re.search(rf"{bare}{re.escape(noun)}(?![^\W\d_])", core_text.strip()):
        return False
    rest = [w for w in ws if w != noun]
    for sentence in re.split(r"[.!?؟\n]+", fold(article).lower()):
        toks = [_ARTICLE.sub("", t) for t in words(sentence)]
        for i, t in enumerate(toks):
            if t == noun and all(w in toks[max(0, i - 4) : i + 5] for w in rest):
                return True
    return False


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
