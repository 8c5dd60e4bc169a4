"""Screenshots (issue 14): seconds per page for full-page PNGs in headless Chromium, every
request answered through verify's guarded fetcher, beside a bare Chromium screenshot of the same
pages fetched by the browser itself (the ceiling) in the same run. Also the WARC writer alone.

    .venv/bin/python bench/bench_capture.py [--pages 20]

Prints numbers; asserts nothing. Needs Debian's chromium.
"""

import argparse
import asyncio
import multiprocessing
import shutil
import tempfile
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from verify import fetch, screenshots, warc

HOST = "bench.example"
PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360f8cfc0f01f0005000201e7d3f1d60000000049454e44ae426082"
)


def page(i: int) -> bytes:
    paragraphs = "".join(f"<p>Paragraph {j} of story {i}: " + "words " * 80 + "</p>"
                         for j in range(30))  # fmt: skip
    images = "".join(f"<img src='/img/{i}-{j}.png' width=40 height=40>" for j in range(5))
    return (f"<!doctype html><html><head><title>Story {i}</title><link rel=stylesheet "
            f"href='/style.css'></head><body><h1>Story {i}</h1>{images}{paragraphs}"
            "</body></html>").encode()  # fmt: skip


def serve(port_out: "multiprocessing.Queue[int]") -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            if self.path.startswith("/img/"):
                body, kind = PNG_1PX, "image/png"
            elif self.path == "/style.css":
                body, kind = b"body{font:16px serif;max-width:50rem;margin:auto}", "text/css"
            elif self.path.startswith("/story/"):
                body, kind = page(int(self.path.rsplit("/", 1)[1])), "text/html; charset=utf-8"
            else:
                body, kind = b"", "text/plain"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_out.put(server.server_address[1])
    server.serve_forever()


async def bare(urls: list[str]) -> float:
    """Chromium fetching and photographing the pages itself: no guard, no interception."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=shutil.which("chromium"), args=["--no-sandbox"]
        )
        started = time.perf_counter()
        for url in urls:
            context = await browser.new_context(viewport={"width": 1280, "height": 800})
            tab = await context.new_page()
            await tab.goto(url, wait_until="load")
            await tab.wait_for_timeout(screenshots.SETTLE_MS)
            await tab.screenshot(full_page=True)
            await context.close()
        elapsed = time.perf_counter() - started
        await browser.close()
    return elapsed / len(urls)


def warc_rate(count: int) -> float:
    """Pages a second the WARC writer alone takes (request + response records, ~20 KB body)."""
    at = datetime.now(UTC)
    body = page(1)
    head = (("Content-Type", "text/html"), ("Content-Length", str(len(body))))
    exchange = fetch.Exchange(f"http://{HOST}/story/1", (("Host", HOST),), 200, "OK",
                              "HTTP/1.1", head, "127.0.0.1", at)  # fmt: skip
    fetched = fetch.Page(exchange.url, exchange.url, 200, "text/html", body,
                         exchanges=(exchange,))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp, warc.Writer(Path(tmp)) as writer:
        for _ in range(count):
            writer.write(fetched)
        return count / writer.seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=20)
    args = parser.parse_args()
    queue: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.get_context("fork").Process(target=serve, args=(queue,), daemon=True)
    server.start()
    port = queue.get(timeout=10)
    try:
        urls = [f"http://{HOST}:{port}/story/{i}" for i in range(args.pages)]
        ceiling = asyncio.run(bare([u.replace(HOST, "127.0.0.1") for u in urls]))
        settings = fetch.FetchSettings(resolve={HOST: ("127.0.0.1", port)}, respect_robots=False)
        started = time.perf_counter()
        shots = screenshots.take([screenshots.Target(u) for u in urls], settings)
        total = time.perf_counter() - started
        per_page = sum(s.seconds for s in shots) / len(shots)
        sizes = sorted(s.height for s in shots)
        print(f"screenshots, {args.pages} pages (30 paragraphs, 5 images, a stylesheet each):")
        print(f"  verify (guarded, every request through verify's fetcher): {per_page:.2f} s/page"
              f"; {total:.1f} s in all with browser start; heights {sizes[0]}–{sizes[-1]} px, "
              f"{sum(s.png is not None for s in shots)} PNGs")  # fmt: skip
        print(f"  bare Chromium fetching for itself (ceiling): {ceiling:.2f} s/page")
        print(f"WARC writer alone: {warc_rate(2000):,.0f} pages/s (request + response records, "
              f"{len(page(1)) // 1024} KB body, gzip)")  # fmt: skip
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
