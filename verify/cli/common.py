"""Shared CLI pieces: options, error handling, output helpers. Imports nothing heavy."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from verify import config
from verify.errors import VerifyError

if TYPE_CHECKING:
    from verify.workflow import Workflow

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


@contextmanager
def exit_on_error() -> Iterator[None]:
    """Print our own errors as one line on stderr and exit 1; bugs keep their traceback."""
    try:
        yield
    except VerifyError as exc:
        typer.echo(f"Error: {exc}", err=True)
        raise typer.Exit(1) from exc


def load_workflow(path: Path | None) -> "Workflow":
    """The workflow selected by --workflow / VERIFY_WORKFLOW, validated."""
    from verify import workflow

    return workflow.load(config.workflow_path(path))


def actor(by: str | None) -> str:
    """The person to record: --by / VERIFY_USER, else the login name."""
    return by.strip() if by and by.strip() else config.current_user()


def shorten(text: str | None, width: int) -> str:
    """One line of at most width characters."""
    flat = " ".join((text or "").split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"
