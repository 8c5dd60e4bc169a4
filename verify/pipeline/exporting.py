"""`verify archive export`: the captures behind chosen claims' evidence (or every capture) as
one WARC file, or as a WACZ (packaged and then validated by the `wacz` package, which is what
ReplayWeb.page opens). Each capture's records are copied byte for byte; a capture made before
WARC writing becomes a resource record of its stored body, and a screenshot a
`urn:fullPage:` resource record, as Browsertrix writes them."""

import contextlib
import io
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from verify import captures, claims, database, warc
from verify.errors import InputError
from verify.models import Capture

FORMATS = ("warc", "wacz")


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    path: Path
    captures: int
    screenshots: int


def export(
    engine: Engine, archive_dir: Path, output: Path, *, fmt: str, claim_ids: list[int]
) -> Exported:
    """Write the captures as a WARC or WACZ file at output (atomically)."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (valid: {', '.join(FORMATS)})")
    with database.reading(engine) as session:
        if claim_ids:
            claims.get_claims(session, claim_ids)
            chosen = captures.for_claims(session, claim_ids)
        else:
            chosen = captures.everything(session)
    if not chosen:
        whose = f"claim(s) {', '.join(map(str, claim_ids))}" if claim_ids else "the database"
        raise InputError(f"nothing to export (no captures behind {whose}); run `verify fetch`, "
                         "or attach links with `verify evidence attach`")  # fmt: skip
    with tempfile.TemporaryDirectory(dir=output.parent if output.parent.is_dir() else None) as tmp:
        records = Path(tmp) / f"{output.stem or 'verify'}.warc.gz"
        shots = _write_warc(records, chosen, archive_dir)
        if fmt == "wacz":
            made = _wacz(records, Path(tmp) / "export.wacz", [c.final_url for c in chosen])
        else:
            made = records
        try:
            shutil.move(made, output)
        except OSError as exc:
            raise InputError(f"cannot write {output} ({exc.strerror}); check the folder") from exc
    return Exported(output, len(chosen), shots)


def _write_warc(path: Path, chosen: list[Capture], archive_dir: Path) -> int:
    """Every capture's records into one file; how many screenshots went in."""
    shots = 0
    with warc.Writer(archive_dir, file=path) as writer:
        for capture in chosen:
            if capture.warc_path and Path(capture.warc_path).is_file():
                writer.copy(Path(capture.warc_path), capture.warc_offset or 0,
                            capture.warc_length or 0)  # fmt: skip
            else:
                writer.write_resource(capture.final_url, _read(capture.body_path),
                                      capture.content_type or "application/octet-stream",
                                      capture.fetched_at)  # fmt: skip
            if capture.screenshot_path:
                shots += 1
                writer.write_resource(f"urn:fullPage:{capture.final_url}",
                                      _read(capture.screenshot_path), "image/png",
                                      capture.screenshot_at or capture.fetched_at)  # fmt: skip
    return shots


def _read(path: str | None) -> bytes:
    try:
        return Path(path or "").read_bytes()
    except OSError as exc:
        raise InputError(
            f"cannot read the stored file {path} ({exc.strerror}); run `verify archive check`"
        ) from exc


def _wacz(records: Path, output: Path, urls: list[str]) -> Path:
    """Package a WARC as a WACZ with the `wacz` package (its page list: every captured URL),
    and check it with the package's own validator (`wacz validate`, in a child process: it
    leaves a temporary folder behind for the garbage collector otherwise)."""
    from wacz.main import main as wacz

    listed = output.with_name("pages.jsonl")
    header = {"format": "json-pages-1.0", "id": "pages", "title": "verify captures"}
    lines = [header, *({"url": url, "title": url} for url in dict.fromkeys(urls))]
    listed.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        created = wacz(["create", "-o", str(output), str(records), "-p", str(listed)])
    checked = subprocess.run(
        [sys.executable, "-m", "wacz", "validate", "-f", str(output)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    if created != 0 or checked.returncode != 0:
        said.write(checked.stdout + checked.stderr)
        last = said.getvalue().strip().splitlines()[-1:] or ["no reason given"]
        raise InputError(f"the WACZ did not pass the wacz package's validation ({last[0]})")
    return output
