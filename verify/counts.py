"""Counts written around a number rather than as "number + noun": ordinals that count ("a 6th
fatality", "a seventh straight session", "the fourth time"), "an hour or two", "a family of
five", and the parts of a total after a colon ("five sales this week: two to Biman and three to
Ghana"). English only. Pure; `quantities.find` turns these into figures.
"""

import re
from dataclasses import dataclass

from verify import numerals, prefilter

ORDINAL_WORDS = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "twentieth": 20,
}  # fmt: skip
# "first" counts nothing ("the first time since 1905", "the first cases"); an ordinal before any
# noun ranks or names ("a second listing", "the third undisclosed buyer"). It counts when it
# numbers a run ("seventh straight session"), an occurrence ("the fourth time") or a new entry
# in a running tally of harm ("a sixth death", "a third case of plague").
ORDINAL = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(ORDINAL_WORDS)
RUN_RE = re.compile(
    rf"\b(?P<n>{ORDINAL})\s+(?:straight|consecutive|successive|running)\s+(?P<noun>[a-z]+)",
    re.IGNORECASE,
)
TIME_RE = re.compile(rf"\bthe\s+(?P<n>{ORDINAL})\s+(?P<noun>time)\b", re.IGNORECASE)
TALLY_RE = re.compile(
    rf"\ban?\s+(?P<n>{ORDINAL})\s+(?P<noun>(?:case|death|fatality|victim|casualty|infection|"
    r"patient|instance|incident|outbreak|fatal (?:case|shooting|crash))s?)\b",
    re.IGNORECASE,
)
# "an hour or two", "a day or two": one to two of them.
OR_TWO_RE = re.compile(
    r"\b(?P<a>an?)\s+(?P<noun>minute|hour|day|week|month|year|mile|night|game|season)\s+or\s+"
    r"(?P<n>two|three)\b",
    re.IGNORECASE,
)
# "a family of five": five people. Not "a group of five countries" (the noun follows).
GROUP_OF_RE = re.compile(
    r"\ba\s+(?:family|household|group|crew|team|party|gang|band)\s+of\s+"
    rf"(?P<n>{numerals.SMALL_WORDS}|\d{{1,2}})\b(?!\s+(?!was\b|is\b|has\b)[a-z]+s\b)",
    re.IGNORECASE,
)
# "five 787 Dreamliner sales earlier this week: two to Biman … and three to the Ghanaian
# government": after a colon, a bare number followed by a preposition shares the total's noun.
PART_RE = re.compile(
    rf"\b(?P<n>{numerals.SMALL_WORDS}|\d{{1,3}})(?=\s+(?:to|for|from|in|at|by|with|went to)\s)",
    re.IGNORECASE,
)


# "Out of 17 observations …, the scientists spotted water vapour in one", "Of the 30
# passengers, 12 were hurt": the total's noun, then a bare number that counts some of them.
OF_TOTAL_RE = re.compile(
    r"^(?:out\s+)?of\s+(?:the\s+)?(?P<n>\d[\d,]*)\s+(?P<noun>[a-z]+s)\b", re.IGNORECASE
)
SOME_OF_RE = re.compile(
    rf"(?<=[\s,])(?P<n>{numerals.SMALL_WORDS}|\d{{1,3}})"
    r"(?=\s*[.;]?$|\s+(?:were|was|had|have|did)\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Count:
    """A count found by its construction: value (upper end of a range), low, noun, span."""

    value: float
    low: float | None
    noun: str
    start: int
    end: int


def _ordinal(text: str) -> float:
    word = text.lower()
    return float(ORDINAL_WORDS.get(word) or int(re.sub(r"\D", "", word)))


def find(text: str) -> list[Count]:
    """Counts written as ordinals, "an hour or two" and "a family of five", in text order."""
    found: list[Count] = []
    for pattern in (RUN_RE, TIME_RE, TALLY_RE):
        for m in pattern.finditer(text):
            found.append(
                Count(_ordinal(m.group("n")), None, m.group("noun").lower(), m.start("n"),
                      m.end("noun"))
            )  # fmt: skip
    for m in OR_TWO_RE.finditer(text):
        high = {"two": 2.0, "three": 3.0}[m.group("n").lower()]
        found.append(Count(high, 1.0, m.group("noun").lower(), m.start(), m.end()))
    found += _some_of_the_total(text)
    for m in GROUP_OF_RE.finditer(text):
        value = numerals.words_to_number(m.group("n")) or 0.0
        if value > 1:
            found.append(Count(value, None, "people", m.start("n"), m.end("n")))
    return sorted(found, key=lambda c: c.start)


def _some_of_the_total(text: str) -> list[Count]:
    total = OF_TOTAL_RE.match(text)
    if not total:
        return []
    most = float(total.group("n").replace(",", ""))
    found = []
    for m in SOME_OF_RE.finditer(text, total.end()):
        n = m.group("n")
        value = float(n) if n.isdigit() else numerals.words_to_number(n)
        if value is not None and value <= most:
            found.append(Count(value, None, total.group("noun").lower(), m.start(), m.end()))
    return found


def parts_after_colon(text: str, total: float, noun: str, colon: int) -> list[Count]:
    """The parts of a total listed after its colon, each counted in the total's noun; none
    when they add up to more than the total (then they count something else)."""
    found = []
    for m in PART_RE.finditer(text, colon):
        n = m.group("n")
        value = float(n) if n.isdigit() else numerals.words_to_number(n)
        if value is not None and value >= 1:
            found.append(Count(value, None, noun, m.start("n"), m.end("n")))
    return found if sum(c.value for c in found) <= total else []


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
