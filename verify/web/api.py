"""The JSON API under /api: the desk's operations for scripts and integrations, with token
auth (`verify users token NAME`). Errors are `{"detail": "..."}` with the HTTP status."""

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from verify import claims, factchecks, sources, users
from verify.models import Claim, Evidence, Source, StatusChange
from verify.pipeline import decisions, reporting
from verify.report_schema import ClaimEntry
from verify.web import pages, views
from verify.web.auth import ApiPersonDep, DeskDep

router = APIRouter(prefix="/api", tags=["desk"])


class ClaimSummary(BaseModel):
    id: int
    status: str
    pinned: bool
    version: int
    priority: float
    text: str
    attributed_to: str | None
    quantities: list[dict[str, Any]]
    assignee: str | None
    created_at: datetime


class QueuePage(BaseModel):
    claims: list[ClaimSummary]
    previous: str | None = Field(description="Pass as `before` for the previous page.")
    next: str | None = Field(description="Pass as `after` for the next page.")
    counts: dict[str, int] = Field(description="Claims per status (all claims).")


class Change(BaseModel):
    claim_id: int
    from_status: str | None
    to_status: str
    actor: str
    reason: str
    at: datetime


class Assign(BaseModel):
    to: str | None = Field(description="A desk account's name; null to unassign.")
    version: int | None = Field(None, description="Only if the claim is still at this version.")


class Attach(BaseModel):
    url: str
    stance: Literal["supports", "contradicts", "mentions"] = "mentions"
    note: str | None = None
    version: int | None = None


class Attached(BaseModel):
    evidence_id: int
    created: bool
    change: Change | None


class SetStatus(BaseModel):
    status: str
    reason: str
    version: int | None = None


class Pin(BaseModel):
    pinned: bool
    reason: str
    version: int | None = None


class AttachFactCheck(BaseModel):
    factcheck_id: int
    version: int | None = None


class FactCheckHit(BaseModel):
    id: int
    score: float
    claim: str
    rating: str | None
    verdict: str | None
    publisher: str | None
    url: str


class SourceRow(BaseModel):
    id: int
    url: str
    kind: str
    title: str | None
    http_status: int | None
    error: str | None
    fetched_at: datetime | None
    next_fetch_at: datetime | None


class SourceList(BaseModel):
    sources: list[SourceRow]
    total: int


class AddSources(BaseModel):
    urls: list[str]
    kind: Literal["page", "feed", "sitemap"] = "page"


class Added(BaseModel):
    added: int
    known: int


class Me(BaseModel):
    name: str
    role: str


def _summary(c: Claim | claims.QueueItem) -> ClaimSummary:
    return ClaimSummary(
        id=c.id or 0, status=c.status, pinned=c.pinned, version=c.version, priority=c.priority,
        text=c.text, attributed_to=c.attributed_to, quantities=c.quantities,
        assignee=c.assignee, created_at=c.created_at,
    )  # fmt: skip


def _change(c: StatusChange) -> Change:
    return Change(claim_id=c.claim_id, from_status=c.from_status, to_status=c.to_status,
                  actor=c.actor, reason=c.reason, at=c.at)  # fmt: skip


def _source(s: Source) -> SourceRow:
    return SourceRow(id=s.id or 0, url=s.url, kind=s.kind, title=s.title,
                     http_status=s.http_status, error=s.error, fetched_at=s.fetched_at,
                     next_fetch_at=s.next_fetch_at)  # fmt: skip


def _attached(e: Evidence, created: bool, change: StatusChange | None) -> Attached:
    return Attached(
        evidence_id=e.id or 0, created=created, change=_change(change) if change else None
    )


@router.get("/me")
def me(who: ApiPersonDep) -> Me:
    """Whose token this is."""
    return Me(name=who.name, role=who.role)


@router.get("/claims")
def list_claims(
    request: Request,
    desk: DeskDep,
    who: ApiPersonDep,
    status: Annotated[list[str] | None, Query(description="Repeatable; default: pending.")] = None,
    every: Annotated[bool, Query(description="Every status.")] = False,
    assignee: str | None = None,
    mine: bool = False,
    unassigned: bool = False,
    outlet: str | None = None,
    article: int | None = None,
    q: Annotated[str | None, Query(description="Text in the claim or its speaker.")] = None,
    since: Annotated[str | None, Query(description="Queued on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, Query(description="Queued on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, Query(description="Page size: 10, 25, 50 or 100.")] = 50,
    after: str | None = None,
    before: str | None = None,
) -> QueuePage:
    """The queue, by priority, with the desk's filters; page with `after` / `before`."""
    args = {
        "status": status or [], "every": "1" if every else None, "assignee": assignee,
        "mine": "1" if mine else None, "unassigned": "1" if unassigned else None,
        "outlet": outlet, "article": str(article) if article is not None else None, "q": q,
        "since": since, "until": until, "limit": str(limit), "after": after, "before": before,
    }  # fmt: skip
    asked = views.queue_query(desk.flow, args, who.name)
    with desk.read() as session:
        found, counts = pages.queue_and_counts(desk, session, asked)
    return QueuePage(
        claims=[_summary(c) for c in found.claims],
        previous=views.encode_cursor(found.before),
        next=views.encode_cursor(found.after),
        counts=counts,
    )


@router.get("/claims/{claim_id}")
def show_claim(desk: DeskDep, who: ApiPersonDep, claim_id: int) -> ClaimEntry:
    """Everything about one claim: the same JSON as `verify claims show ID --json`."""
    with desk.read() as session:
        return reporting.claim_report(session, desk.flow, claims.get_claim(session, claim_id))


@router.post("/claims/{claim_id}/assign")
def assign(desk: DeskDep, who: ApiPersonDep, claim_id: int, body: Assign) -> ClaimSummary:
    """Assign the claim to a desk account (or unassign it with `to: null`)."""
    with desk.write() as session:
        to = users.get_account(session, body.to).name if body.to else None
        claims.check_version(claims.get_claim(session, claim_id), body.version)
        (claim,) = claims.assign(session, [claim_id], to=to, by=who.name)
        return _summary(claim)


@router.post("/claims/{claim_id}/evidence")
def attach(desk: DeskDep, who: ApiPersonDep, claim_id: int, body: Attach) -> Attached:
    """Attach a link as evidence; the workflow's rules then re-evaluate the claim."""
    with desk.write() as session:
        done = decisions.attach_evidence(
            session, desk.flow, claim_id, body.url, stance=body.stance, note=body.note,
            by=who.name, expected_version=body.version,
        )  # fmt: skip
        return _attached(done.evidence, done.created, done.change)


@router.post("/claims/{claim_id}/status")
def set_status(desk: DeskDep, who: ApiPersonDep, claim_id: int, body: SetStatus) -> Change:
    """Set the status with a reason (the workflow's transitions and roles apply); pins it."""
    with desk.write() as session:
        change = decisions.set_status(
            session, desk.flow, claim_id, body.status, reason=body.reason, actor=who.name,
            expected_version=body.version, role=who.role,
        )  # fmt: skip
        return _change(change)


@router.post("/claims/{claim_id}/pin")
def pin(desk: DeskDep, who: ApiPersonDep, claim_id: int, body: Pin) -> list[Change]:
    """Pin the claim at its status, or unpin it (the rules decide again)."""
    with desk.write() as session:
        changes = decisions.set_pinned(
            session, desk.flow, claim_id, body.pinned, reason=body.reason, actor=who.name,
            expected_version=body.version, role=who.role,
        )  # fmt: skip
        return [_change(c) for c in changes]


@router.post("/claims/{claim_id}/factchecks")
def attach_factcheck(
    desk: DeskDep, who: ApiPersonDep, claim_id: int, body: AttachFactCheck
) -> Attached:
    """Attach a stored fact-check (an id from /api/factchecks) as evidence."""
    with desk.write() as session:
        done = decisions.attach_factcheck(
            session, desk.flow, claim_id, body.factcheck_id, by=who.name,
            expected_version=body.version,
        )  # fmt: skip
        return _attached(done.evidence, done.created, done.change)


@router.get("/factchecks")
def search_factchecks(
    desk: DeskDep,
    who: ApiPersonDep,
    q: Annotated[str, Query(min_length=1, description="A claim, in any wording.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 5,
) -> list[FactCheckHit]:
    """Published fact-checks of a claim, best match first."""
    with desk.read() as session:
        (hits,) = factchecks.Index(session).search([q], scorer=desk.flow.scorer, limit=limit)
    return [
        FactCheckHit(id=h.factcheck.id or 0, score=h.score, claim=h.factcheck.claim_reviewed,
                     rating=h.factcheck.rating_text, verdict=h.factcheck.verdict,
                     publisher=h.factcheck.publisher, url=h.factcheck.review_url)
        for h in hits
    ]  # fmt: skip


@router.get("/sources")
def list_sources(
    desk: DeskDep,
    who: ApiPersonDep,
    failed: bool = False,
    offset: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
) -> SourceList:
    """Sources with their last fetch, oldest first."""
    with desk.read() as session:
        rows, total = sources.listing(session, failed_only=failed, offset=offset, limit=limit)
        return SourceList(sources=[_source(s) for s in rows], total=total)


@router.post("/sources")
def add_sources(desk: DeskDep, who: ApiPersonDep, body: AddSources) -> Added:
    """Register pages, feeds or sitemaps to check claims against."""
    with desk.write() as session:
        added = sources.add(session, body.urls, by=who.name, kind=body.kind)
    new = sum(a.created for a in added)
    return Added(added=new, known=len(added) - new)


@router.get(
    "/report",
    response_class=Response,
    responses={200: {"content": {m: {} for m, _ in pages.REPORT_TYPES.values()}}},
)
def report(
    request: Request,
    desk: DeskDep,
    who: ApiPersonDep,
    format: Literal["markdown", "json", "html", "csv", "claimreview"] = "json",
    claim: Annotated[list[int] | None, Query(description="Claim ids (repeatable).")] = None,
    status: Annotated[list[str] | None, Query(description="Statuses (repeatable).")] = None,
) -> Response:
    """The verification report in any format (default: all claims)."""
    return pages.report_response(desk, request, format)
