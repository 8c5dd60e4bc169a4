"""Engines, one-transaction-per-command sessions, SQLite pragmas and Alembic migrations."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy.exc
from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlmodel import Session

from verify import config
from verify.errors import DatabaseError

MIGRATIONS_DIR = config.PACKAGE_DIR / "migrations"
# The newest migration's revision id. Checked against migrations/ by a test; lets every command
# see that the schema is current without importing Alembic (~100 ms).
SCHEMA_HEAD = "0009"
MIGRATION_LOCK = 0x7665726966790002  # PostgreSQL advisory lock: one migration at a time


def _sqlite_setup(engine: Engine, *, write: bool) -> None:
    """WAL, foreign keys and a busy timeout on every connection; we issue BEGIN ourselves."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below be the real one
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {config.SQLITE_BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # A writer takes the write lock up front, so it waits (busy_timeout) instead of failing
        # half-way when another writer got there first.
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _postgres_setup(engine: Engine) -> None:
    """Waits are bounded: a lock held elsewhere, or a runaway statement, ends in a clear error
    instead of a command that hangs."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = {int(config.POSTGRES_LOCK_TIMEOUT_S * 1000)}")
            cursor.execute(
                f"SET statement_timeout = {int(config.POSTGRES_STATEMENT_TIMEOUT_S * 1000)}"
            )
        dbapi_connection.commit()


def make_engine(url: str, *, write: bool = True) -> Engine:
    """An engine for url; SQLite gets WAL, foreign keys and a busy timeout, PostgreSQL lock and
    statement timeouts."""
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            _check_sqlite_parent(parsed.database)
        engine = create_engine(url)
    except sqlalchemy.exc.ArgumentError as exc:
        raise DatabaseError(f"cannot use database URL {url!r} ({exc}); check --db") from exc
    except ModuleNotFoundError as exc:
        raise DatabaseError(
            f"no driver for {url.split(':', 1)[0]} ({exc}); install it, e.g. "
            "`pip install 'verify[postgres]'`"
        ) from exc
    if engine.dialect.name == "sqlite":
        _sqlite_setup(engine, write=write)
    elif engine.dialect.name == "postgresql":
        _postgres_setup(engine)
    return engine


def sqlite_path(url: str) -> str | None:
    """The file behind a SQLite URL (None for other databases and in-memory SQLite)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return parsed.database


def _check_exists(url: str) -> None:
    """Readers never create a SQLite file: a missing one is an error, not an empty database."""
    from pathlib import Path

    path = sqlite_path(url)
    if path is not None and not Path(path).exists():
        raise DatabaseError(
            f"no verify database at {path} yet; create it with `verify init` "
            "(or `verify ingest ARTICLES`), or pass --db"
        )


def _check_sqlite_parent(path: str) -> None:
    from pathlib import Path

    parent = Path(path).parent
    if not parent.is_dir():
        raise DatabaseError(
            f"cannot create database {path} (folder {parent} does not exist); create it first"
        )


def _alembic_config(connection: Connection) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def _revision(connection: Connection) -> str | None:
    """The schema revision recorded in the database, without Alembic."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def migrate(engine: Engine, *, create: bool = True) -> bool:
    """Bring the schema to the newest revision; True if anything ran. A database without a
    verify schema is only set up when it is empty and create is True: verify never writes its
    tables into another application's database."""
    with translate_errors(str(engine.url)), engine.begin() as connection:
        if connection.dialect.name == "postgresql":  # several processes may open it at once
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
        current = _revision(connection)
        if current == SCHEMA_HEAD:
            return False
        if current is None:
            _check_empty(connection, str(engine.url), create=create)
        from alembic import command
        from alembic.script import ScriptDirectory

        script = ScriptDirectory(str(MIGRATIONS_DIR))
        if current is not None and current not in {r.revision for r in script.walk_revisions()}:
            raise DatabaseError(
                f"database is at schema revision {current}, newer than this verify knows; "
                "upgrade verify"
            )
        command.upgrade(_alembic_config(connection), "head")
    return True


def _check_empty(connection: Connection, url: str, *, create: bool) -> None:
    """DatabaseError unless the database holds no tables and we may create ours."""
    tables = sorted(inspect(connection).get_table_names())
    if tables:
        shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
        raise DatabaseError(
            f"{display_url(url)} is not a verify database (it holds other tables: {shown}); "
            "point --db at a verify database, or at an empty one to create it"
        )
    if not create:
        raise DatabaseError(
            f"no verify database at {display_url(url)} yet; create it with `verify init` "
            "(or `verify ingest ARTICLES`)"
        )


def current_revision_on(engine: Engine) -> str | None:
    """The schema revision of an open engine's database."""
    with translate_errors(str(engine.url)), engine.connect() as connection:
        return _revision(connection)


def current_revision(url: str) -> str | None:
    """The schema revision a database is at (None if it has none)."""
    engine = make_engine(url, write=False)
    try:
        return current_revision_on(engine)
    finally:
        engine.dispose()


@contextmanager
def translate_errors(url: str) -> Iterator[None]:
    """Turn the database faults a user can act on into DatabaseError."""
    try:
        yield
    except sqlalchemy.exc.OperationalError as exc:
        text = str(exc.orig)
        code = getattr(exc.orig, "sqlstate", None)
        if code == "55P03":  # lock_not_available: lock_timeout passed
            raise DatabaseError(
                f"database {display_url(url)} is busy (a lock held by another command for more "
                f"than {config.POSTGRES_LOCK_TIMEOUT_S:g} s); try again when it has finished"
            ) from exc
        if code == "57014":  # query_canceled: statement_timeout passed
            raise DatabaseError(
                f"a statement on {display_url(url)} ran longer than "
                f"{config.POSTGRES_STATEMENT_TIMEOUT_S:g} s and was stopped; try again, or with "
                "less at once"
            ) from exc
        if "locked" in text or "busy" in text:
            raise DatabaseError(
                f"database {display_url(url)} is locked (another process kept it busy for more "
                f"than {config.SQLITE_BUSY_TIMEOUT_MS / 1000:g} s); try again when it has finished"
            ) from exc
        raise DatabaseError(
            f"cannot open database {display_url(url)} ({text}); check --db"
        ) from exc
    except sqlalchemy.exc.DatabaseError as exc:
        if re.search(r"malformed|corrupt", str(exc.orig)):
            raise _damaged(url, str(exc.orig)) from exc
        if not re.search(r"not a database", str(exc.orig)):
            raise  # integrity and programming errors are bugs: keep the traceback
        raise DatabaseError(
            f"{display_url(url)} is not a verify database (not SQLite at all: {exc.orig}); point "
            "--db at a verify database, or at a new file name to create one"
        ) from exc


def _damaged(url: str, why: str) -> DatabaseError:
    return DatabaseError(
        f"database {display_url(url)} is damaged ({why}); restore it from a backup, or save "
        f"what is left with `sqlite3 {display_url(url)} .recover`"
    )


def check_integrity(engine: Engine) -> None:
    """SQLite's quick_check (reads every page once): a damaged file is a DatabaseError."""
    if engine.dialect.name != "sqlite":
        return
    with translate_errors(str(engine.url)), engine.connect() as connection:
        rows = connection.exec_driver_sql("PRAGMA quick_check(3)").scalars().all()
    problems = [re.sub(r"\*\*\* in database \w+ \*\*\*", "", str(row)) for row in rows]
    if problems != ["ok"]:
        raise _damaged(str(engine.url), " ".join("; ".join(problems).split()))


def display_url(url: str) -> str:
    """The URL without its password, or the file path for SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or ":memory:"
    return parsed.render_as_string(hide_password=True)


def open_engine(url: str, *, write: bool = True) -> Engine:
    """An engine whose schema is current (migrated if needed; created only by writers, on an
    empty database). Dispose of it when done."""
    if not write:
        _check_exists(url)
    engine = make_engine(url, write=write)
    try:
        if write:
            migrate(engine)
        elif current_revision_on(engine) != SCHEMA_HEAD:
            writer = make_engine(url)  # upgrades take the write lock, also for readers
            try:
                migrate(writer, create=False)
            finally:
                writer.dispose()
    except BaseException:
        engine.dispose()
        raise
    return engine


def reader_for(engine: Engine) -> Engine:
    """An engine for reading beside a writer's: on SQLite its transactions start deferred, so
    long reads never hold the write lock (WAL keeps them consistent). PostgreSQL needs none."""
    if engine.dialect.name != "sqlite":
        return engine
    return make_engine(engine.url.render_as_string(hide_password=False), write=False)


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A short read beside a writer's engine (see reader_for): never takes the write lock."""
    reader = reader_for(engine)
    try:
        with session_on(reader) as session:
            yield session
    finally:
        if reader is not engine:
            reader.dispose()


def lock(session: Session, key: int) -> None:
    """Hold a PostgreSQL advisory lock until the transaction ends (SQLite writers are one at a
    time already: BEGIN IMMEDIATE)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection().exec_driver_sql(f"SELECT pg_advisory_xact_lock({int(key)})")


@contextmanager
def session_on(engine: Engine) -> Iterator[Session]:
    """One unit of work on an open engine: commit if the block succeeds, roll back if it raises."""
    with (
        translate_errors(str(engine.url)),
        Session(engine, expire_on_commit=False) as session,
        session.begin(),
    ):
        yield session


@contextmanager
def transaction(url: str, *, write: bool = True) -> Iterator[Session]:
    """One unit of work: migrate if needed, commit if the block succeeds, roll back if it raises."""
    engine = open_engine(url, write=write)
    try:
        with session_on(engine) as session:
            yield session
    finally:
        engine.dispose()
