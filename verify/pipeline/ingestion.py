"""Articles into claims: store each article, queue its claims, merge near-copies of known claims
into mentions, and write the rows in bulk. Never commits; the caller's transaction does."""

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert
from sqlmodel import Session, func, select

from verify import claims, database, extract, origin_groups
from verify.articles import ArticleInput
from verify.models import Article, Claim, Mention, StatusChange, utcnow
from verify.workflow import Workflow

INGEST_LOCK = 0x7665726966790003  # PostgreSQL advisory lock: one ingest at a time
MENTION_BOOST = 0.05  # priority added per extra article repeating a claim
MAX_BOOST = 0.25


@dataclass
class IngestResult:
    """What one ingest did."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    new_claims: int = 0
    merged_mentions: int = 0


Pending = dict[str, Any]  # a claim row inserted in this run: its "id" is set once stored


class DuplicateIndex:
    """Claims grouped by their figures, to merge near-copies into one claim. Holds the ids of
    stored claims and the rows of claims queued in this run."""

    def __init__(self, session: Session) -> None:
        self.texts: dict[tuple[tuple[float, str], ...], list[str]] = defaultdict(list)
        self.refs: dict[tuple[tuple[float, str], ...], list[int | Pending]] = defaultdict(list)
        for claim_id, text, figures in session.exec(select(Claim.id, Claim.text, Claim.quantities)):
            self.add(claim_id or 0, text, list(figures))

    def add(self, ref: int | Pending, text: str, figures: list[dict[str, Any]]) -> None:
        key = extract.figure_signature(figures)
        self.texts[key].append(extract.normalised(text))
        self.refs[key].append(ref)

    def find(self, text: str, figures: list[dict[str, Any]]) -> int | Pending | None:
        key = extract.figure_signature(figures)
        found = extract.find_same(extract.normalised(text), self.texts.get(key, []))
        if found is None:
            return None
        ref = self.refs[key][found]
        return ref["id"] if isinstance(ref, dict) and "id" in ref else ref


BATCH_ARTICLES = 200  # rows are written in bulk this often


@dataclass
class _Batch:
    """Rows waiting for one bulk insert; a claim row's "id" is filled in when stored."""

    claims: list[Pending] = field(default_factory=list)
    created: list[tuple[Pending, str]] = field(default_factory=list)
    mentions: list[tuple[int | Pending, int, int, int]] = field(default_factory=list)


def ingest(
    session: Session,
    flow: Workflow,
    inputs: Iterable[ArticleInput],
    *,
    actor: str,
    progress: Callable[[ArticleInput], None] | None = None,
) -> IngestResult:
    """Store articles and queue their claims; near-duplicate claims gain a mention instead.
    Ingests run one at a time (an advisory lock on PostgreSQL), so two of them never queue
    the same claim twice."""
    database.lock(session, INGEST_LOCK)
    result = IngestResult()
    index = DuplicateIndex(session)
    known = set(session.exec(select(Article.raw_sha256)))
    batch = _Batch()
    for item in inputs:
        if progress:
            progress(item)
        if item.raw_sha256 in known:
            result.skipped.append(item.source_path or item.title)
            continue
        known.add(item.raw_sha256)
        article = Article(
            url=item.url,
            title=item.title,
            outlet=item.outlet,
            published_at=item.published_at,
            text=item.text,
            raw_sha256=item.raw_sha256,
            source_path=item.source_path,
        )
        session.add(article)
        session.flush()
        origin_groups.assign(
            session, kind="article", ref_id=article.id or 0, url=article.url, text_=article.text
        )
        result.articles.append(article)
        _queue_claims(session, flow, article, index, batch, result)
        if len(result.articles) % BATCH_ARTICLES == 0:
            _write(session, batch, flow=flow, actor=actor)
    _write(session, batch, flow=flow, actor=actor)
    return result


def _queue_claims(
    session: Session,
    flow: Workflow,
    article: Article,
    index: DuplicateIndex,
    batch: _Batch,
    result: IngestResult,
) -> None:
    """An article's claims into the batch: new claim rows, or mentions of known claims."""
    now = utcnow()
    reason = f"extracted from article {article.id}: {article.title}"
    for candidate in extract.claims(article.text):
        figures = candidate.quantity_dicts()
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
            _merge(session, found, candidate, batch)
        batch.mentions.append((found, article.id or 0, candidate.start, candidate.end))


def _write(session: Session, batch: _Batch, *, flow: Workflow, actor: str) -> None:
    """Bulk-insert the batch with Core: one SQLModel object per row cost more than extraction."""
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
    batch.claims.clear()
    batch.created.clear()
    batch.mentions.clear()


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
    claim = claims.get_claim(session, found)
    stored = session.exec(
        select(func.count()).select_from(Mention).where(Mention.claim_id == claim.id)
    ).one()
    waiting = sum(1 for ref, *_ in batch.mentions if ref == found)
    claim.attributed_to = claim.attributed_to or candidate.attributed_to
    claim.checkworthiness = max(claim.checkworthiness, candidate.checkworthiness)
    claim.priority = _boosted(claim.checkworthiness, stored + waiting)
    session.add(claim)


def _boosted(checkworthiness: float, earlier_mentions: int) -> float:
    """Priority: check-worthiness plus a capped boost per article repeating the claim."""
    return round(checkworthiness + min(MENTION_BOOST * earlier_mentions, MAX_BOOST), 4)
