"""The same claim in other words: near-copies (syndication, light edits) and the same report
by other outlets (the same figures and enough of the rarer words). Pure.
"""

import re
from collections.abc import Iterable, Sequence
from typing import Any

from rapidfuzz import fuzz, process, utils

DUPLICATE_SCORE = 90.0  # token_sort_ratio on processed text; syndicated copies score 95+
SUBSET_SCORE = 95.0  # token_set_ratio, only when the texts have similar word counts
SUBSET_SHARE = 0.75
NEGATIONS = {"not", "no", "never", "nt", "denied", "denies", "deny", "false", "fake"}
# Two outlets rewording one report keep its figure and a few of its rarer words ("the state
# paid a Minnesota agency just short of $449,000 for the campaign" / "the campaign cost the
# state roughly $449,000"). A specific figure (three significant digits, or money) is strong
# evidence, so two shared rarer words suffice; a round one ("4", "12,000") needs most of them.
SPECIFIC_SHARE, SPECIFIC_WORDS = 0.2, 2
# A word is one of the "rarer" ones while at most this many claims (or this share of them)
# hold it.
RARE_CLAIMS, RARE_SHARE = 20, 0.01
ROUND_SHARE, ROUND_WORDS = 0.5, 3
COMMON = {
    "the", "and", "that", "this", "with", "from", "have", "has", "had", "were", "was", "are",
    "for", "not", "but", "its", "their", "they", "them", "been", "being", "will", "would",
    "said", "says", "told", "also", "about", "more", "than", "into", "over", "after", "before",
    "which", "when", "while", "there", "what", "some", "other", "according", "year", "years",
    "last", "week", "month", "day", "time", "people", "percent", "million", "billion",
    "thousand", "nearly", "roughly", "around", "almost", "just", "only", "least",
}  # fmt: skip

Signature = tuple[tuple[float, str], ...]


def normalised(text: str) -> str:
    """Lower-case, punctuation-free form used to spot the same claim worded the same way."""
    return str(utils.default_process(text))


def figure_signature(figures: Iterable[dict[str, Any]]) -> Signature:
    """Sorted (value, unit) pairs: near-duplicates must state the same figures."""
    return tuple(sorted((float(q["value"]), str(q["unit"])) for q in figures))


def same_claim(a: str, b: str) -> bool:
    """True when two normalised claim texts are near-copies (syndication, light edits).

    token_set_ratio alone scores any subset 100 ("is it true" vs a long sentence), so it only
    counts when the shorter text holds most of the longer one's words; a negation on one side
    only ("did not send") always keeps them apart."""
    words_a, words_b = set(a.split()), set(b.split())
    if (words_a & NEGATIONS) != (words_b & NEGATIONS):
        return False
    if fuzz.token_sort_ratio(a, b, score_cutoff=DUPLICATE_SCORE):
        return True
    shorter, longer = sorted((len(words_a), len(words_b)))
    return shorter >= SUBSET_SHARE * longer and bool(
        fuzz.token_set_ratio(a, b, score_cutoff=SUBSET_SCORE)
    )


def find_same(text: str, others: Sequence[str]) -> int | None:
    """Index of a near-copy of text among others (all normalised), or None.

    rapidfuzz's C loop with a score cutoff picks the few candidates; same_claim decides."""
    for scorer, cutoff in (
        (fuzz.token_sort_ratio, DUPLICATE_SCORE),
        (fuzz.token_set_ratio, SUBSET_SCORE),
    ):
        # processor=None: both sides are already normalised
        for _, _, index in process.extract(
            text, others, scorer=scorer, processor=None, score_cutoff=cutoff, limit=10
        ):
            if same_claim(text, others[index]):
                return int(index)
    return None


def content_words(normalised_text: str) -> frozenset[str]:
    """The rarer words of a normalised claim: no figures, no function or reporting words."""
    return frozenset(
        w for w in normalised_text.split() if len(w) > 3 and w not in COMMON and not w[0].isdigit()
    )


def same_report(
    a: frozenset[str], b: frozenset[str], signature: Signature, *, negated: tuple[bool, bool]
) -> bool:
    """Whether two claims with the same figures (`signature`) and these rarer words report the
    same thing, worded differently by different outlets."""
    if not signature or negated[0] != negated[1]:
        return False
    units = {w for _, unit in signature for w in unit.lower().split()}
    a, b = a - units, b - units  # the figures' own nouns are already compared
    shared = len(a & b)
    share = shared / max(min(len(a), len(b)), 1)
    if any(_specific(value, unit) for value, unit in signature):
        return shared >= SPECIFIC_WORDS and share >= SPECIFIC_SHARE
    return shared >= ROUND_WORDS and share >= ROUND_SHARE


def negated(normalised_text: str) -> bool:
    """Whether a normalised claim carries a negation or denial word."""
    return bool(set(normalised_text.split()) & NEGATIONS)


def _specific(value: float, unit: str) -> bool:
    digits = re.sub(r"\.0$", "", f"{value:f}".rstrip("0")).replace(".", "").strip("0")
    return len(digits) >= 3 or bool(re.match(r"[A-Z]{3}\b", unit))  # money: "USD"
