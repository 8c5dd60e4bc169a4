"""`verify check` and `verify run`: match claims against sources and let the rules decide."""

import signal
import time
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
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
    echo_json,
    exit_on_error,
    fetch_settings,
    load_workflow,
    parse_id,
)
from verify.cli.sources import exit_if_all_failed, fetch_json, run_fetch


def check(
    claim_ids: Annotated[
        list[int] | None,
        typer.Argument(
            metavar="[ID...]",
            help="Claims to check (default: the pending ones with something new).",
            parser=parse_id,
        ),
    ] = None,
    full: Annotated[
        bool,
        typer.Option(
            "--full",
            help="Match against every stored page, not only the pages fetched since each "
            "claim's last check.",
        ),
    ] = False,
    db: DbOption = None,
    workflow: WorkflowOption = None,
    as_json: JsonOption = False,
) -> None:
    """Match claims against fetched pages, judge each passage's stance, apply the rules.

    Each claim asks the full-text index for its candidate passages, so a check costs what the
    claim needs, not what the corpus holds. Checks are incremental: a claim is matched against
    the pages fetched since its last check (the ones that share its rarer words), in full when
    it is new or the workflow's matching settings changed, and not at all when nothing is new;
    --full matches against everything again.

    Evidence rows record the passage, similarity score, stance and why (e.g. "figure 3,000
    troops conflicts with 12,000 troops"). Origins, not pages, are counted: an outlet's pages,
    and copies of one syndicated story, are one origin; the claim's own articles never count.
    """
    with exit_on_error():
        summary = run_check(db, workflow, claim_ids=claim_ids or (), full=full)
    # after the commits: a closed pipe cannot undo the work
    if as_json:
        echo_json(summary_json(summary))
    else:
        print_summary(summary)


def run_check(
    db: str | None, workflow: Path | None, *, claim_ids: Sequence[int], full: bool
) -> Any:
    """Check claims (the pending ones with something new, or claim_ids); shared by `check`
    and `run`."""
    flow = load_workflow(workflow)
    from verify import database
    from verify.pipeline import checking

    engine = database.open_engine(config.database_url(db))
    try:
        return checking.check(engine, flow, claim_ids=claim_ids, full=full)
    finally:
        engine.dispose()


def summary_json(summary: Any) -> dict[str, Any]:
    """The check's outcome for machines."""
    return {
        "claims": summary.claims, "full": summary.full, "unchanged": summary.unchanged,
        "sources": summary.sources, "passages": summary.passages,
        "evidence_new": summary.evidence_new, "evidence_updated": summary.evidence_updated,
        "evidence_withdrawn": summary.evidence_withdrawn,
        "changes": [
            {"claim_id": c.claim_id, "from": c.from_status, "to": c.to_status,
             "reason": c.reason, "facts": c.facts}
            for c in summary.changes
        ],
        "held": [
            {"claim_id": claim_id, "status": status, "rules_suggest": suggested}
            for claim_id, status, suggested in summary.held
        ],
        "conflicts": list(summary.conflicts),
    }  # fmt: skip


def print_summary(summary: Any) -> None:
    """The check's outcome for people."""
    typer.echo(
        f"Checked {summary.claims} claim(s) against {summary.sources} source(s) "
        f"({summary.passages} passages): {summary.evidence_new} new evidence, "
        f"{summary.evidence_updated} updated, {len(summary.changes)} status change(s)."
    )
    if summary.evidence_withdrawn:
        typer.echo(
            f"  {summary.evidence_withdrawn} automatic evidence withdrawn: judged again on the "
            "same pages under the current workflow, no longer evidence."
        )
    if summary.unchanged:
        typer.echo(
            f"  {summary.unchanged} pending claim(s) had nothing new since their last check "
            "(--full checks them again)."
        )
    for change in summary.changes:
        move = f"{change.from_status} → {change.to_status}"
        typer.echo(f"  claim {change.claim_id}: {move} ({change.reason})")
    for claim_id, status, suggested in summary.held:
        typer.echo(
            f"  claim {claim_id}: stays {status} (pinned by a person; rules say {suggested})"
        )
    for claim_id in summary.conflicts:
        typer.echo(
            f"  claim {claim_id}: changed by someone else while it was checked; "
            "it stays due and is checked again next time"
        )


class _Stop:
    """Ctrl-C or SIGTERM asks to stop; the step under way finishes first."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:  # a second Ctrl-C means now
            raise KeyboardInterrupt
        self.requested = True
        typer.echo("Stopping after the current step (Ctrl-C again to stop now)…", err=True)


def run(
    watch: Annotated[
        float | None,
        typer.Option(
            "--watch", min=1, metavar="SECONDS", help="Repeat every SECONDS until Ctrl-C."
        ),
    ] = None,
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
    """Fetch due sources, then check pending claims; once, or every --watch SECONDS.

    --json prints one JSON object per line and step ({"step": "fetch", ...}, then
    {"step": "check", ...}). Run once, it exits 1 when every fetch failed.
    """
    stop = _Stop()
    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with exit_on_error():
            settings = fetch_settings(
                allow_private=allow_private, resolve=resolve, concurrency=concurrency,
                per_host=per_host, timeout=timeout, robots=robots, max_wait=max_wait,
            )  # fmt: skip
            screenshots = load_workflow(workflow).screenshots
            while True:
                fetched = run_fetch(db, everything=False, archive=archive, by=by,
                                    settings=settings, screenshots=screenshots)  # fmt: skip
                if as_json:
                    echo_json({"step": "fetch", **fetch_json(fetched)}, lines=True)
                else:
                    typer.echo(f"Fetched {fetched.total} source(s), {fetched.failed} failed.")
                if stop.requested:
                    break
                checked = run_check(db, workflow, claim_ids=(), full=False)
                if as_json:
                    echo_json({"step": "check", **summary_json(checked)}, lines=True)
                else:
                    print_summary(checked)
                if watch is None or stop.requested:
                    break
                deadline = time.monotonic() + watch
                while time.monotonic() < deadline and not stop.requested:
                    time.sleep(min(0.2, watch))
                if stop.requested:
                    break
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if watch is None:
        exit_if_all_failed(fetched)


def worker(
    once: Annotated[bool, typer.Option("--once", help="Drain the queue, then exit.")] = False,
    batch: Annotated[int, typer.Option(min=1, max=1000, help="Items leased at a time.")] = 25,
    lease: Annotated[
        float, typer.Option(min=1, help="Seconds a lease lasts (renewed while working).")
    ] = 120.0,
    health: Annotated[
        float, typer.Option(min=1, help="Seconds between health lines on stderr.")
    ] = 30.0,
    name: Annotated[
        str | None, typer.Option(help="Worker name in leases. Default: host-pid.")
    ] = None,
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
) -> None:
    """Work the shared queue: lease due sources and pending claims, fetch and check them.

    Run several on one PostgreSQL database (on several machines) to share the work; a worker
    that dies leaves its leases to expire and its work returns to the queue. Ctrl-C or SIGTERM
    finishes the current batch, then exits.
    """
    from datetime import timedelta

    from verify import worker as queue_worker

    stop = _Stop()
    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        with exit_on_error():
            url = config.database_url(db)
            settings = fetch_settings(
                allow_private=allow_private, resolve=resolve, concurrency=concurrency,
                per_host=per_host, timeout=timeout, robots=robots, max_wait=max_wait,
            )  # fmt: skip
            runner = queue_worker.Worker(
                url, load_workflow(workflow), settings, config.archive_dir(url, archive),
                name=name or queue_worker.default_name(), batch=batch,
                lease=timedelta(seconds=lease),
            )  # fmt: skip
            try:
                runner.run(
                    once=once,
                    stop=lambda: stop.requested,
                    report=lambda line: typer.echo(line, err=True),
                    health_every=health,
                )
            finally:
                runner.close()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
