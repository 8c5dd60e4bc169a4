"""How much verify reads from a file or stream, in one place, and a reader that keeps to it.

Every input is read with a limit, so `/dev/zero`, an endless pipe or a 50 MB paste is refused
after at most limit + 1 bytes instead of filling memory. The README's errors section lists these.
"""

import os
import stat
from pathlib import Path
from typing import BinaryIO

from verify.errors import InputError

# one article file or standard input (a fetched page has its own 10 MiB: fetch.Limits.max_bytes)
MAX_ARTICLE_BYTES = 20 * 1024 * 1024
MAX_FRONT_MATTER_BYTES = 64 * 1024  # the YAML block at the top of a Markdown article
MAX_FRONT_MATTER_DEPTH = 16  # nested lists / mappings in front matter
MAX_WORKFLOW_BYTES = 1024 * 1024  # a workflow TOML file
MAX_WORKFLOW_DEPTH = 16  # nested tables / arrays in a workflow (the shipped ones use 4)
MAX_FACTCHECK_FILE_BYTES = 50 * 1024 * 1024  # one file given to `factchecks import`


class TooLarge(InputError):
    """An input holds more than its limit; callers usually re-raise it in their own words."""

    def __init__(self, name: str, limit: int) -> None:
        super().__init__(f"{name} holds more than {limit:,} bytes")
        self.name = name
        self.limit = limit


def read_path(path: Path, limit: int) -> bytes:
    """The bytes of the file at path; TooLarge past limit. OSError is the caller's to explain.

    Devices and pipes are read like files (`/dev/stdin` works) but never beyond limit + 1 bytes.
    """
    with path.open("rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISREG(info.st_mode) and info.st_size > limit:
            raise TooLarge(str(path), limit)  # no need to read it to know
        return read_stream(stream, limit, name=str(path))


def read_stream(stream: BinaryIO, limit: int, *, name: str) -> bytes:
    """Everything left in stream; TooLarge (after reading limit + 1 bytes) if it holds more."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(1024 * 1024, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if size > limit:
        raise TooLarge(name, limit)
    return b"".join(chunks)
