"""Several `verify worker` processes on one queue: every claim checked exactly once, also when
a worker is killed part-way."""

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy

from tests.conftest import postgres_database, rows
from verify import database
from verify.models import Claim


@pytest.fixture
def pg() -> Iterator[str]:
    with postgres_database() as url:
        yield url


def seed_claims(url: str, n: int) -> None:
    engine = database.open_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            sqlalchemy.insert(Claim.__table__),  # type: ignore[attr-defined]
            [{"text": f"Claim number {i} says 12,000 troops moved.", "quote": "q",
              "quantities": [], "checkworthiness": 0.5, "priority": (i % 97) / 97,
              "status": "unverified", "pinned": False, "version": 1, "checks": 0,
              "created_at": now, "updated_at": now} for i in range(n)],
        )  # fmt: skip
    engine.dispose()


def workers(url: str, count: int, *extra: str) -> list[subprocess.Popen[str]]:
    command = [sys.executable, "-m", "verify", "worker", "--once", "--db", url, *extra]
    return [
        subprocess.Popen([*command, "--name", f"w{i}"], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for i in range(count)
    ]  # fmt: skip


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    results = []
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        results.append((proc.returncode, err))
    return results


def checks_per_claim(url: str) -> dict[int, int]:
    return dict(rows(url, "SELECT checks, count(*) FROM claim GROUP BY checks"))  # type: ignore[arg-type]


@pytest.mark.postgres
def test_four_workers_drain_2000_claims_exactly_once(pg: str) -> None:
    seed_claims(pg, 2000)
    results = finish(workers(pg, 4, "--batch", "25"))
    assert all(code == 0 for code, _ in results), results
    assert checks_per_claim(pg) == {1: 2000}
    assert rows(pg, "SELECT count(*) FROM claim WHERE lease_owner IS NOT NULL") == [(0,)]
    done = [int(err.split(": ")[1].split(" claim(s)")[0]) for _, err in results]
    assert sum(done) == 2000 and min(done) > 0  # the work was shared
    assert all("claim(s) checked" in err and "queue:" in err for _, err in results)


@pytest.mark.postgres
def test_killed_worker_loses_nothing_and_work_is_done_once(pg: str) -> None:
    seed_claims(pg, 2000)
    procs = workers(pg, 4, "--batch", "10", "--lease", "3")
    time.sleep(2.5)
    procs[0].send_signal(signal.SIGKILL)
    results = finish(procs)
    assert results[0][0] == -signal.SIGKILL
    assert all(code == 0 for code, _ in results[1:]), results
    time.sleep(3.5)  # the dead worker's leases expire
    finish(workers(pg, 1))
    assert checks_per_claim(pg) == {1: 2000}
    assert rows(pg, "SELECT count(*) FROM claim WHERE lease_owner IS NOT NULL") == [(0,)]


def test_two_workers_share_a_sqlite_queue(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    seed_claims(url, 300)
    results = finish(workers(url, 2, "--batch", "20"))
    assert all(code == 0 for code, _ in results), results
    assert checks_per_claim(url) == {1: 300}


def test_sigterm_finishes_the_batch_and_exits(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'queue.db'}"
    seed_claims(url, 50)
    proc = subprocess.Popen(
        [sys.executable, "-m", "verify", "worker", "--db", url, "--health", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    time.sleep(4)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Stopping after the current step" in err and "50 claim(s) checked" in err
    assert checks_per_claim(url) == {1: 50}


@pytest.mark.postgres
def test_upgrade_from_first_revision_on_postgres(pg: str) -> None:
    from alembic import command

    engine = sqlalchemy.create_engine(pg)
    with engine.begin() as connection:
        command.upgrade(database._alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO claim (text, quote, quantities, checkworthiness, priority, status, pinned,"
            " version, created_at, updated_at) VALUES ('old claim', 'q', '[]', 0.5, 0.5,"
            " 'unverified', false, 1, now(), now())"
        )
    engine.dispose()
    assert database.current_revision(pg) == "0001"
    engine = database.make_engine(pg)
    assert database.migrate(engine)
    engine.dispose()
    assert database.current_revision(pg) == database.SCHEMA_HEAD
    assert rows(pg, "SELECT text, status, checks FROM claim") == [("old claim", "unverified", 0)]


def test_cli_processes_and_a_worker_share_one_sqlite_file(tmp_path: Path) -> None:
    from tests.conftest import SEEDS

    url = f"sqlite:///{tmp_path / 'shared.db'}"
    base = [sys.executable, "-m", "verify"]
    subprocess.run([*base, "ingest", str(SEEDS), "--db", url], check=True, capture_output=True)
    seed_claims(url, 400)
    commands = [[*base, "worker", "--once", "--batch", "5", "--db", url]]
    for claim in range(1, 9):
        commands.append([*base, "evidence", "attach", str(claim), f"https://e{claim}.example/x",
                         "--no-capture", "--db", url])  # fmt: skip
        commands.append([*base, "claims", "assign", str(claim), "--to", "mina", "--db", url])
    procs = [subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for c in commands]  # fmt: skip
    results = finish(procs)
    assert all(code == 0 for code, _ in results), [err for code, err in results if code]
    assert not any("locked" in err for _, err in results)
    assert rows(url, "SELECT count(*) FROM evidence WHERE method = 'manual'") == [(8,)]


def test_killed_ingest_leaves_no_half_article_and_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1500):
        (folder / f"a{i:04}.md").write_text(
            f"Report {i}\nSouth Korea's spy agency said {i * 10 + 100:,} troops moved on Friday.\n"
        )
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    command = [sys.executable, "-m", "verify", "ingest", str(folder), "--db", url]
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=60)
    killed = tmp_path / "ingest.db"
    tables = rows(killed, "SELECT name FROM sqlite_master WHERE type = 'table'")
    articles = rows(killed, "SELECT count(*) FROM article") if ("article",) in tables else []
    assert articles in ([], [(0,)], [(1500,)])  # all or nothing: one transaction
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    assert rows(url, "SELECT count(*) FROM article") == [(1500,)]
    assert rows(url, "SELECT count(*) FROM claim") == [(1500,)]
    orphans = "SELECT count(*) FROM article WHERE id NOT IN (SELECT article_id FROM mention)"
    assert rows(url, orphans) == [(0,)]
