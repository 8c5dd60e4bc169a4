"""The fact-check store on a Session: import (re-import updates, never duplicates) and search
with the same blocking + scoring engine as source matching. Never commits."""

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from verify import claimreview, matching, verdicts
from verify.models import FactCheck, utcnow


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
    for key, record in keyed.items():
        values = {
            **record.__dict__,
            "verdict": verdicts.normalise(
                record.rating_text, record.rating_value, record.best_rating,
                record.worst_rating, wording=wording,
            ),
        }  # fmt: skip
        row = known.get(key)
        if row is None:
            session.add(FactCheck(key=key, imported_from=source, **values))
            created += 1
        elif any(getattr(row, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            row.imported_from, row.imported_at = source, utcnow()
            session.add(row)
            updated += 1
        else:
            unchanged += 1
    session.flush()
    return Imported(created, updated, unchanged)


class Index:
    """All stored fact-checks, normalised and indexed once for many searches."""

    def __init__(self, session: Session) -> None:
        self.rows = list(session.exec(select(FactCheck).order_by(col(FactCheck.id))))
        self.texts = [matching.normalise(f.claim_reviewed) for f in self.rows]
        self.blocking = matching.BlockingIndex(
            self.texts, stopwords=matching.RANKING_STOPWORDS, drop_common=False
        )

    def search(self, texts: Sequence[str], *, scorer: str, limit: int = 5) -> list[list[Hit]]:
        """The best fact-checks for each text (matching.rank: BM25 candidates, fuzzy re-rank)."""
        if not self.rows:
            return [[] for _ in texts]
        queries = [matching.normalise(t) for t in texts]
        ranked = matching.rank(queries, self.texts, self.blocking, scorer=scorer, limit=limit)
        return [[Hit(self.rows[j], score) for j, score in hits] for hits in ranked]
