"""The `verify` command line: thin commands over the library, one transaction each."""

from typing import Annotated

import typer

from verify import __version__
from verify.cli import (
    archive,
    checks,
    claims,
    demo,
    factchecks,
    ingest,
    reports,
    review,
    sources,
    web,
    workflows,
)

app = typer.Typer(
    name="verify",
    help=(
        "Turn articles into a queue of checkable claims, attach evidence, move claims through "
        "a workflow with an audit trail, and write verification reports.\n\n"
        "Start with `verify ingest ARTICLES`, then `verify claims list`."
    ),
    no_args_is_help=True,
    rich_markup_mode="markdown",
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"verify {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Claim verification for fact-checkers."""


app.command()(ingest.init)
app.command()(ingest.ingest)
app.add_typer(claims.app, name="claims")
app.add_typer(review.evidence_app, name="evidence")
app.add_typer(review.status_app, name="status")
app.command()(claims.history)
app.add_typer(sources.app, name="sources")
app.command()(sources.fetch)
app.command()(checks.check)
app.command()(checks.run)
app.command()(checks.worker)
app.add_typer(factchecks.app, name="factchecks")
app.command()(reports.report)
app.add_typer(workflows.app, name="workflow")
app.add_typer(archive.app, name="archive")
app.command()(archive.capture)
app.command()(demo.demo)
app.command()(web.serve)
app.add_typer(web.users_app, name="users")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="verify")
