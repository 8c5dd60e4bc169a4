"""`verify claims list|show|assign` and `verify history`: reading and sharing out the queue."""

import json
from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import typer

from verify import config
from verify.cli.common import (
    ByOption,
    ClaimIdArgument,
    ClaimIdsArgument,
    DbOption,
    JsonOption,
    WorkflowOption,
    actor,
    echo_json,
    exit_on_error,
    load_workflow,
    parse_count,
    parse_id,
    parse_since,
    shorten,
)
from verify.errors import InputError

if TYPE_CHECKING:
    from verify.models import Claim

app = typer.Typer(help="List, inspect and assign claims in the queue.", no_args_is_help=True)


def _figures(claim: "Claim") -> str:
    from verify.quantities import Quantity

    return ", ".join(Quantity(**q).describe() for q in claim.quantities)


def claim_summary(claim: "Claim") -> dict[str, Any]:
    """The fields `claims list --json` prints for each claim."""
    return {
        "id": claim.id,
        "status": claim.status,
        "priority": claim.priority,
        "checkworthiness": claim.checkworthiness,
        "text": claim.text,
        "attributed_to": claim.attributed_to,
        "quantities": claim.quantities,
        "assignee": claim.assignee,
        "pinned": claim.pinned,
        "created_at": claim.created_at.isoformat(),
    }


def print_claims(claims: list["Claim"]) -> None:
    """A table of claims for people."""
    from rich.console import Console
    from rich.table import Table

    if not claims:
        typer.echo("No claims match.")
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for name, justify in (("ID", "right"), ("STATUS", "left"), ("PRIO", "right")):
        table.add_column(name, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    table.add_column("CLAIM", ratio=3)
    table.add_column("ATTRIBUTED TO", ratio=1)
    table.add_column("FIGURES", ratio=1)
    table.add_column("ASSIGNEE", no_wrap=True)
    for c in claims:
        table.add_row(
            str(c.id), c.status, f"{c.priority:.2f}", shorten(c.text, 120),
            c.attributed_to or "", _figures(c), c.assignee or "",
        )  # fmt: skip
    Console(width=None if _is_tty() else 140, soft_wrap=False).print(table)


def _is_tty() -> bool:
    import sys

    return sys.stdout.isatty()


@app.command("list")
def list_(
    status: Annotated[
        list[str] | None, typer.Option("--status", "-s", help="Only this status (repeatable).")
    ] = None,
    all_: Annotated[bool, typer.Option("--all", help="Every status, not just pending.")] = False,
    assignee: Annotated[
        str | None, typer.Option(help="Only claims assigned to this person.")
    ] = None,
    mine: Annotated[
        bool, typer.Option("--mine", help="Only claims assigned to you (--by / VERIFY_USER).")
    ] = False,
    outlet: Annotated[
        str | None, typer.Option(help="Only claims that appear in this outlet's articles.")
    ] = None,
    search: Annotated[
        str | None,
        typer.Option(metavar="TEXT", help="Only claims whose text or speaker holds TEXT."),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            metavar="WHEN",
            parser=parse_since,
            help="Only claims created since WHEN: a date or time (UTC unless it says), or an "
            "age such as 12h or 7d.",
        ),
    ] = None,  # fmt: skip
    article: Annotated[
        int | None,
        typer.Option(help="Only claims mentioned in this article id.", parser=parse_id),
    ] = None,
    limit: Annotated[
        int | None, typer.Option(help="At most this many claims.", parser=parse_count)
    ] = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    by: ByOption = None,
    as_json: JsonOption = False,
) -> None:
    """List pending claims, highest priority first, then oldest first.

    Pending means in one of the workflow's `pending` statuses; use --status or --all for others.
    """
    with exit_on_error():
        if mine and assignee is not None:
            raise InputError("--mine and --assignee exclude each other; give one")
        if all_ and status:
            raise InputError("--all and --status exclude each other; give one")
        flow = load_workflow(workflow)
        statuses = None if all_ else [flow.check_status(s) for s in status or flow.pending]
        from verify import claims, database

        with database.transaction(config.database_url(db), write=False) as session:
            found = claims.list_claims(
                session, statuses=statuses, assignee=actor(by) if mine else assignee,
                article_id=article, outlet=outlet, search=search, since=since, limit=limit,
            )  # fmt: skip
    if as_json:
        typer.echo(json.dumps([claim_summary(c) for c in found], indent=2, ensure_ascii=False))
    else:
        print_claims(found)


@app.command()
def show(
    claim_id: ClaimIdArgument,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a claim: figures, where it appears, evidence and history."""
    with exit_on_error():
        flow = load_workflow(workflow)
        from verify import claims, database
        from verify.pipeline import reporting

        with database.transaction(config.database_url(db), write=False) as session:
            data = reporting.claim_report(session, flow, claims.get_claim(session, claim_id))
    if as_json:
        typer.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    from verify import rendering

    body = "\n".join(rendering.claim_markdown(data)).removeprefix("## ")
    typer.echo(body.rstrip())
    typer.echo(f"\nQuote: “{data['quote']}”")


@app.command()
def assign(
    claim_ids: ClaimIdsArgument,
    to: Annotated[
        str | None,
        typer.Option(
            "--to", envvar=config.USER_ENV, help="Assignee. Default: yourself.", show_default=False
        ),
    ] = None,
    unassign: Annotated[bool, typer.Option("--unassign", help="Clear the assignee.")] = False,
    db: DbOption = None,
    by: ByOption = None,
    as_json: JsonOption = False,
) -> None:
    """Assign claims to a person (default: yourself), or clear with --unassign; each change is
    kept in the claim's history."""
    with exit_on_error():
        from verify import claims, database

        who = None if unassign else actor(to)
        with database.transaction(config.database_url(db)) as session:
            assigned = claims.assign(session, claim_ids, to=who, by=actor(by))
            done = [{"claim_id": c.id, "version": c.version} for c in assigned]
    if as_json:
        echo_json({"assignee": who, "by": actor(by), "claims": done})
        return
    ids = ", ".join(str(c["claim_id"]) for c in done)
    typer.echo(
        f"Unassigned claim(s) {ids}." if who is None else f"Assigned claim(s) {ids} to {who}."
    )


def history(
    claim_id: ClaimIdArgument,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a claim's history: every status change, assignment and evidence attached by hand,
    who did it and why."""
    with exit_on_error():
        from verify import claims, database

        with database.transaction(config.database_url(db), write=False) as session:
            changes = claims.history(session, claim_id)
            done = claims.activity(session, claim_id)
    rows = [
        {"kind": "status", "at": c.at.isoformat(), "from": c.from_status, "to": c.to_status,
         "actor": c.actor, "reason": c.reason, "facts": c.facts}
        for c in changes
    ] + [
        {"kind": a.kind, "at": a.at.isoformat(), "actor": a.actor, "detail": a.detail,
         "evidence_id": a.evidence_id}
        for a in done
    ]  # fmt: skip
    rows.sort(key=lambda row: str(row["at"]))
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    from verify import rendering
    from verify.pipeline import reporting

    lines = rendering.timeline(reporting.history_entries(changes), reporting.activity_entries(done))
    for at, what, who, why in lines:
        when = at[:19].replace("T", " ")
        typer.echo(f"{when}  {what}  by {who}" + (f": {why}" if why else ""))
