"""A real HTTP server on 127.0.0.1 for tests: serves pages by path, some of which misbehave."""

import functools
import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Reply = tuple[int, dict[str, str], bytes]
Route = Callable[["Handler"], Reply | None]


@dataclass
class Site:
    """Routes by path; `hits` counts requests per path; `requests` keeps the headers seen;
    `times` the target (path and query) of each request and when it arrived (monotonic)."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    times: list[tuple[str, float]] = field(default_factory=list)
    port: int = 0

    def page(self, path: str, body: str | bytes, *, status: int = 200,
             headers: dict[str, str] | None = None) -> None:  # fmt: skip
        data = body.encode() if isinstance(body, str) else body
        merged = {"Content-Type": "text/html; charset=utf-8", **(headers or {})}
        self.routes[path] = lambda _h: (status, merged, data)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


class Handler(BaseHTTPRequestHandler):
    site: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        path = self.path.split("?")[0]
        key = f"{self.headers.get('Host', '').split(':')[0]}{path}"
        route = self.site.routes.get(key) or self.site.routes.get(path)
        self.site.hits[path] += 1
        self.site.times.append((self.path, time.monotonic()))
        self.site.requests.append((path, dict(self.headers)))
        reply = route(self) if route else (404, {"Content-Type": "text/plain"}, b"not found")
        if reply is None:  # the route wrote its own response
            return
        status, headers, body = reply
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up mid-body is what several tests do on purpose


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    handler = type("BoundHandler", (Handler,), {"site": site})
    server = QuietServer(("127.0.0.1", 0), handler)
    site.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


def slow(seconds: float) -> Route:
    def route(h: Handler) -> Reply:
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, b"<p>late</p>"

    return route


def fails_then(status: int, good: bytes, *, headers: dict[str, str] | None = None) -> Route:
    state = {"n": 0}

    def route(h: Handler) -> Reply:
        state["n"] += 1
        if state["n"] == 1:
            return status, {"Content-Type": "text/plain", **(headers or {})}, b"try later"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, good

    return route


def streamed(total: int, *, declare: bool) -> Route:
    """A huge body written in chunks (optionally without Content-Length)."""

    def route(h: Handler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        if declare:
            h.send_header("Content-Length", str(total))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        sent = 0
        try:
            while sent < total:
                h.wfile.write(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        h.close_connection = True

    return route


@functools.cache
def gzip_bomb(inflated: int) -> bytes:
    return gzip.compress(b"\0" * inflated, compresslevel=9)
