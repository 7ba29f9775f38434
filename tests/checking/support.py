"""Articles, evidence and helpers shared by the tests of the claim checker's modules."""

from __future__ import annotations

import datetime as dt

from summarizer.articles import Article
from summarizer.checking.verify import Sources
from summarizer.schemas import Evidence
from tests.checking.test_grounding import ARTICLES as ARTICLES
from tests.checking.test_grounding import ATARIB as ATARIB

# ---------------------------------------------------------------- stance, categories, quotes, unverifiable
# Articles written for these tests, in our own words, on stories the checker was not first tuned on.

DAM = dt.datetime(2024, 3, 9, 18, tzinfo=dt.timezone(dt.timedelta(hours=3)))  # a Saturday
PORT_AR = (
    "الحديدة - قال مسؤول في الميناء إن قصفا استهدف رصيف الحاويات فجر اليوم السبت وأسفر عن مقتل 7 مدنيين. "
    "ونفت الجماعة المسلحة أن تكون قد خزنت أسلحة في الرصيف. "
    "وزعمت الجماعة أن زوارقها أغرقت قاربا حربيا قرب الساحل. "
    "وأعلنت الجماعة أن صواريخها «دمرت منصة الرادار بالكامل» بعد الظهر. "
    "لكن البحرية نفت تضرر المنصة."
)
PORT_EN = (
    "Port officials said shelling hit the container quay at dawn on Saturday, killing seven dock workers. "
    "The armed group denied it had stored weapons on the quay. "
    "The group claimed its boats sank a navy patrol vessel near the coast. "
    "The group said its missiles had \"wiped out the radar platform\" in the afternoon. "
    "But the navy denied the platform was damaged. "
    "Medics said 40 fighters of the group and 12 of its civilians were among the wounded in a week of clashes."
)


def _sources(text: str, lang: str = "ar") -> Sources:
    return Sources([Article(lang, text, DAM, False, DAM.date(), lang)])  # type: ignore[arg-type]


def _kinds(sources: Sources, claim: str) -> list[str]:
    return [i.kind for i in sources.check(claim).issues]


# ---------------------------------------------------------------- beyond Syria


def _one(text: str, article_id: str = "x") -> tuple[Sources, list[Evidence]]:
    moment = ARTICLES["sun"].published_at
    article = Article(article_id, text, moment, False, moment.date(), "en" if text.isascii() else "ar")
    return Sources([article]), [Evidence(article_id=article_id, quote=text)]


def _article(text: str, quote: str) -> tuple[Sources, list[Evidence]]:
    moment = ARTICLES["sun"].published_at
    article = Article("x", text, moment, False, moment.date(), "en" if text.isascii() else "ar")
    return Sources([article]), [Evidence(article_id="x", quote=quote)]
