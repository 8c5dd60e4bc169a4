"""Shared fixtures: every test gets its own real SQLite file and a clean environment."""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
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


POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432"


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database on the local PostgreSQL server, dropped afterwards."""
    name = f"verify_test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES}/{name}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The test's own database: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'verify.db'}"
        return
    with postgres_database() as url:
        yield url


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """For SQLite-only tests (file locks, WAL, corrupt files)."""
    return tmp_path / "verify.db"


Invoke = Callable[..., Result]


def invoker(target: str) -> Invoke:
    """Run the real CLI against one database; check the exit code."""
    runner = CliRunner()

    def invoke(*args: str, code: int = 0, stdin: str | None = None) -> Result:
        result = runner.invoke(app, [*args, "--db", target], input=stdin)
        assert result.exit_code == code, (result.output, result.exception)
        return result

    return invoke


@pytest.fixture
def cli(db: str) -> Invoke:
    """The CLI on the test's database (each test runs on SQLite and on PostgreSQL)."""
    return invoker(db)


@pytest.fixture
def sqlite_cli(db_path: Path) -> Invoke:
    return invoker(str(db_path))


@pytest.fixture
def ingested(cli: Invoke) -> Invoke:
    """A database holding the seed articles."""
    cli("ingest", str(SEEDS))
    return cli


@pytest.fixture
def sqlite_ingested(sqlite_cli: Invoke) -> Invoke:
    sqlite_cli("ingest", str(SEEDS))
    return sqlite_cli


def _url(db: str | Path) -> str:
    return db if isinstance(db, str) and "://" in db else f"sqlite:///{db}"


def rows(db: str | Path, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of a query, on either backend."""
    if isinstance(db, Path) and not db.exists():
        return []
    engine = sqlalchemy.create_engine(_url(db))
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(sqlalchemy.text(sql), params)]
    finally:
        engine.dispose()


def snapshot(db: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, to prove a failed command changed nothing."""
    if isinstance(db, Path) and not db.exists():
        return {}
    engine = sqlalchemy.create_engine(_url(db))
    try:
        tables = sqlalchemy.inspect(engine).get_table_names()
        with engine.connect() as conn:
            return {
                t: sorted(conn.exec_driver_sql(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in tables
            }
    finally:
        engine.dispose()


def claim_id_with(db: str | Path, text: str) -> int:
    """Id of the highest-priority claim whose text contains text."""
    found = rows(
        db, "SELECT id FROM claim WHERE text LIKE :t ORDER BY priority DESC", t=f"%{text}%"
    )
    assert found, f"no claim containing {text!r}"
    return int(found[0][0])
