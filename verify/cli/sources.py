"""`verify sources add|list` and `verify fetch`: what to check claims against."""

import json
import sys
from typing import Annotated, Any

import typer

from verify import config
from verify.cli.common import (
    AllowPrivateOption,
    ArchiveOption,
    ByOption,
    ConcurrencyOption,
    DbOption,
    JsonOption,
    MaxWaitOption,
    PerHostOption,
    ResolveOption,
    RobotsOption,
    TimeoutOption,
    WorkflowOption,
    actor,
    echo_json,
    exit_on_error,
    fetch_settings,
    load_workflow,
    shorten,
)
from verify.errors import InputError

app = typer.Typer(help="Register and inspect the pages and feeds claims are checked against.",
                  no_args_is_help=True)  # fmt: skip


@app.command()
def add(
    urls: Annotated[list[str], typer.Argument(metavar="URL...", help="Pages (or feeds) to add.")],
    feed: Annotated[
        bool, typer.Option("--feed", help="The URLs are RSS/Atom feeds: their items are added.")
    ] = False,
    sitemap: Annotated[
        bool, typer.Option("--sitemap", help="The URLs are sitemaps (or sitemap indexes).")
    ] = False,
    db: DbOption = None,
    by: ByOption = None,
) -> None:
    """Register pages (or, with --feed / --sitemap, feeds and sitemaps whose pages are added
    when `verify fetch` reads them)."""
    with exit_on_error():
        from verify import database, sources

        if feed and sitemap:
            raise InputError("--feed and --sitemap exclude each other; add them separately")
        kind = "feed" if feed else "sitemap" if sitemap else "page"
        with database.transaction(config.database_url(db)) as session:
            added = sources.add(session, urls, by=actor(by), kind=kind)
            rows = [(a.source.id, a.source.url, a.created) for a in added]
    new = sum(created for *_, created in rows)
    kind = "feed" if feed else "sitemap" if sitemap else "source"
    typer.echo(f"Added {new} {kind}(s); {len(rows) - new} already known. "
               "Run `verify fetch` to read them.")  # fmt: skip


@app.command("list")
def list_(
    failed: Annotated[
        bool, typer.Option("--failed", help="Only sources whose fetch failed.")
    ] = False,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """List sources with the outcome of their last fetch and when they are next due."""
    with exit_on_error():
        from verify import database, sources

        with database.transaction(config.database_url(db), write=False) as session:
            rows = [_row(s) for s in sources.all_sources(session, failed_only=failed)]
    if as_json:
        typer.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not rows:
        typer.echo("No sources. Add some with `verify sources add URL...`.")
    for r in rows:
        state = f"error: {r['error']}" if r["error"] else ("fetched" if r["fetched_at"] else "new")
        typer.echo(f"{r['id']:>4}  {r['kind']:<4}  {shorten(r['url'], 70):<70}  {state}")


def masked(url: str) -> str:
    """The URL with any password in it replaced by ***, for screens, logs and JSON."""
    from urllib.parse import urlsplit, urlunsplit

    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
    except ValueError:
        return url
    user, _, host = parts.netloc.rpartition("@")
    name = user.split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{name}:***@{host}"))


def _row(s: Any) -> dict[str, Any]:
    return {
        "id": s.id, "url": masked(s.url), "kind": s.kind, "title": s.title, "domain": s.domain,
        "registrable_domain": s.registrable_domain, "http_status": s.http_status,
        "error": s.error, "failures": s.failures, "sha256": s.sha256,
        "final_url": masked(s.final_url) if s.final_url else None,
        "archive_path": s.archive_path,
        "fetched_at": s.fetched_at.isoformat() if s.fetched_at else None,
        "next_fetch_at": s.next_fetch_at.isoformat() if s.next_fetch_at else None,
    }  # fmt: skip


def fetch(
    everything: Annotated[
        bool, typer.Option("--all", help="Fetch every source, due or not.")
    ] = False,
    allow_private: AllowPrivateOption = False,
    resolve: ResolveOption = None,
    concurrency: ConcurrencyOption = 8,
    per_host: PerHostOption = 2,
    timeout: TimeoutOption = 30.0,
    robots: RobotsOption = True,
    max_wait: MaxWaitOption = 86_400.0,
    archive: ArchiveOption = None,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    by: ByOption = None,
    as_json: JsonOption = False,
) -> None:
    """Fetch due sources: main text extracted, failures retried later. Every fetch is kept:
    WARC records (request and response, headers included) and the body by its sha256; a new
    or changed page gets a capture that evidence found in it points to. Links attached by hand
    that have no capture yet are captured too, and with the workflow's `[capture]
    screenshots = true` each new capture gets a screenshot.

    Exits 1 when there was something to fetch and every fetch failed.
    """
    with exit_on_error():
        flow = load_workflow(workflow)
        summary = run_fetch(
            db, everything=everything, archive=archive, by=by, screenshots=flow.screenshots,
            settings=fetch_settings(allow_private=allow_private, resolve=resolve,
                                    concurrency=concurrency, per_host=per_host, timeout=timeout,
                                    robots=robots, max_wait=max_wait),
        )  # fmt: skip
    if as_json:
        echo_json(fetch_json(summary))
    else:
        print_fetch(summary)
    exit_if_all_failed(summary)


def print_fetch(summary: Any) -> None:
    """The fetch's outcome for people: counts on stdout, the first failures on stderr."""
    typer.echo(
        f"Fetched {summary.total} source(s): {summary.fetched} new or changed, "
        f"{summary.not_modified} unchanged, {summary.failed} failed"
        + (f", {summary.discovered} found in feeds or sitemaps" if summary.discovered else "")
        + (f", {summary.deferred} put off by robots.txt (Crawl-delay)" if summary.deferred else "")
        + "."
    )
    if summary.shots:
        made = sum(t.shot is not None and t.shot.png is not None for t in summary.shots)
        typer.echo(f"Took {made} screenshot(s) of {len(summary.shots)} new capture(s).")
    links = summary.links
    if links.captured or links.failed:
        typer.echo(
            f"Captured {links.captured} link(s) attached by hand; {links.failed} could not be "
            "captured (tried again later)."
        )
    for url, error in (summary.errors + links.errors)[:10]:
        typer.echo(f"  failed: {masked(url)}: {error}", err=True)
    if len(summary.errors) > 10:
        typer.echo(
            f"  … and {len(summary.errors) - 10} more: `verify sources list --failed`", err=True
        )


def fetch_json(summary: Any) -> dict[str, Any]:
    """The fetch's outcome for machines."""
    return {
        "total": summary.total, "fetched": summary.fetched,
        "not_modified": summary.not_modified, "failed": summary.failed,
        "deferred": summary.deferred, "discovered": summary.discovered,
        "passages": summary.passages, "due": summary.due,
        "errors": [{"url": masked(url), "error": error} for url, error in summary.errors],
    }  # fmt: skip


def exit_if_all_failed(summary: Any) -> None:
    """Exit 1 when there was something to fetch and nothing could be (network down, every
    site refusing): a script or a cron job must notice."""
    if summary.total and summary.failed == summary.total:
        typer.echo(
            f"Error: every fetch failed ({summary.failed} of {summary.total}); check the "
            "network, and `verify sources list --failed` for each page's error",
            err=True,
        )
        raise typer.Exit(1)


def run_fetch(
    db: str | None,
    *,
    everything: bool,
    archive: Any,
    by: str | None,
    settings: Any,
    screenshots: bool = False,
) -> Any:
    """Fetch with a progress bar on a terminal; shared by `fetch` and `run`."""
    from verify.pipeline import fetching

    url = config.database_url(db)
    folder = config.archive_dir(url, archive)
    if not sys.stderr.isatty():
        return fetching.refresh(url, settings, folder, everything=everything, actor=actor(by),
                                screenshots=screenshots)  # fmt: skip
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task("Fetching", total=None)

        def progress(done: int, total: int, current: str) -> None:
            bar.update(task, completed=done, total=total, description=shorten(current, 40))

        return fetching.refresh(
            url, settings, folder, everything=everything, actor=actor(by), progress=progress,
            screenshots=screenshots,
        )  # fmt: skip
