"""`check`: for each claim, read its candidate passages from the index → assess them (pure,
`evidence.assess`) → write evidence rows, fact-check matches and the rules' decision.

Incremental: a claim is matched against the whole index when it has never been checked, when
the matching settings changed since (`check_key`), or with full=True; otherwise only against
the pages fetched since its last check that may speak to it (`claimdue`, written at fetch
time), and not at all when nothing is new. Work is written in short transactions of BATCH
claims, locked and written together (`apply`): a claim a person edited meanwhile (or that a
concurrent check got to first) is left due and checked next time, and the rest of the batch
stands. Every rule-made change is a StatusChange by "rules" with the facts that fired it;
pinned claims keep their status.
"""

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, exc, func, update
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from verify import (
    captures,
    claims,
    database,
    evidence,
    factchecks,
    fulltext,
    matching,
    passages,
    stance,
)
from verify.errors import ConflictError
from verify.models import Claim, Evidence, FactCheck, Method, Source, StatusChange, utcnow
from verify.pipeline import decisions
from verify.workflow import Decision, Workflow

BATCH = 50  # claims per transaction: a writer never holds the lock for long
ENGINE = "2"  # bump when matching changes in ways the workflow does not show: all re-check


@dataclass
class Summary:
    """What a check did."""

    claims: int = 0  # claims matched (in full or against new pages)
    full: int = 0  # of them, against the whole index
    unchanged: int = 0  # pending claims with nothing new since their last check
    passages: int = 0  # candidate passages scored
    sources: int = 0  # distinct pages those came from
    evidence_new: int = 0
    evidence_updated: int = 0
    evidence_withdrawn: int = 0  # re-judged on the same page and no longer evidence
    changes: list[StatusChange] = field(default_factory=list)
    held: list[tuple[int, str, str]] = field(default_factory=list)  # pinned: id, status, rules say
    conflicts: list[int] = field(default_factory=list)  # edited meanwhile: checked next time
    checked: list[int] = field(default_factory=list)

    def add(self, other: "Summary") -> None:
        """Count another claim's (or batch's) work in this summary."""
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)


def check_key(flow: Workflow) -> str:
    """A fingerprint of everything that decides a claim's evidence and status: when it
    changes, claims are checked against the whole index again and their evidence re-judged."""
    settings = {
        "engine": ENGINE,
        "match": [flow.scorer, flow.min_score, flow.quantity_tolerance, flow.candidates,
                  flow.query_terms, flow.query_postings, flow.suggest, flow.confirm,
                  *([flow.judge_top] if flow.judge_top else [])],  # 0 keeps earlier keys
        "rules": [(r.status, [(b.fact, b.low, b.high) for b in r.when]) for r in flow.rules],
        "pending": flow.pending,
        "factchecks": [flow.factchecks.suggest, flow.factchecks.confirm,
                       sorted(flow.factchecks.verdicts.items())],
    }  # fmt: skip
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()[:16]


def latest_factcheck(session: Session) -> datetime | None:
    """When fact-checks were last imported (claims checked before then look at them again)."""
    latest: datetime | None = session.exec(select(func.max(FactCheck.imported_at))).one()
    return latest


def check(
    engine: Engine,
    flow: Workflow,
    *,
    claim_ids: Sequence[int] = (),
    full: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Check the named claims (default: the pending ones with something new, or with
    full=True every pending claim), BATCH claims at a time: read and assess without holding
    the write lock, then write in one short transaction."""
    key = check_key(flow)
    summary = Summary()
    reader = database.reader_for(engine)
    try:
        with database.session_on(reader) as session:
            ids = _chosen(session, flow, claim_ids, key=key, full=full, summary=summary)
        for start in range(0, len(ids), BATCH):
            with database.session_on(reader) as session:
                plans = plan(session, flow, ids[start : start + BATCH], key=key, full=full,
                              summary=summary)  # fmt: skip
            with database.session_on(engine) as session:
                apply(session, flow, plans, key=key, summary=summary)
            if progress:
                progress(min(start + BATCH, len(ids)), len(ids))
    finally:
        if reader is not engine:
            reader.dispose()
    return summary


def _chosen(
    session: Session,
    flow: Workflow,
    claim_ids: Sequence[int],
    *,
    key: str,
    full: bool,
    summary: Summary,
) -> list[int]:
    if claim_ids:
        return [c.id or 0 for c in claims.get_claims(session, claim_ids)]
    pending = col(Claim.status).in_(flow.pending)
    wanted = pending if full else claims.due(flow.pending, key, latest_factcheck(session))
    found = session.exec(select(Claim.id).where(wanted).order_by(*claims.QUEUE_ORDER))
    ids = [i for i in found if i is not None]
    everyone = session.exec(select(func.count()).select_from(Claim).where(pending)).one()
    summary.unchanged += int(everyone) - len(ids)
    return ids


@dataclass
class Plan:
    """One claim's check, decided: what to write, and what was read to decide it."""

    claim_id: int
    version: int  # as read: a person's edit since makes the write a conflict
    full: bool
    terms: list[str]  # the claim's index query words
    due: list[tuple[int, datetime, int]]  # the due rows this check consumes
    drafts: list[evidence.Draft] = field(default_factory=list)
    factchecks: list[tuple[str, dict[str, object]]] = field(default_factory=list)
    captures: dict[int, int] = field(default_factory=dict)  # source → capture the passages are of
    # A whole check: the pages whose passages were judged again, with their newest capture.
    # Automatic evidence found on such a page as it is now, and not found again, is withdrawn.
    examined: dict[int, int | None] = field(default_factory=dict)


def plan(
    session: Session,
    flow: Workflow,
    claim_ids: Sequence[int],
    *,
    key: str,
    full: bool,
    summary: Summary,
) -> list[Plan]:
    """Read a batch of claims and their candidates, and assess them (nothing is written)."""
    batch = list(session.exec(select(Claim).where(col(Claim.id).in_(claim_ids))))
    batch.sort(key=lambda c: claim_ids.index(c.id or 0))
    ids = [c.id or 0 for c in batch]
    due = claims.due_sources(session, ids)
    own = claims.article_urls(session, ids)
    norms = {c.id or 0: matching.normalise(c.text) for c in batch}
    df = passages.frequencies(session, {w for n in norms.values() for w in passages.terms_of(n)})
    factchecks_at = latest_factcheck(session)
    index = None
    settings = evidence.Settings(
        flow.scorer, flow.min_score, flow.quantity_tolerance, suggest=flow.suggest,
        judge_top=flow.judge_top,
    )  # fmt: skip
    work: list[tuple[Claim, Plan, list[matching.Candidate]]] = []
    for claim in batch:
        cid = claim.id or 0
        whole = full or claim.checked_at is None or claim.check_key != key
        new_checks = factchecks_at is not None and (
            claim.checked_at is None or factchecks_at > claim.checked_at
        )
        if not whole and not due.get(cid) and not new_checks:
            summary.unchanged += 1
            continue
        query = passages.query_for(
            norms[cid], df, max_terms=flow.query_terms, max_postings=flow.query_postings
        )
        found: list[matching.Candidate] = []
        if whole or due.get(cid):
            found = passages.candidates(
                session, query, limit=flow.candidates,
                source_ids=None if whole else [s for *_, s in due[cid]],
            )  # fmt: skip
        terms = [t for t, _ in query.terms]
        work.append((claim, Plan(cid, claim.version, whole, terms, due.get(cid, [])), found))
    views = _sources(session, {c.source_id for *_, found in work for c in found})
    summary.sources += len(views)
    shortlists = []
    weight = fulltext.weigher(df)
    for claim, planned, found in work:
        view = evidence.ClaimView(
            planned.claim_id, claim.text, tuple(stance.quantities_of(claim.quantities)),
            frozenset(own.get(planned.claim_id, set())), claim.attributed_to,
        )  # fmt: skip
        picks = evidence.shortlist(view, found, views, weight=weight,
                                   settings=settings)  # fmt: skip
        shortlists.append((view, picks))
        summary.passages += len(found)
    pages = _pages(session, {p.source_id for _, picks in shortlists for p in picks})
    plans = []
    newest = captures.latest_ids(session, list(views))
    for (claim, planned, found), (view, picks) in zip(work, shortlists, strict=True):
        planned.drafts = evidence.decide(view, picks, views, settings=settings, pages=pages)
        planned.captures = {d.source_id: newest[d.source_id] for d in planned.drafts
                            if d.source_id in newest}  # fmt: skip
        if planned.full:
            planned.examined = {c.source_id: newest.get(c.source_id) for c in found}
        if factchecks_at is not None:
            index = index or factchecks.Index(session)
            planned.factchecks = _match_factchecks(flow, claim, index)
        plans.append(planned)
    return plans


def apply(
    session: Session, flow: Workflow, plans: Sequence[Plan], *, key: str, summary: Summary
) -> None:
    """Write what the plans decided. The batch's claims are locked first (in id order, so
    concurrent checks never deadlock); a claim edited since it was read is left due and
    counted as a conflict, and the rest are written together, a few statements for the whole
    batch. Should the batch still meet a conflict the locks do not cover, it is written again
    one claim at a time, each in a savepoint of its own, and only the claims in conflict are
    left due."""
    if not plans:
        return
    now = utcnow()
    done = Summary()  # counted only if the batch's writes stand
    try:
        with session.begin_nested():
            _write_batch(session, flow, plans, key, now, done)
    except CONFLICTS as error:
        _unless_conflict(error)
    else:
        summary.add(done)
        return
    for planned in plans:
        done = Summary()  # counted only if the claim's writes stand
        try:
            with session.begin_nested():
                _write_batch(session, flow, [planned], key, now, done)
        except CONFLICTS as error:
            _unless_conflict(error)
            summary.conflicts.append(planned.claim_id)
        else:
            summary.add(done)


CONFLICTS = (exc.IntegrityError, exc.OperationalError, ConflictError, StaleDataError)


def _unless_conflict(error: Exception) -> None:
    """Raise again what is not a conflict: an operational error other than PostgreSQL's
    serialization and deadlock failures (another writer got there first)."""
    code = getattr(getattr(error, "orig", None), "sqlstate", None)
    if isinstance(error, exc.OperationalError) and code not in ("40001", "40P01"):
        raise error


EvidenceKey = tuple[int, str, int | str]  # claim, method, and the source (auto) or the URL


def _key(claim_id: int, method: str, source_id: int | None, url: str) -> EvidenceKey:
    return (claim_id, method, source_id if source_id is not None else url)


def _write_batch(
    session: Session,
    flow: Workflow,
    plans: Sequence[Plan],
    key: str,
    now: datetime,
    summary: Summary,
) -> None:
    ids = sorted({p.claim_id for p in plans})
    locked = (
        select(Claim)
        .where(col(Claim.id).in_(ids))
        .order_by(col(Claim.id))
        .with_for_update()  # PostgreSQL; SQLite's writer holds the database lock already
        .execution_options(populate_existing=True)
    )
    current = {c.id or 0: c for c in session.exec(locked)}
    live: list[tuple[Plan, Claim]] = []
    for planned in plans:
        claim = current.get(planned.claim_id)
        if claim is None:
            continue  # deleted meanwhile
        if claim.version != planned.version:
            summary.conflicts.append(planned.claim_id)
        else:
            live.append((planned, claim))
    if not live:
        return
    stored: dict[EvidenceKey, Evidence] = {}
    by_claim: dict[int, list[Evidence]] = {}
    for row in session.exec(
        select(Evidence)
        .where(
            col(Evidence.claim_id).in_([p.claim_id for p, _ in live]),
            col(Evidence.method).in_([Method.auto, Method.factcheck]),
        )
        .order_by(col(Evidence.id))
    ):
        stored.setdefault(_key(row.claim_id, row.method, row.source_id, row.url), row)
        by_claim.setdefault(row.claim_id, []).append(row)
    for planned, _ in live:
        _write_evidence(session, planned, summary, stored)
        _withdraw(session, planned, summary, by_claim.get(planned.claim_id, []))
    session.flush()
    decided = decisions.rule_decisions(session, flow, [claim for _, claim in live])
    for planned, claim in live:
        _decide(session, flow, claim, decided[planned.claim_id], summary)
    _bookkeep(session, flow, [(p, claim.status) for p, claim in live], key, now, summary)


def _write_evidence(
    session: Session, planned: Plan, summary: Summary, stored: dict[EvidenceKey, Evidence]
) -> None:
    """The plan's evidence rows and fact-check matches, added or refreshed."""
    cid = planned.claim_id
    for draft in planned.drafts:
        row = stored.get(_key(cid, Method.auto, draft.source_id, draft.url))
        _upsert(session, row, cid, draft.url, Method.auto, summary, _values(draft),
                source_id=draft.source_id,
                capture_id=planned.captures.get(draft.source_id))  # fmt: skip
    for url, values in planned.factchecks:
        row = stored.get(_key(cid, Method.factcheck, None, url))
        _upsert(session, row, cid, url, Method.factcheck, summary, values)


def _decide(
    session: Session,
    flow: Workflow,
    claim: Claim,
    decided: tuple[Decision, dict[str, float]],
    summary: Summary,
) -> None:
    """The rules' decision (or ahead of them the verdict of a fact-check matched closely
    enough): a status change, or for a pinned claim a note of what the rules would say."""
    if claim.pinned:
        if decided[0].status != claim.status:
            summary.held.append((claim.id or 0, claim.status, decided[0].status))
        return
    change = decisions.apply_rules(session, flow, claim, decided)
    if change is not None:
        claims.save(session, claim)  # version-checked: a person's edit meanwhile wins
        summary.changes.append(change)


def _bookkeep(
    session: Session,
    flow: Workflow,
    done: Sequence[tuple[Plan, str]],
    key: str,
    now: datetime,
    summary: Summary,
) -> None:
    """When and how the claims were checked, the query words that make a pending claim due
    when new pages hold them, and the due rows consumed. Not an edit a person could conflict
    with: it leaves `version` alone."""
    ids = [planned.claim_id for planned, _ in done]
    session.execute(
        update(Claim)
        .where(col(Claim.id).in_(ids))
        .values(checked_at=now, check_key=key, checks=col(Claim.checks) + 1)
        .execution_options(synchronize_session=False)
    )
    claims.set_terms(session, {p.claim_id: p.terms for p, status in done if status in flow.pending})
    claims.clear_due(session, [row for planned, _ in done for row in planned.due])
    for planned, _ in done:
        summary.claims += 1
        summary.full += planned.full
        summary.checked.append(planned.claim_id)


def _withdraw(session: Session, planned: Plan, summary: Summary, rows: Sequence[Evidence]) -> None:
    """Automatic evidence that a whole check judged again on the same page, as it is now, and
    did not find (stricter settings, new rules): it would not be found on a fresh database, so
    it goes. Evidence found in an older capture of a page stays: the page said it then.
    `rows` are the claim's evidence rows as stored before this check."""
    kept = {d.source_id for d in planned.drafts}
    stale = {s for s in planned.examined if s not in kept}
    for row in rows:
        if row.method != Method.auto or row.source_id not in stale:
            continue
        if row.capture_id is None or row.capture_id == planned.examined.get(row.source_id or 0):
            session.delete(row)
            summary.evidence_withdrawn += 1


def _values(draft: evidence.Draft) -> dict[str, object]:
    return {
        "passage": draft.passage, "char_start": draft.start, "char_end": draft.end,
        "score": draft.score, "stance": draft.stance, "quantity_comparison": draft.comparison,
        "note": draft.note, "confidence": draft.confidence,
    }  # fmt: skip


def _sources(session: Session, source_ids: set[int]) -> dict[int, evidence.SourceView]:
    found: dict[int, evidence.SourceView] = {}
    ids = sorted(source_ids)
    for start in range(0, len(ids), passages.CHUNK):
        query = select(Source.id, Source.url, Source.final_url).where(
            col(Source.id).in_(ids[start : start + passages.CHUNK])
        )
        for sid, url, final in session.exec(query):
            found[sid or 0] = evidence.SourceView(sid or 0, url, final)
    return found


def _pages(session: Session, source_ids: set[int]) -> dict[int, str]:
    """The pages the stance model reads around the passages it judges: title and text."""
    found: dict[int, str] = {}
    ids = sorted(source_ids)
    for start in range(0, len(ids), passages.CHUNK):
        query = select(Source.id, Source.title, Source.text).where(
            col(Source.id).in_(ids[start : start + passages.CHUNK])
        )
        for sid, title, text_ in session.exec(query):
            found[sid or 0] = f"{title}\n{text_ or ''}" if title else text_ or ""
    return found


def _match_factchecks(
    flow: Workflow, claim: Claim, index: factchecks.Index
) -> list[tuple[str, dict[str, object]]]:
    """Published fact-checks that match the claim, as evidence rows to write (the closest
    one's verdict then sets the status: decisions.factcheck_verdicts)."""
    policy = flow.factchecks
    if not index:
        return []
    found: list[tuple[str, dict[str, object]]] = []
    (hits,) = index.search([claim.text], scorer=flow.scorer, limit=3)
    words = matching.content_words(matching.normalise(claim.text))
    weight = index.weight(words)
    for hit in hits:
        fc = hit.factcheck
        reviewed = matching.content_words(matching.normalise(fc.claim_reviewed))
        share = matching.overlap(words, reviewed, weight)
        if hit.score < policy.suggest or share < matching.MIN_SHARE:
            continue
        found.append((fc.review_url, {
            "passage": fc.claim_reviewed, "score": hit.score, "note": factchecks.note(fc),
            "stance": factchecks.stance_of(fc),
            "quantity_comparison": None,
        }))  # fmt: skip
    return found


def _upsert(
    session: Session,
    row: Evidence | None,
    claim_id: int,
    url: str,
    method: str,
    summary: Summary,
    values: dict[str, object],
    *,
    source_id: int | None = None,
    capture_id: int | None = None,
) -> None:
    """Add (row None) or refresh the rules' evidence row for one claim and one source or
    fact-check.

    The row keeps the capture it was found in while its passage and stance stay the same:
    that capture still shows what the evidence quotes, and a report that cited it stays
    true. It moves to the page's newest capture when the passage or stance changed (the old
    capture no longer holds what the row now says), or when it had none."""
    values = {**values, "url": url}
    moves = capture_id is not None and (
        row is None
        or row.capture_id is None
        or row.passage != values.get("passage")
        or row.stance != values.get("stance")
    )
    if row is None:
        row = Evidence(
            claim_id=claim_id, source_id=source_id, url=url, method=method,
            added_by=decisions.RULES_ACTOR,
        )  # fmt: skip
        summary.evidence_new += 1
    elif any(getattr(row, k) != v for k, v in values.items()):
        summary.evidence_updated += 1
        row.added_at = utcnow()
    elif not moves:
        return
    for name, value in values.items():
        setattr(row, name, value)
    if moves:
        row.capture_id = capture_id
    session.add(row)
