"""SQLModel tables and the vocabularies stored in them. Times are timezone-aware UTC; statuses
are workflow names stored as text; stances, methods and source kinds are StrEnums stored as
their (lower-case) values."""

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


class Stance(StrEnum):
    """What a piece of evidence does to a claim."""

    supports = "supports"
    contradicts = "contradicts"
    mentions = "mentions"


class Method(StrEnum):
    """How a piece of evidence was found."""

    auto = "auto"  # a fetched source's passage, matched by `check`
    manual = "manual"  # a link a person attached
    factcheck = "factcheck"  # a published fact-check that matches the claim
    article = "article"  # a dispute the claim's own article reports: shown, never counted


class SourceKind(StrEnum):
    """What a source URL holds."""

    page = "page"
    feed = "feed"  # RSS / Atom: its items become pages
    sitemap = "sitemap"  # a sitemap (or sitemap index): its URLs become pages (or sitemaps)


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always hands back aware datetimes (SQLite keeps no zone of its own)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: verify stores timezone-aware UTC only")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Article(SQLModel, table=True):
    """An ingested article: its main text is what mention offsets point into."""

    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, index=True)
    title: str = ""
    outlet: str | None = Field(default=None, index=True)  # the desk's outlet filter and list
    published_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    text: str = Field(sa_column=Column(Text, nullable=False))
    raw_sha256: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    source_path: str | None = None
    registrable_domain: str | None = Field(default=None, index=True)  # of url, when known
    origin_group: str | None = Field(default=None, index=True)  # outlet or syndicated story
    ingested_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


_CLAIM_VERSION = Column("version", Integer, nullable=False, default=1)


class Claim(SQLModel, table=True):
    """A checkable assertion, queued for verification.

    `version` is SQLAlchemy's version counter: every UPDATE says `WHERE version = <as read>`
    and bumps it, so two edits racing on one claim cannot both win (StaleDataError)."""

    # The queue order per status, so listing pending claims reads the index in order.
    __table_args__ = (
        Index("ix_claim_queue", "status", text("priority DESC"), "created_at", "id"),
        # the desk's "mine" / assignee filter, in queue order
        Index(
            "ix_claim_assignee_queue", "assignee", "status", text("priority DESC"), "created_at",
            "id",
        ),
    )  # fmt: skip
    __mapper_args__ = {"version_id_col": _CLAIM_VERSION}

    id: int | None = Field(default=None, primary_key=True)
    text: str = Field(sa_column=Column(Text, nullable=False))
    quote: str = Field(sa_column=Column(Text, nullable=False))
    attributed_to: str | None = None
    quantities: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )
    checkworthiness: float = 0.0
    priority: float = 0.0
    status: str = Field(index=True)
    pinned: bool = False
    assignee: str | None = Field(default=None, index=True)
    assigned_by: str | None = None
    version: int = Field(default=1, sa_column=_CLAIM_VERSION)
    lease_owner: str | None = None
    lease_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    checked_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    check_key: str | None = None  # the matching settings of its last full check
    checks: int = 0  # how many times `check` has run over it (the worker's processing log)
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    updated_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Mention(SQLModel, table=True):
    """Where a claim appears: one claim, many articles."""

    __table_args__ = (UniqueConstraint("claim_id", "article_id", "char_start"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    article_id: int = Field(foreign_key="article.id", index=True, ondelete="CASCADE")
    char_start: int
    char_end: int


class Source(SQLModel, table=True):
    """A page (or feed) to check claims against, with the outcome of its last fetch."""

    __table_args__ = (Index("ix_source_due", "next_fetch_at"),)

    id: int | None = Field(default=None, primary_key=True)
    url: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    kind: str = SourceKind.page
    feed_id: int | None = Field(default=None, foreign_key="source.id", ondelete="SET NULL")
    final_url: str | None = Field(default=None, sa_column=Column(Text))
    domain: str | None = None
    registrable_domain: str | None = Field(default=None, index=True)
    title: str | None = Field(default=None, sa_column=Column(Text))
    published_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    text: str | None = Field(default=None, sa_column=Column(Text))
    http_status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sha256: str | None = None
    archive_path: str | None = Field(default=None, sa_column=Column(Text))
    error: str | None = Field(default=None, sa_column=Column(Text))
    failures: int = 0
    fetched_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    next_fetch_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    origin_group: str | None = Field(default=None, index=True)  # outlet or syndicated story
    lease_owner: str | None = None
    lease_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    added_by: str
    added_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Capture(SQLModel, table=True):
    """One fetch of a page as it was: the body (content-addressed by sha256) and where its WARC
    records lie. Captures are never rewritten: evidence keeps pointing at the one it was found
    in after the page changes; an unchanged refetch makes no new capture. `source_id` is set by
    `fetch` alone, so a source's newest capture holds the text its passages come from."""

    id: int | None = Field(default=None, primary_key=True)
    source_id: int | None = Field(
        default=None, foreign_key="source.id", index=True, ondelete="SET NULL"
    )
    url: str = Field(sa_column=Column(Text, nullable=False))  # as requested
    final_url: str = Field(sa_column=Column(Text, nullable=False))  # after redirects
    status: int | None = None
    content_type: str | None = None
    fetched_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False))
    sha256: str = Field(index=True)  # of the body, as stored
    size: int = 0
    body_path: str | None = Field(default=None, sa_column=Column(Text))
    warc_path: str | None = Field(default=None, sa_column=Column(Text))  # None: before WARC
    warc_offset: int | None = Field(default=None, sa_column=Column(BigInteger))  # first record
    warc_length: int | None = Field(default=None, sa_column=Column(BigInteger))  # all records
    warc_record_id: str | None = None  # the response record's WARC-Record-ID
    screenshot_sha256: str | None = None
    screenshot_path: str | None = Field(default=None, sa_column=Column(Text))
    screenshot_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    screenshot_width: int | None = None
    screenshot_height: int | None = None


class Evidence(SQLModel, table=True):
    """A passage or link that speaks to a claim, found by rules or attached by a person."""

    # Two reviewers attaching one link to one claim get one row; two checks racing on one
    # claim get one row per source (or fact-check), and the loser re-checks later.
    __table_args__ = (
        Index(
            "ux_evidence_manual_url", "claim_id", "url", unique=True,
            sqlite_where=text("method = 'manual'"), postgresql_where=text("method = 'manual'"),
        ),
        Index(
            "ux_evidence_auto_source", "claim_id", "source_id", unique=True,
            sqlite_where=text("method = 'auto'"), postgresql_where=text("method = 'auto'"),
        ),
        Index(
            "ux_evidence_factcheck_url", "claim_id", "url", unique=True,
            sqlite_where=text("method = 'factcheck'"),
            postgresql_where=text("method = 'factcheck'"),
        ),
    )  # fmt: skip

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    source_id: int | None = Field(
        default=None, foreign_key="source.id", index=True, ondelete="SET NULL"
    )
    url: str
    passage: str | None = Field(default=None, sa_column=Column(Text))
    char_start: int | None = None
    char_end: int | None = None
    score: float | None = None
    stance: str = Stance.mentions
    confidence: float | None = None  # calibrated probability of the stance (0–1)
    quantity_comparison: str | None = None
    method: str = Method.manual
    note: str | None = Field(default=None, sa_column=Column(Text))
    # The capture the passage was found in (a hand-attached link: the capture made when it was
    # attached); capture_error says why a link could not be captured, retried by `fetch`.
    capture_id: int | None = Field(
        default=None, foreign_key="capture.id", index=True, ondelete="SET NULL"
    )
    capture_error: str | None = Field(default=None, sa_column=Column(Text))
    capture_failures: int = 0
    capture_retry_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    added_by: str
    added_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class StatusChange(SQLModel, table=True):
    """One move of a claim's status. Append-only: history is never rewritten."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    from_status: str | None = None
    to_status: str
    reason: str = Field(sa_column=Column(Text, nullable=False))
    actor: str
    facts: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class ActivityKind(StrEnum):
    """Work on a claim that leaves its status as it was."""

    assigned = "assigned"
    unassigned = "unassigned"
    evidence = "evidence"  # a person attached a link


class Activity(SQLModel, table=True):
    """One piece of a person's work on a claim besides a status change (those are
    StatusChange rows): together they are the claim's history. Append-only."""

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    kind: str  # an ActivityKind
    detail: str = Field(sa_column=Column(Text, nullable=False))
    evidence_id: int | None = Field(default=None, foreign_key="evidence.id", ondelete="SET NULL")
    actor: str
    at: datetime = Field(default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False))


class FactCheck(SQLModel, table=True):
    """A published fact-check (schema.org ClaimReview), imported to match new claims against."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=Column(Text, nullable=False, unique=True))  # review URL + claim
    claim_reviewed: str = Field(sa_column=Column(Text, nullable=False))
    # claim_reviewed in matching form (matching.normalise), under the full-text index
    # (SQLite FTS5 `factcheck_fts`, PostgreSQL `tsv`): searches never load every fact-check
    norm: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    claimant: str | None = None
    claim_date: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    rating_text: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    verdict: str | None = Field(default=None, index=True)  # normalised: false, mostly_true, ...
    publisher: str | None = None
    publisher_site: str | None = None
    review_url: str = Field(sa_column=Column(Text, nullable=False))
    review_date: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    language: str | None = None
    imported_from: str | None = Field(default=None, sa_column=Column(Text))
    imported_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Passage(SQLModel, table=True):
    """A sentence of a fetched page, stored and indexed once when the page is fetched.

    `norm` is the matching form (matching.normalise: lower case, figures in one form); the
    database's full-text index covers it (SQLite FTS5 `passage_fts`; PostgreSQL `tsv`)."""

    __table_args__ = (UniqueConstraint("source_id", "ordinal"),)

    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    ordinal: int
    char_start: int
    char_end: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    norm: str = Field(sa_column=Column(Text, nullable=False))
    stored_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class PassageTerm(SQLModel, table=True):
    """How many passages hold a term: the rarity that picks a claim's query words."""

    term: str = Field(sa_column=Column(Text, primary_key=True))
    docs: int


class FactCheckTerm(SQLModel, table=True):
    """How many fact-checks hold a term (the row for "" counts them): the rarity that picks a
    claim's query words against the fact-checks."""

    term: str = Field(sa_column=Column(Text, primary_key=True))
    docs: int


class ClaimTerm(SQLModel, table=True):
    """The words a pending claim's index query used: new passages holding them re-check it."""

    claim_id: int = Field(foreign_key="claim.id", primary_key=True, ondelete="CASCADE")
    term: str = Field(sa_column=Column(Text, primary_key=True, index=True))
    of_terms: int  # how many query words the claim has


class ClaimDue(SQLModel, table=True):
    """A page fetched since a claim's last check that may speak to it: check it against that
    page. Written with the page's passages, consumed by `check`."""

    __table_args__ = (UniqueConstraint("claim_id", "source_id"),)

    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True, ondelete="CASCADE")
    source_id: int = Field(foreign_key="source.id", index=True, ondelete="CASCADE")
    added_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class CopyBand(SQLModel, table=True):
    """One locality-sensitive band of a document's MinHash signature: documents sharing a band
    are candidate copies of one story (syndication), checked exactly before they are merged."""

    __table_args__ = (Index("ix_copyband_bucket", "band", "bucket"),)

    kind: str = Field(primary_key=True)  # "source" | "article"
    ref_id: int = Field(primary_key=True)
    band: int = Field(primary_key=True)
    bucket: int = Field(sa_column=Column(BigInteger, nullable=False))


class Account(SQLModel, table=True):
    """A person who signs in to the review desk (`verify users add`). Their name is what the
    audit trail records for everything they do there."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    role: str  # reviewer | editor | admin (workflow.ROLES)
    password_hash: str = Field(sa_column=Column(Text, nullable=False))
    active: bool = True
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class ApiToken(SQLModel, table=True):
    """A token for the JSON API (`verify users token NAME`); only its sha256 is stored."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class WebSession(SQLModel, table=True):
    """A signed-in browser: the cookie carries the (signed) id, only its sha256 is stored."""

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(foreign_key="account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    csrf: str  # the token every form of this session must send back
    created_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )
    expires_at: datetime = Field(sa_column=Column(UTCDateTime(), nullable=False, index=True))


class Setting(SQLModel, table=True):
    """A value verify keeps in the database for itself (the desk's cookie-signing key)."""

    name: str = Field(sa_column=Column(Text, primary_key=True))
    value: str = Field(sa_column=Column(Text, nullable=False))
