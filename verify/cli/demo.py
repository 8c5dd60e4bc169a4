"""`verify demo`: the pipeline on the bundled seeds, in a throwaway database, offline."""

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from verify import config
from verify.cli import claims, ingest, reports, review
from verify.cli.common import exit_on_error
from verify.errors import InputError

DEMO_USER = "demo-desk"


def _step(command: str) -> None:
    typer.secho(f"\n$ {command}", bold=True)


def _find_claim(db: str, *, unit: str | None = None, words: str | None = None) -> int:
    """The highest-priority claim with a figure in unit, or whose text contains words."""
    from verify import db as database
    from verify import queue

    with database.transaction(config.database_url(db), write=False) as session:
        for claim in queue.list_claims(session):
            if unit and any(q["unit"] == unit and q["value"] == 12000 for q in claim.quantities):
                return claim.id or 0
            if words and words in claim.text.lower():
                return claim.id or 0
    raise InputError(f"the demo seeds gave no claim about {unit or words!r}; check seeds/articles")


def demo(
    seeds: Annotated[
        Path, typer.Option(help="Seed folder holding articles/.", file_okay=False)
    ] = config.SEEDS_DIR,
    keep: Annotated[bool, typer.Option(help="Keep the demo database and print its path.")] = False,
) -> None:
    """Run verify on the bundled seed articles in a fresh temporary database and print the report.

    Ingests seeds/articles, lists the pending claims, attaches an evidence link, sets a status
    with a reason, and prints the markdown report. Touches no network and no existing database.
    """
    folder = Path(tempfile.mkdtemp(prefix="verify-demo-"))
    db = str(folder / "verify.db")
    try:
        with exit_on_error():
            articles = seeds / "articles"
            if not articles.is_dir():
                raise InputError(f"no seed articles in {articles}; pass --seeds")
            _step("verify ingest seeds/articles")
            ingest.ingest([str(articles)], None, False, db, None, DEMO_USER, False)
            _step("verify claims list --limit 10")
            claims.list_(None, False, None, None, 10, db, None, False)
            troops = _find_claim(db, unit="troops")
            url = "https://pacific-observer.example/2024/10/25/pentagon-briefing"
            _step(f"verify evidence attach {troops} {url} --stance supports")
            note = "Separate briefing gives the same 12,000 figure."
            review.attach(troops, url, "supports", note, db, None, DEMO_USER)
            fake = _find_claim(db, words="fake news")
            reason = "The Kremlin's denial is itself contradicted by the spy agency's briefing."
            _step(f'verify status set {fake} disputed --reason "{reason}"')
            review.set_(fake, "disputed", reason, db, None, DEMO_USER)
            _step("verify report --format markdown")
            reports.report(None, None, "markdown", None, db, None)
    finally:
        if keep:
            typer.echo(f"\nDemo database kept at {db}", err=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)
