"""Who did a happening: the party named as the subject of its cue, not its target or the side that lost."""

from __future__ import annotations

import pytest

from summarizer.reading.doers import doers, related


@pytest.mark.parametrize(
    ("sentence", "kind", "who"),
    [
        # English subject before its verb, with the speaker speaking of itself between
        (
            "Government forces recaptured the town of Kafr Nabl on Tuesday after a week of fighting.",
            "control_change",
            {"syrian_army"},
        ),
        (
            "The Syrian Democratic Forces said on Monday they had retaken the village.",
            "control_change",
            {"sdf"},
        ),
        ("The RSF said it repelled an army attack on the southern edge of the city.", "repel", {"rsf"}),
        # the attack is the other side's: "an army attack", "a counter-attack by ..."
        (
            "The RSF said it repelled a Sudanese army attack on the southern edge of the city.",
            "clash",
            {"saf"},
        ),
        (
            "At dawn a counter-attack by Islamic State fighters on the army's posts was repelled.",
            "clash",
            {"islamic_state"},
        ),
        # a pronoun after its subject, and an appositive before "said its fighters"
        (
            "Islamic State lost the hill a week after it had retaken the village from the SDF.",
            "control_change",
            {"islamic_state"},
        ),
        (
            "The al-Quds Brigades, the armed wing of Islamic Jihad, said its fighters had ambushed an Israeli unit.",
            "clash",
            {"quds_brigades"},
        ),
        ("Israeli warplanes struck two houses in the village overnight.", "strike", {"israel"}),
        # one party named in two names side by side: both, not the common noun alone
        (
            "Islamic State militants attacked an army post near the lake at dawn.",
            "clash",
            {"islamic_state", "opposition_factions"},
        ),
        # two joined parties, and a name in quotes joined to another
        (
            "Kurdish YPG militia and allied rebel groups said they had taken the town from Islamic State.",
            "control_change",
            {"kurdish_forces", "opposition_factions"},
        ),
        (
            'وقال المرصد إن "هيئة تحرير الشام" والفصائل سيطرت على ثلاث قرى.',
            "control_change",
            {"hts", "opposition_factions"},
        ),
        # who opens the apposition is the subject, not the body named inside it
        (
            "The Jenin Brigade, a local unit of the al-Quds Brigades, said its fighters had ambushed a patrol.",
            "clash",
            {"jenin_brigade"},
        ),
        # "للتحرير" in a group's name is no liberation: the verb after the names is the act
        (
            'وكانت فصائل "الجبهة الوطنية للتحرير" و"هيئة تحرير الشام" قد استعادت البلدة.',
            "control_change",
            {"national_liberation_front", "hts"},
        ),
        # the passive's agent
        ("The village was captured by the Syrian Democratic Forces on Friday.", "control_change", {"sdf"}),
        # Arabic verb before its subject, and a subject before "قد" + verb
        ("استعادت القوات الحكومية بلدة كفرنبل مساء الثلاثاء.", "control_change", {"syrian_army"}),
        (
            "وكانت فصائل المعارضة قد استعادت البلدة قبل أن تخسرها مجددا.",
            "control_change",
            {"opposition_factions"},
        ),
        # the speaker's own forces ("قواته") repelled it; the attack's owner after the noun is the other side
        ("وقال الجيش السوداني إن قواته صدت هجوما لقوات الدعم السريع على المدينة.", "repel", {"saf"}),
        ("وقال الجيش السوداني إن قواته صدت هجوما لقوات الدعم السريع على المدينة.", "clash", {"rsf"}),
        # the speaker's forces and their allies, the day between commas
        (
            "أعلن الجيش السوداني، يوم السبت، أن قواته والقوات المساندة لها استعادت البلدة.",
            "control_change",
            {"saf"},
        ),
        # forces led by a party: the party leads them; an entry said with its object as a pronoun
        ("انسحبت فصائل تقودها هيئة تحرير الشام من البلدة مساء الخميس.", "withdrawal", {"hts"}),
        ("وانسحب الجيش السوري من البلدة مساء الخميس، فيما دخلتها فصائل تقودها هيئة تحرير الشام.", "control_change", {"hts"}),
    ],
)
def test_the_doer_is_the_subject_of_the_act(sentence: str, kind: str, who: set[str]) -> None:
    assert set(doers(sentence).get(kind, ())) == who


@pytest.mark.parametrize(
    "sentence",
    [
        "Hundreds of families fled the Hezbollah-held villages on Sunday.",  # fleeing is done to them: no act
        "Hamas fighters were killed in the raid.",  # victims, not doers
        "The strike that hit the market was blamed on nobody.",  # the act named as a noun
        "Hezbollah threatened to capture the hill.",  # planned, not done
        "According to the Syrian Observatory, a strike killed four people.",  # who tells of it, not who did it
        "وقتل ثلاثة مدنيين في قصف على البلدة.",  # no party named
    ],
)
def test_no_doer_is_guessed(sentence: str) -> None:
    assert doers(sentence) == {}


def test_parts_of_one_party_are_related() -> None:
    assert related("syrian_army", "syrian_army")
    assert not related("syrian_army", "opposition_factions")
    assert not related("saf", "rsf")
