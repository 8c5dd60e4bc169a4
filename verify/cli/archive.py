"""`verify archive check|export` and `verify capture`: the evidence archive and screenshots."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from verify import config
from verify.cli.common import (
    AllowPrivateOption,
    ArchiveOption,
    DbOption,
    ResolveOption,
    RobotsOption,
    TimeoutOption,
    exit_on_error,
    fetch_settings,
    shorten,
)
from verify.errors import InputError

if TYPE_CHECKING:
    from verify.pipeline.capturing import Taken

app = typer.Typer(help="Check the evidence archive, or export it as WARC / WACZ.",
                  no_args_is_help=True)  # fmt: skip


@app.command()
def check(archive: ArchiveOption = None, db: DbOption = None) -> None:
    """Re-hash every stored body and screenshot, read every WARC record (block and payload
    digests) and check each capture's files; list what is missing or changed (exit 1 if
    anything is)."""
    with exit_on_error():
        from verify import database
        from verify.pipeline import integrity

        url = config.database_url(db)
        engine = database.open_engine(url, write=False)
        try:
            checked = integrity.check(engine, config.archive_dir(url, archive))
        finally:
            engine.dispose()
    for problem in checked.problems:
        typer.echo(f"  {problem}", err=True)
    summary = (
        f"{checked.blobs} stored file(s) re-hashed, {checked.records} WARC record(s) in "
        f"{checked.warc_files} file(s) read, {checked.captures} capture(s) checked"
    )
    if checked.problems:
        typer.echo(f"Error: {len(checked.problems)} problem(s) in the archive ({summary}); "
                   "restore the files listed from a backup", err=True)  # fmt: skip
        raise typer.Exit(1)
    typer.echo(f"Archive intact: {summary}.")


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.", dir_okay=False)],
    fmt: Annotated[str, typer.Option("--format", "-f", help="warc or wacz.")] = "warc",
    claim_ids: Annotated[
        list[int] | None,
        typer.Option(
            "--claim",
            help="Only the captures behind this claim's evidence "
            "(repeatable). Default: every capture.",
        ),
    ] = None,  # fmt: skip
    archive: ArchiveOption = None,
    db: DbOption = None,
) -> None:
    """Write the captures behind the chosen claims' evidence (default: all) as one WARC file,
    or as a WACZ that ReplayWeb.page opens (checked with the wacz package's validation);
    screenshots go in as resource records."""
    with exit_on_error():
        from verify import database
        from verify.pipeline import exporting

        url = config.database_url(db)
        engine = database.open_engine(url, write=False)
        try:
            done = exporting.export(
                engine, config.archive_dir(url, archive), output, fmt=fmt,
                claim_ids=claim_ids or [],
            )  # fmt: skip
        finally:
            engine.dispose()
    typer.echo(
        f"Wrote {fmt} of {done.captures} capture(s) and {done.screenshots} screenshot(s) "
        f"to {done.path}."
    )


def capture(
    urls: Annotated[
        list[str] | None, typer.Argument(metavar="[URL...]", help="Pages to capture.")
    ] = None,
    claim_id: Annotated[
        int | None,
        typer.Option("--claim", help="Screenshot the captures behind this claim's evidence."),
    ] = None,
    allow_private: AllowPrivateOption = False,
    resolve: ResolveOption = None,
    timeout: TimeoutOption = 30.0,
    robots: RobotsOption = True,
    archive: ArchiveOption = None,
    db: DbOption = None,
) -> None:
    """Capture pages with a full-page screenshot (headless Chromium).

    URLs are fetched and archived as `fetch` does (WARC records, body by sha256, a capture),
    then shown in Chromium and photographed; with --claim, the captures behind a claim's
    evidence are photographed as they were fetched (links attached by hand without a capture
    are captured first). Every request the page makes (images, frames, redirects) passes the
    same SSRF guard as `fetch`: private addresses are refused unless --allow-private.
    """
    with exit_on_error():
        if bool(urls) == (claim_id is not None):
            raise InputError("give URLs or --claim ID (one of the two); see `verify capture -h`")
        from verify import database
        from verify.pipeline import capturing

        url = config.database_url(db)
        settings = fetch_settings(
            allow_private=allow_private, resolve=resolve, timeout=timeout, robots=robots
        )
        folder = config.archive_dir(url, archive)
        engine = database.open_engine(url)
        try:
            if claim_id is not None:
                taken = capturing.capture_claim(engine, claim_id, settings, folder)
            else:
                taken = capturing.capture_urls(engine, list(urls or []), settings, folder)
        finally:
            engine.dispose()
    _print_taken(taken)


def _print_taken(taken: list["Taken"]) -> None:
    shot = 0
    for t in taken:
        if t.shot is not None and t.shot.png is not None:
            shot += 1
            typer.echo(f"  capture {t.capture_id}: {shorten(t.url, 70)}: {t.shot.width}×"
                       f"{t.shot.height} PNG in {t.shot.seconds:.1f} s")  # fmt: skip
            for request in t.shot.blocked:
                typer.echo(f"    blocked: {shorten(request, 240)}", err=True)
        else:
            typer.echo(f"  failed: {shorten(t.url, 70)}: {t.error}", err=True)
    if not taken:
        typer.echo("Nothing to capture: the claim has no captured evidence yet.")
        return
    typer.echo(f"Took {shot} screenshot(s) of {len(taken)} page(s).")
