"""Folding with offsets, exact-or-folded quote location, sentences, language, page chrome."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.reading.text import (
    Span,
    content_sentences,
    dateline_end,
    dateline_outlet,
    detect_language,
    find_exact_or_folded,
    fold,
    fold_with_offsets,
    is_chrome,
    live_entries,
    split_sentences,
)
from tests.conftest import load_seeds


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("حَمَاةُ", "حماه"),
        ("إدلب", "ادلب"),
        ("أعلنت", "اعلنت"),
        ("مستشفى", "مستشفي"),
        ("مـــدينة", "مدينه"),
        ("١٢ عنصراً", "12 عنصرا"),
        ("۱۵ مدنيا", "15 مدنيا"),
        ("“حي”", '"حي"'),
        ("«العدوان المتطرف»", '"العدوان المتطرف"'),
        ("a\u00a0 b\n\nc", "a b c"),
        ("Hama’s", "hama's"),
        ("  lead", "lead"),
    ],
)
def test_fold(raw: str, folded: str) -> None:
    assert fold(raw) == folded


def test_fold_offsets_point_back_to_the_original() -> None:
    raw = "قال  الجيش: «قُتِلَ ١٥ مدنياً»"
    f = fold_with_offsets(raw)
    start = f.text.index("قتل 15")
    s, e = f.span(start, start + len("قتل 15"))
    assert raw[s:e] == "قُتِلَ ١٥"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("قتل 4 مدنيين", "قتل 4 مدنيين"),  # exact
        ('"هيئة تحرير الشام"', '"هيئة تحرير الشام"'),
        ("اعلنت “هيئة تحرير الشام”", 'أعلنت "هيئة تحرير الشام"'),  # alef and quote style differ
        ("وأصيب  20\nآخرون", "وأصيب 20 آخرون"),  # white space differs
    ],
)
def test_find_exact_or_folded_returns_the_originals_words(quote: str, expected: str) -> None:
    text = 'أعلنت "هيئة تحرير الشام" أمس. قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب.'
    span = find_exact_or_folded(text, quote)
    assert span is not None
    assert text[span[0] : span[1]] == expected


@pytest.mark.parametrize("quote", ["قتل 5 مدنيين", "حماة", "   ", ""])
def test_find_exact_or_folded_refuses_what_is_not_there(quote: str) -> None:
    assert find_exact_or_folded("قتل 4 مدنيين في إدلب.", quote) is None


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("قتل 4. وأصيب 20.", ["قتل 4.", "وأصيب 20."]),
        ("هل انسحب الجيش؟ نفى ذلك.", ["هل انسحب الجيش؟", "نفى ذلك."]),
        ("المعارضة تدخل مدينة حلب.. وأنباء عن تحركات", ["المعارضة تدخل مدينة حلب..", "وأنباء عن تحركات"]),
        ("قال «انسحبنا.» ثم غادر.", ["قال «انسحبنا.»", "ثم غادر."]),
        ("هجمات موسعة\nجاء ذلك بعد إطلاق مرحلة جديدة.", ["هجمات موسعة", "جاء ذلك بعد إطلاق مرحلة جديدة."]),
        ("The U.S. said 3.5 km. Mr. Smith left.", ["The U.S. said 3.5 km.", "Mr. Smith left."]),
        ("One paragraph with no stop", ["One paragraph with no stop"]),
        # a stop before a lower-case word goes on; one before "al-" ends the sentence
        ("Bombs hit at 2 p.m. on Saturday. Police came.", ["Bombs hit at 2 p.m. on Saturday.", "Police came."]),
        ("Troops left on Friday. al-Shabaab took the town.", ["Troops left on Friday.", "al-Shabaab took the town."]),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [s.of(text) for s in split_sentences(text)] == sentences


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("قتل 4 مدنيين في إدلب", "ar"),
        ("Four civilians killed in Idlib", "en"),
        ("Rebels enter Aleppo", "en"),
        ("قالت رويترز Reuters إن", "ar"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ('ولمتابعة كل ما يخص "عرب 48" يُمكنك متابعة قناتنا الإخبارية على تلجرام', True),
        ("مشاركة :", True),
        ("20:15", True),
        ("شاهد | البث المباشر لقناة الغد", True),
        ("تحديثات جديدة.. انقر للتحديثات..", True),
        ("قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب", False),
        ("وأكدت تركيا عبر وزير خارجيتها عدم تورطها في الصراعات الدائرة في حلب", False),
        # a statement posted on Telegram is news, a call to follow a channel there is not (invented lines)
        ('ونفت الحركة في بيان على منصة "تلغرام" أي علاقة لها بالهجوم', False),
        ("The group said on its Telegram channel that two fighters were killed.", False),
        ("وقالت القناة التابعة للجماعة على تلغرام إن ثلاثة قتلوا", False),
        ("Follow us on Telegram for the latest updates", True),
        ("انضموا إلى قناتنا على واتساب", True),
        ('ونفت الجماعة في بيان على منصة "تلغرام" أي علاقة لها بالقصف.', False),
        ("The group said in a statement on Telegram that it had not shelled the camp.", False),
        ("Follow us on Telegram", True),
    ],
)
def test_is_chrome(line: str, chrome: bool) -> None:
    assert is_chrome(line) is chrome


def test_no_seed_body_sentence_is_chrome() -> None:
    """Everything after a live-blog or 'read also' marker goes, and no promo line survives."""
    for art in load_seeds():
        body = [s.of(art["text"]) for s in content_sentences(art["text"])]
        joined = "\n".join(body)
        for chrome in (
            "تلجرام",
            "وطالع",
            "مشاركة :",
            "20:15",
            "البث المباشر",
            "انقر للتحديثات",
            "تغطية مباشرة",
        ):
            assert chrome not in joined, (art["id"], chrome)
        assert body, art["id"]
    seed_002 = next(a for a in load_seeds() if a["id"] == "002")
    last = content_sentences(seed_002["text"])[-1].of(seed_002["text"])
    assert last.startswith("والخميس، لقي 15 مدنيا")


@pytest.mark.parametrize(
    ("text", "dateline", "outlet"),
    [
        ("MOSCOW/TEHRAN, Nov 29 (Levant Wire) - Iran said", "MOSCOW/TEHRAN, Nov 29 (Levant Wire) -", "(Levant Wire)"),
        ("TRIPOLI, Libya (Harbour Post) — Militias fought", "TRIPOLI, Libya (Harbour Post) —", "(Harbour Post)"),
        ("BAGHDAD (AP) — A drone hit", "BAGHDAD (AP) —", "(AP)"),
        ("DEIR AL-BALAH, Gaza Strip — Families left", "DEIR AL-BALAH, Gaza Strip —", ""),
        ("MOSUL, Iraq, March 3 (Tigris Desk) - Troops", "MOSUL, Iraq, March 3 (Tigris Desk) -", "(Tigris Desk)"),
        ("KHARTOUM — Shelling resumed", "KHARTOUM —", ""),
        ("BEIRUT - Strikes resumed", "BEIRUT -", ""),
        # a day and no outlet
        ("BEIRUT, Dec 3 - An Israeli strike", "BEIRUT, Dec 3 -", ""),
        ("JENIN, West Bank, Jan 22 - Troops", "JENIN, West Bank, Jan 22 -", ""),
        ("غزة - استشهد خمسة", "غزة -", ""),
        ("خان يونس – قصفت المدفعية", "خان يونس –", ""),
        ("صنعاء (وكالة المرفأ) - قال", "صنعاء (وكالة المرفأ) -", "(وكالة المرفأ)"),
        # the outlet after the dash, in quotes, then a colon or a dash: its "اليوم" dates nothing
        ('صنعاء - "وكالة اليمن اليوم": قتل', 'صنعاء - "وكالة اليمن اليوم":', '"وكالة اليمن اليوم"'),
        ("بيروت - «الأخبار» - قصفت", "بيروت - «الأخبار» -", "«الأخبار»"),
        ("دير الزور، 4 أيار (وكالة الفرات) - قال", "دير الزور، 4 أيار (وكالة الفرات) -", "(وكالة الفرات)"),
    ],
)
def test_a_wire_dateline_is_read_with_or_without_its_day(text: str, dateline: str, outlet: str) -> None:
    assert text[: dateline_end(text)] == dateline
    start, end = dateline_outlet(text)
    assert text[start:end] == outlet


@pytest.mark.parametrize(
    "text",
    [
        "HTS (the group) - took the town",
        "UN officials said - without detail - that aid stopped",
        "US - Iran talks resumed in Oman",
        "قصفت الطائرات الحربية مدينة إدلب (شمال غرب) - وقال الدفاع المدني",
        "Residents of GAZA — a city under siege — fled",
    ],
)
def test_no_dateline_where_a_sentence_only_opens_with_capitals_or_a_bracket(text: str) -> None:
    assert dateline_end(text) == 0


def test_a_live_pages_entries_are_dated_by_their_clock_time_before_or_after_midnight() -> None:
    page = "Live: strikes on the port\n01:40 - A second entry.\n23:55 - The first entry.\nA line with no time."
    def lines(text: str) -> list[Span]:
        starts = [0] + [n + 1 for n, c in enumerate(text) if c == "\n"]
        return [Span(a, b - 1 if b < len(text) else b) for a, b in zip(starts, [*starts[1:], len(text) + 1], strict=True)]

    published = dt.datetime(2025, 3, 9, 2, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    found = live_entries(page, lines(page), published)
    assert found == {
        page.index("01:40"): dt.datetime(2025, 3, 9, 1, 40, tzinfo=published.tzinfo),
        page.index("23:55"): dt.datetime(2025, 3, 8, 23, 55, tzinfo=published.tzinfo),
    }
    # one time-stamped line is no live page; a time inside a sentence is no stamp
    one = "10:30 - Officials met in the capital.\nTalks resumed at 11:00 - officials said."
    assert live_entries(one, lines(one), published) == {}
    # entries in local time on a page published in UTC: a clock a few hours past the publication is that day's
    utc = dt.datetime(2024, 7, 23, 11, 10, tzinfo=dt.UTC)
    local = "Live: Khan Younis\n14:05 - A later entry.\n11:30 - An earlier entry."
    assert set(live_entries(local, lines(local), utc).values()) == {utc}
    # a clock time on a line of its own, the entry's words on the next
    alone = "مباشر | اشتباكات طرابلس\n23:10\nأعلن المجلس التوصل إلى اتفاق.\n21:40\nرفع المركز الحصيلة."
    late = dt.datetime(2023, 8, 15, 23, 15, tzinfo=published.tzinfo)
    assert live_entries(alone, lines(alone), late) == {
        alone.index("23:10"): dt.datetime(2023, 8, 15, 23, 10, tzinfo=published.tzinfo),
        alone.index("21:40"): dt.datetime(2023, 8, 15, 21, 40, tzinfo=published.tzinfo),
    }


def test_a_live_page_whose_title_is_its_live_header_keeps_its_body() -> None:
    # "تغطية مباشرة" ends an article when it announces a live page below it; opening the page, it is the title's
    page = "تغطية مباشرة | اليوم الثالث للحصار\n\n22:40\nقتل خمسة مدنيين في قصف على الحي الشرقي من المدينة.\n"
    assert [s.of(page) for s in content_sentences(page)] == ["قتل خمسة مدنيين في قصف على الحي الشرقي من المدينة."]
    ending = "قتل خمسة مدنيين في قصف على الحي الشرقي.\nتغطية مباشرة | آخر التطورات\nسقوط قذائف على السوق."
    assert [s.of(ending) for s in content_sentences(ending)] == ["قتل خمسة مدنيين في قصف على الحي الشرقي."]
    # right under a headline set off by a blank line, the live header is the page's own, not its end
    under = "مباشر | قصف على الحي الشرقي\n\nتغطية مباشرة - موقع المدينة\n\n22:40\nقتل خمسة مدنيين في قصف على السوق.\n"
    assert [s.of(under) for s in content_sentences(under)][-1] == "قتل خمسة مدنيين في قصف على السوق."
