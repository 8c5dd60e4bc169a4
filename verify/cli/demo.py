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
    import verify.claims
    from verify import database

    with database.transaction(config.database_url(db), write=False) as session:
        for claim in verify.claims.list_claims(session):
            if words in claim.text.lower():
                return claim.id or 0
    raise InputError(f"the demo seeds gave no claim about {words!r}; check seeds/articles")


def demo(
    seeds: Annotated[
        Path, typer.Option(help="Seed folder holding articles/ and sources/.", file_okay=False)
    ] = config.SEEDS_DIR,
    keep: Annotated[bool, typer.Option(help="Keep the demo database and print its path.")] = False,
    serve: Annotated[
        bool,
        typer.Option(
            "--serve", help="Then open the demo database in the review desk (until Ctrl-C)."
        ),
    ] = False,
    port: Annotated[int, typer.Option(min=1, max=65535, help="The desk's port (--serve).")] = 8000,
) -> None:
    """Run the whole pipeline offline on the bundled seeds and print the verification report.

    Ingests seeds/articles, serves seeds/sources from a loopback web server, adds those pages
    and a feed as sources, fetches them, imports seeds/factchecks, checks the claims, attaches
    a link by hand, sets a status with a reason, and prints the report. Touches no network
    and no existing database. With --serve, the demo database then opens in the review desk
    with a demo account (its password is printed).
    """
    folder = Path(tempfile.mkdtemp(prefix="verify-demo-"))
    db = str(folder / "verify.db")
    try:
        with exit_on_error():
            _run(seeds, db)
            if serve:
                _serve(db, port)
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
    ingest.ingest([str(articles)], outlet=None, skip_errors=False, allow_private=False,
                  resolve=None, by=DEMO_USER, as_json=False, db=db, workflow=None)  # fmt: skip
    _step("verify claims list --limit 6")
    claims.list_(status=None, all_=False, assignee=None, article=None, limit=6, as_json=False,
                 db=db, workflow=None)  # fmt: skip
    with seedserver.serve(pages) as port:
        feed = "http://lakeside-tribune.example/rss.xml"
        urls = [u for u in seedserver.pages(pages) if "lakeside-tribune" not in u]
        _step(f"verify sources add {' '.join(urls)}")
        sources.add(urls, feed=False, sitemap=False, db=db, by=DEMO_USER)
        _step(f"verify sources add --feed {feed}")
        sources.add([feed], feed=True, sitemap=False, db=db, by=DEMO_USER)
        resolve = [f"{host}:127.0.0.1:{port}" for host in seedserver.hosts(pages)]
        _step(f"verify fetch --resolve HOST:127.0.0.1:{port}  # for each of {len(resolve)} outlets")
        sources.fetch(
            everything=False, allow_private=False, resolve=resolve, concurrency=8, per_host=2,
            timeout=10.0, robots=True, max_wait=86_400.0, archive=None, db=db, workflow=None,
            by=DEMO_USER,
        )  # fmt: skip
    checks_file = seeds / "factchecks" / "check-desk.jsonld"
    _step("verify factchecks import seeds/factchecks/check-desk.jsonld")
    factchecks.import_([checks_file], text_col="text", rating_col="rating", url_col="url",
                       publisher_col="publisher", date_col="date", claimant_col="claimant",
                       db=db, workflow=None)  # fmt: skip
    _step("verify check")
    checks.check(None, full=False, db=db, workflow=None)
    nato = _find_claim(db, "delegation to brussels")
    link = "https://brussels-briefing.example/2024/10/28/seoul-delegation-briefs-nato"
    _step(f"verify evidence attach {nato} {link} --stance supports --note ... --no-capture")
    note = "NATO confirmed the briefing took place."
    review.attach(nato, link, stance="supports", note=note, capture=False, if_version=None,
                  by=DEMO_USER, db=db, workflow=None)  # fmt: skip
    kyiv = _find_claim(db, "3,000 north korean troops")
    reason = "Kyiv's early figure; Seoul's agency and two outlets give 12,000."
    _step(f'verify status set {kyiv} disputed --reason "{reason}"')
    review.set_(
        kyiv, "disputed", reason=reason, if_version=None, by=DEMO_USER, db=db, workflow=None
    )
    _step("verify report --status corroborated --status disputed")
    reports.report(None, status=["corroborated", "disputed"], fmt="markdown", output=None,
                   org_name="verify", org_url=None, db=db, workflow=None)  # fmt: skip


def _serve(db: str, port: int) -> None:
    """The demo database in the desk, with an admin account whose password is printed."""
    from verify import database, users
    from verify.cli import web

    password = users.new_password()
    with database.transaction(config.database_url(db)) as session:
        users.add(session, DEMO_USER, role="admin", password=password)
    settings = web.desk_settings(db, None, "verify demo", None, False)
    _step(f"verify users add {DEMO_USER} --role admin && verify serve --port {port}")
    typer.echo(f"Sign in at http://127.0.0.1:{port}/ as {DEMO_USER}, password {password}")
    web.run_desk(settings, host="127.0.0.1", port=port, workers=1)
