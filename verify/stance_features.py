"""What the stance model sees of a (claim, passage, page) triple: a row of numbers. Pure.

The training script and `verify check` both compute features with this one module, from the
texts alone (no corpus statistics but the shipped idf), so a feature means the same thing when
the model is trained and when it is used. Every feature has a name; the model file lists them
and a test holds the two lists equal.

Kinds of feature (names in `NAMES`):
- similarity: TF-IDF cosine of claim and passage, and of claim and whole page (the UCL Machine
  Reading recipe); fuzzy scores; BM25 with the shipped idf; shared rare words; word order;
- figures: agreement or conflict of the claim's figures with the passage's and the page's;
- cues: negation, denial, doubt, hedging, confirmation, reported speech, question marks, in the
  claim, the passage, the page's sentences nearest the claim and the page as a whole, and
  whether a negation or denial sits next to the words the claim and passage share.

A bag of the words a passage adds to the claim was tried as well and dropped: under
cross-validation by claim it learnt topics, not stance (FNC-1 score 81.3 % without, 71.6 % with).
"""

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz

from verify import extract, figures, match, quantities
from verify.quantities import Quantity

MAX_PAGE_SENTENCES = 80  # a page's first sentences carry its stance; long tails add only time
TOP_SENTENCES = 3  # the page's sentences nearest the claim, read for cues
NEAR = 3  # a cue this many words from a shared word qualifies it
K1, B, AVG_LEN = 1.2, 0.75, 20.0  # BM25 against one passage, average sentence length fixed

NEGATION = frozenset("not no never t neither nor without none nobody nothing".split())
DENIAL = frozenset(
    """deny denies denied denial denials denying fake fakes false falsely untrue hoax hoaxes
    fabricated fabrication baseless groundless unfounded debunk debunked debunks dismiss
    dismissed dismisses refute refuted refutes reject rejects rejected misinformation
    disinformation bogus fraud myth""".split()
)
DOUBT = frozenset(
    """doubt doubts doubtful despite nope retract retracted retraction prank pranks skeptical
    sceptical questioned questionable dubious""".split()
)
HEDGE = frozenset(
    """reportedly allegedly alleged purportedly supposedly rumor rumors rumour rumours rumored
    rumoured unconfirmed unverified apparently possibly may might could claim claims claimed
    report reports speculation speculated""".split()
)
HEDGE_PHRASE_RE = re.compile(
    r"\b(?:is said to|are said to|appears? to|seems? to|may have|might have|could have)\b",
    re.IGNORECASE,
)
REPORTED = frozenset(
    "said says told according reported reports tweeted announced stated wrote added".split()
)
CONFIRM = frozenset(
    """confirmed confirms confirm official officially proof proves proved revealed reveals
    shows showed true indeed""".split()
)
CUES = {"neg": NEGATION, "deny": DENIAL, "doubt": DOUBT, "hedge": HEDGE, "confirm": CONFIRM}

_SIMILARITY = [
    "cos_passage", "cos_page", "cos_page_best", "cos_page_top", "page_related_share",
    "fuzzy_set", "fuzzy_sort", "bigram_jaccard", "bm25", "rare_share_passage",
    "rare_share_page", "rarest_in_page", "shared_words", "claim_words", "passage_words",
    "page_words", "has_page",
]  # fmt: skip
_FIGURES = [
    "claim_figures", "passage_figures_agree", "passage_figures_conflict", "page_figures_agree",
    "page_figures_conflict", "shared_numbers", "new_numbers",
]  # fmt: skip
_CUE_SIDES = {
    "claim": ["neg", "deny", "doubt", "hedge", "confirm", "report", "question"],
    "passage": ["neg", "deny", "doubt", "hedge", "confirm", "report", "question"],
    "top": ["neg", "deny", "doubt", "hedge", "confirm", "report", "question"],
    "page": ["neg", "deny", "doubt", "hedge", "confirm", "question"],
    "first": ["neg", "deny", "hedge", "question"],
}
_RELATIONS = [
    "passage_neg_near", "passage_neg_far", "passage_deny_near", "passage_attributed",
    "reported_denial", "neg_mismatch", "deny_mismatch", "hedge_added",
]  # fmt: skip
NAMES: tuple[str, ...] = tuple(
    _SIMILARITY
    + _FIGURES
    + [f"{side}_{cue}" for side, cues in _CUE_SIDES.items() for cue in cues]
    + _RELATIONS
)


@dataclass(frozen=True)
class Pair:
    """What the stance of a passage towards a claim is judged from. `page` is the whole page
    (title and body) the passage comes from, or None when only the passage is known."""

    claim: str
    figures: Sequence[Quantity]
    passage: str
    page: str | None = None
    tolerance: float = 0.05


@dataclass(frozen=True)
class Lexicon:
    """The word statistics the features need, fitted on the training data and shipped in the
    model file: idf for TF-IDF, BM25 and shared rare words."""

    idf: dict[str, float]
    unseen_idf: float

    def weight(self, word: str) -> float:
        """A word's idf; a word the training data never held is as rare as the rarest."""
        return self.idf.get(word, self.unseen_idf)



@dataclass
class _Text:
    """One text, read once: normalised tokens, content words, TF-IDF vector, figures, cues."""

    raw: str
    tokens: list[str]
    words: set[str]
    vector: dict[str, float]
    figures: list[Quantity]
    numbers: set[str]
    cues: dict[str, float]


@dataclass
class _Page:
    whole: _Text
    sentences: list[_Text]
    rates: dict[str, float] = field(default_factory=dict)


def tokens(text: str) -> list[str]:
    """Lower-case words, figures in one form (see `match.normalise`)."""
    return match.normalise(text).split()


def content_words(toks: Iterable[str]) -> set[str]:
    return {w for w in toks if w not in match.STOPWORDS and not match.NUMBER.fullmatch(w)}


def fit_idf(documents: Iterable[Sequence[str]], *, min_df: int = 2) -> tuple[dict[str, float], float]:
    """Smoothed idf (as scikit-learn's TfidfVectorizer) of the words in at least min_df
    documents, and the idf of a word seen in none."""
    df: Counter[str] = Counter()
    n = 0
    for doc in documents:
        df.update(content_words(doc))
        n += 1
    idf = {w: math.log((1 + n) / (1 + c)) + 1 for w, c in df.items() if c >= min_df}
    return idf, math.log(1 + n) + 1


def _vector(words: Iterable[str], lexicon: Lexicon) -> dict[str, float]:
    counts = Counter(words)
    vec = {w: (1 + math.log(c)) * lexicon.weight(w) for w, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


def vector_of(text: str, lexicon: Lexicon) -> dict[str, float]:
    """A text's TF-IDF vector (sub-linear tf, l2-normalised) over its content words."""
    toks = tokens(text)
    words = content_words(toks)
    return _vector((t for t in toks if t in words), lexicon)


def _cues(raw: str, toks: list[str]) -> dict[str, float]:
    present = set(toks)
    cues = {name: float(bool(words & present)) for name, words in CUES.items()}
    if HEDGE_PHRASE_RE.search(raw):
        cues["hedge"] = 1.0
    cues["report"] = float(bool(REPORTED & present))
    cues["question"] = float("?" in raw)
    return cues


def _read(raw: str, lexicon: Lexicon) -> _Text:
    toks = tokens(raw)
    words = content_words(toks)
    return _Text(
        raw=raw,
        tokens=toks,
        words=words,
        vector=_vector((t for t in toks if t in words), lexicon),
        figures=quantities.find(raw),
        numbers={t for t in toks if match.NUMBER.fullmatch(t)},
        cues=_cues(raw, toks),
    )


def _read_page(raw: str, lexicon: Lexicon) -> _Page:
    sentences = [
        _read(s.text, lexicon) for s in extract.sentences(raw)[:MAX_PAGE_SENTENCES]
    ] or [_read(raw, lexicon)]
    all_tokens = [t for s in sentences for t in s.tokens]
    words = set().union(*(s.words for s in sentences))
    whole = _Text(
        raw=raw,
        tokens=all_tokens,
        words=words,
        vector=_vector((t for t in all_tokens if t in words), lexicon),
        figures=[q for s in sentences for q in s.figures],
        numbers=set().union(*(s.numbers for s in sentences)),
        cues={},
    )
    n = len(sentences)
    names = _CUE_SIDES["page"]
    rates = {c: sum(s.cues[c] for s in sentences) / n for c in names}
    return _Page(whole, sentences, rates)


def _rare_share(claim: set[str], other: set[str], lexicon: Lexicon) -> float:
    total = sum(lexicon.weight(w) for w in claim)
    return sum(lexicon.weight(w) for w in claim & other) / total if total else 0.0


def _bigrams(toks: list[str]) -> set[tuple[str, str]]:
    content = [t for t in toks if t not in match.STOPWORDS]
    return set(zip(content, content[1:], strict=False))


def _bm25(claim: _Text, passage: _Text, lexicon: Lexicon) -> float:
    """BM25 of the passage for the claim's words, over the claim's best possible score."""
    counts = Counter(t for t in passage.tokens if t in claim.words)
    norm = K1 * (1 - B + B * len(passage.tokens) / AVG_LEN)
    got = sum(lexicon.weight(w) * c * (K1 + 1) / (c + norm) for w, c in counts.items())
    best = sum(lexicon.weight(w) for w in claim.words)
    return got / best if best else 0.0


def _near(toks: list[str], cue: frozenset[str], anchors: set[str]) -> tuple[float, float]:
    """(a cue within NEAR words of an anchor word, a cue elsewhere)."""
    anchor_at = [i for i, t in enumerate(toks) if t in anchors]
    near = far = 0.0
    for i, t in enumerate(toks):
        if t in cue:
            if any(abs(i - j) <= NEAR for j in anchor_at):
                near = 1.0
            else:
                far = 1.0
    return near, far


def _figures(claim: Pair, found: list[Quantity]) -> tuple[float, float]:
    compared = figures.compare(claim.figures, found, claim.tolerance)
    if compared is None:
        return 0.0, 0.0
    return float(compared.agrees), float(not compared.agrees)


def _row(
    pair: Pair, claim: _Text, passage: _Text, page: _Page | None, lexicon: Lexicon
) -> list[float]:
    """The features of one pair, in NAMES order."""
    f: dict[str, float] = {}
    sentences = page.sentences if page else [passage]
    whole = page.whole if page else passage
    f["cos_passage"] = cosine(claim.vector, passage.vector)
    f["cos_page"] = cosine(claim.vector, whole.vector)
    cos = sorted(((cosine(claim.vector, s.vector), k) for k, s in enumerate(sentences)),
                 reverse=True)  # fmt: skip
    top = [sentences[k] for _, k in cos[:TOP_SENTENCES]]
    f["cos_page_best"] = cos[0][0]
    f["cos_page_top"] = sum(c for c, _ in cos[:TOP_SENTENCES]) / min(len(cos), TOP_SENTENCES)
    f["page_related_share"] = sum(c >= 0.2 for c, _ in cos) / len(cos)
    claim_text, passage_text = " ".join(claim.tokens), " ".join(passage.tokens)
    f["fuzzy_set"] = fuzz.token_set_ratio(claim_text, passage_text) / 100
    f["fuzzy_sort"] = fuzz.token_sort_ratio(claim_text, passage_text) / 100
    cb, pb = _bigrams(claim.tokens), _bigrams(passage.tokens)
    f["bigram_jaccard"] = len(cb & pb) / len(cb | pb) if cb | pb else 0.0
    f["bm25"] = _bm25(claim, passage, lexicon)
    f["rare_share_passage"] = _rare_share(claim.words, passage.words, lexicon)
    f["rare_share_page"] = _rare_share(claim.words, whole.words, lexicon)
    rarest = sorted(claim.words, key=lambda w: (-lexicon.weight(w), w))[:3]
    f["rarest_in_page"] = sum(w in whole.words for w in rarest) / len(rarest) if rarest else 0.0
    shared = claim.words & passage.words
    f["shared_words"] = math.log1p(len(shared))
    f["claim_words"] = math.log1p(len(claim.tokens))
    f["passage_words"] = math.log1p(len(passage.tokens))
    f["page_words"] = math.log1p(len(whole.tokens))
    f["has_page"] = float(page is not None)

    f["claim_figures"] = float(any(q.unit for q in pair.figures))
    f["passage_figures_agree"], f["passage_figures_conflict"] = _figures(pair, passage.figures)
    f["page_figures_agree"], f["page_figures_conflict"] = _figures(pair, whole.figures)
    f["shared_numbers"] = math.log1p(len(claim.numbers & passage.numbers))
    f["new_numbers"] = math.log1p(len(passage.numbers - claim.numbers))

    for cue in _CUE_SIDES["claim"]:
        f[f"claim_{cue}"] = claim.cues[cue]
    attributed = extract.attribute(pair.passage).who is not None
    for cue in _CUE_SIDES["passage"]:
        f[f"passage_{cue}"] = passage.cues[cue]
    f["passage_report"] = max(f["passage_report"], float(attributed))
    for cue in _CUE_SIDES["top"]:
        f[f"top_{cue}"] = sum(s.cues[cue] for s in top) / len(top)
    for cue in _CUE_SIDES["page"]:
        f[f"page_{cue}"] = page.rates[cue] if page else passage.cues[cue]
    first = sentences[0]
    for cue in _CUE_SIDES["first"]:
        f[f"first_{cue}"] = first.cues[cue]

    f["passage_neg_near"], f["passage_neg_far"] = _near(passage.tokens, NEGATION, shared)
    f["passage_deny_near"], _ = _near(passage.tokens, DENIAL, shared)
    f["passage_attributed"] = float(attributed)
    f["reported_denial"] = float(attributed and passage.cues["deny"] > claim.cues["deny"])
    f["neg_mismatch"] = float(passage.cues["neg"] != claim.cues["neg"])
    f["deny_mismatch"] = float(passage.cues["deny"] != claim.cues["deny"])
    f["hedge_added"] = float(passage.cues["hedge"] > claim.cues["hedge"])
    return [f[name] for name in NAMES]


def features(pairs: Sequence[Pair], lexicon: Lexicon) -> np.ndarray:
    """One row per pair, columns as NAMES. Texts repeated across the batch (a claim against
    many passages, the passages of one page) are read once."""
    texts: dict[str, _Text] = {}
    pages: dict[str, _Page] = {}
    out = np.zeros((len(pairs), len(NAMES)), dtype=np.float64)
    for i, pair in enumerate(pairs):
        for text in (pair.claim, pair.passage):
            if text not in texts:
                texts[text] = _read(text, lexicon)
        page = None
        if pair.page is not None:
            page = pages.get(pair.page)
            if page is None:
                page = pages[pair.page] = _read_page(pair.page, lexicon)
        out[i] = _row(pair, texts[pair.claim], texts[pair.passage], page, lexicon)
    return out
