"""Figures in text: what a number counts or measures, with its unit, currency and bound.

"12,000 troops", "12k", "twelve thousand", "between 10,000 and 12,000", "at least 37",
"88 billion Hong Kong dollars" (HKD), "3.38%" and "$55.12 per barrel" as two figures. Numbers
that name things (years, dates, model numbers, codes) are not figures. Pure.
"""

import bisect
import re
from dataclasses import dataclass, fields, replace
from typing import Any

from verify import counts, currencies, nouns, numerals, prefilter
from verify.numerals import Numeral
from verify.qualifiers import AFTER_MAX, AFTER_RE, DEFAULT_WORDS, QUALIFIER_RE, QUALIFIERS

# Patterns used in the per-number checks, compiled once.
SHARE_WORD_RE = re.compile(r"(?i)half|third|quarter|fifth|tenth")
OPEN_BRACKET_RE = re.compile(r"\s*\(\s*")
SPACE_RE = re.compile(r"\s+")
GLUED_BEFORE_RE = re.compile(r"[^\W\d_]$|\w-$")
BETWEEN_BEFORE_RE = re.compile(
    r"\bbetween\s+(?:\S+\s+|the\s+ages\s+of\s+)?[$€£]?$|\baged\s+$", re.IGNORECASE
)
# "between the ages of 13 and 15", "aged 8 to 12": a range of ages, in years.
AGES_BEFORE_RE = re.compile(r"\b(?:between\s+the\s+ages\s+of|aged)\s+$", re.IGNORECASE)
GLUED_DASH_RE = re.compile(r"[-–]")  # "30-600 MW": a range even after "from"
AND_JOINER_RE = re.compile(r"\s*(?:%|per\s?cent|percent)?\s*and\s+[$€£]?", re.IGNORECASE)
TO_JOINER_RE = re.compile(r"\s*%?\s*(?:-|–|—|to)\s*[$€£]?")
OR_JOINER_RE = re.compile(r"\s+or\s+")
DASH_JOINER_RE = re.compile(r"\s*[-–—]")
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
NAIRA_OR_RAND_RE = re.compile(r"(?:^|(?<=[\s(]))([NR])$")
COMMA_RE = re.compile(r",")
NEXT_WORD_RE = re.compile(r"[\s-]+\S+")
# An estimate named before the figure it gives: "an estimated net worth of $40 million",
# "estimated losses at $2bn".
ESTIMATED_OF_RE = re.compile(r"(?i)\bestimated\s+(?:[\w-]+\s+){0,3}(?:of|at)\s+$")
OTHERS_RE = re.compile(r"\s+others\b")  # a count of more people or things of the same kind
THE_BEFORE_RE = re.compile(r"(?i)\bthe\s+$")  # "the two others": those already counted
SET_BEFORE_RE = re.compile(r"(?i)\b(?:the|these|those)\s+$")
BARE_COUNT_BEFORE_RE = re.compile(
    r"(?i)\b(?:at least|at most|all|no fewer than|no more than|killing|wounding|injuring|"
    r"killed|wounded|injured)\s+$"
)
BARE_COUNT_AFTER_RE = re.compile(r"\s*(?:[,.;:)—–]|$|\s(?:and|were|was|have|had|of)\b)")
ONE_PICKS_RE = re.compile(r"(?i)\bone\b")
ONE_SPEAKS_RE = re.compile(
    # after a comma, the verb itself: not "killing one soldier, Ottawa police said"
    r"(?:,\s+|\s+(?:[\w’'-]+\s+){0,2})(?:has\s+|had\s+|also\s+|apparently\s+|reportedly\s+)?"
    r"(?:said|says|told|tells|telling|added|claimed|claims|wrote|writes|reported|explained|"
    r"noted|confirmed|described|recalled|checked|reached)\b"
)
# Nouns that name again, after "the two", a set the story has already introduced ("the two
# suspects", "the five men"); a count of time or of harm stays a figure ("the six months
# after", "the three deaths").
SET_NOUNS = {
    "men", "companies", "suspects", "brothers", "friends", "events", "crimes", "modes",
    "giants", "individuals", "jihadists", "others", "objects", "incidents", "vehicles",
    "detainees", "women", "girls", "boys", "teens", "sisters", "countries", "sides", "parties",
    "leaders",
}  # fmt: skip
COMPOUND_NOUN_RE = re.compile(r"\s+(?!olds?\b)[a-z]+\b")  # after "24-hour": "guard"
OR_SO_RE = re.compile(r"\s+or\s+so\b", re.IGNORECASE)
MAXIMUM_OF_RE = re.compile(r"\bmaximum(?:\s+\w+)?\s+of\s+$", re.I)
BETWEEN_RE = re.compile(r"\bbetween\s+$", re.IGNORECASE)
DATE_RANGE_JOINER_RE = re.compile(r"\s*(?:to|through|until|-|–|and)\s*")
# "12m (40ft)", "5m deep": metres, not millions, when a size or a conversion follows.
METRES_AFTER_RE = re.compile(
    r"\s*(?:\(\s*[\d.,]+\s*(?:ft|feet|foot)\b|(?:wide|deep|high|tall|long|away|below|above|"
    r"across|in diameter|in length|in height|underground|downstream|upstream)\b)"
)
# "as long as 4m", "measuring 2.5m": a size named before the number.
METRES_BEFORE_RE = re.compile(
    r"(?:\b(?:as\s+)?(?:long|tall|high|deep|wide)\s+as|\bmeasur(?:ing|ed|es)|"
    r"\b(?:length|height|depth|width)\s+of)\s+(?:about\s+|around\s+|nearly\s+|almost\s+)?$",
    re.IGNORECASE,
)
# British weights in stone, glued: "22st", "up to 62st" (not an ordinal: "21st" is one).
STONE_RE = re.compile(r"(?<![\w.,])(\d{1,3})st\b")

# Unit words folded together so figures for the same thing compare ("soldiers" = "troops").
UNIT_SYNONYMS = {
    "troop": "troops", "soldiers": "troops", "soldier": "troops", "personnel": "troops",
    "brigade": "brigades", "persons": "people", "person": "people", "kilometers": "km",
    "kilometres": "km", "kilometer": "km", "kilometre": "km", "tons": "tonnes",
    "percent": "%", "per cent": "%", "pct": "%",
    "woman": "women", "child": "children", "foot": "feet",  # not "womans", "childs", "foots"
}  # fmt: skip
PER_RE = re.compile(
    r"(?:\s+|-)(?:per|a|an|every)[\s-]+(share|barrel|ounce|tonne|ton|month|year|week|day|night|hour|gallon|"
    r"litre|liter|kilogram|kg|head|person|capita|unit|seat|passenger|bottle|ticket|plate|dose|"
    r"hand|game|episode|visit|meal|flight|trip|item|piece|gram|troy ounce|cc|pound|kilo|mile|"
    r"minute|square (?:foot|feet|metre|meter)|word|user|household|student|pupil|child)\b",
    re.IGNORECASE,
)
# A rate after a counted noun: "90 miles per gallon", "38 kilometers per liter".
RATE_RE = re.compile(
    r"\s+per\s+(gallon|liter|litre|hour|second|minute|day|week|month|year|game|match|season|"
    r"shift|person|capita|head|household|patient|charge)\b"
    r"|\s+an?\s+(day|week|month|year|night)\b(?!\s+(?:ago|later|earlier|before|after)\b)",
    re.I,
)  # "90 miles per gallon", "24 hours a day", "8 spiders a year"
# Per-unit prices written with a slash: "$0.23/W", "$0.03/kWh", "$4/gallon", "$4.99/mo".
SLASH_PER_RE = re.compile(r"/([A-Za-z]{1,8})\b")
RESOLUTION_HINT_RE = re.compile(r"\d[\"″]|\d\s?[x×]\s?\d")  # a cheap test before `_marked`
QUOTE_MARKS = '"“”″'  # "“at least 10″ Islamic State fighters": a prime closes a curly quote
ROUND_WORD_RE = re.compile(r"(?i)(?<!half )an?\s+(?:hundred|thousand|dozen|couple)\b")
REFLEXIVES = {"myself", "yourself", "himself", "herself", "itself", "ourselves", "themselves"}
SHORT_PERIODS = {
    "mo": "month",
    "mth": "month",
    "yr": "year",
    "wk": "week",
    "hr": "hour",
    "oz": "ounce",
    "lb": "pound",
    "g": "gram",
    "kg": "kilogram",
}  # and short units: "$400/oz"
# A dimension after a measure: "the 5mm-wide ureter" measures 5 mm.
DIMENSIONS = r"(?:wide|long|thick|deep|tall|high|diameter)"
# Unit symbols, case as written (so "MW" is megawatts and "mw" nothing), spaced or glued:
# "8.69 GW", "3 MW", "24in", "5km". Lower-cased as the unit.
SYMBOL_RE = re.compile(
    r"\s?(GW|MW|kW|TW|GWh|MWh|kWh|TWh|Wh|GB|MB|TB|kB|Gbps|Mbps|GHz|MHz|kHz|Hz|kV|mph|kph|km/h|hp|"
    r"km|cm|mm|kg|mg|ml|lb-ft|lbs?|oz|ft|sq ft|°C|°F|°|fps|Nm)(?![\w/]|-(?!" + DIMENSIONS + r"\b))"
    r"|(in)(?![\w/])"
    r"|(g)(?![\w/]|-(?!" + DIMENSIONS + r"\b))"  # grams, glued only: "a 12g skin tumour"
)
PERCENT_RE = re.compile(r"\s?%|\s?(?:per\s?cent|percent|pct)\b|\s+percentage points?\b", re.I)
# "the benchmark 10-year notes", "Three-month aluminum on the London Metal Exchange": the
# maturity names the contract.
MATURITY_RE = re.compile(
    r"-(?:year|month)\s+(?:notes?|bonds?|treasur\w*|yields?|bills?|loans?|aluminium|aluminum|"
    r"copper|nickel|zinc|lead|tin|futures|libor|euribor)\b",
    re.I,
)
MOVES_RE = re.compile(
    r"\b(?:from|by|rose|fell|up|down|climbed|gained|lost|dropped|jumped|slipped|declined|grew|"
    r"increased|decreased|cut|raised|lowered|added|surged|slumped|rising|falling)\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
# A count in millions with "m": "more than 3.7m subscribers" (not "2.5m carnivorous fish",
# "within 500m of homes")
MILLIONS_OF_RE = re.compile(
    r"\s+(?:(?!(?:of|from|onto|past|in|for|and|as|to|into|towards?|around|under|over|before|after|"
    r"at|on|by|with|near|within|across|through|behind|beyond|below|above|between|than|or|but|so)"
    r"\b)[a-z]+\s+)?(?:subscribers|users|people|viewers|followers|fans|visitors|customers|"
    r"members|downloads|views|listeners|readers|players|votes|voters|residents|households|jobs|"
    r"copies|units|homes|passengers|tourists|workers|employees|shares|barrels|tonnes|tons)\b"
)
# "anywhere from 1.5 to 8 cc", "ranging from 20 to 30 years", "prices range from": a "from" that
# opens a range, where "rose from" and "the car's range from" (MOVES_RE) open a change
RANGE_FROM_RE = re.compile(
    r"(?:\b(?:anywhere|ranging|ranged|vary|varies|varying|varied|spanning)|"
    r"\b(?:[a-z]{3,}s|who|which|that)\s+ranges?)\s+from\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)
# "A.R.S. §§ 29-169 & 48-69", "pp. 12-14": numbers that cite (not "no 2-3 bedroom homes")
CITED_RANGE_BEFORE_RE = re.compile(
    r"(?:§§?|\b(?:pp?|secs?|arts?|ch|vol)\.)\s?(?:[\d.–-]+\s*(?:,|&|and)\s*)*$", re.IGNORECASE
)
NOT_COUNTED_AFTER_ONE = (
    "of|point|time|day|way|another|official|source|witness|commenter|expert|analyst|reporter|"
    "piece|final|last|side|knee"
)
# "from one room to another", "One night after …": "one" as an article, no count.
ONE_AS_ARTICLE_RE = re.compile(
    r"\s+[a-z]+(?:\s+in\s+\w+\s+\w+)?\s+to\s+(?:another|the\s+other)\b"
    r"|\s+(?:night|day|week|month|year)\s+(?:after|later|before|earlier)\b"
)
OUT_OF_RE = re.compile(
    r"(?i)\b(?P<part>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)\s+out\s+of\s+"
    r"(?:every\s+)?(?P<whole>\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|hundred)\b"
)
# A word before "one day" that makes it a span, not "some day": "about one day", "just one day
# after".
QUALIFIED_ONE_BEFORE_RE = re.compile(
    r"(?i)\b(?:about|only|just|nearly|almost|than|roughly|around|within|lasts?|lasted)\s+$"
)
ONE_IDIOM_RE = re.compile(r"(?i)\b(?:any|day)\s$")  # "any one person", "a day one model"
# "One person said …", "One intelligence source told him", "by one news report": a source.
ONE_SOURCE_RE = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}(?:said|says|told|tells|added|adds|claimed|claims|wrote|writes)\b"
    r"|\s+(?:[\w-]+\s+)?(?:report|account)\b"
)
IN_ONE_RE = re.compile(r"\s(?:case|instance|sense|respect|way)\b")  # "in one case"
# A street address: "summoned to 1 Police Plaza", "lives at 221 Baker Street".
ADDRESS_RE = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w.'’-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Plaza|"
    r"Boulevard|Blvd\.?|Lane|Drive|Place|Square)(?!\w)"
)
AGE_RE = re.compile(r"[A-Z][\w'’-]+,\s$")  # "Assange, 47," and "Singh Jabarjung, 24,"
# "the first half of 2019", "the third quarter" name a period, not a share.
PERIOD_BEFORE_RE = re.compile(
    r"\b(?:first|second|third|fourth|last|final|latter|former|early|late)\s+$", re.I
)
FRACTIONS = {
    "half": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}  # fmt: skip
# "one-tenth of", "two-fifths": fifths and tenths only with a count before them ("the fifth of
# May" is a date).
FRACTION_RE = re.compile(
    r"\b(?:(?P<one>(?:one|a)[- ])?(?:(?P<two>two|three|four)[- ])?(?P<part>half|thirds?|quarters?)"
    r"|(?:one|a|two|three|four)[- ](?P<tenth>fifths?|tenths?))(?P<of>\s+(?:of|the)\b)?"
    r"(?!\s+an?\s+(?:million|billion|dozen|hundred|thousand)\b)",  # "half a million": _halves
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A figure found in text. `value` is the single figure, or the upper end of a range.

    `unit` is the comparison key (folded noun, "%", or the ISO code for money); `noun` is what
    it counts as written; `qualifier` is the bound's own words ("at least", "about")."""

    value: float
    unit: str
    approx: bool
    bound: str  # exact | min | max | range
    low: float | None
    text: str
    start: int
    end: int
    currency: str | None = None
    noun: str = ""
    qualifier: str = ""

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form, as stored on claims (every field is a scalar: no deep copy,
        which `dataclasses.asdict` makes, was a tenth of an ingest's storing time)."""
        return {f.name: getattr(self, f.name) for f in _FIELDS}

    def describe(self) -> str:
        """Human form: "at least 37", "about 12,000 troops", "HKD 88 billion", "3.38%"."""
        figure = _fmt(self.value)
        if self.bound == "range" and self.low is not None:
            figure = f"{_fmt(self.low)}–{figure}"
        words = self.qualifier or DEFAULT_WORDS.get(self.bound, "")
        if self.approx and not self.qualifier:
            words = f"about {words}".strip()
        if self.currency:
            figure = f"{self.currency} {figure}"
        elif self.unit == "%":
            figure += "%"
        noun = self.noun or ("" if self.currency or self.unit == "%" else self.unit)
        return " ".join(part for part in (words, figure, noun) if part)


_FIELDS = fields(Quantity)


def _fmt(value: float) -> str:
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if value >= size and round(value / size, 3) * size == value:
            return f"{value / size:,.3f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.5f}".rstrip("0")


# Short nouns that count things (longer words always take a plural; short ones are mostly
# abbreviations: "kg", "mph").
SHORT_COUNT_NOUNS = {"win", "day", "cup", "car", "run", "hit", "job", "lap", "bag", "box", "gun",
                     "key", "egg", "leg", "dog", "cat"}  # fmt: skip


def normalise_unit(unit: str, *, english: bool = True) -> str:
    """Fold synonyms and plural forms so figures for the same thing compare; only English
    nouns take an English plural ("Ausstellern" stays as written)."""
    unit = unit.lower().strip()
    unit = UNIT_SYNONYMS.get(unit, unit)
    plural = (  # an English plural only: "ккал" stays as written, "dead" too
        english
        and (len(unit) > 3 or unit in SHORT_COUNT_NOUNS)  # not "kg", "mph", "ft"
        and unit.isascii()
        and unit.isalpha()
        and not unit.endswith("s")
        and not unit.endswith("men")  # "policemen", "infantrymen" (not "specimen")
        and unit not in nouns.UNCOUNTED | nouns.PARTICIPLES | nouns.IRREGULAR_PLURALS
    )
    if plural:  # "jet" and "jets" compare, so do "inch" and "inches", "company" and "companies"
        unit = re.sub(r"(?<=[^aeiou])y$", "ie", unit)
        unit = re.sub(r"(?<=i)fe$|(?<=l)f$", "ve", unit)  # "wives", "knives", "halves", "wolves"
        unit += "es" if unit.endswith(("ch", "sh", "x", "z")) else "s"
        unit = UNIT_SYNONYMS.get(unit, unit)
    return unit


# What matching.normalise strips from a figure's text to keep its words.
NUMBER_RE = numerals.numeral_re("en")


# Numbers that are neither counts nor measures, found as spans: telephone numbers ("+49 (0)40
# 890 85-433", "0800 555 111") and quote widgets.
NOT_FIGURES_RE = re.compile(
    r"\+\d{1,3}[\s\d()./-]{6,}\d|\b0\d{2,4}[\s-]\d{3}[\s-]?\d{3,4}\b"
    # a quote widget pasted after a ticker: "Google GOOGL +0.60%", "Quanta 2382.TW -0.75%"
    r"|\b(?:[A-Z]{1,6}|\d{4,6})(?:\.[A-Z]{1,3})?\s+[+\-−]\d+(?:\.\d+)?%"
)
# Numbers inside a name: a product's size before its name ("the 16-inch MacBook Pro"), a swimming
# event ("the 100 yard backstroke"), the standard sprint of a car test ("0-60 mph").
NAMED_BY_NUMBER_RE = re.compile(
    r"\b\d{1,3}(?:\.\d)?-inch(?=\s+(?:[A-Z]|models?\b|versions?\b|sibling\b))"
    r"|(?<=\()\d{1,2}(?:\.\d)?-inch(?=\))|\b\d{2}\s?mm(?=\s+[A-Z])"
    r"|\b\d{1,3}-hour(?=\s+[A-Z][a-z]+[\s-]+[A-Z])"  # "a 24-hour Anti-Graffiti Task Force"
    r"|\b\d{2,4}[\s-]?(?:yards?|meters?|metres?|m)\s+(?i:(?:individual\s+)?(?:freestyle|backstroke|"
    r"breaststroke|butterfly|medley|relay|dash|hurdles))\b"
    r"|\b0[-–](?:60|62|100)\s*(?:mph|km/h|kph)\b"
    # a display or audio standard ("4K streaming", "up to 4K", "5.1 surround sound")
    r"|(?<![$€£¥\d])\b[248]K\b(?![-\s]+(?:run|race|runners?)\b)"
    r"|\b[57]\.1(?=\s+(?:surround|channel|audio|sound))"
    r"|\b\d{1,2}\s?News\b"  # a broadcaster: "according to 9 News", "7News"
    r"|\b(?:NBC|CBS|ABC|FOX|Fox|Channel)\s\d{1,2}\b"  # "NBC 5 has edited the video"
    r"|\b9\s?to\s?5\s?(?:Mac|Google|Toys)\b"  # the outlets: "a new report from 9 to 5 Mac"
    r"|\b\d{1,3}\s+(?:WTC|World Trade Cent(?:er|re))\b"  # a building: "1 World Trade Center"
    # a name with its number: "the Taliban 5", "Episode 7", "Chapter 11", "iOS 8"
    r"|\b(?:Taliban|Cuban|Episode|Chapter|Season|Apollo|Gemini|Windows|iOS|Galaxy)\s\d{1,2}\b"
    r"(?![.,]\d)"
    r"|\b[2-6]G\b"  # a mobile network's generation: "5G coverage"
    # a model by its storage ("the 128GB models", "an 8GB version", "his 128GB iPhone") or its
    # size name ("the iPhone 6 and 6 Plus")
    r"|\b\d{1,4}\s?(?:GB|TB)(?=\s+(?:[A-Z]|models?\b|versions?\b|editions?\b|variants?\b|"
    r"watch\b|phones?\b|units?\b))|\b\d{1,2}(?=\s+Plus\b)"
    # a place in a building or a book: "Vogue occupies floors 25 and 26", "page 3"
    r"|\b(?i:floors?|rooms?|gates?|platforms?|terminals?|pages?|chapters?)\s+\d{1,4}"
    r"(?:\s*(?:,|and|through|to|-|–)\s*\d{1,4}\b)*"
)
# What every match of the pattern above holds, as a pattern whose branches all open on a literal
# (so the engine skips from one possible first character to the next) and the place words
# looked for in the lower-cased text: the pattern itself, which opens on word boundaries, is
# tried only where one is found (it cost a sixth of all figure finding).
NAMED_HINT_RE = re.compile(
    r"inch|mm|yard|met|\d[\s-]?m\b|0[-–]|[248]K|[57]\.1|News|NBC|CBS|ABC|FOX|Fox|Channel|to\s?5|"
    r"WTC|World|Taliban|Cuban|Episode|Chapter|Season|Apollo|Gemini|Windows|iOS|Galaxy|[2-6]G|hour|"
    r"[GT]B|Plus"
)
PLACE_HINTS = ("floor", "room", "gate", "platform", "terminal", "page", "chapter")
# Match scores ("6-3, 7-6 (7)", "beat Chelsea 3-1", "a 2-1 win", "lost 24-17", "up 109-98"):
# each side is a figure, counted in points, games or goals the sentence does not name (the gold
# sets since held-out-4 count them so); never a range.
SCORE = r"\d{1,3}[-–]\d{1,3}(?:\s*\(\d{1,2}\))?"  # "7-6 (7)": a set with its tie-break
RESULT_VERBS = (
    r"won|beat|lost|drew|leads?|led|trails?|trailed|trailing|defeated|up|down|clinched|edged|"
    r"outshot|outscored|blanked|routed|thrashed|got past|(?<=\s)over|level(?:led)? the series"
)
SCORES_RE = re.compile(
    rf"\b(?:(?:{RESULT_VERBS})(?:\s+[A-Z][\w.-]*){{0,3}}\s+)?{SCORE}(?:,\s*{SCORE})+"
    rf"|\b(?:{RESULT_VERBS})(?:\s+the(?=\s+[A-Z]))?(?:\s+[A-Z][\w.-]*){{0,3}}\s+{SCORE}(?![\d-])"
    rf"|\b{SCORE}(?=\s+(?:win|victory|defeat|loss|draw|lead|triumph|rout|romp|thrashing|"
    r"drubbing|shutout)\b)"
)
RECORD_RE = re.compile(r"(?<![\d.:/-])(\d{1,2})-(\d{1,2})-(\d{1,2})(?![\d:/-]|\.\d)")
SCORE_LABEL_RE = re.compile(
    r"^(?:[A-Z][\w.'’-]*\s+){1,3}(\d{1,2}),\s+(?:[A-Z][\w.'’-]*\s+){1,3}(\d{1,2}):"
)
SCORE_SIDES_RE = re.compile(r"(\d{1,3})[-–](\d{1,3})(?:\s*\((\d{1,2})\))?")
# Footnote markers: "up to 1,000 alarms per shift [1]".
FOOTNOTE_RE = re.compile(r"\[\d{1,3}\]")
# "these two reported incidents", "those three men": a small number in words points back to
# what was counted before and asserts no new figure ("These 150 Indians" restates one: kept).
ANAPHORIC_BEFORE_RE = re.compile(r"(?i)\b(?:these|those|the other)\s+$")
SMALL_NUMBER_WORD_RE = re.compile(r"(?i)(?:two|three|four|five|six|seven|eight|nine|ten)\b")
HALF_BEFORE_RE = re.compile(r"\bhalf\s+$", re.IGNORECASE)  # "half a dozen tee boxes"
# A scale word after a bracketed conversion scales both: "$40 (£26) million".
SCALE_AFTER_BRACKET_RE = re.compile(r"\s*\)\s*(million|billion|trillion|bn|m)\b", re.IGNORECASE)
SCALE_WORD_RE = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.IGNORECASE)
SCALES = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
# "One lawyer for the alleged victims said", "One clue is that": a sentence opening on "One"
# and a noun picks out an instance, it counts nothing (the gold sets agree, 9 of 9), unless
# the sentence counts what befell it ("One woman was killed").
ONE_OPENING_RE = re.compile(r"[\"“‘'(]?One\s+\S+")
# "20-plus years", "1,000-plus fans", "50 plus points": a lower bound written after the number;
# not "2 plus 2", "$2,000 plus a gift card", nor the "6 Plus" phone.
PLUS_RE = re.compile(r"-plus\b|\s+plus(?=\s+(?!(?:a|an|the|one|two|\d)\b)[a-z])")
HARM_AFTER_RE = re.compile(
    rf"\W+(?:\w+\W+){{0,4}}?(?:was|were|is|has been|had been)\s+(?:\w+ly\s+)?"
    rf"(?:{'|'.join(sorted(nouns.PARTICIPLES))}|died|hurt|detained|kidnapped|missing)\b"
)


# "one" opening a clause or after a preposition picks a person or a thing out more often than
# it counts it ("As The Daily Caller reports, one passenger at Dulles …", "fans of one country
# musician"); after a verb it counts ("killed one Canadian soldier", "received one complaint",
# "including one woman"), and so before harm ("one person injured") and in a measure of time or
# size ("one year since").
ONE_WORD_RE = re.compile(r"[Oo]ne\s")
ONE_PICKS_BEFORE_RE = re.compile(
    r"(?:^|[,;:(—–\"“‘]\s*|\b(?i:of|for|to|from|by|at|in|on|about|as|like|whose|where|when|"
    r"if|because|but|while|whom|which)\s+)$"
)
HARM_RIGHT_AFTER_RE = re.compile(
    rf"\s*(?:[\w-]+\s+){{0,2}}?(?:{'|'.join(sorted(nouns.PARTICIPLES))}|died|dead|hurt|missing)\b"
)


def _one_picked_out(text: str, q: Quantity) -> bool:
    """ "One Lebanese official has said", "one user apparently reached": "one" before a
    speaker picks a member out; so does "one" opening a clause or after a preposition."""
    if q.value != 1 or not q.noun:
        return False
    if ONE_PICKS_RE.search(text, q.start, q.end) and ONE_SPEAKS_RE.match(text, q.end):
        return True  # "at least one" keeps its bound words before the "one"
    return (
        q.unit not in MEASURE_UNITS
        and ONE_WORD_RE.match(text, q.start) is not None
        and ONE_PICKS_BEFORE_RE.search(text[max(0, q.start - 12) : q.start]) is not None
        and not HARM_AFTER_RE.match(text, q.end)
        and not HARM_RIGHT_AFTER_RE.match(text, q.end)
    )


def _set_named_again(text: str, q: Quantity) -> bool:
    """ "the two companies", "these two events": a set already counted, named again."""
    return (
        q.unit in SET_NOUNS
        and text[q.start : q.start + 1].isalpha()
        and SET_BEFORE_RE.search(text[max(0, q.start - 8) : q.start]) is not None
    )


THE_BEFORE_ONE_RE = re.compile(r"(?i)\b(?:the|this|that)\s+$")
# After "the one": a participle with its object ("the one carrying Williams"), not an adjective
# ("the one working ventilator"), or a relative clause ("the one who died").
PRONOUN_ONE_RE = re.compile(
    r"\s+(?:[a-z]{3,}ing\s+(?:[A-Z]|(?:the|a|an|his|her|their|its|him|them)\b)|who\b|that\b|"
    r"which\b)"
)
# A figure approached, before "toward": "the death toll climbed toward 200,000" (not money
# given "towards 40 laptops").
APPROACH_BEFORE_RE = re.compile(
    r"(?i)\b(?:climb|rise|rose|risen|edg|creep|crept|inch|mov|trend|drift|grow|grew|soar|surg|"
    r"head|push|near)\w*\s+(?:steadily\s+|quickly\s+)?towards?\s+$"
)
# "two years ago" fixes a day counted back from the day of writing, like a date: no figure to
# compare with an outlet writing on another day ("two years later" measures between events).
AGO_RE = re.compile(r"\s+ago\b", re.IGNORECASE)
SIZE_UNITS = {
    "miles", "kilometers", "km", "meters", "m", "feet", "inches", "pounds", "kg", "tonnes",
    "tons", "percent", "%", "third", "thirds", "quarter", "half", "dollars", "times",
}  # fmt: skip
TIME_UNITS = {"seconds", "minutes", "hours", "days", "nights", "weeks", "months", "years",
              "decades", "centuries"}  # fmt: skip
MEASURE_UNITS = TIME_UNITS | SIZE_UNITS


def find(text: str, lang: str = "en") -> list[Quantity]:
    """All figures in text, in order: value, unit or currency, bound and its words."""
    shares = lang == "en" and SHARE_WORD_RE.search(text) is not None
    found = _figures(text, lang)
    if shares:  # "one third of the city" is a share, not a count of thirds
        fractions = _fractions(text)
        found = [q for q in found if _free(fractions, [q])] + fractions
    if lang == "en":
        counted = [_counted(text, c) for c in counts.find(text)]
        # a bare number that a construction gives a noun ("Of the 30 passengers, 12 were …")
        found = _over_bare(found, counted)
        found += _free(found, _parts(text, found))
        folded = prefilter.folded(text)  # lower-cased once for every gated pattern too
        spans = " a" in text and any(span in folded for span in SPANS)  # a cheap test first
        found += _free(found, _bounded_spans(text)) if spans else []
        found += _free(found, _ordinal_counts(text)) if ORDINAL_HINT_RE.search(text) else []
        found += _free(found, _once(text)) if "once" in folded else []
        found += _free(found, _stones(text)) if "st" in folded else []
        if "-foot-" in folded or "-feet-" in folded:  # "6-foot-4": the inches too
            found += _free(found, _height_inches(text, found))
        if "half a" in folded:
            found += _free(found, _half_units(text))
        if " gold" in folded and (karats := _karats(text)):
            found = [q for q in found if _free(karats, [q])] + karats
        if "age of" in folded or "aged " in folded:
            found = _over_bare(found, _ages(text))  # the age names the unit a bare "34" lacked
            found = [
                replace(q, unit="years", noun="years")
                if not q.unit and not q.currency and AGE_BEFORE_RE.search(text[: q.start])
                else q
                for q in found
            ]  # "at age of 13 or 14": a range the age pattern leaves to the others
        if "-long" in folded or "-old" in folded:
            found = _over_bare(found, _free(found, _one_unit_long(text)))
        if any(parent in folded for parent in ("father", "mother", "dad", "mum", "mom")):
            found = _over_bare(found, _children(text))  # a bare "two" gives way
        if " in" in folded and any(d in folded for d in ("0s", "0's", "0’s", "ties")):
            found = _over_bare(found, _decade_ages(text))  # a bare "30s" gives way
        if " more" in folded:  # it names the unit a bare "10" lacked
            found = _over_bare(found, _elliptic_more(text, found))
    found = _out_of(text, found) if " out of " in text else found
    found = _marked(text, found) if RESOLUTION_HINT_RE.search(text) else found
    found.sort(key=lambda q: q.start)
    dashed = any(c in text for c in "+-–")
    scores = _scores(text) if dashed or ":" in text[:40] else []
    found = _unblocked(text, found, scores, dashed, lang) if found else []  # most: none
    found = sorted(found + scores, key=lambda q: q.start)
    found = _conversions_keep_bounds(text, _scaled_after_brackets(text, _halves(text, found)))
    found = _mixed_ranges(text, found) if " and " in text or " to " in text else found
    found = _borrowed_nouns(text, found)
    if lang == "en" and BY_SIDES_RE.search(text):
        found = _by_sides(text, found)
    if lang == "en" and found and PART_COUNT_RE.search(text):
        found = sorted(_over_bare(found, _part_counts(text, found)), key=lambda q: q.start)
    if lang == "en" and HARM_COUNT_RE.search(text):
        found = sorted(_over_bare(found, _harm_counts(text, found)), key=lambda q: q.start)
    found = _multiples(text, found) if MULTIPLE_HINT_RE.search(text) else found
    return _and_a_half(text, found) if lang == "en" and "and a half" in text else found


# "59 and a half", "three meters and a half", "a year and a half", "a cup and a half": the half
# goes on the figure before it (written as digits or as one unit)
# (not "a half-century", "a half of them": a new noun or a new subject)
AND_A_HALF_RE = re.compile(r"\s+and\s+a\s+half\b(?![-’']|\s+of\s+(?:them|those|these|us|the)\b)")
HALF_UNITS = (
    "cup|mile|kilometre|kilometer|metre|meter|inch|foot|yard|pound|ounce|kilo|kilogram|gram|"
    "ton|tonne|litre|liter|gallon|pint|spoon|teaspoon|tablespoon|glass|bottle|second|minute|"
    "hour|day|week|month|year|decade|century|lap"
)
ONE_UNIT_AND_A_HALF_RE = re.compile(
    rf"\b(?:an?|one|the|past|last|next|first)\s+(?P<noun>{HALF_UNITS})\s+and\s+a\s+half\b"
    r"(?![-’']|\s+(?:times|of\s+(?:them|those|these|us|the))\b)"
)  # not "a goal and a half": only a unit of measure or time
TIMES_TEN = {"decade": ("years", 10.0), "century": ("years", 100.0)}


def _and_a_half(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for q in found:
        half = AND_A_HALF_RE.match(text, q.end)
        if half and q.bound != "range" and q.unit != "fraction" and q.value == int(q.value):
            q = replace(q, value=q.value + 0.5, text=text[q.start : half.end()], end=half.end())
        out.append(q)
    for m in ONE_UNIT_AND_A_HALF_RE.finditer(text):
        noun = m.group("noun").lower()
        unit, times = TIMES_TEN.get(noun, (normalise_unit(noun), 1.0))
        covered = [q for q in out if q.start < m.end() and m.start() < q.end]
        taken = any(q.unit != "fraction" and q.end > m.end("noun") for q in covered)
        if taken:
            continue  # a figure there already ("about a year and a half")
        kept = [q for q in out if q not in covered]
        out = [*kept, _bounded(text, 1.5 * times, unit, m.start(), m.end())]
    return sorted(out, key=lambda q: q.start)


TIME_STAMP_RE = re.compile(r"\s*" + numerals.TIME_STAMP)


def _unblocked(
    text: str, found: list[Quantity], scores: list[Quantity], dashed: bool, lang: str = "en"
) -> list[Quantity]:
    """The figures no name, address, score or footnote covers, that count back from now ("two
    years ago") or open the sentence as an article ("One man said …") or point back ("the
    other five")."""
    blocked = (
        [m.span() for m in NOT_FIGURES_RE.finditer(text)]
        if dashed or re.search(r"\b0\d", text)
        else []
    ) + [m.span() for m in ADDRESS_RE.finditer(text)]
    if NAMED_HINT_RE.search(text) or any(w in prefilter.folded(text) for w in PLACE_HINTS):
        blocked += [m.span() for m in NAMED_BY_NUMBER_RE.finditer(text)]
    blocked += [(q.start, q.end) for q in scores]
    blocked += [m.span() for m in FOOTNOTE_RE.finditer(text)] if "[" in text else []
    stamp = TIME_STAMP_RE.match(text) if text[:3].strip()[:1].isdigit() else None
    blocked += [stamp.span()] if stamp else []  # "11.58 The name John came from …"
    return [
        q
        for q in found
        if not any(a < q.end and q.start < b for a, b in blocked)
        and not (q.unit in TIME_UNITS and AGO_RE.match(text, q.end))
        and not (
            q.start <= 1
            and q.noun
            and ONE_OPENING_RE.match(text)
            and not HARM_AFTER_RE.match(text, q.end)
        )
        and not (lang == "en" and _one_picked_out(text, q))
        and not (
            SMALL_NUMBER_WORD_RE.match(text, q.start)
            and ANAPHORIC_BEFORE_RE.search(text[max(0, q.start - 10) : q.start])
        )
        and not (lang == "en" and _set_named_again(text, q))
    ]


# Between two figures, the first's participle and a joiner: "12,282 people killed and 23,126
# wounded", "Six people were killed, more than two dozen injured".
ELIDED_JOINER_RE = re.compile(
    rf"\s+(?:were\s+|was\s+|have\s+been\s+|had\s+been\s+)?"
    rf"(?:{'|'.join(sorted(nouns.PARTICIPLES))})\s*(?:,\s*and|,|and)\s+"
)


ELIDED_VERB_RE = re.compile(r"\s+and\s+(?:left|leaving|with)\s+(?:another\s+)?")


# A count with its noun left out after a verb of harm, the noun the one before's: "killing six
# soldiers and wounding one", "opened fire on the protesters, killing three".
HARM_COUNT_RE = re.compile(
    r"(?:,\s+|\s+and\s+)(?:killing|injuring|wounding|killed|injured|wounded)\s+"
    r"(?P<n>one|two|three|four|five|six|seven|eight|nine|ten|\d{1,4})(?=\s*(?:[.,;)]|$)|"
    r"\s+(?:in|on|and)\b)"
)
PLURAL_OBJECT_RE = re.compile(r"\b(?:the|of)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]{3,}s)\b")


def _harm_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for m in HARM_COUNT_RE.finditer(text):
        before = [q for q in found if q.end <= m.start("n") and q.noun]
        plural = list(PLURAL_OBJECT_RE.finditer(text, 0, m.start()))
        noun = before[-1].noun if before else plural[-1].group("noun") if plural else None
        if noun is None:
            continue
        word = m.group("n")
        value = _number(word)
        if value is None:
            continue
        unit = before[-1].unit if before else normalise_unit(noun)
        out.append(
            Quantity(value, unit, False, "exact", None, word, m.start("n"), m.end("n"), noun=noun)
        )
    return out


# A total told in parts, the parts' noun left out: "at least 10 gunshots -- a cluster of six,
# followed by four", "hit 11 times—five from behind and six from the front".
PART_COUNT_RE = re.compile(
    r"(?:—|–|--|\s-|,|:(?=\s)|\(|\bof|\band|\bfollowed by|\bbut)\s*"
    rf"(?P<n>{numerals.SMALL}|\d{{1,3}})(?=\s*(?:[.,;)—–]|:\s|--|$)|\s+(?:in|on|at|from|to|followed|"
    r"and|may|might|were|was|had|have|of)\b)",
    re.IGNORECASE,
)


def _part_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    nums = numerals.numerals(text, "en")
    at = {n.start: i for i, n in enumerate(nums)}
    for m in PART_COUNT_RE.finditer(text):
        start, end = m.span("n")
        if any(q.start <= start < q.end for q in found) or start not in at:
            continue
        if _not_a_figure(text, nums, at[start], "en"):
            continue  # a time, a verse, a date's day: "at 11:20", "John 3:16", "June 5 and 6"
        before = [q for q in found if q.end <= start]
        if not before:
            continue
        total = before[-1]
        word = m.group("n")
        value = _number(word)
        if (
            value is None
            or (value == 1 and text[end : end + 4] == " of ")  # "one of the richest"
            or not total.noun
            or total.currency
            or total.unit in ("%", "percentage points")
            or total.bound == "range"
            or not value < total.value
        ):
            continue
        out.append(
            Quantity(value, total.unit, False, "exact", None, word, start, end, noun=total.noun)
        )
    return out


def _borrowed_nouns(text: str, found: list[Quantity]) -> list[Quantity]:
    """A figure whose noun stands for the figure before's counts what that one counts: "took
    30 hostages, three of whom have been executed" (three hostages); a participle after a
    figure with its noun, elided: in "67 people dead and about 200 injured" the 200 are people,
    not "injured"."""
    out = list(found)
    partitive = " of wh" in text or " of them" in text
    for i in range(1, len(out)):
        before, q = out[i - 1], out[i]
        if not before.noun:
            continue
        if partitive and q.noun in ("whom", "which", "them") and not before.currency:
            first = q.text.split()[0]
            out[i] = replace(q, unit=before.unit, noun=before.noun, text=first,
                             end=q.start + len(first))  # fmt: skip
            continue
        elided = q.noun in nouns.PARTICIPLES and before.noun not in nouns.PARTICIPLES
        joined = ELIDED_JOINER_RE.fullmatch(text, before.end, q.start) or (
            before.noun in ("people", "person")
            and ELIDED_VERB_RE.fullmatch(text, before.end, q.start)
        )  # "at least six people and left 25 injured"
        if elided and joined:
            out[i] = replace(q, noun=before.noun, unit=before.unit)
    return out


# "between two weeks and two months", "range from three weeks to five years": a range whose
# ends are in different units is a lower and an upper bound.
MIXED_RANGE_OPENER_RE = re.compile(r"(?i)\b(?:between|from)\s+$")
MIXED_RANGE_JOINER_RE = re.compile(r"\s+(?:and|to)\s+")
# "nearly tripled", "more than doubled": a multiple, in times.
MULTIPLES = {"doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4}
MULTIPLE_HINT_RE = re.compile(r"(?i)\b(?:doubled|tripled|trebled|quadrupled)\b")


def _mixed_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    for i in range(1, len(found)):
        low, high = found[i - 1], found[i]
        if (
            low.bound == "exact"
            and high.bound == "exact"
            and low.unit
            and high.unit
            and low.unit != high.unit
            and not (low.currency or high.currency)
            and MIXED_RANGE_JOINER_RE.fullmatch(text[low.end : high.start])
            and MIXED_RANGE_OPENER_RE.search(text[max(0, low.start - 10) : low.start])
        ):
            found[i - 1] = replace(low, bound="min")
            found[i] = replace(high, bound="max")
    return found


@dataclass(frozen=True)
class _Bound:
    """The words that bound a figure, read right before it: where they start, and what they say."""

    start: int
    qualifier: str = ""
    approx: bool = False
    bound: str = "exact"


# Verbs that take "over" as their particle: "ran over two soldiers", "handed over 40 files".
PHRASAL_OVER_RE = re.compile(
    r"\b(?:ran|run|runs|running|drove|driven|rolled|knocked|handed|hands|turned|turns|"
    r"presided|presides|stepped|looked)\s+$",
    re.IGNORECASE,
)
# After the number, a measure "over" bounds whatever the verb: "ran over 3%", "drove over 500
# miles", "turned over $2 million".
MEASURED_AFTER_RE = re.compile(
    r"[^\s]*\s*(?:(?:thousand|million|billion|trillion|bn|m)\b\s*)?(?:%|percent|per\s+cent|"
    r"points?|degrees?|miles?|kilomet|km|met(?:re|er)s?|feet|foot|yards?|hours?|minutes?|days?|"
    r"weeks?|months?|years?|times|dollars?|euros?|pounds?)",
    re.IGNORECASE,
)


def _qualifier_before(text: str, start: int) -> re.Match[str] | None:
    """The bound's words right before a number (in the 30 characters before `start`), unless
    "over" is a verb's particle: "ran over two Canadian soldiers"."""
    window = text[max(0, start - 30) : start]
    words = QUALIFIER_RE.search(window)
    if words and words.group(1).lower() == "over":
        at = start - len(window) + words.start(1)
        money = text[start : start + 1] in "$€£"
        if PHRASAL_OVER_RE.search(text[max(0, at - 20) : at]) and not (
            money or MEASURED_AFTER_RE.match(text, start)
        ):
            return None
    return words


def _bounded(text: str, value: float, unit: str, start: int, end: int) -> Quantity:
    """A figure of `value` in `unit` (its noun too) at text[start:end], with the bound's words
    before it: "nearly tripled", "about half an hour"."""
    b = _bound_before(text, start)
    return Quantity(value, unit, b.approx, b.bound, None, text[b.start : end], b.start, end,
                    noun=unit, qualifier=b.qualifier)  # fmt: skip


def _bound_before(text: str, start: int) -> _Bound:
    """ "nearly" in "nearly tripled", "About" in "About half": the figure then starts there."""
    window = text[max(0, start - 30) : start]
    words = _qualifier_before(text, start)
    if not words:
        return _Bound(start)
    qualifier = words.group(1).lower()
    approx, bound = QUALIFIERS[qualifier]
    return _Bound(start - (len(window) - words.start(1)), qualifier, approx, bound)


def _multiples(text: str, found: list[Quantity]) -> list[Quantity]:
    more = []
    for m in MULTIPLE_HINT_RE.finditer(text):
        if re.match(r"\s+down\b", text[m.end() :]):
            continue  # "doubled down on the slogan"
        more.append(
            _bounded(text, float(MULTIPLES[m.group().lower()]), "times", m.start(), m.end())
        )
    return sorted(found + _free(found, more), key=lambda q: q.start)


def _scores(text: str) -> list[Quantity]:
    """Each side of a match score, and a tie-break in brackets, as a figure of its own; each
    part of a three-part record ("14-0-1": wins, losses, overtime losses) and of a score label
    heading a game summary ("Wild 4, Sabres 1:")."""
    label = SCORE_LABEL_RE.match(text)
    records = [  # "called 9-1-1" is no record
        m for m in RECORD_RE.finditer(text) if not numerals.spelled_emergency(text, m.start())
    ]
    parts = [*records, *([label] if label else [])]
    parts += [
        sides
        for match in SCORES_RE.finditer(text)
        for sides in SCORE_SIDES_RE.finditer(text, match.start(), match.end())
    ]
    return [
        Quantity(float(m.group(k)), "", False, "exact", None, m.group(k), *m.span(k))
        for m in parts
        for k in range(1, m.re.groups + 1)
        if m.group(k) is not None
    ]


def _out_of(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "eight out of ten companies": one share (0.8), not two counts."""
    for match in OUT_OF_RE.finditer(text):
        part, whole = _number(match.group("part")), _number(match.group("whole"))
        if not part or not whole or part > whole:
            continue
        b = _bound_before(text, match.start())  # the text keeps to the share's own words
        found = [q for q in found if not (match.start() <= q.start < match.end())]
        found.append(
            Quantity(part / whole, "fraction", b.approx, b.bound, None, match.group(),
                     match.start(), match.end(), noun="fraction", qualifier=b.qualifier)
        )  # fmt: skip
    return found


def _number(word: str) -> float | None:
    """Digits or a number word ("12", "twelve") as its value."""
    return float(word) if word.isdigit() else numerals.words_to_number(word)


def _halves(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "half a dozen", "half a million": half of what the words after "half" give."""
    out = []
    for q in found:
        half = HALF_BEFORE_RE.search(text[max(0, q.start - 6) : q.start])
        if half and re.match(r"(?i)an?\s", q.text):
            start = q.start - (len(text[max(0, q.start - 6) : q.start]) - half.start())
            q = replace(q, value=q.value / 2, start=start, text=text[start : q.end])
            b = _bound_before(text, start)
            if b.qualifier and not q.qualifier:  # "nearly half a million dollars"
                q = replace(q, approx=b.approx, bound=b.bound, qualifier=b.qualifier,
                            start=b.start, text=text[b.start : q.end])  # fmt: skip
        out.append(q)
    return out


def _scaled_after_brackets(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "$40 (£26) million": both figures are in millions."""
    for i in range(1, len(found)):
        before, q = found[i - 1], found[i]
        scale = SCALE_AFTER_BRACKET_RE.match(text, q.end)
        if scale and OPEN_BRACKET_RE.fullmatch(text[before.end : q.start]) and q.currency:
            factor = SCALES[scale.group(1).lower()]
            found[i - 1] = replace(before, value=before.value * factor)
            found[i] = replace(
                q, value=q.value * factor, end=scale.end(), text=text[q.start : scale.end()]
            )
    return found


ORDINALS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
}  # fmt: skip
ORDINAL_HINT_RE = re.compile(r"(?i)\b(?:" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\b")
ORDINAL_COUNT_RE = re.compile(
    r"(?i)\b(?P<n>" + "|".join(ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))"
    r"(?:\s+(?:straight|consecutive))?\s+(?P<noun>times?|wins?|victory|victories|goals?|anniversary|"
    r"titles?|opponent|outing|straight|consecutive|birthday)\b"
)
# A span of time written with "a"/"an" is a figure when bounded ("more than a decade", "less
# than a week after"), when it is how long something lasted ("spent an entire week", "for an
# hour") or when it parts two events ("a day after the ambush", "half an hour later": an
# interval, eval/data/README "Time anchors and intervals"). Not "a year ago", which dates
# something, nor "about an hour from Stockholm", a distance, nor a rate ("$500 a week").
SPANS = {"decade": (10, "years"), "century": (100, "years"), "year": (1, "year"),
         "month": (1, "month"), "week": (1, "week"), "day": (1, "day"), "hour": (1, "hour"),
         "minute": (1, "minute")}  # fmt: skip
SPAN = r"an?\s+(?:(?:full|whole|entire|single)\s+)?(?P<span>" + "|".join(SPANS) + r")\b(?!-)"
BOUNDED_SPAN_RE = re.compile(
    r"\b(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True) if q[0].isalpha())
    + r")\s+"
    + SPAN
    + r"(?!\s+(?:from|ago|away|since)\b)",
    re.IGNORECASE,
)
RATE_BEFORE_RE = re.compile(r"(?:\d|\b(?:once|twice|times|days|hours|nights))\s+$")
LASTING_SPAN_RE = re.compile(
    r"(?i)\b(?:(?:for|spent|spends|spend|spending|took|takes|lasted|lasts|lasting)\s+(?P<how>"
    + SPAN.replace("?P<span>", "?P<lasting>")
    + r")|(?P<half>half\s+)?(?P<between>"
    + SPAN
    + r")(?=\s+(?:after|before|later|earlier)\b))"
)


# "once" counting what a verb did: "shot Brown once by the police car", "had scored just once
# in a 10-game stretch", "charge their Apple Watches once daily"; not "once again", "Amazon
# once sold", "once they landed".
ONCE_RE = re.compile(
    r"\b(?:shot|scored|fired|hit|struck|stabbed|punched|kicked|won|lost|patrol(?:s|led)?|"
    r"charged?|charges|visited|met|voted|played|tried|happened|occurred|including|"
    r"seen|saw|view|views|viewed|watched)\b"
    r"(?:\s+[\w’'-]+){0,3}?\s+(?:just\s+|only\s+)?(?P<once>once)\b(?!\s+(?:again|more|upon)\b)",
    re.IGNORECASE,
)


# "N more" with its noun left out counts what the figure before it counts: "a cluster of six
# gunshots followed by four more after the pause", "nearly four more than anyone else".
ELLIPTIC_MORE_RE = re.compile(
    rf"(?:\b(?P<q>nearly|almost|about|roughly|some)\s+)?\b(?P<n>\d+|{numerals.SMALL_WORDS})"
    r"\s+more\b(?=\s*(?:[,.;:)]|$)|\s+(?:after|before|in|on|at|were|was|are|have|had|to|for|"
    r"during|from|with|seriously|critically|injured|wounded|dead|killed|later|than)\b)",
    re.IGNORECASE,
)


# An age: "died at the age of 57", "children below the age of 15" (a bound), "at age of 11",
# "moved to Britain aged six".
AGE_OF_RE = re.compile(
    rf"(?:\b(?P<q>over|above|under|below)\s+)?\b(?:the\s+)?(?:(?:tender|young|ripe|early|"
    rf"unbelievable|advanced)\s+)?(?:age\s+of|aged)\s+(?P<n>\d{{1,3}}|{numerals.SMALL_WORDS})\b"
    # "aged 4 and up", "aged three and under": a bound after the age
    r"(?:\s+(?:and|or)\s+(?:(?P<up>up|over|older|above)|(?P<down>under|younger|below))\b)?"
    rf"(?!\s*(?:or|to|and|-|–)\s*(?:\d|(?:{numerals.SMALL_WORDS})\b))",
    re.IGNORECASE,
)
AGE_BEFORE_RE = re.compile(r"\bage\s+of\s+$", re.IGNORECASE)  # "at age of 13 or 14"
# One unit of time as an adjective: "its month-long air campaign", "a century-old time
# capsule" (with its number, "a 23-minute-long video", the compound is read as a count).
ONE_UNIT_LONG_RE = re.compile(
    r"(?<![\w-])(?P<unit>second|minute|hour|day|week|month|year|decade|century)-(?:long|old)\b",
    re.IGNORECASE,
)
# Children counted in a parent's description: "a father of two", "the mother-of-three".
PARENT_OF_RE = re.compile(
    rf"\b(?:father|mother|dad|mum|mom|grandfather|grandmother)[- ]of[- ]"
    rf"(?P<n>\d{{1,2}}|{numerals.SMALL_WORDS})\b(?!\s+of\b)",  # not "the father of one of the"
    re.IGNORECASE,
)
# An age given as a decade of life: "in his 30s", "in her twenties" (20–29 years), and a part of
# one: "in his mid-20s" (24–26), "in their early twenties" (20–23), "in his mid-to-late 50s".
# The possessive keeps out the decades of the calendar ("in the 1990s", "80s actor").
DECADE_AGE_RE = re.compile(
    r"\b(?:in|into)\s+(?:his|her|their|its|my|your|our)\s+"
    r"(?:(?P<part>early|mid|late|mid-to-late|mid-to-upper|upper)[\s-]+)?"
    r"(?P<decade>[2-9]0['’]?s|twenties|thirties|forties|fifties|sixties|seventies|eighties|"
    r"nineties)\b",
    re.IGNORECASE,
)
DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}  # fmt: skip
# the years of a decade each part covers, counted from its start
DECADE_PARTS = {"": (0, 9), "early": (0, 3), "mid": (4, 6), "late": (7, 9), "upper": (7, 9),
                "mid-to-late": (4, 9), "mid-to-upper": (4, 9)}  # fmt: skip
AGE_BOUNDS = {"over": "min", "above": "min", "under": "max", "below": "max"}


def _ages(text: str) -> list[Quantity]:
    out = []
    for m in AGE_OF_RE.finditer(text):
        value = _number(m.group("n"))
        if value is None:
            continue
        q = (m.group("q") or "").lower()
        bound = "min" if m.group("up") else "max" if m.group("down") else AGE_BOUNDS.get(q, "exact")
        if m.group("up") or m.group("down"):  # the bound keeps its words: "and older"
            q = re.sub(r"\s+", " ", text[m.end("n") : m.end()].strip().lower())
        out.append(
            Quantity(value, "years", False, bound, None, m.group(),
                     m.start(), m.end(), noun="years", qualifier=q)
        )  # fmt: skip
    return out


def _one_unit_long(text: str) -> list[Quantity]:
    return [
        Quantity(1.0, normalise_unit(m.group("unit").lower()), False, "exact", None, m.group(),
                 m.start(), m.end(), noun=m.group("unit").lower())
        for m in ONE_UNIT_LONG_RE.finditer(text)
    ]  # fmt: skip


def _children(text: str) -> list[Quantity]:
    out = []
    for m in PARENT_OF_RE.finditer(text):
        value = _number(m.group("n"))
        if value is not None:
            out.append(
                Quantity(value, "children", False, "exact", None, m.group("n"), m.start("n"),
                         m.end("n"), noun="children")
            )  # fmt: skip
    return out


def _decade_ages(text: str) -> list[Quantity]:
    out = []
    for m in DECADE_AGE_RE.finditer(text):
        decade = m.group("decade").lower()
        start = DECADE_WORDS.get(decade) or int(decade[:2])
        low, high = DECADE_PARTS[(m.group("part") or "").lower()]
        out.append(
            Quantity(float(start + high), "years", False, "range", float(start + low),
                     m.group(), m.start(), m.end(), noun="years")
        )  # fmt: skip
    return out


def _elliptic_more(text: str, found: list[Quantity]) -> list[Quantity]:
    out = []
    for m in ELLIPTIC_MORE_RE.finditer(text):
        before = [q for q in found if q.end <= m.start("n") and q.noun and not q.currency]
        value = _number(m.group("n"))
        if not before or value is None:
            continue
        last = before[-1]
        approx = m.group("q") is not None
        out.append(
            Quantity(value, last.unit, approx, "exact", None, m.group(), m.start(), m.end(),
                     noun=last.noun, qualifier=(m.group("q") or "").lower())
        )  # fmt: skip
    return out


def _once(text: str) -> list[Quantity]:
    found = []
    for m in ONCE_RE.finditer(text):
        b = _bound_before(text, m.start("once"))  # "view them more than once"
        found.append(
            Quantity(1.0, "times", b.approx, b.bound, None, text[b.start : m.end("once")],
                     b.start, m.end("once"), noun="times", qualifier=b.qualifier)
        )  # fmt: skip
    return found


HEIGHT_RE = re.compile(r"\b([4-7])-(?:foot|feet)-(\d{1,2})\b(?!-(?:foot|feet)\b)")
# Half of one unit of length, weight or time: "half a kilometer away", "half an hour".
HALF_UNIT_RE = re.compile(
    r"(?i)\bhalf\s+an?\s+(kilometer|kilometre|km|mile|meter|metre|inch|foot|pound|kilogram|"
    r"kilo|ton|tonne|gallon|liter|litre|hour|minute|second|day|week|month|year|century)\b"
)


def _height_inches(text: str, found: list[Quantity]) -> list[Quantity]:
    """The inches of a height in feet and inches, a figure of their own as the gold counts a
    height ("two years and 10 months" too): "about 5-foot-9" is about 5 feet and 9 inches."""
    out = []
    for m in HEIGHT_RE.finditer(text):
        feet = next((q for q in found if q.start <= m.start(1) < q.end), None)
        if feet is None or int(m.group(2)) > 11:
            continue
        out.append(
            Quantity(float(m.group(2)), "inches", feet.approx, feet.bound, None, m.group(2),
                     m.start(2), m.end(2), noun="inches", qualifier=feet.qualifier)
        )  # fmt: skip
    return out


def _half_units(text: str) -> list[Quantity]:
    found = []
    for m in HALF_UNIT_RE.finditer(text):
        found.append(_bounded(text, 0.5, normalise_unit(m.group(1)), m.start(), m.end()))
    return found


# "three by three miles", "a 5-by-7-inch box", "a 10 x 12 foot room": each side measures in
# the unit the last one names
_SIDE = rf"(?:\d[\d,]*(?:\.\d+)?|{numerals.SMALL})"
_BY = r"(?:\s*-by-\s*|\s+by\s+|\s*[x×]\s*)"
BY_SIDES_RE = re.compile(rf"\b({_SIDE}){_BY}({_SIDE})(?:{_BY}({_SIDE}))?", re.IGNORECASE)
LENGTH_UNITS = {"miles", "km", "meters", "feet", "inches", "cm", "mm", "yards", "metres"}
SIZE_SIDES = {"feet", "inches", "cm", "mm"}  # "10 x 12 foot room", "42 x 36 x 10 mm"
SIDE_UNIT_RE = re.compile(r"[\s-]*(inch(?:es)?|foot|feet|miles?|met(?:er|re)s?|yards?|km|cm|mm)\b")


def _by_sides(text: str, found: list[Quantity]) -> list[Quantity]:
    out = list(found)
    for m in BY_SIDES_RE.finditer(text):
        last = m.lastindex or 2
        side = next((q for q in found if q.start <= m.start(last) < q.end), None)
        unit = side.unit if side else ""
        sides = range(1, last)
        if side is None and (after := SIDE_UNIT_RE.match(text, m.end())):
            unit, sides = normalise_unit(after.group(1)), range(1, last + 1)
        if unit not in LENGTH_UNITS or "by" not in m.group().lower() and unit not in SIZE_SIDES:
            continue  # "4x400 metres relay", "6 x 800 meters": repeats, not sides
        for k in sides:
            word = m.group(k).replace(",", "")
            value = float(word) if word[0].isdigit() else numerals.words_to_number(word)
            if value is None:
                continue
            start, end = m.span(k)
            out = [q for q in out if not (q.start < end and start < q.end)]
            out.append(Quantity(value, unit, False, "exact", None, m.group(k), start, end,
                                noun=unit))  # fmt: skip
    return sorted(out, key=lambda q: q.start)


# "18k gold", "14K white gold": the purity of gold in karats, not eighteen thousand
# (at most 24 karats; not "a $10k gold Rolex", "won 10K gold", "50k gold coins")
KARAT_RE = re.compile(
    r"(?<![$£€\d.,])(?<!\bwon\s)(?<!\btook\s)(?<!\bthe\s)\b(?P<n>[1-9]|1\d|2[0-4])\s?[kK](?:t|ts)?\b"
    r"(?=\s+(?:(?:white|yellow|rose|red|solid|pure)\s+)?gold\b"
    r"(?!\s+(?:medals?|coins?|miners?|bullion|dealers?|bars?)\b))"
)


def _karats(text: str) -> list[Quantity]:
    return [
        Quantity(
            float(m.group("n")),
            "karats",
            False,
            "exact",
            None,
            m.group(),
            m.start(),
            m.end(),
            noun="karat",
        )  # fmt: skip
        for m in KARAT_RE.finditer(text)
    ]


def _stones(text: str) -> list[Quantity]:
    found = []
    for m in STONE_RE.finditer(text):
        number = int(m.group(1))
        if number % 10 == 1 and number % 100 != 11:
            continue  # "the 21st": an ordinal
        found.append(_bounded(text, float(number), "st", m.start(), m.end()))
    return found


# Product copy's inch mark: '34" monitor', '22" long', '70"+'. A straight double quote after a
# number is a closing quotation mark when a quotation is open ('… in 2014" the', '"At least
# 10" fighters', '“at least 10″ fighters'), so only a mark with an even count of other marks
# before it measures inches.
INCH_MARK_RE = re.compile(r"(?<![\w.,'′’])(\d{1,3}(?:\.\d{1,2})?)[\"″](?=\+|\s+\w|-\w)")
# A screen's resolution: "3440x1440", "1366 x 768", in a sentence about a display (not an
# advert's size in a page's code: "kmn_size = '300x250'").
RESOLUTION_RE = re.compile(r"(?<![\w,.'\"])(\d{3,4})\s?[x×]\s?(\d{3,4})(?![\w'\"])")
DISPLAY_RE = re.compile(
    r"(?i)\b(?:resolution|display|monitor|screen|panel|pixels?|retina|curved|u?hd|4k|tv)\b"
)


def _marked(text: str, found: list[Quantity]) -> list[Quantity]:
    """Inches written with a mark and screen resolutions, over what the number alone gave."""
    marked: list[Quantity] = []
    if '"' in text or "″" in text:
        inches = list(INCH_MARK_RE.finditer(text))
        marks = {m.end(1) for m in inches}
        quotes = [i for i, c in enumerate(text) if c in QUOTE_MARKS and i not in marks]
        for m in inches:
            if bisect.bisect_left(quotes, m.start()) % 2:
                continue  # it closes a quotation
            bound = _bound_before(text, m.start())
            plus = text[m.end() : m.end() + 1] == "+"
            end = m.end() + plus
            marked.append(
                Quantity(float(m.group(1)), "inches", bound.approx,
                         "min" if plus else bound.bound, None, text[bound.start : end],
                         bound.start, end, noun="inches", qualifier=bound.qualifier)
            )  # fmt: skip
    if DISPLAY_RE.search(text):
        for m in RESOLUTION_RE.finditer(text):
            for k in (1, 2):
                marked.append(
                    Quantity(float(m.group(k)), "pixels", False, "exact", None, m.group(k),
                             m.start(k), m.end(k), noun="pixels")
                )  # fmt: skip
    if not marked:
        return found
    kept = [q for q in found if _free(marked, [q])]
    return sorted(kept + marked, key=lambda q: q.start)


def _ordinal_counts(text: str) -> list[Quantity]:
    """An ordinal that counts: "his seventh straight win", "for the fourth time", "the 69th
    anniversary", "his sixth goal" (not "the third quarter", "the 21st century", "second in")."""
    found = []
    for m in ORDINAL_COUNT_RE.finditer(text):
        word = m.group("n").lower()
        value = ORDINALS.get(word) or int(re.sub(r"\D", "", word))
        noun = m.group("noun").lower()
        noun = "" if noun in ("straight", "consecutive") else noun  # "his seventh straight"
        found.append(
            Quantity(float(value), normalise_unit(noun) if noun else "", False, "exact", None,
                     m.group(), m.start(), m.end(), noun=noun)
        )  # fmt: skip
    return found


def _bounded_spans(text: str) -> list[Quantity]:
    found = []
    for m in BOUNDED_SPAN_RE.finditer(text):
        value, unit = SPANS[m.group("span").lower()]
        approx, bound = QUALIFIERS[m.group("q").lower()]
        found.append(
            Quantity(float(value), normalise_unit(unit), approx, bound, None, m.group(),
                     m.start(), m.end(), noun=unit, qualifier=m.group("q").lower())
        )  # fmt: skip
    lasting = []
    for m in LASTING_SPAN_RE.finditer(text):
        if _is_rate(text, m.start()):
            continue
        span = "how" if m.group("how") else "between"
        value, unit = SPANS[(m.group("lasting") or m.group("span")).lower()]
        start = m.start("half") if m.group("half") else m.start(span)
        lasting.append(
            Quantity(value / 2 if m.group("half") else float(value), normalise_unit(unit),
                     False, "exact", None, text[start : m.end(span)], start, m.end(span),
                     noun=unit)
        )  # fmt: skip
    return found + _free(found, lasting)


def _is_rate(text: str, start: int) -> bool:
    """ "two days a week", "$500 a month": the span divides a figure before it."""
    return bool(RATE_BEFORE_RE.search(text, 0, start))


def _free(found: list[Quantity], more: list[Quantity]) -> list[Quantity]:
    """The figures of `more` whose span no figure already found overlaps."""
    return [m for m in more if not any(q.start < m.end and m.start < q.end for q in found)]


def _over_bare(found: list[Quantity], better: list[Quantity]) -> list[Quantity]:
    """`found` with `better` added, a bare number (no unit, no currency) that one of `better`
    covers giving way to it: "Of the 30 passengers, 12 were …", "at the age of 34"."""
    kept = [q for q in found if q.unit or q.currency or _free(better, [q])]
    return kept + _free(kept, better)


def _counted(text: str, c: counts.Count) -> Quantity:
    bound = "range" if c.low is not None else "exact"
    words = _qualifier_before(text, c.start) if c.low is None else None
    approx, bound = QUALIFIERS[words.group(1).lower()] if words else (False, bound)
    start = c.start - (len(text[max(0, c.start - 30) : c.start]) - words.start(1) if words else 0)
    return Quantity(
        c.value, normalise_unit(c.noun), approx, bound, c.low, text[start : c.end], start, c.end,
        noun=c.noun, qualifier=words.group(1).lower() if words else "",
    )  # fmt: skip


def _parts(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "five sales this week: two to Biman and three to Ghana" → 2 sales and 3 sales."""
    for q in found:
        colon = text.find(":", q.end, q.end + 60)
        if (
            q.noun
            and not q.currency
            and colon >= 0
            and not any(q.end < other.start < colon for other in found)
        ):
            parts = counts.parts_after_colon(text, q.value, q.noun, colon)
            return [_counted(text, c) for c in parts]
    return []


def _fractions(text: str) -> list[Quantity]:
    """ "About half of", "nearly one-third of": shares of a whole, with their bound."""
    found = []
    for match in FRACTION_RE.finditer(text):
        if PERIOD_BEFORE_RE.search(text[max(0, match.start() - 12) : match.start()]):
            continue
        b = _bound_before(text, match.start())
        # a share names its whole ("half of", "a third the size"), or a bound says it is one
        # ("About half came out this year"); "in half" and "half-time" are no shares
        if not (
            match.group("of") or b.qualifier and text[match.start() - 1 : match.start()] == " "
        ):
            continue
        count = match.group("two") or match.group()[:5].split("-")[0].split()[0]
        times = {"two": 2, "three": 3, "four": 4}.get(count.lower(), 1)
        part = "part" if match.group("part") else "tenth"
        value = FRACTIONS[match.group(part).lower()] * times
        found.append(
            Quantity(value, "fraction", b.approx, b.bound, None, text[b.start : match.end(part)],
                     b.start, match.end(part), noun="fraction", qualifier=b.qualifier)
        )  # fmt: skip
    return found


def _conversions_keep_bounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "about 2 inches (50.8 millimeters)", "up to $12.9bn (£10bn)": a conversion in brackets
    keeps the bound of the figure it converts."""
    for i in range(1, len(found)):
        before, q = found[i - 1], found[i]
        if OPEN_BRACKET_RE.fullmatch(text[before.end : q.start]) and not q.qualifier:
            found[i] = replace(q, approx=before.approx, bound=before.bound)
    return found


def _figures(text: str, lang: str) -> list[Quantity]:
    found: list[Quantity] = []
    nums = numerals.numerals(text, lang)
    i = 0
    while i < len(nums):
        n = nums[i]
        pair = _range_end(text, nums, i, lang)
        if pair is None and _not_a_figure(text, nums, i, lang):
            i += 1
            continue
        q = _figure(text, n, pair, lang)
        i += 2 if pair else 1
        if q is not None:
            found.append(q)
    return found


def _not_a_figure(text: str, nums: list[Numeral], i: int, lang: str) -> bool:
    n = nums[i]
    money = currencies.prefix_before(text, n.start) or currencies.name_after(
        text, n.end, scaled=n.scaled
    )
    if not money and numerals.names_something(text, n, lang) or MATURITY_RE.match(text, n.end):
        return True
    if n.words and n.value == 1 and not (n.scaled or money or PERCENT_RE.match(text, n.end)):
        # "one of those things", "one Weibo commenter", "one official told", "in one case",
        # "any one person"; "one lemon" counts
        if (
            ONE_IDIOM_RE.search(text[max(0, n.start - 4) : n.start])
            or IN_ONE_RE.match(text, n.end)
            and text[max(0, n.start - 3) : n.start].lower() == "in "
        ):
            return True
        if QUALIFIED_ONE_BEFORE_RE.search(text[max(0, n.start - 12) : n.start]) and re.match(
            r"\s+(?:day|week|month|year|hour|night)\b", text[n.end :]
        ):
            return False  # "the battery life is about one day", "just one day after …"
        if ONE_AS_ARTICLE_RE.match(text, n.end) or ONE_SOURCE_RE.match(text, n.end):
            return True
        if re.match(r"-(?:man|person|woman)\b", text[n.end :]):
            return True  # "his very public one-man SUV crash": a kind, not a count
        if THE_BEFORE_ONE_RE.search(text[max(0, n.start - 6) : n.start]) and PRONOUN_ONE_RE.match(
            text, n.end
        ):
            return True  # "Then the one carrying Williams landed": the pronoun "one"
        # "one lemon", and a nationality: "two Iraqis and one Syrian", "one American"
        return not re.match(
            rf"[\s-](?!(?:{NOT_COUNTED_AFTER_ONE})\b)(?:[a-z]|[A-Z][a-z]+(?:ans?|ese|is)\b)",
            text[n.end :],
        )
    previous = nums[i - 1] if i else None
    if (
        previous is not None
        and DATE_RANGE_JOINER_RE.fullmatch(text[previous.end : n.start])
        and numerals.DATE_BEFORE_RE.search(text[max(0, previous.start - 12) : previous.start])
    ):
        return True  # "from Dec. 16 to 22": the range's end is a day too
    if previous is None or SPACE_RE.fullmatch(text[previous.end : n.start]) is None:
        return False
    # "two 500-pound bombs", "one 17-year-old New Yorker": the second number measures what the
    # first counts; otherwise two numbers side by side are one figure written twice
    measure = nouns.HYPHEN_WORD_RE.match(text[n.end : n.end + 30]) if not n.words else None
    return measure is None or measure.group(1).lower() not in nouns.MEASURES


def _range_end(text: str, nums: list[Numeral], i: int, lang: str) -> Numeral | None:
    """The upper end when nums[i] opens a range: "between A and B", "A–B", "A to B" (but not
    "rose 3.38% to $55.12" or "down by 30 to 126", which are two figures)."""
    if i + 1 >= len(nums):
        return None
    low, high = nums[i], nums[i + 1]
    if GLUED_BEFORE_RE.search(text[max(0, low.start - 2) : low.start]):
        return None  # "A350-900" is a model, not a range
    if CITED_RANGE_BEFORE_RE.search(text[max(0, low.start - 40) : low.start]):
        return None  # "A.R.S. §§ 29-169", "pp. 12-14": numbers that cite, each a name
    joiner = text[low.end : high.start]
    before = text[max(0, low.start - 30) : low.start]
    opener = BETWEEN_BEFORE_RE.search(before)
    if AND_JOINER_RE.fullmatch(joiner):
        ok = bool(opener)
    elif OR_JOINER_RE.fullmatch(joiner):
        ok = True  # "two or three weeks", "5 or 6 cases"
    elif GLUED_DASH_RE.fullmatch(joiner):
        ok = True
    elif TO_JOINER_RE.fullmatch(joiner):
        ok = not MOVES_RE.search(before) or bool(RANGE_FROM_RE.search(before))
    else:
        return None
    # "eight to 10 students" mixes words and digits; "two and 5" does not make a range
    mixed = low.words != high.words and not (low.words and TO_JOINER_RE.fullmatch(joiner))
    if not ok or low.value >= high.value or mixed or _year_or_date(text, low):
        return None
    if numerals.names_something(text, high, lang) and not DASH_JOINER_RE.match(joiner):
        return None
    return high


def _year_or_date(text: str, n: Numeral) -> bool:
    before = text[max(0, n.start - 12) : n.start]
    return bool(YEAR_RE.fullmatch(n.digits) or numerals.DATE_BEFORE_RE.search(before))


# "from $700" is where a price starts unless a change or a range reads it: "down from $19.5
# billion", "rose from $5", "from $150 to $200", "reduced from $899" (the old price).
FROM_BEFORE_RE = re.compile(r"(?:(?P<prev>[\w’']+)\s+)?\bfrom\s*$", re.IGNORECASE)
FROM_CHANGED = frozenset({
    "down", "up", "rose", "fell", "risen", "fallen", "rise", "rises", "rising", "fall", "falls",
    "falling", "increased", "increase", "decreased", "decrease", "dropped", "drop", "drops",
    "declined", "decline", "grew", "grown", "jumped", "jump", "climbed", "surged", "soared",
    "plunged", "tumbled", "slid", "slipped", "shrank", "cut", "cuts", "reduced", "lowered",
    "raised", "slashed", "marked", "discounted", "changed", "moved", "went", "gone", "switched",
    "upgraded", "downgraded",
})  # fmt: skip
# "will start at $349" (not "Shares started at $38 on Friday", an opening price)
START_AT_BEFORE_RE = re.compile(r"(?i)\bstart(?:s|ing)?\s+at\s+(?:just\s+|only\s+)?$")
STARTING_PRICE_AFTER_RE = re.compile(r"(?i)\s+starting\s+price\b")
RANGE_AFTER_RE = re.compile(r"\s*(?:to|through|-|–|—|and)\s*\S", re.IGNORECASE)


def _price_from(text: str, start: int, end: int) -> bool:
    if RANGE_AFTER_RE.match(text, end):
        return False
    window = text[max(0, start - 30) : start]
    if START_AT_BEFORE_RE.search(window) or STARTING_PRICE_AFTER_RE.match(text, end):
        return True  # "will start at $349", "the $349 starting price"
    before = FROM_BEFORE_RE.search(window)
    return before is not None and (before.group("prev") or "").lower() not in FROM_CHANGED


def _figure(text: str, n: Numeral, high: Numeral | None, lang: str) -> Quantity | None:
    last = high or n
    start, end, value = n.start, last.end, last.value
    low = n.value if high else None
    if high and high.scaled and not n.scaled:
        low = n.value * high.scale  # "350–375 million": both ends in millions
    elif high and high.words and n.words:  # "five to six million units": both in millions
        scale = SCALE_WORD_RE.search(text, high.start, high.end)
        if scale and not SCALE_WORD_RE.search(text, n.start, n.end):
            low = n.value * numerals.SCALES[scale.group().lower()]
    currency = None
    prefix = currencies.prefix_before(text, n.start)
    if prefix:
        currency, start = prefix
    scaled_only = NAIRA_OR_RAND_RE.search(text[max(0, n.start - 2) : n.start])
    if currency is None and scaled_only and n.scaled:
        currency, start = currencies.SCALED_ONLY[scaled_only.group(1)], n.start - 1
    metres = (
        n.suffix == "m"
        and not high
        and bool(
            METRES_AFTER_RE.match(text, end)
            or METRES_BEFORE_RE.search(text[max(0, n.start - 30) : n.start])
        )
    )
    counted = n.suffix == "m" and MILLIONS_OF_RE.match(text, end)  # "3.7m subscribers"
    money_only = n.suffix in numerals.MONEY_ONLY_SUFFIXES
    if currency is None and money_only and not (high or metres or counted):
        return None  # "a 100m race": metres or a code, not millions
    unit, noun, plus = "", "", None
    if currency is None and metres:  # "a crater 12m (40ft) wide and 5m deep"
        value, unit, noun = value / n.scale, "m", "m"
    percent = PERCENT_RE.match(text, end)
    if currency is None and percent:
        unit, end = (
            ("percentage points" if "point" in percent.group().lower() else "%"),
            (percent.end()),
        )
    elif currency is None:
        named = currencies.name_after(text, end, scaled=last.scaled)
        if named:
            if currencies.hundredths(text, end):  # "10 cents" is 0.10
                value, low = value / 100, None if low is None else low / 100
            currency, end = named
        elif quote := currencies.quoted_against(text, n.start, end):
            currency, noun, end = quote  # "the yen … at 108.55 per dollar"
    if currency and noun:
        unit = noun
    elif currency:
        per = PER_RE.match(text, end) or SLASH_PER_RE.match(text, end)
        noun = f"per {SHORT_PERIODS.get(per.group(1).lower(), per.group(1).lower())}" if per else ""
        end = per.end() if per else end
        unit = noun or currency  # "$55.12 per barrel" is a price per barrel, in USD
    elif not unit and (symbol := SYMBOL_RE.match(text, end)) and not n.words:
        noun = next(g for g in symbol.groups() if g).lower()
        unit, end = noun, symbol.end()
    elif not unit and high and AGES_BEFORE_RE.search(text[max(0, start - 30) : start]):
        noun, unit = "years old", "years"
    elif not unit:
        plus = PLUS_RE.match(text, end) if lang == "en" and not high else None
        end = plus.end() if plus else end
        noun, noun_end = nouns.noun_after(text, end, lang, words=n.words)
        if noun in REFLEXIVES:  # "I have one myself": the pronoun "one", no count
            noun, noun_end = "", end
        if not noun and n.digits and AGE_RE.search(text[max(0, n.start - 40) : n.start]):
            noun = "years old" if COMMA_RE.match(text[end:]) else ""  # "Assange, 47, …"
        if text[n.start : n.end].lower() == "twice":
            noun = "times"
        adjacent = bool(NEXT_WORD_RE.fullmatch(text[end:noun_end]))
        end, unit = noun_end, normalise_unit(noun, english=lang == "en") if noun else ""
        rate = RATE_RE.match(text, end) if noun and lang == "en" else None
        if rate:  # "90 miles per gallon": a rate, its unit both nouns
            noun, end = f"{noun} per {(rate.group(1) or rate.group(2)).lower()}", rate.end()
            unit = noun
        others = OTHERS_RE.match(text, end) if not noun and lang == "en" else None
        if others and not THE_BEFORE_RE.search(text[max(0, start - 5) : start]):
            noun, end, unit = "others", others.end(), "others"  # "killed two and wounded 13 others"
        one_thing = lang == "en" and nouns.names_one_thing(noun, value, high, adjacent)
        # "fired at least two", "all five were freed", "killing six and wounding one": a
        # count whose noun the sentence gives elsewhere
        bare = (
            n.words
            and not noun
            and lang == "en"
            and BARE_COUNT_BEFORE_RE.search(text[max(0, start - 20) : start])
            and BARE_COUNT_AFTER_RE.match(text, end)
        )
        if n.words and not noun and not bare or one_thing:
            return None
    approx, bound, qualifier = False, "range" if high else "exact", ""
    words = _qualifier_before(text, start)
    if words and words.group(1).lower() in ("toward", "towards"):
        # approached ("climbed toward 200,000"), not given to ("£2,000 towards 40 laptops")
        words = words if APPROACH_BEFORE_RE.search(text[max(0, start - 40) : start]) else None
    hyphened = text[last.end : last.end + 1] == "-" and COMPOUND_NOUN_RE.match(text, end)
    if words and words.group(1).lower() in ("under", "over") and hyphened:
        words = None  # "under 24-hour guard": the preposition takes the noun, not the number
    if words and not high:
        qualifier = words.group(1).lower()
        approx, bound = QUALIFIERS[qualifier]
        start -= len(text[max(0, start - 30) : start]) - words.start(1)
    if currency and not words and not high and _price_from(text, start, end):
        bound, qualifier = "min", "from"  # "MacBook models from $700": the cheapest of them
    if plus and not words:  # "20-plus years", "50 plus points": at least that many
        bound, qualifier = "min", "plus"
    after = AFTER_RE.match(text, last.end) or AFTER_RE.match(text, end)
    if after and not words and not high:  # "age 12 and older", "five or more cases"
        qualifier = after.group().strip().lower()
        bound = "max" if qualifier.endswith(AFTER_MAX) else "min"
        end = max(end, after.end())
    if not words and not high and ROUND_WORD_RE.match(text, start):
        approx = True  # "a hundred dollars", "a dozen shots": a round number, not a count
    or_so = OR_SO_RE.match(text, end) if not words else None
    if or_so:  # "12 hours or so after whatever happened"
        approx, end = True, or_so.end()
    if not words and ESTIMATED_OF_RE.search(text[max(0, start - 50) : start]):
        approx = True  # "an estimated net worth of $40 (£26) million"
    cap = MAXIMUM_OF_RE.search(text[max(0, start - 40) : start])
    if cap and not words and not high:  # "a maximum sentence of 175 years"
        bound, qualifier = "max", "maximum"
    opener = BETWEEN_RE.search(text[max(0, start - 12) : start])
    if high and opener:
        start -= len(text[max(0, start - 12) : start]) - opener.start()
    return Quantity(
        value=value, unit=unit, approx=approx, bound=bound, low=low, text=text[start:end],
        start=start, end=end, currency=currency, noun=noun, qualifier=qualifier,
    )  # fmt: skip


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
