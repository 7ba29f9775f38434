"""Stances (checking/stances.py): said, denied, confirmed or only alleged, against a claim's evidence."""

from __future__ import annotations

import pytest

from tests.checking.support import PORT_AR, PORT_EN, _kinds, _sources


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        # a denial turned into a confirmation, and back
        ("ar", "نفت الجماعة المسلحة تخزين أسلحة في رصيف الحاويات.", False),
        ("ar", "أكدت الجماعة المسلحة تخزين أسلحة في رصيف الحاويات.", True),
        ("ar", "أقرّت الجماعة المسلحة بتخزين أسلحة في رصيف الحاويات.", True),
        ("ar", "أقرّ مسؤول في الجماعة المسلحة بتخزين أسلحة في رصيف الحاويات.", True),  # the verb before its speaker
        ("en", "The armed group denied storing weapons on the quay.", False),
        ("en", "The armed group admitted storing weapons on the quay.", True),
        ("ar-en", "The armed group denied storing weapons on the quay.", False),
        ("ar-en", "The armed group confirmed it stored weapons on the quay.", True),
        # a denial nobody made
        ("en", "Port officials denied that shelling hit the container quay.", True),
        # an allegation, and a statement the next sentence denies, stated as fact
        ("en", "The group said its boats sank a navy patrol vessel near the coast.", False),
        ("en", "The group's boats sank a navy patrol vessel near the coast.", True),
        ("ar", "قالت الجماعة إن زوارقها أغرقت قاربا حربيا قرب الساحل.", False),
        ("ar", "أغرقت زوارق الجماعة قاربا حربيا قرب الساحل.", True),
        ("en", "Missiles wiped out the radar platform in the afternoon.", True),
        ("en", "The group said its missiles had destroyed the radar platform.", False),
        ("ar", "دمرت الصواريخ منصة الرادار بالكامل بعد الظهر.", True),
    ],
)
def test_stance_is_checked(lang: str, claim: str, flagged: bool) -> None:
    sources = _sources(PORT_EN, "en") if lang == "en" else _sources(PORT_AR)
    kinds = _kinds(sources, claim)
    assert ("stance" in kinds) is flagged, sources.check(claim)


def test_a_denial_may_be_in_the_next_sentence_when_its_denier_is_the_claims() -> None:
    sources = _sources(
        "The navy said the radar platform was destroyed in the raid. The group denied that the platform was hit.", "en"
    )
    assert sources.check("The navy said the radar platform was destroyed, which the group denied.").supported
    check = sources.check("Port officials denied that the radar platform was destroyed.")
    assert "stance" in [i.kind for i in check.issues], check


DENIAL_AR = (
    "نيالا - قتل ستة مدنيين في قصف طال سوقاً شعبياً في مدينة نيالا، بحسب ناشطين.\n\n"
    "وقالت قوات الدعم السريع في بيان إنها لم تستهدف السوق، واتهمت الجيش بالقصف."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("The RSF denied targeting the market.", False),  # a denial written as a negated statement
        ("The RSF denied that six civilians were killed in Nyala.", True),  # the toll nobody denied
    ],
)
def test_an_english_denial_finds_a_negated_arabic_statement(claim: str, flagged: bool) -> None:
    kinds = _kinds(_sources(DENIAL_AR), claim)
    assert ("stance" in kinds) == flagged and (flagged or not kinds)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("The commander denied that his units had handed over their positions.", False),
        # what was denied turned into an admission, though the denial goes on to confirm something else
        ("The commander admitted that his units had handed over their positions.", True),
        ("The commander confirmed that his units had handed over their positions.", True),
    ],
)
def test_a_denial_stays_a_denial_when_it_goes_on_to_confirm_something_else(claim: str, flagged: bool) -> None:
    sources = _sources(
        "ونفى قائد في القوات الخاصة أن تكون وحداته قد سلّمت مواقعها، مؤكداً أنها انسحبت إلى أطراف المدينة."
    )
    assert ("stance" in _kinds(sources, claim)) is flagged, sources.check(claim).issues


def test_a_party_that_did_not_comment_states_nothing_to_dispute() -> None:
    sources = _sources(
        "قالت إسرائيل إن غارتها على الضاحية استهدفت قيادياً في الحزب. ونفى الحزب في وقت لاحق مقتل القيادي."
    )
    assert "stance" not in _kinds(sources, "لم يعلّق الحزب على مصير القيادي.")


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("The group captured Rutba in May 2016.", False),  # said as fact before the allegation
        ("The group executed dozens of policemen at the nearby checkpoint.", True),  # only alleged
    ],
)
def test_an_allegation_covers_what_follows_it_not_what_comes_before(claim: str, flagged: bool) -> None:
    sources = _sources(
        "The group seized Rutba, a desert town near the border, in May 2016 and is accused of executing dozens of "
        "policemen at the nearby checkpoint.",
        "en",
    )
    assert ("stance" in _kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        ("Twelve children were killed by a rocket on a football pitch, in an attack Israel blamed on Hezbollah.", False),
        # the sentence after its evidence has the party deny it
        ("Hezbollah acknowledged firing the rocket that killed twelve children on a football pitch.", True),
    ],
)
def test_an_acknowledgement_the_party_denied(claim: str, flagged: bool) -> None:
    text = (
        "وقُتل 12 طفلاً يوم السبت حين سقط صاروخ على ملعب في بلدة مجدل شمس، في هجوم حمّلت إسرائيل حزب الله مسؤوليته. "
        "ونفى الحزب أي صلة له بالصاروخ."
    )
    sources = _sources(text)
    assert bool(_kinds(sources, claim)) is flagged, sources.check(claim).issues


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # a reason the claim puts down to its speaker ("عزا") is said as the speaker's, like the evidence
        ("استقال محافظ المدينة يوم الأحد، وعزا ذلك إلى غياب التنسيق بين الأجهزة.", False),
        # the same words stated as fact are the speaker's own only
        ("استقال محافظ المدينة يوم الأحد بسبب غياب التنسيق بين الأجهزة.", True),
    ],
)
def test_a_reason_put_down_to_its_speaker_is_attributed(claim: str, flagged: bool) -> None:
    text = 'استقال محافظ المدينة اليوم الأحد، وقال للصحافيين إن "غياب التنسيق" بين الأجهزة حال دون عمله.'
    sources = _sources(text)
    assert ("stance" in _kinds(sources, claim)) is flagged, sources.check(claim).issues


# invented copy: a UN agency's concern, its words quoted
CONCERN_AR = (
    "وأعربت المفوضية السامية للأمم المتحدة لشؤون اللاجئين، في بيان من جنيف اليوم، عن \"قلق بالغ\" إزاء "
    "التقارير عن سقوط مدنيين في المخيم."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # the claim says who expressed the words, as the evidence does: no quoted words stated as fact; the
        # agency named by its shorter name is the one the evidence names in full
        ("عبّرت مفوضية الأمم المتحدة لشؤون اللاجئين عن قلق بالغ من أنباء سقوط مدنيين في المخيم.", False),
        ("أعربت مفوضية الأمم المتحدة لشؤون اللاجئين عن قلق بالغ من أنباء سقوط مدنيين في المخيم.", False),
        # another agency is not the one that spoke
        ("عبّرت منظمة الصحة العالمية عن قلق بالغ من أنباء سقوط مدنيين في المخيم.", True),
    ],
)
def test_words_a_claim_says_were_expressed_by_the_speaker_are_not_stated_as_fact(claim: str, flagged: bool) -> None:
    check = _sources(CONCERN_AR).check(claim)
    assert (check.verdict == "contradicted") is flagged, check


def test_a_headline_taking_no_stance_does_not_overrule_the_denial_told_below_it() -> None:
    # the headline names the killing more fully than the denial does; it takes no stance, so the denial stands
    sources = _sources(
        "تحليل: مقتل محافظ الولاية يعيد المدينة إلى أيام الحرب\n\n"
        "غير أن الحركة المسلحة نفت أي صلة لها بالحادثة، ودانت في بيان أمس ما وصفته بالاغتيال."
    )
    assert _kinds(sources, "نفت الحركة المسلحة تورطها في مقتل محافظ الولاية.") == []
    assert "stance" in _kinds(sources, "أكدت الحركة المسلحة تورطها في مقتل محافظ الولاية.")


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("The interior minister dismissed the security director of the province after the bombing.", False),
        ("The army sacked two commanders after the attack.", False),
        ("The ministry dismissed the reports as lies.", True),
        ("Hamas dismissed the claims and denied any role.", True),
    ],
)
def test_one_dismissed_from_office_is_no_denial(text: str, denial: bool) -> None:
    from summarizer.reading.checkable import stances_in

    assert ("denies" in stances_in(text)) is denial
