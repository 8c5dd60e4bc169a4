"""Full-page screenshots with headless Chromium (Debian's `chromium`, driven by Playwright).

The SSRF guard holds inside the browser: every request the page makes (images, frames,
scripts, XHR, redirects) is intercepted and answered by verify's own guarded fetcher
(`fetch.Fetcher`: schemes, the resolve map, no loopback / private / link-local addresses
unless allow_private, size and time limits), so a refused request never leaves verify. Only
GETs are answered. The browser's own network is closed behind that: host names resolve to
nothing, direct connections go to a proxy that leads nowhere, and service workers are off.

The main document can come from a capture (`Target.body`), so a screenshot shows the page as
it was fetched, with only its images and styles fetched now.
"""

import asyncio
import contextlib
import shutil
import struct
import time
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from verify import fetch
from verify.errors import InputError

if TYPE_CHECKING:
    from playwright.async_api import Browser, Route

VIEWPORT = (1280, 800)
MAX_HEIGHT = 16_384  # taller pages are cut here (Chromium's own texture limit is near)
SETTLE_MS = 500  # after the load event, for late layout (web fonts, lazy images)
DEAD_PROXY = "http://127.0.0.1:9"  # the discard port: nothing to connect to
BROWSER_ARGS = (
    "--no-sandbox",  # verify runs as root in containers, where Chromium's sandbox cannot start
    "--proxy-bypass-list=<-loopback>",  # loopback goes to the dead proxy too
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--disable-background-networking",
)


@dataclass(frozen=True)
class Target:
    """A page to photograph: its URL, and its main document when it comes from a capture."""

    url: str
    body: bytes | None = None
    content_type: str | None = None


@dataclass(frozen=True)
class Shot:
    """A screenshot (PNG bytes and size), or why there is none; the requests refused."""

    url: str
    png: bytes | None = None
    width: int = 0
    height: int = 0
    error: str | None = None
    blocked: tuple[str, ...] = ()
    seconds: float = 0.0


def chromium() -> str:
    """Path of Debian's chromium; an InputError that says how to install it if it is absent."""
    path = shutil.which("chromium")
    if path is None:
        raise InputError(
            "cannot take screenshots (Chromium is not installed: no `chromium` on PATH); "
            "install it with `apt-get install -y chromium`"
        )
    return path


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk; ValueError if it is not a PNG."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)


def take(
    targets: list[Target], settings: fetch.FetchSettings, *, timeout: float = 30.0
) -> list[Shot]:
    """Screenshot each target, one page at a time, in one browser."""
    path = chromium()
    return asyncio.run(_take(targets, settings, path, timeout))


async def _take(
    targets: list[Target], settings: fetch.FetchSettings, path: str, timeout: float
) -> list[Shot]:
    from playwright.async_api import Error, async_playwright

    # Page resources are not pages: no robots.txt round trips, any content type.
    guarded = replace(settings, respect_robots=False, any_content=True, retries=0)
    async with async_playwright() as playwright, fetch.Fetcher(guarded) as fetcher:
        try:
            browser = await playwright.chromium.launch(
                executable_path=path, args=list(BROWSER_ARGS), proxy={"server": DEAD_PROXY}
            )
        except Error as exc:
            raise InputError(
                f"cannot start Chromium at {path} ({str(exc).splitlines()[0]}); check that "
                "`chromium --headless --version` works"
            ) from exc
        try:
            return [await _one(browser, fetcher, target, timeout) for target in targets]
        finally:
            await browser.close()


async def _fetched(route: "Route", page: fetch.Page, blocked: list[str]) -> None:
    """Answer the browser's request with what the guarded fetcher got."""
    if page.status is None:  # refused by the guard, or no answer at all
        blocked.append(f"{route.request.url} ({page.error})")
        await route.abort("blockedbyclient")
        return
    headers = {"content-type": page.content_type} if page.content_type else {}
    await route.fulfill(status=page.status, headers=headers, body=page.body)


async def _one(browser: "Browser", fetcher: fetch.Fetcher, target: Target, timeout: float) -> Shot:
    from playwright.async_api import Error
    from playwright.async_api import TimeoutError as PlaywrightTimeout

    started = time.perf_counter()
    blocked: list[str] = []
    context = await browser.new_context(
        viewport={"width": VIEWPORT[0], "height": VIEWPORT[1]},
        service_workers="block",
        accept_downloads=False,
    )
    served = {"main": False}

    async def answer(route: "Route") -> None:
        request = route.request
        try:
            main = request.is_navigation_request() and request.frame.parent_frame is None
            if target.body is not None and main and not served["main"]:
                served["main"] = True
                await route.fulfill(
                    status=200, body=target.body, content_type=target.content_type or "text/html"
                )
            elif request.method != "GET":
                blocked.append(f"{request.method} {request.url}")
                await route.abort("blockedbyclient")
            else:
                await _fetched(route, await fetcher.fetch(request.url), blocked)
        except Error:
            return  # the page went away meanwhile: nothing left to answer

    try:
        await context.route("**/*", answer)
        tab = await context.new_page()
        # A resource that never finishes: photograph what has loaded.
        with contextlib.suppress(PlaywrightTimeout):
            await tab.goto(target.url, wait_until="load", timeout=timeout * 1000)
        await tab.wait_for_timeout(SETTLE_MS)
        height = await tab.evaluate("document.documentElement.scrollHeight")
        clip = None
        if isinstance(height, int) and height > MAX_HEIGHT:
            clip = {"x": 0, "y": 0, "width": VIEWPORT[0], "height": MAX_HEIGHT}
        png = await tab.screenshot(full_page=True, clip=clip, timeout=timeout * 1000)  # type: ignore[arg-type]
    except Error as exc:
        return Shot(
            target.url, error=f"the page could not be shown ({str(exc).splitlines()[0]})",
            blocked=tuple(blocked), seconds=time.perf_counter() - started,
        )  # fmt: skip
    finally:
        await context.close()
    width, height = png_size(png)
    return Shot(target.url, png, width, height, None, tuple(blocked),
                time.perf_counter() - started)  # fmt: skip
