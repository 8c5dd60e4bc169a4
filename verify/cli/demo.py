"""`verify demo`: the whole pipeline on the bundled seeds, offline, in a throwaway database.

A loopback web server serves seeds/sources/<host>/... under each made-up outlet's host name
(reached with --resolve), so the demo fetches, matches and decides exactly as on the web."""

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from verify import config
from verify.cli import checks, claims, factchecks, ingest, reports, review, sources
from verify.cli.common import exit_on_error
from verify.errors import InputError

DEMO_USER = "demo-desk"


def _step(command: str) -> None:
    typer.secho(f"\n$ {command}", bold=True)


def _find_claim(db: str, words: str) -> int:
    """The highest-priority claim whose text contains words."""
    from verify import db as database
    from verify import queue

    with database.transaction(config.database_url(db), write=False) as session:
        for claim in queue.list_claims(session):
            if words in claim.text.lower():
                return claim.id or 0
    raise InputError(f"the demo seeds gave no claim about {words!r}; check seeds/articles")


def demo(
    seeds: Annotated[
        Path, typer.Option(help="Seed folder holding articles/ and sources/.", file_okay=False)
    ] = config.SEEDS_DIR,
    keep: Annotated[bool, typer.Option(help="Keep the demo database and print its path.")] = False,
) -> None:
    """Run the whole pipeline offline on the bundled seeds and print the verification report.

    Ingests seeds/articles, serves seeds/sources from a loopback web server, adds those pages
    and a feed as sources, fetches them, imports seeds/factchecks, checks the claims, attaches
    a link by hand, sets a status with a reason, and prints the report. Touches no network
    and no existing database.
    """
    folder = Path(tempfile.mkdtemp(prefix="verify-demo-"))
    db = str(folder / "verify.db")
    try:
        with exit_on_error():
            _run(seeds, db)
    finally:
        if keep:
            typer.echo(f"\nDemo database kept at {db}", err=True)
        else:
            shutil.rmtree(folder, ignore_errors=True)


def _run(seeds: Path, db: str) -> None:
    from verify import seedserver

    articles, pages = seeds / "articles", seeds / "sources"
    for needed in (articles, pages):
        if not needed.is_dir():
            raise InputError(f"no seed folder {needed}; pass --seeds")
    _step("verify ingest seeds/articles")
    ingest.ingest([str(articles)], None, False, False, None, db, None, DEMO_USER, False)
    _step("verify claims list --limit 6")
    claims.list_(None, False, None, None, 6, db, None, False)
    with seedserver.serve(pages) as port:
        feed = "http://lakeside-tribune.example/rss.xml"
        urls = [u for u in seedserver.pages(pages) if "lakeside-tribune" not in u]
        _step(f"verify sources add {' '.join(urls)}")
        sources.add(urls, False, db, DEMO_USER)
        _step(f"verify sources add --feed {feed}")
        sources.add([feed], True, db, DEMO_USER)
        resolve = [f"{host}:127.0.0.1:{port}" for host in seedserver.hosts(pages)]
        _step(f"verify fetch --resolve HOST:127.0.0.1:{port}  # for each of {len(resolve)} outlets")
        sources.fetch(False, False, resolve, 8, 2, 10.0, True, None, db, DEMO_USER)
    checks_file = seeds / "factchecks" / "check-desk.jsonld"
    _step("verify factchecks import seeds/factchecks/check-desk.jsonld")
    factchecks.import_([checks_file], "text", "rating", "url", "publisher", "date", "claimant",
                       db, None)  # fmt: skip
    _step("verify check")
    checks.check(None, db, None)
    nato = _find_claim(db, "delegation to brussels")
    link = "https://brussels-briefing.example/2024/10/28/seoul-delegation-briefs-nato"
    _step(f"verify evidence attach {nato} {link} --stance supports --note ...")
    note = "NATO confirmed the briefing took place."
    review.attach(nato, link, "supports", note, None, db, None, DEMO_USER)
    kyiv = _find_claim(db, "3,000 north korean troops")
    reason = "Kyiv's early figure; Seoul's agency and two outlets give 12,000."
    _step(f'verify status set {kyiv} disputed --reason "{reason}"')
    review.set_(kyiv, "disputed", reason, None, db, None, DEMO_USER)
    _step("verify report --status corroborated --status disputed")
    reports.report(None, ["corroborated", "disputed"], "markdown", None, "verify", None, db, None)
