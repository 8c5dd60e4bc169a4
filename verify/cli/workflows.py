"""`verify workflow show|check`: read and validate workflow files."""

from pathlib import Path
from typing import Annotated

import typer

from verify.cli.common import WorkflowOption, exit_on_error, load_workflow
from verify.workflow import ROLES

app = typer.Typer(help="Show or validate workflow files.", no_args_is_help=True)


@app.command()
def show(
    file: Annotated[
        Path | None, typer.Argument(help="Workflow file (default: the one in use).", dir_okay=False)
    ] = None,
    workflow: WorkflowOption = None,
) -> None:
    """Show a workflow: statuses, rules in order, allowed moves, matching and fact-check
    settings, roles and ClaimReview ratings."""
    with exit_on_error():
        flow = load_workflow(file or workflow)
    typer.echo(f"Workflow {flow.name} ({flow.path})")
    if flow.description:
        typer.echo(flow.description)
    typer.echo("\nStatuses:")
    for name, text in flow.statuses.items():
        marks = [
            m
            for m, on in (("initial", name == flow.initial), ("pending", name in flow.pending))
            if on
        ]
        typer.echo(f"  {name:<14} {text}" + (f"  [{', '.join(marks)}]" if marks else ""))
    typer.echo("\nRules (first that holds wins):")
    for number, rule in enumerate(flow.rules, start=1):
        conditions = " and ".join(b.describe() for b in rule.when)
        typer.echo(f"  {number}. {rule.status:<14} when {conditions}")
    typer.echo(f"  otherwise      {flow.initial}")
    typer.echo("\nManual moves:")
    for source, targets in flow.transitions.items():
        typer.echo(f"  {source:<14} → {', '.join(targets) or 'none'}")
    tolerance = f"{flow.quantity_tolerance:.0%}"
    typer.echo(f"\nMatching: {flow.scorer} ≥ {flow.min_score:g}, figures within {tolerance}")
    typer.echo(
        f"  index: {flow.candidates} candidate passages a claim, from its {flow.query_terms} "
        f"rarest words covering at most {flow.query_postings:,} index entries"
    )
    typer.echo(
        f"  stance: evidence kept from confidence {flow.suggest:g}, counted by the rules from "
        f"{flow.confirm:g}"
    )
    policy = flow.factchecks
    verdicts = ", ".join(f"{v} → {s}" for v, s in policy.verdicts.items()) or "none"
    typer.echo(
        f"Fact-checks: attached from similarity {policy.suggest:g}, verdict sets the status "
        f"from {policy.confirm:g} ({verdicts})"
    )
    if policy.wording:
        typer.echo(f"  extra rating wording: {len(policy.wording)} phrase(s)")
    raised = {s: r for s, r in flow.roles.items() if r != ROLES[0]}
    if raised:
        typer.echo(
            "Roles: "
            + ", ".join(f"{s} needs {r}" for s, r in raised.items())
            + f"; anything else {ROLES[0]}"
        )
    if flow.ratings:
        ratings = ", ".join(f"{s} = {r.value} {r.name!r}" for s, r in flow.ratings.items())
        typer.echo(f"ClaimReview ({flow.worst_rating}–{flow.best_rating}): {ratings}")
    if flow.screenshots:
        typer.echo("Capture: `fetch` takes a screenshot of every new capture")


@app.command()
def check(
    file: Annotated[Path, typer.Argument(help="Workflow file to validate.", dir_okay=False)],
) -> None:
    """Validate a workflow file; errors name the file, line and valid choices."""
    with exit_on_error():
        flow = load_workflow(file)
    counts = f"{len(flow.statuses)} statuses, {len(flow.rules)} rules"
    typer.echo(f"{file}: OK: workflow {flow.name!r}, {counts}.")
