"""The fact-check store on a Session: import (re-import updates, never duplicates) and search
through the database's full-text index, re-ranked by the fuzzy scorer source matching uses.
Never commits."""

import hashlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from verify import claimreview, fulltext, matching, verdicts
from verify.models import FactCheck, FactCheckTerm, utcnow


@dataclass(frozen=True)
class Imported:
    """What an import did."""

    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class Hit:
    """A stored fact-check and how closely it matches the text searched for."""

    factcheck: FactCheck
    score: float


def key_of(review_url: str, claim: str) -> str:
    """One row per review URL and claim: re-importing the same review updates it."""
    return hashlib.sha256(f"{review_url}\n{matching.normalise(claim)}".encode()).hexdigest()


# The stance a fact-check's verdict gives the claim it reviewed.
VERDICT_STANCE = {
    "false": "contradicts", "mostly_false": "contradicts", "misleading": "contradicts",
    "true": "supports", "mostly_true": "supports",
}  # fmt: skip


def stance_of(fc: FactCheck) -> str:
    """supports / contradicts from the verdict; any other verdict only mentions the claim."""
    return VERDICT_STANCE.get(fc.verdict or "", "mentions")


def note(fc: FactCheck) -> str:
    """How evidence and status reasons name a fact-check: "fact-check by X: rated 'Y'"."""
    rating = fc.rating_text or fc.verdict or "unrated"
    return f"fact-check by {fc.publisher or 'unknown publisher'}: rated {rating!r}"


def terms_of(norm: str) -> set[str]:
    """The words of a fact-check (in matching form) its term counts and queries use."""
    return {w for w in norm.split() if w not in matching.RANKING_STOPWORDS}


def store(
    session: Session,
    records: Sequence[claimreview.Record],
    *,
    source: str,
    wording: Mapping[str, str] | None = None,
) -> Imported:
    """Insert new fact-checks and update changed ones."""
    keyed = {key_of(r.review_url, r.claim_reviewed): r for r in records}
    known = {f.key: f for f in session.exec(select(FactCheck).where(col(FactCheck.key).in_(keyed)))}
    created = updated = unchanged = 0
    counts: Counter[str] = Counter()  # the change to factcheckterm
    for key, record in keyed.items():
        values = {
            **record.__dict__,
            "norm": matching.normalise(record.claim_reviewed),
            "verdict": verdicts.normalise(
                record.rating_text, record.rating_value, record.best_rating,
                record.worst_rating, wording=wording,
            ),
        }  # fmt: skip
        row = known.get(key)
        if row is None:
            session.add(FactCheck(key=key, imported_from=source, **values))
            counts.update(terms_of(str(values["norm"])))
            counts[fulltext.TOTAL] += 1
            created += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            counts.subtract(terms_of(row.norm))
            counts.update(terms_of(str(values["norm"])))
            for name, value in values.items():
                setattr(row, name, value)
            row.imported_from, row.imported_at = source, utcnow()
            session.add(row)
            updated += 1
        else:
            unchanged += 1
    session.flush()
    fulltext.add_counts(session, FactCheckTerm, counts)
    return Imported(created, updated, unchanged)


MAX_TERMS = 32  # of a text's rarest words make its index query (tweets are long)
KEEP_RAREST = 3
POSTINGS = 10_000  # bounds a query's cost; MAX_TERMS and POSTINGS picked on CLEF-2020 T2 train
CANDIDATES = 50  # fact-checks per text that get a fuzzy score


class Index:
    """The stored fact-checks, searched through the database's full-text index over `norm`
    (FTS5, or PostgreSQL's word table): a search reads its candidates, never every
    fact-check. Word rarities are read once per word for the life of the object (one
    session)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._df = fulltext.frequencies(session, FactCheckTerm, ())
        self.size = self._df[fulltext.TOTAL]
        self.dialect = session.get_bind().dialect.name

    def __bool__(self) -> bool:
        return self.size > 0

    def search(
        self,
        texts: Sequence[str],
        *,
        scorer: str,
        limit: int = 5,
        blend: float = matching.RANK_BLEND,
    ) -> list[list[Hit]]:
        """The best fact-checks for each text: candidates from the full-text index by BM25
        (SQLite) or summed idf (PostgreSQL), re-ranked with the fuzzy score
        (matching.rerank)."""
        norms = [matching.normalise(t) for t in texts]
        self._frequencies(set().union(*map(terms_of, norms)))
        found: list[list[Hit]] = []
        for norm in norms:
            terms = self._query(norm)
            ranked = self._candidates(terms) if terms else []
            if not ranked:
                found.append([])
                continue
            order = matching.rerank(
                norm, [rank for *_, rank in ranked], [n for _, n, _ in ranked], scorer=scorer,
                limit=limit, blend=blend,
            )  # fmt: skip
            best = [(ranked[n][0], score) for n, score in order]
            rows = {f.id: f for f in self.session.exec(
                select(FactCheck).where(col(FactCheck.id).in_([i for i, _ in best]))
            )}  # fmt: skip
            found.append([Hit(rows[i], score) for i, score in best if i in rows])
        return found

    def weight(self, words: set[str]) -> Callable[[str], float]:
        """How much each of these words tells (its idf among the fact-checks), for
        matching.overlap (fulltext.weigher)."""
        return fulltext.weigher({**self._frequencies(words), fulltext.TOTAL: self.size})

    def _query(self, norm: str) -> list[tuple[str, float]]:
        """The text's words the index holds (a word none holds finds nothing), rarest first,
        with their idf (fulltext.rarest)."""
        df = self._frequencies(terms_of(norm))
        held = {w: n for w, n in df.items() if n}
        return fulltext.rarest(held, {**held, fulltext.TOTAL: self.size}, max_terms=MAX_TERMS,
                               max_postings=POSTINGS, keep_rarest=KEEP_RAREST)  # fmt: skip

    def _frequencies(self, words: set[str]) -> dict[str, int]:
        """How many fact-checks hold each word (read once per word)."""
        missing = words - self._df.keys()
        if missing:
            self._df.update(dict.fromkeys(missing, 0))
            self._df.update(fulltext.frequencies(self.session, FactCheckTerm, missing))
        return {w: self._df[w] for w in words}

    def _candidates(self, terms: list[tuple[str, float]]) -> list[tuple[int, str, float]]:
        """(fact-check id, norm, rank) for the best CANDIDATES, best first: only what the
        re-ranking reads (whole rows are loaded for the few it keeps)."""
        columns = "f.id, f.norm"
        sql, params = fulltext.ranked(self.dialect, "factcheck f", columns, terms, CANDIDATES)
        rows = self.session.connection().execute(sql, params)
        return [(int(i), str(n), float(r)) for i, n, r in rows]
