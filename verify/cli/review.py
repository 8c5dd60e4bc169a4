"""`verify evidence attach` and `verify status set`: a person's work on a claim."""

from typing import Annotated

import typer

from verify import config
from verify.cli.common import (
    AllowPrivateOption,
    ArchiveOption,
    ByOption,
    ClaimIdArgument,
    DbOption,
    JsonOption,
    ResolveOption,
    RobotsOption,
    TimeoutOption,
    WorkflowOption,
    actor,
    echo_json,
    exit_on_error,
    fetch_settings,
    load_workflow,
)

IfVersionOption = Annotated[
    int | None,
    typer.Option(
        "--if-version",
        min=1,
        help="Only if the claim is still at this version (see `claims show --json`); "
        "otherwise fail instead of overwriting someone else's change.",
    ),
]

evidence_app = typer.Typer(help="Attach evidence links to claims.", no_args_is_help=True)
status_app = typer.Typer(help="Set a claim's status by hand, with a reason.", no_args_is_help=True)


@evidence_app.command()
def attach(
    claim_id: ClaimIdArgument,
    url: Annotated[str, typer.Argument(help="Link to the evidence (http or https).")],
    stance: Annotated[
        str,
        typer.Option(help="What the source does to the claim: supports, contradicts or mentions."),
    ] = "mentions",
    note: Annotated[str | None, typer.Option(help="Why this source matters.")] = None,
    capture: Annotated[
        bool,
        typer.Option(
            "--capture/--no-capture",
            help="Fetch and archive the link now (the default); --no-capture for offline use: "
            "`verify fetch` captures it later.",
        ),
    ] = True,
    allow_private: AllowPrivateOption = False,
    resolve: ResolveOption = None,
    timeout: TimeoutOption = 30.0,
    robots: RobotsOption = True,
    archive: ArchiveOption = None,
    if_version: IfVersionOption = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    by: ByOption = None,
    as_json: JsonOption = False,
) -> None:
    """Attach a link as evidence; the workflow's rules then re-evaluate the claim.

    The link is fetched through the same guarded client as `verify fetch` (no private networks
    unless --allow-private, size and time limits) and archived: WARC records and the body by
    its sha256, so the report can show what the page said when it was attached. A link that
    cannot be fetched is still attached, with the error recorded; `verify fetch` tries again.
    """
    with exit_on_error():
        flow = load_workflow(workflow)
        from verify import claims, database
        from verify.pipeline import archiving

        url_db = config.database_url(db)
        settings = fetch_settings(
            allow_private=allow_private, resolve=resolve, timeout=timeout, robots=robots
        )
        engine = database.open_engine(url_db)
        try:
            done = archiving.attach(
                engine, flow, claim_id, url, stance=stance, note=note, by=actor(by),
                expected_version=if_version, capture=settings if capture else None,
                archive_dir=config.archive_dir(url_db, archive),
            )  # fmt: skip
            with database.session_on(engine) as session:
                version = claims.get_claim(session, claim_id).version  # as the attach left it
        finally:
            engine.dispose()
    row, change = done.evidence, done.change
    if as_json:
        echo_json({
            "claim_id": claim_id, "evidence_id": row.id, "created": done.created,
            "url": row.url, "stance": row.stance, "note": row.note, "version": version,
            "capture_id": row.capture_id, "capture_error": row.capture_error,
            "change": None if change is None else {
                "from": change.from_status, "to": change.to_status, "reason": change.reason,
            },
        })  # fmt: skip
        return
    if not done.created:
        typer.echo(f"Claim {claim_id} already has {row.url} as evidence #{row.id}; unchanged.")
        return
    typer.echo(f"Attached evidence #{row.id} to claim {claim_id} ({row.stance}).")
    if row.capture_id is not None:
        typer.echo(f"Captured {url} (capture #{row.capture_id}).")
    elif row.capture_error:
        typer.echo(
            f"Could not capture {url} ({row.capture_error}); `verify fetch` tries again.",
            err=True,
        )
    if change:
        typer.echo(
            f"Rules moved claim {claim_id}: {change.from_status} → {change.to_status} "
            f"({change.reason})."
        )


@status_app.command("set")
def set_(
    claim_id: ClaimIdArgument,
    status: Annotated[str, typer.Argument(help="New status, one of the workflow's statuses.")],
    reason: Annotated[
        str | None, typer.Option("--reason", "-r", help="Why (required; kept in the history).")
    ] = None,
    if_version: IfVersionOption = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    by: ByOption = None,
    as_json: JsonOption = False,
) -> None:
    """Set a claim's status by hand, with a reason; the status is then pinned.

    The move must be allowed by the workflow's [transitions]. A pinned claim keeps the person's
    verdict: rules no longer move it, and reports show what the rules would say.
    """
    with exit_on_error():
        from verify.errors import InputError

        if not reason or not reason.strip():
            raise InputError('a status change needs a reason; add --reason "..."')
        flow = load_workflow(workflow)
        from verify import claims, database
        from verify.pipeline import decisions

        with database.transaction(config.database_url(db)) as session:
            change = decisions.set_status(
                session, flow, claim_id, status, reason=reason, actor=actor(by),
                expected_version=if_version,
            )  # fmt: skip
            version = claims.get_claim(session, claim_id).version
    if as_json:
        echo_json({
            "claim_id": claim_id, "from": change.from_status, "to": change.to_status,
            "actor": change.actor, "reason": change.reason, "pinned": True, "version": version,
        })  # fmt: skip
        return
    typer.echo(
        f"Claim {claim_id}: {change.from_status} → {change.to_status} by {change.actor} "
        f"({change.reason})."
    )
