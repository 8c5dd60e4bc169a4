"""Claim rows on a Session: read, list, mentions, evidence, history, assign, save.
Functions never commit; the caller's transaction does. Status changes live in
pipeline.decisions."""

import heapq
import itertools
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import ColumnElement, and_, delete, exists, func, insert, or_, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from verify import origins
from verify.errors import ClaimNotFound, ConflictError, NotFoundError
from verify.models import (
    Activity,
    ActivityKind,
    Article,
    Claim,
    ClaimDue,
    ClaimTerm,
    Evidence,
    Mention,
    Source,
    StatusChange,
    utcnow,
)

TRIGGER_TERMS = 2  # query words a new page must share with a claim to make it due
CHUNK = 500

QUEUE_ORDER = (col(Claim.priority).desc(), col(Claim.created_at), col(Claim.id))


def storable_id(session: Session, value: int) -> bool:
    """Whether value can be a row id in this database: ids are 64-bit on SQLite and 32-bit
    (integer) on PostgreSQL, which refuses a larger value in a query instead of finding no row."""
    top = 2**31 - 1 if session.get_bind().dialect.name == "postgresql" else 2**63 - 1
    return 1 <= value <= top


def get_claim(session: Session, claim_id: int) -> Claim:
    """The claim with this id, or ClaimNotFound."""
    claim = session.get(Claim, claim_id) if storable_id(session, claim_id) else None
    if claim is None:
        raise ClaimNotFound(claim_id)
    return claim


def get_claims(session: Session, claim_ids: Sequence[int]) -> list[Claim]:
    """The claims with these ids, in that order, in one query; ClaimNotFound for a missing one."""
    wanted = [i for i in claim_ids if storable_id(session, i)]
    found = {c.id: c for c in session.exec(select(Claim).where(col(Claim.id).in_(wanted)))}
    for claim_id in claim_ids:
        if claim_id not in found:
            raise ClaimNotFound(claim_id)
    return [found[i] for i in claim_ids]


def list_claims(
    session: Session,
    *,
    statuses: Sequence[str] | None = None,
    assignee: str | None = None,
    article_id: int | None = None,
    outlet: str | None = None,
    search: str | None = None,
    since: datetime | None = None,
    limit: int | None = None,
) -> list[Claim]:
    """Claims by priority (highest first), then age (oldest first), narrowed to an assignee,
    an article, an outlet (any letter case), text in the claim or its speaker, or claims
    created since a time."""
    query = select(Claim)
    if assignee is not None:
        query = query.where(Claim.assignee == assignee)
    if article_id is not None:
        if not storable_id(session, article_id) or session.get(Article, article_id) is None:
            raise NotFoundError(f"no article with id {article_id}; see `verify claims list`")
        mentioned = select(Mention.claim_id).where(Mention.article_id == article_id)
        query = query.where(col(Claim.id).in_(mentioned))
    if outlet is not None:
        in_outlet = (
            select(Mention.claim_id)
            .join(Article, col(Article.id) == col(Mention.article_id))
            .where(func.lower(col(Article.outlet)) == outlet.strip().lower())
        )
        query = query.where(col(Claim.id).in_(in_outlet))
    if search is not None:
        query = query.where(_mentions_text(search))
    if since is not None:
        query = query.where(col(Claim.created_at) >= since)
    if not statuses or limit is None:
        if statuses:
            query = query.where(col(Claim.status).in_(statuses))
        return list(session.exec(query.order_by(*QUEUE_ORDER).limit(limit)))
    # One indexed, ordered read per status, merged: SQLite cannot read ix_claim_queue in order
    # across an IN list, and would sort the whole pending set for every page.
    per_status = [
        session.exec(query.where(Claim.status == status).order_by(*QUEUE_ORDER).limit(limit))
        for status in dict.fromkeys(statuses)
    ]
    merged = heapq.merge(*per_status, key=lambda c: (-c.priority, c.created_at, c.id or 0))
    return list(itertools.islice(merged, limit))


def _mentions_text(text: str) -> ColumnElement[bool]:
    """The claim's text or its speaker holds text, in any letter case (`%` and `_` are
    literal)."""
    needle = " ".join(text.split())
    return or_(
        col(Claim.text).icontains(needle, autoescape=True),
        col(Claim.attributed_to).icontains(needle, autoescape=True),
    )


def mentions(session: Session, claim_id: int) -> list[tuple[Mention, Article]]:
    """Where a claim appears, in ingest order."""
    query = (
        select(Mention, Article)
        .join(Article, col(Article.id) == Mention.article_id)
        .where(Mention.claim_id == claim_id)
        .order_by(col(Article.id), col(Mention.char_start))
    )
    return [(m, a) for m, a in session.exec(query)]


def evidence(session: Session, claim_id: int) -> list[Evidence]:
    """A claim's evidence, oldest first."""
    query = select(Evidence).where(Evidence.claim_id == claim_id).order_by(col(Evidence.id))
    return list(session.exec(query))


def evidence_with_origins(
    session: Session, claim_id: int
) -> list[tuple[Evidence, str | None, str | None]]:
    """A claim's evidence with each source's origin group and title (None for plain links)."""
    query = (
        select(Evidence, Source.origin_group, Source.title)
        .join(Source, col(Source.id) == Evidence.source_id, isouter=True)
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.id))
    )
    return [(e, group, title) for e, group, title in session.exec(query)]


def history(session: Session, claim_id: int) -> list[StatusChange]:
    """A claim's status changes, oldest first."""
    get_claim(session, claim_id)
    query = (
        select(StatusChange).where(StatusChange.claim_id == claim_id).order_by(col(StatusChange.id))
    )
    return list(session.exec(query))


def activity(session: Session, claim_id: int) -> list[Activity]:
    """A claim's activity besides status changes (assignments, evidence attached), oldest
    first."""
    query = select(Activity).where(Activity.claim_id == claim_id).order_by(col(Activity.id))
    return list(session.exec(query))


def record_activity(
    session: Session,
    claim_id: int,
    kind: ActivityKind,
    detail: str,
    *,
    actor: str,
    evidence_id: int | None = None,
) -> Activity:
    """Append a piece of work on a claim to its history."""
    row = Activity(
        claim_id=claim_id, kind=kind, detail=detail, actor=actor, evidence_id=evidence_id
    )
    session.add(row)
    return row


def touch(claim: Claim) -> None:
    """Mark the claim changed now."""
    claim.updated_at = utcnow()  # the UPDATE this causes also checks and bumps `version`


def _changed(claim_id: int) -> ConflictError:
    return ConflictError(
        f"claim {claim_id} changed since you read it (another edit came first); reload it with "
        f"`verify claims show {claim_id}` and try again"
    )


def check_version(claim: Claim, expected: int | None) -> None:
    """ConflictError unless the claim is still at the version the person last saw."""
    if expected is not None and claim.version != expected:
        raise _changed(claim.id or 0)


def save(session: Session, claim: Claim) -> None:
    """Write the claim now; a concurrent edit that got there first is a ConflictError."""
    claim_id = claim.id or 0  # read before the flush: after a failed one the row is expired
    session.add(claim)
    try:
        session.flush()
    except StaleDataError as exc:
        raise _changed(claim_id) from exc


def assign(session: Session, claim_ids: Sequence[int], *, to: str | None, by: str) -> list[Claim]:
    """Give claims to a person (or take them back with to=None); each change goes into the
    claim's history."""
    claims = [get_claim(session, claim_id) for claim_id in claim_ids]
    for claim in claims:
        before = claim.assignee
        claim.assignee = to
        claim.assigned_by = by
        touch(claim)
        save(session, claim)
        if before != to:
            was = f" (was {before})" if before else ""
            kind, detail = (
                (ActivityKind.unassigned, f"unassigned{was}") if to is None
                else (ActivityKind.assigned, f"assigned to {to}{was}")
            )  # fmt: skip
            record_activity(session, claim.id or 0, kind, detail, actor=by)
    return claims


def _article_rows(
    session: Session, claim_ids: Sequence[int]
) -> list[tuple[int, str | None, str | None]]:
    """(claim id, origin group, URL) of every article the claims were extracted from."""
    query = (
        select(Mention.claim_id, Article.origin_group, Article.url)
        .join(Article, col(Article.id) == Mention.article_id)
        .where(col(Mention.claim_id).in_(claim_ids))
    )
    return [(claim_id, group, url) for claim_id, group, url in session.exec(query)]


def own_origins(session: Session, claim_ids: Sequence[int]) -> dict[int, set[str]]:
    """Origins of the articles each claim was extracted from: never independent support."""
    found: dict[int, set[str]] = {}
    for claim_id, group, url in _article_rows(session, claim_ids):
        if group or url:
            found.setdefault(claim_id, set()).add(group or origins.origin_of(url or ""))
    return found


def article_urls(session: Session, claim_ids: Sequence[int]) -> dict[int, set[str]]:
    """URLs of the articles each claim was extracted from, in one query."""
    found: dict[int, set[str]] = {}
    for claim_id, _, url in _article_rows(session, claim_ids):
        if url:
            found.setdefault(claim_id, set()).add(url)
    return found


def evidence_facts(
    session: Session, claim_ids: Sequence[int]
) -> dict[int, list[origins.EvidenceFact]]:
    """What the rules read of each claim's evidence, in one query for the whole batch."""
    items: dict[int, list[origins.EvidenceFact]] = {i: [] for i in claim_ids}
    query = (
        select(Evidence, Source.origin_group)
        .join(Source, col(Source.id) == Evidence.source_id, isouter=True)
        .where(col(Evidence.claim_id).in_(claim_ids))
        .order_by(col(Evidence.id))
    )
    for e, group in session.exec(query):
        items[e.claim_id].append(origins.EvidenceFact(e.url, e.stance, e.method, e.score, group))
    return items


def due(
    pending: Sequence[str], key: str, factchecks_since: datetime | None = None
) -> ColumnElement[bool]:
    """A pending claim with something new to check: never checked, checked under other
    matching settings, pages fetched since that may speak to it, or fact-checks imported
    since. The one definition `check` and the worker share."""
    reasons = [
        col(Claim.checked_at).is_(None),
        col(Claim.check_key).is_(None),
        col(Claim.check_key) != key,
        exists().where(col(ClaimDue.claim_id) == col(Claim.id)),
    ]
    if factchecks_since is not None:
        reasons.append(col(Claim.checked_at) < factchecks_since)
    return and_(col(Claim.status).in_(pending), or_(*reasons))


def due_sources(
    session: Session, claim_ids: Sequence[int]
) -> dict[int, list[tuple[int, datetime, int]]]:
    """Pages due for each claim: (due row id, when it was marked, source id)."""
    found: dict[int, list[tuple[int, datetime, int]]] = {}
    query = select(ClaimDue.id, ClaimDue.claim_id, ClaimDue.added_at, ClaimDue.source_id).where(
        col(ClaimDue.claim_id).in_(claim_ids)
    )
    for row_id, claim_id, added_at, source_id in session.exec(query):
        found.setdefault(claim_id, []).append((row_id or 0, added_at, source_id))
    return found


def clear_due(session: Session, rows: Sequence[tuple[int, datetime, int]]) -> None:
    """Drop the due rows a check has read; one marked again meanwhile (its page fetched again)
    keeps its new time and stays."""
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        session.execute(
            delete(ClaimDue).where(
                tuple_(col(ClaimDue.id), col(ClaimDue.added_at)).in_(
                    [(row_id, added_at) for row_id, added_at, _ in chunk]
                )
            )
        )


def set_terms(session: Session, claim_id: int, terms: Sequence[str]) -> None:
    """The words of the claim's latest index query: new pages holding them make it due."""
    session.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id) == claim_id))
    if terms:
        session.execute(
            insert(ClaimTerm),
            [{"claim_id": claim_id, "term": t, "of_terms": len(terms)} for t in sorted(set(terms))],
        )


def forget_terms(session: Session, claim_id: int) -> None:
    """The claim left the pending statuses: new pages no longer make it due."""
    session.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id) == claim_id))
    session.execute(delete(ClaimDue).where(col(ClaimDue.claim_id) == claim_id))


def mark_due(session: Session, source_id: int, terms: set[str]) -> int:
    """Pending claims a newly stored page may speak to (it holds TRIGGER_TERMS of their query
    words, or all of them when they have fewer) become due for that page. Returns how many."""
    hits: dict[int, int] = {}
    needed: dict[int, int] = {}
    wanted = sorted(terms)
    for start in range(0, len(wanted), CHUNK):
        query = select(ClaimTerm.claim_id, ClaimTerm.of_terms).where(
            col(ClaimTerm.term).in_(wanted[start : start + CHUNK])
        )
        for claim_id, of_terms in session.exec(query):
            hits[claim_id] = hits.get(claim_id, 0) + 1
            needed[claim_id] = min(TRIGGER_TERMS, of_terms)
    claim_ids = sorted(c for c, n in hits.items() if n >= needed[c])
    if not claim_ids:
        return 0
    now = utcnow()
    make = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = make(ClaimDue)
    stmt = stmt.on_conflict_do_update(
        index_elements=["claim_id", "source_id"], set_={"added_at": stmt.excluded.added_at}
    )
    rows = [{"claim_id": c, "source_id": source_id, "added_at": now} for c in claim_ids]
    for start in range(0, len(rows), CHUNK):
        session.execute(stmt, rows[start : start + CHUNK])
    return len(claim_ids)
