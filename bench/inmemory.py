"""The in-memory matcher verify used before issue 9 (a sparse BM25 index over every passage,
rebuilt on each run), kept here as the reference the benchmarks and evals compare the
database index path against. verify itself no longer uses it."""

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from rapidfuzz import process
from scipy import sparse  # type: ignore[import-untyped]

from verify.matching import (
    MIN_SHARE,
    RANK_BLEND,
    RELATED_SHARE,
    SCORERS,
    STOPWORDS,
    content_words,
    overlap,
    rerank,
)

K1, B = 1.2, 0.75  # BM25 constants
CANDIDATES = 100  # passages per claim that get a fuzzy score
COMMON_DF = 0.1  # query words in more passages than this share are ignored by the blocker...
COMMON_FLOOR = 500  # (small collections keep every word)
KEEP_RAREST = 3  # ...except a claim's rarest few, so every claim has candidates


@dataclass(frozen=True)
class Match:
    """A passage that may speak to a claim."""

    claim: int
    passage: int
    score: float
    overlap: float  # share of the claim's content words the passage holds


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
