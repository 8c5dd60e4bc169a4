"""Matching text against text: one normal form for claims, passages and fact-checks
(`normalise`), the fuzzy scorers, the shared-rare-words guard (`overlap`) and the re-ranking of
index candidates (`rerank`). Candidates come from the database's full-text index (passages,
factchecks); this module is pure: strings in, numbers out.

A fuzzy score alone is never evidence: token_set_ratio gives 100 to "Is it true?" against any
passage holding those words, so a match also needs enough shared content words (`overlap`).
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from verify import quantities

SCORERS = {
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
    "partial_ratio": fuzz.partial_ratio,
    "ratio": fuzz.ratio,
    "WRatio": fuzz.WRatio,
    "QRatio": fuzz.QRatio,
}
_STOP = """a an the and or but of to in on at by for from with as is are was were be been being
that this these those it its their his her they he she we you i not no than then there here which
who whom what when where how has have had do does did will would could should may might can said
says say also into about over after before more most some any all such"""
STOPWORDS = frozenset(_STOP.split())
_RANKING_STOP = "a an the of to in and or is are was were be for on at by with"
RANKING_STOPWORDS = frozenset(_RANKING_STOP.split())
RANK_BLEND = (
    0.75  # BM25 share of a fact-check's rank (fuzzy the rest); picked on CLEF-2020 T2 train
)
MIN_SHARED = 3  # content words a passage must share with the claim
MIN_SHARE = 0.5  # and this share of the claim's content words, weighted by rarity
RELATED_SHARE = 0.5  # share of them found across a whole document that "discusses" the claim
JUDGE_SHARE = 0.25  # share of them a passage needs to be judged (the stance model decides)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Links and @handles say nothing about what is claimed (tweets and posts are full of them).
LINK_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|(?<!\w)@\w+")


@dataclass(frozen=True)
class Candidate:
    """A stored passage the index returned for a claim."""

    id: int
    source_id: int
    text: str
    norm: str  # normalise(text)
    start: int
    end: int
    rank: float  # the index's score: higher is better, comparable within one query only


def normalise(text: str) -> str:
    """Lower-case words without punctuation; figures in one form ("12,000", "12k" and "twelve
    thousand" all become "12000"), units folded ("soldiers" → "troops")."""
    text = LINK_RE.sub(" ", unicodedata.normalize("NFKC", text))
    for q in reversed(quantities.find(text)):
        words = quantities.NUMBER_RE.sub(" ", q.text).split()  # the words around the figure stay
        if q.unit and words and quantities.normalise_unit(words[-1]) == q.unit:
            words[-1] = q.unit  # "soldiers" and "troops" read the same
        figure = f"{q.low:g} {q.value:g}" if q.low is not None else f"{q.value:g}"
        text = f"{text[: q.start]} {figure} {' '.join(words)} {text[q.end :]}"
    return str(utils.default_process(text))


def content_words(normalised: str) -> set[str]:
    """The words that carry meaning; figures are left to the stance step, which compares them."""
    return {w for w in normalised.split() if w not in STOPWORDS and not NUMBER.fullmatch(w)}


def overlap(claim: set[str], passage: set[str], weight: Callable[[str], float]) -> float:
    """Share of the claim's content words found in the passage, each weighted by its rarity
    (so "North Korea moved ships" shared with a story about other places scores low); 0 when
    fewer than MIN_SHARED words are shared."""
    shared = claim & passage
    if len(shared) < MIN_SHARED:  # "Is it true?" shares one word with half the news
        return 0.0
    total = sum(weight(w) for w in claim)
    return sum(weight(w) for w in shared) / total if total else 0.0


def rerank(
    query: str,
    ranks: Sequence[float],
    texts: Sequence[str],
    *,
    scorer: str,
    limit: int = 5,
    blend: float = RANK_BLEND,
) -> list[tuple[int, float]]:
    """Candidates (best first, with their retrieval scores) re-ranked by a blend of the fuzzy
    score and the retrieval score relative to the best; returns (position, fuzzy score)."""
    if not texts:
        return []
    fuzzy = process.cpdist(
        [query] * len(texts), list(texts), scorer=SCORERS[scorer], processor=None
    ).tolist()
    top = ranks[0] or 1.0
    # ties (duplicate fact-checks are common) keep the retrieval order
    blended = sorted(
        (-(blend * r / top + (1 - blend) * f / 100), n, f)
        for n, (r, f) in enumerate(zip(ranks, fuzzy, strict=True))
    )
    return [(n, round(f, 2)) for _, n, f in blended[:limit]]
