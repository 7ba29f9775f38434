"""The claim checker: claims split, aligned with their best source sentences, and their facts checked."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

import pytest

from summarizer.articles import Article, prepare
from summarizer.checking.verify import Sources, split_claims, verify_claims
from summarizer.schemas import ArticleIn, Evidence
from tests.checking.test_grounding import ARTICLES, ATARIB, IDLIB_TOLL, SATURDAY_EVENING
from tests.conftest import load_seeds


@pytest.fixture(scope="module")
def seeds() -> Sources:
    arts = prepare([ArticleIn(**a) for a in load_seeds()], ZoneInfo("UTC"), max_chars=10**6)
    return Sources(arts)


@pytest.mark.parametrize(
    ("claim", "evidence", "kinds"),
    [
        ("15 civilians were killed in Atarib on Thursday", ATARIB, []),
        ("Fifteen civilians were killed in al-Atarib", ATARIB, []),  # word numeral, English spelling
        ("خمسة عشر مدنياً قتلوا في الأتارب", ATARIB, []),
        ("16 civilians were killed in Atarib", ATARIB, ["number"]),
        ("15 civilians were wounded in Atarib", ATARIB, ["number"]),  # the dead counted as wounded
        ("15 civilians were killed in Idlib", ATARIB, ["place"]),  # a toll moved to another place
        ("15 civilians were killed in Atarib on Friday", ATARIB, ["date"]),  # والخميس: Thursday
        ("Four killed and 20 injured in Idlib city", IDLIB_TOLL, []),
        ("20 killed in Idlib city", IDLIB_TOLL, ["number"]),  # the injured count given as the dead
        ("Four killed in Saraqib", IDLIB_TOLL, ["place"]),
        ("Control expanded in the northern Hama countryside", SATURDAY_EVENING, []),
        ("Control expanded in the northern Hama countryside on Saturday evening", SATURDAY_EVENING, []),
        ("Control expanded in the northern Hama countryside on Friday", SATURDAY_EVENING, ["date"]),
        ("Rebels expanded in the northern Hama countryside", SATURDAY_EVENING, ["actor"]),  # not named there
        ("Russian jets killed four people in Idlib city", IDLIB_TOLL, ["actor"]),  # nobody named
    ],
)
def test_claim_against_cited_evidence(claim: str, evidence: Evidence, kinds: list[str]) -> None:
    sources = Sources(list(ARTICLES.values()))
    issues = sources.check_against(claim, [evidence])
    assert [i.kind for i in issues] == kinds, issues


def test_a_figure_belongs_to_whom_it_is_said_of() -> None:
    text = "وقتل 327 شخصا، 183 منهم من هيئة تحرير الشام، و100 من عناصر الجيش السوري."
    moment = ARTICLES["sun"].published_at
    article = Article("t", text, moment, False, moment.date(), "ar")
    sources = Sources([article])
    quote = [Evidence(article_id="t", quote=text)]
    assert sources.check_against("قتل 183 من عناصر هيئة تحرير الشام", quote) == []
    [issue] = sources.check_against("قتل 183 من عناصر الجيش السوري", quote)
    assert issue.kind == "number" and "hts" in issue.message


@pytest.mark.parametrize(
    ("claim", "supported"),
    [
        ("The army announced a temporary withdrawal from Aleppo.", True),
        ("The army announced a temporary withdrawal from Idlib.", False),  # Idlib is only where it fought
        ("The factions said they took Aleppo city and the whole of Idlib province.", True),
        ("The factions said they took Idlib city and the whole of Aleppo province.", False),
    ],
)
def test_a_place_keeps_its_role(claim: str, supported: bool) -> None:
    moment = ARTICLES["sun"].published_at
    text = (
        "وأعلن الجيش السوري انسحابه مؤقتا من حلب استعدادا لهجوم مضاد، مشيرا إلى أنه شارك في اشتباكات بإدلب. "
        "وأعلنت الفصائل السيطرة على أجزاء واسعة من مدينة حلب وكامل محافظة إدلب."
    )
    sources = Sources([Article("t", text, moment, False, moment.date(), "ar")])
    assert sources.check(claim).supported is supported, sources.check(claim).issues


def test_split_claims_reads_sentences_bullets_and_clauses() -> None:
    text = "- Rebels entered Aleppo on Friday.\n- 15 were killed in al-Atarib; 5 were injured.\nقتل 4 مدنيين في إدلب. OK"
    assert split_claims(text) == [
        "Rebels entered Aleppo on Friday.",
        "15 were killed in al-Atarib",
        "5 were injured.",
        "قتل 4 مدنيين في إدلب.",
    ]


@pytest.mark.parametrize(
    ("claim", "supported", "kinds"),
    [
        ("قتل 15 مدنيا في غارة على الأتارب يوم الخميس", True, set()),
        # the Atarib toll moved: whichever sentence it aligns with, the place or the figure is missing
        ("قتل 15 مدنيا في غارة على معرة النعمان", False, {"number", "place"}),
        ("Four civilians were killed and 20 injured in Idlib city on Sunday, the civil defence said.", True, set()),
        ("Twenty civilians were killed in Idlib city on Sunday.", False, {"number"}),
        ("Four civilians were killed in Idlib city on Saturday.", False, {"date"}),
        ("Four civilians were killed in Hama city on Sunday.", False, {"place"}),
        ("Four civilians were killed in Idlib city, Iran's foreign ministry said.", False, {"actor", "number"}),
        ("Turkey closed the Bab al-Hawa crossing.", False, {"place", "actor", "unsupported"}),
    ],
)
def test_alignment_finds_the_sentence_and_what_it_does_not_say(
    seeds: Sources, claim: str, supported: bool, kinds: set[str]
) -> None:
    check = seeds.check(claim)
    assert check.supported is supported, check.issues
    if supported:
        quote = check.evidence[0]
        assert quote.quote in seeds.articles[quote.article_id].text  # evidence is the sources' own words
    else:
        assert kinds & {i.kind for i in check.issues}, check.issues


def test_quoted_words_must_be_the_sources(seeds: Sources) -> None:
    ok = seeds.check("قال المرصد إن «أرتالاً عسكرية للجيش انسحبت من حماة إلى حمص»")
    bad = seeds.check("قال المرصد إن «أرتالاً عسكرية للجيش انسحبت من حماة إلى دمشق»")
    assert "quote" not in [i.kind for i in ok.issues]
    assert "quote" in [i.kind for i in bad.issues]


def test_cited_quotes_that_are_not_in_the_article_are_quote_issues(seeds: Sources) -> None:
    [check] = verify_claims(
        seeds, [("قتل 4 مدنيين في إدلب", [Evidence(article_id="000", quote="قتل 40 مدنيا في إدلب")])]
    )
    assert [i.kind for i in check.issues] == ["quote"]


def test_nothing_aligned_is_unsupported(seeds: Any) -> None:
    check = seeds.check("The central bank cut interest rates by half a point.")
    assert [i.kind for i in check.issues] == ["unsupported"] and check.evidence == []


# ---------------------------------------------------------------- beyond Syria


def _one(text: str, article_id: str = "x") -> tuple[Sources, list[Evidence]]:
    moment = ARTICLES["sun"].published_at
    article = Article(article_id, text, moment, False, moment.date(), "en" if text.isascii() else "ar")
    return Sources([article]), [Evidence(article_id=article_id, quote=text)]


@pytest.mark.parametrize(
    ("claim", "kinds"),
    [
        ("Thousands fled towards the Zamzam camp south of El Fasher", []),  # "the city" is El Fasher
        ("Thousands fled towards the Zamzam camp south of Nyala", ["place"]),  # another state's city
        ("Thousands fled towards the Kalma camp south of El Fasher", ["place"]),  # another camp
    ],
)
def test_a_city_its_evidence_calls_the_city(claim: str, kinds: list[str]) -> None:
    sources, quote = _one("Residents said thousands fled towards the Zamzam camp south of the city.")
    assert [i.kind for i in sources.check_against(claim, quote)] == kinds


def test_a_claim_keeps_no_dateline_place() -> None:
    text = "Israeli strikes on Beit Lahia in the northern Gaza Strip killed at least 70 people, officials said."
    sources, quote = _one(text)
    lead = "GAZA, Oct 20 (Meridian) - " + text
    assert sources.check_against(lead, quote) == []
    [issue] = sources.check_against("Israeli strikes on Rafah killed at least 70 people, officials said.", quote)
    assert issue.kind == "place"


def test_the_army_near_el_fasher_is_sudans() -> None:
    sources, quote = _one("وقالت الفرقة السادسة مشاة التابعة للجيش السوداني إنها صدت هجوماً لقوات الدعم السريع على الفاشر.")
    claim = "The army's Sixth Infantry Division said it repelled a Rapid Support Forces attack on El Fasher."
    assert sources.check_against(claim, quote) == []
    [issue] = sources.check_against("The RSF said it repelled an army attack on Nyala.", quote)
    assert issue.kind == "place"
