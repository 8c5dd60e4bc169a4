"""Work reported is work saved, and no command destroys what is not its own (issue 12, B)."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy

from tests.conftest import ROOT, SEEDS, Invoke, invoker, postgres_database, rows, snapshot

VERIFY = [sys.executable, "-m", "verify"]


def test_summary_printed_after_commit_survives_a_closed_pipe(tmp_path: Path) -> None:
    db = tmp_path / "verify.db"
    checks = ROOT / "seeds" / "factchecks" / "check-desk.jsonld"
    for args in (["ingest", str(SEEDS)], ["factchecks", "import", str(checks)]):
        subprocess.run([*VERIFY, *args, "--db", str(db)], check=True, capture_output=True)
    with subprocess.Popen(
        [*VERIFY, "check", "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.close()  # like `| head -0`: the reader is gone before the summary
        proc.wait(120)
    assert rows(db, "SELECT count(*) FROM evidence WHERE method = 'factcheck'")[0][0] >= 1
    assert rows(db, "SELECT count(*) FROM statuschange WHERE actor = 'rules'")[0][0] >= 1


def test_report_never_overwrites_a_database(sqlite_ingested: Invoke, db_path: Path) -> None:
    before = db_path.read_bytes()[:16]
    result = sqlite_ingested("report", "-o", str(db_path), code=1)
    assert "refusing to write the report over" in result.stderr and "it is the database" in (
        result.stderr
    )
    assert db_path.read_bytes()[:16] == before
    other = db_path.parent / "other.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    result = sqlite_ingested("report", "-o", str(other), code=1)
    assert "it is a SQLite database" in result.stderr
    with sqlite3.connect(other) as conn:
        assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [("notes",)]
    wal = db_path.with_name(db_path.name + "-wal")
    assert "it is the database" in sqlite_ingested("report", "-o", str(wal), code=1).stderr


@pytest.mark.parametrize(
    "command",
    [
        ["claims", "list"],
        ["claims", "show", "1"],
        ["history", "1"],
        ["report"],
        ["sources", "list"],
        ["factchecks", "search", "troops"],
    ],  # fmt: skip
)
def test_reading_commands_never_migrate_a_foreign_sqlite_file(
    tmp_path: Path, command: list[str]
) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
        conn.execute("INSERT INTO notes VALUES ('mine')")
    before = snapshot(other)
    result = invoker(str(other))(*command, code=1)
    assert "is not a verify database" in result.stderr and "notes" in result.stderr
    assert snapshot(other) == before


def test_writing_commands_refuse_a_foreign_database_too(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    before = snapshot(other)
    result = invoker(str(other))("ingest", str(SEEDS), code=1)
    assert "is not a verify database" in result.stderr
    assert snapshot(other) == before


def test_reading_a_missing_database_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    result = invoker(str(missing))("claims", "list", code=1)
    assert "no verify database at" in result.stderr and "verify init" in result.stderr
    assert not missing.exists()


def test_init_and_writers_create_the_schema_on_an_empty_database(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    invoker(str(empty))("init")
    assert ("claim",) in rows(empty, "SELECT name FROM sqlite_master WHERE type = 'table'")
    fresh = tmp_path / "fresh.db"
    invoker(str(fresh))("sources", "add", "https://news.example/a")
    invoker(str(fresh))("claims", "list")


@pytest.mark.postgres
def test_reading_the_postgres_maintenance_database_creates_nothing() -> None:
    with postgres_database() as url:
        engine = sqlalchemy.create_engine(url)
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE app_settings (k TEXT)")
        engine.dispose()
        before = snapshot(url)
        result = invoker(url)("claims", "list", code=1)
        assert "is not a verify database" in result.stderr and "app_settings" in result.stderr
        assert snapshot(url) == before
    with postgres_database() as url:  # empty, like `postgres` on a fresh server
        result = invoker(url)("claims", "list", code=1)
        assert "no verify database at" in result.stderr
        assert snapshot(url) == {}
