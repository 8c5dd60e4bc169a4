"""What the stance model sees of a (claim, passage, page) triple: a row of numbers. Pure.

The training script and `verify check` both compute features with this one module, from the
texts alone (no corpus statistics but the shipped idf), so a feature means the same thing when
the model is trained and when it is used. Every feature has a name; the model file lists them
and a test holds the two lists equal.

Kinds of feature (names in `NAMES`):
- similarity: TF-IDF cosine of claim and passage, and of claim and whole page (the UCL Machine
  Reading recipe); fuzzy scores; BM25 with the shipped idf; shared rare words, also folded to
  their stems ("beheaded" meets "beheading"); word order;
- figures: agreement or conflict of the claim's figures with the passage's and the page's;
- cues: negation, denial, doubt, hedging, confirmation, reported speech, question marks, in the
  claim, the passage, the page's sentences nearest the claim and the page as a whole, and
  whether a negation or denial sits in the clause that holds the words the claim and passage
  share ("..., but no one was hurt" does not negate the claim);
- who speaks: the passage is reported speech, by the claim's own speaker or someone else.

Fuzzy, BM25 and shared-word scores are computed here from the texts rather than taken from the
matcher, whose BM25 depends on the size of the desk's corpus: the model sees the same scale in
training and in use.

Beside the named features, `features_and_bags` gives each pair its page's bag of words: term
frequencies of the page's words that are in the model's vocabulary (the UCL Machine Reading
recipe's body vector), read by the stance stage only and only when a whole page is read. The
claim's words and a lone passage's are left out: under cross-validation by claim they learnt
topics, not stance (eval/README.md).
"""

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, utils

from verify import extract, figures, matching, quantities
from verify.quantities import Quantity

MAX_PAGE_SENTENCES = 80  # a page's first sentences carry its stance; long tails add only time
TOP_SENTENCES = 3  # the page's sentences nearest the claim, read for cues
# Clause boundaries: a negation in another clause ("..., but no one was hurt") does not
# touch what the claim and the passage share.
CLAUSE_RE = re.compile(
    r"[,;:()\[\]]|\s[-–—]\s|\b(?:but|though|although|while|whereas|however|yet)\b",
    re.IGNORECASE,
)
WORD_RE = re.compile(r"[a-z0-9]+")
K1, B, AVG_LEN = 1.2, 0.75, 20.0  # BM25 against one passage, average sentence length fixed


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


NEGATION = _words("not no never t neither nor without none nobody nothing")
DENIAL = _words(
    """deny denies denied denial denials denying fake fakes false falsely untrue hoax hoaxes
    fabricated fabrication baseless groundless unfounded debunk debunked debunks dismiss
    dismissed dismisses refute refuted refutes reject rejects rejected misinformation
    disinformation bogus fraud myth"""
)
DOUBT = _words(
    """doubt doubts doubtful despite nope retract retracted retraction prank pranks skeptical
    sceptical questioned questionable dubious rubbish nonsense troll trolls trolled trolling
    dupe duped dupes satire satirical spoof parody misleading erroneous mistaken"""
)
# A headline's way of saying it is not so: "… Isn't Real", "No, …", "… Is Not a Thing".
DOUBT_PHRASE_RE = re.compile(
    r"\b(?:not|isn't|isn’t|wasn't|wasn’t|aren't|aren’t) (?:real|true|a thing)\b"
    r"|\bnever happened\b|^\W*no,\s",
    re.IGNORECASE,
)
HEDGE = _words(
    """reportedly allegedly alleged purportedly supposedly rumor rumors rumour rumours rumored
    rumoured unconfirmed unverified apparently possibly may might could claim claims claimed
    report reports speculation speculated likely probably possible believed suspected
    purported purports expects expected forecast forecasts predicts predicted estimates
    tipped suggests suggesting fear fears feared"""
)
HEDGE_PHRASE_RE = re.compile(
    r"\b(?:is said to|are said to|appears? to|seems? to|may have|might have|could have)\b",
    re.IGNORECASE,
)
REPORTED = _words("said says told according reported reports tweeted announced stated wrote added")
# A headline names its source with a colon or a dash, not a verb: "NYT: …", "… : Source",
# "… -- analyst", "…, officials say".
SOURCE_TAG_RE = re.compile(
    r"^\W*\w[\w.&'’-]*(?:\s+[\w.&'’-]+){0,3}\s*:\s"
    r"|(?::|--|\s[-–—])\s*\w[\w.&'’-]*(?:\s+[\w.&'’-]+){0,2}\W*$"
    r"|,\s+(?:[\w.&'’-]+\s+){1,3}(?:say|says|said)\W*$",
    re.IGNORECASE,
)
CONFIRM = _words(
    """confirmed confirms confirm official officially proof proves proved revealed reveals
    shows showed true indeed"""
)
CUES = {"neg": NEGATION, "deny": DENIAL, "doubt": DOUBT, "hedge": HEDGE, "confirm": CONFIRM}

_SIMILARITY = [
    "cos_passage", "cos_page", "cos_page_best", "cos_page_top", "page_related_share",
    "fuzzy_set", "fuzzy_sort", "bigram_jaccard", "bm25", "rare_share_passage", "passage_covered",
    "rare_share_page", "rarest_in_page", "shared_words", "claim_words", "passage_words",
    "page_words", "has_page", "stem_share_passage", "stem_share_page",
]  # fmt: skip
_FIGURES = [
    "claim_figures", "passage_figures_agree", "passage_figures_conflict", "page_figures_agree",
    "page_figures_conflict", "shared_numbers", "new_numbers",
]  # fmt: skip
_CUE_SIDES = {
    "claim": ["neg", "deny", "doubt", "hedge", "confirm", "report", "question"],
    "passage": ["deny", "doubt", "hedge", "confirm", "report", "question"],
    "top": ["deny", "doubt", "hedge", "confirm", "report", "question"],
    "page": ["neg", "deny", "doubt", "hedge", "confirm", "question"],
    "first": ["neg", "deny", "hedge", "question"],
}
_RELATIONS = [
    "passage_neg_main", "passage_neg_other", "passage_deny_main", "top_neg_main",
    "top_deny_main", "passage_attributed", "same_speaker", "reported_denial", "neg_mismatch",
    "deny_mismatch", "hedge_added",
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


Bag = tuple[tuple[int, ...], tuple[float, ...]]  # vocabulary indices, l2-normalised counts


@dataclass(frozen=True)
class Lexicon:
    """The word statistics the features need, fitted on the training data and shipped in the
    model file: idf for TF-IDF, BM25 and shared rare words."""

    idf: dict[str, float]
    unseen_idf: float

    def weight(self, word: str) -> float:
        """A word's idf; a word the training data never held is as rare as the rarest."""
        return self.idf.get(word, self.unseen_idf)


SUFFIXES = ("ings", "ing", "ies", "ied", "es", "ed", "s")


@functools.lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """A crude stem that folds the commonest inflections ("arrested", "arrests", "arrest")."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


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
    bigrams: set[tuple[str, str]]
    joined: str  # tokens joined by spaces, for the fuzzy scorers
    stems: set[str]


@dataclass
class _Page:
    """A page's sentences, with an inverted index from word to (sentence, tf-idf weight)."""

    whole: _Text
    sentences: list[_Text]
    postings: dict[str, list[tuple[int, float]]]
    rates: dict[str, float]


def tokens(text: str) -> list[str]:
    """Lower-case words, figures in one form (as `matching.normalise`)."""
    return _normalise(text).split()


def content_words(toks: Iterable[str]) -> set[str]:
    return {w for w in toks if w not in matching.STOPWORDS and not matching.NUMBER.fullmatch(w)}


def fit_idf(
    documents: Iterable[Sequence[str]], *, min_df: int = 2
) -> tuple[dict[str, float], float]:
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
    if DOUBT_PHRASE_RE.search(raw):
        cues["doubt"] = 1.0
    cues["report"] = float(bool(REPORTED & present) or bool(SOURCE_TAG_RE.search(raw)))
    cues["question"] = float("?" in raw)
    return cues


def clean(text: str) -> str:
    """The text figures are found in: NFKC, links blanked."""
    return matching.LINK_RE.sub(" ", unicodedata.normalize("NFKC", text))


@functools.lru_cache(maxsize=65_536)
def figures_in(text: str) -> tuple[Quantity, ...]:
    """The figures of a text (`quantities.find`, after `matching.normalise`'s clean-up),
    remembered: the features, the rules and the explanation all need a passage's figures."""
    return tuple(quantities.find(clean(text)))


def _normalise(text: str) -> str:
    """`matching.normalise`, reusing the figures `figures_in` found (finding them is half the
    cost of normalising)."""
    text = clean(text)
    for q in reversed(figures_in(text)):
        words = quantities.NUMBER_RE.sub(" ", q.text).split()
        if q.unit and words and quantities.normalise_unit(words[-1]) == q.unit:
            words[-1] = q.unit
        figure = f"{q.low:g} {q.value:g}" if q.low is not None else f"{q.value:g}"
        text = f"{text[: q.start]} {figure} {' '.join(words)} {text[q.end :]}"
    return str(utils.default_process(text))


def _read(raw: str, lexicon: Lexicon) -> _Text:
    toks = _normalise(raw).split()
    words = content_words(toks)
    vector = _vector((t for t in toks if t in words), lexicon)
    return _Text(
        raw=raw,
        tokens=toks,
        words=words,
        vector=vector,
        figures=list(figures_in(raw)),
        numbers={t for t in toks if matching.NUMBER.fullmatch(t)},
        cues=_cues(raw, toks),
        bigrams=_bigrams(toks),
        joined=" ".join(toks),
        stems={stem(w) for w in words},
    )


# Pages read lately, with the lexicon they were read with: the claims of one story are judged
# against the same few pages, batch after batch, and reading a page costs ~4 ms.
PAGES_KEPT = 128
_pages_read: dict[str, _Page] = {}
_pages_lexicon: list[Lexicon] = []


def _page_of(raw: str, lexicon: Lexicon) -> _Page:
    """`_read_page`, remembered for the last PAGES_KEPT pages read with this lexicon."""
    if not _pages_lexicon or _pages_lexicon[0] is not lexicon:
        _pages_read.clear()
        _pages_lexicon[:] = [lexicon]
    page = _pages_read.pop(raw, None)
    if page is None:
        page = _read_page(raw, lexicon)
        while _pages_read and len(_pages_read) >= PAGES_KEPT:
            del _pages_read[next(iter(_pages_read))]  # the least recently read
    _pages_read[raw] = page
    return page


def _read_page(raw: str, lexicon: Lexicon) -> _Page:
    sentences = [_read(s.text, lexicon) for s in extract.sentences(raw)[:MAX_PAGE_SENTENCES]] or [
        _read(raw, lexicon)
    ]
    return _as_page(raw, sentences, lexicon)


def _as_page(raw: str, sentences: list[_Text], lexicon: Lexicon) -> _Page:
    all_tokens = [t for s in sentences for t in s.tokens]
    words = set().union(*(s.words for s in sentences))
    vector = _vector((t for t in all_tokens if t in words), lexicon)
    whole = _Text(
        raw=raw,
        tokens=all_tokens,
        words=words,
        vector=vector,
        figures=[q for s in sentences for q in s.figures],
        numbers=set().union(*(s.numbers for s in sentences)),
        cues={},
        bigrams=set(),
        joined="",
        stems=set().union(*(s.stems for s in sentences)),
    )
    postings: dict[str, list[tuple[int, float]]] = {}
    for k, s in enumerate(sentences):
        for w, v in s.vector.items():
            postings.setdefault(w, []).append((k, v))
    n = len(sentences)
    rates = {c: sum(s.cues[c] for s in sentences) / n for c in _CUE_SIDES["page"]}
    return _Page(whole, sentences, postings, rates)


def page_terms(page: _Page) -> list[str]:
    """The content words of a page as read (its first MAX_PAGE_SENTENCES sentences), figures
    aside: what the page's bag counts."""
    return [t for t in page.whole.tokens if t in page.whole.words]


def read_page_terms(raw: str) -> list[str]:
    """`page_terms` of a raw page (for fitting the vocabulary)."""
    return page_terms(_read_page(raw, Lexicon({}, 1.0)))


def _bag(terms: Iterable[str], vocabulary: dict[str, int]) -> Bag:
    counts = Counter(vocabulary[t] for t in terms if t in vocabulary)
    norm = math.sqrt(sum(c * c for c in counts.values())) or 1.0
    order = sorted(counts)
    return tuple(order), tuple(counts[k] / norm for k in order)


def _rare_share(claim: set[str], other: set[str], lexicon: Lexicon) -> float:
    total = sum(lexicon.weight(w) for w in claim)
    return sum(lexicon.weight(w) for w in claim & other) / total if total else 0.0


def _stem_share(claim: _Text, other: _Text, lexicon: Lexicon) -> float:
    """`_rare_share` with words folded to their stems ("beheaded" meets "beheading")."""
    total = sum(lexicon.weight(w) for w in claim.words)
    found = sum(lexicon.weight(w) for w in claim.words if stem(w) in other.stems)
    return found / total if total else 0.0


def _bigrams(toks: list[str]) -> set[tuple[str, str]]:
    content = [t for t in toks if t not in matching.STOPWORDS]
    return set(zip(content, content[1:], strict=False))


def _bm25(claim: _Text, passage: _Text, lexicon: Lexicon) -> float:
    """BM25 of the passage for the claim's words, over the claim's best possible score."""
    counts = Counter(t for t in passage.tokens if t in claim.words)
    norm = K1 * (1 - B + B * len(passage.tokens) / AVG_LEN)
    got = sum(lexicon.weight(w) * c * (K1 + 1) / (c + norm) for w, c in counts.items())
    best = sum(lexicon.weight(w) for w in claim.words)
    return got / best if best else 0.0


def _main_clause(raw: str, shared: set[str]) -> tuple[set[str], set[str]]:
    """(words of the clause holding most of the shared words, words of the other clauses)."""
    clauses = [set(WORD_RE.findall(c.lower())) for c in CLAUSE_RE.split(raw)]
    clauses = [c for c in clauses if c] or [set()]
    main = max(range(len(clauses)), key=lambda k: len(clauses[k] & shared))
    others = set().union(*(c for k, c in enumerate(clauses) if k != main))
    return clauses[main], others


def _in_main_clause(raw: str, shared: set[str]) -> tuple[float, float, float]:
    """(negation in the main clause, negation elsewhere, denial in the main clause)."""
    main, others = _main_clause(raw, shared)
    return float(bool(main & NEGATION)), float(bool(others & NEGATION)), float(bool(main & DENIAL))


def _figures(claim: Pair, found: Sequence[Quantity]) -> tuple[float, float]:
    compared = figures.compare(claim.figures, found, claim.tolerance)
    if compared is None:
        return 0.0, 0.0
    return float(compared.agrees), float(not compared.agrees)


def _page_part(
    pair: Pair, claim: _Text, page: _Page, has_page: bool, lexicon: Lexicon
) -> dict[str, float]:
    """The features of a claim against a whole page: the same for every passage of the page."""
    f: dict[str, float] = {}
    whole, sentences = page.whole, page.sentences
    f["cos_page"] = cosine(claim.vector, whole.vector)
    dots = [0.0] * len(sentences)
    for w, v in claim.vector.items():
        for k, weight in page.postings.get(w, ()):
            dots[k] += v * weight
    order = sorted(range(len(dots)), key=lambda k: -dots[k])
    best = order[:TOP_SENTENCES]
    top = [sentences[k] for k in best]
    f["cos_page_best"] = dots[order[0]]
    f["cos_page_top"] = sum(dots[k] for k in best) / len(best)
    f["page_related_share"] = sum(d >= 0.2 for d in dots) / len(dots)
    f["rare_share_page"] = _rare_share(claim.words, whole.words, lexicon)
    f["stem_share_page"] = _stem_share(claim, whole, lexicon)
    rarest = sorted(claim.words, key=lambda w: (-lexicon.weight(w), w))[:3]
    f["rarest_in_page"] = sum(w in whole.words for w in rarest) / len(rarest) if rarest else 0.0
    f["page_words"] = math.log1p(len(whole.tokens))
    f["has_page"] = float(has_page)
    f["page_figures_agree"], f["page_figures_conflict"] = _figures(pair, whole.figures)
    for cue in _CUE_SIDES["top"]:
        f[f"top_{cue}"] = sum(s.cues[cue] for s in top) / len(top)
    for cue in _CUE_SIDES["page"]:  # a passage alone has no page: zero, and has_page says so
        f[f"page_{cue}"] = page.rates[cue] if has_page else 0.0
    for cue in _CUE_SIDES["first"]:
        f[f"first_{cue}"] = sentences[0].cues[cue] if has_page else 0.0
    in_top = [_in_main_clause(s.raw, claim.words & s.words) for s in top]
    f["top_neg_main"] = sum(t[0] for t in in_top) / len(top)
    f["top_deny_main"] = sum(t[2] for t in in_top) / len(top)
    return f


def _passage_part(pair: Pair, claim: _Text, passage: _Text, lexicon: Lexicon) -> dict[str, float]:
    """The features of a claim against one passage."""
    f: dict[str, float] = {}
    f["cos_passage"] = cosine(claim.vector, passage.vector)
    f["fuzzy_set"] = fuzz.token_set_ratio(claim.joined, passage.joined) / 100
    f["fuzzy_sort"] = fuzz.token_sort_ratio(claim.joined, passage.joined) / 100
    cb, pb = claim.bigrams, passage.bigrams
    f["bigram_jaccard"] = len(cb & pb) / len(cb | pb) if cb | pb else 0.0
    f["bm25"] = _bm25(claim, passage, lexicon)
    f["rare_share_passage"] = _rare_share(claim.words, passage.words, lexicon)
    # ...and the other way round: a passage about something else says much the claim does not
    f["passage_covered"] = _rare_share(passage.words, claim.words, lexicon)
    f["stem_share_passage"] = _stem_share(claim, passage, lexicon)
    shared = claim.words & passage.words
    f["shared_words"] = math.log1p(len(shared))
    f["claim_words"] = math.log1p(len(claim.tokens))
    f["passage_words"] = math.log1p(len(passage.tokens))
    f["claim_figures"] = float(any(q.unit for q in pair.figures))
    f["passage_figures_agree"], f["passage_figures_conflict"] = _figures(pair, passage.figures)
    f["shared_numbers"] = math.log1p(len(claim.numbers & passage.numbers))
    f["new_numbers"] = math.log1p(len(passage.numbers - claim.numbers))
    for cue in _CUE_SIDES["claim"]:
        f[f"claim_{cue}"] = claim.cues[cue]
    who = speaker(pair.passage)
    attributed = who is not None
    for cue in _CUE_SIDES["passage"]:
        f[f"passage_{cue}"] = passage.cues[cue]
    f["passage_report"] = max(f["passage_report"], float(attributed))
    neg_main, f["passage_neg_other"], f["passage_deny_main"] = _in_main_clause(pair.passage, shared)
    f["passage_neg_main"] = neg_main
    f["passage_attributed"] = float(attributed)
    f["same_speaker"] = float(_same_speaker(who, speaker(pair.claim)))
    f["reported_denial"] = float(attributed and passage.cues["deny"] > claim.cues["deny"])
    f["neg_mismatch"] = float(neg_main != claim.cues["neg"])
    f["deny_mismatch"] = float(passage.cues["deny"] != claim.cues["deny"])
    f["hedge_added"] = float(passage.cues["hedge"] > claim.cues["hedge"])
    return f


@functools.lru_cache(maxsize=65_536)
def speaker(passage: str) -> str | None:
    """Who a passage reports as saying it ("the Kremlin"; `extract.attribute`), or None in
    the outlet's own voice. Remembered: the features and the rules both ask."""
    return extract.attribute(passage).who


def _same_speaker(a: str | None, b: str | None) -> bool:
    """Both attributed, to speakers sharing a name word ("police" and "the police")."""
    if a is None or b is None:
        return False
    return bool(content_words(tokens(a)) & content_words(tokens(b)))


def features(pairs: Sequence[Pair], lexicon: Lexicon) -> np.ndarray:
    """One row per pair, columns as NAMES."""
    return features_and_bags(pairs, lexicon, None)[0]


def features_and_bags(
    pairs: Sequence[Pair], lexicon: Lexicon, vocabulary: dict[str, int] | None
) -> tuple[np.ndarray, list[Bag | None]]:
    """One row per pair, columns as NAMES, and each pair's page bag over `vocabulary` (None
    when the pair has no page or no vocabulary is given). Texts repeated across the batch (a
    claim against many passages, the passages of one page) are read once, and a claim is held
    against a page once however many of the page's passages it is paired with."""
    texts: dict[str, _Text] = {}
    page_bags: dict[str, Bag] = {}
    bags: list[Bag | None] = []
    pages: dict[str, _Page] = {}
    page_parts: dict[tuple[str, str, bool], dict[str, float]] = {}
    out = np.zeros((len(pairs), len(NAMES)), dtype=np.float64)
    for i, pair in enumerate(pairs):
        for text in (pair.claim, pair.passage):
            if text not in texts:
                texts[text] = _read(text, lexicon)
        claim, passage = texts[pair.claim], texts[pair.passage]
        has_page = pair.page is not None
        page_text = pair.page if pair.page is not None else pair.passage
        key = (pair.claim, page_text, has_page)
        part = page_parts.get(key)
        if part is None:
            page = pages.get(page_text) if has_page else None
            if page is None:
                page = (
                    _page_of(page_text, lexicon)
                    if has_page
                    else _as_page(page_text, [passage], lexicon)
                )
                if has_page:
                    pages[page_text] = page
            part = page_parts[key] = _page_part(pair, claim, page, has_page, lexicon)
        f = _passage_part(pair, claim, passage, lexicon) | part
        out[i] = [f[name] for name in NAMES]
        if vocabulary is None or pair.page is None:
            bags.append(None)
            continue
        found = page_bags.get(pair.page)
        if found is None:
            if pair.page not in pages:
                pages[pair.page] = _page_of(pair.page, lexicon)
            found = page_bags[pair.page] = _bag(page_terms(pages[pair.page]), vocabulary)
        bags.append(found)
    return out, bags
