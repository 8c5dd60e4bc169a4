"""Keeping what was fetched: the body stored content-addressed, its WARC records, a capture
row; links attached by hand captured through the same guarded client, when they are attached
and again by `fetch` until it works. Network and disk work happen before a transaction opens;
the rows are written after, in a short one."""

import asyncio
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from verify import blobs, captures, claims, database, fetch, origins, warc
from verify.captures import Kept
from verify.errors import InputError
from verify.models import Capture, Evidence, Stance, utcnow
from verify.pipeline import decisions
from verify.workflow import Workflow


def keep(
    writer: warc.Writer, archive_dir: Path, page: fetch.Page, previous: warc.Previous | None
) -> Kept | None:
    """Write a fetch's WARC records and store its body; None when there is no body to keep
    (an error or a 304, whose records are written all the same)."""
    written = writer.write(page, previous=previous)
    if not page.ok or page.not_modified or not page.body:
        return None
    digest, path = blobs.put(archive_dir, page.body)
    return Kept(digest, len(page.body), path, written)


@dataclass(frozen=True)
class Fetched:
    """A URL fetched for keeping: the page, and what was kept of it."""

    page: fetch.Page
    kept: Kept | None

    @property
    def error(self) -> str | None:
        """Why nothing could be kept, if nothing was."""
        if self.kept is not None:
            return None
        return self.page.error or "no body to keep"


def fetch_and_keep(
    urls: list[str], settings: fetch.FetchSettings, archive_dir: Path
) -> list[Fetched]:
    """Fetch URLs through the guarded client (any content type: a capture keeps PDFs and
    images too) and keep what comes back. No database."""

    async def run() -> list[fetch.Page]:
        async with fetch.Fetcher(replace(settings, any_content=True)) as fetcher:
            return list(await asyncio.gather(*(fetcher.fetch(u) for u in urls)))

    pages = asyncio.run(run())
    with warc.Writer(archive_dir) as writer:
        return [Fetched(page, _keep_or_error(writer, archive_dir, page)) for page in pages]


def _keep_or_error(writer: warc.Writer, archive_dir: Path, page: fetch.Page) -> Kept | None:
    try:
        return keep(writer, archive_dir, page, None)
    except OSError as exc:  # a full disk must not look like a captured page
        raise InputError(
            f"cannot store the capture of {page.url} in {archive_dir} ({exc.strerror}); "
            "free some space or pass --archive"
        ) from exc


def record(session: Session, fetched: Fetched, *, source_id: int | None = None) -> Capture | None:
    """The capture row for what was kept (None when nothing was). A link whose page has been
    captured with this very body before gets that capture: identical content is kept once."""
    if fetched.kept is None:
        return None
    page = fetched.page
    if source_id is None:
        earlier = captures.same(session, page.final_url, fetched.kept.sha256)
        if earlier is not None:
            return earlier
    return captures.add(
        session, fetched.kept, url=page.url, final_url=page.final_url, status=page.status,
        content_type=page.content_type, source_id=source_id,
        fetched_at=page.exchanges[-1].at if page.exchanges else utcnow(),
    )  # fmt: skip


def attach(
    engine: Engine,
    flow: Workflow,
    claim_id: int,
    url: str,
    *,
    stance: str,
    note: str | None,
    by: str,
    expected_version: int | None,
    capture: fetch.FetchSettings | None,
    archive_dir: Path,
) -> decisions.Attached:
    """Attach a link by hand, captured first (unless capture is None: offline use, and `fetch`
    captures it later). The fetch happens with no transaction open; a capture that fails is
    recorded on the evidence row and retried by `fetch`."""
    url = origins.check_url(url)
    if stance not in set(Stance):
        raise InputError(f"unknown stance {stance!r} (valid: {', '.join(Stance)})")
    with database.reading(engine) as session:
        claim = claims.get_claim(session, claim_id)
        claims.check_version(claim, expected_version)
        known = any(
            e.url == url and e.method == "manual" for e in claims.evidence(session, claim_id)
        )
    fetched = None if capture is None or known else fetch_and_keep([url], capture, archive_dir)[0]
    with database.session_on(engine) as session:
        row = record(session, fetched) if fetched else None
        return decisions.attach_evidence(
            session, flow, claim_id, url, stance=stance, note=note, by=by,
            expected_version=expected_version, capture_id=row.id if row else None,
            capture_error=fetched.error if fetched else None,
        )  # fmt: skip


@dataclass
class LinkSummary:
    """What capturing the links attached by hand did."""

    captured: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)


def capture_links(
    engine: Engine,
    settings: fetch.FetchSettings,
    archive_dir: Path,
    *,
    claim_id: int | None = None,
) -> LinkSummary:
    """Capture the links attached by hand that have none yet (new, offline when attached, or
    failed before and due again; with claim_id, all of that claim's)."""
    summary = LinkSummary()
    with database.reading(engine) as session:
        due = [(e.id or 0, e.url) for e in captures.links_due(session, claim_id=claim_id)]
    if not due:
        return summary
    fetched = fetch_and_keep(sorted({u for _, u in due}), settings, archive_dir)
    by_url = {f.page.url: f for f in fetched}
    now = utcnow()
    with database.session_on(engine) as session:
        made: dict[str, Capture | None] = {}
        for evidence_id, url in due:
            row = session.get(Evidence, evidence_id)
            if row is None or row.capture_id is not None:
                continue  # removed, or captured meanwhile
            result = by_url[url]
            if url not in made:
                made[url] = record(session, result)
            capture = made[url]
            if capture is not None:
                captures.link_captured(row, capture)
                summary.captured += 1
            else:
                captures.link_failed(row, result.error or "not captured", now=now)
                summary.failed += 1
                summary.errors.append((url, result.error or "not captured"))
            session.add(row)
    return summary
