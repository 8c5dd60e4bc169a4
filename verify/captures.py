"""Capture rows on a Session: record a fetch as it was, find a source's newest capture, the
captures behind claims' evidence, and the links attached by hand still to be captured.
Functions never commit; the caller's transaction does."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from verify import warc
from verify.errors import NotFoundError
from verify.models import Capture, Evidence, Method, utcnow
from verify.report_schema import CaptureEntry, ScreenshotEntry, WarcEntry

CHUNK = 500
RETRY_BASE = timedelta(minutes=5)  # a link that could not be captured waits this long,
RETRY_MAX = timedelta(days=1)  # doubling per failure, up to this


@dataclass(frozen=True)
class Kept:
    """A fetched body as it was stored: its content-addressed copy and its WARC records."""

    sha256: str
    size: int
    body_path: Path
    warc: warc.Written | None


def add(
    session: Session,
    kept: Kept,
    *,
    url: str,
    final_url: str,
    status: int | None,
    content_type: str | None,
    fetched_at: datetime,
    source_id: int | None = None,
) -> Capture:
    """Record one capture (flushed, so it has an id)."""
    written = kept.warc
    capture = Capture(
        source_id=source_id, url=url, final_url=final_url, status=status,
        content_type=content_type, fetched_at=fetched_at, sha256=kept.sha256, size=kept.size,
        body_path=str(kept.body_path),
        warc_path=str(written.path) if written else None,
        warc_offset=written.offset if written else None,
        warc_length=written.length if written else None,
        warc_record_id=written.record_id if written else None,
    )  # fmt: skip
    session.add(capture)
    session.flush()
    return capture


def same(session: Session, final_url: str, sha256: str) -> Capture | None:
    """An earlier capture of this page with this very body: identical content is kept once."""
    query = select(Capture).where(
        Capture.final_url == final_url,
        Capture.sha256 == sha256,
        col(Capture.warc_record_id).is_not(None),
    )
    return session.exec(query.order_by(col(Capture.id)).limit(1)).first()


def get(session: Session, capture_id: int) -> Capture:
    """The capture with this id, or NotFoundError."""
    capture = session.get(Capture, capture_id)
    if capture is None:
        raise NotFoundError(f"no capture with id {capture_id}")
    return capture


def by_ids(session: Session, capture_ids: Sequence[int]) -> dict[int, Capture]:
    """The captures with these ids, in one query per CHUNK."""
    ids = sorted(set(capture_ids))
    found: dict[int, Capture] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(Capture).where(col(Capture.id).in_(ids[start : start + CHUNK]))
        found.update((c.id or 0, c) for c in session.exec(query))
    return found


def describe(capture: Capture) -> CaptureEntry:
    """A capture as plain JSON-ready data (docs/report-json.md)."""
    warc_part: WarcEntry | None = None
    if capture.warc_path is not None:
        warc_part = {
            "path": capture.warc_path, "offset": capture.warc_offset,
            "length": capture.warc_length, "record_id": capture.warc_record_id,
        }  # fmt: skip
    screenshot: ScreenshotEntry | None = None
    if capture.screenshot_path is not None:
        screenshot = {
            "path": capture.screenshot_path, "sha256": capture.screenshot_sha256,
            "width": capture.screenshot_width, "height": capture.screenshot_height,
            "taken_at": capture.screenshot_at.isoformat() if capture.screenshot_at else None,
        }  # fmt: skip
    return {
        "id": capture.id, "url": capture.url, "final_url": capture.final_url,
        "status": capture.status, "content_type": capture.content_type,
        "fetched_at": capture.fetched_at.isoformat(), "sha256": capture.sha256,
        "size": capture.size, "path": capture.body_path, "warc": warc_part,
        "screenshot": screenshot,
    }  # fmt: skip


def latest_ids(session: Session, source_ids: Sequence[int]) -> dict[int, int]:
    """Each source's newest capture id: the capture its passages come from."""
    found: dict[int, int] = {}
    ids = sorted(set(source_ids))
    for start in range(0, len(ids), CHUNK):
        newest = (
            select(Capture.source_id, func.max(Capture.id))
            .where(col(Capture.source_id).in_(ids[start : start + CHUNK]))
            .group_by(col(Capture.source_id))
        )
        found.update((sid or 0, cid or 0) for sid, cid in session.exec(newest))
    return found


def latest(session: Session, source_ids: Sequence[int]) -> dict[int, Capture]:
    """Each source's newest capture."""
    newest = latest_ids(session, source_ids)
    found: dict[int, Capture] = {}
    ids = sorted(newest.values())
    for start in range(0, len(ids), CHUNK):
        query = select(Capture).where(col(Capture.id).in_(ids[start : start + CHUNK]))
        found.update((capture.source_id or 0, capture) for capture in session.exec(query))
    return found


def previous(capture: Capture | None) -> warc.Previous | None:
    """What an unchanged refetch's revisit record refers to (None without WARC records)."""
    if capture is None or capture.warc_record_id is None:
        return None
    return warc.Previous(
        capture.sha256, capture.final_url, capture.fetched_at, capture.warc_record_id
    )


def for_claims(session: Session, claim_ids: Sequence[int]) -> list[Capture]:
    """The captures behind the claims' evidence, oldest first."""
    behind = select(Evidence.capture_id).where(
        col(Evidence.claim_id).in_(claim_ids), col(Evidence.capture_id).is_not(None)
    )
    query = select(Capture).where(col(Capture.id).in_(behind)).order_by(col(Capture.id))
    return list(session.exec(query))


def everything(session: Session) -> list[Capture]:
    """Every capture, oldest first."""
    return list(session.exec(select(Capture).order_by(col(Capture.id))))


def links_due(
    session: Session,
    *,
    now: datetime | None = None,
    claim_id: int | None = None,
    limit: int = 200,
) -> list[Evidence]:
    """Links attached by hand with no capture yet whose retry time has come (all of one
    claim's, waiting or not, with claim_id)."""
    query = select(Evidence).where(
        Evidence.method == Method.manual, col(Evidence.capture_id).is_(None)
    )
    if claim_id is not None:
        query = query.where(Evidence.claim_id == claim_id)
    else:
        moment = now or utcnow()
        query = query.where(
            or_(col(Evidence.capture_retry_at).is_(None), col(Evidence.capture_retry_at) <= moment)
        )
    return list(session.exec(query.order_by(col(Evidence.id)).limit(limit)))


def link_captured(row: Evidence, capture: Capture) -> None:
    """A link attached by hand now has its capture."""
    row.capture_id = capture.id
    row.capture_error = None
    row.capture_retry_at = None


def link_failed(row: Evidence, error: str, *, now: datetime) -> None:
    """Why a link could not be captured; `fetch` tries again later, waiting longer each time."""
    row.capture_error = error
    row.capture_failures += 1
    wait = min(RETRY_BASE * 2 ** min(row.capture_failures - 1, 20), RETRY_MAX)
    row.capture_retry_at = now + wait
