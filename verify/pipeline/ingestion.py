"""Articles into claims: store each article, queue its claims, merge near-copies of known claims
into mentions, and write the rows in bulk. Never commits; the caller's transaction does."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, col, func, select

from verify import database, extract, origin_groups, repeats
from verify.articles import ArticleInput
from verify.models import Article, Claim, Evidence, Mention, Method, StatusChange, utcnow
from verify.pipeline import reading
from verify.workflow import Workflow

INGEST_LOCK = 0x7665726966790003  # PostgreSQL advisory lock: one ingest at a time
MENTION_BOOST = 0.05  # priority added per extra article repeating a claim
MAX_BOOST = 0.25


@dataclass
class IngestResult:
    """What one ingest did."""

    articles: list[int] = field(default_factory=list)  # the ids of the articles stored
    skipped: list[str] = field(default_factory=list)
    new_claims: int = 0
    merged_mentions: int = 0
    not_claims: list[dict[str, Any]] = field(default_factory=list)  # sentences left out, why


Pending = dict[str, Any]  # a claim row inserted in this run: its "id" is set once stored


@dataclass
class _Known:
    """A claim the index can merge into: its row (or id) and what the comparison reads."""

    ref: "int | Pending"
    text: str  # normalised
    words: frozenset[str]
    negated: bool


class DuplicateIndex:
    """Stored claims and claims queued in this run, to merge repeats into one claim: near-copies
    (syndication) and the same report by other outlets (same figures, enough rarer words).
    Claims with figures are grouped by them; the rest by their rarer words, so a new claim is
    compared with a few candidates, never with every claim."""

    def __init__(self, session: Session) -> None:
        self.by_figures: dict[repeats.Signature, list[_Known]] = defaultdict(list)
        self.by_word: dict[str, list[_Known]] = defaultdict(list)
        self.claims_with: Counter[str] = Counter()  # how many claims hold each word
        self.total = 0
        for claim_id, text, figures in session.exec(select(Claim.id, Claim.text, Claim.quantities)):
            self.add(claim_id or 0, text, list(figures))

    def add(self, ref: "int | Pending", text: str, figures: list[dict[str, Any]]) -> None:
        normal = repeats.normalised(text)
        known = _Known(ref, normal, repeats.content_words(normal), repeats.negated(normal))
        self.claims_with.update(known.words)
        self.total += 1
        signature = repeats.figure_signature(figures)
        if signature:
            self.by_figures[signature].append(known)
        else:
            for word in known.words:
                self.by_word[word].append(known)

    def find(self, text: str, figures: list[dict[str, Any]]) -> "int | Pending | None":
        normal = repeats.normalised(text)
        words, negated = repeats.content_words(normal), repeats.negated(normal)
        signature = repeats.figure_signature(figures)
        candidates = self.by_figures.get(signature, []) if signature else self._sharing(words)
        rare = self._rarer(words)
        for known in candidates:
            if repeats.same_claim(normal, known.text) or repeats.same_report(
                rare, self._rarer(known.words), signature, negated=(negated, known.negated)
            ):
                ref = known.ref
                return ref["id"] if isinstance(ref, dict) and "id" in ref else ref
        return None

    def _rarer(self, words: frozenset[str]) -> frozenset[str]:
        """Words held by few claims: a template's or a beat's common words ("report",
        "convoys") say nothing about two outlets telling the same story."""
        limit = max(repeats.RARE_CLAIMS, repeats.RARE_SHARE * self.total)
        return frozenset(w for w in words if self.claims_with[w] <= limit)

    def _sharing(self, words: frozenset[str]) -> list[_Known]:
        """Figure-less claims sharing one of these words (a near-copy shares most of them)."""
        seen: dict[int, _Known] = {}
        for word in sorted(words, key=lambda w: len(self.by_word.get(w, ())))[:3]:
            for known in self.by_word.get(word, ()):
                seen.setdefault(id(known), known)
        return list(seen.values())


BATCH_ARTICLES = 200  # rows are written in bulk this often


@dataclass
class _Batch:
    """Rows waiting for one bulk insert; a claim row's "id" is filled in when stored."""

    claims: list[Pending] = field(default_factory=list)
    created: list[tuple[Pending, str]] = field(default_factory=list)
    mentions: list[tuple[int | Pending, int, int, int]] = field(default_factory=list)
    disputes: list[tuple[int | Pending, "_Stored", extract.Candidate]] = field(default_factory=list)
    # stored claims seen again: id → (highest check-worthiness, an attribution if one was given)
    repeats: dict[int, tuple[float, str | None]] = field(default_factory=dict)


def ingest(
    session: Session,
    flow: Workflow,
    inputs: Iterable[ArticleInput],
    *,
    actor: str,
    progress: Callable[[ArticleInput], None] | None = None,
    workers: int | None = None,
) -> IngestResult:
    """Store articles and queue their claims; near-duplicate claims gain a mention instead.
    Claims are read in `workers` processes ahead of storing (default: one per core when there
    are enough articles; see `reading.workers_for`). Ingests run one at a time (an advisory
    lock on PostgreSQL), so two of them never queue the same claim twice."""
    database.lock(session, INGEST_LOCK)
    result = IngestResult()
    index = DuplicateIndex(session)
    known = set(session.exec(select(Article.raw_sha256)))
    items = list(inputs)
    fresh = []  # whether each input is new: read only those, each once
    for item in items:
        fresh.append(item.raw_sha256 not in known)
        known.add(item.raw_sha256)
    jobs = [(item.text, item.url) for item, new in zip(items, fresh, strict=True) if new]
    extractions = reading.read_all(jobs, reading.workers_for(len(jobs), workers))
    batch = _Batch()
    try:
        for item, new in zip(items, fresh, strict=True):
            if progress:
                progress(item)
            if not new:
                result.skipped.append(item.source_path or item.title)
                continue
            article = _store(session, item)
            origin_groups.assign(
                session, kind="article", ref_id=article.id, url=item.url, text_=item.text, new=True
            )
            result.articles.append(article.id)
            _queue_claims(session, flow, article, next(extractions), index, batch, result)
            if len(result.articles) % BATCH_ARTICLES == 0:
                _write(session, batch, flow=flow, actor=actor)
    finally:
        extractions.close()  # stops the workers, also when storing failed
    _write(session, batch, flow=flow, actor=actor)
    return result


@dataclass(frozen=True)
class _Stored:
    """What claims and disputes read of a stored article."""

    id: int
    title: str
    url: str | None


_ARTICLE_ID = Article.__table__.c.id  # type: ignore[attr-defined]


def _store(session: Session, item: ArticleInput) -> _Stored:
    """One article row through Core: an ORM object and a flush per article cost a fifth of
    storing."""
    row = {
        "url": item.url, "title": item.title, "outlet": item.outlet,
        "published_at": item.published_at, "text": item.text, "raw_sha256": item.raw_sha256,
        "source_path": item.source_path, "ingested_at": utcnow(),
    }  # fmt: skip
    statement = insert(Article.__table__).returning(_ARTICLE_ID)  # type: ignore[attr-defined]
    article_id = session.connection().execute(statement, row).scalar_one()
    return _Stored(article_id, item.title, item.url)


def _queue_claims(
    session: Session,
    flow: Workflow,
    article: _Stored,
    extraction: extract.Extraction,
    index: DuplicateIndex,
    batch: _Batch,
    result: IngestResult,
) -> None:
    """An article's claims into the batch: new claim rows, or mentions of known claims."""
    now = utcnow()
    reason = f"extracted from article {article.id}: {article.title}"
    result.not_claims.extend(
        {"article": article.id, "start": s.start, "end": s.end, "text": s.text, "why": s.reason}
        for s in extraction.skipped
    )
    queued: list[int | Pending] = []  # each candidate's claim, by position
    for candidate in extraction.candidates:
        figures = candidate.quantity_dicts()
        # "The Kremlin has dismissed the reports.": a dispute of a claim queued just above
        found: int | Pending | None
        if candidate.refers_to is not None:
            found = queued[candidate.refers_to]
        else:
            found = index.find(candidate.text, figures)
        if found is None:
            row: Pending = {
                "text": candidate.text, "quote": candidate.quote,
                "attributed_to": candidate.attributed_to, "quantities": figures,
                "checkworthiness": candidate.checkworthiness,
                "priority": candidate.checkworthiness, "status": flow.initial, "pinned": False,
                "version": 1, "checks": 0, "created_at": now, "updated_at": now,
            }  # fmt: skip
            batch.claims.append(row)
            batch.created.append((row, reason))
            index.add(row, candidate.text, figures)
            found = row
            result.new_claims += 1
        else:
            result.merged_mentions += 1
            if candidate.refers_to is None:  # a repeat: the known claim takes its details
                _merge(session, found, candidate, batch)
        queued.append(found)
        batch.mentions.append((found, article.id, candidate.start, candidate.end))
        if candidate.disputed_by:
            batch.disputes.append((found, article, candidate))


def _write(session: Session, batch: _Batch, *, flow: Workflow, actor: str) -> None:
    """Bulk-insert the batch with Core: one SQLModel object per row cost more than extraction."""
    _raise_repeated(session, batch)
    connection = session.connection()
    if batch.claims:
        ids = connection.execute(
            insert(Claim.__table__).returning(  # type: ignore[attr-defined]
                Claim.__table__.c.id,  # type: ignore[attr-defined]
                sort_by_parameter_order=True,
            ),
            batch.claims,
        ).scalars()
        for row, claim_id in zip(batch.claims, ids, strict=True):
            row["id"] = claim_id
    now = utcnow()
    if batch.created:
        connection.execute(
            insert(StatusChange.__table__),  # type: ignore[attr-defined]
            [{"claim_id": r["id"], "to_status": flow.initial, "reason": why, "actor": actor,
              "at": now} for r, why in batch.created],
        )  # fmt: skip
    if batch.mentions:
        connection.execute(
            insert(Mention.__table__),  # type: ignore[attr-defined]
            [{"claim_id": ref if isinstance(ref, int) else ref["id"], "article_id": article_id,
              "char_start": start, "char_end": end}
             for ref, article_id, start, end in batch.mentions],
        )  # fmt: skip
    if batch.disputes:
        rows = [_dispute_row(*d, actor) for d in batch.disputes]
        connection.execute(insert(Evidence.__table__), rows)  # type: ignore[attr-defined]
    batch.claims.clear()
    batch.created.clear()
    batch.mentions.clear()
    batch.disputes.clear()
    batch.repeats.clear()


def _dispute_row(
    ref: int | Pending, article: "_Stored", candidate: extract.Candidate, actor: str
) -> dict[str, Any]:
    """A dispute reported in the article itself ("the mayor called it 'nonsense'"), kept as a
    mention from the article: shown with the claim, never counted as an independent origin."""
    return {
        "claim_id": ref if isinstance(ref, int) else ref["id"],
        "url": article.url or f"article://{article.id}",
        "passage": candidate.quote,
        "char_start": candidate.start,
        "char_end": candidate.end,
        "stance": "mentions",
        "method": Method.article,
        "note": f"disputed by {candidate.disputed_by} ({candidate.dispute}) in the article itself",
        "added_by": actor,
        "added_at": utcnow(),
    }


def _merge(
    session: Session, found: int | Pending, candidate: extract.Candidate, batch: _Batch
) -> None:
    """A claim seen again: fill a missing attribution, and let it rise in the queue."""
    if isinstance(found, dict):
        earlier = sum(1 for ref, *_ in batch.mentions if ref is found)
        found["attributed_to"] = found["attributed_to"] or candidate.attributed_to
        found["checkworthiness"] = max(found["checkworthiness"], candidate.checkworthiness)
        found["priority"] = _boosted(found["checkworthiness"], earlier)
        return
    score, who = batch.repeats.get(found, (0.0, None))
    batch.repeats[found] = (max(score, candidate.checkworthiness), who or candidate.attributed_to)


def _raise_repeated(session: Session, batch: _Batch) -> None:
    """Stored claims repeated in this batch rise in the queue: two queries for the batch, not
    two per repeat."""
    if not batch.repeats:
        return
    ids = list(batch.repeats)
    stored = dict(
        session.exec(
            select(Mention.claim_id, func.count())
            .where(col(Mention.claim_id).in_(ids))
            .group_by(col(Mention.claim_id))
        ).all()
    )
    waiting = Counter(ref for ref, *_ in batch.mentions if isinstance(ref, int))
    for claim in session.exec(select(Claim).where(col(Claim.id).in_(ids))):
        score, who = batch.repeats[claim.id or 0]
        claim.attributed_to = claim.attributed_to or who
        claim.checkworthiness = max(claim.checkworthiness, score)
        earlier = stored.get(claim.id or 0, 0) + waiting[claim.id or 0] - 1
        claim.priority = _boosted(claim.checkworthiness, earlier)
        session.add(claim)
    session.flush()


def _boosted(checkworthiness: float, earlier_mentions: int) -> float:
    """Priority: check-worthiness plus a capped boost per article repeating the claim."""
    return round(checkworthiness + min(MENTION_BOOST * earlier_mentions, MAX_BOOST), 4)
