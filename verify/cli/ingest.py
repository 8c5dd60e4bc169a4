"""`verify init` and `verify ingest`: the database, and articles into claims."""

import contextlib
import dataclasses
import json
import sys
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from verify import config
from verify.cli.common import (
    AllowPrivateOption,
    ByOption,
    DbOption,
    JsonOption,
    ResolveOption,
    WorkflowOption,
    actor,
    exit_on_error,
    fetch_settings,
    shorten,
)
from verify.cli.common import load_workflow as load_flow
from verify.errors import InputError, VerifyError

if TYPE_CHECKING:
    from verify.articles import ArticleInput
    from verify.fetch import FetchSettings


def init(db: DbOption = None) -> None:
    """Create the database, or upgrade an existing one to the newest schema."""
    with exit_on_error():
        from verify import database

        url = config.database_url(db)
        engine = database.make_engine(url)
        try:
            database.check_integrity(engine)
            ran = database.migrate(engine)
        finally:
            engine.dispose()
        revision = database.current_revision(url)
    state = "migrated" if ran else "already up to date"
    typer.echo(f"Database {database.display_url(url)} {state} (schema revision {revision}).")


def ingest(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Article files, folders (read recursively), http(s) URLs, or - for stdin.",
            metavar="PATH|URL|-...",
        ),
    ],
    outlet: Annotated[
        str | None, typer.Option(help="Outlet name for these articles (overrides front matter).")
    ] = None,
    skip_errors: Annotated[
        bool,
        typer.Option(
            "--skip-errors", help="Skip unreadable files with a warning instead of stopping."
        ),
    ] = False,
    allow_private: AllowPrivateOption = False,
    resolve: ResolveOption = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    by: ByOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            min=0,
            help="Processes that read claims while articles are stored (default: one per core "
            "for a batch of 200 articles or more; 0 or 1: read in this process).",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Read articles and queue their checkable claims. Re-ingesting an article adds nothing.

    Plain text (first line is the title), Markdown with or without front matter (title, outlet,
    url, published) and saved HTML pages are told apart by their content. On a terminal a
    progress bar counts the articles stored.
    """
    with exit_on_error():
        flow = load_flow(workflow)
        settings = fetch_settings(allow_private=allow_private, resolve=resolve)
        articles = _read_all(inputs, skip_errors=skip_errors, settings=settings)
        if outlet:
            articles = [dataclasses.replace(a, outlet=outlet) for a in articles]
        from verify import database
        from verify.pipeline import ingestion

        with (
            database.transaction(config.database_url(db)) as session,
            _progress(len(articles)) as progress,
        ):
            result = ingestion.ingest(
                session, flow, articles, actor=actor(by), progress=progress, workers=workers
            )
            ids = result.articles
    if as_json:
        payload = {
            "articles": ids,
            "skipped": result.skipped,
            "new_claims": result.new_claims,
            "merged_mentions": result.merged_mentions,
            "not_claims": result.not_claims,  # sentences left out of the queue, and why
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    typer.echo(
        f"Ingested {len(ids)} article(s): {result.new_claims} new claim(s), "
        f"{result.merged_mentions} repeat(s) merged into existing claims."
    )
    if result.skipped:
        typer.echo(f"Skipped {len(result.skipped)} already ingested: {', '.join(result.skipped)}")


PROGRESS_FROM = 20  # articles: a shorter ingest is over before a bar would help


@contextlib.contextmanager
def _progress(total: int) -> Iterator[Callable[["ArticleInput"], None] | None]:
    """A progress bar on a terminal for a long ingest; nothing otherwise."""
    if total < PROGRESS_FROM or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Ingesting", total=total)
        yield lambda item: bar.update(
            task, advance=1, description=shorten(item.source_path or item.title, 40)
        )


def _read_all(
    inputs: list[str], *, skip_errors: bool, settings: "FetchSettings"
) -> list["ArticleInput"]:
    """Every input read and parsed before the database is touched, so bad input changes nothing.

    Each input is read with a size limit. A bad one stops the command, or with skip_errors is
    skipped with a warning; a folder that cannot be read is always a warning.
    """
    from verify import articles

    found: list[ArticleInput] = []

    def read(reader: Callable[[], "ArticleInput"]) -> None:
        try:
            found.append(reader())
        except VerifyError as exc:
            if not skip_errors:
                raise
            typer.echo(f"Warning: skipped: {exc}", err=True)

    paths: list[Path] = []
    for value in inputs:
        if value == "-":
            read(partial(articles.read_stream, sys.stdin.buffer, name="<stdin>"))
        elif "://" in value:
            read(partial(_from_url, value, settings))
        else:
            paths.append(Path(value))
    for path in articles.files_in(paths, on_error=_warn):
        read(partial(articles.read_file, path))
    if not found:
        raise InputError("no articles found in the given paths; pass .md, .txt or .html files")
    return found


def _warn(error: VerifyError) -> None:
    typer.echo(f"Warning: {error}", err=True)


def _from_url(url: str, settings: "FetchSettings") -> "ArticleInput":
    """Fetch an article page (same guard and limits as `verify fetch`) and read it."""
    from verify import articles, fetch, origins

    origins.check_url(url)
    page = fetch.fetch_one(url, settings)
    if page.error:
        raise InputError(f"cannot ingest {url} ({page.error}); check the URL or try again later")
    return articles.parse(page.body, name=url, url=page.final_url)
