"""Queue throughput on PostgreSQL: claims checked per second with 1, 2 and 4 `verify worker`
processes, beside the raw `FOR UPDATE SKIP LOCKED` lease rate on the same server (the ceiling),
so the queue's overhead is visible.

    .venv/bin/python bench/bench_worker.py [--claims 2000] [--server postgresql+psycopg://...]
"""

import argparse
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime

import sqlalchemy

from verify import database
from verify.models import Claim


def fresh(server: str, claims: int) -> tuple[str, str]:
    name = f"verify_bench_{uuid.uuid4().hex[:8]}"
    admin = sqlalchemy.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    admin.dispose()
    url = f"{server}/{name}"
    engine = database.open_engine(url)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            sqlalchemy.insert(Claim.__table__),  # type: ignore[attr-defined]
            [{"text": f"Claim {i}: 12,000 troops moved.", "quote": "q", "quantities": [],
              "checkworthiness": 0.5, "priority": (i % 97) / 97, "status": "unverified",
              "pinned": False, "version": 1, "checks": 0, "created_at": now, "updated_at": now}
             for i in range(claims)],
        )  # fmt: skip
    engine.dispose()
    return name, url


def drop(server: str, name: str) -> None:
    admin = sqlalchemy.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def raw_lease_rate(url: str, batch: int) -> float:
    """Lease and release every row in batches with bare SQL: the queue's ceiling."""
    engine = sqlalchemy.create_engine(url)
    lease = sqlalchemy.text(
        "UPDATE claim SET lease_owner = 'raw', lease_until = now() + interval '1 minute' "
        "WHERE id IN (SELECT id FROM claim WHERE lease_owner IS NULL AND checks = 0 "
        "ORDER BY priority DESC, created_at, id LIMIT :n FOR UPDATE SKIP LOCKED) RETURNING id"
    )
    done = sqlalchemy.text(
        "UPDATE claim SET lease_owner = NULL, lease_until = NULL, checks = checks + 1 "
        "WHERE id = ANY(:ids)"
    )
    total = 0
    started = time.perf_counter()
    while True:
        with engine.begin() as conn:
            ids = [r[0] for r in conn.execute(lease, {"n": batch})]
        if not ids:
            break
        with engine.begin() as conn:
            conn.execute(done, {"ids": ids})
        total += len(ids)
    engine.dispose()
    return total / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=25)
    parser.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    name, url = fresh(args.server, args.claims)
    try:
        raw = raw_lease_rate(url, args.batch)
    finally:
        drop(args.server, name)
    print(f"queue on PostgreSQL, {args.claims} claims, batches of {args.batch}:")
    print(f"  raw SKIP LOCKED lease + release: {raw:,.0f} claims/s (ceiling)")
    for count in (1, 2, 4):
        name, url = fresh(args.server, args.claims)
        try:
            command = [sys.executable, "-m", "verify", "worker", "--once", "--batch",
                       str(args.batch), "--db", url]  # fmt: skip
            started = time.perf_counter()
            procs = [subprocess.Popen(command, stderr=subprocess.DEVNULL) for _ in range(count)]
            for proc in procs:
                proc.wait(timeout=600)
            rate = args.claims / (time.perf_counter() - started)
        finally:
            drop(args.server, name)
        print(f"  {count} worker(s): {rate:,.0f} claims checked/s "
              f"({rate / raw:.1%} of the raw lease rate; includes process start-up)")  # fmt: skip


if __name__ == "__main__":
    main()
