"""Shared fixtures: every test gets its own real SQLite file and a clean environment."""

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from verify.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds" / "articles"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No setting leaks in from the developer's shell; the cwd is a scratch folder."""
    for name in ("VERIFY_DATABASE_URL", "VERIFY_WORKFLOW", "VERIFY_USER"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("VERIFY_USER", "tester")
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "verify.db"


Invoke = Callable[..., Result]


@pytest.fixture
def cli(db_path: Path) -> Invoke:
    """Run the real CLI against the test's database; check the exit code."""
    runner = CliRunner()

    def invoke(*args: str, code: int = 0, stdin: str | None = None) -> Result:
        result = runner.invoke(app, [*args, "--db", str(db_path)], input=stdin)
        assert result.exit_code == code, (result.output, result.exception)
        return result

    return invoke


@pytest.fixture
def ingested(cli: Invoke) -> Invoke:
    """A database holding the seed articles."""
    cli("ingest", str(SEEDS))
    return cli


def snapshot(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a failed command changed nothing."""
    if not path.exists():
        return {}
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {
            t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables
        }


def claim_id_with(db_path: Path, text: str) -> int:
    """Id of the highest-priority claim whose text contains text."""
    with sqlite3.connect(db_path) as conn:
        row = conn.execute(
            "SELECT id FROM claim WHERE text LIKE ? ORDER BY priority DESC", (f"%{text}%",)
        ).fetchone()
    assert row, f"no claim containing {text!r}"
    return int(row[0])
