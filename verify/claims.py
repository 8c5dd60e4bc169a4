"""Claim rows on a Session: read, list, mentions, evidence, history, assign, save.
Functions never commit; the caller's transaction does. Status changes live in
pipeline.decisions."""

import heapq
import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Integer,
    Select,
    and_,
    any_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    literal_column,
    or_,
    text,
    tuple_,
)
from sqlalchemy import select as sa_select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import load_only
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from verify import origins
from verify.errors import ClaimNotFound, ConflictError, InputError, NotFoundError
from verify.models import (
    Activity,
    ActivityKind,
    Article,
    Claim,
    ClaimDue,
    ClaimTerm,
    Evidence,
    FactCheck,
    Mention,
    Method,
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


@dataclass(frozen=True)
class QueueFilter:
    """What the desk's queue shows: statuses (None: all), and optional narrowing."""

    statuses: tuple[str, ...] | None = None
    assignee: str | None = None
    unassigned: bool = False
    outlet: str | None = None
    article_id: int | None = None
    text: str | None = None  # words in the claim or who asserts it (full-text, prefixes)
    since: datetime | None = None  # queued at or after
    until: datetime | None = None  # queued before


@dataclass(frozen=True)
class Cursor:
    """A place in the queue order: the (priority, created_at, id) of a claim."""

    priority: float
    created_at: datetime
    id: int

    @classmethod
    def of(cls, claim: "Claim | QueueItem") -> "Cursor":
        return cls(claim.priority, claim.created_at, claim.id or 0)


@dataclass(frozen=True)
class QueueItem:
    """What the queue shows of a claim (read as plain rows: no ORM objects for a list)."""

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


QUEUE_COLUMNS = tuple(getattr(Claim, f.name) for f in fields(QueueItem))


@dataclass(frozen=True)
class Page:
    """One page of the queue, with cursors for the pages either side (None at the ends)."""

    claims: list[QueueItem]
    before: Cursor | None  # pass as `before` for the previous page
    after: Cursor | None  # pass as `after` for the next page


def _after(cursor: Cursor) -> ColumnElement[bool]:
    """Claims later in the queue order (priority down, then created_at up, then id up)."""
    return or_(
        col(Claim.priority) < cursor.priority,
        and_(
            col(Claim.priority) == cursor.priority,
            or_(
                col(Claim.created_at) > cursor.created_at,
                and_(col(Claim.created_at) == cursor.created_at, col(Claim.id) > cursor.id),
            ),
        ),
    )


def _before(cursor: Cursor) -> ColumnElement[bool]:
    return or_(
        col(Claim.priority) > cursor.priority,
        and_(
            col(Claim.priority) == cursor.priority,
            or_(
                col(Claim.created_at) < cursor.created_at,
                and_(col(Claim.created_at) == cursor.created_at, col(Claim.id) < cursor.id),
            ),
        ),
    )


def _filtered(session: Session, wanted: QueueFilter) -> Select[Any]:
    query = sa_select(*QUEUE_COLUMNS)
    if wanted.assignee is not None:
        query = query.where(col(Claim.assignee) == wanted.assignee)
    if wanted.unassigned:
        query = query.where(col(Claim.assignee).is_(None))
    if wanted.article_id is not None:
        if session.get(Article, wanted.article_id) is None:
            raise NotFoundError(f"no article with id {wanted.article_id}; see `verify claims list`")
        mentioned = select(Mention.claim_id).where(Mention.article_id == wanted.article_id)
        query = query.where(col(Claim.id).in_(mentioned))
    if wanted.outlet:
        in_outlet = (
            select(Mention.claim_id)
            .join(Article, col(Article.id) == col(Mention.article_id))
            .where(Article.outlet == wanted.outlet)
        )
        query = query.where(col(Claim.id).in_(in_outlet))
    if wanted.text:
        query = query.where(_search(session, wanted.text))
    if wanted.since is not None:
        query = query.where(col(Claim.created_at) >= wanted.since)
    if wanted.until is not None:
        query = query.where(col(Claim.created_at) < wanted.until)
    return query


SEARCH_WORDS = re.compile(r"[^\W_]+")
PG_DOCUMENT = "to_tsvector('simple', claim.text || ' ' || coalesce(claim.attributed_to, ''))"


def create_search_index(connection: Connection) -> None:
    """The full-text index over claim text and speaker the queue's search uses (run by the
    migration): SQLite FTS5 kept by triggers (only when those columns change), or a
    PostgreSQL GIN expression index."""
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            f"CREATE INDEX ix_claim_search ON claim USING gin ({PG_DOCUMENT})"
        )
        return
    for statement in (
        "CREATE VIRTUAL TABLE claim_fts USING fts5(text, attributed_to, content='claim', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
        "INSERT INTO claim_fts(claim_fts) VALUES ('rebuild')",
        "CREATE TRIGGER claim_fts_insert AFTER INSERT ON claim BEGIN INSERT INTO "
        "claim_fts(rowid, text, attributed_to) VALUES (new.id, new.text, new.attributed_to); END",
        "CREATE TRIGGER claim_fts_delete AFTER DELETE ON claim BEGIN INSERT INTO "
        "claim_fts(claim_fts, rowid, text, attributed_to) VALUES "
        "('delete', old.id, old.text, old.attributed_to); END",
        "CREATE TRIGGER claim_fts_update AFTER UPDATE OF text, attributed_to ON claim BEGIN "
        "INSERT INTO claim_fts(claim_fts, rowid, text, attributed_to) VALUES "
        "('delete', old.id, old.text, old.attributed_to); INSERT INTO "
        "claim_fts(rowid, text, attributed_to) VALUES (new.id, new.text, new.attributed_to); END",
    ):
        connection.exec_driver_sql(statement)


def drop_search_index(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("DROP INDEX IF EXISTS ix_claim_search")
        return
    for trigger in ("insert", "delete", "update"):
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS claim_fts_{trigger}")
    connection.exec_driver_sql("DROP TABLE IF EXISTS claim_fts")


def _search(session: Session, words_given: str) -> ColumnElement[bool]:
    """Claims whose text or speaker holds every word given (each as a word prefix, any case),
    through the full-text index."""
    words = SEARCH_WORDS.findall(words_given.lower())[:12]
    if not words:
        raise InputError(
            f"cannot search for {words_given[:40]!r} (no letters or digits); type words"
        )
    if session.get_bind().dialect.name == "postgresql":
        query = " & ".join(f"{w}:*" for w in words)
        tsquery = func.to_tsquery(literal_column("'simple'"), query)
        return literal_column(PG_DOCUMENT).op("@@")(tsquery)  # the index's own expression
    match = " ".join(f'"{w}"*' for w in words)
    found = text("SELECT rowid FROM claim_fts WHERE claim_fts MATCH :claim_search").bindparams(
        claim_search=match
    )
    # `+claim.id`: SQLite then walks the queue index in order and tests each claim against
    # the matches, instead of sorting every match (a common word matches most claims).
    return literal_column("+claim.id").in_(found)


def queue_page(
    session: Session,
    wanted: QueueFilter,
    *,
    limit: int = 50,
    after: Cursor | None = None,
    before: Cursor | None = None,
) -> Page:
    """One page of the queue in queue order, by keyset (no OFFSET: a page deep in 100,000
    claims costs what the first one does). `after` pages forward, `before` back."""
    query = _filtered(session, wanted)
    backwards = before is not None
    if before is not None:
        query = query.where(_before(before))
    elif after is not None:
        query = query.where(_after(after))
    order = (
        (col(Claim.priority).asc(), col(Claim.created_at).desc(), col(Claim.id).desc())
        if backwards
        else QUEUE_ORDER
    )

    def key(c: QueueItem) -> tuple[float, datetime, int]:
        return (-c.priority, c.created_at, c.id)

    # One indexed, ordered read per status, merged (as in list_claims), one row past the page
    # to know whether there is a next one.
    statuses = dict.fromkeys(wanted.statuses) if wanted.statuses is not None else [None]
    reads = [_status_read(session, wanted, query, status) for status in statuses]
    streams = [
        (QueueItem(*row) for row in session.execute(q.order_by(*order).limit(limit + 1)))
        for q in reads
    ]
    merged = heapq.merge(*streams, key=key, reverse=backwards)
    rows = list(itertools.islice(merged, limit + 1))
    more = len(rows) > limit
    rows = rows[:limit]
    if backwards:
        rows.reverse()
    if not rows:
        return Page([], None, None)
    has_before = more if backwards else after is not None
    has_after = before is not None if backwards else more
    return Page(
        rows,
        Cursor.of(rows[0]) if has_before else None,
        Cursor.of(rows[-1]) if has_after else None,
    )


SEARCH_SET = 2_000  # PostgreSQL: a search matching at most this many claims of a status


def _status_read(
    session: Session, wanted: QueueFilter, query: Select[Any], status: str | None
) -> Select[Any]:
    """The read of one status (None: of every status). A PostgreSQL search first asks the
    full-text index which claims of the status match (with the other filters and past the
    cursor), up to SEARCH_SET, and reads those few by id. Walking the queue index and testing
    each claim against the words instead (the plan PostgreSQL picks, guessing that one claim in
    a hundred matches) rebuilds every claim's words: 0.5 s when nothing matches in 60,000
    claims. Words that match more than SEARCH_SET claims are common enough for that walk to
    stop early."""
    read = query.where(col(Claim.status) == status) if status is not None else query
    if wanted.text is None or session.get_bind().dialect.name != "postgresql":
        return read
    ids = read.with_only_columns(col(Claim.id)).order_by(None).limit(SEARCH_SET + 1)
    matched = list(session.execute(ids).scalars())
    if len(matched) > SEARCH_SET:
        return read
    given = bindparam("matched_ids", matched, type_=postgresql.ARRAY(Integer))
    return sa_select(*QUEUE_COLUMNS).where(col(Claim.id) == any_(given))


def count_by_status(session: Session) -> dict[str, int]:
    """How many claims are in each status (one index scan)."""
    query = select(Claim.status, func.count()).group_by(col(Claim.status))
    return {status: int(n) for status, n in session.exec(query)}


def outlets(session: Session, *, limit: int = 500) -> list[str]:
    """The outlets of ingested articles, A to Z (for the queue's outlet filter)."""
    query = (
        select(Article.outlet)
        .where(col(Article.outlet).is_not(None))
        .distinct()
        .order_by(col(Article.outlet))
        .limit(limit)
    )
    return [o for o in session.exec(query) if o]


SOURCE_SHOWN = (
    Source.id,
    Source.origin_group,
    Source.title,
    Source.archive_path,
    Source.fetched_at,
)


@dataclass(frozen=True)
class EvidenceView:
    """A piece of evidence with what the desk shows of its source (never the page text)."""

    evidence: Evidence
    origin_group: str | None
    source_title: str | None
    archive_path: str | None
    fetched_at: datetime | None


def evidence_views(session: Session, claim_id: int) -> list[EvidenceView]:
    """A claim's evidence, oldest first, with each source's origin, title and archived copy."""
    query = (
        select(Evidence, Source)
        .join(Source, col(Source.id) == Evidence.source_id, isouter=True)
        .where(Evidence.claim_id == claim_id)
        .order_by(col(Evidence.id))
        .options(load_only(*SOURCE_SHOWN))  # type: ignore[arg-type]
    )
    return [
        EvidenceView(e, s.origin_group, s.title, s.archive_path, s.fetched_at)
        if s is not None
        else EvidenceView(e, None, None, None, None)
        for e, s in session.exec(query)
    ]


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
        items[e.claim_id].append(
            origins.EvidenceFact(e.url, e.stance, e.method, e.score, group, e.confidence)
        )
    return items


def factcheck_matches(
    session: Session, claim_ids: Sequence[int], min_score: float
) -> list[tuple[int, float, FactCheck]]:
    """Stored fact-checks matched to the claims as evidence with at least min_score: (claim,
    score, fact-check), each claim's closest first."""
    query = (
        select(Evidence.claim_id, Evidence.score, FactCheck)
        .join(FactCheck, (col(FactCheck.review_url) == Evidence.url)
              & (col(FactCheck.claim_reviewed) == Evidence.passage))
        .where(col(Evidence.claim_id).in_(claim_ids), Evidence.method == Method.factcheck,
               col(Evidence.score) >= min_score)
        .order_by(col(Evidence.claim_id), col(Evidence.score).desc(), col(Evidence.id))
    )  # fmt: skip
    return [(claim_id, float(score or 0), fc) for claim_id, score, fc in session.exec(query)]


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


def set_terms(session: Session, terms: Mapping[int, Sequence[str]]) -> None:
    """The words of each claim's latest index query: new pages holding them make it due."""
    ids = sorted(terms)
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        session.execute(delete(ClaimTerm).where(col(ClaimTerm.claim_id).in_(chunk)))
    rows = [
        {"claim_id": claim_id, "term": t, "of_terms": len(words)}
        for claim_id, words in sorted(terms.items())
        for t in sorted(set(words))
    ]
    if rows:
        session.execute(insert(ClaimTerm), rows)


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
