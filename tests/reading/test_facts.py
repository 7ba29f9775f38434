"""Sentence facts: where a sentence's happening is, leaving out datelines and places inside actors' names."""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.reading import facts, mood
from summarizer.reading.text import fold

MOMENT = dt.datetime(2024, 6, 13, 12, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("sentence", "located", "region"),
    [
        (
            "SANAA, June 13 (Meridian) - The Houthis said they attacked a ship south-west of Hodeidah.",
            ["Hodeidah"],
            "hodeidah",
        ),
        ("وقالت وزارة الصحة في غزة إن 32 شخصا قتلوا في قصف على مخيم جباليا", ["مخيم جباليا"], "north-gaza"),
        ("واستدعت بغداد القائم بالأعمال الأمريكي", [], None),  # Baghdad speaks for the government
        ("ALEPPO, Syria, Nov 28 (Levant Wire) - An air strike hit al-Atarib.", ["al-Atarib"], "aleppo"),
        ("قصف مدفعي على حي الشجاعية شرق مدينة غزة", ["الشجاعية", "غزة"], "gaza"),
        ("بيروت، 23 أيلول (وكالة الساحل) - غارات عنيفة على النبطية", ["النبطية"], "nabatieh"),
        ("قتل قيادي في ضربة على سيارة في حي شرق بغداد", ["بغداد"], "baghdad"),  # a place: after شرق
        # a possessor holds the place named next: that place says where
        ("An Israeli strike hit a school in Gaza's Nuseirat camp on Thursday.", ["Nuseirat camp"], "deir-al-balah"),
        ("Shelling hit a market in Sudan's El Fasher.", ["El Fasher"], "north-darfur"),
        ("Shelling hit Aleppo's eastern districts.", ["Aleppo"], "aleppo"),  # nothing named next: the possessor
        # a capital after a locative word is where, not the government that speaks
        ("A drone strike on a vehicle in eastern Baghdad killed two commanders.", ["Baghdad"], "baghdad"),
        ("Baghdad said the strike violated Iraqi sovereignty.", [], None),
        # English "Gaza" alone is the Strip, no one governorate; Gaza City is the governorate's city
        ("Israeli strikes across Gaza killed 30 people on Monday.", ["Gaza"], None),
        ("An air strike hit a house in Gaza City on Monday.", ["Gaza City"], "gaza"),
        # a capital an attack hit is where it was, in either language
        ("Three car bombs struck central Baghdad on Wednesday, killing 20 people.", ["Baghdad"], "baghdad"),
        ("Explosions rocked Damascus before dawn.", ["Damascus"], "damascus"),
        ("قتل 40 شخصاً في سلسلة تفجيرات ضربت بغداد صباح اليوم", ["بغداد"], "baghdad"),
        ("Damascus struck back at the rebels' positions.", [], None),  # the capital before the verb speaks
    ],
)
def test_located_places_and_region(sentence: str, located: list[str], region: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert [m.text for m in f.located] == located
    assert f.region() == region
    assert [m.text for m in f.syrian_places] == [m.text for m in f.located if m.place.region is not None]


# 2024-06-13 is a Thursday
@pytest.mark.parametrize(
    ("sentence", "saying", "day"),
    [
        # the dateline's day is the report's: the happening is the body's "last night"
        ("حماة، 13 حزيران (وكالة الساحل) - قتل خمسة جنود في هجوم على حاجز مساء أمس", False, dt.date(2024, 6, 12)),
        ("HOMS, June 13 (Levant Wire) - Two soldiers were killed in an ambush on Tuesday.", False, dt.date(2024, 6, 11)),
        # a dateline alone still dates the sentence
        ("HOMS, June 12 (Levant Wire) - Two soldiers were killed in an ambush.", False, dt.date(2024, 6, 12)),
        # the day of the saying dates the statement; the other day the happening reported
        ("The army said on Thursday that a drone had struck a depot on Tuesday.", False, dt.date(2024, 6, 11)),
        ("The army said on Thursday that a drone had struck a depot on Tuesday.", True, dt.date(2024, 6, 13)),
        ("وقال الجيش في بيان اليوم الخميس إن غارة أصابت مخزناً أمس الأربعاء", False, dt.date(2024, 6, 12)),
        ("وقال الجيش في بيان اليوم الخميس إن غارة أصابت مخزناً أمس الأربعاء", True, dt.date(2024, 6, 13)),
        # one date only: it dates whatever the sentence reports
        ("The army said on Wednesday that a drone had struck a depot.", False, dt.date(2024, 6, 12)),
    ],
)
def test_event_date_skips_datelines_and_days_of_saying(sentence: str, saying: bool, day: dt.date) -> None:
    assert facts.read(sentence, MOMENT).event_date(MOMENT, saying=saying)[0] == day


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("ونزحت عشرات العائلات من القرى الحدودية نحو المدينة", "displacement"),
        ("وفر آلاف المدنيين من الحي باتجاه الشمال", "displacement"),
        ("Hundreds of families were fleeing the eastern districts on foot.", "displacement"),
        ("Residents sought shelter in schools in the city centre.", "displacement"),
        ("وفر الدفاع المدني سيارات إسعاف للمستشفى", None),  # وفّر: provided, not fled
        ("The navy moved its fleet to the port.", None),
        ("Army units regained control of the river crossing on Monday.", "control_change"),
        ("Two mortar shells landed near the clinic, witnesses said.", "strike"),
        ("سقطت قذائف على حي سكني في المدينة", "strike"),
        # a command-and-control centre is no change of control
        ("وقال الجيش إن المبنى كان يضم مركز قيادة وسيطرة تابعاً للحركة", None),
        ("The army said the building housed a command and control centre.", None),
    ],
)
def test_displacement_cues(sentence: str, kind: str | None) -> None:
    assert facts.event_type_of(sentence) == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("استشهد خمسة مواطنين برصاص قوات الاحتلال في مخيم نور شمس", "casualties"),
        ("وارتقى ثلاثة شبان في بلدة قباطية جنوب جنين", "casualties"),
        ("Four men were martyred near the camp entrance, the local council said.", "casualties"),
        ("Rebels said they had taken the towns of Kafr Nubl and Hass by nightfall.", "control_change"),
        ("The fighters began to enter the city of Homs from the north.", "clash"),  # under way, not planned
        ("نصب مسلحون كميناً لدورية على طريق القرية", "clash"),
        ("The Houthis said they had fired drones at the port of Ashdod.", "strike"),
        ("وأجلت فرق الإسعاف عشرات العائلات من الحي المحاصر", "displacement"),
        ("Rescuers evacuated dozens of families from the besieged quarter on Monday.", "displacement"),
        ("واندلع اقتتال بين فصيلين في ريف المدينة", "clash"),
        ("The army said its troops retreated from the ridge on Monday.", "withdrawal"),
        ("وقالت مصادر إن رتلاً للمسلحين عاد أدراجه بعد وصوله إلى أطراف البلدة", "withdrawal"),
        ("Police fired tear gas at stone-throwing youths in the city centre.", "other"),
        ("The migration agency said 2,000 people had reached Kosti from the south since Sunday.", "displacement"),
        ("Six members of one family died when a shell hit their house in Kadugli.", "strike"),
        ("The army said its aircraft had targeted a rocket launcher near the border town.", "strike"),
        ("The military said it was striking militant positions around the port on Sunday.", "strike"),
        ("The army said the border town had been cleared of militants by the afternoon.", "control_change"),
    ],
)
def test_happenings_in_other_words(sentence: str, kind: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.event_type, f.mood) == (kind, "happening")


def test_a_plan_to_enter_is_still_a_plan() -> None:
    assert facts.read("The army plans to enter the city of Homs next week.", MOMENT).event_type is None


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        # a recent span with a figure: the day's cumulative count, dated on the report's day
        ("The clinic said it had received more than 90 wounded people since Tuesday.", False),
        ("وقال المستشفى إنه استقبل 40 جريحاً منذ يوم الاثنين", False),
        # a span of months within the year: the day's count too; one reaching into an earlier year: the war's
        ("More than 2,000 people have been killed since February 3, the ministry says.", False),
        ("More than 2,000 people have been killed since October 2023, the ministry says.", True),
        ("Medics said more than 60 people had been killed since the assault began on Tuesday.", False),
    ],
)
def test_cumulative_counts_over_recent_spans(sentence: str, background: bool) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.is_background(MOMENT) is background
    if not background:
        assert f.cumulative
        assert f.event_date(MOMENT)[0] == MOMENT.date()


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("قال الجيش إن قواته دخلت البلدة، ونفى أن يكون قد قصف المدنيين.", 2),
        ("Rebels entered the town, and hundreds of families fled south.", 2),
        ("Jets struck the suburbs overnight, sending thousands to seek shelter.", 2),
        ("قصفت المدفعية حي الشجاعية فيما اشتبك مقاتلون مع القوات في جباليا", 2),
        ("Strikes hit Khan Younis, Rafah and Deir al-Balah on Tuesday.", 1),  # a list, not a second report
        ("قتل 4 مدنيين وأصيب 20 آخرون في مدينة إدلب", 1),
        # "كما" adds a report; "كما قال" / "كما أن" are how it was said, no second report
        ("أصيب شرطي برصاصة قرب الحاجز، كما سقطت قذيفتان على سوق البلدة", 2),
        ("قتل ثلاثة مدنيين في القصف، كما قال المرصد.", 1),
        # "قبل أن": what came after is a report of its own
        ("اندلعت المواجهات في ذيبان والبصيرة، قبل أن تعلن قسد يوم الأربعاء عزل قائد المجلس", 2),
        # "بعد ساعات من": an earlier happening of the same day, unless it is the beginning of the one told
        ("اندلعت الاشتباكات قرابة منتصف الليل، بعد ساعات من احتجاز الردع آمر اللواء في مطار معيتيقة", 2),
        ("قتل عشرة جنود في الهجوم، بعد ساعات من بدء عملية عسكرية واسعة في المنطقة", 1),
    ],
)
def test_clauses_split_where_a_second_report_is_joined(sentence: str, parts: int) -> None:
    spans = facts.clauses(sentence)
    assert len(spans) == parts
    assert spans[0][0] == 0 and spans[-1][1] == len(sentence)
    assert all(a < b for a, b in spans)


@pytest.mark.parametrize(
    "text",
    [
        "وبدأت الفصائل هجومها على ريف حلب منذ يوم الأربعاء الماضي.",
        "اندلعت الاشتباكات في محيط البلدة منذ الأربعاء.",
        "The offensive on the Aleppo countryside began since Wednesday, the monitor said.",
    ],
)
def test_since_after_a_verb_of_beginning_dates_the_beginning(text: str) -> None:
    published = dt.datetime(2024, 12, 1, 12, 0, tzinfo=dt.UTC)  # a Sunday
    f = facts.read(text, published)
    assert not f.is_background(published)
    assert f.event_date(published)[0] == dt.date(2024, 11, 27)


def test_since_without_a_verb_of_beginning_stays_a_span() -> None:
    published = dt.datetime(2024, 12, 1, 12, 0, tzinfo=dt.UTC)
    assert [d.kind for d in facts.read("وقتل 327 شخصا منذ الأربعاء في إدلب", published).dates] == ["since"]


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("QUITO, April 16 (Jordan Valley Wire) - The government ordered power cuts across the country.", []),
        ("MANILA, March 3 (Beirut Morning Post) - Typhoon winds cut power to the capital.", []),
        ("بيروت، 23 أيلول (وكالة أنباء دمشق) - غارات على النبطية", ["بيروت", "النبطية"]),
        ("بيروت، 23 أيلول (وكالة الأنباء الأردنية) - غارات على النبطية", ["بيروت", "النبطية"]),
        ("ALEPPO, Syria, Nov 28 (Gaza Wire) - An air strike hit al-Atarib.", ["ALEPPO", "Syria", "al-Atarib"]),
    ],
)
def test_an_outlets_name_in_a_dateline_names_no_place(sentence: str, places: list[str]) -> None:
    found = facts.SentenceFacts(sentence, MOMENT).places
    assert [sentence[p.start : p.end] for p in found] == places


@pytest.mark.parametrize(
    ("sentence", "toll_of", "told_again"),
    [
        ("وقالت المصادر إن سبعة أشخاص قتلوا في المعارك، بينهم امرأة", "clash", True),
        ("At least nine people were killed in the fighting, residents said.", "clash", True),
        ("وقتل أربعة مدنيين في الاشتباكات التي استمرت حتى الفجر", "clash", True),
        # a toll of the strikes told is the strike itself, told again
        ("Six people died in the shelling, a medic said.", None, True),
        ("قتل خمسة أشخاص في معارك عنيفة قرب البلدة", None, False),  # fighting told for the first time
        ("Five fighters were killed in clashes near the village.", None, False),
        ("أصيب ثلاثة أشخاص بجروح", None, False),
    ],
)
def test_a_toll_of_a_happening_already_told(sentence: str, toll_of: str | None, told_again: bool) -> None:
    f = facts.read(sentence, dt.datetime(2024, 8, 12, 12, tzinfo=dt.UTC))
    assert f.toll_of == toll_of
    assert f.told_again is told_again


@pytest.mark.parametrize(
    ("text", "cumulative"),
    [
        # a superlative before "since" compares: the toll is the day's report of one strike
        ("The shelling of the market on Saturday killed 40 people, the deadliest attack on the city in months "
         "and the worst since January.", False),
        ("قتل 40 شخصاً في قصف السوق يوم السبت، في واحد من أعنف الهجمات على المدينة منذ أشهر.", False),
        # a count over a span is cumulative, "most of" notwithstanding
        ("Most of the 130 people killed since Friday were civilians, the ministry said.", True),
        ("قتل 130 شخصاً منذ يوم الجمعة بحسب الوزارة.", True),
    ],
)
def test_since_after_a_superlative_compares_and_counts_no_span(text: str, cumulative: bool) -> None:
    published = dt.datetime.fromisoformat("2025-02-03T12:00:00+02:00")
    assert facts.read(text, published).cumulative is cumulative


@pytest.mark.parametrize(
    ("text", "cumulative", "day", "killed"),
    [
        # "more than N" is a count, not a superlative: the span is the toll's
        ("وقال مسعفون إن أكثر من 150 شخصاً قُتلوا منذ بدء الهجوم يوم الخميس على البلدة", True, "2025-02-03", 150),
        # the running total a clause raises counts over its span; the happening is the day's
        ("The army said three of its soldiers were killed near the border on Saturday, bringing to 52 the number "
         "of troops killed since the start of the operation.", False, "2025-02-01", 3),
        ("The army said four soldiers were killed on Saturday, raising its death toll since the war began to 60.",
         False, "2025-02-01", 4),
        ("وقال الجيش إن ثلاثة جنود قتلوا في اشتباكات يوم السبت، ليرتفع عدد قتلاه منذ بدء العملية إلى 40", False,
         "2025-02-01", 3),
        # a raised toll with no span is the happening's new total
        ("توفي جريح متأثراً بإصابته، ما يرفع حصيلة القصف إلى 12 قتيلاً", False, "2025-02-03", 12),
    ],
)
def test_a_span_in_a_raised_total_is_not_the_happenings(text: str, cumulative: bool, day: str, killed: int) -> None:
    published = dt.datetime.fromisoformat("2025-02-03T12:00:00+02:00")
    f = facts.read(text, published)
    assert (f.cumulative, str(f.event_date(published)[0]), f.killed) == (cumulative, day, killed)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        # a part of the count names no place of the whole
        ("Israeli strikes killed 23 people across the Gaza Strip overnight, including 9 in Rafah.", None),
        ("قتلت غارات إسرائيلية 23 شخصاً في أنحاء قطاع غزة ليلاً، بينهم 9 في رفح.", None),
        # with no other place, the part's place is all the sentence has
        ("Israeli strikes killed 23 people overnight, including 9 in Rafah.", "rafah"),
        # a place that is not a part of a count stays
        ("Israeli strikes on Rafah killed 23 people overnight, including nine children.", "rafah"),
    ],
)
def test_a_place_of_part_of_a_count_is_not_the_place_of_the_whole(text: str, region: str | None) -> None:
    published = dt.datetime.fromisoformat("2024-06-12T08:00:00+03:00")
    assert facts.read(text, published).region() == region


@pytest.mark.parametrize(
    ("text", "day", "dated"),
    [
        # a day told of something else, in a relative clause, does not date the happening
        ("Fighting in Sweida is the gravest test for the government that took power in December.", "2025-07-18", False),
        ("تشكل الاشتباكات في السويداء أخطر اختبار للحكومة التي تسلمت السلطة في كانون الأول.", "2025-07-18", False),
        # a relative clause that tells the happening, or a day outside the clause, still dates it
        ("The strike that hit the market on Monday killed six people.", "2025-07-14", True),
        ("Israel, which says it will protect the Druze, struck Damascus on Wednesday.", "2025-07-16", True),
    ],
)
def test_a_day_in_a_relative_clause_about_something_else_does_not_date_the_happening(
    text: str, day: str, dated: bool
) -> None:
    published = dt.datetime.fromisoformat("2025-07-18T10:00:00+03:00")
    found, _, said = facts.read(text, published).event_date(published)
    assert (found.isoformat(), said) == (day, dated)


def test_a_dateline_s_date_is_when_it_was_filed_and_a_relative_clause_s_antecedent_is_read_whole() -> None:
    published = dt.datetime(2013, 5, 12, 13, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    f = facts.read(
        "REYHANLI, Turkey, May 12 (Amanos Wire) - The death toll from two car bombs that tore through the centre of "
        "this border town on Saturday rose to 46, officials said on Sunday.",
        published,
    )
    assert "May 12" not in [d.text for d in f.dates]
    assert f.event_date(published)[0] == dt.date(2013, 5, 11)  # the bombs' day, told in the clause about them


@pytest.mark.parametrize(
    ("sentence", "mood"),
    [
        # how a reporter reached a source is no call between parties
        ("Residents reached by telephone said clashes were continuing near the town's northern entrance.", "happening"),
        ("The two presidents discussed the fighting in a telephone call on Monday.", "diplomacy"),
        ("Our units hold the bridge, a spokesman for the brigades said by telephone.", "happening"),
        # quoted words joined by "until" are one planned advance, not a liberation under way (invented)
        ('وقال قائد في الفصائل في كلمة مصوّرة إن مقاتليه "سيواصلون التقدم" حتى "تحرير" كامل ريف حماة', "plan"),
        ("وقالت الفصائل إنها تتقدم حتى السيطرة على البلدة", "happening"),  # under way
        # a past perfect backshifted by a saying at the sentence's end is reported, not background
        ("At least 50 fighters had been killed over the past two days, medical sources in the city said.", "happening"),
        ("The rebels had captured the town in 2016, long before the truce.", "background"),
        # a count of attacks over the first week of a season is a tally of the past, not a happening
        ("Settlers carried out more than 40 attacks in the first week of the olive harvest, the UN said.", "background"),
        ("نفذ مستوطنون أكثر من 40 هجوماً خلال الأسبوع الأول من موسم قطف الزيتون.", "background"),
        # what commanders expect to do next, however far its trigger stands
        ("Commanders said they expected to push next towards hills that overlook the main artillery positions.", "plan"),
        # a truce announced is talks concluded; a call for one is a statement
        ("وأعلن المجلس الرئاسي مساء الثلاثاء وقفاً لإطلاق النار في المدينة", "diplomacy"),
        ("The presidential council declared a ceasefire in the capital on Tuesday.", "diplomacy"),
        ("ودعت البعثة الأممية إلى وقف لإطلاق النار في المدينة", "statement"),
        # a summons in the present of a live blog, a truce plan handed over
        ("The foreign ministry summons the Turkish ambassador over the raid.", "diplomacy"),
        ("The envoy handed the speaker of parliament a draft ceasefire proposal on Monday.", "diplomacy"),
        # a rejection is a position, and so is a name given to what another said or did
        ("ورفض زعيم الطائفة الاتفاق في كلمة مصورة", "statement"),
        ("The government called the remarks a declaration of war on Sunday.", "statement"),
        # a truce announced since noon today is the day's news, not background
        ("يسود هدوء حذر المدينة منذ ظهر اليوم بعد أن أعلن المجلس وقفاً لإطلاق النار", "diplomacy"),
        # an accusation of a counted killing reports the deaths, as the accusers tell them
        ("واتهم ناشطون عناصر مسلحة بقتل تسعة مدنيين في قرية قرب الحدود ليل الاثنين", "happening"),
        ("Residents accused soldiers of killing four men at a checkpoint on Monday.", "happening"),
        ("Turkey accused the militia of driving villagers from their homes.", "statement"),
        # what a happening already told was, in a speaker's words: no report of it
        ("The group says its attacks are in solidarity with the people of the besieged city.", "statement"),
        ("وتقول الجماعة إن هجماتها تأتي تضامناً مع سكان المدينة المحاصرة.", "statement"),
        # shock, regret or an urging expressed is a position
        ('وعبّر المفوض الأممي عن "صدمته" من قصف المستشفى، وحث الطرفين على حماية المدنيين.', "statement"),
        # a position held for long, a war-long toll with no figure: the story's background
        ("Baghdad has long said it will not let the militia hold the crossing.", "background"),
        # mourning declared is a position (evals/conventions.md), whoever was mourned
        ("وأعلن رئيس الوزراء الحداد الرسمي ثلاثة أيام على أرواح ضحايا التفجير.", "statement"),
        ("The prime minister declared Sunday a day of national mourning for the victims.", "statement"),
        # words said on record that tell no happening are a statement; an account of one stays the happening
        ("قال الأمين العام للحزب في بيان إن الحزب سيواصل عملياته حتى وقف الحرب.", "statement"),
        ("The interim president said in a speech that those who harmed civilians would be held accountable.", "statement"),
        ("The army said in a statement that its forces had captured the town of Kafr Nabl.", "happening"),
        # a happening told, then what it is called: a name given to it, no report of a massacre
        ('Hamas said in a statement that the strikes were a "massacre" and called on Arab states to act.', "statement"),
        ('ووصفت الحركة القصف بأنه "مجزرة مروعة" ودعت الدول العربية إلى التحرك.', "statement"),
        # on record before a parliament, to reporters, in a post or a briefing; who attacked is no attack told
        ("The prime minister told parliament that the attackers were citizens of the kingdom, without naming a group.", "statement"),
        ("The foreign minister told reporters that the embassy would stay open.", "statement"),
        ("وقال وزير الداخلية أمام البرلمان إن الحكومة لن تتهاون مع الإرهاب.", "statement"),
        ("وكتب رئيس الحكومة في تغريدة أن بلاده لن تقبل بأي تسوية على حساب سيادتها.", "statement"),
        # an appeal is a call on someone; an order to investigate is a position
        ("وناشدت وزارة الصحة المنظمات الدولية إدخال الوقود إلى المستشفيات فوراً.", "statement"),
        ("The health ministry appealed for blood donations on Tuesday evening.", "statement"),
        ("وأمر النائب العام بفتح تحقيق عاجل في الانفجار.", "statement"),
        # a demand on a party is a position; what an operation was for is no happening yet
        ("The envoy said the militia must pull its fighters out of the city.", "statement"),
        ("The minister said the operation aimed to stop rocket attacks on the border towns.", "plan"),
        ("Rights groups say government air raids have killed thousands of civilians since the uprising.", "background"),
        # what is expected or set to happen, a word of it in quotes or not
        ('ومن المنتظر أن يعلن المجلس "التحرير الكامل" للبلاد من بنغازي خلال أيام', "plan"),
        ("ومن المقرر أن تنسحب القوات من البلدة يوم الجمعة", "plan"),
        ("Government troops are poised to enter the town within days.", "plan"),
        # a happening set against all before it frames the news; "for the first time" still reports it
        ("It was the first time Iran had attacked Israel directly from its own territory.", "background"),
        ("وهي المرة الأولى التي تهاجم فيها إيران إسرائيل مباشرة من أراضيها.", "background"),
        ("For the first time, troops entered the town on Monday.", "happening"),
        # an ambassador recalled or expelled, ties cut: diplomacy
        ("South Africa says it has recalled its ambassador to Israel until further notice.", "diplomacy"),
        ("وأعلن الرئيس قطع العلاقات الدبلوماسية مع الدولة الجارة.", "diplomacy"),
    ],
)
def test_how_a_sentence_reports_calls_sayings_and_plans(sentence: str, mood: str) -> None:
    assert facts.read(sentence, MOMENT).mood == mood


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # what a happening already told was, in a speaker's words ("were a ...", "are part of"): no report of it
        ("The minister said the raids were \"a grave escalation\" by the militia.", None),
        ("A spokesman said the shelling was part of a campaign to empty the district.", None),
        # what it did is reported
        ("The raids were carried out at dawn on Tuesday, killing four people.", "strike"),
        ("The shelling was heard across the city on Monday night.", "strike"),
        # what a strike is called after "بأنه"; "بأنها" after a verb of saying opens what was reported
        ('ووصفت الحركة القصف بأنه "عدوان سافر" على المدنيين.', "strike"),
        ("وأفادت الشرطة بأنها اعتقلت منذ أمس أكثر من 300 من عناصر الحركة في أحياء المدينة.", "other"),
    ],
)
def test_a_happening_said_to_be_something_is_no_report_of_it(sentence: str, kind: str | None) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "mood", "kind"),
    [
        # crossing a border and leaving a pocket are flight
        ("وعبر آلاف السكان الحدود إلى بلدة حدودية خلال اليومين الماضيين.", "happening", "displacement"),
        ("وقالت منظمات إغاثة إن نحو 20 ألف شخص خرجوا من الجيب منذ مطلع الشهر.", "happening", "displacement"),
        ("Thousands of refugees have crossed into Chad since Sunday.", "happening", "displacement"),
        # a town spelled like "cup" (كاس / كأس) is no football; a cup final is
        ("وفرت مئات الأسر من الأحياء الجنوبية نحو مدينة كاس.", "happening", "displacement"),
        ("وتوج المنتخب بكأس آسيا بعد مباراة مثيرة.", "off_topic", None),
    ],
)
def test_flight_across_a_border_and_a_town_named_like_a_cup(sentence: str, mood: str, kind: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.mood, f.event_type) == (mood, kind)


@pytest.mark.parametrize(
    ("sentence", "mood", "kind"),
    [
        # a word of another story in a report of fighting: the fighting is what the sentence reports
        ("Israeli army shelling hit the municipal stadium where displaced families were sheltering.", "happening", "strike"),
        ("وسيطر الجيش السوداني على معسكر يضم مئات المقاتلين المدربين قرب البلدة.", "happening", "control_change"),
        # with no party named, a word of another story outweighs an idiom ("heavy snow cut off roads")
        ("Heavy snow cut off roads in the north on Sunday.", "off_topic", "control_change"),
        # a toll in a story of floods or a quake stays off topic: tolls are told of both
        ("Floods killed at least 12 people in the valley on Sunday.", "off_topic", "casualties"),
        ("The striker scored twice as the home side beat the visitors in the league match.", "off_topic", None),
        # a weather report: readings and heat illness are another story
        ("وأفادت الأرصاد الجوية بأن الحرارة لامست 50 درجة مئوية في الجنوب أمس.", "off_topic", None),
        ("ونقل عشرات العمال إلى المستشفيات بعد إصابتهم بضربات شمس.", "off_topic", None),
        ("Temperatures reached 49 degrees Celsius in the capital on Sunday.", "off_topic", None),
    ],
)
def test_fighting_is_on_topic_whatever_other_words_it_uses(sentence: str, mood: str, kind: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.mood, f.event_type) == (mood, kind)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # "the advance" is a noun the strikes act on; the Arabic masdar with ال reports a capture
        ("Coalition air strikes have slowed the advance south of the city.", "strike"),
        ("أعلنت الفصائل السيطرة على مطار حلب بعد معارك عنيفة.", "control_change"),
        ("Fighters captured the town after heavy clashes.", "control_change"),
    ],
)
def test_a_capture_named_as_a_noun_does_not_outrank_the_happening(sentence: str, kind: str) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


def test_a_count_of_strikes_over_recent_days_is_the_days_report() -> None:
    moment = dt.datetime(2015, 3, 31, 12, tzinfo=dt.UTC)
    recent = facts.read("The coalition said its aircraft had carried out 17 air strikes around the city since last Wednesday.", moment)
    assert recent.cumulative and not recent.is_background(moment)
    old = facts.read("The coalition said its aircraft had carried out 1,700 air strikes in Iraq since August 2014.", moment)
    assert old.is_background(moment)


def test_a_happening_named_as_a_possessor_is_no_report() -> None:
    f = facts.read("Foreign advisers were photographed at the front in the offensive's early days.", MOMENT)
    assert f.event_type is None
    assert facts.read("The offensive began on Wednesday.", MOMENT).event_type == "clash"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # "any advance" is a hypothetical one, not a report
        ("The president told troops that any advance on the city would be a red line.", None),
        ("Israeli jets struck the town on Friday, killing any fighters left inside.", "strike"),
    ],
)
def test_any_happening_is_hypothetical(sentence: str, kind: str | None) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # who holds a place, in a relative clause: no capture
        ("ويرى محللون أن ذلك قد يفتح مواجهة مع الجهاز الذي يسيطر على مطار العاصمة.", None),
        # the government was told "in advance": no advance
        ("The prime minister said the government had not been told of the operation in advance.", None),
        # a capture told in the present of a headline is still one
        ("الفصائل تسيطر على مدينة حلب", "control_change"),
        # weapons seized are no capture; a deadlock or a deadline counts no dead
        ("The army said it had seized hundreds of weapons near the town.", None),
        ("The talks on the town reached a deadlock on Monday.", None),
        ("A deadline for the fighters to leave the town expired.", None),
    ],
)
def test_holding_a_place_and_in_advance_are_no_capture(sentence: str, kind: str | None) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "parts"),
    [
        ("Strikes killed 48 people across Lebanon, the ministry said, as Hezbollah fired a missile at Tel Aviv.", 2),
        ("Shelling killed five people, as well as two soldiers.", 1),
        ("The army advanced, as expected, into the town.", 1),
    ],
)
def test_as_joins_a_report_told_alongside(sentence: str, parts: int) -> None:
    assert len(facts.clauses(sentence)) == parts


def test_a_span_since_earlier_today_is_no_background() -> None:
    moment = dt.datetime(2025, 5, 14, 16, tzinfo=dt.UTC)
    calm = facts.read("يسود هدوء حذر أحياء العاصمة منذ ظهر اليوم بعد أن أعلن المجلس وقفاً لإطلاق النار", moment)
    assert not calm.is_background(moment)
    friday = dt.datetime(2025, 5, 16, 16, tzinfo=dt.UTC)  # Wednesday was two days before
    assert facts.read("Families have fled the villages around the town since Wednesday.", friday).is_background(friday)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # killed in fighting, a later missile part of it: no strike's toll
        ("أعلن الجيش مقتل 13 من جنوده في اشتباكات داخل الحي، بينهم سبعة قتلوا حين أصاب صاروخ مدرعة.", "casualties"),
        # a toll of a strike stays the strike
        ("قتل خمسة أشخاص بغارة جوية استهدفت منزلاً في البلدة.", "strike"),
        ("Lebanese troops fought militants in and around the town of Arsal on Monday.", "clash"),
        ("قالت القيادة العامة للجيش إن وحداتها أعادت التموضع خارج مدينة حماة.", "withdrawal"),
        ("The army said its units had repositioned outside the city of Hama.", "withdrawal"),
    ],
)
def test_the_happening_a_sentence_reports_is_its_kind(sentence: str, kind: str) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "own"),
    [
        ("أعلن الجيش الإسرائيلي مقتل 13 من جنوده في اشتباكات داخل الحي.", False),  # who it lost, not what it did
        ("The Israeli military said two of its soldiers were killed in southern Lebanon.", False),
        ("The army said the death toll among its soldiers had risen to 14.", False),
        ("وأعلن الجيش ارتفاع حصيلة القتلى في صفوف جنوده إلى 14.", False),
        ("قال الجيش إن قواته صدت هجوماً على مواقعه.", True),
        ("The army said its troops had repelled an attack on the town.", True),
        # what "it", the attack told, showed: no act of the speaker's
        ("Hamas called the attack a massacre and said it showed that Israel did not want a truce.", False),
        ("Hamas said it fired rockets at Ashkelon.", True),
    ],
)
def test_a_partys_own_people_counted_dead_are_no_account_of_its_own_act(sentence: str, own: bool) -> None:
    assert (facts.read(sentence, MOMENT).own_account is not None) == own


@pytest.mark.parametrize(
    ("sentence", "counted"),
    [
        # a campaign-long count within the year is the day's count, dated on the day it is reported
        ("Since 1 August, at least 112 civilians have been killed in North Kordofan, health authorities said.", True),
        ("The agency says about 42,000 people have been displaced in North Kordofan since 1 August.", True),
        ("وقالت منظمات إغاثة إن نحو 63 ألف شخص خرجوا من الجيب منذ آب الماضي.", True),
        # a war-long toll a named source gives is its report of the day (evals/conventions.md, "Running
        # tolls"); one no one is said to give, and a campaign going on, are background
        ("The health ministry says more than 38,000 people have been killed in Gaza since October 2023.", True),
        ("وأعلنت وزارة الصحة أن عدد القتلى منذ بدء الحرب في تشرين الأول 2023 بلغ 41 ألفاً.", True),
        ("More than 38,000 people have been killed in Gaza since October 2023.", False),
        ("ويقدر عدد القتلى منذ بدء الحرب بأكثر من 41 ألفاً.", False),
        ("وتشن القوات منذ الرابع من آب هجوماً على المدينة، أوقع أكثر من ألف قتيل بحسب منظمة الصحة.", False),
    ],
)
def test_a_count_over_a_span_of_weeks_is_the_days_count(sentence: str, counted: bool) -> None:
    moment = dt.datetime(2024, 9, 12, 18, tzinfo=dt.UTC)
    f = facts.read(sentence, moment)
    assert (not f.is_background(moment) and f.event_type in ("casualties", "displacement")) == counted
    if counted:
        assert f.event_date(moment)[0] == dt.date(2024, 9, 12)


@pytest.mark.parametrize(
    ("sentence", "since"),
    [
        ("وبذلك ترتفع حصيلة الشهداء منذ بدء العدوان في الثامن من تموز الجاري إلى 425 شهيداً.", dt.date(2024, 7, 8)),
        ("Medics said 60 people had been killed since the assault began on Tuesday.", dt.date(2024, 7, 16)),
        ("At least 255 people have been killed since the start of the offensive on 15 July.", dt.date(2024, 7, 15)),
    ],
)
def test_the_day_a_span_began_is_no_day_of_the_report(sentence: str, since: dt.date) -> None:
    # "منذ بدء العدوان في الثامن من تموز": the day the war began; the running total is the day's count
    moment = dt.datetime(2024, 7, 20, 12, tzinfo=dt.UTC)
    f = facts.read(sentence, moment)
    assert [(d.kind, d.date) for d in f.dates] == [("since", since)]
    assert f.cumulative and not f.is_background(moment)
    assert f.event_date(moment)[0] == dt.date(2024, 7, 20)


@pytest.mark.parametrize(
    ("sentence", "where"),
    [
        ("At least 50 fighters were killed in Mokha over two days, medical sources in Aden said.", ["Mokha"]),
        ("وقالت مصادر طبية في عدن إن 50 مقاتلاً قتلوا في المخا خلال يومين.", ["المخا"]),
        # nor when it is the only place named: the sentences around it say where
        ("At least 50 fighters were killed over two days, medical sources in Aden said.", []),
        ("Militiamen said they had entered the eastern districts first, a claim officials in Erbil rejected.", []),
        ("وقتل 12 مسلحاً في الاشتباكات، بحسب مسؤولين في أربيل.", []),
    ],
)
def test_where_a_source_is_is_no_place_of_the_happening(sentence: str, where: list[str]) -> None:
    assert [p.text for p in facts.read(sentence, MOMENT).located] == where


@pytest.mark.parametrize(
    "sentence",
    [
        "Jets struck the port in response to rocket fire from the south on Sunday.",
        "وشنت الطائرات غارات على الميناء رداً على إطلاق صواريخ من الجنوب",
    ],
)
def test_what_a_happening_answers_is_its_context(sentence: str) -> None:
    *reported, answered = facts.triggers(fold(sentence))
    assert answered.context and not any(t.context for t in reported)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # who enters without taking the place: a delegation, a team; aid that enters is a delivery
        ("A delegation of tribal elders entered the town on Sunday to mediate between the two sides.", None),
        ("Dozens of aid trucks entered the enclave through the southern crossing on Monday.", "other"),
        ("دخلت قافلة مساعدات أممية إلى البلدة المحاصرة صباح اليوم.", "other"),
        ("ودخل وفد من الوجهاء إلى المدينة للتفاوض على تسليمها.", None),
        # people taken are no place taken
        ("The group demanded the release of the captured policemen.", None),
        ("Gunmen seized three soldiers at a checkpoint near the border.", None),
        # troops who enter, and a town seized, still are
        ("Government troops entered the town on Sunday after the militants pulled out.", "control_change"),
        ("ودخلت قوات الجيش إلى المدينة صباح اليوم.", "control_change"),
        ("The militia seized two villages near the border on Monday.", "control_change"),
    ],
)
def test_who_enters_and_what_is_taken_make_a_capture(sentence: str, kind: str | None) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # aid that enters a place amid fighting is a delivery (an 'other' happening), not a capture
        ("A convoy of nine trucks carrying flour and fuel entered the besieged town on Sunday.", "other"),
        ("ودخلت قافلة مساعدات إلى المدينة المحاصرة عبر الطريق الجديد.", "other"),
        # a convoy is a reinforcement only when it carries troops; one looted is looting, an act of force that
        # a report of fighting makes news ('other', events.json conflict_only), never a reinforcement
        ("A convoy of about 40 trucks was looted near the crossing on Monday.", "other"),
        ("A military convoy reached the front line on Monday.", "reinforcement"),
        # troops meeting little resistance hold no meeting
        ("Fighters pushed into the town on Friday, meeting little resistance.", "control_change"),
    ],
)
def test_convoys_deliveries_and_resistance(sentence: str, kind: str | None) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("text", "background", "killed"),
    [
        # a raised running total that is the sentence, its span this year and a day of a month inside: the
        # day's count, whatever "since the outbreak" says
        ("وبذلك ترتفع حصيلة قتلى الجيش منذ اندلاع المعارك في 12 آذار الماضي إلى 97 عسكرياً.", False, 97),
        ("With that, the army's death toll since the fighting broke out on 12 March rose to 97 soldiers.", False, 97),
        # a war's toll since a day of an earlier year is the war's, not the day's
        ("وتسببت الحرب المندلعة منذ 3 أيلول 2023 في مقتل أكثر من 9 آلاف شخص ونزوح مليونين.", True, 9000),
    ],
)
def test_a_raised_total_of_this_year_is_the_days_and_a_war_long_one_is_not(
    text: str, background: bool, killed: int
) -> None:
    published = dt.datetime.fromisoformat("2025-06-10T12:00:00+03:00")
    f = facts.read(text, published)
    assert (f.is_background(published), f.killed) == (background, killed)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # what holds only unless something happens is no happening
        ("وقال القائد إنه لا هدنة ما لم تنسحب القوات من المدن.", None),
        # a wave of attacks over the past two years is the city's background
        ("The city has been hit by a wave of bombings targeting judges over the past two years.", None),
        ("وشهدت المدينة موجة من التفجيرات خلال العامين الماضيين.", None),
    ],
)
def test_conditions_and_long_spans_report_no_happening(sentence: str, kind: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert (None if f.is_background(MOMENT) or f.mood != "happening" else f.event_type) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts said the limited reach of the raids could leave room for the other side to hold back.",
        "Military analysts say control of the hill would give the army a view over the whole valley.",
        "ويرى محللون أن مقتل القائد يفتح الباب أمام صراع على النفوذ داخل الجماعة.",
    ],
)
def test_commentators_readings_are_no_event(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).mood == "plan"


@pytest.mark.parametrize(
    ("sentence", "kind", "killed"),
    [
        # deaths from hunger in a war are its toll; hunger or an illness alone is not
        ("Health officials said four infants had died of malnutrition at the city's hospital this week.", "casualties", 4),
        ("وتوفي ثلاثة أطفال بسبب سوء التغذية في مستشفى المدينة.", "casualties", 3),
        ("يعاني آلاف الأطفال من سوء التغذية في المخيمات.", None, None),
        ("The former minister died of a heart attack at the age of 80.", None, None),
    ],
)
def test_deaths_from_hunger_are_a_toll(sentence: str, kind: str | None, killed: int | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.event_type, f.killed if kind else None) == (kind, killed)


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # a call said as "spoke by phone"; flights halted and airspace shut amid fighting
        ("The president spoke by phone on Thursday with the emir of the neighbouring state.", "diplomacy"),
        ("The city's airport suspended all flights on Friday until further notice.", "other"),
        ("وأعلنت السلطات تعليق الرحلات في مطار المدينة حتى إشعار آخر.", "other"),
        # a body, remains or a mass grave found is a happening of its own
        ("وأعلن مصدر أمني العثور على جثة يرجح أنها لقائد المجموعة.", "other"),
        ("Residents said they found the remains of about 30 people in a mass grave near the village.", "other"),
    ],
)
def test_calls_by_phone_flights_halted_and_bodies_found(sentence: str, kind: str) -> None:
    assert facts.read(sentence, MOMENT).said_type == kind


def test_a_day_after_the_report_dates_no_happening_it_tells() -> None:
    # "tomorrow" dates the meeting planned after the call, not the call
    moment = dt.datetime.fromisoformat("2024-12-07T12:00:00+03:00")
    f = facts.read("أجرى الوزير اتصالاً هاتفياً بنظيره أمس الجمعة، على أن يلتقيا غداً الأحد.", moment)
    assert f.event_date(moment)[:2] == (dt.date(2024, 12, 6), "day")
    g = facts.read("أجرى الوزير اتصالاً هاتفياً بنظيره، على أن يلتقيا غداً الأحد.", moment)
    assert g.event_date(moment) == (dt.date(2024, 12, 7), "day", False)


@pytest.mark.parametrize(
    ("sentence", "talks"),
    [
        # staff or reservists called in are no envoy summoned
        ("واستدعت الكوادر الطبية من إجازاتها لمواجهة تدفق الجرحى.", False),
        ("واستدعى مستشفى المدينة الممرضين من إجازاتهم بعد القصف.", False),
        ("وأعلن الجيش استدعاء جنود الاحتياط.", False),
        ("واستدعت وزارة الخارجية القائم بالأعمال الأمريكي احتجاجاً على الغارة.", True),
    ],
)
def test_staff_called_in_are_no_talks(sentence: str, talks: bool) -> None:
    assert (facts.read(sentence, MOMENT).mood == "diplomacy") is talks


@pytest.mark.parametrize(
    "sentence",
    [
        # what a happening told is set against, after the framing link, is context: no report of its own
        "ويأتي القصف في ظل تصاعد الاشتباكات منذ أيام في ريف المدينة.",
        "The shelling comes amid heavy clashes around the town in recent days.",
    ],
)
def test_what_a_told_happening_is_set_against_is_context(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).event_type is None


@pytest.mark.parametrize(
    "sentence",
    [
        # every place of a list someone came from is no place of the happening
        "Army reinforcements arrived from Homs and Hama on Tuesday.",
        "ووصلت تعزيزات عسكرية قادمة من حمص وحماة اليوم الثلاثاء.",
        # the way a vehicle came in
        "وقالت الشرطة إن السيارة المفخخة دخلت المدينة من جهة محافظة ديالى.",
    ],
)
def test_places_someone_came_from_are_no_place_of_the_happening(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).located == []


@pytest.mark.parametrize(
    ("sentence", "ahead"),
    [
        # talks or a visit awaited or scheduled are no event yet
        ("ويُنتظر أن يزور المبعوث الأممي العاصمة خلال أيام.", True),
        ("ومن المقرر أن تُستأنف المحادثات بين الطرفين في القاهرة.", True),
        ("وتُستأنف المحادثات بين الطرفين في القاهرة.", False),
        ("The Security Council is due to discuss the raid at a closed session.", True),
        # held today, they are
        ("The Security Council discussed the raid at a closed session on Monday.", False),
    ],
)
def test_talks_awaited_or_scheduled_are_ahead(sentence: str, ahead: bool) -> None:
    assert mood.talks_ahead(sentence) is ahead


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # fighters leaving, or pulled out by their side, withdraw; they are not the displaced
        ("وغادرت آخر حافلات المقاتلين الحي المحاصر صباح اليوم باتجاه الشمال.", "withdrawal"),
        ("وأعلنت الجماعة سحب مسلحيها من شوارع المدينة وتسليم مواقعها للجيش.", "withdrawal"),
        ("The last buses carrying rebel fighters left the besieged quarter on Friday morning.", "withdrawal"),
        # searching for mines is no talks; threatening to leave one's post is no flight
        ("وبدأت فرق الهندسة بتمشيط الأحياء بحثاً عن الألغام.", None),
        ("وأعلن رئيس الوزراء تشكيل لجنة تحقيق، ملوحاً بإخلاء منصبه إذا تواصلت الفوضى.", None),
    ],
)
def test_who_leaves_and_words_that_only_look_like_talks_or_flight(sentence: str, kind: str | None) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type == kind and f.mood != "diplomacy", (f.event_type, f.mood)


def test_a_happening_followed_by_could_follow_is_no_event_yet() -> None:
    # "more drone strikes could follow": a modal after the happening named makes it one to come
    f = facts.read("Officials expect more pressure on the capital, and more drone strikes could follow.", MOMENT)
    assert f.event_type is None and f.mood == "plan"
    assert facts.read("More drone strikes followed on Sunday, residents said.", MOMENT).event_type == "strike"


@pytest.mark.parametrize(
    "sentence",
    [
        # the bombings named as a noun: the toll of an attack of the strike kind
        "ارتفعت حصيلة التفجيرات الثلاثة التي ضربت البلدة صباح أمس إلى 42 قتيلاً.",
        "وارتفع عدد قتلى التفجيرين إلى 30 قتيلاً، بحسب وزارة الصحة.",
    ],
)
def test_bombings_named_as_a_noun_are_strikes(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type == "strike" and f.killed is not None


@pytest.mark.parametrize(
    "sentence",
    [
        # a curfew in its other spelling, a building stormed, a funeral, a protest, a road cut, a resignation
        "وفرضت قيادة الشرطة حظر تجوال شاملاً في المدينة ابتداءً من مساء اليوم.",
        "واقتحم مئات المحتجين مبنى المحافظة بعد الظهر.",
        "وشيع الأهالي عصر اليوم ضحايا القصف في مقبرة البلدة.",
        "وخرجت تظاهرات غاضبة في ثلاث مدن مساء الأحد.",
        "وقطع مسلحون الطريق الدولي لساعات.",
        "وقدم محافظ المدينة اليوم استقالته إلى رئيس الحكومة.",
        "Hundreds of protesters stormed the provincial council building on Sunday.",
        "Thousands of mourners attended the funerals of the victims on Monday.",
    ],
)
def test_a_curfew_storming_funeral_protest_road_cut_or_resignation_is_a_happening(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type == "other" and f.mood == "happening", (f.event_type, f.mood)


@pytest.mark.parametrize(
    "sentence",
    [
        # attackers storm a place to attack it: fighting, not a capture
        "Three suicide bombers stormed a power station near the town of Dibis before dawn on Sunday.",
        "Gunmen stormed a police station in the town of Qatraneh on Sunday afternoon.",
        "Armed men stormed the offices of a local television channel in the city on Monday.",
        # who they are, then an adverb of sequence, between the attackers and the storming
        "Gunmen in army uniforms then stormed the hospital and shot patients and staff.",
        "Gunmen wearing police uniforms later stormed the compound on Monday.",
    ],
)
def test_a_place_stormed_by_attackers_is_fighting_not_a_capture(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type in ("clash", "strike"), f.event_type  # suicide bombers' attack is a strike


@pytest.mark.parametrize(
    "sentence",
    [
        "Government troops stormed the town of Kafr Nabl on Sunday.",
        "Gunmen stormed the village of Tal Rifaat on Saturday.",  # a village stormed may be taken
    ],
)
def test_a_town_stormed_is_still_a_capture(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type == "control_change", f.event_type


@pytest.mark.parametrize(
    "sentence",
    [
        # "تقدم ب...": a complaint or a request submitted, no advance
        "وتقدم كل من لبنان وإسرائيل أمس بشكوى إلى مجلس الأمن الدولي بشأن الحادث.",
        "وتقدمت الحكومة بطلب رسمي إلى الأمم المتحدة لإرسال مراقبين.",
    ],
)
def test_a_complaint_submitted_is_no_advance(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).event_type != "control_change"


def test_forces_advancing_still_advance() -> None:
    f = facts.read("وتقدمت قوات المعارضة باتجاه مدينة حماة اليوم وسيطرت على ثلاث قرى.", MOMENT)
    assert f.event_type == "control_change"


def test_a_funeral_that_would_be_held_is_no_event_yet() -> None:
    f = facts.read("Officials said a mass funeral would be held once the victims were identified.", MOMENT)
    assert f.event_type is None
    # who the funerals are for may stand between
    f = facts.read("Funerals for the victims will be held in Isfahan on Friday.", MOMENT)
    assert f.event_type is None


@pytest.mark.parametrize(
    "sentence",
    [
        # a count told of the war, its subject, is told in passing about the war, whoever estimates it
        "وخلفت الحرب الدائرة منذ أيار 2022 أكثر من 9 آلاف قتيل وتشريد مليوني شخص، بحسب تقديرات أممية.",
        "The conflict, which began in May 2022, has killed more than 9,000 people, U.N. agencies estimate.",
    ],
)
def test_a_count_of_which_the_war_is_the_subject_is_background_even_when_sourced(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert not f.sourced_count and f.is_background(MOMENT)
    # the same count, given by a named source as its own report, is that source's report of the day
    g = facts.read("The health ministry says more than 9,000 people have been killed since May 2022.", MOMENT)
    assert g.sourced_count and not g.is_background(MOMENT)


@pytest.mark.parametrize(
    "sentence",
    [
        # the strikes an attack avenges are its reason, told before: no happening of the sentence
        "وقال المتحدث إن ذلك جاء ثأراً لغارات الطيران على مواقع الجماعة.",
        "The group said the bombing was in revenge for air strikes on its positions.",
    ],
)
def test_what_an_attack_avenges_is_no_happening_of_the_sentence(sentence: str) -> None:
    f = facts.read(sentence, MOMENT)
    assert f.event_type is None, f.event_type


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        # fighters, named before the verb of leaving, withdraw; families leaving flee
        ("وقال المتحدث إن آخر قوات المتمردين غادرت المدينة صباح اليوم.", "withdrawal"),
        ("وأفاد سكان بأن عناصر الجيش غادرت المعسكر ليلاً باتجاه الجنوب.", "withdrawal"),
        ("وغادرت آلاف العائلات المدينة باتجاه الساحل.", "displacement"),
    ],
)
def test_fighters_named_before_they_leave_withdraw(sentence: str, kind: str) -> None:
    assert facts.read(sentence, MOMENT).event_type == kind


@pytest.mark.parametrize(
    ("sentence", "kind", "killed"),
    [
        # "claimed the lives of": a toll, of the explosion or the strike its sentence tells
        ("ودوّى انفجار قوي قرب مبنى البلدية ظهر اليوم، وأودى بحياة 14 شخصاً على الأقل.", "casualties", 14),
        ("وأودت الغارة بحياة سبعة مدنيين بينهم طفلان.", "strike", 7),
    ],
)
def test_claimed_the_lives_of_is_a_toll(sentence: str, kind: str, killed: int) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.event_type, f.killed) == (kind, killed)


def test_one_word_of_another_story_in_a_report_of_someone_killed_leaves_it_a_report() -> None:
    # a bomb at a festival's gate: the festival is where, the killing is the news
    f = facts.read("واستشهد شرطي وأصيب أربعة من زملائه مساء أمس عندما انفجرت عبوة ناسفة قرب بوابة مهرجان المدينة.", MOMENT)
    assert f.mood == "happening" and f.event_type is not None, (f.mood, f.event_type)
    # a match report's words, several of them, stay another story's
    g = facts.read("The striker killed off the final with a late goal, sending the league leaders top of the table.", MOMENT)
    assert g.mood == "off_topic"


def test_a_count_of_those_a_relative_clause_names_is_a_toll_not_a_description() -> None:
    f = facts.read("وأعلنت وزارة الصحة أن عدد الذين قتلوا بنيران الجيش منذ يوم الأحد بلغ 37 شخصاً.", MOMENT)
    assert not f.described_only and (f.event_type, f.killed) == ("casualties", 37)
    # a committee on events that killed people describes them: what is announced is the committee
    g = facts.read("وأعلنت الرئاسة تشكيل لجنة للتحقيق في أحداث المدينة التي قتل فيها عشرات المدنيين.", MOMENT)
    assert g.described_only


def test_a_running_toll_a_named_body_the_lexicon_does_not_know_gives_is_its_report() -> None:
    # invented: a doctors' committee the actor lexicon does not know, counting since the fighting began
    f = facts.read("وقالت لجنة أطباء ولاية النيل الأزرق إن أكثر من 230 شخصاً قتلوا في المدينة منذ اندلاع المعارك فيها.", MOMENT)
    assert f.sourced_count and not f.is_background(MOMENT)
    # told by no one, the same count is background
    g = facts.read("وقتل أكثر من 230 شخصاً في المدينة منذ اندلاع المعارك فيها.", MOMENT)
    assert not g.sourced_count and g.is_background(MOMENT)


def test_a_wire_datelines_outlet_is_nobody_speaking() -> None:
    # invented: the outlet's name holds a country's, the speaker is a president the lexicon does not know
    f = facts.read(
        "QUITO, April 16 (Jordan Valley Wire) - Ecuador's president declared a 60-day state of emergency on Tuesday.",
        MOMENT,
    )
    assert f.attributions == ()


def test_the_city_a_report_was_filed_from_is_no_party_to_it() -> None:
    # "BAGHDAD (...) -", "طهران -": the capital's name is the government's only where the report names it
    f = facts.read("BAGHDAD (Tigris Desk) - A suicide bomber blew himself up in a market in Sadr City.", MOMENT)
    assert f.actors == ()
    g = facts.read("طهران - انفجرت قنبلة قرب حافلة تقل عناصر من الحرس الثوري.", MOMENT)
    assert "iran" not in [m.actor.id for m in g.actors]
    h = facts.read("MOSCOW (Volga Wire) - Russian jets struck the town on Monday.", MOMENT)
    assert [m.actor.id for m in h.actors] == ["russian_forces"]


@pytest.mark.parametrize(
    "sentence",
    [
        # invented: the day named is the one declared, not the day of the declaration
        "The prime minister declared Friday a day of national mourning.",
        "The president declares three days of mourning and a general strike on Tuesday.",
        "وأعلن رئيس الوزراء يوم الجمعة يوم حداد وطني.",
    ],
)
def test_a_day_declared_does_not_date_the_declaration(sentence: str) -> None:
    published = dt.datetime(2021, 10, 14, 20, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    assert facts.read(sentence, published).event_date(published, saying=True)[0] == dt.date(2021, 10, 14)


@pytest.mark.parametrize(
    "sentence",
    [
        # an air or drone strike on a day is a happening of that day, no strike declared for it
        "An Israeli air strike on Tuesday night hit a school sheltering families in Nuseirat, medics said on Wednesday.",
        "A drone strike on Tuesday killed two men in a car near Khan Younis, the ministry said on Wednesday.",
    ],
)
def test_a_military_strike_on_a_day_is_dated_that_day(sentence: str) -> None:
    published = dt.datetime(2024, 6, 5, 20, tzinfo=dt.timezone(dt.timedelta(hours=3)))  # a Wednesday
    assert facts.read(sentence, published).event_date(published)[:2] == (dt.date(2024, 6, 4), "day")


@pytest.mark.parametrize(
    "sentence",
    [
        "ورفعت السلطات الحظر عن العاصمة ظهر اليوم، لكنها أبقته سارياً في الضاحية.",
        "Security was tightened on roads across the province, with extra checkpoints on the border routes.",
    ],
)
def test_a_ban_lifted_and_security_tightened_are_happenings(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).event_type == "other"


@pytest.mark.parametrize(
    ("sentence", "entry"),
    [
        ("Tanks entered the al-Joura district early on Saturday.", True),
        ("ودخلت قوات الجيش حي الجورة فجر اليوم.", True),
        ("Opposition fighters captured the town of Saraqeb on Saturday.", False),
        ("Gunmen stormed the village of Tal Rifaat on Saturday.", False),
        ("Shelling killed five people in Saraqeb on Saturday.", False),  # no capture cue at all
    ],
)
def test_a_capture_cue_that_is_only_an_entry(sentence: str, entry: bool) -> None:
    assert facts.capture_is_entry(sentence) is entry


def test_two_strikes_said_in_the_dual_are_strikes() -> None:
    # "ضربتين جويتين": the dual of ضربة, as غارتين is of غارة
    f = facts.read("ونفذت طائرات التحالف ضربتين جويتين على مخابئ للتنظيم في الوادي.", MOMENT)
    assert f.event_type == "strike"


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt had accused militants in Libya of smuggling weapons across the desert border for several years.",
        "وتتهم الحكومة الجماعة منذ عقود بتهريب السلاح عبر الحدود.",
    ],
)
def test_what_has_gone_on_for_years_is_background(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).is_background(MOMENT)


@pytest.mark.parametrize(
    "sentence",
    [
        "killing at least 51 people, officials said on Sunday, in the deadliest attack on Turkish soil this year.",
        "It was the bloodiest day in the city this month.",
        "killing three crew members in the first deadly attack on shipping since the group began targeting vessels in November",
    ],
)
def test_the_span_a_superlative_compares_over_dates_nothing(sentence: str) -> None:
    # "the deadliest attack this year": no day, month or year of the happening; "said on Sunday" dates the saying
    published = dt.datetime(2016, 8, 21, 10, tzinfo=dt.timezone(dt.timedelta(hours=3)))
    f = facts.read(sentence, published)
    assert [d.text for d in f.dates if not f.of_saying(d)] == []


@pytest.mark.parametrize(
    ("sentence", "located"),
    [
        ("وقال مصدر طبي في مستشفى العريش العام إن 30 جندياً قُتلوا في الهجوم.", []),
        ("وأصيب 26 آخرون نُقل عدد منهم بطائرات عسكرية إلى مستشفيات القاهرة.", []),
        ("Twelve of the wounded were flown to hospitals in Cairo.", []),
        ("The wounded were taken to Soroka hospital in Beersheba.", []),
        ("A strike hit a hospital in Gaza City.", ["Gaza City"]),  # the hospital struck is where it happened
        ("Troops were airlifted to Arish on Monday.", ["Arish"]),
    ],
)
def test_the_hospital_a_source_speaks_from_or_the_wounded_reach_is_not_the_place(
    sentence: str, located: list[str]
) -> None:
    assert [p.text for p in facts.read(sentence, MOMENT).located] == located


@pytest.mark.parametrize(
    ("sentence", "killed"),
    [
        ("ونشر التنظيم صوراً قال إنها توثق إعدام 1700 من الطلاب قرب تكريت.", 1700),
        ("Islamic State fighters executed 12 men in a village near Mosul on Sunday.", 12),
        ("وقال شهود إن المسلحين أعدموا تسعة أسرى في الساحة العامة.", 9),
    ],
)
def test_an_execution_is_a_killing(sentence: str, killed: int) -> None:
    f = facts.read(sentence, MOMENT)
    assert (f.event_type, f.killed) == ("casualties", killed)


@pytest.mark.parametrize(
    "sentence",
    ["A court in Cairo sentenced 12 men to death on Sunday, and the death penalty was upheld.", "وطالب النائب بتطبيق عقوبة الإعدام."],
)
def test_a_death_sentence_is_no_killing(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).event_type != "casualties"


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("The war, which began on April 15, has killed more than 12,000 people and driven millions from home.", True),
        ("والحرب المستمرة منذ نيسان أودت بحياة أكثر من 12 ألف شخص.", True),
        # a count someone is said to give is that source's report of the day
        ("The war has killed more than 12,000 people, the United Nations said on Monday.", False),
    ],
)
def test_a_wars_toll_told_in_passing_is_background(sentence: str, background: bool) -> None:
    published = dt.datetime(2023, 12, 20, 10, tzinfo=dt.UTC)
    assert facts.read(sentence, published).is_background(published) is background


@pytest.mark.parametrize(
    "sentence",
    [
        "The death toll from yesterday's attack rose to nine.",
        "The death toll from Monday's attack rose to nine.",
        "The death toll from the attack rose to nine.",
    ],
)
def test_a_toll_from_an_attack_named_by_its_day_is_that_attacks(sentence: str) -> None:
    assert facts.read(sentence, MOMENT).toll_of is not None


@pytest.mark.parametrize(
    "sentence",
    ["Hamas called the attack a massacre.", "The ministry branded the strike a massacre."],
)
def test_what_a_speaker_calls_a_happening_is_a_name_given_not_a_report(sentence: str) -> None:
    hits = facts.triggers(fold(sentence))
    assert all(t.context for t in hits if t.kind == "casualties"), hits
