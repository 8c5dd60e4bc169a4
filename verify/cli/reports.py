"""`verify report`: markdown, JSON, HTML or CSV reports."""

from pathlib import Path
from typing import Annotated

import typer

from verify import config
from verify.cli.common import DbOption, WorkflowOption, exit_on_error, load_workflow, parse_id
from verify.errors import InputError


def report(
    claim_ids: Annotated[
        list[int] | None,
        typer.Argument(metavar="[ID...]", help="Claims to report (default: all).", parser=parse_id),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", "-s", help="Only claims in this status (repeatable)."),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="markdown, json, html, csv or claimreview.")
    ] = "markdown",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", dir_okay=False
        ),
    ] = None,
    org_name: Annotated[
        str, typer.Option(envvar="VERIFY_ORG_NAME", help="Your organisation (ClaimReview author).")
    ] = "verify",
    org_url: Annotated[
        str | None,
        typer.Option(
            envvar="VERIFY_ORG_URL",
            help="Your site, required by claimreview: review URLs are <url>/claims/<id>.",
        ),
    ] = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
) -> None:
    """Write a verification report (markdown, json, html or csv).

    Status counts first, then per claim: its status and why (last reason and who), attribution,
    figures, evidence links with stance and notes, and the history.
    """
    with exit_on_error():
        from verify import rendering as renderers

        if fmt not in renderers.FORMATS:
            raise InputError(f"unknown format {fmt!r} (valid: {', '.join(renderers.FORMATS)})")
        flow = load_workflow(workflow)
        statuses = [flow.check_status(s) for s in status] if status else None
        from verify import database
        from verify.pipeline import reporting

        with database.transaction(config.database_url(db), write=False) as session:
            data = reporting.report_data(
                session, flow, claim_ids=claim_ids or (), statuses=statuses
            )
        data["organisation"] = {"name": org_name, **({"url": org_url} if org_url else {})}
        text = renderers.render(data, fmt)
        if output is None:
            typer.echo(text, nl=False)
            return
        _refuse_database(output, config.database_url(db))
        _write(output, text)
        # a ClaimReview report holds only the claims with a verdict: count what was written
        written = len(renderers.claim_reviews(data)) if fmt == "claimreview" else data["total"]
    typer.echo(f"Wrote {fmt} report of {written} claim(s) to {output}.", err=True)


SQLITE_MAGIC = b"SQLite format 3\x00"


def _refuse_database(path: Path, db_url: str) -> None:
    """A report never replaces a database: ours (and its WAL files), or any SQLite file."""
    from verify import database

    ours = database.sqlite_path(db_url)
    target = path.expanduser().resolve()
    if ours is not None:
        base = Path(ours).resolve()
        if target in {base, *(base.with_name(base.name + s) for s in ("-wal", "-shm", "-journal"))}:
            raise InputError(
                f"refusing to write the report over {path} (it is the database); "
                "choose another file with -o"
            )
    try:
        with target.open("rb") as existing:
            head = existing.read(len(SQLITE_MAGIC))
    except OSError:
        return  # missing or unreadable: _write says what is wrong, if anything
    if head == SQLITE_MAGIC:
        raise InputError(
            f"refusing to write the report over {path} (it is a SQLite database); "
            "choose another file with -o"
        )


def _write(path: Path, text: str) -> None:
    """Write atomically: a failure leaves any earlier report intact."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write {path} ({exc.strerror}); check the folder") from exc
