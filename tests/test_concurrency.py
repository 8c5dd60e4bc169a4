"""Writers racing on one database (issue 12, section C): a person's edit during a check costs
that claim's re-check only, concurrent ingests merge near-copies, migrations run once, and on
SQLite short transactions keep other commands from failing with "locked". Real processes on
real PostgreSQL and SQLite."""

import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import sqlalchemy

from tests.conftest import SEEDS, Invoke, invoker, postgres_database, rows
from tests.test_worker import checks_per_claim, finish, seed_claims
from verify import config, database, seedserver
from verify.cli.common import load_workflow
from verify.pipeline import checking

VERIFY = [sys.executable, "-m", "verify"]
PAGES = SEEDS.parent / "sources"


@pytest.fixture
def pg() -> Iterator[str]:
    with postgres_database() as url:
        yield url


def run(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*VERIFY, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)  # fmt: skip


def fetched(cli: Invoke) -> None:
    """The seed articles and the seed pages, fetched."""
    cli("ingest", str(SEEDS))
    with seedserver.serve(PAGES) as port:
        urls = [u for u in seedserver.pages(PAGES) if "lakeside" not in u]
        cli("sources", "add", *urls)
        resolve = [
            a for h in seedserver.hosts(PAGES) for a in ("--resolve", f"{h}:127.0.0.1:{port}")
        ]
        cli("fetch", *resolve)


def checked_with(
    cli: Invoke, db: str, meanwhile: Callable[[list[checking.Plan]], None]
) -> tuple[checking.Summary, list[checking.Plan]]:
    """Fetch the seeds, plan a check of every claim, run `meanwhile` between the read and
    the write, then write."""
    fetched(cli)
    flow = load_workflow(None)
    key = checking.check_key(flow)
    ids = [int(i) for (i,) in rows(db, "SELECT id FROM claim ORDER BY id")]
    engine = database.open_engine(db)
    try:
        summary = checking.Summary()
        with database.session_on(engine) as session:  # read and assess...
            plans = checking.plan(session, flow, ids, key=key, full=False, summary=summary)
        meanwhile(plans)
        with database.session_on(engine) as session:  # ...then write
            checking.apply(session, flow, plans, key=key, summary=summary)
    finally:
        engine.dispose()
    return summary, plans


def test_an_edit_during_a_check_costs_only_that_claim(cli: Invoke, db: str) -> None:
    edited = 0

    def edit(plans: list[checking.Plan]) -> None:
        nonlocal edited
        edited = plans[2].claim_id
        cli("status", "set", str(edited), "disputed", "--reason", "a person decided")

    summary, _ = checked_with(cli, db, edit)
    ids = [int(i) for (i,) in rows(db, "SELECT id FROM claim ORDER BY id")]
    assert edited == ids[2]
    assert summary.conflicts == [edited]
    assert summary.claims == len(ids) - 1
    assert rows(db, "SELECT checked_at FROM claim WHERE id = :i", i=edited) == [(None,)]
    assert rows(db, "SELECT count(*) FROM evidence WHERE claim_id = :i", i=edited) == [(0,)]
    out = cli("check").stdout  # the edited claim is still due, and checked now
    assert "Checked 1 claim(s)" in out


def test_reviewers_editing_leased_claims_never_crash_a_worker(pg: str) -> None:
    seed_claims(pg, 600)
    worker = run("worker", "--once", "--batch", "300", "--db", pg, "--name", "w0")
    time.sleep(1.0)
    edits = [run("status", "set", str(i), "disputed", "--reason", "race", "--db", pg)
             for i in range(1, 21)]  # fmt: skip
    results = finish([worker, *edits])
    assert results[0][0] == 0, results[0][1]
    assert "Traceback" not in results[0][1]
    assert all(code == 0 for code, _ in results[1:]), results[1:]
    assert rows(pg, "SELECT count(*) FROM claim WHERE lease_owner IS NOT NULL") == [(0,)]
    # Every pending claim was checked once; a conflict leaves a claim due, so a second pass
    # finishes the job and nothing is checked twice.
    finish([run("worker", "--once", "--db", pg)])
    counts = checks_per_claim(pg)
    assert set(counts) <= {0, 1} and counts.get(1, 0) >= 580, counts
    pending = rows(pg, "SELECT count(*) FROM claim WHERE checks = 0 AND status = 'unverified'")
    assert pending == [(0,)]


def test_two_checks_at_once_store_each_evidence_once(cli: Invoke, pg: str) -> None:
    pg_cli = invoker(pg)
    fetched(pg_cli)
    results = finish([run("check", "--full", "--db", pg) for _ in range(2)])
    assert all(code == 0 for code, _ in results), results
    assert all("Traceback" not in err for _, err in results)
    duplicates = rows(
        pg,
        "SELECT claim_id, source_id, count(*) FROM evidence WHERE method = 'auto' "
        "GROUP BY claim_id, source_id HAVING count(*) > 1",
    )
    assert duplicates == []
    assert rows(pg, "SELECT count(*) FROM evidence WHERE method = 'auto'")[0][0] > 10


def copies(folder: Path, outlet: str, n: int) -> Path:
    """n short wire stories, as one outlet publishes them."""
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:03}.md").write_text(
            f"---\ntitle: Story {i}\noutlet: {outlet}\nurl: https://{outlet}.example/{i}\n---\n"
            f"The ministry said {1000 + i * 7:,} households in district {i} lost power on "
            f"Monday after storm number {i} hit the coast.\n",
            encoding="utf-8",
        )
    return folder


def test_concurrent_ingests_merge_near_copies_on_postgres(pg: str, tmp_path: Path) -> None:
    wire = copies(tmp_path / "wire", "wire", 200)
    daily = copies(tmp_path / "daily", "daily", 200)  # the same stories, syndicated
    results = finish([run("ingest", str(wire), "--db", pg), run("ingest", str(daily), "--db", pg),
                      run("ingest", str(wire), "--db", pg)])  # fmt: skip
    assert all(code == 0 for code, _ in results), results
    assert rows(pg, "SELECT count(*) FROM article") == [(400,)]
    assert rows(pg, "SELECT count(*) FROM claim") == [(200,)]
    assert rows(pg, "SELECT count(*) FROM mention") == [(400,)]


def test_four_processes_migrate_an_empty_postgres_database_once(pg: str) -> None:
    results = finish([run("init", "--db", pg) for _ in range(4)])
    assert all(code == 0 for code, _ in results), results
    assert database.current_revision(pg) == database.SCHEMA_HEAD


def test_a_lock_held_elsewhere_ends_in_a_clear_error(
    pg: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli = invoker(pg)
    cli("ingest", str(SEEDS))
    monkeypatch.setattr(config, "POSTGRES_LOCK_TIMEOUT_S", 1.0)
    holder = sqlalchemy.create_engine(pg)
    try:
        with holder.connect() as conn, conn.begin():
            conn.exec_driver_sql("SELECT * FROM claim WHERE id = 1 FOR UPDATE")
            started = time.monotonic()
            result = cli("status", "set", "1", "disputed", "--reason", "r", code=1)
            waited = time.monotonic() - started
    finally:
        holder.dispose()
    assert result.stderr.startswith("Error: database ") and "is busy" in result.stderr
    assert waited < 15
    assert rows(pg, "SELECT status FROM claim WHERE id = 1") == [("unverified",)]


def test_sqlite_commands_do_not_fail_while_a_long_check_runs(tmp_path: Path) -> None:
    db = str(tmp_path / "busy.db")
    cli = invoker(db)
    fetched(cli)
    url = f"sqlite:///{db}"
    seed_claims(url, 1500)  # many claims to check against the fetched pages
    extra = copies(tmp_path / "more", "more", 40)
    check = run("check", "--full", "--db", db)
    time.sleep(1.5)
    others = [run("ingest", str(extra), "--db", db)]
    others += [run("claims", "assign", str(i), "--to", "mina", "--db", db) for i in range(1, 10)]
    others += [run("evidence", "attach", str(i), f"https://e{i}.example/x", "--db", db)
               for i in range(1, 10)]  # fmt: skip
    results = finish([check, *others])
    assert all(code == 0 for code, _ in results), [err for code, err in results if code]
    assert not any("locked" in err for _, err in results)


def test_readers_see_a_consistent_database_during_writes(tmp_path: Path) -> None:
    """WAL: `claims list` while an ingest writes never sees half an ingest or fails."""
    db = str(tmp_path / "wal.db")
    cli = invoker(db)
    cli("init")
    folder = copies(tmp_path / "many", "many", 300)
    done = threading.Event()
    errors: list[str] = []

    def read() -> None:
        while not done.is_set():
            proc = subprocess.run([*VERIFY, "claims", "list", "--json", "--db", db],
                                  capture_output=True, text=True)  # fmt: skip
            if proc.returncode != 0:
                errors.append(proc.stderr)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        subprocess.run([*VERIFY, "ingest", str(folder), "--db", db], check=True,
                       capture_output=True)  # fmt: skip
    finally:
        done.set()
        reader.join()
    assert errors == []


def test_a_write_the_locks_do_not_cover_costs_only_its_claim(cli: Invoke, db: str) -> None:
    """The batch is written together; when one claim's rows cannot be written (here the
    capture its evidence was found in is gone), the batch is written again claim by
    claim and only that claim is left due."""
    broken: checking.Plan | None = None

    def lose_a_capture(plans: list[checking.Plan]) -> None:
        # The plan was made from a capture that is gone by the time it is written (captures
        # are shared by the seed claims, so one claim's plan is pointed at a removed one).
        nonlocal broken
        broken = next(p for p in plans if p.captures)
        (gone,) = rows(db, "SELECT coalesce(max(id), 0) + 1 FROM capture")[0]
        broken.captures = dict.fromkeys(broken.captures, int(gone))

    summary, plans = checked_with(cli, db, lose_a_capture)
    assert broken is not None
    others = [p.claim_id for p in plans if p.claim_id != broken.claim_id]
    assert summary.conflicts == [broken.claim_id]
    assert sorted(summary.checked) == sorted(others)
    assert rows(db, "SELECT checked_at FROM claim WHERE id = :i", i=broken.claim_id) == [(None,)]
    assert rows(db, "SELECT count(*) FROM claim WHERE checked_at IS NOT NULL") == [(len(others),)]
