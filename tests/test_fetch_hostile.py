"""Hostile servers cannot stop fetching: bad Retry-After values, sources that failed many times,
endlessly slow bodies and slow extraction each cost their own page only (issue 12, section A)."""

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy

from tests.conftest import Invoke, rows
from tests.webserver import Handler, Reply, Site, serve
from verify import fetch, processes, sources
from verify.models import Source

GOOD = "<html><body><article><h1>Seoul briefs NATO</h1><p>{}</p></article></body></html>"
TEXT = (
    "South Korea's spy agency said North Korea is deploying about 12,000 troops to Russia, "
    "and officials in Brussels said the deployment includes special forces units."
)


def drip(h: Handler) -> None:
    """A body that never ends: one byte every 0.2 s."""
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "100000")
    h.end_headers()
    try:
        for _ in range(1000):
            h.wfile.write(b"<")
            h.wfile.flush()
            time.sleep(0.2)
    except (BrokenPipeError, ConnectionResetError):
        pass
    h.close_connection = True


def throttled(value: str) -> "object":
    def route(_h: Handler) -> Reply:
        return 429, {"Content-Type": "text/plain", "Retry-After": value}, b"slow down"

    return route


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.page("/robots.txt", "User-agent: *\n", headers={"Content-Type": "text/plain"})
    for n in range(4):
        s.page(f"/good-{n}", GOOD.format(f"{TEXT} Page {n}."))
    s.routes["/huge-retry"] = throttled("99999999999999999999")  # type: ignore[assignment]
    s.routes["/superscript-retry"] = throttled("²")  # type: ignore[assignment]
    s.routes["/year-9999"] = throttled("Fri, 31 Dec 9999 23:59:59 GMT")  # type: ignore[assignment]
    s.routes["/garbage-date"] = throttled("Mon, 99 Foo 2024 99:99:99 GMT")  # type: ignore[assignment]
    s.page("/always-404", "gone", status=404)
    s.routes["/drip"] = drip
    with serve(s):
        yield s


HOSTILE = ("/huge-retry", "/superscript-retry", "/year-9999", "/garbage-date", "/always-404")


def test_hostile_pages_and_old_failures_cost_only_themselves(
    cli: Invoke, site: Site, db: str
) -> None:
    urls = [f"http://news.test/good-{n}" for n in range(4)]
    urls += [f"http://news.test{p}" for p in HOSTILE]
    cli("sources", "add", *urls)
    # A page that 404s daily reaches 40 failures in about five weeks.
    engine = sqlalchemy.create_engine(db)
    with engine.begin() as conn:
        conn.execute(sqlalchemy.text("UPDATE source SET failures = 40 WHERE url LIKE :u"),
                     {"u": "%always-404"})  # fmt: skip
    engine.dispose()
    resolve = ["--resolve", f"news.test:127.0.0.1:{site.port}", "--timeout", "5"]
    for run in range(2):  # twice in a row: nothing left behind breaks the next run
        started = datetime.now(UTC)
        result = cli("fetch", "--all", *resolve)
        assert "4 new or changed" in result.stdout or "4 unchanged" in result.stdout, result.output
        assert "5 failed" in result.stdout, (run, result.output)
    listed = {
        r["url"].rsplit("/", 1)[1]: r for r in json.loads(cli("sources", "list", "--json").stdout)
    }
    for n in range(4):
        assert listed[f"good-{n}"]["error"] is None
    for path in HOSTILE:
        row = listed[path.lstrip("/")]
        assert row["error"], path
        next_at = datetime.fromisoformat(row["next_fetch_at"])
        # every wait is capped at a day (--max-wait), never "forever"
        assert next_at <= started + timedelta(days=1, minutes=5), (path, next_at)
    assert listed["always-404"]["failures"] == 42
    assert rows(db, "SELECT count(*) FROM source WHERE lease_owner IS NOT NULL") == [(0,)]


@pytest.mark.parametrize(
    "value, seconds",
    [
        ("120", 120),
        ("99999999999999999999", 86_400),
        ("Fri, 31 Dec 9999 23:59:59 GMT", 86_400),
        ("Thu, 01 Jan 1970 00:00:00 GMT", 0),
        ("²", None),
        ("-5", None),
        ("1e9", None),
        ("Mon, 99 Foo 2024 99:99:99 GMT", None),
        ("", None),
    ],
)
def test_retry_after_is_parsed_strictly_and_capped(value: str, seconds: int | None) -> None:
    now = datetime(2026, 11, 29, tzinfo=UTC)
    found = fetch.retry_after(value, 86_400, now=now)
    assert (None if found is None else (found - now).total_seconds()) == seconds


def test_backoff_never_overflows_and_is_capped() -> None:
    source = Source(url="http://a.example/", added_by="t", failures=10_000)
    now = datetime(2026, 11, 29, tzinfo=UTC)
    sources.record_failure(source, "HTTP 404", now=now)
    assert source.next_fetch_at == now + sources.RETRY_MAX
    far = now + timedelta(days=3000)
    sources.record_failure(source, "HTTP 503", now=now, retry_at=far, max_wait=timedelta(hours=2))
    assert source.next_fetch_at == now + timedelta(hours=2)


def test_timeout_is_per_page_not_per_attempt(site: Site) -> None:
    settings = fetch.FetchSettings(
        resolve={"news.test": ("127.0.0.1", site.port)}, total_timeout=1.5, read_timeout=1.0,
        retries=3, backoff=0.05,
    )  # fmt: skip

    async def run() -> fetch.Page:
        async with fetch.Fetcher(settings) as fetcher:
            return await fetcher.fetch("http://news.test/drip")

    started = time.monotonic()
    page = asyncio.run(run())
    elapsed = time.monotonic() - started
    assert not page.ok and "timed out" in (page.error or "")
    assert elapsed < 3.0, elapsed  # one budget of 1.5 s, not four attempts


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def test_slow_child_is_killed_at_its_deadline_and_replaced() -> None:
    async def run() -> tuple[float, str]:
        async with processes.Pool(1) as pool:
            assert await pool.run(30, _sleep, 0) == "done"  # started and warm
            started = time.monotonic()
            with pytest.raises(processes.Timeout):
                await pool.run(0.5, _sleep, 60)
            elapsed = time.monotonic() - started
            return elapsed, await pool.run(30, _sleep, 0)

    elapsed, after = asyncio.run(run())
    assert elapsed < 3.0 and after == "done"


CHILD_SCRIPT = """
import asyncio, sys, time
from verify import processes

async def main():
    async with processes.Pool(2) as pool:
        pids = await asyncio.gather(*(pool.run(30, __import__("os").getpid) for _ in range(2)))
        print(" ".join(map(str, {c.process.pid for c in pool.children})), flush=True)
        await asyncio.sleep(60)

asyncio.run(main())
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not status.exists() or "zombie" not in status.read_text()


def test_children_die_with_a_killed_parent(tmp_path: Path) -> None:
    with subprocess.Popen(
        [sys.executable, "-c", CHILD_SCRIPT], stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parent.parent,
    ) as parent:  # fmt: skip
        assert parent.stdout is not None
        children = [int(p) for p in parent.stdout.readline().split()]
        assert len(children) == 2 and all(_alive(p) for p in children)
        parent.send_signal(signal.SIGKILL)
        parent.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in children)
