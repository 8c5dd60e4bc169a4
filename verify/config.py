"""Defaults and how user settings resolve. Reads the environment only through `resolve_*`."""

import getpass
import os
from pathlib import Path

DEFAULT_DATABASE = "verify.db"
DATABASE_ENV = "VERIFY_DATABASE_URL"
WORKFLOW_ENV = "VERIFY_WORKFLOW"
USER_ENV = "VERIFY_USER"
ARCHIVE_ENV = "VERIFY_ARCHIVE"
SQLITE_BUSY_TIMEOUT_MS = 30_000  # a writer waits this long for another to finish
POSTGRES_LOCK_TIMEOUT_S = 30.0  # the same on PostgreSQL: a lock held elsewhere
POSTGRES_STATEMENT_TIMEOUT_S = 600.0  # no single statement runs longer

PACKAGE_DIR = Path(__file__).resolve().parent
# An installed wheel carries the workflows inside the package; a source checkout has them beside it.
WORKFLOW_DIRS = (PACKAGE_DIR / "_workflows", PACKAGE_DIR.parent / "workflows")
SEEDS_DIR = PACKAGE_DIR.parent / "seeds"


def database_url(db: str | None) -> str:
    """SQLAlchemy URL for a --db value: a URL is kept, anything else is a SQLite file path."""
    value = db or os.environ.get(DATABASE_ENV) or DEFAULT_DATABASE
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def default_workflow() -> Path:
    """The shipped default workflow file."""
    for folder in WORKFLOW_DIRS:
        if (folder / "default.toml").is_file():
            return folder / "default.toml"
    return WORKFLOW_DIRS[-1] / "default.toml"


def workflow_path(value: Path | None) -> Path:
    """The workflow file chosen by --workflow / VERIFY_WORKFLOW, else the default."""
    if value is not None:
        return value
    env = os.environ.get(WORKFLOW_ENV)
    return Path(env) if env else default_workflow()


def current_user() -> str:
    """Who is acting: VERIFY_USER, else the login name."""
    env = os.environ.get(USER_ENV, "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def archive_dir(db_url: str, value: Path | None = None) -> Path:
    """Where fetched bodies are archived: --archive / VERIFY_ARCHIVE, else beside a SQLite
    database, else ./archive."""
    if value is not None:
        return value
    env = os.environ.get(ARCHIVE_ENV)
    if env:
        return Path(env)
    if db_url.startswith("sqlite:///") and len(db_url) > len("sqlite:///"):
        return Path(db_url.removeprefix("sqlite:///")).parent / "archive"
    return Path("archive").resolve()
