"""`verify factchecks import|search`: published fact-checks to match claims against."""

import json
from pathlib import Path
from typing import Annotated

import typer

from verify import config
from verify.cli.common import DbOption, JsonOption, WorkflowOption, exit_on_error, load_workflow
from verify.cli.common import shorten as short
from verify.errors import InputError

app = typer.Typer(help="Import published fact-checks and search them.", no_args_is_help=True)


def _col(field: str) -> object:
    return typer.Option(f"--{field}-col", help=f"CSV/TSV column holding the {field}.")


@app.command("import")
def import_(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="ClaimReview files.")],
    text_col: Annotated[str, _col("text")] = "text",
    rating_col: Annotated[str, _col("rating")] = "rating",
    url_col: Annotated[str, _col("url")] = "url",
    publisher_col: Annotated[str, _col("publisher")] = "publisher",
    date_col: Annotated[str, _col("date")] = "date",
    claimant_col: Annotated[str, _col("claimant")] = "claimant",
    db: DbOption = None,
    workflow: WorkflowOption = None,
) -> None:
    """Import fact-checks: ClaimReview JSON-LD (object, list, @graph, or embedded in HTML
    pages), Google Fact Check Tools JSON, or CSV/TSV (--text-col, --rating-col, --url-col ...).

    Re-importing updates, never duplicates. Malformed records are reported with file and
    record number and skipped; the rest import.
    """
    columns = {"text": text_col, "rating": rating_col, "url": url_col,
               "publisher": publisher_col, "date": date_col, "claimant": claimant_col}  # fmt: skip
    with exit_on_error():
        from verify import claimreview, database, factchecks

        flow = load_workflow(workflow)
        records, problems = [], []
        for path in files:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                raise InputError(f"cannot read {path} ({exc.strerror}); check the path") from exc
            found, bad = claimreview.parse(raw, str(path), columns)
            records += found
            problems += bad
        with database.transaction(config.database_url(db)) as session:
            done = factchecks.store(session, records, source=", ".join(map(str, files)),
                                    wording=flow.factchecks.wording)  # fmt: skip
    for problem in problems:
        typer.echo(f"Skipped: {problem}", err=True)
    typer.echo(f"Imported {len(records)} fact-check(s): {done.created} new, {done.updated} "
               f"updated, {done.unchanged} unchanged; {len(problems)} skipped.")  # fmt: skip


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="A claim, in any wording.")],
    limit: Annotated[int, typer.Option(min=1, max=100, help="How many to show.")] = 5,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    as_json: JsonOption = False,
) -> None:
    """Find published fact-checks of a claim, best match first."""
    with exit_on_error():
        from verify import database, factchecks

        flow = load_workflow(workflow)
        with database.transaction(config.database_url(db), write=False) as session:
            (hits,) = factchecks.Index(session).search([text], scorer=flow.scorer, limit=limit)
    rows = [
        {"score": h.score, "claim": h.factcheck.claim_reviewed, "rating": h.factcheck.rating_text,
         "verdict": h.factcheck.verdict, "publisher": h.factcheck.publisher,
         "url": h.factcheck.review_url}
        for h in hits
    ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("No fact-checks stored yet: `verify factchecks import FILE...`.")
    for r in rows:
        rating = f"{r['rating'] or '?'} ({r['verdict'] or 'unrated'})"
        claim = short(str(r["claim"]), 70)
        typer.echo(f"{r['score']:5.1f}  {rating:<28} {r['publisher'] or '':<20} {claim}")
        typer.echo(f"       {r['url']}")
