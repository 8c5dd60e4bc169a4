"""Screenshots behind captures: `verify capture URL...` (fetch and keep each page, then
photograph it as kept), `verify capture --claim ID` (photograph the captures behind a claim's
evidence, capturing its hand-attached links that have none yet), and the new captures of a
`fetch` when the workflow's `[capture] screenshots` is on. The browser works with no
transaction open; each PNG is stored by its sha256 and linked to its capture."""

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from verify import blobs, captures, claims, database, fetch, screenshots
from verify.models import Capture, utcnow
from verify.pipeline import archiving

SHOWN = ("text/", "image/", "application/xhtml+xml")  # what a browser shows as a page


@dataclass(frozen=True)
class Taken:
    """One URL's outcome: its capture (if there is one) and screenshot, or why not."""

    url: str
    capture_id: int | None
    shot: screenshots.Shot | None
    error: str | None


def capture_urls(
    engine: Engine, urls: list[str], settings: fetch.FetchSettings, archive_dir: Path
) -> list[Taken]:
    """Capture each URL (WARC records, body, capture row), then screenshot it as captured."""
    screenshots.chromium()  # no Chromium: say so before fetching anything
    fetched = archiving.fetch_and_keep(urls, settings, archive_dir)
    with database.session_on(engine) as session:
        made = [archiving.record(session, f) for f in fetched]
        ids = [c.id if c else None for c in made]
    shot = screenshot(engine, [i for i in ids if i], settings, archive_dir)
    taken = {t.capture_id: t for t in shot}
    return [
        taken[i] if i else Taken(f.page.url, None, None, f.error)
        for f, i in zip(fetched, ids, strict=True)
    ]


def capture_claim(
    engine: Engine, claim_id: int, settings: fetch.FetchSettings, archive_dir: Path
) -> list[Taken]:
    """Screenshot every capture behind a claim's evidence; hand-attached links with no
    capture yet are captured first."""
    screenshots.chromium()
    with database.reading(engine) as session:
        claims.get_claim(session, claim_id)
    links = archiving.capture_links(engine, settings, archive_dir, claim_id=claim_id)
    failed = [Taken(url, None, None, error) for url, error in links.errors]
    with database.reading(engine) as session:
        ids = [c.id or 0 for c in captures.for_claims(session, [claim_id])]
    return failed + screenshot(engine, ids, settings, archive_dir)


def screenshot(
    engine: Engine, capture_ids: list[int], settings: fetch.FetchSettings, archive_dir: Path
) -> list[Taken]:
    """Screenshot captures as they were fetched (the main document from the stored copy) and
    link each PNG to its capture."""
    if not capture_ids:
        return []
    with database.reading(engine) as session:
        rows = captures.by_ids(session, capture_ids)
    found = [rows[i] for i in dict.fromkeys(capture_ids) if i in rows]
    targets, skipped = [], []
    for capture in found:
        problem = _unshowable(capture)
        if problem:
            skipped.append(Taken(capture.final_url, capture.id, None, problem))
        else:
            body = Path(capture.body_path or "").read_bytes()
            target = screenshots.Target(capture.final_url, body, capture.content_type)
            targets.append((capture, target))
    shots = screenshots.take([t for _, t in targets], settings)
    pairs = [(c, s) for (c, _), s in zip(targets, shots, strict=True)]
    return skipped + _store(engine, pairs, archive_dir)


def _unshowable(capture: Capture) -> str | None:
    mime = (capture.content_type or "text/html").split(";")[0].strip().lower()
    if not mime.startswith(SHOWN):
        return f"a browser does not show {mime} as a page"
    if not capture.body_path or not Path(capture.body_path).is_file():
        return f"the stored copy {capture.body_path} is missing (see `verify archive check`)"
    return None


def _store(
    engine: Engine, shots: list[tuple[Capture, screenshots.Shot]], archive_dir: Path
) -> list[Taken]:
    """Store each PNG by its sha256 (outside the transaction) and link it to its capture."""
    taken = []
    stored: dict[int, tuple[str, Path, screenshots.Shot]] = {}
    for capture, shot in shots:
        if shot.png is not None:
            digest, path = blobs.put(archive_dir, shot.png)
            stored[capture.id or 0] = (digest, path, shot)
        taken.append(Taken(capture.final_url, capture.id, shot, shot.error))
    with database.session_on(engine) as session:
        for capture_id, (digest, path, shot) in stored.items():
            row = session.get(Capture, capture_id)
            if row is not None:
                row.screenshot_sha256, row.screenshot_path = digest, str(path)
                row.screenshot_width, row.screenshot_height = shot.width, shot.height
                row.screenshot_at = utcnow()
                session.add(row)
    return taken
