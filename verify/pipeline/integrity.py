"""`verify archive check`: re-hash every stored body and screenshot, read every WARC record
(block and payload digests), and check that each capture's files are where its row says, with
the content it names. Reads only; reports every problem rather than stopping at the first."""

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import col, select

from verify import blobs, database, warc
from verify.models import Capture

CHUNK = 1000  # captures read at a time


@dataclass
class Checked:
    """What the check read, and what it found wrong."""

    blobs: int = 0  # bodies and screenshots re-hashed
    warc_files: int = 0
    records: int = 0
    captures: int = 0
    problems: list[str] = field(default_factory=list)


def check(engine: Engine, archive_dir: Path) -> Checked:
    """Check the archive folder and every capture row against it."""
    result = Checked()
    hashed: dict[Path, bool] = {}  # blob → its content still matches its name
    for digest, path in blobs.stored(archive_dir):
        result.blobs += 1
        found = blobs.sha256_of(path)
        hashed[path] = found == digest
        if found != digest:
            result.problems.append(f"{path}: content changed (sha256 now {found})")
    for path in warc.files(archive_dir):
        result.warc_files += 1
        count, problems = warc.check_file(path)
        result.records += count
        result.problems += problems
    last = 0
    while True:
        with database.reading(engine) as session:
            query = select(Capture).where(col(Capture.id) > last).order_by(col(Capture.id))
            batch = list(session.exec(query.limit(CHUNK)))
        if not batch:
            return result
        for capture in batch:
            result.captures += 1
            result.problems += _capture(capture, hashed)
        last = batch[-1].id or 0


def _capture(capture: Capture, hashed: dict[Path, bool]) -> list[str]:
    """What is wrong with one capture's files (files outside the folder are re-hashed here)."""
    problems = []
    name = f"capture {capture.id} ({capture.final_url})"
    for label, path_text, digest in (
        ("stored copy", capture.body_path, capture.sha256),
        ("screenshot", capture.screenshot_path, capture.screenshot_sha256),
    ):
        if path_text is None:
            continue
        path = Path(path_text)
        if not path.is_file():
            problems.append(f"{name}: {label} {path} is missing")
        elif not hashed.get(path, blobs.sha256_of(path) == digest):
            problems.append(f"{name}: {label} {path} does not match sha256 {digest}")
    if capture.warc_path is not None:
        problems += _records(name, capture)
    return problems


def _records(name: str, capture: Capture) -> list[str]:
    """The capture's WARC records: readable, and the last response holds its body."""
    path = Path(capture.warc_path or "")
    if not path.is_file():
        return [f"{name}: WARC file {path} is missing"]
    try:
        records = list(warc.read(path, capture.warc_offset or 0, capture.warc_length))
    except warc.READ_ERRORS as exc:
        return [f"{name}: WARC records at {path}:{capture.warc_offset} unreadable ({exc})"]
    responses = [r for r in records if r.kind == "response"]
    if not responses or responses[-1].record_id != capture.warc_record_id:
        return [f"{name}: no response record {capture.warc_record_id} at {path}:"
                f"{capture.warc_offset}"]  # fmt: skip
    if responses[-1].payload_digest != capture.sha256:
        return [f"{name}: WARC payload digest is not the capture's sha256 {capture.sha256}"]
    return []
