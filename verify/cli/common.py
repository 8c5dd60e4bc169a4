"""Shared CLI pieces: options, error handling, output helpers. Imports nothing heavy."""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from verify import config
from verify.errors import VerifyError

if TYPE_CHECKING:
    from verify.fetch import FetchSettings
    from verify.workflow import Workflow

MAX_ID = 2**63 - 1  # the largest integer a database column stores (SQLite INTEGER, bigint)


def _whole_number(value: str | int, what: str) -> int:
    """A whole number from 1 to MAX_ID written in ASCII digits; a usage error otherwise."""
    text = str(value).strip()
    if not (text.isascii() and text.isdigit() and len(text) <= 19 and 1 <= int(text) <= MAX_ID):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise typer.BadParameter(f"{shown!r} is not {what} (a whole number from 1 to {MAX_ID})")
    return int(text)


def parse_id(value: str | int) -> int:
    """A claim or article id as typed: no database holds ids past MAX_ID."""
    return _whole_number(value, "an id")


def parse_count(value: str | int) -> int:
    """A --limit as typed."""
    return _whole_number(value, "a count")


AGE = re.compile(r"([0-9]{1,6}) ?(m|min|h|d|w)")
AGE_UNITS = {"m": "minutes", "min": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_since(value: str | datetime) -> datetime:
    """--since as typed: an ISO 8601 date or time (UTC unless it names a zone), or an age
    (30m, 12h, 7d, 2w) back from now."""
    if isinstance(value, datetime):
        return value
    text = value.strip()
    age = AGE.fullmatch(text.lower())
    if age:
        return datetime.now(UTC) - timedelta(**{AGE_UNITS[age[2]]: int(age[1])})
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(
            f"{text[:40]!r} is neither a date or time (2026-11-27, 2026-11-27T09:30) nor an "
            "age (30m, 12h, 7d, 2w)"
        ) from None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


ClaimIdArgument = Annotated[
    int, typer.Argument(metavar="ID", help="Claim id.", parser=parse_id, show_default=False)
]
ClaimIdsArgument = Annotated[
    list[int], typer.Argument(metavar="ID...", help="Claim ids.", parser=parse_id)
]
DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=config.DATABASE_ENV,
        help="SQLite file or database URL (postgresql+psycopg://...). Default: ./verify.db.",
        show_default=False,
    ),
]
WorkflowOption = Annotated[
    Path | None,
    typer.Option(
        "--workflow",
        envvar=config.WORKFLOW_ENV,
        help="Workflow TOML file. Default: workflows/default.toml.",
        show_default=False,
        dir_okay=False,
    ),
]
ByOption = Annotated[
    str | None,
    typer.Option(
        "--by",
        envvar=config.USER_ENV,
        help="Who is acting, recorded in the audit trail. Default: your login name.",
        show_default=False,
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        envvar="VERIFY_ALLOW_PRIVATE",
        help="Fetch from loopback and private networks (refused by default: SSRF guard).",
    ),
]
ResolveOption = Annotated[
    list[str] | None,
    typer.Option(
        "--resolve",
        metavar="HOST:ADDR[:PORT]",
        help="Connect to ADDR for HOST, like curl --resolve (repeatable; trusted as given).",
    ),
]
ConcurrencyOption = Annotated[
    int, typer.Option("--concurrency", min=1, max=256, help="Pages fetched at once.")
]
PerHostOption = Annotated[
    int, typer.Option("--per-host", min=1, max=64, help="Pages fetched at once from one host.")
]
TimeoutOption = Annotated[
    float, typer.Option("--timeout", min=0.1, help="Seconds allowed for one page, all included.")
]
MaxWaitOption = Annotated[
    float,
    typer.Option(
        "--max-wait",
        min=1,
        metavar="SECONDS",
        help="Longest a failing page is put off (backoff, or a server's Retry-After).",
    ),
]
RobotsOption = Annotated[
    bool, typer.Option("--robots/--ignore-robots", help="Respect robots.txt (the default).")
]
ArchiveOption = Annotated[
    Path | None,
    typer.Option(
        "--archive",
        envvar=config.ARCHIVE_ENV,
        file_okay=False,
        help="Folder for fetched bodies. Default: archive/ beside the SQLite database.",
        show_default=False,
    ),
]


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Print our own errors as one line on stderr and exit 1; bugs keep their traceback."""
    try:
        yield
    except VerifyError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from exc


def echo_json(data: Any, *, lines: bool = False) -> None:
    """JSON for machines on stdout: indented, or one object per line (lines=True) for output
    that grows, like `run --watch`."""
    import json

    typer.echo(json.dumps(data, ensure_ascii=False, indent=None if lines else 2))


def load_workflow(path: Path | None) -> "Workflow":
    """The workflow selected by --workflow / VERIFY_WORKFLOW, validated."""
    from verify import workflow

    return workflow.load(config.workflow_path(path))


def actor(by: str | None) -> str:
    """The person to record: --by / VERIFY_USER, else the login name."""
    return by.strip() if by and by.strip() else config.current_user()


def shorten(text: str | None, width: int) -> str:
    """One line of at most width characters; control characters (terminal escapes, bidi
    overrides) shown escaped, never sent to the terminal."""
    flat = " ".join((text or "").split())
    if not flat.isprintable():
        flat = "".join(c if c.isprintable() else repr(c)[1:-1] for c in flat)
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def fetch_settings(
    *,
    allow_private: bool,
    resolve: list[str] | None,
    concurrency: int = 8,
    per_host: int = 2,
    timeout: float = 30.0,
    robots: bool = True,
    max_wait: float = 86_400.0,
) -> "FetchSettings":
    """Fetch settings from the command-line options."""
    from verify import fetch

    return fetch.FetchSettings(
        allow_private=allow_private,
        resolve=fetch.parse_resolve(resolve or []),
        concurrency=concurrency,
        per_host=per_host,
        total_timeout=timeout,
        respect_robots=robots,
        max_wait=max_wait,
    )
