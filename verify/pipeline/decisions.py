"""Every status change: rules applied to the facts of a claim's evidence, a person's verdict,
evidence attached by hand. Functions never commit; the caller's transaction does."""

from collections.abc import Sequence
from dataclasses import dataclass

from sqlmodel import Session

from verify import captures, claims, factchecks, origins
from verify.claims import check_version, get_claim, save, touch
from verify.errors import InputError, NotFoundError
from verify.models import ActivityKind, Claim, Evidence, Method, Stance, StatusChange, utcnow
from verify.workflow import Decision, Workflow

RULES_ACTOR = "rules"


def record_status(
    session: Session,
    flow: Workflow,
    claim: Claim,
    to_status: str,
    *,
    reason: str,
    actor: str,
    facts: dict[str, float] | None = None,
) -> StatusChange:
    """Move a claim and append the change to its history. A claim that leaves the workflow's
    pending statuses is no longer made due by new pages; one that comes back is checked
    against everything again."""
    change = StatusChange(
        claim_id=claim.id or 0,
        from_status=claim.status,
        to_status=to_status,
        reason=reason,
        actor=actor,
        facts=facts,
    )
    was_pending = claim.status in flow.pending
    claim.status = to_status
    if was_pending and to_status not in flow.pending:
        with session.no_autoflush:  # the claim's own UPDATE is flushed, version-checked, by save
            claims.forget_terms(session, claim.id or 0)
    elif to_status in flow.pending and not was_pending:
        claim.check_key = None
    touch(claim)
    session.add(claim)
    session.add(change)
    return change


def set_status(
    session: Session,
    flow: Workflow,
    claim_id: int,
    status: str,
    *,
    reason: str,
    actor: str,
    expected_version: int | None = None,
    role: str | None = None,
) -> StatusChange:
    """A person's verdict: checked against the workflow's transitions (and, at the desk, its
    [roles] for the person's role); pins the claim."""
    if not reason.strip():
        raise InputError("a status change needs a reason (--reason is empty); say why")
    claim = get_claim(session, claim_id)
    check_version(claim, expected_version)
    flow.check_move(claim.status, status)
    if role is not None:
        flow.check_role(role, status)
    claim.pinned = True
    change = record_status(session, flow, claim, status, reason=reason.strip(), actor=actor)
    save(session, claim)
    return change


@dataclass(frozen=True)
class Attached:
    """Result of attaching evidence: the row, whether it is new, any rule-made status change."""

    evidence: Evidence
    created: bool
    change: StatusChange | None


def attach_evidence(
    session: Session,
    flow: Workflow,
    claim_id: int,
    url: str,
    *,
    stance: str,
    note: str | None,
    by: str,
    expected_version: int | None = None,
    capture_id: int | None = None,
    capture_error: str | None = None,
) -> Attached:
    """Attach a link to a claim by hand, with the capture made of it (or why none could be:
    `fetch` tries again), then let the rules re-evaluate it."""
    url = origins.check_url(url)
    if stance not in set(Stance):
        raise InputError(f"unknown stance {stance!r} (valid: {', '.join(Stance)})")
    claim = get_claim(session, claim_id)
    check_version(claim, expected_version)
    for existing in claims.evidence(session, claim_id):
        if existing.url == url and existing.method == "manual":
            return Attached(existing, False, None)
    row = Evidence(
        claim_id=claim_id, url=url, stance=stance, note=note, method="manual", added_by=by,
        capture_id=capture_id,
    )  # fmt: skip
    if capture_error is not None:
        captures.link_failed(row, capture_error, now=utcnow())
    session.add(row)
    touch(claim)
    save(session, claim)
    claims.record_activity(
        session, claim_id, ActivityKind.evidence, attached_detail(row), actor=by,
        evidence_id=row.id,
    )  # fmt: skip
    change = apply_rules(session, flow, claim)
    if change is not None:
        save(session, claim)
    return Attached(row, True, change)


def attached_detail(row: Evidence) -> str:
    """How an attached link reads in the claim's history."""
    note = f" — {row.note}" if row.note else ""
    return f"evidence #{row.id} attached ({row.stance}): {row.url}{note}"


def rule_decisions(
    session: Session, flow: Workflow, batch: Sequence[Claim]
) -> dict[int, tuple[Decision, dict[str, float]]]:
    """What the workflow's rules say about each claim now, with the facts they read
    (two queries for the whole batch, not two per claim)."""
    ids = [c.id or 0 for c in batch]
    items = claims.evidence_facts(session, ids)
    own = claims.own_origins(session, ids)
    close = flow.factchecks.confirm  # only claims a fact-check matched that closely
    matched = [i for i in ids if any(e.method == Method.factcheck and (e.score or 0) >= close
                                     for e in items[i])]  # fmt: skip
    verdicts = factcheck_verdicts(session, flow, matched) if matched else {}
    decided = {}
    for claim_id in ids:
        facts = origins.facts_for(
            items[claim_id], own_origins=own.get(claim_id, set()), confirm=flow.confirm
        )
        decided[claim_id] = verdicts.get(claim_id) or (flow.decide(facts), facts.as_dict())
    return decided


def factcheck_verdicts(
    session: Session, flow: Workflow, claim_ids: Sequence[int]
) -> dict[int, tuple[Decision, dict[str, float]]]:
    """The status a published fact-check sets, for the claims it matches closely enough (the
    workflow's `[factchecks] confirm`) with a verdict in `[factchecks.verdicts]`: ahead of the
    rules, whenever they are applied (a check, a link attached, an unpin), the closest first."""
    policy = flow.factchecks
    found: dict[int, tuple[Decision, dict[str, float]]] = {}
    for claim_id, score, fc in claims.factcheck_matches(session, claim_ids, policy.confirm):
        status = policy.verdicts.get(fc.verdict or "")
        if status is None or claim_id in found:
            continue
        reason = f"matches a {factchecks.note(fc)} (similarity {score:.0f})"
        found[claim_id] = (Decision(status, reason, None), {"factcheck_score": score})
    return found


def rule_decision(
    session: Session, flow: Workflow, claim: Claim
) -> tuple[Decision, dict[str, float]]:
    """What the workflow's rules say about one claim now, with the facts they read."""
    return rule_decisions(session, flow, [claim])[claim.id or 0]


def apply_rules(
    session: Session,
    flow: Workflow,
    claim: Claim,
    decided: tuple[Decision, dict[str, float]] | None = None,
) -> StatusChange | None:
    """Let the rules move an unpinned claim; a pinned claim keeps the person's verdict."""
    if claim.pinned:
        return None
    decision, facts = decided or rule_decision(session, flow, claim)
    if decision.status == claim.status:
        return None
    return record_status(
        session, flow, claim, decision.status, reason=decision.reason, actor=RULES_ACTOR,
        facts=facts,
    )  # fmt: skip


def set_pinned(
    session: Session,
    flow: Workflow,
    claim_id: int,
    pinned: bool,
    *,
    reason: str,
    actor: str,
    expected_version: int | None = None,
    role: str | None = None,
) -> list[StatusChange]:
    """Pin a claim at its current status (the rules stop moving it), or unpin it (the rules
    decide again, at once). Both are kept in the history, with the reason, and both need the
    role that may set the current status. Returns the changes recorded (none if already so)."""
    if not reason.strip():
        raise InputError("pinning or unpinning needs a reason; say why")
    claim = get_claim(session, claim_id)
    check_version(claim, expected_version)
    if role is not None:
        flow.check_role(role, claim.status)
    if claim.pinned == pinned:
        return []
    claim.pinned = pinned
    what = "pinned" if pinned else "unpinned: the rules decide again"
    changes = [
        record_status(
            session, flow, claim, claim.status, reason=f"{what} ({reason.strip()})", actor=actor
        )
    ]
    save(session, claim)
    moved = None if pinned else apply_rules(session, flow, claim)
    if moved is not None:
        changes.append(moved)
        save(session, claim)
    return changes


def attach_factcheck(
    session: Session,
    flow: Workflow,
    claim_id: int,
    factcheck_id: int,
    *,
    by: str,
    expected_version: int | None = None,
) -> Attached:
    """Attach a stored published fact-check to a claim by hand: its review URL, with the
    stance its verdict gives and its publisher and rating as the note."""
    from verify.models import FactCheck

    fc = session.get(FactCheck, factcheck_id)
    if fc is None:
        raise NotFoundError(
            f"no fact-check with id {factcheck_id}; search them with `verify factchecks search`"
        )
    done = attach_evidence(
        session, flow, claim_id, fc.review_url, stance=factchecks.stance_of(fc),
        note=factchecks.note(fc),
        by=by, expected_version=expected_version,
    )  # fmt: skip
    if done.created:
        done.evidence.passage = fc.claim_reviewed
        session.add(done.evidence)
    return done
