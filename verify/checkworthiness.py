"""Check-worthiness: how much a sentence looks like a factual, specific, checkable assertion
rather than opinion or filler. A logistic function over a few interpretable features. Pure."""

import math
import re

from verify import languages, prefilter

# Logistic weights over `features`, fitted with eval/fit_checkworthiness.py on the ClaimBuster
# dev portion and the 50 CLEF-2020 Task 5 training debates, classes weighted equally (the score
# ranks; it is not a calibrated probability). Cross-validated by debate (no scored debate's
# sentence trained on), the ranking scores MAP 0.0823 against 0.0615 for "longest sentence
# first" (eval/README.md). `attributed` is set by hand in every fit: debates rarely attribute,
# while in news an attributed assertion is what a desk checks first.
BIAS = -0.75
WEIGHTS = {
    "attributed": 0.5, "comparison": 0.52, "date": 0.35, "first_person": -0.23, "future": -0.78,
    "long": 0.27, "opinion": -0.58, "past_fact": 0.54, "proper_nouns": 0.17, "quantity": 1.15,
    "question": -0.89, "second_person": -0.68, "short": -1.03, "topic": 0.71, "words": 0.88,
}  # fmt: skip

OPINION_RE = re.compile(
    r"\b(?:i think|i believe|we believe|in my (?:view|opinion)|should|must|ought|hope|hopefully|"
    r"wonderful|terrible|great|best|worst|amazing|awful|want|wants|need to|needs to|maybe|"
    r"perhaps|probably|might|could|would|let's|let us|thank|thanks|welcome|congratulat\w*|"
    r"proud|happy|sad|believe me|folks)\b",
    re.IGNORECASE,
)
DATE_RE = re.compile(
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
    r"(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
COMPARISON_RE = re.compile(
    r"\b(?:more|less|fewer|higher|lower|increas\w*|decreas\w*|rise|rose|risen|fell|fallen|"
    r"doubled|tripled|percent|million|billion|trillion|times|most|least|record|largest|"
    r"biggest|smallest|only|every|all|none)\b",
    re.IGNORECASE,
)
PAST_FACT_RE = re.compile(
    r"\b(?:was|were|had|did|voted|passed|signed|created|lost|cut|raised|spent|killed|"
    r"increased|reduced|sent|deployed|announced|reported|confirmed|said|has been|have been)\b",
    re.IGNORECASE,
)
TOPIC_RE = re.compile(
    r"\b(?:tax\w*|jobs?|deficit|debt|budget|economy|unemployment|health|insurance|oil|energy|"
    r"war|troops|soldiers|military|nuclear|law|bill|votes?|crime|wages?|prices?|spending|"
    r"treaty|sanctions|brigades?|weapons|missiles?|attack\w*)\b",
    re.IGNORECASE,
)
FUTURE_RE = re.compile(r"\b(?:will|going to|gonna|plan to|intend to|'ll)\b", re.IGNORECASE)
PERSON_RE = re.compile(r"\b(?:I|we|my|our|me|us)\b")
YOU_RE = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
CAPITAL_RE = re.compile(r"(?<=\s)[A-Z][a-z]+|(?<=\s)[A-Z]{2,}\b")


def features(sentence: str, *, attributed: bool, n_quantities: int) -> dict[str, float]:
    """The signals check-worthiness is computed from, each a small number."""
    words = languages.word_count(sentence)
    return {
        "quantity": float(min(n_quantities, 2)),
        "attributed": float(attributed),
        "proper_nouns": float(min(len(CAPITAL_RE.findall(sentence)), 4)),
        "date": float(bool(DATE_RE.search(sentence))),
        "comparison": float(min(len(COMPARISON_RE.findall(sentence)), 2)),
        "past_fact": float(min(len(PAST_FACT_RE.findall(sentence)), 2)),
        "topic": float(min(len(TOPIC_RE.findall(sentence)), 2)),
        "future": float(bool(FUTURE_RE.search(sentence))),
        "short": float(words < 7),
        "words": min(words, 40) / 40,  # longer sentences carry more checkable detail
        "long": float(words > 45),
        "question": float(sentence.rstrip().endswith("?")),
        "opinion": float(min(len(OPINION_RE.findall(sentence)), 2)),
        "first_person": float(bool(PERSON_RE.search(sentence)) and not attributed),
        "second_person": float(bool(YOU_RE.search(sentence))),
    }


def score(sentence: str, *, attributed: bool, n_quantities: int) -> dict[str, float]:
    """Feature values behind the score; `score` is the 0–1 result (logistic over WEIGHTS)."""
    f = features(sentence, attributed=attributed, n_quantities=n_quantities)
    z = BIAS + sum(WEIGHTS[k] * v for k, v in f.items())
    f["score"] = round(1.0 / (1.0 + math.exp(-z)), 4)
    return f


prefilter.gate_module(globals())  # a cheap test before each pattern that has one
