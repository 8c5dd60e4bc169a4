"""Hostile and broken inputs through the real command line: each is `Error: …` and exit 1 with
the database unchanged (or, with --skip-errors, a warning and a skip), never a traceback, within a
time bound. Some run `python -m verify` in a child process: a real stdin, a real unprivileged user.
"""

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.conftest import Invoke, snapshot
from verify.cli import app

GOOD = "Troops\nSouth Korea's spy agency said 9,000 troops left on Friday.\n"
# Root reads every folder whatever its mode: drop the two capabilities that allow it (from the
# bounding set, which a child keeps across exec) so the folder below is really unreadable.
UNPRIVILEGED = """
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if os.geteuid() == 0:
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop root's file access")
os.execv(sys.executable, [sys.executable, "-m", "verify", *sys.argv[1:]])
"""


def verify(*args: str, stdin: object = None, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`verify ARGS` in a child process, as a user that permissions apply to."""
    env = {**os.environ, "VERIFY_USER": "tester"}
    return subprocess.run(
        [sys.executable, "-c", UNPRIVILEGED, *args],
        stdin=stdin,  # type: ignore[arg-type]
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def one_line_error(stderr: str, message: str) -> None:
    assert stderr.startswith("Error: ") and message in stderr, stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr


def test_dev_zero_on_stdin_is_refused_after_the_limit(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    started = time.perf_counter()
    with open("/dev/zero", "rb") as zeros:  # MemoryError before the limit
        result = verify("ingest", "-", "--db", str(db_path), stdin=zeros, cwd=tmp_path)
    assert result.returncode == 1
    one_line_error(result.stderr, "cannot ingest <stdin> (more than 20,971,520 bytes")
    assert snapshot(db_path) == {}
    with open("/dev/zero", "rb") as zeros:
        result = verify("ingest", "good.md", "-", "--skip-errors", "--db", str(db_path),
                        stdin=zeros, cwd=tmp_path)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Ingested 1 article(s)" in result.stdout
    assert result.stderr.startswith("Warning: skipped: cannot ingest <stdin>")
    assert time.perf_counter() - started < 60


def test_big_article_on_stdin_is_refused(sqlite_cli: Invoke, db_path: Path) -> None:
    text = "Title\n" + "The agency said 12,000 troops left. " * 1_500_000  # 54 MB
    result = sqlite_cli("ingest", "-", stdin=text, code=1)
    one_line_error(result.stderr, "the article size limit")
    assert snapshot(db_path) == {}


@pytest.mark.parametrize(
    "meta, message",
    [
        ("published: 2024-13-01", "not a real date"),
        ("published: 2024-02-30", "not a real date"),
        ("published: 2024-02-03T25:00:00", "not a real date"),
        ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
         "aliases (*name) are not allowed"),
        ("title: " + "[" * 100_000, "front matter is 100,007 bytes"),
        ("title: " + "[" * 1_000, "nested more than 16 levels"),
    ],
    ids=["month-13", "30-february", "hour-25", "alias", "huge", "deep"],
)  # fmt: skip
def test_bad_front_matter_is_an_error_or_a_skip(
    sqlite_cli: Invoke, db_path: Path, tmp_path: Path, meta: str, message: str
) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "bad.md").write_text(f"---\n{meta}\n---\nThe agency said 12,000 troops left.\n")
    result = sqlite_cli("ingest", str(tmp_path), code=1)
    one_line_error(result.stderr, message)
    assert "bad.md" in result.stderr
    assert snapshot(db_path) == {}
    skipped = sqlite_cli("ingest", str(tmp_path), "--skip-errors")
    assert "Ingested 1 article(s)" in skipped.stdout
    assert (
        skipped.stderr.startswith("Warning: skipped: cannot ingest") and message in skipped.stderr
    )


@pytest.mark.parametrize(
    "text", ["[" * 100_000, "a `" * 50_000], ids=["100k-brackets", "150k-backticks"]
)
def test_super_linear_articles_ingest_in_time(
    sqlite_cli: Invoke, tmp_path: Path, text: str
) -> None:
    (tmp_path / "hostile.txt").write_text(f"Title\n{text}\n")
    started = time.perf_counter()
    sqlite_cli("ingest", str(tmp_path / "hostile.txt"))  # 40 s and 131 s before
    assert time.perf_counter() - started < 15


def test_unreadable_subfolders_are_warned_about(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    (folder / "locked").mkdir(parents=True)
    (folder / "good.md").write_text(GOOD)
    (folder / "locked" / "hidden-from-us.md").write_text(GOOD.replace("9,000", "7,000"))
    (folder / "locked").chmod(0)
    try:
        result = verify("ingest", str(folder), "--db", str(tmp_path / "v.db"), cwd=tmp_path)
    finally:
        (folder / "locked").chmod(0o755)
    assert result.returncode == 0, result.stderr
    assert "Ingested 1 article(s): 1 new claim(s)" in result.stdout
    assert result.stderr == (
        f"Warning: cannot read folder {folder / 'locked'} (Permission denied); "
        "its articles were not read\n"
    )


def test_unreadable_file_stops_or_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD)
    (tmp_path / "locked.md").write_text(GOOD.replace("9,000", "7,000"))
    (tmp_path / "locked.md").chmod(0)
    result = verify("ingest", ".", "--db", "v.db", cwd=tmp_path)
    assert result.returncode == 1
    one_line_error(result.stderr, "cannot read locked.md (Permission denied)")
    assert snapshot(tmp_path / "v.db") == {}
    result = verify("ingest", ".", "--db", "v.db", "--skip-errors", cwd=tmp_path)
    assert result.returncode == 0 and "Ingested 1 article(s)" in result.stdout
    assert "Warning: skipped: cannot read locked.md (Permission denied)" in result.stderr


MINIMAL = 'initial = "a"\n{}\n[statuses]\na = "A"\n'


def workflow_check(path: str) -> Result:
    result = CliRunner().invoke(app, ["workflow", "check", path])
    assert result.exit_code == 1, result.output
    return result


def test_workflow_check_of_dev_zero() -> None:
    one_line_error(workflow_check("/dev/zero").stderr, "the workflow size limit")


@pytest.mark.parametrize(
    "text, message",
    [
        ("x = " + "[" * 100_000, "nested more than 16 levels deep"),
        (MINIMAL.format("match = 5"), "'match' in the workflow must be a table"),
        (MINIMAL.format("rules = 5"), "'rules' in the workflow must be a list"),
        (MINIMAL.format("pending = []"), "'pending' must list at least one"),
    ],
    ids=["deep", "match", "rules", "pending"],
)
def test_bad_workflows_are_one_line_errors(
    sqlite_ingested: Invoke, db_path: Path, tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text)
    one_line_error(workflow_check(str(path)).stderr, message)
    before = snapshot(db_path)
    result = sqlite_ingested("ingest", str(tmp_path / "x.md"), "--workflow", str(path), code=1)
    one_line_error(result.stderr, message)
    assert snapshot(db_path) == before


def damage(path: Path, how: str) -> None:
    """Spoil a verify database the ways disks and people do."""
    data = path.read_bytes()
    if how == "truncated":
        path.write_bytes(data[:100])
    elif how == "garbage":
        path.write_text("meeting notes, not a database\n" * 200)
    else:  # a page in the middle overwritten
        page = 4096 * (len(data) // 4096 // 2)
        path.write_bytes(data[:page] + b"\xff" * 4096 + data[page + 4096 :])


@pytest.mark.parametrize(
    "how, message",
    [
        ("truncated", "is damaged (database disk image is malformed); restore it from a backup"),
        ("garbage", "is not a verify database (not SQLite at all: file is not a database)"),
        ("page", "is damaged ("),  # quick_check names the page, or SQLite stops at it
    ],
)
def test_init_on_a_damaged_database_says_what_is_wrong(
    sqlite_ingested: Invoke, db_path: Path, how: str, message: str
) -> None:
    with sqlite3.connect(db_path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    damage(db_path, how)
    before = db_path.read_bytes()
    result = sqlite_ingested("init", code=1)
    one_line_error(result.stderr, message)
    assert "verify init" not in result.stderr  # not "create one with verify init" to init
    assert db_path.read_bytes() == before
