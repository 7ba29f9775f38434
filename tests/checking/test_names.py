"""Proper names the lexicons do not know (checking/names.py), against a claim's evidence."""

from __future__ import annotations

import pytest

from tests.checking.support import _kinds, _sources

CAMP_EN = (
    "Shells hit the Qasr al-Nour camp south of Wadi Hilal on Monday, wounding nine people, aid workers said. "
    "The UN Refugee Agency said it had moved 300 families out of the camp."
)
CAMP_AR = "وسقطت قذائف على مخيم النور جنوب وادي هلال يوم الاثنين، وقال عمال إغاثة إن تسعة أشخاص أصيبوا في مخيم النور."


@pytest.mark.parametrize(
    ("lang", "claim", "flagged"),
    [
        # a name the lexicons do not know must stand in the evidence; one that only locates, in the article
        ("en", "Shells hit the Qasr al-Nour camp on Monday, wounding nine people.", False),
        ("en", "Shells hit the Bir Salem camp on Monday, wounding nine people.", True),
        ("en", "Nine people were wounded at a camp south of Wadi Hilal on Monday.", False),
        ("en", "The UNRA said it had moved 300 families out of the camp.", False),  # an acronym spelled out
        ("ar", "أصيب تسعة أشخاص في مخيم النور يوم الاثنين.", False),
        ("ar", "أصيب تسعة أشخاص في مخيم السلام يوم الاثنين.", True),  # another camp where the evidence names one
        ("ar", "أصيب تسعة أشخاص في مطار النور يوم الاثنين.", True),  # another kind of site
    ],
)
def test_names_the_lexicons_do_not_know_are_checked_within_a_language(lang: str, claim: str, flagged: bool) -> None:
    sources = _sources(CAMP_EN, "en") if lang == "en" else _sources(CAMP_AR)
    check = sources.check(claim)
    assert (check.verdict == "contradicted") is flagged, check


def test_aircraft_named_in_the_plural_by_their_designation() -> None:
    en = _sources(
        "B-52 bombers, F-15E fighter jets and A-10 ground-attack aircraft hit the group's camps northeast of "
        "Palmyra, the U.S. military said.",
        "en",
    )
    assert _kinds(en, "The camps northeast of Palmyra were struck by B-52s, F-15Es and A-10s.") == []
    assert _kinds(en, "The camps northeast of Palmyra were struck by Tornado and Typhoon jets.") != []


# invented copy: a region's displaced, counted where they reached; the region named only in the lead
BLUE_NILE = (
    "Clashes between two communities in Blue Nile state have killed dozens since Wednesday, officials said. "
    "About 9,000 people have fled to neighbouring Sennar state, according to U.N. figures released on Monday."
)


@pytest.mark.parametrize(
    ("claim", "flagged"),
    [
        # a region the place matcher leaves to its context is checked against the whole article
        ("About 9,000 people had fled Blue Nile for neighbouring Sennar state, the U.N. said.", False),
        ("About 9,000 people had fled South Kordofan for neighbouring Sennar state, the U.N. said.", True),
    ],
)
def test_a_region_named_bare_is_a_place_the_article_may_name_anywhere(claim: str, flagged: bool) -> None:
    sources = _sources(BLUE_NILE, "en")
    check = sources.check(claim)
    assert (check.verdict == "contradicted") is flagged, check


def test_a_day_opening_a_claim_after_a_preposition_is_no_name() -> None:
    # "By Sunday morning ..." is when, not who; a name after it is still checked
    sources = _sources("The health ministry said this morning that six people had been killed in the strikes.", "en")
    assert _kinds(sources, "By Saturday morning the health ministry said six people had been killed in the strikes.") == []
    assert "actor" in _kinds(sources, "By Saturday morning the Red Crescent said six people had been killed in the strikes.")


def test_a_known_party_named_after_his_title_is_named_by_his_surname() -> None:
    # "Prime Minister Ahmet Davutoglu" where the evidence has "Davutoglu": the title is no name to find
    sources = _sources("Davutoglu declared three days of mourning after the bombing in Ankara.", "en")
    assert _kinds(sources, "Prime Minister Ahmet Davutoglu declared three days of mourning.") == []
    # a name beside the title that is no title is still looked for
    assert "actor" in _kinds(sources, "Kurdish Leader Ahmet Davutoglu declared three days of mourning.")
