"""The fetcher against a real loopback server whose pages misbehave."""

import asyncio
import gzip
from collections.abc import Iterator

import pytest

from tests.webserver import Site, fails_then, gzip_bomb, serve, slow, streamed
from verify import fetch
from verify.errors import InputError

GOOD = b"<html><body><p>South Korea's spy agency said 12,000 troops.</p></body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.page(
        "/robots.txt", "User-agent: *\nDisallow: /private\n", headers={"Content-Type": "text/plain"}
    )
    s.page("/ok", GOOD)
    s.routes["/slow"] = slow(3)
    s.routes["/flaky"] = fails_then(500, GOOD)
    s.routes["/throttled"] = fails_then(429, GOOD, headers={"Retry-After": "1"})
    s.routes["/throttled-long"] = fails_then(503, GOOD, headers={"Retry-After": "3600"})
    s.page("/loop", b"", status=302, headers={"Location": "/loop"})
    s.page("/loop-a", b"", status=302, headers={"Location": "/loop-b"})
    s.page("/loop-b", b"", status=302, headers={"Location": "/loop-a"})
    s.page("/to-metadata", b"", status=302,
           headers={"Location": "http://169.254.169.254/latest/meta-data/"})  # fmt: skip
    s.page("/to-ok", b"", status=301, headers={"Location": "/ok"})
    s.routes["/huge"] = streamed(50 * 1024 * 1024, declare=True)
    s.routes["/huge-chunked"] = streamed(50 * 1024 * 1024, declare=False)
    s.page("/bomb", gzip_bomb(200 * 1024 * 1024),
           headers={"Content-Encoding": "gzip", "Content-Type": "text/html"})  # fmt: skip
    s.page("/gzipped", gzip.compress(GOOD), headers={"Content-Encoding": "gzip"})
    s.page("/binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 10)
    s.page("/image", b"\x89PNG\r\n", headers={"Content-Type": "image/png"})
    s.page("/latin", "<p>Zürich – “quoted” text</p>".encode(),
           headers={"Content-Type": "text/html; charset=iso-8859-1"})  # fmt: skip
    s.page("/real-latin", "<p>Zürich café</p>".encode("latin-1"),
           headers={"Content-Type": "text/html; charset=iso-8859-1"})  # fmt: skip
    s.page("/empty", b"")
    s.page("/missing", b"gone", status=404)
    s.page("/private/page", GOOD)
    s.page("/etag", GOOD, headers={"ETag": '"v1"'})
    with serve(s):
        yield s


def settings(site: Site, **overrides: object) -> fetch.FetchSettings:
    base = {
        "resolve": {"news.test": ("127.0.0.1", site.port)},
        "total_timeout": 1.5, "read_timeout": 1.0, "backoff": 0.05, "retries": 2,
        "max_bytes": 5 * 1024 * 1024, "max_retry_after": 5.0,
    }  # fmt: skip
    base.update(overrides)
    return fetch.FetchSettings(**base)  # type: ignore[arg-type]


def get(site: Site, path: str, **overrides: object) -> fetch.Page:
    async def run() -> fetch.Page:
        async with fetch.Fetcher(settings(site, **overrides)) as fetcher:
            return await fetcher.fetch(f"http://news.test{path}")

    return asyncio.run(run())


def test_clean_fetch_sends_host_and_user_agent(site: Site) -> None:
    page = get(site, "/ok")
    assert page.ok and page.status == 200 and "12,000 troops" in (page.text or "")
    path, headers = site.requests[-1]
    assert headers["Host"] == "news.test" and headers["User-Agent"].startswith("verify/")


@pytest.mark.parametrize(
    "path, error",
    [
        ("/slow", "timed out"),
        ("/loop", "redirect loop"),
        ("/loop-a", "redirect loop"),
        ("/to-metadata", "169.254.169.254, a private or reserved address"),
        ("/huge", "body too large (52,428,800 bytes declared"),
        ("/huge-chunked", "body too large"),
        ("/bomb", "inflates past the limit"),
        ("/binary", "binary content under text/html"),
        ("/image", "unsupported content type image/png"),
        ("/empty", "empty body"),
        ("/missing", "HTTP 404"),
        ("/private/page", "robots.txt of http://news.test disallows /private/page"),
    ],
)
def test_misbehaving_pages_end_as_recorded_errors(site: Site, path: str, error: str) -> None:
    page = get(site, path)
    assert not page.ok and error in (page.error or ""), page.error


def test_retries(site: Site) -> None:
    assert get(site, "/flaky").ok and site.hits["/flaky"] == 2
    throttled = get(site, "/throttled")
    assert throttled.ok and site.hits["/throttled"] == 2
    long_wait = get(site, "/throttled-long")
    assert long_wait.error == "HTTP 503" and long_wait.retry_at is not None
    assert site.hits["/throttled-long"] == 1  # a wait longer than allowed is not slept through


def test_redirect_followed_and_gzip_decoded(site: Site) -> None:
    page = get(site, "/to-ok")
    assert page.ok and page.final_url == "http://news.test/ok"
    assert "12,000 troops" in (get(site, "/gzipped").text or "")


def test_wrong_declared_charset(site: Site) -> None:
    assert get(site, "/latin").text == "<p>Zürich – “quoted” text</p>"
    assert get(site, "/real-latin").text == "<p>Zürich café</p>"


def test_conditional_get(site: Site) -> None:
    async def run() -> fetch.Page:
        async with fetch.Fetcher(settings(site)) as fetcher:
            return await fetcher.fetch("http://news.test/etag", etag='"v1"')

    site.routes["/etag"] = lambda h: (
        (304, {}, b"") if h.headers.get("If-None-Match") == '"v1"' else (200, {}, GOOD)
    )
    assert asyncio.run(run()).not_modified


def test_private_addresses_refused_unless_allowed(site: Site) -> None:
    url = f"http://127.0.0.1:{site.port}/ok"

    async def run(allow: bool) -> fetch.Page:
        async with fetch.Fetcher(settings(site, allow_private=allow)) as fetcher:
            return await fetcher.fetch(url)

    assert "a private or reserved address" in (asyncio.run(run(False)).error or "")
    assert asyncio.run(run(True)).ok


def test_refuses_other_schemes() -> None:
    async def run() -> fetch.Page:
        async with fetch.Fetcher(fetch.FetchSettings()) as fetcher:
            return await fetcher.fetch("file:///etc/passwd")

    assert "only http and https" in (asyncio.run(run()).error or "")


NON_PUBLIC = ["10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "fd00::1", "224.0.0.1",
              "100.64.0.1", "::ffff:127.0.0.1"]  # fmt: skip


@pytest.mark.parametrize("address", NON_PUBLIC)
def test_non_public_ranges(address: str) -> None:
    assert not fetch.is_public(address)


def test_public_range() -> None:
    assert fetch.is_public("93.184.216.34") and fetch.is_public("2606:4700::1111")


def test_parse_resolve() -> None:
    assert fetch.parse_resolve(["a.example:127.0.0.1", "B.example:[::1]:8080"]) == {
        "a.example": ("127.0.0.1", None),
        "b.example": ("::1", 8080),
    }
    with pytest.raises(InputError, match="invalid --resolve"):
        fetch.parse_resolve(["nonsense"])


def test_batch_keeps_going_when_pages_fail(site: Site) -> None:
    async def run() -> list[fetch.Page]:
        async with fetch.Fetcher(settings(site)) as fetcher:
            paths = ["/slow", "/ok", "/bomb", "/flaky", "/missing", "/to-ok"]
            return await asyncio.gather(*(fetcher.fetch(f"http://news.test{p}") for p in paths))

    pages = asyncio.run(run())
    assert [p.ok for p in pages] == [False, True, False, True, False, True]
