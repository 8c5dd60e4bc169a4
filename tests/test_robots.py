"""robots.txt as sites write it: `*` and `$` in rules, groups per user agent, and Crawl-delay /
Request-rate kept as a pace per host, against a real loopback server that times each hit."""

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from protego import Protego

from tests.conftest import Invoke, rows
from tests.webserver import Site, serve
from verify import fetch

PAGE = b"<html><body><p>South Korea's spy agency said 12,000 troops.</p></body></html>"
TEXT = {"Content-Type": "text/plain"}


def site_with(robots: str) -> Site:
    s = Site()
    s.page("/robots.txt", robots, headers=TEXT)
    for name in ("a", "b", "c", "d"):
        s.page(f"/{name}.html", PAGE)
    s.page("/doc.pdf", PAGE)
    return s


@pytest.fixture
def wildcards() -> Iterator[Site]:
    robots = "User-agent: *\nDisallow: /*?print=\nDisallow: /*.pdf$\nAllow: /\n"
    with serve(site_with(robots)) as s:
        yield s


def fetch_all(site: Site, paths: list[str], **overrides: object) -> list[fetch.Page]:
    base: dict[str, object] = {
        "resolve": {"news.test": ("127.0.0.1", site.port)}, "total_timeout": 10.0,
        "per_host": 4, "backoff": 0.05,
    }  # fmt: skip
    settings = fetch.FetchSettings(**{**base, **overrides})  # type: ignore[arg-type]

    async def run() -> list[fetch.Page]:
        async with fetch.Fetcher(settings) as fetcher:
            return await asyncio.gather(*(fetcher.fetch(f"http://news.test{p}") for p in paths))

    return asyncio.run(run())


def test_wildcards_and_end_anchors_are_honoured(wildcards: Site) -> None:
    paths = ["/a.html?print=1", "/a.html", "/doc.pdf", "/doc.pdf?page=2", "/b.html?printer=x"]
    pages = dict(zip(paths, fetch_all(wildcards, paths), strict=True))
    assert pages["/a.html?print=1"].error == (
        "robots.txt of http://news.test disallows /a.html?print=1"
    )
    assert pages["/doc.pdf"].error == "robots.txt of http://news.test disallows /doc.pdf"
    assert pages["/a.html"].ok and pages["/doc.pdf?page=2"].ok
    assert pages["/b.html?printer=x"].ok  # `print=` is not `printer=`
    asked = [target for target, _ in wildcards.times]
    assert "/a.html?print=1" not in asked and "/doc.pdf" not in asked
    assert asked.count("/robots.txt") == 1


def test_our_own_group_wins_over_the_catch_all() -> None:
    robots = "User-agent: verify\nDisallow: /b\n\nUser-agent: *\nDisallow: /\n"
    with serve(site_with(robots)) as s:
        a, b = fetch_all(s, ["/a.html", "/b.html"])
    assert a.ok and b.error == "robots.txt of http://news.test disallows /b.html"


def test_crawl_delay_spaces_requests_to_a_host() -> None:
    with serve(site_with("User-agent: *\nCrawl-delay: 1\n")) as s:
        pages = fetch_all(s, ["/a.html", "/b.html", "/c.html", "/d.html"])
        starts = sorted(t for target, t in s.times if target != "/robots.txt")
    assert all(p.ok for p in pages)
    gaps = [later - earlier for earlier, later in zip(starts, starts[1:], strict=False)]
    # The server sees when each request arrives, give or take scheduling on a busy machine.
    assert len(starts) == 4 and starts[-1] - starts[0] >= 2.9 and min(gaps) >= 0.5, gaps


def test_without_a_delay_pages_go_at_once() -> None:
    with serve(site_with("User-agent: *\nDisallow:\n")) as s:
        assert all(p.ok for p in fetch_all(s, ["/a.html", "/b.html", "/c.html", "/d.html"]))
        starts = sorted(t for target, t in s.times if target != "/robots.txt")
    assert starts[-1] - starts[0] < 0.9


def test_pages_whose_turn_comes_too_late_are_put_off() -> None:
    with serve(site_with("User-agent: *\nCrawl-delay: 30\n")) as s:
        before = datetime.now(UTC)
        pages = fetch_all(s, ["/a.html", "/b.html", "/c.html"], total_timeout=3.0)
        asked = [target for target, _ in s.times if target != "/robots.txt"]
    done = [p for p in pages if p.ok]
    later = sorted((p for p in pages if p.deferred), key=lambda p: p.retry_at or before)
    assert len(done) == 1 and len(later) == 2 and len(asked) == 1
    assert later[0].error == (
        "robots.txt of http://news.test asks for 30 s between requests; put off to a later run"
    )
    waits = [((p.retry_at or before) - before).total_seconds() for p in later]
    assert 28 < waits[0] < 32 and 58 < waits[1] < 62, waits


@pytest.mark.parametrize(
    "robots, pace",
    [
        ("Crawl-delay: 3\n", 3.0),
        ("Crawl-delay: 3\nRequest-rate: 1/5\n", 5.0),
        ("Request-rate: 2/1m\n", 30.0),
        ("Crawl-delay: 99999999999999999999\n", 86_400.0),  # capped like any other wait
        ("Crawl-delay: -4\n", 0.0),
        ("Crawl-delay: soon\n", 0.0),
        ("Crawl-delay: nan\n", 0.0),
        ("Disallow: /x\n", 0.0),
    ],
)
def test_the_pace_robots_asks_for(robots: str, pace: float) -> None:
    rules = Protego.parse("User-agent: *\n" + robots)
    assert fetch.robots_pace(rules, fetch.USER_AGENT, 86_400.0) == pace


def test_fetch_command_puts_paced_pages_off_without_failing_them(cli: Invoke, db: str) -> None:
    with serve(site_with("User-agent: *\nCrawl-delay: 600\n")) as s:
        cli("sources", "add", *(f"http://news.test/{n}.html" for n in "abc"))
        resolve = ["--resolve", f"news.test:127.0.0.1:{s.port}", "--timeout", "2"]
        result = cli("fetch", *resolve)
    assert "Fetched 1 source(s): 1 new or changed, 0 unchanged, 0 failed" in result.stdout
    assert "2 put off by robots.txt (Crawl-delay)" in result.stdout
    listed = json.loads(cli("sources", "list", "--json").stdout)
    assert [r["error"] for r in listed] == [None, None, None]
    assert rows(db, "SELECT failures FROM source ORDER BY id") == [(0,), (0,), (0,)]
    assert "Fetched 0 source(s)" in cli("fetch", *resolve).stdout  # not due before their turn


def test_an_empty_robots_txt_allows_everything() -> None:
    with serve(site_with("")) as s:
        assert all(p.ok for p in fetch_all(s, ["/a.html", "/doc.pdf"]))
