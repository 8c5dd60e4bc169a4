"""Refresh sources: fetch the due ones concurrently, extract main text on every core, keep
each fetch (WARC records, the body by its sha256) as it arrives, and record the outcome in small
transactions (a capture row for each new or changed page). A page that fails is recorded with
its error and retried later; it never stops the batch. Then the links attached by hand that
have no capture yet are captured."""

import asyncio
import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from verify import (
    articles,
    bodies,
    captures,
    claims,
    database,
    fetch,
    origin_groups,
    origins,
    passages,
    processes,
    sources,
    warc,
)
from verify.captures import Kept
from verify.errors import VerifyError
from verify.models import Capture, Source, utcnow
from verify.passages import Draft
from verify.pipeline import archiving, capturing

WRITE_EVERY = 20  # results per transaction: a crash loses at most this many fetches
MAX_ROUNDS = 3  # pages a feed lists are fetched in the next round of the same run

Result = tuple["Job", fetch.Page, "Extracted | None", Kept | None]


@dataclass(frozen=True)
class Job:
    """What the fetcher needs to know about one source."""

    id: int
    url: str
    kind: str
    etag: str | None
    last_modified: str | None
    latest: str | None = None  # sha256 of the newest capture
    previous: warc.Previous | None = None  # what an unchanged body's revisit record names


@dataclass(frozen=True)
class Extracted:
    """Main text of a page with its passages and copy bands (computed in the extraction
    process, outside any transaction), or why there is none."""

    title: str = ""
    text: str = ""
    published_at: datetime | None = None
    error: str | None = None
    passages: tuple[Draft, ...] = ()
    bands: tuple[int, ...] = ()


@dataclass
class Summary:
    """What a refresh did."""

    fetched: int = 0
    not_modified: int = 0
    failed: int = 0
    deferred: int = 0  # not tried: the host's robots.txt pace left no turn in time
    discovered: int = 0
    passages: int = 0  # passages indexed
    due: int = 0  # (claim, page) pairs to check
    errors: list[tuple[str, str]] = field(default_factory=list)
    captures: list[int] = field(default_factory=list)  # new captures of pages
    warc_seconds: float = 0.0  # time spent writing WARC records
    links: archiving.LinkSummary = field(default_factory=archiving.LinkSummary)
    shots: list[capturing.Taken] = field(default_factory=list)  # screenshots of new captures

    @property
    def total(self) -> int:
        return self.fetched + self.not_modified + self.failed


def extract_page(body: bytes, content_type: str | None, url: str) -> Extracted:
    """Main text of a fetched body (HTML via trafilatura), decoded by its declared charset,
    split into passages; runs in a worker process."""
    text = bodies.decode(body, content_type)
    try:
        article = articles.parse(text.encode("utf-8"), name=url, url=url)
    except VerifyError as exc:
        return Extracted(error=f"no usable text: {exc}")
    return Extracted(
        article.title, article.text, article.published_at,
        passages=tuple(passages.split(article.text)),
        bands=tuple(origins.copy_bands(article.text)),
    )  # fmt: skip


def refresh(
    url: str,
    settings: fetch.FetchSettings,
    archive_dir: Path,
    *,
    everything: bool = False,
    actor: str,
    progress: Callable[[int, int, str], None] | None = None,
    screenshots: bool = False,
) -> Summary:
    """Fetch due sources (all of them with everything=True) and record each outcome; then
    capture the links attached by hand that still need it, and with screenshots=True take a
    screenshot of each new capture."""
    if screenshots:
        from verify import screenshots as browser

        browser.chromium()  # absent: say so before fetching anything
    summary = Summary()
    seen: set[int] = set()
    engine = database.open_engine(url)
    try:
        for round_number in range(MAX_ROUNDS):
            with database.session_on(engine) as session:
                due = sources.due(session, everything=everything and round_number == 0)
                jobs = _jobs(session, [s for s in due if (s.id or 0) not in seen])
            if not jobs:
                break
            seen.update(job.id for job in jobs)
            asyncio.run(_run(engine, jobs, settings, archive_dir, summary, actor, progress))
        summary.links = archiving.capture_links(engine, settings, archive_dir)
        if screenshots:
            summary.shots = capturing.screenshot(engine, summary.captures, settings, archive_dir)
    finally:
        engine.dispose()
    return summary


def fetch_sources(
    engine: Engine,
    ids: list[int],
    settings: fetch.FetchSettings,
    archive_dir: Path,
    *,
    actor: str,
) -> Summary:
    """Fetch the given sources (leased by a worker) and record each outcome."""
    summary = Summary()
    with database.session_on(engine) as session:
        jobs = _jobs(session, [s for s in (session.get(Source, i) for i in ids) if s is not None])
    if jobs:
        asyncio.run(_run(engine, jobs, settings, archive_dir, summary, actor, None))
    return summary


def _jobs(session: Session, due: list[Source]) -> list[Job]:
    newest = captures.latest(session, [s.id or 0 for s in due])
    return [_job(s, newest.get(s.id or 0)) for s in due]


def _job(source: Source, latest: Capture | None) -> Job:
    # Conditional GET only when we still hold what the validators describe.
    keep = bool(source.text) or source.kind != "page"
    return Job(
        source.id or 0,
        source.url,
        source.kind,
        source.etag if keep else None,
        source.last_modified if keep else None,
        latest.sha256 if latest else None,
        captures.previous(latest),
    )


MIN_EXTRACT_SECONDS = 0.5  # a page that used its budget downloading still gets a try


async def _run(
    engine: Engine,
    jobs: list[Job],
    settings: fetch.FetchSettings,
    archive_dir: Path,
    summary: Summary,
    actor: str,
    progress: Callable[[int, int, str], None] | None,
) -> None:
    """Fetch and extract every job, each within its own time budget, writing results in small
    transactions as they arrive. One page's failure, whatever it is, stays that page's own."""
    loop = asyncio.get_running_loop()
    pending: list[Result] = []
    pages = sum(job.kind == "page" for job in jobs)
    size = min(os.cpu_count() or 1, max(pages, 1))

    async def one(fetcher: fetch.Fetcher, pool: processes.Pool, job: Job) -> Result:
        deadline = loop.time() + settings.total_timeout
        try:
            page = await fetcher.fetch(
                job.url, etag=job.etag, last_modified=job.last_modified, deadline=deadline
            )
            extracted = None
            if page.ok and not page.not_modified and job.kind == "page":
                budget = max(deadline - loop.time(), MIN_EXTRACT_SECONDS)
                extracted = await _extract(pool, page, budget)
        except Exception as exc:  # a bug or a hostile page must not take the batch down
            page = fetch.Page(job.url, job.url, error=f"unexpected error ({_describe(exc)})")
            extracted = None
        return job, page, extracted, None

    writer = warc.Writer(archive_dir)
    try:
        async with (
            fetch.Fetcher(settings) as fetcher,
            processes.Pool(size, preload=PRELOAD) as pool,
        ):
            tasks = [one(fetcher, pool, job) for job in jobs]
            for done, next_result in enumerate(asyncio.as_completed(tasks), start=1):
                pending.append(_kept(writer, archive_dir, await next_result))
                if progress:
                    progress(done, len(jobs), pending[-1][0].url)
                if len(pending) >= WRITE_EVERY:
                    _write(engine, pending, summary, actor, settings)
                    pending.clear()
    finally:
        writer.close()
        summary.warc_seconds += writer.seconds
        if pending:
            _write(engine, pending, summary, actor, settings)


# Imported once per child, while pages download.
PRELOAD = ("verify.pipeline.fetching", "trafilatura")


async def _extract(pool: processes.Pool, page: fetch.Page, budget: float) -> Extracted:
    """Main text within the page's remaining time; a child past it is killed."""
    try:
        result: Extracted = await pool.run(
            budget, extract_page, page.body, page.content_type, page.final_url
        )
    except processes.Timeout:
        return Extracted(
            error=f"text extraction took longer than the page's time ({budget:.1f} s left)"
        )
    except processes.ChildFailed as exc:
        return Extracted(error=f"text extraction failed ({exc})")
    return result


def _kept(writer: warc.Writer, archive_dir: Path, result: Result) -> Result:
    """Keep a fetch as it arrives, outside any transaction: its WARC records and its body."""
    job, page, extracted, _ = result
    try:
        kept = archiving.keep(writer, archive_dir, page, job.previous)
    except OSError as exc:  # a full disk fails the page, not the batch
        error = f"cannot archive the page in {archive_dir} ({exc.strerror})"
        return job, fetch.Page(job.url, page.final_url, page.status, error=error), None, None
    return job, page, extracted, kept


def _describe(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _write(
    engine: Engine,
    results: list[Result],
    summary: Summary,
    actor: str,
    settings: fetch.FetchSettings,
) -> None:
    """One transaction for a handful of results."""
    now = utcnow()
    max_wait = timedelta(seconds=settings.max_wait)
    counts: Counter[str] = Counter()
    with database.session_on(engine) as session:
        for job, page, extracted, kept in results:
            source = session.get(Source, job.id)
            if source is None:  # removed meanwhile
                continue
            error = page.error or (extracted.error if extracted else None)
            if error is None and kept is None and not page.not_modified and not page.deferred:
                error = "the page could not be kept"  # no body: cannot happen for a 200
            if page.deferred:  # a later turn under the host's robots.txt pace: no failure
                source.next_fetch_at = page.retry_at
                summary.deferred += 1
            elif error:
                sources.record_failure(
                    source, error, now=now, retry_at=page.retry_at, max_wait=max_wait
                )
                source.http_status = page.status
                summary.failed += 1
                summary.errors.append((job.url, error))
            elif page.not_modified:
                sources.record_success(source, now=now)
                summary.not_modified += 1
            elif kept is not None:
                changed = _store(source, page, extracted, kept)
                if _new_capture(job, kept, source):
                    made = archiving.record(
                        session, archiving.Fetched(page, kept), source_id=source.id
                    )
                    summary.captures += [made.id or 0] if made else []
                if changed and extracted is not None and source.id is not None:
                    _index(session, source, extracted, summary, counts)
                try:
                    if source.kind == "feed":
                        summary.discovered += _discover(session, source, page, actor)
                    elif source.kind == "sitemap":
                        summary.discovered += _sitemap(session, source, page, actor)
                except ValueError as exc:
                    sources.record_failure(source, str(exc), now=now, max_wait=max_wait)
                    summary.failed += 1
                    summary.errors.append((job.url, str(exc)))
                else:
                    sources.record_success(source, now=now)
                    summary.fetched += 1
            source.lease_owner = source.lease_until = None  # done: back to the queue
            session.add(source)
        passages.add_counts(session, counts)


def _index(
    session: Session,
    source: Source,
    extracted: Extracted,
    summary: Summary,
    counts: Counter[str],
) -> None:
    """A new or changed page: its passages replace the old ones in the index (their word
    counts gathered in `counts`, written once per batch), the pending claims they may speak
    to become due, and its origin group is settled."""
    source_id = source.id or 0
    terms = passages.store(session, source_id, extracted.passages, counts)
    summary.passages += len(extracted.passages)
    summary.due += claims.mark_due(session, source_id, terms)
    session.flush()
    source.origin_group = origin_groups.assign(
        session, kind="source", ref_id=source_id, url=source.final_url or source.url,
        text_=extracted.text, bands=extracted.bands,
    )  # fmt: skip


def _new_capture(job: Job, kept: Kept, source: Source) -> bool:
    """A page's body differs from its newest capture's (or that one has no WARC records)."""
    return source.kind == "page" and (kept.sha256 != job.latest or job.previous is None)


def _store(source: Source, page: fetch.Page, extracted: Extracted | None, kept: Kept) -> bool:
    """Record a fetched body; True if the page's text is new or changed."""
    digest, path = kept.sha256, kept.body_path
    changed = digest != source.sha256 or (extracted is not None and extracted.text != source.text)
    source.final_url = page.final_url
    source.http_status = page.status
    source.content_type = page.content_type
    source.etag = page.etag
    source.last_modified = page.last_modified
    source.sha256 = digest
    source.archive_path = str(path)
    if extracted is not None:
        source.title = extracted.title or None
        source.text = extracted.text
        source.published_at = extracted.published_at
    return changed


def _discover(session: Session, feed: Source, page: fetch.Page, actor: str) -> int:
    """Pages listed in an RSS/Atom feed become sources of their own."""
    import feedparser  # only when a feed is read

    parsed = feedparser.parse(page.body)
    feed.title = parsed.feed.get("title") or feed.title
    usable = []
    for entry in parsed.entries:
        link = entry.get("link")
        if isinstance(link, str):
            try:
                usable.append(origins.check_url(link))
            except VerifyError:
                continue
    added = sources.add(session, usable, by=actor, feed_id=feed.id)
    return sum(a.created for a in added)


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MAX_SITEMAP_URLS = 50_000  # the sitemaps.org limit for one file


def _sitemap(session: Session, sitemap: Source, page: fetch.Page, actor: str) -> int:
    """Pages listed in a sitemap become sources; a sitemap index adds its sitemaps."""
    from defusedxml import ElementTree  # no entity expansion from XML off the web

    try:
        root = ElementTree.fromstring(page.body)
    except Exception as exc:  # defusedxml raises several types for hostile or broken XML
        raise ValueError(f"not a usable sitemap ({type(exc).__name__})") from exc
    kind = "sitemap" if root.tag.endswith("sitemapindex") else "page"
    locs = [(e.text or "").strip() for e in root.iter(f"{SITEMAP_NS}loc")][:MAX_SITEMAP_URLS]
    usable = []
    for loc in locs:
        try:
            usable.append(origins.check_url(loc))
        except VerifyError:
            continue
    added = sources.add(session, usable, by=actor, kind=kind, feed_id=sitemap.id)
    return sum(a.created for a in added)
