"""The evidence engine at scale (issue 9): `verify check` for one claim and for 100 claims at
1,000 / 10,000 / 100,000 fetched pages, beside the raw full-text query for the same words on
the same database; what indexing adds to `verify fetch`; worker throughput on PostgreSQL.

    .venv/bin/python bench/bench_check.py [--sizes 1000,10000,100000] [--postgres URL]
        [--pg-pages 100000] [--pg-keep] [--pg-existing DB_URL] [--workdir DIR]

Pages are generated (bench/corpus.py) and stored through the library path fetch uses. Each
`verify check` runs as its own process (`--full`, so it asks the index every time); its wall
time and peak RSS are read from wait4. Targets: one claim at 100,000 pages within 1.5× its
time and memory at 1,000 pages and ≤ 3× the raw query plus process start-up; 100 claims at
100,000 pages ≤ 10 s; indexing adds ≤ 20 % to fetch time; ≥ 200 claims/s with 2 workers on
PostgreSQL at 100,000 pages. Prints numbers; asserts nothing.
"""

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import corpus  # noqa: E402
from verify import database, matching, passages  # noqa: E402
from verify.cli.common import load_workflow  # noqa: E402

VERIFY = [sys.executable, "-m", "verify"]


def timed_process(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of one verify process."""
    started = time.perf_counter()
    proc = subprocess.Popen([*VERIFY, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"verify {' '.join(args)} failed: {err}")
    return wall, usage.ru_maxrss / 1024


def best_of(runs: int, args: list[str]) -> tuple[float, float]:
    results = [timed_process(args) for _ in range(runs)]
    return min(r[0] for r in results), max(r[1] for r in results)


def raw_queries(url: str, claims: list[str], limit: int, runs: int = 3) -> float:
    """Seconds for the raw full-text queries alone (the same words the library would ask
    for, the same SQL), best of runs: the ceiling of what check could cost."""
    flow = load_workflow(None)
    engine = database.open_engine(url)
    try:
        with database.session_on(engine) as session:
            norms = [matching.normalise(c) for c in claims]
            df = passages.frequencies(session, {w for n in norms for w in passages.terms_of(n)})
            queries = [
                passages.query_for(n, df, max_terms=flow.query_terms,
                                   max_postings=flow.query_postings)
                for n in norms
            ]  # fmt: skip
            best = float("inf")
            for _ in range(runs):
                started = time.perf_counter()
                for query in queries:
                    if url.startswith("sqlite"):
                        _raw_sqlite(session, query, limit)
                    else:
                        passages.candidates(session, query, limit=limit)
                best = min(best, time.perf_counter() - started)
            return best
    finally:
        engine.dispose()


def _raw_sqlite(session: object, query: passages.Query, limit: int) -> None:
    conn: sqlite3.Connection = session.connection().connection.dbapi_connection  # type: ignore[attr-defined]
    match = " OR ".join(f'"{t}"' for t, _ in query.terms)
    conn.execute(
        "SELECT rowid, bm25(passage_fts) AS r FROM passage_fts WHERE passage_fts MATCH ? "
        "ORDER BY r LIMIT ?",
        (match, limit),
    ).fetchall()


def sqlite_sizes(sizes: list[int], workdir: Path) -> None:
    flow = load_workflow(None)
    rng = random.Random(11)
    print(f"verify check on SQLite, --full (K = {flow.candidates} candidates a claim)")
    baseline: tuple[float, float] | None = None
    for n in [0, *sizes]:
        folder = workdir / f"pages-{n}"
        folder.mkdir(exist_ok=True)
        url = f"sqlite:///{folder / 'verify.db'}"
        engine = database.open_engine(url)
        started = time.perf_counter()
        picked = corpus.store_pages(engine, max(n, 1), folder / "archive") if n else []
        built = time.perf_counter() - started
        texts = [corpus.paraphrase(t, rng) for t in picked[:100]]
        texts += [corpus.sentence(corpus.Words(rng, 2000)) for _ in range(100 - len(texts))]
        ids = corpus.store_claims(engine, texts)
        engine.dispose()
        one = best_of(3, ["check", str(ids[0]), "--full", "--db", url])
        hundred = best_of(1, ["check", *map(str, ids), "--full", "--db", url])
        if n == 0:
            startup = one[0]
            print(f"  start-up (the same command on a database without pages): {startup:.2f} s, "
                  f"{one[1]:.0f} MB")  # fmt: skip
            continue
        raw_one = raw_queries(url, texts[:1], flow.candidates)
        raw_hundred = raw_queries(url, texts, flow.candidates)
        baseline = baseline or one
        rows = sqlite3.connect(folder / "verify.db").execute("SELECT count(*) FROM passage")
        count = rows.fetchone()[0]
        print(f"  {n:>7,} pages ({count:,} passages, stored in {built:.0f} s, "
              f"{built / n * 1000:.1f} ms a page):")  # fmt: skip
        print(f"    1 claim:   {one[0]:.2f} s, {one[1]:.0f} MB   (×{one[0] / baseline[0]:.2f} time,"
              f" ×{one[1] / baseline[1]:.2f} memory of the smallest; target ≤ 1.5×)  "
              f"raw query {raw_one * 1000:.1f} ms → ceiling 3 × raw + start-up = "
              f"{3 * raw_one + startup:.2f} s")  # fmt: skip
        ceiling = 3 * raw_hundred + startup
        print(f"    100 claims: {hundred[0]:.2f} s, {hundred[1]:.0f} MB   (target ≤ 10 s)  raw "
              f"queries {raw_hundred:.2f} s → ceiling {ceiling:.2f} s")  # fmt: skip


def fetch_overhead(workdir: Path, pages: int = 300) -> None:
    """What indexing adds to a real `verify fetch` from a loopback server."""
    from tests.webserver import Site, serve
    from verify import origins
    from verify.cli.common import fetch_settings
    from verify.pipeline import fetching

    rng = random.Random(5)
    words = corpus.Words(rng)
    site = Site()
    site.page("/robots.txt", "User-agent: *\n", headers={"Content-Type": "text/plain"})
    texts = []
    for i in range(pages):
        title, text = corpus.page(words)
        texts.append(text)
        html = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
        site.page(f"/p{i}", f"<html><head><title>{title}</title></head><body><article>"
                            f"<h1>{title}</h1>{html}</article></body></html>")  # fmt: skip
    folder = workdir / "fetch"
    folder.mkdir(exist_ok=True)
    url = f"sqlite:///{folder / 'verify.db'}"
    with serve(site):
        urls = [f"http://news.test/p{i}" for i in range(pages)]
        subprocess.run([*VERIFY, "sources", "add", *urls, "--db", url], check=True,
                       capture_output=True)  # fmt: skip
        spent = [0.0]
        real = fetching._index

        def index(*args: object, **kwargs: object) -> None:
            started = time.perf_counter()
            real(*args, **kwargs)  # type: ignore[arg-type]
            spent[0] += time.perf_counter() - started

        fetching._index = index  # type: ignore[assignment]
        settings = fetch_settings(allow_private=False,
                                  resolve=[f"news.test:127.0.0.1:{site.port}"])  # fmt: skip
        started = time.perf_counter()
        summary = fetching.refresh(url, settings, folder / "archive", actor="bench")
        wall = time.perf_counter() - started
        fetching._index = real  # type: ignore[assignment]
    started = time.process_time()
    for text in texts:
        passages.split(text)
        origins.copy_bands(text)
    child_index = time.process_time() - started
    started = time.process_time()
    for i in range(min(pages, 60)):
        body = site.routes[f"/p{i}"](None)[2]  # type: ignore[arg-type,index]
        fetching.extract_page(body, "text/html; charset=utf-8", f"http://news.test/p{i}")
    extract_all = (time.process_time() - started) * pages / min(pages, 60)
    print(f"verify fetch of {pages} pages from a loopback server: {wall:.1f} s "
          f"({summary.fetched} stored, {summary.passages:,} passages indexed)")  # fmt: skip
    print(f"  writer side (store passages, counts, due claims, origin group): {spent[0]:.2f} s "
          f"= {spent[0] / wall:.0%} of the fetch's wall time")  # fmt: skip
    print(f"  extraction side (split into passages, normalise, copy bands): {child_index:.2f} s of "
          f"CPU = {child_index / extract_all:.0%} of extraction's CPU ({extract_all:.1f} s, "
          f"spread over the cores)")  # fmt: skip
    share = (spent[0] + child_index / (os.cpu_count() or 1)) / wall
    print(f"  indexing adds ≈ {share:.0%} to fetch time   (target ≤ 20 %)")


def postgres_workers(
    pg: str, pages: int, workdir: Path, existing: str | None = None, keep: bool = False
) -> None:
    """2 workers on a fresh database of `pages` generated pages (dropped afterwards unless
    `keep`), or on `existing` (a database an earlier run kept; its claims are replaced)."""
    from sqlalchemy import create_engine, text

    name = f"verify_bench_check_{os.getpid()}"
    admin = create_engine(pg, isolation_level="AUTOCOMMIT")
    if existing is None:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = existing or pg.rsplit("/", 1)[0] + f"/{name}"
    try:
        engine = database.open_engine(url)
        started = time.perf_counter()
        rng = random.Random(3)
        if existing is None:
            picked = corpus.store_pages(engine, pages, workdir / "pg-archive")
        else:
            with engine.begin() as conn:
                conn.execute(text("DELETE FROM claim"))
                total = conn.execute(text("SELECT max(id) FROM passage")).scalar_one()
                wanted = [total * (i + 1) // 2001 for i in range(2000)]
                found = conn.execute(
                    text("SELECT text FROM passage WHERE id = ANY(:ids)"), {"ids": wanted}
                )
                picked = [str(t) for (t,) in found]
            pages = corpus.count_sources(engine)
        built = time.perf_counter() - started
        words = corpus.Words(rng, 2000)
        texts = [corpus.paraphrase(t, rng) for t in picked]
        texts += [corpus.sentence(words) for _ in range(2000 - len(texts))]
        ids = corpus.store_claims(engine, texts[:2000])
        engine.dispose()
        raw = raw_queries(url, texts[:100], 100, runs=1)
        started = time.perf_counter()
        procs = [subprocess.Popen([*VERIFY, "worker", "--once", "--batch", "50", "--db", url,
                                   "--name", f"w{i}"], stderr=subprocess.PIPE, text=True)
                 for i in range(2)]  # fmt: skip
        for proc in procs:
            proc.communicate(timeout=3600)
        wall = time.perf_counter() - started
        stored = "an existing database" if existing else f"stored in {built:.0f} s"
        print(f"PostgreSQL, {pages:,} pages ({stored}): 2 workers checked "
              f"{len(ids)} claims in {wall:.1f} s = {len(ids) / wall:.0f} claims/s "
              f"(target ≥ 200); raw queries alone {100 / raw:.0f} claims/s "
              f"({raw * 10:.1f} ms a claim)")  # fmt: skip
    finally:
        if keep and existing is None:
            print(f"(PostgreSQL database kept: {url})")
        elif existing is None:
            with admin.connect() as conn:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument(
        "--postgres", help="an admin URL, e.g. postgresql+psycopg://postgres@127.0.0.1/postgres"
    )
    parser.add_argument("--pg-pages", type=int, default=100_000)
    parser.add_argument(
        "--pg-existing",
        help="run the worker part on this PostgreSQL database (one an earlier run stored, "
        "with --pg-keep) instead of storing pages again; its claims are replaced",
    )
    parser.add_argument(
        "--pg-keep", action="store_true", help="keep the PostgreSQL database the run stored"
    )
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--skip-fetch", action="store_true")
    args = parser.parse_args()
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="verify-bench-check-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    if not args.skip_fetch:
        fetch_overhead(workdir)
    sqlite_sizes(sizes, workdir)
    if args.postgres or args.pg_existing:
        postgres_workers(args.postgres or args.pg_existing, args.pg_pages, workdir,
                         existing=args.pg_existing, keep=args.pg_keep)  # fmt: skip
    print(f"(databases kept in {workdir})")
    _ = statistics


if __name__ == "__main__":
    main()
