"""Passage rows and the full-text index over them: a fetched page is split into passages and
indexed once, when it is fetched; `check` then asks the index for each claim's candidates, so
matching costs what a claim needs, not what the corpus holds.

The index is `fulltext.create(connection, "passage")`:
- SQLite: an FTS5 external-content table `passage_fts` over `passage.norm`, kept in step by
  triggers, ranked with `bm25()`.
- PostgreSQL: a word table `passage_words (term, id)` kept in step by triggers, ranked by the
  summed idf of the query words a passage holds (`fulltext.ranked_postgres`), read from its
  primary key alone. That is BM25 with binary term frequency: in a sentence a word rarely
  occurs twice and lengths vary little, so the tf and length parts of BM25 change little, and
  `ts_rank_cd` (no idf at all) ranks "said the minister" above a rare name.

Document frequencies live in `passageterm` (the row for "" counts passages), updated with the
passages, so a query picks a claim's rarest words without scanning the index. Functions never
commit; the caller's transaction does.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, text
from sqlmodel import Session

from verify import extract, fulltext, matching
from verify.matching import Candidate
from verify.models import Passage, PassageTerm, utcnow

MIN_WORDS = 5  # shorter sentences (datelines, captions) say too little to match a claim
MIN_UNSPACED = 10  # characters, for scripts written without spaces (Chinese, Japanese)
UNSPACED_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
TOTAL = fulltext.TOTAL  # the passageterm row that counts passages
CHUNK = fulltext.CHUNK  # bound parameters per IN list


@dataclass(frozen=True)
class Draft:
    """A passage of a page, before it is stored."""

    ordinal: int
    start: int
    end: int
    text: str
    norm: str


@dataclass(frozen=True)
class Query:
    """A claim's index query: its rarest words with their idf."""

    terms: tuple[tuple[str, float], ...]

    def __bool__(self) -> bool:
        return bool(self.terms)


def split(page_text: str) -> list[Draft]:
    """A page's passages: its sentences of at least MIN_WORDS words, with their offsets."""
    found: list[Draft] = []
    for sentence in extract.sentences(page_text):
        if _long_enough(sentence.text):
            norm = matching.normalise(sentence.text)
            found.append(Draft(len(found), sentence.start, sentence.end, sentence.text, norm))
    return found


def _long_enough(text: str) -> bool:
    if len(text.split()) >= MIN_WORDS:
        return True
    return len(text) >= MIN_UNSPACED and bool(UNSPACED_RE.search(text))


def terms_of(norm: str) -> set[str]:
    """The words of a normalised text that the index and its rarity counts care about."""
    return {w for w in norm.split() if w not in matching.STOPWORDS}


_OLD = text("SELECT norm FROM passage WHERE source_id = :s")
_DROP = text("DELETE FROM passage WHERE source_id = :s")
_ADD = Passage.__table__.insert()  # type: ignore[attr-defined]


def store(
    session: Session, source_id: int, drafts: Sequence[Draft], counts: Counter[str] | None = None
) -> set[str]:
    """Replace a page's passages with drafts (`split` of its new text); the index follows.
    Returns the words of the new passages, for finding the claims they may speak to. The
    document frequencies change by what was replaced: added to `counts` when given (the
    caller writes a batch's counts at once with `add_counts`), else written now."""
    connection = session.connection()
    old = connection.execute(_OLD, {"s": source_id}).scalars().all()
    if old:
        connection.execute(_DROP, {"s": source_id})
    now = utcnow()
    if drafts:
        connection.execute(
            _ADD,
            [{"source_id": source_id, "ordinal": d.ordinal, "char_start": d.start,
              "char_end": d.end, "text": d.text, "norm": d.norm, "stored_at": now}
             for d in drafts],
        )  # fmt: skip
    delta = Counter[str]() if counts is None else counts
    for norm in old:
        delta.subtract(terms_of(norm))
    new_terms: set[str] = set()
    for draft in drafts:
        words = terms_of(draft.norm)
        delta.update(words)
        new_terms |= words
    delta[TOTAL] += len(drafts) - len(old)
    if counts is None:
        add_counts(session, delta)
    return new_terms


def add_counts(session: Session, counts: Counter[str]) -> None:
    """Add to the passages' document frequencies (fulltext.add_counts)."""
    fulltext.add_counts(session, PassageTerm, counts)


def frequencies(session: Session, terms: Iterable[str]) -> dict[str, int]:
    """How many passages hold each term (terms no passage holds are left out), and the
    number of passages under ""."""
    return fulltext.frequencies(session, PassageTerm, terms)


idf = fulltext.idf


def query_for(
    norm: str, df: dict[str, int], *, max_terms: int, max_postings: int, keep_rarest: int = 3
) -> Query:
    """The claim's words, rarest first (fulltext.rarest). Words no passage holds yet come
    first: they find nothing today, but they are the claim's most telling words when new
    pages arrive."""
    chosen = fulltext.rarest(terms_of(norm), df, max_terms=max_terms,
                             max_postings=max_postings, keep_rarest=keep_rarest)  # fmt: skip
    return Query(tuple(chosen))


def candidates(
    session: Session, query: Query, *, limit: int, source_ids: Sequence[int] | None = None
) -> list[Candidate]:
    """The passages that best match the query, best first: from the whole index, or only from
    the given sources' passages (an incremental check)."""
    if not query:
        return []
    if source_ids is not None:
        return _among_sources(session, query, source_ids, limit)
    dialect = session.get_bind().dialect.name
    sql, params = fulltext.ranked(dialect, "passage p", COLUMNS, query.terms, limit)
    return [_row(r, float(r[6])) for r in session.connection().execute(sql, params)]


COLUMNS = "p.id, p.source_id, p.text, p.norm, p.char_start, p.char_end"


def _row(row: Any, rank: float) -> Candidate:
    return Candidate(
        int(row[0]), int(row[1]), str(row[2]), str(row[3]), int(row[4]), int(row[5]), rank
    )


def _among_sources(
    session: Session, query: Query, source_ids: Sequence[int], limit: int
) -> list[Candidate]:
    """Ranked in Python: these few pages' passages, by the summed idf of query words held."""
    weights = dict(query.terms)
    scored: list[Candidate] = []
    ids = sorted(set(source_ids))
    for start in range(0, len(ids), CHUNK):
        rows = session.connection().execute(
            text(f"SELECT {COLUMNS} FROM passage p WHERE p.source_id IN :ids").bindparams(
                bindparam("ids", expanding=True)
            ),
            {"ids": ids[start : start + CHUNK]},
        )
        for row in rows:
            rank = sum(weights.get(w, 0.0) for w in set(str(row[3]).split()))
            if rank > 0:
                scored.append(_row(row, rank))
    scored.sort(key=lambda c: (-c.rank, c.id))
    return scored[:limit]
