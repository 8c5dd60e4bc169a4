"""Numbers as written: digits with the article's separators, scale words and suffixes,
fractions, number words; and the numbers that name things rather than count them (years,
dates, times, model numbers, codes, citations). Pure.

Separators come from the language's CLDR data (babel, already installed with trafilatura):
"17.000" is 17 in English and 17,000 in Indonesian. Number words go through text2num.
"""

import re
from dataclasses import dataclass
from functools import cache

from text_to_num import text2num

from verify import prefilter

# Patterns used in the per-number checks, compiled once.
CAPITAL_AFTER_RE = re.compile(r"\s[A-Z]\w*")
GERMAN_DAY_AFTER_RE = re.compile(
    r"\.\s+(?:(?:bis|und|-|–)\s+\d{1,2}\.\s+)?(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|"
    r"August|September|Oktober|November|Dezember)\b",
    re.IGNORECASE,
)
# Capitalised modifiers, then what is counted: "Two United States service members", "two
# Western hostages". A name has no lower-case plural after it ("the Three Kingdoms").
MODIFIED_COUNT_RE = re.compile(r"(?:\s[A-Z][\w.'’-]*){1,3}(?:\s[a-z][\w-]*)?\s[a-z]+s\b")
# An era after a number makes it a year: "198 AD", "500 BC".
ERA_AFTER_RE = re.compile(r"\s?(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)(?!\w)")
NAIRA_OR_RAND_RE = re.compile(r"(?:^|[\s(])[NR]$")
LETTER_RE = re.compile(r"[^\W\d_]")
JOINED_BEFORE_RE = re.compile(r"\w-$|\d[.:/]$")
JOINED_AFTER_RE = re.compile(r"-\d|-in-\d|[.:/]\d|'?s\b")  # "787-9", "a 3-in-1 charger"
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d|2100")
FIVE_DIGITS_RE = re.compile(r"\d{5}")
DOT_THOUSANDS_RE = re.compile(r"\d{1,3}(?:\.000)+")
# a count of things, not a measure written to three places ("1.000 inches")
COUNTED_AFTER_RE = re.compile(
    r"\s+(?!(?:inche|meter|metre|mile|point|pound|ounce|gram|liter|litre|second|minute|hour|"
    r"degree|ton|tonne|carat|karat|volt|watt|yard)s\b)(?:[a-z]+\s+)?[a-z]+s\b"
)
# Years before 1800 only where a date stands: after "in", "since", "between" … and before no noun.
OLD_YEAR_RE = re.compile(r"1[0-7]\d\d")
OLD_YEAR_BEFORE_RE = re.compile(
    r"\b(?:[Ii]n|since|from|between|until|till|by|circa|c\.|and|of|back to|back as|dating to)\s$"
)  # "In 1770, British soldiers", "dating back to 1795", "as far back as 1652"
YEAR_END_RE = re.compile(r"(?:[\s]*[,.;:)]|$|\s+(?:and|to|when|by|until|in|on|[A-Z]))")
# A software or standard's version: "Android 5.0", "OS X 10.10", "USB 2.0 and 3.0 ports".
VERSION_BEFORE_RE = re.compile(
    r"\b(?:Android|iOS|OS X|macOS|Windows|USB|Bluetooth|Wi-?Fi|HTML|HTTP|Web|version|v\.?)\s?"
    r"(?:\d+\.\d+\s+(?:and|or|to)\s+)?$"
)
STATE_CODE_BEFORE_RE = re.compile(r"\b[A-Z]{2}\s$")
DIAL_BEFORE_RE = re.compile(r"\b(?:dial(?:l?ed)?|call(?:ed)?)\s$")
LETTERS_RE = re.compile(r"[^\W\d_]+")
WORD_BEFORE_RE = re.compile(r"(?:^|(?<=\s))(\S+)\s$")
# "Cuba's 88-year-old former leader", "In December 14-year-old Sam Lee", "no 71-year-old
# Father": an age, whatever word comes before it (in lower case: "This 20 Year Old Burger" is
# a title)
AGE_AFTER_RE = re.compile(r"[- ](?:year|month|week)s?[- ]old\b")
# "worth the high eight figures", "earns six figures": an idiom of magnitude (the gold's
# `other`), not a count of figures ("these 5 figures reveal" counts pictures; "a six-figure
# salary" is no figure already, the hyphen naming no noun a number word counts)
MAGNITUDE_BEFORE_RE = re.compile(r"(?i)\b(?:high|low|mid|worth|earns?|earning|earned)\s+$")
MAGNITUDE_AFTER_RE = re.compile(r"(?i)[- ]figures?\b")
CAPITALISED_AFTER_RE = re.compile(r"\s([A-Z][a-z]+)\b")
# A span of time or a count of times after the number counts it, whatever the capital before:
# "it took the iOS App Store 16 months to hit 100,000 apps", "shot at Brown 11 times".
DURATION_AFTER_RE = re.compile(r"\s(?i:years|months|weeks|days|hours|minutes|times)\b")
THREE_OR_FOUR_DIGITS_RE = re.compile(r"\d{3,4}")

SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}  # fmt: skip
# Scale words of other languages; each table wins over the English one (a German "Billion" is
# a million millions). "Mio.", "Mrd.", "Tsd." keep their full stop.
OTHER_SCALES = {
    "de": {"tsd": 1e3, "tausend": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6, "mrd": 1e9,
           "milliarde": 1e9, "milliarden": 1e9, "billion": 1e12, "billionen": 1e12},
    "fr": {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    "es": {"millón": 1e6, "millones": 1e6, "billón": 1e12, "billones": 1e12},
    "it": {"milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9},
    "pt": {"milhão": 1e6, "milhões": 1e6, "bilhão": 1e9, "bilhões": 1e9},
    "nl": {"miljoen": 1e6, "miljard": 1e9},
    "id": {"ribu": 1e3, "juta": 1e6, "miliar": 1e9, "triliun": 1e12},
}  # fmt: skip
ABBREVIATED_SCALES = {"tsd", "mio", "mrd"}
SUFFIXES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12}
MONEY_ONLY_SUFFIXES = {"m", "b"}  # "5m" alone is five metres; "£5m" is five million
SMALL_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    "eighty|ninety"
)
_WORD = rf"(?:{SMALL_WORDS}|hundred|thousand|million|billion|trillion|dozen)"
SMALL = rf"(?:{SMALL_WORDS})"
# A live blog's time stamp opening an entry: "11.58 The name John …", "10.50 Jihadi John named
# as …" (not "3.50 Million people", "2.40 GHz processors", "5.56 NATO rounds"). Figures skip it
# and speakers read the subject after it.
TIME_STAMP = (
    r"[0-2]?\d[.:][0-5]\d(?=\s+(?-i:[A-Z]))(?!\s+(?i:million|billion|trillion|percent|per\s+cent|"
    r"points?|euros?|dollars?|pounds?|usd|eur|gbp|ghz|mhz|kgs?|km|mph|metres?|meters?|miles?|"
    r"seconds?|secs?|lbs?|tons?|tonnes?|ml|mm|cm|inches|feet|acres?|hectares?|nato)\b)"
)
# "May" and "March" only capitalised: "but two may have been …", "five march on" are no dates
MONTHS = (
    "january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july|august|september|october|"
    "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
DATE_BEFORE_RE = re.compile(
    rf"\b(?:(?:{MONTHS})\.?\s+(?:the\s+)?|(?:tahun|anno|año|ano|jahr)\s+|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+the\s+)$",
    re.IGNORECASE,
)  # "October 24", "tahun 37" (the year 37), "Tuesday the 16"
# Months after a day in the other languages pages come in: "le 10 février", "4 de febrero".
OTHER_MONTHS = (
    "janvier|février|fevrier|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|enero|febrero|marzo|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|"
    "dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januar|"
    "februar|märz|juni|juli|oktober|dezember|januari|februari|maret|mei|agustus|desember"
)
DATE_AFTER_RE = re.compile(
    rf"(?:st|nd|rd|th|er|º|\.)?\s+(?:of\s+|de\s+)?(?:{MONTHS}|{OTHER_MONTHS})\b", re.IGNORECASE
)
TIME_AFTER_RE = re.compile(
    r"\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|ET\b|EST\b|EDT\b|BST\b|CET\b|hrs\b|h\b)",
    re.IGNORECASE,
)
CITATION_BEFORE_RE = re.compile(
    r"(?:\b(?:no|nos|nr|vol|p|pp|hal|art|sec|ch|fig|tel|ph|box|suite)\.?\s?|#|\bnumber\s|"
    r"§§?\s?(?:[\d.–-]+\s*(?:,|&|and)\s*)*|"  # "A.R.S. §§ 29-169 & 48-69": each cites
    r"\b(?:Figure|Table|Chart|Exhibit)\s|"
    r"\bversion\s)$",
    re.IGNORECASE,
)
ABBREVIATION_BEFORE_RE = re.compile(r"\b(?:[A-Z]\.){2,}\s$")  # "U.S. 10-year notes"
EMERGENCY_NUMBERS = {"911", "999", "112", "000"}
SPELLED_EMERGENCY_RE = re.compile(r"(?<![\d-])9-1-1(?![\d-])")
CALLING_RE = re.compile(r"(?i)\b(?:call\w*|dial\w*|phon\w*|rang|operator|dispatch\w*|emergency)\b")
CALL_WORDS_RE = re.compile(
    r"\s+(?:call|calls|caller|callers|dispatch\w*|operator\w*|cent(?:er|re)s?|emergenc\w*)\b"
)
UNIT_SUFFIXES = {
    "k", "m", "mn", "mln", "b", "bn", "tn", "km", "kg", "mm", "cm", "ml", "mg", "g", "lb", "lbs",
    "oz", "ft", "mph", "kph", "kmh", "mw", "gw", "kw", "kwh", "gb", "mb", "tb", "hz", "ghz",
    "mhz", "l", "t", "sq", "in", "ins", "fps", "nm", "sqm", "kps", "kbps", "mbps", "gbps", "w",
    "mp", "mah",  # product copy: "a 12MP camera", "a 5,000mAh battery"
    "ms",  # "4ms response time"
}  # fmt: skip
SPEC_SUFFIXES = {"ms", "hz", "mhz", "ghz", "mah", "mp"}


@dataclass(frozen=True)
class Numeral:
    """One number as written, before deciding whether it is a figure."""

    value: float
    start: int
    end: int  # after any scale word or suffix
    digits: str  # the digits as written ("" for number words)
    scaled: bool  # a scale word or suffix multiplied it
    words: bool  # written in words ("twelve thousand")
    suffix: str  # "k", "m", "bn" as written, lower-cased
    scale: float = 1.0  # what a scale word or suffix multiplied it by


@cache
def numeral_re(lang: str) -> re.Pattern[str]:
    """Numbers in the language's own separators, with scale words, suffixes and fractions."""
    group, decimal = _separators(lang)
    g, d = re.escape(group), re.escape(decimal)
    digits = rf"\d{{1,3}}(?:{g}\d{{3}})+(?!\d)(?:{d}\d+)?|\d+(?:{d}\d+)?"  # not "01.01.2019"
    scales = "|".join(
        rf"{w}\.?" if w in ABBREVIATED_SCALES else w
        for w in sorted(scales_of(lang), key=len, reverse=True)
    )
    suffixes = "|".join(sorted(SUFFIXES, key=len, reverse=True))
    # "a hundred" is a number; a scale word alone ("a few million dollars") is not
    words = (
        rf"\b(?P<words>(?:(?P<article>an?\s+)(?:hundred|thousand|million|billion|dozen)|{SMALL}"
        rf"(?:(?:\s+|-|\s+and\s+){_WORD})*|twice))\b"
    )
    # "two and a half years", "four-and-a-half stone", "… thousand species"
    half = r"(?P<half>(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half\b)?"
    if lang != "en":  # other languages: their own words, or none where there is no table
        other = OTHER_WORDS.get(lang, "(?!)")
        joiner = r"\s+|\s+(?:e|y|und|et|en)\s+"
        words = rf"\b(?P<words>(?P<article>(?!))|(?:{other})(?:(?:{joiner})(?:{other}))*)\b"
    return re.compile(
        rf"(?<![\d/])(?P<frac>(?:(?P<whole>\d+)[- ])?(?P<fn>\d{{1,2}})/(?P<fd>\d{{1,2}}))(?![\d/])"
        rf"|(?P<num>{digits})(?:\s?(?P<suffix>{suffixes})\b)?(?:(?:\s*|-)(?P<scale>{scales})(?!\w))?"
        rf"|{words}{half}(?:\s+(?P<wscale>{scales})(?!\w))?",
        re.IGNORECASE,
    )


@cache
def scales_of(lang: str) -> dict[str, float]:
    """The scale words a page in this language may use, lower-case, by what they multiply."""
    return {**SCALES, **OTHER_SCALES.get(lang, {})}


def scale_of(word: str, lang: str = "en") -> float:
    """What a scale word as written multiplies by ("Mio." → 1e6 on a German page); 1 if none."""
    return scales_of(lang).get(word.lower().rstrip("."), 1)


@cache
def _separators(lang: str) -> tuple[str, str]:
    """Thousands and decimal separators from CLDR; English ones when babel lacks the locale."""
    from babel import Locale, UnknownLocaleError, numbers

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return ",", "."
    group, decimal = numbers.get_group_symbol(locale), numbers.get_decimal_symbol(locale)
    if group not in ",." or decimal not in ",.":  # narrow spaces (French): too risky in prose
        group = "." if decimal == "," else ","
    return group, decimal


# Number words of other languages that text2num reads. Words for "one" are left out (they are
# also articles: "um", "una", "ein"), and so are words with another common sense (Italian "sei"
# "you are", French "neuf" "new").
OTHER_WORDS = {
    "pt": "dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|treze|catorze|quatorze|"
    "quinze|dezesseis|dezasseis|dezessete|dezassete|dezoito|dezenove|dezanove|vinte|trinta|"
    "quarenta|cinquenta|sessenta|setenta|oitenta|noventa|cem|duzentos|trezentos|quinhentos|mil",
    "es": "dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
    "dieciséis|diecisiete|dieciocho|diecinueve|veinte|treinta|cuarenta|cincuenta|sesenta|"
    "setenta|ochenta|noventa|cien|doscientos|trescientos|quinientos|mil",
    "it": "due|tre|quattro|cinque|sette|otto|nove|dieci|undici|dodici|tredici|quattordici|"
    "quindici|sedici|diciassette|diciotto|diciannove|venti|trenta|quaranta|cinquanta|sessanta|"
    "settanta|ottanta|novanta|cento|mille",
    "fr": "deux|trois|quatre|cinq|six|sept|huit|dix|onze|douze|treize|quatorze|quinze|seize|"
    "vingt|trente|quarante|cinquante|soixante|cent|mille",
    "de": "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|"
    "fünfzig|sechzig|siebzig|achtzig|neunzig|hundert|tausend",
    "nl": "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|dertig|veertig|"
    "vijftig|honderd|duizend",
}
_ALL_WORDS = frozenset(w for words in OTHER_WORDS.values() for w in words.split("|"))
ANY_NUMBER_RE = re.compile(
    rf"\d|(?i:\b(?:{SMALL_WORDS}|twice|hundred|thousand|million|billion|dozen)\b)"
)


@cache
def _any_number_re(lang: str) -> re.Pattern[str]:
    if lang not in OTHER_WORDS:
        return ANY_NUMBER_RE
    return re.compile(rf"\d|(?i:\b(?:{OTHER_WORDS[lang]})\b)")


def is_number_word(word: str) -> bool:
    """Whether a lower-case word is a number word of a language with a table ("cinco")."""
    return word in _ALL_WORDS or re.fullmatch(SMALL_WORDS, word) is not None


LEADING_POINT_RE = re.compile(r"(?:^|[\s(/$])?\.(?=\d)")  # "hit .266/.353", "a .5 rise"


def numerals(text: str, lang: str = "en") -> list[Numeral]:
    """Every number written in text, in order, with its value."""
    if not _any_number_re(lang).search(text):
        return []  # most sentences: one quick scan instead of the full pattern
    group, decimal = _separators(lang)
    found: list[Numeral] = []
    for match in numeral_re(lang).finditer(text):
        value = _value(match, group, decimal, lang)
        if value is None:
            continue
        scaled = bool(match.group("suffix") or match.group("scale") or match.group("wscale"))
        digits = match.group("num") or match.group("frac") or ""
        start = match.start()
        pointed = start and text[start - 1] == "." and digits.isdigit()  # most numbers: no
        if pointed and LEADING_POINT_RE.match(text, max(0, start - 2), start + 1):
            # ".266" (a batting average), ".5 percent": a decimal written without its zero
            times = value / float(digits) if float(digits) else 1.0  # a scale word after it
            value, start, digits = float(f"0.{digits}") * times, start - 1, f".{digits}"
        suffix = (match.group("suffix") or "").lower()
        words = bool(match.group("words"))
        scale = SUFFIXES.get(suffix, 1) * scale_of(
            match.group("scale") or match.group("wscale") or "", lang
        )
        found.append(Numeral(value, start, match.end(), digits, scaled, words, suffix, scale))
    return found


def _value(match: re.Match[str], group: str, decimal: str, lang: str) -> float | None:
    if match.group("frac"):
        numerator, denominator = int(match.group("fn")), int(match.group("fd"))
        if not 0 < numerator < denominator or denominator not in (2, 3, 4, 8, 16, 32, 64):
            return None
        return int(match.group("whole") or 0) + numerator / denominator
    if match.group("words"):
        value = words_to_number(match.group("words"), lang)
        if value is not None and match.group("half"):
            value += 0.5
        scale = match.group("wscale")
    else:
        num = match.group("num")
        if (
            lang == "en"
            and DOT_THOUSANDS_RE.fullmatch(num)
            and COUNTED_AFTER_RE.match(match.string, match.end())
        ):
            num = num.replace(".", "")  # "1.000 led lights" on an English page written abroad
        value = float(num.replace(group, "").replace(decimal, "."))
        scale = match.group("scale")
        suffix = (match.group("suffix") or "").lower()
        value *= SUFFIXES.get(suffix, 1)
    return None if value is None else value * scale_of(scale or "", lang)


def words_to_number(words: str, lang: str = "en") -> float | None:
    """'twelve thousand' → 12000, 'one hundred and fifty' → 150, 'cinco' (pt) → 5; None if not
    a number."""
    words = words.lower()
    if words == "twice":
        return 2.0
    dozens = re.fullmatch(r"(?:(?P<times>.+)\s+)?dozen", words)
    if dozens:  # "a dozen", "two dozen": text2num reads no "dozen"
        times = dozens.group("times")
        count = 1.0 if times in (None, "a", "an") else words_to_number(times, lang)
        return None if count is None else count * 12
    words = re.sub(r"^an?\s+", "one ", words)
    try:
        return float(text2num(words.lower().replace("-", " "), lang))
    except ValueError:
        return None


# A rank list's size names the list: "into the top 10 free apps" (not "top 5 officials said").
RANK_BEFORE_RE = re.compile(r"\b(?:the|a|its|their|into|in|of)\s+top[\s-]$", re.IGNORECASE)


# "three Marines during a raid", "five Grammys back in 2009": a capitalised plural counted by a
# number word in lower case, where no capital follows and no "the" comes before ("the Three
# Kingdoms", "Three Lions Pub").
COUNTED_CAPITAL_PLURAL_RE = re.compile(r"\s[A-Z][a-z]{2,}[^s\W]s\b(?!\s+[A-Z\d])")
DETERMINER_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir)\s+$")


# Books of the Bible numbered in their names, before a chapter: "1 Corinthians 6:1", "2 Kings
# 5" (not "3 John Deere dealers").
NUMBERED_BOOK_AFTER_RE = re.compile(
    r"\s(?:Corinthians|Kings|Samuel|Chronicles|Timothy|Thessalonians|Peter|John|Esdras|"
    r"Maccabees)\s+\d{1,3}\b"
)


# A number that names a plan or a list: "a 401(k)", "403(b)"; "40 Under 40", "30 Under 30".
NAMED_LIST_RE = re.compile(r"\([a-z]\)|\s+Under\s+\d")
NAMED_LIST_BEFORE_RE = re.compile(r"\d\s+Under\s+$")
HYPHENATED_NAME_BEFORE_RE = re.compile(r"\b[A-Z][a-z]*-[A-Z][a-z]*\s$")  # "Wi-Fi 6"
COUNT_AFTER_RE = re.compile(r"\s+(?:[a-z]+\s+)?[a-z]+s\b")  # a plural noun: a count
OTHER_AFTER_RE = re.compile(r"\s+(?:other|more|extra|additional|new|further)\b")
# A model named before, then a second number joined to it: "MiG 21 and 23", "Boeing 737 and 747"
# (not "The Boeing 737 and 200 other aircraft").
PAIRED_NAME_BEFORE_RE = re.compile(r"(\S+)\s+(\d{1,4})s?\s+(?:and|or|&)\s+$")


def names_something(text: str, n: Numeral, lang: str = "en") -> bool:
    """True when the number is a year, date, time, model or product number, code, citation,
    phone number or list marker rather than a count or measure. German capitalises every
    noun, so there a capital after a number is what it counts ("über 100 Seminaren")."""
    before, after = text[max(0, n.start - 40) : n.start], text[n.end : n.end + 40]
    if lang == "en" and AGE_AFTER_RE.match(after):
        return False
    if lang == "en" and MAGNITUDE_AFTER_RE.match(after) and MAGNITUDE_BEFORE_RE.search(before):
        return True
    if lang == "de" and GERMAN_DAY_AFTER_RE.match(after):
        return True  # "Am 12. bis 13. September": days of the month, written as ordinals
    if n.words and lang == "de":
        return bool(DATE_AFTER_RE.match(after) or CITATION_BEFORE_RE.search(before))
    if n.words:  # "Zero G Day", "the Three Kingdoms": a number word before a name
        named = CAPITAL_AFTER_RE.match(after) and not (
            # "Two MPs", "two Iraqis", "seven Iraqi police", "three British soldiers"
            re.match(r"\s[A-Z][a-z]+(?:ans?|ese|is)\b|\s[A-Z]{2,4}s\b", after)
            or re.match(
                r"\s[A-Z][a-z]+(?:i|ish|ch)\s+(?:[a-z]+s|police|people|personnel|men|women)\b",
                after,
            )  # not "Channel Four Danish drama"
            or MODIFIED_COUNT_RE.match(after)
            or text[n.start].islower()  # "Three Amigos", "'Six Strikes'" are names
            and COUNTED_CAPITAL_PLURAL_RE.match(after)
            and not DETERMINER_BEFORE_RE.search(before)
        )
        return bool(DATE_AFTER_RE.match(after) or CITATION_BEFORE_RE.search(before) or named)
    raw = n.digits
    naira = n.scaled and NAIRA_OR_RAND_RE.search(before)  # "N500m" is money
    if before and (before[-1].isalpha() or before[-1] in "=#@_/\\’'") and not naira:
        return True  # "RAV4", "CLc1", "hati2"
    if re.search(r"\b[A-Z]{1,4}\.$", before):
        return True  # "Volkswagen’s first ID.3 all-electric car": a model
    if "." in n.digits and VERSION_BEFORE_RE.search(before):
        return True  # "Android 5.0", "USB 2.0 and 3.0 ports"
    if LETTER_RE.match(after) and not _unit_suffix(after):
        return True  # "777x", "5G", "24th"
    if JOINED_BEFORE_RE.search(before) or JOINED_AFTER_RE.match(after):
        return True  # "COVID-19", "787-9", "12.05.2020", "10:30", "1990s"
    if raw.startswith("0") and len(raw) > 1 and raw[1].isdigit():
        return True  # "0000 GMT", "007"
    if lang == "en" and raw in ("1", "2", "3") and NUMBERED_BOOK_AFTER_RE.match(after):
        return True  # "1 Corinthians 6:1", "2 Kings 5": a book of the Bible, named
    if lang == "en" and (NAMED_LIST_RE.match(after) or NAMED_LIST_BEFORE_RE.search(before)):
        return True  # "a 401(k)", "40 Under 40", "20 Under 20"
    counted = COUNT_AFTER_RE.match(after) is not None  # "1,500 jobs", "200 other aircraft"
    if lang == "en" and HYPHENATED_NAME_BEFORE_RE.search(before) and not counted:
        return True  # "Wi-Fi 6", "Wi-Fi 5" (not "Mercedes-Benz 1,500 jobs")
    paired = PAIRED_NAME_BEFORE_RE.search(before)
    named_pair = paired and _after_a_name(before[: paired.start(2)], paired.group(2))
    if lang == "en" and named_pair and not OTHER_AFTER_RE.match(after):
        return True  # "MiG 21 and 23 warplanes": the second model as the first
    if not n.scaled and YEAR_RE.fullmatch(raw):
        return True  # a bare year
    if (
        OLD_YEAR_RE.fullmatch(raw)
        and OLD_YEAR_BEFORE_RE.search(before)
        and YEAR_END_RE.match(after)
    ):
        return True  # "first placed in 1795 by", "coins dating from between 1652 and 1855"
    if DATE_BEFORE_RE.search(before) or DATE_AFTER_RE.match(after) or TIME_AFTER_RE.match(after):
        return True
    if ERA_AFTER_RE.match(after):
        return True
    if FIVE_DIGITS_RE.fullmatch(raw) and STATE_CODE_BEFORE_RE.search(before):
        return True  # a ZIP code: "CA 90069"
    if CITATION_BEFORE_RE.search(before) or ABBREVIATION_BEFORE_RE.search(before):
        return True  # "no. 178", "hal. 41", "U.S. 10-year notes"
    if RANK_BEFORE_RE.search(before):
        return True  # "the top 10 free apps", "a top-20 finish": a rank, not a count
    if raw in EMERGENCY_NUMBERS and (CALL_WORDS_RE.match(after) or DIAL_BEFORE_RE.search(before)):
        return True  # "911 calls"
    if len(raw) == 1 and any(
        m.start() <= n.start < m.end() and spelled_emergency(text, m.start())
        for m in SPELLED_EMERGENCY_RE.finditer(text, max(0, n.start - 4), n.end + 4)
    ):
        return True
    # "Dell Alienware Curved 4ms": a glued unit of speed or power measures, it names no model
    # (where "iPad Pro 256GB" and "NBA 2K20" do)
    measured = _unit_suffix(after, SPEC_SUFFIXES)
    named = _after_a_name(before, raw) and not DURATION_AFTER_RE.match(after) and not measured
    return named or lang != "de" and _before_a_name(after, raw)


def spelled_emergency(text: str, start: int) -> bool:
    """ "9-1-1" at `start` is the emergency number when a call is near: "his mother called
    9-1-1", "the 9-1-1 dispatcher" (not "The Bruins (9-1-1) lead the division")."""
    if not SPELLED_EMERGENCY_RE.match(text, start):
        return False
    return CALLING_RE.search(text, max(0, start - 30), start + 40) is not None


def _unit_suffix(after: str, suffixes: set[str] = UNIT_SUFFIXES) -> bool:
    letters = LETTERS_RE.match(after)
    return letters is not None and letters.group().lower() in suffixes


def _after_a_name(before: str, raw: str) -> bool:
    """A capitalised word right before a plain number names a thing ("Boeing 737", "Windows
    10", "S&P 500", "Section 230"), unless that word only starts the sentence."""
    if "," in raw or "." in raw or len(raw) > 4:
        return False
    word = WORD_BEFORE_RE.search(before)
    if word and re.fullmatch(r"[a-z]{1,2}[A-Z][a-z]+|[A-Z][a-z]+[A-Z][a-z]+", word.group(1)):
        return True  # "the iPhone 6", "iOS 8", "AirPods 2" (even first): a name in camel case
    if not word or not word.group(1)[:1].isupper():
        return False
    if word.group(1).endswith((",", ":", ";")):
        return False  # "Assange, 47," is an age; "King of Monitors: 35% Off" a new phrase
    token = word.group(1).strip("\"“‘'([")
    head = before[: word.start(1)].rstrip()
    starts_sentence = not head or head[-1] in '.!?:;"“”\n'
    return bool(token) and token[0].isupper() and not starts_sentence


def _before_a_name(after: str, raw: str) -> bool:
    """A plain three- or four-digit number right before a capitalised word that is not a
    nationality is a model number ("737 Max", "787 Dreamliner"; not "300 Russian troops")."""
    word = CAPITALISED_AFTER_RE.match(after)
    if not word or not THREE_OR_FOUR_DIGITS_RE.fullmatch(raw):
        return False
    if word.group(1).lower() in UNIT_SUFFIXES:
        return False  # "540 Nm", "256 GB": a unit, not a name
    plural = word.group(1).endswith("s") and not word.group(1).endswith(("ss", "Series"))
    if plural:
        return False  # a model is named in the singular: "about 450 Dreamers" counts people
    name = word.group(1).removesuffix("s")
    return not name.endswith(NATIONALITY_ENDINGS) and word.group(1) not in COMPASS


NATIONALITY_ENDINGS = ("an", "ese", "ish", "i", "ch", "ic")
COMPASS = {"North", "South", "East", "West", "New", "United", "Central", "Northern", "Southern"}


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
