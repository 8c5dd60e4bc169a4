import pytest
from hypothesis import given
from hypothesis import strategies as st

from verify import quantities
from verify.numerals import words_to_number
from verify.quantities import Quantity, find

Row = tuple[float, str, bool, str, float | None]


def one(text: str, lang: str = "en") -> Row:
    (q,) = find(text, lang)
    return q.value, q.unit, q.approx, q.bound, q.low


def described(text: str, lang: str = "en") -> list[str]:
    return [q.describe() for q in find(text, lang)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("deploying 12,000 troops to Russia", (12000, "troops", False, "exact", None)),
        ("some 12k troops", (12000, "troops", True, "exact", None)),
        ("twelve thousand soldiers", (12000, "troops", False, "exact", None)),
        ("four brigades", (4, "brigades", False, "exact", None)),
        ("1.5 million people fled", (1_500_000, "people", False, "exact", None)),
        ("between 10,000 and 12,000 troops", (12000, "troops", False, "range", 10000)),
        ("10,000-12,000 troops", (12000, "troops", False, "range", 10000)),
        ("more than 3,000 North Korean soldiers", (3000, "troops", False, "min", None)),
        ("an estimated 3,000 troops", (3000, "troops", True, "exact", None)),
        ("up to 500 people", (500, "people", False, "max", None)),
        ("about 40% of voters", (40, "%", True, "exact", None)),
        ("$5 billion in aid", (5e9, "USD", False, "exact", None)),
    ],
)
def test_quantity_forms(text: str, expected: Row) -> None:
    assert one(text) == expected


def test_several_figures_in_one_sentence_keep_their_units() -> None:
    found = find("The spy agency said four brigades totaling 12,000 troops were on the way.")
    assert [(q.value, q.unit) for q in found] == [(4, "brigades"), (12000, "troops")]


@pytest.mark.parametrize(
    "text",
    [
        "On October 24, 2024 the envoy left.",
        "The treaty signed in June 2024.",
        "the 24th brigade",
        "one of them said so",
        # Issue 11: numbers that name things
        "It announced an order of Airbus A350-900 jets on Monday.",
        "The state recorded its first COVID-19 case.",
        "Dispatchers received the 911 calls shortly after midnight.",
        "the catastrophic crashes of its popular 737 Max jet",
        "U.S. crude CLc1 fell in early trade",
        "at 0000 GMT on Tuesday",
        "Its wide-body Boeing 777 fleet",
        "The S&P 500 index was flat.",
        "WeWork’s 2025 bond has weakened sharply",
        "the benchmark 10-year notes last rose",
        "Mudah2an kita semua dijauhkan dari hati2 yang buruk",
        "[Al Maa-idah 8]",
        "(HR. Muslim no. 178)",
        "a tradition since the 1990s",
    ],
)
def test_numbers_that_name_things_are_not_figures(text: str) -> None:
    assert [q.text for q in find(text)] == [] or all(q.unit == "year" for q in find(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        # "two men" is two men, never troops borrowed from elsewhere in the sentence
        ("Police said two men were arrested after troops arrived.", ["2 men"]),
        ("raise at least 88 billion Hong Kong dollars", ["at least HKD 88 billion"]),
        (
            "raise up to $12.9bn (£10bn) from its listing",
            ["up to USD 12.9 billion", "up to GBP 10 billion"],
        ),
        ("The euro rose 0.05% to $1.1075.", ["0.05%", "USD 1.1075"]),
        ("U.S. crude CLc1 fell 3.38% to $55.12 per barrel", ["3.38%", "USD 55.12 per barrel"]),
        ("The death toll rose to at least 37.", ["at least 37"]),
        ("the US$5.5m deal", ["USD 5.5 million"]),
        ("a N500m contract", ["NGN 500 million"]),
        ("€3.5 billion in new orders", ["EUR 3.5 billion"]),
        ("could agree to end a near 1-1/2 year trade war", ["near 1.5 year"]),
        ("notes US10YT=RR last rose 7/32 in price", ["0.21875"]),
        ("seating 242 to 330 passengers in a two-class layout", ["242–330 passengers"]),
        ("down by 30 to 126, which Emirates is opting for", ["30", "126"]),
        ("Its fleet of roughly 400 737 Max jets", ["roughly 400 jets"]),
        ("a fleet of 270 aircraft, including 12 freighters", ["270 aircraft", "12 freighters"]),
        ("The company itself had 12,500 employees on June 30.", ["12,500 employees"]),
        ("Boil for 10-15 minutes.", ["10–15 minutes"]),
        # "four-cylinder" describes the engine, as "two-class" a layout (held-out-3's gold)
        ("a 2-liter four-cylinder engine", ["2 liter"]),
        ("About half of Marin County’s cell sites were out of service.", ["about 0.5 fraction"]),
        ("wiped out nearly one-third of Europe", ["nearly 0.33333 fraction"]),
        ("about 2 inches (50.8 millimeters) of rain", ["about 2 inches", "about 50.8 millimeters"]),
        ("The US wants the UK to extradite Assange, 47, over his role", ["47 years old"]),
        ("Big Machine have twice denied doing anything wrong.", ["2 times"]),
        ("About a hundred fake ratings", ["about 100 ratings"]),
        ("Chelsea paid the £71.6million fee", ["GBP 71.6 million"]),
        ("nearly 150 Indians returned home broke", ["nearly 150 indians"]),
        ("He now faces a maximum sentence of 175 years in prison", ["maximum 175 years"]),
        ("he did actually make the Zero G Day claim in 1976", []),
        ("Write to Dear Abby at P.O. Box 69440, Los Angeles, CA 90069.", []),
    ],
)
def test_issue_11_figures(text: str, expected: list[str]) -> None:
    assert described(text) == expected


def test_separators_follow_the_article_language() -> None:
    assert described("Sebanyak 17.000 orang tewas", "id") == ["17,000 orang"]
    assert described("Sebanyak 3,5 persen", "id") == ["3.5 persen"]
    assert described("17.000 people", "en") == ["17 people"]


def test_money_keeps_its_iso_code_and_percent_stays_apart() -> None:
    euro, dollar = find("The euro rose 0.05% to $1.1075.")
    assert (euro.unit, euro.currency) == ("%", None)
    assert (dollar.value, dollar.currency, dollar.unit) == (1.1075, "USD", "USD")


def test_bounds_keep_their_words() -> None:
    (q,) = find("at least 37 people died")
    assert (q.bound, q.qualifier, q.describe()) == ("min", "at least", "at least 37 people")


def test_stored_figures_without_new_keys_still_load() -> None:
    old = {"value": 3000.0, "unit": "troops", "approx": False, "bound": "min", "low": None,
           "text": "more than 3,000 troops", "start": 0, "end": 22}  # fmt: skip
    assert Quantity(**old).describe() == "more than 3,000 troops"


def test_span_text_matches_offsets() -> None:
    text = "Officials said more than 3,000 troops arrived."
    (q,) = find(text)
    assert text[q.start : q.end] == q.text == "more than 3,000 troops"


def test_words_to_number() -> None:
    assert words_to_number("one hundred and fifty") == 150
    assert words_to_number("twenty-five thousand") == 25000
    assert words_to_number("banana") is None


@given(st.text())
def test_any_text_parses_and_offsets_point_into_it(text: str) -> None:
    for lang in ("en", "id"):
        for q in find(text, lang):
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start : q.end] == q.text
            assert q.value >= 0


@pytest.mark.parametrize(
    "text, expected",
    [
        # ordinals that count: a run, an occurrence, a new entry in a tally of harm
        ("Health officials are reporting a 7th death linked to the outbreak.", ["7 death"]),
        ("Shares rose for a fifth straight session on Friday.", ["5 session"]),
        ("It was the third time the bridge had closed this year.", ["3 time"]),
        ("A second case of measles was confirmed in the county.", ["2 case"]),
        # ordinals that rank or name are not figures
        ("It was the first time since 1998 that the river froze.", []),
        ("The firm plans a second listing in London.", []),
        ("He named a third unnamed buyer.", []),
        # ranges and counts written around the number
        ("Repairs should take a day or two.", ["1–2 day"]),
        ("The storm cut power for two or three days.", ["2–3 days"]),
        ("A family of four was rescued from the roof.", ["4 people"]),
        (
            "It sold six trucks last month: four to a farm cooperative and two to the city.",
            ["6 trucks", "4 trucks", "2 trucks"],
        ),
        ("It sold two trucks: four to a farm and three to the city.", ["2 trucks"]),
        # the unit after a closing quote, a rate quoted per dollar, a contract's maturity
        ("Agents stopped “at least 12″ armed smugglers.", ["at least 12 smugglers"]),
        ("The Indian rupee weakened to 83.2 per dollar.", ["INR 83.2 per dollar"]),
        ("Three-month copper on the LME rose 1% to $8,100 a tonne.", ["1%", "USD 8,100 per tonne"]),
        ("Winds gusting at times to 60 mph toppled trees.", ["at times to 60 mph"]),
    ],
)
def test_counts_written_around_the_number(text: str, expected: list[str]) -> None:
    assert described(text) == expected


def test_number_words_and_bounds_in_other_languages() -> None:
    assert described("A polícia apreendeu três dos sete carros roubados.", "pt") == [
        "3 carros",
        "7 carros",
    ]
    assert described("Lo hicieron cinco veces.", "es") == ["5 veces"]
    assert described("Они вместе уже почти 20 лет.", "ru") == ["почти 20 лет"]
    assert described("Ada sekitar 300 orang di sana.", "id") == ["sekitar 300 orang"]
    assert described("Il a payé une fois.", "fr") == []  # "une" is an article, not a count


def test_some_of_a_total_count_in_its_noun() -> None:
    assert described("Of the 40 passengers, 12 were taken to hospital.") == [
        "40 passengers",
        "12 passengers",
    ]
    assert described("Out of 9 samples tested in the lab, the team found traces in two.") == [
        "9 samples",
        "2 samples",
    ]


# Held-out news copy (eval/data/claims_heldout.jsonl), one row per failure class fixed in
# issue 11's third round: number words before capitalised modifiers, "a dozen", unit symbols
# (spaced, glued, after a slash), glued ranges after "from", a scale word shared by both ends,
# ranges of ages, "just short of", counting ordinals of a tally, and eras naming years.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Two United States service members have been killed in a helicopter crash",
            [(2, "members", False, "exact", None)],
        ),
        (
            "the Taliban swapped two Western hostages for three of its commanders",
            [(2, "hostages", False, "exact", None), (3, "commanders", False, "exact", None)],
        ),
        (
            "Isolated cases often also spring up in the US, with up to a dozen people diagnosed "
            "annually.",
            [(12, "people", False, "max", None)],
        ),
        (
            "had an annual production capacity of around 8.69 GW",
            [(8.69, "gw", True, "exact", None)],
        ),
        (
            "The 24in scorpion bombs are not used for mass casualties.",
            [(24, "in", False, "exact", None)],
        ),
        (
            "A further 17 manufacturers, according to the report, had production operations "
            "ranging from 30-600 MW.",
            [(17, "manufacturers", False, "exact", None), (600, "mw", False, "range", 30)],
        ),
        (
            "reducing the world population from an estimated 450 million down to 350–375 million.",
            [(450e6, "", True, "exact", None), (375e6, "", False, "range", 350e6)],
        ),
        (
            "According to InSerbia News, 28 girls between the ages of 13 and 15 made the trip",
            [(28, "girls", False, "exact", None), (15, "years", False, "range", 13)],
        ),
        (
            "Health authorities in China’s Inner Mongolia have confirmed that a third instance of "
            "the plague has been reported",
            [(3, "instances", False, "exact", None)],
        ),
        ("References to 'scorpion bombs' have been found dating back to 198 AD.", []),
    ],
)
def test_news_copy_figure_classes(text: str, expected: list[Row]) -> None:
    assert [(q.value, q.unit, q.approx, q.bound, q.low) for q in find(text)] == expected


@pytest.mark.parametrize(
    "text, value, unit, bound",
    [
        ("a reduction in solar module costs from around $0.23/W today", 0.23, "per w", "exact"),
        ("the price of the solar electricity generated to $0.03/kWh", 0.03, "per kwh", "exact"),
        ("paid a Minnesota ad agency just short of $449,000 this fall", 449000, "USD", "max"),
    ],
)
def test_news_copy_money(text: str, value: float, unit: str, bound: str) -> None:
    (q,) = find(text)
    assert (q.value, q.unit, q.bound, q.currency) == (value, unit, bound, "USD")


def test_dozens() -> None:
    assert words_to_number("a dozen") == 12
    assert words_to_number("two dozen") == 24


# Round four: figure classes read from the held-out sets' mismatches.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a scale word after a bracketed conversion scales both; "an estimated … of" is approx
        ("Gurmeet Ram Rahim Singh, who has an estimated net worth of $40 (£26) million",
         [(40e6, "USD", True, "exact", None), (26e6, "GBP", True, "exact", None)]),
        ("with half a dozen tee boxes and a golf hole.", [(6, "boxes", False, "exact", None)]),
        # German capitalises nouns: a capital after a number is what it counts
        ("Mit über 1.000 Ausstellern, über 100 Seminaren und über 500 Top-Speakern",
         [(1000, "ausstellern", False, "min", None), (100, "seminaren", False, "min", None),
          (500, "top-speakern", False, "min", None)]),
        ("Am 12. Bis 13. September startet wieder die DMEXCO 2018 in Köln", []),
        # telephone numbers are no figures; each side of a match score is one, never a range
        # (the gold sets since held-out-4 count them so)
        ("More info: www.earbooks.net/en | +49 (0)40 890 85-433", []),
        ("can anonymously contact Crimestoppers on 0800 555 111.", []),
        ("Federer won 6-3, 7-6 (7) in the final.",
         [(6, "", False, "exact", None), (3, "", False, "exact", None),
          (7, "", False, "exact", None), (6, "", False, "exact", None),
          (7, "", False, "exact", None)]),
        ("Arsenal beat Chelsea 3-1 on Sunday.",
         [(3, "", False, "exact", None), (1, "", False, "exact", None)]),
        ("James’ 3-pointer put the Lakers up 109-98 with 3:08 to play.",
         [(109, "", False, "exact", None), (98, "", False, "exact", None)]),
        # the noun, not a preposition or a verb after it
        ("reveal a harrowing picture in more than 100 cities across Iran",
         [(100, "cities", False, "min", None)]),
        ("NASA released two highly critical reports", [(2, "reports", False, "exact", None)]),
        ("to reprise the tour at five more venues", [(5, "venues", False, "exact", None)]),
        # a small number after "these" points back; a restated figure stays
        ("We are treating these two reported incidents as linked", []),
        ("These 150 Indians have either violated their visa norms",
         [(150, "indians", False, "exact", None)]),
    ],
)  # fmt: skip
def test_round_four_figure_classes(text: str, expected: list[Row]) -> None:
    lang = "de" if " und " in text or "Köln" in text else "en"
    assert [(q.value, q.unit, q.approx, q.bound, q.low) for q in find(text, lang)] == expected


# Fifth round: bounds written as a start, a passing or after the number, and rates.
@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The base model will start at $32,500 before incentives.",
            (32500, "USD", False, "min", None),
        ),  # fmt: skip
        ("Seats went for upward of $2,000 at the final.", (2000, "USD", False, "min", None)),
        ("Queues at the border exceeded three hours on Friday.", (3, "hours", False, "min", None)),
        ("The crowd was closer to 40, organisers said.", (40, "", True, "exact", None)),
        ("Residents aged 65 and older can book a jab.", (65, "years", False, "min", None)),
        (
            "The hybrid manages 52 miles per gallon on the highway.",
            (52, "miles per gallon", False, "exact", None),
        ),  # fmt: skip
    ],
)
def test_bounds_after_and_around_the_number_and_rates(text: str, expected: Row) -> None:
    assert one(text) == expected


def test_a_price_per_bottle_is_a_price_per_unit() -> None:
    (q,) = find("The vintage sold for upward of $9,000 per bottle last year.")
    assert (q.value, q.currency, q.noun, q.bound) == (9000, "USD", "per bottle", "min")


@pytest.mark.parametrize(
    "text, expected",
    [
        # a share written as "N out of M" is one figure, not two counts
        ("Seven out of ten firms now build their own apps.", ["7/10"]),
        # "in one case", "any one person": idioms, no count
        ("In one case, a drone flew over the runway.", []),
        ("It is unclear why any one patient reacts.", []),
        # a street address is no figure
        ("Officers were called to 10 Downing Street at noon.", []),
        # "four-cylinder" describes the engine; a "176 hp" engine measures horsepower
        ("It pairs a 176 hp motor with a four-cylinder engine.", ["176 hp"]),
    ],
)
def test_fifth_round_figures_and_not(text: str, expected: list[str]) -> None:
    found = find(text)
    shown = [
        f"{round(q.value * 10)}/10" if q.unit == "fraction" else f"{q.value:g} {q.unit}"
        for q in found
    ]
    assert shown == expected


# Round six: figure classes read from held-out-4 (a development set since its blind score).
@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle is what was counted, and the full stop is not part of it
        ("the Westgate mall attack in Nairobi, which left at least 67 dead.",
         [(67, "dead", False, "min", None, "at least 67 dead")]),
        # a unit outside English is left as written, with no English plural added
        ("Средняя суточная калорийность 1694 Ккал.",
         [(1694, "ккал", False, "exact", None, "1694 Ккал")]),
        # footnote markers are not counts
        ("care givers being exposed to up to 1,000 alarms per shift [1], even though up to 99% "
         "of those do not require clinical intervention [2].",
         [(1000, "alarms per shift", False, "max", None, "up to 1,000 alarms per shift"),
          (99, "%", False, "max", None, "up to 99%")]),
        # "the first half of 2019" names a period
        ("with exports to China in the first half of 2019 sinking to $1.3 billion.",
         [(1.3e9, "USD", False, "exact", None, "$1.3 billion")]),
        # cents are hundredths; RMB is the yuan; a top-10 list is a rank
        ("a country that never gave us 10 cents, China.",
         [(0.1, "USD", False, "exact", None, "10 cents")]),
        ("To get into the top 10 free apps costs RMB 70,000 (US$11,200)",
         [(70000, "CNY", False, "exact", None, "RMB 70,000"),
          (11200, "USD", False, "exact", None, "US$11,200")]),
        # a bound before "a"/"an" and a span of time is a figure; "a week after" is a when
        ("continuous cost-cutting for more than a decade in local news.",
         [(10, "years", False, "min", None, "more than a decade")]),
        ("The operation, which took almost an hour, was performed by Miss Bethell",
         [(1, "hours", True, "exact", None, "almost an hour")]),
        # an interval between two events is a figure (eval/data/README, round fifteen)
        ("This comes less than a week after Bloomberg reported WeWork is the subject of",
         [(1, "weeks", False, "max", None, "less than a week")]),
    ],
)  # fmt: skip
def test_round_six_figure_classes(text: str, expected: list[tuple[object, ...]]) -> None:
    lang = "ru" if "Ккал" in text else "en"
    found = [(q.value, q.unit, q.approx, q.bound, q.low, q.text) for q in find(text, lang)]
    assert found == expected


# Read from held-out-5 and -6 after their blind score.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a bound in quotes is still the bound
        ('Rep. Duncan Hunter (R-Calif.) said Tuesday that "at least" 10 members of the Islamic '
         "State were apprehended", [(10, "members", False, "min", None)]),
        ("is head of the socio-political organisation Dera Sacha Sauda and is estimated to be "
         "worth £26m.", [(26e6, "GBP", True, "exact", None)]),
        ("Although CBP’s guidelines recommend holding people no longer than 72 hours",
         [(72, "hours", False, "max", None)]),
        # both ends of a range in words take its scale
        ("Apple has asked its suppliers in Asia to make a combined five to six million units",
         [(6e6, "units", False, "range", 5e6)]),
        # a rate after what is counted; an abbreviated measure ends the noun phrase
        ("he is leading the NBA this season with 11.1 assists per game.",
         [(11.1, "assists per game", False, "exact", None)]),
        ("Going upstairs to bed was a 30 min activity as I could only manage two stairs at a time",
         [(30, "min", False, "exact", None), (2, "stairs", False, "exact", None)]),
        # a quote widget after a ticker is page furniture
        ("Research firm Canalys said last week that just 720,000 smartwatches powered by Android "
         "Wear, Google GOOGL +0.60%’s operating system for wearable devices, were shipped",
         [(720000, "smartwatches", False, "exact", None)]),
        ("Taiwan-based Quanta Computer 2382.TW -0.75%, the sole assembler of Apple Watch, "
         "started mass production of the new gadget earlier this year.", []),
    ],
)  # fmt: skip
def test_blind_five_and_six_figure_classes(text: str, expected: list[Row]) -> None:
    assert [(q.value, q.unit, q.approx, q.bound, q.low) for q in find(text)] == expected


# Read from the development sets and held-out-7 (after its blind score), round seven.
@pytest.mark.parametrize(
    "text, expected",
    [
        # a compound unit, written with a hyphen
        ("the ID. SPACE VIZZION 4Motion would offer 335 horsepower and 517 lb-ft of torque",
         [(335, "horsepower", False, "exact", None), (517, "lb-ft", False, "exact", None)]),
        # thousands with a dot on an English page written abroad, not a measure to 3 places
        ("Moreover: the installation consists of 1.000 led lights and 800 meters of rope",
         [(1000, "lights", False, "exact", None), (800, "meters", False, "exact", None)]),
        ("The rod is 1.000 inches wide.", [(1, "inches", False, "exact", None)]),
        # years before 1800 where a date stands
        ("The original contents of the time capsule were first placed in 1795 by Governor "
         "Samuel Adams, Paul Revere, and William Scollay.", []),
        ("The capsule is believed to include a collection of silver and copper coins dating from "
         "between 1652 and 1855; an engraved silver plate.", []),
        # what a figure passes is its lower bound; "more like" is an estimate
        ("Last year, Tiger Woods’ career earnings surpassed the $1.3 billion mark.",
         [(1.3e9, "USD", False, "min", None)]),
        ("In the US, Volkswagen estimates that could be more like 300 miles on the EPA cycle.",
         [(300, "miles", True, "exact", None)]),
        # a time phrase after the noun is no part of it; "four of five" has no noun of its own
        ("James missed two free throws moments later to keep the Thunder in it.",
         [(2, "throws", False, "exact", None)]),
        ("The Thunder, who have lost four of five despite two solid performances, host Dallas.",
         [(2, "performances", False, "exact", None)]),
        # a score after "beat the Netherlands" is the two sides' figures
        ("Kazakhstan also needed the doubles match to beat the Netherlands 2-1 and clinch its "
         "first away Davis Cup win since 2011.",
         [(2, "", False, "exact", None), (1, "", False, "exact", None)]),
    ],
)  # fmt: skip
def test_round_seven_figure_classes(text: str, expected: list[Row]) -> None:
    assert [(q.value, q.unit, q.approx, q.bound, q.low) for q in find(text)] == expected


def test_a_day_and_a_month_in_french_are_a_date() -> None:
    assert (
        find("Le Twitter officiel de Star Wars a réagit le 10 février sur ces rumeurs.", "fr") == []
    )


@pytest.mark.parametrize(
    "text",
    [
        # numbers inside a name: a product's size, a swimming event, a car test's sprint, a model
        "This low-travel design contributed to the impossible thinness of the 12-inch MacBook.",
        "In the 100 yard backstroke, Patton was beaten out by Aidan Gantenbein for first place.",
        "VW says that, in such a configuration, 0-60 mph could arrive quickly.",
        "Volkswagen’s first ID.3 all-electric car isn’t expected until next year.",
        # "one" as an article
        "One night after the Thunder barely missed an upset win, Oklahoma City lost.",
        "The man couldn’t walk from one room to another without getting breathless.",
        "Ah, but one piece of history proved to be important.",
    ],
)
def test_round_seven_numbers_that_are_no_figures(text: str) -> None:
    assert find(text) == []


def test_a_size_before_a_plain_noun_and_one_night_stayed_are_figures() -> None:
    assert [(q.value, q.text) for q in find("The TV has a 65-inch screen.")] == [(65, "65-inch")]
    assert [q.value for q in find("They stayed one night in the hotel.")] == [1]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a hyphenated count measures what it names
        ("The Wild blew a two-goal lead in the 10-game stretch.", [(2, "goals"), (10, "games")]),
        ("The Doobie Brothers announced the 30-date jaunt on Monday.", [(30, "dates")]),
        # a plural after a number counts; a model is named in the singular
        ("About 450 Dreamers are in the program.", [(450, "dreamers")]),
        ("The 737 Max was grounded.", []),
        # a compound stays whole
        ("The French duo squandered two match points while serving.", [(2, "points")]),
    ],
)
def test_round_seven_hyphenated_counts_and_capitalised_plurals(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in find(text)] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a capitalised plural after a number is what it counts; "of the 10" is skipped for it
        ("It’s noteworthy that five of the 10 Democrats on stage will be there.",
         [(5, "democrats"), (10, "democrats")]),
        ("He has 5 Grammys and 2 Oscars.", [(5, "grammys"), (2, "oscars")]),
        # a hyphenated karat count
        ("the high-end model featuring 18-karat gold casing", [(18, "karats")]),
        # a name after a number still names the thing
        ("The company sold 30 Boeing jets.", [(30, "jets")]),
    ],
)  # fmt: skip
def test_capitalised_plurals_are_counted(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find(text)] == expected


# Round eight: read from held-out-8 after its blind score.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The game runs at 60fps on Stadia and 30fps on PS4 Pro.", [(60, "fps"), (30, "fps")]),
        ("The engine makes 540 Nm of torque with a 10-speed gearbox.",
         [(540, "nm"), (10, "speeds")]),
        # a three-part record and a score label heading a game summary
        ("Wild 4, Sabres 1: Minnesota improved to 14-0-1 at home.",
         [(4, ""), (1, ""), (14, ""), (0, ""), (1, "")]),
        # hyphenated counts, "one-year"
        ("The three-term congressman signed a one-year contract for a 400-word piece.",
         [(3, "terms"), (1, "years"), (400, "words")]),
        ("That is a three-fold increase.", [(3, "folds")]),
        # a figure in a document is cited, not counted
        ("Figure 10 indicates that 10% of respondents are likely to buy.", [(10, "%")]),
        # counting ordinals, not naming ones
        ("Suter scored his seventh straight goal for the eighth win, the fourth time this season.",
         [(7, "goals"), (8, "wins"), (4, "times")]),
        ("He scored in the third quarter of the 21st century and finished second in the race.",
         []),
        # plurals that compare: "inch" and "inches", "company" and "companies"
        ("The TV has a 65-inch screen and one company made it.",
         [(65, "inches"), (1, "companies")]),
    ],
)  # fmt: skip
def test_round_eight_figure_classes(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find(text)] == expected


# Round nine: read from held-out-9 and -10 after their blind score (real sentences as written).
@pytest.mark.parametrize(
    "text, expected",
    [
        # a scale word joined by a hyphen; "a million" is a number
        ("The United States is offering $10-million for information leading to the location",
         [(10_000_000, "USD", "exact")]),
        ("Managua, which has more than a million inhabitants is densely populated.",
         [(1_000_000, "inhabitants", "min")]),
        # shares with a bound and no "of", tenths and fifths
        ("About half came out this year, one is a Stadia exclusive (Gylt)", [(0.5, "fraction",
         "exact")]),
        ("at its closest approach, was about one-tenth of the distance from the centre of Earth",
         [(0.1, "fraction", "exact")]),
        ("the state spent nearly half a million dollars on it", [(500_000, "USD", "exact")]),
        # metres, not millions, when a size or a conversion follows
        ("which left a crater 12m (40ft) wide and 5m deep.",
         [(12, "m", "exact"), (40, "ft", "exact"), (5, "m", "exact")]),
        # "about" as a preposition, not a bound
        ("A lot of folks are buzzing about 17-year-old Stuyvesant High School senior Mohammed",
         [(17, "years", "exact")]),
        # a bound after the figure: an upper one
        ("people busted for possessing 25 grams or less of pot", [(25, "grams", "max")]),
        ("her 13-year-old son and two nephews and under constant monitoring by health workers",
         [(13, "years", "exact"), (2, "nephews", "exact")]),
        # a display or sound standard is no figure; "other" before a capitalised noun
        ("the Chromecast is the only device that supports 4K streaming at release, as well as "
         "5.1 surround sound", []),
        ("expanding in Saudi Arabia and four other Arab countries",
         [(4, "countries", "exact")]),
        ("three months of the $10-a-month Stadia Pro subscription",
         [(3, "months", "exact"), (10, "per month", "exact")]),
        # a count of times, a multiple, a range whose ends are in different units
        ("had 462 career home runs and was a six-time All-Star.",
         [(462, "runs", "exact"), (6, "times", "exact")]),
        ("Plant’s share alone would have nearly tripled his current, already-formidable net worth",
         [(3, "times", "exact")]),
        ("Noem saw the Twitter reaction and ... doubled down on the slogan.", []),
        ("it could take between two weeks and two months to identify them.",
         [(2, "weeks", "min"), (2, "months", "max")]),
        ('"He sounded very breathless, having just walked from one room in his house to the '
         'other," Dempsey said.', []),
    ],
)  # fmt: skip
def test_round_nine_figure_classes(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(q.value, q.unit, q.bound) for q in find(text)] == expected


# Round ten: read from held-out-11 and -12 after their blind score.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("at least six Lebanese soldiers were killed by gunmen in an ambush",
         [(6, "troops", "min")]),
        ("by many estimates a video can earn between $1,000 and $5,000 for each million views",
         [(5000, "USD", "range")]),
        ("there was video footage of eight to 10 students being put into police trucks",
         [(10, "students", "range")]),
        ("U.S. intelligence set up to intercept all five men's communications in Qatar",
         [(5, "men", "exact")]),
        ("He has not yet reached his 18th birthday.", [(18, "birthdays", "exact")]),
        ("It can take as long as two years to completely recover full pain-free motion",
         [(2, "years", "max")]),
        # idioms and product sizes are no figures
        ("he got down on one knee and popped the question, slightly larger than the 42mm Apple "
         "Watch", []),
        ("with heavy clashes between Iraqi security forces from one side and the militants", []),
        ("Nearly 150 Indians returned home.", [(150, "indians", "exact")]),
    ],
)  # fmt: skip
def test_round_ten_figure_classes(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(q.value, q.unit, q.bound) for q in find(text)] == expected


# Round eleven: read from held-out-13 and -14 after their blind score.
@pytest.mark.parametrize(
    "text, expected",
    [
        ("The fighters withdrew after a truce negotiated by clerics, but took 30 hostages, three "
         "of whom have been executed.", [(30, "hostages", "exact"), (3, "hostages", "exact")]),
        ("Kerry Packer was known to bet as much as $150,000 a hand.",
         [(150_000, "per hand", "max")]),
        ("the restaurant is open 24 hours a day, so we get a lot of people coming through.",
         [(24, "hours per day", "exact")]),
        # a model in camel case, the end of a range of days
        ("many analysts expected Apple to use sapphire glass on the iPhone 6, but that didn't "
         "happen.", []),
        ('NASA "confirmed" that the Earth would be experiencing six days of nearly complete '
         "darkness from Dec. 16 to 22.", [(6, "days", "exact")]),
    ],
)  # fmt: skip
def test_round_eleven_figure_classes(text: str, expected: list[tuple[float, str, str]]) -> None:
    assert [(q.value, q.unit, q.bound) for q in find(text)] == expected


# Round twelve: read from held-out-15 and -16 after their blind score.
@pytest.mark.parametrize(
    "text, figures",
    [
        # a participle after a figure with its noun counts the same noun, elided
        ("The siege last September at the Westgate Mall in Nairobi left 67 people dead and about "
         "200 injured.", [(67, "people"), (200, "people")]),
        ("Last year was the deadliest in Iraq since its 2006-2007 sectarian bloodshed, with a "
         "total of 12,282 people killed and 23,126 wounded, according to the UN.",
         [(12282, "people"), (23126, "people")]),
        ("Six people were killed, more than two dozen injured and more than 50 students vanished.",
         [(6, "people"), (24, "people"), (50, "students")]),
        # "one" naming a source counts nothing; "one" counting the dead does
        ("One person said the watch's battery life is currently \"about a day.\"", [(1, "days")]),
        ("One intelligence source told him messages are often hidden on Reddit.", []),
        ("Tor itself was unfairly branded \"the Web browser for criminals\" by one news report:",
         []),
        ("One person was killed in the blast.", [(1, "people")]),
        ("Thirty people have been arrested over the violence, which claimed the lives of at least "
         "six people and left 25 injured.", [(30, "people"), (6, "people"), (25, "people")]),
        # "due" is no noun; "bucks" are dollars
        ("Officials said the remains of nine people had been taken down from the hillside so far, "
         "with another 25 due to follow.", [(9, "people"), (25, "")]),
        ("The viral video shows him giving a homeless man a hundred bucks.", [(100, "USD")]),
    ],
)  # fmt: skip
def test_round_twelve_figures(text: str, figures: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find(text)] == figures


@pytest.mark.parametrize(
    "text, bound",
    [
        # an article between an approximation and the measure it softens
        ("The graves lay about a 40-minute walk across rocky terrain.", ("about", True)),
        # not after a bound that is a preposition too
        ("The contract runs over a 12-month period.", ("", False)),
    ],
)  # fmt: skip
def test_round_twelve_bounds(text: str, bound: tuple[str, bool]) -> None:
    (q,) = find(text)
    assert (q.qualifier, q.approx) == bound


# Round thirteen: read from held-out-17 and -18 after their blind score.
@pytest.mark.parametrize(
    "text, figures",
    [
        # a participle before a compound noun is no verb
        ("Iraqi pilots are training its members to fly three captured fighter jets.",
         [(3, "jets")]),
        ("Jordan hung two convicted terrorist prisoners, including a woman, in retaliation.",
         [(2, "prisoners")]),
        ("Rep. Jason Chaffetz said four alleged terror suspects were captured on Sept. 10.",
         [(4, "suspects")]),
        ("Five tested positive for the virus.", []),
        # a band's size; not "one-man", a kind
        ("Pizza Underground perform parody songs and the five-man band have toured the UK.",
         [(5, "man")]),
        ("His very public one-man SUV crash revealed their marital problems.", []),
        # "$US", and an acronym's plural counted
        ("The US Government has offered a $US10 million reward for his capture.",
         [(10_000_000, "USD")]),
        ("Two MPs tweeted that the gunman has been killed by police.", [(2, "mps")]),
    ],
)  # fmt: skip
def test_round_thirteen_figures(text: str, figures: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find(text)] == figures


# Round fourteen: a span counted back from the day of writing ("ago") dates something, like a
# date (the gold's convention, harmonised across the sets); an interval between two events is
# a figure. A broadcaster named by a number ("9 News") is a name.
@pytest.mark.parametrize(
    "text, figures",
    [
        ("It was 20 years ago when the friend asked the two to pick up the Quarter Pounder for "
         "him while they were at the local McDonald’s, but he never showed up to eat the burger, "
         "according to 9 News on Feb. 16.", []),
        ("“I started drinking them about 40 years ago.", []),
        ("An Iraqi women, identified by local security sources as Saja Hamid al-Dulaimi was "
         "detained ten days ago at a checkpoint, along with Baghdadi’s son, north of the Lebanese "
         "town of Tripoli, a senior security confirmed to the Telegraph.", []),
        ("The prohibition reportedly stems from a January 2011 edict issued in Pyongyang, 11 "
         "months before Kim came to power after his father's death.", [(11, "months")]),
        ("Father O'Neal woke up less than 48 hours later and recovered perfectly, World News "
         "Daily Report says.", [(48, "hours")]),
        # a sentence opening on "One" and a noun picks out an instance; inside, one counts
        ("One image shows the boy standing inside a house, grinning as he struggles to hold an "
         "assault rifle so large that it threatens to topple him over.", []),
        ('One lawyer for the alleged victims said the men were told "only those who get '
         'castrated will be able to meet God."', []),
        ("One clue is that all of the legitimate emails Boston.com has posted from Edelman are "
         "marked as coming from “Ben Edelman,” whereas the racist email and subsequent apology "
         "were from “ben@benedelman.org.”", []),
        ("On October 18, more than 300 Indians, including one woman, were deported by Mexican "
         "immigration authorities for illegally entering the country to sneak into the US.",
         [(300, "indians"), (1, "women")]),
        ("One woman was killed and 12 were injured.", [(1, "women"), (12, "")]),
    ],
)  # fmt: skip
def test_round_fourteen_figures(text: str, figures: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find(text)] == figures


# Round fourteen: bounds written as a comparison or a start, a measure before a noun, and words
# that are never the noun (read from held-out-21 and -22 after their blind score).
@pytest.mark.parametrize(
    "text, figures",
    [
        ("Donations thus far have topped $50,000.", [(50_000, "USD", "min")]),
        ("Apple, of course, has been rather quiet on Apple Watch pricing, aside from indicating "
         "that lower-tier pricing will begin at $349 for the Apple Watch Sport models.",
         [(349, "USD", "min")]),
        ("The Po River and Delta are known for massive wels catfish, but anything bigger than 6.5 "
         "feet is considered extremely rare, and this one measured 8.8 feet.",
         [(6.5, "feet", "min"), (8.8, "feet", "exact")]),
        ("Ms Bethell revealed that in the past year she has carried out a string of bizarre "
         "operations including the removal of a 12g skin tumour from a two-inch long hognose "
         "snake.", [(12, "g", "exact"), (2, "inches", "exact")]),
        ("She has also successfully taken out a stone from the 5mm-wide ureter of a guinea pig "
         "and last week castrated a skunk.", [(5, "mm", "exact")]),
        ("iFixit on the other hand who compared a day one model to a newly purchased model only "
         "noticed a 0.8 gram difference.", [(0.8, "grams", "exact")]),
        ("In an interview with Ma’ariv in 2009, she said that already at the age of 22 she was "
         "pursuing a promising career as a pilot of Boeing passenger planes, but decided to leave "
         "everything behind and make aliya in 2006.", [(22, "years", "exact")]),  # round 16
        ("This group was followed by agents and once vandalism had occurred, we then arrested the "
         "group, 5 men total.", [(5, "men", "exact")]),
    ],
)  # fmt: skip
def test_round_fourteen_bounds_and_units(text: str, figures: list[tuple[float, str, str]]) -> None:
    assert [(q.value, q.unit, q.bound) for q in find(text)] == figures


# Round fifteen (read from held-out-25 and -26 after their blind score): a span written with "a"
# is a figure when it lasts or parts two events, "or so" and "something like" soften a figure
# (its conversion in brackets too), "N others" counts, "the other five" points back, a floor's
# number names it, and "under 24-hour guard" bounds nothing.
@pytest.mark.parametrize(
    "text, figures",
    [
        ("Wednesday's denial comes a day after Lebanese authorities said they are holding a woman "
         "believed to be al-Baghdadi's wife.", [(1, "days", "exact", False)]),
        ("A Chinese woman spent an entire week in a KFC eating fried chicken wings after being "
         "dumped by her boyfriend because she ‘needed time to think’.",
         [(1, "weeks", "exact", False)]),
        ("As a point of comparison, the Moto 360 easily lasts a full day of mixed-use.",
         [(1, "days", "exact", False)]),
        ("A post uploaded to Rosenberg's Facebook page half an hour later read: “All”.",
         [(0.5, "hours", "exact", False)]),
        ("He earns $500 a week and works two days a week, once a year.",
         [(500, "per week", "exact", False), (2, "days per week", "exact", False)]),
        ("A year ago, NASA announced that nine craters had formed.",
         [(9, "craters", "exact", False)]),
        ("A crater was found in the woods measuring something like 12 meters (40 feet) across.",
         [(12, "meters", "exact", True), (40, "feet", "exact", True)]),
        ("The asteroid passed at 18:00 UTC Sunday, which was noon Nicaragua time: 12 hours or so "
         "after whatever happened in Managua.", [(12, "hours", "exact", True)]),
        ("Vogue occupies floors 25 and 26, and “this is where the rats have taken up residence,” "
         "a source said.", []),
        ("“Condé Nast has floors 20 through 44, but the rats are confined to the Vogue floors "
         "only.", []),
        ("The other five victims have not been identified.", []),
        ("He killed three people and wounded 13 others.",
         [(3, "people", "exact", False), (13, "others", "exact", False)]),
        ("One later died in hospital and the two others required extensive treatment.", []),
        ("He is on paid leave pending the outcome of the investigation and is under 24-hour guard "
         "after death threats were aimed at him.", [(24, "hours", "exact", False)]),
        ("Children under 5 are at risk.", [(5, "", "max", False)]),
        ("According to Apple, instances of phones bending in users' pockets were \"extremely "
         "rare,\" with only nine customers actually contacting the company about a curved iPhone 6 "
         "Plus within its first six days of sale.",
         [(9, "customers", "exact", False), (6, "days", "max", False)]),
        # "once" counting what a verb did, not "once again" or "once they landed"
        ("According to the Washington Post, Deandre was shot once in the head and then burned "
         "inside his car.", [(1, "times", "exact", False)]),
        ("Reached for comment, the company said it expects users will charge their Apple "
         "Watches once daily.", [(1, "times", "exact", False)]),
        ("Rumors that he died have once again begun circulating, and Amazon once sold Kindles, "
         "once they landed.", []),
    ],
)  # fmt: skip
def test_round_fifteen_figures(text: str, figures: list[tuple[float, str, str, bool]]) -> None:
    assert [(q.value, q.unit, q.bound, q.approx) for q in find(text)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # "and a half" after a number word (development sets)
        ("Mark Gurman recently learned the Watch was capable of two and a half hours of gameplay "
         "or three and a half hours of audio.",
         [(2.5, "hours", "exact", False), (3.5, "hours", "exact", False)]),
        ("It now plays host to 83 species of bird and two and a half thousand British species of "
         "insect.", [(83, "species", "exact", False), (2500, "species", "exact", False)]),
        # "N more" with its noun left out counts what the figure before it counts
        ("A forensic audio expert told the network that he detected a cluster of six gunshots "
         "followed by four more after the pause on the recording.",
         [(6, "gunshots", "exact", False), (4, "gunshots", "exact", False)]),
        ("He is leading the NBA this season with 11.1 assists per game, nearly four more than "
         "anyone else.",
         [(11.1, "assists per game", "exact", False), (4, "assists per game", "exact", True)]),
        ("The company hired 20 engineers last year and plans to hire 10 more in 2015.",
         [(20, "engineers", "exact", False), (10, "engineers", "exact", False)]),
        # … but not money, nor "more" before its own noun or "than" without a figure before it
        ("He paid $500 and two more later.", [(500, "USD", "exact", False)]),
        ("Blanco said eight more people had been arrested.", [(8, "people", "exact", False)]),
        ("I want two more.", []),
        # an age: "the age of N" counts years, "over" and "below" it are bounds
        ("Henry Jackson has died at the age of 57, confirms David Mallie.",
         [(57, "years", "exact", False)]),
        ("The newspaper tracked down the man, who is well over the age of 16 and in college.",
         [(16, "years", "min", False)]),
        ("“In using children below the age of 15, the group has committed a war crime.”",
         [(15, "years", "max", False)]),
        ("He started dabbling in penny stocks at the tender age of nine.",
         [(9, "years", "exact", False)]),
        ("Children engage in sexual relations as early as at age of 13 or 14.",
         [(14, "years", "range", False)]),
        # "one day" is a span after a word that measures it, not "some day"
        ("Right now, the Apple Watch's battery life is about one day.",
         [(1, "days", "exact", True)]),
        ("The video's release comes just one day after militants declared they would attack.",
         [(1, "days", "exact", False)]),
        ("One day he will return to the village.", []),
        # a weight in stone
        ("The leader is estimated to have ballooned to 20 stone as a result of fine dining.",
         [(20, "stones", "exact", False)]),
        # broadcasters and outlets named by a number
        ("NBC 5 has edited the video to exclude graphic content.", []),
        ("Rats have been found in the new 1 World Trade Center offices of Vogue magazine.", []),
        ("Based on a YouTuber's video, Movie Pilot reports that J.J. Abrams wants to release "
         "“Episode 7” in the summer of 2015.", []),
        ("Five Taliban members were released; the Taliban 5 are accounted for.",
         [(5, "members", "exact", False)]),
        ("According to a new report from 9 to 5 Mac, the battery is looking at just 2.5 to 4 "
         "hours of use.", [(4, "hours", "range", False)]),
    ],
)  # fmt: skip
def test_round_sixteen_figures(text: str, figures: list[tuple[float, str, str, bool]]) -> None:
    assert [(q.value, q.unit, q.bound, q.approx) for q in find(text)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # an age given as a decade of life is a range of years (development sets)
        ("The soldier, described as in his 30s, was shot in the abdomen.",
         [(39, 30, "years", "range")]),
        ("At some point in her twenties she underwent surgery to remove her male genitalia.",
         [(29, 20, "years", "range")]),
        ("The BBC understands he is Mohammed Emwazi, a Kuwaiti-born British man in his mid-20s "
         "from west London.", [(26, 24, "years", "range")]),
        ("A man in his mid-to-late 50s is reportedly slapping people in Cumbria, England.",
         [(59, 54, "years", "range")]),
        ("The men, all in their early twenties, are thought to be in Raqqa.",
         [(23, 20, "years", "range")]),
        ("Goldfish can live between 10 and 25 years in captivity, with some reported to thrive "
         "well into their 30s.", [(25, 10, "years", "range"), (39, 30, "years", "range")]),
        # … not the decades of the calendar
        ("The trio formed in the late '70s and had a hit in the 1980s.", []),
        ("Fox News broke the news of the death of 80s actor Judd Nelson.", []),
    ],
)  # fmt: skip
def test_round_seventeen_an_age_as_a_decade(
    text: str, figures: list[tuple[float, float | None, str, str]]
) -> None:
    assert [(q.value, q.low, q.unit, q.bound) for q in find(text)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # a share written in words is a fraction, not a count of thirds (development sets)
        ("Islamic State militants are now in control of one third of the besieged Syrian city "
         "of Kobane.", [(1 / 3, "fraction")]),
        ("Hank was one third of the famous Sugarhill Gang.", [(1 / 3, "fraction")]),
        # "one" as a pronoun counts nothing
        ("Sony's flick would share the marquee with the one made in 2013 and the one where "
         "Ashton Kutcher plays Jobs.", []),
        ("Two of those three things changed dramatically; one didn't.", [(2, "things")]),
        ("The stills are (aside from the one below) sickeningly graphic.", []),
        # a measure before a hyphen is the unit; "square" makes an area
        ("The nine foot-long creature, a wels catfish, has been dubbed “the monster of the Po”.",
         [(9, "feet")]),
        ("The 12 second-audio clip is the only one.", [(12, "seconds")]),
        ("The main villa spans about 2,475 square feet with a chef’s kitchen.",
         [(2475, "square feet")]),
        ("The property includes a water area of around two million square metres.",
         [(2_000_000, "square metres")]),
        # a noun that takes no plural goes on to the plural after it
        ("Thus far, authorities have charged 22 police officers with involvement in the crime.",
         [(22, "officers")]),
    ],
)  # fmt: skip
def test_round_seventeen_shares_pronouns_and_measures(
    text: str, figures: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in find(text)] == figures


@pytest.mark.parametrize(
    "text, figures",
    [
        # one unit of time as an adjective (development sets)
        ("Washington expanded its month-long air campaign to Iraq’s Sunni Arab heartland.",
         [(1, "months")]),
        ("In October, a century-old time capsule was opened.", [(1, "centuries")]),
        ("The emotional minute-long video concludes with a group hug.", [(1, "minutes")]),
        ("But instead he shared the 23-minute-long video.", [(23, "minutes")]),
        # children counted in a parent's description
        ("A father of two, Haines was kidnapped in Syria.", [(2, "children")]),
        ("The Pakistani mother-of-three, 42, is serving 86 years in a Texas jail.",
         [(3, "children"), (42, ""), (86, "years")]),
        ("Jesus Lopez, the father of one of the missing students, told The Associated Press.",
         []),
    ],
)  # fmt: skip
def test_round_seventeen_units_as_adjectives_and_children(
    text: str, figures: list[tuple[float, str]]
) -> None:
    assert [(q.value, q.unit) for q in find(text)] == figures


@pytest.mark.parametrize(
    "sentence",
    [
        "The entry-level 13-inch MacBook Pro was updated.",
        "He won the 100 m freestyle.",
        "It goes 0-60 mph in four seconds.",
        "Stream in 4K on 5.1 surround sound.",
        "According to 9 News, the fire spread.",
        "NBC 5 has edited the video.",
        "A new report from 9 to 5 Mac says so.",
        "They work at 1 World Trade Center.",
        "The Taliban 5 were freed.",
        "5G coverage is spreading.",
        "Vogue occupies floors 25 and 26.",
        'He was tracked by a "24-hour Anti-Graffiti Task Force".',
        "TLC flash was used in the 128GB models.",
        "Apple reported record sales of the iPhone 6 and 6 Plus.",
    ],
)
def test_the_hint_lets_every_name_with_a_number_through(sentence: str) -> None:
    """The cheap test before NAMED_BY_NUMBER_RE never hides one of its matches."""
    named = quantities.NAMED_BY_NUMBER_RE.search(sentence)
    assert named is not None
    hinted = quantities.NAMED_HINT_RE.search(sentence) or any(
        w in sentence.lower() for w in quantities.PLACE_HINTS
    )
    assert hinted


@pytest.mark.parametrize(
    ("sentence", "values"),
    [
        ("Due to problems with prices, Toshiba's TLC NAND flash was used in the 128GB models, and "
         "components made by SK Hynix were used in the 64GB models.", []),
        ("Last month after Apple reported record sales of the iPhone 6 and 6 Plus, users took to "
         "social media.", []),
        ("While both devices are identical in size, the 128GB version is 21g heavier than the 16GB "
         "model.", [21.0]),
        ("The smartwatch will offer 4GB of storage.", [4.0]),
    ],
)  # fmt: skip
def test_round_twentyone_a_model_named_by_its_storage_is_no_figure(
    sentence: str, values: list[float]
) -> None:
    assert [q.value for q in quantities.find(sentence)] == values


# Round thirty-one: held-out-58's figures, as written.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # a quote closing the sentence is no part of the noun
        ("Luckily, a U.S. tank platoon was there and surrounded the helicopters, killing four "
         "Iraqis.'", [("four Iraqis", 4.0, "iraqis", "exact", False)]),
        ("'They kept us waiting with two nurses.'",
         [("two nurses", 2.0, "nurses", "exact", False)]),
        # a hyphened adjective before the counted name
        ("The Chinook flying in front of ours took an RPG, as all four of our low-flying Chinooks "
         "took fire.", [("four of our low-flying Chinooks", 4.0, "chinooks", "exact", False)]),
        ("Two big-name Democratic politicians stayed away.",
         [("Two big-name Democratic politicians", 2.0, "politicians", "exact", False)]),
        # a figure approached
        ("He has held firm even as the civil war’s death toll climbed toward 200,000.",
         [("toward 200,000", 200000.0, "", "exact", True)]),
        # the pronoun "one"
        ("Then the one carrying Williams landed.'", []),
        ("The one who died was a nurse.", []),
    ],
)  # fmt: skip
def test_round_thirtyone_figures(
    sentence: str, figures: list[tuple[str, float, str, str, bool]]
) -> None:
    found = [(q.text, q.value, q.unit, q.bound, q.approx) for q in quantities.find(sentence)]
    assert found == figures


@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # the reviewer's look-alikes: money given "towards", an adjective after "the one", a
        # plural after a name
        ("He contributed £2,000 towards 40 laptops for the school.",
         [("£2,000", 2000.0, "GBP", "exact", False),
          ("40 laptops", 40.0, "laptops", "exact", False)]),
        ("The hospital had only the one working ventilator.",
         [("one working ventilator", 1.0, "ventilators", "exact", False)]),
        ("Two high-profile Sanders supporters quit the campaign.",
         [("Two high-profile Sanders supporters", 2.0, "supporters", "exact", False)]),
        ("A gunman opened fire at the memorial, killing one soldier, Ottawa police said.",
         [("one soldier", 1.0, "troops", "exact", False)]),
    ],
)  # fmt: skip
def test_round_thirtyone_review_figures(
    sentence: str, figures: list[tuple[str, float, str, str, bool]]
) -> None:
    found = [(q.text, q.value, q.unit, q.bound, q.approx) for q in quantities.find(sentence)]
    assert found == figures


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        # round thirty-one: adjectives between "N of the" and the noun; plurals in "-men"
        ("Four of France’s most celebrated cartoonists were killed.", "cartoonists"),
        ("Two of Gaza’s major cities were hit.", "cities"),
        ("Three of the US Navy's elite amphibious infantrymen were wounded.", "infantrymen"),
        ("Six policemen were hurt.", "policemen"),
    ],
)
def test_round_thirtyone_the_noun_after_a_partitive(sentence: str, unit: str) -> None:
    assert [q.unit for q in quantities.find(sentence)] == [unit]


# Round thirty-two: the pooled gold's and held-out-59's units, as written.
@pytest.mark.parametrize(
    ("sentence", "figures"),
    [
        # "such" inside the noun phrase
        ("The office has dismissed 849 cases, or about 34 percent of the 2,526 such cases.",
         [("849 cases", 849.0, "cases", "exact", False),
          ("about 34 percent", 34.0, "%", "exact", True),
          ("2,526 such cases", 2526.0, "cases", "exact", False)]),
        # a possessor after "N of the" is no noun
        ("Officials in two of the district attorney’s offices confirmed the change.",
         [("two of the district attorney’s offices", 2.0, "offices", "exact", False)]),
        ("Two of the men’s bodies were found.",
         [("Two of the men’s bodies", 2.0, "bodies", "exact", False)]),
        ("He has 5 such.", [("5", 5.0, "", "exact", False)]),
        # "shot" a verb before "dead", a noun elsewhere
        ("A shooting took place on Wednesday morning, with one suspect shot dead.",
         [("one suspect", 1.0, "suspects", "exact", False)]),
        ("Portugal allowed only one shot on goal.", [("one shot", 1.0, "shots", "exact", False)]),
    ],
)  # fmt: skip
def test_round_thirtytwo_figures(
    sentence: str, figures: list[tuple[str, float, str, str, bool]]
) -> None:
    found = [(q.text, q.value, q.unit, q.bound, q.approx) for q in quantities.find(sentence)]
    assert found == figures
