"""Source rows on a Session: register pages and feeds, pick the due ones, record fetches.
Functions never commit; the caller's transaction does."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy import ColumnElement
from sqlalchemy.orm import defer
from sqlmodel import Session, col, func, or_, select

from verify import origins
from verify.errors import InputError, NotFoundError
from verify.models import Source, utcnow

REFRESH = timedelta(hours=6)  # a fetched page is looked at again after this
RETRY_BASE = timedelta(minutes=5)  # a failed page waits this long, doubling per failure
RETRY_MAX = timedelta(days=1)
KINDS = ("page", "feed", "sitemap")


@dataclass(frozen=True)
class Added:
    """A source registered by `add`: created now, or already known."""

    source: Source
    created: bool


def add(
    session: Session,
    urls: Sequence[str],
    *,
    by: str,
    kind: str = "page",
    feed_id: int | None = None,
) -> list[Added]:
    """Register URLs to fetch; known URLs are left as they are."""
    if kind not in KINDS:
        raise InputError(f"unknown source kind {kind!r} (valid: {', '.join(KINDS)})")
    checked = [origins.check_url(url) for url in urls]  # all validated before any write
    known = {s.url: s for s in session.exec(select(Source).where(col(Source.url).in_(checked)))}
    added: list[Added] = []
    for url in dict.fromkeys(checked):
        if url in known:
            added.append(Added(known[url], False))
            continue
        host = (urlsplit(url).hostname or "").lower()
        source = Source(
            url=url,
            kind=kind,
            feed_id=feed_id,
            domain=host,
            registrable_domain=origins.registrable_domain(host),
            added_by=by,
        )
        session.add(source)
        added.append(Added(source, True))
    session.flush()
    return added


def is_due(now: datetime | None = None) -> ColumnElement[bool]:
    """Never fetched, or past its next fetch time: the one definition of a due source."""
    moment = now or utcnow()
    return or_(col(Source.next_fetch_at).is_(None), col(Source.next_fetch_at) <= moment)


def due(session: Session, *, now: datetime | None = None, everything: bool = False) -> list[Source]:
    """Sources whose next fetch time has come (never fetched ones first)."""
    query = select(Source)
    if not everything:
        query = query.where(is_due(now))
    return list(
        session.exec(query.order_by(col(Source.next_fetch_at).is_not(None), col(Source.id)))
    )


def all_sources(session: Session, *, failed_only: bool = False) -> list[Source]:
    """Every source, oldest first; optionally only those whose last fetch failed."""
    query = select(Source).order_by(col(Source.id))
    if failed_only:
        query = query.where(col(Source.error).is_not(None))
    return list(session.exec(query))


def get_source(session: Session, source_id: int) -> Source:
    """The source with this id, or NotFoundError."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"no source with id {source_id}; see `verify sources list`")
    return source


def listing(
    session: Session, *, failed_only: bool = False, offset: int = 0, limit: int = 100
) -> tuple[list[Source], int]:
    """One page of sources, oldest first, without their text; and how many there are."""
    query = select(Source).order_by(col(Source.id))
    counted = select(func.count()).select_from(Source)
    if failed_only:
        query = query.where(col(Source.error).is_not(None))
        counted = counted.where(col(Source.error).is_not(None))
    page = session.exec(query.offset(offset).limit(limit).options(defer(Source.text)))  # type: ignore[arg-type]
    return list(page), int(session.exec(counted).one())


def with_text(session: Session) -> list[Source]:
    """Fetched pages with main text: what claims are matched against."""
    query = (
        select(Source)
        .where(Source.kind == "page", col(Source.text).is_not(None))
        .order_by(col(Source.id))
    )
    return list(session.exec(query))


def record_failure(
    source: Source,
    error: str,
    *,
    now: datetime,
    retry_at: datetime | None = None,
    max_wait: timedelta = RETRY_MAX,
) -> None:
    """Keep the error; try again later, waiting longer after each failure in a row (doubling,
    up to max_wait, which also caps a server's Retry-After)."""
    source.error = error
    source.failures += 1
    doublings = min(source.failures - 1, 30)  # 2**30 × 5 min is far past any cap
    wait = min(RETRY_BASE * 2**doublings, max_wait)
    if retry_at is not None:
        wait = min(max(retry_at - now, wait), max_wait)
    source.next_fetch_at = now + wait
    source.fetched_at = now


def record_success(source: Source, *, now: datetime) -> None:
    """A good fetch (or 304): clear the error and schedule the next look."""
    source.error = None
    source.failures = 0
    source.fetched_at = now
    source.next_fetch_at = now + REFRESH
