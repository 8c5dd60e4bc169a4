"""Numbers and units in text: "12,000 troops", "12k", "twelve thousand", "1.5 million",
"between 10,000 and 12,000", "more than 3,000", "about 40%". Pure functions over strings."""

import re
from dataclasses import asdict, dataclass
from typing import Any

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SUFFIXES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# Words that qualify a figure, mapped to (approx, bound).
QUALIFIERS: dict[str, tuple[bool, str]] = {
    "about": (True, "exact"), "around": (True, "exact"), "roughly": (True, "exact"),
    "approximately": (True, "exact"), "some": (True, "exact"), "nearly": (True, "exact"),
    "almost": (True, "exact"), "an estimated": (True, "exact"), "estimated": (True, "exact"),
    "an approximate": (True, "exact"), "close to": (True, "exact"), "~": (True, "exact"),
    "more than": (False, "min"), "over": (False, "min"), "at least": (False, "min"),
    "upwards of": (False, "min"), "in excess of": (False, "min"), "no fewer than": (False, "min"),
    "fewer than": (False, "max"), "less than": (False, "max"), "under": (False, "max"),
    "up to": (False, "max"), "as many as": (False, "max"), "at most": (False, "max"),
    "no more than": (False, "max"),
}  # fmt: skip
# Units we recognise even a few words after the figure ("12,000 North Korean troops").
KNOWN_UNITS = {
    "troops", "troop", "soldiers", "soldier", "brigades", "brigade", "battalions", "battalion",
    "divisions", "division", "units", "people", "persons", "civilians", "personnel", "workers",
    "men", "women", "children", "officers", "fighters", "casualties", "deaths",
    "dead", "killed", "wounded", "refugees", "votes", "jobs", "tonnes", "tons", "kilometres",
    "kilometers", "km", "miles", "metres", "meters", "dollars", "euros", "won", "roubles",
    "rubles", "years", "months", "weeks", "days", "hours", "missiles", "shells", "tanks",
    "drones", "aircraft", "ships", "vehicles", "cases", "percent", "per", "points",
}  # fmt: skip
STOPWORDS = {
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "is", "are", "was", "were", "be", "been", "that", "this", "it", "its", "than",
    "who", "which", "had", "has", "have", "will", "would", "said", "says", "more", "into",
    "after", "before", "since", "per", "but", "not", "about", "over", "under", "up",
}  # fmt: skip
# Unit words folded together so "soldiers" and "troops" compare.
UNIT_SYNONYMS = {
    "troop": "troops", "soldiers": "troops", "soldier": "troops", "personnel": "troops",
    "fighters": "troops", "men": "troops", "brigade": "brigades",
    "%": "percent", "per cent": "percent", "pct": "percent", "people": "people",
    "persons": "people", "usd": "dollars", "$": "dollars", "€": "euros", "£": "pounds",
    "tons": "tonnes", "kilometers": "km", "kilometres": "km",
}  # fmt: skip

_WORDNUM = "|".join(sorted([*SMALL, *SCALES], key=len, reverse=True))
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
NUMBER_RE = re.compile(
    rf"(?P<cur>[$€£])?(?P<num>{_DIGITS})(?:\s*(?P<suffix>k|bn|mn|m|b)\b)?"
    rf"(?:\s+(?P<scale>hundred|thousand|million|billion)\b)?(?P<pct>\s*%|\s+per\s?cent\b)?"
    rf"|\b(?P<words>(?:{_WORDNUM})(?:(?:\s+|-|\s+and\s+)(?:{_WORDNUM}))*)\b"
    rf"(?P<wpct>\s+per\s?cent\b)?",
    re.IGNORECASE,
)
QUALIFIER_RE = re.compile(
    r"(?:^|\W)("
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s*$",
    re.IGNORECASE,
)
RANGE_JOIN_RE = re.compile(r"^\s*(?:and|to|-|–|—)\s*$", re.IGNORECASE)
DATE_NEAR_RE = re.compile(rf"\b(?:{MONTHS})\.?\s*$", re.IGNORECASE)
DATE_AFTER_RE = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b", re.IGNORECASE)
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@dataclass(frozen=True)
class Quantity:
    """A figure found in text. `value` is the single figure, or the upper end of a range."""

    value: float
    unit: str
    approx: bool
    bound: str  # exact | min | max | range
    low: float | None
    text: str
    start: int
    end: int

    def as_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form, as stored on claims."""
        return asdict(self)

    def describe(self) -> str:
        """Human form: "about 12,000 troops", "10,000–12,000 troops"."""
        figure = _fmt(self.value)
        if self.bound == "range" and self.low is not None:
            figure = f"{_fmt(self.low)}–{figure}"
        prefix = {"min": "more than ", "max": "up to "}.get(self.bound, "")
        if self.approx:
            prefix = "about " + prefix
        return f"{prefix}{figure} {self.unit}".strip()


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def words_to_number(words: str) -> float | None:
    """'twelve thousand' → 12000, 'one hundred and fifty' → 150; None if not a number."""
    total = current = 0
    seen = False
    for token in re.split(r"[\s-]+", words.lower()):
        if token == "and":
            continue
        if token in SMALL:
            current += SMALL[token]
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def normalise_unit(unit: str) -> str:
    """Fold plural and synonym forms so figures for the same thing compare."""
    unit = unit.lower().strip()
    return UNIT_SYNONYMS.get(unit, unit)


def _unit_after(text: str, end: int) -> tuple[str, int]:
    """The unit noun after a figure: a known unit within three words, else the next content word."""
    words = list(WORD_RE.finditer(text[end : end + 60]))[:4]
    gap = text[end : end + (words[0].start() if words else 0)]
    if words and re.search(r"[.;:!?()\"“”]", gap):
        return "", end
    for match in words[:4]:
        word = match.group().lower().strip("'’")
        if word in KNOWN_UNITS:
            return word, end + match.end()
        if word in STOPWORDS:
            break
    if words:
        first = words[0].group()
        if first.lower() not in STOPWORDS and first[0].islower():
            return first.lower(), end + words[0].end()
    return "", end


def _number(match: re.Match[str]) -> tuple[float, str] | None:
    """Value and any built-in unit (percent, currency) of one NUMBER_RE match."""
    if match.group("words"):
        value = words_to_number(match.group("words"))
        return None if value is None else (value, "percent" if match.group("wpct") else "")
    value = float(match.group("num").replace(",", ""))
    if match.group("suffix"):
        value *= SUFFIXES[match.group("suffix").lower()]
    if match.group("scale"):
        value *= SCALES[match.group("scale").lower()]
    unit = "percent" if match.group("pct") else ""
    if match.group("cur"):
        unit = normalise_unit(match.group("cur"))
    return value, unit


def _is_date_or_year(text: str, match: re.Match[str]) -> bool:
    raw = match.group("num") or ""
    if DATE_NEAR_RE.search(text[max(0, match.start() - 12) : match.start()]):
        return True
    if raw and DATE_AFTER_RE.match(text[match.end() : match.end() + 16]):
        return True
    # A bare four-digit number between 1800 and 2100 with no unit is a year.
    return bool(re.fullmatch(r"1[89]\d\d|20\d\d|2100", raw)) and not match.group("suffix")


def find(text: str) -> list[Quantity]:
    """All figures in text with unit, approximation and bound; dates and years are skipped."""
    raw: list[tuple[re.Match[str], float, str]] = []
    for match in NUMBER_RE.finditer(text):
        if match.group("num") and _is_date_or_year(text, match):
            continue
        if match.group("num") and re.match(r"(?:st|nd|rd|th)\b", text[match.end() :]):
            continue  # ordinals: "the 24th"
        parsed = _number(match)
        if parsed is not None:
            raw.append((match, *parsed))
    found: list[Quantity] = []
    i = 0
    while i < len(raw):
        match, value, unit = raw[i]
        start, end, low, bound = match.start(), match.end(), None, "exact"
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        before = text[max(0, start - 30) : start]
        if nxt and RANGE_JOIN_RE.match(text[end : nxt[0].start()]):
            opener = re.search(r"(between|from)\s*$", before, re.IGNORECASE)
            joiner = text[end : nxt[0].start()].strip().lower()
            if joiner != "and" or opener:
                low, value, end, bound = value, nxt[1], nxt[0].end(), "range"
                unit = unit or nxt[2]
                if opener:
                    start -= len(before) - opener.start()
                i += 1
        approx = False
        window = max(0, start - 20)
        qualifier = QUALIFIER_RE.search(text[window:start])
        if qualifier and bound != "range":
            approx, bound = QUALIFIERS[qualifier.group(1).lower()]
            start = window + qualifier.start(1)
        if not unit:
            unit, end = _unit_after(text, end)
        i += 1
        if match.group("words") and not unit:
            continue  # "one" or "ten" without a noun is rarely a figure ("one of them")
        found.append(
            Quantity(
                value=value,
                unit=normalise_unit(unit),
                approx=approx,
                bound=bound,
                low=low,
                text=text[start:end],
                start=start,
                end=end,
            )
        )
    return found
