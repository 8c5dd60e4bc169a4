"""Where the database meets the pure steps: ingest articles, build report data."""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import Session, col, select

from verify import extract, queue
from verify.articles import ArticleInput
from verify.models import Article, Claim, Mention, StatusChange, utcnow
from verify.quantities import Quantity
from verify.workflow import Workflow

MENTION_BOOST = 0.05  # priority added per extra article repeating a claim
MAX_BOOST = 0.25


@dataclass
class IngestResult:
    """What one ingest did."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    new_claims: int = 0
    merged_mentions: int = 0


class DuplicateIndex:
    """Existing claims grouped by their figures, to merge near-copies into one claim."""

    def __init__(self, session: Session) -> None:
        self.groups: dict[tuple[tuple[float, str], ...], list[tuple[str, int]]] = defaultdict(list)
        for claim_id, text, figures in session.exec(select(Claim.id, Claim.text, Claim.quantities)):
            self.add(claim_id or 0, text, list(figures))

    def add(self, claim_id: int, text: str, figures: list[dict[str, Any]]) -> None:
        self.groups[extract.figure_signature(figures)].append((extract.normalised(text), claim_id))

    def find(self, text: str, figures: list[dict[str, Any]]) -> int | None:
        norm = extract.normalised(text)
        for other, claim_id in self.groups.get(extract.figure_signature(figures), []):
            if extract.same_claim(norm, other):
                return claim_id
        return None


def ingest(
    session: Session,
    flow: Workflow,
    inputs: Iterable[ArticleInput],
    *,
    actor: str,
    progress: Callable[[ArticleInput], None] | None = None,
) -> IngestResult:
    """Store articles and queue their claims; near-duplicate claims gain a mention instead."""
    result = IngestResult()
    index = DuplicateIndex(session)
    known = set(session.exec(select(Article.raw_sha256)))
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
        result.articles.append(article)
        _queue_claims(session, flow, article, index, result, actor=actor)
    return result


def _queue_claims(
    session: Session,
    flow: Workflow,
    article: Article,
    index: DuplicateIndex,
    result: IngestResult,
    *,
    actor: str,
) -> None:
    for candidate in extract.claims(article.text):
        figures = candidate.quantity_dicts()
        existing_id = index.find(candidate.text, figures)
        if existing_id is None:
            claim = Claim(
                text=candidate.text,
                quote=candidate.quote,
                attributed_to=candidate.attributed_to,
                quantities=figures,
                checkworthiness=candidate.checkworthiness,
                priority=candidate.checkworthiness,
                status=flow.initial,
            )
            session.add(claim)
            session.flush()
            session.add(
                StatusChange(
                    claim_id=claim.id or 0,
                    from_status=None,
                    to_status=flow.initial,
                    reason=f"extracted from article {article.id}: {article.title}",
                    actor=actor,
                )
            )
            index.add(claim.id or 0, claim.text, figures)
            result.new_claims += 1
        else:
            claim = queue.get_claim(session, existing_id)
            claim.attributed_to = claim.attributed_to or candidate.attributed_to
            claim.checkworthiness = max(claim.checkworthiness, candidate.checkworthiness)
            result.merged_mentions += 1
        session.add(
            Mention(
                claim_id=claim.id or 0,
                article_id=article.id or 0,
                char_start=candidate.start,
                char_end=candidate.end,
            )
        )
        session.flush()
        _reprioritise(session, claim)


def _reprioritise(session: Session, claim: Claim) -> None:
    """Claims repeated across more articles rise in the queue."""
    count = len(queue.mentions(session, claim.id or 0))
    boost = min(MENTION_BOOST * (count - 1), MAX_BOOST)
    claim.priority = round(claim.checkworthiness + boost, 4)
    session.add(claim)


def claim_report(session: Session, flow: Workflow, claim: Claim) -> dict[str, Any]:
    """Everything a report shows about one claim, as plain JSON-ready data."""
    changes = queue.history(session, claim.id or 0)
    last = changes[-1] if changes else None
    decision, facts = queue.rule_decision(session, flow, claim)
    return {
        "id": claim.id,
        "text": claim.text,
        "quote": claim.quote,
        "status": claim.status,
        "status_description": flow.statuses.get(claim.status, ""),
        "pinned": claim.pinned,
        "rules_suggest": decision.status if claim.pinned else None,
        "attributed_to": claim.attributed_to,
        "quantities": [dict(q, described=_described(q)) for q in claim.quantities],
        "checkworthiness": claim.checkworthiness,
        "priority": claim.priority,
        "assignee": claim.assignee,
        "why": None
        if last is None
        else {"reason": last.reason, "actor": last.actor, "at": last.at.isoformat()},
        "facts": facts,
        "mentions": [
            {
                "article_id": article.id,
                "title": article.title,
                "outlet": article.outlet,
                "url": article.url,
                "published_at": article.published_at.isoformat() if article.published_at else None,
                "char_start": mention.char_start,
                "char_end": mention.char_end,
            }
            for mention, article in queue.mentions(session, claim.id or 0)
        ],
        "evidence": [
            {
                "id": e.id,
                "url": e.url,
                "stance": e.stance,
                "method": e.method,
                "score": e.score,
                "passage": e.passage,
                "quantity_comparison": e.quantity_comparison,
                "note": e.note,
                "added_by": e.added_by,
                "added_at": e.added_at.isoformat(),
            }
            for e in queue.evidence(session, claim.id or 0)
        ],
        "history": [
            {
                "from": c.from_status,
                "to": c.to_status,
                "reason": c.reason,
                "actor": c.actor,
                "at": c.at.isoformat(),
                "facts": c.facts,
            }
            for c in changes
        ],
        "created_at": claim.created_at.isoformat(),
        "updated_at": claim.updated_at.isoformat(),
    }


def _described(q: dict[str, Any]) -> str:
    return Quantity(**q).describe()


def report_data(
    session: Session,
    flow: Workflow,
    *,
    claim_ids: Sequence[int] = (),
    statuses: Sequence[str] | None = None,
) -> dict[str, Any]:
    """The whole report: summary counts per status, then each selected claim."""
    if claim_ids:
        claims = [queue.get_claim(session, claim_id) for claim_id in claim_ids]
    else:
        claims = queue.list_claims(session, statuses=statuses)
        claims.sort(key=lambda c: c.id or 0)
    summary = dict.fromkeys(flow.statuses, 0)
    for claim in claims:
        summary[claim.status] = summary.get(claim.status, 0) + 1
    articles = session.exec(select(col(Article.id))).all()
    return {
        "verify_report": 1,
        "generated_at": utcnow().isoformat(),
        "workflow": flow.name,
        "summary": summary,
        "total": len(claims),
        "articles": len(articles),
        "claims": [claim_report(session, flow, claim) for claim in claims],
    }
