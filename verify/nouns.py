"""The noun a number modifies, read from the words after it: "12,000 North Korean troops" →
troops, "2-liter" → liter, "30 of Boeing's 787-9 Dreamliner jets" → jets. Pure."""

import re

from verify import numerals, prefilter
from verify.numerals import Numeral
from verify.speakers import IRREGULAR_PASTS as SPEAKERS_PASTS

# "shot" is a noun as often as a verb: a past only before what a shooting leaves ("one suspect
# shot dead"), not "one shot on goal".
NOUN_PASTS = {"shot"}
IRREGULAR_PASTS = SPEAKERS_PASTS - NOUN_PASTS

# Words that end the search for a noun: function words, auxiliaries, adverbs of time.
STOPWORDS = {
    "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "from", "with",
    "as", "is", "are", "was", "were", "be", "been", "being", "that", "this", "it", "its",
    "than", "who", "which", "had", "has", "have", "will", "would", "can", "could", "may",
    "might", "should", "must", "said", "says", "say", "more", "into", "after", "before",
    "since", "but", "not", "about", "over", "under", "up", "down", "each", "due",
    "them", "those", "these", "they", "their", "there", "if", "when", "while", "so", "such",
    "per", "all", "other", "others", "did", "do", "does", "last", "next", "ago", "so-called",
    "including", "include", "includes", "during", "between", "against", "among", "out",
    "back", "off", "again", "also", "only", "just", "still", "then", "now", "yet", "too",
    "lower", "higher", "later", "earlier", "left", "remain", "remained", "remains",
    # Prepositions and adverbs that follow a plural without being part of it: "more than 100
    # cities across Iran", "50 million followers worldwide".
    "across", "around", "through", "throughout", "near", "inside", "outside", "within",
    "without", "along", "toward", "towards", "behind", "beyond", "despite", "amid", "via",
    "worldwide", "nationwide", "whereas", "always", "perhaps",
    # Pronouns and bounds are never the noun: "at the age of 22 she was", "the one we believed",
    # "42 of the almost 100 KFC franchises"
    "he", "she", "we", "i", "you", "him", "her", "us", "me", "almost", "nearly", "roughly",
    "his", "ours", "yours",  # "a list of three things his parents had done"
    # "one" as a pronoun: "the one where Ashton plays", "aside from the one below"
    "where", "below", "above",
}  # fmt: skip
# A bound between "of the" and the whole's number: "42 of the almost 100 KFC franchises".
AFTER_OF_BOUNDS = {
    "almost", "nearly", "roughly", "about", "around", "some", "over", "approximately",
}  # fmt: skip
# Words between a number and its noun that compare or add: "five more venues", "two other
# men", "three additional charges".
COMPARATIVES = {"more", "other", "additional", "extra", "further", "fewer", "new", "such"}
# Adjectives between "N of the" and the noun: "four of France's most celebrated cartoonists".
PARTITIVE_ADJECTIVES = {"most", "least", "top", "main", "major", "leading", "elite", "key"}
ADJECTIVE_ENDING_RE = re.compile(r"(?:est|ous|ive|ic|ful)$")
# Measures a headline capitalises: "Earth Will Experience 6 Days of Total Darkness".
TITLED_MEASURES = {"years", "months", "weeks", "days", "hours", "minutes", "year", "month"}
# Plurals that modify a noun two words on: "two sports radio stations".
PLURAL_MODIFIERS = {"sports", "arms", "savings", "sales", "goods", "customs", "operations"}
IRREGULAR_PLURALS = {"men", "women", "children", "feet", "teeth", "geese", "mice"}
# Nouns whose plural is the same word, or that take no plural.
UNCOUNTED = {
    "people", "aircraft", "staff", "police", "cattle", "sheep", "fish", "deer", "horsepower",
    "offspring", "livestock", "equipment", "freight", "crew", "yuan", "baht", "rupiah",
}  # fmt: skip
# Counted by a hyphenated number word as the gold counts them: "a four-bedroom home", "a
# two-storey house", "a three-game losing streak" (not "a four-door sedan", "two-class").
HYPHEN_COUNTS = {"bedroom", "bathroom", "storey", "story", "game"}
# Measures end the noun phrase: "a 1-1/2 year trade war" measures years, not wars.
MEASURES = {
    "year", "month", "week", "day", "hour", "minute", "second", "mile", "foot", "feet", "inch",
    "meter", "metre", "kilometer", "kilometre", "liter", "litre", "pound", "ounce", "gallon",
    "acre", "ton", "tonne", "point", "storey", "story", "degree", "cup", "tablespoon",
    "teaspoon", "tbsp", "tsp", "inning", "lap", "seat", "min", "mins", "hr", "hrs", "sec",
    # what a hyphenated count measures: "a 10-game stretch", "a two-goal lead", "a 30-date tour"
    "game", "goal", "night", "date", "episode", "city", "round", "karat", "carat", "speed", "term",
    "word", "fold", "time", "man", "member", "person",  # "the five-man band"
    # a measure before a noun is the unit: "a 0.8 gram difference"
    "gram", "kilogram", "milligram", "centimeter", "centimetre", "millimeter", "millimetre", "yard",
    "stone",  # a weight: "ballooned to 20 stone", "a 14 stone catfish"
    "piece",  # "the 2,812 piece set" (not "page" or "part": "page views", "part-time workers")
}  # fmt: skip
# Measures of length that "square" makes an area of: "2,475 square feet".
AREA_MEASURES = {
    "feet", "foot", "meter", "meters", "metre", "metres", "kilometer", "kilometers", "kilometre",
    "kilometres", "mile", "miles", "yard", "yards", "inch", "inches", "km", "kms", "m", "ft",
    "mi",
}  # fmt: skip
# Past participles that are what a number counts ("37 killed").
PARTICIPLES = {"killed", "injured", "wounded", "dead", "arrested", "displaced", "infected"}
# "Democrats", "Dreamers", "MPs", not "Ross" or "US"
CAPITAL_PLURAL_RE = re.compile(r"[A-Z][a-z]{2,}[^s\W]s|[A-Z]{2,4}s")
DEMONYM_RE = re.compile(r"[A-Z][a-z]+(?:ans|ese|ians|is|ers|ites)")  # "Indians", "Israelis"
DETERMINERS = {"the", "its", "their", "his", "her", "our", "these", "those", "your", "my"}
CLOSING_QUOTES = {"”", "″", "’", '"', "»"}
OPENING_QUOTES = {"“", "‘", "«"}
# "of the" outside English, between a number and what it counts ("dois dos cinco automóveis").
PARTITIVES = {
    "de", "do", "da", "dos", "das", "del", "de los", "de las", "di", "dei", "degli", "delle",
    "des", "du", "d’", "von", "der", "den", "van",
}  # fmt: skip
TOKEN_RE = re.compile(r"[^\W\d_][\w'’&.-]*|\d[\w.,/-]*|[^\w\s]", re.UNICODE)
PLURAL_ENDING_RE = re.compile(r"(?:men|ren|ple|ft)$")
HYPHEN_WORD_RE = re.compile(r"-([^\W\d_]+)")


# "moments later", "days ago": a time phrase after a noun phrase, not part of it
TIME_AFTER = {"later", "ago", "earlier", "before", "after"}
# Words that follow a verb in the present ("comes with", "makes the"), never a plural noun's.
_AFTER_VERB = {"with", "the", "a", "an", "its", "their", "his", "her"}


def _verb(word: str, following: str, then: str = "") -> bool:
    """A past form right after a number is its verb unless a plural noun follows it
    ("3,000 trained soldiers", "three captured fighter jets") or it is what was counted ("37
    killed")."""
    plural_next = following.islower() and following.endswith("s")
    compound = (
        following.isalpha()
        and following.islower()
        and following not in STOPWORDS
        and then.isalpha()
        and then.islower()
        and then.endswith("s")
        and not then.endswith("ss")
    )  # "two convicted terrorist prisoners", "four alleged terror suspects"
    return word not in PARTICIPLES and not (plural_next or compound)


def names_one_thing(noun: str, value: float, high: Numeral | None, adjacent: bool) -> bool:
    """A number above one right before a singular noun names the thing: "the 777 program"."""
    return (
        adjacent
        and len(noun) > 3
        and noun not in numerals.UNIT_SUFFIXES
        and value != 1
        and high is None
        and noun.isalpha()
        and not noun.endswith("s")
        and noun not in UNCOUNTED
        and noun not in MEASURES | HYPHEN_COUNTS
        and noun not in PARTICIPLES  # "left 67 dead" counts the dead
        and not PLURAL_ENDING_RE.search(noun)
    )


def noun_after(text: str, end: int, lang: str, *, words: bool) -> tuple[str, int]:
    """The noun a number modifies: "12,000 North Korean troops" → troops, "2-liter" → liter,
    "123 of the planes" → planes; ("", end) when none follows."""
    window = text[end : end + 80]
    if window.startswith("-"):
        word = HYPHEN_WORD_RE.match(window)
        if not word or words and word.group(1).lower() not in MEASURES | HYPHEN_COUNTS:
            return "", end  # "two-class layout" describes the layout
        return word.group(1).lower(), end + word.end()
    noun, noun_end, names, after_of = "", end, 0, False
    tokens = list(TOKEN_RE.finditer(window))
    for k, match in enumerate(tokens):
        token = match.group()
        # "four Iraqis.'": a quote closing the sentence is no part of the noun
        cut = int(token.endswith((".'", ".’")) and token[:-2].isalpha())
        token = token[:-1] if cut else token
        lower = token.lower().strip("'’.")
        following = tokens[k + 1].group().rstrip(".") if k + 1 < len(tokens) else ""
        then = tokens[k + 2].group().lower().rstrip(".") if k + 2 < len(tokens) else ""
        if token in ("'", "’") and following == "s" or token == "s" and k and not noun:
            continue  # "Boeing 's 787-9 jets"
        if not k and not match.start() and lower in numerals.UNIT_SUFFIXES:
            return lower, end + len(token.rstrip("."))  # glued: "a tiny 10sqm flat", "256kps"
        if not k and token in CLOSING_QUOTES:
            continue  # caught “at least 10″ Islamic State fighters: the quote ends mid-phrase
        if lang != "en" and not noun and (lower in PARTITIVES or numerals.is_number_word(lower)):
            continue  # "dois dos cinco automóveis": two of the five cars
        if token in OPENING_QUOTES and following[:1].isalpha():
            continue  # "140 million monthly active “businesses”": the noun is quoted
        if not token[0].isalnum():
            break
        if token.endswith(("'s", "’s")) and token[:-2].lower() in STOPWORDS:
            break  # "one that’s stronger", "two it's": a contraction, no noun
        if not (noun or names or after_of) and token.islower() and token.endswith(("'s", "’s")):
            return token[:-2].lower(), end + match.end() - 2  # "five men's communications"
        stop = token.endswith(".") and token[:-1].isalpha()  # a sentence's end, not the noun's
        bare = token[:-1] if stop else token
        if lang != "en":  # nouns come first outside English: "17.000 orang"
            return lower, end + match.end() - stop - cut
        if lower == "of" and not (noun or names or after_of):
            after_of = True  # "30 of Boeing's jets": the noun comes after "of"
        elif (
            after_of
            and not noun
            and (
                lower in DETERMINERS
                or lower in AFTER_OF_BOUNDS
                or numerals.is_number_word(lower)
                or lower.isdigit()
            )
        ):
            continue  # "four of five", "eight of their nine": the noun, if any, comes after
        elif (DEMONYM_RE.fullmatch(bare) or CAPITAL_PLURAL_RE.fullmatch(bare)) and not (
            following[:1].isupper()
            or noun
            or names
            or DEMONYM_RE.fullmatch(bare)
            and following.isalpha()
            and following.islower()
            and (following.endswith("s") or following in UNCOUNTED)
            and following not in STOPWORDS
        ):  # "nearly 150 Indians returned", "10 Democrats on stage", "2 Oscars."; not "six
            # Lebanese soldiers", where the demonym is an adjective
            return bare.lower(), end + match.start() + len(bare)
        elif not (noun or names or after_of) and k == 0 and lower in TITLED_MEASURES:
            return lower, end + match.end() - stop - cut  # a headline's "6 Days of Total Darkness"
        elif (
            after_of
            and noun
            and token.islower()
            and token.endswith(("'s", "’s"))
            and following.isalpha()
            and following.islower()
        ):
            noun = ""  # "two of the district attorney’s offices": the possessor is no noun
        elif token[0].isupper() or token[0].isdigit() or token.endswith(("'s", "’s")):
            # (not "two high-profile Sanders supporters": a plural after the name is the noun)
            modifies = following.isalpha() and following.islower() and following.endswith("s")
            if "-" in noun and not names and CAPITAL_PLURAL_RE.fullmatch(bare) and not modifies:
                # "four of our low-flying Chinooks": the hyphened word was an adjective
                return bare.lower(), end + match.start() + len(bare)
            if noun and not noun.endswith("ed") and "-" not in noun or names >= 4:
                break  # "embattled 737 Max jet", "big-name Democratic politicians" go on
            names += 1
        elif not noun and lower.endswith("ing") and following.islower() and following.isalpha():
            continue  # "two remaining living members"
        elif not noun and lower in COMPARATIVES and following.isalpha():
            continue  # "five more venues", "four other Arab countries"
        elif (
            after_of
            and not noun
            and (lower in PARTITIVE_ADJECTIVES or ADJECTIVE_ENDING_RE.search(lower))
            and following.isalpha()
            and following.islower()
        ):
            continue  # "four of France's most celebrated cartoonists", "the elite amphibious"
        elif not noun and lower.endswith("ly") and following.isalpha() and following.islower():
            continue  # "two highly critical reports": an adverb inside the noun phrase
        elif (
            noun
            and not noun.endswith("s")
            and noun not in UNCOUNTED  # "22 police officers with …" is a noun phrase
            and lower.endswith("s")
            and following in _AFTER_VERB
        ):
            break  # "The 180 page coffee-table publication comes with": a verb, not the noun
        elif (
            lower in STOPWORDS
            or lower.endswith("ly")
            or noun
            and (
                lower.endswith(("ed", "ing"))
                or lower in IRREGULAR_PASTS
                or lower in NOUN_PASTS
                and following.lower() in ("dead", "down", "by")
            )
        ):  # a past tense after the noun is its verb: "one company made it"
            break  # "3,000 troops arrived", "four brigades totaling"
        elif (
            not (noun or after_of)
            and (lower.endswith("ed") or lower in IRREGULAR_PASTS)
            and _verb(lower, following, then)
        ) or lower.endswith(("n't", "n’t")):
            break  # "about 660,000 based on", "five tested positive", "the one made in 2013",
            # "one didn't": a verb follows
        elif not noun and lower == "square" and following.lower() in AREA_MEASURES:
            # "about 2,475 square feet": an area
            after = tokens[k + 1]
            return f"square {after.group().lower().rstrip('.')}", end + after.end() - stop
        elif not noun and "-" in lower and lower.split("-")[0] in MEASURES:
            # "the nine foot-long creature", "a 2.5 metre-long fish": the measure, not the thing
            part = lower.split("-")[0]
            return part, end + match.start() + len(part)
        else:
            noun, noun_end = lower, end + match.end() - stop - cut
            if lower in MEASURES or lower.rstrip("s") in MEASURES:
                break
            modifier = following.islower() and following.isalpha() and following not in STOPWORDS
            compound = modifier and (
                following.endswith("s")
                and then not in TIME_AFTER  # "two free throws moments later"
                or lower in PLURAL_MODIFIERS
                and then.endswith("s")
                and then.isalpha()
            )  # "1,500 special forces soldiers", "two sports radio stations"; not "four
            # attorneys call themselves"
            plural = lower.endswith("s") and not lower.endswith("ss")  # "six brass contact dots"
            if (plural or lower in UNCOUNTED | IRREGULAR_PLURALS) and not compound:
                break  # a plural ends the phrase ("individuals sought"), unless a plural noun
                # follows it ("1,500 special forces soldiers")
    return noun, noun_end


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
