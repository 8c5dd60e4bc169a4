import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.conftest import ROOT, SEEDS, Invoke, snapshot
from verify import config, database


def test_init_creates_schema_at_head_with_wal(sqlite_cli: Invoke, db_path: Path) -> None:
    assert "migrated" in sqlite_cli("init").output
    assert "already up to date" in sqlite_cli("init").output
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert {"article", "claim", "mention", "evidence", "statuschange"} <= tables
    assert revision == database.current_revision(config.database_url(str(db_path)))


def test_foreign_keys_are_enforced(db_path: Path) -> None:
    import pytest
    import sqlalchemy.exc

    from verify.models import Mention

    url = config.database_url(str(db_path))
    with pytest.raises(sqlalchemy.exc.IntegrityError), database.transaction(url) as session:
        session.add(Mention(claim_id=999, article_id=999, char_start=0, char_end=1))


def test_failed_command_rolls_back_everything(sqlite_ingested: Invoke, db_path: Path) -> None:
    import pytest

    from verify import workflow
    from verify.pipeline import decisions

    flow = workflow.load(ROOT / "workflows" / "default.toml")
    before = snapshot(db_path)
    with (
        pytest.raises(RuntimeError),
        database.transaction(config.database_url(str(db_path))) as session,
    ):
        decisions.set_status(session, flow, 1, "disputed", reason="half done", actor="t")
        raise RuntimeError("crash after the first write")
    assert snapshot(db_path) == before


def test_locked_database_is_a_clear_error(
    sqlite_ingested: Invoke, db_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(config, "SQLITE_BUSY_TIMEOUT_MS", 300)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        before_start = time.monotonic()
        result = sqlite_ingested("status", "set", "1", "disputed", "--reason", "x", code=1)
        assert "is locked" in result.stderr and "try again" in result.stderr
        assert time.monotonic() - before_start < 5
    finally:
        holder.rollback()
        holder.close()
    assert "unverified" in sqlite_ingested("history", "1").output
    assert "disputed" not in sqlite_ingested("history", "1").output


def test_writer_waits_for_a_short_lock(sqlite_ingested: Invoke, db_path: Path) -> None:
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.5, holder.rollback).start()
    sqlite_ingested("status", "set", "1", "disputed", "--reason", "waited for the lock")
    holder.close()


def test_subprocess_end_to_end(tmp_path: Path) -> None:
    env_db = str(tmp_path / "sub.db")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "verify", *args, "--db", env_db],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip

    assert run("ingest", str(SEEDS)).returncode == 0
    listed = run("claims", "list", "--limit", "3")
    assert listed.returncode == 0 and "unverified" in listed.stdout
    missing = run("claims", "show", "12345")
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("Error: no claim with id 12345")


def test_schema_head_constant_matches_the_migrations() -> None:
    from alembic.script import ScriptDirectory

    assert ScriptDirectory(str(database.MIGRATIONS_DIR)).get_heads() == [database.SCHEMA_HEAD]


def test_newer_database_is_refused(sqlite_cli: Invoke, db_path: Path) -> None:
    sqlite_cli("init")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    result = sqlite_cli("claims", "list", code=1)
    assert "newer than this verify knows" in result.stderr


def test_upgrade_from_the_first_revision_keeps_every_row(tmp_path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        command.upgrade(database._alembic_config(connection), "0001")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO claim (text, quote, quantities, checkworthiness, priority, status, pinned,"
            " version, created_at, updated_at) VALUES ('old claim', 'q', '[]', 0.5, 0.5,"
            " 'unverified', 0, 1, '2024-10-21 00:00:00', '2024-10-21 00:00:00')"
        )
        conn.execute(
            "INSERT INTO evidence (claim_id, url, stance, method, added_by, added_at)"
            " VALUES (1, 'https://a.example', 'supports', 'manual', 'old', '2024-10-21 00:00:00')"
        )
    before = snapshot(path)
    url = f"sqlite:///{path}"
    engine = database.make_engine(url)
    assert database.migrate(engine)
    engine.dispose()
    assert database.current_revision(url) == database.SCHEMA_HEAD
    after = snapshot(path)
    old_width = len(before["claim"][0])  # new columns are added at the end
    assert [row[:old_width] for row in after["claim"]] == before["claim"]
    assert [row[:3] for row in after["evidence"]] == [row[:3] for row in before["evidence"]]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT source_id, url FROM evidence").fetchall() == [
            (None, "https://a.example")
        ]
