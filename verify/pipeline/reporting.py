"""Report data: everything a report or `claims show` prints about claims, as plain
JSON-ready values (the schema is docs/report-json.md)."""

from collections.abc import Sequence

from sqlmodel import Session, col, select

from verify import captures, claims, origins
from verify.models import Activity, Article, Claim, StatusChange, utcnow
from verify.pipeline import decisions
from verify.quantities import Quantity
from verify.report_schema import (
    ActivityEntry,
    ClaimEntry,
    HistoryEntry,
    QuantityEntry,
    Report,
)
from verify.workflow import Workflow


def claim_report(session: Session, flow: Workflow, claim: Claim) -> ClaimEntry:
    """Everything a report shows about one claim, as plain JSON-ready data."""
    changes = claims.history(session, claim.id or 0)
    last = changes[-1] if changes else None
    found = claims.evidence_with_origins(session, claim.id or 0)
    kept = captures.by_ids(session, [e.capture_id for e, _, _ in found if e.capture_id])
    decision, facts = decisions.rule_decision(session, flow, claim)
    return {
        "id": claim.id,
        "text": claim.text,
        "quote": claim.quote,
        "status": claim.status,
        "status_description": flow.statuses.get(claim.status, ""),
        "pinned": claim.pinned,
        "version": claim.version,
        "rules_suggest": decision.status if claim.pinned else None,
        "attributed_to": claim.attributed_to,
        "quantities": [_quantity(q) for q in claim.quantities],
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
            for mention, article in claims.mentions(session, claim.id or 0)
        ],
        "evidence": [
            {
                "id": e.id,
                "url": e.url,
                "stance": e.stance,
                "method": e.method,
                "score": e.score,
                "confidence": e.confidence,
                "suggested": origins.only_suggested(e.method, e.confidence, flow.confirm),
                "passage": e.passage,
                "quantity_comparison": e.quantity_comparison,
                "note": e.note,
                "origin": group or origins.origin_of(e.url),
                "source_title": title,
                "added_by": e.added_by,
                "added_at": e.added_at.isoformat(),
                "capture": captures.describe(kept[e.capture_id]) if e.capture_id in kept else None,
                "capture_error": e.capture_error,
            }
            for e, group, title in found
        ],
        "history": history_entries(changes),
        "activity": activity_entries(claims.activity(session, claim.id or 0)),
        "created_at": claim.created_at.isoformat(),
        "updated_at": claim.updated_at.isoformat(),
    }


def history_entries(changes: Sequence[StatusChange]) -> list[HistoryEntry]:
    """Status changes in report form, in the order given."""
    return [
        {"from": c.from_status, "to": c.to_status, "reason": c.reason, "actor": c.actor,
         "at": c.at.isoformat(), "facts": c.facts}
        for c in changes
    ]  # fmt: skip


def activity_entries(done: Sequence[Activity]) -> list[ActivityEntry]:
    """Other work on a claim (assignments, links attached) in report form."""
    return [
        {"kind": a.kind, "detail": a.detail, "evidence_id": a.evidence_id, "actor": a.actor,
         "at": a.at.isoformat()}
        for a in done
    ]  # fmt: skip


def _quantity(stored: dict[str, object]) -> QuantityEntry:
    """A stored figure in report form (figures stored before `noun` or `qualifier` existed
    get their defaults)."""
    q = Quantity(**stored)  # type: ignore[arg-type]
    return {
        "value": q.value, "unit": q.unit, "approx": q.approx, "bound": q.bound, "low": q.low,
        "text": q.text, "start": q.start, "end": q.end, "currency": q.currency,
        "noun": q.noun, "qualifier": q.qualifier, "described": q.describe(),
    }  # fmt: skip


def report_data(
    session: Session,
    flow: Workflow,
    *,
    claim_ids: Sequence[int] = (),
    statuses: Sequence[str] | None = None,
) -> Report:
    """The whole report: summary counts per status, then each selected claim."""
    if claim_ids:
        chosen = claims.get_claims(session, claim_ids)
    else:
        chosen = claims.list_claims(session, statuses=statuses)
        chosen.sort(key=lambda c: c.id or 0)
    summary = dict.fromkeys(flow.statuses, 0)
    for claim in chosen:
        summary[claim.status] = summary.get(claim.status, 0) + 1
    articles = session.exec(select(col(Article.id))).all()
    return {
        "verify_report": 1,
        "generated_at": utcnow().isoformat(),
        "workflow": flow.name,
        "initial_status": flow.initial,
        "ratings": {
            status: {"value": r.value, "name": r.name} for status, r in flow.ratings.items()
        },
        "best_rating": flow.best_rating,
        "worst_rating": flow.worst_rating,
        "summary": summary,
        "total": len(chosen),
        "articles": len(articles),
        "claims": [claim_report(session, flow, claim) for claim in chosen],
    }
