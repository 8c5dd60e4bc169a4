"""Defaults and how user settings resolve. The environment variables named here are read
once, by the command line (each option's `envvar`); these functions only apply defaults, so a
library caller gets what it passes and never a value from the process environment."""

import getpass
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
    value = db or DEFAULT_DATABASE
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
    return value if value is not None else default_workflow()


def current_user() -> str:
    """Who is acting when neither --by nor VERIFY_USER says: the login name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def archive_dir(db_url: str, value: Path | None = None) -> Path:
    """Where fetched bodies are archived: --archive / VERIFY_ARCHIVE, else beside a SQLite
    database, else ./archive."""
    if value is not None:
        return value
    if db_url.startswith("sqlite:///") and len(db_url) > len("sqlite:///"):
        return Path(db_url.removeprefix("sqlite:///")).parent / "archive"
    return Path("archive").resolve()
