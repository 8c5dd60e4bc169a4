"""Shared fixtures: every test gets its own real SQLite file and a clean environment."""

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy
from typer.testing import CliRunner, Result

from tests import pgserver
from verify.cli import app

# Claims `verify ingest seeds/` queues (tests that count the queue use it).
SEED_CLAIMS = 20

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


# Decided once per session, kept in tests.pgserver: test modules import this file again as
# `tests.conftest`, a second module whose globals pytest's hooks never set.
_Postgres = pgserver.SESSION


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgres: needs a PostgreSQL server (skipped without)")
    explicit = os.environ.get(pgserver.URL_ENV) or None
    answering = pgserver.answers(explicit or pgserver.DEFAULT_URL)
    bindir = None if answering else pgserver.binaries()
    plan = pgserver.plan(explicit, answering=answering, bindir=bindir)
    if plan.action == "fail":
        raise pytest.UsageError(f"{plan.why}; start it, or unset {pgserver.URL_ENV}")
    if plan.action == "throwaway" and bindir is not None:
        _Postgres.cluster = pgserver.Cluster(bindir).start()
        plan = pgserver.Plan("use", _Postgres.cluster.url, plan.why)
    _Postgres.plan = plan


def pytest_unconfigure(config: pytest.Config) -> None:
    if _Postgres.cluster is not None:
        _Postgres.cluster.stop()
        _Postgres.cluster = None


def pytest_report_header(config: pytest.Config) -> str:
    plan = _Postgres.plan
    if plan is None or plan.action == "skip":
        return "postgresql: none (the PostgreSQL tests are skipped)"
    return f"postgresql: {plan.url}" + (f" ({plan.why})" if plan.why else "")


def needs_postgres(item: pytest.Item) -> bool:
    """Runs on PostgreSQL: the `db` fixture's postgres half, or marked `postgres`."""
    callspec = getattr(item, "callspec", None)
    on_postgres = callspec is not None and callspec.params.get("db") == "postgres"
    return on_postgres or item.get_closest_marker("postgres") is not None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    plan = _Postgres.plan
    if plan is None or plan.action != "skip":
        return
    skip = pytest.mark.skip(reason=f"no PostgreSQL: {plan.why}")
    for item in items:
        if needs_postgres(item):
            item.add_marker(skip)
            _Postgres.skipped += 1


def pytest_terminal_summary(terminalreporter: Any) -> None:
    plan = _Postgres.plan
    if plan is not None and plan.action == "skip":
        line = pgserver.skip_line(_Postgres.skipped, plan.why)
        terminalreporter.write_line(line, yellow=True, bold=True)


def postgres_url() -> str:
    """The server URL (no database) the PostgreSQL tests use."""
    plan = _Postgres.plan
    if plan is None or plan.action != "use":
        _Postgres.skipped += 1
        pytest.skip(f"no PostgreSQL: {plan.why if plan else 'not configured'}")
    return plan.url


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database on the test PostgreSQL server, dropped afterwards."""
    server = postgres_url()
    name = f"verify_test_{uuid.uuid4().hex[:12]}"
    admin = sqlalchemy.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    try:
        yield f"{server}/{name}"
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
