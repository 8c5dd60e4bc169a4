"""Content-addressed files: fetched bodies and screenshots, each stored once under its sha256
(`archive/ab/abcdef…`), written atomically, re-hashed by `verify archive check`."""

import hashlib
import os
import re
from collections.abc import Iterator
from pathlib import Path

DIGEST_RE = re.compile(r"[0-9a-f]{64}")
CHUNK = 1 << 20


def path_for(folder: Path, digest: str) -> Path:
    """Where the blob with this sha256 lives."""
    return folder / digest[:2] / digest


def put(folder: Path, data: bytes) -> tuple[str, Path]:
    """Store data under its sha256 (identical data is stored once); its digest and path."""
    digest = hashlib.sha256(data).hexdigest()
    path = path_for(folder, digest)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{digest}.tmp{os.getpid()}")
        tmp.write_bytes(data)
        tmp.replace(path)
    return digest, path


def sha256_of(path: Path) -> str:
    """The sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def stored(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every blob in the folder as (the digest its name claims, path)."""
    if not folder.is_dir():
        return
    for bucket in sorted(folder.iterdir()):
        if bucket.is_dir() and re.fullmatch(r"[0-9a-f]{2}", bucket.name):
            for path in sorted(bucket.iterdir()):
                if DIGEST_RE.fullmatch(path.name) and path.name.startswith(bucket.name):
                    yield path.name, path
