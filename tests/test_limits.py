import io
import os
import threading
from pathlib import Path

import pytest

from verify import limits


def test_a_stream_up_to_the_limit_is_read_whole() -> None:
    stream = io.BytesIO(b"x" * 1000)
    assert limits.read_stream(stream, 1000, name="s") == b"x" * 1000


def test_a_longer_stream_stops_one_byte_past_the_limit() -> None:
    stream = io.BytesIO(b"x" * 5000)
    with pytest.raises(limits.TooLarge, match="s holds more than 1,000 bytes") as caught:
        limits.read_stream(stream, 1000, name="s")
    assert stream.tell() == 1001  # the rest is never read
    assert caught.value.limit == 1000


def test_an_endless_pipe_is_cut_off() -> None:
    read_end, write_end = os.pipe()

    def flood() -> None:
        try:
            with os.fdopen(write_end, "wb") as out:
                while True:
                    out.write(b"\0" * 65536)
        except BrokenPipeError:
            pass  # the reader gave up: what we want

    writer = threading.Thread(target=flood, daemon=True)
    writer.start()
    with os.fdopen(read_end, "rb") as stream, pytest.raises(limits.TooLarge):
        limits.read_stream(stream, 3_000_000, name="pipe")
    writer.join(timeout=10)
    assert not writer.is_alive()


def test_a_big_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    sparse = tmp_path / "sparse.txt"
    with sparse.open("wb") as out:
        out.truncate(50 * 1024**3)  # 50 GB of nothing on disk: reading it would take minutes
    with pytest.raises(limits.TooLarge, match="sparse.txt holds more than 20,971,520 bytes"):
        limits.read_path(sparse, limits.MAX_ARTICLE_BYTES)


def test_devices_are_read_up_to_the_limit_only() -> None:
    with pytest.raises(limits.TooLarge):
        limits.read_path(Path("/dev/zero"), 1_000_000)
    assert limits.read_path(Path("/dev/null"), 10) == b""


def test_a_missing_file_is_an_os_error_for_the_caller_to_explain(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        limits.read_path(tmp_path / "nope", 10)
