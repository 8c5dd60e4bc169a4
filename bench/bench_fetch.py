"""`verify fetch` end to end (fetch + main-text extraction + archive + store) from a loopback
server, beside two ceilings measured in the same run: bare httpx at its best pool size against
the same server, and trafilatura's single-core extraction rate × the number of cores. Also the
share of the fetch spent writing WARC records (issue 14).

    .venv/bin/python bench/bench_fetch.py [--pages 400]

Targets: ≥ 80 % of the lower ceiling (issue 4); WARC writing ≤ 10 % of the fetch time (issue
14). Prints numbers; asserts nothing.
"""

import argparse
import asyncio
import multiprocessing
import os
import random
import tempfile
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from verify import database, fetch, sources
from verify.pipeline import fetching

HOST = "bench.example"
WORDS = [
    "troops", "brigade", "seoul", "moscow", "agency", "minister", "said", "officials", "briefing",
    "deployment", "treaty", "assistance", "border", "report", "intelligence", "forces", "ships",
]  # fmt: skip


def page(i: int, rng: random.Random) -> bytes:
    paragraphs = "".join(
        "<p>" + " ".join(rng.choices(WORDS, k=rng.randint(25, 60))).capitalize() + ".</p>"
        for _ in range(rng.randint(8, 15))
    )
    nav = "".join(f'<li><a href="/s/{j}">Section {j}</a></li>' for j in range(30))
    return (
        f"<!doctype html><html><head><title>Story {i}</title></head><body><nav><ul>{nav}"
        f"</ul></nav><main><article><h1>Story {i}</h1>{paragraphs}</article></main>"
        f"<footer>Copyright Bench News</footer></body></html>"
    ).encode()


def serve(pages: dict[str, bytes], port_out: "multiprocessing.Queue[int]") -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    port_out.put(server.server_address[1])
    server.serve_forever()


async def bare(urls: list[str], pool: int) -> float:
    limits = httpx.Limits(max_connections=pool, max_keepalive_connections=pool)
    async with httpx.AsyncClient(limits=limits) as client:
        gate = asyncio.Semaphore(pool)

        async def get(url: str) -> None:
            async with gate:
                (await client.get(url)).raise_for_status()

        started = time.perf_counter()
        await asyncio.gather(*(get(u) for u in urls))
        return len(urls) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=400)
    args = parser.parse_args()
    rng = random.Random(3)
    pages = {f"/story/{i}": page(i, rng) for i in range(args.pages)}
    queue: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.get_context("fork").Process(
        target=serve, args=(pages, queue), daemon=True
    )
    server.start()
    port = queue.get(timeout=10)
    try:
        direct = [f"http://127.0.0.1:{port}{p}" for p in pages]
        rates = {pool: asyncio.run(bare(direct, pool)) for pool in (4, 8, 16, 32)}
        best_pool = max(rates, key=rates.__getitem__)
        sample = list(pages.values())[:60]
        started = time.perf_counter()
        for body in sample:
            fetching.extract_page(body, "text/html; charset=utf-8", "http://bench.example/x")
        per_core = len(sample) / (time.perf_counter() - started)
        cores = os.cpu_count() or 1
        size = sum(map(len, pages.values())) // args.pages // 1024
        print(f"fetch ceilings, {args.pages} pages of ~{size} KB:")
        print(
            "  bare httpx: "
            + ", ".join(f"pool {p}: {r:,.0f}/s" for p, r in rates.items())
            + f" (best {best_pool})"
        )
        print(
            f"  trafilatura: {per_core:.0f} pages/s on one core × {cores} cores = "
            f"{per_core * cores:.0f} pages/s"
        )
        ceiling = min(rates[best_pool], per_core * cores)
        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'bench.db'}"
            with database.transaction(url) as session:
                sources.add(session, [f"http://{HOST}{p}" for p in pages], by="bench")
            settings = fetch.FetchSettings(
                resolve={HOST: ("127.0.0.1", port)},
                allow_private=True,
                respect_robots=False,
                concurrency=best_pool,
                per_host=best_pool,
            )
            started = time.perf_counter()
            summary = fetching.refresh(url, settings, Path(tmp) / "archive", actor="bench")
            elapsed = time.perf_counter() - started
            ours = summary.fetched / elapsed
            warc_bytes = sum(f.stat().st_size for f in (Path(tmp) / "archive" / "warc").iterdir())
        share = ours / ceiling
        print(
            f"verify fetch: {ours:.0f} pages/s ({summary.fetched} fetched, {summary.failed} "
            f"failed) = {share:.0%} of the lower ceiling {ceiling:.0f}/s (target ≥ 80 %)"
        )
        print(
            f"  WARC writing: {summary.warc_seconds:.2f} s of {elapsed:.2f} s = "
            f"{summary.warc_seconds / elapsed:.1%} of the fetch (target ≤ 10 %); "
            f"{len(summary.captures)} captures, {warc_bytes / 1024:,.0f} KiB of .warc.gz"
        )
    finally:
        server.terminate()


if __name__ == "__main__":
    main()
