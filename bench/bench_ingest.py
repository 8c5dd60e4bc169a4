"""Ingest throughput, queue-listing latency and start-up cost, each beside its ceiling.

    .venv/bin/python bench/bench_ingest.py [--articles 1000] [--claims 100000]
        [--pages ../shared/data/article-extraction-benchmark/html]

--pages also ingests real pages (saved HTML, gzipped or not): their main text is read first
(trafilatura, timed apart), then extraction and storing are timed, with claims per page.

Prints numbers; asserts nothing (targets live in the issue tracker, not in flaky tests).
"""

import argparse
import gzip
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from verify import articles, claims, config, database, extract, nested, origins, speakers, workflow
from verify.models import Claim
from verify.pipeline import ingestion, reading

ROOT = Path(__file__).resolve().parent.parent
WHO = ["South Korea's spy agency", "The Kremlin", "A NATO official", "Ukraine's defence ministry",
       "The Pentagon", "Japan's foreign minister", "Analysts"]  # fmt: skip
WHAT = ["troops", "soldiers", "drones", "missiles", "shells", "refugees", "tanks"]
PLACES = ["Kursk", "Vladivostok", "Seoul", "Brussels", "Pyongyang", "Moscow", "Kyiv"]


def article(i: int, rng: random.Random) -> bytes:
    """A made-up news article: attributed figures, some filler, a little opinion."""
    lines = [f"Report {i}: movements near {rng.choice(PLACES)}", ""]
    for _ in range(rng.randint(6, 12)):
        kind = rng.random()
        n = rng.randint(2, 900) * 10
        who, what, place = rng.choice(WHO), rng.choice(WHAT), rng.choice(PLACES)
        if kind < 0.5:
            day = rng.choice(["Monday", "Friday"])
            lines.append(f"{who} said {n:,} {what} were moved to {place} on {day}.")
        elif kind < 0.8:
            lines.append(
                f"The report, number {i}, describes convoys near {place} with about {n} vehicles."
            )
        else:
            lines.append("Many people think this is a worrying time for everyone.")
        lines.append("")
    return "\n".join(lines).encode()


def cold() -> None:
    """Empty verify's caches of pure functions, so each timed pass starts as a fresh process
    would, not from what the pass before it read."""
    for cached in (speakers.attribute, speakers.is_speaker, nested.find, origins.shingles):
        cached.cache_clear()


def bench_ingest(n: int, folder: Path) -> None:
    rng = random.Random(1)
    inputs = [articles.parse(article(i, rng), name=f"a{i}") for i in range(n)]
    flow = workflow.load(config.default_workflow())
    cold()
    started = time.perf_counter()
    extracted = sum(len(extract.claims(a.text)) for a in inputs)
    extract_s = time.perf_counter() - started
    for workers in (1, None):  # in this process, then as `verify ingest` does by default
        url = f"sqlite:///{folder / f'ingest-{workers}.db'}"
        cold()
        started = time.perf_counter()
        with database.transaction(url) as session:
            result = ingestion.ingest(session, flow, inputs, actor="bench", workers=workers)
        total_s = time.perf_counter() - started
        how = (
            "read in this process"
            if workers == 1
            else f"read in {reading.workers_for(n)} worker processes (the default)"
        )
        print(f"ingest: {n} generated articles, {how}: {extracted} claim candidates, "
              f"{result.new_claims} new claims, {result.merged_mentions} merged")  # fmt: skip
        print(f"  {n / total_s:,.0f} articles/s, {extracted / total_s:,.0f} claims/s "
              f"({total_s:.2f} s in one transaction)")  # fmt: skip
    print(f"  extraction alone (one process) {extract_s:.2f} s")


def bench_pages(folder: Path, tmp: Path) -> None:
    """Real pages: main text read apart, then ingest (extraction + storing) timed."""
    paths = sorted(p for p in folder.iterdir() if p.name.endswith((".html", ".html.gz")))
    started = time.perf_counter()
    inputs = [
        articles.parse(gzip.decompress(p.read_bytes()) if p.suffix == ".gz" else p.read_bytes(),
                       name=p.name)
        for p in paths
    ]  # fmt: skip
    read_s = time.perf_counter() - started
    flow = workflow.load(config.default_workflow())
    cold()
    started = time.perf_counter()
    per_page = [len(extract.claims(a.text)) for a in inputs]
    extract_s = time.perf_counter() - started
    print(f"pages: {len(inputs)} real pages from {folder} (main text read in {read_s:.1f} s, "
          "not counted below)")  # fmt: skip
    for workers in (1, None):  # in this process, then as `verify ingest` does by default
        cold()
        started = time.perf_counter()
        with database.transaction(f"sqlite:///{tmp / f'pages-{workers}.db'}") as session:
            result = ingestion.ingest(session, flow, inputs, actor="bench", workers=workers)
        total_s = time.perf_counter() - started
        how = "in this process" if workers == 1 else f"{reading.workers_for(len(inputs))} workers"
        print(f"  ingest ({how}) {len(inputs) / total_s:,.0f} articles/s ({total_s:.2f} s; "
              f"extraction alone {extract_s:.2f} s); {result.new_claims} new claims, "
              f"{result.merged_mentions} merged, {len(result.not_claims)} left out")  # fmt: skip
    print(f"  claims per page: median {statistics.median(per_page):.0f}, max {max(per_page)}, "
          f"{sum(1 for n in per_page if n == 0)} pages with none")  # fmt: skip


def fill(url: str, path: Path, n: int) -> None:
    """n claims through SQLAlchemy Core executemany, plus the same rows' raw sqlite3 rate."""
    rng = random.Random(2)
    statuses = ["unverified"] * 6 + ["disputed", "corroborated"]
    start = datetime(2024, 1, 1, tzinfo=UTC)
    rows = [
        {"text": f"Claim {i} about {rng.randint(1, 99_999)} troops", "quote": f"q{i}",
         "quantities": [], "checkworthiness": rng.random(), "priority": rng.random(),
         "status": rng.choice(statuses), "pinned": False, "version": 1, "checks": 0,
         "created_at": start + timedelta(seconds=i), "updated_at": start}
        for i in range(n)
    ]  # fmt: skip
    engine = database.make_engine(url)
    database.migrate(engine)
    started = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(insert(Claim), rows)
    core_s = time.perf_counter() - started
    engine.dispose()
    raw = sqlite3.connect(":memory:")
    raw.execute("CREATE TABLE c (text, quote, priority, status, created_at)")
    started = time.perf_counter()
    raw.executemany(
        "INSERT INTO c VALUES (?, ?, ?, ?, ?)",
        [
            (r["text"], r["quote"], r["priority"], r["status"], r["created_at"].isoformat())
            for r in rows
        ],
    )
    raw_s = time.perf_counter() - started
    print(f"store: {n:,} claims via SQLAlchemy Core {n / core_s:,.0f} rows/s; "
          f"raw sqlite3 executemany {n / raw_s:,.0f} rows/s (ceiling)")  # fmt: skip


def timed(fn: object, repeat: int = 20) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def bench_list(n: int, folder: Path) -> None:
    path = folder / "list.db"
    url = f"sqlite:///{path}"
    fill(url, path, n)
    flow = workflow.load(config.default_workflow())
    engine = database.make_engine(url, write=False)
    from sqlmodel import Session

    with Session(engine) as session:
        ours = timed(lambda: claims.list_claims(session, statuses=flow.pending, limit=50))
    engine.dispose()
    conn = sqlite3.connect(path)
    sql = ("SELECT * FROM claim WHERE status IN ('unverified', 'disputed') "
           "ORDER BY priority DESC, created_at, id LIMIT 50")  # fmt: skip
    naive = timed(lambda: conn.execute(sql).fetchall())
    one = ("SELECT * FROM claim WHERE status = ? "
           "ORDER BY priority DESC, created_at, id LIMIT 50")  # fmt: skip
    raw = timed(lambda: [conn.execute(one, (s,)).fetchall() for s in flow.pending])
    plan = " / ".join(r[-1] for r in conn.execute("EXPLAIN QUERY PLAN " + one, ("disputed",)))
    print(f"claims list (50 of {n:,} claims): library {ours:.2f} ms; raw sqlite3, same "
          f"per-status reads {raw:.2f} ms (ceiling; plan: {plan}); raw single IN query "
          f"{naive:.2f} ms")  # fmt: skip
    cli = [sys.executable, "-m", "verify", "claims", "list", "--limit", "50", "--db", str(path)]
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(cli, check=True, capture_output=True)
        samples.append(time.perf_counter() - started)
    print(f"  whole `verify claims list` process: {statistics.median(samples) * 1000:.0f} ms")


def bench_startup() -> None:
    def run(args: list[str]) -> float:
        samples = []
        for _ in range(5):
            started = time.perf_counter()
            subprocess.run([sys.executable, *args], check=True, capture_output=True)
            samples.append(time.perf_counter() - started)
        return statistics.median(samples) * 1000

    bare = run(["-c", "pass"])
    typer_only = run(["-c", "import typer"])
    minimal = "import typer\napp = typer.Typer()\n@app.command()\ndef x() -> None: ...\napp()"
    minimal_help = run(["-c", minimal, "--help"])
    help_ms = run(["-m", "verify", "--help"])
    print(f"start-up: `verify --help` {help_ms:.0f} ms; a one-command Typer app's --help "
          f"{minimal_help:.0f} ms (ceiling); `import typer` {typer_only:.0f} ms; "
          f"bare python {bare:.0f} ms")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--pages", type=Path, help="a folder of saved HTML pages to ingest")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            bench_pages(args.pages, Path(tmp))
        bench_ingest(args.articles, Path(tmp))
        bench_list(args.claims, Path(tmp))
    bench_startup()


if __name__ == "__main__":
    main()
