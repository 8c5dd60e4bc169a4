"""A loopback web server for `verify demo`: serves <root>/<host>/<path> for each Host header, so
many made-up outlets run on one 127.0.0.1 port (reached with --resolve)."""

import mimetypes
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Handler(BaseHTTPRequestHandler):
    root: Path
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass  # the demo prints its own story

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = unquote(urlsplit(self.path).path).lstrip("/")
        target = (self.root / host / path).resolve()
        inside = target.is_relative_to(self.root.resolve())
        if not inside or not target.is_file():
            self._send(404, "text/plain; charset=utf-8", b"not found\n")
            return
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if target.suffix == ".xml":
            kind = "application/rss+xml"
        charset = "; charset=utf-8" if kind.startswith(("text/", "application/rss")) else ""
        self._send(200, kind + charset, target.read_bytes())

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up early is not the demo's business


@contextmanager
def serve(root: Path) -> Iterator[int]:
    """Serve root on an ephemeral 127.0.0.1 port until the block ends; yields the port."""
    handler = type("SeedHandler", (_Handler,), {"root": root})
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


def hosts(root: Path) -> list[str]:
    """The outlet host names the seed folder serves."""
    return sorted(p.name for p in root.iterdir() if p.is_dir())


def pages(root: Path) -> list[str]:
    """http:// URLs of every HTML page under root."""
    return sorted(
        f"http://{p.relative_to(root).parts[0]}/{'/'.join(p.relative_to(root).parts[1:])}"
        for p in root.rglob("*.html")
    )
