"""`verify factchecks import|search`: published fact-checks to match claims against."""

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from verify import config
from verify.cli.common import DbOption, JsonOption, WorkflowOption, exit_on_error, load_workflow
from verify.cli.common import shorten as short
from verify.errors import InputError

if TYPE_CHECKING:
    from verify.claimreview import Problem

# One fact-check file at most: a Fact Check Tools page or a publisher's whole ClaimReview feed
# is far smaller; past it (or a device such as /dev/zero) the import stops before reading on.

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
    as_json: JsonOption = False,
) -> None:
    """Import fact-checks: ClaimReview JSON-LD (object, list, @graph, or embedded in HTML
    pages), Google Fact Check Tools JSON, or CSV/TSV (--text-col, --rating-col, --url-col ...).

    Re-importing updates, never duplicates. Malformed records are reported with file and
    record number and skipped; the rest import. Exits 1 when nothing in a file could be
    imported (after importing the other files).
    """
    columns = {"text": text_col, "rating": rating_col, "url": url_col,
               "publisher": publisher_col, "date": date_col, "claimant": claimant_col}  # fmt: skip
    with exit_on_error():
        from verify import claimreview, database, factchecks

        flow = load_workflow(workflow)
        parsed = [(path, *claimreview.parse(_read(path), str(path), columns)) for path in files]
        created = updated = unchanged = 0
        with database.transaction(config.database_url(db)) as session:
            for path, records, _ in parsed:
                done = factchecks.store(session, records, source=str(path),
                                        wording=flow.factchecks.wording)  # fmt: skip
                created, updated = created + done.created, updated + done.updated
                unchanged += done.unchanged
    problems = [p for _, _, found in parsed for p in found]
    empty = [(path, found) for path, records, found in parsed if not records]
    imported = sum(len(records) for _, records, _ in parsed)
    skipped = sum(p.skipped for p in problems)
    if as_json:
        typer.echo(json.dumps({
            "imported": imported, "created": created, "updated": updated,
            "unchanged": unchanged, "skipped": skipped,
            "files": [{"file": str(path), "imported": len(records),
                       "skipped": sum(p.skipped for p in found)}
                      for path, records, found in parsed],
            "problems": [_problem_json(p) for p in problems],
        }, indent=2, ensure_ascii=False))  # fmt: skip
    else:
        for problem in problems:
            typer.echo(f"{'Skipped' if problem.skipped else 'Note'}: {problem}", err=True)
        typer.echo(f"Imported {imported} fact-check(s): {created} new, {updated} updated, "
                   f"{unchanged} unchanged; {skipped} skipped.")  # fmt: skip
    if empty:
        typer.echo(f"Error: {_nothing_from(empty)}", err=True)
        raise typer.Exit(1)


def _read(path: Path) -> bytes:
    """The file's bytes, at most limits.MAX_FACTCHECK_FILE_BYTES."""
    from verify import limits

    try:
        return limits.read_path(path, limits.MAX_FACTCHECK_FILE_BYTES)
    except OSError as exc:
        raise InputError(f"cannot read {path} ({exc.strerror or exc}); check the path") from exc
    except limits.TooLarge as exc:
        raise InputError(
            f"{path} is larger than {exc.limit // 2**20} MiB (the limit for one fact-check "
            "file); split it into smaller files"
        ) from exc


def _nothing_from(empty: list[tuple[Path, list["Problem"]]]) -> str:
    """Why the files that gave nothing gave nothing, in one line."""
    named = ", ".join(str(path) for path, _ in empty[:3]) + (", ..." if len(empty) > 3 else "")
    found = [p for _, problems in empty for p in problems if p.skipped]
    why = found[0].message if len(found) == 1 else f"{len(found)} problem(s), listed above"
    return (
        f"nothing could be imported from {named} ({why}); give ClaimReview JSON-LD, a page "
        "that embeds it, Fact Check Tools JSON, or CSV/TSV with --text-col and --url-col"
    )


def _problem_json(problem: "Problem") -> dict[str, Any]:
    return {"file": problem.source, "record": problem.record, "message": problem.message,
            "skipped": problem.skipped}  # fmt: skip


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
            index = factchecks.Index(session)
            (hits,) = index.search([text], scorer=flow.scorer, limit=limit)
            stored = index.size
    rows = [
        {"score": h.score, "claim": h.factcheck.claim_reviewed, "rating": h.factcheck.rating_text,
         "verdict": h.factcheck.verdict, "publisher": h.factcheck.publisher,
         "url": h.factcheck.review_url}
        for h in hits
    ]  # fmt: skip
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not stored:
        typer.echo("No fact-checks stored yet: `verify factchecks import FILE...`.")
    elif not rows:
        typer.echo(f"No fact-check matches {short(text, 60)!r} ({stored} stored); "
                   "try fewer or other words.")  # fmt: skip
    for r in rows:
        rating = f"{r['rating'] or '?'} ({r['verdict'] or 'unrated'})"
        claim = short(str(r["claim"]), 70)
        typer.echo(f"{r['score']:5.1f}  {rating:<28} {r['publisher'] or '':<20} {claim}")
        typer.echo(f"       {r['url']}")
