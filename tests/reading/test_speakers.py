"""Offices that speak, read from their own phrase: body and country (sentences written for this file)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from summarizer.reading import actors, speakers
from summarizer.reading.text import fold


@pytest.mark.parametrize(
    ("sentence", "en", "ar"),
    [
        ("وأدانت وزارة الخارجية الأردنية القصف على الأحياء السكنية.", "Jordanian foreign ministry", "وزارة الخارجية الأردنية"),
        ("ونددت الرئاسة الفلسطينية بالاقتحام ووصفته بالخطير.", "Palestinian presidency", "الرئاسة الفلسطينية"),
        ("من جهته، قال وزير الخارجية المصري إن بلاده ترفض التهجير.", "Egyptian foreign minister", "وزير الخارجية المصري"),
        ("وقالت وزارة الصحة في ليبيا إن 12 شخصاً أصيبوا.", "Libyan health ministry", "وزارة الصحة الليبية"),
        ("وأعلن الجيش اللبناني انتشار وحداته في البلدة.", "Lebanese army", "الجيش اللبناني"),
        ("وأدان محافظ مأرب الهجوم في بيان.", "the governor of Marib", "محافظ مأرب"),
        ("Marib's governor condemned the attack in a statement.", "the governor of Marib", "محافظ مأرب"),
        ("The Jordanian foreign ministry said the strike broke international law.", "Jordanian foreign ministry",
         "وزارة الخارجية الأردنية"),
        ("Egypt's health ministry said 12 people were wounded in the crash.", "Egyptian health ministry", "وزارة الصحة المصرية"),
        ("The foreign ministry of Iraq condemned the raid on Tuesday.", "Iraqi foreign ministry", "وزارة الخارجية العراقية"),
        ("Ten people were killed, according to the Sudanese health ministry.", "Sudanese health ministry",
         "وزارة الصحة السودانية"),
        ("The Yemeni government, which sits in Aden, said the talks had failed.", "Yemeni government", "الحكومة اليمنية"),
        # countries beyond the gazetteer's, whose offices speak of the region's wars
        ("ودعت وزارة الخارجية الكويتية مواطنيها إلى مغادرة البلاد.", "Kuwaiti foreign ministry", "وزارة الخارجية الكويتية"),
        ("The Qatari foreign ministry condemned the raid on Tuesday.", "Qatari foreign ministry", "وزارة الخارجية القطرية"),
        ("11:40 - دعت وزارة الخارجية الكويتية مواطنيها إلى المغادرة.", "Kuwaiti foreign ministry", "وزارة الخارجية الكويتية"),
        # where the speaker was opens the sentence: the office after it still stands where a speaker stands
        ("In Tehran, Iran's foreign ministry spokesman condemned the attack.", "Iranian foreign ministry",
         "وزارة الخارجية الإيرانية"),
    ],
)
def test_an_office_and_its_country(sentence: str, en: str, ar: str) -> None:
    found = speakers.institution(sentence)
    assert found is not None
    assert (found.name("en"), found.name("ar")) == (en, ar)
    assert sentence[found.start : found.end] == found.text


@pytest.mark.parametrize(
    ("sentence", "en", "ar"),
    [
        ("ووصف رئيس الجمهورية الغارات بأنها خرق للاتفاق.", "the president", "رئيس الجمهورية"),
        ("The presidency said the talks would resume.", "the presidency", "الرئاسة"),
        # "the presidency of the republic" is the presidency
        ("وأعلنت رئاسة الجمهورية الحداد العام ثلاثة أيام.", "the presidency", "رئاسة الجمهورية"),
    ],
)
def test_an_office_that_names_no_country_is_the_office_alone(sentence: str, en: str, ar: str) -> None:
    found = speakers.institution(sentence)
    assert found is not None and found.country is None
    assert (found.name("en"), found.name("ar")) == (en, ar)


@pytest.mark.parametrize(
    "sentence",
    [
        "وقالت مصادر محلية إن الحكومة اليمنية رفضت العرض.",  # the office is spoken of, not speaking
        "He met the Egyptian president in Cairo on Monday.",
        "The governor said the roads were open.",  # of where, the phrase does not say
        "وقال الوالي إن الوضع مستقر.",
        "Residents said the army had left the town.",
    ],
)
def test_no_office_speaks(sentence: str) -> None:
    assert speakers.institution(sentence) is None


# an Arabic verb agrees with its subject: a body of the other gender right after the verb is what it acts on
@pytest.mark.parametrize(
    ("sentence", "speaks"),
    [
        ("وطالب الحكومة اللبنانية بوقف إطلاق النار فوراً.", False),  # "he called on the Lebanese government"
        ("وناشد الجيش السوداني فتح الممرات أمام المدنيين.", True),  # masculine verb, masculine body
        ("ودعت الرئيس المصري إلى التدخل لوقف القتال.", False),  # "she called on the Egyptian president"
        ("ودعت الرئاسة الفلسطينية إلى التدخل لوقف القتال.", True),
        ("وحث وزارة الخارجية العراقية على استدعاء السفير.", False),
        ("كما دانت وزارة الخارجية الأردنية القصف.", True),  # a particle before the verb
        ("وتطالب الحكومة اليمنية بدعم دولي.", True),  # a present tense: no past-tense agreement to read
    ],
)
def test_a_body_the_verb_does_not_agree_with_does_not_speak(sentence: str, speaks: bool) -> None:
    assert (speakers.institution(sentence) is not None) is speaks


def test_every_gazetteer_country_has_its_nationality() -> None:
    gazetteer = json.loads(resources.files("summarizer.data").joinpath("gazetteer.json").read_text("utf-8"))
    data = json.loads(resources.files("summarizer.data").joinpath("speakers.json").read_text("utf-8"))
    countries = {p["country"] for p in gazetteer["places"] if p.get("kind") == "country"}
    assert countries <= set(data["nationalities"])


@pytest.mark.parametrize(
    ("sentence", "party", "speaks"),
    [
        ("وقال مستشار لقائد قوات الدعم السريع إن قواته انسحبت.", "الدعم السريع", True),
        ('وتبنى تنظيم "ولاية حوران" الموالي لتنظيم الدولة الإسلامية الهجوم.', "الدولة الإسلامية", True),
        ("ووصف مسؤولون محليون الغارة بأنها رسالة من إسرائيل.", "إسرائيل", False),
        ("ووصف رئيس الحكومة القصف، في كلمة متلفزة، بأنه عدوان إسرائيلي.", "إسرائيلي", False),
        ("The Houthis said they had fired missiles at a ship.", "Houthis", True),
        ("A spokesman for Hamas said the talks had stalled.", "Hamas", True),
        ("Officials accused Hamas of breaking the truce.", "Hamas", False),
        # a live page's entry time before the verb
        ("16:20 - رحبت بعثة الأمم المتحدة بتوقف المواجهات في العاصمة.", "الأمم المتحدة", True),
        ("16:20 - Hamas said the talks had stalled.", "Hamas", True),
        # an office set beside the name that opens the sentence speaks; a noun before a comma is no name
        ("وندد أحمد الخطيب، الأمين العام للجامعة العربية، بالهجوم في بيان.", "الأمين العام للجامعة العربية", True),
        ("ووصف مسؤولون الغارة، كما وصفتها الأمم المتحدة، بأنها مجزرة.", "الأمم المتحدة", False),
    ],
)
def test_where_a_speaker_stands(sentence: str, party: str, speaks: bool) -> None:
    start = sentence.index(party)
    assert speakers.opens(sentence, start, start + len(party)) is speaks


@pytest.mark.parametrize(
    "phrase, body, expected",
    [
        ("the egyptian army said", "army", "EG"),
        ("jordan's defence ministry said", "defence ministry", "JO"),
        ("the defence ministry of turkey said", "defence ministry", "TR"),
        ("the army said", "army", None),
    ],
)
def test_country_qualifying_reads_the_country_at_a_body(phrase: str, body: str, expected: str | None) -> None:
    start = phrase.index(body)
    assert speakers.country_qualifying(phrase, start, start + len(body)) == expected


def test_country_qualifying_reads_an_arabic_adjective_or_genitive() -> None:
    for phrase, body, expected in [
        (fold("قال الجيش المصري"), fold("الجيش"), "EG"),
        (fold("أعلنت وزارة الدفاع التركية"), fold("وزارة الدفاع"), "TR"),
        (fold("قالت وزارة الصحة في الأردن"), fold("وزارة الصحة"), "JO"),
        (fold("قال الجيش إن"), fold("الجيش"), None),
    ]:
        start = phrase.index(body)
        assert speakers.country_qualifying(phrase, start, start + len(body)) == expected, phrase


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("واتهمت نقابة الأطباء الأحرار قوات الحكومة بالوقوف وراء القصف.", "نقابة الأطباء الأحرار"),
        ("فيما نفى ناطق باسم غرفة العمليات أي علاقة لقواته بالغارة.", "ناطق باسم غرفة العمليات"),
        ("من جهتها، نددت هيئة علماء المسلمين بالتفجير.", "هيئة علماء المسلمين"),
        ("The Sudanese Doctors' Union blamed the paramilitary forces for the attack.", "The Sudanese Doctors' Union"),
        ("On Sunday, the Popular Front for the Liberation of Palestine condemned the raid.",
         "the Popular Front for the Liberation of Palestine"),
        ("A spokesman for the Joint Protection Force denied any role in the strike.",
         "A spokesman for the Joint Protection Force"),
        # a department, a directorate, a society
        ("ووجهت دائرة صحة الكرخ نداءً إلى المواطنين للتبرع بالدم.", "دائرة صحة الكرخ"),
        ("The Nineveh Health Directorate appealed for blood donations.", "The Nineveh Health Directorate"),
    ],
)
def test_a_group_the_lexicon_does_not_know_speaks_where_a_speaker_stands(sentence: str, speaker: str) -> None:
    span = speakers.organisation(sentence)
    assert span is not None and sentence[span[0] : span[1]] == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Residents blamed the army for the shelling.",  # people, not a named group
        "Forces loyal to the government denied the report.",  # no capitalised name
        "The army said it had shelled the hills.",  # one word: the lexicon's to know
        "وقال الجيش إن قواته قصفت التلال.",  # no group's head word
        "ووصف الهجوم حركة فتح بأنه جبان.",  # the group is what is spoken of, after the object
    ],
)
def test_no_group_where_none_speaks(sentence: str) -> None:
    assert speakers.organisation(sentence) is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Najib Mikati declared Friday a day of national mourning.",
        "وقال رئيس حكومة تصريف الأعمال نجيب ميقاتي إن ما يجري في المخيم إساءة للبنان.",
        "Caretaker Prime Minister Najib Mikati said the fighting had to stop.",
    ],
)
def test_an_office_speaks_with_its_holder_named(sentence: str) -> None:
    office = speakers.institution(sentence)
    assert office is not None and office.body.en == "prime minister" and speakers.speaks(sentence, office)


def test_an_office_holder_who_acts_does_not_speak() -> None:
    sentence = "Prime Minister Najib Mikati visited the wounded in hospital."
    office = speakers.institution(sentence)
    assert office is None or not speakers.speaks(sentence, office)


def test_every_office_holder_is_a_known_person_of_a_known_office() -> None:
    data = json.loads(resources.files("summarizer.data").joinpath("speakers.json").read_text("utf-8"))
    bodies = {b["en"] for b in data["bodies"]}
    for h in data["holders"]:
        actor = actors.get_actor(h["actor"])
        assert actor is not None and actor.kind == "person", h
        assert h["office"] in bodies and h["country"] in data["nationalities"], h
        assert h["to"] is None or h["from"] < h["to"], h


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # the holder's name, or the office's spokesman and his name, stand between the office and its verb
        ("Jordan's foreign minister Karim Haddad said the border would stay open.", "foreign minister"),
        ("In Cairo, foreign ministry spokesman Omar Nabil condemned the shelling of the camp.", "foreign ministry"),
        ("King Abdullah condemned the bombing and ordered flags flown at half mast.", "king"),
        ("Britain's Foreign Secretary Jane Holt said the raid was a grave escalation.", "foreign secretary"),
        ("وقال العاهل الأردني في كلمة إن المملكة لن تسمح بالمساس بأمنها.", "king"),
    ],
)
def test_an_office_speaks_with_its_holder_named_before_the_verb(sentence: str, body: str) -> None:
    office = speakers.institution(sentence)
    assert office is not None and office.body.en == body


def test_an_office_followed_by_a_name_and_no_verb_of_saying_does_not_speak() -> None:
    assert speakers.institution("Troops guarded the foreign ministry building Al Nour on Sunday.") is None


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("وقال رئيس الحكومة فؤاد السنيورة في كلمة متلفزة إن الجيش انتصر.", True),
        ("وقال رئيس الحكومة اللبنانية فؤاد السنيورة إن المعركة انتهت.", True),  # an adjective, then the name
        ("وأكد رئيس الوزراء معين عبد الملك أن الوزراء بخير.", True),
        ("وقال رئيس الحكومة إن الجيش انتصر.", False),  # the office alone
        ("وقال رئيس الحكومة لدى وصوله إلى المطار إن الجيش انتصر.", False),  # when it was said, no name
        ("وقال الرئيس في كلمة متلفزة إن البلاد لن تركع.", False),
        ("Prime Minister Hani Mulki told parliament the attackers were caught.", True),
        ("The prime minister told parliament the attackers were caught.", False),
        ("Foreign ministry spokesman Bahram Qasemi condemned the attack.", True),
    ],
)
def test_holder_named_tells_a_named_official_from_an_office(sentence: str, named: bool) -> None:
    office = speakers.institution(sentence)
    assert office is not None
    assert speakers.holder_named(sentence, office) is named


@pytest.mark.parametrize(
    ("sentence", "body"),
    [
        # which of a country's governments ("the rival government"), where it sits ("in Tripoli") before its verb
        ("The rival government in Tripoli condemned the strikes as an assault on sovereignty.", "government"),
        ("The interim government described the offensive as an attempted coup.", "government"),
        ("The army in Benghazi said it had taken the port.", "army"),
    ],
)
def test_an_office_qualified_or_placed_before_its_verb_speaks(sentence: str, body: str) -> None:
    office = speakers.institution(sentence)
    assert office is not None and office.body.en == body


def test_a_governor_named_by_holder_speaks_without_a_place() -> None:
    # an office of a place speaks with its place ("محافظ مأرب") or with its holder's name
    named = speakers.institution("Governor Ali Yerlikaya condemned the bombing and said 69 people were in hospital.")
    assert named is not None and (named.body.en, named.place) == ("governor", None)
    assert speakers.institution("The governor said 69 people were in hospital.") is None
