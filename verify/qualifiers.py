"""Words that bound or soften a figure, in English and the other languages news pages come in:
"at least 37", "about 12,000", "up to $12.9bn", "почти 30 лет", "sekitar 500 orang". Pure.
"""

import re

from verify import prefilter

# Words that qualify a figure, mapped to (approx, bound).
QUALIFIERS: dict[str, tuple[bool, str]] = {
    "about": (True, "exact"), "around": (True, "exact"), "roughly": (True, "exact"),
    "approximately": (True, "exact"), "approx.": (True, "exact"), "some": (True, "exact"),
    "nearly": (True, "exact"), "almost": (True, "exact"), "an estimated": (True, "exact"),
    "estimated": (True, "exact"), "close to": (True, "exact"), "near": (True, "exact"),
    "~": (True, "exact"), "more than": (False, "min"), "over": (False, "min"),
    "at least": (False, "min"), "upwards of": (False, "min"), "in excess of": (False, "min"),
    "no fewer than": (False, "min"), "no less than": (False, "min"), "just over": (False, "min"),
    "above": (False, "min"), "fewer than": (False, "max"), "less than": (False, "max"),
    "under": (False, "max"), "just under": (False, "max"), "below": (False, "max"),
    "up to": (False, "max"), "as many as": (False, "max"), "as much as": (False, "max"),
    "as long as": (False, "max"), "as high as": (False, "max"), "as little as": (False, "min"),
    "as low as": (False, "min"), "as few as": (False, "min"),
    "at most": (False, "max"), "no more than": (False, "max"), "within": (False, "max"),
    "a maximum of": (False, "max"), "maximum of": (False, "max"), "maximum": (False, "max"),
    "a minimum of": (False, "min"), "minimum of": (False, "min"), "starting at": (False, "min"),
    # A price or figure stated as its start or as what it passes: "will start at $44,000",
    # "upward of $15,000", "wait times that exceeded two hours", "closer to 25".
    "start at": (False, "min"), "starts at": (False, "min"), "starting from": (False, "min"),
    "upward of": (False, "min"), "exceeded": (False, "min"), "exceeding": (False, "min"),
    "exceeds": (False, "min"), "closer to": (True, "exact"), "more like": (True, "exact"),
    "something like": (True, "exact"),
    # a figure approached: "the death toll climbed toward 200,000"
    "toward": (True, "exact"), "towards": (True, "exact"),
    "surpassed": (False, "min"), "surpassed the": (False, "min"), "surpassing": (False, "min"),
    "passed the": (False, "min"), "crossed the": (False, "min"),
    # Weather copy: "winds gusting at times to 55 mph" gives the peak.
    "at times to": (False, "max"), "gusting to": (False, "max"), "gusts of": (False, "max"),
    "peaking at": (False, "max"), "just short of": (False, "max"), "short of": (False, "max"),
    "just shy of": (False, "max"), "shy of": (False, "max"), "no longer than": (False, "max"),
    "estimated to be worth": (True, "exact"), "estimated to be": (True, "exact"),
    # A comparison or a price's start bounds the figure: "anything bigger than 6.5 feet",
    # "donations have topped $50,000", "pricing will begin at $349".
    "topped": (False, "min"), "tops": (False, "min"), "topping": (False, "min"),
    "begin at": (False, "min"), "begins at": (False, "min"), "beginning at": (False, "min"),
    "bigger than": (False, "min"), "larger than": (False, "min"), "greater than": (False, "min"),
    "higher than": (False, "min"), "longer than": (False, "min"), "older than": (False, "min"),
    "heavier than": (False, "min"), "taller than": (False, "min"),
    "smaller than": (False, "max"), "lower than": (False, "max"), "shorter than": (False, "max"),
    "younger than": (False, "max"), "cheaper than": (False, "max"),
    "no older than": (False, "max"), "no bigger than": (False, "max"),
    # "well above the $10,000 mark", Smith won "well north of" $300,000, "eclipsed the $1.3bn"
    "well above": (False, "min"), "well above the": (False, "min"), "well over": (False, "min"),
    "north of": (False, "min"), "well north of": (False, "min"), "eclipsed the": (False, "min"),
    "well under": (False, "max"), "well below": (False, "max"), "well below the": (False, "max"),
    # Other languages (one table: a qualifier is read wherever it stands before a number).
    "почти": (True, "exact"), "около": (True, "exact"), "примерно": (True, "exact"),
    "приблизительно": (True, "exact"), "более": (False, "min"), "больше": (False, "min"),
    "свыше": (False, "min"), "менее": (False, "max"), "меньше": (False, "max"),
    "sekitar": (True, "exact"), "hampir": (True, "exact"), "kurang lebih": (True, "exact"),
    "lebih dari": (False, "min"), "sedikitnya": (False, "min"), "setidaknya": (False, "min"),
    "kurang dari": (False, "max"), "cerca de": (True, "exact"), "quase": (True, "exact"),
    "aproximadamente": (True, "exact"), "mais de": (False, "min"), "menos de": (False, "max"),
    "até": (False, "max"), "alrededor de": (True, "exact"), "casi": (True, "exact"),
    "más de": (False, "min"), "hasta": (False, "max"), "circa": (True, "exact"),
    "quasi": (True, "exact"), "oltre": (False, "min"), "più di": (False, "min"),
    "meno di": (False, "max"), "fino a": (False, "max"), "etwa": (True, "exact"),
    "rund": (True, "exact"), "ca.": (True, "exact"), "mehr als": (False, "min"),
    "weniger als": (False, "max"),
    "bis zu": (False, "max"), "über": (False, "min"), "mindestens": (False, "min"),
    "knapp": (True, "exact"), "fast": (True, "exact"), "perhaps": (True, "exact"),
    "environ": (True, "exact"), "près de": (True, "exact"),
    "presque": (True, "exact"), "plus de": (False, "min"), "moins de": (False, "max"),
    "jusqu'à": (False, "max"), "jusqu’à": (False, "max"),
}  # fmt: skip
DEFAULT_WORDS = {"min": "more than", "max": "up to"}
# A bound written after the number: "people age 12 and older", "five or more", "25 grams or
# less", "10% or lower" ("less", "fewer", "under", "below", "younger", "lower": upper bounds).
AFTER_RE = re.compile(
    r"\s+(?:and|or)\s+(?:(?:older|over|more|above|up|less|fewer|higher|greater|lower)\b"
    # "children 12 and under.", not "two nephews and under constant monitoring"
    r"|(?:under|below|younger)(?=\s*(?:[,.;:)!?]|$|\s+(?:are|were|is|can|will|must|get)\b)))",
    re.IGNORECASE,
)
AFTER_MAX = ("less", "fewer", "under", "below", "younger", "lower")
# "about" after a word it complements is a preposition, not a bound: "buzzing about 17-year-old
# …", "a story about 43 students", "asked about 25 grams".
ABOUT_PREPOSITION = (
    "talk", "talks", "talked", "talking", "buzz", "buzzing", "think", "thinking", "thought",
    "know", "knew", "known", "learn", "learned", "hear", "heard", "read", "wrote", "write",
    "writes", "writing", "story", "stories", "news", "question", "questions", "concerns",
    "concerned", "worried", "worry", "care", "cares", "cared", "asked", "ask", "asking",
    "complain", "complained", "joked", "joking", "speak", "spoke", "speaking", "details",
    "information", "rumors", "rumours", "report", "reports", "reported", "article", "articles",
    "book", "film", "lied", "lying", "wrong", "right", "serious", "excited", "upset", "angry",
    "curious", "tweeted", "posted",
)  # fmt: skip
_ABOUT = "".join(rf"(?<!\b{w}\s)" for w in ABOUT_PREPOSITION) + "about"
QUALIFIER_RE = re.compile(
    r"(?:^|(?<=\W))("
    + "|".join(
        _ABOUT if q == "about" else re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    # a closing quote may stand between: Hunter said "at least" 10 members were apprehended
    + r")[\"”’']?\s*(?:an? (?:additional|further|extra|total of)\s+|a total of\s+"
    # "about a 40-minute walk": an article between an approximation and the measure it softens
    r"|(?:(?<=about )|(?<=around )|(?<=roughly )|(?<=nearly )|(?<=almost )|(?<=approximately )"
    r"|(?<=more than )|(?<=less than ))"  # "more than a $147 savings"
    r"an?\s+"
    r"|(?<=within )(?:(?:its|the|their|his|her)\s+)?first\s+)?$",  # "within its first six days"
    re.IGNORECASE,
)


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
