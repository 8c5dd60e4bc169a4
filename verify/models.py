"""SQLModel tables. Times are timezone-aware UTC; statuses are workflow names stored as text."""

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column, DateTime, Index, Integer, Text, UniqueConstraint, text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import Field, SQLModel


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
    outlet: str | None = None
    published_at: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    text: str = Field(sa_column=Column(Text, nullable=False))
    raw_sha256: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    source_path: str | None = None
    origin_group: str | None = None  # set by `verify check`: outlet or syndication group
    ingested_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


_CLAIM_VERSION = Column("version", Integer, nullable=False, default=1)


class Claim(SQLModel, table=True):
    """A checkable assertion, queued for verification.

    `version` is SQLAlchemy's version counter: every UPDATE says `WHERE version = <as read>`
    and bumps it, so two edits racing on one claim cannot both win (StaleDataError)."""

    # The queue order per status, so listing pending claims reads the index in order.
    __table_args__ = (Index("ix_claim_queue", "status", text("priority DESC"), "created_at", "id"),)
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
    kind: str = "page"  # page | feed
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
    origin_group: str | None = None
    lease_owner: str | None = None
    lease_until: datetime | None = Field(default=None, sa_column=Column(UTCDateTime()))
    added_by: str
    added_at: datetime = Field(
        default_factory=utcnow, sa_column=Column(UTCDateTime(), nullable=False)
    )


class Evidence(SQLModel, table=True):
    """A passage or link that speaks to a claim, found by rules or attached by a person."""

    # Two reviewers attaching one link to one claim get one row.
    __table_args__ = (
        Index(
            "ux_evidence_manual_url", "claim_id", "url", unique=True,
            sqlite_where=text("method = 'manual'"), postgresql_where=text("method = 'manual'"),
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
    stance: str = "mentions"
    quantity_comparison: str | None = None
    method: str = "manual"
    note: str | None = Field(default=None, sa_column=Column(Text))
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


class FactCheck(SQLModel, table=True):
    """A published fact-check (schema.org ClaimReview), imported to match new claims against."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(sa_column=Column(Text, nullable=False, unique=True))  # review URL + claim
    claim_reviewed: str = Field(sa_column=Column(Text, nullable=False))
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
