"""The review desk at 100,000 claims, on SQLite and PostgreSQL.

1. Page cost: the queue page and the claim page, server time (the desk's `Server-Timing`
   header: sign-in check, queries and rendering) beside the raw SQL those pages need, run
   directly through the database driver (the ceiling). Target: page ≤ 3× raw.
2. Load: `verify serve` in its own process, N concurrent signed-in sessions (default 50),
   each making a fixed number of requests over loopback, once pausing like a person reading
   between requests (--think, mean seconds) and once with no pause at all (saturation):
   queue pages (filters, next pages, search), claim pages, and edits (take, attach evidence,
   set a status with the version read, which races other sessions on a small set of hot
   claims). Reports p50 / p95 / max latency and errors, then checks that every acknowledged
   edit is in the database and every edit refused as stale is not ("lost edits").
   Target: p95 ≤ 200 ms, 0 errors, 0 lost edits.

    .venv/bin/python bench/bench_serve.py [--claims 100000] [--sessions 50] [--requests 40]
        [--workers 1] [--think 1,0] [--server postgresql+psycopg://...] [--only sqlite]
"""

import argparse
import asyncio
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import sqlalchemy

from verify import config, database, users
from verify.models import Account, Article, Claim, Evidence, Mention, Source, StatusChange

PASSWORD = "bench password 1"
OUTLETS = [f"Outlet {i:02d}" for i in range(20)]
SUBJECTS = ["North Korea", "Russia", "NATO", "Seoul", "the Kremlin", "Ukraine", "Pyongyang"]
VERBS = ["is deploying", "has sent", "will train", "moved", "denied sending", "confirmed"]
UNITS = ["troops", "soldiers", "brigades", "officers", "engineers"]
CHUNK = 5_000


# --- data -----------------------------------------------------------------------------------


def fill(url: str, claims: int, sessions: int) -> None:
    """A desk's worth of rows: claims with mentions, evidence and history; accounts."""
    rng = random.Random(13)
    engine = database.open_engine(url)
    now = datetime.now(UTC)
    articles = max(100, claims // 20)
    sources = max(100, claims // 50)
    with engine.begin() as conn:
        ins = lambda model, rows: conn.execute(sqlalchemy.insert(model.__table__), rows)  # type: ignore[attr-defined]  # noqa: E731
        for start in range(0, articles, CHUNK):
            ins(
                Article,
                [
                    {
                        "id": i + 1,
                        "url": f"https://outlet{i % 20}.example/a/{i}",
                        "title": f"Story {i}",
                        "outlet": OUTLETS[i % 20],
                        "text": _article_text(rng, i),
                        "raw_sha256": f"{i:064x}",
                        "origin_group": f"outlet{i % 20}.example",
                        "ingested_at": now,
                    }
                    for i in range(start, min(start + CHUNK, articles))
                ],
            )
        for start in range(0, sources, CHUNK):
            ins(
                Source,
                [
                    {
                        "id": i + 1,
                        "url": f"https://source{i % 300}.example/p/{i}",
                        "kind": "page",
                        "domain": f"source{i % 300}.example",
                        "title": f"Source page {i}",
                        "origin_group": f"source{i % 300}.example",
                        "http_status": 200,
                        "failures": 0,
                        "added_by": "bench",
                        "added_at": now,
                        "fetched_at": now,
                    }
                    for i in range(start, min(start + CHUNK, sources))
                ],
            )
        for start in range(0, claims, CHUNK):
            batch = range(start, min(start + CHUNK, claims))
            claim_rows, mention_rows, evidence_rows, change_rows = [], [], [], []
            for i in batch:
                status = rng.choices(["unverified", "disputed", "corroborated"], [6, 2, 2])[0]
                figure = rng.choice([1500, 3000, 12000, 4, 800])
                unit = rng.choice(UNITS)
                created = now - timedelta(minutes=rng.randrange(90 * 24 * 60))
                claim_rows.append(
                    {
                        "id": i + 1,
                        "text": f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
                        f"{figure:,} {unit} (claim {i}).",
                        "quote": f"Officials said claim {i}.",
                        "attributed_to": rng.choice(
                            [None, "South Korea's spy agency", "the Kremlin"]
                        ),
                        "quantities": [
                            {
                                "value": figure,
                                "unit": unit,
                                "approx": False,
                                "bound": None,
                                "low": None,
                                "text": f"{figure:,} {unit}",
                                "start": 0,
                                "end": 9,
                            }
                        ],
                        "checkworthiness": 0.5,
                        "priority": round(rng.random(), 4),
                        "status": status,
                        "pinned": False,
                        "version": 1,
                        "checks": 0,
                        "created_at": created,
                        "updated_at": created,
                    }
                )
                article = rng.randrange(articles) + 1
                mention_rows.append(
                    {"claim_id": i + 1, "article_id": article, "char_start": 100, "char_end": 160}
                )
                change_rows.append(
                    {
                        "claim_id": i + 1,
                        "from_status": None,
                        "to_status": "unverified",
                        "reason": "extracted",
                        "actor": "bench",
                        "at": created,
                    }
                )
                if status != "unverified":
                    change_rows.append(
                        {
                            "claim_id": i + 1,
                            "from_status": "unverified",
                            "to_status": status,
                            "reason": "rules",
                            "actor": "rules",
                            "at": created,
                        }
                    )
                for n in range(rng.choice([0, 0, 1, 3, 6])):
                    source = rng.randrange(sources) + 1
                    evidence_rows.append(
                        {
                            "claim_id": i + 1,
                            "source_id": source,
                            "url": f"https://source{(source - 1) % 300}.example/p/{source - 1}",
                            "passage": f"A passage that speaks to claim {i}, number {n}.",
                            "score": 80 + rng.random() * 20,
                            "stance": rng.choice(["supports", "contradicts", "mentions"]),
                            "method": "auto",
                            "added_by": "rules",
                            "added_at": created,
                        }
                    )
            ins(Claim, claim_rows)
            ins(Mention, mention_rows)
            ins(StatusChange, change_rows)
            # one auto evidence row per claim and source (the unique index)
            seen: set[tuple[int, int]] = set()
            ins(
                Evidence,
                [
                    e
                    for e in evidence_rows
                    if (e["claim_id"], e["source_id"]) not in seen
                    and not seen.add((e["claim_id"], e["source_id"]))
                ],
            )
        hashed = users._hasher.hash(PASSWORD)  # one hash for all: the bench is not about argon2
        ins(
            Account,
            [
                {
                    "name": f"user{i}",
                    "role": "editor" if i % 5 == 0 else "reviewer",
                    "password_hash": hashed,
                    "active": True,
                    "created_at": now,
                }
                for i in range(sessions)
            ],
        )
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            for table in ("article", "source", "claim", "mention", "statuschange", "evidence"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
        # As autovacuum leaves a desk's tables: measured straight after the bulk load, the
        # pages would race autovacuum's own pass and index-only scans would visit the heap.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    else:
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    engine.dispose()


def _article_text(rng: random.Random, i: int) -> str:
    words = [rng.choice(SUBJECTS + VERBS + UNITS) for _ in range(250)]
    return f"Story {i}. " + " ".join(words)


# --- page cost ------------------------------------------------------------------------------


def median_ms(run: Callable[[], Any], times: int) -> float:
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def raw_queries(url: str, claim_ids: list[int], session_hash: str) -> tuple[float, float, float]:
    """The SQL the queue page and the claim page need, through the driver alone (ms)."""
    pg = url.startswith("postgresql")
    engine = sqlalchemy.create_engine(url)
    p = "%s" if pg else "?"
    session_sql = (
        f"SELECT * FROM websession JOIN account ON account.id = websession.account_id "
        f"WHERE websession.token_hash = {p} AND account.active"
    )
    page_sql = (
        f"SELECT * FROM claim WHERE status = {p} ORDER BY priority DESC, created_at, id LIMIT 51"
    )
    count_sql = "SELECT status, count(*) FROM claim GROUP BY status"
    outlets_sql = (
        "SELECT DISTINCT outlet FROM article WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500"
    )
    claim_sqls = [
        f"SELECT * FROM claim WHERE id = {p}",
        f"SELECT * FROM mention JOIN article ON article.id = mention.article_id WHERE "
        f"mention.claim_id = {p} ORDER BY article.id, mention.char_start",
        f"SELECT evidence.*, source.id, source.origin_group, source.title, source.archive_path, "
        f"source.fetched_at FROM evidence LEFT OUTER JOIN source ON source.id = "
        f"evidence.source_id WHERE evidence.claim_id = {p} ORDER BY evidence.id",
        f"SELECT id FROM claim WHERE id = {p}",
        f"SELECT * FROM statuschange WHERE claim_id = {p} ORDER BY id",
        f"SELECT evidence.*, source.origin_group FROM evidence LEFT OUTER JOIN source ON "
        f"source.id = evidence.source_id WHERE evidence.claim_id IN ({p}) ORDER BY evidence.id",
        f"SELECT mention.claim_id, article.origin_group, article.url FROM mention JOIN article "
        f"ON article.id = mention.article_id WHERE mention.claim_id IN ({p})",
        "SELECT name FROM account WHERE active ORDER BY name",
    ]
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()

        def run(sql: str, *args: Any) -> None:
            cursor.execute(sql, args)
            cursor.fetchall()

        def queue() -> None:
            run(session_sql, session_hash)
            for status in ("unverified", "disputed"):
                run(page_sql, status)
            run(outlets_sql)
            raw.rollback()

        def count() -> None:
            run(count_sql)
            raw.rollback()

        ids = iter(claim_ids * 10)

        def claim() -> None:
            run(session_sql, session_hash)
            claim_id = next(ids)
            for sql in claim_sqls:
                run(sql, *(() if p not in sql else (claim_id,)))
            raw.rollback()

        queue_ms = median_ms(queue, 30)
        claim_ms = median_ms(claim, 30)
        count_ms = median_ms(count, 10)
    finally:
        raw.close()
        engine.dispose()
    return queue_ms, claim_ms, count_ms


def server_ms(response: httpx.Response) -> float:
    match = re.search(r"app;dur=([\d.]+)", response.headers.get("server-timing", ""))
    assert match, "no Server-Timing header"
    return float(match.group(1))


def csrf_and_version(html: str) -> tuple[str, int]:
    csrf = re.search(r'name="csrf" value="([^"]+)"', html)
    version = re.search(r'name="version" value="(\d+)"', html)
    assert csrf and version, "no form on the claim page"
    return csrf.group(1), int(version.group(1))


async def sign_in(client: httpx.AsyncClient, name: str) -> None:
    form = await client.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf
    done = await client.post(
        "/login", data={"csrf": csrf.group(1), "name": name, "password": PASSWORD, "next": "/queue"}
    )
    assert done.status_code == 303, done.text[:300]


async def page_costs(base: str, claim_ids: list[int]) -> tuple[float, float, float, float]:
    """Median server time and client latency of the queue and claim pages (ms)."""
    async with httpx.AsyncClient(base_url=base) as client:
        await sign_in(client, "user1")
        queue_server, queue_client, claim_server, claim_client = [], [], [], []
        for _ in range(3):  # warm up
            await client.get("/queue")
        for i in range(30):
            started = time.perf_counter()
            got = await client.get("/queue")
            queue_client.append((time.perf_counter() - started) * 1000)
            queue_server.append(server_ms(got))
            started = time.perf_counter()
            got = await client.get(f"/claims/{claim_ids[i % len(claim_ids)]}")
            claim_client.append((time.perf_counter() - started) * 1000)
            assert got.status_code == 200
            claim_server.append(server_ms(got))
    med = statistics.median
    return med(queue_server), med(claim_server), med(queue_client), med(claim_client)


# --- load -----------------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conflicts: int = 0
    acknowledged: list[tuple[str, int, str, str]] = field(
        default_factory=list
    )  # kind, claim, who, key
    refused: list[tuple[str, int, str, str]] = field(default_factory=list)


async def session_run(
    client: httpx.AsyncClient,
    user: str,
    requests: int,
    hot: list[int],
    claims: int,
    tally: Tally,
    seed: int,
    think: float,
) -> None:
    rng = random.Random(seed)
    next_link: str | None = None
    done = 0

    async def get(path: str) -> httpx.Response | None:
        nonlocal done
        started = time.perf_counter()
        try:
            got = await client.get(path)
        except httpx.HTTPError as exc:
            tally.errors.append(f"GET {path}: {exc!r}")
            return None
        finally:
            done += 1
        tally.latencies.append((time.perf_counter() - started) * 1000)
        if got.status_code != 200:
            tally.errors.append(f"GET {path}: HTTP {got.status_code}")
            return None
        return got

    async def post(path: str, data: dict[str, str], kind: str, claim: int, key: str) -> None:
        nonlocal done
        started = time.perf_counter()
        try:
            got = await client.post(path, data=data)
        except httpx.HTTPError as exc:
            tally.errors.append(f"POST {path}: {exc!r}")
            return
        finally:
            done += 1
        tally.latencies.append((time.perf_counter() - started) * 1000)
        if got.status_code == 303 and "done=" in got.headers.get("location", ""):
            tally.acknowledged.append((kind, claim, user, key))
        elif got.status_code == 409 and "Changed since you read it" in got.text:
            tally.conflicts += 1
            tally.refused.append((kind, claim, user, key))
        elif got.status_code in (403, 422) and kind == "status":
            tally.refused.append((kind, claim, user, key))  # role or transition refused
        else:
            tally.errors.append(f"POST {path}: HTTP {got.status_code}")

    while done < requests:
        if think:  # a person reads before the next click (exponential, mean `think` s)
            await asyncio.sleep(rng.expovariate(1 / think))
        roll = rng.random()
        if roll < 0.35:
            if next_link and rng.random() < 0.5:
                got = await get(next_link)
            else:
                got = await get(
                    rng.choice(
                        [
                            "/queue",
                            "/queue?mine=1",
                            "/queue?q=troops",
                            "/queue?status=disputed",
                            "/queue?every=1&limit=100",
                            f"/queue?outlet={OUTLETS[rng.randrange(20)]}",
                        ]
                    )
                )
            found = re.search(r'rel="next" href="([^"]+)"', got.text) if got else None
            next_link = found.group(1).replace("&amp;", "&") if found else None
        else:
            claim = rng.choice(hot) if rng.random() < 0.5 else rng.randrange(claims) + 1
            page = await get(f"/claims/{claim}")
            if page is None or roll < 0.65 or done >= requests:
                continue
            csrf, version = csrf_and_version(page.text)
            key = uuid.uuid4().hex[:12]
            base_form = {"csrf": csrf, "version": str(version)}
            action = rng.random()
            if action < 0.3:
                await post(
                    f"/claims/{claim}/assign",
                    base_form | {"action": "take"},
                    "assign",
                    claim,
                    key,
                )
            elif action < 0.65:
                await post(
                    f"/claims/{claim}/evidence",
                    base_form
                    | {
                        "url": f"https://bench.example/{key}",
                        "stance": "mentions",
                        "note": key,
                    },
                    "evidence",
                    claim,
                    key,
                )
            else:
                status = re.findall(r'<option value="(\w+)">', page.text)
                if not status:
                    continue
                await post(
                    f"/claims/{claim}/status",
                    base_form | {"status": rng.choice(status), "reason": key},
                    "status",
                    claim,
                    key,
                )


def lost_edits(url: str, tally: Tally) -> tuple[int, int]:
    """(acknowledged edits missing from the database, refused edits found in it)."""
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        notes = {
            r[0]
            for r in conn.execute(
                sqlalchemy.text(
                    "SELECT note FROM evidence WHERE url LIKE 'https://bench.example/%'"
                )
            )
        }
        reasons = {
            r[0]
            for r in conn.execute(
                sqlalchemy.text("SELECT reason FROM statuschange WHERE actor LIKE 'user%'")
            )
        }
    engine.dispose()
    stored = notes | reasons
    lost = sum(
        1 for kind, _, _, key in tally.acknowledged if kind != "assign" and key not in stored
    )
    phantom = sum(1 for kind, _, _, key in tally.refused if key in stored)
    return lost, phantom


async def load(base: str, sessions: int, requests: int, claims: int, think: float) -> Tally:
    tally = Tally()
    hot = random.Random(5).sample(range(1, claims + 1), 20)
    clients = [httpx.AsyncClient(base_url=base, timeout=60) for _ in range(sessions)]
    try:
        for i, client in enumerate(clients):  # signed in first: argon2 is not what is measured
            await sign_in(client, f"user{i}")
        started = time.perf_counter()
        await asyncio.gather(
            *(
                session_run(client, f"user{i}", requests, hot, claims, tally, seed=i, think=think)
                for i, client in enumerate(clients)
            )
        )
        tally.latencies.append(-(time.perf_counter() - started))  # wall time, negative marker
    finally:
        for client in clients:
            await client.aclose()
    return tally


# --- driver ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(url: str, port: int, workers: int, log: Path) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "verify"),
            "serve",
            "--db",
            url,
            "--port",
            str(port),
            "--workers",
            str(workers),
        ],
        stdout=subprocess.DEVNULL,
        stderr=log.open("wb"),
    )
    for _ in range(300):
        try:
            httpx.get(f"http://127.0.0.1:{port}/login", timeout=1)
            return process
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit(f"verify serve did not start: {log.read_text()[-2000:]}")


def report_load(url: str, args: argparse.Namespace, tally: Tally, think: float) -> None:
    wall = -tally.latencies.pop()
    lat = sorted(tally.latencies)
    p50, p95 = lat[len(lat) // 2], lat[int(len(lat) * 0.95)]
    lost, phantom = lost_edits(url, tally)
    pause = f"{think:g} s mean pause between requests" if think else "no pause (saturation)"
    print(
        f"  load, {args.sessions} sessions × {args.requests} requests, {pause}: {len(lat):,} "
        f"requests in {wall:.1f} s ({len(lat) / wall:.0f}/s; server workers {args.workers})"
    )
    print(
        f"    latency p50 {p50:.0f} ms, p95 {p95:.0f} ms, max {lat[-1]:.0f} ms "
        f"(target p95 ≤ 200 ms); errors {len(tally.errors)} (target 0)"
    )
    print(
        f"    edits acknowledged {len(tally.acknowledged)}, refused as stale "
        f"{tally.conflicts}, lost {lost}, refused but stored {phantom} (target 0, 0)"
    )
    for error in tally.errors[:5]:
        print(f"    error: {error}")


def bench(label: str, url: str, args: argparse.Namespace) -> None:
    started = time.perf_counter()
    fill(url, args.claims, args.sessions)
    print(f"\n{label}: {args.claims:,} claims filled in {time.perf_counter() - started:.0f} s")
    engine = sqlalchemy.create_engine(url)
    with engine.connect() as conn:
        rich = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT claim_id FROM evidence GROUP BY claim_id HAVING count(*) >= 3 LIMIT 30"
            )
        ]
    engine.dispose()
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="bench-serve-", suffix=".log")[1])
    process = serve(url, port, args.workers, log)
    base = f"http://127.0.0.1:{port}"
    try:
        queue_srv, claim_srv, queue_cli, claim_cli = asyncio.run(page_costs(base, rich))
        with database.transaction(url) as session:
            token = users.start_session(session, users.authenticate(session, "user1", PASSWORD))
        import hashlib

        digest = hashlib.sha256(token.encode()).hexdigest()
        raw_queue, raw_claim, raw_count = raw_queries(url, rich, digest)
        print(
            f"  queue page (50 of {args.claims:,}): server {queue_srv:.2f} ms (client "
            f"{queue_cli:.2f} ms); raw SQL {raw_queue:.2f} ms → {queue_srv / raw_queue:.1f}× "
            f"(target ≤ 3×); + counts per status: raw {raw_count:.2f} ms, which the desk "
            "reuses for up to 2 s"
        )
        print(
            f"  claim page (≥ 3 evidence): server {claim_srv:.2f} ms (client {claim_cli:.2f} "
            f"ms); raw SQL {raw_claim:.2f} ms → {claim_srv / raw_claim:.1f}× (target ≤ 3×)"
        )
        for think in args.think:
            tally = asyncio.run(load(base, args.sessions, args.requests, args.claims, think))
            report_load(url, args, tally, think)
    except BaseException:
        print(f"  the server's log ({log}):\n{log.read_text()[-3000:]}")
        raise
    finally:
        process.terminate()
        process.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--sessions", type=int, default=50)
    parser.add_argument("--requests", type=int, default=40, help="per session")
    parser.add_argument("--workers", type=int, default=1, help="`verify serve --workers`")
    parser.add_argument("--server", default="postgresql+psycopg://postgres@127.0.0.1:5432")
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument(
        "--think",
        type=lambda v: [float(x) for x in v.split(",")],
        default=[1.0, 0.0],
        help="mean pause of a session between requests, seconds; comma-separated runs",
    )
    args = parser.parse_args()
    if args.only != "postgres":
        with tempfile.TemporaryDirectory() as folder:
            bench("SQLite", config.database_url(str(Path(folder) / "desk.db")), args)
    if args.only != "sqlite":
        name = f"verify_bench_{uuid.uuid4().hex[:8]}"
        admin = sqlalchemy.create_engine(f"{args.server}/postgres", isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
        try:
            bench("PostgreSQL", f"{args.server}/{name}", args)
        finally:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()


if __name__ == "__main__":
    main()
