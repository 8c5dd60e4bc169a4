"""Find the source passages that speak to a claim: normalise, block with a sparse BM25 index,
then score only the candidates with rapidfuzz. Pure: lists of strings in, matches out.

A fuzzy score alone is never evidence: token_set_ratio gives 100 to "Is it true?" against any
passage holding those words, so a match also needs enough shared content words (`overlap`).
"""

import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
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
K1, B = 1.2, 0.75  # BM25 constants
RANK_BLEND = (
    0.75  # BM25 share of a fact-check's rank (fuzzy the rest); picked on CLEF-2020 T2 train
)
CANDIDATES = 100  # passages per claim that get a fuzzy score
COMMON_DF = 0.1  # query words in more passages than this share are ignored by the blocker...
COMMON_FLOOR = 500  # (small collections keep every word)
KEEP_RAREST = 3  # ...except a claim's rarest few, so every claim has candidates
MIN_SHARED = 3  # content words a passage must share with the claim
MIN_SHARE = 0.5  # and this share of the claim's content words, weighted by rarity
RELATED_SHARE = 0.5  # share of them found across a whole document that "discusses" the claim
JUDGE_SHARE = 0.25  # share of them a passage needs to be judged (the stance model decides)
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Links and @handles say nothing about what is claimed (tweets and posts are full of them).
LINK_RE = re.compile(r"(?:https?://|www\.|pic\.twitter\.com/)\S+|(?<!\w)@\w+")


@dataclass(frozen=True)
class Match:
    """A passage that may speak to a claim."""

    claim: int
    passage: int
    score: float
    overlap: float  # share of the claim's content words the passage holds


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


class BlockingIndex:
    """BM25 over passages as a sparse matrix; a batch of claims is one sparse product.

    For blocking (the default) common words are left out of queries and a long stop list
    applies; for ranking short documents (fact-checks) pass `stopwords=RANKING_STOPWORDS,
    drop_common=False`, which ranks like plain BM25."""

    def __init__(
        self,
        passages: Sequence[str],
        *,
        stopwords: frozenset[str] | None = None,
        drop_common: bool = True,
    ) -> None:
        self.stopwords = STOPWORDS if stopwords is None else stopwords
        self.drop_common = drop_common
        self.size = len(passages)
        self.vocab: dict[str, int] = {}
        rows: list[int] = []
        cols: list[int] = []
        tfs: list[int] = []
        lengths = np.zeros(self.size, dtype=np.float32)
        for i, text in enumerate(passages):
            counts: dict[int, int] = {}
            for word in re.findall(r"\w+", text):
                if word not in self.stopwords:
                    j = self.vocab.setdefault(word, len(self.vocab))
                    counts[j] = counts.get(j, 0) + 1
            lengths[i] = sum(counts.values())
            rows.extend([i] * len(counts))
            cols.extend(counts)
            tfs.extend(counts.values())
        tf = np.asarray(tfs, dtype=np.float32)
        row_index = np.asarray(rows, dtype=np.int64)
        col_index = np.asarray(cols, dtype=np.int64)
        self.df = np.bincount(col_index, minlength=len(self.vocab)).astype(np.float32)
        idf = np.log1p((self.size - self.df + 0.5) / (self.df + 0.5))
        self.idf = idf
        self.mean_idf = float(idf.mean()) if len(idf) else 1.0
        avg = float(lengths.mean()) if self.size else 1.0
        norm = K1 * (1 - B + B * lengths[row_index] / max(avg, 1e-9))
        weights = idf[col_index] * tf * (K1 + 1) / (tf + norm)
        from scipy import sparse  # type: ignore[import-untyped]  # 110 ms: only when indexing

        self.matrix = sparse.csr_matrix(
            (weights, (row_index, col_index)), shape=(self.size, len(self.vocab))
        ).T.tocsr()  # vocabulary × passages

    def weight(self, word: str) -> float:
        """A word's rarity (BM25 idf); a word no passage holds weighs as much as an average
        one: it tells nothing about which passage is meant."""
        j = self.vocab.get(word)
        return float(self.idf[j]) if j is not None else self.mean_idf

    def _query_terms(self, text: str) -> list[int]:
        terms = sorted(
            {self.vocab[w] for w in re.findall(r"\w+", text) if w in self.vocab},
            key=lambda j: self.df[j],
        )
        if not self.drop_common:
            return terms
        common = max(COMMON_DF * self.size, COMMON_FLOOR)
        return [j for rank, j in enumerate(terms) if rank < KEEP_RAREST or self.df[j] <= common]

    def search(
        self, queries: Sequence[str], k: int = CANDIDATES, batch: int = 256
    ) -> list[list[int]]:
        """The k best passages (by BM25) for each query, best first."""
        return [[j for j, _ in hits] for hits in self.search_scored(queries, k, batch)]

    def search_scored(
        self, queries: Sequence[str], k: int = CANDIDATES, batch: int = 256
    ) -> list[list[tuple[int, float]]]:
        """The k best passages for each query with their BM25 scores, best first."""
        from scipy import sparse

        found: list[list[tuple[int, float]]] = []
        for start in range(0, len(queries), batch):
            chunk = queries[start : start + batch]
            rows: list[int] = []
            cols: list[int] = []
            for i, text in enumerate(chunk):
                terms = self._query_terms(text)
                rows.extend([i] * len(terms))
                cols.extend(terms)
            q = sparse.csr_matrix(
                (np.ones(len(rows), dtype=np.float32), (rows, cols)),
                shape=(len(chunk), len(self.vocab)),
            )
            scores = (q @ self.matrix).tocsr()
            for i in range(len(chunk)):
                lo, hi = scores.indptr[i], scores.indptr[i + 1]
                data, idx = scores.data[lo:hi], scores.indices[lo:hi]
                if len(data) > k:
                    top = np.argpartition(-data, k)[:k]
                    data, idx = data[top], idx[top]
                order = np.lexsort((idx, -data))  # best first; ties by passage order
                found.append([(int(idx[o]), float(data[o])) for o in order])
        return found


def rank(
    queries: Sequence[str],
    texts: Sequence[str],
    index: BlockingIndex,
    *,
    scorer: str,
    limit: int = 5,
    blend: float = RANK_BLEND,
) -> list[list[tuple[int, float]]]:
    """Retrieval for short texts: BM25 candidates from the index re-ranked (`rerank`);
    returns (index into texts, fuzzy score)."""
    ranked: list[list[tuple[int, float]]] = []
    for query, hits in zip(queries, index.search_scored(queries), strict=True):
        order = rerank(query, [bm for _, bm in hits], [texts[j] for j, _ in hits],
                       scorer=scorer, limit=limit, blend=blend)  # fmt: skip
        ranked.append([(hits[n][0], score) for n, score in order])
    return ranked


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


def find(
    claims: Sequence[str],
    passages: Sequence[str],
    *,
    scorer: str,
    min_score: float,
    index: BlockingIndex | None = None,
    k: int = CANDIDATES,
) -> list[Match]:
    """Matches of normalised claims against normalised passages: blocked, then scored in one
    multi-threaded rapidfuzz call, then filtered by score and shared content words."""
    if not claims or not passages:
        return []
    index = index or BlockingIndex(passages)
    pairs = [(i, j) for i, hits in enumerate(index.search(claims, k)) for j in hits]
    if not pairs:
        return []
    scores = process.cpdist(
        [claims[i] for i, _ in pairs],
        [passages[j] for _, j in pairs],
        scorer=SCORERS[scorer],
        processor=None,  # both sides are already normalised (default_process in normalise)
        workers=-1,
    )
    claim_words = [content_words(c) for c in claims]
    matches = []
    for (i, j), score in zip(pairs, scores.tolist(), strict=True):
        if score < min_score:
            continue
        share = overlap(claim_words[i], content_words(passages[j]), index.weight)
        if share >= MIN_SHARE:
            matches.append(Match(i, j, round(float(score), 2), round(share, 3)))
    return matches


def discussed(
    claims: Sequence[str],
    passages: Sequence[str],
    documents: Sequence[int],
    *,
    index: BlockingIndex,
    matched: set[tuple[int, int]],
    k: int = CANDIDATES,
) -> list[tuple[int, int, float]]:
    """(claim, passage, share) for documents that discuss a claim's subject as a whole — most
    of its rarer words appear across the document — although no single passage matched.
    `documents[j]` is the document of passage j; pairs (claim, document) in `matched` are
    skipped. The passage returned is the document's best BM25 candidate."""
    words_of: dict[int, set[str]] = {}
    for j, doc in enumerate(documents):
        words_of.setdefault(doc, set()).update(content_words(passages[j]))
    found = []
    for i, hits in enumerate(index.search(claims, k)):
        claim_words = content_words(claims[i])
        seen: set[int] = set()
        for j in hits:
            doc = documents[j]
            if doc in seen or (i, doc) in matched:
                continue
            seen.add(doc)
            share = overlap(claim_words, words_of[doc], index.weight)
            if share >= RELATED_SHARE:
                found.append((i, j, round(share, 3)))
    return found


def exhaustive_top(
    claims: Sequence[str], passages: Sequence[str], *, scorer: str, k: int = 5
) -> list[list[int]]:
    """Reference for the blocker: every pair scored (rapidfuzz cdist), top k per claim."""
    matrix = process.cdist(claims, passages, scorer=SCORERS[scorer], processor=None, workers=-1)
    return [[int(j) for j in np.argsort(-row, kind="stable")[:k]] for row in np.asarray(matrix)]
