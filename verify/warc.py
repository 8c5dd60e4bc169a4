"""WARC files: each fetch's request and response records (headers included), written with
warcio into size-rotated `.warc.gz` files in the archive folder's `warc/`; read back and
checked record by record.

A response record's payload is the body as verify stored it. A body the server sent
gzip-coded is kept decoded: its Content-Encoding, Transfer-Encoding and Content-Length headers
are kept as `X-Archive-Orig-*`, and a Content-Length for what the record holds is added. So the
record's payload digest (sha256) is the sha256 the content-addressed copy is stored under, and
the two copies vouch for each other. An unchanged refetch is a revisit record (identical
payload digest) pointing at the capture that holds the body.
"""

import base64
import binascii
import hashlib
import io
import os
import secrets
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date
from warcio.utils import Digester
from warcio.warcwriter import WARCWriter

from verify import __version__
from verify.fetch import Exchange, Headers, Page

FOLDER = "warc"  # inside the archive folder
MAX_FILE_BYTES = 1 << 30  # a file is closed and a new one begun past this size (1 GiB)
FRAMING = ("content-encoding", "transfer-encoding", "content-length")
ORIGINAL = "X-Archive-Orig-"


class _Writer(WARCWriter):  # type: ignore[misc]  # warcio is untyped
    """warcio's writer with sha256 digests (its default is sha1)."""

    @staticmethod
    def _create_digester() -> Digester:
        return Digester("sha256")


def payload_digest(sha256_hex: str) -> str:
    """A hex sha256 as a WARC digest (`sha256:` + base32)."""
    return "sha256:" + base64.b32encode(bytes.fromhex(sha256_hex)).decode("ascii")


def digest_hex(value: str | None) -> str | None:
    """The hex sha256 of a WARC digest header (base32 or hex); None if it is not sha256."""
    algorithm, _, encoded = (value or "").partition(":")
    if algorithm.lower() != "sha256":
        return None
    try:
        raw = base64.b32decode(encoded) if len(encoded) != 64 else bytes.fromhex(encoded)
    except (binascii.Error, ValueError):
        return None
    return raw.hex()


@dataclass(frozen=True)
class Previous:
    """The capture an unchanged refetch refers back to."""

    sha256: str
    url: str
    fetched_at: datetime
    record_id: str


@dataclass(frozen=True)
class Written:
    """Where one fetch's records lie: [offset, offset + length) of a WARC file."""

    path: Path
    offset: int
    length: int
    record_id: str | None  # the last response (or revisit) record's WARC-Record-ID
    revisit: bool


class Writer:
    """Appends records to one `.warc.gz` at a time, moving to a new one past max_bytes. Each
    process writes its own files (the name carries the pid), so fetchers never share one."""

    def __init__(
        self, archive_dir: Path, *, max_bytes: int = MAX_FILE_BYTES, file: Path | None = None
    ) -> None:
        self.folder = archive_dir / FOLDER
        self.max_bytes = max_bytes
        self.file = file  # one named file (an export): no rotation
        self.seconds = 0.0  # time spent writing, for the benchmark's overhead figure
        self._handle: io.BufferedWriter | None = None
        self._path: Path | None = None
        self._warc: Any = None

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the current file."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None

    def write(self, page: Page, *, previous: Previous | None = None) -> Written | None:
        """The records of one fetch: request and response for every hop (redirects first),
        the body in the last response, or a revisit when it is previous's body. None when no
        response came back (a refused URL, a timeout before any answer)."""
        if not page.exchanges:
            return None
        started = time.perf_counter()
        handle = self._current()
        start = handle.tell()
        record_id = None
        revisit = False
        for number, exchange in enumerate(page.exchanges, start=1):
            body = page.body if number == len(page.exchanges) else b""
            same = previous is not None and bool(body) and _sha256(body) == previous.sha256
            response = self._response(exchange, body, previous if same else None)
            record_id = response.rec_headers.get_header("WARC-Record-ID")
            revisit = same
            self._warc.write_record(response)
            self._warc.write_record(self._request(exchange, record_id))
        handle.flush()
        assert self._path is not None
        written = Written(self._path, start, handle.tell() - start, record_id, revisit)
        self.seconds += time.perf_counter() - started
        return written

    def write_resource(self, uri: str, data: bytes, content_type: str, at: datetime) -> Written:
        """A resource record (e.g. a screenshot of uri)."""
        handle = self._current()
        start = handle.tell()
        record = self._warc.create_warc_record(
            uri, "resource", payload=io.BytesIO(data), length=len(data),
            warc_content_type=content_type, warc_headers_dict={"WARC-Date": _date(at)},
        )  # fmt: skip
        self._warc.write_record(record)
        handle.flush()
        assert self._path is not None
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        return Written(self._path, start, handle.tell() - start, record_id, False)

    def copy(self, path: Path, offset: int, length: int) -> None:
        """Append records copied byte for byte from another WARC file (an export)."""
        handle = self._current()
        with path.open("rb") as source:
            source.seek(offset)
            handle.write(source.read(length))
        handle.flush()

    @property
    def path(self) -> Path | None:
        """The file being written."""
        return self._path

    def _current(self) -> io.BufferedWriter:
        if self._handle is not None and (self.file or self._handle.tell() < self.max_bytes):
            return self._handle
        self.close()
        if self.file is not None:
            self._path = self.file
            return self._open(self.file)
        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        self._path = self.folder / f"verify-{stamp}-{os.getpid()}-{secrets.token_hex(3)}.warc.gz"
        return self._open(self._path)

    def _open(self, path: Path) -> io.BufferedWriter:
        self._handle = path.open("ab")
        self._warc = _Writer(self._handle, gzip=True)
        info = self._warc.create_warcinfo_record(
            path.name, {"software": f"verify/{__version__}", "format": "WARC File Format 1.0"}
        )
        self._warc.write_record(info)
        return self._handle

    def _response(self, exchange: Exchange, body: bytes, previous: Previous | None) -> Any:
        headers = StatusAndHeaders(
            f"{exchange.status} {exchange.reason}".strip(),
            _framed(exchange.response_headers, len(body)),
            protocol=exchange.http_version,
        )
        fields = {"WARC-Date": _date(exchange.at)}
        if exchange.address:
            fields["WARC-IP-Address"] = exchange.address
        if previous is not None:
            fields["WARC-Refers-To"] = previous.record_id
            return self._warc.create_revisit_record(
                exchange.url, digest=payload_digest(previous.sha256),
                refers_to_uri=previous.url, refers_to_date=_date(previous.fetched_at),
                http_headers=headers, warc_headers_dict=fields,
            )  # fmt: skip
        return self._warc.create_warc_record(
            exchange.url, "response", payload=io.BytesIO(body), length=len(body),
            http_headers=headers, warc_headers_dict=fields,
        )  # fmt: skip

    def _request(self, exchange: Exchange, response_id: str) -> Any:
        parts = urlsplit(exchange.url)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        headers = StatusAndHeaders(
            f"GET {target} {exchange.http_version}",
            list(exchange.request_headers),
            is_http_request=True,
        )
        fields = {"WARC-Date": _date(exchange.at), "WARC-Concurrent-To": response_id}
        return self._warc.create_warc_record(
            exchange.url, "request", http_headers=headers, warc_headers_dict=fields
        )


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _date(at: datetime) -> str:
    return str(datetime_to_iso_date(at.astimezone(UTC).replace(tzinfo=None)))


def _framed(headers: Headers, length: int) -> list[tuple[str, str]]:
    """Response headers for the body as stored: the framing it came with kept as
    X-Archive-Orig-*, and the length of what the record holds."""
    kept = [(k, v) for k, v in headers if k.lower() not in FRAMING]
    original = [(ORIGINAL + k, v) for k, v in headers if k.lower() in FRAMING]
    return [*kept, *original, ("Content-Length", str(length))]


@dataclass(frozen=True)
class Record:
    """One WARC record as read back."""

    offset: int
    kind: str  # WARC-Type
    uri: str | None
    record_id: str | None
    payload_digest: str | None  # hex sha256, when the record says it
    status: int | None
    http_headers: list[tuple[str, str]]
    payload: bytes
    problems: tuple[str, ...]  # digest mismatches found while reading


def read(path: Path, offset: int = 0, length: int | None = None) -> Iterator[Record]:
    """The records in [offset, offset + length) of a WARC file (all from offset on, streamed,
    without a length), their digests checked as they are read."""
    with path.open("rb") as handle:
        handle.seek(offset)
        # ArchiveIterator counts offsets from where its stream starts: the file's own position,
        # or 0 for a slice read into memory.
        stream: io.BufferedIOBase = handle if length is None else io.BytesIO(handle.read(length))
        base = 0 if length is None else offset
        records = ArchiveIterator(stream, check_digests=True)
        for record in records:
            payload = record.content_stream().read()
            records.read_to_end(record)
            yield _record(record, base + records.get_record_offset(), payload)


def _record(record: Any, offset: int, payload: bytes) -> Record:
    http = record.http_headers
    status = http.get_statuscode() if http is not None and record.rec_type != "request" else None
    return Record(
        offset=offset,
        kind=record.rec_type,
        uri=record.rec_headers.get_header("WARC-Target-URI"),
        record_id=record.rec_headers.get_header("WARC-Record-ID"),
        payload_digest=digest_hex(record.rec_headers.get_header("WARC-Payload-Digest")),
        status=int(status) if status and str(status).isdigit() else None,
        http_headers=list(http.headers) if http is not None else [],
        payload=payload,
        problems=tuple(record.digest_checker.problems),
    )


READ_ERRORS = (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError)


def check_file(path: Path) -> tuple[int, list[str]]:
    """Read every record of a WARC file, checking block and payload digests: how many records
    were read, and what is wrong (a damaged file stops at the first unreadable record)."""
    count = 0
    problems: list[str] = []
    try:
        for record in read(path):
            count += 1
            problems += [f"{path}: record at offset {record.offset}: {p}" for p in record.problems]
    except READ_ERRORS as exc:
        problems.append(f"{path}: unreadable after {count} record(s) ({type(exc).__name__}: {exc})")
    return count, problems


def files(archive_dir: Path) -> list[Path]:
    """The WARC files in an archive folder, oldest name first."""
    folder = archive_dir / FOLDER
    return sorted(folder.glob("*.warc.gz")) if folder.is_dir() else []
